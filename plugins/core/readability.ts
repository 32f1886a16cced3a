/**
 * How hard a page's prose is to read: the Flesch–Kincaid grade of its paragraphs, with code, tables,
 * JSX and front matter left out (markdown/prose.ts). One computation for the `check` command's limit
 * and the Quality page's table, so both give a page the same grade (docs/adr/0050).
 */
import type {Root} from 'mdast';
import {fleschKincaid} from 'flesch-kincaid';
import {syllable} from 'syllable';
import {proseBlocks, proseOfTree, type ProseBlock} from './markdown/prose';

/** `check.maxGrade`: a grade past it is a warning of `check` and bold on the Quality page. */
export const DEFAULT_MAX_GRADE = 14;
/** `check.minWords`: a page with fewer words of prose is too short for the formula to mean much. */
export const DEFAULT_MIN_WORDS = 150;

export interface ProseCounts {
  sentence: number;
  word: number;
  syllable: number;
}

const WORD = /[\p{L}\p{N}][\p{L}\p{N}'’-]*/gu;

/**
 * Syllables by word: `syllable` runs a dozen regular expressions a word, and a site's pages repeat
 * the same few thousand words, so each is counted once. Bounded, since `start` runs for hours.
 */
const syllables = new Map<string, number>();
const MAX_WORDS = 50_000;

function syllablesOf(word: string): number {
  if (/^\d/.test(word)) return 1;
  const key = word.toLowerCase();
  let count = syllables.get(key);
  if (count === undefined) {
    if (syllables.size >= MAX_WORDS) syllables.clear();
    syllables.set(key, (count = syllable(key)));
  }
  return count;
}

/** Sentences, words and syllables of a page's prose (Markdown text, a parsed tree, or its blocks already read). */
export function proseCounts(markdown: string | Root | ProseBlock[]): ProseCounts {
  const blocks = typeof markdown === 'string' ? proseBlocks(markdown) : Array.isArray(markdown) ? markdown : proseOfTree(markdown);
  const counts: ProseCounts = {sentence: 0, word: 0, syllable: 0};
  for (const block of blocks) {
    const words = block.text.match(WORD) ?? [];
    if (words.length === 0) continue;
    // A paragraph is at least one sentence, even when it ends with a colon before a list.
    counts.sentence += Math.max(1, (block.text.match(/[.!?]+(?=\s|$)/g) ?? []).length);
    counts.word += words.length;
    for (const word of words) counts.syllable += syllablesOf(word);
  }
  return counts;
}

/** The Flesch–Kincaid grade of counted prose, rounded to a tenth; 0 without words. */
export function gradeOf(counts: ProseCounts): number {
  if (counts.word === 0) return 0;
  return Math.round(fleschKincaid(counts as unknown as Record<string, number>) * 10) / 10;
}

/** The Flesch–Kincaid grade of a Markdown page, rounded to a tenth; 0 for a page without prose. */
export function readabilityGrade(markdown: string | Root): number {
  return gradeOf(proseCounts(markdown));
}

/**
 * The grade in words, for readers who do not think in US school grades. The bands follow the usual
 * reading of the formula: up to 6 most adults read easily, 7–9 is plain English, 10–12 needs a
 * secondary-school reader, 13–16 a university one, past 16 a specialist. Not "easy": the inclusive
 * check asks pages not to call things easy, and the docs quote these words.
 */
export function readingLevel(grade: number): string {
  if (grade <= 6) return 'very readable';
  if (grade <= 9) return 'plain';
  if (grade <= 12) return 'fairly hard';
  if (grade <= 16) return 'hard';
  return 'very hard';
}
