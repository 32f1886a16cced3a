/**
 * The changelog model: commits by release. A release holds exactly the commits reachable from its
 * tag and from no earlier release (by semantic version), as `git log prev..tag` would give, but
 * computed from the one pass's parent links instead of one git call per release.
 */
import semver from 'semver';
import type {Commit} from '../core/gitLog';
import {GROUP_ORDER, groupOf, OTHER_GROUP, parseConventionalCommit, verbGroupOf} from './conventionalCommit';
import type {Tag} from './readTags';

export interface ChangelogEntry {
  sha: string;
  type?: string;
  scope?: string;
  description: string;
  breaking: boolean;
  breakingNote?: string;
  author: string;
  /** Author date, `YYYY-MM-DD`. */
  date: string;
}

export interface ChangelogGroup {
  id: string;
  title: string;
  entries: ChangelogEntry[];
}

export interface Release {
  /** Undefined for "Unreleased". */
  tag?: string;
  version?: string;
  /** `YYYY-MM-DD`: the tag's date (tagger, else commit). */
  date?: string;
  sha?: string;
  /** Commits listed, merges excluded. */
  commitCount: number;
  /** Merge commits folded into the commits they brought in. */
  mergeCount: number;
  groups: ChangelogGroup[];
}

export interface Changelog {
  /** Unreleased first (when it has commits), then releases newest first. */
  releases: Release[];
  /** Tags that are not a semantic version (after the configured prefix): not releases. */
  ignoredTags: string[];
  /** Release tags whose commit is not in the history read (another branch, or beyond a shallow clone). */
  unreachableTags: string[];
}

interface ReleaseTag extends Tag {
  version: string;
}

export function extractChangelog(commits: Commit[], tags: Tag[], tagPrefix = ''): Changelog {
  const ignoredTags: string[] = [];
  const unreachableTags: string[] = [];
  const indexOf = new Map(commits.map((commit, i) => [commit.sha, i]));
  const byVersion = new Map<string, ReleaseTag>();
  for (const tag of tags) {
    const version = versionOf(tag.name, tagPrefix);
    if (!version) ignoredTags.push(tag.name);
    else if (!indexOf.has(tag.sha)) unreachableTags.push(tag.name);
    // Two tags of one version (`v1.0.0` and `1.0.0`): the first by name is the release.
    else if (!byVersion.has(version)) byVersion.set(version, {...tag, version});
  }
  const ascending = [...byVersion.values()].sort((a, b) => semver.compare(a.version, b.version));

  // owner[i]: index in `ascending` of the release that brought commit i, or -1 for unreleased.
  const owner = new Int32Array(commits.length).fill(-1);
  ascending.forEach((tag, release) => {
    const stack = [indexOf.get(tag.sha)!];
    while (stack.length > 0) {
      const i = stack.pop()!;
      // A commit already owned has all its ancestors owned by the same or earlier releases.
      if (owner[i] !== -1) continue;
      owner[i] = release;
      for (const parent of commits[i]!.parents) {
        const p = indexOf.get(parent);
        if (p !== undefined && owner[p] === -1) stack.push(p);
      }
    }
  });

  const buckets = Array.from({length: ascending.length + 1}, () => ({commits: 0, merges: 0, groups: new Map<string, ChangelogEntry[]>()}));
  commits.forEach((commit, i) => {
    const bucket = buckets[owner[i]! + 1]!;
    if (commit.parents.length > 1) {
      bucket.merges++;
      return;
    }
    bucket.commits++;
    const parsed = parseConventionalCommit(commit.subject, commit.body);
    const typed = groupOf(parsed);
    // `Core: ...` or `WIP: ...` parse as a type we do not know: unless breaking, that is prose, kept whole.
    const conventional = typed === OTHER_GROUP.id ? undefined : parsed;
    // Prose is grouped by its leading verb ("Add ...", "Fix ..."), as changelog tools do.
    const group = conventional ? typed : (verbGroupOf(commit.subject) ?? OTHER_GROUP.id);
    const entry: ChangelogEntry = {
      sha: commit.sha,
      type: conventional?.type,
      scope: conventional?.scope,
      description: conventional?.description ?? commit.subject,
      breaking: conventional?.breaking ?? false,
      breakingNote: conventional?.breakingNote,
      author: commit.author,
      date: commit.date.slice(0, 10),
    };
    const list = bucket.groups.get(group);
    if (list) list.push(entry);
    else bucket.groups.set(group, [entry]);
  });

  const toGroups = (groups: Map<string, ChangelogEntry[]>) =>
    GROUP_ORDER.filter((group) => groups.has(group.id)).map((group) => ({id: group.id, title: group.title, entries: groups.get(group.id)!}));

  const releases: Release[] = [];
  const unreleased = buckets[0]!;
  if (unreleased.commits + unreleased.merges > 0) {
    releases.push({commitCount: unreleased.commits, mergeCount: unreleased.merges, groups: toGroups(unreleased.groups)});
  }
  for (let release = ascending.length - 1; release >= 0; release--) {
    const tag = ascending[release]!;
    const bucket = buckets[release + 1]!;
    releases.push({
      tag: tag.name,
      version: tag.version,
      date: tag.date.slice(0, 10) || undefined,
      sha: tag.sha,
      commitCount: bucket.commits,
      mergeCount: bucket.merges,
      groups: toGroups(bucket.groups),
    });
  }
  return {releases, ignoredTags: ignoredTags.sort(), unreachableTags: unreachableTags.sort()};
}

/** `v1.2.3`, `1.2.3`, `<prefix>1.2.3` → `1.2.3`; anything else is not a release. */
export function versionOf(tag: string, prefix = ''): string | undefined {
  if (!tag.startsWith(prefix)) return undefined;
  const rest = tag.slice(prefix.length).replace(/^v/, '');
  return semver.valid(rest) ?? undefined;
}
