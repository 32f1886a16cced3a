/**
 * Audience navigation on the default site (this repository's docs, tagged for its own readers), and on
 * a second target whose front matter has a misspelt audience and a page overdue for review.
 */
import fs from 'node:fs';
import path from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import type {Page} from '@playwright/test';
import {test, expect, gotoHydrated} from './fixtures';
import {builtTarget, runBuild, servedTarget, tempDir, type BuiltTarget} from './targets';
import {TARGETS} from './catalog';

const sidebar = (page: Page) => page.getByRole('navigation', {name: 'Docs sidebar'});
const switcher = (page: Page) => page.getByRole('combobox', {name: 'Audience'});
/** The banner as a reader sees it: its text holds every audience's label, CSS shows the chosen one. */
const banner = (page: Page) => sidebar(page).locator('.da-filter-banner');

test('switching the audience filters the sidebar, and the choice survives a reload', async ({page, consoleErrors}) => {
  await gotoHydrated(page, '/docs/configuration/');
  const nav = sidebar(page);
  await expect(nav.getByRole('link', {name: 'How the pipeline works'})).toBeVisible();
  await expect(banner(page)).toBeHidden();

  await switcher(page).selectOption({label: 'SREs and operators'});
  // Contributors' and architects' page goes; everyone's page, a page with SRE as secondary audience
  // and the page being read stay. The Decisions category goes too: its records are published by the
  // History section (ADR 0022), and what is left, the ADR index, is for architects and contributors.
  await expect(nav.getByRole('link', {name: 'How the pipeline works'})).toBeHidden();
  await expect(nav.getByRole('link', {name: 'Audiences and reading paths'})).toBeHidden();
  await expect(nav.getByRole('link', {name: 'Getting started', exact: true})).toBeVisible();
  await expect(nav.getByRole('link', {name: 'Document your repository'})).toBeVisible();
  await expect(nav.getByRole('link', {name: 'Configuration reference'})).toBeVisible();
  await expect(nav.getByRole('button', {name: /Decisions/}).or(nav.getByRole('link', {name: 'Decisions'})).first()).toBeHidden();
  await expect(banner(page)).toContainText('Filtered for SREs and operators · Show all', {useInnerText: true});
  await expect(page.getByRole('status').filter({hasText: 'Sidebars filtered for SREs and operators.'})).toBeAttached();

  await page.reload();
  await page.waitForLoadState('networkidle');
  await expect(switcher(page)).toHaveValue('sre');
  await expect(nav.getByRole('link', {name: 'How the pipeline works'})).toBeHidden();

  await nav.getByRole('button', {name: 'Show all'}).click();
  await expect(nav.getByRole('link', {name: 'How the pipeline works'})).toBeVisible();
  await expect(switcher(page)).toHaveValue('');
  expect(await page.evaluate(() => localStorage.getItem('docs-architect.audience'))).toBeNull();
  expect(consoleErrors).toEqual([]);
});

