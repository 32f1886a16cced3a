/**
 * Facts about the target's git repository, read with git itself. Git always runs in the target, only
 * once its `.git` is known to be its own (gitDir.ts), and paths are passed after `--`, so no file or
 * branch name can be taken for an option. Spawned directly, as gitLog.ts does, rather than through
 * simple-git: its ~50 ms of loading was the largest part of a target context's start-up, which
 * `docs-architect extract` pays on every run (docs/adr/0052).
 */
import {execFile} from 'node:child_process';
import path from 'node:path';
import {promisify} from 'node:util';
import {checkGitDir} from './gitDir';
import {gitEnv} from './gitLog';

const run = promisify(execFile);

export interface GitInfo {
  isRepository: boolean;
  /** The target's path inside its repository (POSIX, '' when the target is the repository root). */
  prefix: string;
  head?: string;
  branch?: string;
  remoteUrl?: string;
  shallow?: boolean;
  /** Why the target's `.git` was not used (it leads to another repository): the site has no history. */
  refused?: string;
}

export async function readGitInfo(targetRoot: string): Promise<GitInfo> {
  // Checked before git runs at all: git would follow a `.git` file to any repository.
  const gitDir = await checkGitDir(targetRoot);
  if (!gitDir.ok) return {isRepository: false, prefix: '', refused: gitDir.reason};
  const git = {raw: async (args: string[]) => (await run('git', args, {cwd: targetRoot, env: gitEnv(), maxBuffer: 1 << 20})).stdout};
  try {
    const inside = (await git.raw(['rev-parse', '--is-inside-work-tree'])).trim() === 'true';
    if (!inside) return {isRepository: false, prefix: ''};
  } catch {
    return {isRepository: false, prefix: ''};
  }
  const optional = async (args: string[]) => {
    try {
      return (await git.raw(args)).trim() || undefined;
    } catch {
      return undefined;
    }
  };
  const [prefix, head, branch, remoteUrl, shallow] = await Promise.all([
    optional(['rev-parse', '--show-prefix']),
    optional(['rev-parse', '--verify', '--quiet', 'HEAD']),
    optional(['symbolic-ref', '--quiet', '--short', 'HEAD']),
    optional(['config', '--get', 'remote.origin.url']),
    optional(['rev-parse', '--is-shallow-repository']),
  ]);
  return {
    isRepository: true,
    prefix: (prefix ?? '').replace(/\/$/, '').split(path.sep).join('/'),
    head,
    branch,
    remoteUrl,
    shallow: shallow === 'true',
  };
}
