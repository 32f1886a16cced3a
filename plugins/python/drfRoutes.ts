/**
 * Django REST framework routers: `router = DefaultRouter()`, `router.register(r'users', UserViewSet)`
 * and `path('api/', include(router.urls))` become the routes the router builds for each viewset, as
 * DRF's SimpleRouter builds them: list and create on `prefix/`, retrieve, update, partial_update and
 * destroy on `prefix/<lookup>/`, for the actions the viewset has (from ModelViewSet,
 * ReadOnlyModelViewSet, the mixins, or its own methods, through its bases in the target), and one
 * route per method of each `@action`. A DefaultRouter adds its API root view. Exact or nothing: a
 * viewset or router that does not resolve to the target's code or to DRF's known names gives no
 * route (docs/adr/0052).
 */
import type {PyDef} from './parse/facts';
import type {PyModule, PythonProject} from './publicApi';
import {callArgs, literal, strings, type PythonRoute} from './routes';

/** The six standard actions: method and whether the route takes the lookup (`prefix/<pk>/`). */
const ACTIONS: Record<string, {method: string; detail: boolean}> = {
  list: {method: 'GET', detail: false},
  create: {method: 'POST', detail: false},
  retrieve: {method: 'GET', detail: true},
  update: {method: 'PUT', detail: true},
  partial_update: {method: 'PATCH', detail: true},
  destroy: {method: 'DELETE', detail: true},
};

/** The actions DRF's own viewsets and mixins bring, by class name. */
const FROM_DRF: Record<string, string[]> = {
  ModelViewSet: ['list', 'create', 'retrieve', 'update', 'partial_update', 'destroy'],
  ReadOnlyModelViewSet: ['list', 'retrieve'],
  ListModelMixin: ['list'],
  CreateModelMixin: ['create'],
  RetrieveModelMixin: ['retrieve'],
  UpdateModelMixin: ['update', 'partial_update'],
  DestroyModelMixin: ['destroy'],
  GenericViewSet: [],
  ViewSet: [],
  ViewSetMixin: [],
};

const ROUTER = /^(?:[\w.]*\.)?(DefaultRouter|SimpleRouter)\((.*)\)$/s;
const ACTION = /^(?:[\w.]*\.)?(action|detail_route|list_route)(?:\((.*)\))?$/s;

interface Router {
  kind: 'DefaultRouter' | 'SimpleRouter';
  trailingSlash: string;
  module: PyModule;
  def: PyDef;
  registrations: {module: PyModule; prefix: string; viewset: string; line: number}[];
}

interface ViewSet {
  module: PyModule;
  def: PyDef;
  /** Standard actions, with the definition of each that the target writes itself. */
  actions: Map<string, {module: PyModule; def: PyDef} | undefined>;
  /** `@action` methods, by name (a subclass's wins). */
  extra: Map<string, {module: PyModule; def: PyDef}>;
  urlKwarg?: string;
  field?: string;
}

const keyOf = (module: PyModule, name: string) => `${module.name}\0${name}`;

/** Every router of the target by its variable, with the viewsets registered on it anywhere. */
export function findRouters(project: PythonProject, modules: PyModule[]): Map<string, Router> {
  const routers = new Map<string, Router>();
  for (const module of modules) {
    for (const def of module.facts.defs) {
      const call = def.kind === 'variable' && def.value ? ROUTER.exec(def.value) : null;
      if (!call) continue;
      const slash = callArgs(call[2]!).keywords.get('trailing_slash');
      const trailingSlash = slash === undefined || slash === 'True' ? '/' : slash === 'False' ? '' : (literal(slash) ?? '/');
      routers.set(keyOf(module, def.name), {kind: call[1] as Router['kind'], trailingSlash, module, def, registrations: []});
    }
  }
  for (const module of modules) {
    for (const registration of module.facts.registrations ?? []) {
      const found = project.resolveDotted(module, registration.router);
      const router = found?.kind === 'def' ? routers.get(keyOf(found.module, found.def.name)) : undefined;
      router?.registrations.push({module, prefix: registration.prefix, viewset: registration.viewset, line: registration.line});
    }
  }
  return routers;
}

