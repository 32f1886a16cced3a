/**
 * Conventional Commits (https://www.conventionalcommits.org/en/v1.0.0/): `type(scope)!: description`
 * and `BREAKING CHANGE:` footers. A regular expression is all the grammar needs; the parser runs on
 * every commit of a large history, so it stays a few string operations per commit.
 */

export interface ConventionalCommit {
  type: string;
  scope?: string;
  description: string;
  breaking: boolean;
  /** Text of a `BREAKING CHANGE:` footer, when there is one. */
  breakingNote?: string;
}

const HEADER = /^([A-Za-z][\w-]*)(?:\(([^()\r\n]*)\))?(!)?:[ \t]+(\S.*)$/;
// The note runs to the next blank line or the end of the message (not the end of its first line).
const BREAKING_FOOTER = /^BREAKING[ -]CHANGE:[ \t]*([\s\S]*?)(?:\n\s*\n|(?![\s\S]))/m;

export function parseConventionalCommit(subject: string, body = ''): ConventionalCommit | undefined {
  const match = HEADER.exec(subject.trim());
  if (!match) return undefined;
  const [, type, scope, bang, description] = match;
  const footer = body.includes('BREAKING') ? BREAKING_FOOTER.exec(body) : null;
  const note = footer?.[1]?.trim().replace(/\s*\n\s*/g, ' ');
  return {
    type: type!.toLowerCase(),
    scope: scope?.trim() || undefined,
    description: description!.trim(),
    breaking: Boolean(bang) || Boolean(footer),
    breakingNote: note || undefined,
  };
}

/** Changelog groups in the order a reader wants them; breaking changes come before all of them. */
export const GROUPS: {id: string; title: string; types: string[]}[] = [
  {id: 'feat', title: 'Features', types: ['feat', 'feature']},
  {id: 'fix', title: 'Bug fixes', types: ['fix', 'bugfix']},
  {id: 'perf', title: 'Performance', types: ['perf']},
  {id: 'revert', title: 'Reverts', types: ['revert']},
  {id: 'refactor', title: 'Refactoring', types: ['refactor']},
  {id: 'docs', title: 'Documentation', types: ['docs', 'doc']},
  {id: 'test', title: 'Tests', types: ['test', 'tests']},
  {id: 'build', title: 'Build and dependencies', types: ['build', 'deps']},
  {id: 'ci', title: 'Continuous integration', types: ['ci']},
  {id: 'style', title: 'Style', types: ['style']},
  {id: 'chore', title: 'Chores', types: ['chore']},
];

export const BREAKING_GROUP = {id: 'breaking', title: 'Breaking changes'};
export const OTHER_GROUP = {id: 'other', title: 'Other'};

const GROUP_OF_TYPE = new Map(GROUPS.flatMap((group) => group.types.map((type) => [type, group.id] as const)));

/** The group of a commit: breaking first, then by type; unknown types and the rest under "Other". */
export function groupOf(commit: ConventionalCommit | undefined): string {
  if (!commit) return OTHER_GROUP.id;
  if (commit.breaking) return BREAKING_GROUP.id;
  return GROUP_OF_TYPE.get(commit.type) ?? OTHER_GROUP.id;
}

/**
 * Commits that do not follow Conventional Commits, by their leading verb, into the groups of Keep a
 * Changelog (as git-cliff's and release-drafter's common configurations do). Only the first word
 * counts: "Add", "Adds", "Added" and "Adding" are one verb.
 */
export const VERB_GROUPS: {id: string; title: string; verbs: RegExp}[] = [
  {id: 'added', title: 'Added', verbs: /^(add|support|introduce|implement|allow|create|enable)(s|ed|ing)?\b/i},
  {id: 'changed', title: 'Changed', verbs: /^(improve|update|change|speed up|make|rework|refactor|rename|move|bump|upgrade|optimi[sz]e|enhance|use|replace|simplify|tweak)(s|d|ed|ing)?\b/i},
  {id: 'deprecated', title: 'Deprecated', verbs: /^deprecat(e|es|ed|ing)\b/i},
  {id: 'removed', title: 'Removed', verbs: /^(remove|drop|delete)(s|d|ped|ing)?\b/i},
  {id: 'fixed', title: 'Fixed', verbs: /^(fix|correct|resolve|repair|prevent|avoid)(es|s|ed|d|ing)?\b/i},
];

/** The group of a commit message that is not a conventional one, from its first word; undefined if none fits. */
export function verbGroupOf(subject: string): string | undefined {
  const trimmed = subject.trim();
  return VERB_GROUPS.find((group) => group.verbs.test(trimmed))?.id;
}

export const GROUP_ORDER = [BREAKING_GROUP, ...GROUPS, ...VERB_GROUPS.map(({id, title}) => ({id, title})), OTHER_GROUP];
