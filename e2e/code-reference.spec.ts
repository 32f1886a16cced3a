/**
 * The code reference in Chromium: a fixture package (test/fixtures/code-reference/sample, made a git
 * repository with a GitHub remote) built with the CLI, zod's sources built in full, and the default
 * site's own reference.
 */
import {execFileSync} from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import {test, expect, gotoHydrated} from './fixtures';
import {servedTarget} from './targets';
import {TARGETS} from './catalog';

test.describe.configure({mode: 'serial'});

test.describe('the code reference of a TypeScript package', () => {
  let base: string;
  let target: string;

  test.beforeAll(async () => {
    test.setTimeout(600_000);
    ({origin: base, dir: target} = await servedTarget(TARGETS.codeSample));
  });

  test('clicking a type in a signature lands on that type\'s anchor', async ({page, consoleErrors}) => {
    await gotoHydrated(page, `${base}/api/acme/shapes/`);
    const circle = page.locator('h3#Circle');
    await expect(circle).toBeVisible();
    // The signature right under the Circle heading: `class Circle extends Base`.
    const signature = page.locator('h3#Circle ~ pre[data-api-signature]').first();
    await expect(signature).toContainText('class Circle extends Base');
    await signature.getByRole('link', {name: 'Base', exact: true}).click();
    await expect(page).toHaveURL(/\/api\/acme\/shapes\/#Base$/);
    await expect(page.locator('h3#Base')).toBeInViewport();
    // A type on another page: Point, from the geometry namespace.
    await page.locator('h4[id="Base.origin"] ~ pre[data-api-signature]').first().getByRole('link', {name: 'Point', exact: true}).click();
    await expect(page).toHaveURL(/\/api\/acme\/shapes\/geometry\/#Point$/);
    await expect(page.locator('h3#Point')).toBeInViewport();
    expect(consoleErrors).toEqual([]);
  });

  test('the source link points at the line of the declaration at the current commit', async ({page}) => {
    await gotoHydrated(page, `${base}/api/acme/shapes/`);
    const head = execFileSync('git', ['rev-parse', 'HEAD'], {cwd: target, encoding: 'utf8'}).trim();
    const source = page.locator('h3#Circle ~ p:has-text("Source:")').first().getByRole('link');
    const href = await source.getAttribute('href');
    const match = new RegExp(`^https://github\\.com/acme/shapes/blob/${head}/src/shapes\\.ts#L(\\d+)$`).exec(href ?? '');
    expect(match, href ?? 'no href').not.toBeNull();
    const lines = fs.readFileSync(path.join(target, 'src', 'shapes.ts'), 'utf8').split('\n');
    expect(lines[Number(match![1]) - 1]).toMatch(/^export class Circle extends Base/);
  });

  test('a deprecated symbol shows its badge with the message', async ({page}) => {
    await gotoHydrated(page, `${base}/api/acme/shapes/`);
    const badge = page.locator('h3#oldArea + [data-api-deprecated]');
    await expect(badge).toBeVisible();
    await expect(badge).toContainText('Deprecated');
    await expect(badge).toContainText('instead: it also takes a side');
    await expect(badge.getByRole('link', {name: 'area'})).toHaveAttribute('href', '/api/acme/shapes/#area');
    await expect(page.locator('h3#area + [data-api-deprecated]')).toHaveCount(0);
  });

  test('the class diagram renders as SVG', async ({page, consoleErrors}) => {
    await gotoHydrated(page, `${base}/api/acme/shapes/`);
    const diagram = page.locator('.docusaurus-mermaid-container svg').first();
    await expect(diagram).toBeVisible({timeout: 20_000});
    await expect(diagram).toContainText('Circle');
    await expect(diagram).toContainText('Base');
    expect(consoleErrors).toEqual([]);
  });

  test('the search box finds a symbol', async ({page}) => {
    await gotoHydrated(page, `${base}/`);
    const search = page.getByRole('combobox', {name: /search/i}).or(page.getByPlaceholder(/search/i)).first();
    // Symbols are headings of their page (level 3), which the local search indexes with their anchor.
    await search.fill('oldArea');
    const suggestion = page.locator('.aa-suggestion, [role="option"]').filter({hasText: /oldArea/i}).first();
    await expect(suggestion).toBeVisible({timeout: 15_000});
    await suggestion.click();
    await expect(page).toHaveURL(/\/api\/acme\/shapes\/.*#oldArea$/);
    await expect(page.locator('h3#oldArea')).toBeInViewport();
  });

  test('hostile doc text shows as text: no injected element, no script run', async ({page, consoleErrors}) => {
    await gotoHydrated(page, `${base}/api/acme/shapes/hostile/`);
    const article = page.locator('article');
    await expect(article).toContainText('<script>window.__pwned = 1</script>');
    await expect(article).toContainText('<img src=x onerror="window.__pwned = 2">');
    await expect(article).toContainText('import x from');
    await expect(article).toContainText('{window.__pwned = 3}');
    expect(await article.locator('script, img, iframe, object, [onerror], [onload]').count()).toBe(0);
    expect(await article.locator('a[href^="javascript:"]').count()).toBe(0);
    expect(await page.evaluate(() => (window as unknown as {__pwned?: unknown}).__pwned)).toBeUndefined();
    expect(consoleErrors).toEqual([]);
  });
});

test.describe('zod, built in full from its npm sources', () => {
  let url: (route: string) => string;

  test.beforeAll(async () => {
    test.setTimeout(900_000);
    ({url} = await servedTarget(TARGETS.zod));
  });

  test('its reference pages render, with linked signatures', async ({page, consoleErrors}) => {
    await gotoHydrated(page, url('/api/zod/'));
    await expect(page.getByRole('heading', {level: 1, name: 'zod'})).toBeVisible();
    const string = page.locator('h3#string');
    await expect(string).toBeVisible();
    await page.locator('h3#string ~ pre[data-api-signature]').first().getByRole('link', {name: 'ZodString', exact: true}).click();
    await expect(page).toHaveURL(/\/api\/zod\/#ZodString$/);
    await gotoHydrated(page, url('/api/zod/v4/core/'));
    await expect(page.locator('h3#\\$ZodType')).toBeVisible();
    expect(consoleErrors).toEqual([]);
  });
});

test('the default site documents its own plugins', async ({page, consoleErrors}) => {
  await gotoHydrated(page, '/api/plugins/core/prepareSite/');
  await expect(page.getByRole('heading', {level: 1, name: 'plugins/core/prepareSite'})).toBeVisible();
  await expect(page.locator('h3#prepareSite')).toBeVisible();
  await page.locator('h3#prepareSite ~ pre[data-api-signature]').first().getByRole('link', {name: 'PrepareOptions', exact: true}).click();
  await expect(page).toHaveURL(/#PrepareOptions$/);
  expect(consoleErrors).toEqual([]);
});
