/**
 * Readability: the Flesch–Kincaid grade of each authored page's prose (code, tables and front matter
 * left out, see prose.ts), against `check.maxGrade`. `readabilityGrade` is exported for pages that
 * show the grade (the Quality page).
 */
import {fleschKincaid} from 'flesch-kincaid';
import {syllable} from 'syllable';
import type {Finding, QualityCheck} from '../core/findings';
import {sitePages} from './pages';
import {proseBlocks, proseOfTree, type ProseBlock} from './prose';

export const DEFAULT_MAX_GRADE = 14;
export const DEFAULT_MIN_WORDS = 150;

export interface ProseCounts {
  sentence: number;
  word: number;
  syllable: number;
}

const WORD = /[\p{L}\p{N}][\p{L}\p{N}'’-]*/gu;

/** Sentences, words and syllables of a page's prose (Markdown text, or its blocks already read). */
export function proseCounts(markdown: string | ProseBlock[]): ProseCounts {
  const counts: ProseCounts = {sentence: 0, word: 0, syllable: 0};
  for (const block of typeof markdown === 'string' ? proseBlocks(markdown) : markdown) {
    const words = block.text.match(WORD) ?? [];
    if (words.length === 0) continue;
    // A paragraph is at least one sentence, even when it ends with a colon before a list.
    counts.sentence += Math.max(1, (block.text.match(/[.!?]+(?=\s|$)/g) ?? []).length);
    counts.word += words.length;
    for (const word of words) counts.syllable += /^\d/.test(word) ? 1 : syllable(word);
  }
  return counts;
}

/** The Flesch–Kincaid grade of a Markdown page, rounded to a tenth; 0 for a page without prose. */
export function readabilityGrade(markdown: string): number {
  const counts = proseCounts(markdown);
  if (counts.word === 0) return 0;
  return Math.round(fleschKincaid(counts as unknown as Record<string, number>) * 10) / 10;
}

export const readabilityCheck: QualityCheck = {
  id: 'readability',
  description: 'The Flesch–Kincaid grade of each page’s prose stays under check.maxGrade',
  async run(input) {
    const maxGrade = input.context.config.check?.maxGrade ?? DEFAULT_MAX_GRADE;
    const minWords = input.context.config.check?.minWords ?? DEFAULT_MIN_WORDS;
    const findings: Finding[] = [];
    for (const page of (await sitePages(input)).pages) {
      if (!page.own?.tree) continue;
      const counts = proseCounts(proseOfTree(page.own.tree));
      if (counts.word < minWords) continue;
      const grade = Math.round(fleschKincaid(counts as unknown as Record<string, number>) * 10) / 10;
      if (grade <= maxGrade) continue;
      findings.push({
        rule: 'readability/grade',
        severity: 'warning',
        file: page.file,
        line: 1,
        message: `the prose reads at grade ${grade.toFixed(1)} (Flesch–Kincaid), above the limit of ${maxGrade}: ${(counts.word / counts.sentence).toFixed(0)} words a sentence, ${(counts.syllable / counts.word).toFixed(2)} syllables a word`,
        fix: 'Split long sentences and prefer short words; or raise check.maxGrade in docs-architect.config',
      });
    }
    return findings;
  },
};
