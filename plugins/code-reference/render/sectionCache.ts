/**
 * The cache of rendered sections: one file per section, not one entry per file. A large package has
 * thousands of sections, and opening thousands of small files cost more than rendering many of them;
 * one JSON file is read once per build and written once, holding only the entries this build used,
 * so it never grows stale. A missing or corrupt file is an empty cache, never an error.
 */
import crypto from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import {WORK_DIR} from '../../core/generatedFiles';

export interface SectionCache {
  get(key: string): string | undefined;
  set(key: string, value: string): void;
  /** Writes the entries used since load, if any changed. */
  save(): Promise<void>;
}

export async function loadSectionCache(siteDir: string, name: string, version: string): Promise<SectionCache> {
  const file = path.join(siteDir, WORK_DIR, 'cache', `${name}.json`);
  let stored: Record<string, string> = {};
  try {
    const parsed = JSON.parse(await fs.readFile(file, 'utf8')) as {version?: string; entries?: Record<string, string>};
    if (parsed.version === version && parsed.entries && typeof parsed.entries === 'object') stored = parsed.entries;
  } catch {
    // no cache yet, or a broken one: start empty
  }
  const used = new Map<string, string>();
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
