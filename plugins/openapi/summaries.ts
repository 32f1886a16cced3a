/**
 * Short, static descriptions of parameters and schemas for the MDX of a page (and so for its HTML
 * and the search index): a name, where it goes, a one-word type. The full, interactive schema is
 * rendered in the browser from the page's JSON.
 */
import {deref, isObject, type Json, type JsonObject} from './components';
import type {ParameterSummary} from './model';

const MAX_PROPERTIES = 50;
const SCHEMA_REF = /^#\/components\/schemas\/([^/]+)$/;

export function summarizeParameter(document: JsonObject, raw: Json): ParameterSummary | undefined {
  const parameter = deref(document, raw);
  if (!isObject(parameter) || typeof parameter.name !== 'string' || typeof parameter.in !== 'string') return undefined;
  const description = typeof parameter.description === 'string' ? parameter.description : undefined;
  return {
    name: parameter.name,
    in: parameter.in,
    required: parameter.required === true || parameter.in === 'path',
    deprecated: parameter.deprecated === true,
    description: description?.trim() ? description : undefined,
    type: parameter.schema !== undefined ? typeLabel(document, parameter.schema) : contentType(parameter),
  };
}

function contentType(parameter: JsonObject): string | undefined {
  return isObject(parameter.content) ? Object.keys(parameter.content)[0] : undefined;
}

/** `Pet` for a ref to a component, `string[]`, `integer`, `object`, `string | null`... */
export function typeLabel(document: JsonObject, schema: Json | undefined, depth = 0): string | undefined {
  if (depth > 4) return undefined;
  if (isObject(schema) && typeof schema.$ref === 'string') {
    const match = SCHEMA_REF.exec(schema.$ref);
    if (match) return decodeURIComponent(match[1]!.replaceAll('~1', '/').replaceAll('~0', '~'));
    return typeLabel(document, deref(document, schema), depth + 1);
  }
  if (!isObject(schema)) return undefined;
  const type = schema.type;
  if (Array.isArray(type)) return type.filter((t) => typeof t === 'string').join(' | ') || undefined;
  if (type === 'array') {
    const items = typeLabel(document, schema.items, depth + 1);
    return items ? `${items}[]` : 'array';
  }
  if (typeof type === 'string') return type;
  for (const combinator of ['oneOf', 'anyOf', 'allOf'] as const) {
    const members = schema[combinator];
    if (Array.isArray(members) && members.length > 0) {
      const labels = members.map((member) => typeLabel(document, member, depth + 1) ?? '?');
      return combinator === 'allOf' ? labels.join(' & ') : labels.join(' | ');
    }
  }
  return isObject(schema.properties) ? 'object' : undefined;
}

/** The first properties of an object schema (allOf members included), for a schema page's summary. */
export function summarizeProperties(
  document: JsonObject,
  schema: JsonObject,
): {name: string; type?: string; required: boolean; description?: string}[] {
  const out: {name: string; type?: string; required: boolean; description?: string}[] = [];
  const seen = new Set<string>();
  const visit = (node: Json | undefined, depth: number) => {
    const resolved = deref(document, node);
    if (!isObject(resolved) || depth > 8) return;
    const required = Array.isArray(resolved.required) ? resolved.required : [];
    for (const [name, property] of isObject(resolved.properties) ? Object.entries(resolved.properties) : []) {
      if (seen.has(name) || out.length >= MAX_PROPERTIES) continue;
      seen.add(name);
      const target = deref(document, property);
      const description = isObject(target) && typeof target.description === 'string' ? target.description : undefined;
      out.push({name, type: typeLabel(document, property), required: required.includes(name), description});
    }
    if (Array.isArray(resolved.allOf)) for (const member of resolved.allOf) visit(member, depth + 1);
  };
  visit(schema, 0);
  return out;
}
