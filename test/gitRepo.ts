/**
 * Real git repositories in temporary folders, for tests: real commits, tags, authors and dates.
 * Git runs isolated from the user's and the system's configuration, so tests see only what they made.
 */
import {execFileSync} from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export interface CommitOptions {
  /** `Name <email>`; default `Test <test@example.com>`. */
  author?: string;
  /** ISO date for both author and committer; default 2024-01-01T00:00:00Z. */
  date?: string;
  /** Files to write (content) or delete (null) before committing. */
  files?: Record<string, string | Buffer | null>;
  /** Extra environment, e.g. a raw latin-1 name in GIT_AUTHOR_NAME. */
  env?: Record<string, string>;
  /** Extra `git -c` settings for this commit. */
  config?: string[];
}

export interface TestRepo {
  dir: string;
  git(...args: string[]): string;
  write(file: string, content: string | Buffer): void;
  commit(message: string, options?: CommitOptions): string;
  tag(name: string, options?: {message?: string; date?: string; ref?: string}): void;
}

export function tempBase(prefix: string): string {
  return fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), `docs-architect-${prefix}-`)));
}

export function gitEnvForTests(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {...process.env, GIT_CONFIG_GLOBAL: '/dev/null', GIT_CONFIG_NOSYSTEM: '1', ...extra};
  for (const name of ['GIT_DIR', 'GIT_WORK_TREE', 'GIT_INDEX_FILE']) delete env[name];
  return env;
}

export function runGit(cwd: string, args: string[], env: Record<string, string> = {}): string {
  return execFileSync(
    'git',
    ['-c', 'commit.gpgsign=false', '-c', 'tag.gpgsign=false', '-c', 'init.defaultBranch=main', ...args],
    {cwd, encoding: 'utf8', env: gitEnvForTests(env), stdio: ['ignore', 'pipe', 'pipe']},
  ).trim();
}

export function makeRepo(dir: string): TestRepo {
  fs.mkdirSync(dir, {recursive: true});
  runGit(dir, ['init', '--quiet']);
  const repo: TestRepo = {
    dir,
    git: (...args) => runGit(dir, args),
    write(file, content) {
      const full = path.join(dir, file);
      fs.mkdirSync(path.dirname(full), {recursive: true});
      fs.writeFileSync(full, content);
    },
    commit(message, options = {}) {
      for (const [file, content] of Object.entries(options.files ?? {})) {
        if (content === null) fs.rmSync(path.join(dir, file));
        else repo.write(file, content);
      }
      runGit(dir, ['add', '-A']);
      const [, name = 'Test', email = 'test@example.com'] = /^(.*?)\s*<(.*)>$/.exec(options.author ?? '') ?? [];
      const date = options.date ?? '2024-01-01T00:00:00Z';
      const config = (options.config ?? []).flatMap((setting) => ['-c', setting]);
      runGit(dir, [...config, 'commit', '--quiet', '--allow-empty', '-m', message], {
        GIT_AUTHOR_NAME: name,
        GIT_AUTHOR_EMAIL: email,
        GIT_COMMITTER_NAME: name,
        GIT_COMMITTER_EMAIL: email,
        GIT_AUTHOR_DATE: date,
        GIT_COMMITTER_DATE: date,
        ...options.env,
      });
      return runGit(dir, ['rev-parse', 'HEAD']);
    },
    tag(name, options = {}) {
      const date = options.date ?? '2024-01-01T00:00:00Z';
      const args = options.message ? ['tag', '-a', '-m', options.message, name] : ['tag', name];
      runGit(dir, [...args, ...(options.ref ? [options.ref] : [])], {
        GIT_COMMITTER_DATE: date,
        GIT_COMMITTER_NAME: 'Tagger',
        GIT_COMMITTER_EMAIL: 'tagger@example.com',
      });
    },
  };
  return repo;
}

/**
 * A commit written byte for byte (git hash-object), for what porcelain cannot make: an author name
 * in latin-1 with no encoding header, as old tools wrote them.
 */
export function commitRawBytes(repo: TestRepo, headerAndMessage: Buffer): string {
  const sha = execFileSync('git', ['hash-object', '-t', 'commit', '-w', '--stdin'], {
    cwd: repo.dir,
    input: headerAndMessage,
    env: gitEnvForTests(),
  })
    .toString()
    .trim();
  runGit(repo.dir, ['update-ref', 'HEAD', sha]);
  runGit(repo.dir, ['reset', '--quiet', '--hard']);
  return sha;
}
