/**
 * The files of one API section, from its model: MDX pages and sidebar categories (for the docs
 * instance), and the JSON each page fetches (served as it is, never bundled).
 *
 *   index.mdx                      overview                       /<id>/
 *   <tag>/_category_.json          a sidebar category per tag      /<id>/tags/<tag>/
 *   <tag>/<operation>.mdx          one page per operation          /<id>/<operation>/
 *   <operation>.mdx                operations without a tag        /<id>/<operation>/
 *   webhooks/<webhook>.mdx         one page per webhook            /<id>/webhooks/<webhook>/
 *   schemas.mdx                    the schemas (up to 50)          /<id>/schemas/
 *   schemas/<group>.mdx            more: a page per group of 50    /<id>/schemas/<group>/
 *   static: _openapi/{operations,webhooks,schemas}/<slug>.json, _openapi/shared/<group>.json
 *
 * A list longer than 50 entries is split into sub-folders (`group-<word>/`, see sidebarGroups);
 * URLs come from slugs, so they do not change when grouping does.
 */
import type {ApiModel, OperationModel, SchemaModel} from './model';
import {groupForSidebar, nameWords, pathWords, type GroupNode} from './sidebarGroups';
import {createSlugger, slugify} from './slugs';
import {renderOperation} from './renderOperation';
import {staticFilesFrom, type StaticSource} from './pageJson';
import {renderOverview} from './renderOverview';
import type {Implementation} from './implementation';
import {renderSchemaPage} from './renderSchema';
import {firstLine} from './renderOperation';

export interface SectionFiles {
  files: Map<string, string>;
  staticFiles: Map<string, string>;
  /** What each static file is made from: enough to make them again from the model (renderCached). */
  staticSources: Map<string, StaticSource>;
}

export interface RenderOptions {
  /** Write a page per schema. */
  schemaPages: boolean;
  /** Explorer: a CORS proxy, and whether it has a Send button. */
  proxy?: string;
  sendButton: boolean;
  /** The files that implement the operations, for the overview (part of the cache key with the rest). */
  implementation?: Implementation;
}

