/**
 * MikroORM entities to entities, from TypeScript's syntax tree (nothing is run or type-checked):
 * classes with `@Entity()` and their `@PrimaryKey`, `@Property`, `@Enum` columns and
 * `@ManyToOne`/`@OneToMany`/`@ManyToMany`/`@OneToOne` relations, whose target is the class the first
 * argument returns (`() => Author`), the `entity` option, or the property's type (`Ref<Author>`,
 * `Collection<Book>`); and `new EntitySchema({name, properties})` definitions.
 */
import {ts} from 'ts-morph';
import type {ColumnModel, EntityModel, EntityRelationModel} from '../model';
import type {ReadEntity} from './entities';
import {decoratorsOf, entityKey, isFalse, isTrue, lineOf, nameOf, optionsOf, parseScript, targetName, typeTarget, typeText} from './ormSyntax';

/** Quick test before parsing: only files that import MikroORM are read. */
export const MIKROORM_FILE = /['"]@mikro-orm\//;

const RELATIONS: Record<string, EntityRelationModel['cardinality']> = {ManyToOne: 'many-to-one', OneToMany: 'one-to-many', ManyToMany: 'many-to-many', OneToOne: 'one-to-one'};
/** `kind`/`reference` of an EntitySchema property, as a string or a `ReferenceKind` member. */
const KINDS: Record<string, EntityRelationModel['cardinality']> = {
  'm:1': 'many-to-one',
  '1:m': 'one-to-many',
  'm:n': 'many-to-many',
  '1:1': 'one-to-one',
  MANY_TO_ONE: 'many-to-one',
  ONE_TO_MANY: 'one-to-many',
  MANY_TO_MANY: 'many-to-many',
  ONE_TO_ONE: 'one-to-one',
};

export function readMikroorm(file: string, text: string): ReadEntity[] {
  if (!MIKROORM_FILE.test(text)) return [];
  const source = parseScript(file, text);
  const entities: ReadEntity[] = [];
  const visit = (node: ts.Node) => {
    if (ts.isClassDeclaration(node) && node.name) {
      const entity = decoratorsOf(node).find((d) => d.name === 'Entity');
      if (entity) entities.push(fromClass(source, node, node.name.text, entity.args[0]));
    } else if (ts.isNewExpression(node) && ts.isIdentifier(node.expression) && node.expression.text === 'EntitySchema') {
      const schema = fromSchema(source, node);
      if (schema) entities.push(schema);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return entities;
}

function fromClass(source: ts.SourceFile, node: ts.ClassDeclaration, name: string, entityOptions: ts.Expression | undefined): ReadEntity {
  const columns: ColumnModel[] = [];
  const relations: EntityRelationModel[] = [];
  const indexes: string[] = [];
  for (const member of node.members) {
    if (!ts.isPropertyDeclaration(member)) continue;
    const field = nameOf(member.name);
    if (!field) continue;
    const decorators = decoratorsOf(member);
    const unique = decorators.some((d) => d.name === 'Unique');
    if (decorators.some((d) => d.name === 'Index')) indexes.push(`@Index() ${field}`);
    for (const decorator of decorators) {
      const cardinality = RELATIONS[decorator.name];
      const [first, second] = decorator.args;
      const options = optionsOf(first && ts.isObjectLiteralExpression(first) ? first : second);
      if (cardinality) {
        const to = (first && !ts.isObjectLiteralExpression(first) ? targetName(first) : undefined) ?? targetName(options('entity')) ?? typeTarget(member.type);
        if (to) relations.push({field, to, cardinality});
        continue;
      }
      if (decorator.name !== 'PrimaryKey' && decorator.name !== 'Property' && decorator.name !== 'Enum' && decorator.name !== 'SerializedPrimaryKey') continue;
      const typeOption = options('type') ?? options('columnType');
      const enumItems = decorator.name === 'Enum' ? (first && !ts.isObjectLiteralExpression(first) ? first : options('items')) : undefined;
      const type = typeOption ? typeText(source, typeOption) : enumItems ? `enum ${targetName(enumItems) ?? ''}`.trim() : member.type ? member.type.getText(source).replace(/\s*\|\s*(null|undefined)\b/g, '') : initializerType(member.initializer);
      const primaryKey = decorator.name === 'PrimaryKey';
      // A property initialiser is MikroORM's runtime default (`createdAt = new Date()`).
      const defaultValue = options('default')?.getText(source) ?? options('defaultRaw')?.getText(source) ?? member.initializer?.getText(source);
      columns.push({
        name: field,
        type,
        nullable: !primaryKey && (isTrue(options('nullable')) || Boolean(member.questionToken)),
        // A numeric primary key is auto-incremented unless `autoincrement: false`.
        ...(defaultValue !== undefined ? {default: defaultValue} : primaryKey && /number|int/i.test(type) && !isFalse(options('autoincrement')) ? {default: 'generated'} : {}),
        ...(primaryKey ? {primaryKey: true} : {}),
        ...(unique || isTrue(options('unique')) ? {unique: true} : {}),
      });
    }
  }
  for (const decorator of decoratorsOf(node)) {
    if (decorator.name === 'Index' || decorator.name === 'Unique') indexes.push(`@${decorator.name}(${decorator.args.map((a) => a.getText(source).replace(/\s+/g, ' ')).join(', ')})`);
  }
  const entityOption = optionsOf(entityOptions);
  const table = nameOf(entityOption('tableName') ?? entityOption('collection'));
  return entity(name, table, columns, relations, indexes, {file: source.fileName, line: lineOf(source, node)});
}

/** `new EntitySchema({name: 'Book', tableName, properties: {id: {type: 'number', primary: true}, author: {kind: 'm:1', entity: () => Author}}})`. */
function fromSchema(source: ts.SourceFile, node: ts.NewExpression): ReadEntity | undefined {
  const options = optionsOf(node.arguments?.[0]);
  const name = nameOf(options('name')) ?? targetName(options('class'));
  const properties = options('properties');
  if (!name || !properties || !ts.isObjectLiteralExpression(properties)) return undefined;
  const columns: ColumnModel[] = [];
  const relations: EntityRelationModel[] = [];
  for (const property of properties.properties) {
    if (!ts.isPropertyAssignment(property) || !ts.isObjectLiteralExpression(property.initializer)) continue;
    const field = nameOf(property.name);
    if (!field) continue;
    const option = optionsOf(property.initializer);
    const kindNode = option('kind') ?? option('reference');
    const kind = kindNode ? KINDS[ts.isPropertyAccessExpression(kindNode) ? kindNode.name.text : (nameOf(kindNode) ?? '')] : undefined;
    if (kind) {
      const to = targetName(option('entity'));
      if (to) relations.push({field, to, cardinality: kind});
      continue;
    }
    const primaryKey = isTrue(option('primary'));
    const typeNode = option('type') ?? option('columnType');
    const enumItems = isTrue(option('enum')) ? option('items') : undefined;
    columns.push({
      name: field,
      type: typeNode ? typeText(source, typeNode) : enumItems ? `enum ${targetName(enumItems) ?? ''}`.trim() : 'unknown',
      nullable: !primaryKey && isTrue(option('nullable')),
      ...(option('default') ? {default: option('default')!.getText(source)} : {}),
      ...(primaryKey ? {primaryKey: true} : {}),
      ...(isTrue(option('unique')) ? {unique: true} : {}),
    });
  }
  const table = nameOf(options('tableName') ?? options('collection'));
  return entity(name, table, columns, relations, [], {file: source.fileName, line: lineOf(source, node)});
}

function entity(name: string, table: string | undefined, columns: ColumnModel[], relations: EntityRelationModel[], indexes: string[], source: EntityModel['source']): ReadEntity {
  return {
    key: entityKey(name),
    name,
    origin: table && table !== name ? `mikroorm (table ${table})` : 'mikroorm',
    columns,
    indexes,
    relations,
    source,
    ...(table ? {table} : {}),
  };
}

/** `createdAt = new Date()` is a Date; `active = true` a boolean; otherwise unknown. */
function initializerType(initializer: ts.Expression | undefined): string {
  if (!initializer) return 'unknown';
  if (ts.isNewExpression(initializer) && ts.isIdentifier(initializer.expression)) return initializer.expression.text;
  if (ts.isStringLiteralLike(initializer)) return 'string';
  if (ts.isNumericLiteral(initializer)) return 'number';
  if (initializer.kind === ts.SyntaxKind.TrueKeyword || initializer.kind === ts.SyntaxKind.FalseKeyword) return 'boolean';
  return 'unknown';
}
