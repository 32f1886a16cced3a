/**
 * Secrets planted in code defaults of a target (test/hostile/plantedSecrets.ts) appear nowhere in
 * its built site: not in the HTML, the JS bundle, the JSON page data, the search index or the sitemap.
 * They are `src/planted.ts` of the operations target (e2e/catalog.ts), whose other planted secrets
 * e2e/operations.spec.ts looks for.
 */
import fs from 'node:fs';
import path from 'node:path';
import {test, expect} from './fixtures';
import {builtTarget} from './targets';
import {TARGETS} from './catalog';
import {allFiles, PLANTED_SECRETS} from '../test/hostile/plantedSecrets';

test.describe.configure({mode: 'serial'});

test.describe('a target with secrets in its code defaults', () => {
  let out: string;

  test.beforeAll(() => {
    test.setTimeout(600_000);
    ({out} = builtTarget(TARGETS.operations));
  });

  test('no planted value is in any file of the build', () => {
    const files = allFiles(out);
    expect(files.length).toBeGreaterThanOrEqual(50);
    const byKind = (pattern: RegExp) => files.filter((file) => pattern.test(file)).length;
    // Every kind of output is there to be searched.
    expect(byKind(/\.html$/)).toBeGreaterThanOrEqual(5);
    expect(byKind(/\.js$/)).toBeGreaterThanOrEqual(5);
    expect(byKind(/search-index.*\.json$/)).toBeGreaterThanOrEqual(1);
    expect(byKind(/sitemap\.xml$/)).toBe(1);
    const contents = files.map((file) => ({file: path.relative(out, file), text: fs.readFileSync(file).toString('latin1')}));
    // The page of the package shows that values were hidden, so the grep below searched real pages.
    expect(contents.filter(({text}) => text.includes('hidden: looks like a secret')).length).toBeGreaterThanOrEqual(2);
    const hits = Object.entries(PLANTED_SECRETS).flatMap(([position, secret]) =>
      contents.filter(({text}) => text.includes(secret)).map(({file}) => `${position} in ${file}`),
    );
    expect(hits).toEqual([]);
    console.log(`grepped ${files.length} files for ${Object.keys(PLANTED_SECRETS).length} planted values`);
  });
});
