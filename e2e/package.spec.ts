/**
 * The package as a team gets it: `npm pack` of this repository, installed from the tarball as a
 * development dependency of a fresh repository, then `npx docs-architect build .` and `start .` run
 * there with no other setup. The site is checked in Chromium; nothing may be written inside
 * node_modules (docs/adr/0038). Then `check .` there. The shell lines of the guide's CI recipes
 * (docs/ci/*.yml) run as CI would run them (docs/adr/0055): their `npm ci` and build lines are the
 * build the other tests read (one build of this repository, docs/adr/0060), the rest run last.
 */
import {execFileSync, spawn, spawnSync, type ChildProcess} from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import {test, expect, gotoHydrated} from './fixtures';
import {PORT} from '../playwright.config';
import {tempDir} from './targets';
import {actionsUsed, KNOWN_ACTIONS, loadRecipes, publishedFolder} from '../test/ciRecipes';

test.describe.configure({mode: 'serial'});

const SITE_DIR = path.join(__dirname, '..');
const NPM = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const NPX = process.platform === 'win32' ? 'npx.cmd' : 'npx';

interface PackResult {
  filename: string;
  size: number;
  unpackedSize: number;
  files: {path: string}[];
}

/** Every file under `dir` modified after `since` (ms). */
function changedSince(dir: string, since: number): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir, {recursive: true, withFileTypes: true})
    .filter((entry) => entry.isFile() && fs.statSync(path.join(entry.parentPath, entry.name)).mtimeMs > since)
    .map((entry) => path.join(entry.parentPath, entry.name));
}

