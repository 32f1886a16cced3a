/**
 * The words a page's front matter may use: audiences, experience levels, content types and review
 * cycles. The built-in lists cover a typical software team; a target's config adds its own audiences
 * and content types (`audiences.extra`, `audiences.extraContentTypes`). Aliases accept the spellings
 * teams already write (`backend-engineers`, `architecture-guide`), so existing front matter validates
 * without edits.
 */
import type {DocsArchitectConfig} from '../core/configSchema';

export interface Term {
  id: string;
  /** Plural noun phrase for navigation: "SREs and operators". */
  label: string;
  description?: string;
  /** Other spellings that mean this term; matched case-insensitively. */
  aliases?: string[];
}

/** Pages tagged with this audience are for every reader: filters never hide them. */
export const EVERYONE = 'everyone';

export const DEFAULT_AUDIENCES: readonly Term[] = [
  {id: EVERYONE, label: 'Everyone', description: 'Any reader.', aliases: ['all', 'all-readers', 'anyone']},
  {
    id: 'new-hire',
    label: 'New hires',
    description: 'Engineers in their first weeks: setup, the big picture, where things live.',
    aliases: ['new-hires', 'new-engineers', 'newcomers', 'newcomer', 'new-joiners', 'onboarding'],
  },
  {
    id: 'backend',
    label: 'Backend engineers',
    description: 'Engineers who change the services, their data and their APIs.',
    aliases: ['backend-engineers', 'backend-engineer', 'backend-developers', 'backend-developer', 'back-end'],
  },
  {
    id: 'frontend',
    label: 'Frontend engineers',
    description: 'Engineers who build the user interfaces.',
    aliases: ['frontend-engineers', 'frontend-engineer', 'frontend-developers', 'frontend-developer', 'front-end'],
  },
  {
    id: 'sre',
    label: 'SREs and operators',
    description: 'People who deploy, run, monitor and recover the system, and keep its CI green.',
    aliases: ['sres', 'site-reliability-engineers', 'ops', 'operators', 'devops', 'platform-engineers', 'platform'],
  },
  {
    id: 'integrator',
    label: 'API integrators',
    description: 'Developers outside the team who call the API or embed the product.',
    aliases: ['integrators', 'integration-engineers', 'api-consumers', 'partners'],
  },
  {
    id: 'architect',
    label: 'Architects',
    description: 'People who reason about the structure of the system and the decisions behind it.',
    aliases: ['architects', 'solution-architects', 'tech-leads', 'technical-leads'],
  },
  {
    id: 'product',
    label: 'Product managers',
    description: 'People who decide what the product does, and need to know what it does today.',
    aliases: ['product-managers', 'product-manager', 'pm', 'pms'],
  },
  {
    id: 'security',
    label: 'Security engineers',
    description: 'People who review threats, access and compliance.',
    aliases: ['security-engineers', 'appsec', 'secops'],
  },
  {
    id: 'qa',
    label: 'QA engineers',
    description: 'People who test the product and its releases.',
    aliases: ['qa-engineers', 'testers', 'test-engineers'],
  },
];

