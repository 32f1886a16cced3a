/**
 * The data model readers beyond Prisma and TypeORM, on DATA_MODEL_FILES: a Drizzle schema, SQL
 * migrations applied in order (with one statement no grammar reads), SQLModel and SQLAlchemy
 * models, Alembic revisions in chain order. The ER diagram is compared with a reviewed golden file
 * (regenerate with `UPDATE_GOLDEN=1 npx vitest run plugins/architecture/dataModels.test.ts`).
 */
import fs from 'node:fs';
import path from 'node:path';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {DATA_MODEL_FILES, writeArchitectureFixture} from '../../test/architectureFixture';
import {compileLikeDocusaurus} from '../../test/compileLikeDocusaurus';
import {tempBase} from '../../test/gitRepo';
import {loadTargetContext} from '../core/prepareSite';
import {generateAlone, generateSections} from '../core/site/generateSections';
import {codeReferenceGenerator} from '../code-reference/generator';
import {checkDiagrams, findMermaidBlocks} from '../core/mermaid/check';
import type {GeneratedSection, TargetContext} from '../core/types';
import {architectureGenerator} from './generator';
import type {ArchitectureModel, EntityModel} from './model';
import {splitSql} from './extract/splitSql';

const GOLDEN = path.join(__dirname, '__golden__', 'data-model.mmd');
const dirs: string[] = [];
afterAll(() => {
  for (const dir of dirs) fs.rmSync(dir, {recursive: true, force: true});
});

const summary = (entity: EntityModel) => ({
  name: entity.name,
  origin: entity.origin,
  at: `${entity.source.file}:${entity.source.line}`,
  columns: entity.columns.map((c) => `${c.name}:${c.type}${c.nullable ? '?' : ''}${c.primaryKey ? ' PK' : ''}${c.unique ? ' UK' : ''}${c.references ? ` -> ${c.references}` : ''}${c.default ? ` = ${c.default}` : ''}`),
  relations: entity.relations.map((r) => `${r.field}:${r.to}:${r.cardinality}`),
  indexes: entity.indexes,
});

describe('data models read without running anything', () => {
  let context: TargetContext;
  let section: GeneratedSection<ArchitectureModel>;
  const entity = (name: string) => summary(section.model.entities.find((e) => e.name === name)!);
  beforeAll(async () => {
    const target = tempBase('arch-data');
    const site = tempBase('arch-data-site');
    dirs.push(target, site);
    writeArchitectureFixture(target, DATA_MODEL_FILES);
    context = await loadTargetContext({siteDir: site, target});
    section = (await generateAlone(architectureGenerator, context))[0]!;
  });

  it('finds every table once, with a unique key', () => {
    expect(section.model.entities.map((e) => `${e.key}:${e.origin}`)).toEqual([
      'hero:sqlmodel (table hero)',
      'invoice:sqlalchemy (table invoices)',
      'team:sqlmodel (table team)',
      'accounts:alembic',
      'authors:drizzle',
      'books:drizzle',
      'customers:sql',
      'orders:sql',
      'reviews:drizzle (table book_reviews)',
      'sessions:alembic',
    ]);
  });

  it('reads Drizzle tables: builder chains, references, relations() and the index callback', () => {
    expect(entity('books')).toEqual({
      name: 'books',
      origin: 'drizzle',
      at: 'db/schema.ts:10',
      columns: ['id:serial PK = generated', 'title:text', 'authorId:integer -> authors.id', 'publishedAt:timestamp? = defaultNow()'],
      relations: ['author:authors:many-to-one', 'reviews:reviews:one-to-many'],
      indexes: ["uniqueIndex('books_title_idx').on(t.title)"],
    });
    // A foreign key without `one(...)` is a relation of its own.
    expect(entity('reviews').relations).toEqual(['bookId:books:many-to-one']);
    expect(entity('authors').columns).toEqual(['id:serial PK = generated', 'email:varchar UK', 'bio:text?']);
  });

  it('applies SQL migrations in order, skips other statements and reports the one it cannot parse', () => {
    expect(entity('orders')).toEqual({
      name: 'orders',
      origin: 'sql',
      at: 'db/migrations/0001_init.sql:8',
      columns: ['id:bigint PK', 'customer_id:int? -> customers.id', 'total:numeric(10,2) = 0', 'note:text?'],
      relations: ['customer_id:customers:many-to-one'],
      indexes: ['unique index orders_customer_idx (customer_id, id)'],
    });
    expect(entity('customers').columns).toEqual(['id:serial PK = generated', 'email:varchar(255) UK', "name:text? = 'anonymous'"]);
    expect(section.model.entities.some((e) => e.name === 'drafts')).toBe(false);
    expect(section.model.problems.map((p) => `${p.file}:${p.line} ${p.message.slice(0, 40)}`)).toEqual(['db/migrations/0002_links.sql:4 cannot parse this SQL statement, so it i']);
    expect(context.report.warnings).toHaveLength(1);
  });

  it('reads SQLModel tables and SQLAlchemy 2.0 models, foreign keys tied to classes by table name', () => {
    expect(entity('Hero')).toEqual({
      name: 'Hero',
      origin: 'sqlmodel (table hero)',
      at: 'app/models.py:12',
      columns: ['id:int PK = generated', 'name:str', 'age:int?', 'team_id:int? -> Team.id'],
      relations: ['team:team:many-to-one'],
      indexes: [],
    });
    expect(entity('Team').relations).toEqual(['heroes:hero:one-to-many']);
    expect(entity('Invoice').columns).toEqual(['id:int PK = generated', 'hero_id:int? -> Hero.id', 'total:Numeric']);
    expect(entity('Invoice').relations).toEqual(['hero:hero:many-to-one']);
    expect(section.model.entities.some((e) => e.name === 'HeroRead')).toBe(false);
  });

  it('applies Alembic revisions along their down_revision chain, not their file names', () => {
    expect(entity('sessions')).toEqual({
      name: 'sessions',
      origin: 'alembic',
      at: 'alembic/versions/2a_create.py:17',
      columns: ['id:Integer PK = generated', 'account_id:Integer? -> accounts.id', 'expires_at:DateTime?'],
      relations: ['account_id:accounts:many-to-one'],
      indexes: ['index ix_sessions_account (account_id)'],
    });
    expect(entity('accounts').columns).toEqual(['id:Integer PK', 'email:String UK']);
  });

  it('draws the reviewed ER diagram, and every page compiles with diagrams that parse', async () => {
    const diagram = findMermaidBlocks(section.files.get('data/index.mdx')!)[0]!.text;
    if (process.env.UPDATE_GOLDEN) {
      fs.mkdirSync(path.dirname(GOLDEN), {recursive: true});
      fs.writeFileSync(GOLDEN, `${diagram}\n`);
    }
    expect(`${diagram}\n`).toBe(fs.readFileSync(GOLDEN, 'utf8'));
    const pages = [...section.files].filter(([file]) => file.startsWith('data/'));
    expect(pages.length).toBe(11);
    let diagrams = 0;
    for (const [, text] of pages) {
      await compileLikeDocusaurus(text);
      const blocks = findMermaidBlocks(text);
      diagrams += blocks.length;
      expect(await checkDiagrams(blocks)).toEqual([]);
    }
    expect(diagrams).toBe(11);
  });
});

