/**
 * The one way YAML (and JSON read as YAML) from a target is parsed: with a size cap and a bound on
 * alias expansion, so that a hostile file fails in milliseconds with a readable message instead of
 * costing minutes and gigabytes (a "billion laughs" of nested aliases, or one big anchor repeated).
 * Every problem is a UserError naming the file, the line when there is one, and what to do.
 */
import fsSync from 'node:fs';
import fs from 'node:fs/promises';
import {LineCounter, parseDocument, type Document} from 'yaml';
import {UserError} from './errors';

/** Files of settings (config, workspace lists, front matter): far below this in practice. */
export const MAX_YAML_BYTES = 2 ** 20;

/**
 * Uses of aliases the `yaml` library allows (its `maxAliasCount`: an alias counts as many times as
 * the aliases inside what it names). Its default of 100 refuses real files that name one anchor a few
 * hundred times; a bomb's count multiplies per level, so 10,000 still stops one within microseconds.
 */
export const MAX_ALIAS_COUNT = 10_000;

/**
 * Values the data may gain when every alias is written out, beyond the ones the file holds. Catches
 * what the alias count does not: one large anchored node repeated thousands of times.
 */
export const MAX_EXPANDED_VALUES = 1_000_000;

export interface ParseYamlOptions {
  /** For messages: the file the text came from. */
  file: string;
  /** Bytes the text may have (UTF-8). Default MAX_YAML_BYTES. */
  maxBytes?: number;
  /** Line of the file the text starts on (front matter starts on line 2). Default 1. */
  firstLine?: number;
  /** Names the syntax in messages: `JSON` for a .json file. Default `YAML`. */
  syntax?: 'YAML' | 'JSON';
  /** Refuse duplicate keys (the default, as the YAML specification does). */
  uniqueKeys?: boolean;
  /** Honour YAML 1.1 merge keys (`<<: *base`), as js-yaml does for API descriptions. */
  merge?: boolean;
}

export interface ParsedYaml {
  value: unknown;
  /** Kept with its node ranges, for callers that locate a key's line. */
  document: Document;
  lineCounter: LineCounter;
}

/** Reads and parses a file, refusing one over the size cap before reading it. */
export async function readYamlFile(file: string, options: Omit<ParseYamlOptions, 'file'> = {}): Promise<ParsedYaml> {
  const maxBytes = options.maxBytes ?? MAX_YAML_BYTES;
  const handle = await fs.open(file, 'r');
  try {
    const {size} = await handle.stat();
    checkSize(size, maxBytes, file);
    return parseYaml(await handle.readFile('utf8'), {...options, file});
  } finally {
    await handle.close();
  }
}

/** readYamlFile for synchronous callers. */
export function readYamlFileSync(file: string, options: Omit<ParseYamlOptions, 'file'> = {}): ParsedYaml {
  checkSize(fsSync.statSync(file).size, options.maxBytes ?? MAX_YAML_BYTES, file);
  return parseYaml(fsSync.readFileSync(file, 'utf8'), {...options, file});
}

/** Parses text; throws a UserError for a file over the cap, a syntax error or too much aliasing. */
export function parseYaml(text: string, options: ParseYamlOptions): ParsedYaml {
  const {file, firstLine = 1, syntax = 'YAML'} = options;
  // Characters count at least one byte each: the exact count is only needed near the cap.
  const maxBytes = options.maxBytes ?? MAX_YAML_BYTES;
  if (text.length > maxBytes / 3) checkSize(Buffer.byteLength(text, 'utf8'), maxBytes, file);
  const lineCounter = new LineCounter();
  const document = parseDocument(text, {lineCounter, prettyErrors: false, uniqueKeys: options.uniqueKeys ?? true, merge: options.merge ?? false});
  const lineAt = (offset: number) => lineCounter.linePos(offset).line + firstLine - 1;
  const [first] = document.errors;
  if (first) {
    throw new UserError(`cannot parse the file: ${first.message.split('\n')[0]}`, {file, line: lineAt(first.pos[0]), fix: `Fix the ${syntax} syntax on that line`});
  }
  let value: unknown;
  try {
    value = document.toJS({maxAliasCount: MAX_ALIAS_COUNT});
  } catch (error) {
    // The library throws a ReferenceError for an alias to nothing and for excessive aliasing.
    const message = error instanceof Error ? error.message : String(error);
    if (/excessive alias/i.test(message)) throw aliasError(file);
    throw new UserError(`cannot parse the file: ${message.split('\n')[0]}`, {file, fix: `Fix the ${syntax} in that file`});
  }
  if (valuesAddedByAliases(value) > MAX_EXPANDED_VALUES) throw aliasError(file);
  return {value, document, lineCounter};
}

function checkSize(bytes: number, maxBytes: number, file: string): void {
  if (bytes <= maxBytes) return;
  throw new UserError(`the file has ${bytes.toLocaleString('en')} bytes, over the ${megabytes(maxBytes)} a file of this kind may have, so it is not read`, {
    file,
    fix: 'Make the file smaller (split it, or move data out of it)',
  });
}

function aliasError(file: string): UserError {
  return new UserError(`its aliases (\`*name\`) expand to more than ${MAX_EXPANDED_VALUES.toLocaleString('en')} values or ${MAX_ALIAS_COUNT.toLocaleString('en')} uses, so it is not read (an "alias bomb"?)`, {
    file,
    fix: 'Write the repeated parts out, or use fewer and smaller aliases',
  });
}

function megabytes(bytes: number): string {
  return `${Number((bytes / 2 ** 20).toFixed(2))} MB`;
}

/**
 * How many more values the data holds with every alias written out than the file itself holds.
 * Aliases become shared objects, so each object is measured once and its size reused where it
 * appears again: linear in the file, whatever the expansion.
 */
export function valuesAddedByAliases(root: unknown): number {
  const sizes = new Map<object, number>();
  let own = 0;
  const measure = (value: unknown): number => {
    if (value === null || typeof value !== 'object') {
      own++;
      return 1;
    }
    const known = sizes.get(value);
    if (known !== undefined) return known;
    own++;
    // A cycle (an alias inside its own anchor) counts once, while it is being measured.
    sizes.set(value, 1);
    let size = 1;
    for (const child of Array.isArray(value) ? value : Object.values(value)) {
      if (child !== null && typeof child === 'object') size += measure(child);
      else {
        own++;
        size++;
      }
    }
    sizes.set(value, size);
    return size;
  };
  return measure(root) - own;
}
