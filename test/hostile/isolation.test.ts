/**
 * A hostile target must not make the build read outside it: symbolic links out, `..` links and
 * images out, a `.git` file naming another repository. And one bad authored page must not sink the
 * site. Each case checks the warning (file:line and what to do) and that nothing from outside reaches
 * the staged copy Docusaurus reads.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {stageAuthoredDocs, type StagedDocs} from '../../plugins/core/authored/stageAuthoredDocs';
import {readAuthoredPage} from '../../plugins/core/authored/readAuthoredPage';
import {createReport, type Report} from '../../plugins/core/report';
import {formatUserError} from '../../plugins/core/errors';
import {walkFiles} from '../../plugins/core/walkFiles';
import {loadTargetContext} from '../../plugins/core/prepareSite';
import {cacheRoot, createBuildSite} from '../../plugins/core/buildFolders';
import {makeRepo, tempBase, type TestRepo} from '../gitRepo';

const SECRET = 'TOP-SECRET-OUTSIDE-THE-TARGET';

let base: string;
let root: string;
let outside: string;
let siteDir: string;

function write(relative: string, content: string): void {
  const file = path.join(root, relative);
  fs.mkdirSync(path.dirname(file), {recursive: true});
  fs.writeFileSync(file, content);
}

/** Every staged file's content, by path relative to the staging root. */
function stagedFiles(dir: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const entry of fs.readdirSync(dir, {recursive: true, withFileTypes: true})) {
    if (entry.isFile()) out.set(path.relative(dir, path.join(entry.parentPath, entry.name)), fs.readFileSync(path.join(entry.parentPath, entry.name), 'utf8'));
  }
  return out;
}

function warnings(report: Report): string[] {
  return report.warnings.map((warning) => formatUserError(warning));
}