describe('entities in the link index', () => {
  it('are `<file>#<Name>` entries, and an entity page links the code reference entry of its declaration', async () => {
    const target = tempBase('arch-data-links');
    const site = tempBase('arch-data-links-site');
    dirs.push(target, site);
    writeArchitectureFixture(target, {'package.json': JSON.stringify({name: 'books', version: '1.0.0', main: 'db/schema.ts'}), 'db/schema.ts': DATA_MODEL_FILES['db/schema.ts']!});
    const context = await loadTargetContext({siteDir: site, target});
    const {generated, registry} = await generateSections(context, [codeReferenceGenerator as never, architectureGenerator as never], []);
    const view = registry.view(generated.map(({section}) => section));
    expect(['authors', 'books', 'reviews'].map((name) => view.urlOf('entity', `db/schema.ts#${name}`))).toEqual(['/architecture/data/authors/', '/architecture/data/books/', '/architecture/data/reviews/']);
    const symbol = view.urlOf('symbol', 'db/schema.ts#books');
    expect(symbol).toBeTruthy();
    const architecture = generated.find(({section}) => section.id === 'architecture')!.section;
    expect(architecture.files.get('data/books.mdx')).toContain(`its code reference entry is [\`books\`](${symbol})`);
    expect(architecture.files.get('data/index.mdx')).toContain(`| [\`books\`](${symbol}) |`);
  });
});

describe('splitSql', () => {
  it('ends statements at semicolons outside strings, quoted names, comments and dollar quotes, with their lines', () => {
    const sql = "-- a; comment\nCREATE TABLE \"a;b\" (x text DEFAULT 'it''s; fine');\n/* x; */ CREATE FUNCTION f() AS $body$ select 1; $body$;\n\n  DROP TABLE t";
    expect(splitSql(sql).map((s) => [s.line, s.text.replace(/\s+/g, ' ')])).toEqual([
      [2, "CREATE TABLE \"a;b\" (x text DEFAULT 'it''s; fine')"],
      [3, 'CREATE FUNCTION f() AS $body$ select 1; $body$'],
      [5, 'DROP TABLE t'],
    ]);
  });
});
