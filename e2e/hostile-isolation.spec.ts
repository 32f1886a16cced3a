/**
 * A hostile repository built for real: symbolic links out of it (a file and a folder), a link and an
 * image to a file outside, a `.git` file naming another repository, a page with broken front matter
 * and one with an MDX syntax error. Built at the same time as a second, ordinary target from this one
 * install: both builds succeed, each site holds only its own pages, no byte of the planted outside
 * files is anywhere in the output, and the bad pages are error pages while the others build.
 */
import {spawn, type ChildProcess} from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import {test, expect, gotoHydrated} from './fixtures';
import {PORT} from '../playwright.config';
import {makePackageTarget, runBuild, serveSite, tempDir} from './targets';
import {makeRepo} from '../test/gitRepo';

test.describe.configure({mode: 'serial'});

const SITE_DIR = path.join(__dirname, '..');
const SECRET = `OUTSIDE-${crypto.randomUUID()}`;

interface Build {
  status: number | null;
  stderr: string;
}

/** `docs-architect build` without blocking, so two can run at once. */
function buildAsync(target: string, out: string): Promise<Build> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [path.join(SITE_DIR, 'bin', 'docs-architect.js'), 'build', target, '--out', out], {
      cwd: SITE_DIR,
      env: {...process.env, DOCS_TARGET: '', DOCS_STRICT: ''},
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('exit', (status) => resolve({status, stderr}));
  });
}

/** A target next to a folder it must never read, with every way out we know of. */
function makeHostileTarget(base: string): string {
  const outside = path.join(base, 'outside');
  fs.mkdirSync(path.join(outside, 'folder'), {recursive: true});
  fs.writeFileSync(path.join(outside, 'secret.txt'), `${SECRET}\n`);
  fs.writeFileSync(path.join(outside, 'secret.png'), `${SECRET}\n`);
  fs.writeFileSync(path.join(outside, 'secret.md'), `# ${SECRET}\n`);
  fs.writeFileSync(path.join(outside, 'folder', 'inside.md'), `# ${SECRET}\n`);
  const victim = makeRepo(path.join(base, 'victim'));
  victim.commit(`feat: ${SECRET}`, {files: {'x.txt': 'x\n'}, author: `${SECRET} <victim@example.com>`});

  const target = path.join(base, 'target');
  const docs = path.join(target, 'docs');
  fs.mkdirSync(docs, {recursive: true});
  fs.writeFileSync(path.join(target, 'package.json'), JSON.stringify({name: 'hostile-target', version: '1.0.0'}));
  fs.writeFileSync(path.join(target, '.git'), 'gitdir: ../victim/.git\n');
  fs.writeFileSync(
    path.join(docs, 'good.md'),
    '---\ntitle: A good page\n---\n\nRead [the secret](../../outside/secret.txt) and see ![the secret picture](../../outside/secret.png).\n',
  );
  fs.writeFileSync(path.join(docs, 'bad-yaml.md'), '---\ntitle: Broken\ntags: [one, two\n---\n\nBody.\n');
  fs.writeFileSync(path.join(docs, 'bad.mdx'), '---\ntitle: Bad MDX\n---\n\n# Bad\n\n<Tabs>\n  <TabItem value="a">\n</Tabs>\n');
  fs.symlinkSync(path.join(outside, 'secret.md'), path.join(docs, 'passwd.md'));
  fs.symlinkSync(path.join(outside, 'folder'), path.join(docs, 'linked'));
  return target;
}

/** Every file under `dir`, recursively. */
function listFiles(dir: string): string[] {
  return fs
    .readdirSync(dir, {recursive: true, withFileTypes: true})
    .filter((entry) => entry.isFile())
    .map((entry) => path.join(entry.parentPath, entry.name));
}

