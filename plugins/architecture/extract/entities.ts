/**
 * Data models read statically from the target's schema files (never by connecting to a database or
 * running its code). One reader per kind of file; each returns entities and reports what it cannot
 * read. Prisma schemas and TypeORM entities are read today; MikroORM, Drizzle tables, SQL migrations
 * and SQLAlchemy/SQLModel/Alembic are readers still to add here, each `(file, text, sink) => EntityModel[]`.
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import type {TargetContext} from '../../core/types';
import type {EntityModel} from '../model';
import type {ProblemSink} from './declared';
import {readPrisma} from './prisma';
import {readTypeorm} from './typeorm';

/** Schema files are small; one past this is not a schema a reader would want drawn whole. */
const MAX_SCHEMA_BYTES = 2 ** 20;

type Reader = (file: string, text: string, sink: ProblemSink) => EntityModel[];
const READERS: {pattern: RegExp; read: Reader}[] = [
  {pattern: /\.prisma$/, read: readPrisma},
  {pattern: /\.entity\.ts$|(^|\/)entit(y|ies)\/[^/]+\.ts$/, read: (file, text) => readTypeorm(file, text)},
];

export async function extractEntities(context: TargetContext, sink: ProblemSink): Promise<EntityModel[]> {
  const entities: EntityModel[] = [];
  for (const file of context.inventory.files) {
    const reader = READERS.find((candidate) => candidate.pattern.test(file));
    if (!reader || /(^|\/)(node_modules|fixtures|__fixtures__)\//.test(file)) continue;
    const absolute = path.join(context.root, file);
    const stat = await fs.stat(absolute).catch(() => undefined);
    if (!stat) continue;
    if (stat.size > MAX_SCHEMA_BYTES) {
      sink.problem({file, line: 1}, `the schema has ${stat.size.toLocaleString('en')} bytes, over the 1 MB a schema file may have, so it is not drawn`);
      continue;
    }
    entities.push(...reader.read(file, await fs.readFile(absolute, 'utf8'), sink));
  }
  // Keys are unique in the section: a second `User` (another schema) gets a suffix.
  const used = new Set<string>();
  for (const entity of entities.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : a.source.file < b.source.file ? -1 : 1))) {
    let key = entity.key || 'entity';
    for (let n = 2; used.has(key); n++) key = `${entity.key}-${n}`;
    used.add(key);
    entity.key = key;
  }
  // Relations name their entity by model name until here; the diagram and the links want keys.
  for (const entity of entities) {
    for (const relation of entity.relations) {
      // The same schema file first (Prisma), else an entity of that name anywhere (a TypeORM class per file).
      const target = entities.find((other) => other.name === relation.to && other.source.file === entity.source.file) ?? entities.find((other) => other.name === relation.to);
      if (target) relation.to = target.key;
    }
  }
  return entities;
}
