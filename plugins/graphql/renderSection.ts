/**
 * A GraphQL section's files:
 *   index.mdx                          the schema: operations by kind, types by kind     /<id>/
 *   queries|mutations|subscriptions/   one page per operation                            /<id>/<kind>-<name>/
 *   types/                             the types, each kind in pages of at most 40       /<id>/<kind>[-n]/
 * URLs come from slugs, so moving a page between sidebar folders does not change them.
 */
import type {PhrasingContent, RootContent} from 'mdast';
import {code, heading, headingWithId, inlineCode, jsxFlow, link, paragraph, table, text} from '../core/mdx/build';
import {writeMdx} from '../core/mdx/writeMdx';
import type {RenderedSection, SiteView} from '../core/types';
import type {GraphqlSchemaModel, GraphqlSectionModel, OperationKind} from './model';
import {renderOperation} from './renderOperation';
import {createLinker, descriptionBlocks, descriptionInline, firstLine, typeRef, type Linker} from './renderParts';
import {renderTypePage} from './renderTypes';

const KINDS: {kind: OperationKind; folder: string; label: string}[] = [
  {kind: 'query', folder: 'queries', label: 'Queries'},
  {kind: 'mutation', folder: 'mutations', label: 'Mutations'},
  {kind: 'subscription', folder: 'subscriptions', label: 'Subscriptions'},
];

export function renderSection(sectionId: string, model: GraphqlSectionModel, site: SiteView): RenderedSection {
  if (model.state === 'error') return {files: new Map([['index.mdx', renderErrorPage(model.title, model.files, model.messages)]])};
  const {schema} = model;
  const linker = createLinker(sectionId, schema, site);
  const files = new Map<string, string>();
  const category = (folder: string, label: string, position: number) => files.set(`${folder}/_category_.json`, `${JSON.stringify({label, position, collapsed: true}, null, 2)}\n`);
  files.set('index.mdx', renderIndex(schema, linker));
  let position = 2;
  for (const {kind, folder, label} of KINDS) {
    const operations = schema.operations.filter((op) => op.kind === kind);
    if (operations.length === 0) continue;
    category(folder, label, position++);
    operations.forEach((op, index) => files.set(`${folder}/${op.slug}.mdx`, renderOperation(op, schema, index + 1, linker, site)));
  }
  if (schema.typePages.length > 0) {
    category('types', 'Types', position++);
    schema.typePages.forEach((page, index) => files.set(`types/${page.slug}.mdx`, renderTypePage(page, schema, index + 1, linker, site)));
  }
  return {files};
}

function renderIndex(schema: GraphqlSchemaModel, linker: Linker): string {
  const children: RootContent[] = [heading(1, schema.title)];
  const from: PhrasingContent[] = [text('From ')];
  schema.files.slice(0, 10).forEach((file, index) => from.push(...(index > 0 ? [text(', ')] : []), inlineCode(file)));
  if (schema.files.length > 10) from.push(text(` and ${schema.files.length - 10} more files`));
  from.push(text(`. ${schema.operations.length} operations, ${schema.types.length} types${schema.resolverCount > 0 ? `, ${schema.resolverCount} resolvers found in the code` : ''}.`));
  children.push(paragraph(...from));
  children.push(...descriptionBlocks(schema.description));
  if (schema.endpoint) children.push(paragraph('Endpoint: ', inlineCode(schema.endpoint), '. Each operation page has an explorer that sends its example to it when you press Run.'));

  for (const {kind, label} of KINDS) {
    const operations = schema.operations.filter((op) => op.kind === kind);
    if (operations.length === 0) continue;
    children.push(headingWithId(2, label.toLowerCase(), label));
    children.push(...descriptionBlocks(schema.roots.find((root) => root.kind === kind)?.description));
    children.push(
      table(
        ['Name', 'Returns', 'Description'],
        operations.map((op) => {
          const url = linker.operationUrl(op.kind, op.name);
          return [url ? link(url, inlineCode(op.name)) : inlineCode(op.name), typeRef(linker, op.type), [...(op.deprecated !== undefined ? [{type: 'strong', children: [text('Deprecated.')]} as PhrasingContent, text(' ')] : []), ...descriptionInline(firstLine(op.description))]];
        }),
      ),
    );
  }
  const kinds: [string, string][] = [
    ['object', 'Objects'],
    ['interface', 'Interfaces'],
    ['union', 'Unions'],
    ['enum', 'Enums'],
    ['input', 'Input objects'],
    ['scalar', 'Scalars'],
  ];
  for (const [kind, label] of kinds) {
    const types = schema.types.filter((type) => type.kind === kind);
    if (types.length === 0) continue;
    children.push(headingWithId(2, `${kind}-types`, `${label} (${types.length})`));
    children.push(paragraph(...types.flatMap((type, index) => {
      const url = linker.typeUrl(type.name);
      const node = url ? link(url, inlineCode(type.name)) : inlineCode(type.name);
      return index === 0 ? [node] : [text(', '), node];
    })));
  }
  return writeMdx({
    frontMatter: {
      title: schema.title,
      sidebar_label: 'Overview',
      sidebar_position: 1,
      slug: '/',
      description: firstLine(schema.description) ?? `The GraphQL schema: ${schema.operations.length} operations and ${schema.types.length} types.`,
      custom_edit_url: null,
    },
    children,
  });
}

function renderErrorPage(title: string, files: string[], messages: string[]): string {
  return writeMdx({
    frontMatter: {title, sidebar_label: 'Overview', slug: '/', description: 'This GraphQL schema could not be read.', custom_edit_url: null},
    children: [
      heading(1, title),
      jsxFlow('Admonition', {type: 'danger', title: 'This GraphQL schema could not be read'}, [
        paragraph('docs-architect could not build the reference of ', ...files.slice(0, 10).flatMap((file, index) => (index > 0 ? [text(', '), inlineCode(file)] : [inlineCode(file)])), ':'),
        code(messages.join('\n'), 'text'),
        paragraph('The rest of the site was built. Fix the schema and build again; a strict build (--strict) fails on this error.'),
      ]),
    ],
  });
}


