/**
 * The history model: everything the history pages show, as plain sorted JSON. Built from the one
 * pass's commits, the tags, and the few files the generator read (ADRs, CODEOWNERS, CHANGELOG.md);
 * the render stage reads nothing else.
 */
import type {GitLog} from '../core/gitLog';
import type {HistoryState} from '../core/history';
import {extractChangelog, type Changelog} from './extractChangelog';
import {extractDecisions, type DecisionProblem, type DecisionSource} from './extractDecisions';
import {extractHotspots} from './extractHotspots';
import {extractOwnership} from './extractOwnership';
import {RECENT_MONTHS, type HistoryOptions} from './options';
import type {Codeowners} from './parseCodeowners';
import type {Tag} from './readTags';
import {HISTORY_MODEL_VERSION, type Freshness, type HistoryModel, type HistoryStatus} from './model';

export interface HistoryInput {
  project: string;
  state: HistoryState;
  reason?: string;
  shallow: boolean;
  head?: string;
  branch?: string;
  log: GitLog;
  tags: Tag[];
  packages: {dir: string; name?: string}[];
  files: string[];
  codeowners?: Codeowners;
  changelogFile?: {path: string; text: string};
  decisionDirs: string[];
  decisionSources: DecisionSource[];
  options: HistoryOptions;
  /** The newest change of a page's sources. */
  lastChange: (paths: string[]) => Freshness | undefined;
}

export function extractHistory(input: HistoryInput): {model: HistoryModel; problems: DecisionProblem[]} {
  const {log, options} = input;
  const changelog = extractChangelog(log.commits, input.tags, options.tagPrefix);
  const {decisions, problems} = extractDecisions(input.decisionSources);
  const times = log.commits.map((commit) => commit.time).filter((time) => !Number.isNaN(time));
  const day = (time: number) => new Date(time).toISOString().slice(0, 10);
  const status: HistoryStatus = {
    state: input.state,
    reason: input.reason,
    shallow: input.shallow,
    commitCount: log.commits.length,
    // reduce, not Math.min(...times): a spread of 50,000 arguments can overflow the stack.
    firstDate: times.length > 0 ? day(times.reduce((a, b) => Math.min(a, b))) : undefined,
    lastDate: times.length > 0 ? day(times.reduce((a, b) => Math.max(a, b))) : undefined,
    head: input.head,
    branch: input.branch,
    detached: input.state === 'ok' && !input.branch,
    tagCount: input.tags.length,
    notes: [],
  };
  status.notes = notesOf(status, changelog);

  const freshness: Record<string, Freshness> = {};
  const fresh = (id: string, paths: string[]) => {
    const change = input.lastChange(paths);
    if (change) freshness[id] = {date: change.date, author: change.author};
  };
  // The changelog, contributors and hot spots are made from every commit: their source is the whole target.
  for (const id of ['index', 'changelog', 'contributors', 'hotspots']) fresh(id, ['']);
  if (input.changelogFile) fresh('changelog-file', [input.changelogFile.path]);
  fresh('decisions', input.decisionDirs);
  for (const decision of decisions) fresh(`decision:${decision.path}`, [decision.path]);

  const model: HistoryModel = {
    version: HISTORY_MODEL_VERSION,
    project: input.project,
    status,
    changelogSource: options.changelog,
    changelog,
    changelogFile: input.changelogFile,
    ownership: extractOwnership({
      log,
      packages: input.packages,
      files: input.files,
      codeowners: input.codeowners,
      recentMonths: RECENT_MONTHS,
      busFactorThreshold: options.busFactorThreshold,
      showEmails: options.showEmails,
    }),
    codeowners: input.codeowners,
    hotspots: extractHotspots(log, input.files, options.hotspotMonths),
    decisions: {dirs: [...input.decisionDirs].sort(), records: decisions},
    freshness: Object.fromEntries(Object.entries(freshness).sort(([a], [b]) => (a < b ? -1 : 1))),
  };
  return {model, problems};
}

function notesOf(status: HistoryStatus, changelog: Changelog): HistoryStatus['notes'] {
  const notes: HistoryStatus['notes'] = [];
  const history = (text: string) => notes.push({about: 'history', text});
  const releases = (text: string) => notes.push({about: 'releases', text});
  const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
  if (status.state === 'none') history('Not a git repository: there is no changelog, no contributors, no hot spots and no last-updated dates.');
  if (status.state === 'empty') history('The repository has no commits yet: there is no history to show.');
  if (status.state === 'error') history(`The history could not be read: ${status.reason}.`);
  if (status.shallow) {
    history(
      `History is shallow: ${plural(status.commitCount, 'commit')}. This is a shallow clone, so releases, contributors and hot spots count only those commits; run \`git fetch --unshallow\` before building for the whole history.`,
    );
  }
  if (status.detached && status.head) history(`HEAD is detached at ${status.head.slice(0, 12)}: the history shown is that commit's.`);
  if (status.state === 'ok' && status.tagCount === 0) releases('No tags: every commit is listed under "Unreleased".');
  if (changelog.ignoredTags.length > 0) {
    releases(`${plural(changelog.ignoredTags.length, 'tag')} not named as a semantic version, so not taken for releases: ${sample(changelog.ignoredTags)}.`);
  }
  if (changelog.unreachableTags.length > 0) {
    releases(`${plural(changelog.unreachableTags.length, 'release tag')} not in the history of HEAD (another branch, or beyond a shallow clone): ${sample(changelog.unreachableTags)}.`);
  }
  return notes;
}

function sample(names: string[]): string {
  return names.length > 10 ? `${names.slice(0, 10).join(', ')} and ${names.length - 10} more` : names.join(', ');
}