/** What a viewset class offers, following its bases in the target down to DRF's own classes. */
function readViewSet(project: PythonProject, module: PyModule, def: PyDef, depth = 0): ViewSet | undefined {
  if (def.kind !== 'class' || depth > 10) return undefined;
  let isViewSet = false;
  const actions = new Map<string, {module: PyModule; def: PyDef} | undefined>();
  const extra = new Map<string, {module: PyModule; def: PyDef}>();
  // DRF's lookup in the URL: `lookup_url_kwarg`, else `lookup_field`, else `pk`, each inherited.
  let urlKwarg: string | undefined;
  let field: string | undefined;
  // Bases first, in reverse order, so that the class's own members and its first bases win (Python's MRO, near enough).
  for (const base of [...(def.bases ?? [])].reverse()) {
    const resolved = /^[\w.]+$/.test(base) ? project.resolveDotted(module, base) : undefined;
    if (resolved?.kind === 'def') {
      const inherited = readViewSet(project, resolved.module, resolved.def, depth + 1);
      if (!inherited) continue;
      isViewSet = true;
      for (const [name, where] of inherited.actions) actions.set(name, where);
      for (const [name, where] of inherited.extra) extra.set(name, where);
      urlKwarg = inherited.urlKwarg ?? urlKwarg;
      field = inherited.field ?? field;
      continue;
    }
    const name = (resolved?.kind === 'external' ? resolved.path : base).split('.').at(-1)!;
    const known = FROM_DRF[name];
    if (!known) continue;
    isViewSet = true;
    for (const action of known) if (!actions.has(action)) actions.set(action, undefined);
  }
  if (!isViewSet) return undefined;
  for (const member of def.members ?? []) {
    if (member.kind === 'function' && member.name in ACTIONS) actions.set(member.name, {module, def: member});
    if (member.kind === 'function' && (member.decorators ?? []).some((one) => ACTION.test(one))) extra.set(member.name, {module, def: member});
    if (member.kind === 'variable' && member.name === 'lookup_url_kwarg') urlKwarg = literal(member.value) ?? urlKwarg;
    if (member.kind === 'variable' && member.name === 'lookup_field') field = literal(member.value) ?? field;
  }
  return {module, def, actions, extra, ...(urlKwarg ? {urlKwarg} : {}), ...(field ? {field} : {})};
}

/** The routes of the router `name` (as written in `module`), mounted at `prefix` (`api/`), declared at `line`. */
export function routerRoutes(project: PythonProject, routers: Map<string, Router>, module: PyModule, name: string, prefix: string, line: number): PythonRoute[] {
  const found = project.resolveDotted(module, name);
  const router = found?.kind === 'def' ? routers.get(keyOf(found.module, found.def.name)) : undefined;
  if (!router) return [];
  const at = (...parts: string[]) => {
    const joined = parts.filter((part) => part !== '').join('/');
    const full = `${prefix}${joined}${joined ? router.trailingSlash : ''}`;
    return full.startsWith('/') ? full : `/${full}`;
  };
  const routes: PythonRoute[] = [];
  if (router.kind === 'DefaultRouter') {
    // The API root view DRF makes, listing the registered prefixes: not the target's code, so not linked.
    routes.push({method: 'GET', path: at(), file: module.file, line, handler: {name: 'DefaultRouter API root', file: router.module.file, line: router.def.line}, framework: 'django'});
  }
  for (const registration of router.registrations) {
    const view = /^[\w.]+$/.test(registration.viewset) ? project.resolveDotted(registration.module, registration.viewset) : undefined;
    const viewset = view?.kind === 'def' ? readViewSet(project, view.module, view.def) : undefined;
    if (!viewset) continue;
    const base = registration.prefix.replace(/^\^/, '').replace(/\/$/, '');
    const lookup = `<${viewset.urlKwarg ?? viewset.field ?? 'pk'}>`;
    const route = (method: string, path: string, action: string, where: {module: PyModule; def: PyDef} | undefined): PythonRoute => ({
      method,
      path,
      file: registration.module.file,
      line: registration.line,
      handler: {name: `${viewset.def.name}.${action}`, symbol: `${viewset.module.file}#${viewset.def.name}`, file: (where ?? viewset).module.file, line: (where ?? viewset).def.line},
      framework: 'django',
    });
    for (const [action, where] of viewset.actions) {
      const {method, detail} = ACTIONS[action]!;
      routes.push(route(method, detail ? at(base, lookup) : at(base), action, where));
    }
    for (const [name, where] of viewset.extra) {
      const decorator = where.def.decorators!.find((one) => ACTION.test(one))!;
      const [, kind, args] = ACTION.exec(decorator)!;
      const {keywords} = callArgs(args ?? '');
      const detail = kind === 'detail_route' || (kind === 'action' && keywords.get('detail') === 'True');
      const path = literal(keywords.get('url_path')) ?? name;
      const methods = strings(keywords.get('methods')).map((one) => one.toUpperCase());
      for (const method of methods.length > 0 ? methods : ['GET']) routes.push(route(method, detail ? at(base, lookup, path) : at(base, path), name, where));
    }
  }
  return routes;
}
