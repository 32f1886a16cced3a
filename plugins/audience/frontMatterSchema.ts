/**
 * The front matter schema for audience-tagged pages. One zod schema per field, built from the
 * vocabulary; each turns what authors write (including the forms in common templates: `audience:
 * {primary: [...], secondary: [...]}`, `experience_level: beginner-to-intermediate`,
 * `estimated_reading_time: "25 minutes"`) into one normalised value, or into issues that name the
 * value, the allowed ones and the closest match. Fields are checked one by one so that, outside
 * strict mode, a bad field is dropped and the rest of the page still counts.
 */
import * as z from 'zod';
import {suggest} from './suggest';
import {LEVEL_ALIASES, LEVELS, normalizeWord, REVIEW_CYCLES, type Level, type Term, type Vocabulary} from './vocabulary';

export interface NormalizedFrontMatter {
  audience?: {all: string[]; primary: string[]};
  experience_level?: {from: Level; to: Level};
  content_type?: string;
  tags?: (string | {label: string; [key: string]: unknown})[];
  /** Minutes. */
  estimated_reading_time?: number;
  maintainers?: string[];
  review_cycle?: ReviewCycle;
  /** `YYYY-MM-DD`. */
  last_reviewed?: string;
}

export type FrontMatterField = keyof NormalizedFrontMatter;

export interface ReviewCycle {
  /** As the author wrote it, e.g. `quarterly` or `90 days`. */
  label: string;
  months: number;
  days: number;
}

export interface FrontMatterProblem {
  /** The field, then list indices or object keys inside it. */
  path: (string | number)[];
  value: unknown;
  /** What is wrong, e.g. `unknown audience "srr"`. */
  message: string;
  /** What to do, e.g. `Did you mean "sre"? Allowed: ...`. */
  fix: string;
}

const custom = (ctx: z.RefinementCtx, message: string, fix: string, path: (string | number)[] = []) =>
  ctx.addIssue({code: 'custom', message, params: {fix}, path});

const oneOrMany = z.union([z.string(), z.array(z.string())]).transform((value) => (Array.isArray(value) ? value : [value]));

function allowedList(terms: Term[]): string {
  return terms.map((term) => term.id).join(', ');
}

/** A fix that leads with the likely typo, then lists what is allowed. */
function fixFor(value: string, index: ReadonlyMap<string, string>, allowed: string, extra = ''): string {
  const match = suggest(value, index);
  return `${match ? `Did you mean "${match}"? ` : ''}Allowed: ${allowed}${extra}`;
}

function termList(vocabulary: Vocabulary, ctx: z.RefinementCtx, words: string[], at: (string | number)[]): string[] {
  const ids: string[] = [];
  words.forEach((word, i) => {
    const id = vocabulary.audienceIndex.get(normalizeWord(word));
    if (id) {
      if (!ids.includes(id)) ids.push(id);
      return;
    }
    custom(
      ctx,
      `unknown audience "${word}"`,
      fixFor(word, vocabulary.audienceIndex, allowedList(vocabulary.audiences), ' (a site adds its own under audiences.extra in docs-architect.config)'),
      [...at, i],
    );
  });
  return ids;
}

function audienceSchema(vocabulary: Vocabulary) {
  const primarySecondary = z.strictObject({primary: oneOrMany, secondary: oneOrMany.optional()});
  return z.union([oneOrMany, primarySecondary]).transform((value, ctx) => {
    if (Array.isArray(value)) {
      const all = termList(vocabulary, ctx, value, []);
      return {all, primary: all};
    }
    const primary = termList(vocabulary, ctx, value.primary, ['primary']);
    const secondary = termList(vocabulary, ctx, value.secondary ?? [], ['secondary']);
    return {all: [...new Set([...primary, ...secondary])], primary};
  });
}

const LEVEL_INDEX = new Map<string, string>([...LEVELS.map((level) => [level, level] as const), ...Object.keys(LEVEL_ALIASES).map((a) => [a, a] as const)]);

const levelSchema = z.string().transform((value, ctx) => {
  const word = normalizeWord(value);
  const alias = LEVEL_ALIASES[word];
  if (alias) return {from: alias[0], to: alias[1]};
  // `beginner`, or a range: `beginner-to-intermediate`, `beginner-intermediate`, `beginner to advanced`.
  const parts = word.split(/-to-|-/).filter(Boolean);
  const levels = parts.map((part) => (LEVELS as readonly string[]).indexOf(part));
  if (parts.length >= 1 && parts.length <= 2 && levels.every((i) => i >= 0)) {
    const [from, to = from] = levels as [number, number?];
    return {from: LEVELS[Math.min(from, to!)]!, to: LEVELS[Math.max(from, to!)]!};
  }
  const typo = parts.find((part) => !(LEVELS as readonly string[]).includes(part)) ?? word;
  custom(ctx, `unknown experience level "${value}"`, fixFor(typo, LEVEL_INDEX, `${LEVELS.join(', ')}, or a range such as beginner-to-intermediate`));
  return z.NEVER;
});

