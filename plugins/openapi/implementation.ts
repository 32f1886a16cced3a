/**
 * Which files of the repository implement an HTTP API: the routes other sections found in code
 * (the application's, shared through core; docs/adr/0047), matched to this description's operations
 * by core's rule. The overview lists them, each linked to its code reference page.
 */
import {createOperationMatcher} from '../core/site/httpRoutes';
import type {SiteView} from '../core/types';
import type {ApiModel} from './model';

export interface Implementation {
  /** Routes found in the repository's code, in every service. */
  routesInCode: number;
  /** Files whose handlers answer operations of this description, sorted by path. */
  files: ImplementingFile[];
  /** Operations of this description no route in code answers. */
  unmatched: number;
  /** The application section's routes page, when the site has one. */
  routesPage?: string;
}

export interface ImplementingFile {
  file: string;
  /** Its code reference page, else its source on the repository host. */
  url?: string;
  operations: {label: string; url?: string}[];
}

export function findImplementation(model: ApiModel, sectionId: string, site: Pick<SiteView, 'routes' | 'urlOf' | 'repo'>): Implementation {
  const routes = site.routes();
  const match = createOperationMatcher(model.operations, model.servers.map((server) => server.url));
  const byFile = new Map<string, Set<ApiModel['operations'][number]>>();
  const answered = new Set<ApiModel['operations'][number]>();
  for (const route of routes) {
    // The handler's file when it is declared elsewhere: that is where the operation's code is.
    const file = route.handler?.file ?? route.file;
    for (const op of match(route)) {
      answered.add(op);
      byFile.set(file, (byFile.get(file) ?? new Set()).add(op));
    }
  }
  const files = [...byFile]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([file, ops]) => ({
      file,
      url: site.urlOf('file', file) ?? site.repo.fileUrl?.(file),
      // In the description's order, which is the sidebar's.
      operations: model.operations
        .filter((op) => ops.has(op))
        .map((op) => ({label: `${op.method.toUpperCase()} ${op.path}`, url: site.urlOf('operation', `${sectionId}/${op.method.toUpperCase()} ${op.path}`)})),
    }));
  return {routesInCode: routes.length, files, unmatched: model.operations.length - answered.size, routesPage: site.urlOf('page', 'application/routes')};
}
