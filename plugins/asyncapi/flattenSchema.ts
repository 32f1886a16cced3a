/**
 * A payload's JSON Schema as table rows: each property a row named by its path (`items[].sku`), so a
 * nested payload reads as one flat table. Bounded: a recursive schema stops at the first repeat, and
 * a huge one at MAX_ROWS rows (the last row says how many were left out).
 */
import type {PropertyRow} from './model';

const MAX_DEPTH = 8;
const MAX_ROWS = 300;

type Schema = Record<string, unknown>;

export function flattenSchema(root: unknown): PropertyRow[] {
  const rows: PropertyRow[] = [];
  let omitted = 0;
  const walk = (schema: Schema, prefix: string, depth: number, seen: Set<unknown>) => {
    const properties = isObject(schema.properties) ? (schema.properties as Record<string, unknown>) : {};
    const required = new Set(Array.isArray(schema.required) ? schema.required.map(String) : []);
    for (const [name, child] of Object.entries(properties)) {
      if (!isObject(child)) continue;
      if (rows.length >= MAX_ROWS) {
        omitted++;
        continue;
      }
      const path = prefix ? `${prefix}.${name}` : name;
      const circular = seen.has(child);
      rows.push({path, type: typeOf(child) + (circular ? ' (circular)' : ''), required: required.has(name), ...description(child), facts: facts(child)});
      if (!circular && depth < MAX_DEPTH) descend(child, path, depth + 1, new Set([...seen, child]));
    }
    for (const key of ['allOf', 'oneOf', 'anyOf'] as const) {
      const parts = schema[key];
      if (Array.isArray(parts)) for (const part of parts) if (isObject(part) && !seen.has(part)) walk(part, prefix, depth, new Set([...seen, part]));
    }
  };
  const descend = (schema: Schema, path: string, depth: number, seen: Set<unknown>) => {
    walk(schema, path, depth, seen);
    if (isObject(schema.items) && !seen.has(schema.items)) descend(schema.items as Schema, `${path}[]`, depth, new Set([...seen, schema.items]));
  };
  if (isObject(root)) {
    const schema = root as Schema;
    // A payload that is not an object (a string, an array) is one row for the payload itself.
    if (!isObject(schema.properties) && !schema.allOf && !schema.oneOf && !schema.anyOf) {
      rows.push({path: '(payload)', type: typeOf(schema), required: true, ...description(schema), facts: facts(schema)});
      if (isObject(schema.items)) descend(schema.items as Schema, '(payload)[]', 1, new Set([schema, schema.items]));
    } else descend(schema, '', 0, new Set([schema]));
  }
  if (omitted > 0) rows.push({path: '…', type: '', required: false, description: `${omitted} more properties not shown.`, facts: []});
  return rows;
}

function isObject(value: unknown): value is Schema {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function typeOf(schema: Schema): string {
  const id = schema['x-parser-schema-id'];
  const named = typeof id === 'string' && !id.startsWith('<anonymous') ? ` (${id})` : '';
  const type = Array.isArray(schema.type) ? schema.type.join(' | ') : typeof schema.type === 'string' ? schema.type : schema.oneOf ? 'one of' : schema.anyOf ? 'any of' : schema.allOf ? 'all of' : schema.properties ? 'object' : '';
  if (type === 'array' && isObject(schema.items)) return `array of ${typeOf(schema.items) || 'any'}`;
  return `${type || 'any'}${named}`;
}

function description(schema: Schema): {description?: string} {
  return typeof schema.description === 'string' && schema.description.trim() ? {description: schema.description} : {};
}

function facts(schema: Schema): string[] {
  const out: string[] = [];
  if (typeof schema.format === 'string') out.push(`format: ${schema.format}`);
  if (Array.isArray(schema.enum)) out.push(`one of: ${schema.enum.map((value) => JSON.stringify(value)).join(', ')}`);
  if (schema.const !== undefined) out.push(`const: ${JSON.stringify(schema.const)}`);
  for (const key of ['minimum', 'maximum', 'minLength', 'maxLength', 'pattern'] as const) if (schema[key] !== undefined) out.push(`${key}: ${String(schema[key])}`);
  if (schema.default !== undefined) out.push(`default: ${JSON.stringify(schema.default)}`);
  if (schema.deprecated === true) out.push('deprecated');
  return out;
}
