/**
 * A spec file → its API model, or the problems that stop it. Models are cached by the content hash
 * of every file the description is made of: an unchanged spec costs a few file reads, not a
 * validation and a bundle. (A failed load is not cached: it is cheap, and the file it misses may
 * appear without the root file changing.)
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import type {Config} from '@redocly/openapi-core';
import {createContentCache, hashContent, type ContentCache} from '../core/contentCache';
import {checkDescriptionLinks} from './descriptionLinks';
import {extractModel} from './extractModel';
import {codeFingerprint} from './fingerprint';
import {createPointerLocator} from './locatePointer';
import type {ApiModel, SpecProblem} from './model';

/** `key` identifies the model's input (the content of its files): what rendered output depends on. */
export type LoadOutcome = {ok: true; model: ApiModel; key: string} | {ok: false; files: string[]; problems: SpecProblem[]};

interface CacheEntry {
  /** Content hash of each file the model was built from. */
  hashes: Record<string, string>;
  model: ApiModel;
}

export type ModelCache = ContentCache<CacheEntry>;

export function createModelCache(siteDir: string): ModelCache {
  // One entry per spec file, overwritten when it changes, so the cache does not grow with edits.
  return createContentCache<CacheEntry>(siteDir, 'openapi-models', codeFingerprint());
}

/** The validator's config, made (and @redocly/openapi-core loaded) the first time a description is not in the cache. */
export function lazyValidator(): () => Promise<Config> {
  let config: Promise<Config> | undefined;
  return () => (config ??= import('./loadSpec').then(({createValidatorConfig}) => createValidatorConfig()));
}

export async function loadModel(root: string, file: string, validator: () => Promise<Config>, cache: ModelCache): Promise<LoadOutcome> {
  const key = `model:${file}`;
  const cached = await cache.get(key);
  if (cached && (await hashFiles(root, Object.keys(cached.hashes))).every(([name, hash]) => cached.hashes[name] === hash)) {
    return {ok: true, model: cached.model, key: inputKey(cached.hashes)};
  }
  const {loadSpec} = await import('./loadSpec');
  const loaded = await loadSpec(root, file, await validator());
  if (!loaded.ok) return loaded;
  // Images and links into the repository become text; the files they name are part of the key, so
  // the model is made again when one of them appears or goes.
  const links = checkDescriptionLinks(loaded.document, root, file);
  const problems = [...loaded.problems, ...(await locate(root, file, links.problems))];
  const model = extractModel({document: loaded.document, file, files: loaded.files, format: loaded.format, problems});
  const hashes = Object.fromEntries(await hashFiles(root, [...new Set([...loaded.files, ...links.referenced])]));
  await cache.set(key, {hashes, model});
  return {ok: true, model, key: inputKey(hashes)};
}

/** Lines of problems found by pointer in the root file (parsed only when there are any). */
async function locate(root: string, file: string, problems: SpecProblem[]): Promise<SpecProblem[]> {
  if (problems.length === 0) return problems;
  const locator = createPointerLocator(await fs.readFile(path.join(root, file), 'utf8'));
  return problems.map((problem) => ({...problem, line: problem.pointer ? locator.lineOf(problem.pointer) : undefined}));
}

function inputKey(hashes: Record<string, string>): string {
  return hashContent(JSON.stringify(Object.entries(hashes).sort(([a], [b]) => (a < b ? -1 : 1))));
}

async function hashFiles(root: string, files: string[]): Promise<[string, string][]> {
  return Promise.all(
    files.map(async (file): Promise<[string, string]> => {
      const content = await fs.readFile(path.resolve(root, file)).catch(() => undefined);
      return [file, content ? hashContent(content) : 'missing'];
    }),
  );
}
