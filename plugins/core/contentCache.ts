/**
 * A cache keyed by content hash, for extractors whose input is files: same bytes in, same model out,
 * no work. Entries are JSON files under `.docs-architect/cache/<namespace>/`; a corrupt or missing
 * entry is a miss, never an error. An entry is written in pieces, never as one string (the model of
 * a 50 MB API description came near V8's maximum string length, ~512 MB), and one larger than
 * MAX_ENTRY_BYTES is not read back: it is a miss, and the work is done again.
 */
import crypto from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import {writeAtomic} from './atomicWrite';
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

/** Entries larger than this are not read back (JSON.parse needs them as one string). */
export const MAX_ENTRY_BYTES = 256 * 2 ** 20;

/** How deep serialisation splits a value into pieces; below it, each value is one JSON.stringify. */
const SPLIT_DEPTH = 4;

/**
 * The JSON text of a plain JSON value (what JSON.stringify gives, byte for byte), in pieces: arrays
 * and objects near the top are opened and each child serialised on its own.
 */
export function* jsonPieces(value: unknown, depth = 0): Generator<string> {
  if (depth >= SPLIT_DEPTH || value === null || typeof value !== 'object' || typeof (value as {toJSON?: unknown}).toJSON === 'function') {
    yield JSON.stringify(value) ?? 'null';
    return;
  }
  if (Array.isArray(value)) {
    yield '[';
    for (let i = 0; i < value.length; i++) {
      if (i > 0) yield ',';
      const item: unknown = value[i];
      // As JSON.stringify: undefined and functions in an array become null.
      yield* item === undefined || typeof item === 'function' ? ['null'] : jsonPieces(item, depth + 1);
    }
    yield ']';
    return;
  }
  yield '{';
  let first = true;
  for (const [key, child] of Object.entries(value)) {
    if (child === undefined || typeof child === 'function' || typeof child === 'symbol') continue;
    yield `${first ? '' : ','}${JSON.stringify(key)}:`;
    first = false;
    yield* jsonPieces(child, depth + 1);
  }
  yield '}';
}

/** Writes a value as JSON through a stream, a megabyte at a time. */
async function writeJson(file: string, value: unknown): Promise<void> {
  const handle = await fs.open(file, 'w');
  try {
    let buffer: string[] = [];
    let size = 0;
    for (const piece of jsonPieces(value)) {
      buffer.push(piece);
      size += piece.length;
      if (size >= 2 ** 20) {
        await handle.write(buffer.join(''));
        buffer = [];
        size = 0;
      }
    }
    await handle.write(buffer.join(''));
  } finally {
    await handle.close();
  }
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
        const file = fileOf(key);
        if ((await fs.stat(file)).size > MAX_ENTRY_BYTES) return undefined;
        return JSON.parse(await fs.readFile(file, 'utf8')) as T;
      } catch {
        return undefined;
      }
    },
    async set(key, value) {
      // Written then renamed (writeAtomic), so a build killed half-way never leaves a truncated entry.
      await writeAtomic(fileOf(key), (temporary) => writeJson(temporary, value));
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
