/**
 * Results of pure functions (parse a page, serialise a tree) kept on disk from one `check` run for
 * the next (docs/adr/0053). micromark and mdast-util-to-markdown were the largest costs of a warm
 * `check` left after ADR 0049: a run re-parsed and re-serialised the same unchanged pages. Values are
 * stored with V8's serializer, which reads back ~50 times faster than the parse and, unlike JSON,
 * keeps dates, `undefined` and regular expressions as they were.
 *
 * Nothing is kept unless a caller opened the store (`openRunStore`, only `check` does): a build and
 * `start` compute as before. Each namespace is one file under the work folder's cache, versioned by
 * the code and packages that compute its values (core/codeVersion.ts), read once and written once
 * with only the entries the run used, so it never grows stale. A missing or corrupt file is an empty
 * store, never an error; a value V8 cannot copy is computed again next time.
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import v8 from 'node:v8';
import {writeAtomic} from './atomicWrite';
import {WORK_DIR} from './generatedFiles';

interface Namespace {
  version: string;
  stored: Map<string, Uint8Array>;
  used: Map<string, Uint8Array>;
  changed: boolean;
}

interface OpenStore {
  dir: string;
  namespaces: Map<string, Namespace>;
}

let open: OpenStore | undefined;

/**
 * Keeps every namespace's values in `siteDir`'s work folder until `close`, which writes them. The
 * namespaces are read from disk in full here, so that a lookup during the run never waits.
 */
export async function openRunStore(siteDir: string, namespaces: {name: string; version: () => string}[]): Promise<{close(): Promise<void>}> {
  const dir = path.join(siteDir, WORK_DIR, 'cache');
  const opened: OpenStore = {dir, namespaces: new Map()};
  await Promise.all(
    namespaces.map(async ({name, version}) => {
      const current = version();
      let stored = new Map<string, Uint8Array>();
      try {
        const read = v8.deserialize(await fs.readFile(path.join(dir, `${name}.v8`))) as {version?: unknown; entries?: unknown};
        if (read.version === current && read.entries instanceof Map) stored = read.entries as Map<string, Uint8Array>;
      } catch {
        // no store yet, or a broken one: start empty
      }
      opened.namespaces.set(name, {version: current, stored, used: new Map(), changed: false});
    }),
  );
  open = opened;
  return {
    async close() {
      if (open === opened) open = undefined;
      for (const [name, space] of [...opened.namespaces].sort(([a], [b]) => a.localeCompare(b))) {
        if (!space.changed && space.used.size === space.stored.size) continue;
        await writeAtomic(path.join(dir, `${name}.v8`), v8.serialize({version: space.version, entries: space.used}));
      }
    },
  };
}

/** Is a store open? Callers skip computing a key (a hash) when none is. */
export function runStoreOpen(): boolean {
  return open !== undefined;
}

/**
 * The value stored under `key` (a fresh copy, which the caller may change), or `compute()`'s,
 * stored at once so that later changes to it never reach the store. With no store open: `compute()`.
 */
export function remembered<T>(name: string, key: string, compute: () => T): T {
  const space = open?.namespaces.get(name);
  if (!space) return compute();
  const found = recall<T>(space, key);
  if (found) return found.value;
  const value = compute();
  if (value instanceof Promise) throw new Error('remembered() keeps values, not promises: use rememberedAsync()');
  keep(space, key, value);
  return value;
}

/** remembered() for a computation that is asynchronous. */
export async function rememberedAsync<T>(name: string, key: string, compute: () => Promise<T>): Promise<T> {
  const space = open?.namespaces.get(name);
  if (!space) return compute();
  const found = recall<T>(space, key);
  if (found) return found.value;
  const value = await compute();
  keep(space, key, value);
  return value;
}

/** The entry under `key`, marked as used by this run; undefined when absent or unreadable (then computed again). */
function recall<T>(space: Namespace, key: string): {value: T} | undefined {
  const bytes = space.stored.get(key) ?? space.used.get(key);
  if (!bytes) return undefined;
  try {
    const value = v8.deserialize(bytes) as T;
    space.used.set(key, bytes);
    return {value};
  } catch {
    return undefined;
  }
}

function keep(space: Namespace, key: string, value: unknown): void {
  try {
    space.used.set(key, v8.serialize(value));
    space.changed = true;
  } catch {
    // a value V8 cannot copy (a function in it): computed again next time
  }
}
