/**
 * Whole sections kept between `check` runs (docs/adr/0058): a generator's extract result, by the
 * key of its declared inputs (sectionKeys.ts), and each section's rendered files, by that key and
 * the key of the whole site view. A hit replays the warnings the work gave when it ran, so a warm
 * run reports what a cold one does. Only while the run store is open (`check`); a build and
 * `start` extract and render every time.
 */
import type {UserErrorDetails} from '../errors';
import type {Report} from '../report';
import {rememberedAsync, runStoreOpen} from '../runStore';
import {toolVersion} from './sectionKeys';

export const SECTION_EXTRACTS_STORE = {name: 'section-extracts', version: () => toolVersion()};
export const SECTION_RENDERS_STORE = {name: 'section-renders', version: () => toolVersion()};

interface Kept<T> {
  value: T;
  warnings: {message: string; details: UserErrorDetails}[];
}

/**
 * Which generators extracted and which sections rendered in the last run (the others were kept),
 * and how long hashing their inputs took: for tests and measurements.
 */
export const lastSectionRun = {extracted: [] as string[], rendered: [] as string[], keyMs: 0};

/**
 * `work()`'s value, kept under `key` in `store` with the warnings it added to `report`; a kept
 * value's warnings are added again. No key, or no store open: `work()`, kept nowhere.
 */
export async function keptWork<T>(store: string, key: string | undefined, report: Report, work: () => Promise<T>): Promise<T> {
  if (key === undefined || !runStoreOpen()) return work();
  let ran = false;
  const kept = await rememberedAsync<Kept<T>>(store, key, async () => {
    ran = true;
    const before = report.warnings.length;
    const value = await work();
    return {value, warnings: report.warnings.slice(before).map((warning) => ({message: warning.message, details: warning.details}))};
  });
  if (!ran) for (const warning of kept.warnings) report.warn(warning.message, warning.details);
  return kept.value;
}
