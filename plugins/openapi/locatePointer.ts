/**
 * JSON pointer → line, for problems a validator reports by pointer. The file is parsed with the
 * `yaml` package (JSON is YAML 1.2), keeping node ranges, and a LineCounter turns an offset into a
 * line. Parsing is done once per file and only for files that have problems.
 */
import {isAlias, isMap, isPair, isScalar, isSeq, LineCounter, parseDocument, type Document, type Node} from 'yaml';

export interface PointerLocator {
  /** 1-based line of the node the pointer names, or of its deepest existing ancestor. */
  lineOf(pointer: string): number | undefined;
}

export function createPointerLocator(text: string): PointerLocator {
  const lineCounter = new LineCounter();
  // Duplicate keys and other YAML errors do not matter here: the validator has already spoken.
  const document = parseDocument(text, {lineCounter, uniqueKeys: false, prettyErrors: false});
  return {
    lineOf(pointer) {
      const offset = offsetOf(document, splitPointer(pointer));
      return offset === undefined ? undefined : lineCounter.linePos(offset).line;
    },
  };
}

/** `#/paths/~1pets/get` → `['paths', '/pets', 'get']` (RFC 6901, and URI-encoded fragments). */
export function splitPointer(pointer: string): string[] {
  const body = pointer.replace(/^#/, '').replace(/^\//, '');
  if (body === '') return [];
  return body.split('/').map((segment) => {
    const unescaped = segment.replaceAll('~1', '/').replaceAll('~0', '~');
    try {
      return decodeURIComponent(unescaped);
    } catch {
      return unescaped;
    }
  });
}

function offsetOf(document: Document, segments: string[]): number | undefined {
  let node: unknown = document.contents;
  let offset = rangeStart(node);
  for (const segment of segments) {
    node = resolveAlias(document, node);
    let next: unknown;
    let keyOffset: number | undefined;
    if (isMap(node)) {
      const pair = node.items.find((item) => isPair(item) && keyText(item.key) === segment);
      if (!pair) break;
      keyOffset = rangeStart(pair.key);
      next = pair.value;
    } else if (isSeq(node) && /^\d+$/.test(segment)) {
      next = node.items[Number(segment)];
      if (next === undefined) break;
    } else {
      break;
    }
    // A key's line is where a reader looks for it; an array item has no key, so its own line.
    offset = keyOffset ?? rangeStart(next) ?? offset;
    node = next;
  }
  return offset;
}

function keyText(key: unknown): string | undefined {
  if (isScalar(key)) return String(key.value);
  return undefined;
}

function resolveAlias(document: Document, node: unknown): unknown {
  return isAlias(node) ? node.resolve(document) : node;
}

function rangeStart(node: unknown): number | undefined {
  const range = (node as Node | null | undefined)?.range;
  return range ? range[0] : undefined;
}
