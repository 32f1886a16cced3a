/**
 * The target's files as the operations extractors read them: only files the discovery pass listed
 * (context.inventory.files, so nothing outside the target and nothing ignored), each read at most
 * once per build and never above a size cap (a generated or minified file says nothing about
 * operations and would cost the whole budget).
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import type {TargetContext} from '../../core/types';

/** Source and config files above this are skipped: hand-written ones are far smaller. */
export const MAX_SOURCE_BYTES = 512 * 1024;

/** Lock files of large monorepos run to tens of megabytes; above this, versions show as ranges. */
export const MAX_LOCKFILE_BYTES = 64 * 2 ** 20;

export interface Sources {
  readonly files: readonly string[];
  /** The file's text, or undefined when it is missing, too large or not text. */
  read(file: string): Promise<string | undefined>;
  /** Whether the inventory lists the file. */
  has(file: string): boolean;
  /** A lock file: larger than sources, read once with its own cap. */
  readLarge(file: string): Promise<string | undefined>;
}

export function createSources(context: Pick<TargetContext, 'root' | 'inventory'>): Sources {
  const cache = new Map<string, Promise<string | undefined>>();
  const listed = new Set(context.inventory.files);
  const load = async (file: string, max = MAX_SOURCE_BYTES): Promise<string | undefined> => {
    const absolute = path.join(context.root, file);
    const stat = await fs.stat(absolute).catch(() => undefined);
    if (!stat?.isFile() || stat.size > max) return undefined;
    const text = await fs.readFile(absolute, 'utf8').catch(() => undefined);
    // A NUL byte: binary, not text.
    return text === undefined || text.includes('\u0000') ? undefined : text;
  };
  return {
    files: context.inventory.files,
    has: (file) => listed.has(file),
    readLarge: (file) => (listed.has(file) ? load(file, MAX_LOCKFILE_BYTES) : Promise.resolve(undefined)),
    read(file) {
      if (!listed.has(file)) return Promise.resolve(undefined);
      let entry = cache.get(file);
      if (!entry) {
        entry = load(file);
        cache.set(file, entry);
      }
      return entry;
    },
  };
}

/** 1-based line of a character offset. */
export function lineOf(text: string, offset: number): number {
  let line = 1;
  for (let i = text.indexOf('\n'); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) line++;
  return line;
}

/** Line starts of a text, for many offset → line lookups. */
export function lineIndex(text: string): (offset: number) => number {
  const starts = [0];
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  return (offset) => {
    let low = 0;
    let high = starts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (starts[mid]! <= offset) low = mid;
      else high = mid - 1;
    }
    return low + 1;
  };
}

/**
 * The comment right above a line (`//`, `#`, or the last `/** … *\/` block), joined into one
 * sentence: how code documents a setting it reads.
 */
export function commentAbove(lines: readonly string[], index: number): string | undefined {
  const collected: string[] = [];
  let i = index - 1;
  if (i >= 0 && /\*\/\s*$/.test(lines[i]!)) {
    for (; i >= 0; i--) {
      const line = lines[i]!;
      collected.unshift(line.replace(/^\s*\/\*\*?|\*\/\s*$/g, '').replace(/^\s*\*\s?/, '').trim());
      if (/^\s*\/\*/.test(line)) break;
    }
  } else {
    for (; i >= 0; i--) {
      const match = /^\s*(?:\/\/+|#+)\s?(.*)$/.exec(lines[i]!);
      if (!match || /^\s*#!/.test(lines[i]!)) break;
      collected.unshift(match[1]!.trim());
    }
  }
  const sentence = collected.filter((line) => line && !line.startsWith('@') && !/^eslint|^noqa|^type:|^nolint/.test(line)).join(' ').trim();
  return sentence || undefined;
}

/** Files of a kind by extension. */
export const SOURCE_LANGUAGE: Record<string, 'ts' | 'js' | 'python' | 'go'> = {
  ts: 'ts',
  tsx: 'ts',
  mts: 'ts',
  cts: 'ts',
  js: 'js',
  jsx: 'js',
  mjs: 'js',
  cjs: 'js',
  py: 'python',
  go: 'go',
};

export function languageOf(file: string): 'ts' | 'js' | 'python' | 'go' | undefined {
  if (file.endsWith('.d.ts')) return undefined;
  return SOURCE_LANGUAGE[path.posix.extname(file).slice(1).toLowerCase()];
}

/** Offset of the start of the line holding `offset`. */
export function lineStart(text: string, offset: number): number {
  return text.lastIndexOf('\n', offset - 1) + 1;
}

/** A match in a comment (a doc comment's example, a commented-out line) is no read. */
export function inComment(line: string, column: number): boolean {
  const before = line.slice(0, column);
  return /^\s*(\*|\/\*|\/\/|#)/.test(line) || before.includes('//');
}


/**
 * Tests, fixtures and examples of test code set up the environment for themselves: what they read is
 * not the configuration of what ships.
 */
export const TEST_FILE = /(^|\/)(test|tests|__tests__|__mocks__|__fixtures__|e2e|spec|fixtures?|testdata)\/|(^|\/)fixture[A-Z][^/]*\.\w+$|[._-](test|spec)\.\w+$|_test\.(go|py)$|(^|\/)test_[^/]*\.py$|(^|\/)conftest\.py$/;
