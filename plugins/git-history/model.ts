/**
 * The history model: everything the history pages show, as plain sorted JSON; the render stage reads
 * nothing else. The parts are declared beside the code that extracts them and gathered here, so a
 * render imports its types from this file only.
 */
import type {HistoryState} from '../core/history';
import type {Changelog} from './extractChangelog';
import type {Decision} from './extractDecisions';
import type {Hotspots} from './extractHotspots';
import type {Ownership} from './extractOwnership';
import type {HistoryOptions} from './options';
import type {Codeowners} from './parseCodeowners';

export type {Changelog, ChangelogEntry, Release} from './extractChangelog';
export type {Decision, DecisionRef, StatusKind} from './extractDecisions';
export type {Hotspots} from './extractHotspots';
export type {Activity, ModuleOwnership, Ownership, Person} from './extractOwnership';

/** Bump when the shape changes (docs/adr/0029). */
export const HISTORY_MODEL_VERSION = 1;

export interface Freshness {
  date: string;
  author: string;
}

export interface HistoryStatus {
  state: HistoryState;
  reason?: string;
  shallow: boolean;
  commitCount: number;
  /** `YYYY-MM-DD` of the oldest and newest commits read. */
  firstDate?: string;
  lastDate?: string;
  head?: string;
  branch?: string;
  detached: boolean;
  tagCount: number;
  /** Plain sentences: what could not be known, and why. `history` notes concern every page, `releases` the changelog. */
  notes: {about: 'history' | 'releases'; text: string}[];
}

export interface HistoryModel {
  version: typeof HISTORY_MODEL_VERSION;
  project: string;
  status: HistoryStatus;
  changelogSource: HistoryOptions['changelog'];
  changelog: Changelog;
  changelogFile?: {path: string; text: string};
  ownership: Ownership;
  codeowners?: Codeowners;
  hotspots: Hotspots;
  decisions: {dirs: string[]; records: Decision[]};
  /** Last change of each page's sources, by page id (`changelog`, `decision:<path>`...). */
  freshness: Record<string, Freshness>;
}
