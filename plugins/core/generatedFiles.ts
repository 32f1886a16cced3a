/**
 * The one place generated files live: `.docs-architect/generated/<section>/` under the site (and
 * `.docs-architect/static/<section>/` for files served as they are), git-ignored.
 * A section is written as a whole: files whose content is unchanged are left alone (so `npm start`
 * does not reload for nothing), stale files are deleted, and the result depends only on the input.
 */
import fs from 'node:fs/promises';
import path from 'node:path';

export const WORK_DIR = '.docs-architect';

export function generatedDir(siteDir: string, section: string): string {
  return path.join(siteDir, WORK_DIR, 'generated', section);
}

/**
 * Files generated sections serve as they are (a site static directory): `<root>/<section>/<file>` is
 * served at `/<section>/<file>`.
 */
export function staticRoot(siteDir: string): string {
  return path.join(siteDir, WORK_DIR, 'static');
}

export interface SyncResult {
  written: number;
  unchanged: number;
  deleted: number;
}

/** Makes `dir` hold exactly `files` (relative POSIX path → content; bytes for images and other binary files). */
export async function syncDirectory(dir: string, files: Map<string, string | Uint8Array>): Promise<SyncResult> {
  const result: SyncResult = {written: 0, unchanged: 0, deleted: 0};
  // Checked before anything is deleted, so a bad map leaves the folder as it was.
  for (const relative of files.keys()) {
    if (relative.startsWith('/') || relative.split('/').includes('..')) {
      throw new Error(`generated file path escapes its folder: ${relative}`);
    }
  }
  await fs.mkdir(dir, {recursive: true});
  for (const existing of await listFiles(dir)) {
    if (!files.has(existing)) {
      await fs.rm(path.join(dir, existing));
      result.deleted++;
    }
  }
  for (const [relative, content] of [...files].sort(([a], [b]) => (a < b ? -1 : 1))) {
    const file = path.join(dir, relative);
    const current = await fs.readFile(file).catch(() => undefined);
    if (current?.equals(typeof content === 'string' ? Buffer.from(content) : content)) {
      result.unchanged++;
      continue;
    }
    await fs.mkdir(path.dirname(file), {recursive: true});
    await fs.writeFile(file, content);
    result.written++;
  }
  await removeEmptyDirs(dir);
  return result;
}

async function listFiles(dir: string, prefix = ''): Promise<string[]> {
  const entries = await fs.readdir(path.join(dir, prefix), {withFileTypes: true}).catch(() => []);
  const out: string[] = [];
  for (const entry of entries) {
    const relative = prefix ? `${prefix}/${entry.name}` : entry.name;
    if (entry.isDirectory()) out.push(...(await listFiles(dir, relative)));
    else out.push(relative);
  }
  return out;
}

async function removeEmptyDirs(dir: string, isRoot = true): Promise<boolean> {
  const entries = await fs.readdir(dir, {withFileTypes: true});
  let empty = true;
  for (const entry of entries) {
    if (entry.isDirectory() && (await removeEmptyDirs(path.join(dir, entry.name), false))) continue;
    empty = false;
  }
  if (empty && !isRoot) await fs.rmdir(dir);
  return empty;
}
