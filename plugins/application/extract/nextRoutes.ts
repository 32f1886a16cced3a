/**
 * Next.js routes from its file conventions: the pages router (`pages/**`, API routes under
 * `pages/api`, methods from `req.method` checks) and the app router (`app/**\/page.*` screens,
 * `app/**\/route.*` handlers by their exported method names). Route groups `(x)`, parallel slots
 * `@x` and private `_x` folders follow Next's rules; `[id]` becomes `:id`, `[...slug]` `:slug*`.
 */
import path from 'node:path';
import {ts} from 'ts-morph';
import type {RouteModel} from '../model';
import {hasModifier, lineOf, type ParsedFile} from './syntax';

const HTTP_METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'HEAD', 'OPTIONS'];
const CODE = /\.(tsx?|jsx?|mjs)$/;
const PAGES_SPECIAL = /^_(app|document|error)$|^(404|500)$/;

/** The pages and app folders of a Next.js package at `dir`. */
export function nextRoots(dir: string): {pages: string[]; app: string[]} {
  const at = (sub: string) => (dir ? `${dir}/${sub}` : sub);
  return {pages: [at('pages'), at('src/pages')], app: [at('app'), at('src/app')]};
}

function segment(part: string): string | undefined {
  const optionalCatchAll = /^\[\[\.\.\.(.+)\]\]$/.exec(part);
  if (optionalCatchAll) return `:${optionalCatchAll[1]}*`;
  const catchAll = /^\[\.\.\.(.+)\]$/.exec(part);
  if (catchAll) return `:${catchAll[1]}*`;
  const dynamic = /^\[(.+)\]$/.exec(part);
  if (dynamic) return `:${dynamic[1]}`;
  return part;
}

/** The route of a pages-router file, or undefined for `_app` and other special files. */
export function pagesRoute(root: string, file: string, parsed: ParsedFile | undefined): RouteModel[] {
  const relative = path.posix.relative(root, file).replace(CODE, '');
  const parts = relative.split('/');
  if (PAGES_SPECIAL.test(parts[parts.length - 1]!) || parts.some((part) => part.startsWith('_'))) return [];
  if (parts[parts.length - 1] === 'index') parts.pop();
  const routePath = `/${parts.map(segment).join('/')}`;
  const isApi = parts[0] === 'api';
  const methods = isApi && parsed ? methodsChecked(parsed.source.text) : [];
  const handler = parsed ? defaultHandler(parsed) : undefined;
  return (methods.length > 0 ? methods : [isApi ? 'ALL' : 'GET']).map((method) => ({
    method,
    path: routePath,
    framework: 'next-pages' as const,
    kind: isApi ? ('api' as const) : ('page' as const),
    file,
    line: handler?.line ?? 1,
    ...(handler ? {handler} : {}),
    middleware: [],
    auth: false,
  }));
}

/** `req.method === 'POST'` and `case 'GET':` in an API route: the methods it answers. */
function methodsChecked(text: string): string[] {
  if (!/\.method\b/.test(text)) return [];
  const found = new Set<string>();
  for (const match of text.matchAll(/\.method\s*[!=]==?\s*['"]([A-Z]+)['"]|case\s+['"]([A-Z]+)['"]\s*:/g)) {
    const method = match[1] ?? match[2];
    if (method && HTTP_METHODS.includes(method)) found.add(method);
  }
  return [...found].sort();
}

function defaultHandler(parsed: ParsedFile): RouteModel['handler'] {
  for (const statement of parsed.source.statements) {
    const isDefault = hasModifier(statement, ts.SyntaxKind.DefaultKeyword) || ts.isExportAssignment(statement);
    if (!isDefault) continue;
    const name = ts.isFunctionDeclaration(statement) || ts.isClassDeclaration(statement) ? statement.name?.text : ts.isExportAssignment(statement) && ts.isIdentifier(statement.expression) ? statement.expression.text : undefined;
    return {name: name ?? 'default', file: parsed.file, line: lineOf(statement), symbol: `${parsed.file}#${name ?? 'default'}`};
  }
  return undefined;
}

/** Routes of an app-router file: `page.*` is a screen, `route.*` answers the methods it exports. */
export function appRoute(root: string, file: string, parsed: ParsedFile | undefined): RouteModel[] {
  const relative = path.posix.relative(root, file);
  const parts = relative.split('/');
  const base = parts.pop()!.replace(CODE, '');
  if (base !== 'page' && base !== 'route') return [];
  if (parts.some((part) => part.startsWith('_') || /^\(\.+\)/.test(part))) return [];
  const kept = parts.filter((part) => !/^\(.*\)$/.test(part) && !part.startsWith('@'));
  const routePath = `/${kept.map(segment).join('/')}`;
  if (base === 'page') {
    const handler = parsed ? defaultHandler(parsed) : undefined;
    return [{method: 'GET', path: routePath, framework: 'next-app', kind: 'page', file, line: handler?.line ?? 1, ...(handler ? {handler} : {}), middleware: [], auth: false}];
  }
  if (!parsed) return [];
  const routes: RouteModel[] = [];
  for (const statement of parsed.source.statements) {
    if (!hasModifier(statement, ts.SyntaxKind.ExportKeyword)) continue;
    const names = ts.isFunctionDeclaration(statement) && statement.name ? [statement.name.text] : ts.isVariableStatement(statement) ? statement.declarationList.declarations.flatMap((d) => (ts.isIdentifier(d.name) ? [d.name.text] : [])) : [];
    for (const name of names.filter((n) => HTTP_METHODS.includes(n))) {
      const line = lineOf(statement);
      routes.push({method: name, path: routePath, framework: 'next-app', kind: 'api', file, line, handler: {name, file, line, symbol: `${file}#${name}`}, middleware: [], auth: false});
    }
  }
  return routes;
}
