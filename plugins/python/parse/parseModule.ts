/**
 * One Python file → its facts, from the syntax tree of @lezer/python (pure JavaScript: no native
 * build, no interpreter, nothing of the target is run; see docs/adr/0040). The parser recovers from
 * errors, so a file with a syntax error still gives what it could read, plus the line of the error.
 */
import type {SyntaxNode} from '@lezer/common';
import {parser} from '@lezer/python';
import type {PyDef, PyImport, PyModuleFacts, PyParam, PySignature} from './facts';
import {readFramework} from './frameworks';
import {children, Reader} from './reader';
import {stringValue} from '../../core/pythonStrings';

/** Values longer than this are cut: a signature is not the place for a 3 000-character literal. */
const VALUE_MAX = 80;

/** The docstring of a body: its first statement, when that is a string. */
function docstringOf(reader: Reader, statements: SyntaxNode[]): string | undefined {
  const first = statements.find((node) => node.name !== ':' && node.name !== 'Comment');
  if (first?.name !== 'ExpressionStatement') return undefined;
  const expr = first.firstChild;
  if (expr?.name !== 'String' && expr?.name !== 'ContinuedString') return undefined;
  return stringValue(reader.text(expr));
}

/** A string statement right after an assignment documents it (the convention Sphinx and griffe follow). */
function followingDoc(reader: Reader, statement: SyntaxNode): string | undefined {
  const next = statement.nextSibling;
  if (next?.name !== 'ExpressionStatement' || (next.firstChild?.name !== 'String' && next.firstChild?.name !== 'ContinuedString')) return undefined;
  return stringValue(reader.text(next.firstChild));
}

export function parseModule(source: string): PyModuleFacts {
  const reader = new Reader(source);
  const tree = parser.parse(source);
  const facts: PyModuleFacts = {imports: [], starImports: [], defs: [], syntaxErrors: []};
  tree.iterate({
    enter(node) {
      // @lezer/python 1.1 rejects a bare `yield` (no value), which Python accepts: not the author's error.
      if (node.type.isError && facts.syntaxErrors.length < 20 && !/\byield\s*$/.test(source.slice(Math.max(0, node.from - 40), node.from))) {
        const near = source.slice(node.from, node.from + 20).split('\n')[0]!.trim();
        facts.syntaxErrors.push({line: reader.line(node.from), message: near ? `unexpected \`${near}\`` : 'unexpected end of statement'});
      }
    },
  });
  const statements = children(tree.topNode);
  const doc = docstringOf(reader, statements);
  if (doc !== undefined) facts.doc = doc;
  readStatements(reader, statements, facts, true);
  return facts;
}

/** Module-level statements; the bodies of `if`/`try` blocks count as module level (`if TYPE_CHECKING:`, `try: import x`). */
function readStatements(reader: Reader, statements: SyntaxNode[], facts: PyModuleFacts, top: boolean): void {
  for (const statement of statements) {
    switch (statement.name) {
      case 'ImportStatement':
        readImport(reader, statement, facts);
        break;
      case 'IfStatement':
      case 'TryStatement':
      case 'WithStatement':
        for (const body of statement.getChildren('Body')) readStatements(reader, children(body), facts, false);
        break;
      case 'StatementGroup':
        readStatements(reader, children(statement), facts, top);
        break;
      default: {
        if (readAll(reader, statement, facts)) break;
        if (readFramework(reader, statement, facts)) break;
        const def = readDefinition(reader, statement, false);
        if (def) for (const one of def) upsert(facts.defs, one);
      }
    }
  }
}

/** A later definition of a name replaces the earlier one, but keeps its place (Python's last binding wins). */
function upsert(defs: PyDef[], def: PyDef): void {
  const at = defs.findIndex((other) => other.name === def.name);
  if (at === -1) defs.push(def);
  else if (!(defs[at]!.kind !== 'variable' && def.kind === 'variable' && def.value === 'None')) defs[at] = def;
}

