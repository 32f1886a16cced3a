/**
 * checkTargetLinks with its results kept between runs (one file, core/bundledCache.ts): the history
 * section checks every decision record and the changelog on each build, and parsing them was most of
 * its time on a warm `check` (docs/adr/0049). An entry is the result for the same text, file and
 * mode, valid while every file the text names still exists, or still does not.
 */
import fs from 'node:fs';
import path from 'node:path';
import {loadBundledCache, type BundledCache} from '../bundledCache';
import {hashContent} from '../contentCache';
import {checkTargetLinks, type TargetLinkCheck, type TargetLinkOptions} from './targetLinks';

interface Entry {
  result: TargetLinkCheck;
  /** Whether each of `result.referenced` existed. */
  exists: boolean[];
}

export interface TargetLinkChecker {
  check(markdown: string, options: TargetLinkOptions): TargetLinkCheck;
  save(): Promise<void>;
}

/** The code that makes a result is part of the cache's version: an entry made by other code misses. */
let version: string | undefined;

export async function createTargetLinkChecker(siteDir: string): Promise<TargetLinkChecker> {
  version ??= hashContent(...['targetLinks.ts', path.join('..', 'markdown', 'sanitizeMarkdown.ts'), path.join('..', 'markdown', 'inlineHtml.ts')].map((file) => fs.readFileSync(path.join(__dirname, file), 'utf8'))).slice(0, 16);
  const cache: BundledCache<Entry> = await loadBundledCache<Entry>(siteDir, 'target-links', version);
  return {
    check(markdown, options) {
      const key = hashContent(markdown, options.source, options.replace ?? 'all');
      const cached = cache.get(key);
      if (cached && cached.result.referenced.every((file, index) => options.exists(file) === cached.exists[index])) return cached.result;
      const result = checkTargetLinks(markdown, options);
      cache.set(key, {result, exists: result.referenced.map((file) => options.exists(file))});
      return result;
    },
    save: () => cache.save(),
  };
}
