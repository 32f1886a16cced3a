/**
 * The routes page: per service, a table of method, path, handler (linked to its code reference entry
 * or source line), middleware and the HTTP API operation that documents it; then what the API
 * descriptions and the code disagree on.
 */
import type {PhrasingContent, RootContent} from 'mdast';
import {heading, inlineCode, link, list, paragraph, table, text} from '../../core/mdx/build';
import type {RouteModel, ServiceModel} from '../model';
import type {AppLinks} from './links';
import type {SpecIndex, SpecOperation} from './specOperations';

export function renderRoutes(services: readonly ServiceModel[], links: AppLinks, specs: SpecIndex, urlOf: (key: string) => string | undefined): RootContent[] {
  const count = services.reduce((sum, service) => sum + service.routes.length, 0);
  const children: RootContent[] = [
    heading(1, 'Routes'),
    paragraph(`${count} ${count === 1 ? 'route' : 'routes'} declared in code, by service.${specs.operations.length > 0 ? ' Each links to the operation of the HTTP API reference that documents it, when one does.' : ''}`),
  ];
  const operationLink = (op: SpecOperation): PhrasingContent => {
    const url = urlOf(op.key);
    return url ? link(url, op.title) : text(op.title);
  };
  const matched = new Set<SpecOperation>();
  const undocumented: RouteModel[] = [];
  for (const service of services) {
    children.push(heading(2, service.name), paragraph(text('In '), inlineCode(service.dir ? `${service.dir}/` : '(root)'), text(`: ${service.routes.length} ${service.routes.length === 1 ? 'route' : 'routes'}.`)));
    const rows = service.routes.map((route) => {
      const ops = route.kind === 'api' ? specs.match(route) : [];
      for (const op of ops) matched.add(op);
      if (route.kind === 'api' && ops.length === 0) undocumented.push(route);
      return [
        inlineCode(route.method),
        inlineCode(route.path),
        handlerCell(route, links),
        route.middleware.length > 0 ? [...(route.auth ? [text('auth: ')] : []), ...route.middleware.flatMap((name, index) => (index === 0 ? [inlineCode(name)] : [text(', '), inlineCode(name)]))] : '',
        route.kind === 'page' ? 'page' : ops.length > 0 ? ops.flatMap((op, index) => (index === 0 ? [operationLink(op)] : [text(', '), operationLink(op)])) : specs.operations.length > 0 ? 'not documented' : '',
      ];
    });
    children.push(table(['Method', 'Path', 'Handler', 'Middleware', 'API operation'], rows));
  }
  if (specs.operations.length > 0) {
    children.push(heading(2, 'Code and API description compared'));
    children.push(heading(3, 'Routes the API description does not document'));
    children.push(undocumented.length > 0 ? list(undocumented.map((route) => [inlineCode(`${route.method} ${route.path}`), text(' in '), sourceRef(route, links)])) : paragraph('None: every API route in code is documented.'));
    const missing = specs.operations.filter((op) => !matched.has(op));
    children.push(heading(3, 'Operations with no route in code'));
    children.push(missing.length > 0 ? list(missing.map((op) => [inlineCode(`${op.method} ${op.path}`), text(' — '), operationLink(op), text(` (${op.sectionTitle})`)])) : paragraph('None: every documented operation has a route in code.'));
  }
  return children;
}

function handlerCell(route: RouteModel, links: AppLinks): PhrasingContent[] {
  const handler = route.handler;
  if (!handler) return [sourceRef(route, links)];
  const url = links.code(handler.symbol, handler.file, handler.line);
  return [url ? link(url, inlineCode(handler.name)) : inlineCode(handler.name)];
}

function sourceRef(route: RouteModel, links: AppLinks): PhrasingContent {
  const place = `${route.file}:${route.line}`;
  const url = links.source(route.file, route.line);
  return url ? link(url, inlineCode(place)) : inlineCode(place);
}
