/**
 * The Application section (docs/adr/0034) of a React + Express app made by the test
 * (test/applicationFixture.ts), built with the CLI and read in Chromium: a component's props table
 * shows its defaults, a route links to its handler and to the operation that documents it, the data
 * models diagram renders, and the build reports no broken link.
 */
import fs from 'node:fs';
import path from 'node:path';
import type {ChildProcess} from 'node:child_process';
import {test, expect, gotoHydrated} from './fixtures';
import {PORT} from '../playwright.config';
import {makeApplicationTarget} from '../test/applicationFixture';
import {buildSite, serveSite, tempDir, brokenLinks} from './targets';

test.describe.configure({mode: 'serial'});


test.describe('the application section of a React + Express app', () => {
  const port = PORT + 40;
  let dir: string;
  let out: string;
  let stderr: string;
  let server: ChildProcess | undefined;

  test.beforeAll(async () => {
    test.setTimeout(600_000);
    dir = makeApplicationTarget();
    out = tempDir('application-site');
    stderr = buildSite(dir, out);
    server = await serveSite(out, port);
  });

  test.afterAll(() => {
    server?.kill();
    for (const folder of [dir, out]) if (folder) fs.rmSync(folder, {recursive: true, force: true});
  });

  test('a component’s props table shows its defaults, and the build has no broken link', async ({page, consoleErrors}) => {
    expect(brokenLinks(stderr)).toEqual([]);
    await gotoHydrated(page, `http://127.0.0.1:${port}/application/components/`);
    await expect(page.getByRole('heading', {level: 1, name: 'Components'})).toBeVisible();
    // Button's `size` (Avatar has a `size` too, whose default is 32).
    const row = page.getByRole('row').filter({has: page.getByRole('cell', {name: 'size', exact: true})}).filter({hasText: "'medium'"});
    await expect(row).toHaveCount(1);
    await expect(row.getByRole('cell')).toHaveText(['size', "'small' | 'medium' | 'large'", 'no', "'medium'", 'How big the button is.']);
    // Rendered by: a link to the component's own heading on the page.
    await page.locator('#component-button').scrollIntoViewIfNeeded();
    const renderedBy = page.locator('p').filter({hasText: /^Rendered by: Card$/});
    await expect(renderedBy).toHaveCount(1);
    await renderedBy.getByRole('link', {name: 'Card'}).click();
    await expect(page).toHaveURL(/#component-card$/);
    expect(consoleErrors).toEqual([]);
  });

  test('a route links to its handler and to the operation that documents it; the models diagram renders', async ({page, consoleErrors}) => {
    const site = JSON.parse(fs.readFileSync(path.join(out, 'docs-architect.json'), 'utf8')) as {links: {kind: string; key: string; url: string}[]};
    // The handler's code reference entry, else its file's, else its line on the host (see render/links.ts).
    const linkOf = (kind: string, key: string) => site.links.find((entry) => entry.kind === kind && entry.key === key)?.url;
    const reference = linkOf('symbol', 'server/handlers/users.ts#listUsers') ?? linkOf('file', 'server/handlers/users.ts');
    await gotoHydrated(page, `http://127.0.0.1:${port}/application/routes/`);
    const row = page.getByRole('row').filter({has: page.getByRole('cell', {name: '/api/users', exact: true})});
    await expect(row).toHaveCount(1);
    const handler = row.getByRole('link', {name: 'listUsers'});
    await expect(handler).toHaveAttribute('href', reference ?? 'https://github.com/acme/shop/blob/main/server/handlers/users.ts#L2');
    await expect(row.getByRole('cell').nth(3)).toHaveText('auth: express.json(), requireAuth, rateLimit');
    await row.getByRole('link', {name: 'List users'}).click();
    await expect(page.getByRole('heading', {level: 1, name: 'List users'})).toBeVisible();
    await gotoHydrated(page, `http://127.0.0.1:${port}/application/models/`);
    const diagram = page.locator('svg[aria-roledescription="classDiagram"]');
    await expect(diagram).toHaveCount(1);
    await expect(diagram).toContainText('Order');
    expect(consoleErrors).toEqual([]);
  });
});
