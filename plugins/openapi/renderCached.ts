/**
 * Rendering GitHub's description takes seconds (thousands of pages through the MDX writer), so the
 * rendered files are cached too: one entry per section, valid while the model's input, the section
 * id, the options and the code are the same. An unchanged spec then costs a cache read.
 */
import {createContentCache, hashContent} from '../core/contentCache';
import {codeFingerprint} from './fingerprint';
import type {ApiModel} from './model';
import {renderSection, type RenderOptions, type SectionFiles} from './renderSection';

interface CacheEntry {
  input: string;
  files: [string, string][];
  staticFiles: [string, string][];
}

export async function renderSectionCached(siteDir: string, model: ApiModel, modelKey: string, sectionId: string, options: RenderOptions): Promise<SectionFiles> {
  const cache = createContentCache<CacheEntry>(siteDir, 'openapi-pages', codeFingerprint());
  const input = hashContent(modelKey, sectionId, JSON.stringify(options));
  const key = `section:${sectionId}`;
  const cached = await cache.get(key);
  if (cached?.input === input) return {files: new Map(cached.files), staticFiles: new Map(cached.staticFiles)};
  const rendered = renderSection(model, sectionId, options);
  await cache.set(key, {input, files: [...rendered.files], staticFiles: [...rendered.staticFiles]});
  return rendered;
}
