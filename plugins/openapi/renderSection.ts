/**
 * The files of one API section, from its model: MDX pages and sidebar categories (for the docs
 * instance), and the JSON each page fetches (served as it is, never bundled).
 *
 *   index.mdx                      overview                       /<id>/
 *   <tag>/_category_.json          a sidebar category per tag      /<id>/tags/<tag>/
 *   <tag>/<operation>.mdx          one page per operation          /<id>/<operation>/
 *   <operation>.mdx                operations without a tag        /<id>/<operation>/
 *   webhooks/<webhook>.mdx         one page per webhook            /<id>/webhooks/<webhook>/
 *   schemas/<schema>.mdx           one page per schema             /<id>/schemas/<schema>/
 *   static: _openapi/{operations,webhooks,schemas}/<slug>.json
 */
import type {ApiModel, OperationModel} from './model';
import {renderOperation} from './renderOperation';
import {renderOverview} from './renderOverview';
import {renderSchema} from './renderSchema';
import {firstLine} from './renderOperation';

export interface SectionFiles {
  files: Map<string, string>;
  staticFiles: Map<string, string>;
}

export interface RenderOptions {
  /** Write a page per schema. */
  schemaPages: boolean;
  /** Explorer: a CORS proxy, and whether it has a Send button. */
  proxy?: string;
  sendButton: boolean;
}

export function renderSection(model: ApiModel, sectionId: string, options: RenderOptions): SectionFiles {
  const files = new Map<string, string>();
  const staticFiles = new Map<string, string>();
  const dataUrl = (kind: string, slug: string) => `/${sectionId}/_openapi/${kind}/${slug}.json`;
  const addData = (kind: string, slug: string, data: unknown) => staticFiles.set(`_openapi/${kind}/${slug}.json`, JSON.stringify(data));
  const category = (folder: string, content: object) => files.set(`${folder}/_category_.json`, `${JSON.stringify(content, null, 2)}\n`);

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
  }
  const pagePath = (operation: OperationModel) => {
    const folder = operation.tag ? folderOf.get(operation.tag) : undefined;
    return folder ? `${folder}/${operation.slug}.mdx` : `${operation.slug}.mdx`;
  };
  model.operations.forEach((operation, index) => {
    // Operations keep the spec's order inside a tag; untagged ones come after the tags.
    const page = {
      dataUrl: dataUrl('operations', operation.slug),
      position: operation.tag ? index + 1 : position + index,
      sourceFile: model.file,
      infoPath: `${sectionId}/`,
      proxy: options.proxy,
      sendButton: options.sendButton,
    };
    files.set(pagePath(operation), renderOperation(operation, page));
    addData('operations', operation.slug, operation.data);
  });
  position += model.operations.length;

  if (model.webhooks.length > 0) {
    category('webhooks', {label: 'Webhooks', position: position++, collapsed: true});
    model.webhooks.forEach((webhook, index) => {
      files.set(`webhooks/${webhook.slug}.mdx`, renderOperation(webhook, {dataUrl: dataUrl('webhooks', webhook.slug), position: index + 1, sourceFile: model.file}));
      addData('webhooks', webhook.slug, webhook.data);
    });
  }
  const schemas = options.schemaPages ? model.schemas : [];
  if (schemas.length > 0) {
    category('schemas', {label: 'Schemas', position: position++, collapsed: true});
    schemas.forEach((schema, index) => {
      files.set(`schemas/${schema.slug}.mdx`, renderSchema(schema, {dataUrl: dataUrl('schemas', schema.slug), position: index + 1, sourceFile: model.file}));
      addData('schemas', schema.slug, schema.data);
    });
  }

  files.set(
    'index.mdx',
    renderOverview(model, {
      tagPage: (tag) => (folderOf.has(tag) ? `./tags/${folderOf.get(tag)}/` : undefined),
      webhooksPage: model.webhooks[0] ? `./webhooks/${model.webhooks[0].slug}.mdx` : undefined,
      schemasPage: schemas[0] ? `./schemas/${schemas[0].slug}.mdx` : undefined,
    }),
  );
  return {files, staticFiles};
}
