/**
 * Hot spots: files that change often and are big, where bugs and merge conflicts gather. A file's
 * score is its commits in the window times its size in lines. The size comes from the history itself
 * (lines added minus lines deleted over every commit), so no file is read; binary files have no
 * line count and are left out, as are lock files and snapshots, which tools write.
 */
import type {GitLog} from '../core/gitLog';
import {monthsBefore} from './extractOwnership';

export interface Hotspot {
  path: string;
  /** Commits touching the file in the window. */
  changes: number;
  /** Lines now, as the history counts them. */
  lines: number;
  score: number;
  /** `YYYY-MM-DD` of its newest change. */
  lastChanged: string;
}

export interface Hotspots {
  months: number;
  /** `YYYY-MM-DD`: the start of the window, counted back from the newest commit. */
  since?: string;
  files: Hotspot[];
}

export const HOTSPOT_COUNT = 20;

/** Lock files and snapshots change with every dependency bump and are written by tools: not hot spots. */
const GENERATED = /(^|\/)(package-lock\.json|npm-shrinkwrap\.json|yarn\.lock|pnpm-lock\.yaml|bun\.lockb?|[^/]+\.lock|go\.sum|[^/]+\.snap)$/;

/** @param files the target's files now: deleted and ignored files are no hot spots. */
export function extractHotspots(log: GitLog, files: string[], months: number, count = HOTSPOT_COUNT): Hotspots {
  const newest = log.commits.reduce((max, commit) => Math.max(max, commit.time || 0), 0);
  if (!newest) return {months, files: []};
  const since = monthsBefore(newest, months);
  const lines = new Float64Array(log.paths.length);
  const changes = new Uint32Array(log.paths.length);
  const binary = new Uint8Array(log.paths.length);
  const last = new Int32Array(log.paths.length).fill(-1);
  log.commits.forEach((commit, i) => {
    if (commit.parents.length > 1) return;
    const recent = commit.time >= since;
    for (const change of commit.changes) {
      if (change.added === null || change.deleted === null) binary[change.path] = 1;
      else lines[change.path]! += change.added - change.deleted;
      if (recent) changes[change.path]!++;
      if (last[change.path] === -1) last[change.path] = i;
    }
  });
  const current = new Set(files);
  const hotspots: Hotspot[] = [];
  log.paths.forEach((file, id) => {
    if (!changes[id] || binary[id] || lines[id]! <= 0 || !current.has(file) || GENERATED.test(file)) return;
    hotspots.push({
      path: file,
      changes: changes[id]!,
      lines: lines[id]!,
      score: changes[id]! * lines[id]!,
      lastChanged: log.commits[last[id]!]!.date.slice(0, 10),
    });
  });
  hotspots.sort((a, b) => b.score - a.score || b.changes - a.changes || (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  return {months, since: new Date(since).toISOString().slice(0, 10), files: hotspots.slice(0, count)};
}
