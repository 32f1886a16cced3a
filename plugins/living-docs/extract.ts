/**
 * Extract: the hand-written pages' citations and covered code, with what the target's files say
 * about them (a cited file, symbol, region or line range that is gone), their drift from the one git
 * pass, and their review age. The link citations are judged at render, when the link index exists.
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import type {Root} from 'mdast';
import matter from 'gray-matter';
import {readAuthoredPage} from '../core/authored/readAuthoredPage';
import {authoredPages} from './authoredPages';
import {gradeOf, proseCounts} from '../core/readability';
import type {TargetContext} from '../core/types';
import {collectCitations} from './citations';
import {createDriftIndex, driftOf} from './drift';
import {LIVING_DOCS_MODEL_VERSION, type CitationModel, type LivingDocsModel, type PageModel, type PageProse} from './model';
import {thresholdsOf} from './options';
import {createCodeReader, readSnippet} from './readSnippet';

const DAY = 86_400_000;

export async function extractLivingDocs(context: TargetContext): Promise<LivingDocsModel> {
  const thresholds = thresholdsOf(context.config);
  const reader = createCodeReader(context.root, context.inventory.files);
  const drift = createDriftIndex(context.history);
  const head = context.history.log.commits[0];
  const pages: PageModel[] = [];
  const grades: PageProse[] = [];
  for (const file of authoredPages(context)) {
    const text = await fs.readFile(path.join(context.root, file), 'utf8');
    const page = await readPage(path.join(context.root, file), text);
    // A page that does not parse is the stager's to report; it has nothing to cite.
    if (!page) continue;
    const citations: CitationModel[] = [];
    const cited = new Set<string>();
    for (const citation of page.tree ? collectCitations(page.tree) : []) {
      const model: CitationModel = {component: citation.component, line: citation.line, props: citation.props};
      if (citation.unreadable.length > 0) {
        model.broken = {missing: `the prop${citation.unreadable.length > 1 ? 's' : ''} ${citation.unreadable.join(', ')} must be plain strings ("..."), which the build can check`};
      } else if (citation.component === 'CodeSnippet') {
        const result = readSnippet(reader, citation.props);
        if (result.ok) cited.add(result.snippet.file);
        else model.broken = result.broken;
      }
      citations.push(model);
    }
    const covers = coversOf(page.frontMatter.covers);
    const last = context.history.lastChange([file]);
    const title = titleOf(page.frontMatter, text, file);
    if (page.tree) {
      const counts = proseCounts(page.tree);
      grades.push({file, title, words: counts.word, sentences: counts.sentence, syllables: counts.syllable, grade: gradeOf(counts)});
    }
    const model: PageModel = {file, title, covers, cited: [...cited].sort(), citations};
    if (last) model.lastEdited = last.date;
    const pageDrift = driftOf(drift, {file, covers, cited: model.cited}, thresholds);
    if (pageDrift) model.drift = pageDrift;
    // Age is counted up to the newest commit, not the clock: the same commit builds the same site.
    const reviewed = [last?.date, reviewedOn(page.frontMatter.last_reviewed)].filter((date): date is string => Boolean(date)).sort().at(-1);
    if (reviewed && head) {
      const days = Math.floor((head.time - Date.parse(reviewed)) / DAY);
      if (days > thresholds.reviewAfterDays) model.reviewOverdueDays = days;
    }
    if (citations.length > 0 || covers.length > 0 || model.reviewOverdueDays !== undefined) pages.push(model);
  }
  pages.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
  // authoredPages is sorted, so `grades` is too.
  return {version: LIVING_DOCS_MODEL_VERSION, thresholds, pages, grades, ...(head ? {head: head.sha} : {})};
}

/**
 * A page's front matter and its parsed tree (MDX for `.mdx`, CommonMark for `.md`): the tree gives
 * the citations and the prose the Quality page grades. The tree comes from the reader the stager
 * uses next, which keeps the latest pages, so the stager does not parse them again.
 */
async function readPage(file: string, text: string): Promise<{frontMatter: Record<string, unknown>; tree?: Root} | undefined> {
  try {
    // Our gray-matter with options first, which caches nothing. Docusaurus's DEFAULT_PARSE_FRONT_MATTER
    // (in readAuthoredPage) uses gray-matter without options, which caches a page *before* parsing
    // it: a page whose YAML throws would later read as valid (empty) front matter to the stager,
    // which then would not replace it by its error page. So a page with broken YAML never gets there.
    matter(text, {});
  } catch {
    return undefined;
  }
  const page = await readAuthoredPage(file, text);
  // An MDX page that does not parse is the stager's to report; it has nothing to cite or grade.
  return page.ok ? {frontMatter: page.frontMatter, tree: page.tree} : {frontMatter: matter(text, {}).data as Record<string, unknown>};
}

function coversOf(value: unknown): string[] {
  const list = typeof value === 'string' ? [value] : Array.isArray(value) ? value : [];
  return list.filter((item): item is string => typeof item === 'string' && item.trim() !== '').map((item) => item.trim()).sort();
}

function reviewedOn(value: unknown): string | undefined {
  if (value instanceof Date && !Number.isNaN(value.getTime())) return value.toISOString();
  if (typeof value === 'string' && !Number.isNaN(Date.parse(value))) return new Date(Date.parse(value)).toISOString();
  return undefined;
}

function titleOf(frontMatter: Record<string, unknown>, text: string, file: string): string {
  if (typeof frontMatter.title === 'string' && frontMatter.title.trim()) return frontMatter.title.trim();
  const heading = /^#[ \t]+(.+?)[ \t#]*$/m.exec(text)?.[1];
  return heading ?? path.posix.basename(file).replace(/\.mdx?$/i, '');
}
