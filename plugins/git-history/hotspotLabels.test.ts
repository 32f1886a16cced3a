import {describe, expect, it} from 'vitest';
import {distinctSuffixes} from './renderHotspots';

describe('hot spot chart labels', () => {
  it('tells files of the same name apart with as much of their path as it takes', () => {
    expect(distinctSuffixes(['README.md', 'docs/README.md', 'src/a/index.ts', 'src/b/index.ts', 'package.json'])).toEqual([
      'README.md',
      'docs/README.md',
      'a/index.ts',
      'b/index.ts',
      'package.json',
    ]);
    expect(new Set(distinctSuffixes(['x/y/z.ts', 'w/y/z.ts', 'z.ts'])).size).toBe(3);
  });
});
