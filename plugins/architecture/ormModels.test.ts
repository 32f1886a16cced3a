/**
 * MikroORM and Sequelize models read from TypeScript's syntax tree (docs/adr/0051 lists them beside
 * ADR 0045's readers): decorated classes, EntitySchema, `sequelize.define`, `Model.init`,
 * sequelize-typescript, and associations declared in another file. Fixtures are written as a real
 * project would have them; the pages must compile and their diagrams parse with Mermaid's parser.
 */
import fs from 'node:fs';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {writeArchitectureFixture} from '../../test/architectureFixture';
import {compileLikeDocusaurus} from '../../test/compileLikeDocusaurus';
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
  let diagrams = 0;
  for (const [file, text] of pages) {
    await compileLikeDocusaurus(text);
    const blocks = findMermaidBlocks(text);
    diagrams += blocks.length;
    expect(await checkDiagrams(blocks), file).toEqual([]);
  }
  return diagrams;
}

const MIKROORM = {
  'package.json': JSON.stringify({name: 'library', dependencies: {'@mikro-orm/core': '^6.3', '@mikro-orm/postgresql': '^6.3'}}),
  'src/entities/Author.ts': [
    "import {Collection, Entity, Enum, Index, OneToMany, PrimaryKey, Property, Unique} from '@mikro-orm/core';",
    "import {Book} from './Book';",
    '',
    "export enum Role { Admin = 'admin', Reader = 'reader' }",
    '',
    "@Entity({tableName: 'authors'})",
    "@Index({properties: ['name', 'email']})",
    'export class Author {',
    '  @PrimaryKey()',
    '  id!: number;',
    '',
    '  @Property()',
    '  name!: string;',
    '',
    '  @Property()',
    '  @Unique()',
    '  email!: string;',
    '',
    '  @Property({nullable: true})',
    '  age?: number;',
    '',
    '  @Enum(() => Role)',
    '  role: Role = Role.Reader;',
    '',
    "  @Property({type: 'datetime'})",
    '  createdAt = new Date();',
    '',
    '  @OneToMany(() => Book, (book) => book.author)',
    '  books = new Collection<Book>(this);',
    '}',
    '',
  ].join('\n'),
  'src/entities/Book.ts': [
    "import {Collection, Entity, ManyToMany, ManyToOne, OneToOne, PrimaryKey, Property, Ref} from '@mikro-orm/core';",
    "import {v4} from 'uuid';",
    "import {Author} from './Author';",
    "import type {BookTag, Cover} from './schema';",
    '',
    '@Entity()',
    'export class Book {',
    "  @PrimaryKey({type: 'uuid'})",
    '  uuid = v4();',
    '',
    "  @Property({type: 'text', length: 500})",
    '  title!: string;',
    '',
    '  @ManyToOne()',
    '  author!: Author;',
    '',
    "  @ManyToMany({entity: 'BookTag', inversedBy: 'books'})",
    '  tags = new Collection<BookTag>(this);',
    '',
    '  @OneToOne({nullable: true})',
    '  cover?: Ref<Cover>;',
    '}',
    '',
  ].join('\n'),
  'src/entities/schema.ts': [
    "import {EntitySchema, ReferenceKind} from '@mikro-orm/core';",
    "import {Book} from './Book';",
    '',
    'export const BookTag = new EntitySchema({',
    "  name: 'BookTag',",
    "  tableName: 'book_tags',",
    '  properties: {',
    "    id: {type: 'number', primary: true},",
    "    label: {type: 'string', unique: true},",
    "    books: {kind: 'm:n', entity: () => Book, mappedBy: 'tags'},",
    '  },',
    '});',
    '',
    'export const Cover = new EntitySchema({',
    "  name: 'Cover',",
    '  properties: {',
    "    id: {type: 'number', primary: true},",
    "    url: {type: 'string', nullable: true, default: \"'/blank.png'\"},",
    "    book: {kind: ReferenceKind.ONE_TO_ONE, entity: 'Book', mappedBy: 'cover'},",
    '  },',
    '});',
    '',
  ].join('\n'),
};

