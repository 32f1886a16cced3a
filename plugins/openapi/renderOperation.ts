/**
 * One operation (or webhook) page. The MDX holds what a reader and the search index need without
 * JavaScript (title, method and path, description, parameter and response summaries); the schemas,
 * the explorer and the code samples come from the page's JSON, which the ApiItem wrapper
 * (src/theme/ApiItem) fetches and hands to docusaurus-theme-openapi-docs' components.
 */
import type {BlockContent, PhrasingContent, RootContent} from 'mdast';
import {heading, inlineCode, jsxFlow, list, paragraph, strong, text} from '../core/mdx/build';
import {writeMdx} from '../core/mdx/writeMdx';
import {markdownBlocks, markdownInline} from './markdown';
import type {OperationModel, ParameterSummary} from './model';

export interface PageContext {
  /** Absolute URL path (without baseUrl) of the page's JSON. */
  dataUrl: string;
  position: number;
  /** The spec's root file, for the "generated from" line. */
  sourceFile: string;
  /** The overview's route (`<section>/`), which the explorer links to for authentication. */
  infoPath?: string;
  /** Explorer options (operation pages only). */
  proxy?: string;
  sendButton?: boolean;
}

const PARAMETER_LOCATIONS = ['path', 'query', 'header', 'cookie'];

export function renderOperation(operation: OperationModel, page: PageContext): string {
  const isWebhook = operation.kind === 'webhook';
  // No imports: MethodEndpoint, OperationDetails and Admonition come from the MDX provider of
  // src/theme/ApiItem.
  // An import per page would make the bundler track every page as a user of the theme's modules,
  // which is what made GitHub's spec take 10+ GB to build (docs/adr/0019).
  const children: RootContent[] = [
    heading(1, operation.title),
    jsxFlow('MethodEndpoint', {method: isWebhook ? 'event' : operation.method, path: isWebhook ? 'webhook' : operation.path, context: 'endpoint'}),
  ];
  if (operation.deprecated) {
    children.push(
      jsxFlow('Admonition', {type: 'caution', title: 'Deprecated'}, [
        paragraph('This operation is deprecated: it may be removed in a later version of the API.'),
      ]),
    );
  }
  children.push(...markdownBlocks(operation.description));
  children.push(jsxFlow('OperationDetails', {}, summaryBlocks(operation)));
  children.push(
    paragraph(
      'Generated from ',
      inlineCode(page.sourceFile),
      isWebhook ? ', webhook ' : ', ',
      inlineCode(isWebhook ? operation.path : `${operation.method.toUpperCase()} ${operation.path}`),
      '.',
    ),
  );
  return writeMdx({
    frontMatter: {
      title: operation.title,
      sidebar_label: operation.title,
      sidebar_position: page.position,
      sidebar_class_name: `api-method ${isWebhook ? 'event' : operation.method}${operation.deprecated ? ' menu__list-item--deprecated' : ''}`,
      slug: isWebhook ? `/webhooks/${operation.slug}` : `/${operation.slug}`,
      description: firstLine(operation.description) ?? `${operation.method.toUpperCase()} ${operation.path}`,
      hide_title: true,
      hide_table_of_contents: true,
      custom_edit_url: null,
      // A webhook is sent by the API: there is nothing to send from the docs.
      hide_send_button: isWebhook || page.sendButton === false ? true : undefined,
      proxy: page.proxy,
      info_path: page.infoPath,
      openapi: {data: page.dataUrl, method: isWebhook ? 'event' : operation.method, path: isWebhook ? 'webhook' : operation.path},
    },
    children,
  });
}

/** The static summary inside OperationDetails: replaced in the browser by the full schemas. */
function summaryBlocks(operation: OperationModel): BlockContent[] {
  const blocks: BlockContent[] = [];
  const hasRequest = operation.parameters.length > 0 || operation.requestBody;
  if (hasRequest) blocks.push(heading(2, 'Request'));
  for (const location of PARAMETER_LOCATIONS) {
    const parameters = operation.parameters.filter((parameter) => parameter.in === location);
    if (parameters.length === 0) continue;
    blocks.push(heading(3, `${location[0]!.toUpperCase()}${location.slice(1)} parameters`));
    blocks.push(list(parameters.map((parameter) => parameterItem(parameter))));
  }
  if (operation.requestBody) {
    const body = operation.requestBody;
    blocks.push(heading(3, 'Body'));
    const facts: PhrasingContent[] = [];
    body.mediaTypes.forEach((type, i) => facts.push(...(i > 0 ? [text(', ')] : []), inlineCode(type)));
    if (body.required) facts.push(text(facts.length > 0 ? ' (required)' : 'Required'));
    if (facts.length > 0) blocks.push(paragraph(...facts));
    blocks.push(...(markdownBlocks(body.description) as BlockContent[]));
  }
  if (operation.responses.length > 0) {
    blocks.push(heading(2, 'Responses'));
    blocks.push(
      list(
        operation.responses.map((response) => {
          const item: PhrasingContent[] = [strong(response.code)];
          const description = markdownInline(response.description);
          if (description.length > 0) item.push(text(': '), ...description);
          if (response.mediaTypes.length > 0) {
            item.push(text(' ('));
            response.mediaTypes.forEach((type, i) => item.push(...(i > 0 ? [text(', ')] : []), inlineCode(type)));
            item.push(text(')'));
          }
          return item;
        }),
      ),
    );
  }
  if (operation.callbacks.length > 0) {
    blocks.push(heading(2, 'Callbacks'));
    blocks.push(list(operation.callbacks.map((name) => [inlineCode(name)])));
  }
  return blocks;
}

function parameterItem(parameter: ParameterSummary): PhrasingContent[] {
  const item: PhrasingContent[] = [inlineCode(parameter.name)];
  const facts = [parameter.type, parameter.required ? 'required' : undefined, parameter.deprecated ? 'deprecated' : undefined].filter(Boolean);
  if (facts.length > 0) item.push(text(` (${facts.join(', ')})`));
  const description = markdownInline(parameter.description);
  if (description.length > 0) item.push(text(': '), ...description);
  return item;
}

/** The first line of a description, as plain text, for the page's meta description. */
export function firstLine(markdown: string | undefined): string | undefined {
  const line = markdown
    ?.split('\n')
    .map((l) => l.trim())
    .find((l) => l !== '' && !l.startsWith('#') && !l.startsWith('<'));
  if (!line) return undefined;
  const plain = line.replace(/[*_`[\]]/g, '').replace(/\(https?:[^)]*\)/g, '');
  return plain.length > 200 ? `${plain.slice(0, 197)}...` : plain;
}
