/**
 * Splits a long sidebar list into nested groups. Docusaurus renders the open category of the sidebar
 * into every page's HTML: with GitHub's 969 schemas in one category, each schema page carried 1,000
 * sidebar links (300 KB), and static rendering grew with the square of the list. No open list here
 * has more than `max` entries.
 *
 * Items are grouped by words (the literal segments of a path, the parts of a name), like a trie:
 * first by their first word, a group that is still too long by the next word, and so on. A level
 * where all items share the same word is skipped, and a group of fewer than `min` items is not worth a
 * category: its items stay in the parent list.
 */

export type GroupEntry<T> = {item: T} | {label: string; node: GroupNode<T>};

/** A sidebar list: items and groups in display order (the items first, then groups by label). */
export interface GroupNode<T> {
  entries: GroupEntry<T>[];
}

export interface GroupOptions {
  max: number;
  min: number;
}

export const SIDEBAR_GROUPS: GroupOptions = {max: 50, min: 3};

/**
 * @param labelOf names an item in the label of a run ("Add a pet – List pets") when a list has to be
 *   cut into runs because no word tells its items apart.
 */
export function groupForSidebar<T>(
  items: T[],
  wordsOf: (item: T) => string[],
  labelOf: (item: T) => string,
  options: GroupOptions = SIDEBAR_GROUPS,
): GroupNode<T> {
  const entries = items.map((item, index) => ({item, index, words: wordsOf(item)}));
  return build(entries, 0, options, labelOf);
}

interface Entry<T> {
  item: T;
  index: number;
  words: string[];
}

function build<T>(entries: Entry<T>[], depth: number, options: GroupOptions, labelOf: (item: T) => string): GroupNode<T> {
  const flat = (list: Entry<T>[]): GroupEntry<T>[] => list.map((entry) => ({item: entry.item}));
  if (entries.length <= options.max) return {entries: flat(entries)};
  const byWord = new Map<string, Entry<T>[]>();
  const direct: Entry<T>[] = [];
  for (const entry of entries) {
    const word = entry.words[depth];
    if (word === undefined) direct.push(entry);
    else byWord.set(word, [...(byWord.get(word) ?? []), entry]);
  }
  // Nothing left to tell the items apart: cut the list into runs.
  if (byWord.size === 0) return {entries: limit(flat(entries), options.max, labelOf)};
  // All share this word: it says nothing, look at the next one.
  if (byWord.size === 1 && direct.length === 0) return build(entries, depth + 1, options, labelOf);
  const groups: {label: string; node: GroupNode<T>}[] = [];
  for (const [word, members] of byWord) {
    if (members.length < options.min) direct.push(...members);
    else groups.push({label: capitalize(word), node: build(members, depth + 1, options, labelOf)});
  }
  direct.sort((a, b) => a.index - b.index);
  groups.sort((a, b) => a.label.localeCompare(b.label, 'en'));
  if (direct.length + groups.length <= options.max) return {entries: [...flat(direct), ...groups]};
  if (groups.length === 0) return {entries: limit(flat(direct), options.max, labelOf)};
  // Too many for one list: the groups in alphabetical runs, and the loose items under "Other".
  const runs = limit(groups, options.max - (direct.length > 0 ? 1 : 0), labelOf);
  if (direct.length === 0) return {entries: runs};
  return {entries: [...runs, {label: 'Other', node: {entries: limit(flat(direct), options.max, labelOf)}}]};
}

/** Cuts a list longer than `max` into runs of `max` (runs of runs, if need be), keeping its order. */
function limit<T>(entries: GroupEntry<T>[], max: number, labelOf: (item: T) => string): GroupEntry<T>[] {
  // A run is labelled by the first and last entries it holds: "Add a pet – List pets".
  let list = entries.map((entry) => ({entry, first: entryLabel(entry, labelOf), last: entryLabel(entry, labelOf)}));
  while (list.length > max) {
    const runs: typeof list = [];
    for (let start = 0; start < list.length; start += max) {
      const run = list.slice(start, start + max);
      const first = run[0]!.first;
      const last = run[run.length - 1]!.last;
      runs.push({entry: {label: `${capitalize(first)} – ${capitalize(last)}`, node: {entries: run.map(({entry}) => entry)}}, first, last});
    }
    list = runs;
  }
  return list.map(({entry}) => entry);
}

function capitalize(label: string): string {
  return label.charAt(0).toUpperCase() + label.slice(1);
}

function entryLabel<T>(entry: GroupEntry<T>, labelOf: (item: T) => string): string {
  return 'item' in entry ? labelOf(entry.item) : entry.label;
}

/** The literal segments of a path template: `/repos/{owner}/{repo}/branches` → `repos, branches`. */
export function pathWords(path: string): string[] {
  return path.split('/').filter((segment) => segment !== '' && !/^\{.*\}$/.test(segment));
}

/** The parts of a name: `webhook-issue-comment-created`, `IssueComment`, `issue_comment` → words. */
export function nameWords(name: string): string[] {
  return name
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .split(/[\s\-_.]+/)
    .filter(Boolean)
    .map((word) => word.toLowerCase());
}
