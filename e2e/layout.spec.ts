/**
 * Pages that fit, on the default site, at a laptop size (1280×800) and a phone size (390×844): the
 * navbar on one line with the rest in "More" and every section in the phone menu, no sideways scroll
 * at the body, the module index's Summary column in view, reading time only on pages read through,
 * hot-spot bars legible in both colour modes with distinct labels, content without JavaScript, a
 * print layout without navigation, and no serious axe-core violation (docs/adr/0038), also at phone
 * size where wide tables scroll inside themselves and so must take keyboard focus. Then the same
 * navbar and sideways-scroll checks on a target with eleven sections, three of them HTTP APIs.
 */
import fs from 'node:fs';
import path from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import type {Page} from '@playwright/test';
import {test, expect, gotoHydrated} from './fixtures';
import {servedTarget} from './targets';
import {TARGETS} from './catalog';

/** One page of every kind the default site has. */
const PAGES = [
  '/',
  '/docs/',
  '/docs/configuration/',
  '/overview/',
  '/api/',
  '/api/plugins/core/buildFolders/',
  '/api-sample-inventory-service/',
  '/api-sample-inventory-service/list-items/',
  '/history/',
  '/history/hotspots/',
  '/history/decisions/0001-record-architecture-decisions/',
  '/quality/',
];

/** Pages with tables wider than a phone, for the keyboard check of scrolling tables. */
const TABLE_PAGES = ['/quality/', '/docs/configuration/', '/overview/'];

const SIZES = [
  {name: 'laptop', width: 1280, height: 800},
  {name: 'phone', width: 390, height: 844},
];

/** WCAG relative luminance of a CSS `rgb()` / `#rrggbb` colour. */
function luminance(colour: string): number {
  const hex = /^#([\da-f]{2})([\da-f]{2})([\da-f]{2})$/i.exec(colour);
  const channels = hex ? hex.slice(1).map((h) => parseInt(h, 16)) : (colour.match(/\d+(\.\d+)?/g) ?? []).slice(0, 3).map(Number);
  const [r, g, b] = channels.map((c) => c / 255).map((c) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4));
  return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
}

function contrast(a: string, b: string): number {
  const [x, y] = [luminance(a), luminance(b)].sort((p, q) => q - p);
  return (x! + 0.05) / (y! + 0.05);
}

/** A page in a colour mode: Docusaurus reads `?docusaurus-theme=` before it reads the stored choice. */
async function gotoInMode(page: Page, url: string, mode: 'light' | 'dark'): Promise<void> {
  await gotoHydrated(page, `${url}?docusaurus-theme=${mode}`);
  await expect(page.locator('html')).toHaveAttribute('data-theme', mode);
}

