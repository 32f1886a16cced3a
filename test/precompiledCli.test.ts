/**
 * The CLI compiled to JavaScript (bin/precompiled.js, bin/buildCli.mjs; docs/adr/0054): made on first
 * use in a clone, reused while its sources are unchanged, made again when one changes, and giving the
 * same bytes as the TypeScript run through jiti. Real processes through the real launcher.
 */
import {spawnSync} from 'node:child_process';
import fs from 'node:fs';
import {createRequire} from 'node:module';
import path from 'node:path';
import {pathToFileURL} from 'node:url';
import {describe, expect, it} from 'vitest';
import {tempFolders} from './tempFolders';

const PACKAGE_DIR = path.resolve(__dirname, '..');
const CLI = path.join(PACKAGE_DIR, 'bin', 'docs-architect.js');

interface Manifest {
  rolldown: string;
  sources: [string, number?, number?][];
  modules: [string, number?, number?][];
}
const precompiled = createRequire(__filename)('../bin/precompiled.js') as {
  MANIFEST: string;
  chunksFolder: (packageDir: string, env?: NodeJS.ProcessEnv) => {dir: string; compile: boolean};
  fresh: (packageDir: string, dir: string) => boolean;
};

const {tempDir, makeTarget} = tempFolders('precompiled');

function run(args: string[], env: NodeJS.ProcessEnv): {status: number | null; stdout: string; stderr: string} {
  return spawnSync(process.execPath, [CLI, ...args], {encoding: 'utf8', env: {...process.env, ...env}});
}

const PYTHON_TARGET = {
  'shapes/__init__.py': '"""Shapes."""\nfrom .square import Square\n\n__all__ = ["Square", "area"]\n\n\ndef area(side: float) -> float:\n    """The area of a square."""\n    return side * side\n',
  'shapes/square.py': 'class Square:\n    """A square."""\n\n    def __init__(self, side: float = 1.0) -> None:\n        self.side = side\n',
};

describe('the compiled CLI', () => {
  it('is made on first use, reused, made again when a source changes, and writes the same bytes as jiti', () => {
    const cache = tempDir('cache');
    const target = makeTarget(PYTHON_TARGET);
    const out = tempDir('out');
    const env = {DOCS_ARCHITECT_CACHE_DIR: cache};
    const {dir, compile} = precompiled.chunksFolder(PACKAGE_DIR, env);
    expect(compile).toBe(true);
    expect(dir.startsWith(path.join(cache, 'cli') + path.sep)).toBe(true);

    const first = run(['extract', target, '--json', path.join(out, 'compiled.json')], env);
    expect(first.stderr).toBe('');
    expect(first.status).toBe(0);
    expect(fs.existsSync(path.join(dir, 'cli.cjs'))).toBe(true);
    const manifestFile = path.join(dir, precompiled.MANIFEST);
    const manifest = JSON.parse(fs.readFileSync(manifestFile, 'utf8')) as Manifest;
    const sources = manifest.sources.map(([file]) => file);
    expect(sources).toContain('plugins/core/cli.ts');
    expect(sources).toContain('plugins/python/parse/parseModule.ts');
    expect(sources).toContain('bin/buildCli.mjs');
    // node_modules is stamped by npm's record of it, not file by file.
    expect(sources.filter((file) => file.split('/').includes('node_modules'))).toEqual([]);
    expect(manifest.modules.map(([file]) => file)).toEqual(['node_modules/.package-lock.json']);
    expect(precompiled.fresh(PACKAGE_DIR, dir)).toBe(true);

    const jiti = run(['extract', target, '--json', path.join(out, 'jiti.json')], {...env, DOCS_ARCHITECT_PRECOMPILED: '0'});
    expect(jiti.status).toBe(0);
    const compiledJson = fs.readFileSync(path.join(out, 'compiled.json'), 'utf8');
    expect(compiledJson).toBe(fs.readFileSync(path.join(out, 'jiti.json'), 'utf8'));
    expect(JSON.parse(compiledJson).model.symbols.map((symbol: {name: string}) => symbol.name).sort()).toEqual(['Square', 'area']);

    // Unchanged sources: the chunks are reused as they are.
    const made = fs.statSync(manifestFile).mtimeMs;
    expect(run(['extract', target, '--json', path.join(out, 'again.json')], env).status).toBe(0);
    expect(fs.statSync(manifestFile).mtimeMs).toBe(made);

    // A source that no longer matches its stamp (as after an edit): the chunks are made again.
    const edited: Manifest = {...manifest, sources: manifest.sources.map(([file, size, time]) => (file === 'plugins/core/cli.ts' ? [file, (size ?? 0) + 1, time] : [file, size, time]))};
    fs.writeFileSync(manifestFile, JSON.stringify(edited));
    expect(precompiled.fresh(PACKAGE_DIR, dir)).toBe(false);
    expect(run(['extract', target, '--json', path.join(out, 'remade.json')], env).status).toBe(0);
    expect(precompiled.fresh(PACKAGE_DIR, dir)).toBe(true);
    expect(fs.readFileSync(path.join(out, 'remade.json'), 'utf8')).toBe(compiledJson);
  });

  it('is looked for in dist/cli of an installed package, never compiled inside node_modules', () => {
    const installed = path.join(tempDir('project'), 'node_modules', 'docs-architect');
    fs.mkdirSync(installed, {recursive: true});
    expect(precompiled.chunksFolder(installed, {DOCS_ARCHITECT_CACHE_DIR: tempDir('cache')})).toEqual({dir: path.join(installed, 'dist', 'cli'), compile: false});
  });

  it('ships chunks that name packages and sources relative to where they are installed', async () => {
    const {buildCli} = (await import(pathToFileURL(path.join(PACKAGE_DIR, 'bin', 'buildCli.mjs')).href)) as {buildCli: (options: {outDir: string; bare: boolean}) => Promise<Manifest>};
    const outDir = path.join(tempDir('dist'), 'cli');
    const manifest = await buildCli({outDir, bare: true});
    expect(manifest.sources).toEqual([]);
    const chunks = fs.readdirSync(outDir).filter((file) => file.endsWith('.cjs'));
    expect(chunks).toContain('cli.cjs');
    expect(chunks.length).toBeGreaterThan(5);
    // No absolute path: packages by name, our sources relative to the chunk (dist/cli → ../../plugins).
    for (const chunk of chunks) {
      const code = fs.readFileSync(path.join(outDir, chunk), 'utf8');
      expect(code, chunk).not.toContain(`"${PACKAGE_DIR}`);
      expect(code, chunk).not.toMatch(/require\("\//);
    }
    const cli = fs.readFileSync(path.join(outDir, 'cli.cjs'), 'utf8');
    expect(cli).toContain(JSON.stringify(path.relative(outDir, path.join(PACKAGE_DIR, 'plugins', 'core', 'cli.ts'))));
    const requiring = (name: string) => chunks.filter((chunk) => fs.readFileSync(path.join(outDir, chunk), 'utf8').includes(`require("${name}")`));
    expect(requiring('@lezer/python').length).toBeGreaterThan(0);
    // Lazy imports stay chunks of their own (docs/adr/0059): the command entry requires no heavy reader.
    expect(requiring('ts-morph')).not.toContain('cli.cjs');
    expect(requiring('ts-morph').length).toBeGreaterThan(0);
  });
});
