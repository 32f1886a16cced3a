/**
 * Where each declaration of a Go file starts and ends, for `<CodeSnippet symbol=...>`: read with
 * Lezer's Go grammar (@lezer/go, the parser CodeMirror uses; pure JavaScript, docs/adr/0050), so
 * braces in strings, runes, raw strings and comments never end a body early.
 *
 * Names, as `go doc` spells them: `Name` for a function, type, constant or variable; `Type.Method`
 * for a method, whatever its receiver (`*Type`, `Type[T]`); `Type.Field` for a struct field or an
 * interface's method. A declaration in a group (`const ( ... )`) is that spec alone; a lone one is
 * the whole declaration. Each range starts at the doc comment right above it (no blank line between).
 */
import type {SyntaxNode} from '@lezer/common';
import {parser} from '@lezer/go';

/** 0-based offsets in the file's text. */
interface Range {
  start: number;
  end: number;
}

const SPECS: Record<string, string> = {TypeDecl: 'TypeSpec', ConstDecl: 'ConstSpec', VarDecl: 'VarSpec'};

export function goRanges(text: string): Map<string, Range> {
  const ranges = new Map<string, Range>();
  // The first declaration of a name wins: Go allows several `func init()`.
  const add = (name: string, node: SyntaxNode) => {
    if (name && !ranges.has(name)) ranges.set(name, {start: docStart(text, node), end: node.to});
  };
  const nameOf = (node: SyntaxNode | null) => (node ? text.slice(node.from, node.to) : '');
  for (let node = parser.parse(text).topNode.firstChild; node; node = node.nextSibling) {
    if (node.name === 'FunctionDecl') add(nameOf(node.getChild('DefName')), node);
    else if (node.name === 'MethodDecl') {
      const receiver = receiverType(node.getChild('Parameters'));
      const method = nameOf(node.getChild('FieldName'));
      if (receiver && method) add(`${nameOf(receiver)}.${method}`, node);
    } else if (SPECS[node.name]) {
      const list = node.getChild('SpecList');
      // `const X = 1` is the whole declaration; `const ( X = 1 )` cites the spec of X alone.
      for (const spec of list ? list.getChildren(SPECS[node.name]!) : node.getChildren(SPECS[node.name]!)) {
        const target = list ? spec : node;
        for (const name of spec.getChildren('DefName')) add(nameOf(name), target);
        if (node.name === 'TypeDecl') members(spec, nameOf(spec.getChild('DefName')), add, nameOf);
      }
    }
  }
  return ranges;
}

/** A struct's fields and an interface's methods, as `Type.Name`. */
function members(spec: SyntaxNode, type: string, add: (name: string, node: SyntaxNode) => void, nameOf: (node: SyntaxNode | null) => string): void {
  const body = spec.getChild('StructType')?.getChild('StructBody') ?? spec.getChild('InterfaceType')?.getChild('InterfaceBody');
  if (!body || !type) return;
  for (let member = body.firstChild; member; member = member.nextSibling) {
    if (member.name === 'FieldDecl' || member.name === 'MethodElem') {
      for (const field of member.getChildren('FieldName')) add(`${type}.${nameOf(field)}`, member);
    }
  }
}

/** The receiver's type name: `T` of `(t T)`, `(t *T)`, `(t T[K, V])` or `(T)`. */
function receiverType(parameters: SyntaxNode | null): SyntaxNode | undefined {
  let node = parameters?.getChild('Parameter') ?? null;
  // Down through `*T` and `T[K]` to the first type name.
  while (node && node.name !== 'TypeName') {
    node = node.getChild('TypeName') ?? node.getChild('PointerType') ?? node.getChild('ParameterizedType') ?? null;
  }
  return node ?? undefined;
}

/** Where the comments right above a node begin (a doc comment ends on the line before it). */
function docStart(text: string, node: SyntaxNode): number {
  let start = node.from;
  for (let previous = node.prevSibling; previous && (previous.name === 'LineComment' || previous.name === 'BlockComment'); previous = previous.prevSibling) {
    const between = text.slice(previous.to, start);
    // Only the line break that ends the comment: a blank line means the comment is not this declaration's.
    if (!/^[ \t]*\r?\n[ \t]*$/.test(between)) break;
    // A comment after code on its line (`X = 1 // note`) belongs to that code.
    const lineStart = text.lastIndexOf('\n', previous.from - 1) + 1;
    if (text.slice(lineStart, previous.from).trim() !== '') break;
    start = previous.from;
  }
  return start;
}
