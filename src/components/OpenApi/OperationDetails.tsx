/**
 * The request and response details of an operation page. Its children are the static summary the
 * MDX carries (for the HTML and the search index); once the page's data is loaded they are replaced
 * by the theme's components, as the stock plugin's MDX would render them: parameters, body, status
 * codes with their schemas and examples, callbacks.
 */
import type {ReactNode} from 'react';
import Heading from '@theme/Heading';
import Markdown from '@theme/Markdown';
import MethodEndpoint from '@theme/ApiExplorer/MethodEndpoint';
import OperationTabs from '@theme/OperationTabs';
import ParamsDetails from '@theme/ParamsDetails';
import RequestSchema from '@theme/RequestSchema';
import StatusCodes from '@theme/StatusCodes';
import TabItem from '@theme/TabItem';
import {usePageDataContext} from './pageData';
import LoadError from './LoadError';

const METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'];

type Api = Record<string, unknown> & {parameters?: unknown[]; requestBody?: unknown; responses?: unknown; callbacks?: Record<string, unknown>};

export default function OperationDetails({children}: {children?: ReactNode}): ReactNode {
  const data = usePageDataContext();
  if (data?.status === 'error') {
    return (
      <>
        <LoadError url={data.url} message={data.message} />
        {children}
      </>
    );
  }
  if (data?.status !== 'loaded' || !data.api) return <div className="openapi-static-summary">{children}</div>;
  const api = data.api as Api;
  const parameters = Array.isArray(api.parameters) ? api.parameters : [];
  return (
    <>
      {(parameters.length > 0 || api.requestBody !== undefined) && (
        <Heading as="h2" id="request" className="openapi-tabs__heading">
          Request
        </Heading>
      )}
      <ParamsDetails parameters={parameters} />
      <RequestSchema title="Body" body={api.requestBody} />
      <StatusCodes responses={api.responses} />
      <Callbacks callbacks={api.callbacks} />
    </>
  );
}

/** What the stock plugin's createCallbacks writes into MDX, as components. */
function Callbacks({callbacks}: {callbacks?: Record<string, unknown>}): ReactNode {
  const tabs: ReactNode[] = [];
  for (const [name, callback] of Object.entries(callbacks ?? {})) {
    if (!isObject(callback)) continue;
    for (const [path, pathItem] of Object.entries(callback)) {
      if (!isObject(pathItem)) continue;
      for (const method of METHODS) {
        const operation = pathItem[method];
        if (!isObject(operation)) continue;
        tabs.push(
          <TabItem key={`${method}-${name}-${path}`} label={`${method.toUpperCase()} ${name}`} value={`${method}-${name}-${path}`}>
            <MethodEndpoint method={method} path={path} context="callback" />
            {typeof operation.description === 'string' && <Markdown>{operation.description}</Markdown>}
            <RequestSchema title="Body" body={operation.requestBody} />
            <StatusCodes id="callbacks-responses" label="Callbacks Responses" responses={operation.responses} />
          </TabItem>,
        );
      }
    }
  }
  if (tabs.length === 0) return null;
  return (
    <div>
      <div className="openapi__divider" />
      <Heading as="h2" id="callbacks" className="openapi-tabs__heading">
        Callbacks
      </Heading>
      <OperationTabs className="openapi-tabs__operation">{tabs}</OperationTabs>
    </div>
  );
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
