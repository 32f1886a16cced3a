/**
 * Reading @lezer/python's tree against its source: a node's text, one line of it, its line number,
 * and a node's children without comments.
 */
import type {SyntaxNode} from '@lezer/common';

export class Reader {
  private readonly lineStarts: number[] = [0];

  constructor(readonly source: string) {
    for (let i = source.indexOf('\n'); i !== -1; i = source.indexOf('\n', i + 1)) this.lineStarts.push(i + 1);
  }

  text(node: SyntaxNode | null | undefined): string {
    return node ? this.source.slice(node.from, node.to) : '';
  }

  /** One line: whitespace runs (line breaks inside brackets) become one space. */
  oneLine(node: SyntaxNode | null | undefined, max = Infinity): string {
    const value = this.text(node).replace(/\s*\n\s*/g, ' ').replace(/,\s*([)\]}])/g, '$1').trim();
    return value.length > max ? `${value.slice(0, max - 1)}…` : value;
  }

  line(pos: number): number {
    let low = 0;
    let high = this.lineStarts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (this.lineStarts[mid]! <= pos) low = mid;
      else high = mid - 1;
    }
    return low + 1;
  }
}

export function children(node: SyntaxNode): SyntaxNode[] {
  const out: SyntaxNode[] = [];
  for (let child = node.firstChild; child; child = child.nextSibling) if (child.name !== 'Comment') out.push(child);
  return out;
}
