import {execFileSync} from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {readGitInfo} from './git';

let base: string;

/** Real git, isolated from the user's and the system's configuration. */
function git(cwd: string, ...args: string[]): string {
  const env: NodeJS.ProcessEnv = {...process.env, GIT_CONFIG_GLOBAL: '/dev/null', GIT_CONFIG_NOSYSTEM: '1'};
  for (const name of ['GIT_DIR', 'GIT_WORK_TREE', 'GIT_INDEX_FILE']) delete env[name];
  return execFileSync(
    'git',
    ['-c', 'user.name=Test', '-c', 'user.email=test@example.com', '-c', 'commit.gpgsign=false', '-c', 'init.defaultBranch=main', ...args],
    {cwd, encoding: 'utf8', env},
  ).trim();
}

let repo: string;
let head: string;

beforeAll(() => {
  base = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'docs-architect-git-')));
  repo = path.join(base, 'repo with space');
  fs.mkdirSync(path.join(repo, 'packages', 'api'), {recursive: true});
  fs.writeFileSync(path.join(repo, 'README.md'), '# Repo\n');
  fs.writeFileSync(path.join(repo, 'packages', 'api', 'index.ts'), 'export {};\n');
  git(repo, 'init', '--quiet');
  git(repo, 'checkout', '--quiet', '-b', 'feature/docs');
  git(repo, 'add', '.');
  git(repo, 'commit', '--quiet', '-m', 'first');
  git(repo, 'remote', 'add', 'origin', 'https://user:s3cr3t@github.com/acme/payments.git');
  head = git(repo, 'rev-parse', 'HEAD');
});

afterAll(() => {
  fs.rmSync(base, {recursive: true, force: true});
});

describe('readGitInfo', () => {
  it('a repository with a commit on a branch and an origin remote', async () => {
    expect(await readGitInfo(repo)).toEqual({
      isRepository: true,
      prefix: '',
      head,
      branch: 'feature/docs',
      remoteUrl: 'https://user:s3cr3t@github.com/acme/payments.git',
      shallow: false,
    });
    expect(head).toMatch(/^[0-9a-f]{40}$/);
  });

  it('a target in a subfolder of a repository: the prefix is that subfolder', async () => {
    const info = await readGitInfo(path.join(repo, 'packages', 'api'));
    expect(info).toMatchObject({isRepository: true, prefix: 'packages/api', head, branch: 'feature/docs'});
  });

  it('a folder that is not a repository', async () => {
    const plain = path.join(base, 'plain');
    fs.mkdirSync(plain);
    expect(await readGitInfo(plain)).toEqual({isRepository: false, prefix: ''});
  });

  it('an empty repository (no commit yet): a repository with a branch but no head, no remote', async () => {
    const empty = path.join(base, 'empty');
    fs.mkdirSync(empty);
    git(empty, 'init', '--quiet');
    const info = await readGitInfo(empty);
    expect(info).toEqual({isRepository: true, prefix: '', head: undefined, branch: 'main', remoteUrl: undefined, shallow: false});
  });

  it('a detached HEAD has a head but no branch', async () => {
    const detached = path.join(base, 'detached');
    git(base, 'clone', '--quiet', repo, detached);
    git(detached, 'checkout', '--quiet', '--detach', 'HEAD');
    const info = await readGitInfo(detached);
    expect(info.head).toBe(head);
    expect(info.branch).toBeUndefined();
    expect(info.remoteUrl).toBe(repo);
  });

  it('a shallow clone says so', async () => {
    fs.writeFileSync(path.join(repo, 'second.txt'), '2\n');
    git(repo, 'add', 'second.txt');
    git(repo, 'commit', '--quiet', '-m', 'second');
    const shallow = path.join(base, 'shallow');
    git(base, 'clone', '--quiet', '--depth', '1', `file://${repo}`, shallow);
    const info = await readGitInfo(shallow);
    expect(info.shallow).toBe(true);
    expect(info.head).toBe(git(repo, 'rev-parse', 'HEAD'));
  });

  it('the .git folder itself is not a work tree', async () => {
    expect((await readGitInfo(path.join(repo, '.git'))).isRepository).toBe(false);
  });
});
