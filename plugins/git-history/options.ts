/**
 * The `history` key of the target's config, with its defaults. The schema (and its documentation)
 * lives in plugins/core/configSchema.ts; this module only fills in what the user left out.
 */
import type {DocsArchitectConfig} from '../core/configSchema';

export type ChangelogSource = 'generated' | 'file' | 'both';

export interface HistoryOptions {
  /** Which changelog the section shows: ours from the commits, the repository's file, or both. */
  changelog: ChangelogSource;
  /** The repository's changelog file; found by name at the root when not set. */
  changelogFile?: string;
  /** Publish authors' e-mail addresses (and e-mail owners in CODEOWNERS). */
  showEmails: boolean;
  /** The window of the hot spots ranking, in months before the newest commit. */
  hotspotMonths: number;
  /** Share of a module's recent changes above which one person is a bus-factor risk. */
  busFactorThreshold: number;
  /** Folders holding decision records, instead of the usual ones. */
  adrPaths?: string[];
  /** Release tags start with this (e.g. `api-v`); the rest must be a semantic version. */
  tagPrefix: string;
}

export const DEFAULT_OPTIONS: HistoryOptions = {
  changelog: 'both',
  showEmails: false,
  hotspotMonths: 6,
  busFactorThreshold: 0.75,
  tagPrefix: '',
};

/** Ownership looks at this window, and at all time. */
export const RECENT_MONTHS = 12;

export function resolveHistoryOptions(config: DocsArchitectConfig): HistoryOptions {
  const given = config.history ?? {};
  return {
    ...DEFAULT_OPTIONS,
    ...Object.fromEntries(Object.entries(given).filter(([, value]) => value !== undefined)),
  } as HistoryOptions;
}
