/**
 * For tests: what Docusaurus does with a generated page, up to static HTML. Front matter is parsed
 * by Docusaurus's own parser, the body compiled by MDX 3 with GFM and directives, and rendered with
 * stand-ins for the components the API pages get from their MDX provider.
 */
import {createRequire} from 'node:module';
import {evaluate} from '@mdx-js/mdx';
import {DEFAULT_PARSE_FRONT_MATTER, unwrapMdxCodeBlocks} from '@docusaurus/utils';
import {createElement, Fragment, type ReactNode} from 'react';
import * as runtime from 'react/jsx-runtime';
import remarkDirective from 'remark-directive';
import remarkGfm from 'remark-gfm';
import {compileLikeDocusaurus} from '../../../test/compileLikeDocusaurus';

const {renderToStaticMarkup} = createRequire(__filename)('react-dom/server') as {
  renderToStaticMarkup: (element: ReactNode) => string;
};

/** Renders its props as JSON, so a test can read back what the page passed. */
function stand(name: string) {
  return function StandIn(props: {children?: ReactNode} & Record<string, unknown>) {
    const {children, ...rest} = props;
    return createElement('section', {'data-component': name}, JSON.stringify(rest), children);
  };
}

const COMPONENTS = {
  MethodEndpoint: stand('MethodEndpoint'),
  OperationDetails: stand('OperationDetails'),
  SchemaDetails: stand('SchemaDetails'),
  Admonition: stand('Admonition'),
};

export interface CompiledPage {
  frontMatter: Record<string, unknown>;
  html: string;
}

/** Throws as Docusaurus would on a page that does not compile, or names an image the site does not have. */
export async function compilePage(mdx: string): Promise<{frontMatter: Record<string, unknown>; body: string}> {
  const {frontMatter, content} = await DEFAULT_PARSE_FRONT_MATTER({filePath: 'page.mdx', fileContent: mdx});
  const body = unwrapMdxCodeBlocks(content);
  await compileLikeDocusaurus(mdx);
  return {frontMatter, body};
}

export async function renderPage(mdx: string): Promise<CompiledPage> {
  const {frontMatter, body} = await compilePage(mdx);
  const {default: Content} = await evaluate(body, {
    ...(runtime as unknown as {Fragment: typeof Fragment; jsx: never; jsxs: never}),
    remarkPlugins: [remarkGfm, remarkDirective],
  });
  return {frontMatter, html: renderToStaticMarkup(createElement(Content, {components: COMPONENTS}))};
}
