/**
 * Reads, validates and bundles one API description with @redocly/openapi-core: the root file and
 * every file its `$ref`s reach become one document whose refs all point inside it. Swagger 2.0 is
 * converted to OpenAPI 3.0 (swagger2openapi) after validation, so problems point into the file the
 * author wrote.
 *
 * Two kinds of problems (see docs/adr/0020):
 * - fatal: the file cannot be read or parsed, it is not an OpenAPI/Swagger document, or a `$ref`
 *   leads nowhere. Nothing trustworthy can be rendered; the section becomes an error page.
 * - invalid: the document breaks the OpenAPI schema somewhere (Redocly's `struct` rule). It is
 *   rendered, and every problem is a build warning (so strict mode fails).
 */
import fsSync from 'node:fs';
import fs from 'node:fs/promises';
import path from 'node:path';
import {BaseResolver, bundle, createConfig, detectSpec, lint, type Config, type Document, type NormalizedProblem, type Source} from '@redocly/openapi-core';
import {convertObj} from 'swagger2openapi';
import {isObject, resolvePointer} from './components';
import {createPointerLocator, type PointerLocator} from './locatePointer';
import type {SpecFormat, SpecProblem} from './model';
import {isInside} from '../core/resolveTarget';
import {isUserError, UserError} from '../core/errors';
import {parseYaml} from '../core/parseYaml';

export type LoadedSpec =
  | {ok: true; document: Record<string, unknown>; format: SpecFormat; files: string[]; problems: SpecProblem[]}
  | {ok: false; files: string[]; problems: SpecProblem[]};

/**
 * Bytes one file of a description may have. The largest public descriptions we know are under 50 MB
 * (docs/http-api.md); a bigger file is refused before it is read, with a message, as a budget.
 */
export const MAX_DESCRIPTION_BYTES = 64 * 2 ** 20;

/** At most this many problems are located and reported per spec; the rest are counted. */
export const MAX_REPORTED_PROBLEMS = 50;

/** The validator's rules: the OpenAPI schema and refs, not style. Created once per build. */
export function createValidatorConfig(): Promise<Config> {
  return createConfig({rules: {struct: 'error', 'no-unresolved-refs': 'error'}});
}

/**
 * @param root the target's root; problems name files relative to it.
 * @param file the spec's root file, relative to `root`.
 */
export async function loadSpec(root: string, file: string, config: Config): Promise<LoadedSpec> {
  const absolute = path.join(root, file);
  const relative = (abs: string) => toRelative(root, abs);
  const fatal = (problem: Omit<SpecProblem, 'file'> & {file?: string}): LoadedSpec => ({
    ok: false,
    files: [file],
    problems: [{...problem, file: problem.file ?? file}],
  });

  const head = await readHead(absolute);
  if (head instanceof Error) return fatal({message: `cannot read the file (${head.message})`});
  if (head.text.trim() === '') return fatal({message: 'the file is empty'});
  if (head.size > MAX_DESCRIPTION_BYTES) return fatal({message: tooBig(head.size)});

  // Lint first: bundling rewrites the resolver's cached documents in place.
  const resolver = new TargetResolver(root);
  let lintProblems: NormalizedProblem[];
  try {
    lintProblems = await lint({ref: absolute, config, externalRefResolver: resolver});
  } catch (error) {
    return fatal(describeLoadError(error, relative));
  }

  const errors = lintProblems.filter((problem) => problem.severity === 'error' && !problem.ignored);
  const located = await locateProblems(errors.slice(0, MAX_REPORTED_PROBLEMS), relative);
  if (errors.length > MAX_REPORTED_PROBLEMS) {
    located.push({file, message: `and ${errors.length - MAX_REPORTED_PROBLEMS} more problems of the same kinds`});
  }
  const unresolved = located.filter((problem) => problem.rule === 'no-unresolved-refs' && !isMappingProblem(problem));
  if (unresolved.length > 0) return {ok: false, files: [file], problems: unresolved};

  let bundled: Awaited<ReturnType<typeof bundle>>;
  try {
    bundled = await bundle({ref: absolute, config, externalRefResolver: resolver, dereference: false});
  } catch (error) {
    return fatal(describeLoadError(error, relative));
  }
  const files = [file, ...[...bundled.fileDependencies].map(relative).filter((dep) => dep !== file).sort()];
  const parsed = bundled.bundle.parsed as Record<string, unknown>;

  // Redocly reads a discriminator mapping's bare schema name (`cat: Cat`) as a file ref; OpenAPI
  // allows it. Only a mapping that names no schema at all is a problem, and not a fatal one.
  const problems = located.filter((problem) => !(isMappingProblem(problem) && problem.file === file && mappingResolves(parsed, problem.pointer!)));
  const format = formatOf(parsed);
  if (!format) {
    return {
      ok: false,
      files,
      problems: [{file, pointer: '#/', message: 'not an OpenAPI 3.x or Swagger 2.0 document: it needs an `openapi: 3.x.y` or `swagger: "2.0"` field'}],
    };
  }
  if (format !== 'swagger-2.0') return {ok: true, document: parsed, format, files, problems};
  try {
    const converted = await convertObj(parsed, {patch: true, warnOnly: true, text: '{}', resolveInternal: false});
    return {ok: true, document: converted.openapi, format, files, problems};
  } catch (error) {
    return fatal({message: `cannot convert this Swagger 2.0 document to OpenAPI 3: ${firstLine(error)}`});
  }
}

