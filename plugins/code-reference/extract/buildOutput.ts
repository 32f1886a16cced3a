/**
 * Where a package's build output comes from: the folders its tsconfig compiles from (`rootDir`, else
 * the folders it `include`s) and to (`outDir`, `declarationDir`), its project references' too, and
 * the usual source folders. `sourceOf` (entryPoints.ts) uses them to map `./distribution/index.js`
 * back to `source/index.ts`. A tsconfig that cannot be read in full (it `extends` a package that is not
 * installed) still gives what it says itself; it is read quietly, since module resolution already
 * warns about it.
 */
import fs from 'node:fs';
import path from 'node:path';
import {ts} from 'ts-morph';

/** An output folder and the source folder it is built from, relative to the package. */
export interface OutputMapping {
  out: string;
  source: string;
}

export interface BuildLayout {
  mappings: OutputMapping[];
  /** Folders sources usually live in, first the tsconfig's: where a built file's path is looked for. */
  sourceDirs: string[];
}

const USUAL_SOURCE_DIRS = ['src', 'source', 'lib'];
/** Project references followed, at most: a monorepo's root tsconfig may name dozens. */
const MAX_REFERENCES = 64;

export function buildLayout(root: string, dir: string): BuildLayout {
  const packageDir = path.join(root, dir);
  const mappings: OutputMapping[] = [];
  const sourceDirs: string[] = [];
  const seen = new Set<string>();
  const queue = ['tsconfig.build.json', 'tsconfig.json'].map((name) => path.join(packageDir, name));
  while (queue.length > 0 && seen.size < MAX_REFERENCES) {
    const file = queue.shift()!;
    if (seen.has(file) || !isInside(root, file) || !isFile(file)) continue;
    seen.add(file);
    const config = readTsconfig(root, file);
    if (!config) continue;
    const include = config.include.map((pattern) => relativeTo(packageDir, path.resolve(path.dirname(file), staticPrefix(pattern)))).filter((folder) => folder !== undefined);
    const rootDir = config.rootDir ? relativeTo(packageDir, config.rootDir) : include.length === 1 ? include[0] : undefined;
    for (const folder of [rootDir, ...include]) if (folder && !sourceDirs.includes(folder)) sourceDirs.push(folder);
    for (const outDir of [config.outDir, config.declarationDir]) {
      const out = outDir ? relativeTo(packageDir, outDir) : undefined;
      if (out !== undefined && rootDir !== undefined && out !== rootDir) mappings.push({out, source: rootDir});
    }
    for (const reference of config.references) queue.push(isFile(reference) ? reference : path.join(reference, 'tsconfig.json'));
  }
  for (const folder of USUAL_SOURCE_DIRS) if (!sourceDirs.includes(folder)) sourceDirs.push(folder);
  return {mappings, sourceDirs};
}

interface TsconfigFacts {
  outDir?: string;
  rootDir?: string;
  declarationDir?: string;
  include: string[];
  references: string[];
}

/** What a tsconfig says, absolute paths; what its `extends` adds when that can be read inside the target. */
function readTsconfig(root: string, file: string): TsconfigFacts | undefined {
  const host: ts.ParseConfigFileHost = {
    ...ts.sys,
    useCaseSensitiveFileNames: true,
    getCurrentDirectory: () => root,
    fileExists: (name) => isInside(root, name) && ts.sys.fileExists(name),
    readFile: (name) => (isInside(root, name) ? ts.sys.readFile(name) : undefined),
    readDirectory: () => [],
    onUnRecoverableConfigFileDiagnostic: () => undefined,
  };
  let parsed: ts.ParsedCommandLine | undefined;
  try {
    parsed = ts.getParsedCommandLineOfConfigFile(file, {}, host);
  } catch {
    parsed = undefined;
  }
  if (!parsed) return undefined;
  const raw = (parsed.raw ?? {}) as {include?: unknown};
  const include = Array.isArray(raw.include) ? raw.include.filter((p): p is string => typeof p === 'string') : [];
  return {
    ...(parsed.options.outDir ? {outDir: parsed.options.outDir} : {}),
    ...(parsed.options.rootDir ? {rootDir: parsed.options.rootDir} : {}),
    ...(parsed.options.declarationDir ? {declarationDir: parsed.options.declarationDir} : {}),
    include,
    references: (parsed.projectReferences ?? []).map((reference) => reference.path),
  };
}

/** The folder part of a glob before its first wildcard: `source/**\/*.ts` → `source`. */
function staticPrefix(pattern: string): string {
  const parts = pattern.replace(/^\.\//, '').split('/');
  const fixed: string[] = [];
  for (const part of parts) {
    if (/[*?{[]/.test(part) || /\.[cm]?[jt]sx?$/.test(part)) break;
    fixed.push(part);
  }
  return fixed.join('/') || '.';
}

/** A path relative to the package, POSIX, '' for the package itself; undefined outside it. */
function relativeTo(packageDir: string, absolute: string): string | undefined {
  const relative = path.relative(packageDir, absolute).split(path.sep).join('/');
  return relative.startsWith('..') || path.isAbsolute(relative) ? undefined : relative;
}

function isInside(root: string, file: string): boolean {
  const relative = path.relative(root, file);
  return !relative.startsWith('..') && !path.isAbsolute(relative);
}

function isFile(file: string): boolean {
  try {
    return fs.statSync(file).isFile();
  } catch {
    return false;
  }
}