describe('staging the authored docs of a hostile target', () => {
  let report: Report;
  let staged: StagedDocs;
  let files: Map<string, string>;

  beforeAll(async () => {
    base = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'docs-architect-hostile-')));
    root = path.join(base, 'target');
    outside = path.join(base, 'somewhere');
    siteDir = path.join(base, 'site');
    fs.mkdirSync(path.join(outside, 'folder'), {recursive: true});
    fs.writeFileSync(path.join(outside, 'secret.txt'), `${SECRET}\n`);
    fs.writeFileSync(path.join(outside, 'secret.png'), SECRET);
    fs.writeFileSync(path.join(outside, 'folder', 'page.md'), `# ${SECRET}\n`);

    write('docs/intro.md', '---\ntitle: Intro\n---\n\n# Intro\n\nA [guide](./guide.md) and [the app](../src/app.ts).\n\n![diagram](./img/flow.png)\n');
    write('docs/img/flow.png', 'PNG');
    write('src/app.ts', 'export const app = 1;\n');
    write('src/unlinked.ts', 'export const unlinked = 1;\n');
    write(
      'docs/guide.md',
      [
        '# Guide', //                                                   1
        '', //                                                          2
        'Read [the *secret*](../../somewhere/secret.txt) now.', //      3
        '', //                                                          4
        '![a <b> secret](../../somewhere/secret.png)', //               5
        '', //                                                          6
        'Also [encoded](..%2F..%2Fsomewhere%2Fsecret.txt) and [ref][r].', // 7
        '', //                                                          8
        '[r]: ../../somewhere/secret.txt', //                           9
        '', //                                                          10
        '[absolute](/../../../../somewhere/secret.txt)', //             11
        '',
      ].join('\n'),
    );
    fs.symlinkSync(path.join(outside, 'secret.txt'), path.join(root, 'docs', 'passwd.md'));
    fs.symlinkSync(path.join(outside, 'folder'), path.join(root, 'docs', 'linked'));
    write('docs/bad-yaml.md', '---\ntitle: Broken\ntags: [one, two\n---\n\nBody.\n');
    write('docs/bad.mdx', '---\ntitle: Bad MDX\n---\n\n# Bad\n\nSome text.\n\n<Tabs>\n  <TabItem value="a">\n</Tabs>\n');
    write('docs/good.mdx', '---\ntitle: Good MDX\n---\n\nexport const x = 1;\n\n# Good {x}\n');

    report = createReport();
    const {files: targetFiles} = await walkFiles(root);
    staged = await stageAuthoredDocs({root, docsDir: path.join(root, 'docs'), siteDir, targetFiles, report});
    files = stagedFiles(path.dirname(staged.dir));
  });

  afterAll(() => {
    fs.rmSync(base, {recursive: true, force: true});
  });

  it('stages exactly the docs and the target files they link to, nothing from outside', () => {
    expect([...files.keys()].sort()).toEqual([
      'docs/bad-yaml.md',
      'docs/bad.mdx',
      'docs/good.mdx',
      'docs/guide.md',
      'docs/img/flow.png',
      'docs/intro.md',
      'src/app.ts',
    ]);
    expect(files.size).toBe(7);
    for (const [file, content] of files) expect(content, file).not.toContain(SECRET);
    expect(staged.dir).toBe(path.join(siteDir, '.docs-architect', 'authored', 'docs'));
  });

  it('leaves out a symbolic link to a file outside, with a warning naming the link', () => {
    expect(warnings(report)).toContain(
      `${path.join(root, 'docs', 'passwd.md')}: this is a symbolic link to something outside the repository (or to nothing); it is left out of the site. Replace the link by the file itself, or remove it.`,
    );
  });

  it('leaves out a symbolic link to a folder outside, with a warning naming the link', () => {
    expect(warnings(report)).toContain(
      `${path.join(root, 'docs', 'linked')}: this is a symbolic link to something outside the repository (or to nothing); it is left out of the site. Replace the link by the file itself, or remove it.`,
    );
  });

  it('turns a `..` link out of the target into its text, with a warning at file:line', () => {
    const guide = path.join(root, 'docs', 'guide.md');
    expect(warnings(report)).toContain(
      `${guide}:3: the link "../../somewhere/secret.txt" points outside the repository; its text is shown without the link and the file is not published. Link to a file inside the repository, or to its web address.`,
    );
    expect(files.get('docs/guide.md')).toContain('Read the *secret* now.');
    expect(warnings(report).filter((line) => line.startsWith(`${guide}:`)).map((line) => line.slice(guide.length).split(':')[1])).toEqual([
      '3',
      '5',
      '7',
      '9',
      '11',
    ]);
  });

  it('turns an image out of the target into its alt text, escaped, with a warning at file:line', () => {
    expect(warnings(report)).toContain(
      `${path.join(root, 'docs', 'guide.md')}:5: the image "../../somewhere/secret.png" points outside the repository; its alt text is shown and the file is not published. Link to a file inside the repository, or to its web address.`,
    );
    expect(files.get('docs/guide.md')).toContain('a \\<b\\> secret');
    expect(files.get('docs/guide.md')).not.toMatch(/\]\(|somewhere/);
  });

  it('keeps links inside the target working: relative paths unchanged, linked files copied beside', () => {
    expect(files.get('docs/intro.md')).toBe(fs.readFileSync(path.join(root, 'docs', 'intro.md'), 'utf8'));
    expect(files.get('src/app.ts')).toBe('export const app = 1;\n');
    expect(staged.watch).toEqual([path.join(root, 'docs'), path.join(root, 'src', 'app.ts')]);
  });

  it('replaces a page with invalid front matter by an error page, with a warning at file:line', () => {
    const file = path.join(root, 'docs', 'bad-yaml.md');
    const warning = warnings(report).find((line) => line.startsWith(`${file}:`));
    expect(warning).toMatch(new RegExp(`^${file}:4: the front matter is not valid YAML: .+\\. Correct the YAML between the two \`---\` lines`));
    const page = files.get('docs/bad-yaml.md')!;
    expect(page).toContain('title: "bad-yaml.md could not be built"');
    expect(page).toContain('`docs/bad-yaml.md:4`: the front matter is not valid YAML');
    expect(page).not.toContain(base);
  });

  it('replaces an MDX page with a syntax error by an error page, with a warning at file:line', () => {
    const file = path.join(root, 'docs', 'bad.mdx');
    const warning = warnings(report).find((line) => line.startsWith(`${file}:`));
    expect(warning).toMatch(new RegExp(`^${file}:11: this MDX page does not parse: .*TabItem.*\\. Correct the MDX syntax there`));
    const page = files.get('docs/bad.mdx')!;
    expect(page).toContain('`docs/bad.mdx:11`: this MDX page does not parse');
    // The message is text: its `<TabItem>` is escaped, not a component.
    expect(page).not.toMatch(/(^|[^\\])<\/?TabItem/);
    expect(staged.replaced).toEqual(['docs/bad-yaml.md', 'docs/bad.mdx']);
  });

  it('gives the line of an MDX element never closed, which the parser names only in its message', async () => {
    const page = await readAuthoredPage('/t/docs/open.mdx', '---\ntitle: Open\n---\n\n# Open\n\n<Tabs>\n');
    expect(page).toEqual({
      ok: false,
      problem: {
        line: 7,
        message: 'this MDX page does not parse: Expected a closing tag for `<Tabs>` (7:1-7:7)',
        fix: expect.stringContaining('Correct the MDX syntax there'),
      },
    });
  });

  it('walks only the docs folder, and judges its links against the whole target', async () => {
    fs.symlinkSync(path.join(root, 'src', 'app.ts'), path.join(root, 'docs', 'app-link.ts'));
    try {
      const walked = await walkFiles(root, {under: 'docs'});
      expect(walked.files).toEqual([
        'docs/app-link.ts',
        'docs/bad-yaml.md',
        'docs/bad.mdx',
        'docs/good.mdx',
        'docs/guide.md',
        'docs/img/flow.png',
        'docs/intro.md',
      ]);
      expect(walked.skippedLinks).toEqual(['docs/linked', 'docs/passwd.md']);
    } finally {
      fs.rmSync(path.join(root, 'docs', 'app-link.ts'));
    }
  });

  it('keeps a valid MDX page as it is', () => {
    expect(files.get('docs/good.mdx')).toBe(fs.readFileSync(path.join(root, 'docs', 'good.mdx'), 'utf8'));
  });

  it('warns exactly once per problem', () => {
    expect(report.warnings).toHaveLength(9);
  });
});

