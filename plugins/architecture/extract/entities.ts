/**
 * Data models read statically from the target's schema files (never by connecting to a database or
 * running its code). File readers (Prisma, TypeORM, Drizzle, SQLAlchemy/SQLModel) read one file
 * each; folder readers (SQL migrations, Alembic revisions) apply a folder's files in order. Then
 * names are tied together across files: relation targets and foreign keys name an entity by its
 * model name or by its table name, and become entity keys.
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import type {TargetContext} from '../../core/types';
import type {EntityModel} from '../model';
import {readAlembic} from './alembic';
import type {ProblemSink} from './declared';
import {readDrizzle} from './drizzle';
import {readSqlalchemy} from './sqlalchemy';
import {readSqlFiles} from './sqlMigrations';
import {MIKROORM_FILE, readMikroorm} from './mikroorm';
import {readSequelize, SEQUELIZE_FILE} from './sequelize';
import {readTypeorm} from './typeorm';

/** Schema files are small; one past this is not a schema a reader would want drawn whole. */
const MAX_SCHEMA_BYTES = 2 ** 20;

/** What a reader returns: an entity, with the table name it maps to when that differs from its name. */
export interface ReadEntity extends EntityModel {
  table?: string;
  /**
   * Not an entity: relations for the entity of this name read from another file (Sequelize
   * associations in their own module). Merged into it, or dropped when there is none.
   */
  adds?: boolean;
}

type Reader = (file: string, text: string, sink: ProblemSink) => ReadEntity[] | Promise<ReadEntity[]>;
/** Drizzle tables live in schema modules; only files whose path says so are opened (effect's 570 sources are not). */
const DRIZZLE_PATH = /(^|\/)(db|database|drizzle|schemas?|models?|tables?)(\/|\.[cm]?[jt]s$)|schema[^/]*\.[cm]?[jt]s$/i;
const ENTITY_PATH = /\.entity\.ts$|(^|\/)entit(y|ies)\/[^/]+\.ts$/;
/** MikroORM and Sequelize models: entity folders and files, schema paths, `*.model.ts`, `models/`. */
const ORM_PATH = (file: string) => /\.[cm]?[jt]s$/.test(file) && !/\.d\.[cm]?ts$|\.(test|spec)\./.test(file) && (ENTITY_PATH.test(file) || /\.(entity|model)\.[cm]?[jt]s$/.test(file) || DRIZZLE_PATH.test(file));
const FILE_READERS: {test: (file: string) => boolean; read: Reader}[] = [
  // The Prisma parser builds its grammar when loaded (~0.9 s under load): only for a target with a schema.
  {test: (file) => file.endsWith('.prisma'), read: async (file, text, sink) => (await import('./prisma')).readPrisma(file, text, sink)},
  // Decorators alone do not tell MikroORM from TypeORM: the import does.
  {test: ORM_PATH, read: (file, text) => (MIKROORM_FILE.test(text) ? readMikroorm(file, text) : SEQUELIZE_FILE.test(text) ? readSequelize(file, text) : ENTITY_PATH.test(file) ? readTypeorm(file, text) : readDrizzle(file, text))},
  {test: (file) => file.endsWith('.py'), read: (file, text) => readSqlalchemy(file, text)},
];
const IGNORED = /(^|\/)(node_modules|fixtures|__fixtures__|\.venv|venv|site-packages)\//;
/** The folder a migration file belongs to: its files are applied together, in name order. */
const MIGRATION_ROOT = /^(.*?(?:^|\/)(?:migrations|migrate|migration|db\/migrate))\//i;
const ALEMBIC_VERSION = /(^|\/)versions\/[^/]+\.py$/;

