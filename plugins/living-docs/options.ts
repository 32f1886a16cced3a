import type {DocsArchitectConfig} from '../core/configSchema';
import type {LivingDocsThresholds} from './model';

/** Defaults of the `livingDocs` config key (plugins/core/configSchema.ts, docs/configuration.md). */
export const DEFAULT_THRESHOLDS: LivingDocsThresholds = {
  driftCommits: 1,
  driftDays: 0,
  coverage: 0.5,
  reviewAfterDays: 365,
};

export function thresholdsOf(config: DocsArchitectConfig): LivingDocsThresholds {
  const own = config.livingDocs ?? {};
  return {
    driftCommits: own.driftCommits ?? DEFAULT_THRESHOLDS.driftCommits,
    driftDays: own.driftDays ?? DEFAULT_THRESHOLDS.driftDays,
    coverage: own.coverageThreshold ?? DEFAULT_THRESHOLDS.coverage,
    reviewAfterDays: own.reviewAfterDays ?? DEFAULT_THRESHOLDS.reviewAfterDays,
  };
}
