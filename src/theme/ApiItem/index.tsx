/**
 * Wraps docusaurus-theme-openapi-docs' ApiItem for the pages plugins/openapi generates. Their front
 * matter carries `openapi: {data, method, path}` instead of the stock `api` blob; this wrapper
 * fetches the data, resolves its refs and hands the theme's ApiItem the `api` object it expects.
 * Until the data is there (and in the static HTML) the theme gets a stub with the method and path,
 * so the two-column layout is the same from the first paint; the explorer shows a skeleton
 * (src/theme/ApiExplorer) and the left column the static summary from the MDX.
 */
import {useMemo, type ReactNode} from 'react';
import {MDXProvider} from '@mdx-js/react';
import Admonition from '@theme/Admonition';
import MethodEndpoint from '@theme/ApiExplorer/MethodEndpoint';
import OriginalApiItem, {type ApiItemContent, type Props} from '@theme-original/ApiItem';
import OperationDetails from '@site/src/components/OpenApi/OperationDetails';
import SchemaDetails from '@site/src/components/OpenApi/SchemaDetails';
import {PageDataProvider, useFetchedPageData, type PageData} from '@site/src/components/OpenApi/pageData';

/**
 * The components generated API pages use. The pages do not import them: with an import in each of
 * thousands of pages, the bundler's chunk graph grows with pages × shared modules (see ADR 0019).
 */
const API_PAGE_COMPONENTS = {Admonition, MethodEndpoint, OperationDetails, SchemaDetails};

interface OpenApiFrontMatter {
  data: string;
  method?: string;
  path?: string;
  schema?: string;
}

export default function ApiItem(props: Props): ReactNode {
  const openapi = props.content.frontMatter.openapi as OpenApiFrontMatter | undefined;
  // A page without data (an overview, an error page) still needs the components.
  const plain = useMemo(() => wrapContent(props.content, props.content.frontMatter), [props.content]);
  if (!openapi?.data) return <OriginalApiItem {...props} content={plain} />;
  return <OpenApiPage props={props} openapi={openapi} />;
}

function OpenApiPage({props, openapi}: {props: Props; openapi: OpenApiFrontMatter}): ReactNode {
  const data = useFetchedPageData(openapi.data);
  const content = useMemo(() => withApi(props.content, openapi, data), [props.content, openapi, data]);
  return (
    <PageDataProvider value={data}>
      <OriginalApiItem {...props} content={content} />
    </PageDataProvider>
  );
}

/**
 * The page's MDX component, rendered with the API page components, and with `api` in its front
 * matter for operation pages (a schema page keeps the plain doc layout).
 */
function withApi(content: ApiItemContent, openapi: OpenApiFrontMatter, data: PageData): ApiItemContent {
  const api = openapi.method === undefined ? undefined : apiOf(openapi, data);
  return wrapContent(content, api ? {...content.frontMatter, api} : content.frontMatter);
}

function wrapContent(content: ApiItemContent, frontMatter: Record<string, unknown>): ApiItemContent {
  const Content = content;
  const Wrapped = (() => (
    <MDXProvider components={API_PAGE_COMPONENTS}>
      <Content />
    </MDXProvider>
  )) as unknown as ApiItemContent;
  Object.assign(Wrapped, {
    metadata: content.metadata,
    frontMatter,
    toc: content.toc,
    contentTitle: content.contentTitle,
    assets: content.assets,
  });
  return Wrapped;
}

/** The loaded `api`, else a stub marked so our ApiExplorer wrapper shows a skeleton (or the error). */
function apiOf(openapi: OpenApiFrontMatter, data: PageData): Record<string, unknown> {
  if (data.status === 'loaded' && data.api) return data.api;
  return {
    method: openapi.method,
    path: openapi.path ?? '',
    servers: [],
    parameters: [],
    __pending: data.status === 'loading',
    __error: data.status === 'error' ? `${data.message} (${data.url})` : undefined,
  };
}