export async function extractEntities(context: TargetContext, sink: ProblemSink): Promise<EntityModel[]> {
  const read = async (file: string): Promise<string | undefined> => {
    const absolute = path.join(context.root, file);
    const stat = await fs.stat(absolute).catch(() => undefined);
    if (!stat) return undefined;
    if (stat.size > MAX_SCHEMA_BYTES) {
      sink.problem({file, line: 1}, `the schema has ${stat.size.toLocaleString('en')} bytes, over the 1 MB a schema file may have, so it is not drawn`);
      return undefined;
    }
    return fs.readFile(absolute, 'utf8');
  };
  const groups: (ReadEntity & {group: string})[] = [];
  const add = (group: string, entities: ReadEntity[]) => groups.push(...entities.map((entity) => ({...entity, group})));
  const files = context.inventory.files.filter((file) => !IGNORED.test(file)).sort((a, b) => a.localeCompare(b, 'en', {numeric: true}));
  const sqlRoots = new Map<string, {file: string; text: string}[]>();
  const alembicRoots = new Map<string, {file: string; text: string}[]>();
  for (const file of files) {
    if (file.endsWith('.sql')) {
      const text = await read(file);
      const root = MIGRATION_ROOT.exec(file)?.[1] ?? file;
      if (text !== undefined) sqlRoots.set(root, [...(sqlRoots.get(root) ?? []), {file, text}]);
      continue;
    }
    if (ALEMBIC_VERSION.test(file)) {
      const text = await read(file);
      if (text !== undefined && /\bop\.\w+\(/.test(text)) {
        const dir = path.posix.dirname(file);
        alembicRoots.set(dir, [...(alembicRoots.get(dir) ?? []), {file, text}]);
        continue;
      }
    }
    const reader = FILE_READERS.find((candidate) => candidate.test(file));
    if (!reader) continue;
    const text = await read(file);
    if (text !== undefined) add(file, await reader.read(file, text, sink));
  }
  // Prisma writes its migrations from the schema: drawn once, from the schema, when both are there.
  const prismaDirs = files.filter((file) => file.endsWith('.prisma')).map((file) => path.posix.dirname(file));
  for (const [root, members] of sqlRoots) {
    if (prismaDirs.some((dir) => root === `${dir}/migrations`)) continue;
    add(root, readSqlFiles(members, sink));
  }
  for (const [root, members] of alembicRoots) add(root, readAlembic(members));
  return link(groups);
}

/** Additions merged, unique keys, then relation targets and foreign keys turned from names into keys. */
function link(read: (ReadEntity & {group: string})[]): EntityModel[] {
  const entities = read.filter((entity) => !entity.adds);
  for (const addition of read.filter((entity) => entity.adds)) {
    // Of the models of that name (one per service in a monorepo), the one nearest the addition's file.
    const candidates = entities.filter((entity) => entity.name === addition.name);
    const owner = candidates.sort((a, b) => sharedFolders(b.source.file, addition.source.file) - sharedFolders(a.source.file, addition.source.file))[0];
    owner?.relations.push(...addition.relations);
  }
  const used = new Set<string>();
  for (const entity of entities.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : a.source.file < b.source.file ? -1 : a.source.file > b.source.file ? 1 : 0))) {
    let key = entity.key || 'entity';
    for (let n = 2; used.has(key); n++) key = `${entity.key}-${n}`;
    used.add(key);
    entity.key = key;
  }
  // The same schema or folder first, else the nearest in the tree; by model name, then by table name.
  const find = (from: ReadEntity & {group: string}, name: string) => {
    const lower = name.toLowerCase();
    const matches = (other: ReadEntity) => other.name === name || other.table?.toLowerCase() === lower || (other.origin === 'sql' && other.name.toLowerCase() === lower);
    const nearest = (list: (ReadEntity & {group: string})[]) => list.sort((a, b) => sharedFolders(b.source.file, from.source.file) - sharedFolders(a.source.file, from.source.file))[0];
    return entities.find((other) => other.group === from.group && matches(other)) ?? nearest(entities.filter((other) => other.name === name)) ?? nearest(entities.filter(matches));
  };
  for (const entity of entities) {
    for (const relation of entity.relations) {
      const target = find(entity, relation.to);
      if (target) relation.to = target.key;
    }
    for (const column of entity.columns) {
      if (!column.references) continue;
      const dot = column.references.lastIndexOf('.');
      const target = find(entity, column.references.slice(0, dot));
      if (!target) continue;
      column.references = `${target.name}${column.references.slice(dot)}`;
      // A foreign key is a relation, unless a relation field already says how the two are related.
      const related = entity.relations.some((relation) => relation.field === column.name || (relation.to === target.key && relation.cardinality !== 'one-to-many'));
      if (!related) entity.relations.push({field: column.name, to: target.key, cardinality: 'many-to-one'});
    }
  }
  return entities.map(({group: _group, table: _table, adds: _adds, ...entity}) => entity);
}

/** How many leading folders two target-relative paths share. */
function sharedFolders(a: string, b: string): number {
  const left = a.split('/').slice(0, -1);
  const right = b.split('/').slice(0, -1);
  let n = 0;
  while (n < left.length && left[n] === right[n]) n++;
  return n;
}
