/**
 * The "Code reference" section: extract (cached per file) → model → render (cached per page). The
 * model is also written as JSON beside the generated pages, for tools and for anyone debugging a page.
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import {WORK_DIR} from '../core/generatedFiles';
import type {SectionGenerator, TargetContext} from '../core/types';
import {codeVersion, extractCodeReferenceModel, type ExtractStats} from './extractModel';
import {codeReferenceLinks, createSymbolIndex} from './links';
import {CODE_REFERENCE_MODEL_VERSION, serializeModel, type CodeReferenceModel} from './model';
import type {AboutSources} from './render/renderSection';
import {loadBundledCache} from '../core/bundledCache';
import {MANIFEST_FILES, SOURCE_FILES} from '../core/site/inputPatterns';

export {extractCodeReferenceModel} from './extractModel';

export const SECTION_ID = 'api';

export interface GenerateResult {
  files: Map<string, string>;
  watch: string[];
  stats: ExtractStats & {pages: number; rendered: number; symbols: number; renderMs: number};
}

/** Render: the model → pages (cached per piece). The model is also written beside the generated pages. */
export async function renderCodeReference(
  model: CodeReferenceModel,
  siteDir: string,
  options: {cache?: boolean; urlOf?: (kind: 'entity', key: string) => string | undefined; about?: AboutSources} = {},
) {
  // The page writers load when pages are made, not when the generator is listed (docs/adr/0059).
  const {renderSection, RENDER_VERSION} = await import('./render/renderSection');
  const pageCache =
    options.cache ?? true
      ? await loadBundledCache(siteDir, 'code-reference-sections', `${CODE_REFERENCE_MODEL_VERSION}-${RENDER_VERSION}-${codeVersion('render', '../core/mdx', '../core/markdown', '.', '../python/render')}`)
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
  inputs: () => ({files: [...SOURCE_FILES, ...MANIFEST_FILES], inventory: ['files', 'tsconfigs'], config: ['codeReference'], history: true, packages: true}),
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
