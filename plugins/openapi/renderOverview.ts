/**
 * The first page of an API section: what the API is (info), where it runs (servers), how to
 * authenticate (each security scheme explained in plain words), what it offers (tags, webhooks,
 * schemas), and the problems the validator found, if any.
 */
import type {PhrasingContent, RootContent} from 'mdast';
import {heading, inlineCode, jsxFlow, link, list, paragraph, strong, table, text} from '../core/mdx/build';
import {writeMdx} from '../core/mdx/writeMdx';
import {markdownBlocks} from './markdown';
import type {ApiModel, SecuritySchemeModel, SpecFormat} from './model';
import {describeScheme} from './describeScheme';
import {firstLine} from './renderOperation';
import type {Implementation} from './implementation';

const FORMAT_LABELS: Record<SpecFormat, string> = {
  'swagger-2.0': 'Swagger 2.0 (shown as OpenAPI 3.0)',
  'openapi-3.0': 'OpenAPI 3.0',
  'openapi-3.1': 'OpenAPI 3.1',
  'openapi-3.2': 'OpenAPI 3.2',
};

/** At most this many problems are listed on the page; the build output has them all. */
const MAX_LISTED_PROBLEMS = 20;

export interface OverviewLinks {
  /** Relative file path of a tag's first page, for links from the overview. */
  tagPage(tag: string): string | undefined;
  webhooksPage?: string;
  schemasPage?: string;
  /** The files that implement the operations, when the site was asked (see implementation.ts). */
  implementation?: Implementation;
}

export function renderOverview(model: ApiModel, links: OverviewLinks): string {
  const {info} = model;
  const children: RootContent[] = [];
  children.push(heading(1, info.title));
  const facts: PhrasingContent[] = [];
  if (info.version) facts.push(text('Version '), inlineCode(info.version), text(' · '));
  facts.push(text(`${FORMAT_LABELS[model.format]} · from `), inlineCode(model.file));
  if (model.files.length > 1) facts.push(text(` and ${model.files.length - 1} more file${model.files.length > 2 ? 's' : ''}`));
  children.push(paragraph(...facts));

  if (model.problems.length > 0) {
    const shown = model.problems.slice(0, MAX_LISTED_PROBLEMS);
    children.push(
      jsxFlow('Admonition', {type: 'caution', title: `This description has ${model.problems.length} validation problem${model.problems.length === 1 ? '' : 's'}`}, [
        paragraph('The pages are built from it anyway; some details may be missing or wrong. Fix these in the description:'),
        list(shown.map((problem) => [inlineCode(`${problem.file}${problem.line ? `:${problem.line}` : ''}`), text(' '), ...(problem.pointer ? [inlineCode(problem.pointer), text(' ')] : []), text(problem.message)])),
        ...(model.problems.length > shown.length ? [paragraph(`...and ${model.problems.length - shown.length} more (see the build output).`)] : []),
      ]),
    );
  }

  if (info.summary) children.push(paragraph(strong(info.summary)));
  children.push(...markdownBlocks(info.description));

  const about: PhrasingContent[][] = [];
  if (info.contact?.name || info.contact?.email || info.contact?.url) {
    const contact: PhrasingContent[] = [text('Contact: ')];
    if (info.contact.name) contact.push(text(info.contact.name));
    if (info.contact.email) contact.push(text(info.contact.name ? ', ' : ''), link(`mailto:${info.contact.email}`, info.contact.email));
    if (info.contact.url && /^https?:/.test(info.contact.url)) contact.push(text(info.contact.name || info.contact.email ? ', ' : ''), link(info.contact.url, info.contact.url));
    about.push(contact);
  }
  if (info.license?.name) {
    about.push([text('License: '), info.license.url && /^https?:/.test(info.license.url) ? link(info.license.url, info.license.name) : text(info.license.name)]);
  }
  if (info.termsOfService && /^https?:/.test(info.termsOfService)) about.push([link(info.termsOfService, 'Terms of service')]);
  if (info.externalDocs && /^https?:/.test(info.externalDocs.url)) about.push([link(info.externalDocs.url, info.externalDocs.description ?? 'More documentation')]);
  if (about.length > 0) children.push(list(about));

  children.push(heading(2, 'Servers'));
  if (model.servers.length === 0) {
    children.push(paragraph('The description names no server: requests go to the host that serves these pages, under ', inlineCode('/'), '.'));
  } else {
    children.push(table(['URL', 'Description'], model.servers.map((server) => [inlineCode(server.url), firstLine(server.description) ?? ''])));
    const variables = model.servers.flatMap((server) => server.variables.map((variable) => ({server: server.url, ...variable})));
    if (variables.length > 0) {
      children.push(paragraph('Server variables (the explorer lets you change them):'));
      children.push(
        table(
          ['Variable', 'Default', 'Allowed values', 'Description'],
          variables.map((v) => [inlineCode(v.name), inlineCode(v.default), v.enum ? v.enum.join(', ') : 'any', firstLine(v.description) ?? '']),
        ),
      );
    }
  }

  children.push(heading(2, 'Authentication'));
  children.push(...authenticationBlocks(model));

  children.push(heading(2, 'Contents'));
  const contents: PhrasingContent[][] = [];
  const untagged = model.operations.filter((operation) => !operation.tag).length;
  for (const tag of model.tags) {
    const count = model.operations.filter((operation) => operation.tag === tag.name).length;
    if (count === 0) continue;
    const target = links.tagPage(tag.name);
    const summary = firstLine(tag.description);
    contents.push([target ? link(target, tag.label) : strong(tag.label), text(` (${count} operation${count === 1 ? '' : 's'})${summary ? `: ${summary}` : ''}`)]);
  }
  if (untagged > 0) contents.push([text(`${untagged} operation${untagged === 1 ? '' : 's'} without a tag`)]);
  if (model.webhooks.length > 0) contents.push([links.webhooksPage ? link(links.webhooksPage, 'Webhooks') : strong('Webhooks'), text(` (${model.webhooks.length})`)]);
  if (model.schemas.length > 0) contents.push([links.schemasPage ? link(links.schemasPage, 'Schemas') : strong('Schemas'), text(` (${model.schemas.length})`)]);
  children.push(contents.length > 0 ? list(contents) : paragraph('The description has no operations, webhooks or schemas.'));
  if (links.implementation && model.operations.length > 0) children.push(...implementationBlocks(links.implementation, model.operations.length));

  children.push(paragraph('Generated by docs-architect from ', inlineCode(model.file), ' at build time; edit the description, not this page.'));
  return writeMdx({
    frontMatter: {
      title: info.title,
      sidebar_label: 'Overview',
      sidebar_position: 0,
      slug: '/',
      description: firstLine(info.description) ?? `The ${info.title} HTTP API.`,
      custom_edit_url: null,
    },
    children,
  });
}

