/**
 * Runs in the browser: resolves the `$ref`s of a page's JSON against the components shipped with it,
 * into the fully expanded objects docusaurus-theme-openapi-docs' components expect.
 *
 * - A ref to a schema already being expanded on the current path (a cycle) becomes the theme's
 *   marker string `circular(Name)`, as the stock plugin's serializer writes it.
 * - Every use of a component is a fresh copy: the theme mutates schemas while rendering
 *   (discriminators), so sharing one object between two uses would leak one rendering into the other.
 * - A budget of nodes stops pathological fan-out (a ref DAG that expands exponentially): past it,
 *   further refs become markers too, and the page still renders.
 *
 * No Node or Docusaurus imports: this file is bundled for the client and tested with vitest.
 */

export const DEFAULT_NODE_BUDGET = 250_000;

type Components = Record<string, unknown>;

export function resolveRefs<T>(value: T, components: Components, budget = DEFAULT_NODE_BUDGET): T {
  let remaining = budget;
  const resolve = (node: unknown, stack: string[]): unknown => {
    remaining--;
    if (Array.isArray(node)) return node.map((item) => resolve(item, stack));
    if (!isObject(node)) return node;
    if (typeof node.$ref === 'string') return resolveRef(node, node.$ref, stack);
    const out: Record<string, unknown> = {};
    for (const [key, child] of Object.entries(node)) {
      out[key] = key === 'discriminator' && isObject(child) ? resolveDiscriminator(child, stack) : resolve(child, stack);
    }
    return out;
  };

  const resolveRef = (node: Record<string, unknown>, ref: string, stack: string[]): unknown => {
    const {$ref: _ref, ...siblings} = node;
    const target = Object.hasOwn(components, ref) ? components[ref] : undefined;
    if (target === undefined) return resolve(siblings, stack);
    if (stack.includes(ref) || remaining <= 0) return `circular(${nameOf(ref, target)})`;
    const resolved = resolve(target, [...stack, ref]);
    // OpenAPI 3.1 allows keywords beside a $ref (a description, say); they win over the target's.
    if (Object.keys(siblings).length === 0 || !isObject(resolved)) return resolved;
    return {...resolved, ...(resolve(siblings, stack) as Record<string, unknown>)};
  };

  // A mapping names schemas by ref (or bare name); the theme expects the schemas themselves.
  const resolveDiscriminator = (discriminator: Record<string, unknown>, stack: string[]) => {
    const {mapping, ...rest} = discriminator;
    if (!isObject(mapping)) return resolve(discriminator, stack);
    const resolvedMapping: Record<string, unknown> = {};
    for (const [key, target] of Object.entries(mapping)) {
      resolvedMapping[key] = typeof target === 'string' ? resolveRef({$ref: mappingRef(target)}, mappingRef(target), stack) : resolve(target, stack);
    }
    return {...(resolve(rest, stack) as Record<string, unknown>), mapping: resolvedMapping};
  };

  return resolve(value, []) as T;
}

/** Same rule as plugins/openapi/components.ts: a bare name is a component schema. */
function mappingRef(target: string): string {
  return target.startsWith('#') || target.includes('/') ? target : `#/components/schemas/${target}`;
}

function nameOf(ref: string, target: unknown): string {
  if (isObject(target) && typeof target.title === 'string') return target.title;
  return decodeURIComponent(ref.split('/').pop() ?? '').replaceAll('~1', '/').replaceAll('~0', '~');
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
