/**
 * A front matter problem as a UserError: file, line, field and fix, printed on one line like every
 * other mistake (`docs/ops.md:4: audience[1]: unknown audience "srr". Did you mean "sre"? ...`).
 */
import path from 'node:path';
import {isMap, isScalar, isSeq, LineCounter, parseDocument} from 'yaml';
import {UserError} from '../core/errors';
import type {FrontMatterProblem} from './frontMatterSchema';

/** `audience.primary[0]`: object keys joined with dots, list indices in brackets. */
export function formatKey(keyPath: readonly (string | number)[]): string {
  return keyPath.map((part, i) => (typeof part === 'number' ? `[${part}]` : i === 0 ? part : `.${part}`)).join('');
}

/** Relative to the working directory when inside it, so editors and terminals can open it. */
export function displayPath(file: string, cwd = process.cwd()): string {
  const relative = path.relative(cwd, file);
  return relative && !relative.startsWith('..') && !path.isAbsolute(relative) ? relative.split(path.sep).join('/') : file;
}

const FRONT_MATTER = /^\uFEFF?---[ \t]*\r?\n([\s\S]*?)\r?\n---[ \t]*(?:\r?\n|$)/;

/** The 1-based line in the file of a key or list item of its YAML front matter. */
export function frontMatterLine(fileContent: string, keyPath: readonly (string | number)[]): number | undefined {
  const block = FRONT_MATTER.exec(fileContent);
  if (!block) return undefined;
  const lineCounter = new LineCounter();
  const document = parseDocument(block[1]!, {lineCounter});
  let node: unknown = document.contents;
  let offset: number | undefined;
  for (const key of keyPath) {
    if (isMap(node)) {
      const pair = node.items.find((item) => isScalar(item.key) && String(item.key.value) === String(key));
      if (!pair) break;
      offset = isScalar(pair.key) ? pair.key.range?.[0] : offset;
      node = pair.value;
    } else if (isSeq(node) && typeof key === 'number') {
      const item = node.items[key] as {range?: [number, number, number]} | undefined;
      if (!item) break;
      offset = item.range?.[0] ?? offset;
      node = item;
    } else {
      break;
    }
  }
  // The YAML starts on the file's second line, after the opening `---`.
  return offset === undefined ? undefined : lineCounter.linePos(offset).line + 1;
}

export function problemToError(problem: FrontMatterProblem, file: string, fileContent: string): UserError {
  return new UserError(problem.message, {
    file: displayPath(file),
    line: frontMatterLine(fileContent, problem.path),
    key: formatKey(problem.path),
    fix: problem.fix,
  });
}

/** Identifies a problem so that it is reported once, however many times the file is parsed. */
export function problemId(file: string, problem: FrontMatterProblem): string {
  return [file, formatKey(problem.path), JSON.stringify(problem.value) ?? ''].join('\0');
}
