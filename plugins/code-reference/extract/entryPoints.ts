/**
 * Entry points the way a user of the package thinks of them: what `import ... from 'pkg/sub'` reaches.
 * From each package's `exports` (else `source`, `types`, `module`, `main`), mapped back from build
 * output to the source that produced it; else the files of its tsconfig; else every non-test source
 * file. npm/yarn/pnpm workspaces give one package each; `codeReference.entryPoints` overrides it all.
 */
import fs from 'node:fs';
import path from 'node:path';
import ignore from 'ignore';
import {ts} from 'ts-morph';
import {isUserError} from '../../core/errors';
import {readYamlFileSync} from '../../core/parseYaml';
import type {TargetContext} from '../../core/types';
import {TEST_FILE, type CodeReferenceOptions} from '../options';
import {buildLayout, type BuildLayout} from './buildOutput';

export interface EntryPoint {
  /** As imported: `zod/v4`, or the file's path without extension when there is no manifest. */
  name: string;
  /** Relative to the target root, POSIX. */
  file: string;
  /** The name is an import specifier (it comes from a manifest), not just a path. */
  importable?: boolean;
  /** A module no public entry is: documented only under "Internals" when `codeReference.internals` asks. */
  internal?: boolean;
}

export interface PackagePlan {
  dir: string;
  name: string;
  version?: string;
  description?: string;
  entries: EntryPoint[];
  /** The package exports nothing (an application): every source file is documented, by folder. */
  app?: boolean;
}

const SOURCE = /\.(ts|tsx|mts|cts|js|jsx|mjs|cjs)$/;
const TS_SOURCE = /(?<!\.d)\.(ts|tsx|mts|cts)$/;
const INDEX_FILE = /(^|\/)index\.(ts|tsx|mts|cts|js|jsx|mjs|cjs)$/;
const BUILD_DIRS = new Set(['dist', 'lib', 'build', 'out', 'esm', 'cjs', 'esm5', 'es2015', 'es5', 'types', 'typings', 'module', 'umd', 'mjs']);
const CONDITION_ORDER = ['source', 'types', 'import', 'module', 'default', 'require', 'node'];

type Json = Record<string, unknown>;

