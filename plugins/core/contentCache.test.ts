import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {createContentCache, hashContent, jsonPieces} from './contentCache';

let base: string;
let counter = 0;

beforeAll(() => {
  base = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'docs-architect-cache-')));
});

afterAll(() => {
  fs.rmSync(base, {recursive: true, force: true});
});

function freshSite(): string {
  const dir = path.join(base, `site${++counter}`);
  fs.mkdirSync(dir);
  return dir;
}

/** The one entry file a cache namespace holds. */
function entryFiles(site: string, namespace: string): string[] {
  const dir = path.join(site, '.docs-architect', 'cache', namespace);
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir, {recursive: true, encoding: 'utf8'}).filter((name) => name.endsWith('.json')).map((name) => path.join(dir, name));
}

describe('hashContent', () => {
  it('is stable, and part boundaries matter', () => {
    expect(hashContent('a', 'b')).toBe(hashContent('a', 'b'));
    expect(hashContent('ab')).not.toBe(hashContent('a', 'b'));
    expect(hashContent('a', 'bc')).not.toBe(hashContent('ab', 'c'));
    expect(hashContent('\u00e9')).toBe(hashContent(Buffer.from('\u00e9')));
    expect(hashContent('x')).toMatch(/^[0-9a-f]{64}$/);
  });
});

describe('createContentCache', () => {
  it('a miss computes and stores; a hit returns the stored value without computing', async () => {
    const site = freshSite();
    const cache = createContentCache<{n: number; list: string[]}>(site, 'models', '1');
    let calls = 0;
    const compute = () => {
      calls++;
      return {n: 42, list: ['a', 'b']};
    };
    expect(await cache.get('key')).toBeUndefined();
    expect(await cache.getOrCompute('key', compute)).toEqual({n: 42, list: ['a', 'b']});
    expect(await cache.getOrCompute('key', compute)).toEqual({n: 42, list: ['a', 'b']});
    expect(calls).toBe(1);
    expect(entryFiles(site, 'models')).toHaveLength(1);
  });

  it('an entry survives a new cache object (it is on disk)', async () => {
    const site = freshSite();
    await createContentCache<string>(site, 'ns', '1').set('k', 'value');
    expect(await createContentCache<string>(site, 'ns', '1').get('k')).toBe('value');
  });

  it('different keys and different namespaces do not collide', async () => {
    const site = freshSite();
    const a = createContentCache<string>(site, 'a', '1');
    const b = createContentCache<string>(site, 'b', '1');
    await a.set('k1', 'a1');
    await a.set('k2', 'a2');
    await b.set('k1', 'b1');
    expect([await a.get('k1'), await a.get('k2'), await b.get('k1'), await b.get('k2')]).toEqual(['a1', 'a2', 'b1', undefined]);
  });

  it('a version bump misses the old entries', async () => {
    const site = freshSite();
    await createContentCache<string>(site, 'ns', '1').set('k', 'old shape');
    const bumped = createContentCache<string>(site, 'ns', '2');
    expect(await bumped.get('k')).toBeUndefined();
    expect(await bumped.getOrCompute('k', () => 'new shape')).toBe('new shape');
    expect(await createContentCache<string>(site, 'ns', '1').get('k')).toBe('old shape');
  });

  it('a corrupt or truncated entry is a miss, recomputed and repaired', async () => {
    const site = freshSite();
    const cache = createContentCache<{ok: boolean}>(site, 'ns', '1');
    await cache.set('k', {ok: true});
    const [file] = entryFiles(site, 'ns');
    fs.writeFileSync(file!, '{"ok": tr');
    expect(await cache.get('k')).toBeUndefined();
    expect(await cache.getOrCompute('k', () => ({ok: false}))).toEqual({ok: false});
    expect(JSON.parse(fs.readFileSync(file!, 'utf8'))).toEqual({ok: false});
  });

  it('falsy values are cached too (only undefined is a miss)', async () => {
    const site = freshSite();
    const cache = createContentCache<number | string | null | boolean>(site, 'ns', '1');
    for (const [key, value] of [['zero', 0], ['empty', ''], ['null', null], ['false', false]] as const) {
      let calls = 0;
      await cache.getOrCompute(key, () => (calls++, value));
      expect(await cache.getOrCompute(key, () => (calls++, 'recomputed'))).toBe(value);
      expect(calls).toBe(1);
    }
  });

  it('concurrent writes of the same key (two files with the same content) do not fail', async () => {
    const site = freshSite();
    const cache = createContentCache<string>(site, 'ns', '1');
    await Promise.all(Array.from({length: 10}, (_, i) => cache.set('same', `v${i}`)));
    expect(await cache.get('same')).toMatch(/^v\d$/);
    const values = await Promise.all(Array.from({length: 10}, () => cache.getOrCompute('other', async () => 'x'.repeat(100_000))));
    expect(new Set(values)).toEqual(new Set(['x'.repeat(100_000)]));
    expect(entryFiles(site, 'ns')).toHaveLength(2);
  });

  it('no temporary file is left behind', async () => {
    const site = freshSite();
    await createContentCache<string>(site, 'ns', '1').set('k', 'v');
    const all = fs.readdirSync(path.join(site, '.docs-architect', 'cache', 'ns'), {recursive: true, encoding: 'utf8'});
    expect(all.filter((name) => name.endsWith('.tmp'))).toEqual([]);
  });
});

describe('jsonPieces', () => {
  it('gives JSON.stringify’s text, byte for byte, in more than one piece', () => {
    const value = {
      a: [1, 'two', null, undefined, {deep: {deeper: {deepest: [true, false, {x: 'é"\n'}]}}}],
      skipped: undefined,
      date: new Date(0),
      'key "quoted"': {n: -0.5, e: 1e21, nested: [[[[[1]]]]]},
      empty: {},
      list: [],
    };
    const pieces = [...jsonPieces(value)];
    expect(pieces.length).toBeGreaterThan(10);
    expect(pieces.join('')).toBe(JSON.stringify(value));
    expect([...jsonPieces('text')].join('')).toBe('"text"');
  });
});
