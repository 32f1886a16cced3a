/**
 * Who works on what: per package and per top-level folder, the people with the most commits and
 * lines changed, in the last months and over all time, the CODEOWNERS of the folder, and a warning
 * where one person holds most of a module's recent changes (bus factor).
 */
import type {Commit, GitLog} from '../core/gitLog';
import type {Codeowners} from './parseCodeowners';
import {ownersOf} from './parseCodeowners';

export interface Person {
  name: string;
  /** Only when the config allows e-mail addresses. */
  email?: string;
  commits: number;
  /** Lines added plus lines deleted. */
  lines: number;
  /** Share of the module's lines changed (of its commits when no lines changed), 0 to 1. */
  share: number;
}

export interface Activity {
  commits: number;
  lines: number;
  /** The top five, by lines then commits then name. */
  people: Person[];
  /** How many people in all. */
  peopleCount: number;
}

export interface ModuleOwnership {
  /** Folder relative to the target; '' for the whole repository. */
  path: string;
  kind: 'repository' | 'package' | 'folder';
  /** The package name, for packages. */
  name?: string;
  recent: Activity;
  overall: Activity;
  codeowners: string[];
  /** Set when one person holds at least the threshold share of the window's changes. */
  busFactor?: {person: string; share: number; window: 'recent' | 'overall'};
}

export interface Ownership {
  recentMonths: number;
  /** `YYYY-MM-DD`: the start of the recent window, counted back from the newest commit. */
  recentSince?: string;
  modules: ModuleOwnership[];
}

export interface OwnershipInput {
  log: GitLog;
  /** Folders of the target's packages ('' for the root package). */
  packages: {dir: string; name?: string}[];
  /** The target's files now, relative to its root. */
  files: string[];
  codeowners?: Codeowners;
  recentMonths: number;
  busFactorThreshold: number;
  showEmails: boolean;
}

/** A window needs this many commits before one person's share says anything. */
const BUS_FACTOR_MIN_COMMITS = 5;
const TOP = 5;

interface Tally {
  commits: number;
  lines: number;
  people: Map<string, {email: string; commits: number; lines: number}>;
}

export function extractOwnership(input: OwnershipInput): Ownership {
  const {log} = input;
  const packages = input.packages.filter((pkg) => pkg.dir !== '').sort((a, b) => b.dir.length - a.dir.length || (a.dir < b.dir ? -1 : 1));
  const folders = [...new Set(input.files.filter((file) => file.includes('/')).map((file) => file.slice(0, file.indexOf('/'))))].sort();
  const keys = ['', ...folders, ...packages.map((pkg) => pkg.dir)];
  const tallies = new Map(keys.map((key) => [key, {recent: newTally(), overall: newTally()}]));
  const newest = log.commits.reduce((max, commit) => Math.max(max, commit.time || 0), 0);
  const since = newest ? monthsBefore(newest, input.recentMonths) : undefined;

  for (const commit of log.commits) {
    if (commit.parents.length > 1) continue; // a merge's changes are counted on the commits it merged
    const touched = new Map<string, number>([['', 0]]);
    for (const change of commit.changes) {
      const file = log.paths[change.path]!;
      const lines = (change.added ?? 0) + (change.deleted ?? 0);
      touched.set('', touched.get('')! + lines);
      const slash = file.indexOf('/');
      const top = slash > 0 ? file.slice(0, slash) : undefined;
      if (top !== undefined && tallies.has(top)) touched.set(top, (touched.get(top) ?? 0) + lines);
      const pkg = packages.find((candidate) => file.startsWith(`${candidate.dir}/`));
      if (pkg && pkg.dir !== top) touched.set(pkg.dir, (touched.get(pkg.dir) ?? 0) + lines);
    }
    const recent = since !== undefined && commit.time >= since;
    for (const [key, lines] of touched) {
      const tally = tallies.get(key)!;
      add(tally.overall, commit, lines);
      if (recent) add(tally.recent, commit, lines);
    }
  }

  const modules = keys.map((key): ModuleOwnership => {
    const tally = tallies.get(key)!;
    const pkg = packages.find((candidate) => candidate.dir === key);
    const recent = toActivity(tally.recent, input.showEmails);
    const overall = toActivity(tally.overall, input.showEmails);
    const module: ModuleOwnership = {
      path: key,
      kind: key === '' ? 'repository' : pkg ? 'package' : 'folder',
      name: pkg?.name,
      recent,
      overall,
      codeowners: input.codeowners ? ownersOf(input.codeowners, key) : [],
    };
    const [window, activity] = recent.commits > 0 ? (['recent', recent] as const) : (['overall', overall] as const);
    const top = activity.people[0];
    if (top && activity.commits >= BUS_FACTOR_MIN_COMMITS && top.share >= input.busFactorThreshold) {
      module.busFactor = {person: top.name, share: top.share, window};
    }
    return module;
  });

  return {
    recentMonths: input.recentMonths,
    recentSince: since ? new Date(since).toISOString().slice(0, 10) : undefined,
    // The repository first, then folders and packages by path, dropping those nobody ever changed.
    modules: [modules[0]!, ...modules.slice(1).filter((m) => m.overall.commits > 0).sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0))],
  };
}

function newTally(): Tally {
  return {commits: 0, lines: 0, people: new Map()};
}

function add(tally: Tally, commit: Commit, lines: number): void {
  tally.commits++;
  tally.lines += lines;
  const person = tally.people.get(commit.author);
  if (person) {
    person.commits++;
    person.lines += lines;
  } else {
    tally.people.set(commit.author, {email: commit.email, commits: 1, lines});
  }
}

function toActivity(tally: Tally, showEmails: boolean): Activity {
  const byLines = tally.lines > 0;
  const people = [...tally.people]
    .map(([name, person]): Person => ({
      name,
      email: showEmails ? person.email : undefined,
      commits: person.commits,
      lines: person.lines,
      share: round(byLines ? person.lines / tally.lines : person.commits / tally.commits),
    }))
    .sort((a, b) => b.lines - a.lines || b.commits - a.commits || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  return {commits: tally.commits, lines: tally.lines, people: people.slice(0, TOP), peopleCount: people.length};
}

function round(share: number): number {
  return Math.round(share * 1000) / 1000;
}

/** Calendar months back from a time, in UTC, so the window does not depend on the machine's zone. */
export function monthsBefore(time: number, months: number): number {
  const date = new Date(time);
  date.setUTCMonth(date.getUTCMonth() - months);
  return date.getTime();
}
