/**
 * An example request per operation, for the page and the explorer: the operation with its required
 * arguments as variables, and a selection of the return type's fields a reader can run as it is
 * (scalar and enum fields without required arguments; nested objects when a type has no such field).
 * Bounded in width and depth, so a schema of a thousand types gives short examples.
 */
import {
  getNamedType,
  isEnumType,
  isInputObjectType,
  isInterfaceType,
  isLeafType,
  isListType,
  isNonNullType,
  isObjectType,
  isScalarType,
  type GraphQLArgument,
  type GraphQLField,
  type GraphQLInputType,
  type GraphQLOutputType,
} from 'graphql';
import type {OperationKind} from './model';

const MAX_FIELDS = 6;
const MAX_DEPTH = 3;
const INDENT = '  ';

export function exampleQuery(kind: OperationKind, field: GraphQLField<unknown, unknown>): {query: string; variables: string} {
  const required = field.args.filter((arg) => isNonNullType(arg.type) && arg.defaultValue === undefined);
  const declared = required.map((arg) => `$${arg.name}: ${String(arg.type)}`);
  const passed = required.map((arg) => `${arg.name}: $${arg.name}`);
  const name = operationName(field.name);
  const head = `${kind} ${name}${declared.length > 0 ? `(${declared.join(', ')})` : ''}`;
  const call = `${field.name}${passed.length > 0 ? `(${passed.join(', ')})` : ''}`;
  const selection = selectionOf(field.type, 2, 1);
  const query = `${head} {\n${INDENT}${call}${selection}\n}\n`;
  const variables = Object.fromEntries(required.map((arg: GraphQLArgument) => [arg.name, exampleValue(arg.type, 0)]));
  return {query, variables: required.length > 0 ? `${JSON.stringify(variables, null, 2)}\n` : '{}\n'};
}

function operationName(field: string): string {
  return field.charAt(0).toUpperCase() + field.slice(1);
}

/** ` {\n  a\n  b\n}` for an object, '' for a leaf. */
function selectionOf(type: GraphQLOutputType, indent: number, depth: number): string {
  const named = getNamedType(type);
  if (isLeafType(named)) return '';
  const pad = INDENT.repeat(indent);
  const close = INDENT.repeat(indent - 1);
  if (!isObjectType(named) && !isInterfaceType(named)) return ` {\n${pad}__typename\n${close}}`;
  const fields = Object.values(named.getFields()).filter((field) => !field.deprecationReason && field.args.every((arg) => !isNonNullType(arg.type) || arg.defaultValue !== undefined));
  const leaves = fields.filter((field) => isLeafType(getNamedType(field.type))).slice(0, MAX_FIELDS);
  const lines = leaves.map((field) => `${pad}${field.name}`);
  if (leaves.length === 0 && depth < MAX_DEPTH) {
    for (const field of fields.slice(0, 2)) lines.push(`${pad}${field.name}${selectionOf(field.type, indent + 1, depth + 1)}`);
  }
  if (lines.length === 0) lines.push(`${pad}__typename`);
  return ` {\n${lines.join('\n')}\n${close}}`;
}

/** A value of the type a reader replaces: 0, "", false, the first enum value, an input's required fields. */
function exampleValue(type: GraphQLInputType, depth: number): unknown {
  if (isNonNullType(type)) return exampleValue(type.ofType, depth);
  if (isListType(type)) return [exampleValue(type.ofType, depth + 1)];
  if (isEnumType(type)) return type.getValues()[0]?.name ?? null;
  if (isInputObjectType(type)) {
    if (depth >= MAX_DEPTH) return {};
    const fields = Object.values(type.getFields()).filter((field) => isNonNullType(field.type) && field.defaultValue === undefined);
    return Object.fromEntries(fields.map((field) => [field.name, exampleValue(field.type, depth + 1)]));
  }
  if (isScalarType(type)) {
    if (type.name === 'Int' || type.name === 'Float') return 0;
    if (type.name === 'Boolean') return false;
    return '';
  }
  return null;
}
