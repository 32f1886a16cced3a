/**
 * A repository's own documentation wherever it is (docs/adr/0032): a repository whose only docs are
 * a README and top-level guides, and one whose docs are a Starlight app with Starlight components,
 * built with the CLI and read in Chromium.
 */
import fs from 'node:fs';
import path from 'node:path';
import type {ChildProcess} from 'node:child_process';
import {test, expect, gotoHydrated} from './fixtures';
import {PORT} from '../playwright.config';
import {makeRepo} from '../test/gitRepo';
import {buildSite, serveSite, tempDir, brokenLinks} from './targets';

test.describe.configure({mode: 'serial'});


test.describe('a repository whose only docs are a README and three top-level guides', () => {
  const port = PORT + 21;
  let dir: string;
  let out: string;
  let stderr: string;
  let server: ChildProcess | undefined;

  test.beforeAll(async () => {
    test.setTimeout(600_000);
    dir = tempDir('own-guides');
    const repo = makeRepo(dir);
    repo.commit('Add the docs', {
      files: {
        'package.json': JSON.stringify({name: 'guided', version: '1.0.0', description: 'A library with guides at the top.'}),
        'README.md':
          '# Guided\n\n![Logo](assets/logo.svg)\n\nRead [how to contribute](CONTRIBUTING.md#setting-up), [development](./development.md) and [deployment](deployment.md). Licensed under the [MIT licence](LICENSE).\n',
        'CONTRIBUTING.md': '# Contributing\n\n## Setting up\n\nClone it. Back to the [README](README.md).\n',
        'development.md': '# Development\n\nRun the tests.\n',
        'deployment.md': '# Deployment\n\nShip it.\n',
        'LICENSE': 'MIT\n',
        'CHANGELOG.md': '# Changelog\n\n## 1.0.0\n\nFirst.\n',
        'assets/logo.svg': '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><rect width="10" height="10"/></svg>\n',
      },
    });
    repo.git('remote', 'add', 'origin', 'https://github.com/acme/guided.git');
    out = tempDir('own-guides-site');
    stderr = buildSite(dir, out);
    server = await serveSite(out, port);
  });

  test.afterAll(() => {
    server?.kill();
    for (const folder of [dir, out]) if (folder) fs.rmSync(folder, {recursive: true, force: true});
  });

  test('the README is the first guide and the top-level guides follow, with working links', async ({page, consoleErrors}) => {
    expect(brokenLinks(stderr)).toEqual([]);
    await gotoHydrated(page, `http://127.0.0.1:${port}/docs/`);
    await expect(page.getByRole('heading', {level: 1, name: 'Guided'})).toBeVisible();
    const sidebar = page.getByRole('navigation', {name: 'Docs sidebar'});
    const items = sidebar.getByRole('link');
    await expect(items).toHaveText(['Guided', 'Contributing', 'Deployment', 'Development']);
    // The image of the README renders from the copied file.
    const logo = page.getByRole('img', {name: 'Logo'});
    await expect(logo).toBeVisible();
    expect(await logo.evaluate((image: HTMLImageElement) => image.naturalWidth)).toBe(10);
    await expect(page.getByRole('link', {name: /edit this page/i})).toHaveAttribute('href', 'https://github.com/acme/guided/edit/main/README.md');
    await page.getByRole('link', {name: 'how to contribute'}).click();
    await expect(page).toHaveURL(`http://127.0.0.1:${port}/docs/CONTRIBUTING/#setting-up`);
    await expect(page.getByRole('heading', {level: 1, name: 'Contributing'})).toBeVisible();
    expect(consoleErrors).toEqual([]);
  });
});

test.describe('a repository whose docs are a Starlight app', () => {
  const port = PORT + 22;
  let dir: string;
  let out: string;
  let stderr: string;
  let server: ChildProcess | undefined;

  test.beforeAll(async () => {
    test.setTimeout(600_000);
    dir = tempDir('own-starlight');
    const repo = makeRepo(dir);
    const content = 'docs/src/content/docs';
    repo.commit('Add the docs app', {
      files: {
        'package.json': JSON.stringify({name: 'starry', private: true, workspaces: ['docs']}),
        'README.md': '# Starry\n\nThe docs are in [the docs app](docs/src/content/docs/index.mdx).\n',
        'docs/package.json': JSON.stringify({name: 'starry-docs', private: true, dependencies: {'@astrojs/starlight': '^0.30.0'}}),
        'docs/astro.config.mjs':
          "import starlight from '@astrojs/starlight';\nexport default {integrations: [starlight({title: 'Starry', sidebar: [{label: 'Guides', items: [{label: 'Why', slug: 'guides/why'}, {slug: 'guides/example'}]}]})]};\n",
        [`${content}/index.mdx`]: '---\ntitle: Welcome to Starry\ntemplate: splash\nhero:\n  tagline: Stars.\n---\n\nStart with [the example](guides/example/).\n',
        [`${content}/guides/example.mdx`]:
          "---\ntitle: Example guide\ndescription: An example.\n---\nimport {Card, CardGrid} from '@astrojs/starlight/components';\n\nThe cards:\n\n<CardGrid>\n  <Card title=\"Fast builds\" icon=\"rocket\">\n    Starry builds in *seconds*.\n  </Card>\n</CardGrid>\n",
        [`${content}/guides/why.md`]: '---\ntitle: Why Starry\n---\n\nBecause.\n',
      },
    });
    out = tempDir('own-starlight-site');
    stderr = buildSite(dir, out);
    server = await serveSite(out, port);
  });

  test.afterAll(() => {
    server?.kill();
    for (const folder of [dir, out]) if (folder) fs.rmSync(folder, {recursive: true, force: true});
  });

  test('the Starlight page builds and shows the Card as its text, with one warning', async ({page, consoleErrors}) => {
    expect(brokenLinks(stderr)).toEqual([]);
    const foreign = stderr.split('\n').filter((line) => line.includes('of another framework'));
    expect(foreign).toHaveLength(1);
    expect(foreign[0]).toContain(path.join('src', 'content', 'docs', 'guides', 'example.mdx'));
    expect(foreign[0]).toContain('<Card>, <CardGrid>');
    await gotoHydrated(page, `http://127.0.0.1:${port}/docs/guides/example/`);
    await expect(page.getByRole('heading', {level: 1, name: 'Example guide'})).toBeVisible();
    await expect(page.getByText('Fast builds')).toBeVisible();
    await expect(page.getByText('Starry builds in seconds.')).toBeVisible();
    // The sidebar follows the Starlight sidebar: "Why" before "Example".
    const sidebar = page.getByRole('navigation', {name: 'Docs sidebar'});
    const guides = sidebar.getByRole('link', {name: /^(Why Starry|Example guide)$/});
    await expect(guides).toHaveText(['Why Starry', 'Example guide']);
    expect(consoleErrors).toEqual([]);
  });
});
