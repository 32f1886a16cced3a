import {describe, expect, it} from 'vitest';
import {markdownRoute} from './llms';
import {pageToMarkdown} from './toMarkdown';

describe('pageToMarkdown', () => {
  it('keeps text, tables and code; drops imports, expressions, JSX tags and front matter', () => {
    const mdx = [
      '---',
      'title: "Pets"',
      '---',
      "import Tabs from '@theme/Tabs';",
      '',
      '# List pets {#list}',
      '',
      '<MethodEndpoint method={"get"} path={"/pets"} context={"endpoint"} />',
      '',
      '<Admonition type={"caution"} title={"Deprecated"}>',
      '',
      'Use **search** instead.',
      '',
      '</Admonition>',
      '',
      'Value {1 + 1} here.',
      '',
      '| a | b |',
      '| - | - |',
      '| 1 | 2 |',
      '',
      '```ts',
      'const x = <T,>(y: T) => y;',
      '```',
      '',
      '<ApiSignature code={["function f(", {"text": "A", "href": "/api/#A"}, "): void"]} />',
      '',
    ].join('\n');
    const markdown = pageToMarkdown(mdx, 'mdx', 'Pets');
    expect(markdown).toBe(
      [
        '# List pets',
        '',
        '`GET /pets`',
        '',
        '> **Deprecated**',
        '>',
        '> Use **search** instead.',
        '',
        'Value  here.',
        '',
        '| a | b |',
        '| - | - |',
        '| 1 | 2 |',
        '',
        '```ts',
        'const x = <T,>(y: T) => y;',
        '```',
        '',
        '```ts',
        'function f(A): void',
        '```',
        '',
      ].join('\n'),
    );
    expect(markdown).not.toMatch(/import|<Method|<Admonition|title:/);
  });

  it('reads .md files as CommonMark, drops raw HTML and adds the title when the page has none', () => {
    const markdown = pageToMarkdown('---\nid: x\n---\nSome {braces} and <b>bold</b>.\n\n<script>alert(1)</script>\n', 'md', 'Page');
    expect(markdown).toBe('# Page\n\nSome {braces} and bold.\n');
  });

  it('shows resolved citations as their code or their link text, and a broken one as such', () => {
    const mdx = [
      '# Guide',
      '',
      '<CodeSnippet path={"a.ts"} code={"const a = 1;"} language={"ts"} resolved={true} />',
      '',
      '<CodeSnippet path={"b.ts"} broken={"the file \\"b.ts\\" is not in the repository"} resolved={true} />',
      '',
      'See <SymbolLink name={"a"} to={"/api/#a"} label={"a"} resolved={true} />, <ApiOperation id={"list"} to={"/x/"} method={"GET"} path={"/pets"} resolved={true} /> and <EnvVar name={"PORT"} to={"/ops/#port"} resolved={true}>the port</EnvVar>.',
      '',
    ].join('\n');
    expect(pageToMarkdown(mdx, 'mdx', 'Guide')).toBe(
      '# Guide\n\n```ts\nconst a = 1;\n```\n\n`Citation broken: the file "b.ts" is not in the repository`\n\nSee `a`, `GET /pets` and the port.\n',
    );
  });

  it('routes: /a/b/ is copied to /a/b.md, the root to /index.md', () => {
    expect(markdownRoute('/api/zod/v4/')).toBe('/api/zod/v4.md');
    expect(markdownRoute('/')).toBe('/index.md');
  });
});
