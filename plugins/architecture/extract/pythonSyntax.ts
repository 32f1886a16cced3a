/**
 * Small readers over @lezer/python's syntax tree shared by the SQLAlchemy/SQLModel and Alembic
 * readers: a call's positional and keyword arguments, a string literal's value, a node's line.
 */
import type {SyntaxNode} from '@lezer/common';
import {parser} from '@lezer/python';
import {stringValue} from '../../core/pythonStrings';

export class PySource {
  private readonly lineStarts: number[] = [0];
  readonly top: SyntaxNode;

  constructor(readonly text: string) {
    for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) this.lineStarts.push(i + 1);
    this.top = parser.parse(text).topNode;
  }

  of(node: SyntaxNode | null | undefined): string {
    return node ? this.text.slice(node.from, node.to) : '';
  }

  line(node: SyntaxNode): number {
    let low = 0;
    let high = this.lineStarts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (this.lineStarts[mid]! <= node.from) low = mid;
      else high = mid - 1;
    }
    return low + 1;
  }

  /** A string literal's value, or undefined for anything else (an f-string is not a name). */
  string(node: SyntaxNode | undefined): string | undefined {
    if (!node || node.name !== 'String' || /^[fFbB]/.test(this.of(node))) return undefined;
    return stringValue(this.of(node));
  }
}

export function childrenOf(node: SyntaxNode): SyntaxNode[] {
  const out: SyntaxNode[] = [];
  for (let child = node.firstChild; child; child = child.nextSibling) if (child.name !== 'Comment') out.push(child);
  return out;
}

export interface PyCall {
  /** The callee's last name: `Column` for `sa.Column`. */
  name: string;
  positional: SyntaxNode[];
  keywords: Map<string, SyntaxNode>;
}

/** A call expression's callee and arguments (lezer's ArgList is flat: `name = value` are siblings). */
export function callOf(source: PySource, node: SyntaxNode | null | undefined): PyCall | undefined {
  if (node?.name !== 'CallExpression') return undefined;
  const callee = node.firstChild!;
  const name = callee.name === 'MemberExpression' ? source.of(callee.lastChild) : source.of(callee);
  const args = node.getChild('ArgList');
  const positional: SyntaxNode[] = [];
  const keywords = new Map<string, SyntaxNode>();
  const parts = args ? childrenOf(args).filter((child) => !['(', ')'].includes(child.name)) : [];
  let group: SyntaxNode[] = [];
  const flush = () => {
    if (group.length === 3 && group[1]!.name === 'AssignOp') keywords.set(source.of(group[0]), group[2]!);
    else if (group.length === 1) positional.push(group[0]!);
    group = [];
  };
  for (const part of parts) {
    if (part.name === ',') flush();
    else group.push(part);
  }
  flush();
  return {name, positional, keywords};
}

/** `True`/`False` keyword values. */
export function isTrue(source: PySource, node: SyntaxNode | undefined): boolean {
  return source.of(node) === 'True';
}
