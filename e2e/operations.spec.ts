/**
 * The operations sections in Chromium on the default site (this repository): Getting started lists
 * the repository's real npm scripts, each with the line of package.json that defines it; the sample
 * service's configuration page lists the variables server.mjs reads, each with the line that reads
 * it. Then one more target (plugins/operations/fixtureTarget.ts, with a GitHub remote and secrets
 * planted in .env, .env.production, compose, a k8s Secret and code defaults) is built: its pages link
 * to the lines, and no planted value is in any file of its build.
 */
import fs from 'node:fs';
import path from 'node:path';
import {gotoHydrated, test, expect} from './fixtures';
import {builtTarget} from './targets';
import {TARGETS} from './catalog';
import {allFiles} from '../test/hostile/plantedSecrets';
import {OPS_SECRETS} from '../plugins/operations/fixtureTarget';

const REPO = path.join(__dirname, '..');
/** 1-based line of the first line of `file` (in this repository) that contains `needle`. */
const lineOf = (file: string, needle: string) => fs.readFileSync(path.join(REPO, file), 'utf8').split('\n').findIndex((line) => line.includes(needle)) + 1;

test('Getting started lists the real commands of this repository with their lines', async ({page, consoleErrors}) => {
  await gotoHydrated(page, '/getting-started/');
  await expect(page.getByRole('heading', {level: 1})).toHaveText('Getting started with docs-architect');
  const main = page.getByRole('main');
  const scripts = (JSON.parse(fs.readFileSync(path.join(REPO, 'package.json'), 'utf8')) as {scripts: Record<string, string>}).scripts;
  const names = Object.keys(scripts);
  expect(names.length).toBeGreaterThanOrEqual(10);
  for (const name of names) {
    const command = name === 'test' || name === 'start' ? `npm ${name}` : `npm run ${name}`;
    const row = main.getByRole('row').filter({has: page.getByRole('cell', {name: command, exact: true})});
    await expect(row, command).toHaveCount(1);
    await expect(row).toContainText(scripts[name]!);
    await expect(row).toContainText(`package.json:${lineOf('package.json', `"${name}":`)}`);
  }
  await expect(main.getByRole('cell', {name: 'npm ci', exact: true})).toBeVisible();
  await expect(main.getByRole('row').filter({hasText: 'node'}).first()).toContainText('>=20.0');
  expect(consoleErrors).toEqual([]);
});

test('the sample service\u2019s configuration page lists its variables with the lines that read them', async ({page, consoleErrors}) => {
  await gotoHydrated(page, '/operations/configuration/sample-service');
  await expect(page.getByRole('heading', {level: 1})).toHaveText('Configuration of sample-service');
  const variables = ['API_KEY', 'CORS_ORIGIN', 'HOST', 'PORT'];
  const headings = await page.getByRole('heading', {level: 3}).allTextContents();
  expect(headings.map((text) => text.replace(/\u200b|#$/g, '').trim())).toEqual(variables);
  for (const name of variables) {
    const line = lineOf('examples/sample-service/server.mjs', `process.env.${name}`);
    expect(line, name).toBeGreaterThan(100);
    const section = page.locator(`h3#env-${name} + p + table`);
    await expect(section, name).toContainText(`examples/sample-service/server.mjs:${line}`);
  }
  // The compose file's values are not shown, its example file's are.
  await expect(page.locator('h3#env-PORT ~ table').nth(1)).toContainText('set (hidden)');
  // The link index answers for a variable: the configuration index links to its anchor.
  await gotoHydrated(page, '/operations/configuration/');
  await page.getByRole('link', {name: 'CORS_ORIGIN', exact: true}).click();
  await expect(page).toHaveURL(/\/operations\/configuration\/sample-service\/?#env-CORS_ORIGIN$/);
  await expect(page.locator('h3#env-CORS_ORIGIN')).toBeInViewport();
  expect(consoleErrors).toEqual([]);
});

test.describe('a target with a remote and planted secrets', () => {
  test.describe.configure({mode: 'serial'});
  let out: string;

  test.beforeAll(() => {
    test.setTimeout(600_000);
    // plugins/operations/fixtureTarget.ts, with test/hostile/plantedSecrets.ts's code as src/planted.ts (e2e/catalog.ts).
    ({out} = builtTarget(TARGETS.operations));
  });

  test('its configuration page links each read to its line on the host', () => {
    const html = fs.readFileSync(path.join(out, 'operations', 'configuration', 'shop', 'index.html'), 'utf8');
    for (const [file, line] of [['src/server.ts', 5], ['src/server.ts', 7], ['src/env.ts', 5]] as const) {
      // The HTML is minified: the attribute may be unquoted.
      expect(html).toMatch(new RegExp(`href="?https://github\\.com/acme/shop/blob/main/${file.replace('.', '\\.')}#L${line}[" >]`));
    }
  });

  test('no planted secret is in any file of the build', () => {
    const files = allFiles(out);
    expect(files.length).toBeGreaterThanOrEqual(50);
    const byKind = (pattern: RegExp) => files.filter((file) => pattern.test(file)).length;
    expect(byKind(/\.html$/)).toBeGreaterThanOrEqual(15);
    expect(byKind(/search-index.*\.json$/)).toBeGreaterThanOrEqual(1);
    expect(byKind(/docs-architect\.json$/)).toBe(1);
    expect(byKind(/llms(-full)?\.txt$/)).toBeGreaterThanOrEqual(1);
    const contents = files.map((file) => ({file: path.relative(out, file), text: fs.readFileSync(file).toString('latin1')}));
    expect(contents.filter(({text}) => text.includes('set (hidden)')).length).toBeGreaterThanOrEqual(3);
    const hits = Object.entries(OPS_SECRETS).flatMap(([place, secret]) => contents.filter(({text}) => text.includes(secret)).map(({file}) => `${place} in ${file}`));
    expect(hits).toEqual([]);
  });
});
