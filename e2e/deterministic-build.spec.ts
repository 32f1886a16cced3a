/**
 * Two consecutive builds of the same target give the same bytes, file for file: HTML, JS (the
 * runtime chunk every page loads included), CSS, JSON, search index, sitemap (docs/adr/0026).
 */
import fs from 'node:fs';
import path from 'node:path';
import {test, expect} from './fixtures';
import {buildSite, makePackageTarget, tempDir} from './targets';
import {allFiles} from '../test/hostile/plantedSecrets';

test.describe.configure({mode: 'serial'});

test.describe('two builds of one target', () => {
  let target: string;
  const outs: string[] = [];

  test.beforeAll(() => {
    test.setTimeout(900_000);
    target = makePackageTarget().dir;
    for (const name of ['first', 'second']) {
      const out = tempDir(`deterministic-${name}`);
      buildSite(target, out);
      outs.push(out);
    }
  });

  test.afterAll(() => {
    for (const dir of [target, ...outs]) if (dir) fs.rmSync(dir, {recursive: true, force: true});
  });

  test('are byte-identical, file for file', () => {
    const [first, second] = outs.map((out) => allFiles(out).map((file) => path.relative(out, file)).sort()) as [string[], string[]];
    expect(first.length).toBeGreaterThanOrEqual(100);
    expect(first.filter((file) => file.endsWith('.html')).length).toBeGreaterThanOrEqual(10);
    expect(first.filter((file) => /^assets\/js\/runtime~main\.[0-9a-f]+\.js$/.test(file))).toHaveLength(1);
    expect(second).toEqual(first);
    const differing = first.filter((file) => !fs.readFileSync(path.join(outs[0]!, file)).equals(fs.readFileSync(path.join(outs[1]!, file))));
    expect(differing).toEqual([]);
    console.log(`compared ${first.length} files of two builds: all identical`);
  });
});