describe('a `.git` that leads to another repository', () => {
  let gitBase: string;
  let victim: TestRepo;

  beforeAll(() => {
    gitBase = tempBase('hostile-git');
    victim = makeRepo(path.join(gitBase, 'victim'));
    victim.commit(`private: ${SECRET}`, {files: {'private.txt': 'x\n'}, author: 'Victim <victim@example.com>'});
  });

  afterAll(() => {
    fs.rmSync(gitBase, {recursive: true, force: true});
  });

  async function contextOf(target: string) {
    return loadTargetContext({siteDir: path.join(gitBase, 'site'), target});
  }

  it('refuses a `.git` file pointing outside: a warning, no history, no commit of the other repository', async () => {
    const target = path.join(gitBase, 'gitfile');
    fs.mkdirSync(target);
    fs.writeFileSync(path.join(target, 'README.md'), '# Target\n');
    fs.writeFileSync(path.join(target, '.git'), 'gitdir: ../victim/.git\n');
    const context = await contextOf(target);
    expect(context.git).toEqual({isRepository: false, prefix: '', refused: expect.stringContaining('points at another repository outside the target (../victim/.git)')});
    expect(context.history.log.commits).toEqual([]);
    expect(warnings(context.report)).toEqual([
      `${path.join(target, '.git')}: the git history is not read: its \`.git\` file points at another repository outside the target (../victim/.git), which does not name this folder as its work tree. Build from a clone of the repository itself; the site is built without history, edit links or dates meanwhile.`,
    ]);
    expect(JSON.stringify(context)).not.toContain(SECRET);
  });

  it('refuses a `.git` symbolic link to another repository', async () => {
    const target = path.join(gitBase, 'gitlink');
    fs.mkdirSync(target);
    fs.symlinkSync(path.join(victim.dir, '.git'), path.join(target, '.git'));
    const context = await contextOf(target);
    expect(context.git.refused).toBe('its `.git` is a symbolic link to a folder outside the repository');
    expect(context.history.log.commits).toHaveLength(0);
  });

  it('accepts a linked worktree of a repository outside, whose git folder names this target', async () => {
    const target = path.join(gitBase, 'worktree');
    victim.git('worktree', 'add', '--quiet', '-b', 'wt', target);
    const context = await contextOf(target);
    expect(context.git.refused).toBeUndefined();
    expect(context.git.isRepository).toBe(true);
    expect(context.history.log.commits).toHaveLength(1);
    expect(context.report.warnings).toHaveLength(0);
  });
});

