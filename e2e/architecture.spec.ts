/**
 * The Architecture section in Chromium: the default site's container diagram (the sample service's
 * compose file), and a target with compose, Kubernetes, a pnpm workspace with a cycle and a Prisma
 * schema, where every diagram renders to SVG, a container box opens its page, and text stays
 * legible in the dark theme. A broken authored diagram fails `--strict` with its file and line.
 */
import fs from 'node:fs';
import path from 'node:path';
import type {Page} from '@playwright/test';
import {test, expect, gotoHydrated} from './fixtures';
import {runBuild, servedTarget, tempDir} from './targets';
import {writeArchitectureFixture} from '../test/architectureFixture';
import {architectureFiles, TARGETS} from './catalog';

test.describe.configure({mode: 'serial'});

/** Every Mermaid block on the page has become an SVG, and none shows Mermaid's error. */
async function expectDiagramsRendered(page: Page, expected: number): Promise<void> {
  await expect(page.locator('.docusaurus-mermaid-container svg')).toHaveCount(expected, {timeout: 30_000});
  await expect(page.getByText('Syntax error')).toHaveCount(0);
}

test('the default site draws the sample service from its compose file', async ({page, consoleErrors}) => {
  await gotoHydrated(page, '/architecture/');
  await expect(page.getByRole('heading', {level: 1, name: 'Architecture'})).toBeVisible();
  await expectDiagramsRendered(page, 2);
  await expect(page.locator('.docusaurus-mermaid-container svg').nth(1)).toContainText('sample-service');
  expect(consoleErrors).toEqual([]);
});

