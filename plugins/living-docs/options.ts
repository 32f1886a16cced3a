import type {DocsArchitectConfig} from '../core/configSchema';
import {DEFAULT_MAX_GRADE, DEFAULT_MIN_WORDS} from '../core/readability';
import type {LivingDocsThresholds} from './model';

/** Defaults of the `livingDocs` config key (plugins/core/configSchema.ts, docs/configuration.md). */
export const DEFAULT_THRESHOLDS: LivingDocsThresholds = {
  driftCommits: 1,
  driftDays: 0,
  coverage: 0.5,
  reviewAfterDays: 365,
  maxGrade: DEFAULT_MAX_GRADE,
  minWords: DEFAULT_MIN_WORDS,
};

export function thresholdsOf(config: DocsArchitectConfig): LivingDocsThresholds {
  const own = config.livingDocs ?? {};
  return {
    driftCommits: own.driftCommits ?? DEFAULT_THRESHOLDS.driftCommits,
    driftDays: own.driftDays ?? DEFAULT_THRESHOLDS.driftDays,
    coverage: own.coverageThreshold ?? DEFAULT_THRESHOLDS.coverage,
    reviewAfterDays: own.reviewAfterDays ?? DEFAULT_THRESHOLDS.reviewAfterDays,
    // The readability limit is the `check` command's, so the page and the check agree.
    maxGrade: config.check?.maxGrade ?? DEFAULT_THRESHOLDS.maxGrade,
    minWords: config.check?.minWords ?? DEFAULT_THRESHOLDS.minWords,
  };
}
