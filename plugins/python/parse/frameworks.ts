/**
 * What web frameworks declare at module level, read from the syntax like the rest of a module's
 * facts: Django's `urlpatterns`, Django REST framework's `router.register(...)` and FastAPI/Flask
 * mounts (`include_router`, `register_blueprint`).
 * Literal routes only: exact or nothing (docs/adr/0046).
 */
import type {SyntaxNode} from '@lezer/common';
import type {PyModuleFacts, PyUrlPattern} from './facts';
import {children, type Reader} from './reader';
import {stringValue} from '../../core/pythonStrings';

/** The callee, positional and keyword arguments of a call, as nodes. */
function callOf(reader: Reader, call: SyntaxNode): {callee: string; positional: SyntaxNode[]; keywords: Map<string, SyntaxNode>} {
  const parts = children(call.getChild('ArgList') ?? call).filter((part) => !['(', ')', ','].includes(part.name));
  const positional: SyntaxNode[] = [];
  const keywords = new Map<string, SyntaxNode>();
  for (let i = 0; i < parts.length; i++) {
    if (parts[i]!.name === 'VariableName' && parts[i + 1]?.name === 'AssignOp' && parts[i + 2]) {
      keywords.set(reader.text(parts[i]), parts[i + 2]!);
      i += 2;
    } else positional.push(parts[i]!);
  }
  return {callee: reader.text(call.firstChild), positional, keywords};
}

const literal = (reader: Reader, node: SyntaxNode | undefined): string | undefined => (node?.name === 'String' ? stringValue(reader.text(node)) : undefined);

/**
 * Django's `urlpatterns` and FastAPI/Flask mounts (`include_router`, `register_blueprint`): true when
 * the statement was one (`urlpatterns` is also kept as a variable). Literal routes only: exact or nothing.
 */
export function readFramework(reader: Reader, statement: SyntaxNode, facts: PyModuleFacts): boolean {
  const first = statement.firstChild;
  if ((statement.name === 'AssignStatement' || statement.name === 'UpdateStatement') && first?.name === 'VariableName' && reader.text(first) === 'urlpatterns') {
    const list = statement.lastChild;
    // `urlpatterns = router.urls`, `urlpatterns += router.urls`: the router's routes at the root.
    const router = routerUrls(reader, list);
    if (router !== undefined) {
      const pattern: PyUrlPattern = {call: 'path', route: '', router, line: reader.line(statement.from)};
      facts.urlPatterns = statement.name === 'UpdateStatement' ? [...(facts.urlPatterns ?? []), pattern] : [pattern];
      return false;
    }
    if (list?.name !== 'ArrayExpression' && list?.name !== 'TupleExpression') return false;
    const patterns = children(list).filter((item) => item.name === 'CallExpression').flatMap((item) => urlPattern(reader, item));
    facts.urlPatterns = statement.name === 'UpdateStatement' ? [...(facts.urlPatterns ?? []), ...patterns] : patterns;
    return false;
  }
  if (statement.name === 'ExpressionStatement' && first?.name === 'CallExpression') {
    const {callee, positional, keywords} = callOf(reader, first);
    const register = /^([\w.]+)\.register$/.exec(callee);
    const prefix = literal(reader, positional[0]);
    // `admin.site.register(Model)` has no literal prefix: only a router's register is read.
    if (register && prefix !== undefined && positional[1]) {
      const basename = literal(reader, keywords.get('basename') ?? keywords.get('base_name') ?? positional[2]);
      (facts.registrations ??= []).push({router: register[1]!, viewset: reader.oneLine(positional[1]), prefix, ...(basename !== undefined ? {basename} : {}), line: reader.line(statement.from)});
      return true;
    }
    const mount = /^([\w.]+)\.(include_router|register_blueprint)$/.exec(callee);
    if (!mount || !positional[0]) return false;
    const mountPrefix = literal(reader, keywords.get(mount[2] === 'include_router' ? 'prefix' : 'url_prefix'));
    (facts.mounts ??= []).push({on: mount[1]!, router: reader.oneLine(positional[0]), ...(mountPrefix !== undefined ? {prefix: mountPrefix} : {}), line: reader.line(statement.from)});
    return true;
  }
  return false;
}

/** `router.urls` (a Django REST framework router's patterns): the router as written. */
function routerUrls(reader: Reader, node: SyntaxNode | null | undefined): string | undefined {
  if (node?.name !== 'MemberExpression') return undefined;
  return /^([\w.]+)\.urls$/.exec(reader.oneLine(node))?.[1];
}

function urlPattern(reader: Reader, call: SyntaxNode): PyUrlPattern[] {
  const {callee, positional, keywords} = callOf(reader, call);
  const kind = /(?:^|\.)(path|re_path|url)$/.exec(callee)?.[1] as PyUrlPattern['call'] | undefined;
  const route = literal(reader, positional[0]);
  const target = positional[1];
  if (!kind || route === undefined || !target) return [];
  const name = literal(reader, keywords.get('name'));
  const base = {call: kind, route, line: reader.line(call.from), ...(name !== undefined ? {name} : {})};
  if (target.name === 'CallExpression' && /(?:^|\.)include$/.test(reader.text(target.firstChild))) {
    const arg = callOf(reader, target).positional[0];
    // `include(('app.urls', 'app'))`: the module is the tuple's first item.
    const module = literal(reader, arg?.name === 'TupleExpression' || arg?.name === 'ParenthesizedExpression' ? children(arg).find((item) => item.name === 'String') : arg);
    const router = routerUrls(reader, arg);
    if (router !== undefined) return [{...base, router}];
    return module !== undefined ? [{...base, include: module}] : [];
  }
  return [{...base, view: reader.oneLine(target)}];
}