/**
 * Follows `$ref`s to files of the target only: a ref to a file outside the repository (`../../x`,
 * or a link leading out) or to a URL is not read, and is reported as an unresolved ref, with why.
 * Builds stay offline and never read outside the target.
 */
class TargetResolver extends BaseResolver {
  constructor(private readonly root: string) {
    super();
  }

  override async loadExternalRef(absoluteRef: string) {
    if (/^[a-z][a-z0-9+.-]*:\/\//i.test(absoluteRef)) {
      throw new Error(`remote $ref "${absoluteRef}" is not fetched (builds stay offline): copy the file into the repository and refer to it by a relative path`);
    }
    let real = absoluteRef;
    try {
      real = fsSync.realpathSync(absoluteRef);
    } catch {
      // missing: the base class reports it
    }
    if (!isInside(this.root, absoluteRef) || !isInside(this.root, real)) {
      throw new Error(`$ref "${absoluteRef}" points outside the repository and is not read: move the file into the repository`);
    }
    const size = fsSync.statSync(real, {throwIfNoEntry: false})?.size ?? 0;
    if (size > MAX_DESCRIPTION_BYTES) throw new UserError(tooBig(size), {file: absoluteRef});
    return super.loadExternalRef(absoluteRef);
  }

  /**
   * YAML goes through core's guarded parser (alias limits, size cap) instead of Redocly's js-yaml,
   * which shares aliased nodes: a small "billion laughs" file then costs minutes and gigabytes in
   * every walk of the tree. JSON is read with JSON.parse (a key given twice keeps its last value).
   */
  override parseDocument(source: Source, isRoot?: boolean): Document {
    // Redocly leaves other files' text as it is (unless they are the root): so do we.
    const parsesAsYaml = isRoot || /\.(ya?ml|json)$/.test(source.absoluteRef) || /(json|yaml|openapi)/.test(source.mimeType ?? '');
    if (!parsesAsYaml || /\.(graphql|gql)$/i.test(source.absoluteRef)) return super.parseDocument(source, isRoot);
    // JSON cannot alias, and JSON.parse reads it several times faster than a YAML parser.
    const json = parseJson(source.body);
    if (json !== undefined) return {source, parsed: json};
    try {
      return {source, parsed: parseYaml(source.body, {file: source.absoluteRef, maxBytes: MAX_DESCRIPTION_BYTES, merge: true}).value};
    } catch (error) {
      // A referenced file's problem is reported at the $ref, by message only: the message names the file.
      if (isRoot || !isUserError(error)) throw error;
      const where = `${toRelative(this.root, source.absoluteRef)}${error.details.line ? `:${error.details.line}` : ''}`;
      throw new UserError(`${where}: ${error.message}`, error.details);
    }
  }
}

