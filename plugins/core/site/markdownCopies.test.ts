import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {afterEach, describe, expect, it} from 'vitest';
import {startMarkdownCopies} from './markdownCopies';
import {pageBody} from './toMarkdown';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) fs.rmSync(dir, {recursive: true, force: true});
});

function site(): {siteDir: string; pages: string} {
  const siteDir = fs.mkdtempSync(path.join(os.tmpdir(), 'copies-'));
  dirs.push(siteDir);
  const pages = path.join(siteDir, 'pages');
  fs.mkdirSync(path.join(pages, 'nested'), {recursive: true});
  fs.writeFileSync(path.join(pages, 'a.mdx'), '---\ntitle: "A"\n---\n\n# A page {/* #a */}\n\n<ApiBadges labels={["Function"]} />\n\n| x | y |\n| - | - |\n| 1 | 2 |\n');
  fs.writeFileSync(path.join(pages, 'nested', 'b.md'), 'No title, <b>html</b> and `code`.\n');
  fs.writeFileSync(path.join(pages, 'nested', '_category_.json'), '{}');
  return {siteDir, pages};
}

const cacheFile = (siteDir: string) => path.join(siteDir, '.docs-architect', 'cache', 'markdown-copies.json');

describe('startMarkdownCopies', () => {
  it('makes in a worker the same copies as pageBody, then serves them from the cache', async () => {
    const {siteDir, pages} = site();
    const files = ['a.mdx', 'nested/b.md'].map((name) => path.join(pages, name));
    const expected = files.map((file) => pageBody(fs.readFileSync(file, 'utf8'), file.endsWith('.mdx') ? 'mdx' : 'md'));
    expect(expected[0]!.titled).toBe(true);
    expect(expected[1]!.titled).toBe(false);

    const first = await startMarkdownCopies(siteDir, [pages]);
    expect(await Promise.all(files.map((file) => first.get(file)))).toEqual(expected);
    expect(await first.finish()).toEqual({cached: 0, worker: 2, here: 0});
    const stored = JSON.parse(fs.readFileSync(cacheFile(siteDir), 'utf8')) as {entries: Record<string, unknown>};
    // Two pages, two entries: the JSON file is not a page.
    expect(Object.keys(stored.entries)).toHaveLength(2);

    // The next build finds both in the cache: a broken entry would be served, which proves it is read.
    const [key] = Object.keys(stored.entries).filter((name) => JSON.stringify(stored.entries[name]).includes('html'));
    stored.entries[key!] = {markdown: 'from the cache\n', titled: false};
    fs.writeFileSync(cacheFile(siteDir), JSON.stringify(stored));
    const second = await startMarkdownCopies(siteDir, [pages]);
    expect((await second.get(files[1]!)).markdown).toBe('from the cache\n');
    expect(await second.get(files[0]!)).toEqual(expected[0]);
    expect(await second.finish()).toEqual({cached: 2, worker: 0, here: 0});

    // An edited page misses and is made again.
    fs.writeFileSync(files[1]!, 'Edited.\n');
    const third = await startMarkdownCopies(siteDir, [pages]);
    expect(await third.get(files[1]!)).toEqual({markdown: 'Edited.\n', titled: false});
    expect(await third.finish()).toEqual({cached: 1, worker: 1, here: 0});
  });

  it('makes a page it was not given on request', async () => {
    const {siteDir, pages} = site();
    const copies = await startMarkdownCopies(siteDir, []);
    expect(await copies.get(path.join(pages, 'nested', 'b.md'))).toEqual({markdown: 'No title, html and `code`.\n', titled: false});
    expect(await copies.finish()).toEqual({cached: 0, worker: 0, here: 1});
  });
});
