/**
 * Lists the files of a target the way its authors see them: .gitignore rules honoured at every level,
 * dependencies, build output and vendored code left out, and no symbolic link followed out of the
 * target. Output is sorted POSIX paths relative to the root, so every later stage is deterministic.
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import ignore, {type Ignore} from 'ignore';
import {isInside} from './resolveTarget';

/** Folders that are never the target's own sources, wherever they appear. */
export const ALWAYS_EXCLUDED = [
  '.git/',
  'node_modules/',
  'bower_components/',
  'jspm_packages/',
  'vendor/',
  'third_party/',
  'third-party/',
  '.docusaurus/',
  '.docs-architect/',
  'build/',
  'dist/',
  'out/',
  'coverage/',
  '.next/',
  '.nuxt/',
  '.output/',
  '.turbo/',
  '.cache/',
  '.parcel-cache/',
  'storybook-static/',
  '*.min.js',
  '*.min.css',
];

export interface WalkOptions {
  /** Extra exclusions, .gitignore syntax, relative to the root. */
  exclude?: string[];
  /** When set, only paths these patterns match are kept (.gitignore syntax). */
  include?: string[];
  /**
   * Walk only this folder (POSIX, relative to the root): the root's rules still apply, and a link is
   * still judged against the whole target, so a link from it to a file elsewhere in the target stays.
   */
  under?: string;
}

export interface WalkResult {
  files: string[];
  /** Links that point out of the target (or nowhere): named so a report can say why they are missing. */
  skippedLinks: string[];
}

interface Rules {
  /** Directory the rules are relative to, relative to the root ('' for the root). */
  base: string;
  rules: Ignore;
}

export async function walkFiles(root: string, options: WalkOptions = {}): Promise<WalkResult> {
  const realRoot = await fs.realpath(root);
  const fixed = ignore().add(ALWAYS_EXCLUDED).add(options.exclude ?? []);
  const include = options.include?.length ? ignore().add(options.include) : undefined;
  const infoExclude = await readIgnoreFile(path.join(realRoot, '.git', 'info', 'exclude'));
  const rootRules: Rules[] = infoExclude ? [{base: '', rules: ignore().add(infoExclude)}] : [];
  const files: string[] = [];
  const skippedLinks: string[] = [];

  const isIgnored = (relative: string, isDir: boolean, rules: Rules[]): boolean => {
    const candidate = isDir ? `${relative}/` : relative;
    if (fixed.ignores(candidate)) return true;
    // As git does: a deeper .gitignore overrides a shallower one, so its `!pattern` re-includes.
    let ignored = false;
    for (const {base, rules: r} of rules) {
      const local = base ? path.posix.relative(base, relative) : relative;
      const result = r.test(isDir ? `${local}/` : local);
      if (result.ignored) ignored = true;
      else if (result.unignored) ignored = false;
    }
    return ignored;
  };

  async function visit(dir: string, relDir: string, inherited: Rules[]): Promise<void> {
    const own = await readIgnoreFile(path.join(dir, '.gitignore'));
    const rules = own ? [...inherited, {base: relDir, rules: ignore().add(own)}] : inherited;
    let entries;
    try {
      entries = await fs.readdir(dir, {withFileTypes: true});
    } catch {
      return; // unreadable folder: nothing of it can be documented
    }
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const entry of entries) {
      const relative = relDir ? `${relDir}/${entry.name}` : entry.name;
      const absolute = path.join(dir, entry.name);
      if (!onPath(relative)) continue;
      if (entry.isSymbolicLink()) {
        // A link is kept only when it is a file inside the target; linked folders are not walked
        // (their real folder is, if it is inside), which also rules out cycles.
        const real = await fs.realpath(absolute).catch(() => undefined);
        const stat = real ? await fs.stat(real).catch(() => undefined) : undefined;
        if (!real || !stat || !isInside(realRoot, real)) {
          if (!isIgnored(relative, false, rules) && included(relative)) skippedLinks.push(relative);
          continue;
        }
        if (stat.isFile() && !isIgnored(relative, false, rules) && included(relative)) files.push(relative);
        continue;
      }
      if (entry.isDirectory()) {
        if (!isIgnored(relative, true, rules)) await visit(absolute, relative, rules);
      } else if (entry.isFile() && !isIgnored(relative, false, rules) && included(relative)) {
        files.push(relative);
      }
    }
  }

  const under = options.under?.replace(/^\/+|\/+$/g, '');
  /** With `under`: the folder itself, what is inside it, and the folders that lead to it. */
  function onPath(relative: string): boolean {
    if (!under) return true;
    return relative === under || relative.startsWith(`${under}/`) || under.startsWith(`${relative}/`);
  }

  function included(relative: string): boolean {
    return !include || include.ignores(relative);
  }

  await visit(realRoot, '', rootRules);
  // Folders are walked in name order, but `a/x` must still come after `a-b` and `a.b`.
  return {files: files.sort(), skippedLinks: skippedLinks.sort()};
}

async function readIgnoreFile(file: string): Promise<string | undefined> {
  try {
    return await fs.readFile(file, 'utf8');
  } catch {
    return undefined;
  }
}
