/**
 * The Application section (docs/adr/0034) of a React + Express app made by the test
 * (test/applicationFixture.ts), built with the CLI and read in Chromium: a component's props table
 * shows its defaults, a route links to its handler and to the operation that documents it, the data
 * models diagram renders, and the build reports no broken link. Across sections (issue 11): the HTTP
 * API overview lists the files that implement it, linked to their code reference pages, and each
 * module page names its owners (CODEOWNERS, then the history) and links its last change.
 */
import {execFileSync} from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import {test, expect, gotoHydrated} from './fixtures';
import {brokenLinks, servedTarget} from './targets';
import {TARGETS} from './catalog';

test.describe.configure({mode: 'serial'});

test.describe('the application section of a React + Express app', () => {
  let dir: string;
  let out: string;
  let stderr: string;
  let url: (route: string) => string;

  test.beforeAll(async () => {
    test.setTimeout(600_000);
    ({dir, out, stderr, url} = await servedTarget(TARGETS.application));
  });

  test('a component’s props table shows its defaults, and the build has no broken link', async ({page, consoleErrors}) => {
    expect(brokenLinks(stderr)).toEqual([]);
    await gotoHydrated(page, url('/application/components/'));
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
    await gotoHydrated(page, url('/application/routes/'));
    const row = page.getByRole('row').filter({has: page.getByRole('cell', {name: '/api/users', exact: true})});
    await expect(row).toHaveCount(1);
    const handler = row.getByRole('link', {name: 'listUsers'});
    await expect(handler).toHaveAttribute('href', reference ?? 'https://github.com/acme/shop/blob/main/server/handlers/users.ts#L2');
    await expect(row.getByRole('cell').nth(3)).toHaveText('auth: express.json(), requireAuth, rateLimit');
    await row.getByRole('link', {name: 'List users'}).click();
    await expect(page.getByRole('heading', {level: 1, name: 'List users'})).toBeVisible();
    await gotoHydrated(page, url('/application/models/'));
    const diagram = page.locator('svg[aria-roledescription="classDiagram"]');
    await expect(diagram).toHaveCount(1);
    await expect(diagram).toContainText('Order');
    expect(consoleErrors).toEqual([]);
  });

  test('the HTTP API overview lists the files that implement it, each opening its code reference page', async ({page, consoleErrors}) => {
    await gotoHydrated(page, url('/api-shop-api/'));
    const implemented = page.locator('h2#implemented-in + p');
    // listProducts is documented but has no route in the code.
    await expect(implemented).toHaveText('2 of 3 operations have a route in code, in 1 file:');
    await expect(implemented.getByRole('link', {name: 'route in code'})).toHaveAttribute('href', '/application/routes/');
    const files = page.locator('h2#implemented-in + p + ul > li');
    await expect(files).toHaveCount(1);
    await expect(files.first()).toHaveText('server/handlers/users.ts: GET /users, GET /users/{id}');
    await expect(files.first().getByRole('link', {name: 'GET /users/{id}'})).toHaveAttribute('href', '/api-shop-api/get-user/');
    await files.first().getByRole('link', {name: 'server/handlers/users.ts'}).click();
    await expect(page).toHaveURL(url('/api/server/handlers/users/'));
    await expect(page.getByRole('heading', {level: 1, name: 'server/handlers/users'})).toBeVisible();
    expect(consoleErrors).toEqual([]);
  });

  test('a code reference module page names its owners and links its last change to the commit', async ({page, consoleErrors}) => {
    const head = execFileSync('git', ['rev-parse', 'HEAD'], {cwd: dir, encoding: 'utf8'}).trim();
    const facts = page.getByRole('article').locator('p').filter({hasText: /^Owners of /});
    await gotoHydrated(page, url('/api/server/handlers/users/'));
    // The most specific CODEOWNERS rule for server/ (APP_CODEOWNERS), then who changed it (makeRepo's author) and when.
    await expect(facts).toHaveText('Owners of server/: @acme/backend (CODEOWNERS); most changes recently by Test. Last changed on 2024-01-01 by Test.');
    await expect(facts.getByRole('link', {name: '2024-01-01'})).toHaveAttribute('href', `https://github.com/acme/shop/commit/${head}`);
    await gotoHydrated(page, url('/api/src/components/Button/'));
    await expect(facts).toContainText('Owners of src/: @acme/web (CODEOWNERS)');
    expect(consoleErrors).toEqual([]);
  });
});
