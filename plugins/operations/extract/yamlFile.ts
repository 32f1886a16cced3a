/**
 * YAML files of the target through core's guarded parser, with the line of any node, and a
 * malformed file turned into a problem (file:line) instead of an exception, so the rest is built.
 */
import {isMap, isScalar, isSeq, type Document, type LineCounter, type Node} from 'yaml';
import {isUserError} from '../../core/errors';
import {parseYaml} from '../../core/parseYaml';

export interface Problem {
  file: string;
  line?: number;
  message: string;
}

export interface YamlDoc {
  value: unknown;
  /** Line of the node at a path of keys and indexes (1-based), else of the document's start. */
  lineOf(path: (string | number)[]): number;
}

/**
 * Parses every document of a file (`---` separated, as k8s manifests are), each with its own lines.
 * @returns the documents, or a problem for the first that fails.
 */
export function parseYamlDocs(file: string, text: string): {docs: YamlDoc[]; problem?: Problem} {
  const docs: YamlDoc[] = [];
  const parts = splitDocuments(text);
  for (const part of parts) {
    if (!part.text.trim()) continue;
    try {
      const parsed = parseYaml(part.text, {file, firstLine: part.firstLine, merge: true});
      docs.push(wrap(parsed.value, parsed.document, parsed.lineCounter, part.firstLine));
    } catch (error) {
      if (!isUserError(error)) throw error;
      return {docs, problem: {file, line: error.details.line, message: error.message}};
    }
  }
  return {docs};
}

function splitDocuments(text: string): {text: string; firstLine: number}[] {
  const lines = text.split('\n');
  const parts: {text: string; firstLine: number}[] = [];
  let start = 0;
  for (let i = 0; i <= lines.length; i++) {
    if (i === lines.length || /^---\s*(#.*)?$/.test(lines[i]!)) {
      parts.push({text: lines.slice(start, i).join('\n'), firstLine: start + 1});
      start = i + 1;
    }
  }
  return parts;
}

function wrap(value: unknown, document: Document, lineCounter: LineCounter, firstLine: number): YamlDoc {
  return {
    value,
    lineOf(path) {
      let node: unknown = document.contents;
      let line = firstLine;
      for (const key of path) {
        if (isMap(node)) {
          const pair = node.items.find((item) => (isScalar(item.key) ? item.key.value : item.key) === key);
          if (!pair) break;
          const keyNode = pair.key as Node | undefined;
          if (keyNode?.range) line = lineCounter.linePos(keyNode.range[0]).line + firstLine - 1;
          node = pair.value;
        } else if (isSeq(node) && typeof key === 'number') {
          const item = node.items[key] as Node | undefined;
          if (!item) break;
          if (item.range) line = lineCounter.linePos(item.range[0]).line + firstLine - 1;
          node = item;
        } else break;
      }
      return line;
    },
  };
}

export const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);
export const asString = (value: unknown): string | undefined => (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean' ? String(value) : undefined);
