/**
 * Rendering GitHub's description takes seconds (thousands of pages through the MDX writer), so the
 * rendered files are cached too: one entry per section, valid while the model's input, the section
 * id, the options and the code are the same. An unchanged spec then costs a cache read.
 */
import {createContentCache, hashContent} from '../core/contentCache';
import {codeFingerprint} from './fingerprint';
import type {ApiModel} from './model';
import {staticFilesFrom, type StaticSource} from './pageJson';
import {renderSection, type RenderOptions, type SectionFiles} from './renderSection';

/**
 * The MDX, and what each static file is made of rather than the files: the JSON the pages fetch is
 * quick to make again from the model, and on a big description it is many times the MDX's size.
 */
interface CacheEntry {
  input: string;
  files: [string, string][];
  staticSources: [string, StaticSource][];
}

export async function renderSectionCached(siteDir: string, model: ApiModel, modelKey: string, sectionId: string, options: RenderOptions): Promise<SectionFiles> {
  const cache = createContentCache<CacheEntry>(siteDir, 'openapi-pages', codeFingerprint());
  const input = hashContent(modelKey, sectionId, JSON.stringify(options));
  const key = `section:${sectionId}`;
  const cached = await cache.get(key);
  if (cached?.input === input) {
    const staticSources = new Map(cached.staticSources);
    return {files: new Map(cached.files), staticFiles: staticFilesFrom(model, staticSources), staticSources};
  }
  const rendered = renderSection(model, sectionId, options);
  await cache.set(key, {input, files: [...rendered.files], staticSources: [...rendered.staticSources]});
  return rendered;
}