test('a shared ?audience= link filters for whoever opens it, before any script of the app runs', async ({page}) => {
  // No bundle: React never hydrates. The filter must still apply, so it cannot shift anything on load.
  await page.route(/\/assets\/js\//, (route) => route.abort());
  await page.goto('/docs/intro/?audience=architect');
  const nav = sidebar(page);
  await expect(nav.getByRole('link', {name: 'Document your repository'})).toBeHidden();
  await expect(nav.getByRole('link', {name: 'How the pipeline works'})).toBeVisible();
  await expect(banner(page)).toContainText('Filtered for Architects · Show all', {useInnerText: true});
  await page.unroute(/\/assets\/js\//);

  // The choice is remembered: the same reader on another page, without the parameter.
  await gotoHydrated(page, '/docs/pipeline/');
  await expect(switcher(page)).toHaveValue('architect');
  await expect(sidebar(page).getByRole('link', {name: 'Document your repository'})).toBeHidden();
});

test('every doc page shows its audience, level, reading time and type next to the title', async ({page, consoleErrors}) => {
  await gotoHydrated(page, '/docs/configuration/');
  const badges = page.getByRole('list', {name: 'About this page'});
  await expect(badges).toContainText('For: Documentation authors, SREs and operators');
  await expect(badges).toContainText('Level: Intermediate');
  await expect(badges).toContainText(/Reading time: About \d+ min/);
  await expect(badges).toContainText('Type: Reference');
  await badges.getByRole('link', {name: 'SREs and operators'}).click();
  await expect(page).toHaveURL(/\/audiences\/sre\/$/);

  await gotoHydrated(page, '/overview/');
  const generated = page.getByRole('list', {name: 'About this page'});
  await expect(generated).toContainText('For: everyone');
  await expect(generated).toContainText('Level: Beginner');
  expect(consoleErrors).toEqual([]);
});

test('an audience page orders its reading path from beginner to advanced, with a total that adds up', async ({page, consoleErrors}) => {
  await gotoHydrated(page, '/audiences/');
  await page.getByRole('link', {name: /SREs and operators/}).click();
  await expect(page.getByRole('heading', {level: 1})).toHaveText('Reading path for SREs and operators');
  const levels = await page.getByRole('heading', {level: 2}).allTextContents();
  expect(levels.map((text) => text.split(' ·')[0])).toEqual(['Beginner', 'Intermediate', 'Advanced']);

  const items = page.getByRole('main').getByRole('listitem');
  const titles = await items.getByRole('link').allTextContents();
  expect(titles.slice(0, 2)).toEqual(['Getting started', 'Document your repository']);
  expect(titles).toContain('ADR 0003: Bundler');
  expect(titles).not.toContain('How the pipeline works');

  // "2 min", or past an hour "1 h 28 min" (and "1 h" alone).
  const asMinutes = (text: string) => {
    const match = /(\d+) h(?: (\d+) min)?|(\d+) min/.exec(text);
    return match ? Number(match[1] ?? 0) * 60 + Number(match[2] ?? match[3] ?? 0) : NaN;
  };
  const minutes = (await items.allTextContents()).map(asMinutes);
  const total = asMinutes((await page.getByText(/in total/).textContent()) ?? '');
  expect(minutes.every((m) => m > 0)).toBe(true);
  expect(minutes.reduce((a, b) => a + b, 0)).toBe(total);

  await page.getByRole('button', {name: 'Filter the sidebars for SREs and operators'}).click();
  await expect(page.getByText('The sidebars are filtered for SREs and operators.')).toBeVisible();
  await expect(switcher(page)).toHaveValue('sre');
  expect(consoleErrors).toEqual([]);
});

test('pages by content type link to Docusaurus tag pages', async ({page, consoleErrors}) => {
  await gotoHydrated(page, '/content-types/');
  const decisions = page.getByRole('region', {name: 'Decision records'});
  await expect(decisions.getByRole('link', {name: 'ADR 0012: Audience navigation without layout shift'})).toBeVisible();
  await page.getByRole('region', {name: 'Tags'}).getByRole('link', {name: 'decisions'}).click();
  await expect(page).toHaveURL(/\/docs\/tags\/decisions\/$/);
  await expect(page.getByRole('heading', {level: 1})).toContainText('decisions');
  expect(consoleErrors).toEqual([]);
});

// The audience pages. `/` and `/overview/` are in e2e/layout.spec.ts's sample, which runs every axe
// rule (these tags' included) on them in light mode, the mode these open in, and in dark mode too.
for (const url of ['/audiences/sre/', '/docs/intro/?audience=sre']) {
  test(`axe finds no serious or critical accessibility violation on ${url}`, async ({page}) => {
    await gotoHydrated(page, url);
    const results = await new AxeBuilder({page}).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
    const serious = results.violations
      .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
      .map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`);
    expect(serious).toEqual([]);
  });
}

test.describe('a target with a misspelt audience and a page overdue for review', () => {
  test.describe.configure({mode: 'serial'});
  let target: string;
  let build: BuiltTarget;
  let url: (route: string) => string;

  test.beforeAll(async () => {
    test.setTimeout(600_000);
    // The bad-input target (e2e/catalog.ts), which also holds the unreadable API description of e2e/openapi.spec.ts.
    build = builtTarget(TARGETS.badInput);
    target = build.dir;
    if (build.status === 0) ({url} = await servedTarget(TARGETS.badInput));
  });

  test('a non-strict build warns once with file, line, value and the closest match, and lists pages due for review', () => {
    expect(build.status).toBe(0);
    const typo = path.join(target, 'docs', 'typo.md');
    const warnings = build.stderr.split('\n').filter((line) => line.includes('unknown audience'));
    expect(warnings).toEqual([
      `warning: ${typo}:5: audience[1]: unknown audience "srr". Did you mean "sre"? Allowed: everyone, new-hire, backend, frontend, sre, integrator, architect, product, security, qa (a site adds its own under audiences.extra in docs-architect.config).`,
    ]);
    expect(build.stdout).toContain('docs-architect: 1 page due for review:');
    expect(build.stdout).toMatch(/\/docs\/restore\/? "Restore the database": due 2020-04-15 \(last reviewed 2020-01-15, quarterly\); maintainers: platform-team/);
  });

  test('the overdue page shows a discreet notice and its badges; the page with the bad value still renders', async ({page, consoleErrors}) => {
    await gotoHydrated(page, url('/docs/restore/'));
    await expect(page.getByRole('note')).toContainText('Review due since 2020-04-15: last reviewed 2020-01-15, reviewed quarterly by platform-team.');
    const badges = page.getByRole('list', {name: 'About this page'});
    await expect(badges).toContainText('For: SREs and operators, Backend engineers');
    await expect(badges).toContainText('Type: Runbooks');

    await gotoHydrated(page, url('/docs/typo/'));
    await expect(page.getByRole('heading', {level: 1, name: 'Rotate the keys'})).toBeVisible();
    await expect(page.getByRole('list', {name: 'About this page'})).not.toContainText('For:');
    expect(consoleErrors).toEqual([]);
  });

  test('a strict build fails with the same message, before bundling', () => {
    const strictOut = tempDir('audience-strict');
    try {
      const strict = runBuild(target, strictOut, ['--strict']);
      expect(strict.status).not.toBe(0);
      expect(strict.stderr).toContain('typo.md:5: audience[1]: unknown audience "srr". Did you mean "sre"?');
      expect(fs.existsSync(path.join(strictOut, 'index.html'))).toBe(false);
    } finally {
      fs.rmSync(strictOut, {recursive: true, force: true});
    }
  });
});
