/**
 * HTTP routes declared in code by the routers people write by hand: Express, Koa (`@koa/router`),
 * Hono and Fastify (`app.get('/path', …middleware, handler)`, Express's `route('/p').get(…)`,
 * Fastify's `route({method, url})`), with the prefixes of `use('/p', router)`, `route('/p', app)`
 * and `register(plugin, {prefix})`; and NestJS controllers (`@Controller` + `@Get`…, `@UseGuards`).
 * A call counts only on a receiver the file made with one of those frameworks (or a parameter typed
 * as one), so `axios.get('/users')` or `map.get('/x')` is never a route.
 */
import {ts} from 'ts-morph';
import type {Framework, HandlerRef, RouteModel} from '../model';
import {calleeName, hasModifier, lineOf, resolveImport, stringValue, textOf, type ParsedFile} from './syntax';

export const METHODS = ['get', 'post', 'put', 'patch', 'delete', 'head', 'options', 'all'];
const AUTH = /auth|jwt|passport|session|guard|protect|permission|role|acl|bearer|api_?key|signed.?in|login/i;

const FRAMEWORK_OF: Record<string, Framework> = {express: 'express', fastify: 'fastify', koa: 'koa', '@koa/router': 'koa', 'koa-router': 'koa', hono: 'hono'};
const PARAMETER_TYPES: Record<string, Framework> = {Express: 'express', Application: 'express', Router: 'express', FastifyInstance: 'fastify', Hono: 'hono', Koa: 'koa'};

/** A route as one file declares it, before the prefixes of the files that mount it. */
export interface FileRoute extends Omit<RouteModel, 'auth'> {
  receiver: string;
}

/** `use('/p', target)` and its kin: the routes of `target` answer under `prefix`. */
export interface Mount {
  file: string;
  receiver: string;
  prefix: string;
  middleware: string[];
  /** The mounted router: a local receiver, or an import resolved to (file, exported name). */
  target: {file: string; name: string; local: boolean};
}

export interface FileRoutes {
  routes: FileRoute[];
  mounts: Mount[];
  /** Exported name (`default` included) → the receiver it is. */
  exportedReceivers: Map<string, string>;
  /** `app.setGlobalPrefix('api')` of NestJS. */
  globalPrefix?: string;
}

export interface Declared {
  /** Top-level declaration names of a file with their lines, and the name of its default export. */
  lines(file: string): Map<string, number> | undefined;
  defaultName(file: string): string | undefined;
}

/** Whether an exported name of a file is a router or app (so `use(x)` mounts it rather than running it). */
export type IsRouter = (file: string, name: string) => boolean;

/** The routers and apps a file exports, by exported name: what other files can mount. */
export function exportedRouters(parsed: ParsedFile): Map<string, string> {
  const exported = new Map<string, string>();
  readExports(parsed, findReceivers(parsed), exported);
  return exported;
}