export const DEFAULT_CONTENT_TYPES: readonly Term[] = [
  {id: 'tutorial', label: 'Tutorials', description: 'Lessons that take a reader through a first success, step by step.'},
  {id: 'guide', label: 'Guides', description: 'How to use the product for a purpose.', aliases: ['user-guide', 'developer-guide', 'integration-guide']},
  {id: 'how-to', label: 'How-to guides', description: 'Short recipes for one task.', aliases: ['howto', 'how-to-guide', 'recipe']},
  {id: 'onboarding', label: 'Onboarding', description: 'What a newcomer needs first.', aliases: ['onboarding-guide']},
  {id: 'explanation', label: 'Explanations', description: 'Why things are the way they are.', aliases: ['concept', 'concepts', 'background']},
  {id: 'reference', label: 'Reference', description: 'Facts to look up: options, commands, files.'},
  {id: 'api', label: 'API reference', description: 'Endpoints, types and functions.', aliases: ['api-reference', 'api-documentation', 'api-docs']},
  {id: 'architecture', label: 'Architecture', description: 'The structure of the system.', aliases: ['architecture-guide', 'system-design', 'design']},
  {id: 'runbook', label: 'Runbooks', description: 'What to do when something happens in production.', aliases: ['playbook', 'operations']},
  {id: 'troubleshooting', label: 'Troubleshooting', description: 'Symptoms, causes and fixes.'},
  {id: 'adr', label: 'Decision records', description: 'Architecture decisions and their reasons.', aliases: ['decision', 'decision-record', 'architecture-decision-record']},
  {id: 'changelog', label: 'Changelogs', description: 'What changed, release by release.', aliases: ['release-notes', 'history']},
  {id: 'faq', label: 'FAQ', description: 'Frequent questions and their answers.'},
];

export const LEVELS = ['beginner', 'intermediate', 'advanced'] as const;
export type Level = (typeof LEVELS)[number];

export const LEVEL_LABELS: Record<Level, string> = {
  beginner: 'Beginner',
  intermediate: 'Intermediate',
  advanced: 'Advanced',
};

/** Other words for a level, or for a range of levels. */
export const LEVEL_ALIASES: Record<string, [Level, Level]> = {
  basic: ['beginner', 'beginner'],
  novice: ['beginner', 'beginner'],
  introductory: ['beginner', 'beginner'],
  expert: ['advanced', 'advanced'],
  all: ['beginner', 'advanced'],
  'all-levels': ['beginner', 'advanced'],
  any: ['beginner', 'advanced'],
};

/** Named review cycles, as a number of months or days. */
export const REVIEW_CYCLES: Record<string, {months?: number; days?: number}> = {
  weekly: {days: 7},
  biweekly: {days: 14},
  'bi-weekly': {days: 14},
  fortnightly: {days: 14},
  monthly: {months: 1},
  bimonthly: {months: 2},
  'bi-monthly': {months: 2},
  quarterly: {months: 3},
  'half-yearly': {months: 6},
  biannually: {months: 6},
  semiannually: {months: 6},
  yearly: {months: 12},
  annually: {months: 12},
};

export interface Vocabulary {
  audiences: Term[];
  contentTypes: Term[];
  /** Lower-case id or alias → id. */
  audienceIndex: Map<string, string>;
  contentTypeIndex: Map<string, string>;
}

export type AudiencesConfig = NonNullable<DocsArchitectConfig['audiences']>;

/** The built-in terms, with the config's extra ones after them; an extra term with a built-in id replaces it. */
export function createVocabulary(config: AudiencesConfig = {}): Vocabulary {
  const audiences = merge(DEFAULT_AUDIENCES, config.extra ?? []);
  const contentTypes = merge(DEFAULT_CONTENT_TYPES, config.extraContentTypes ?? []);
  return {audiences, contentTypes, audienceIndex: indexOf(audiences), contentTypeIndex: indexOf(contentTypes)};
}

function merge(builtIn: readonly Term[], extra: readonly Term[]): Term[] {
  const byId = new Map(builtIn.map((term) => [term.id, term]));
  for (const term of extra) byId.set(term.id, {...term});
  return [...byId.values()];
}

function indexOf(terms: Term[]): Map<string, string> {
  const index = new Map<string, string>();
  for (const term of terms) {
    for (const alias of term.aliases ?? []) index.set(normalizeWord(alias), term.id);
  }
  // Ids win over another term's alias of the same spelling.
  for (const term of terms) index.set(term.id, term.id);
  return index;
}

/** `Backend Engineers` and `backend_engineers` are the same word as `backend-engineers`. */
export function normalizeWord(value: string): string {
  return value.trim().toLowerCase().replace(/[\s_]+/g, '-');
}
