/**
 * The run store (docs/adr/0053): values come back from the next run only under the same namespace
 * version, as copies the caller may change; nothing is kept while no store is open; a corrupt file
 * is an empty store.
 */
import fs from 'node:fs';
import path from 'node:path';
import {describe, expect, it} from 'vitest';
import {tempBase} from '../../test/gitRepo';
import {WORK_DIR} from './generatedFiles';
import {openRunStore, remembered, rememberedAsync, runStoreOpen} from './runStore';

/** Runs `work` with the store open, as `check` does, and counts how often it computed. */
async function run(siteDir: string, version: string, work: (compute: () => {tree: {at: Date; list: (string | undefined)[]}}) => unknown): Promise<number> {
  let computed = 0;
  const store = await openRunStore(siteDir, [{name: 'test-values', version: () => version}]);
  await work(() => {
    computed += 1;
    return {tree: {at: new Date(Date.UTC(2026, 10, 27)), list: ['a', undefined]}};
  });
  await store.close();
  return computed;
}

describe('the run store', () => {
  it('computes every time while no store is open, and keeps nothing', async () => {
    const siteDir = tempBase('run-store');
    let computed = 0;
    expect(runStoreOpen()).toBe(false);
    for (let i = 0; i < 2; i += 1) remembered('test-values', 'k', () => (computed += 1));
    expect(computed).toBe(2);
    expect(fs.existsSync(path.join(siteDir, WORK_DIR))).toBe(false);
  });

  it('gives the next run a copy of the value, dates and undefined included, and a new version misses', async () => {
    const siteDir = tempBase('run-store');
    const seen: unknown[] = [];
    const read = (compute: () => {tree: {at: Date; list: (string | undefined)[]}}) => {
      const value = remembered('test-values', 'k', compute);
      seen.push(structuredClone(value));
      value.tree.list.push('changed by the caller'); // must not reach the store
    };
    expect(await run(siteDir, 'v1', read)).toBe(1);
    expect(await run(siteDir, 'v1', read)).toBe(0);
    expect(seen[1]).toEqual(seen[0]);
    expect((seen[1] as {tree: {at: Date}}).tree.at).toBeInstanceOf(Date);
    expect((seen[1] as {tree: {list: unknown[]}}).tree.list).toEqual(['a', undefined]);
    expect(await run(siteDir, 'v2', read)).toBe(1);
    expect(runStoreOpen()).toBe(false);
  });

  it('keeps an asynchronous value, and only the entries the last run used', async () => {
    const siteDir = tempBase('run-store');
    const both = async (compute: () => unknown) => {
      await rememberedAsync('test-values', 'a', async () => compute());
      await rememberedAsync('test-values', 'b', async () => compute());
    };
    expect(await run(siteDir, 'v1', both)).toBe(2);
    expect(await run(siteDir, 'v1', (compute) => rememberedAsync('test-values', 'a', async () => compute()))).toBe(0);
    // 'b' was not used by the last run: it is gone.
    expect(await run(siteDir, 'v1', both)).toBe(1);
  });

  it('starts empty from a corrupt file, without an error', async () => {
    const siteDir = tempBase('run-store');
    const read = (compute: () => unknown) => remembered('test-values', 'k', compute);
    expect(await run(siteDir, 'v1', read)).toBe(1);
    fs.writeFileSync(path.join(siteDir, WORK_DIR, 'cache', 'test-values.v8'), 'not V8 data');
    expect(await run(siteDir, 'v1', read)).toBe(1);
    expect(await run(siteDir, 'v1', read)).toBe(0);
  });

  it('computes again a value V8 cannot copy', async () => {
    const siteDir = tempBase('run-store');
    const withFunction = (compute: () => unknown) => remembered('test-values', 'f', () => ({compute: (compute(), () => 1)}));
    expect(await run(siteDir, 'v1', withFunction)).toBe(1);
    expect(await run(siteDir, 'v1', withFunction)).toBe(1);
  });
});