/** The value of a text that is JSON, else undefined (then it is YAML, or broken). */
function parseJson(body: string): unknown {
  if (!/^\s*[{[]/.test(body)) return undefined;
  try {
    return JSON.parse(body) as unknown;
  } catch {
    return undefined;
  }
}

function tooBig(bytes: number): string {
  return `the file is ${(bytes / 2 ** 20).toFixed(1)} MB, over the ${MAX_DESCRIPTION_BYTES / 2 ** 20} MB a description file may have, and is not read (split it into files joined by $ref)`;
}

function isMappingProblem(problem: SpecProblem): boolean {
  return problem.rule === 'no-unresolved-refs' && /\/discriminator\/mapping\/[^/]+$/.test(problem.pointer ?? '');
}

function mappingResolves(document: Record<string, unknown>, pointer: string): boolean {
  const name = resolvePointer(document, pointer);
  if (typeof name !== 'string' || name.includes('/') || name.startsWith('#')) return false;
  const schemas = resolvePointer(document, '#/components/schemas');
  return isObject(schemas) && Object.hasOwn(schemas, name);
}

function formatOf(document: Record<string, unknown>): SpecFormat | undefined {
  let version: string;
  try {
    version = detectSpec(document);
  } catch {
    return undefined;
  }
  const formats: Record<string, SpecFormat> = {
    oas2: 'swagger-2.0',
    oas3_0: 'openapi-3.0',
    oas3_1: 'openapi-3.1',
    oas3_2: 'openapi-3.2',
  };
  return formats[version];
}

/** The first bytes of the file and its size: enough to tell an unreadable, empty or oversized file from a bad document. */
async function readHead(file: string): Promise<{text: string; size: number} | Error> {
  try {
    const handle = await fs.open(file, 'r');
    try {
      const buffer = Buffer.alloc(4096);
      const {bytesRead} = await handle.read(buffer, 0, buffer.length, 0);
      return {text: buffer.subarray(0, bytesRead).toString('utf8'), size: (await handle.stat()).size};
    } finally {
      await handle.close();
    }
  } catch (error) {
    return new Error(error instanceof Error && 'code' in error ? String(error.code) : firstLine(error));
  }
}

/** Redocly's exceptions (parse errors, unreadable refs, unknown document kinds) as problems. */
function describeLoadError(error: unknown, relative: (abs: string) => string): Omit<SpecProblem, 'file'> & {file?: string} {
  // Core's YAML parser, directly or wrapped by Redocly's resolver: it already says what is wrong, and where.
  const own = isUserError(error) ? error : isUserError((error as {originalError?: unknown})?.originalError) ? (error as {originalError: UserError}).originalError : undefined;
  if (own) return {file: own.details.file ? relative(own.details.file) : undefined, line: own.details.line, message: own.message};
  const err = error as {name?: string; line?: number; source?: {absoluteRef?: string}; originalError?: {message?: string; code?: string}};
  if (err?.name === 'YamlParseError' || (err?.line !== undefined && err?.source?.absoluteRef)) {
    const reason = (err.originalError?.message ?? firstLine(error)).split('\n')[0]!.replace(/ in "[^"]*" \(\d+:\d+\)$/, '');
    return {
      file: err.source?.absoluteRef ? relative(err.source.absoluteRef) : undefined,
      // Redocly takes js-yaml's "(line:column)", which counts from 1.
      line: typeof err.line === 'number' && err.line > 0 ? err.line : undefined,
      message: `cannot parse the file: ${reason}`,
    };
  }
  const message = firstLine(error);
  if (/Unsupported specification/i.test(message)) {
    return {pointer: '#/', message: 'not an OpenAPI 3.x or Swagger 2.0 document: it needs an `openapi: 3.x.y` or `swagger: "2.0"` field'};
  }
  if (/Document must be JSON object/i.test(message)) {
    return {pointer: '#/', message: 'the file is not a YAML or JSON object'};
  }
  if (err?.name === 'ResolveError') {
    return {message: `cannot read the file (${err.originalError?.code ?? message})`};
  }
  return {message: `cannot load the description: ${message}`};
}

async function locateProblems(problems: NormalizedProblem[], relative: (abs: string) => string): Promise<SpecProblem[]> {
  const locators = new Map<string, PointerLocator>();
  const out: SpecProblem[] = [];
  for (const problem of problems) {
    const location = problem.location[0];
    const source = location?.source;
    let line: number | undefined;
    if (source && location.pointer) {
      let locator = locators.get(source.absoluteRef);
      if (!locator) {
        locator = createPointerLocator(source.body);
        locators.set(source.absoluteRef, locator);
      }
      line = locator.lineOf(location.pointer);
    }
    out.push({
      message: problem.message.replace(/\.$/, ''),
      file: source ? relative(source.absoluteRef) : '',
      line,
      pointer: location?.pointer,
      rule: problem.ruleId,
    });
  }
  return out;
}

function toRelative(root: string, absolute: string): string {
  const relative = path.relative(root, absolute);
  return relative.startsWith('..') || path.isAbsolute(relative) ? absolute : relative.split(path.sep).join('/');
}

function firstLine(error: unknown): string {
  return (error instanceof Error ? error.message : String(error)).split('\n')[0]!.trim();
}
