/**
 * The "Code reference" section: extract (cached per file) → model → render (cached per page). The
 * model is also written as JSON beside the generated pages, for tools and for anyone debugging a page.
 */
import fsSync from 'node:fs';
import fs from 'node:fs/promises';
import path from 'node:path';
import {hashContent} from '../core/contentCache';
import {WORK_DIR} from '../core/generatedFiles';
import type {SectionGenerator, TargetContext} from '../core/types';
import {FILE_FACTS_VERSION, type FileFacts} from './extract/facts';
import type {FileStamp} from './extract/extractCodeReference';
import type {InferredFile} from './extract/inferTypes';
import {codeReferenceLinks, createSymbolIndex} from './links';
import {CODE_REFERENCE_MODEL_VERSION, normalizeModel, serializeModel, type CodeReferenceModel} from './model';
import {normalizeOptions} from './options';
import {renderSection, RENDER_VERSION, type AboutSources} from './render/renderSection';
import {withPython} from '../python/withPython';
import {loadBundledCache} from '../core/bundledCache';

export const SECTION_ID = 'api';

/** What the TypeScript side reads (extract/extractCodeReference.ts's SOURCE). */
const SCRIPT_SOURCE = /\.(ts|tsx|mts|cts|js|jsx|mjs|cjs)$/;

const versions = new Map<string, string>();

/** A hash of the source of the given folders (relative to this one), computed once per process. */
function codeVersion(...dirs: string[]): string {
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

export interface GenerateResult {
  files: Map<string, string>;
  watch: string[];
  stats: {files: number; parsed: number; cached: number; unread: number; pages: number; rendered: number; symbols: number; readMs: number; linkMs: number; inferred: number; inferChecked: number; inferMs: number; renderMs: number};
}

type ExtractStats = Omit<GenerateResult['stats'], 'pages' | 'rendered' | 'symbols' | 'renderMs'>;

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

const NO_TYPESCRIPT: ExtractStats = {files: 0, parsed: 0, cached: 0, unread: 0, readMs: 0, linkMs: 0, inferred: 0, inferChecked: 0, inferMs: 0};

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

/** Render: the model → pages (cached per piece). The model is also written beside the generated pages. */
export async function renderCodeReference(
  model: CodeReferenceModel,
  siteDir: string,
  options: {cache?: boolean; urlOf?: (kind: 'entity', key: string) => string | undefined; about?: AboutSources} = {},
) {
  const pageCache =
    options.cache ?? true
      ? await loadBundledCache(siteDir, 'code-reference-sections', `${CODE_REFERENCE_MODEL_VERSION}-${RENDER_VERSION}-${codeVersion('render', '../core/mdx', '.', '../python/render')}`)
      : undefined;
  const index = createSymbolIndex(model, `/${SECTION_ID}`, options.urlOf);
  const renderStarted = performance.now();
  const {files, stats} = await renderSection(model, index, pageCache, options.about);
  const renderMs = Math.round(performance.now() - renderStarted);
  const modelFile = path.join(siteDir, WORK_DIR, 'code-reference.json');
  await fs.mkdir(path.dirname(modelFile), {recursive: true});
  await fs.writeFile(modelFile, serializeModel(model));
  return {files, stats: {...stats, renderMs}};
}

/** Both steps, without the rest of the site: what the benchmark and the tests call. */
export async function generateCodeReference(context: TargetContext, options: {cache?: boolean} = {}): Promise<GenerateResult | undefined> {
  const extracted = await extractCodeReferenceModel(context, options);
  if (!extracted) return undefined;
  const {files, stats} = await renderCodeReference(extracted.model, context.siteDir, options);
  return {files, watch: extracted.watch, stats: {...extracted.stats, ...stats, symbols: extracted.model.symbols.length}};
}

export const codeReferenceGenerator: SectionGenerator<CodeReferenceModel> = {
  id: SECTION_ID,
  async extract(context: TargetContext) {
    const extracted = await extractCodeReferenceModel(context);
    if (!extracted) return undefined;
    return {
      id: SECTION_ID,
      title: 'Code reference',
      description: 'Every exported symbol of the TypeScript, JavaScript and Python code: signatures, docs, types linked, source lines.',
      model: extracted.model,
      watch: extracted.watch,
    };
  },
  index: ({model}) => codeReferenceLinks(model, `/${SECTION_ID}`),
  async render({model}, site) {
    // Owners from the history section and the last change from core's git pass, through the site view.
    const about: AboutSources = (files) => {
      const change = files.length > 0 ? site.context.history.lastChange(files) : undefined;
      return {
        owners: files.length > 0 ? site.ownersOf(files[0]!) : undefined,
        lastChange: change ? {date: change.date, author: change.author, url: site.urlOf('commit', change.sha)} : undefined,
      };
    };
    return {files: (await renderCodeReference(model, site.context.siteDir, {urlOf: (kind, key) => site.urlOf(kind, key), about})).files};
  },
};
