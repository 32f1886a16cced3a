/**
 * `$ref`s inside one bundled description: resolving a local ref, and collecting the components a
 * value reaches (transitively), which is what a page needs to resolve its refs at run time.
 */
import {createHash} from 'node:crypto';
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
 * Subtypes a page carries itself: a discriminator mapping, `oneOf` or `anyOf` naming more schemas
 * than this is a fan-out, and its schemas go to one shared file that every page using it fetches
 * (ADR 0028). One base schema mapping 653 subtypes otherwise put ~1,000 schemas into every page of
 * the operations that return it.
 */
export const FAN_OUT_BUDGET = 32;

/** The components of a section, each once, and its fan-out groups: what pages and shared files pick from. */
export interface ComponentRegistry {
  /** Every component reached so far, by ref (component schemas carry their key as `title`). */
  components: ComponentMap;
  /** Fan-out groups by id: the refs a group's file starts from; its content is collected later. */
  groups: Map<string, string[]>;
  /**
   * What each component names directly, found by walking it once: pages then follow refs without
   * walking the same schemas again (thousands of operations reach the same few hundred schemas).
   * Undefined for a ref that leads nowhere.
   */
  direct: Map<string, Reach | undefined>;
}

export function createComponentRegistry(): ComponentRegistry {
  return {components: {}, groups: new Map(), direct: new Map()};
}

/** What a value needs: the components it reaches (refs, sorted), and the fan-out groups it defers to. */
export interface Reach {
  refs: string[];
  shared: string[];
}

/**
 * Every component a value reaches through refs, keyed by ref. Discriminator mappings count as refs
 * (their values name schemas). A fan-out beyond FAN_OUT_BUDGET is not followed: it becomes a group
 * in the registry, named in `shared`. Component schemas get their key as `title` when they have
 * none, as docusaurus-plugin-openapi-docs does, so the theme can name a nested schema.
 */
export function collectComponents(document: unknown, value: unknown, registry: ComponentRegistry): Reach {
  const reached = new Set<string>();
  const own = scan(value, registry);
  const shared = new Set(own.shared);
  const pending = [...own.refs];
  while (pending.length > 0) {
    const ref = pending.pop()!;
    if (reached.has(ref)) continue;
    if (!registry.direct.has(ref)) {
      const target = resolvePointer(document, ref);
      if (target !== undefined) registry.components[ref] = withTitle(ref, target);
      registry.direct.set(ref, target === undefined ? undefined : scan(target, registry));
    }
    const direct = registry.direct.get(ref);
    if (!direct) continue;
    reached.add(ref);
    pending.push(...direct.refs);
    for (const id of direct.shared) shared.add(id);
  }
  return {refs: [...reached].sort(), shared: [...shared].sort()};
}

/** The refs a value names itself (not through other refs), fan-outs beyond the budget made groups. */
function scan(value: unknown, registry: ComponentRegistry): Reach {
  const refs: string[] = [];
  const shared = new Set<string>();
  const defer = (targets: string[]) => {
    const sorted = [...new Set(targets)].sort();
    const id = groupId(sorted);
    if (!registry.groups.has(id)) registry.groups.set(id, sorted);
    shared.add(id);
  };
  const stack = [value];
  while (stack.length > 0) {
    const current = stack.pop();
    if (Array.isArray(current)) {
      stack.push(...current);
    } else if (isObject(current)) {
      if (typeof current.$ref === 'string') refs.push(current.$ref);
      const mapping = isObject(current.discriminator) ? current.discriminator.mapping : undefined;
      if (isObject(mapping)) {
        const targets = Object.values(mapping).filter((target): target is string => typeof target === 'string').map(mappingRef);
        if (targets.length > FAN_OUT_BUDGET) defer(targets);
        else refs.push(...targets);
      }
      for (const [key, child] of Object.entries(current)) {
        if (key === '$ref') continue;
        if ((key === 'oneOf' || key === 'anyOf') && Array.isArray(child) && child.length > FAN_OUT_BUDGET) {
          // The alternatives that are refs go to the group; inline ones stay on the page.
          defer(child.flatMap((item) => (isObject(item) && typeof item.$ref === 'string' ? [item.$ref] : [])));
          stack.push(child.filter((item) => !(isObject(item) && typeof item.$ref === 'string')));
        } else {
          stack.push(child);
        }
      }
    }
  }
  return {refs, shared: [...shared]};
}

/** The components of every fan-out group, collected until no new group appears (a group may name others). */
export function collectGroups(document: unknown, registry: ComponentRegistry): Record<string, Reach> {
  const out: Record<string, Reach> = {};
  for (let done = 0; done < registry.groups.size; ) {
    done = registry.groups.size;
    for (const [id, refs] of [...registry.groups]) {
      if (Object.hasOwn(out, id)) continue;
      const reach = collectComponents(document, refs.map(($ref) => ({$ref})), registry);
      out[id] = {refs: reach.refs, shared: reach.shared.filter((other) => other !== id)};
    }
  }
  return Object.fromEntries(Object.keys(out).sort().map((id) => [id, out[id]!]));
}

/** A stable name for a group: the same schemas give the same file, whatever the order they came in. */
function groupId(refs: string[]): string {
  return createHash('sha1').update(refs.join('\n')).digest('hex').slice(0, 16);
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

