/**
 * A spec file → its API model, or the problems that stop it. Models are cached by the content hash
 * of every file the description is made of: an unchanged spec costs a few file reads, not a
 * validation and a bundle. (A failed load is not cached: it is cheap, and the file it misses may
 * appear without the root file changing.)
 */
import {readFileSync} from 'node:fs';
import fs from 'node:fs/promises';
import {createRequire} from 'node:module';
import path from 'node:path';
import type {Config} from '@redocly/openapi-core';
import {createContentCache, hashContent, type ContentCache} from '../core/contentCache';
import {extractModel} from './extractModel';
import {loadSpec} from './loadSpec';
import {OPENAPI_MODEL_VERSION, type ApiModel, type SpecProblem} from './model';

export type LoadOutcome = {ok: true; model: ApiModel} | {ok: false; files: string[]; problems: SpecProblem[]};

interface CacheEntry {
  /** Content hash of each file the model was built from. */
  hashes: Record<string, string>;
  model: ApiModel;
}

export type ModelCache = ContentCache<CacheEntry>;

export function createModelCache(siteDir: string): ModelCache {
  // The validator's version is part of the key: a new Redocly may report other problems.
  return createContentCache<CacheEntry>(siteDir, 'openapi', `${OPENAPI_MODEL_VERSION}/redocly-${redoclyVersion()}`);
}

export async function loadModel(root: string, file: string, validator: Config, cache: ModelCache): Promise<LoadOutcome> {
  const key = `model:${file}`;
  const cached = await cache.get(key);
  if (cached && (await hashFiles(root, Object.keys(cached.hashes))).every(([name, hash]) => cached.hashes[name] === hash)) {
    return {ok: true, model: cached.model};
  }
  const loaded = await loadSpec(root, file, validator);
  if (!loaded.ok) return loaded;
  const model = extractModel({document: loaded.document, file, files: loaded.files, format: loaded.format, problems: loaded.problems});
  const hashes = Object.fromEntries(await hashFiles(root, loaded.files));
  await cache.set(key, {hashes, model});
  return {ok: true, model};
}

async function hashFiles(root: string, files: string[]): Promise<[string, string][]> {
  return Promise.all(
    files.map(async (file): Promise<[string, string]> => {
      const content = await fs.readFile(path.resolve(root, file)).catch(() => undefined);
      return [file, content ? hashContent(content) : 'missing'];
    }),
  );
}

function redoclyVersion(): string {
  try {
    // Read from disk, not imported: the package is ESM and exports no package.json.
    const entry = createRequire(__filename).resolve('@redocly/openapi-core');
    const manifest = path.join(path.dirname(entry), '..', 'package.json');
    return (JSON.parse(readFileSync(manifest, 'utf8')) as {version: string}).version;
  } catch {
    return 'unknown';
  }
}