export function findRoutes(parsed: ParsedFile, files: ReadonlySet<string>, declared: Declared, isRouter: IsRouter): FileRoutes {
  const result: FileRoutes = {routes: [], mounts: [], exportedReceivers: new Map()};
  const receivers = findReceivers(parsed);
  const levelMiddleware = new Map<string, string[]>();
  const handlerOf = (node: ts.Expression): HandlerRef => handlerRef(node, parsed, files, declared);

  const visit = (node: ts.Node): void => {
    if (ts.isClassDeclaration(node)) readController(node, parsed, result);
    if (ts.isCallExpression(node) && ts.isPropertyAccessExpression(node.expression)) {
      const method = node.expression.name.text;
      const chain = receiverOf(node.expression.expression, receivers);
      // NestJS's `app` comes from NestFactory.create, which is no router: its prefix is read by name.
      if (method === 'setGlobalPrefix') result.globalPrefix = stringValue(node.arguments[0]);
      if (chain) {
        const framework = receivers.get(chain.receiver)!;
        const args = [...node.arguments];
        if (chain.path !== undefined && METHODS.includes(method)) {
          // app.route('/p').get(handler)
          addRoute(method, chain.path, args, chain.receiver, framework, node);
        } else if (chain.path === undefined && METHODS.includes(method)) {
          // koa-router's named routes: router.get('name', '/path', handler).
          if (framework === 'koa' && stringValue(args[0]) !== undefined && stringValue(args[1])?.startsWith('/')) args.shift();
          const routePath = stringValue(args[0]);
          if (routePath !== undefined && args.length >= 2) addRoute(method, routePath, args.slice(1), chain.receiver, framework, node);
        } else if (chain.path === undefined && method === 'route' && args[0] && ts.isObjectLiteralExpression(args[0])) {
          readRouteOptions(args[0], chain.receiver, framework, node);
        } else if (chain.path === undefined && (method === 'use' || method === 'route' || method === 'register')) {
          readMount(method, args, chain.receiver);
        }
      }
    }
    ts.forEachChild(node, visit);
  };

  function addRoute(method: string, routePath: string, args: ts.Expression[], receiver: string, framework: Framework, node: ts.Node): void {
    // Arrays of middleware (Express), and Fastify's options object (`{preHandler: auth}`) whose hooks run first.
    const handlers = args.flatMap((arg) => (ts.isArrayLiteralExpression(arg) ? [...arg.elements] : ts.isObjectLiteralExpression(arg) ? hooksOf(arg) : [arg]));
    const last = handlers[handlers.length - 1];
    result.routes.push({
      method: method.toUpperCase(),
      path: routePath,
      framework,
      kind: 'api',
      file: parsed.file,
      line: lineOf(node),
      ...(last ? {handler: handlerOf(last)} : {}),
      middleware: [...(levelMiddleware.get(receiver) ?? []), ...handlers.slice(0, -1).map(middlewareName)],
      receiver,
    });
  }

  function readRouteOptions(options: ts.ObjectLiteralExpression, receiver: string, framework: Framework, node: ts.Node): void {
    const property = (name: string) => options.properties.find((p): p is ts.PropertyAssignment => ts.isPropertyAssignment(p) && ts.isIdentifier(p.name) && p.name.text === name)?.initializer;
    const url = stringValue(property('url') ?? property('path'));
    const methodNode = property('method');
    const methods = methodNode && ts.isArrayLiteralExpression(methodNode) ? methodNode.elements.map(stringValue) : [stringValue(methodNode)];
    const handler = property('handler');
    if (url === undefined || !handler) return;
    for (const method of methods) if (method) addRoute(method.toLowerCase(), url, [...hooksOf(options), handler], receiver, framework, node);
  }

  function readMount(method: string, args: ts.Expression[], receiver: string): void {
    let prefix: string | undefined;
    let rest = args;
    if (method === 'register') {
      const options = args[1];
      const prefixNode = options && ts.isObjectLiteralExpression(options) ? options.properties.find((p): p is ts.PropertyAssignment => ts.isPropertyAssignment(p) && ts.isIdentifier(p.name) && p.name.text === 'prefix')?.initializer : undefined;
      prefix = stringValue(prefixNode) ?? '';
      rest = args.slice(0, 1);
    } else if (stringValue(args[0]) !== undefined) {
      prefix = stringValue(args[0]);
      rest = args.slice(1);
    }
    const targetNode = rest[rest.length - 1];
    const target = targetNode && mountTarget(targetNode);
    if (!target) {
      // `router.use(auth)`: middleware for the routes declared after it on that receiver.
      if (prefix === undefined) levelMiddleware.set(receiver, [...(levelMiddleware.get(receiver) ?? []), ...rest.map(middlewareName)]);
      return;
    }
    // What the app ran before the mount (`app.use(express.json())`) runs for the mounted routes too.
    result.mounts.push({file: parsed.file, receiver, prefix: prefix ?? '', middleware: [...(levelMiddleware.get(receiver) ?? []), ...rest.slice(0, -1).map(middlewareName)], target});
  }

  /** A router being mounted: `users`, `users.routes()` (Koa), an imported plugin. Middleware answers undefined. */
  function mountTarget(node: ts.Expression): Mount['target'] | undefined {
    let current = node;
    if (ts.isCallExpression(current) && ts.isPropertyAccessExpression(current.expression) && current.expression.name.text === 'routes') current = current.expression.expression;
    if (!ts.isIdentifier(current)) return undefined;
    if (receivers.has(current.text)) return {file: parsed.file, name: current.text, local: true};
    const imported = parsed.imports.get(current.text);
    const file = imported && resolveImport(parsed.file, imported.specifier, files);
    return imported && file && isRouter(file, imported.name) ? {file, name: imported.name, local: false} : undefined;
  }

  visit(parsed.source);
  readExports(parsed, receivers, result.exportedReceivers);
  return result;
}

