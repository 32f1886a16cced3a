/**
 * The HTTP routes a Python back end declares, from its modules' facts: FastAPI and Flask decorators
 * (`@router.get("/{id}", response_model=Hero)`, `@app.route("/", methods=["POST"])`) with the prefixes
 * of `APIRouter(prefix=...)` / `Blueprint(url_prefix=...)` and of the `include_router` /
 * `register_blueprint` calls that mount them, and Django's `urlpatterns` followed through
 * `include('app.urls')` from the URL confs no other includes, with the routes of the Django REST
 * framework routers they include (drfRoutes.ts). Exact or nothing: a path that is not a literal is
 * left out (docs/adr/0046, 0052). The applications section lists these beside its own routes.
 */
import type {PyDef} from './parse/facts';
import type {PyModule, PythonProject} from './publicApi';
import {findRouters, routerRoutes} from './drfRoutes';

export interface PythonRoute {
  /** Upper case; `ALL` for a Django view, which answers every method unless it says otherwise. */
  method: string;
  /** From the root, parameters written `{name}` (FastAPI, Django `<int:name>`) or `<name>` (Flask) as declared. */
  path: string;
  /** Where the route is declared (the decorator, the `path(...)` entry). */
  file: string;
  line: number;
  /** The handler: name as written, its code reference symbol id (`file#name`) when it is ours, its definition. */
  handler: {name: string; symbol?: string; file: string; line: number};
  responseModel?: string;
  dependencies?: string[];
  framework: 'fastapi' | 'flask' | 'django';
}

const HTTP = ['get', 'post', 'put', 'patch', 'delete', 'head', 'options', 'trace'];
const DECORATOR = /^([A-Za-z_]\w*)\.(get|post|put|patch|delete|head|options|trace|route|api_route|websocket)\((.*)\)$/s;
const ROUTER = /^(?:fastapi\.|flask\.)?(APIRouter|Blueprint|FastAPI|Flask)\((.*)\)$/s;

/** The first positional argument when it is a string literal, and the keyword arguments as written. */
export function callArgs(args: string): {first?: string; keywords: Map<string, string>} {
  const parts: string[] = [];
  let depth = 0;
  let quote = '';
  let current = '';
  for (const char of args) {
    if (quote) {
      if (char === quote && !current.endsWith('\\')) quote = '';
    } else if (char === '"' || char === "'") quote = char;
    else if ('([{'.includes(char)) depth++;
    else if (')]}'.includes(char)) depth--;
    else if (char === ',' && depth === 0) {
      parts.push(current.trim());
      current = '';
      continue;
    }
    current += char;
  }
  if (current.trim()) parts.push(current.trim());
  const keywords = new Map<string, string>();
  let first: string | undefined;
  parts.forEach((part, i) => {
    const keyword = /^([A-Za-z_]\w*)\s*=\s*([\s\S]+)$/.exec(part);
    if (keyword) keywords.set(keyword[1]!, keyword[2]!);
    else if (i === 0) first = literal(part);
  });
  return {...(first !== undefined ? {first} : {}), keywords};
}