function readImport(reader: Reader, statement: SyntaxNode, facts: PyModuleFacts): void {
  const parts = children(statement);
  const line = reader.line(statement.from);
  if (parts[0]?.name === 'from') {
    let module = '';
    let i = 1;
    for (; i < parts.length && parts[i]!.name !== 'import'; i++) module += reader.text(parts[i]);
    for (i++; i < parts.length; i++) {
      const part = parts[i]!;
      if (part.name === '*') facts.starImports.push(module);
      if (part.name !== 'VariableName') continue;
      const name = reader.text(part);
      const alias = parts[i + 1]?.name === 'as' ? reader.text(parts[i + 2]) : undefined;
      if (alias) i += 2;
      facts.imports.push({local: alias ?? name, module, name, line});
    }
    return;
  }
  // import a.b.c [as d], e
  let dotted = '';
  for (let i = 1; i <= parts.length; i++) {
    const part = parts[i];
    if (!part || part.name === ',') {
      if (dotted) facts.imports.push({local: dotted.split('.')[0]!, module: dotted, line} satisfies PyImport);
      dotted = '';
    } else if (part.name === 'as') {
      facts.imports.push({local: reader.text(parts[i + 1]), module: dotted, line});
      dotted = '';
      i++;
    } else dotted += reader.text(part);
  }
}

/** `__all__ = [...]`, `__all__ += [...]`, `__all__.extend([...])`, `__all__.append("x")`: true when the statement was about `__all__`. */
function readAll(reader: Reader, statement: SyntaxNode, facts: PyModuleFacts): boolean {
  const first = statement.firstChild;
  const strings = (node: SyntaxNode | null | undefined): string[] | undefined => {
    if (!node) return undefined;
    if (node.name === 'String') return [stringValue(reader.text(node))];
    if (node.name !== 'ArrayExpression' && node.name !== 'TupleExpression' && node.name !== 'ParenthesizedExpression') {
      if (node.name === 'BinaryExpression') {
        const [left, , right] = children(node);
        const a = strings(left);
        const b = strings(right);
        return a && b ? [...a, ...b] : undefined;
      }
      return undefined;
    }
    const items = children(node).filter((child) => !['[', ']', '(', ')', ','].includes(child.name));
    return items.every((item) => item.name === 'String') ? items.map((item) => stringValue(reader.text(item))) : undefined;
  };
  if ((statement.name === 'AssignStatement' || statement.name === 'UpdateStatement') && reader.text(first) === '__all__' && first?.name === 'VariableName') {
    const value = statement.lastChild;
    const names = strings(value) ?? [];
    facts.all = statement.name === 'UpdateStatement' ? [...(facts.all ?? []), ...names] : names;
    facts.allLine ??= reader.line(statement.from);
    return true;
  }
  if (statement.name === 'ExpressionStatement' && first?.name === 'CallExpression') {
    const callee = reader.text(first.firstChild);
    if (callee === '__all__.extend' || callee === '__all__.append') {
      const arg = children(first.getChild('ArgList')!).find((child) => !['(', ')', ','].includes(child.name));
      facts.all = [...(facts.all ?? []), ...(strings(arg) ?? [])];
      return true;
    }
  }
  return false;
}

