/**
 * Alembic migrations to entities: the `op.*` calls of each revision's `upgrade()`, applied in the
 * order of the revision chain (`down_revision`), read from @lezer/python's syntax tree. Tables come
 * from `op.create_table`, and change with `add_column`, `drop_column`, `alter_column`,
 * `create_foreign_key`, `create_index`, `rename_table` and `drop_table` (also inside
 * `with op.batch_alter_table(...)`).
 */
import type {SyntaxNode} from '@lezer/common';
import type {EntityModel, SourceRef} from '../model';
import type {ReadEntity} from './entities';
import {callOf, childrenOf, isTrue, PySource, type PyCall} from './pythonSyntax';
import {columnOf} from './sqlalchemy';

/** A revision file: it defines `upgrade()` and names its revision. */
export const ALEMBIC_FILE = /\bdef\s+upgrade\s*\(/;

interface Revision {
  file: string;
  source: PySource;
  revision?: string;
  down?: string;
}

/** Applies the revision files of one `versions/` folder in chain order. */
export function readAlembic(files: {file: string; text: string}[]): ReadEntity[] {
  const revisions: Revision[] = files
    .filter(({text}) => ALEMBIC_FILE.test(text))
    .map(({file, text}) => {
      const source = new PySource(text);
      const value = (name: string) => {
        const assignment = childrenOf(source.top).find((node) => node.name === 'AssignStatement' && source.of(node.firstChild) === name);
        return source.string(assignment?.lastChild ?? undefined);
      };
      return {file, source, revision: value('revision'), down: value('down_revision')};
    });
  const tables = new Map<string, ReadEntity>();
  for (const revision of chainOrder(revisions)) {
    const upgrade = childrenOf(revision.source.top).find((node) => node.name === 'FunctionDefinition' && revision.source.of(node.getChild('VariableName')) === 'upgrade');
    const body = upgrade?.getChild('Body');
    if (body) visit(revision, body, tables, undefined);
  }
  return [...tables.values()];
}

/** Revisions from the one with no parent along `down_revision`; unchained files after, by name. */
function chainOrder(revisions: Revision[]): Revision[] {
  const sorted = [...revisions].sort((a, b) => a.file.localeCompare(b.file, 'en', {numeric: true}));
  const ordered: Revision[] = [];
  let parent: string | undefined;
  for (;;) {
    const next = sorted.find((r) => !ordered.includes(r) && r.down === parent && (parent !== undefined || r.revision !== undefined));
    if (!next) break;
    ordered.push(next);
    parent = next.revision;
  }
  return [...ordered, ...sorted.filter((r) => !ordered.includes(r))];
}

function visit(revision: Revision, node: SyntaxNode, tables: Map<string, ReadEntity>, batchTable: string | undefined): void {
  const {source} = revision;
  for (const child of childrenOf(node)) {
    if (child.name === 'WithStatement') {
      // `with op.batch_alter_table("t") as batch_op:`: the calls inside name the table once, up here.
      const call = callOf(source, child.getChild('CallExpression'));
      visit(revision, child.getChild('Body') ?? child, tables, call?.name === 'batch_alter_table' ? source.string(call.positional[0]) : batchTable);
      continue;
    }
    if (child.name === 'ExpressionStatement') {
      const call = callOf(source, child.firstChild);
      if (call) apply(revision, call, tables, {file: revision.file, line: source.line(child)}, batchTable);
      continue;
    }
    if (child.name === 'IfStatement' || child.name === 'Body') visit(revision, child, tables, batchTable);
  }
}

function apply(revision: Revision, call: PyCall, tables: Map<string, ReadEntity>, at: SourceRef, batchTable: string | undefined): void {
  const {source} = revision;
  // Inside a batch the table is not an argument: shift so that `args[n]` means the same in both forms.
  const args: (SyntaxNode | undefined)[] = batchTable === undefined ? call.positional : [undefined, ...call.positional];
  const tableName = batchTable ?? source.string(call.positional[call.name === 'create_foreign_key' || call.name === 'create_index' ? 1 : 0]);
  if (call.name === 'create_table' && tableName) {
    const entity: ReadEntity = {key: keyOf(tableName), name: tableName, origin: 'alembic', columns: [], indexes: [], relations: [], source: at, table: tableName};
    tables.set(tableName, entity);
    for (const argument of call.positional.slice(1)) addDefinition(source, entity, argument);
    return;
  }
  const entity = tableName ? tables.get(tableName) : undefined;
  if (call.name === 'drop_table' && tableName) tables.delete(tableName);
  if (!entity) return;
  if (call.name === 'add_column' && args[1]) addDefinition(source, entity, args[1]);
  else if (call.name === 'drop_column') entity.columns = entity.columns.filter((column) => column.name !== source.string(args[1]));
  else if (call.name === 'alter_column') {
    const column = entity.columns.find((c) => c.name === source.string(args[1]));
    const nullable = call.keywords.get('nullable');
    const renamed = source.string(call.keywords.get('new_column_name'));
    if (column && nullable) column.nullable = isTrue(source, nullable);
    if (column && renamed) column.name = renamed;
  } else if (call.name === 'rename_table') {
    const renamed = source.string(args[1]);
    if (renamed) {
      tables.delete(entity.name);
      Object.assign(entity, {name: renamed, key: keyOf(renamed), table: renamed});
      tables.set(renamed, entity);
    }
  } else if (call.name === 'create_foreign_key') {
    // create_foreign_key(name, source_table, referent_table, local_cols, remote_cols)
    const referent = source.string(args[2]);
    const local = listOf(source, args[3]);
    const remote = listOf(source, args[4]);
    local.forEach((name, i) => reference(entity, name, `${referent}.${remote[i] ?? 'id'}`));
  } else if (call.name === 'create_index') {
    const columns = listOf(source, args[2]);
    entity.indexes.push(`${isTrue(source, call.keywords.get('unique')) ? 'unique ' : ''}index ${source.string(call.positional[0]) ?? ''} (${columns.join(', ')})`);
  }
}

/** `sa.Column(...)` or a table constraint inside `create_table`/`add_column`. */
function addDefinition(source: PySource, entity: EntityModel, node: SyntaxNode): void {
  const call = callOf(source, node);
  if (!call) return;
  if (call.name === 'Column') {
    const column = columnOf(source, '', call, undefined);
    if (column.name) entity.columns.push(column);
    return;
  }
  const names = call.name === 'ForeignKeyConstraint' ? listOf(source, call.positional[0]) : call.positional.map((arg) => source.string(arg)).filter((name): name is string => Boolean(name));
  if (call.name === 'PrimaryKeyConstraint') for (const name of names) Object.assign(entity.columns.find((c) => c.name === name) ?? {}, {primaryKey: true, nullable: false});
  else if (call.name === 'UniqueConstraint') {
    if (names.length === 1) Object.assign(entity.columns.find((c) => c.name === names[0]) ?? {}, {unique: true});
    else entity.indexes.push(`unique (${names.join(', ')})`);
  } else if (call.name === 'ForeignKeyConstraint') {
    const remote = listOf(source, call.positional[1]);
    names.forEach((name, i) => {
      if (remote[i]) reference(entity, name, remote[i]!);
    });
  }
}

function reference(entity: EntityModel, column: string, target: string): void {
  const found = entity.columns.find((c) => c.name === column);
  if (found) found.references = target;
}

/** `['a', 'b']` as strings. */
function listOf(source: PySource, node: SyntaxNode | undefined): string[] {
  if (!node) return [];
  if (node.name === 'String') return [source.string(node)!].filter(Boolean);
  return childrenOf(node).flatMap((child) => {
    const value = source.string(child);
    return value === undefined ? [] : [value];
  });
}

function keyOf(name: string): string {
  return name.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '') || 'table';
}
