/**
 * The HTTP API descriptions the site documents (the openapi sections' models, read through the site
 * view), and which operations a route in code answers (the rule is core's: core/site/httpRoutes.ts).
 */
import type {SectionModel, SiteView} from '../../core/types';
import {createOperationMatcher} from '../../core/site/httpRoutes';
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

export function createSpecIndex(site: Pick<SiteView, 'sections'>): SpecIndex {
  const operations: SpecOperation[] = [];
  const servers: string[] = [];
  for (const section of site.sections) {
    const model = section.model as OpenApiShape;
    if (model.state !== 'ok' || !Array.isArray(model.api?.operations)) continue;
    for (const server of model.api.servers ?? []) if (typeof server.url === 'string') servers.push(server.url);
    for (const op of model.api.operations) {
      if (typeof op.method !== 'string' || typeof op.path !== 'string') continue;
      const method = op.method.toUpperCase();
      operations.push({section: section.id, sectionTitle: section.title, method, path: op.path, title: typeof op.title === 'string' ? op.title : `${method} ${op.path}`, key: `${section.id}/${method} ${op.path}`});
    }
  }
  return {operations, match: createOperationMatcher(operations, servers)};
}
