/**
 * Which git repository the target's history may come from. A `.git` *file* (`gitdir: <path>`) or a
 * `.git` link can name any repository on the machine, and git would read that repository's commits
 * as the target's: a hostile target could publish another project's history, authors and messages.
 * So a `.git` that leads outside the target is only used when that repository says this target is its
 * work tree, which is how git itself pairs them: a linked worktree's `gitdir` file names our `.git`
 * file, a submodule's `core.worktree` names our folder. Anything else is refused (see docs/adr/0024).
 * A target without `.git` is a folder of a larger repository, found by git as usual (the prefix case).
 */
import {execFile} from 'node:child_process';
import fs from 'node:fs/promises';
import path from 'node:path';
import {promisify} from 'node:util';
import {isInside} from './resolveTarget';

const run = promisify(execFile);

export type GitDirCheck = {ok: true} | {ok: false; reason: string};

export async function checkGitDir(root: string): Promise<GitDirCheck> {
  const dotGit = path.join(root, '.git');
  const stat = await fs.lstat(dotGit).catch(() => undefined);
  if (!stat) return {ok: true};
  if (stat.isSymbolicLink()) {
    const real = await fs.realpath(dotGit).catch(() => undefined);
    if (real && isInside(root, real)) return {ok: true};
    return {ok: false, reason: 'its `.git` is a symbolic link to a folder outside the repository'};
  }
  if (stat.isDirectory()) {
    // A linked worktree's git folder names its main repository in `commondir`: a real `.git`
    // folder never has one that leads out.
    const common = await fs.readFile(path.join(dotGit, 'commondir'), 'utf8').catch(() => undefined);
    if (common === undefined) return {ok: true};
    const real = await fs.realpath(path.resolve(dotGit, common.trim())).catch(() => undefined);
    if (real && isInside(root, real)) return {ok: true};
    return {ok: false, reason: 'its `.git/commondir` names a repository outside the target'};
  }
  const content = await fs.readFile(dotGit, 'utf8').catch(() => '');
  const match = /^gitdir:\s*(.+?)\s*$/m.exec(content);
  if (!match) return {ok: false, reason: 'its `.git` file does not name a git folder (`gitdir: <path>`)'};
  const gitDir = await fs.realpath(path.resolve(root, match[1]!)).catch(() => undefined);
  if (!gitDir) return {ok: false, reason: `its \`.git\` file names a git folder that does not exist (${match[1]})`};
  if (isInside(root, gitDir) || (await claimsWorkTree(gitDir, root))) return {ok: true};
  return {
    ok: false,
    reason: `its \`.git\` file points at another repository outside the target (${match[1]}), which does not name this folder as its work tree`,
  };
}

/** True when the git folder outside the target is that of a worktree or submodule checked out here. */
async function claimsWorkTree(gitDir: string, root: string): Promise<boolean> {
  // Linked worktree: `<main>/.git/worktrees/<name>/gitdir` holds the path of our `.git` file.
  const backLink = await fs.readFile(path.join(gitDir, 'gitdir'), 'utf8').catch(() => undefined);
  if (backLink !== undefined) {
    const real = await fs.realpath(path.resolve(gitDir, backLink.trim())).catch(() => undefined);
    if (real === path.join(root, '.git')) return true;
  }
  // Submodule: `<super>/.git/modules/<name>/config` has core.worktree pointing at our folder. Read
  // with `--file`, so no other configuration (and no include of the target's) takes part.
  try {
    const {stdout} = await run('git', ['config', '--file', path.join(gitDir, 'config'), '--get', 'core.worktree']);
    const real = await fs.realpath(path.resolve(gitDir, stdout.trim())).catch(() => undefined);
    return real === root;
  } catch {
    return false;
  }
}
