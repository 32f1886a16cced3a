/**
 * Drizzle table definitions to entities, from TypeScript's syntax tree (nothing is run or
 * type-checked). `export const users = pgTable('users', {id: serial('id').primaryKey(), ...})` is an
 * entity named by its variable; each property of the second argument is a column, whose builder
 * chain tells the type (the first call), `.notNull()`, `.primaryKey()`, `.unique()`, `.default(...)`
 * and `.references(() => other.id)`. `relations(users, ({one, many}) => ({...}))` adds the relation
 * fields (a foreign key no `one(...)` names becomes a relation in entities.ts).
 */
import {ts} from 'ts-morph';
import type {ColumnModel, EntityModel, EntityRelationModel} from '../model';

const TABLE_CALLS = new Set(['pgTable', 'mysqlTable', 'sqliteTable', 'singlestoreTable']);

/** Quick test before parsing: only files that call a table builder are read. */
export const DRIZZLE_FILE = /\b(?:pg|mysql|sqlite|singlestore)Table\s*\(|\.table\s*\(/;

export function readDrizzle(file: string, text: string): EntityModel[] {
  if (!DRIZZLE_FILE.test(text) || !/drizzle-orm/.test(text)) return [];
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
  const line = (node: ts.Node) => source.getLineAndCharacterOfPosition(node.getStart(source)).line + 1;
  const entities = new Map<string, EntityModel>();
  const relationCalls: {table: string; body: ts.Expression}[] = [];
  for (const statement of source.statements) {
    if (!ts.isVariableStatement(statement)) continue;
    for (const declaration of statement.declarationList.declarations) {
      if (!ts.isIdentifier(declaration.name) || !declaration.initializer || !ts.isCallExpression(declaration.initializer)) continue;
      const call = declaration.initializer;
      const callee = calleeName(call.expression);
      if (callee === 'relations') {
        const [table, body] = call.arguments;
        if (table && ts.isIdentifier(table) && body && ts.isArrowFunction(body)) relationCalls.push({table: table.text, body: body.body as ts.Expression});
        continue;
      }
      // `pgTable(...)`, or `mySchema.table(...)` of a `pgSchema`.
      if (!TABLE_CALLS.has(callee) && !(ts.isPropertyAccessExpression(call.expression) && call.expression.name.text === 'table')) continue;
      const [nameArg, columnsArg, extraArg] = call.arguments;
      const columns = columnsArg && ts.isArrowFunction(columnsArg) ? unwrap(columnsArg.body) : columnsArg;
      if (!columns || !ts.isObjectLiteralExpression(columns)) continue;
      const name = declaration.name.text;
      const table = nameArg && ts.isStringLiteralLike(nameArg) ? nameArg.text : name;
      entities.set(name, {
        key: name.toLowerCase().replace(/[^a-z0-9]+/g, '-'),
        name,
        origin: table === name ? 'drizzle' : `drizzle (table ${table})`,
        columns: columns.properties.flatMap((property) => (ts.isPropertyAssignment(property) ? [column(source, property)] : [])),
        indexes: extraArg ? indexesOf(source, extraArg) : [],
        relations: [],
        source: {file, line: line(statement)},
      });
    }
  }
  for (const {table, body} of relationCalls) {
    const entity = entities.get(table);
    const object = unwrap(body);
    if (!entity || !ts.isObjectLiteralExpression(object)) continue;
    for (const property of object.properties) {
      if (!ts.isPropertyAssignment(property) || !ts.isCallExpression(property.initializer)) continue;
      const kind = calleeName(property.initializer.expression);
      const [target, config] = property.initializer.arguments;
      if ((kind !== 'one' && kind !== 'many') || !target || !ts.isIdentifier(target)) continue;
      const cardinality: EntityRelationModel['cardinality'] = kind === 'many' ? 'one-to-many' : config ? 'many-to-one' : 'one-to-one';
      entity.relations.push({field: property.name.getText(source), to: target.text, cardinality});
    }
  }
  return [...entities.values()];
}

function column(source: ts.SourceFile, property: ts.PropertyAssignment): ColumnModel {
  const calls: {name: string; args: ts.NodeArray<ts.Expression>}[] = [];
  let expression: ts.Expression = property.initializer;
  while (ts.isCallExpression(expression)) {
    const callee = expression.expression;
    calls.unshift({name: calleeName(callee), args: expression.arguments});
    expression = ts.isPropertyAccessExpression(callee) ? callee.expression : callee;
  }
  const has = (name: string) => calls.some((call) => call.name === name);
  const base = calls[0];
  const defaultCall = calls.find((call) => call.name === 'default' || call.name === 'defaultNow' || call.name === 'defaultRandom' || call.name === '$defaultFn');
  const referenceCall = calls.find((call) => call.name === 'references')?.args[0];
  const target = referenceCall && ts.isArrowFunction(referenceCall) ? unwrap(referenceCall.body) : undefined;
  const primaryKey = has('primaryKey');
  return {
    name: property.name.getText(source),
    type: base ? `${base.name}${has('array') ? '[]' : ''}` : 'unknown',
    nullable: !primaryKey && !has('notNull'),
    ...(defaultCall ? {default: defaultCall.name === 'default' ? (defaultCall.args[0]?.getText(source) ?? '') : `${defaultCall.name}()`} : base && /serial/i.test(base.name) ? {default: 'generated'} : {}),
    ...(primaryKey ? {primaryKey: true} : {}),
    ...(has('unique') ? {unique: true} : {}),
    ...(target && ts.isPropertyAccessExpression(target) ? {references: target.getText(source)} : {}),
  };
}

/** The third argument: `(t) => ({byEmail: uniqueIndex('x').on(t.email)})` or `(t) => [index('x').on(t.a)]`. */
function indexesOf(source: ts.SourceFile, extra: ts.Expression): string[] {
  const body = ts.isArrowFunction(extra) ? unwrap(extra.body) : extra;
  const items = ts.isObjectLiteralExpression(body) ? body.properties.flatMap((p) => (ts.isPropertyAssignment(p) ? [p.initializer] : [])) : ts.isArrayLiteralExpression(body) ? [...body.elements] : [];
  return items.map((item) => item.getText(source).replace(/\s+/g, ' ')).filter((text) => /index|unique|primaryKey|foreignKey/i.test(text));
}

function calleeName(expression: ts.Expression): string {
  if (ts.isIdentifier(expression)) return expression.text;
  if (ts.isPropertyAccessExpression(expression)) return expression.name.text;
  return '';
}

function unwrap(node: ts.ConciseBody): ts.Node {
  let current: ts.Node = node;
  while (ts.isParenthesizedExpression(current)) current = current.expression;
  if (ts.isBlock(current)) {
    const returned = current.statements.find(ts.isReturnStatement)?.expression;
    return returned ? unwrap(returned) : current;
  }
  return current;
}
