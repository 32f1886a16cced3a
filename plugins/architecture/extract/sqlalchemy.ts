/**
 * SQLAlchemy declarative models and SQLModel tables to entities, from @lezer/python's syntax tree
 * (the target's Python is never run). A class with `__tablename__` or `table=True` is an entity;
 * `Column(...)`, `mapped_column(...)`, `Field(...)` and bare `Mapped[...]`/annotated fields of a
 * SQLModel table are columns; `relationship(...)`/`Relationship(...)` are relations, their target
 * and cardinality from the first argument or the annotation (`list["Hero"]` is one-to-many).
 */
import type {SyntaxNode} from '@lezer/common';
import type {ColumnModel, EntityRelationModel} from '../model';
import type {ReadEntity} from './entities';
import {callOf, childrenOf, isTrue, PySource, type PyCall} from './pythonSyntax';

/** Quick test before parsing. */
export const SQLALCHEMY_FILE = /\b(?:__tablename__|table\s*=\s*True)\b/;

const COLUMN_CALLS = new Set(['Column', 'mapped_column', 'Field']);
const RELATION_CALLS = new Set(['relationship', 'Relationship']);

export function readSqlalchemy(file: string, text: string): ReadEntity[] {
  if (!SQLALCHEMY_FILE.test(text)) return [];
  const source = new PySource(text);
  const entities: ReadEntity[] = [];
  const guessed: {entity: ReadEntity; relation: EntityRelationModel}[] = [];
  for (const node of childrenOf(source.top)) {
    const definition = node.name === 'DecoratedStatement' ? node.getChild('ClassDefinition') : node;
    if (definition?.name !== 'ClassDefinition') continue;
    const name = source.of(definition.getChild('VariableName'));
    const bases = definition.getChild('ArgList');
    const isSqlModelTable = bases ? /\btable\s*=\s*True\b/.test(source.of(bases)) : false;
    const body = definition.getChild('Body');
    if (!body) continue;
    const assignments = childrenOf(body).filter((child) => child.name === 'AssignStatement');
    const tableAssignment = assignments.find((a) => source.of(a.firstChild) === '__tablename__');
    if (!tableAssignment && !isSqlModelTable) continue;
    const tableName = source.string(tableAssignment?.lastChild ?? undefined) ?? (isSqlModelTable ? name.toLowerCase() : undefined);
    const entity: ReadEntity = {
      key: name.toLowerCase().replace(/[^a-z0-9]+/g, '-'),
      name,
      origin: isSqlModelTable ? 'sqlmodel' : 'sqlalchemy',
      columns: [],
      indexes: [],
      relations: [],
      source: {file, line: source.line(definition)},
      ...(tableName ? {table: tableName} : {}),
    };
    if (tableName && tableName !== name) entity.origin += ` (table ${tableName})`;
    for (const assignment of assignments) {
      const field = source.of(assignment.firstChild);
      if (field.startsWith('__')) continue;
      const annotation = assignment.getChild('TypeDef')?.lastChild ?? undefined;
      const call = callOf(source, assignment.getChild('AssignOp')?.nextSibling);
      if (call && RELATION_CALLS.has(call.name)) {
        const relation = relationOf(source, field, call, annotation);
        if (relation) {
          entity.relations.push(relation.relation);
          if (relation.guess) guessed.push({entity, relation: relation.relation});
        }
        continue;
      }
      if (call && COLUMN_CALLS.has(call.name)) entity.columns.push(columnOf(source, field, call, annotation));
      else if (annotation && !/^ClassVar\b/.test(source.of(annotation)) && (isSqlModelTable || /^Mapped\[/.test(source.of(annotation)))) {
        // `name: str` or `age: int | None = None` of a SQLModel table: a column whose type is the annotation.
        const column = columnOf(source, field, undefined, annotation);
        const value = source.of(assignment.getChild('AssignOp')?.nextSibling).replace(/\s+/g, ' ').slice(0, 60);
        entity.columns.push(value && value !== 'None' ? {...column, default: value} : column);
      }
    }
    entities.push(entity);
  }
  // `relationship("Address")` with no annotation: many-to-one when this class holds the foreign key to Address's table.
  for (const {entity, relation} of guessed) {
    const target = entities.find((other) => other.name === relation.to);
    if (target?.table && entity.columns.some((column) => column.references?.startsWith(`${target.table}.`))) relation.cardinality = 'many-to-one';
  }
  return entities;
}

/** One column from `Column(...)`/`mapped_column(...)`/`Field(...)` and the field's annotation. */
export function columnOf(source: PySource, name: string, call: PyCall | undefined, annotation: SyntaxNode | undefined): ColumnModel {
  const hint = annotation ? typeHint(source.of(annotation)) : undefined;
  const keyword = (key: string) => call?.keywords.get(key);
  let type: string | undefined;
  let references: string | undefined;
  for (const argument of call?.positional ?? []) {
    const inner = callOf(source, argument);
    if (inner?.name === 'ForeignKey') references = source.string(inner.positional[0]);
    else if (argument.name === 'String' && !type && call?.name === 'Column' && name === '') name = source.string(argument) ?? name;
    else if (!type && argument.name !== 'String' && (argument.name === 'CallExpression' || argument.name === 'VariableName' || argument.name === 'MemberExpression')) type = source.of(inner ? argument.firstChild : argument).replace(/^(sa|sqlalchemy|db)\./, '');
  }
  references ??= source.string(keyword('foreign_key'));
  const primaryKey = isTrue(source, keyword('primary_key'));
  const nullableKeyword = keyword('nullable');
  // SQLAlchemy's own defaults: a primary key is NOT NULL, an annotated column follows `Optional`, a bare Column is nullable.
  const nullable = nullableKeyword ? isTrue(source, nullableKeyword) : primaryKey ? false : hint ? hint.optional : true;
  const defaultValue = keyword('default') ?? keyword('server_default') ?? keyword('default_factory');
  return {
    name,
    type: type ?? hint?.type ?? 'unknown',
    nullable,
    ...(defaultValue && source.of(defaultValue) !== 'None' ? {default: source.of(defaultValue).replace(/\s+/g, ' ').slice(0, 60)} : primaryKey && /Integer|int\b/.test(type ?? hint?.type ?? '') ? {default: 'generated'} : {}),
    ...(primaryKey ? {primaryKey: true} : {}),
    ...(isTrue(source, keyword('unique')) ? {unique: true} : {}),
    ...(references ? {references} : {}),
  };
}

function relationOf(source: PySource, field: string, call: PyCall, annotation: SyntaxNode | undefined): {relation: EntityRelationModel; guess: boolean} | undefined {
  const first = call.positional[0];
  const hint = annotation ? typeHint(source.of(annotation)) : undefined;
  const to = (first && (source.string(first) ?? (first.name === 'VariableName' ? source.of(first) : undefined))) ?? hint?.type;
  if (!to) return undefined;
  const manyToMany = call.keywords.has('secondary') || call.keywords.has('link_model');
  if (source.of(call.keywords.get('uselist')) === 'False') return {relation: {field, to, cardinality: 'one-to-one'}, guess: false};
  if (hint) return {relation: {field, to, cardinality: hint.list ? (manyToMany ? 'many-to-many' : 'one-to-many') : 'many-to-one'}, guess: false};
  return {relation: {field, to, cardinality: manyToMany ? 'many-to-many' : 'one-to-many'}, guess: !manyToMany};
}

/** `Mapped[Optional["Team"]]`, `list["Hero"]`, `int | None` → the type, and whether it is a list or optional. */
export function typeHint(text: string): {type: string; list: boolean; optional: boolean} {
  let rest = text.replace(/\s+/g, '').replace(/^Mapped\[(.*)\]$/, '$1');
  let optional = false;
  let list = false;
  for (;;) {
    const optionalMatch = /^(?:Optional|typing\.Optional)\[(.*)\]$/.exec(rest);
    const unionNone = /^(.*)\|None$|^None\|(.*)$/.exec(rest);
    const listMatch = /^(?:List|list|Set|set|Sequence|typing\.List)\[(.*)\]$/.exec(rest);
    if (optionalMatch) [optional, rest] = [true, optionalMatch[1]!];
    else if (unionNone) [optional, rest] = [true, (unionNone[1] ?? unionNone[2])!];
    else if (listMatch) [list, rest] = [true, listMatch[1]!];
    else break;
  }
  return {type: rest.replace(/^["']|["']$/g, ''), list, optional};
}
