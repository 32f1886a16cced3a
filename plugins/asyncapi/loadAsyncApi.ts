/**
 * Finds AsyncAPI descriptions by their `asyncapi:` root key (YAML or JSON, no config) and reads each
 * with `@asyncapi/parser`, the ecosystem's own validator. `$ref`s are followed to files inside the
 * repository only: a reference out of it, or to the web, is not fetched but reported, as ADR 0022
 * requires of every target input.
 */
import fs from 'node:fs';
import fsp from 'node:fs/promises';
import path from 'node:path';
import type {AsyncAPIDocumentInterface, Diagnostic, Parser} from '@asyncapi/parser';
import {isInside} from '../core/resolveTarget';
import type {TargetContext} from '../core/types';

/** Larger descriptions are generated or hostile; the parser holds several copies in memory. */
export const MAX_ASYNCAPI_BYTES = 16 * 2 ** 20;

const TEST_FOLDER = /(^|\/)(tests?|__tests__|fixtures?|__fixtures__|testdata|test-data|__mocks__)\//i;
const ROOT_KEY = /^(?:asyncapi\s*:|\{\s*"asyncapi"\s*:)/m;

export interface AsyncApiProblem {
  file: string;
  line?: number;
  key?: string;
  message: string;
  fatal: boolean;
}

export interface LoadedAsyncApi {
  file: string;
  document?: AsyncAPIDocumentInterface;
  problems: AsyncApiProblem[];
}

/** YAML and JSON files whose first lines open with the `asyncapi` key, relative POSIX paths, sorted. */
export async function discoverAsyncApi(context: TargetContext): Promise<string[]> {
  const found: string[] = [];
  for (const file of context.inventory.files) {
    if (!/\.(ya?ml|json)$/i.test(file) || TEST_FOLDER.test(file)) continue;
    if (ROOT_KEY.test(await head(path.join(context.root, file)))) found.push(file);
  }
  return found;
}

/** The first KB: enough for the root key after a comment header, without reading large data files. */
async function head(file: string): Promise<string> {
  const handle = await fsp.open(file, 'r');
  try {
    const buffer = Buffer.alloc(1024);
    const {bytesRead} = await handle.read(buffer, 0, buffer.length, 0);
    return buffer.subarray(0, bytesRead).toString('utf8');
  } finally {
    await handle.close();
  }
}

/**
 * One parser for the build: creating it loads the rulesets, which costs more than most parses. The
 * parser and its validator (Spectral) take ~0.6 s to load, so they are imported only for a target
 * that has a description: `check` and builds of other targets never pay for them.
 */
export async function createAsyncApiParser(root: string, blocked: {file?: string; ref: string}[]): Promise<Parser> {
  const {Parser} = await import('@asyncapi/parser');
  const refuse = (ref: string) => {
    blocked.push({ref});
    // A string ends the resolver chain: the parser's own file and http readers never see the ref.
    return '{}';
  };
  return new Parser({
    __unstable: {
      resolver: {
        cache: false,
        resolvers: [
          {
            schema: 'file',
            order: 1,
            read: (uri) => {
              const file = decodeURIComponent(uri.path());
              if (!isInside(root, file)) return refuse(path.relative(root, file).split(path.sep).join('/'));
              let real: string;
              try {
                real = fs.realpathSync(file);
              } catch {
                return undefined;
              }
              if (!isInside(root, real) || fs.statSync(real).size > MAX_ASYNCAPI_BYTES) return refuse(path.relative(root, file).split(path.sep).join('/'));
              return fs.readFileSync(real, 'utf8');
            },
          },
          {schema: 'http', order: 1, read: (uri) => refuse(uri.toString())},
          {schema: 'https', order: 1, read: (uri) => refuse(uri.toString())},
        ],
      },
    },
  });
}

export async function loadAsyncApi(root: string, file: string, parser: Parser, blocked: {ref: string}[]): Promise<LoadedAsyncApi> {
  const absolute = path.join(root, file);
  const size = (await fsp.stat(absolute)).size;
  if (size > MAX_ASYNCAPI_BYTES) {
    return {file, problems: [{file, message: `the file has ${size} bytes, more than the ${MAX_ASYNCAPI_BYTES} read`, fatal: true}]};
  }
  const text = await fsp.readFile(absolute, 'utf8');
  blocked.length = 0;
  let output: {document?: AsyncAPIDocumentInterface; diagnostics: Diagnostic[]};
  try {
    output = await parser.parse(text, {source: absolute});
  } catch (error) {
    return {file, problems: [{file, message: `cannot parse: ${error instanceof Error ? error.message : String(error)}`, fatal: true}]};
  }
  const problems: AsyncApiProblem[] = [];
  // Errors only: the parser's warnings are style advice (a contact, a license, tags), not ours to impose (ADR 0020).
  for (const diagnostic of output.diagnostics) {
    if (diagnostic.severity !== 0) continue;
    const source = diagnostic.source && path.isAbsolute(diagnostic.source) && isInside(root, diagnostic.source) ? path.relative(root, diagnostic.source).split(path.sep).join('/') : file;
    problems.push({
      file: source,
      line: diagnostic.range.start.line + 1,
      ...(diagnostic.path.length > 0 ? {key: diagnostic.path.map(String).join('.')} : {}),
      message: diagnostic.message,
      fatal: !output.document,
    });
  }
  for (const {ref} of blocked) {
    problems.push({file, message: `$ref "${ref}" leads outside the repository and was not followed`, fatal: false});
  }
  if (!output.document && problems.length === 0) problems.push({file, message: 'not an AsyncAPI description the parser can read', fatal: true});
  return {file, document: output.document, problems};
}