function contentTypeSchema(vocabulary: Vocabulary) {
  return z.string().transform((value, ctx) => {
    const id = vocabulary.contentTypeIndex.get(normalizeWord(value));
    if (id) return id;
    custom(
      ctx,
      `unknown content type "${value}"`,
      fixFor(value, vocabulary.contentTypeIndex, allowedList(vocabulary.contentTypes), ' (a site adds its own under audiences.extraContentTypes)'),
    );
    return z.NEVER;
  });
}

/** Docusaurus wants a list; a single tag is accepted and wrapped. */
const tagsSchema = z
  .union([z.string(), z.array(z.union([z.string().min(1), z.looseObject({label: z.string().min(1)})]))])
  .transform((value) => (typeof value === 'string' ? [value] : value));

const UNIT_MINUTES: Record<string, number> = {h: 60, hr: 60, hrs: 60, hour: 60, hours: 60, m: 1, min: 1, mins: 1, minute: 1, minutes: 1};

/** Minutes from `12`, `"12"`, `"25 minutes"`, `"1h 30m"`, `"2.5 hours (spread over 3 days)"`, `"PT1H30M"`. */
export function parseReadingTime(value: string | number): number | undefined {
  if (typeof value === 'number') return Number.isFinite(value) && value > 0 ? value : undefined;
  const text = value.trim().toLowerCase();
  if (/^\d+(\.\d+)?$/.test(text)) return Number(text) > 0 ? Number(text) : undefined;
  const iso = /^pt(?:(\d+(?:\.\d+)?)h)?(?:(\d+(?:\.\d+)?)m)?$/.exec(text);
  if (iso && (iso[1] || iso[2])) return Number(iso[1] ?? 0) * 60 + Number(iso[2] ?? 0);
  // Leading amounts with units; anything after them ("read", "(spread over 3 days)") is a comment.
  const amounts = /^(?:(?:about|approx\.?|~)\s*)?((?:\d+(?:[.,]\d+)?\s*[a-z]+\s*(?:,|and)?\s*)+)/.exec(text);
  if (!amounts) return undefined;
  let minutes = 0;
  for (const [, amount, unit] of amounts[1]!.matchAll(/(\d+(?:[.,]\d+)?)\s*([a-z]+)/g)) {
    const factor = UNIT_MINUTES[unit!];
    if (factor === undefined) break;
    minutes += Number(amount!.replace(',', '.')) * factor;
  }
  return minutes > 0 ? minutes : undefined;
}

const readingTimeSchema = z.union([z.number(), z.string()]).transform((value, ctx) => {
  const minutes = parseReadingTime(value);
  if (minutes !== undefined) return Math.max(1, Math.round(minutes));
  custom(ctx, `cannot read "${value}" as a reading time`, 'Write minutes, e.g. 12, "12 minutes" or "1h 30m", or leave it out to have it computed');
  return z.NEVER;
});

const maintainersSchema = oneOrMany.transform((names, ctx) => {
  names.forEach((name, i) => {
    if (name.trim() === '') custom(ctx, 'empty maintainer name', 'Name a person or a team, e.g. platform-team', [i]);
  });
  return names.map((name) => name.trim());
});

const CYCLE_INDEX = new Map(Object.keys(REVIEW_CYCLES).map((name) => [name, name]));
const CYCLE_UNITS: Record<string, {months?: number; days?: number}> = {d: {days: 1}, w: {days: 7}, m: {months: 1}, y: {months: 12}};

/** A named cycle (`quarterly`), an amount (`90 days`, `every 6 months`) or an ISO 8601 period (`P3M`). */
export function parseReviewCycle(value: string): ReviewCycle | undefined {
  const word = normalizeWord(value);
  const named = REVIEW_CYCLES[word];
  if (named) return {label: word, months: named.months ?? 0, days: named.days ?? 0};
  const amount = /^(?:every-)?(\d+)-?(day|week|month|year)s?$/.exec(word) ?? /^p(\d+)([dwmy])$/.exec(word);
  if (!amount || Number(amount[1]) <= 0) return undefined;
  const unit = CYCLE_UNITS[amount[2]![0]!]!;
  const n = Number(amount[1]);
  return {label: value.trim(), months: (unit.months ?? 0) * n, days: (unit.days ?? 0) * n};
}

