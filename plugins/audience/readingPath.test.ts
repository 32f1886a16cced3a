import {describe, expect, it} from 'vitest';
import {groupByLevel, orderReadingPath, totalMinutes} from './readingPath';
import type {PageEntry} from './types';
import type {Level} from './vocabulary';

function page(permalink: string, order: number, audience: string[], level?: [Level, Level?], minutes = 5): PageEntry {
  return {
    permalink,
    title: permalink,
    section: 'Guides',
    order,
    facts: {
      audience,
      primaryAudience: audience,
      readingTime: {minutes, computed: true},
      maintainers: [],
      ...(level ? {level: {from: level[0], to: level[1] ?? level[0]}} : {}),
    },
  };
}

const pages = [
  page('/runbook/', 1, ['sre'], ['advanced'], 12),
  page('/intro/', 2, ['everyone'], ['beginner'], 3),
  page('/deploy/', 3, ['sre', 'backend'], ['intermediate'], 8),
  page('/api/', 4, ['backend'], ['beginner']),
  page('/setup/', 5, ['sre'], ['beginner', 'intermediate'], 6),
  page('/alerts/', 6, ['sre'], ['beginner'], 4),
  page('/untagged/', 7, []),
  page('/no-level/', 8, ['sre'], undefined, 2),
];

describe('orderReadingPath', () => {
  const path = orderReadingPath(pages, 'sre');

  it('keeps the audience pages and the pages for everyone, not untagged ones or other audiences', () => {
    expect(path.map((p) => p.permalink).sort()).toEqual(['/alerts/', '/deploy/', '/intro/', '/no-level/', '/runbook/', '/setup/']);
  });

  it('orders beginner to advanced, ranges after their lower level, the author order within a level, no level last', () => {
    expect(path.map((p) => p.permalink)).toEqual(['/intro/', '/alerts/', '/setup/', '/deploy/', '/runbook/', '/no-level/']);
  });

  it('does not depend on the input order', () => {
    expect(orderReadingPath([...pages].reverse(), 'sre')).toEqual(path);
  });

  it('groups consecutive pages by starting level with their minutes, and the total adds up', () => {
    const steps = groupByLevel(path);
    expect(steps.map((s) => [s.level, s.pages.length, s.minutes])).toEqual([
      ['beginner', 3, 13],
      ['intermediate', 1, 8],
      ['advanced', 1, 12],
      [undefined, 1, 2],
    ]);
    expect(totalMinutes(path)).toBe(35);
    expect(steps.reduce((sum, s) => sum + s.minutes, 0)).toBe(totalMinutes(path));
  });
});
