/**
 * Wraps docusaurus-theme-openapi-docs' ApiItem for the pages plugins/openapi generates. Their front
 * matter carries `openapi: {data, method, path}` instead of the stock `api` blob; this wrapper
 * fetches the data, resolves its refs and hands the theme's ApiItem the `api` object it expects.
 * Until the data is there (and in the static HTML) the theme gets a stub with the method and path,
 * so the two-column layout is the same from the first paint; the explorer shows a skeleton
 * (src/theme/ApiExplorer) and the left column the static summary from the MDX.
 */
import {useMemo, type ReactNode} from 'react';
import OriginalApiItem, {type ApiItemContent, type Props} from '@theme-original/ApiItem';
import {PageDataProvider, useFetchedPageData, type PageData} from '@site/src/components/OpenApi/pageData';

interface OpenApiFrontMatter {
  data: string;
  method?: string;
  path?: string;
  schema?: string;
}

export default function ApiItem(props: Props): ReactNode {
  const openapi = props.content.frontMatter.openapi as OpenApiFrontMatter | undefined;
  if (!openapi?.data) return <OriginalApiItem {...props} />;
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

/** The page's MDX component, with `api` in its front matter for operation pages. */
function withApi(content: ApiItemContent, openapi: OpenApiFrontMatter, data: PageData): ApiItemContent {
  if (openapi.method === undefined) return content; // a schema page: a plain doc layout
  const api =
    data.status === 'loaded' && data.api
      ? data.api
      : // Marked so our ApiExplorer wrapper shows a skeleton (or the error) instead of an empty explorer.
        {method: openapi.method, path: openapi.path ?? '', servers: [], parameters: [], __pending: data.status === 'loading', __error: data.status === 'error' ? `${data.message} (${data.url})` : undefined};
  const Content = content;
  const Wrapped = (() => <Content />) as unknown as ApiItemContent;
  Object.assign(Wrapped, {
    metadata: content.metadata,
    frontMatter: {...content.frontMatter, api},
    toc: content.toc,
    contentTitle: content.contentTitle,
    assets: content.assets,
  });
  return Wrapped;
}
