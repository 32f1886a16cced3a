/**
 * The code reference as a repository's users see it (docs/adr/0035), in Chromium: a workspace with a
 * library built from `source/` to `distribution/` (its tsconfig extends a package that is not
 * installed, its main export has no type annotation) and an application with TanStack-style route
 * files (`__root.tsx`, `_layout/x.tsx`) and a generated route tree. One build, read in the browser.
 */
import {test, expect, gotoHydrated} from './fixtures';
import {brokenLinks, servedTarget} from './targets';
import {TARGETS} from './catalog';

test.describe.configure({mode: 'serial'});


test.describe('a library and an application in one workspace', () => {
  let stderr: string;
  let url: (route: string) => string;

  test.beforeAll(async () => {
    test.setTimeout(600_000);
    ({stderr, url} = await servedTarget(TARGETS.publicApi));
  });

  test('the main export shows its inferred type, linked; __root.tsx has a page; no broken links', async ({page, consoleErrors}) => {
    expect(brokenLinks(stderr)).toEqual([]);
    await gotoHydrated(page, url('/api/widget/widget/'));
    await expect(page.getByRole('heading', {level: 1, name: 'widget'})).toBeVisible();
    // `export const client = makeClient(...)`: the checker's type, linked to the class.
    const signature = page.locator('pre, code').filter({hasText: 'const client: Client'}).first();
    await expect(signature).toBeVisible();
    await signature.getByRole('link', {name: 'Client'}).click();
    await expect(page).toHaveURL(/\/api\/widget\/widget\/#Client$/);

    // The app's index lists its route files; the one named with `__` opens.
    await gotoHydrated(page, url('/api/web/'));
    await expect(page.getByText('The root route: the page frame.').first()).toBeVisible();
    await expect(page.getByRole('link', {name: /routeTree/})).toHaveCount(0);
    await page.getByRole('link', {name: 'packages/web/src/routes/__root', exact: true}).click();
    await expect(page).toHaveURL(url('/api/web/packages/web/src/routes/__root/'));
    await expect(page.getByRole('heading', {level: 1, name: 'packages/web/src/routes/__root'})).toBeVisible();
    await expect(page.locator('[id="Route"]')).toBeVisible();
    await expect(page.locator('pre[data-api-signature]').filter({hasText: 'const Route: { path: string }'})).toBeVisible();
    expect(consoleErrors).toEqual([]);
  });
});
