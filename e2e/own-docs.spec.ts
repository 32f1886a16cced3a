/**
 * A repository's own documentation wherever it is (docs/adr/0032): a repository whose only docs are
 * a README and top-level guides, and one whose docs are a Starlight app with Starlight components,
 * built with the CLI and read in Chromium.
 */
import path from 'node:path';
import {test, expect, gotoHydrated} from './fixtures';
import {brokenLinks, servedTarget} from './targets';
import {TARGETS} from './catalog';

test.describe.configure({mode: 'serial'});


test.describe('a repository whose only docs are a README and three top-level guides', () => {
  let stderr: string;
  let url: (route: string) => string;

  test.beforeAll(async () => {
    test.setTimeout(600_000);
    ({stderr, url} = await servedTarget(TARGETS.ownGuides));
  });

  test('the README is the first guide and the top-level guides follow, with working links', async ({page, consoleErrors}) => {
    expect(brokenLinks(stderr)).toEqual([]);
    await gotoHydrated(page, url('/docs/'));
    await expect(page.getByRole('heading', {level: 1, name: 'Guided'})).toBeVisible();
    const sidebar = page.getByRole('navigation', {name: 'Docs sidebar'});
    const items = sidebar.getByRole('link');
    await expect(items).toHaveText(['Guided', 'Contributing', 'Deployment', 'Development']);
    // The image of the README renders from the copied file.
    const logo = page.getByRole('img', {name: 'Logo'});
    await expect(logo).toBeVisible();
    expect(await logo.evaluate((image: HTMLImageElement) => image.naturalWidth)).toBe(10);
    await expect(page.getByRole('link', {name: /edit this page/i})).toHaveAttribute('href', 'https://github.com/acme/guided/edit/main/README.md');
    await page.getByRole('link', {name: 'how to contribute'}).click();
    await expect(page).toHaveURL(url('/docs/CONTRIBUTING/#setting-up'));
    await expect(page.getByRole('heading', {level: 1, name: 'Contributing'})).toBeVisible();
    expect(consoleErrors).toEqual([]);
  });
});

test.describe('a repository whose docs are a Starlight app', () => {
  let stderr: string;
  let url: (route: string) => string;

  test.beforeAll(async () => {
    test.setTimeout(600_000);
    ({stderr, url} = await servedTarget(TARGETS.starlight));
  });

  test('the Starlight page builds and shows the Card as its text, with one warning', async ({page, consoleErrors}) => {
    expect(brokenLinks(stderr)).toEqual([]);
    const foreign = stderr.split('\n').filter((line) => line.includes('of another framework'));
    expect(foreign).toHaveLength(1);
    expect(foreign[0]).toContain(path.join('src', 'content', 'docs', 'guides', 'example.mdx'));
    expect(foreign[0]).toContain('<Card>, <CardGrid>');
    await gotoHydrated(page, url('/docs/guides/example/'));
    await expect(page.getByRole('heading', {level: 1, name: 'Example guide'})).toBeVisible();
    await expect(page.getByText('Fast builds')).toBeVisible();
    await expect(page.getByText('Starry builds in seconds.')).toBeVisible();
    // The sidebar follows the Starlight sidebar: "Why" before "Example".
    const sidebar = page.getByRole('navigation', {name: 'Docs sidebar'});
    const guides = sidebar.getByRole('link', {name: /^(Why Starry|Example guide)$/});
    await expect(guides).toHaveText(['Why Starry', 'Example guide']);
    expect(consoleErrors).toEqual([]);
  });
});
