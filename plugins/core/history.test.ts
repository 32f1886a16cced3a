import path from 'node:path';
import fs from 'node:fs';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {commitRawBytes, makeRepo, runGit, tempBase, type TestRepo} from '../../test/gitRepo';
import {readGitInfo} from './git';
import {createGitLogParser, gitLogArgs, readGitLog} from './gitLog';
import {lastUpdateFrontMatter, readTargetHistory} from './history';
import {createHistoryVcs} from './historyVcs';

let base: string;
let repo: TestRepo;
const shas: string[] = [];

beforeAll(() => {
  base = tempBase('history');
  repo = makeRepo(path.join(base, 'repo'));
  repo.write('.mailmap', 'Ada Lovelace <ada@example.com> <ada.old@example.com>\n');
  shas.push(
    repo.commit('feat: start', {
      author: 'Ada Old <ada.old@example.com>',
      date: '2023-01-10T10:00:00Z',
      files: {'src/a.ts': 'a\nb\n', 'docs/adr/0001-x.md': '# X\n', 'README.md': '# R\n'},
    }),
  );
  shas.push(
    repo.commit('fix(src): second line\n\nBody line.\n\nBREAKING CHANGE: gone', {
      author: 'Grace Hopper <grace@example.com>',
      date: '2023-06-01T09:00:00+02:00',
      files: {'src/a.ts': 'a\nc\n', 'bin.dat': Buffer.from([0, 1, 2, 0])},
    }),
  );
  shas.push(repo.commit('docs: decision', {author: 'Ada Lovelace <ada@example.com>', date: '2024-02-01T00:00:00Z', files: {'docs/adr/0001-x.md': '# X\n\nMore.\n'}}));
});

afterAll(() => fs.rmSync(base, {recursive: true, force: true}));

describe('readGitLog', () => {
  it('reads every commit newest first, with mailmapped authors, dates, bodies and numstat', async () => {
    const log = await readGitLog(repo.dir);
    expect(log.commits.map((c) => c.sha)).toEqual([...shas].reverse());
    expect(log.commits.map((c) => c.author)).toEqual(['Ada Lovelace', 'Grace Hopper', 'Ada Lovelace']);
    expect(log.commits[2]!.email).toBe('ada@example.com');
    expect(log.commits[1]!.date).toBe('2023-06-01T09:00:00+02:00');
    expect(log.commits[1]!.time).toBe(Date.parse('2023-06-01T07:00:00Z'));
    expect(log.commits[1]!.subject).toBe('fix(src): second line');
    expect(log.commits[1]!.body).toBe('Body line.\n\nBREAKING CHANGE: gone');
    expect(log.commits[1]!.parents).toEqual([shas[0]]);
    const changes = log.commits[1]!.changes.map((c) => [log.paths[c.path], c.added, c.deleted]);
    expect(changes).toEqual([
      ['bin.dat', null, null],
      ['src/a.ts', 1, 1],
    ]);
  });

  it('without numstat, reads commits but no files', async () => {
    const log = await readGitLog(repo.dir, {numstat: false});
    expect(log.commits).toHaveLength(3);
    expect(log.paths).toEqual([]);
    expect(log.commits.every((c) => c.changes.length === 0)).toBe(true);
  });

  it('in a subfolder, reads only the commits and paths of that subfolder, relative to it', async () => {
    const log = await readGitLog(path.join(repo.dir, 'src'), {onlyHere: true});
    expect(log.commits.map((c) => c.subject)).toEqual(['fix(src): second line', 'feat: start']);
    expect(log.paths).toEqual(['a.ts']);
  });

  it('puts every option before a fixed revision and the pathspec after --', () => {
    expect(gitLogArgs({onlyHere: true}).slice(-3)).toEqual(['HEAD', '--', '.']);
    const args = gitLogArgs();
    expect(args.slice(-2)).toEqual(['HEAD', '--']);
    expect(args).toContain('--no-renames');
  });

  it('the parser gives the same result however the stream is cut', async () => {
    const whole = await readGitLog(repo.dir);
    const raw = Buffer.from(runGit(repo.dir, gitLogArgs()) + '\n', 'utf8');
    for (const size of [1, 7, 64]) {
      const parser = createGitLogParser();
      for (let i = 0; i < raw.length; i += size) parser.push(raw.subarray(i, i + size));
      const cut = parser.end();
      expect(cut.commits.map((c) => [c.sha, c.author, c.subject, c.changes.length])).toEqual(
        whole.commits.map((c) => [c.sha, c.author, c.subject, c.changes.length]),
      );
      expect(cut.paths).toEqual(whole.paths);
    }
  });

  it('reads a latin-1 author name written without an encoding header as latin-1', async () => {
    const other = makeRepo(path.join(base, 'latin1'));
    other.commit('chore: init', {files: {'f.txt': 'x\n'}});
    const tree = other.git('rev-parse', 'HEAD^{tree}');
    const parent = other.git('rev-parse', 'HEAD');
    const raw = Buffer.concat([
      Buffer.from(`tree ${tree}\nparent ${parent}\nauthor `),
      Buffer.from('Jos\xe9 Garc\xeda', 'latin1'),
      Buffer.from(' <jose@example.com> 1700000000 +0000\ncommitter C <c@example.com> 1700000000 +0000\n\nfix: caf'),
      Buffer.from('\xe9', 'latin1'),
      Buffer.from('\n'),
    ]);
    commitRawBytes(other, raw);
    const log = await readGitLog(other.dir);
    expect(log.commits[0]!.author).toBe('José García');
    expect(log.commits[0]!.subject).toBe('fix: café');
  });

  it('re-encodes a latin-1 commit that declares its encoding', async () => {
    const other = makeRepo(path.join(base, 'declared'));
    other.commit('chore: init', {files: {'f.txt': 'x\n'}});
    const tree = other.git('rev-parse', 'HEAD^{tree}');
    const raw = Buffer.concat([
      Buffer.from(`tree ${tree}\nauthor `),
      Buffer.from('Fran\xe7ois', 'latin1'),
      Buffer.from(' <f@example.com> 1700000000 +0000\ncommitter C <c@example.com> 1700000000 +0000\nencoding ISO-8859-1\n\nfeat: x\n'),
    ]);
    commitRawBytes(other, raw);
    expect((await readGitLog(other.dir)).commits[0]!.author).toBe('François');
  });
});

