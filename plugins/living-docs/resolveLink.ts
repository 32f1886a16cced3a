/**
 * The link citations, resolved through the site's link index (never by building a route):
 * `<SymbolLink name module?>` → the symbol's reference anchor, `<ApiOperation id>` (an operationId or
 * `METHOD /path`) → the operation's page with its method and path, `<EnvVar name>` → the variable in
 * the configuration reference. A miss names the closest key the index has.
 */
import type {LinkEntry, SiteView} from '../core/types';
import type {BrokenCitation} from './model';
import {closestName} from './closest';

export interface ResolvedLink {
  url: string;
  /** What the link shows. */
  label: string;
  /** `<ApiOperation>`: upper-case method and path. */
  method?: string;
  path?: string;
}

export type LinkResult = {ok: true; link: ResolvedLink} | {ok: false; broken: BrokenCitation};

export type LinkSite = Pick<SiteView, 'entries' | 'urlOf'>;

export function resolveLink(component: string, props: Record<string, string>, site: LinkSite): LinkResult {
  if (component === 'SymbolLink') return symbolLink(props, site);
  if (component === 'ApiOperation') return operationLink(props, site);
  return envLink(props, site);
}

/** Symbol keys are `file#Scope.name` (the code reference's ids); the title is the name readers know. */
function symbolLink(props: Record<string, string>, site: LinkSite): LinkResult {
  const name = props.name;
  if (!name) return broken('`name` is missing: name the symbol, e.g. <SymbolLink name="createCharge" />');
  const symbols = site.entries('symbol');
  const named = symbols.filter((entry) => entry.title === name || entry.key.endsWith(`#${name}`));
  const module = props.module;
  const inModule = module === undefined ? named : named.filter((entry) => inModuleOf(entry, module, site));
  const found = inModule[0];
  if (!found) {
    if (symbols.length === 0) return broken(`the symbol "${name}" cannot be linked: the site has no code reference`);
    const where = module === undefined ? '' : ` in the module "${module}"`;
    const pool = module === undefined || named.length > 0 ? symbols.map((entry) => entry.title ?? entry.key) : site.entries('module').map((entry) => entry.key);
    return broken(`the symbol "${name}"${where} is not in the code reference`, closestName(module !== undefined && named.length > 0 ? module : name, pool));
  }
  return {ok: true, link: {url: found.url, label: name}};
}

/** A module is named as the reference names it (`plugins/core/prepareSite`) or by its file. */
function inModuleOf(entry: LinkEntry, module: string, site: LinkSite): boolean {
  const file = entry.key.slice(0, entry.key.indexOf('#'));
  if (file === module || file.replace(/\.[^./]+$/, '') === module) return true;
  const moduleUrl = site.urlOf('module', module);
  return moduleUrl !== undefined && entry.url.startsWith(`${moduleUrl}#`);
}

/** Operation keys are `<section>/<operationId>` and `<section>/<METHOD> <path>`. */
function operationLink(props: Record<string, string>, site: LinkSite): LinkResult {
  const id = props.id?.trim();
  if (!id) return broken('`id` is missing: give an operationId or "METHOD /path"');
  const wanted = /^[a-z]+\s+\//i.test(id) ? id.replace(/^([a-z]+)\s+/i, (_, method: string) => `${method.toUpperCase()} `) : id;
  const operations = site.entries('operation');
  const found = operations.find((entry) => entry.key.slice(entry.key.indexOf('/') + 1) === wanted);
  if (!found) {
    if (operations.length === 0) return broken(`the operation "${id}" cannot be linked: the site has no HTTP API reference`);
    return broken(`the operation "${id}" is not in the HTTP API reference`, closestName(wanted, operations.map((entry) => entry.key.slice(entry.key.indexOf('/') + 1))));
  }
  // Its `METHOD path` key shares its URL: that is what the link shows.
  const methodPath = operations.find((entry) => entry.url === found.url && /^[A-Z]+ /.test(entry.key.slice(entry.key.indexOf('/') + 1)));
  const [method, ...rest] = (methodPath ?? found).key.slice(found.key.indexOf('/') + 1).split(' ');
  return {ok: true, link: {url: found.url, label: found.title ?? id, method: rest.length > 0 ? method : undefined, path: rest.length > 0 ? rest.join(' ') : undefined}};
}

function envLink(props: Record<string, string>, site: LinkSite): LinkResult {
  const name = props.name;
  if (!name) return broken('`name` is missing: name the environment variable, e.g. <EnvVar name="DATABASE_URL" />');
  const url = site.urlOf('env', name);
  if (url) return {ok: true, link: {url, label: name}};
  const variables = site.entries('env');
  if (variables.length === 0) return broken(`the variable "${name}" cannot be linked: the site has no configuration reference`);
  return broken(`the environment variable "${name}" is not in the configuration reference`, closestName(name, variables.map((entry) => entry.key)));
}

function broken(missing: string, suggestion?: string): LinkResult {
  return {ok: false, broken: suggestion ? {missing, suggestion} : {missing}};
}
