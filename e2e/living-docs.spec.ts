/**
 * Living docs in Chromium (docs/adr/0041). On the default site (built by the web server already):
 * the guide's `<CodeSnippet>` shows the current source of the symbol it cites, linked to its file and
 * line, its `<SymbolLink>` lands on the symbol's anchor in the code reference, and the Quality page
 * draws its three charts as SVG (with their accessible titles) beside the readability table, the
 * hardest page first (docs/adr/0050). On the API kinds target (e2e/catalog.ts, a git repository): a
 * page whose covered code changed in three later commits shows the drift notice with the count, the
 * newest date and the compare link, and the Quality page lists it.
 */
import fs from 'node:fs';
import path from 'node:path';
import {test, expect, gotoHydrated} from './fixtures';
import {servedTarget} from './targets';
import {TARGETS} from './catalog';

test.describe.configure({mode: 'serial'});

const REPO = path.join(__dirname, '..');

test('a <CodeSnippet> shows the current code, and a <SymbolLink> lands on the anchor', async ({page, consoleErrors}) => {
  await gotoHydrated(page, '/docs/living-docs/');
  const snippet = page.locator('figure[data-citation="CodeSnippet"]');
  await expect(snippet).toHaveCount(1);
  // The function as the file has it now, from its doc comment to its closing brace.
  const source = fs.readFileSync(path.join(REPO, 'plugins/living-docs/drift.ts'), 'utf8').split('\n');
  const first = source.findIndex((line) => line.startsWith('export function driftOf('));
  const last = source.findIndex((line, i) => i > first && line === '}');
  expect(first).toBeGreaterThan(0);
  // From its doc comment, when it has one.
  const docStart = source[first - 1] === ' */' ? source.slice(0, first).map((line) => line.startsWith('/**')).lastIndexOf(true) : first;
  // Line by line (the code block renders each line as a block; blank lines carry no text).
  const shown = (await snippet.locator('pre code').innerText()).split('\n').map((line) => line.replace(/^\t/, '')).filter((line) => line.trim() !== '');
  expect(shown).toEqual(source.slice(docStart, last + 1).filter((line) => line.trim() !== ''));
  expect(shown.length).toBeGreaterThan(20);
  await expect(snippet.locator('figcaption')).toContainText(`plugins/living-docs/drift.ts:`);

  const link = page.locator('a[data-citation="SymbolLink"]', {hasText: 'readSnippet'});
  await expect(link).toHaveCount(1);
  await link.click();
  await expect(page).toHaveURL(/\/api\/plugins\/living-docs\/readSnippet\/#readSnippet$/);
  await expect(page.locator('[id="readSnippet"]')).toBeInViewport();
  expect(consoleErrors).toEqual([]);
});

test('the Quality page draws its charts and lists every page by readability, the hardest first', async ({page, consoleErrors}) => {
  await gotoHydrated(page, '/quality/');
  // Coverage per folder of modules (this repository has hundreds), pages by freshness, the hardest pages: Mermaid rendered each in the browser.
  const charts = page.locator('.docusaurus-mermaid-container svg');
  await expect(charts).toHaveCount(3, {timeout: 30_000});
  await expect(charts.locator('title')).toHaveText(['Documented exports by folder', 'Hand-written pages by freshness', 'Hardest pages to read']);
  await expect(charts.nth(1)).toContainText('Up to date');

  const response = await page.request.get('/docs-architect.json');
  const model = ((await response.json()) as {sections: {id: string; model: {grades: {file: string; words: number}[]; thresholds: {minWords: number}}}[]}).sections.find((section) => section.id === 'quality')!.model;
  const graded = model.grades.filter((entry) => entry.words >= model.thresholds.minWords);
  expect(graded.length).toBeGreaterThan(10);
  const table = page.locator('table').filter({has: page.getByRole('columnheader', {name: 'Reading level'})});
  await expect(table.locator('tbody tr')).toHaveCount(model.grades.length);
  const grades = (await table.locator('tbody tr td:nth-child(3)').allInnerTexts()).slice(0, graded.length).map(Number);
  expect(grades.every((grade) => Number.isFinite(grade))).toBe(true);
  expect(grades).toEqual([...grades].sort((a, b) => b - a));
  await expect(table.locator('tbody tr').filter({hasText: 'docs/living-docs.mdx'})).toHaveCount(1);
  expect(consoleErrors).toEqual([]);
});

test.describe('a page whose covered code moved on', () => {
  let url: (route: string) => string;

  test.beforeAll(async () => {
    test.setTimeout(600_000);
    ({url} = await servedTarget(TARGETS.apiKinds));
  });

  test('shows the drift notice with the count, the newest date and the compare link', async ({page, consoleErrors}) => {
    await gotoHydrated(page, url('/docs/payments/'));
    const notice = page.locator('[data-drift]');
    await expect(notice).toHaveText('3 commits to the code this page covers since it was last edited, the newest on 2024-03-05. See what changed');
    await expect(notice.getByRole('link', {name: 'See what changed'})).toHaveAttribute('href', /^https:\/\/github\.com\/acme\/payments\/compare\/[0-9a-f]{40}\.\.\.[0-9a-f]{40}$/);

    await gotoHydrated(page, url('/quality/'));
    // The drift table's row (the readability table lists the page too).
    const drift = page.locator('table').filter({has: page.getByRole('columnheader', {name: 'Commits since'})});
    const row = drift.getByRole('row').filter({hasText: 'docs/payments.md'});
    await expect(row.getByRole('cell')).toHaveText(['docs/payments.md', '3', '2024-03-05', '64', 'compare']);
    expect(consoleErrors).toEqual([]);
  });
});