/** Waits until `url` answers 200, or fails after `waitMs`. */
async function waitFor(url: string, waitMs: number, server: ChildProcess): Promise<void> {
  const deadline = Date.now() + waitMs;
  while (Date.now() < deadline) {
    if (server.exitCode !== null) throw new Error(`the server exited with ${server.exitCode} before answering ${url}`);
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error(`nothing answered ${url} within ${waitMs} ms`);
}

/** True when `npm ci` refused the lock file only for optional packages of other platforms. */
function otherPlatformsOnly(stderr: string): boolean {
  const missing = [...stderr.matchAll(/^npm error Missing: (\S+)@\S* from lock file$/gm)].map((match) => match[1]!);
  return missing.length > 0 && missing.every((name) => /-(darwin|win32|linux|freebsd|android)-/.test(name) && !name.includes(`-${process.platform}-${process.arch}-gnu`));
}

/** Stops a server started detached, with everything it started. */
function stop(server: ChildProcess | undefined): void {
  if (server?.pid && server.exitCode === null) {
    try {
      process.kill(-server.pid, 'SIGTERM');
    } catch {
      // already gone
    }
  }
}

/** The distinct shell lines of the recipes' jobs, in recipe order, and the jobs that have them. */
function recipeLines(): {jobs: string[]; commands: string[]} {
  const jobs = loadRecipes().flatMap((recipe) => recipe.jobs.filter((job) => job.commands.length > 0));
  return {jobs: jobs.map((job) => job.name), commands: [...new Set(jobs.flatMap((job) => job.commands))]};
}

test.describe('the packed package, installed in a fresh repository', () => {
  test.setTimeout(1_200_000);
  let base: string;
  let repo: string;
  let pack: PackResult;
  let env: NodeJS.ProcessEnv;
  let installedAt = 0;
  let server: ChildProcess | undefined;
  /** Recipe lines run so far, across the tests that run them. */
  let ran = 0;

  /**
   * One shell line of a recipe, through a shell as CI runs a step's line, with what it must leave
   * behind: the built site after the build, the CLI after an install.
   */
  function runRecipeLine(command: string): void {
    if (command.includes(' build ')) fs.rmSync(path.join(repo, 'build'), {recursive: true, force: true});
    const started = Date.now();
    const run = spawnSync('sh', ['-c', command], {cwd: repo, encoding: 'utf8', env, timeout: 900_000});
    console.log(`${command}: ${((Date.now() - started) / 1000).toFixed(1)} s`);
    ran++;
    if (command.startsWith('npm ci') && run.status !== 0 && otherPlatformsOnly(run.stderr ?? '')) {
      // The registry this test can reach serves no other platform's optional binaries (e.g.
      // @swc/html-darwin-arm64 answers 404), so npm writes no lock entry for them and npm ci refuses
      // the lock file before touching node_modules. On a full registry the lock has them.
      test.info().annotations.push({type: 'npm ci', description: `${command}: lock file without other platforms' optional packages; the installed node_modules is used`});
      return;
    }
    // check --strict passes: the fresh repository has nothing to warn about (a test before fails it).
    expect(run.status, `${command}\n${(run.stderr ?? '').slice(-4000)}`).toBe(0);
    // What GitHub uploads, and GitLab keeps for its pages job, is the built site (build/docs, the
    // default output folder of the target: README, docs/adr/0038).
    if (command.includes(' build ')) expect(fs.existsSync(path.join(repo, 'build', 'docs', 'index.html')), command).toBe(true);
    if (command.startsWith('npm ci')) {
      expect(fs.existsSync(path.join(repo, 'node_modules', '.bin', 'docs-architect')), command).toBe(true);
      // node_modules was installed again: what the commands after it write is measured from here.
      installedAt = Date.now();
    }
  }

  test.beforeAll(() => {
    base = tempDir('package');
    env = {...process.env, DOCS_TARGET: '', DOCS_STRICT: '', DOCS_ARCHITECT_CACHE_DIR: path.join(base, 'cache')};
    // npm records the folder a script ran from; the commands here run from the new repository.
    delete env.INIT_CWD;
  });

  test.afterAll(() => {
    stop(server);
    if (base) fs.rmSync(base, {recursive: true, force: true});
  });

  test('npm pack ships the site and its plugins, without tests, fixtures or benchmarks', () => {
    const output = execFileSync(NPM, ['pack', '--json', '--pack-destination', base], {cwd: SITE_DIR, encoding: 'utf8', env});
    pack = (JSON.parse(output) as PackResult[])[0]!;
    const files = pack.files.map((file) => file.path);
    console.log(`package: ${pack.filename}, ${(pack.size / 1024).toFixed(0)} kB packed, ${(pack.unpackedSize / 1024).toFixed(0)} kB unpacked, ${files.length} files`);
    // dist/cli: the CLI compiled to JavaScript by `prepack` (docs/adr/0054).
    for (const needed of ['package.json', 'bin/docs-architect.js', 'dist/cli/cli.cjs', 'docusaurus.config.ts', 'siteParts.ts', 'sidebars.ts', 'plugins/core/cli.ts', 'src/theme/MDXComponents.tsx', 'static/img/logo.svg']) {
      expect(files, needed).toContain(needed);
    }
    expect(files.filter((file) => /(^|\/)(test|e2e|bench|examples|__fixtures__|testing)\/|\.test\.ts$|\.spec\.ts$/.test(file))).toEqual([]);
    const manifest = JSON.parse(fs.readFileSync(path.join(SITE_DIR, 'package.json'), 'utf8')) as {private?: boolean};
    expect(manifest.private).toBeUndefined();
    expect(pack.size).toBeLessThan(1_000_000);
  });

  test("installs from the tarball; the CI recipes' npm ci and npx docs-architect build . build the repository", () => {
    repo = path.join(base, 'repo');
    fs.mkdirSync(path.join(repo, 'src'), {recursive: true});
    fs.mkdirSync(path.join(repo, 'docs'));
    fs.writeFileSync(path.join(repo, 'package.json'), `${JSON.stringify({name: 'acme-widgets', version: '2.0.0', description: 'Widgets for Acme.', private: true}, null, 2)}\n`);
    fs.writeFileSync(path.join(repo, 'src', 'index.ts'), '/** Adds two widgets. */\nexport function addWidgets(a: number, b: number): number {\n  return a + b;\n}\n');
    fs.writeFileSync(path.join(repo, 'docs', 'getting-started.md'), '# Getting started\n\nInstall the widgets, then add two of them.\n');
    fs.writeFileSync(path.join(repo, 'README.md'), '# Acme widgets\n\nWidgets for Acme.\n');
    execFileSync('git', ['init', '-q', '-b', 'main'], {cwd: repo});

    // From the local tarball; its dependencies from the npm cache where it has them, else the registry.
    const tarball = path.join(base, pack.filename);
    const started = Date.now();
    let install = spawnSync(NPM, ['install', '--save-dev', '--offline', '--no-audit', '--no-fund', tarball], {cwd: repo, encoding: 'utf8', env});
    if (install.status !== 0) {
      install = spawnSync(NPM, ['install', '--save-dev', '--prefer-offline', '--no-audit', '--no-fund', tarball], {cwd: repo, encoding: 'utf8', env});
    }
    expect(install.status, install.stderr).toBe(0);
    console.log(`npm install of the tarball: ${((Date.now() - started) / 1000).toFixed(1)} s`);
    installedAt = Date.now();
    const installed = JSON.parse(fs.readFileSync(path.join(repo, 'package.json'), 'utf8')) as {devDependencies: Record<string, string>};
    expect(Object.keys(installed.devDependencies)).toEqual(['docs-architect']);

    // The recipes' first two lines, npm ci then the build, are this repository's one build: the other
    // tests serve it, check it and hand it to Pages (the recipe test runs the remaining lines).
    const {jobs, commands} = recipeLines();
    expect(jobs).toEqual(['build', 'check', 'docs:build', 'docs:check', 'pages']);
    expect(commands).toEqual(['npm ci', 'npx docs-architect build .', 'npx docs-architect check . --strict', 'npm ci --cache .npm --prefer-offline', 'mv build/docs public']);
    for (const command of commands.slice(0, 2)) runRecipeLine(command);
    // The default output folder is build/docs of the target (README, docs/adr/0038).
    expect(fs.existsSync(path.join(repo, 'build', 'docs', 'index.html'))).toBe(true);
    expect(fs.existsSync(path.join(repo, 'build', 'docs', 'api', 'src', 'index.html'))).toBe(true);
    // The shipped compiled CLI runs, with the same model as the TypeScript through jiti (docs/adr/0054).
    const models = [{}, {DOCS_ARCHITECT_PRECOMPILED: '0'}].map((extra) => {
      const extract = spawnSync(NPX, ['docs-architect', 'extract', '.'], {cwd: repo, encoding: 'utf8', env: {...env, ...extra}});
      expect(extract.status, extract.stderr).toBe(0);
      return extract.stdout;
    });
    expect(models[0]).toBe(models[1]);
    expect((JSON.parse(models[0]!) as {model: {symbols: {name: string}[]}}).model.symbols.map((symbol) => symbol.name)).toEqual(['addWidgets']);
    // Nothing written into node_modules: no work files, no bundler or loader cache.
    expect(changedSince(path.join(repo, 'node_modules', 'docs-architect'), installedAt)).toEqual([]);
    expect(fs.existsSync(path.join(repo, 'node_modules', '.cache'))).toBe(false);
    expect(fs.existsSync(path.join(repo, 'node_modules', 'docs-architect', '.docusaurus'))).toBe(false);
  });

  test('the built site shows the repository in Chromium', async ({page, consoleErrors}) => {
    const port = PORT + 11;
    server = spawn(NPX, ['docs-architect', 'serve', '--port', String(port), '--host', '127.0.0.1'], {cwd: repo, env, stdio: 'ignore', detached: true});
    await waitFor(`http://127.0.0.1:${port}/`, 120_000, server);
    await gotoHydrated(page, `http://127.0.0.1:${port}/api/src/`);
    await expect(page.getByRole('heading', {level: 1})).toContainText('src');
    await expect(page.locator('article')).toContainText('addWidgets');
    await gotoHydrated(page, `http://127.0.0.1:${port}/docs/getting-started/`);
    await expect(page.getByRole('heading', {level: 1, name: 'Getting started'})).toBeVisible();
    expect(consoleErrors).toEqual([]);
    stop(server);
    server = undefined;
  });

  test('npx docs-architect start . serves the site while writing nothing into node_modules', async ({page}) => {
    const port = PORT + 12;
    server = spawn(NPX, ['docs-architect', 'start', '.', '--port', String(port), '--host', '127.0.0.1'], {cwd: repo, env, stdio: 'ignore', detached: true});
    await waitFor(`http://127.0.0.1:${port}/docs/getting-started/`, 300_000, server);
    await gotoHydrated(page, `http://127.0.0.1:${port}/docs/getting-started/`);
    await expect(page.getByRole('heading', {level: 1, name: 'Getting started'})).toBeVisible();
    stop(server);
    server = undefined;
    expect(changedSince(path.join(repo, 'node_modules', 'docs-architect'), installedAt)).toEqual([]);
    expect(fs.existsSync(path.join(repo, 'node_modules', '.cache'))).toBe(false);
  });

  test('npx docs-architect check . reports an image without alt text, and the --strict of the recipes fails on it', () => {
    const strict = loadRecipes().flatMap((recipe) => recipe.jobs.flatMap((job) => job.commands)).find((command) => command.includes(' check '));
    expect(strict).toBe('npx docs-architect check . --strict');
    const check = (command: string) => {
      const started = Date.now();
      const run = spawnSync('sh', ['-c', command], {cwd: repo, encoding: 'utf8', env, timeout: 300_000});
      console.log(`${command}: ${((Date.now() - started) / 1000).toFixed(1)} s, exit ${run.status}`);
      return {status: run.status, out: run.stdout ?? '', err: run.stderr ?? ''};
    };

    // A warning alone: `check .` passes and says so; the recipe's --strict fails the job. (The clean
    // repository passes --strict in the next test, which runs the rest of the recipes.)
    const page = path.join(repo, 'docs', 'wiring.md');
    fs.writeFileSync(page, '# Wiring\n\nConnect the widgets.\n\n![](wiring.png)\n');
    fs.writeFileSync(path.join(repo, 'docs', 'wiring.png'), '');
    try {
      const warned = check('npx docs-architect check .');
      expect(warned.status, warned.err.slice(-4000)).toBe(0);
      expect(warned.out).toContain('docs/wiring.md:5:1  warning  images/missing-alt');
      expect(warned.out.trim().split('\n').at(-1)).toMatch(/^0 errors, 1 warning in \d+ pages \(checks: site, links, /);
      const failed = check(strict!);
      expect(failed.status).toBe(1);
      expect(failed.out).toContain('docs/wiring.md:5:1  warning  images/missing-alt');
      expect(`${failed.out}${failed.err}`).not.toMatch(/^\s+at .+:\d+:\d+\)?$/m);
      // check stages its pages in the cache folder too, never inside node_modules.
      expect(changedSince(path.join(repo, 'node_modules', 'docs-architect'), installedAt)).toEqual([]);
    } finally {
      fs.rmSync(page, {force: true});
      fs.rmSync(path.join(repo, 'docs', 'wiring.png'), {force: true});
    }
  });

  test('runs the rest of the shell lines of the CI recipes in the guide; the folder each hands to Pages holds the site', () => {
    const recipes = loadRecipes();
    // Every job's shell lines run, each distinct line once, in recipe order: npm ci and the build in
    // the install test above, the rest here. What needs GitHub's runner (checkout, setup-node, the
    // Pages artifact and deployment) is checked by name instead, here and in test/ciRecipes.test.ts.
    expect(recipes.flatMap((recipe) => actionsUsed(recipe).filter((action) => !KNOWN_ACTIONS.includes(action)))).toEqual([]);
    expect(recipes.flatMap((recipe) => recipe.jobs.filter((job) => job.commands.length === 0).map((job) => job.name))).toEqual(['deploy']);
    const {commands} = recipeLines();
    expect(ran).toBe(2);
    const [github, gitlab] = recipes.map(publishedFolder);
    expect([github, gitlab]).toEqual(['build/docs', 'public']);
    // What GitHub uploads is the site the build line made (the install test checked it was made there).
    expect(fs.existsSync(path.join(repo, github!, 'index.html'))).toBe(true);

    const help = spawnSync(NPX, ['docs-architect', '--help'], {cwd: repo, encoding: 'utf8', env});
    expect(help.status, help.stderr).toBe(0);
    expect(help.stdout).toMatch(/^\s+check\b/m);
    // GitLab restores its cache into .npm before the job: here, npm's own cache, which holds the packages.
    const npmCache = execFileSync(NPM, ['config', 'get', 'cache'], {cwd: repo, encoding: 'utf8', env}).trim();
    fs.symlinkSync(npmCache, path.join(repo, '.npm'));
    try {
      for (const command of commands.slice(2)) runRecipeLine(command);
      expect(ran).toBe(commands.length);
      // GitLab's pages job published its artifact: the site, with the code reference.
      expect(fs.existsSync(path.join(repo, gitlab!, 'index.html'))).toBe(true);
      expect(fs.existsSync(path.join(repo, gitlab!, 'api', 'src', 'index.html'))).toBe(true);
    } finally {
      fs.rmSync(path.join(repo, '.npm'));
    }
  });
});
