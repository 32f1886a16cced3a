import {describe, expect, it} from 'vitest';
import {countWords, estimateReadingTime, SECONDS_PER_CODE_LINE} from './readingTime';

const words = (n: number) => Array.from({length: n}, (_, i) => `word${i}`).join(' ');

describe('estimateReadingTime', () => {
  it('reads prose at the given speed', () => {
    expect(estimateReadingTime(words(440)).minutes).toBe(2);
    expect(estimateReadingTime(words(440), {wordsPerMinute: 110}).minutes).toBe(4);
    expect(estimateReadingTime(words(440)).words).toBe(440);
  });

  it('counts code by lines, not words, and skips blank lines', () => {
    const code = ['```ts', ...Array.from({length: 40}, (_, i) => (i % 2 ? '' : `const value${i} = compute(a, b, c, d, e, f);`)), '```'].join('\n');
    const time = estimateReadingTime(code);
    expect(time).toMatchObject({words: 0, codeLines: 20});
    expect(time.minutes).toBe(Math.round((20 * SECONDS_PER_CODE_LINE) / 60));
  });

  it('weighs a code line more than a line of prose of the same words', () => {
    const line = 'server listen port host options callback';
    const asProse = estimateReadingTime(Array.from({length: 200}, () => line).join('\n\n'));
    const asCode = estimateReadingTime(['```', ...Array.from({length: 200}, () => line), '```'].join('\n'));
    expect(asCode.minutes).toBeGreaterThan(asProse.minutes);
  });

  it('counts a diagram and an image as figures, not as text', () => {
    const time = estimateReadingTime('```mermaid\nflowchart LR\n  a --> b\n```\n\n![A chart](chart.png)\n');
    expect(time).toMatchObject({figures: 2, codeLines: 0, words: 0});
  });

  it('ignores MDX imports, JSX tags and link targets', () => {
    const time = estimateReadingTime(
      "import Tabs from '@theme/Tabs';\nimport {\n  Thing,\n} from './thing';\n\n<Tabs>\n\nOne two [three](https://example.com/a/very/long/path) four.\n",
    );
    expect(time.words).toBe(4);
  });

  it('does not take `import` inside a code block for ESM', () => {
    expect(estimateReadingTime("```js\nimport a from 'a';\n\nconsole.log(a);\n```\n").codeLines).toBe(2);
  });

  it('counts words of languages written without spaces', () => {
    expect(estimateReadingTime('日本語の文章を読む時間を計算します。', {locale: 'ja'}).words).toBeGreaterThan(3);
  });

  it('is zero for an empty page and at least a minute otherwise', () => {
    expect(estimateReadingTime('').minutes).toBe(0);
    expect(estimateReadingTime('Hello.').minutes).toBe(1);
  });

  it('counts every word of a page as long as a large generated reference page, none split where it is cut', () => {
    // 540 KB of prose in one paragraph: one Intl.Segmenter call over it would take minutes.
    const sentence = 'The parser returns a typed result or throws a ZodError. ';
    const page = sentence.repeat(10_000);
    expect(estimateReadingTime(page).words).toBe(10 * 10_000);
  });

  it('counts the same words in a long text whether or not it has to cut it', () => {
    const segmenter = new Intl.Segmenter('en', {granularity: 'word'});
    const text = Array.from({length: 900}, (_, i) => `word${i} und-so-weiter`).join(' ');
    let whole = 0;
    for (const segment of segmenter.segment(text)) if (segment.isWordLike) whole++;
    expect(text.length).toBeGreaterThan(4000);
    expect(countWords(text, segmenter)).toBe(whole);
  });
});