/** Names in this file that are routers or apps, with their framework. */
function findReceivers(parsed: ParsedFile): Map<string, Framework> {
  const receivers = new Map<string, Framework>();
  const frameworkOfCallee = (expression: ts.Expression): Framework | undefined => {
    const root = ts.isPropertyAccessExpression(expression) ? expression.expression : expression;
    if (!ts.isIdentifier(root)) return undefined;
    const imported = parsed.imports.get(root.text);
    return imported ? FRAMEWORK_OF[imported.specifier] : undefined;
  };
  const visit = (node: ts.Node): void => {
    if (ts.isVariableDeclaration(node) && ts.isIdentifier(node.name) && node.initializer) {
      let init = node.initializer;
      while (ts.isAwaitExpression(init) || ts.isParenthesizedExpression(init)) init = init.expression;
      if ((ts.isCallExpression(init) || ts.isNewExpression(init)) && frameworkOfCallee(init.expression)) receivers.set(node.name.text, frameworkOfCallee(init.expression)!);
    }
    if (ts.isParameter(node) && ts.isIdentifier(node.name)) {
      const type = node.type && ts.isTypeReferenceNode(node.type) ? (ts.isIdentifier(node.type.typeName) ? node.type.typeName.text : node.type.typeName.right.text) : undefined;
      if (type && PARAMETER_TYPES[type] && (parsed.imports.has(type) || (ts.isTypeReferenceNode(node.type!) && ts.isQualifiedName(node.type.typeName)))) receivers.set(node.name.text, PARAMETER_TYPES[type]!);
      // A Fastify plugin's first parameter, by its usual name, in a file that uses Fastify.
      else if (node.name.text === 'fastify' && [...parsed.imports.values()].some((i) => i.specifier.startsWith('fastify'))) receivers.set('fastify', 'fastify');
    }
    ts.forEachChild(node, visit);
  };
  visit(parsed.source);
  return receivers;
}

/** `router` in `router.get`, or `router` and `/p` in `router.route('/p').get`. */
function receiverOf(expression: ts.Expression, receivers: Map<string, Framework>): {receiver: string; path?: string} | undefined {
  if (ts.isIdentifier(expression)) return receivers.has(expression.text) ? {receiver: expression.text} : undefined;
  if (ts.isCallExpression(expression) && ts.isPropertyAccessExpression(expression.expression)) {
    const inner = receiverOf(expression.expression.expression, receivers);
    if (!inner) return undefined;
    if (expression.expression.name.text === 'route' && inner.path === undefined) {
      const routePath = stringValue(expression.arguments[0]);
      return routePath === undefined ? undefined : {receiver: inner.receiver, path: routePath};
    }
    // Further methods of a chain: route('/p').get(a).post(b).
    return inner.path !== undefined && METHODS.includes(expression.expression.name.text) ? inner : undefined;
  }
  return undefined;
}

function readExports(parsed: ParsedFile, receivers: Map<string, Framework>, into: Map<string, string>): void {
  for (const statement of parsed.source.statements) {
    if (ts.isExportAssignment(statement) && ts.isIdentifier(statement.expression) && receivers.has(statement.expression.text)) into.set('default', statement.expression.text);
    else if (ts.isVariableStatement(statement) && hasModifier(statement, ts.SyntaxKind.ExportKeyword)) {
      for (const declaration of statement.declarationList.declarations) if (ts.isIdentifier(declaration.name) && receivers.has(declaration.name.text)) into.set(declaration.name.text, declaration.name.text);
    } else if (ts.isExpressionStatement(statement) && ts.isBinaryExpression(statement.expression) && textOf(statement.expression.left) === 'module.exports' && ts.isIdentifier(statement.expression.right) && receivers.has(statement.expression.right.text)) {
      into.set('default', statement.expression.right.text);
    } else if ((ts.isFunctionDeclaration(statement) || ts.isExportAssignment(statement)) && hasModifier(statement, ts.SyntaxKind.ExportKeyword) !== ts.isExportAssignment(statement)) {
      // A Fastify plugin or an Express "register routes" function: its first parameter is the receiver.
      const fn = ts.isFunctionDeclaration(statement) ? statement : ts.isArrowFunction(statement.expression) || ts.isFunctionExpression(statement.expression) ? statement.expression : undefined;
      const param = fn?.parameters[0];
      if (fn && param && ts.isIdentifier(param.name) && receivers.has(param.name.text)) {
        const isDefault = ts.isExportAssignment(statement) || hasModifier(statement, ts.SyntaxKind.DefaultKeyword);
        into.set(isDefault ? 'default' : (fn as ts.FunctionDeclaration).name?.text ?? 'default', param.name.text);
      }
    }
  }
}

/** Fastify's hooks that run before a handler, in their order, from a route's options. */
function hooksOf(options: ts.ObjectLiteralExpression): ts.Expression[] {
  return ['onRequest', 'preParsing', 'preValidation', 'preHandler'].flatMap((name) => {
    const hook = options.properties.find((p): p is ts.PropertyAssignment => ts.isPropertyAssignment(p) && ts.isIdentifier(p.name) && p.name.text === name)?.initializer;
    return hook ? (ts.isArrayLiteralExpression(hook) ? [...hook.elements] : [hook]) : [];
  });
}

