// The CLI compiled to plain JavaScript (bin/buildCli.mjs), so that a command starts without jiti
// compiling or loading TypeScript: 17-27 % of `docs-architect extract`'s CPU time (docs/adr/0054).
// - Installed (inside node_modules): the chunks `npm pack` shipped in dist/cli; an installed
//   package's files do not change.
// - A clone: chunks compiled on first use into the cache folder, and again whenever a source they
//   were made from or node_modules changed; compiling needs rolldown, a development dependency.
// Whenever the chunks cannot be had, or DOCS_ARCHITECT_PRECOMPILED=0, the launcher runs the
// TypeScript through jiti as before: same code, same output.
'use strict';
const crypto = require('node:crypto');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

/** The manifest beside the chunks: what they were made from, for the freshness check. */
const MANIFEST = 'manifest.json';
/** npm rewrites it on every install: the one stamp of node_modules' content. */
const INSTALL_RECORD = 'node_modules/.package-lock.json';

/** [file, size, mtime] of each file (relative to `root`), [file] when absent. */
function stamps(root, files) {
  return files.map((file) => {
    const stat = fs.statSync(path.join(root, file), {throwIfNoEntry: false});
    return stat ? [file, stat.size, stat.mtimeMs] : [file];
  });
}

/** The cache folder, as plugins/core/buildFolders.ts's cacheRoot (this file runs before any TypeScript). */
function cacheRoot(env) {
  if (env.DOCS_ARCHITECT_CACHE_DIR) return path.resolve(env.DOCS_ARCHITECT_CACHE_DIR);
  const base = env.XDG_CACHE_HOME ? path.resolve(env.XDG_CACHE_HOME) : path.join(os.homedir(), '.cache');
  return path.join(base, 'docs-architect');
}

/** Where the chunks of the package at `packageDir` are, and whether they may be (re)compiled there. */
function chunksFolder(packageDir, env = process.env) {
  const real = fs.realpathSync(packageDir);
  if (real.split(path.sep).includes('node_modules')) return {dir: path.join(real, 'dist', 'cli'), compile: false};
  const key = crypto.createHash('sha256').update(real).digest('hex').slice(0, 16);
  return {dir: path.join(cacheRoot(env), 'cli', key), compile: true};
}

/** True when the chunks in `dir` were made from the sources and modules as they are now. */
function fresh(packageDir, dir) {
  let manifest;
  try {
    manifest = JSON.parse(fs.readFileSync(path.join(dir, MANIFEST), 'utf8'));
  } catch {
    return false;
  }
  const now = stamps(packageDir, [...manifest.sources, ...manifest.modules].map(([file]) => file));
  return JSON.stringify(now) === JSON.stringify([...manifest.sources, ...manifest.modules]);
}

/**
 * The compiled CLI module (`{main}`), or undefined when it cannot be had. Compiling failures are
 * not the user's concern: the TypeScript runs instead, through jiti.
 */
async function precompiledCli(packageDir, env = process.env) {
  if (env.DOCS_ARCHITECT_PRECOMPILED === '0' || !process.features.require_module) return undefined;
  const {dir, compile} = chunksFolder(packageDir, env);
  const entry = path.join(dir, 'cli.cjs');
  if (compile ? !fresh(packageDir, dir) : !fs.existsSync(entry)) {
    if (!compile) return undefined;
    try {
      const {buildCli} = await import(require('node:url').pathToFileURL(path.join(__dirname, 'buildCli.mjs')).href);
      await buildCli({outDir: dir});
    } catch {
      return undefined; // no rolldown (installed without development dependencies), or it failed
    }
  }
  return require(entry);
}

module.exports = {MANIFEST, INSTALL_RECORD, stamps, chunksFolder, fresh, precompiledCli};
