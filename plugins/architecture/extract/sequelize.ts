/**
 * Sequelize models to entities, from TypeScript's syntax tree (nothing is run): `sequelize.define(
 * 'Name', {attributes}, {options})`, `Model.init({attributes}, {sequelize, modelName, tableName})`
 * (also `this.init` in a class), sequelize-typescript classes (`@Table`, `@Column`, `@PrimaryKey`,
 * `@ForeignKey`, `@BelongsTo`, `@HasMany`...), and associations: `A.belongsTo(B)`, `hasMany`,
 * `hasOne`, `belongsToMany(B, {through})`, also `static associate(models) {this.hasMany(models.B)}`.
 * A model without a primary key gets Sequelize's own `id`. An association in a file that does not
 * define its model is returned as an addition, which entities.ts adds to the model of that name.
 */
import {ts} from 'ts-morph';
import type {ColumnModel, EntityRelationModel} from '../model';
import type {ReadEntity} from './entities';
import {decoratorsOf, entityKey, isFalse, isTrue, lineOf, nameOf, optionsOf, parseScript, targetName, typeTarget, typeText} from './ormSyntax';

/** Quick test before parsing: only files that import Sequelize (or sequelize-typescript) are read. */
export const SEQUELIZE_FILE = /['"]sequelize(-typescript)?['"]|require\(\s*['"]sequelize/;

const ASSOCIATIONS: Record<string, EntityRelationModel['cardinality']> = {belongsTo: 'many-to-one', hasMany: 'one-to-many', hasOne: 'one-to-one', belongsToMany: 'many-to-many'};
const DECORATED_RELATIONS: Record<string, EntityRelationModel['cardinality']> = {BelongsTo: 'many-to-one', HasMany: 'one-to-many', HasOne: 'one-to-one', BelongsToMany: 'many-to-many'};

