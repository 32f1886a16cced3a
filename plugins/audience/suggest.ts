/**
 * "Did you mean ...?" for a word that is not in a vocabulary: the closest candidate by edit distance,
 * or one the word is the start of, and only when it is close enough to be a likely typo.
 */
import {closest, distance} from 'fastest-levenshtein';

/**
 * @param candidates spellings to compare with, mapped to what to suggest (an alias suggests its id).
 */
export function suggest(value: string, candidates: ReadonlyMap<string, string>): string | undefined {
  const word = value.trim().toLowerCase();
  if (!word || candidates.size === 0) return undefined;
  const spellings = [...candidates.keys()].sort();
  const nearest = closest(word, spellings);
  // Two edits always count (`srr`, `bakend`); longer words may have one more per three letters.
  if (distance(word, nearest) <= Math.max(2, Math.floor(nearest.length / 3))) return candidates.get(nearest);
  const extended = word.length >= 3 ? spellings.find((spelling) => spelling.startsWith(word)) : undefined;
  return extended === undefined ? undefined : candidates.get(extended);
}
