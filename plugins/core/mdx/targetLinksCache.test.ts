import fs from 'node:fs';
import path from 'node:path';
import {describe, expect, it} from 'vitest';
import {tempBase} from '../../../test/gitRepo';
import {WORK_DIR} from '../generatedFiles';
import {checkTargetLinks} from './targetLinks';
import {createTargetLinkChecker} from './targetLinksCache';

describe('the cached target link check', () => {
  const text = 'See ![the flow](./flow.png) and [the guide](../guide.md).\n';
  const options = (files: string[]) => ({source: 'docs/adr/0001.md', exists: (file: string) => files.includes(file), replace: 'missing' as const});

  it('gives what checkTargetLinks gives, from the cache on the next run, until a named file appears', async () => {
    const siteDir = tempBase('target-links-cache');
    const first = await createTargetLinkChecker(siteDir);
    const missing = first.check(text, options(['docs/guide.md']));
    expect(missing).toEqual(checkTargetLinks(text, options(['docs/guide.md'])));
    expect(missing.problems.map((problem) => problem.path)).toEqual(['docs/adr/flow.png']);
    await first.save();

    const second = await createTargetLinkChecker(siteDir);
    const stored = JSON.parse(fs.readFileSync(path.join(siteDir, WORK_DIR, 'cache', 'target-links.json'), 'utf8'));
    expect(Object.keys(stored.entries)).toHaveLength(1);
    const again = second.check(text, options(['docs/guide.md']));
    expect(again).toEqual(missing);
    // The image's file now exists: the entry no longer holds, and the problem is gone.
    const found = second.check(text, options(['docs/guide.md', 'docs/adr/flow.png']));
    expect(found.problems).toEqual([]);
    expect(found).toEqual(checkTargetLinks(text, options(['docs/guide.md', 'docs/adr/flow.png'])));
  });
});