export function readSequelize(file: string, text: string): ReadEntity[] {
  if (!SEQUELIZE_FILE.test(text)) return [];
  const source = parseScript(file, text);
  const models = new Map<string, ReadEntity>();
  /** Variable or class name to model name: `const User = sequelize.define('user', ...)`. */
  const aliases = new Map<string, string>();
  const associations: {from: string; relation: EntityRelationModel; foreignKey?: string}[] = [];
  const at = (node: ts.Node) => ({file, line: lineOf(source, node)});

  const visit = (node: ts.Node) => {
    if (ts.isClassDeclaration(node) && node.name) {
      const table = decoratorsOf(node).find((d) => d.name === 'Table');
      if (table) models.set(node.name.text, decorated(source, node, node.name.text, table.args[0]));
    }
    if (ts.isCallExpression(node) && ts.isPropertyAccessExpression(node.expression)) {
      const method = node.expression.name.text;
      const [first, second, third] = node.arguments;
      if (method === 'define' && first && ts.isStringLiteralLike(first) && second && ts.isObjectLiteralExpression(second)) {
        const model = fromAttributes(source, first.text, second, third, at(node));
        models.set(model.name, model);
        const parent = node.parent;
        if (ts.isVariableDeclaration(parent) && ts.isIdentifier(parent.name)) aliases.set(parent.name.text, model.name);
      } else if (method === 'init' && first && ts.isObjectLiteralExpression(first) && second && optionsOf(second)('sequelize')) {
        const owner = ownerName(node.expression.expression);
        const name = nameOf(optionsOf(second)('modelName')) ?? owner;
        if (name) {
          models.set(name, fromAttributes(source, name, first, second, at(node)));
          if (owner) aliases.set(owner, name);
        }
      } else if (ASSOCIATIONS[method] && first) {
        const from = ownerName(node.expression.expression);
        const to = targetName(first);
        if (from && to) {
          const option = optionsOf(second);
          const through = targetName(option('through')) ?? nameOf(optionsOf(option('through'))('model'));
          const as = nameOf(option('as'));
          const foreignKey = nameOf(option('foreignKey')) ?? nameOf(optionsOf(option('foreignKey'))('name'));
          const field = `${as ?? to}${through ? ` (through ${through})` : ''}`;
          associations.push({from, relation: {field, to, cardinality: ASSOCIATIONS[method]!}, ...(method === 'belongsTo' && foreignKey ? {foreignKey} : {})});
        }
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(source);

  const additions = new Map<string, ReadEntity>();
  for (const {from, relation, foreignKey} of associations) {
    const name = aliases.get(from) ?? from;
    const to = aliases.get(relation.to) ?? relation.to;
    const model = models.get(name);
    if (model) {
      model.relations.push({...relation, to});
      const column = foreignKey ? model.columns.find((c) => c.name === foreignKey) : undefined;
      if (column && !column.references) column.references = `${to}.id`;
      continue;
    }
    // Associations often live in their own file (models/index.ts): an addition to a model read elsewhere.
    const addition = additions.get(name) ?? {key: entityKey(name), name, origin: 'sequelize', columns: [], indexes: [], relations: [], source: {file, line: 1}, adds: true};
    addition.relations.push({...relation, to});
    additions.set(name, addition);
  }
  return [...models.values(), ...additions.values()];
}

/** `User` in `User.init(...)`, the class around `this.init(...)`/`this.hasMany(...)`, `models.User` → `User`. */
function ownerName(expression: ts.Expression): string | undefined {
  if (expression.kind === ts.SyntaxKind.ThisKeyword) {
    let node: ts.Node | undefined = expression;
    while (node && !ts.isClassLike(node)) node = node.parent;
    return node?.name?.text;
  }
  return targetName(expression);
}

/** The attributes object of `define` or `init`, with the options object after it. */
function fromAttributes(source: ts.SourceFile, name: string, attributes: ts.ObjectLiteralExpression, optionsNode: ts.Expression | undefined, at: ReadEntity['source']): ReadEntity {
  const columns: ColumnModel[] = [];
  for (const property of attributes.properties) {
    if (!ts.isPropertyAssignment(property)) continue;
    const field = nameOf(property.name);
    if (!field) continue;
    const value = property.initializer;
    if (!ts.isObjectLiteralExpression(value)) {
      columns.push({name: field, type: typeText(source, value), nullable: true});
      continue;
    }
    const option = optionsOf(value);
    const primaryKey = isTrue(option('primaryKey'));
    const references = optionsOf(option('references'));
    const model = targetName(references('model'));
    const uniqueNode = option('unique');
    columns.push({
      name: field,
      type: option('type') ? typeText(source, option('type')!) : 'unknown',
      nullable: !primaryKey && !isFalse(option('allowNull')),
      ...(option('defaultValue') ? {default: option('defaultValue')!.getText(source)} : isTrue(option('autoIncrement')) ? {default: 'generated'} : {}),
      ...(primaryKey ? {primaryKey: true} : {}),
      ...(isTrue(uniqueNode) || (uniqueNode && ts.isStringLiteralLike(uniqueNode)) ? {unique: true} : {}),
      ...(model ? {references: `${model}.${nameOf(references('key')) ?? 'id'}`} : {}),
    });
  }
  const options = optionsOf(optionsNode);
  const indexes = options('indexes');
  return model(name, nameOf(options('tableName')), columns, [], indexes && ts.isArrayLiteralExpression(indexes) ? indexes.elements.map((e) => e.getText(source).replace(/\s+/g, ' ')) : [], at);
}

/** A sequelize-typescript class: `@Table({tableName})`, `@Column`, `@PrimaryKey`, `@ForeignKey(() => X)`, `@BelongsTo(() => X)`... */
function decorated(source: ts.SourceFile, node: ts.ClassDeclaration, name: string, tableOptions: ts.Expression | undefined): ReadEntity {
  const columns: ColumnModel[] = [];
  const relations: EntityRelationModel[] = [];
  for (const member of node.members) {
    if (!ts.isPropertyDeclaration(member)) continue;
    const field = nameOf(member.name);
    if (!field) continue;
    const decorators = decoratorsOf(member);
    const find = (decorator: string) => decorators.find((d) => d.name === decorator);
    for (const decorator of decorators) {
      const cardinality = DECORATED_RELATIONS[decorator.name];
      const to = cardinality ? (targetName(decorator.args[0]) ?? typeTarget(member.type)) : undefined;
      if (cardinality && to) {
        const through = decorator.name === 'BelongsToMany' ? targetName(decorator.args[1]) : undefined;
        relations.push({field: `${field}${through ? ` (through ${through})` : ''}`, to, cardinality});
      }
    }
    const column = find('Column');
    const dates = ['CreatedAt', 'UpdatedAt', 'DeletedAt'].find((d) => find(d));
    if (!column && !dates) continue;
    const [argument] = column?.args ?? [];
    const option = optionsOf(argument && ts.isObjectLiteralExpression(argument) ? argument : undefined);
    const typeNode = argument && !ts.isObjectLiteralExpression(argument) ? argument : option('type');
    const primaryKey = Boolean(find('PrimaryKey')) || isTrue(option('primaryKey'));
    const allowNull = find('AllowNull')?.args[0];
    const defaultNode = find('Default')?.args[0] ?? option('defaultValue');
    const foreignKey = targetName(find('ForeignKey')?.args[0]);
    columns.push({
      name: field,
      type: typeNode ? typeText(source, typeNode) : dates ? 'Date' : (member.type?.getText(source).replace(/\s*\|\s*(null|undefined)\b/g, '') ?? 'unknown'),
      nullable: !primaryKey && !isFalse(allowNull) && !isFalse(option('allowNull')),
      ...(defaultNode ? {default: defaultNode.getText(source)} : find('AutoIncrement') || isTrue(option('autoIncrement')) ? {default: 'generated'} : {}),
      ...(primaryKey ? {primaryKey: true} : {}),
      ...(find('Unique') || isTrue(option('unique')) ? {unique: true} : {}),
      ...(foreignKey ? {references: `${foreignKey}.id`} : {}),
    });
  }
  const tableOption = optionsOf(tableOptions);
  return model(name, nameOf(tableOption('tableName')), columns, relations, [], {file: source.fileName, line: lineOf(source, node)});
}

function model(name: string, table: string | undefined, columns: ColumnModel[], relations: EntityRelationModel[], indexes: string[], source: ReadEntity['source']): ReadEntity {
  // Sequelize adds an auto-incremented `id` to a model that declares no primary key.
  const withId = columns.some((column) => column.primaryKey) ? columns : [{name: 'id', type: 'INTEGER', nullable: false, default: 'generated', primaryKey: true}, ...columns];
  return {
    key: entityKey(name),
    name,
    origin: table && table !== name ? `sequelize (table ${table})` : 'sequelize',
    columns: withId,
    indexes,
    relations,
    source,
    ...(table ? {table} : {}),
  };
}
