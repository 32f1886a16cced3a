import {test, expect, gotoHydrated} from './fixtures';
import {servedTarget} from './targets';
import {TARGETS} from './catalog';

test.describe.configure({mode: 'serial'});

test('this repository has a history section whose changelog starts with Unreleased', async ({page, consoleErrors}) => {
  await gotoHydrated(page, '/history/changelog/');
  await expect(page.getByRole('heading', {level: 1, name: 'Changelog'})).toBeVisible();
  await expect(page.getByRole('heading', {level: 2}).first()).toHaveText('Unreleased');
  await expect(page.locator('.theme-last-updated')).toContainText('Last updated');
  expect(consoleErrors).toEqual([]);
});

test.describe('a repository with releases, ADRs and CODEOWNERS', () => {
  let fixSha: string;
  let url: (route: string) => string;

  test.beforeAll(async () => {
    test.setTimeout(600_000);
    // plugins/git-history/fixtureRepo.ts, with its guides in `guide/` (e2e/catalog.ts).
    const site = await servedTarget(TARGETS.history);
    fixSha = site.facts.fixSha!;
    url = site.url;
  });

  test('the changelog lists the releases newest first, by version', async ({page, consoleErrors}) => {
    await gotoHydrated(page, url('/history/changelog/'));
    const releases = page.locator('article h2');
    await expect(releases).toHaveText(['Unreleased', 'v1.0.0', 'v0.10.0', 'v0.2.0']);
    // Breaking changes come first in their release, and entries link to their commit.
    const v010 = page.locator('h2:has-text("v0.10.0") ~ h3').first();
    await expect(v010).toHaveText('Breaking changes');
    await expect(page.getByRole('link', {name: fixSha.slice(0, 7)})).toHaveAttribute(
      'href',
      `https://github.com/acme/widgets/commit/${fixSha}`,
    );
    expect(consoleErrors).toEqual([]);
  });

  test('the ADR index links each ADR, and each ADR page opens', async ({page, consoleErrors}) => {
    await gotoHydrated(page, url('/history/decisions/'));
    const table = page.getByRole('table');
    const titles = ['Use PostgreSQL', 'Use SQLite', 'Keep {things} <simple>'];
    for (const title of titles) await expect(table.getByRole('link', {name: title, exact: true})).toBeVisible();
    await expect(table.getByRole('row', {name: /Use PostgreSQL/}).locator('.badge')).toHaveText('superseded by ADR-0002');
    for (const title of titles) {
      await gotoHydrated(page, url('/history/decisions/'));
      await page.getByRole('table').getByRole('link', {name: title, exact: true}).click();
      await expect(page.getByRole('heading', {level: 1})).toContainText(title);
    }
    // The timeline is a Mermaid diagram that rendered, not a syntax error.
    await gotoHydrated(page, url('/history/decisions/'));
    await expect(page.locator('.docusaurus-mermaid-container svg').first()).toBeVisible();
    await expect(page.getByText('Syntax error')).toHaveCount(0);
    expect(consoleErrors).toEqual([]);
  });

  test('a generated page shows the last change of its sources as its last-updated line', async ({page, consoleErrors}) => {
    await gotoHydrated(page, url('/history/decisions/0002-use-sqlite/'));
    const lastUpdated = page.locator('.theme-last-updated');
    await expect(lastUpdated).toContainText('Ada Lovelace');
    await expect(lastUpdated.locator('time')).toHaveAttribute('datetime', /^2023-03-01/);
    await gotoHydrated(page, url('/overview/'));
    await expect(page.locator('.theme-last-updated')).toContainText('Grace Hopper');
    await expect(page.locator('.theme-last-updated time')).toHaveAttribute('datetime', /^2023-05-01/);
    expect(consoleErrors).toEqual([]);
  });

  test('contributors are names, never e-mail addresses, and the hot spot chart renders', async ({page, consoleErrors}) => {
    await gotoHydrated(page, url('/history/contributors/'));
    await expect(page.getByRole('heading', {level: 1, name: 'Contributors and ownership'})).toBeVisible();
    await expect(page.getByRole('main')).toContainText('Ada Lovelace');
    await expect(page.getByRole('main')).not.toContainText('@example.com');
    await gotoHydrated(page, url('/history/hotspots/'));
    await expect(page.locator('.docusaurus-mermaid-container svg').first()).toBeVisible();
    await expect(page.getByText('Syntax error')).toHaveCount(0);
    expect(consoleErrors).toEqual([]);
  });
});
