/**
 * A cache keyed by content hash, for extractors whose input is files: same bytes in, same model out,
 * no work. Entries are JSON files under `.docs-architect/cache/<namespace>/`; a corrupt or missing
 * entry is a miss, never an error.
 */
import crypto from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import {WORK_DIR} from './generatedFiles';

export function hashContent(...parts: (string | Buffer)[]): string {
  const hash = crypto.createHash('sha256');
  for (const part of parts) {
    hash.update(String(Buffer.byteLength(part)));
    hash.update(':');
    hash.update(part);
  }
  return hash.digest('hex');
}

export interface ContentCache<T> {
  get(key: string): Promise<T | undefined>;
  set(key: string, value: T): Promise<void>;
  /** `get`, else compute, store and return. */
  getOrCompute(key: string, compute: () => Promise<T> | T): Promise<T>;
}

/**
 * @param version bump it when the shape of cached values changes: old entries then simply miss.
 */
export function createContentCache<T>(siteDir: string, namespace: string, version: string): ContentCache<T> {
  const dir = path.join(siteDir, WORK_DIR, 'cache', namespace);
  const fileOf = (key: string) => {
    const hashed = hashContent(version, key);
    return path.join(dir, hashed.slice(0, 2), `${hashed}.json`);
  };
  const cache: ContentCache<T> = {
    async get(key) {
      try {
        return JSON.parse(await fs.readFile(fileOf(key), 'utf8')) as T;
      } catch {
        return undefined;
      }
    },
    async set(key, value) {
      const file = fileOf(key);
      await fs.mkdir(path.dirname(file), {recursive: true});
      // Write then rename, so a build killed half-way never leaves a truncated entry behind. The
      // temporary name is unique per write: two files with the same content may be stored at once.
      const temporary = `${file}.${process.pid}.${crypto.randomUUID()}.tmp`;
      await fs.writeFile(temporary, JSON.stringify(value));
      await fs.rename(temporary, file);
    },
    async getOrCompute(key, compute) {
      const cached = await cache.get(key);
      if (cached !== undefined) return cached;
      const value = await compute();
      await cache.set(key, value);
      return value;
    },
  };
  return cache;
}
