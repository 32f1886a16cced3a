/**
 * The coverage chart of a code reference with many modules: folders of modules, summed, instead of
 * the twelve lowest modules (which on a real repository are all at 0% and say nothing of the rest);
 * parsed by Mermaid's own parser.
 */
import {describe, expect, it} from 'vitest';
import {parseDiagrams} from '../core/mermaid/check';
import type {Coverage, CoverageRow} from './coverage';
import {CHART_BARS, coverageByFolder, coverageChart} from './renderQualityCharts';

const row = (name: string, documented: number, total: number): CoverageRow => ({name, documented, total, missing: []});

/** 8 plugin folders of 3 modules each (plugin i documents i of its 3 × 2 exports), a root module, and plugin 1's index. */
function manyModules(): CoverageRow[] {
  const rows = [row('index', 1, 1), row('plugins/p1', 1, 1)];
  for (let i = 0; i < 8; i++) for (const file of ['a', 'b', 'c']) rows.push(row(`plugins/p${i}/extract/${file}`, file === 'a' ? Math.min(i, 2) : 0, 2));
  return rows;
}

const coverage = (modules: CoverageRow[], packages: CoverageRow[] = [row('one', 1, 2)]): Coverage => ({section: 'code', total: row('all', 0, 0), packages, modules});

describe('the coverage chart', () => {
  it('sums modules by folder at the shallowest depth with enough folders', () => {
    const folders = coverageByFolder(manyModules());
    // Depth 1 gives `index` and `plugins/` (2 rows, under CHART_BARS / 2); depth 2 gives 9: the root
    // module `index`, with no folder of that name, stays a row.
    expect(folders.map((folder) => folder.name)).toEqual(['index', ...Array.from({length: 8}, (_, i) => `plugins/p${i}/`)]);
    // plugins/p1 is its folder's index (plugins/p1/index.ts): counted with the folder, not a row of its own.
    expect(folders.find((folder) => folder.name === 'plugins/p1/')).toMatchObject({documented: 2, total: 7});
    expect(folders.reduce((sum, folder) => sum + folder.total, 0)).toBe(50);
  });

  it('charts folders past CHART_BARS modules, and modules up to it', async () => {
    const many = coverageChart(coverage(manyModules()), 0.5)!;
    expect(manyModules().length).toBeGreaterThan(CHART_BARS);
    expect(many).toContain('accTitle: Documented exports by folder');
    expect(many).toContain('for each folder of modules, lowest first');
    // p0 (0 of 6) first, index (1 of 1) last.
    expect(many).toMatch(/x-axis \["plugins\/p0\/", .*"index"\]/);
    const few = coverageChart(coverage(manyModules().slice(0, CHART_BARS)), 0.5)!;
    expect(few).toContain('accTitle: Documented exports by module');
    const packages = coverageChart(coverage(manyModules(), [row('one', 1, 2), row('two', 2, 2)]), 0.5)!;
    expect(packages).toContain('accTitle: Documented exports by package');
    expect(await parseDiagrams([many, few, packages])).toEqual([undefined, undefined, undefined]);
  });
});