export function planPackages(context: TargetContext, options: CodeReferenceOptions): PackagePlan[] {
  const files = new Set(context.inventory.files);
  const excluded = ignore().add(options.exclude);
  const generated = options.includeGenerated ? () => false : generatedTest(context.root);
  const isDocumentable = (file: string) => SOURCE.test(file) && !TEST_FILE.test(file) && !excluded.ignores(file) && !generated(file);
  const root = readManifest(context.root, '');

  if (options.entryPoints) {
    const entries = options.entryPoints.flatMap((entry) => {
      const clean = entry.replace(/^\.\//, '').replace(/\/$/, '');
      if (files.has(clean)) return [fileEntry(clean)];
      const under = [...files].filter((file) => file.startsWith(`${clean}/`) && isDocumentable(file) && !file.endsWith('.d.ts'));
      if (under.length === 0) {
        context.report.warn(`codeReference entry point "${entry}" matches no source file`, {
          file: context.configFile,
          key: 'codeReference.entryPoints',
          fix: 'Name a file or a folder of source files, relative to the repository root',
        });
      }
      return under.map(fileEntry);
    });
    return [{dir: '', name: String(root?.name ?? context.project.name), version: str(root?.version), description: str(root?.description), entries: dedupe(entries)}];
  }

  const packageDirs = workspaceDirs(context, root) ?? (root ? [''] : []);
  const plans: PackagePlan[] = [];
  for (const dir of packageDirs) {
    const manifest = readManifest(context.root, dir);
    const name = str(manifest?.name) ?? (dir ? path.posix.basename(dir) : context.project.name);
    const inPackage = [...files].filter((file) => (dir === '' || file.startsWith(`${dir}/`)) && !insideOther(file, dir, packageDirs));
    let entries = manifest ? manifestEntries(context, dir, name, manifest, files) : [];
    const app = entries.length === 0;
    // Every file of the package: an app's modules, or a library's internals when the config asks.
    const allFiles = () => {
      const listed = tsconfigEntries(context, dir, inPackage, isDocumentable);
      return listed.length > 0 ? listed : inPackage.filter((file) => isDocumentable(file) && !file.endsWith('.d.ts')).map(fileEntry);
    };
    if (app) entries = allFiles();
    else if (options.internals) entries = [...entries, ...allFiles().map((entry): EntryPoint => ({...entry, internal: true}))];
    entries = entries.filter((entry) => !excluded.ignores(entry.file));
    if (entries.length > 0) plans.push({dir, name, version: str(manifest?.version), description: str(manifest?.description), entries: dedupe(entries), ...(app ? {app} : {})});
  }
  if (plans.length === 0 && !root) {
    const entries = [...files].filter((file) => isDocumentable(file) && !file.endsWith('.d.ts')).map(fileEntry);
    if (entries.length > 0) plans.push({dir: '', name: context.project.name, entries: dedupe(entries), app: true});
  }
  return plans;
}

/** Generated code: `*.gen.*`, `__generated__/`, or an `@generated` marker in the file's first lines. */
const GENERATED_PATH = /(^|\/)__generated__\/|\.gen\.[cm]?[jt]sx?$/;
const GENERATED_MARK = /@generated\b/;
/** How much of a file's head is looked at for the marker: tools put it in the first comment. */
const HEAD_BYTES = 1024;

function generatedTest(root: string): (file: string) => boolean {
  const buffer = Buffer.alloc(HEAD_BYTES);
  return (file) => {
    if (GENERATED_PATH.test(file)) return true;
    let fd: number | undefined;
    try {
      fd = fs.openSync(path.join(root, file), 'r');
      const read = fs.readSync(fd, buffer, 0, HEAD_BYTES, 0);
      return GENERATED_MARK.test(buffer.toString('utf8', 0, read));
    } catch {
      return false;
    } finally {
      if (fd !== undefined) fs.closeSync(fd);
    }
  };
}

function fileEntry(file: string): EntryPoint {
  return {name: file.replace(SOURCE, '').replace(/\.d$/, '').replace(/\/index$/, ''), file};
}

/**
 * Each file once, and each module name once: `routes/_layout.tsx` beside `routes/_layout/index.tsx`
 * (TanStack Router's layout routes, a file and a folder of the same name) are two modules both named
 * `routes/_layout`. An import of `./_layout` means the file, as TypeScript resolves it, so the
 * folder's index keeps `/index` in its name.
 */
function dedupe(entries: EntryPoint[]): EntryPoint[] {
  const seen = new Set<string>();
  const unique = entries.filter((entry) => !seen.has(entry.file) && seen.add(entry.file));
  const named = new Map<string, number>();
  for (const entry of unique) named.set(entry.name, (named.get(entry.name) ?? 0) + 1);
  return unique.map((entry) => ((named.get(entry.name) ?? 0) > 1 && INDEX_FILE.test(entry.file) && !entry.name.endsWith('/index') ? {...entry, name: `${entry.name}/index`} : entry));
}

function str(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

function readManifest(root: string, dir: string): Json | undefined {
  try {
    const json = JSON.parse(fs.readFileSync(path.join(root, dir, 'package.json'), 'utf8')) as unknown;
    return json && typeof json === 'object' && !Array.isArray(json) ? (json as Json) : undefined;
  } catch {
    return undefined;
  }
}

function insideOther(file: string, dir: string, dirs: string[]): boolean {
  return dirs.some((other) => other !== dir && other.startsWith(dir ? `${dir}/` : '') && other !== '' && file.startsWith(`${other}/`));
}

/** Package folders named by npm/yarn `workspaces` or pnpm-workspace.yaml, as the inventory found them. */
function workspaceDirs(context: TargetContext, root: Json | undefined): string[] | undefined {
  let patterns: string[] | undefined;
  const workspaces = root?.workspaces;
  if (Array.isArray(workspaces)) patterns = workspaces.filter((p): p is string => typeof p === 'string');
  else if (workspaces && typeof workspaces === 'object' && Array.isArray((workspaces as Json).packages)) {
    patterns = ((workspaces as Json).packages as unknown[]).filter((p): p is string => typeof p === 'string');
  }
  const pnpm = path.join(context.root, 'pnpm-workspace.yaml');
  if (!patterns && fs.existsSync(pnpm)) {
    try {
      const parsed = readYamlFileSync(pnpm).value as {packages?: unknown} | null;
      if (Array.isArray(parsed?.packages)) patterns = parsed.packages.filter((p): p is string => typeof p === 'string');
    } catch (error) {
      const {line, fix} = isUserError(error) ? error.details : {line: undefined, fix: undefined};
      const why = isUserError(error) ? error.message : 'it is not valid YAML';
      context.report.warn(`pnpm-workspace.yaml is not read (${why}); its packages are not documented separately`, {file: pnpm, line, fix});
    }
  }
  if (!patterns || patterns.length === 0) return undefined;
  const positive = patterns.filter((p) => !p.startsWith('!')).map(globToRegExp);
  const negative = patterns.filter((p) => p.startsWith('!')).map((p) => globToRegExp(p.slice(1)));
  const dirs = context.inventory.packages
    .map((pkg) => pkg.dir)
    .filter((dir) => dir !== '' && positive.some((re) => re.test(dir)) && !negative.some((re) => re.test(dir)));
  return dirs.length > 0 ? dirs.sort() : undefined;
}

function globToRegExp(glob: string): RegExp {
  const clean = glob.replace(/^\.\//, '').replace(/\/$/, '');
  const source = clean
    .split(/(\*\*\/?|\*|\?)/)
    .map((part) => (part === '**/' ? '(?:.*/)?' : part === '**' ? '.*' : part === '*' ? '[^/]*' : part === '?' ? '[^/]' : part.replace(/[.+^${}()|[\]\\]/g, '\\$&')))
    .join('');
  return new RegExp(`^${source}$`);
}

/** `exports` subpaths (patterns with `*` are not expanded: they expose files, not an API), else the single-entry fields. */
function manifestEntries(context: TargetContext, dir: string, name: string, manifest: Json, files: Set<string>): EntryPoint[] {
  const entries: EntryPoint[] = [];
  // Read once per package, when the first target is looked up.
  let layout: BuildLayout | undefined;
  const exportsField = manifest.exports;
  const subpaths: [string, unknown][] =
    typeof exportsField === 'string' || Array.isArray(exportsField)
      ? [['.', exportsField]]
      : exportsField && typeof exportsField === 'object'
        ? Object.keys(exportsField).some((key) => key.startsWith('.'))
          ? Object.entries(exportsField as Json)
          : [['.', exportsField]]
        : [];
  for (const [subpath, target] of subpaths) {
    if (subpath.includes('*') || subpath === './package.json' || /\.json$/.test(subpath)) continue;
    const file = sourceOf(dir, leaves(target), files, (layout ??= buildLayout(context.root, dir)));
    const importName = subpath === '.' ? name : `${name}/${subpath.replace(/^\.\//, '')}`;
    if (file) entries.push({name: importName, file, importable: true});
    else if (leaves(target).some((leaf) => SOURCE.test(leaf))) {
      context.report.warn(`package.json "exports" entry "${subpath}" has no source file in the repository`, {
        file: path.posix.join(dir, 'package.json'),
        key: `exports["${subpath}"]`,
        fix: 'Build output is mapped back to source through the tsconfig (rootDir, outDir) and by its path under src/, source/ or lib/; name the entry point in codeReference.entryPoints if the layout differs',
      });
    }
  }
  if (entries.length === 0) {
    const single = ['source', 'types', 'typings', 'module', 'main'].map((key) => manifest[key]).filter((v): v is string => typeof v === 'string');
    const file = sourceOf(dir, single, files, (layout ??= buildLayout(context.root, dir)));
    if (file) entries.push({name, file, importable: true});
  }
  return entries;
}

/** The string targets of an `exports` value, in the order of preference of their conditions. */
function leaves(target: unknown): string[] {
  if (typeof target === 'string') return [target];
  if (Array.isArray(target)) return target.flatMap(leaves);
  if (!target || typeof target !== 'object') return [];
  const entries = Object.entries(target as Json);
  const rank = (key: string) => {
    const index = CONDITION_ORDER.indexOf(key);
    return index === -1 ? (key.includes('source') ? -1 : CONDITION_ORDER.length) : index;
  };
  return entries.sort(([a], [b]) => rank(a) - rank(b)).flatMap(([, value]) => leaves(value));
}

/**
 * The source file behind a target: itself if it is TypeScript, else the .ts of the same name: where
 * the tsconfig says the output folder is built from, else after dropping the usual build folders and
 * trying under src/, else the built file's path below any source folder (`distribution/a/b.js` →
 * `source/a/b.ts`, `source/b.ts`...).
 */
export function sourceOf(dir: string, targets: string[], files: Set<string>, layout: BuildLayout = {mappings: [], sourceDirs: ['src']}): string | undefined {
  const join = (relative: string) => path.posix.normalize(path.posix.join(dir, relative)).replace(/^\.\//, '');
  for (const target of targets) {
    const file = join(target);
    if (TS_SOURCE.test(file) && files.has(file)) return file;
  }
  for (const target of targets) {
    const base = join(target).replace(/\.d\.[cm]?ts$|\.[cm]?jsx?$|\.[cm]?ts$/, '');
    const relative = dir ? base.slice(dir.length + 1) : base;
    const segments = relative.split('/');
    const candidates = [relative];
    for (const {out, source} of layout.mappings) {
      if (out === '' || relative.startsWith(`${out}/`)) candidates.push(path.posix.join(source, out === '' ? relative : relative.slice(out.length + 1)));
    }
    for (let i = 0; i < segments.length - 1 && BUILD_DIRS.has(segments[i]!); i++) {
      const rest = segments.slice(i + 1).join('/');
      candidates.push(`src/${rest}`, rest);
    }
    // An output folder of any name: the rest of its path under each source folder, deepest first.
    for (let i = 1; i < segments.length; i++) {
      const rest = segments.slice(i).join('/');
      for (const sourceDir of layout.sourceDirs) candidates.push(path.posix.join(sourceDir, rest));
    }
    for (const candidate of candidates) {
      for (const ext of ['.ts', '.tsx', '.mts', '.cts', '/index.ts', '/index.tsx']) {
        const file = join(candidate + ext);
        if (files.has(file)) return file;
      }
    }
  }
  // A JavaScript package documents its JavaScript (types from JSDoc); a types-only one its .d.ts.
  for (const target of targets) {
    const file = join(target);
    if (SOURCE.test(file) && files.has(file)) return file;
  }
  return undefined;
}

/** The files a package's tsconfig.json names (with `include`/`files`), tests left out. */
function tsconfigEntries(context: TargetContext, dir: string, inPackage: string[], isDocumentable: (file: string) => boolean): EntryPoint[] {
  const tsconfig = path.posix.join(dir, 'tsconfig.json');
  if (!context.inventory.tsconfigs.includes(tsconfig)) return [];
  let config: {files?: unknown; include?: unknown; exclude?: unknown};
  try {
    // tsconfig.json is JSON with comments: TypeScript's own reader takes it.
    config = ts.parseConfigFileTextToJson(tsconfig, fs.readFileSync(path.join(context.root, tsconfig), 'utf8')).config as typeof config;
  } catch {
    return [];
  }
  const include = Array.isArray(config?.include) ? config.include.filter((p): p is string => typeof p === 'string') : [];
  const listed = Array.isArray(config?.files) ? config.files.filter((p): p is string => typeof p === 'string') : [];
  if (include.length === 0 && listed.length === 0) return [];
  const matcher = ignore().add(include.map((p) => p.replace(/^\.\//, '')));
  const excluded = ignore().add(Array.isArray(config.exclude) ? config.exclude.filter((p): p is string => typeof p === 'string') : []);
  return inPackage
    .filter((file) => {
      const relative = dir ? file.slice(dir.length + 1) : file;
      return (matcher.ignores(relative) || listed.includes(relative)) && !excluded.ignores(relative) && isDocumentable(file) && TS_SOURCE.test(file);
    })
    .map(fileEntry);
}
