/**
 * Compiles the CLI (plugins/core/cli.ts and what it imports of ours) into plain CommonJS chunks with
 * rolldown, so that a command starts without jiti compiling or loading TypeScript (docs/adr/0054).
 *
 *   node bin/buildCli.mjs [--out <dir>]      (default: dist/cli, what `npm pack` ships)
 *
 * The launcher (bin/precompiled.js) calls `buildCli` itself in a clone, into the cache folder.
 * Semantics stay those of the TypeScript run by jiti:
 * - packages in node_modules stay outside the chunks and are loaded by Node's `require` (ES modules
 *   too: Node 20.19+'s require(esm), which the launcher checks for), as jiti loads them; `bare` keeps
 *   their names (a packed package resolves them from where it is installed), otherwise they are
 *   written as absolute paths (a chunk in the cache folder resolves nothing);
 * - `__dirname`, `__filename` and `require` in a module of ours keep meaning its source file's
 *   folder, file and resolution, wherever the chunk is, by a path relative to the chunk.
 */
import fs from 'node:fs';
import {builtinModules, createRequire} from 'node:module';
import path from 'node:path';
import {fileURLToPath} from 'node:url';
import precompiled from './precompiled.js';

const {INSTALL_RECORD, MANIFEST, stamps} = precompiled;

const PACKAGE_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const ENTRY = 'plugins/core/cli.ts';
const BUILTINS = new Set(builtinModules);

const OWN = /\.(ts|tsx|mts|cts)$/;

/** Prepends what keeps `__dirname`, `__filename` and `require` those of the source file. */
function keepLocation(code, file, outDir) {
  const uses = {dirname: /\b__dirname\b/.test(code), filename: /\b__filename\b/.test(code), require: /\brequire\s*[.(]/.test(code)};
  if (!uses.dirname && !uses.filename && !uses.require) return undefined;
  const relative = JSON.stringify(path.relative(outDir, file).split(path.sep).join('/'));
  const body = code
    .replace(/\b__dirname\b/g, '__source_dirname')
    .replace(/\b__filename\b/g, '__source_filename')
    .replace(/\brequire(\s*[.(])/g, '__source_require$1');
  return [
    "import {join as __source_join, dirname as __source_parent} from 'node:path';",
    "import {createRequire as __source_createRequire} from 'node:module';",
    // `__dirname` here is the chunk's own folder (CommonJS output): the source is found relative to it.
    `const __source_filename = __source_join(__dirname, ${relative});`,
    'const __source_dirname = __source_parent(__source_filename);',
    'const __source_require = __source_createRequire(__source_filename);',
    'void __source_dirname, __source_require;',
    body,
  ].join('\n');
}

/**
 * Builds the chunks into `outDir` (replaced as a whole: written beside it, then renamed, so a
 * process starting meanwhile sees the old chunks or the new ones). Returns the manifest.
 */
export async function buildCli({outDir, bare = false}) {
  const {build, VERSION} = await import('rolldown');
  const staging = `${outDir}.${process.pid}.${Date.now()}`;
  const inputs = new Set();
  await build({
    input: {cli: path.join(PACKAGE_DIR, ENTRY)},
    platform: 'node',
    cwd: PACKAGE_DIR,
    logLevel: 'silent',
    plugins: [
      {
        name: 'docs-architect-cli',
        resolveId(specifier, importer) {
          if (!importer || specifier.startsWith('.') || path.isAbsolute(specifier)) return null;
          if (BUILTINS.has(specifier) || specifier.startsWith('node:')) return {id: specifier, external: true};
          let resolved;
          try {
            resolved = createRequire(importer).resolve(specifier);
          } catch {
            return null; // an ES module's "import" condition only: compiled in, as jiti would transform it
          }
          // A packed package resolves names from where it is installed, as the TypeScript beside it does.
          return {id: bare ? specifier : resolved, external: true};
        },
        transform(code, id) {
          if (path.isAbsolute(id) && fs.existsSync(id)) inputs.add(id);
          if (bare && id.split(path.sep).includes('node_modules')) {
            // Its own imports would be resolved from dist/cli, not from where npm installs it.
            throw new Error(`${id} would be compiled into the shipped CLI: only our sources may be`);
          }
          if (!OWN.test(id) || id.includes(`${path.sep}node_modules${path.sep}`)) return null;
          const kept = keepLocation(code, id, outDir);
          return kept === undefined ? null : {code: kept};
        },
      },
    ],
    output: {dir: staging, format: 'cjs', entryFileNames: '[name].cjs', chunkFileNames: '[name]-[hash].cjs', sourcemap: false},
  });
  const manifest = {
    rolldown: VERSION,
    // What the launcher compares before using the chunks in a clone: our sources (size and time),
    // this compiler, and npm's record of node_modules, which every install rewrites.
    sources: bare ? [] : stamps(PACKAGE_DIR, [...[...inputs].filter((file) => !file.split(path.sep).includes('node_modules')).map((file) => path.relative(PACKAGE_DIR, file)), 'bin/buildCli.mjs'].sort()),
    modules: bare ? [] : stamps(PACKAGE_DIR, [INSTALL_RECORD]),
  };
  fs.writeFileSync(path.join(staging, MANIFEST), `${JSON.stringify(manifest)}\n`);
  fs.rmSync(outDir, {recursive: true, force: true});
  try {
    fs.renameSync(staging, outDir);
  } catch {
    // Another process put its chunks there first: made from the same files, they do as well.
    fs.rmSync(staging, {recursive: true, force: true});
  }
  return manifest;
}

if (process.argv[1] && fs.realpathSync(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const index = process.argv.indexOf('--out');
  const outDir = path.resolve(index > 0 ? process.argv[index + 1] : path.join(PACKAGE_DIR, 'dist', 'cli'));
  const manifest = await buildCli({outDir, bare: true});
  // Standard error: `npm pack --json` prints its JSON on standard output, after this script.
  console.error(`docs-architect: CLI compiled to ${path.relative(process.cwd(), outDir) || '.'} (rolldown ${manifest.rolldown})`);
}
