/** Data models: one ER diagram of every entity and a page per entity (columns, keys, relations, source). */
import path from 'node:path';
import type {PhrasingContent, RootContent} from 'mdast';
import {code, heading, inlineCode, link, paragraph, table} from '../../core/mdx/build';
import {erDiagram, type Cardinality} from '../../core/mermaid/build';
import type {EntityModel} from '../model';
import {page, route, sourceLink, type RenderContext} from './common';

const ENDS: Record<EntityModel['relations'][number]['cardinality'], [Cardinality, Cardinality]> = {
  'one-to-one': ['one', 'zero-or-one'],
  'one-to-many': ['one', 'zero-or-many'],
  'many-to-one': ['zero-or-many', 'one'],
  'many-to-many': ['zero-or-many', 'zero-or-many'],
};

/** The link index key of an entity, and of the class or table variable it is declared as. */
export function entityLinkKey(entity: EntityModel): string {
  return `${entity.source.file}#${entity.name}`;
}

/** The code reference entry of the class (or Drizzle table variable) an entity is declared as, when the site has one. */
function codeLink(ctx: RenderContext, entity: EntityModel): PhrasingContent | undefined {
  const url = ctx.site.urlOf('symbol', entityLinkKey(entity));
  return url ? link(url, inlineCode(entity.name)) : undefined;
}

export function entityDiagram(entities: EntityModel[], title: string): string {
  const keys = new Set(entities.map((entity) => entity.key));
  const seen = new Set<string>();
  return erDiagram({
    title,
    description: `${entities.length} entities with their columns, keys and relations.`,
    entities: entities.map((entity) => ({
      key: entity.key,
      label: entity.name,
      attributes: entity.columns.map((column) => ({
        name: column.name,
        type: `${column.type}${column.list ? '[]' : ''}`,
        keys: [...(column.primaryKey ? (['PK'] as const) : []), ...(column.references ? (['FK'] as const) : []), ...(column.unique ? (['UK'] as const) : [])],
        comment: column.nullable ? 'nullable' : undefined,
      })),
    })),
    // A relation declared on both sides (Prisma) is drawn once.
    relations: entities.flatMap((entity) =>
      entity.relations
        .filter((relation) => keys.has(relation.to))
        .filter((relation) => {
          const pair = [entity.key, relation.to].sort().join('\0');
          if (seen.has(pair)) return false;
          seen.add(pair);
          return true;
        })
        .map((relation) => ({from: entity.key, to: relation.to, fromCardinality: ENDS[relation.cardinality][0], toCardinality: ENDS[relation.cardinality][1], label: relation.field})),
    ),
  });
}

/** No ER diagram draws more entities than this; past it the picture is unreadable at any zoom. */
export const MAX_ENTITIES = 40;

/** One diagram of every entity, or, past MAX_ENTITIES, one per folder of schema files, each capped. */
function overviewDiagrams(entities: EntityModel[]): RootContent[] {
  if (entities.length <= MAX_ENTITIES) return [code(entityDiagram(entities, 'Data model'), 'mermaid')];
  const byFolder = new Map<string, EntityModel[]>();
  for (const entity of entities) {
    const folder = path.posix.dirname(entity.source.file);
    byFolder.set(folder, [...(byFolder.get(folder) ?? []), entity]);
  }
  const out: RootContent[] = [paragraph(`${entities.length} entities are too many for one diagram: one per folder of schema files below, each of at most ${MAX_ENTITIES} entities; every entity's page draws it with its relations.`)];
  for (const [folder, members] of [...byFolder].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    out.push(heading(2, folder === '.' ? 'Root folder' : folder), code(entityDiagram(members.slice(0, MAX_ENTITIES), `Data model in ${folder}`), 'mermaid'));
    if (members.length > MAX_ENTITIES) out.push(paragraph(`The first ${MAX_ENTITIES} of ${members.length} entities are drawn; the table below lists them all.`));
  }
  return out;
}

export function renderEntityPages(ctx: RenderContext, entities: EntityModel[]): Map<string, string> {
  const files = new Map<string, string>();
  const byKey = new Map(entities.map((entity) => [entity.key, entity]));
  const children: RootContent[] = [
    heading(1, 'Data model'),
    paragraph('Entities read from the schema files of the repository (never from a database), with their keys and relations.'),
    ...overviewDiagrams(entities),
    table(['Entity', 'From', 'Columns', 'Declared in', 'Code'], entities.map((e) => [link(route(ctx, 'data', e.key), e.name), e.origin, String(e.columns.length), sourceLink(ctx, e.source), codeLink(ctx, e) ?? ''])),
  ];
  files.set('data/index.mdx', page(ctx, 'Data model', 'Entities, columns and relations from the schema files.', children, {sidebar_position: 3}));
  for (const entity of entities) {
    const codeRef = codeLink(ctx, entity);
    const linked = entities.filter((other) => other === entity || entity.relations.some((r) => r.to === other.key) || other.relations.some((r) => r.to === entity.key));
    // An entity a hundred tables point at is drawn with the first of them only.
    const related = linked.length <= MAX_ENTITIES ? linked : [entity, ...linked.filter((other) => other !== entity).slice(0, MAX_ENTITIES - 1)];
    const body: RootContent[] = [
      heading(1, entity.name),
      paragraph(`From the ${entity.origin} schema at `, sourceLink(ctx, entity.source), ...(codeRef ? ['; its code reference entry is ', codeRef] : []), '.'),
      code(entityDiagram(related, `${entity.name} and its relations`), 'mermaid'),
      heading(2, 'Columns'),
      table(
        ['Column', 'Type', 'Nullable', 'Default', 'Key'],
        entity.columns.map((c) => [inlineCode(c.name), inlineCode(`${c.type}${c.list ? '[]' : ''}`), c.nullable ? 'yes' : 'no', c.default ? inlineCode(c.default) : '', [c.primaryKey ? 'primary' : '', c.unique ? 'unique' : '', c.references ? `references ${c.references}` : ''].filter(Boolean).join(', ')]),
      ),
    ];
    if (entity.indexes.length > 0) body.push(heading(2, 'Indexes'), table(['Index'], entity.indexes.map((index) => [inlineCode(index)])));
    if (entity.relations.length > 0) {
      body.push(heading(2, 'Relations'), table(['Field', 'Entity', 'Cardinality'], entity.relations.map((r) => [inlineCode(r.field), byKey.has(r.to) ? link(route(ctx, 'data', r.to), byKey.get(r.to)!.name) : inlineCode(r.to), r.cardinality])));
    }
    files.set(`data/${entity.key}.mdx`, page(ctx, entity.name, `The ${entity.name} entity: columns, keys and relations.`, body, {sidebar_label: entity.name}));
  }
  return files;
}