for (const size of SIZES) {
  test.describe(`at ${size.name} size`, () => {
    test.use({viewport: {width: size.width, height: size.height}});

    test('no page scrolls sideways at the body level', async ({page}) => {
      let checked = 0;
      for (const url of PAGES) {
        await gotoHydrated(page, url);
        const {scroll, client} = await page.evaluate(() => ({scroll: document.documentElement.scrollWidth, client: document.documentElement.clientWidth}));
        expect(scroll, url).toBeLessThanOrEqual(client);
        checked++;
      }
      expect(checked).toBe(PAGES.length);
    });

    test('the module index keeps its first column readable and its summaries in view', async ({page}) => {
      await gotoHydrated(page, '/api/');
      const table = page.locator('article table').first();
      const headers = table.locator('thead th');
      await expect(headers).toHaveText(['Module', 'Symbols', 'Summary']);
      const article = (await page.locator('article').boundingBox())!;
      const first = (await headers.nth(0).boundingBox())!;
      const summary = (await headers.nth(2).boundingBox())!;
      // Within the article, give or take the table's border.
      expect(summary.x + summary.width).toBeLessThanOrEqual(article.x + article.width + 2);
      expect(first.width).toBeGreaterThanOrEqual(size.width > 800 ? 150 : 100);
    });

    test('every section is reachable from the navbar', async ({page}) => {
      await gotoHydrated(page, '/');
      const sections = ['Guides', 'Overview', 'Code reference', 'History', 'Reading paths'];
      if (size.width > 996) {
        // One line: every item of the bar at the same height, the bar no taller than one row.
        const bar = (await page.locator('nav.navbar').boundingBox())!;
        expect(bar.height).toBeLessThanOrEqual(64);
        const tops = await page.locator('.navbar__inner .navbar__item:visible').evaluateAll((items) => items.map((item) => item.getBoundingClientRect().top));
        expect(Math.max(...tops) - Math.min(...tops)).toBeLessThan(8);
        // What the bar shows, plus what "More" holds, is every section.
        const shown = await page.locator('.navbar__items:not(.navbar__items--right) > a.navbar__item:visible').allTextContents();
        const more = await page.locator('.navbar__items .dropdown__menu a').allTextContents();
        for (const section of sections) expect([...shown, ...more].join('|'), section).toContain(section);
      } else {
        await page.getByRole('button', {name: /toggle navigation bar/i}).click();
        const menu = page.locator('.navbar-sidebar__item.menu').first();
        await expect(menu).toBeVisible();
        for (const section of sections) await expect(menu.getByRole('link', {name: section, exact: false}).first(), section).toBeVisible();
        // "More" is for the desktop bar only: the phone menu lists its sections one by one.
        await expect(menu.getByText('More', {exact: true})).toBeHidden();
      }
    });
  });
}

test('reading time only on pages read through', async ({page}) => {
  for (const url of ['/docs/configuration/', '/history/decisions/0001-record-architecture-decisions/']) {
    await gotoHydrated(page, url);
    await expect(page.locator('[data-badge="time"]'), url).toHaveCount(1);
  }
  for (const url of ['/api/', '/api/plugins/core/buildFolders/', '/overview/', '/api-sample-inventory-service/']) {
    await gotoHydrated(page, url);
    await expect(page.locator('[data-badge="time"]'), url).toHaveCount(0);
  }
});

test('the hot-spot bars stand out in light and dark mode, and their labels are distinct', async ({page}) => {
  for (const mode of ['light', 'dark'] as const) {
    await gotoInMode(page, '/history/hotspots/', mode);
    const chart = page.locator('.docusaurus-mermaid-container svg').first();
    await expect(chart).toBeVisible();
    const background = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    const fills = await chart.locator('.plot rect').evaluateAll((bars) => bars.map((bar) => getComputedStyle(bar).fill));
    expect(fills.length, mode).toBeGreaterThan(1);
    for (const fill of fills) expect(contrast(fill, background), `${mode}: ${fill} on ${background}`).toBeGreaterThanOrEqual(3);
    const labels = await chart.locator('.left-axis .label text, .bottom-axis .label text').allTextContents();
    expect(labels.length).toBe(fills.length);
    expect(new Set(labels).size).toBe(labels.length);
  }
});

test.describe('without JavaScript', () => {
  test.use({javaScriptEnabled: false});

  test('generated pages show their content', async ({page}) => {
    const pages = ['/api/plugins/core/buildFolders/', '/api-sample-inventory-service/list-items/', '/history/hotspots/', '/overview/'];
    for (const url of pages) {
      await page.goto(url);
      await expect(page.getByRole('heading', {level: 1}), url).toBeVisible();
      expect((await page.locator('article').innerText()).length, url).toBeGreaterThan(200);
    }
  });
});

test('printed pages leave out the navigation', async ({page}) => {
  await gotoHydrated(page, '/docs/configuration/');
  await page.emulateMedia({media: 'print'});
  await expect(page.locator('nav.navbar')).toBeHidden();
  await expect(page.locator('.theme-doc-sidebar-container')).toBeHidden();
  await expect(page.locator('footer.footer')).toBeHidden();
  await expect(page.locator('article h1')).toBeVisible();
});

/**
 * axe-core's serious and critical violations on the page, as `rule: targets` lines. Known, not
 * ours: docusaurus-theme-openapi-docs puts <div>s straight inside the <ul> of its collapsible
 * parameter and response lists. Every other rule holds on those pages too.
 */