test.describe('a hostile target, built at the same time as another target', () => {
  const port = PORT + 7;
  let base: string;
  let hostile: string;
  let other: ReturnType<typeof makePackageTarget>;
  let hostileOut: string;
  let otherOut: string;
  let builds: [Build, Build];
  let server: ChildProcess | undefined;

  test.beforeAll(async () => {
    test.setTimeout(900_000);
    base = tempDir('hostile');
    hostile = makeHostileTarget(base);
    other = makePackageTarget();
    hostileOut = path.join(base, 'hostile-site');
    otherOut = path.join(base, 'other-site');
    builds = await Promise.all([buildAsync(hostile, hostileOut), buildAsync(other.dir, otherOut)]);
    if (builds[0].status === 0) server = await serveSite(hostileOut, port);
  });

  test.afterAll(() => {
    server?.kill();
    for (const dir of [base, other?.dir]) if (dir) fs.rmSync(dir, {recursive: true, force: true});
  });

  test('both builds succeed', () => {
    expect(builds[0].status, builds[0].stderr.slice(-3000)).toBe(0);
    expect(builds[1].status, builds[1].stderr.slice(-3000)).toBe(0);
  });

  test('each site holds only its own pages', () => {
    const pages = (out: string) => fs.readdirSync(path.join(out, 'docs')).filter((name) => fs.statSync(path.join(out, 'docs', name)).isDirectory()).sort();
    expect(pages(hostileOut)).toEqual(['bad', 'bad-yaml', 'good']);
    expect(pages(otherOut)).toEqual(['guide']);
    expect(fs.readFileSync(path.join(hostileOut, 'index.html'), 'utf8')).toContain('hostile-target');
    expect(fs.readFileSync(path.join(hostileOut, 'index.html'), 'utf8')).not.toContain(other.name);
    expect(fs.readFileSync(path.join(otherOut, 'index.html'), 'utf8')).not.toContain('hostile-target');
  });

  test('no byte of the files outside the target, nor of the other repository, is in the output', () => {
    const files = listFiles(hostileOut);
    expect(files.length).toBeGreaterThan(20);
    const leaking = files.filter((file) => fs.readFileSync(file).includes(SECRET));
    expect(leaking).toEqual([]);
    expect(builds[0].stderr).not.toContain(SECRET);
  });

  test('the build says what it left out, with file and line', () => {
    const docs = path.join(hostile, 'docs');
    const {stderr} = builds[0];
    expect(stderr).toContain(`warning: ${path.join(docs, 'passwd.md')}: this is a symbolic link to something outside the repository`);
    expect(stderr).toContain(`warning: ${path.join(docs, 'linked')}: this is a symbolic link to something outside the repository`);
    expect(stderr).toContain(`warning: ${path.join(docs, 'good.md')}:5: the link "../../outside/secret.txt" points outside the repository`);
    expect(stderr).toContain(`warning: ${path.join(docs, 'good.md')}:5: the image "../../outside/secret.png" points outside the repository`);
    expect(stderr).toMatch(new RegExp(`warning: ${path.join(docs, 'bad-yaml.md')}:4: the front matter is not valid YAML`));
    expect(stderr).toMatch(new RegExp(`warning: ${path.join(docs, 'bad.mdx')}:9: this MDX page does not parse`));
    expect(stderr).toContain(`warning: ${path.join(hostile, '.git')}: the git history is not read: its \`.git\` file points at another repository`);
    // Our messages, not Docusaurus's stack trace.
    expect(stderr).not.toMatch(/\n\s+at .+\(.+:\d+:\d+\)/);
  });

  test('a bad page is an error page that says what is wrong, as text', async ({page, consoleErrors}) => {
    await gotoHydrated(page, `http://127.0.0.1:${port}/docs/bad/`);
    await expect(page.getByRole('heading', {level: 1, name: 'bad.mdx could not be built'})).toBeVisible();
    await expect(page.getByRole('article')).toContainText('docs/bad.mdx:9: this MDX page does not parse');
    await gotoHydrated(page, `http://127.0.0.1:${port}/docs/bad-yaml/`);
    await expect(page.getByRole('heading', {level: 1, name: 'bad-yaml.md could not be built'})).toBeVisible();
    await expect(page.getByRole('article')).toContainText('docs/bad-yaml.md:4: the front matter is not valid YAML');
    expect(consoleErrors).toEqual([]);
  });

  test('the other pages build, with links out shown as text', async ({page, consoleErrors}) => {
    await gotoHydrated(page, `http://127.0.0.1:${port}/docs/good/`);
    await expect(page.getByRole('heading', {level: 1, name: 'A good page'})).toBeVisible();
    const article = page.getByRole('article');
    await expect(article).toContainText('Read the secret and see the secret picture.');
    await expect(article.getByRole('link', {name: 'the secret'})).toHaveCount(0);
    await expect(article.locator('img')).toHaveCount(0);
    expect(consoleErrors).toEqual([]);
  });

  test('--strict fails, listing every problem in one line each, before bundling', () => {
    const strict = runBuild(hostile, path.join(base, 'strict-site'), ['--strict']);
    expect(strict.status).toBe(1);
    const problems = strict.stderr.split('\n').filter((line) => line.includes(path.join(hostile, '')));
    expect(problems.filter((line) => !line.startsWith('warning: '))).toHaveLength(7);
    expect(strict.stderr).not.toMatch(/\n\s+at .+\(.+:\d+:\d+\)/);
    expect(fs.existsSync(path.join(base, 'strict-site'))).toBe(false);
  });
});
