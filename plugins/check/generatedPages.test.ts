/**
 * The line scan of generated pages finds the links a page really has: Markdown links, JSX `href`s and
 * components' JSON `href`s, and not the text of a code span or of a target's HTML the writer escaped.
 */
import {describe, expect, it} from 'vitest';
import {scanGeneratedPage} from './generatedPages';

describe('the generated page scan', () => {
  it('reads links, and leaves code spans and escaped tags as the text they are', async () => {
    const page = [
      '---',
      'title: X',
      '---',
      '',
      '# X',
      '',
      'See [a](/api/a/) and <a href="/api/b/">b</a>.',
      'Quoted: `<a href="/nowhere/">x</a>` and \\<a href="https\\://github.com/o/r/pull/9" target="\\_blank">#9\\</a>.',
      '<Snippet code={[{"href": "/api/c/#C"}]} />',
    ].join('\n');
    const {links} = await scanGeneratedPage('x.mdx', page);
    expect(links.map((link) => link.url)).toEqual(['/api/a/', '/api/b/', '/api/c/#C']);
    expect(links.map((link) => link.line)).toEqual([7, 7, 9]);
  });
});