export function literal(text: string | undefined): string | undefined {
  return text ? /^[rRuU]?(["'])(.*)\1$/s.exec(text.trim())?.[2] : undefined;
}

export function strings(list: string | undefined): string[] {
  return [...(list ?? '').matchAll(/(["'])([^"']*)\1/g)].map((match) => match[2]!);
}

const keyOf = (module: PyModule, name: string) => `${module.name}\0${name}`;

export function pythonRoutes(project: PythonProject): PythonRoute[] {
  const modules = [...project.modules.values()].sort((a, b) => (a.name < b.name ? -1 : 1));
  const routes = [...decoratedRoutes(project, modules), ...djangoRoutes(project, modules)];
  return routes.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : a.method < b.method ? -1 : a.method > b.method ? 1 : a.file < b.file ? -1 : a.file > b.file ? 1 : a.line - b.line));
}

/** FastAPI and Flask: decorated module-level functions, under the prefixes of their router and its mounts. */
function decoratedRoutes(project: PythonProject, modules: PyModule[]): PythonRoute[] {
  // Each app, router or blueprint (module and variable): its own prefix, and where it is mounted.
  const own = new Map<string, string>();
  const mountedAt = new Map<string, {on: string; prefix: string}>();
  for (const module of modules) {
    for (const def of module.facts.defs) {
      const call = def.kind === 'variable' && def.value ? ROUTER.exec(def.value) : null;
      if (call) own.set(keyOf(module, def.name), literal(callArgs(call[2]!).keywords.get(call[1] === 'APIRouter' ? 'prefix' : 'url_prefix')) ?? '');
    }
  }
  for (const module of modules) {
    for (const mount of module.facts.mounts ?? []) {
      const router = project.resolveDotted(module, mount.router);
      const on = project.resolveDotted(module, mount.on);
      if (router?.kind === 'def' && on?.kind === 'def') mountedAt.set(keyOf(router.module, router.def.name), {on: keyOf(on.module, on.def.name), prefix: mount.prefix ?? ''});
    }
  }
  const prefixOf = (key: string, depth = 0): string => {
    const mount = depth < 10 ? mountedAt.get(key) : undefined;
    return `${mount ? `${prefixOf(mount.on, depth + 1)}${mount.prefix}` : ''}${own.get(key) ?? ''}`;
  };
  const routes: PythonRoute[] = [];
  for (const module of modules) {
    for (const def of module.facts.defs) {
      if (def.kind !== 'function') continue;
      for (const decorator of def.decorators ?? []) routes.push(...routesOf(project, module, def, decorator, prefixOf));
    }
  }
  return routes;
}

function routesOf(project: PythonProject, module: PyModule, def: PyDef, decorator: string, prefixOf: (key: string) => string): PythonRoute[] {
  const match = DECORATOR.exec(decorator);
  if (!match) return [];
  const [, owner, verb, rawArgs] = match;
  const {first, keywords} = callArgs(rawArgs!);
  if (first === undefined) return [];
  const router = project.resolve(module, owner!);
  const routerKey = router?.kind === 'def' ? keyOf(router.module, router.def.name) : keyOf(module, owner!);
  const routerValue = router?.kind === 'def' ? router.def.value ?? '' : '';
  const flask = /^(?:flask\.)?(Flask|Blueprint)\(/.test(routerValue) || (verb === 'route' && !keywords.has('response_model'));
  const methods = verb === 'route' || verb === 'api_route' ? strings(keywords.get('methods')).map((one) => one.toUpperCase()) : [verb === 'websocket' ? 'WS' : verb!.toUpperCase()];
  const dependencies = [...(keywords.get('dependencies') ?? '').matchAll(/Depends\(\s*([\w.]+)/g)].map((one) => one[1]!);
  const responseModel = keywords.get('response_model');
  return (methods.length > 0 ? methods : ['GET'])
    .filter((method) => method === 'WS' || HTTP.includes(method.toLowerCase()))
    .map((method) => ({
      method,
      path: `${prefixOf(routerKey)}${first}` || '/',
      file: module.file,
      line: def.line,
      handler: {name: def.name, symbol: `${module.file}#${def.name}`, file: module.file, line: def.line},
      ...(responseModel ? {responseModel} : {}),
      ...(dependencies.length > 0 ? {dependencies} : {}),
      framework: flask ? 'flask' : 'fastapi',
    }));
}

/** `<int:pk>` stays as Django writes it; a regex's `^`/`$` anchors go, its named groups read `<name>`. */
function djangoPath(call: string, route: string): string {
  if (call === 'path') return route;
  return route.replace(/^\^/, '').replace(/\$$/, '').replace(/\(\?P<(\w+)>[^)]*\)/g, '<$1>');
}

/** Django: from each URL conf no other includes, its patterns, following includes of the target's own modules. */
function djangoRoutes(project: PythonProject, modules: PyModule[]): PythonRoute[] {
  const confs = modules.filter((module) => module.facts.urlPatterns !== undefined);
  const included = new Set(confs.flatMap((module) => (module.facts.urlPatterns ?? []).flatMap((pattern) => (pattern.include ? [project.absolute(module, pattern.include)] : []))));
  const routes: PythonRoute[] = [];
  const routers = findRouters(project, modules);
  const walk = (module: PyModule, prefix: string, seen: Set<string>) => {
    if (seen.has(module.name)) return;
    const inside = new Set([...seen, module.name]);
    for (const pattern of module.facts.urlPatterns ?? []) {
      const path = `${prefix}${djangoPath(pattern.call, pattern.route)}`;
      if (pattern.router) {
        routes.push(...routerRoutes(project, routers, module, pattern.router, path, pattern.line));
        continue;
      }
      if (pattern.include) {
        const target = project.modules.get(project.absolute(module, pattern.include));
        if (target) walk(target, path, inside);
        continue;
      }
      // `HeroList.as_view()` is the class; `views.index` the function.
      const view = pattern.view!.replace(/\.as_view\([\s\S]*\)$/, '');
      const resolved = /^[\w.]+$/.test(view) ? project.resolveDotted(module, view) : undefined;
      const symbol = resolved?.kind === 'def' ? `${resolved.module.file}#${resolved.def.name}` : undefined;
      routes.push({
        method: 'ALL',
        path: path.startsWith('/') ? path : `/${path}`,
        file: module.file,
        line: pattern.line,
        handler: {name: pattern.view!, ...(symbol ? {symbol} : {}), file: resolved?.kind === 'def' ? resolved.module.file : module.file, line: resolved?.kind === 'def' ? resolved.def.line : pattern.line},
        framework: 'django',
      });
    }
  };
  for (const conf of confs) if (!included.has(conf.name)) walk(conf, '', new Set());
  return routes;
}