const reviewCycleSchema = z.string().transform((value, ctx) => {
  const cycle = parseReviewCycle(value);
  if (cycle) return cycle;
  custom(ctx, `unknown review cycle "${value}"`, fixFor(normalizeWord(value), CYCLE_INDEX, `${Object.keys(REVIEW_CYCLES).join(', ')}, or an amount such as "90 days" or "P6M"`));
  return z.NEVER;
});

/** YAML reads an unquoted `2025-01-31` as a Date; a quoted one stays a string. Both are accepted. */
const dateSchema = z.union([z.date(), z.string()]).transform((value, ctx) => {
  const text = value instanceof Date ? (Number.isNaN(value.getTime()) ? '' : value.toISOString().slice(0, 10)) : value.trim();
  const match = /^(\d{4})-(\d{2})-(\d{2})(?:[T ].*)?$/.exec(text);
  const date = match ? new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]))) : undefined;
  if (date && date.getUTCDate() === Number(match![3])) return date.toISOString().slice(0, 10);
  custom(ctx, `"${String(value)}" is not a date`, 'Write the day of the last review as YYYY-MM-DD, e.g. 2025-01-31');
  return z.NEVER;
});

export function createFrontMatterSchema(vocabulary: Vocabulary) {
  return {
    audience: audienceSchema(vocabulary),
    experience_level: levelSchema,
    content_type: contentTypeSchema(vocabulary),
    tags: tagsSchema,
    estimated_reading_time: readingTimeSchema,
    maintainers: maintainersSchema,
    review_cycle: reviewCycleSchema,
    last_reviewed: dateSchema,
  } satisfies Record<FrontMatterField, z.ZodType>;
}

export type FrontMatterSchema = ReturnType<typeof createFrontMatterSchema>;
export const FRONT_MATTER_FIELDS = ['audience', 'experience_level', 'content_type', 'tags', 'estimated_reading_time', 'maintainers', 'review_cycle', 'last_reviewed'] as const satisfies readonly FrontMatterField[];

/**
 * Checks the audience fields of one page's front matter (other keys are Docusaurus's business).
 * Returns the normalised values of the valid fields and a problem per mistake.
 */
export function validateFrontMatter(
  frontMatter: Record<string, unknown>,
  schema: FrontMatterSchema,
): {value: NormalizedFrontMatter; problems: FrontMatterProblem[]} {
  const value: Record<string, unknown> = {};
  const problems: FrontMatterProblem[] = [];
  for (const field of FRONT_MATTER_FIELDS) {
    const input = frontMatter[field];
    if (input === undefined || input === null) continue;
    const result = schema[field].safeParse(input);
    if (result.success) {
      value[field] = result.data;
      continue;
    }
    problems.push(...issuesToProblems(field, input, result.error.issues));
  }
  return {value: value as NormalizedFrontMatter, problems};
}

function issuesToProblems(field: string, input: unknown, issues: z.core.$ZodIssue[]): FrontMatterProblem[] {
  const ours = issues.filter((issue): issue is z.core.$ZodIssueCustom => issue.code === 'custom' && Boolean(issue.params?.fix));
  if (ours.length > 0) {
    return ours.map((issue) => ({
      path: [field, ...issue.path.map((p) => (typeof p === 'number' ? p : String(p)))],
      value: valueAt(input, issue.path),
      message: issue.message,
      fix: String(issue.params!.fix),
    }));
  }
  // A wrong shape: a number where a list was expected, an unknown key in {primary, secondary}...
  return [{path: [field], value: input, message: `unexpected ${describe(input)} ${JSON.stringify(input) ?? ''}`.trim(), fix: SHAPES[field] ?? 'See docs/audiences.md'}];
}

const SHAPES: Record<string, string> = {
  audience: 'Write a list of audiences, e.g. [backend, sre], or {primary: [backend], secondary: [sre]}',
  experience_level: 'Write beginner, intermediate, advanced or a range such as beginner-to-intermediate',
  content_type: 'Write one content type, e.g. guide',
  tags: 'Write a list of tags, e.g. [deployment, kubernetes]',
  estimated_reading_time: 'Write minutes, e.g. 12 or "12 minutes"',
  maintainers: 'Write a list of people or teams, e.g. [platform-team]',
  review_cycle: 'Write e.g. quarterly or "90 days"',
  last_reviewed: 'Write a date as YYYY-MM-DD',
};

function valueAt(input: unknown, path: PropertyKey[]): unknown {
  let current = input;
  for (const key of path) {
    if (current === null || typeof current !== 'object') return current;
    current = (current as Record<PropertyKey, unknown>)[key];
  }
  return current;
}

function describe(input: unknown): string {
  if (Array.isArray(input)) return 'list';
  if (input instanceof Date) return 'date';
  return typeof input === 'object' ? 'object' : typeof input;
}