function middlewareName(node: ts.Expression): string {
  if (ts.isCallExpression(node)) return `${textOf(node.expression)}()`;
  if (ts.isArrowFunction(node) || ts.isFunctionExpression(node)) return '(inline)';
  return textOf(node).replace(/\s+/g, ' ').slice(0, 80);
}

function handlerRef(node: ts.Expression, parsed: ParsedFile, files: ReadonlySet<string>, declared: Declared): HandlerRef {
  const here = {file: parsed.file, line: lineOf(node)};
  if (ts.isIdentifier(node)) {
    const name = node.text;
    const local = declared.lines(parsed.file)?.get(name);
    if (local !== undefined) return {name, file: parsed.file, line: local, symbol: `${parsed.file}#${name}`};
    const imported = parsed.imports.get(name);
    const target = imported && resolveImport(parsed.file, imported.specifier, files);
    if (imported && target) {
      const declaredName = imported.name === 'default' ? declared.defaultName(target) ?? 'default' : imported.name;
      const line = declared.lines(target)?.get(declaredName) ?? 1;
      return {name, file: target, line, symbol: `${target}#${declaredName}`};
    }
    return {name, ...here};
  }
  if (ts.isPropertyAccessExpression(node) && ts.isIdentifier(node.expression)) {
    // `users.list` with `import * as users from './users'`: the function `list` of that file.
    const imported = parsed.imports.get(node.expression.text);
    const target = imported?.name === '*' ? resolveImport(parsed.file, imported.specifier, files) : undefined;
    const line = target ? declared.lines(target)?.get(node.name.text) : undefined;
    if (target && line !== undefined) return {name: textOf(node), file: target, line, symbol: `${target}#${node.name.text}`};
    return {name: textOf(node), ...here};
  }
  if (ts.isCallExpression(node)) return {name: `${textOf(node.expression)}()`, ...here};
  return {name: '(inline)', ...here};
}

const NEST_METHODS: Record<string, string> = {Get: 'GET', Post: 'POST', Put: 'PUT', Patch: 'PATCH', Delete: 'DELETE', Head: 'HEAD', Options: 'OPTIONS', All: 'ALL'};

function decorators(node: ts.Node): {name: string; args: readonly ts.Expression[]}[] {
  const list = ts.canHaveDecorators(node) ? ts.getDecorators(node) ?? [] : [];
  return list.flatMap((decorator) => {
    const expression = decorator.expression;
    if (ts.isCallExpression(expression)) {
      const name = calleeName(expression.expression);
      return name ? [{name, args: expression.arguments}] : [];
    }
    return [];
  });
}

/** A NestJS controller: `@Controller('users')` on the class, `@Get(':id')` on its methods. */
function readController(node: ts.ClassDeclaration, parsed: ParsedFile, result: FileRoutes): void {
  const classDecorators = decorators(node);
  const controller = classDecorators.find((d) => d.name === 'Controller');
  if (!controller || !node.name) return;
  const first = controller.args[0];
  const prefix = stringValue(first) ?? (first && ts.isObjectLiteralExpression(first) ? stringValue(first.properties.find((p): p is ts.PropertyAssignment => ts.isPropertyAssignment(p) && ts.isIdentifier(p.name) && p.name.text === 'path')?.initializer) : undefined) ?? '';
  const guards = (list: typeof classDecorators) => list.filter((d) => d.name === 'UseGuards' || d.name === 'UseInterceptors').flatMap((d) => d.args.map(middlewareName));
  const classGuards = guards(classDecorators);
  for (const member of node.members) {
    if (!ts.isMethodDeclaration(member) || !member.name || !ts.isIdentifier(member.name)) continue;
    const own = decorators(member);
    for (const decorator of own) {
      const method = NEST_METHODS[decorator.name];
      if (!method) continue;
      result.routes.push({
        method,
        path: joinPaths(prefix, stringValue(decorator.args[0]) ?? ''),
        framework: 'nestjs',
        kind: 'api',
        file: parsed.file,
        line: lineOf(member),
        handler: {name: `${node.name.text}.${member.name.text}`, file: parsed.file, line: lineOf(member), symbol: `${parsed.file}#${node.name.text}`},
        middleware: [...classGuards, ...guards(own)],
        receiver: '',
      });
    }
  }
}

/** `/api` + `users/:id` → `/api/users/:id`; never a double or trailing slash (but `/` stays). */
export function joinPaths(...parts: string[]): string {
  const joined = parts.map((part) => part.replace(/^\/+|\/+$/g, '')).filter(Boolean).join('/');
  return `/${joined}`;
}

export function isAuth(middleware: readonly string[]): boolean {
  return middleware.some((name) => AUTH.test(name));
}
