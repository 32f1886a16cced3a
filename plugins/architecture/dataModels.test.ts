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
import {expectPagesCompileAndDiagramsParse} from '../../test/generatedPages';
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
    expect(await expectPagesCompileAndDiagramsParse(pages)).toBe(11);
  });
});

describe('many entities', () => {
  it('are drawn one folder at a time, at most 40 entities per diagram', async () => {
    const target = tempBase('arch-many-tables');
    dirs.push(target);
    const tables = Array.from({length: 45}, (_, i) => `CREATE TABLE t${i} (id int PRIMARY KEY, hub_id int REFERENCES hub(id));`);
    writeArchitectureFixture(target, {'db/migrations/0001.sql': `CREATE TABLE hub (id int PRIMARY KEY);\n${tables.join('\n')}\n`, 'other/schema.sql': 'CREATE TABLE lone (id int);\n'});
    const context = await loadTargetContext({siteDir: tempBase('arch-many-site'), target});
    const [section] = await generateAlone(architectureGenerator, context);
    expect(section!.model.entities).toHaveLength(47);
    const diagrams = findMermaidBlocks(section!.files.get('data/index.mdx')!);
    expect(diagrams.map((block) => block.text.split('\n').filter((line) => /^ {2}e\d+\[/.test(line)).length)).toEqual([40, 1]);
    const hub = findMermaidBlocks(section!.files.get('data/hub.mdx')!)[0]!.text;
    expect(hub.split('\n').filter((line) => /^ {2}e\d+\[/.test(line))).toHaveLength(40);
    expect(await checkDiagrams([...diagrams, {line: 1, text: hub}])).toEqual([]);
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

describe('Nx and Turborepo layouts', () => {
  it('make Nx projects containers, follow implicitDependencies and tsconfig paths aliases in the import graph', async () => {
    const target = tempBase('arch-nx');
    dirs.push(target);
    writeArchitectureFixture(target, {
      'nx.json': '{}',
      'package.json': JSON.stringify({name: 'acme', private: true}),
      'tsconfig.base.json': '{\n  // Nx writes comments here\n  "compilerOptions": {"baseUrl": ".", "paths": {"@acme/ui": ["libs/ui/src/index.ts"], "@acme/util/*": ["libs/util/src/*"]}}\n}\n',
      'apps/web/project.json': JSON.stringify({name: 'web', projectType: 'application', implicitDependencies: ['util']}, null, 2),
      'apps/web/tsconfig.json': JSON.stringify({extends: '../../tsconfig.base.json'}),
      'apps/web/src/main.ts': "import {button} from '@acme/ui';\nimport {format} from '@acme/util/format';\nexport const page = button(format(1));\n",
      'libs/ui/project.json': JSON.stringify({name: 'ui', projectType: 'library'}),
      'libs/ui/src/index.ts': 'export const button = (text: string) => `<button>${text}</button>`;\n',
      'libs/util/project.json': JSON.stringify({name: 'util', projectType: 'library'}),
      'libs/util/src/format.ts': 'export const format = (n: number) => String(n);\n',
    });
    const context = await loadTargetContext({siteDir: tempBase('arch-nx-site'), target});
    const [section] = await generateAlone(architectureGenerator, context);
    const model = section!.model;
    expect(model.elements.map((e) => `${e.key}:${e.kind}`)).toEqual(['ui:container', 'util:container', 'web:container']);
    expect(model.elements.find((e) => e.key === 'web')!.description).toContain('Nx application');
    expect(model.relations.map((r) => `${r.from}->${r.to} ${r.label} ${r.source.file}:${r.source.line}`)).toEqual(['web->util uses apps/web/project.json:5']);
    const edges = model.dependencies!.graphs.flatMap((graph) => graph.edges.map((edge) => `${edge.from}->${edge.to}`));
    expect(edges).toEqual(expect.arrayContaining(['apps->libs']));
    expect(model.dependencies!.imports).toBe(2);
  });

  it('name a Turborepo workspace package as such', async () => {
    const target = tempBase('arch-turbo');
    dirs.push(target);
    writeArchitectureFixture(target, {
      'turbo.json': JSON.stringify({tasks: {build: {}}}),
      'package.json': JSON.stringify({name: 'turbo-root', private: true, workspaces: ['apps/*']}),
      'apps/docs/package.json': JSON.stringify({name: 'docs', dependencies: {ui: '*'}}),
      'apps/ui/package.json': JSON.stringify({name: 'ui'}),
    });
    const context = await loadTargetContext({siteDir: tempBase('arch-turbo-site'), target});
    const [section] = await generateAlone(architectureGenerator, context);
    expect(section!.model.elements.map((e) => e.key)).toEqual(['docs', 'ui']);
    expect(section!.model.elements[0]!.description).toContain('Turborepo package');
    expect(section!.model.relations.map((r) => `${r.from}->${r.to}`)).toEqual(['docs->ui']);
  });
});
