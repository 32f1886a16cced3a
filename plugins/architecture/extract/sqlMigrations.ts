/**
 * SQL schema files and migration folders to entities: the CREATE TABLE, ALTER TABLE, DROP TABLE
 * and CREATE INDEX statements of each file, applied in order, parsed by node-sql-parser (its
 * PostgreSQL grammar, or MySQL's when the file looks like MySQL or PostgreSQL's cannot read it).
 * Every other statement (INSERT, CREATE FUNCTION...) is skipped unparsed; a schema statement the
 * parser cannot read is a warning at its file and line, and the rest is applied.
 */
import {createRequire} from 'node:module';
import type {ColumnModel, EntityModel, SourceRef} from '../model';
import type {ProblemSink} from './declared';
import {splitSql} from './splitSql';

type Ast = Record<string, unknown> & {type?: string; keyword?: string};
type Parse = (sql: string) => Ast | Ast[];

const load = createRequire(__filename);
const parsers = new Map<string, Parse>();
/** One dialect's grammar, loaded on first use (each build is a separate ~1 MB module). */
function parser(dialect: 'postgresql' | 'mysql'): Parse {
  let parse = parsers.get(dialect);
  if (!parse) {
    const {Parser} = load(`node-sql-parser/build/${dialect}`) as {Parser: new () => {astify(sql: string, options: {database: string}): Ast | Ast[]}};
    const instance = new Parser();
    parse = (sql) => instance.astify(sql, {database: dialect});
    parsers.set(dialect, parse);
  }
  return parse;
}

/** The statements this reader applies; anything else in a migration is none of the data model. */
const SCHEMA_STATEMENT = /^(create\s+(?:(?:global|local)\s+)?(?:temp\s+|temporary\s+|unlogged\s+)?table|create\s+(?:unique\s+)?index|alter\s+table|drop\s+table)\b/i;

interface Table {
  entity: EntityModel;
  columns: Map<string, ColumnModel>;
}

