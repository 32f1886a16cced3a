/**
 * The code reference's extract step alone: the target's TypeScript and Python → the model. A module
 * apart from the generator so that `docs-architect extract` and the benchmarks load what reading the
 * code needs and not the page writer (the MDX stack; docs/adr/0052).
 */
import fsSync from 'node:fs';
import path from 'node:path';
import {hashContent} from '../core/contentCache';
import type {TargetContext} from '../core/types';
import {loadBundledCache} from '../core/bundledCache';
import {FILE_FACTS_VERSION, type FileFacts} from './extract/facts';
import type {FileStamp} from './extract/extractCodeReference';
import type {InferredFile} from './extract/inferTypes';
import {normalizeModel, type CodeReferenceModel} from './model';
import {normalizeOptions} from './options';
import {withPython} from '../python/withPython';

/** What the TypeScript side reads (extract/extractCodeReference.ts's SOURCE). */
const SCRIPT_SOURCE = /\.(ts|tsx|mts|cts|js|jsx|mjs|cjs)$/;

const versions = new Map<string, string>();

/** A hash of the source of the given folders (relative to this one), computed once per process. */
export function codeVersion(...dirs: string[]): string {
  const key = dirs.join('\0');
  let version = versions.get(key);
  if (!version) {
    const parts: string[] = [];
    for (const dir of dirs) {
      const absolute = path.join(__dirname, dir);
      for (const file of fsSync.readdirSync(absolute).filter((name) => /\.tsx?$/.test(name) && !name.includes('.test.')).sort()) {
        parts.push(file, fsSync.readFileSync(path.join(absolute, file), 'utf8'));
      }
    }
    version = hashContent(...parts).slice(0, 16);
    versions.set(key, version);
  }
  return version;
}

export interface ExtractStats {
  files: number;
  parsed: number;
  cached: number;
  unread: number;
  readMs: number;
  linkMs: number;
  inferred: number;
  inferChecked: number;
  /** Of those, asked again with TypeScript's standard library (ADR 0057). */
  inferWithLibrary: number;
  /** Of those, asked a third time with the whole library (the DOM). */
  inferWithWholeLibrary: number;
  inferLibraryMs: number;
  inferMs: number;
}

/** Extract: the target's code → the model (facts cached per file). Undefined when there is nothing to show. */
export async function extractCodeReferenceModel(
  context: TargetContext,
  options: {cache?: boolean} = {},
): Promise<{model: CodeReferenceModel; watch: string[]; stats: ExtractStats} | undefined> {
  const config = normalizeOptions(context.config);
  if (!config.enabled) return undefined;
  const useCache = options.cache ?? true;
  const extracted = await extractTypeScript(context, config, useCache);
  // Python packages are parts beside the TypeScript ones (plugins/python; docs/adr/0040).
  const python = await withPython(context, extracted.model, {exclude: config.exclude, cache: useCache});
  if (!python.model) return undefined;
  const model = normalizeModel(python.model);
  if (model.symbols.length === 0 && model.containers.every((container) => container.exports.length === 0)) return undefined;
  const stats = {...extracted.stats, files: extracted.stats.files + python.files.length, parsed: extracted.stats.parsed + python.stats.parsed, cached: extracted.stats.cached + python.stats.cached};
  return {model, watch: [...extracted.files, ...python.files].map((file) => path.join(context.root, file)), stats};
}

const NO_TYPESCRIPT: ExtractStats = {files: 0, parsed: 0, cached: 0, unread: 0, readMs: 0, linkMs: 0, inferred: 0, inferChecked: 0, inferWithLibrary: 0, inferWithWholeLibrary: 0, inferLibraryMs: 0, inferMs: 0};

/**
 * The TypeScript and JavaScript side. Its extractor (ts-morph, the TypeScript compiler: about 0.8 s to
 * load) is imported only when the target has a source file it reads, so a Python-only repository
 * never pays for it (docs/adr/0046).
 */
async function extractTypeScript(context: TargetContext, config: ReturnType<typeof normalizeOptions>, useCache: boolean): Promise<{model: CodeReferenceModel | undefined; files: string[]; stats: ExtractStats}> {
  if (!context.inventory.files.some((file) => SCRIPT_SOURCE.test(file))) return {model: undefined, files: [], stats: NO_TYPESCRIPT};
  const [{extractCodeReference}, {INFER_VERSION}] = await Promise.all([import('./extract/extractCodeReference'), import('./extract/inferTypes')]);
  // The code that made an entry is part of its key: an entry made by older code simply misses, even
  // when someone forgot to bump a version.
  const factsCache = useCache ? await loadBundledCache<FileFacts>(context.siteDir, 'code-reference-facts', `${FILE_FACTS_VERSION}-${codeVersion('extract')}`) : undefined;
  const stamps = useCache ? await loadBundledCache<FileStamp>(context.siteDir, 'code-reference-stamps', `${FILE_FACTS_VERSION}-${codeVersion('extract')}-${context.root}`) : undefined;
  const inferCache = useCache ? await loadBundledCache<InferredFile>(context.siteDir, 'code-reference-inferred', `${INFER_VERSION}-${codeVersion('extract')}`) : undefined;
  const extracted = await extractCodeReference(context, config, factsCache, stamps, inferCache);
  await Promise.all([factsCache?.save(), stamps?.save(), inferCache?.save()]);
  return extracted;
}

