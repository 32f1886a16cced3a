/**
 * Other targets for the end-to-end tests: real folders made in the OS temp dir, built with the real
 * CLI and served with `docusaurus serve` on loopback. A spec gets a target through `builtTarget` or
 * `servedTarget` (e2e/catalog.ts names them all): each distinct target is built once per run and
 * served once per worker, whichever specs use it (docs/adr/0048).
 */
import {execFileSync, spawn, spawnSync, type ChildProcess} from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
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
export function buildSite(target: string, out: string, extraArgs: string[] = [], env: Record<string, string> = {}): string {
  const result = runBuild(target, out, extraArgs, env);
  if (result.status !== 0) throw new Error(`build of ${target} failed (${result.status}):\n${result.stderr.slice(-4000)}`);
  return result.stderr;
}

/**
 * `docs-architect build` with its exit status and output, for tests that read what it prints. A build
 * that succeeds must publish a site model that validates against its schema, on every target.
 */
export function runBuild(target: string, out: string, extraArgs: string[] = [], env: Record<string, string> = {}): {status: number | null; stdout: string; stderr: string} {
  const result = spawnSync(process.execPath, [path.join(SITE_DIR, 'bin', 'docs-architect.js'), 'build', target, '--out', out, ...extraArgs], {
    cwd: SITE_DIR,
    encoding: 'utf8',
    env: {...process.env, DOCS_TARGET: '', DOCS_STRICT: '', ...env},
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

/** What a target of the catalog is: how to make it, and how to build it. */
export interface TargetDefinition {
  /** Its folder under this run's folder; also its name in messages. */
  name: string;
  /**
   * Writes the target into `dir` (an empty folder), or makes it elsewhere and returns that folder;
   * `facts` are what the specs need to know about it (a commit, a name), kept with the build.
   */
  make: (dir: string) => void | string | {dir: string; facts: Record<string, string>};
  /** More arguments of `docs-architect build`. */
  args?: string[];
  /** A cache folder of its own (DOCS_ARCHITECT_CACHE_DIR), for a spec that looks into it. */
  ownCache?: boolean;
  /** The build may fail: specs read its status. Otherwise a failed build fails every spec using it. */
  mayFail?: boolean;
}

/** A built target: where it is, where its site is, and what the build printed. */
export interface BuiltTarget {
  name: string;
  dir: string;
  out: string;
  cache?: string;
  facts: Record<string, string>;
  status: number | null;
  stdout: string;
  stderr: string;
}

/**
 * This run's folder (playwright.config.ts names it once, so every worker shares it; the global
 * teardown removes it). Builds are kept there rather than in memory so that a worker started
 * after a failure finds them.
 */
export function runFolder(): string {
  const dir = process.env.E2E_RUN_DIR ?? path.join(os.tmpdir(), `docs-architect-e2e-${process.ppid}`);
  fs.mkdirSync(dir, {recursive: true});
  return dir;
}

const RECORD = 'build.json';

function sleepSync(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

/** Runs `work` holding `lock` (a folder: mkdir is atomic), so two workers never build one target at once. */
function withLock<T>(lock: string, work: () => T): T {
  const deadline = Date.now() + 1_200_000;
  for (;;) {
    try {
      fs.mkdirSync(lock);
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST' || Date.now() > deadline) throw error;
      sleepSync(500);
    }
  }
  try {
    return work();
  } finally {
    fs.rmSync(lock, {recursive: true, force: true});
  }
}

/** The target built, once per run: the first spec that asks builds it, the others read the record. */
export function builtTarget(definition: TargetDefinition): BuiltTarget {
  const root = path.join(runFolder(), definition.name);
  fs.mkdirSync(root, {recursive: true});
  return withLock(path.join(root, '.lock'), () => {
    const record = path.join(root, RECORD);
    if (fs.existsSync(record)) return JSON.parse(fs.readFileSync(record, 'utf8')) as BuiltTarget;
    const folder = path.join(root, 'target');
    fs.rmSync(folder, {recursive: true, force: true});
    fs.mkdirSync(folder);
    const made = definition.make(folder);
    const dir = typeof made === 'string' ? made : (made?.dir ?? folder);
    const facts = typeof made === 'object' ? made.facts : {};
    const out = path.join(root, 'site');
    const cache = definition.ownCache ? path.join(root, 'cache') : undefined;
    const result = runBuild(dir, out, definition.args, cache ? {DOCS_ARCHITECT_CACHE_DIR: cache} : {});
    if (result.status !== 0 && !definition.mayFail) throw new Error(`build of the ${definition.name} target failed (${result.status}):\n${result.stderr.slice(-4000)}`);
    const built: BuiltTarget = {name: definition.name, dir, out, cache, facts, ...result};
    fs.writeFileSync(record, JSON.stringify(built));
    return built;
  });
}

/** A free port on loopback, so that served targets never clash with each other or with other runs. */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const {port} = probe.address() as net.AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}

/** Each docusaurus serve holds about 250 MB: the worker keeps the last few, which is all one spec uses. */
const MAX_SERVERS = 4;
const servers = new Map<string, {server: ChildProcess; origin: string}>();
process.on('exit', () => {
  for (const {server} of servers.values()) server.kill();
});

/** The target built (once per run) and served on loopback (once per worker); `url(route)` is a page of it. */
export async function servedTarget(definition: TargetDefinition): Promise<BuiltTarget & {origin: string; url: (route: string) => string}> {
  const built = builtTarget(definition);
  let entry = servers.get(definition.name);
  if (entry) {
    servers.delete(definition.name);
  } else {
    if (built.status !== 0) throw new Error(`the ${definition.name} target did not build, so it cannot be served`);
    const port = await freePort();
    entry = {server: await serveSite(built.out, port, 180_000), origin: `http://127.0.0.1:${port}`};
  }
  // Most recently used last; the oldest stops when there are too many.
  servers.set(definition.name, entry);
  for (const [name, old] of servers) {
    if (servers.size <= MAX_SERVERS) break;
    old.server.kill();
    servers.delete(name);
  }
  const {origin} = entry;
  return {...built, origin, url: (route: string) => `${origin}${route}`};
}

/** Removes this run's folder and the targets made outside it (playwright.config.ts's global teardown). */
export function removeRunFolder(): void {
  const dir = process.env.E2E_RUN_DIR;
  if (!dir || !fs.existsSync(dir)) return;
  for (const name of fs.readdirSync(dir)) {
    const record = path.join(dir, name, RECORD);
    if (fs.existsSync(record)) fs.rmSync((JSON.parse(fs.readFileSync(record, 'utf8')) as BuiltTarget).dir, {recursive: true, force: true});
  }
  fs.rmSync(dir, {recursive: true, force: true});
}
