/**
 * The target's history as every generator sees it: the commits of the one pass (gitLog.ts) and, from
 * them, when each file or folder last (and first) changed. Generated pages get their "last updated"
 * date and author from `lastChange(theirSources)`, not from the generated file, which git never saw.
 */
import crypto from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import type {GitInfo} from './git';
import {writeAtomic} from './atomicWrite';
import {gitLogArgs, readGitLog, type Commit, type GitLog} from './gitLog';

export interface Change {
  /** Author date, ISO 8601. */
  date: string;
  /** Author name after .mailmap; never an e-mail address. */
  author: string;
  sha: string;
}

export type HistoryState =
  /** Commits were read. */
  | 'ok'
  /** The target is not in a git repository. */
  | 'none'
  /** A repository without any commit yet. */
  | 'empty'
  /** Git failed; `reason` says how. */
  | 'error';

export interface TargetHistory {
  state: HistoryState;
  /** One sentence for a page, when state is not `ok`. */
  reason?: string;
  /** True for a shallow clone: the commits stop at the clone's depth. */
  shallow: boolean;
  log: GitLog;
  /** The newest commit that touched any of `paths` (files or folders, relative to the target; '' is all of it). */
  lastChange(paths: string[]): Change | undefined;
  /** The oldest commit that touched any of `paths`. */
  firstChange(paths: string[]): Change | undefined;
}

export interface ReadHistoryOptions {
  /**
   * A file that keeps the last pass, reused while HEAD, .mailmap and shallowness are unchanged.
   * `start` regenerates on every change of a watched file, and a target is built again and again
   * between commits: without it, each of those is a full `git log --numstat` again.
   */
  cacheFile?: string;
}

export async function readTargetHistory(root: string, git: GitInfo, options: ReadHistoryOptions = {}): Promise<TargetHistory> {
  if (!git.isRepository) return createTargetHistory(emptyLog(), {state: 'none', reason: 'not a git repository'});
  if (!git.head) return createTargetHistory(emptyLog(), {state: 'empty', reason: 'the repository has no commits yet'});
  try {
    const read = () => readGitLog(root, {onlyHere: git.prefix !== ''});
    // Only at a repository's root: the key must cover .mailmap, which for a subfolder target lies
    // outside the target, where docs-architect does not read.
    const log = options.cacheFile && git.prefix === '' ? await cachedLog(options.cacheFile, await logKey(root, git), read) : await read();
    return createTargetHistory(log, {state: 'ok', shallow: git.shallow});
  } catch (error) {
    const message = error instanceof Error ? error.message.split('\n')[0]! : String(error);
    return createTargetHistory(emptyLog(), {state: 'error', reason: `git could not read the history (${message})`});
  }
}

async function logKey(root: string, git: GitInfo): Promise<string> {
  const mailmap = await fs.readFile(path.join(root, '.mailmap')).catch(() => Buffer.alloc(0));
  const hash = crypto.createHash('sha256').update(mailmap).digest('hex');
  return JSON.stringify({args: gitLogArgs(), head: git.head, shallow: Boolean(git.shallow), mailmap: hash});
}

/** One file, one entry: the cache never grows past the last history read. A bad file is a miss. */
async function cachedLog(file: string, key: string, read: () => Promise<GitLog>): Promise<GitLog> {
  try {
    const cached = JSON.parse(await fs.readFile(file, 'utf8')) as {key?: string; log?: GitLog};
    if (cached.key === key && cached.log) return cached.log;
  } catch {
    // missing or unreadable: read git
  }
  const log = await read();
  await writeAtomic(file, JSON.stringify({key, log}));
  return log;
}

function emptyLog(): GitLog {
  return {commits: [], paths: []};
}

interface Index {
  newest: Map<string, number>;
  oldest: Map<string, number>;
}

export function createTargetHistory(
  log: GitLog,
  facts: {state: HistoryState; reason?: string; shallow?: boolean},
): TargetHistory {
  let index: Index | undefined;
  // Built on first use: a changelog-only run never pays for it.
  const getIndex = () => (index ??= buildIndex(log));
  const find = (paths: string[], newest: boolean): Change | undefined => {
    if (log.commits.length === 0) return undefined;
    const map = newest ? getIndex().newest : getIndex().oldest;
    let best: number | undefined;
    for (const raw of paths) {
      const key = normalize(raw);
      const found = key === '' ? (newest ? 0 : log.commits.length - 1) : map.get(key);
      if (found === undefined) continue;
      if (best === undefined || (newest ? found < best : found > best)) best = found;
    }
    return best === undefined ? undefined : toChange(log.commits[best]!);
  };
  return {
    state: facts.state,
    reason: facts.reason,
    shallow: Boolean(facts.shallow),
    log,
    lastChange: (paths) => find(paths, true),
    firstChange: (paths) => find(paths, false),
  };
}

function toChange(commit: Commit): Change {
  return {date: commit.date, author: commit.author, sha: commit.sha};
}

function normalize(file: string): string {
  return file.replace(/^(\.\/)+/, '').replace(/\/+$/, '').replace(/^\.$/, '');
}

/**
 * For every path and every folder above it, the index of the newest and oldest commit touching it.
 * Commits come newest first, so the first sighting is the newest; a folder is set when the first
 * file under it is seen, and its parents were set no later, so the walk up stops early.
 */
function buildIndex(log: GitLog): Index {
  const newest = new Map<string, number>();
  const oldest = new Map<string, number>();
  const mark = (map: Map<string, number>, file: string, commit: number) => {
    if (map.has(file)) return;
    map.set(file, commit);
    for (let slash = file.lastIndexOf('/'); slash > 0; slash = file.lastIndexOf('/', slash - 1)) {
      const dir = file.slice(0, slash);
      if (map.has(dir)) break;
      map.set(dir, commit);
    }
  };
  log.commits.forEach((commit, i) => {
    for (const change of commit.changes) mark(newest, log.paths[change.path]!, i);
  });
  for (let i = log.commits.length - 1; i >= 0; i--) {
    for (const change of log.commits[i]!.changes) mark(oldest, log.paths[change.path]!, i);
  }
  return {newest, oldest};
}

/**
 * Docusaurus's `last_update` front matter for a generated page built from `paths`: the docs plugin
 * shows it as the page's "Last updated" line instead of asking git about the generated file.
 */
export function lastUpdateFrontMatter(history: TargetHistory, paths: string[]): {date: string; author: string} | undefined {
  const change = history.lastChange(paths);
  return change ? {date: change.date, author: change.author} : undefined;
}
