import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {walkFiles} from './walkFiles';

let base: string;
/** The target; `outside` sits next to it, so links into it leave the target. */
let root: string;
let outside: string;

function write(relative: string, content = 'x\n'): void {
  const file = path.join(root, relative);
  fs.mkdirSync(path.dirname(file), {recursive: true});
  fs.writeFileSync(file, content);
}

beforeAll(() => {
  base = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'docs-architect-walk-')));
  root = path.join(base, 'target');
  outside = path.join(base, 'outside');
  fs.mkdirSync(path.join(outside, 'dir'), {recursive: true});
  fs.writeFileSync(path.join(outside, 'secret.txt'), 'outside\n');
  fs.writeFileSync(path.join(outside, 'dir', 'inner.txt'), 'outside\n');

  write('.gitignore', '*.log\n/root-only.txt\nsecret/\n# a comment\n');
  write('README.md');
  write('app.log'); // ignored by the root *.log
  write('root-only.txt'); // ignored: anchored to the root
  write('nested/root-only.txt'); // kept: the anchored rule is for the root only
  write('secret/key.pem'); // ignored folder
  write('logs/.gitignore', '!keep.log\ntmp/\n');
  write('logs/keep.log'); // re-included by the deeper .gitignore
  write('logs/other.log'); // still ignored by the root *.log
  write('logs/tmp/a.txt'); // ignored by logs/.gitignore
  write('tmp/a.txt'); // kept: logs/.gitignore only applies under logs/
  write('src/index.ts');
  write('src/app.min.js'); // always excluded
  write('a-b.ts');
  write('a.b.ts');
  write('a/x.ts'); // must sort after a-b.ts and a.b.ts
  write('B.ts');
  write('node_modules/dep/index.js');
  write('packages/web/node_modules/dep/index.js');
  write('packages/web/src/main.ts');
  write('packages/web/dist/main.js');
  write('dist/bundle.js');
  write('vendor/lib.go');
  write('build/out.html');
  write('.docs-architect/generated/x.mdx');
  write('.git/config', '[core]\n');
  write('.git/info/exclude', 'excluded-by-info.txt\n');
  write('excluded-by-info.txt');

  fs.symlinkSync(path.join(outside, 'secret.txt'), path.join(root, 'link-to-outside-file'));
  fs.symlinkSync(path.join(outside, 'dir'), path.join(root, 'link-to-outside-dir'));
  fs.symlinkSync('../outside/secret.txt', path.join(root, 'src', 'relative-link-out'));
  fs.symlinkSync(path.join(root, 'src', 'index.ts'), path.join(root, 'link-to-inside-file'));
  fs.symlinkSync('index.ts', path.join(root, 'src', 'relative-link-in.ts'));
  fs.symlinkSync(path.join(root, 'src'), path.join(root, 'link-to-inside-dir'));
  fs.symlinkSync(path.join(root, 'does-not-exist'), path.join(root, 'dangling'));
  fs.symlinkSync(path.join(outside, 'secret.txt'), path.join(root, 'ignored-link.log'));
});

afterAll(() => {
  fs.rmSync(base, {recursive: true, force: true});
});

describe('walkFiles', () => {
  it('lists exactly the files the authors see, sorted', async () => {
    const {files} = await walkFiles(root);
    expect(files).toEqual([
      '.gitignore',
      'B.ts',
      'README.md',
      'a-b.ts',
      'a.b.ts',
      'a/x.ts',
      'link-to-inside-file',
      'logs/.gitignore',
      'logs/keep.log',
      'nested/root-only.txt',
      'packages/web/src/main.ts',
      'src/index.ts',
      'src/relative-link-in.ts',
      'tmp/a.txt',
    ]);
    expect(files).toEqual([...files].sort());
  });

  it('a deeper .gitignore re-includes with !pattern, as git does', async () => {
    const {files} = await walkFiles(root);
    expect(files).toContain('logs/keep.log');
    expect(files).not.toContain('logs/other.log');
    expect(files).not.toContain('app.log');
  });

  it('links out of the target (file, folder, relative) and dangling links are skipped and named', async () => {
    const {files, skippedLinks} = await walkFiles(root);
    expect(skippedLinks).toEqual(['dangling', 'link-to-outside-dir', 'link-to-outside-file', 'src/relative-link-out']);
    for (const link of skippedLinks) expect(files).not.toContain(link);
    expect(files.some((file) => file.includes('inner.txt') || file.includes('secret.txt'))).toBe(false);
  });

  it('a link that .gitignore ignores is neither listed nor reported', async () => {
    const {files, skippedLinks} = await walkFiles(root);
    expect([...files, ...skippedLinks]).not.toContain('ignored-link.log');
  });

  it('a linked folder inside the target is not walked twice', async () => {
    const {files, skippedLinks} = await walkFiles(root);
    expect(files.filter((file) => file.startsWith('link-to-inside-dir'))).toEqual([]);
    expect(skippedLinks).not.toContain('link-to-inside-dir');
  });

  it('dependencies, build output, vendored code, .git and the work folder are never listed', async () => {
    const {files} = await walkFiles(root);
    expect(files.filter((file) => /(^|\/)(node_modules|dist|vendor|build|\.git|\.docs-architect)\//.test(file))).toEqual([]);
    expect(files).not.toContain('src/app.min.js');
  });

  it('.git/info/exclude is honoured', async () => {
    expect((await walkFiles(root)).files).not.toContain('excluded-by-info.txt');
  });

  it('config exclude patterns are added to the exclusions', async () => {
    const {files} = await walkFiles(root, {exclude: ['*.ts', '!src/index.ts', 'tmp/']});
    expect(files).toEqual(['.gitignore', 'README.md', 'link-to-inside-file', 'logs/.gitignore', 'logs/keep.log', 'nested/root-only.txt', 'src/index.ts']);
  });

  it('a negated exclude pattern brings back a built-in exclusion', async () => {
    const {files} = await walkFiles(root, {exclude: ['!dist/']});
    expect(files).toContain('dist/bundle.js');
    expect(files).toContain('packages/web/dist/main.js');
    expect(files).not.toContain('vendor/lib.go');
  });

  it('config include patterns keep only what they match; links outside them are not reported', async () => {
    const {files, skippedLinks} = await walkFiles(root, {include: ['src/', 'packages/**/*.ts']});
    expect(files).toEqual(['packages/web/src/main.ts', 'src/index.ts', 'src/relative-link-in.ts']);
    expect(skippedLinks).toEqual(['src/relative-link-out']);
  });

  it('include patterns follow .gitignore syntax: `src/` matches at any depth, `/src/` at the root', async () => {
    expect((await walkFiles(root, {include: ['src/']})).files).toEqual(['packages/web/src/main.ts', 'src/index.ts', 'src/relative-link-in.ts']);
    expect((await walkFiles(root, {include: ['/src/']})).files).toEqual(['src/index.ts', 'src/relative-link-in.ts']);
  });

  it('include and exclude together: exclusions win', async () => {
    const {files} = await walkFiles(root, {include: ['/src/'], exclude: ['src/index.ts']});
    expect(files).toEqual(['src/relative-link-in.ts']);
  });

  it('the same target gives the same result, from its real path or through a link to it', async () => {
    const viaLink = path.join(base, 'link-to-target');
    fs.symlinkSync(root, viaLink);
    expect(await walkFiles(viaLink)).toEqual(await walkFiles(root));
  });
});
