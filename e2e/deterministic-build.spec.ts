/**
 * Two builds of the same target give the same bytes, file for file: HTML, JS (the runtime chunk
 * every page loads included), CSS, JSON, search index, sitemap (docs/adr/0026). Each (target, output
 * folder) builds in its own work folder (docs/adr/0025), so this covers both what the site must not
 * depend on: which work folder a build ran in (two output folders), and whether its caches were cold
 * or warm (the same output folder built again). The build to the second folder is the package
 * target's (e2e/catalog.ts), which e2e/other-targets.spec.ts serves: it is built once per run,
 * with a cache folder of its own, so this spec adds two builds rather than three.
 */
import fs from 'node:fs';
import path from 'node:path';
import {test, expect} from './fixtures';
import {buildSite, builtTarget, tempDir} from './targets';
import {TARGETS} from './catalog';
import {allFiles} from '../test/hostile/plantedSecrets';

test.describe.configure({mode: 'serial'});

/** The files of a built site, relative to it and sorted. */
function siteFiles(out: string): string[] {
  return allFiles(out)
    .map((file) => path.relative(out, file))
    .sort();
}

/** Asserts that two built sites hold the same files with the same bytes; returns how many there were. */
function expectIdentical(first: string, second: string): number {
  const files = siteFiles(first);
  expect(files.length).toBeGreaterThanOrEqual(100);
  expect(files.filter((file) => file.endsWith('.html')).length).toBeGreaterThanOrEqual(10);
  expect(files.filter((file) => /^assets\/js\/runtime~main\.[0-9a-f]+\.js$/.test(file))).toHaveLength(1);
  expect(siteFiles(second)).toEqual(files);
  const differing = files.filter((file) => !fs.readFileSync(path.join(first, file)).equals(fs.readFileSync(path.join(second, file))));
  expect(differing).toEqual([]);
  return files.length;
}

/** The files of a folder, recursively (0 when it does not exist). */
function countFiles(dir: string): number {
  return fs.existsSync(dir) ? allFiles(dir).length : 0;
}

test.describe('builds of one target', () => {
  let target: string;
  let cache: string;
  let first: string;
  let other: string;
  let firstAgain: string;
  let cachedBeforeRebuild = 0;

  test.beforeAll(() => {
    test.setTimeout(1_200_000);
    // The shared build, cold in the target's own cache folder: the second output folder.
    const shared = builtTarget(TARGETS.package);
    target = shared.dir;
    cache = shared.cache!;
    other = shared.out;
    // The first output folder, in the same cache folder: a second work folder, also cold.
    const env = {DOCS_ARCHITECT_CACHE_DIR: cache};
    first = tempDir('deterministic-first');
    buildSite(target, first, [], env);
    // The same output folder again, in the same work folder, with its caches filled by the first build.
    firstAgain = tempDir('deterministic-first-copy');
    fs.cpSync(first, firstAgain, {recursive: true});
    const [workFolder] = fs
      .readdirSync(path.join(cache, 'builds'))
      .filter((key) => (JSON.parse(fs.readFileSync(path.join(cache, 'builds', key, 'build.json'), 'utf8')) as {out: string}).out === path.resolve(first));
    cachedBeforeRebuild = countFiles(path.join(cache, 'builds', workFolder ?? 'none', '.docs-architect', 'bundler-cache'));
    fs.rmSync(first, {recursive: true, force: true});
    buildSite(target, first, [], env);
  });

  test.afterAll(() => {
    // The target, its cache and the shared build belong to the run (e2e/targets.ts removes them).
    for (const dir of [first, firstAgain]) if (dir) fs.rmSync(dir, {recursive: true, force: true});
  });

  test('ran in one work folder per output folder', () => {
    expect(fs.readdirSync(path.join(cache, 'builds'))).toHaveLength(2);
  });

  test('to two output folders (two work folders) are byte-identical, file for file', () => {
    const count = expectIdentical(firstAgain, other);
    console.log(`compared ${count} files of builds to two output folders: all identical`);
  });

  test('to the same output folder, the second with warm caches, are byte-identical', () => {
    // The rebuild really ran warm: the first build left the bundler's persistent cache behind.
    expect(cachedBeforeRebuild).toBeGreaterThan(0);
    const count = expectIdentical(firstAgain, first);
    console.log(`compared ${count} files of a cold and a warm build to one folder: all identical`);
  });

  test('name no path of the work folder', () => {
    const files = siteFiles(other);
    expect(files.length).toBeGreaterThanOrEqual(100);
    const naming = files.filter((file) => fs.readFileSync(path.join(other, file), 'latin1').includes(cache));
    expect(naming).toEqual([]);
  });
});
