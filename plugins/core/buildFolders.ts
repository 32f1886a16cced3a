/**
 * Each build's own work folders (see docs/adr/0025). Docusaurus keeps its generated files in
 * `<siteDir>/.docusaurus` and we keep ours in `<siteDir>/.docs-architect`, so two builds from one
 * install shared both and broke each other. The CLI now runs Docusaurus on a small site folder per
 * (target, output folder), in the user's cache folder, never in the target (which may be hostile) nor
 * in the package (which may be read-only, or inside node_modules). The folder holds links to the
 * site's own sources and to the installed modules; the config stays the package's (`--config`).
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/** What the site folder links to in the package: the sources the bundler and Docusaurus look up by siteDir. */
const LINKED = ['src', 'static', 'plugins'] as const;

/** Where the build folders live: `$DOCS_ARCHITECT_CACHE_DIR`, else the XDG cache folder. */
export function cacheRoot(env: NodeJS.ProcessEnv = process.env): string {
  if (env.DOCS_ARCHITECT_CACHE_DIR) return path.resolve(env.DOCS_ARCHITECT_CACHE_DIR);
  const base = env.XDG_CACHE_HOME ? path.resolve(env.XDG_CACHE_HOME) : path.join(os.homedir(), '.cache');
  return path.join(base, 'docs-architect');
}

/**
 * The key of a build: the target's real path and where its site goes (`start` for the dev server).
 * The same target built to two folders gets two builds; a rebuild of the same reuses its caches.
 */
export function buildKey(target: string, out: string): string {
  return crypto.createHash('sha256').update(JSON.stringify([target, out])).digest('hex').slice(0, 16);
}

export interface BuildSiteOptions {
  /** The package root: where docusaurus.config.ts, src/ and static/ are. */
  packageDir: string;
  /** The target's real path. */
  target: string;
  /** Absolute output folder of `build`, or `start`. */
  out: string;
  env?: NodeJS.ProcessEnv;
}

/** Creates (or refreshes) the site folder of one build and returns its path. */
export function createBuildSite(options: BuildSiteOptions): string {
  const dir = path.join(cacheRoot(options.env), 'builds', buildKey(options.target, options.out));
  fs.mkdirSync(dir, {recursive: true});
  for (const name of LINKED) link(path.join(options.packageDir, name), path.join(dir, name));
  // The folder that holds @docusaurus/core: the package's own node_modules in a clone, the
  // project's node_modules when the package is installed as a dependency.
  const modules = path.resolve(path.dirname(require.resolve('@docusaurus/core/package.json', {paths: [options.packageDir]})), '..', '..');
  link(modules, path.join(dir, 'node_modules'));
  // For people looking at the cache: which build this folder is.
  const about = `${JSON.stringify({target: options.target, out: options.out}, null, 2)}\n`;
  const aboutFile = path.join(dir, 'build.json');
  if (readOr(aboutFile) !== about) fs.writeFileSync(aboutFile, about);
  return dir;
}

/** Makes `at` a symbolic link to `to`, replacing whatever link was there. */
function link(to: string, at: string): void {
  const current = fs.lstatSync(at, {throwIfNoEntry: false});
  if (current?.isSymbolicLink() && fs.readlinkSync(at) === to) return;
  if (current) fs.rmSync(at, {recursive: true, force: true});
  try {
    fs.symlinkSync(to, at, 'junction');
  } catch (error) {
    // Another process of the same build made it first.
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  }
}

function readOr(file: string): string | undefined {
  try {
    return fs.readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
}