/** A def, class, assignment or `type` statement → definitions (an assignment may bind several names). */
export function readDefinition(reader: Reader, statement: SyntaxNode, inClass: boolean): PyDef[] | undefined {
  if (statement.name === 'DecoratedStatement') {
    const decorators = statement.getChildren('Decorator').map((node) => reader.oneLine(node).replace(/^@\s*/, ''));
    const inner = statement.getChild('FunctionDefinition') ?? statement.getChild('ClassDefinition');
    if (!inner) return undefined;
    const defs = readDefinition(reader, inner, inClass);
    return defs?.map((def) => ({...def, line: reader.line(statement.from), decorators}));
  }
  if (statement.name === 'FunctionDefinition') {
    const name = reader.text(statement.getChild('VariableName'));
    const body = statement.getChild('Body');
    const doc = body ? docstringOf(reader, children(body)) : undefined;
    const returns = statement.getChild('TypeDef');
    const signature: PySignature = {params: readParams(reader, statement.getChild('ParamList')), line: reader.line(statement.from)};
    if (returns) signature.returns = annotationOf(reader, returns);
    const def: PyDef = {name, kind: 'function', line: reader.line(statement.from), signatures: [signature]};
    if (statement.getChild('async')) def.async = true;
    if (doc !== undefined) def.doc = doc;
    if (inClass && name === '__init__' && body) {
      const attributes: PyDef[] = [];
      collectSelfAttributes(reader, body, attributes);
      if (attributes.length > 0) def.members = attributes;
    }
    return [def];
  }
  if (statement.name === 'ClassDefinition') {
    const name = reader.text(statement.getChild('VariableName'));
    const args = statement.getChild('ArgList');
    const bases = args ? positionalArgs(reader, args) : [];
    const body = statement.getChild('Body');
    const statements = body ? children(body) : [];
    const def: PyDef = {name, kind: 'class', line: reader.line(statement.from), bases, members: []};
    const doc = docstringOf(reader, statements);
    if (doc !== undefined) def.doc = doc;
    for (const member of statements) {
      const nested = member.name === 'StatementGroup' ? children(member) : [member];
      for (const one of nested) for (const found of readDefinition(reader, one, true) ?? []) addMember(def.members!, found);
    }
    return [def];
  }
  if (statement.name === 'TypeDefinition') {
    const parts = children(statement);
    const name = reader.text(parts.find((part) => part.name === 'VariableName'));
    const value = parts[parts.length - 1];
    return [{name, kind: 'type', line: reader.line(statement.from), annotation: reader.oneLine(value)}];
  }
  if (statement.name === 'AssignStatement') return readAssignment(reader, statement);
  return undefined;
}

/** Overloads and property setters share a name: they become one member with several signatures. */
function addMember(members: PyDef[], def: PyDef): void {
  const existing = members.find((other) => other.name === def.name);
  if (!existing) {
    members.push(def);
    return;
  }
  if (existing.kind === 'function' && def.kind === 'function') {
    const overloads = (existing.decorators ?? []).some(isOverload);
    if (overloads && def.decorators?.some(isOverload)) existing.signatures = [...(existing.signatures ?? []), ...(def.signatures ?? [])];
    else if (!overloads && !(existing.decorators ?? []).includes('property')) Object.assign(existing, def);
    // A setter (`@x.setter`) or the implementation after overloads adds nothing to show.
    return;
  }
  Object.assign(existing, def);
}

export function isOverload(decorator: string): boolean {
  return decorator === 'overload' || decorator === 'typing.overload' || decorator === 'typing_extensions.overload';
}

function readAssignment(reader: Reader, statement: SyntaxNode): PyDef[] | undefined {
  const parts = children(statement);
  const targets: SyntaxNode[] = [];
  let annotation: string | undefined;
  let value: SyntaxNode | undefined;
  for (let i = 0; i < parts.length; i++) {
    const part = parts[i]!;
    if (part.name === 'TypeDef') annotation = annotationOf(reader, part);
    else if (part.name === 'AssignOp') value = parts[i + 1];
    else if (!value && part.name === 'VariableName') targets.push(part);
  }
  // `a = b = 3`: the value is the last expression.
  const last = parts[parts.length - 1];
  if (value && last && last !== value && parts.filter((part) => part.name === 'AssignOp').length > 1) value = last;
  // `a, b = 1, 2` binds names without a value of their own.
  const tuple = parts.some((part, i) => part.name === ',' && parts.slice(0, i).every((before) => before.name !== 'AssignOp'));
  if (targets.length === 0) return undefined;
  const doc = followingDoc(reader, statement);
  return targets.map((target) => {
    const def: PyDef = {name: reader.text(target), kind: 'variable', line: reader.line(statement.from)};
    if (annotation) def.annotation = annotation;
    if (value && !tuple) {
      def.value = reader.oneLine(value, VALUE_MAX);
      const description = value.name === 'CallExpression' ? keywordString(reader, value, 'description') : undefined;
      if (description) def.fieldDoc = description;
      if (/^(typing\.)?TypeAlias$/.test(annotation ?? '')) {
        def.kind = 'type';
        def.annotation = reader.oneLine(value);
        delete def.value;
      }
    }
    if (doc !== undefined) def.doc = doc;
    return def;
  });
}

