/**
 * Other targets for the end-to-end tests: real folders made in the OS temp dir, built with the real
 * CLI and served with `docusaurus serve` on loopback.
 */
import {execFileSync, spawn, spawnSync, type ChildProcess} from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const SITE_DIR = path.join(__dirname, '..');

export function tempDir(prefix: string): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), `docs-architect-${prefix}-`));
}

function git(cwd: string, args: string[], env: Record<string, string> = {}): void {
  execFileSync('git', args, {cwd, stdio: 'pipe', env: {...process.env, ...env}});
}

/** A copy of the `ignore` package from node_modules, with a docs folder and one commit by a known author. */
export function makePackageTarget(): {dir: string; name: string; version: string; description: string} {
  const dir = tempDir('pkg');
  const source = path.join(SITE_DIR, 'node_modules', 'ignore');
  for (const file of fs.readdirSync(source)) {
    const from = path.join(source, file);
    if (fs.statSync(from).isFile()) fs.copyFileSync(from, path.join(dir, file));
  }
  fs.mkdirSync(path.join(dir, 'docs'));
  fs.writeFileSync(
    path.join(dir, 'docs', 'guide.md'),
    '---\ntitle: Using ignore\n---\n\n# Using ignore\n\nFilter paths with `.gitignore` rules: `ignore().add(rules).ignores(path)`.\n',
  );
  git(dir, ['init', '-q', '-b', 'main']);
  git(dir, ['remote', 'add', 'origin', 'git@github.com:acme/ignore-copy.git']);
  git(dir, ['add', '-A']);
  const when = '2024-03-05T12:00:00Z';
  git(dir, ['-c', 'user.name=Ada Lovelace', '-c', 'user.email=ada@example.com', 'commit', '-q', '-m', 'docs: first guide'], {
    GIT_AUTHOR_DATE: when,
    GIT_COMMITTER_DATE: when,
  });
  const pkg = JSON.parse(fs.readFileSync(path.join(dir, 'package.json'), 'utf8')) as Record<string, string>;
  return {dir, name: pkg.name!, version: pkg.version!, description: pkg.description!};
}

/** A folder with one TypeScript file: no git, no manifest, no docs. */
export function makeBareTarget(): string {
  const dir = tempDir('bare');
  fs.mkdirSync(path.join(dir, 'src'));
  fs.writeFileSync(path.join(dir, 'src', 'main.ts'), 'export const answer = 42;\n');
  return dir;
}

/** Builds `target` into `out` with the CLI; returns what the build printed on stderr (its warnings). */
export function buildSite(target: string, out: string): string {
  const result = spawnSync(process.execPath, [path.join(SITE_DIR, 'bin', 'docs-architect.js'), 'build', target, '--out', out], {
    cwd: SITE_DIR,
    encoding: 'utf8',
    env: {...process.env, DOCS_TARGET: ''},
    timeout: 600_000,
  });
  if (result.status !== 0) {
    throw new Error(`docs-architect build ${target} failed (${result.status ?? result.signal}):\n${result.stderr.slice(-4000)}`);
  }
  return result.stderr;
}

export async function serveSite(dir: string, port: number): Promise<ChildProcess> {
  const server = spawn(
    process.execPath,
    [require.resolve('@docusaurus/core/bin/docusaurus.mjs'), 'serve', '--dir', dir, '--port', String(port), '--host', '127.0.0.1', '--no-open'],
    {cwd: SITE_DIR, stdio: 'ignore'},
  );
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    try {
      if ((await fetch(`http://127.0.0.1:${port}/`)).ok) return server;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  server.kill();
  throw new Error(`docusaurus serve did not answer on port ${port}`);
}
