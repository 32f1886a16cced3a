/**
 * MikroORM and Sequelize models read from TypeScript's syntax tree (docs/adr/0051 lists them beside
 * ADR 0045's readers): decorated classes, EntitySchema, `sequelize.define`, `Model.init`,
 * sequelize-typescript, and associations declared in another file. Fixtures are written as a real
 * project would have them; the pages must compile and their diagrams parse with Mermaid's parser.
 */
import fs from 'node:fs';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {writeArchitectureFixture} from '../../test/architectureFixture';
import {MIKROORM_FILES, SEQUELIZE_FILES} from '../../test/ormFixture';
import {compileLikeDocusaurus} from '../../test/compileLikeDocusaurus';
import {expectPagesCompileAndDiagramsParse} from '../../test/generatedPages';
import {tempBase} from '../../test/gitRepo';
import {loadTargetContext} from '../core/prepareSite';
import {generateAlone} from '../core/site/generateSections';
import {checkDiagrams, findMermaidBlocks} from '../core/mermaid/check';
import type {GeneratedSection} from '../core/types';
import {architectureGenerator} from './generator';
import type {ArchitectureModel, EntityModel} from './model';

const dirs: string[] = [];
afterAll(() => {
  for (const dir of dirs) fs.rmSync(dir, {recursive: true, force: true});
});

const summary = (entity: EntityModel) => ({
  origin: entity.origin,
  at: `${entity.source.file}:${entity.source.line}`,
  columns: entity.columns.map((c) => `${c.name}:${c.type}${c.nullable ? '?' : ''}${c.primaryKey ? ' PK' : ''}${c.unique ? ' UK' : ''}${c.references ? ` -> ${c.references}` : ''}${c.default ? ` = ${c.default}` : ''}`),
  relations: entity.relations.map((r) => `${r.field}:${r.to}:${r.cardinality}`),
  indexes: entity.indexes,
});

async function sectionOf(name: string, files: Record<string, string>): Promise<GeneratedSection<ArchitectureModel>> {
  const target = tempBase(name);
  const site = tempBase(`${name}-site`);
  dirs.push(target, site);
  writeArchitectureFixture(target, files);
  const context = await loadTargetContext({siteDir: site, target});
  return (await generateAlone(architectureGenerator, context))[0]!;
}

/** Every data page compiles as Docusaurus compiles it and its diagrams parse; returns the number of diagrams. */
async function checkPages(section: GeneratedSection<ArchitectureModel>, pageCount: number): Promise<number> {
  const pages = [...section.files].filter(([file]) => file.startsWith('data/'));
  expect(pages).toHaveLength(pageCount);
  return expectPagesCompileAndDiagramsParse(pages);
}

