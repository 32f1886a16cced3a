/**
 * tsconfig `paths` aliases (`@app/*` → `libs/app/src/*`), so the import graph follows the imports
 * Nx workspaces and many apps write instead of relative paths. Each tsconfig of the target is read
 * with TypeScript's own JSON reader (comments, trailing commas); `extends` is followed inside the
 * target. A source file uses the tsconfig of its nearest folder that has one.
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import {ts} from 'ts-morph';
import {resolveRelative} from './scanImports';

interface Aliases {
  dir: string;
  /** Folder the targets are relative to (`baseUrl`, else the tsconfig's folder), relative to the target. */
  base: string;
  paths: [pattern: string, targets: string[]][];
}

export type AliasResolver = (from: string, specifier: string) => string | undefined;

export async function readAliases(root: string, tsconfigs: readonly string[], files: ReadonlySet<string>): Promise<AliasResolver> {
  const configs: Aliases[] = [];
  const read = async (file: string, depth = 0): Promise<{base?: string; paths?: Record<string, string[]>}> => {
    const text = await fs.readFile(path.join(root, file), 'utf8').catch(() => undefined);
    const json = text === undefined ? undefined : (ts.parseConfigFileTextToJson(file, text).config as {extends?: unknown; compilerOptions?: {baseUrl?: unknown; paths?: unknown}} | undefined);
    if (!json) return {};
    const dir = path.posix.dirname(file);
    const inherited = typeof json.extends === 'string' && json.extends.startsWith('.') && depth < 5 ? await read(path.posix.normalize(path.posix.join(dir, json.extends.endsWith('.json') ? json.extends : `${json.extends}.json`)), depth + 1) : {};
    const options = json.compilerOptions ?? {};
    const base = typeof options.baseUrl === 'string' ? path.posix.normalize(path.posix.join(dir, options.baseUrl)) : inherited.base;
    const paths = typeof options.paths === 'object' && options.paths !== null ? (options.paths as Record<string, string[]>) : undefined;
    // `paths` without a baseUrl are relative to the tsconfig that declares them.
    return paths ? {base: base ?? dir, paths} : {base, paths: inherited.paths};
  };
  for (const file of tsconfigs) {
    if (file.startsWith('..') || path.posix.isAbsolute(file)) continue;
    const {base, paths} = await read(file);
    if (!paths) continue;
    const entries = Object.entries(paths).filter((entry): entry is [string, string[]] => Array.isArray(entry[1]));
    configs.push({dir: path.posix.dirname(file) === '.' ? '' : path.posix.dirname(file), base: base === '.' ? '' : (base ?? ''), paths: entries});
  }
  if (configs.length === 0) return () => undefined;
  configs.sort((a, b) => b.dir.length - a.dir.length);
  return (from, specifier) => {
    const config = configs.find((c) => c.dir === '' || from.startsWith(`${c.dir}/`));
    if (!config) return undefined;
    for (const [pattern, targets] of config.paths) {
      const star = pattern.indexOf('*');
      const matched = star === -1 ? (specifier === pattern ? '' : undefined) : specifier.startsWith(pattern.slice(0, star)) && specifier.endsWith(pattern.slice(star + 1)) && specifier.length >= pattern.length - 1 ? specifier.slice(star, specifier.length - (pattern.length - star - 1)) : undefined;
      if (matched === undefined) continue;
      for (const target of targets) {
        const relative = path.posix.join(config.base, target.replace('*', matched));
        // resolveRelative resolves against a file's folder: a stand-in file in the target's root.
        const found = resolveRelative('_', `./${relative}`, files);
        if (found) return found;
      }
    }
    return undefined;
  };
}
