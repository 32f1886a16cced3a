/**
 * The findings of a lint-style check on each authored page, cached by what decides them: the page's
 * own text and path, the check's settings and the version of its code and libraries (docs/adr/0053).
 * markdownlint and retext-equality look at one page at a time, so a page whose bytes did not change
 * gets last run's findings without being linted again; only the other pages go to the check.
 */
import {loadBundledCache} from '../core/bundledCache';
import {hashContent} from '../core/contentCache';
import type {CheckInput, Finding} from '../core/findings';
import type {Page} from './pages';

export interface PerPageCheck {
  /** The cache's name: one file per check in the check's work folder. */
  id: string;
  /** codeVersion() of the check's source files and libraries. */
  version: string;
  /** Whatever else decides the findings (the rules' configuration), as JSON. */
  settings: unknown;
}

/**
 * Runs `lint` on the pages without cached findings and returns every page's findings, the cached
 * ones and the new ones, in the pages' order. `lint` must only report findings of the pages it got,
 * each under its page's `file`.
 */
export async function findingsPerPage(input: CheckInput, check: PerPageCheck, pages: Page[], lint: (pages: Page[]) => Promise<Finding[]>): Promise<Finding[]> {
  const cache = await loadBundledCache<Finding[]>(input.context.siteDir, `check-findings-${check.id}`, check.version);
  const settings = JSON.stringify(check.settings) ?? '';
  const keyOf = (page: Page) => hashContent(settings, page.file, page.own?.text ?? page.text);
  const known = new Map<Page, Finding[]>();
  for (const page of pages) {
    const cached = cache.get(keyOf(page));
    if (cached) known.set(page, cached);
  }
  const missing = pages.filter((page) => !known.has(page));
  const found = missing.length > 0 ? await lint(missing) : [];
  const byFile = new Map<string, Finding[]>(missing.map((page) => [page.file, []]));
  // A finding under no linted page's file (none known) is reported, never cached.
  const elsewhere: Finding[] = [];
  for (const finding of found) (byFile.get(finding.file) ?? elsewhere).push(finding);
  for (const page of missing) {
    known.set(page, byFile.get(page.file)!);
    cache.set(keyOf(page), byFile.get(page.file)!);
  }
  await cache.save();
  return [...pages.flatMap((page) => known.get(page)!), ...elsewhere];
}
