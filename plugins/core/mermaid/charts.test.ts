/**
 * The chart builders: bar and pie charts whose labels come from the target (module names, page
 * titles), so each label that would be syntax (quotes, brackets, directives, HTML) must come out
 * as text, and every chart must parse with Mermaid's own parser and carry accTitle/accDescr.
 */
import {describe, expect, it} from 'vitest';
import {barChart, pieChart} from './build';
import {parseDiagrams} from './check';

const HOSTILE = ['a"]-->b', '%%{init: {"theme":"dark"}}%%', '<script>alert(1)</script>', 'x], bar [1', 'Ünïcødé — title: yes', ''];

describe('the chart builders', () => {
  it('write bar charts with a level line, and pies, that Mermaid parses whatever the labels', async () => {
    const bar = barChart({title: 'Coverage "by" module', description: 'Shares; the line is 50%', labels: HOSTILE, bars: [0, 12.345, 100, 50, 7, 3], axis: 'Percent (%)', max: 100, line: 50});
    const vertical = barChart({title: 'Grades', description: 'Two', labels: ['a', 'b'], bars: [3, -1], axis: 'Grade', max: 10, vertical: true});
    const pie = pieChart({title: 'Pages: by freshness', description: 'Three states', slices: HOSTILE.map((label, i) => ({label, value: i}))});
    const charts = [bar, vertical, pie];
    expect(await parseDiagrams(charts)).toEqual([undefined, undefined, undefined]);
    for (const chart of charts) {
      expect(chart).toMatch(/^ {2}accTitle: \S/m);
      expect(chart).toMatch(/^ {2}accDescr: \S/m);
      // Nothing of the labels survives as syntax: no directive, no tag.
      expect(chart).not.toMatch(/%%|<|init:/);
    }
    // Each label is a quoted run of letters, digits, spaces and `._@/+-`, so no label ends early.
    const labels = /x-axis \[(.*)\]/.exec(bar)![1]!.split(', ');
    expect(labels).toHaveLength(6);
    for (const label of labels) expect(label).toMatch(/^"[\p{L}\p{N} ._@/+-]+"$/u);
    expect(bar).toContain('bar [0, 12.3, 100, 50, 7, 3]');
    expect(bar).toContain('line [50, 50, 50, 50, 50, 50]');
    expect(bar).toContain('xychart-beta horizontal');
    expect(vertical).toMatch(/^xychart-beta$/m);
    // The slice of 0 is left out; the others keep their order.
    expect(pie.split('\n').filter((line) => /^ {2}"/.test(line))).toHaveLength(5);
  });

  it('refuse a chart with nothing to draw', () => {
    expect(() => barChart({title: 't', description: 'd', labels: ['a'], bars: [], axis: 'x', max: 1})).toThrow(/one label per bar/);
    expect(() => pieChart({title: 't', description: 'd', slices: [{label: 'a', value: 0}]})).toThrow(/a slice above 0/);
  });
});
