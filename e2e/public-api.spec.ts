/**
 * The code reference as a repository's users see it (docs/adr/0035), in Chromium: a workspace with a
 * library built from `source/` to `distribution/` (its tsconfig extends a package that is not
 * installed, its main export has no type annotation) and an application with TanStack-style route
 * files (`__root.tsx`, `_layout/x.tsx`) and a generated route tree. One build, read in the browser.
 */
import fs from 'node:fs';
import type {ChildProcess} from 'node:child_process';
import {test, expect, gotoHydrated} from './fixtures';
import {PORT} from '../playwright.config';
import {makeRepo} from '../test/gitRepo';
import {buildSite, serveSite, tempDir, brokenLinks} from './targets';

test.describe.configure({mode: 'serial'});


test.describe('a library and an application in one workspace', () => {
  const port = PORT + 203;
  let dir: string;
  let out: string;
  let stderr: string;
  let server: ChildProcess | undefined;

  test.beforeAll(async () => {
    test.setTimeout(600_000);
    dir = tempDir('public-api');
    const repo = makeRepo(dir);
    repo.commit('Add the workspace', {
      files: {
        'package.json': JSON.stringify({name: 'shop', private: true, workspaces: ['packages/*']}),
        'packages/widget/package.json': JSON.stringify({name: 'widget', version: '1.0.0', type: 'module', exports: {'.': {types: './distribution/index.d.ts', default: './distribution/index.js'}}}),
        'packages/widget/tsconfig.json': JSON.stringify({extends: '@sindresorhus/tsconfig', compilerOptions: {outDir: 'distribution'}, include: ['source']}),
        'packages/widget/source/index.ts': "import {makeClient} from './client.js';\nexport {Client} from './client.js';\n/** The ready client. */\nexport const client = makeClient('https://example.org');\n",
        'packages/widget/source/client.ts': '/** Talks to the server. */\nexport class Client {\n  constructor(readonly url: string) {}\n}\nexport function makeClient(url: string) {\n  return new Client(url);\n}\n',
        'packages/web/package.json': JSON.stringify({name: 'web', private: true}),
        'packages/web/src/routes/__root.tsx': '/** The root route: the page frame. */\nexport const Route = {path: "/"};\n',
        'packages/web/src/routes/_layout/x.tsx': 'export function Layout(): null {\n  return null;\n}\n',
        'packages/web/src/routeTree.gen.ts': '// This file is generated.\nexport const routeTree = {};\n',
      },
    });
    repo.git('remote', 'add', 'origin', 'https://github.com/acme/shop.git');
    out = tempDir('public-api-site');
    stderr = buildSite(dir, out);
    // A loaded machine can take a while to start the server.
    server = await serveSite(out, port, 180_000);
  });

  test.afterAll(() => {
    server?.kill();
    for (const folder of [dir, out]) if (folder) fs.rmSync(folder, {recursive: true, force: true});
  });

  test('the main export shows its inferred type, linked; __root.tsx has a page; no broken links', async ({page, consoleErrors}) => {
    expect(brokenLinks(stderr)).toEqual([]);
    await gotoHydrated(page, `http://127.0.0.1:${port}/api/widget/widget/`);
    await expect(page.getByRole('heading', {level: 1, name: 'widget'})).toBeVisible();
    // `export const client = makeClient(...)`: the checker's type, linked to the class.
    const signature = page.locator('pre, code').filter({hasText: 'const client: Client'}).first();
    await expect(signature).toBeVisible();
    await signature.getByRole('link', {name: 'Client'}).click();
    await expect(page).toHaveURL(/\/api\/widget\/widget\/#Client$/);

    // The app's index lists its route files; the one named with `__` opens.
    await gotoHydrated(page, `http://127.0.0.1:${port}/api/web/`);
    await expect(page.getByText('The root route: the page frame.').first()).toBeVisible();
    await expect(page.getByRole('link', {name: /routeTree/})).toHaveCount(0);
    await page.getByRole('link', {name: 'packages/web/src/routes/__root', exact: true}).click();
    await expect(page).toHaveURL(`http://127.0.0.1:${port}/api/web/packages/web/src/routes/__root/`);
    await expect(page.getByRole('heading', {level: 1, name: 'packages/web/src/routes/__root'})).toBeVisible();
    await expect(page.locator('[id="Route"]')).toBeVisible();
    await expect(page.locator('pre[data-api-signature]').filter({hasText: 'const Route: { path: string }'})).toBeVisible();
    expect(consoleErrors).toEqual([]);
  });
});