test.describe('a target with compose, Kubernetes, a workspace with a cycle and a Prisma schema', () => {
  let url: (route: string) => string;

  test.beforeAll(async () => {
    test.setTimeout(900_000);
    // A broken authored diagram fails a strict build before anything is bundled, naming file and line.
    const broken = tempDir('architecture-broken');
    try {
      writeArchitectureFixture(broken, architectureFiles('a --> '));
      const strict = runBuild(broken, path.join(broken, 'out'), ['--strict']);
      expect(strict.status).not.toBe(0);
      expect(strict.stderr).toMatch(/docs\/intro\.md:3.*Mermaid diagram does not parse.*Parse error/);
    } finally {
      fs.rmSync(broken, {recursive: true, force: true});
    }
    // The same target with the diagram fixed (e2e/catalog.ts).
    ({url} = await servedTarget(TARGETS.architecture));
  });

  test('every diagram of the section renders, and a container box opens its page', async ({page, consoleErrors}) => {
    const routes = ['/architecture/', '/architecture/containers/api/', '/architecture/dependencies/', '/architecture/dependencies/packages--core--src/', '/architecture/data/', '/architecture/data/post/', '/docs/intro/'];
    const counts = [2, 1, 1, 1, 1, 1, 1];
    for (const [i, route] of routes.entries()) {
      await gotoHydrated(page, url(route));
      await expectDiagramsRendered(page, counts[i]!);
    }
    // The cycle between the two core files is drawn in red.
    await gotoHydrated(page, url('/architecture/dependencies/packages--core--src/'));
    await expect(page.locator('.docusaurus-mermaid-container svg path[style*="stroke:#d32f2f"]')).toHaveCount(2);
    await gotoHydrated(page, url('/architecture/'));
    const containers = page.locator('.docusaurus-mermaid-container svg').nth(1);
    // Mermaid writes links as SVG anchors with xlink:href.
    const box = containers.locator('a').filter({hasText: /^api/});
    await expect(box).toHaveAttribute('xlink:href', '/architecture/containers/api/');
    await box.click();
    await expect(page).toHaveURL(url('/architecture/containers/api/'));
    await expect(page.getByRole('heading', {level: 1, name: 'api'})).toBeVisible();
    expect(consoleErrors).toEqual([]);
  });

  test('a file of the dependency graph links to its code reference page', async ({page, consoleErrors}) => {
    await gotoHydrated(page, url('/architecture/dependencies/packages--core--src/'));
    const node = page.locator('.docusaurus-mermaid-container svg a').filter({hasText: 'index.ts'});
    const href = await node.getAttribute('xlink:href');
    expect(href).toMatch(/^\/api\//);
    await node.click();
    await expect(page.getByRole('heading', {level: 1})).toContainText('@shop/core');
    expect(consoleErrors).toEqual([]);
  });

  test('a large diagram pans and zooms with buttons a keyboard reaches; a small one is left as drawn', async ({page, consoleErrors}) => {
    await gotoHydrated(page, url('/architecture/data/'));
    await expectDiagramsRendered(page, 1);
    const container = page.locator('.docusaurus-mermaid-container');
    const layer = container.locator('svg > g.da-zoom-layer');
    await expect(layer).toHaveCount(1);
    await container.getByRole('button', {name: 'Zoom in'}).click();
    await expect(layer).toHaveAttribute('transform', /scale\(1\.25\)/);
    const zoomed = await layer.getAttribute('transform');
    const box = (await container.locator('svg').boundingBox())!;
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    await page.mouse.down();
    await page.mouse.move(box.x + box.width / 2 + 120, box.y + box.height / 2 + 40, {steps: 5});
    await page.mouse.up();
    // Dragging pans: the translation moves, the scale stays.
    const panned = await layer.getAttribute('transform');
    expect(panned).toMatch(/scale\(1\.25\)/);
    expect(panned).not.toBe(zoomed);
    const reset = container.getByRole('button', {name: 'Reset zoom'});
    await reset.focus();
    await page.keyboard.press('Enter');
    await expect(layer).toHaveAttribute('transform', 'translate(0,0) scale(1)');
    // The buttons take the theme's colours: readable in the dark theme too.
    await page.evaluate(() => document.documentElement.setAttribute('data-theme', 'dark'));
    const [fg, bg] = await reset.evaluate((element) => [getComputedStyle(element).color, getComputedStyle(element).backgroundColor]);
    expect(fg).not.toBe(bg);
    expect(bg).not.toBe('rgb(255, 255, 255)');
    await gotoHydrated(page, url('/docs/intro/'));
    await expectDiagramsRendered(page, 1);
    await expect(page.locator('.docusaurus-mermaid-container svg')).toHaveAttribute('data-da-zoom', 'small');
    await expect(page.locator('.da-zoom-toolbar')).toHaveCount(0);
    expect(consoleErrors).toEqual([]);
  });

  test('in the dark theme, box labels keep a readable contrast with their fill', async ({page}) => {
    await page.emulateMedia({colorScheme: 'dark'});
    await gotoHydrated(page, url('/architecture/'));
    await page.evaluate(() => document.documentElement.setAttribute('data-theme', 'dark'));
    await expectDiagramsRendered(page, 2);
    const ratios = await page.locator('.docusaurus-mermaid-container svg g.node').evaluateAll((nodes) => {
      const rgb = (value: string) => (value.match(/[\d.]+/g) ?? ['0', '0', '0']).slice(0, 3).map(Number);
      const luminance = ([r, g, b]: number[]) => {
        const [R, G, B] = [r!, g!, b!].map((c) => {
          const s = c / 255;
          return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
        });
        return 0.2126 * R! + 0.7152 * G! + 0.0722 * B!;
      };
      return nodes.map((node) => {
        const shape = node.querySelector('rect, path, polygon, circle');
        const label = node.querySelector('.nodeLabel, span, p, text');
        const fill = luminance(rgb(getComputedStyle(shape!).fill));
        const text = luminance(rgb(getComputedStyle(label!).color || getComputedStyle(label!).fill));
        return (Math.max(fill, text) + 0.05) / (Math.min(fill, text) + 0.05);
      });
    });
    expect(ratios.length).toBeGreaterThanOrEqual(10);
    for (const ratio of ratios) expect(ratio).toBeGreaterThanOrEqual(4.5);
  });
});
