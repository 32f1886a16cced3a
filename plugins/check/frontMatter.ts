/**
 * Front matter of authored pages: the audience fields with the audience plugin's own schema (the one
 * the build applies), Docusaurus's fields with Docusaurus's own schema (the types the docs plugin
 * would reject), and keys neither knows, which are most often typos (`sidebar_postion`).
 */
import {closest, distance} from 'fastest-levenshtein';
import {DocFrontMatterSchema} from '@docusaurus/plugin-content-docs/lib/frontMatter.js';
import type {Finding, QualityCheck} from '../core/findings';
import {createFrontMatterSchema, FRONT_MATTER_FIELDS, validateFrontMatter} from '../audience/frontMatterSchema';
import {formatKey, frontMatterLine} from '../audience/problemToError';
import {createVocabulary} from '../audience/vocabulary';
import {sitePages} from './pages';

/**
 * Keys other parts of docs-architect read: `covers` (the code a page describes, living docs),
 * `sidebar_custom_props`-style keys are Docusaurus's and come from its schema.
 */
// `docs_architect_drift` is not an author's key: the stager writes it into the checked copy (the
// living docs' drift facts, docs/adr/0041); this check reads the author's file, but a page copied
// from a staged one may carry it.
const OWN_KEYS = ['covers', 'docs_architect_drift'];

interface JoiLike {
  validate(value: unknown, options: object): {error?: {details: {message: string; path: (string | number)[]}[]}};
  describe(): {keys?: Record<string, unknown>};
}

const docusaurusSchema = DocFrontMatterSchema as unknown as JoiLike;
const KNOWN = [...new Set([...Object.keys(docusaurusSchema.describe().keys ?? {}), ...FRONT_MATTER_FIELDS, ...OWN_KEYS])].sort();

export const frontMatterCheck: QualityCheck = {
  id: 'front-matter',
  description: 'Front matter keys are known and their values have the types Docusaurus and the audience fields expect',
  async run(input) {
    const schema = createFrontMatterSchema(createVocabulary(input.context.config.audiences));
    const findings: Finding[] = [];
    for (const page of (await sitePages(input)).pages) {
      // The author's front matter at the author's lines (staging may add keys at the top of the block).
      if (!page.own) continue;
      const own = page.own;
      const data = own.frontMatter;
      const at = (key: (string | number)[]) => ({file: page.file, line: frontMatterLine(own.text, key) ?? 1});
      for (const problem of validateFrontMatter(data, schema).problems) {
        findings.push({...at(problem.path), rule: 'front-matter/audience', severity: 'warning', message: `${formatKey(problem.path)}: ${problem.message}`, fix: problem.fix});
      }
      const {error} = docusaurusSchema.validate(data, {abortEarly: false, allowUnknown: true, convert: true});
      for (const detail of error?.details ?? []) {
        findings.push({...at(detail.path), rule: 'front-matter/invalid', severity: 'error', message: detail.message.replace(/"/g, '`'), fix: 'Docusaurus would refuse this page: correct the value'});
      }
      for (const key of Object.keys(data).sort()) {
        if (KNOWN.includes(key)) continue;
        const near = closest(key, KNOWN);
        findings.push({
          ...at([key]),
          rule: 'front-matter/unknown-key',
          severity: 'warning',
          message: `\`${key}\` is not a front matter key Docusaurus or docs-architect reads`,
          fix: distance(key, near) <= 3 ? `Did you mean \`${near}\`?` : 'Remove it, or check its spelling against the Docusaurus docs front matter',
        });
      }
    }
    return findings;
  },
};
