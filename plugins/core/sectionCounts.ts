/**
 * The counts a progress line gives for a section (`186 files, 379 symbols, 412 pages`), read from
 * what every section has: its model's top-level lists and the pages it writes. Generators need not
 * say anything for their line to carry numbers; the model's own names are the nouns.
 */
import type {ExtractedSection} from './types';

/** At most this many model counts per line, the largest first. */
const MAX_COUNTS = 3;

/** `operations` → `operations`, `hotSpots` → `hot spots`: a model key as a word in a line. */
function noun(key: string): string {
  return key.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();
}

/** `dependencies` → `dependency`, `switches` → `switch`, `operations` → `operation`. */
function singular(words: string): string {
  if (/ies$/.test(words)) return `${words.slice(0, -3)}y`;
  if (/(ss|x|ch|sh)es$/.test(words)) return words.slice(0, -2);
  return words.replace(/s$/, '');
}

/** The model's non-empty top-level lists and the section's page count, as one phrase. */
export function sectionCounts(section: Pick<ExtractedSection, 'model'> & {files?: ReadonlyMap<string, unknown>}): string {
  const lists = Object.entries(section.model as unknown as Record<string, unknown>)
    .filter((entry): entry is [string, unknown[]] => Array.isArray(entry[1]) && entry[1].length > 0)
    .map(([key, list]) => ({key, count: list.length}))
    .sort((a, b) => b.count - a.count || (a.key < b.key ? -1 : 1))
    .slice(0, MAX_COUNTS)
    .map(({key, count}) => `${count} ${count === 1 ? singular(noun(key)) : noun(key)}`);
  const pages = section.files ? [...section.files.keys()].filter((file) => /\.mdx?$/.test(file)).length : undefined;
  return [...lists, ...(pages === undefined ? [] : [`${pages} ${pages === 1 ? 'page' : 'pages'}`])].join(', ');
}
