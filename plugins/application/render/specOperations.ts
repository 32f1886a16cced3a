/**
 * The HTTP API descriptions the site documents (the openapi sections' models, read through the site
 * view), and matching routes in code to their operations: same method, same path once parameter
 * names are set aside, with or without a server's base path (`/api/v1`).
 */
import type {SectionModel, SiteView} from '../../core/types';
import type {RouteModel} from '../model';

export interface SpecOperation {
  section: string;
  sectionTitle: string;
  method: string;
  path: string;
  title: string;
  /** The key of the operation in the link index. */
  key: string;
}

/** The part of an openapi section's model this page reads (plugins meet only through core). */
interface OpenApiShape extends SectionModel {
  state?: string;
  api?: {operations?: {method?: unknown; path?: unknown; title?: unknown}[]; servers?: {url?: unknown}[]};
}

export interface SpecIndex {
  operations: SpecOperation[];
  /** Operations a route answers. */
  match(route: RouteModel): SpecOperation[];
}

export function normalizePath(routePath: string): string {
  const trimmed = routePath.replace(/\/+$/, '') || '/';
  return trimmed.replace(/\{[^}/]*\}|:[^/]+|\[[^\]/]*\]/g, '{}');
}

export function createSpecIndex(site: Pick<SiteView, 'sections'>): SpecIndex {
  const operations: SpecOperation[] = [];
  const bases = new Set<string>(['']);
  for (const section of site.sections) {
    const model = section.model as OpenApiShape;
    if (model.state !== 'ok' || !Array.isArray(model.api?.operations)) continue;
    for (const server of model.api.servers ?? []) {
      if (typeof server.url !== 'string') continue;
      try {
        const base = new URL(server.url, 'http://localhost').pathname.replace(/\/+$/, '');
        if (base) bases.add(base);
      } catch {
        // A server URL with variables the URL parser refuses has no base path we can use.
      }
    }
    for (const op of model.api.operations) {
      if (typeof op.method !== 'string' || typeof op.path !== 'string') continue;
      const method = op.method.toUpperCase();
      operations.push({section: section.id, sectionTitle: section.title, method, path: op.path, title: typeof op.title === 'string' ? op.title : `${method} ${op.path}`, key: `${section.id}/${method} ${op.path}`});
    }
  }
  const byKey = new Map<string, SpecOperation[]>();
  for (const op of operations) {
    const key = `${op.method} ${normalizePath(op.path)}`;
    byKey.set(key, [...(byKey.get(key) ?? []), op]);
  }
  return {
    operations,
    match(route) {
      const paths = [...bases].filter((base) => base === '' || route.path === base || route.path.startsWith(`${base}/`)).map((base) => normalizePath(route.path.slice(base.length) || '/'));
      const methods = route.method === 'ALL' ? ['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'HEAD', 'OPTIONS'] : [route.method];
      const found = new Set<SpecOperation>();
      for (const routePath of paths) for (const method of methods) for (const op of byKey.get(`${method} ${routePath}`) ?? []) found.add(op);
      return [...found];
    },
  };
}