describe('each build has its own work folders', () => {
  let cache: string;
  const packageDir = path.join(__dirname, '..', '..');

  beforeAll(() => {
    cache = tempBase('builds');
  });

  afterAll(() => {
    fs.rmSync(cache, {recursive: true, force: true});
  });

  it('gives two targets, or one target built to two folders, two site folders in the cache folder', () => {
    const env = {DOCS_ARCHITECT_CACHE_DIR: cache};
    const a = createBuildSite({packageDir, target: '/repos/a', out: '/sites/a', env});
    const b = createBuildSite({packageDir, target: '/repos/b', out: '/sites/a', env});
    const a2 = createBuildSite({packageDir, target: '/repos/a', out: '/sites/a2', env});
    expect(new Set([a, b, a2]).size).toBe(3);
    for (const dir of [a, b, a2]) expect(path.dirname(dir)).toBe(path.join(cache, 'builds'));
    expect(createBuildSite({packageDir, target: '/repos/a', out: '/sites/a', env})).toBe(a);
    expect(JSON.parse(fs.readFileSync(path.join(b, 'build.json'), 'utf8'))).toEqual({target: '/repos/b', out: '/sites/a'});
  });

  it('links the package sources and modules, and replaces a link that points elsewhere', () => {
    const env = {DOCS_ARCHITECT_CACHE_DIR: cache};
    const dir = createBuildSite({packageDir, target: '/repos/c', out: '/sites/c', env});
    fs.rmSync(path.join(dir, 'src'));
    fs.symlinkSync(os.tmpdir(), path.join(dir, 'src'));
    createBuildSite({packageDir, target: '/repos/c', out: '/sites/c', env});
    expect(fs.readdirSync(dir).sort()).toEqual(['build.json', 'node_modules', 'plugins', 'src', 'static']);
    for (const name of ['src', 'static', 'plugins']) expect(fs.realpathSync(path.join(dir, name))).toBe(fs.realpathSync(path.join(packageDir, name)));
    expect(fs.existsSync(path.join(dir, 'node_modules', '@docusaurus', 'core', 'package.json'))).toBe(true);
  });

  it('is in the XDG cache folder by default, never in the target', () => {
    expect(cacheRoot({XDG_CACHE_HOME: '/home/u/.cache'})).toBe('/home/u/.cache/docs-architect');
    expect(cacheRoot({DOCS_ARCHITECT_CACHE_DIR: '/ci/cache', XDG_CACHE_HOME: '/home/u/.cache'})).toBe('/ci/cache');
    expect(cacheRoot({})).toBe(path.join(os.homedir(), '.cache', 'docs-architect'));
  });
});
