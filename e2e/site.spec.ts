import fs from 'node:fs';
import path from 'node:path';
import {test, expect, gotoHydrated} from './fixtures';

const pkg = JSON.parse(fs.readFileSync(path.join(__dirname, '..', 'package.json'), 'utf8')) as {
  name: string;
  version: string;
  description: string;
};

test('the landing page presents the target and a card per section', async ({page, consoleErrors}) => {
  await gotoHydrated(page, '/');
  await expect(page.getByRole('heading', {level: 1})).toContainText(pkg.name);
  await expect(page.getByRole('heading', {level: 1})).toContainText(`v${pkg.version}`);
  await expect(page.getByText(pkg.description)).toBeVisible();
  const cards = page.getByRole('main').getByRole('listitem').getByRole('link');
  await expect(cards.filter({hasText: 'Guides'})).toHaveCount(1);
  await expect(cards.filter({hasText: 'Overview'})).toHaveCount(1);
  // Each card leads to a page that exists.
  await cards.filter({hasText: 'Guides'}).click();
  await expect(page).toHaveURL(/\/docs\//);
  await expect(page.getByRole('heading', {level: 1})).toBeVisible();
  expect(consoleErrors).toEqual([]);
});

test('an authored page renders in the docs sidebar', async ({page, consoleErrors}) => {
  await gotoHydrated(page, '/');
  await page.getByRole('navigation', {name: 'Main'}).getByRole('link', {name: 'Guides'}).click();
  // The README is the first guide (docs/adr/0032); the docs folder's pages follow.
  await expect(page.getByRole('heading', {level: 1, name: 'docs-architect'})).toBeVisible();
  const sidebar = page.getByRole('navigation', {name: 'Docs sidebar'});
  await expect(sidebar.getByRole('link').first()).toHaveText('docs-architect');
  await expect(sidebar.getByRole('link').nth(1)).toHaveText('Getting started');
  await expect(sidebar.getByRole('link', {name: 'Configuration reference'})).toBeVisible();
  await sidebar.getByRole('link', {name: 'Configuration reference'}).click();
  await expect(page.getByRole('heading', {level: 1, name: 'Configuration reference'})).toBeVisible();
  await expect(page.getByRole('table').first()).toContainText('docsPath');
  expect(consoleErrors).toEqual([]);
});

test('the generated overview describes this repository', async ({page, consoleErrors}) => {
  await gotoHydrated(page, '/overview/');
  await expect(page.getByRole('heading', {level: 1, name: 'Repository overview'})).toBeVisible();
  await expect(page.getByRole('table').first()).toContainText(pkg.name);
  const docsFolders = page.getByRole('heading', {level: 2, name: 'Documentation folders'});
  await expect(docsFolders).toBeVisible();
  await expect(page.locator('h2:has-text("Documentation folders") + ul')).toContainText('docs');
  expect(consoleErrors).toEqual([]);
});

test('an unknown URL shows the 404 page', async ({page, consoleErrors}) => {
  const response = await page.goto('/no/such/page/');
  expect(response?.status()).toBe(404);
  await page.waitForLoadState('networkidle');
  await expect(page.getByRole('heading', {name: 'Page Not Found'})).toBeVisible();
  // The document's own 404 is the point of this page; anything else logged is a bug.
  expect(consoleErrors.filter((text) => !/status of 404/.test(text))).toEqual([]);
});

test('offline search finds authored and generated pages', async ({page}) => {
  await gotoHydrated(page, '/');
  const search = page.getByRole('combobox', {name: /search/i}).or(page.getByPlaceholder(/search/i)).first();
  await search.fill('pipeline');
  const suggestions = page.locator('.aa-suggestion, [role="option"]');
  await expect(suggestions.first()).toBeVisible({timeout: 15_000});
  await expect(suggestions.filter({hasText: /pipeline/i}).first()).toBeVisible();
  await search.fill('repository overview');
  await expect(suggestions.first()).toBeVisible({timeout: 15_000});
  await expect(suggestions.filter({hasText: /overview/i}).first()).toBeVisible();
});
