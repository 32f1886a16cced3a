/**
 * Lines of keys in a parsed YAML document, so each element can link to the line that declares it.
 */
import {isMap, isScalar, isSeq, type Node} from 'yaml';
import type {ParsedYaml} from '../../core/parseYaml';

/**
 * The 1-based line of the key (or list item) at `path`, else of the nearest ancestor found; `offset`
 * is the line the text starts on in its file (for documents after the first of a multi-document file).
 */
export function lineOf(parsed: ParsedYaml, path: (string | number)[], offset = 1): number {
  let node: unknown = parsed.document.contents;
  let start = 0;
  for (const step of path) {
    if (isMap(node)) {
      const pair = node.items.find((item) => isScalar(item.key) && String(item.key.value) === String(step));
      if (!pair) break;
      start = (pair.key as Node).range?.[0] ?? start;
      node = pair.value;
    } else if (isSeq(node) && typeof step === 'number') {
      const item = node.items[step] as Node | undefined;
      if (!item) break;
      start = item.range?.[0] ?? start;
      node = item;
    } else break;
  }
  return parsed.lineCounter.linePos(start).line + offset - 1;
}