/** `Field(..., description="...")`: a literal keyword argument of a call. */
function keywordString(reader: Reader, call: SyntaxNode, keyword: string): string | undefined {
  const args = call.getChild('ArgList');
  if (!args) return undefined;
  const parts = children(args);
  for (let i = 0; i < parts.length; i++) {
    if (parts[i]!.name === 'VariableName' && reader.text(parts[i]) === keyword && parts[i + 1]?.name === 'AssignOp' && parts[i + 2]?.name === 'String') {
      return stringValue(reader.text(parts[i + 2]));
    }
  }
  return undefined;
}

/** `self.x = ...` and `self.x: T = ...` in `__init__` (and the blocks inside it): instance attributes. */
function collectSelfAttributes(reader: Reader, node: SyntaxNode, out: PyDef[]): void {
  for (const statement of children(node)) {
    if (statement.name === 'AssignStatement') {
      const target = statement.firstChild;
      if (target?.name === 'MemberExpression' && reader.text(target.firstChild) === 'self' && target.getChild('PropertyName')) {
        const name = reader.text(target.getChild('PropertyName'));
        if (out.some((def) => def.name === name)) continue;
        const def: PyDef = {name, kind: 'variable', line: reader.line(statement.from), instance: true};
        const annotation = statement.getChild('TypeDef');
        if (annotation) def.annotation = annotationOf(reader, annotation);
        const doc = followingDoc(reader, statement);
        if (doc !== undefined) def.doc = doc;
        out.push(def);
      }
    } else if (['Body', 'IfStatement', 'TryStatement', 'WithStatement', 'ForStatement', 'StatementGroup'].includes(statement.name)) {
      collectSelfAttributes(reader, statement, out);
    }
  }
}

function annotationOf(reader: Reader, typeDef: SyntaxNode): string {
  return reader.oneLine(typeDef).replace(/^(:|->)\s*/, '');
}

/** Class bases: the positional arguments of the class's argument list. */
function positionalArgs(reader: Reader, args: SyntaxNode): string[] {
  const out: string[] = [];
  const parts = children(args).filter((part) => part.name !== '(' && part.name !== ')');
  let current: SyntaxNode[] = [];
  const flush = () => {
    if (current.length === 1) out.push(reader.oneLine(current[0]));
    current = [];
  };
  for (const part of parts) {
    if (part.name === ',') flush();
    else current.push(part);
  }
  flush();
  return out;
}

function readParams(reader: Reader, list: SyntaxNode | null): PyParam[] {
  if (!list) return [];
  const params: PyParam[] = [];
  const parts = children(list).filter((part) => part.name !== '(' && part.name !== ')');
  let star = '';
  let keywordOnly = false;
  let current: PyParam | undefined;
  // `/` has no node of its own: it shows as text between two commas.
  let previousEnd = list.from + 1;
  for (let i = 0; i < parts.length; i++) {
    const part = parts[i]!;
    const gap = reader.source.slice(previousEnd, part.from);
    previousEnd = part.to;
    if (gap.includes('/')) for (const param of params) param.kind ??= 'positional-only';
    if (part.name === '*' || part.name === '**') {
      if (part.name === '*') keywordOnly = true;
      // A bare `*` only marks what follows as keyword-only.
      star = part.name === '*' && (!parts[i + 1] || parts[i + 1]!.name === ',') ? '' : part.name;
      continue;
    }
    if (part.name === 'VariableName') {
      current = {name: `${star}${reader.text(part)}`};
      if (keywordOnly && !star) current.kind = 'keyword-only';
      star = '';
      params.push(current);
    } else if (part.name === 'TypeDef' && current) current.annotation = annotationOf(reader, part);
    else if (part.name === 'AssignOp' && current && parts[i + 1]) {
      current.default = reader.oneLine(parts[i + 1], VALUE_MAX);
      previousEnd = parts[i + 1]!.to;
      i++;
    }
  }
  if (reader.source.slice(previousEnd, list.to).includes('/')) for (const param of params) param.kind ??= 'positional-only';
  return params;
}

