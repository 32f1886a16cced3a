/**
 * The Python code reference in Chromium: the heroes fixture (a FastAPI + SQLModel project,
 * test/fixtures/python/heroes, made a git repository with a GitHub remote) built with no config.
 */
import {execFileSync} from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import {test, expect, gotoHydrated} from './fixtures';
import {servedTarget} from './targets';
import {TARGETS} from './catalog';

test.describe.configure({mode: 'serial'});

test.describe('the code reference of a FastAPI + SQLModel project', () => {
  let base: string;
  let target: string;

  test.beforeAll(async () => {
    test.setTimeout(600_000);
    ({origin: base, dir: target} = await servedTarget(TARGETS.python));
  });

  test('a function shows its Python signature, its parameters table and a source link to its line at the commit', async ({page, consoleErrors}) => {
    await gotoHydrated(page, `${base}/api/heroes.service/`);
    await expect(page.locator('h3#create_hero')).toBeVisible();
    const signature = page.locator('h3#create_hero ~ pre[data-api-signature]').first();
    await expect(signature).toContainText('async def create_hero(data: HeroCreate, *, notify: bool = False) -> Hero');
    const table = page.locator('h3#create_hero ~ table').first();
    await expect(table.locator('tbody tr')).toHaveCount(2);
    await expect(table.locator('tbody tr').nth(0)).toContainText('The hero to create.');
    await expect(table.locator('tbody tr').nth(1)).toContainText('False');
    const head = execFileSync('git', ['rev-parse', 'HEAD'], {cwd: target, encoding: 'utf8'}).trim();
    const href = await page.locator('h3#create_hero ~ p:has-text("Source:")').first().getByRole('link').getAttribute('href');
    const match = new RegExp(`^https://github\\.com/acme/heroes/blob/${head}/src/heroes/service\\.py#L(\\d+)$`).exec(href ?? '');
    expect(match, href ?? 'no href').not.toBeNull();
    const lines = fs.readFileSync(path.join(target, 'src', 'heroes', 'service.py'), 'utf8').split('\n');
    expect(lines[Number(match![1]) - 1]).toMatch(/^async def create_hero\(/);
    expect(consoleErrors).toEqual([]);
  });

  test('a type in a signature lands on its anchor on the page of its module', async ({page, consoleErrors}) => {
    await gotoHydrated(page, `${base}/api/heroes.service/`);
    await page.locator('h3#create_hero ~ pre[data-api-signature]').first().getByRole('link', {name: 'HeroCreate', exact: true}).click();
    await expect(page).toHaveURL(/\/api\/heroes\.models\/#HeroCreate$/);
    await expect(page.locator('h3#HeroCreate')).toBeInViewport();
    // A field of a SQLModel table: its type, default and Field(description=...).
    await expect(page.locator('h4[id="Hero.name"] ~ pre[data-api-signature]').first()).toContainText('name: str = Field(index=True');
    expect(consoleErrors).toEqual([]);
  });
});