describe('MikroORM entities', () => {
  let section: GeneratedSection<ArchitectureModel>;
  const entity = (name: string) => summary(section.model.entities.find((e) => e.name === name)!);
  beforeAll(async () => {
    section = await sectionOf('arch-mikroorm', MIKROORM);
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

const SEQUELIZE = {
  'package.json': JSON.stringify({name: 'shop', dependencies: {sequelize: '^6.37', 'sequelize-typescript': '^2.1'}}),
  // sequelize-cli's layout: one module per model, associations in `associate`.
  'models/customer.js': [
    "'use strict';",
    "const {Model} = require('sequelize');",
    'module.exports = (sequelize, DataTypes) => {',
    '  class Customer extends Model {',
    '    static associate(models) {',
    "      this.hasMany(models.Order, {foreignKey: 'customerId', as: 'orders'});",
    '    }',
    '  }',
    '  Customer.init(',
    '    {',
    '      email: {type: DataTypes.STRING(320), allowNull: false, unique: true},',
    "      name: {type: DataTypes.STRING, defaultValue: 'anonymous'},",
    '      vip: DataTypes.BOOLEAN,',
    '    },',
    "    {sequelize, modelName: 'Customer', tableName: 'customers', indexes: [{unique: true, fields: ['email']}]},",
    '  );',
    '  return Customer;',
    '};',
    '',
  ].join('\n'),
  'models/order.js': [
    "const {DataTypes} = require('sequelize');",
    'module.exports = (sequelize) => {',
    "  const Order = sequelize.define('Order', {",
    '    id: {type: DataTypes.UUID, primaryKey: true, defaultValue: DataTypes.UUIDV4},',
    "    customerId: {type: DataTypes.INTEGER, allowNull: false, references: {model: 'customers', key: 'id'}},",
    "    total: {type: DataTypes.DECIMAL(10, 2), allowNull: false, defaultValue: 0},",
    "    status: DataTypes.ENUM('new', 'paid'),",
    '  });',
    '  Order.associate = (models) => {',
    "    Order.belongsTo(models.Customer, {foreignKey: 'customerId'});",
    "    Order.belongsToMany(models.Product, {through: 'OrderItems'});",
    '  };',
    '  return Order;',
    '};',
    '',
  ].join('\n'),
  // sequelize-typescript, with the reverse association in a module of its own.
  'src/catalog/product.model.ts': [
    "import {AllowNull, AutoIncrement, BelongsTo, BelongsToMany, Column, CreatedAt, DataType, Default, ForeignKey, Model, PrimaryKey, Table, Unique} from 'sequelize-typescript';",
    "import {Category} from './category.model';",
    '',
    "@Table({tableName: 'products'})",
    'export class Product extends Model {',
    '  @PrimaryKey',
    '  @AutoIncrement',
    '  @Column',
    '  declare id: number;',
    '',
    '  @Unique',
    '  @AllowNull(false)',
    '  @Column(DataType.STRING(64))',
    '  sku!: string;',
    '',
    '  @Default(true)',
    '  @Column',
    '  listed?: boolean;',
    '',
    '  @ForeignKey(() => Category)',
    '  @Column',
    '  categoryId?: number;',
    '',
    '  @BelongsTo(() => Category)',
    '  category?: Category;',
    '',
    "  @BelongsToMany(() => Order, 'OrderItems', 'productId', 'orderId')",
    '  orders?: Order[];',
    '',
    '  @CreatedAt',
    '  createdAt!: Date;',
    '}',
    '',
  ].join('\n'),
  'src/catalog/category.model.ts': [
    "import {Column, HasMany, Model, Table} from 'sequelize-typescript';",
    "import {Product} from './product.model';",
    '',
    '@Table',
    'export class Category extends Model {',
    '  @Column',
    '  title!: string;',
    '}',
    '',
  ].join('\n'),
  'src/db/associations.ts': ["import {Category} from '../catalog/category.model';", "import {Product} from '../catalog/product.model';", "import 'sequelize-typescript';", '', "Category.hasMany(Product, {as: 'products'});", ''].join('\n'),
};

describe('Sequelize models', () => {
  let section: GeneratedSection<ArchitectureModel>;
  const entity = (name: string) => summary(section.model.entities.find((e) => e.name === name)!);
  beforeAll(async () => {
    section = await sectionOf('arch-sequelize', SEQUELIZE);
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
