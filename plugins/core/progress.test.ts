import {describe, expect, it} from 'vitest';
import {createProgress, formatDuration, progressLevel, type ProgressStream} from './progress';
import {sectionCounts} from './sectionCounts';

/** A stream that records what was written, and a clock the test moves. */
function recorder(isTTY = false) {
  const written: string[] = [];
  const stream: ProgressStream = {isTTY, write: (text: string) => written.push(text)};
  let time = 0;
  return {stream, written, now: () => time, advance: (ms: number) => (time += ms)};
}

describe('progress lines', () => {
  it('prints one plain line per phase with its counts and time when not on a terminal', async () => {
    const out = recorder();
    const progress = createProgress({level: 'normal', stream: out.stream, now: out.now});
    const result = await progress.phase('Code reference', async () => {
      out.advance(4300);
      return {files: 186, symbols: 379};
    }, (done) => `${done.files} files, ${done.symbols} symbols`);
    expect(result.files).toBe(186);
    expect(out.written).toEqual(['Code reference: 186 files, 379 symbols, 4.3 s\n']);
  });

  it('keeps steps for --verbose, prints nothing with --quiet, and counts time spent before the phase', async () => {
    for (const [level, lines] of [['quiet', 0], ['normal', 1], ['verbose', 3]] as const) {
      const out = recorder();
      const progress = createProgress({level, stream: out.stream, now: out.now});
      await progress.phase('openapi: reading', async () => out.advance(50), undefined, {verbose: true});
      await progress.phase('History', async () => out.advance(900), () => '12 commits', {extraMs: 1200});
      progress.detail('cache: 3 hits');
      expect(out.written, level).toHaveLength(lines);
      if (level !== 'quiet') expect(out.written).toContain('History: 12 commits, 2.1 s\n');
    }
  });

  it('shows a live line on a terminal for a long phase, then leaves only the final line', async () => {
    const written: string[] = [];
    const stream = {isTTY: true, columns: 80, write: (text: string) => written.push(text)};
    const progress = createProgress({level: 'normal', stream, liveAfter: 10});
    await progress.phase('Code reference', async (phase) => {
      phase.count(12, 'files parsed');
      await new Promise((resolve) => setTimeout(resolve, 300));
    });
    const text = written.join('');
    expect(text).toContain('Code reference… files parsed: 12');
    expect(text.trimEnd().split('\n').at(-1)).toMatch(/Code reference: 0\.3 s$/);
  });

  it('counts the warnings each phase added, by kind', async () => {
    const warnings: string[] = [];
    const progress = createProgress({level: 'quiet'});
    progress.countWarnings(() => warnings.length);
    await progress.phase('target', async () => warnings.push('a'));
    await progress.phase('Payments', async () => warnings.push('b', 'c'), undefined, {kind: 'openapi'});
    await progress.phase('Orders', async () => warnings.push('d'), undefined, {kind: 'openapi'});
    await progress.phase('History', async () => undefined);
    expect([...progress.warningsByKind]).toEqual([['target', 1], ['openapi', 3]]);
  });

  it('reads its level from the CLI and formats durations', () => {
    expect(progressLevel({DOCS_PROGRESS: 'quiet'})).toBe('quiet');
    expect(progressLevel({DOCS_PROGRESS: 'verbose'})).toBe('verbose');
    expect(progressLevel({})).toBe('normal');
    expect(formatDuration(42)).toBe('42 ms');
    expect(formatDuration(4321)).toBe('4.3 s');
  });
});

describe('section counts', () => {
  it('names the largest lists of the model and the pages written', () => {
    const model = {version: 1, title: 'x', operations: [1, 2, 3], schemas: [1], tags: [], servers: [1, 2], hotSpots: [1, 2, 3, 4]};
    const files = new Map([['a.mdx', ''], ['b/c.md', ''], ['_category_.json', '']]);
    expect(sectionCounts({model, files})).toBe('4 hot spots, 3 operations, 2 servers, 2 pages');
    expect(sectionCounts({model: {version: 1}, files: new Map([['index.mdx', '']])})).toBe('1 page');
    // One of a list: the singular of its name, also for -ies and -es plurals (the progress line read "1 dependencie").
    const single = {version: 1, dependencies: [1], matches: [1], hotSpots: [1]};
    expect(sectionCounts({model: single})).toBe('1 dependency, 1 hot spot, 1 match');
  });
});
