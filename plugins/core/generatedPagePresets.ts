/**
 * Audience front matter for generated pages, so every generator tags its pages the same way:
 * `...generatedPageFrontMatter('apiReference')` in the front matter it hands to writeMdx. The values
 * use the built-in vocabulary and are checked by the same schema as authored pages (presets.test.ts).
 */
// Type only: the levels are the audience plugin's vocabulary; its schema checks these presets (test).
import type {Level} from '../audience/vocabulary';

export interface AudienceFrontMatter {
  audience: string[];
  experience_level?: Level | `${Level}-to-${Level}`;
  content_type: string;
  tags?: string[];
}

export const GENERATED_PAGE_PRESETS = {
  /** What the repository is made of: useful to anyone arriving. */
  overview: {audience: ['everyone'], experience_level: 'beginner', content_type: 'reference'},
  /** Endpoints and schemas of an HTTP API. */
  apiReference: {audience: ['integrator', 'backend'], experience_level: 'intermediate', content_type: 'api'},
  /** Types and functions of the code. */
  codeReference: {audience: ['backend', 'frontend'], experience_level: 'intermediate', content_type: 'reference'},
  /** Dependency graphs, containers, class and ER diagrams. */
  architecture: {audience: ['architect', 'backend'], experience_level: 'advanced', content_type: 'architecture'},
  /** Release history. */
  changelog: {audience: ['everyone'], content_type: 'changelog'},
  /** Decision records mined from the history. */
  decisions: {audience: ['architect'], experience_level: 'advanced', content_type: 'adr'},
  /** Configuration and environment: what operators set. */
  operations: {audience: ['sre', 'backend'], experience_level: 'intermediate', content_type: 'reference'},
  /** Prerequisites and the project's own commands: a newcomer's first page. */
  gettingStarted: {audience: ['new-hire', 'backend', 'frontend'], experience_level: 'beginner', content_type: 'onboarding'},
  /** Compose, Kubernetes, Dockerfiles and CI: how the code ships. */
  deployment: {audience: ['sre', 'architect'], experience_level: 'intermediate', content_type: 'reference'},
  /** One service's health checks, metrics, alerts and what to do when it is down. */
  runbook: {audience: ['sre'], experience_level: 'intermediate', content_type: 'runbook'},
  /** Authentication, secrets, code owners and dependencies. */
  security: {audience: ['security', 'sre'], experience_level: 'intermediate', content_type: 'reference'},
  /** Documentation coverage, drift and broken citations: for whoever keeps the docs. */
  quality: {audience: ['everyone'], experience_level: 'intermediate', content_type: 'reference'},
} as const satisfies Record<string, AudienceFrontMatter>;

export type GeneratedPageKind = keyof typeof GENERATED_PAGE_PRESETS;

/** The preset's fields as front matter; `overrides` replace single fields (e.g. a page's own tags). */
export function generatedPageFrontMatter(kind: GeneratedPageKind, overrides: Partial<AudienceFrontMatter> = {}): AudienceFrontMatter {
  const preset: AudienceFrontMatter = GENERATED_PAGE_PRESETS[kind];
  return {...preset, audience: [...preset.audience], ...overrides};
}