/** Applies the files of one migration folder (or one schema file) in the order given. */
export function readSqlFiles(files: {file: string; text: string}[], sink: ProblemSink): EntityModel[] {
  const tables = new Map<string, Table>();
  for (const {file, text} of files) {
    const dialect = /`|\bENGINE\s*=|\bAUTO_INCREMENT\b/i.test(text) ? 'mysql' : 'postgresql';
    for (const statement of splitSql(text)) {
      if (!SCHEMA_STATEMENT.test(statement.text)) continue;
      const at = {file, line: statement.line};
      let asts: Ast[];
      try {
        asts = toList(parseEither(statement.text, dialect));
      } catch (error) {
        const message = (error instanceof Error ? error.message : String(error)).split('\n')[0]!.slice(0, 200);
        sink.problem(at, `cannot parse this SQL statement, so it is not applied to the data model: ${message}`);
        continue;
      }
      for (const ast of asts) apply(tables, ast, at);
    }
  }
  return [...tables.values()].map(({entity, columns}) => ({...entity, columns: [...columns.values()]}));
}

function parseEither(sql: string, first: 'postgresql' | 'mysql'): Ast | Ast[] {
  try {
    return parser(first)(sql);
  } catch (error) {
    try {
      return parser(first === 'mysql' ? 'postgresql' : 'mysql')(sql);
    } catch {
      throw error;
    }
  }
}

function apply(tables: Map<string, Table>, ast: Ast, at: SourceRef): void {
  if (ast.type === 'create' && ast.keyword === 'table') {
    const name = tableName((ast.table as unknown[])?.[0]);
    if (!name) return;
    const table: Table = {entity: {key: keyOf(name), name, origin: 'sql', columns: [], indexes: [], relations: [], source: at}, columns: new Map()};
    tables.set(name.toLowerCase(), table);
    for (const definition of (ast.create_definitions as Ast[] | null) ?? []) define(table, definition);
    return;
  }
  if (ast.type === 'create' && ast.keyword === 'index') {
    const table = tables.get(tableName(ast.table)?.toLowerCase() ?? '');
    const columns = ((ast.index_columns as Ast[] | null) ?? []).map(columnName).filter(Boolean);
    if (table) table.entity.indexes.push(`${ast.index_type === 'unique' ? 'unique ' : ''}index ${String(ast.index ?? '')} (${columns.join(', ')})`.replace(/ +/g, ' '));
    return;
  }
  if (ast.type === 'drop' && ast.keyword === 'table') {
    for (const name of (ast.name as unknown[]) ?? []) tables.delete(tableName(name)?.toLowerCase() ?? '');
    return;
  }
  if (ast.type !== 'alter') return;
  const name = tableName((ast.table as unknown[])?.[0]);
  const table = tables.get(name?.toLowerCase() ?? '');
  if (!table) return;
  for (const change of (ast.expr as Ast[] | null) ?? []) {
    if (change.action === 'add' && change.resource === 'column') define(table, change);
    else if (change.action === 'add' && change.create_definitions) define(table, change.create_definitions as Ast);
    else if (change.action === 'drop' && change.resource === 'column') table.columns.delete(columnName(change.column as Ast));
    else if (change.action === 'rename' && change.resource === 'table' && typeof change.table === 'string') {
      tables.delete(name!.toLowerCase());
      table.entity = {...table.entity, name: change.table, key: keyOf(change.table)};
      tables.set(change.table.toLowerCase(), table);
    } else if (change.action === 'alter' && change.resource === 'column') {
      const column = table.columns.get(columnName(change.column as Ast));
      const nullable = (change.nullable as {value?: string; action?: string} | null)?.value;
      if (column && nullable) column.nullable = nullable !== 'not null' || (change.nullable as {action?: string}).action === 'drop';
    }
  }
}

/** A column definition or a table constraint (primary key, unique, foreign key). */
function define(table: Table, definition: Ast): void {
  if (definition.resource === 'column') {
    const name = columnName(definition.column as Ast);
    const type = definition.definition as {dataType?: string; length?: number; scale?: number} | undefined;
    const references = referenceOf(definition.reference_definition as Ast | undefined, 0);
    const column: ColumnModel = {
      name,
      type: `${(type?.dataType ?? 'unknown').toLowerCase()}${type?.length !== undefined ? `(${type.length}${type.scale !== undefined ? `,${type.scale}` : ''})` : ''}`,
      nullable: !definition.primary_key && (definition.nullable as {value?: string} | null)?.value !== 'not null',
      ...(definition.default_val ? {default: valueText((definition.default_val as Ast).value)} : /serial/i.test(type?.dataType ?? '') || definition.auto_increment ? {default: 'generated'} : {}),
      ...(definition.primary_key ? {primaryKey: true} : {}),
      ...(definition.unique ? {unique: true} : {}),
      ...(references ? {references} : {}),
    };
    table.columns.set(name, column);
    if (references) relate(table, name, references);
    return;
  }
  if (definition.resource !== 'constraint') return;
  const names = ((definition.definition as Ast[] | null) ?? []).map(columnName);
  const kind = String(definition.constraint_type ?? '').toLowerCase();
  names.forEach((name, i) => {
    const column = table.columns.get(name);
    if (!column) return;
    if (kind === 'primary key') Object.assign(column, {primaryKey: true, nullable: false});
    if (kind === 'unique' || kind === 'unique key' || kind === 'unique index') {
      if (names.length === 1) column.unique = true;
    }
    const references = kind === 'foreign key' ? referenceOf(definition.reference_definition as Ast | undefined, i) : undefined;
    if (references) {
      column.references = references;
      relate(table, name, references);
    }
  });
  if (kind.startsWith('unique') && names.length > 1) table.entity.indexes.push(`unique (${names.join(', ')})`);
}

function relate(table: Table, field: string, references: string): void {
  const to = references.slice(0, references.lastIndexOf('.'));
  if (!table.entity.relations.some((relation) => relation.field === field)) table.entity.relations.push({field, to, cardinality: 'many-to-one'});
}

function referenceOf(reference: Ast | undefined, index: number): string | undefined {
  if (!reference) return undefined;
  const table = tableName((reference.table as unknown[])?.[0]);
  const columns = ((reference.definition as Ast[] | null) ?? []).map(columnName);
  return table ? `${table}.${columns[index] ?? columns[0] ?? 'id'}` : undefined;
}

function tableName(node: unknown): string | undefined {
  const table = (node as {table?: unknown} | undefined)?.table;
  return typeof table === 'string' ? table : undefined;
}

function columnName(node: Ast | undefined): string {
  const column = node?.column as {expr?: {value?: unknown}} | string | undefined;
  if (typeof column === 'string') return column;
  return String(column?.expr?.value ?? '');
}

/** A default as SQL writes it: `now()`, `'x'`, `0`. */
function valueText(value: unknown): string {
  const node = value as {type?: string; value?: unknown; name?: {name?: {value?: string}[]}; args?: {value?: unknown[]}} | undefined;
  if (!node || typeof node !== 'object') return String(value);
  if (node.type === 'function') return `${(node.name?.name ?? []).map((part) => part.value).join('.')}(${(node.args?.value ?? []).map(valueText).join(', ')})`;
  if (node.type === 'single_quote_string' || node.type === 'string') return `'${String(node.value)}'`;
  if (node.type === 'bool') return String(node.value);
  if ('value' in node) return valueText(node.value);
  return JSON.stringify(node).slice(0, 60);
}

function toList(ast: Ast | Ast[]): Ast[] {
  return Array.isArray(ast) ? ast : [ast];
}

function keyOf(name: string): string {
  return name.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '') || 'table';
}