async function seriousViolations(page: Page): Promise<string[]> {
  const {violations} = await new AxeBuilder({page}).analyze();
  return violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .filter((violation) => !(violation.id === 'list' && violation.nodes.every((node) => node.target.join(' ').includes('collapsibleContent'))))
    .map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`);
}

// One test per colour mode, with room for a loaded machine: an analysis takes ~7 s on a quiet one
// and was seen at ~30 s with six builds sharing two cores.
for (const mode of ['light', 'dark'] as const) {
  test(`no serious or critical axe-core violation on every page type, in ${mode} mode`, async ({page}) => {
    test.setTimeout(480_000);
    let checked = 0;
    for (const url of PAGES) {
      await gotoInMode(page, url, mode);
      expect(await seriousViolations(page), `${mode} ${url}`).toEqual([]);
      checked++;
    }
    expect(checked).toBe(PAGES.length);
  });
}

for (const size of SIZES) {
  test.describe(`at ${size.name} size`, () => {
    test.use({viewport: {width: size.width, height: size.height}});

    test('a table takes keyboard focus while it scrolls sideways, and only then', async ({page}) => {
      let tables = 0;
      let scrolling = 0;
      for (const url of TABLE_PAGES) {
        await gotoHydrated(page, url);
        const found = await page.locator('article table').evaluateAll((all) => all.map((table) => ({scrolls: table.scrollWidth > table.clientWidth, tabindex: table.getAttribute('tabindex')})));
        for (const table of found) expect(table.tabindex, `${url}: ${JSON.stringify(table)}`).toBe(table.scrolls ? '0' : null);
        tables += found.length;
        scrolling += found.filter((table) => table.scrolls).length;
      }
      expect(tables).toBeGreaterThan(4);
      // At phone width some do scroll (the case the keyboard rule is about); on a laptop none needs to.
      if (size.width < 800) expect(scrolling).toBeGreaterThan(0);
      else expect(scrolling).toBe(0);
    });
  });
}

test.describe('at phone size, where wide tables scroll inside themselves', () => {
  test.use({viewport: {width: 390, height: 844}});

  test('the Quality page and an API operation have no serious or critical axe-core violation, in both colour modes', async ({page}) => {
    test.setTimeout(240_000);
    for (const mode of ['light', 'dark'] as const) {
      await gotoInMode(page, '/quality/', mode);
      await expect(page.locator('article table[tabindex="0"]').first(), mode).toBeAttached();
      expect(await seriousViolations(page), mode).toEqual([]);
      // The theme's method-and-URL box wraps rather than scrolling where a keyboard cannot reach.
      await gotoInMode(page, '/api-sample-inventory-service/list-items/', mode);
      const endpoint = page.locator('.openapi__method-endpoint').first();
      await expect(endpoint).toBeVisible();
      expect(await endpoint.evaluate((box) => box.scrollWidth <= box.clientWidth), mode).toBe(true);
      expect(await seriousViolations(page), mode).toEqual([]);
    }
  });

  test('a chart too small to read scrolls sideways at a readable width, and takes keyboard focus', async ({page}) => {
    await gotoHydrated(page, '/quality/');
    const charts = page.locator('.docusaurus-mermaid-container svg[aria-roledescription="xychart"]');
    await expect(charts).toHaveCount(2, {timeout: 30_000});
    for (const chart of await charts.all()) {
      await expect(chart).toHaveAttribute('data-da-zoom', 'scroll');
      const {shown, natural} = await chart.evaluate((svg: SVGSVGElement) => ({shown: svg.getBoundingClientRect().width, natural: svg.viewBox.baseVal.width}));
      expect(shown / natural).toBeGreaterThanOrEqual(0.74);
      const container = chart.locator('xpath=..');
      await expect(container).toHaveAttribute('tabindex', '0');
      await expect(container).toHaveAttribute('aria-label', /^(Documented exports by folder|Hardest pages to read)$/);
      expect(await container.evaluate((box) => box.scrollWidth > box.clientWidth)).toBe(true);
    }
  });
});

test.describe('a target with many sections and three HTTP APIs', () => {
  test.describe.configure({mode: 'serial'});
  let origin: string;
  let sections: {id: string; title: string; route: string}[] = [];

  test.beforeAll(async () => {
    test.setTimeout(600_000);
    // e2e/wideTarget.ts (e2e/catalog.ts).
    const site = await servedTarget(TARGETS.wide);
    origin = site.origin;
    sections = (JSON.parse(fs.readFileSync(path.join(site.out, 'docs-architect.json'), 'utf8')) as {sections: typeof sections}).sections;
  });

  test('has the sections the checks are about', () => {
    expect(sections.filter((section) => section.id.startsWith('api-')).map((section) => section.title)).toEqual([
      'Accounts 1.0.0',
      'Notification Delivery Service API 1.0.0',
      'Payments and Refunds Platform API 1.0.0',
    ]);
    expect(sections.length).toBeGreaterThanOrEqual(9);
  });

  for (const size of SIZES) {
    test.describe(`at ${size.name} size`, () => {
      test.use({viewport: {width: size.width, height: size.height}});

      test('no section scrolls sideways at the body level', async ({page}) => {
        for (const route of ['/', ...sections.map((section) => section.route)]) {
          await gotoHydrated(page, `${origin}${route}`);
          const {scroll, client} = await page.evaluate(() => ({scroll: document.documentElement.scrollWidth, client: document.documentElement.clientWidth}));
          expect(scroll, route).toBeLessThanOrEqual(client);
        }
      });

      test('the navbar reaches every section', async ({page}) => {
        await gotoHydrated(page, `${origin}/`);
        if (size.width > 996) {
          const bar = (await page.locator('nav.navbar').boundingBox())!;
          expect(bar.height).toBeLessThanOrEqual(64);
          const tops = await page.locator('.navbar__inner .navbar__item:visible').evaluateAll((items) => items.map((item) => item.getBoundingClientRect().top));
          expect(Math.max(...tops) - Math.min(...tops)).toBeLessThan(8);
          const shown = await page.locator('.navbar__items:not(.navbar__items--right) > a.navbar__item:visible').evaluateAll((links) => links.map((link) => link.getAttribute('href')));
          const more = page.locator('.navbar__item.dropdown:visible', {has: page.getByRole('button', {name: 'More'})});
          await more.hover();
          await expect(more.locator('.dropdown__menu')).toBeVisible();
          const inMore = await more.locator('.dropdown__menu a').evaluateAll((links) => links.map((link) => link.getAttribute('href')));
          // A group that fits (the "APIs" dropdown) stays a dropdown of its own in the bar.
          const inGroups = await page
            .locator('.navbar__items:not(.navbar__items--right) > .navbar__item.dropdown:visible .dropdown__menu a')
            .evaluateAll((links) => links.map((link) => link.getAttribute('href')));
          for (const section of sections) expect([...shown, ...inMore, ...inGroups], section.title).toContain(section.route);
          // A long title is shortened, with the whole title on hover.
          const payments = page.locator('.navbar__items:not(.navbar__items--right) .dropdown__menu a[href="/api-payments-and-refunds-platform-api/"]').first();
          await expect(payments).toHaveText('Payments and Refunds Pl…');
          await expect(payments).toHaveAttribute('title', 'Payments and Refunds Platform API 1.0.0');
        } else {
          await page.getByRole('button', {name: /toggle navigation bar/i}).click();
          const menu = page.locator('.navbar-sidebar__item.menu').first();
          await expect(menu).toBeVisible();
          await expect(menu.getByText('More', {exact: true})).toBeHidden();
          // The HTTP APIs are a group of their own in the phone menu: open it, then every section is a visible link.
          await menu.getByRole('button', {name: 'APIs'}).click();
          // (The desktop's "More" holds copies of the same links, hidden here: count the visible ones.)
          for (const section of sections) await expect(menu.locator(`a[href="${section.route}"]:visible`).first(), section.title).toBeVisible();
        }
      });
    });
  }
});
