/**
 * One schema of a schema page: the static property list from the MDX until the page's data is
 * loaded, then the theme's expandable Schema and an example generated from it (as the stock schema
 * pages show beside the schema).
 */
import {useMemo, type ReactNode} from 'react';
import CodeBlock from '@theme/CodeBlock';
import Heading from '@theme/Heading';
import Schema from '@theme/Schema';
import {sampleResponseFromSchema} from 'docusaurus-plugin-openapi-docs/lib/openapi/createResponseExample';
import {usePageDataContext} from './pageData';
import LoadError from './LoadError';

export default function SchemaDetails({name, children}: {name: string; children?: ReactNode}): ReactNode {
  const data = usePageDataContext();
  const schema = data?.status === 'loaded' ? data.schemas?.[name] : undefined;
  const example = useMemo(() => (schema === undefined ? undefined : exampleOf(schema)), [schema]);
  if (data?.status === 'error') {
    return (
      <>
        <LoadError url={data.url} message={data.message} />
        {children}
      </>
    );
  }
  if (schema === undefined) return <div className="openapi-static-summary">{children}</div>;
  return (
    <>
      <Schema schema={schema} schemaType="response" />
      {example !== undefined && (
        <>
          <Heading as="h3">Example</Heading>
          <CodeBlock language="json">{example}</CodeBlock>
        </>
      )}
    </>
  );
}

function exampleOf(schema: unknown): string | undefined {
  try {
    return JSON.stringify(sampleResponseFromSchema(schema), null, 2);
  } catch {
    // An example is a convenience: a schema the generator cannot sample still gets its page.
    return undefined;
  }
}
