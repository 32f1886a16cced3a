/**
 * Puts each route under the paths its router is mounted at: `app.use('/api', users)` in one file and
 * `users.get('/:id')` in another give `/api/:id`, with the mount's middleware in front of the
 * route's. A router mounted twice has its routes listed under both paths (at most MAX_MOUNTS).
 */
import type {RouteModel} from '../model';
import {joinPaths, type FileRoutes} from './routes';

const MAX_DEPTH = 10;
const MAX_MOUNTS = 8;

interface Prefix {
  prefix: string;
  middleware: string[];
}

export function resolvePrefixes(perFile: ReadonlyMap<string, FileRoutes>): Omit<RouteModel, 'auth'>[] {
  // Receiver key (`file#receiver`) → where it is mounted.
  const mountedAt = new Map<string, {parent: string; prefix: string; middleware: string[]}[]>();
  for (const [file, found] of perFile) {
    for (const mount of found.mounts) {
      const receiver = mount.target.local ? mount.target.name : perFile.get(mount.target.file)?.exportedReceivers.get(mount.target.name);
      if (!receiver) continue;
      const key = `${mount.target.file}#${receiver}`;
      mountedAt.set(key, [...(mountedAt.get(key) ?? []), {parent: `${file}#${mount.receiver}`, prefix: mount.prefix, middleware: mount.middleware}]);
    }
  }
  const prefixesOf = (key: string, seen: ReadonlySet<string>): Prefix[] => {
    const mounts = mountedAt.get(key);
    if (!mounts || seen.size >= MAX_DEPTH) return [{prefix: '', middleware: []}];
    const next = new Set(seen).add(key);
    const found = mounts
      .filter((mount) => !next.has(mount.parent))
      .flatMap((mount) => prefixesOf(mount.parent, next).map((parent) => ({prefix: joinPaths(parent.prefix, mount.prefix), middleware: [...parent.middleware, ...mount.middleware]})));
    return found.length > 0 ? found.slice(0, MAX_MOUNTS) : [{prefix: '', middleware: []}];
  };

  const routes: Omit<RouteModel, 'auth'>[] = [];
  // NestJS: one global prefix per app, set in its main file.
  const globalPrefix = [...perFile.values()].find((found) => found.globalPrefix)?.globalPrefix ?? '';
  for (const [file, found] of perFile) {
    for (const {receiver, ...route} of found.routes) {
      if (route.framework === 'nestjs') {
        routes.push({...route, path: joinPaths(globalPrefix, route.path)});
        continue;
      }
      for (const parent of prefixesOf(`${file}#${receiver}`, new Set())) {
        routes.push({...route, path: joinPaths(parent.prefix, route.path), middleware: [...parent.middleware, ...route.middleware]});
      }
    }
  }
  return routes;
}