describe('MikroORM entities', () => {
  let section: GeneratedSection<ArchitectureModel>;
  const entity = (name: string) => summary(section.model.entities.find((e) => e.name === name)!);
  beforeAll(async () => {
    section = await sectionOf('arch-mikroorm', MIKROORM_FILES);
  });

  it('are read from decorators and EntitySchema, told from TypeORM by their import', () => {
    expect(section.model.entities.map((e) => `${e.key}:${e.origin}`)).toEqual(['author:mikroorm (table authors)', 'book:mikroorm', 'booktag:mikroorm (table book_tags)', 'cover:mikroorm']);
    expect(entity('Author')).toEqual({
      origin: 'mikroorm (table authors)',
      at: 'src/entities/Author.ts:6',
      columns: ['id:number PK = generated', 'name:string', 'email:string UK', 'age:number?', 'role:enum Role = Role.Reader', 'createdAt:datetime = new Date()'],
      relations: ['books:book:one-to-many'],
      indexes: ["@Index({properties: ['name', 'email']})"],
    });
  });

  it('find relation targets from the arrow, the entity option or the property type', () => {
    expect(entity('Book')).toEqual({
      origin: 'mikroorm',
      at: 'src/entities/Book.ts:6',
      columns: ['uuid:uuid PK = v4()', 'title:text'],
      relations: ['author:author:many-to-one', 'tags:booktag:many-to-many', 'cover:cover:one-to-one'],
      indexes: [],
    });
    expect(entity('BookTag').columns).toEqual(['id:number PK', 'label:string UK']);
    expect(entity('BookTag').relations).toEqual(['books:book:many-to-many']);
    expect(entity('Cover').columns).toEqual(['id:number PK', "url:string? = \"'/blank.png'\""]);
    expect(entity('Cover').relations).toEqual(['book:book:one-to-one']);
  });

  it('draw an ER diagram and model pages that compile, with diagrams that parse', async () => {
    const diagram = findMermaidBlocks(section.files.get('data/index.mdx')!)[0]!.text;
    // Four entities; each pair of relation fields (Author.books and Book.author) is one line.
    expect(diagram.split('\n').filter((line) => /^ {2}e\d+\[/.test(line))).toHaveLength(4);
    expect(diagram.split('\n').filter((line) => /^ {2}e\d+ \S+ e\d+ : /.test(line))).toHaveLength(3);
    expect(await checkPages(section, 5)).toBe(5);
  });
});

describe('Sequelize models', () => {
  let section: GeneratedSection<ArchitectureModel>;
  const entity = (name: string) => summary(section.model.entities.find((e) => e.name === name)!);
  beforeAll(async () => {
    section = await sectionOf('arch-sequelize', SEQUELIZE_FILES);
  });

  it('are read from init, define and sequelize-typescript classes, with Sequelize’s own id when none is declared', () => {
    expect(section.model.entities.map((e) => `${e.key}:${e.origin}`)).toEqual(['category:sequelize', 'customer:sequelize (table customers)', 'order:sequelize', 'product:sequelize (table products)']);
    expect(entity('Customer')).toEqual({
      origin: 'sequelize (table customers)',
      at: 'models/customer.js:9',
      columns: ['id:INTEGER PK = generated', 'email:STRING(320) UK', "name:STRING? = 'anonymous'", 'vip:BOOLEAN?'],
      relations: ['orders:order:one-to-many'],
      indexes: ["{unique: true, fields: ['email']}"],
    });
    expect(entity('Order')).toEqual({
      origin: 'sequelize',
      at: 'models/order.js:3',
      columns: ['id:UUID PK = DataTypes.UUIDV4', 'customerId:INTEGER -> Customer.id', 'total:DECIMAL(10,2) = 0', 'status:ENUM?'],
      relations: ['Customer:customer:many-to-one', 'Product (through OrderItems):product:many-to-many'],
      indexes: [],
    });
  });

  it('reads decorators, foreign keys and associations declared in another file', () => {
    expect(entity('Product')).toEqual({
      origin: 'sequelize (table products)',
      at: 'src/catalog/product.model.ts:4',
      columns: ['id:number PK = generated', 'sku:STRING(64) UK', 'listed:boolean? = true', 'categoryId:number? -> Category.id', 'createdAt:Date?'],
      relations: ['category:category:many-to-one', 'orders (through OrderItems):order:many-to-many'],
      indexes: [],
    });
    expect(entity('Category').columns).toEqual(['id:INTEGER PK = generated', 'title:string?']);
    expect(entity('Category').relations).toEqual(['products:product:one-to-many']);
  });

  it('draw an ER diagram and model pages that compile, with diagrams that parse', async () => {
    expect(await checkPages(section, 5)).toBe(5);
  });
});

describe('associations in a module of their own', () => {
  it('go to the model of that name nearest them, one service of a monorepo not another', async () => {
    const catalog = (service: string, withAssociations: boolean) =>
      Object.fromEntries(
        Object.entries(SEQUELIZE_FILES)
          .filter(([file]) => file.startsWith('src/') && (withAssociations || !file.includes('associations')))
          .map(([file, text]) => [`${service}/${file}`, text]),
      );
    const section = await sectionOf('arch-orm-monorepo', {...catalog('services/a', false), ...catalog('services/b', true)});
    const categories = section.model.entities.filter((e) => e.name === 'Category').map((e) => `${e.source.file} ${e.relations.map((r) => `${r.field}:${r.to}`).join(' ')}`);
    expect(categories).toEqual(['services/a/src/catalog/category.model.ts ', 'services/b/src/catalog/category.model.ts products:product-2']);
  });
});

describe('hostile ORM names', () => {
  it('stay text: keys are URL-safe, pages compile, diagrams parse and carry no markup', async () => {
    const section = await sectionOf('arch-orm-hostile', {
      'src/entities/evil.ts': [
        "import {Entity, PrimaryKey, Property} from '@mikro-orm/core';",
        "@Entity({tableName: '<img src=x onerror=alert(1)>'})",
        'export class Evil {',
        '  @PrimaryKey() id!: number;',
        "  @Property({type: 'a\"]-->b[(\"x', default: 'javascript:alert(1)'}) '%%{init: {\"securityLevel\":\"loose\"}}%%'!: string;",
        '}',
        '',
      ].join('\n'),
      'models/evil.js': "const {DataTypes} = require('sequelize');\nmodule.exports = (sequelize) => sequelize.define('<script>alert(1)</script>', {'a]-->b': {type: DataTypes.STRING, references: {model: '../../etc', key: '<b>'}}}, {tableName: '%%{init}%%'});\n",
    });
    expect(section.model.entities.map((e) => e.key)).toEqual(['script-alert-1-script', 'evil']);
    const pages = [...section.files].filter(([file]) => file.startsWith('data/'));
    expect(pages).toHaveLength(3);
    for (const [file, text] of pages) {
      await compileLikeDocusaurus(text);
      const blocks = findMermaidBlocks(text);
      expect(blocks.length, file).toBeGreaterThan(0);
      for (const block of blocks) expect(block.text, file).not.toMatch(/<script|<img|%%\{|javascript:/i);
      expect(await checkDiagrams(blocks), file).toEqual([]);
      expect(text.slice(text.indexOf('\n---\n') + 5), file).not.toMatch(/(^|[^\\])<(script|img|b>)/m);
    }
  });
});
