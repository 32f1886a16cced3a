/**
 * A cache held in one file: the rendered sections of the code reference, and the facts of each source
 * file. A large package has thousands of sections and files, and opening thousands of small files
 * cost more than rendering many of them (and, for the facts, half of a cold run went into writing
 * one file per source file); one JSON file is read once per build and written once, holding only the
 * entries this build used, so it never grows stale. A missing or corrupt file is an empty cache,
 * never an error.
 */
import crypto from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import {WORK_DIR} from '../core/generatedFiles';

export interface BundledCache<T = string> {
  get(key: string): T | undefined;
  set(key: string, value: T): void;
  /** Writes the entries used since load, if any changed. */
  save(): Promise<void>;
}

export async function loadBundledCache<T = string>(siteDir: string, name: string, version: string): Promise<BundledCache<T>> {
  const file = path.join(siteDir, WORK_DIR, 'cache', `${name}.json`);
  let stored: Record<string, T> = {};
  try {
    const parsed = JSON.parse(await fs.readFile(file, 'utf8')) as {version?: string; entries?: Record<string, T>};
    if (parsed.version === version && parsed.entries && typeof parsed.entries === 'object') stored = parsed.entries;
  } catch {
    // no cache yet, or a broken one: start empty
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
      await fs.mkdir(path.dirname(file), {recursive: true});
      const temporary = `${file}.${process.pid}.${crypto.randomUUID()}.tmp`;
      await fs.writeFile(temporary, JSON.stringify({version, entries: Object.fromEntries(used)}));
      await fs.rename(temporary, file);
    },
  };
}
