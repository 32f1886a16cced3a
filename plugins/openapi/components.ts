/**
 * `$ref`s inside one bundled description: resolving a local ref, and collecting the components a
 * value reaches (transitively), which is what a page needs to resolve its refs at run time.
 */
import type {ComponentMap} from './model';

export type Json = null | boolean | number | string | Json[] | {[key: string]: Json};
export type JsonObject = {[key: string]: Json};

export function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The value a local ref (`#/components/schemas/Pet`) points at, or undefined. */
export function resolvePointer(document: unknown, ref: string): Json | undefined {
  if (!ref.startsWith('#')) return undefined;
  let node: unknown = document;
  for (const raw of ref.slice(1).split('/').slice(1)) {
    const segment = decodeSegment(raw);
    if (Array.isArray(node) && /^\d+$/.test(segment)) node = node[Number(segment)];
    else if (isObject(node) && Object.hasOwn(node, segment)) node = node[segment];
    else return undefined;
  }
  return node as Json;
}

function decodeSegment(raw: string): string {
  const unescaped = raw.replaceAll('~1', '/').replaceAll('~0', '~');
  try {
    return decodeURIComponent(unescaped);
  } catch {
    return unescaped;
  }
}

/** Follows a chain of refs (a ref to a ref...) to a value that is not one; cycles end in undefined. */
export function deref(document: unknown, value: unknown): Json | undefined {
  const seen = new Set<string>();
  let current = value as Json | undefined;
  while (isObject(current) && typeof current.$ref === 'string') {
    if (seen.has(current.$ref)) return undefined;
    seen.add(current.$ref);
    current = resolvePointer(document, current.$ref);
  }
  return current;
}

/**
 * Every component a value reaches through refs, keyed by ref. Discriminator mappings count as refs
 * (their values name schemas). Component schemas get their key as `title` when they have none, as
 * docusaurus-plugin-openapi-docs does, so the theme can name a nested schema.
 */
export function collectComponents(document: unknown, value: unknown): ComponentMap {
  const out: ComponentMap = {};
  const pending: string[] = [];
  const visit = (node: unknown) => {
    const stack = [node];
    while (stack.length > 0) {
      const current = stack.pop();
      if (Array.isArray(current)) {
        stack.push(...current);
      } else if (isObject(current)) {
        if (typeof current.$ref === 'string') pending.push(current.$ref);
        const mapping = isObject(current.discriminator) ? current.discriminator.mapping : undefined;
        if (isObject(mapping)) {
          for (const target of Object.values(mapping)) if (typeof target === 'string') pending.push(mappingRef(target));
        }
        for (const [key, child] of Object.entries(current)) if (key !== '$ref') stack.push(child);
      }
    }
  };
  visit(value);
  while (pending.length > 0) {
    const ref = pending.pop()!;
    if (Object.hasOwn(out, ref)) continue;
    const target = resolvePointer(document, ref);
    if (target === undefined) continue;
    out[ref] = withTitle(ref, target);
    visit(target);
  }
  return sortKeys(out);
}

/** A discriminator mapping value is a ref, or the bare name of a component schema. */
export function mappingRef(target: string): string {
  return target.startsWith('#') || target.includes('/') ? target : `#/components/schemas/${target}`;
}

const SCHEMA_REF = /^#\/components\/schemas\/([^/]+)$/;

function withTitle(ref: string, target: Json): Json {
  const match = SCHEMA_REF.exec(ref);
  if (!match || !isObject(target) || typeof target.title === 'string') return target;
  return {...target, title: decodeSegment(match[1]!)};
}

function sortKeys(map: ComponentMap): ComponentMap {
  return Object.fromEntries(Object.keys(map).sort().map((key) => [key, map[key]]));
}
