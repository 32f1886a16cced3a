/**
 * Targets other than this repository: a copy of an npm package with docs and git (the package
 * target, whose build e2e/deterministic-build.spec.ts compares with its own), and a bare folder.
 */
import {test, expect, gotoHydrated} from './fixtures';
import {servedTarget} from './targets';
import {TARGETS} from './catalog';

test.describe.configure({mode: 'serial'});

test.describe('a second repository: a copy of an npm package with docs and git', () => {
  let target: {name: string; version: string; description: string};
  let url: (route: string) => string;

  test.beforeAll(async () => {
    test.setTimeout(600_000);
    const site = await servedTarget(TARGETS.package);
    target = {name: site.facts.name!, version: site.facts.version!, description: site.facts.description!};
    url = site.url;
  });

  test('its landing page shows its name, version and description', async ({page, consoleErrors}) => {
    await gotoHydrated(page, url('/'));
    const title = page.getByRole('heading', {level: 1});
    await expect(title).toContainText(target.name);
    await expect(title).toContainText(`v${target.version}`);
    await expect(page.getByText(target.description)).toBeVisible();
    await expect(page.getByRole('link', {name: 'Source repository'})).toHaveAttribute('href', 'https://github.com/acme/ignore-copy');
    expect(consoleErrors).toEqual([]);
  });

  test('its own docs have an edit link to its repository and last-updated data from its git', async ({page, consoleErrors}) => {
    await gotoHydrated(page, url('/docs/guide/'));
    await expect(page.getByRole('heading', {level: 1, name: 'Using ignore'})).toBeVisible();
    // Authored .md is Markdown, not MDX: braces and angle brackets in it neither break the build nor become markup.
    await expect(page.getByText('Plain Markdown, not MDX: a Map<string, {rules}> stays text.')).toBeVisible();
    await expect(page.getByRole('link', {name: /edit this page/i})).toHaveAttribute(
      'href',
      'https://github.com/acme/ignore-copy/edit/main/docs/guide.md',
    );
    const lastUpdated = page.locator('.theme-last-updated');
    await expect(lastUpdated).toContainText('Ada Lovelace');
    await expect(lastUpdated.locator('time')).toHaveAttribute('datetime', /^2024-03-05/);
    expect(consoleErrors).toEqual([]);
  });
});

test.describe('a bare folder: no git, no manifest, no docs', () => {
  let url: (route: string) => string;

  test.beforeAll(async () => {
    test.setTimeout(600_000);
    ({url} = await servedTarget(TARGETS.bare));
  });

  test('still builds, and the landing page says what was not found', async ({page, consoleErrors}) => {
    await gotoHydrated(page, url('/'));
    const notFound = page.getByRole('region', {name: 'Not found in this repository'});
    await expect(notFound).toContainText('Not a git repository');
    await expect(notFound).toContainText('No package manifest');
    await expect(notFound).toContainText('No docs folder');
    await expect(notFound).not.toContainText('No TypeScript');
    const cards = page.getByRole('main').getByRole('listitem').getByRole('link');
    await expect(cards.filter({hasText: 'Overview'})).toHaveCount(1);
    await expect(cards.filter({hasText: 'Guides'})).toHaveCount(0);
    expect(consoleErrors).toEqual([]);
  });
});
