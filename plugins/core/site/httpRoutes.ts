/**
 * Matching HTTP routes found in code to the operations of an API description: same method, same
 * path once parameter names are set aside (`:id`, `{id}`, `[id]`), with or without a server's base
 * path (`/api/v1`). In core because two sections ask: the application's routes page (which
 * operation documents a route) and each HTTP API's overview (which files implement it).
 */

/** The path with each parameter written `{}` and no trailing slash. */
export function normalizeRoutePath(routePath: string): string {
  const trimmed = routePath.replace(/\/+$/, '') || '/';
  return trimmed.replace(/\{[^}/]*\}|:[^/]+|\[[^\]/]*\]/g, '{}');
}

const EVERY_METHOD = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'HEAD', 'OPTIONS'];

/** A function from a route to the operations it answers, in the order given. */
export function createOperationMatcher<Op extends {method: string; path: string}>(
  operations: readonly Op[],
  serverUrls: readonly string[],
): (route: {method: string; path: string}) => Op[] {
  const bases = new Set<string>(['']);
  for (const url of serverUrls) {
    try {
      const base = new URL(url, 'http://localhost').pathname.replace(/\/+$/, '');
      if (base) bases.add(base);
    } catch {
      // A server URL with variables the URL parser refuses has no base path we can use.
    }
  }
  const byKey = new Map<string, Op[]>();
  for (const op of operations) {
    const key = `${op.method.toUpperCase()} ${normalizeRoutePath(op.path)}`;
    byKey.set(key, [...(byKey.get(key) ?? []), op]);
  }
  return (route) => {
    const paths = [...bases].filter((base) => base === '' || route.path === base || route.path.startsWith(`${base}/`)).map((base) => normalizeRoutePath(route.path.slice(base.length) || '/'));
    const methods = route.method === 'ALL' ? EVERY_METHOD : [route.method.toUpperCase()];
    const found = new Set<Op>();
    for (const routePath of paths) for (const method of methods) for (const op of byKey.get(`${method} ${routePath}`) ?? []) found.add(op);
    return [...found];
  };
}
