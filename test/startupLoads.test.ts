/**
 * What `docs-architect check` loads (docs/adr/0059): a section's libraries load when the section is
 * extracted or rendered, a check's when a page has no cached findings, and nothing only a Docusaurus
 * build needs. Real processes through the real launcher and the compiled CLI (so that the chunks
 * keep each lazy import apart): the command's start-up alone (every generator and check listed, no
 * target read), then a target of Markdown pages only, cold and warm. A generator or check that
 * imports a heavy library at its top fails here.
 */
import {execFileSync, spawnSync} from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import {describe, expect, it} from 'vitest';
import {tempFolders} from './tempFolders';

const CLI = path.resolve(__dirname, '..', 'bin', 'docs-architect.js');

/** Never for a Markdown-only target: readers of sections it does not have, and the Docusaurus build's own parts. */
const NEVER = [
  '@redocly/openapi-core',
  'swagger2openapi',
  'graphql',
  'protobufjs',
  '@asyncapi/parser',
  'prism-react-renderer',
  '@docusaurus/core',
  '@docusaurus/preset-classic',
  '@docusaurus/theme-mermaid',
  'docusaurus-theme-openapi-docs',
  '@easyops-cn/docusaurus-search-local',
  'webpack',
  '@rspack/core',
];
/** Not in a warm run, whose pages' findings are all cached: the linters themselves. */
const WARM_NEVER = ['markdownlint', 'retext', 'retext-english', 'retext-equality'];
/**
 * Not when the command starts, before a section is extracted: the TypeScript compiler. (The
 * architecture and application readers still load it for a target without code: they import it at
 * their top, and run for every target.)
 */
const START_NEVER = [...NEVER, ...WARM_NEVER, 'ts-morph', '@ts-morph/common', 'typescript', 'simple-git', 'semver', 'es-module-lexer'];

/** Preloaded into the CLI's process: writes the packages it loaded, by name, when it exits. */
const RECORDER = `
const Module = require('node:module');
const fs = require('node:fs');
const seen = new Set();
const name = (file) => {
  const at = file.lastIndexOf('/node_modules/');
  if (at < 0) return undefined;
  const parts = file.slice(at + 14).split('/');
  return parts[0].startsWith('@') ? parts[0] + '/' + parts[1] : parts[0];
};
const load = Module._load;
Module._load = function (request, parent, isMain) {
  try {
    const found = name(Module._resolveFilename(request, parent, isMain));
    if (found) seen.add(found);
  } catch {}
  return load.apply(this, arguments);
};
process.on('exit', () => {
  for (const file of Object.keys(require.cache)) if (name(file)) seen.add(name(file));
  fs.writeFileSync(process.env.LOADED_FILE, JSON.stringify([...seen].sort()));
});
`;

const {tempDir, makeTarget} = tempFolders('startup');

describe('what check loads', () => {
  it('loads no reader of a section the target lacks, no Docusaurus build part, and no linter when every finding is cached', () => {
    const work = tempDir('startup-work');
    const recorder = path.join(work, 'recorder.cjs');
    fs.writeFileSync(recorder, RECORDER);
    const check = (run: string, target: string, status = 0): {loaded: string[]; stdout: string; stderr: string} => {
      const loadedFile = path.join(work, `${run}.json`);
      const result = spawnSync(process.execPath, ['--require', recorder, CLI, 'check', target, '--format', 'json'], {
        encoding: 'utf8',
        // The compiled CLI is made in this cache on the first run (docs/adr/0054), as in a fresh clone.
        env: {...process.env, DOCS_ARCHITECT_CACHE_DIR: path.join(work, 'cache'), DOCS_ARCHITECT_PRECOMPILED: '', LOADED_FILE: loadedFile},
      });
      expect(result.status).toBe(status);
      return {loaded: JSON.parse(fs.readFileSync(loadedFile, 'utf8')) as string[], stdout: result.stdout, stderr: result.stderr};
    };

    // Start-up: the command, its checks and every generator loaded; the target is then not found.
    const start = check('start', path.join(work, 'missing'), 1);
    expect(start.stderr).toMatch(/^docs-architect: .*missing/);
    expect(start.loaded).toContain('zod');
    expect(start.loaded.filter((name) => START_NEVER.includes(name))).toEqual([]);

    const target = makeTarget({
      'README.md': '# Notes\n\nA repository of notes, with a guide.\n',
      'docs/intro.md': '---\ntitle: Introduction\n---\n\n# Introduction\n\nThe service reads each request and answers it. See [the guide](./guide.md).\n',
      'docs/guide.md': '# Guide\n\n## Setting up\n\nInstall it, then run it. Back to [the start](./intro.md).\n',
    });
    const git = (...args: string[]) => execFileSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@example.com', '-c', 'commit.gpgsign=false', ...args], {cwd: target, stdio: 'ignore'});
    git('init', '--quiet');
    git('add', '.');
    git('commit', '--quiet', '-m', 'notes');
    const checked = (run: string): string[] => {
      const result = check(run, target);
      expect(result.stderr).toBe('');
      expect((JSON.parse(result.stdout) as {findings: unknown[]}).findings).toEqual([]);
      return result.loaded;
    };

    const cold = checked('cold');
    // The recorder sees packages our chunks load, directly and through a lazy import: the cold run
    // lints the three pages.
    expect(cold).toEqual(expect.arrayContaining(['zod', 'markdownlint', 'retext-equality']));
    expect(cold.filter((name) => NEVER.includes(name))).toEqual([]);

    const warm = checked('warm');
    expect(warm).toContain('zod');
    expect(warm.filter((name) => [...NEVER, ...WARM_NEVER].includes(name))).toEqual([]);
  }, 180_000);
});
