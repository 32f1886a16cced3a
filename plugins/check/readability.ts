/**
 * Readability: the Flesch–Kincaid grade of each authored page's prose (code, tables and front matter
 * left out, see core/markdown/prose.ts), against `check.maxGrade`; the grade itself is core's
 * (core/readability.ts), which the Quality page shows too.
 */
import {fleschKincaid} from 'flesch-kincaid';
import type {Finding, QualityCheck} from '../core/findings';
import {DEFAULT_MAX_GRADE, DEFAULT_MIN_WORDS, proseCounts} from '../core/readability';
import {sitePages} from './pages';
import {proseOfTree} from './prose';

// The computation lives in core since the Quality page shows it too (docs/adr/0050).
export {DEFAULT_MAX_GRADE, DEFAULT_MIN_WORDS, proseCounts, readabilityGrade, type ProseCounts} from '../core/readability';

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