describe('readTargetHistory', () => {
  it('lastChange and firstChange of files and folders; "" is the whole target', async () => {
    const history = await readTargetHistory(repo.dir, await readGitInfo(repo.dir));
    expect(history.state).toBe('ok');
    expect(history.lastChange(['src/a.ts'])).toEqual({date: '2023-06-01T09:00:00+02:00', author: 'Grace Hopper', sha: shas[1]});
    expect(history.lastChange(['docs'])?.sha).toBe(shas[2]);
    expect(history.lastChange(['./docs/adr/'])?.sha).toBe(shas[2]);
    expect(history.firstChange(['docs/adr/0001-x.md'])?.sha).toBe(shas[0]);
    expect(history.lastChange(['src', 'README.md'])?.sha).toBe(shas[1]);
    expect(history.lastChange([''])?.sha).toBe(shas[2]);
    expect(history.lastChange(['no/such/file'])).toBeUndefined();
    expect(lastUpdateFrontMatter(history, ['src'])).toEqual({date: '2023-06-01T09:00:00+02:00', author: 'Grace Hopper'});
  });

  it('not a repository, an empty repository: no commits and a reason', async () => {
    const plain = path.join(base, 'plain');
    fs.mkdirSync(plain);
    const none = await readTargetHistory(plain, await readGitInfo(plain));
    expect(none).toMatchObject({state: 'none', reason: 'not a git repository'});
    expect(none.lastChange([''])).toBeUndefined();
    const empty = makeRepo(path.join(base, 'empty'));
    const history = await readTargetHistory(empty.dir, await readGitInfo(empty.dir));
    expect(history).toMatchObject({state: 'empty', reason: 'the repository has no commits yet'});
  });

  it('a shallow clone has one commit and says it is shallow', async () => {
    const shallow = path.join(base, 'shallow');
    runGit(base, ['clone', '--quiet', '--depth', '1', `file://${repo.dir}`, shallow]);
    const history = await readTargetHistory(shallow, await readGitInfo(shallow));
    expect(history.shallow).toBe(true);
    expect(history.log.commits.map((c) => c.sha)).toEqual([shas[2]]);
    // The boundary commit shows every file as added, so sizes stay right.
    expect(history.log.paths).toContain('src/a.ts');
  });

  it('reuses the last pass from its cache file while HEAD and .mailmap are unchanged', async () => {
    const other = makeRepo(path.join(base, 'cached'));
    other.commit('feat: one', {author: 'Ann <ann@example.com>', files: {'a.txt': 'a\n'}});
    const cacheFile = path.join(base, 'cache', 'git-log.json');
    const read = async () => readTargetHistory(other.dir, await readGitInfo(other.dir), {cacheFile});
    expect((await read()).log.commits[0]!.author).toBe('Ann');
    // Tamper with the cached entry: a hit returns it, which proves git was not run again.
    const cached = JSON.parse(fs.readFileSync(cacheFile, 'utf8'));
    cached.log.commits[0].author = 'From cache';
    fs.writeFileSync(cacheFile, JSON.stringify(cached));
    expect((await read()).log.commits[0]!.author).toBe('From cache');
    // A new .mailmap changes the key: git runs again.
    fs.writeFileSync(path.join(other.dir, '.mailmap'), 'Annie <ann@example.com>\n');
    expect((await read()).log.commits[0]!.author).toBe('Annie');
    // So does a new commit.
    other.commit('fix: two', {author: 'Bob <bob@example.com>'});
    expect((await read()).log.commits.map((c) => c.author)).toEqual(['Bob', 'Annie']);
  });

  it('answers Docusaurus\u2019s VCS hooks for files of the target, and nothing else', async () => {
    const vcs = createHistoryVcs(await readTargetHistory(repo.dir, await readGitInfo(repo.dir)), repo.dir);
    expect(await vcs.getFileLastUpdateInfo(path.join(repo.dir, 'src', 'a.ts'))).toEqual({timestamp: Date.parse('2023-06-01T07:00:00Z'), author: 'Grace Hopper'});
    expect(await vcs.getFileCreationInfo(path.join(repo.dir, 'docs', 'adr', '0001-x.md'))).toEqual({timestamp: Date.parse('2023-01-10T10:00:00Z'), author: 'Ada Lovelace'});
    expect(await vcs.getFileLastUpdateInfo(path.join(base, 'elsewhere.md'))).toBeNull();
    expect(await vcs.getFileLastUpdateInfo(path.join(repo.dir, 'untracked.md'))).toBeNull();
  });
});
