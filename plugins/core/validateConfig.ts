/**
 * Reads and validates the target's config file (found by loadConfig.ts). A broken file is a UserError
 * naming the file, the line where there is one, the key, what is wrong and how to fix it. Its
 * dependencies (zod, yaml, jiti for a .ts file) are loaded only when the target has a config file.
 */
import path from 'node:path';
import {createJiti} from 'jiti';
import {isMap, isScalar, isSeq, type Document, type LineCounter} from 'yaml';
import {closest, distance} from 'fastest-levenshtein';
import type * as z from 'zod';
import {configSchema, CONFIG_EXAMPLES, CONFIG_KEYS, knownKeysAt, type DocsArchitectConfig} from './configSchema';
import {UserError} from './errors';
import {readYamlFile} from './parseYaml';

interface RawConfig {
  value: unknown;
  /** For YAML and JSON files: the parsed document, to find the line of a key. */
  document?: Document;
  lineCounter?: LineCounter;
}

export async function readConfigFile(file: string): Promise<RawConfig> {
  const ext = path.extname(file).slice(1);
  if (ext === 'json' || ext === 'yaml' || ext === 'yml') {
    // JSON is valid YAML 1.2, so one parser gives both formats line numbers (and the same limits).
    const {value, document, lineCounter} = await readYamlFile(file, {syntax: ext === 'json' ? 'JSON' : 'YAML'});
    return {value: value ?? {}, document, lineCounter};
  }
  try {
    const jiti = createJiti(__filename, {moduleCache: false, fsCache: false});
    const loaded: unknown = await jiti.import(file, {default: true});
    const value = typeof loaded === 'function' ? await (loaded as () => unknown)() : loaded;
    return {value};
  } catch (error) {
    const message = (error instanceof Error ? error.message.split('\n')[0]! : String(error)).trim();
    throw new UserError(`cannot load the file: ${message}`, {
      file,
      line: lineOfLoadError(error),
      fix: 'Make it a module whose default export is the config object (or a function returning it)',
    });
  }
}

function lineOfLoadError(error: unknown): number | undefined {
  const match = error instanceof Error ? /\((\d+):(\d+)\)|:(\d+):\d+/.exec(error.message) : null;
  const line = match?.[1] ?? match?.[3];
  return line ? Number(line) : undefined;
}

export function validateConfig(
  value: unknown,
  file: string,
  document?: Document,
  lineCounter?: LineCounter,
): DocsArchitectConfig {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    throw new UserError('the config must be an object of keys and values', {
      file,
      fix: `Write keys such as ${CONFIG_EXAMPLES.title}`,
    });
  }
  const result = configSchema.safeParse(value, {reportInput: true});
  if (result.success) {
    return result.data;
  }
  const errors = result.error.issues
    .flatMap((issue) => issueToErrors(issue, file, document, lineCounter))
    .sort((a, b) => (a.details.line ?? 0) - (b.details.line ?? 0));
  const [first, ...rest] = errors;
  first!.related.push(...rest);
  throw first!;
}

function issueToErrors(
  issue: z.core.$ZodIssue,
  file: string,
  document?: Document,
  lineCounter?: LineCounter,
): UserError[] {
  const keyPath = issue.path.map(String);
  const line = (pathToKey: string[]) => lineOfKey(document, lineCounter, pathToKey);
  if (issue.code === 'unrecognized_keys') {
    // An unknown key inside an object (openapi.spec) is compared with the keys of that object.
    const known = keyPath.length > 0 ? knownKeysAt(keyPath) : CONFIG_KEYS;
    return issue.keys.map((unknownKey) => {
      const suggestion = known.length > 0 ? closest(unknownKey, known) : undefined;
      const similar = suggestion && isSimilar(unknownKey, suggestion);
      return new UserError('unknown key', {
        file,
        line: line([...keyPath, unknownKey]),
        key: [...keyPath, unknownKey].join('.'),
        fix: similar
          ? `Did you mean "${suggestion}"? Rename it`
          : `Remove it; the known keys${keyPath.length > 0 ? ` of ${keyPath.join('.')}` : ''} are ${known.join(', ')}`,
      });
    });
  }
  const key = keyPath.join('.');
  const topKey = keyPath[0] as keyof DocsArchitectConfig | undefined;
  const example = topKey && CONFIG_EXAMPLES[topKey] ? `, e.g. ${CONFIG_EXAMPLES[topKey]}` : '';
  return [
    new UserError(describeIssue(issue), {
      file,
      line: line(keyPath),
      key,
      fix: `Set it to ${expected(issue)}${example}`,
    }),
  ];
}

function describeIssue(issue: z.core.$ZodIssue): string {
  if (issue.code === 'invalid_type') {
    return `expected ${issue.expected}, got ${typeOf(issue.input)}`;
  }
  return issue.message.replace(/^Invalid input: /, '').replace(/^Invalid/, 'invalid');
}

function expected(issue: z.core.$ZodIssue): string {
  if (issue.code === 'invalid_type') {
    return issue.expected === 'array' ? 'a list' : `a ${issue.expected}`;
  }
  if (issue.code === 'invalid_format' && issue.format === 'url') {
    return 'a full http(s) URL';
  }
  if (issue.code === 'invalid_value') {
    return `one of ${issue.values.map((value) => JSON.stringify(value)).join(', ')}`;
  }
  if (issue.code === 'too_small' || issue.code === 'too_big') {
    return `a value ${issue.code === 'too_small' ? 'of at least' : 'of at most'} ${String(issue.code === 'too_small' ? issue.minimum : issue.maximum)}`;
  }
  return 'a valid value';
}

function typeOf(input: unknown): string {
  if (input === null) return 'null';
  if (Array.isArray(input)) return 'a list';
  return typeof input;
}

function isSimilar(a: string, b: string): boolean {
  return distance(a.toLowerCase(), b.toLowerCase()) <= Math.max(2, Math.floor(b.length / 3));
}

/** The 1-based line of a key in a YAML/JSON document, or undefined for code configs. */
function lineOfKey(document: Document | undefined, lineCounter: LineCounter | undefined, keyPath: string[]) {
  if (!document || !lineCounter) return undefined;
  let node: unknown = document.contents;
  let offset: number | undefined;
  for (const key of keyPath) {
    if (isSeq(node) && /^\d+$/.test(key)) {
      // A list item (`extra.0`): its own line, where the item starts.
      const item = node.items[Number(key)] as {range?: [number, number, number]} | undefined;
      if (!item) break;
      offset = item.range?.[0] ?? offset;
      node = item;
      continue;
    }
    if (!isMap(node)) break;
    const pair = node.items.find((item) => isScalar(item.key) && String(item.key.value) === key);
    if (!pair) break;
    offset = isScalar(pair.key) ? pair.key.range?.[0] : undefined;
    node = pair.value;
  }
  return offset === undefined ? undefined : lineCounter.linePos(offset).line;
}