export function renderSection(model: ApiModel, sectionId: string, options: RenderOptions): SectionFiles {
  const files = new Map<string, string>();
  const staticSources = new Map<string, StaticSource>();
  const dataUrl = (kind: string, slug: string) => `/${sectionId}/_openapi/${kind}/${slug}.json`;
  const addData = (kind: string, slug: string, source: StaticSource) => staticSources.set(`_openapi/${kind}/${slug}.json`, source);
  const category = (folder: string, content: object) => files.set(`${folder}/_category_.json`, `${JSON.stringify(content, null, 2)}\n`);

  const indexOf = {operations: new Map(model.operations.map((operation, index) => [operation, index])), webhooks: new Map(model.webhooks.map((webhook, index) => [webhook, index]))};
  const renderOperationAt = (kind: 'operations' | 'webhooks') => (operation: OperationModel, file: string, position: number) => {
    const page = {dataUrl: dataUrl(kind, operation.slug), position, sourceFile: model.file, infoPath: `${sectionId}/`, proxy: options.proxy, sendButton: options.sendButton};
    files.set(file, renderOperation(operation, page));
    addData(kind, operation.slug, {kind, index: indexOf[kind].get(operation)!});
  };
  /** Lays a group tree out as folders: its items first, then one sub-category per group. */
  const place = <T extends {slug: string}>(node: GroupNode<T>, folder: string, render: (item: T, file: string, position: number) => void, firstPosition = 1) => {
    let position = firstPosition;
    const join = (name: string) => (folder ? `${folder}/${name}` : name);
    const slugger = createSlugger();
    for (const entry of node.entries) {
      if ('item' in entry) {
        render(entry.item, join(`${entry.item.slug}.mdx`), position++);
      } else {
        const groupFolder = join(`group-${slugger(entry.label, 'other', 'prose')}`);
        category(groupFolder, {label: entry.label, position: position++, collapsed: true});
        place(entry.node, groupFolder, render);
      }
    }
    return position;
  };

  let position = 1;
  const folderOf = new Map<string, string>();
  for (const tag of model.tags) {
    const operations = model.operations.filter((operation) => operation.tag === tag.name);
    if (operations.length === 0) continue;
    folderOf.set(tag.name, tag.slug);
    category(tag.slug, {
      label: tag.label,
      position: position++,
      collapsed: true,
      link: {type: 'generated-index', slug: `/tags/${tag.slug}`, title: tag.label, description: firstLine(tag.description) ?? `Operations tagged ${tag.label}.`},
    });
    place(groupForSidebar(operations, (operation) => pathWords(operation.path), titleOf), tag.slug, renderOperationAt('operations'));
  }
  // Operations without a tag come after the tags, at the top level.
  const untagged = model.operations.filter((operation) => !operation.tag);
  position = place(groupForSidebar(untagged, (operation) => pathWords(operation.path), titleOf), '', renderOperationAt('operations'), position);

  if (model.webhooks.length > 0) {
    category('webhooks', {label: 'Webhooks', position: position++, collapsed: true});
    place(groupForSidebar(model.webhooks, (webhook) => nameWords(webhook.path), titleOf), 'webhooks', renderOperationAt('webhooks'));
  }
  const schemas = options.schemaPages ? model.schemas : [];
  let schemasPage: string | undefined;
  if (schemas.length > 0) {
    // Schemas are shown up to 50 a page: a sidebar group of schemas is one page, not a folder.
    const pageSlug = createSlugger();
    const writePage = (file: string, title: string, slug: string, list: SchemaModel[], at: number) => {
      const page = {dataUrl: dataUrl('schemas', slug || 'index'), position: at, sourceFile: model.file};
      files.set(file, renderSchemaPage({title, slug, schemas: list}, page));
      addData('schemas', slug || 'index', {kind: 'schemas', names: list.map((schema) => schema.name)});
      schemasPage ??= `./${file}`;
    };
    // A page's URL is made of the words of its groups (`/schemas/webhook-issue/`), not of the
    // runs that only cut long lists ("Actions – User").
    const placeSchemas = (node: GroupNode<SchemaModel>, folder: string, words: string[]) => {
      let at = 1;
      for (const entry of node.entries) {
        if ('item' in entry) continue;
        const isRun = entry.label.includes(' – ');
        const groupWords = isRun ? words : [...words, entry.label];
        if (entry.node.entries.every((child) => 'item' in child)) {
          const slug = pageSlug(groupWords.join(' '), 'schemas', 'prose');
          writePage(`${folder}/${slug}.mdx`, entry.label, slug, entry.node.entries.map((child) => (child as {item: SchemaModel}).item), at++);
        } else {
          const groupFolder = `${folder}/group-${slugify(entry.label, 80, 'prose') || 'other'}`;
          category(groupFolder, {label: entry.label, position: at++, collapsed: true});
          placeSchemas(entry.node, groupFolder, groupWords);
        }
      }
      // Schemas in no group of their own share a last page.
      const loose = node.entries.flatMap((entry) => ('item' in entry ? [entry.item] : []));
      if (loose.length > 0) {
        const slug = pageSlug([...words, 'other'].join(' '), 'other', 'prose');
        writePage(`${folder}/${slug}.mdx`, 'Other', slug, loose, at++);
      }
    };
    const tree = groupForSidebar(schemas, (schema) => nameWords(schema.name), titleOf);
    if (tree.entries.every((entry) => 'item' in entry)) {
      writePage('schemas.mdx', 'Schemas', '', schemas, position++);
    } else {
      category('schemas', {label: 'Schemas', position: position++, collapsed: true});
      placeSchemas(tree, 'schemas', []);
    }
  }

  // Fan-out groups: one file each, fetched by every page that uses the group (ADR 0028).
  for (const id of Object.keys(model.shared)) addData('shared', id, {kind: 'shared', id});

  const firstPage = (prefix: string) => [...files.keys()].find((file) => file.startsWith(prefix) && file.endsWith('.mdx'));
  files.set(
    'index.mdx',
    renderOverview(model, {
      tagPage: (tag) => (folderOf.has(tag) ? `./tags/${folderOf.get(tag)}/` : undefined),
      webhooksPage: model.webhooks.length > 0 ? `./${firstPage('webhooks/')}` : undefined,
      schemasPage,
      implementation: options.implementation,
    }),
  );
  return {files, staticFiles: staticFilesFrom(model, staticSources), staticSources};
}

const titleOf = (page: {title: string}) => page.title;
