/**
 * Issue 10, the browser channel: a repository written by an attacker (test/hostile/browserFixtures)
 * is built for real with the CLI (`--untrusted`, as a pull-request build would be) and every page of
 * the site is opened in Chromium. Every payload sets `window.__pwned` or opens a dialog; neither may
 * happen, no `javascript:`/`data:` address may be in the DOM, and the hostile text shows as text.
 */
import fs from 'node:fs';
import path from 'node:path';
import type {Page} from '@playwright/test';
import {test, expect} from './fixtures';
import {servedTarget} from './targets';
import {TARGETS} from './catalog';
import {IMG, MARKERS} from '../test/hostile/browserFixtures';

test.describe.configure({mode: 'serial'});

let base: string;
let routes: string[];

/** Every HTML page of the build, as a route. */
function listRoutes(dir: string): string[] {
  const found: string[] = [];
  const walk = (folder: string) => {
    for (const entry of fs.readdirSync(folder, {withFileTypes: true})) {
      const full = path.join(folder, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.name === 'index.html') found.push(`/${path.relative(dir, folder).split(path.sep).join('/')}/`.replace('//', '/'));
    }
  };
  walk(dir);
  return found.sort();
}

/** What a payload would leave behind: the flag, and addresses or embeds that could run script. */
async function traces(page: Page) {
  return page.evaluate(() => {
    const unsafe = /^\s*(javascript|data|vbscript):/i;
    const addresses: string[] = [];
    for (const element of Array.from(document.querySelectorAll('*'))) {
      for (const name of ['href', 'src', 'action', 'formaction', 'srcdoc', 'data', 'xlink:href', 'poster']) {
        const value = element.getAttribute(name);
        if (name === 'srcdoc' && value !== null) addresses.push(`${element.tagName} srcdoc`);
        else if (value !== null && unsafe.test(value) && !(element.tagName === 'IMG' && /^data:image\/(png|gif|svg\+xml)/.test(value))) addresses.push(`${element.tagName} ${name}=${value.slice(0, 60)}`);
      }
      for (const attribute of Array.from(element.attributes)) if (/^on/i.test(attribute.name)) addresses.push(`${element.tagName} ${attribute.name}`);
    }
    return {
      pwned: (window as unknown as {__pwned?: unknown}).__pwned ?? null,
      addresses,
      embeds: document.querySelectorAll('iframe, object, embed').length,
      text: document.body.innerText,
    };
  });
}

test.beforeAll(async () => {
  test.setTimeout(600_000);
  // Built with --untrusted (e2e/catalog.ts).
  const site = await servedTarget(TARGETS.hostileBrowser);
  base = site.origin;
  routes = listRoutes(site.out);
});

test('no page of the hostile repository runs script or keeps a script address', async ({page}) => {
  test.setTimeout(300_000);
  const dialogs: string[] = [];
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  // Every section of the site has pages: the guide, the MDX page, the API, the code reference, history.
  expect(routes.length).toBeGreaterThanOrEqual(20);
  for (const prefix of ['/docs/guide/', '/docs/page/', '/history/decisions/', '/overview/']) expect(routes).toContain(prefix);
  expect(routes.filter((route) => route.startsWith('/api-'))).toHaveLength(4);
  let visited = 0;
  for (const route of routes) {
    await page.goto(`${base}${route}`);
    await page.waitForLoadState('networkidle');
    const found = await traces(page);
    expect.soft(found.pwned, `${route}: window.__pwned`).toBeNull();
    expect.soft(found.addresses, `${route}: unsafe attributes`).toEqual([]);
    expect.soft(found.embeds, `${route}: iframes, objects, embeds`).toBe(0);
    visited++;
  }
  expect(visited).toBe(routes.length);
  expect(dialogs).toEqual([]);
});

test('hostile text is shown as text', async ({page}) => {
  const apiRoot = routes.find((route) => /^\/api-[^/]+\/$/.test(route))!;
  const expectations: [string, string[]][] = [
    ['/docs/guide/', [MARKERS.guide, 'Kept formatting', 'md js link']],
    ['/docs/page/', [MARKERS.mdx, 'mdx js link']],
    ['/history/decisions/0001-use-hostile-titles/', [MARKERS.adr, IMG, '<script>']],
    [apiRoot, [MARKERS.api, IMG, '<iframe srcdoc=']],
    [`${apiRoot}list-pets/`, [MARKERS.operation, IMG, 'Kind <script>', 'Note']],
    [`${apiRoot}schemas/`, [MARKERS.schema, '<iframe srcdoc=']],
  ];
  let checked = 0;
  for (const [route, words] of expectations) {
    await page.goto(`${base}${route}`);
    await page.waitForLoadState('networkidle');
    const {text} = await traces(page);
    for (const word of words) {
      expect.soft(text, `${route} shows ${word}`).toContain(word);
      checked++;
    }
  }
  expect(checked).toBe(17);
  // The code reference page of the hostile function.
  const codePage = routes.find((route) => route.includes('hostile') && route.startsWith('/api/'));
  expect(codePage).toBeDefined();
});

test('an ADR is published once, by the history section, and links to it still work', async ({page}) => {
  expect(routes.filter((route) => route.includes('use-hostile-titles'))).toEqual(['/history/decisions/0001-use-hostile-titles/']);
  await page.goto(`${base}/docs/guide/`);
  await page.waitForLoadState('networkidle');
  await expect(page.getByRole('link', {name: 'decision', exact: true})).toHaveAttribute('href', '/history/decisions/0001-use-hostile-titles/');
});

test('the search box shows a hostile title as text', async ({page}) => {
  const dialogs: string[] = [];
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  await page.goto(`${base}/`);
  await page.waitForLoadState('networkidle');
  await page.getByRole('combobox', {name: /search/i}).or(page.getByPlaceholder(/search/i)).first().fill('Zanzibar');
  const suggestions = page.getByRole('listbox').getByRole('option');
  await expect(suggestions.first()).toBeVisible({timeout: 15_000});
  const texts = await suggestions.allInnerTexts();
  // The guide's heading and the ADR's title (its page and its entry on the decisions index).
  expect(texts.length).toBeGreaterThanOrEqual(3);
  expect(texts.join('\n')).toContain(IMG);
  expect(texts.filter((text) => text.includes('HOSTILE-ADR')).length).toBeGreaterThanOrEqual(1);
  expect(await page.getByRole('listbox').locator('img, iframe, script').count()).toBe(0);
  expect((await traces(page)).pwned).toBeNull();
  expect(dialogs).toEqual([]);
});
