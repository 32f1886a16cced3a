/**
 * How far a page has fallen behind the code it covers, from the build's one git pass (no git call
 * per page): the commits after the page's own last commit that touched a file the page covers
 * (front matter `covers`, gitignore syntax) or cites. A page drifts when there are at least
 * `driftCommits` of them and the newest came at least `driftDays` after the page's last edit.
 */
import ignore from 'ignore';
import type {TargetHistory} from '../core/history';
import type {DriftModel, LivingDocsThresholds} from './model';

export interface DriftIndex {
  /** Index of a commit (newest first) by sha. */
  position: Map<string, number>;
  history: TargetHistory;
}

export function createDriftIndex(history: TargetHistory): DriftIndex {
  return {history, position: new Map(history.log.commits.map((commit, i) => [commit.sha, i]))};
}

export function driftOf(
  index: DriftIndex,
  page: {file: string; covers: string[]; cited: string[]},
  thresholds: Pick<LivingDocsThresholds, 'driftCommits' | 'driftDays'>,
): DriftModel | undefined {
  if (page.covers.length === 0 && page.cited.length === 0) return undefined;
  const last = index.history.lastChange([page.file]);
  const at = last && index.position.get(last.sha);
  if (at === undefined || at === 0 || !last) return undefined;
  const {commits, paths} = index.history.log;
  const matcher = ignore().add(page.covers);
  const cited = new Set(page.cited);
  const matches = new Map<number, boolean>();
  const covered = (pathIndex: number) => {
    let hit = matches.get(pathIndex);
    if (hit === undefined) {
      const file = paths[pathIndex]!;
      hit = cited.has(file) || (page.covers.length > 0 && isRelative(file) && matcher.ignores(file));
      matches.set(pathIndex, hit);
    }
    return hit;
  };
  let count = 0;
  let newest: number | undefined;
  for (let i = 0; i < at; i++) {
    if (!commits[i]!.changes.some((change) => covered(change.path))) continue;
    count++;
    newest ??= i;
  }
  if (newest === undefined || count < thresholds.driftCommits) return undefined;
  const newestCommit = commits[newest]!;
  const days = Math.floor((newestCommit.time - commits[at]!.time) / 86_400_000);
  if (days < thresholds.driftDays) return undefined;
  return {commits: count, newest: newestCommit.date, pageSha: last.sha, newestSha: newestCommit.sha, days};
}

/** `ignore` accepts only relative paths; git's are, but a path with `..` is never covered. */
function isRelative(file: string): boolean {
  return file !== '' && !file.startsWith('/') && !file.split('/').includes('..');
}
