/**
 * A cache held in one file (the rendered sections of the code reference, the facts of each source
 * file, the Markdown copies of the pages). A large package has thousands of sections and files, and opening thousands of small files
 * cost more than rendering many of them (and, for the facts, half of a cold run went into writing
 * one file per source file); one JSON file is read once per build and written once, holding only the
 * entries this build used, so it never grows stale. A missing or corrupt file is an empty cache,
 * never an error.
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import {writeAtomic} from './atomicWrite';
import {WORK_DIR} from './generatedFiles';

export interface BundledCache<T = string> {
  get(key: string): T | undefined;
  set(key: string, value: T): void;
  /** Writes the entries used since load, if any changed. */
  save(): Promise<void>;
}

/**
 * The entries as last written, kept in the process when it regenerates on every edit (`npm start`,
 * where Docusaurus sets NODE_ENV to development): the next generation then skips reading and parsing
 * the file, which was most of the time of a regeneration after a one-file edit. The file's size and
 * modification time must still be those we wrote, or it is read again. A build does not keep them:
 * the memory is better left to the bundler.
 */
const retained = new Map<string, {version: string; entries: Record<string, unknown>; size: number; mtimeMs: number}>();

export async function loadBundledCache<T = string>(siteDir: string, name: string, version: string): Promise<BundledCache<T>> {
  const retain = process.env.NODE_ENV === 'development';
  const file = path.join(siteDir, WORK_DIR, 'cache', `${name}.json`);
  let stored: Record<string, T> = {};
  const kept = retain ? retained.get(file) : undefined;
  const stat = kept ? await fs.stat(file).catch(() => undefined) : undefined;
  if (kept && stat && kept.version === version && stat.size === kept.size && stat.mtimeMs === kept.mtimeMs) {
    stored = kept.entries as Record<string, T>;
  } else {
    try {
      const text = await fs.readFile(file, 'utf8');
      const parsed = JSON.parse(text) as {version?: string; entries?: Record<string, T>};
      if (parsed.version === version && parsed.entries && typeof parsed.entries === 'object') {
        stored = parsed.entries;
        if (retain) {
          const read = await fs.stat(file);
          if (read.size === Buffer.byteLength(text)) retained.set(file, {version, entries: stored, size: read.size, mtimeMs: read.mtimeMs});
        }
      }
    } catch {
      // no cache yet, or a broken one: start empty
    }
  }
  const used = new Map<string, T>();
  let changed = false;
  return {
    get(key) {
      const value = Object.hasOwn(stored, key) ? stored[key] : undefined;
      if (value !== undefined) used.set(key, value);
      return value;
    },
    set(key, value) {
      used.set(key, value);
      changed = true;
    },
    async save() {
      if (!changed && used.size === Object.keys(stored).length) return;
      const entries = Object.fromEntries(used);
      await writeAtomic(file, JSON.stringify({version, entries}));
      if (retain) {
        const written = await fs.stat(file);
        retained.set(file, {version, entries, size: written.size, mtimeMs: written.mtimeMs});
      }
    },
  };
}
