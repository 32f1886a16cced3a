/**
 * Other targets for the end-to-end tests: real folders made in the OS temp dir, built with the real
 * CLI and served with `docusaurus serve` on loopback.
 */
import {execFileSync, spawn, spawnSync, type ChildProcess} from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {assertValidSiteModel} from './siteModelSchema';

const SITE_DIR = path.join(__dirname, '..');

/** Lines of a build's output that report a broken link, anchor or Markdown link. */
export const brokenLinks = (stderr: string): string[] => stderr.split('\n').filter((line) => /broken|could not be resolved|couldn't be resolved/i.test(line));

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
    '---\ntitle: Using ignore\n---\n\n# Using ignore\n\nFilter paths with `.gitignore` rules: `ignore().add(rules).ignores(path)`.\n\nPlain Markdown, not MDX: a Map<string, {rules}> stays text.\n',
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
export function buildSite(target: string, out: string, extraArgs: string[] = []): string {
  const result = runBuild(target, out, extraArgs);
  if (result.status !== 0) throw new Error(`build of ${target} failed (${result.status}):\n${result.stderr.slice(-4000)}`);
  return result.stderr;
}

/**
 * `docs-architect build` with its exit status and output, for tests that read what it prints. A build
 * that succeeds must publish a site model that validates against its schema, on every target.
 */
export function runBuild(target: string, out: string, extraArgs: string[] = []): {status: number | null; stdout: string; stderr: string} {
  const result = spawnSync(process.execPath, [path.join(SITE_DIR, 'bin', 'docs-architect.js'), 'build', target, '--out', out, ...extraArgs], {
    cwd: SITE_DIR,
    encoding: 'utf8',
    env: {...process.env, DOCS_TARGET: '', DOCS_STRICT: ''},
    timeout: 600_000,
  });
  if (result.status === 0) assertValidSiteModel(path.isAbsolute(out) ? out : path.join(SITE_DIR, out));
  return {status: result.status, stdout: result.stdout, stderr: result.stderr};
}

/**
 * A target whose docs use audience front matter: a runbook overdue for review, a page for backend
 * engineers, and a page with a misspelt audience (`srr`) that a non-strict build must survive.
 */
export function makeAudienceTarget(): string {
  const dir = tempDir('audience');
  const docs = path.join(dir, 'docs');
  fs.mkdirSync(docs);
  fs.writeFileSync(path.join(dir, 'package.json'), JSON.stringify({name: 'audience-target', version: '1.0.0', description: 'Pages for SREs and backend engineers.'}));
  fs.writeFileSync(
    path.join(docs, 'restore.md'),
    [
      '---',
      'title: Restore the database',
      'audience: {primary: [sres], secondary: [backend-engineers]}',
      'experience_level: advanced',
      'content_type: playbook',
      'maintainers: [platform-team]',
      'review_cycle: quarterly',
      'last_reviewed: 2020-01-15',
      '---',
      '',
      'Stop the writers, then restore the latest snapshot.',
      '',
      '```bash',
      'pg_restore --clean --dbname app latest.dump',
      '```',
      '',
    ].join('\n'),
  );
  fs.writeFileSync(
    path.join(docs, 'api.md'),
    '---\ntitle: Call the API\naudience: [backend]\nexperience_level: beginner\ncontent_type: how-to\nestimated_reading_time: 7 minutes\n---\n\nSend a GET to /health.\n',
  );
  fs.writeFileSync(
    path.join(docs, 'typo.md'),
    '---\ntitle: Rotate the keys\naudience:\n  - sre\n  - srr\nexperience_level: intermediate\n---\n\nRotate them every month.\n',
  );
  return dir;
}

/**
 * `docusaurus serve` loads this site's config, which prepares the default target first: on a busy
 * machine that alone can take longer than the default wait.
 */
export async function serveSite(dir: string, port: number, waitMs = 30_000): Promise<ChildProcess> {
  const server = spawn(
    process.execPath,
    [require.resolve('@docusaurus/core/bin/docusaurus.mjs'), 'serve', '--dir', dir, '--port', String(port), '--host', '127.0.0.1', '--no-open'],
    {cwd: SITE_DIR, stdio: 'ignore'},
  );
  const deadline = Date.now() + waitMs;
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