/** At most this many operations are named per file; the routes page has them all. */
const OPERATIONS_PER_FILE = 8;

/** "Implemented in": each file whose routes answer operations, linked to its code reference page. */
function implementationBlocks(found: Implementation, operations: number): RootContent[] {
  const blocks: RootContent[] = [heading(2, 'Implemented in')];
  const routesPage = (words: string): PhrasingContent => (found.routesPage ? link(found.routesPage, words) : text(words));
  if (found.routesInCode === 0) {
    blocks.push(paragraph('No HTTP route was found in the code of the repository, so the files that implement this API are not known.'));
    return blocks;
  }
  if (found.files.length === 0) {
    blocks.push(paragraph(`None of the ${found.routesInCode} `, routesPage(found.routesInCode === 1 ? 'route found in code' : 'routes found in code'), ' answers an operation of this description.'));
    return blocks;
  }
  const answered = operations - found.unmatched;
  const verb = operations === 1 ? 'has' : 'have';
  blocks.push(paragraph(`${answered} of ${operations} operation${operations === 1 ? '' : 's'} ${verb} a `, routesPage('route in code'), `, in ${found.files.length} file${found.files.length === 1 ? '' : 's'}:`));
  blocks.push(
    list(
      found.files.map((file) => {
        const shown = file.operations.slice(0, OPERATIONS_PER_FILE);
        const ops = shown.flatMap((op, i): PhrasingContent[] => [...(i > 0 ? [text(', ')] : []), op.url ? link(op.url, inlineCode(op.label)) : inlineCode(op.label)]);
        const more = file.operations.length - shown.length;
        return [file.url ? link(file.url, inlineCode(file.file)) : inlineCode(file.file), text(': '), ...ops, ...(more > 0 ? [text(` and ${more} more`)] : [])];
      }),
    ),
  );
  return blocks;
}

function authenticationBlocks(model: ApiModel): RootContent[] {
  if (model.securitySchemes.length === 0) return [paragraph('The description declares no authentication: requests need no credentials.')];
  const blocks: RootContent[] = [];
  const byKey = new Map(model.securitySchemes.map((scheme) => [scheme.key, scheme]));
  if (model.security.length > 0) {
    blocks.push(paragraph('By default every operation needs ', ...alternatives(model.security, byKey), '; an operation page says when it differs.'));
  } else {
    blocks.push(paragraph('No scheme is required by default; each operation page says which one it accepts.'));
  }
  for (const scheme of model.securitySchemes) {
    blocks.push(heading(3, scheme.key));
    blocks.push(...describeScheme(scheme));
    blocks.push(...markdownBlocks(scheme.description));
  }
  return blocks;
}

function alternatives(security: string[][], byKey: Map<string, SecuritySchemeModel>): PhrasingContent[] {
  const out: PhrasingContent[] = [];
  security.forEach((names, i) => {
    if (i > 0) out.push(text(' or '));
    if (names.length === 0) out.push(text('no credentials'));
    names.forEach((name, j) => {
      if (j > 0) out.push(text(' and '));
      out.push(inlineCode(name));
      if (!byKey.has(name)) out.push(text(' (undeclared)'));
    });
  });
  return out;
}
