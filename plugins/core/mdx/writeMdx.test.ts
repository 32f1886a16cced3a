/**
 * The MDX writer against text that MDX, Markdown, GFM and Docusaurus would all like to interpret.
 * Every page goes the way Docusaurus takes it: front matter read by Docusaurus's own parser, the body
 * through its `mdx-code-block` unwrapping, then MDX 3 with GFM and directives. The result is rendered
 * to HTML, and parsed back to mdast, so text must come out as the same text and nothing else.
 */
import {createRequire} from 'node:module';
import {evaluate} from '@mdx-js/mdx';
import {DEFAULT_PARSE_FRONT_MATTER, unwrapMdxCodeBlocks} from '@docusaurus/utils';
import type {Code, InlineCode, Nodes, Paragraph, Root, RootContent, Table} from 'mdast';
import type {MdxJsxFlowElement} from 'mdast-util-mdx-jsx';
import {directiveFromMarkdown} from 'mdast-util-directive';
import {fromMarkdown} from 'mdast-util-from-markdown';
import {gfmFromMarkdown} from 'mdast-util-gfm';
import {mdxFromMarkdown} from 'mdast-util-mdx';
import {toString} from 'mdast-util-to-string';
import {directive} from 'micromark-extension-directive';
import {gfm} from 'micromark-extension-gfm';
import {mdxjs} from 'micromark-extension-mdxjs';
import {createElement, Fragment, type ReactNode} from 'react';
import * as runtime from 'react/jsx-runtime';
import remarkDirective from 'remark-directive';
import remarkGfm from 'remark-gfm';
import {visit} from 'unist-util-visit';
import {describe, expect, it} from 'vitest';
import {code, emphasis, heading, inlineCode, jsxFlow, jsxText, link, list, paragraph, strong, table, text} from './build';
import {serializeMdx, writeMdx, type MdxPage} from './writeMdx';

// react-dom ships no types in this project; only this one function is needed.
const {renderToStaticMarkup} = createRequire(import.meta.url)('react-dom/server') as {
  renderToStaticMarkup: (element: ReactNode) => string;
};

/** Hostile anywhere in a line. */
const INLINE = [
  '{ } {a: 1} {{x}} }{ {/* c */}',
  '< > </div> <div> <Comp /> <br/>',
  '<script>alert(1)</script>',
  '<img src=x onerror=alert(1)>',
  '`tick` ``double`` ``` ```` ~~~',
  '&amp; &lt; &#123; &#x7B; &copy &nbsp;',
  'a | b || c \\| d',
  '$x $$y$$ \\(z\\)',
  'back\\slash \\{ \\* \\\\ \\` \\',
  '*em* _em_ **strong** ~~del~~ [link](http://x) ![img](y) [ref][] [^1]',
  'Note:Important :smile: a:b[label]{#id} 10:30',
  '<!-- comment --> <!DOCTYPE html> <?php ?> <![CDATA[x]]>',
  "import x from 'y'; export const a = 1",
  'quotes " \' \u2019 and unicode caf\u00e9 \u{1F600} \u00a0nbsp',
];

/** Hostile at the start of a line (each is one line of a paragraph). */
const LINE_START = [
  "import x from 'y'",
  'export const a = 1',
  'export default function X() {}',
  'import{a}from"b"',
  '# not a heading',
  '###### nor this',
  '> not a quote',
  '- not a list',
  '* not a list',
  '+ not a list',
  '1. not a list',
  '1) not a list',
  '- [ ] not a task',
  '---',
  '===',
  '***',
  '___',
  '```js',
  '~~~',
  ':::danger Not an admonition',
  '::leaf[not a directive]',
  ':::',
  '<div>',
  '</div>',
  '<Comp prop={1} />',
  '{expression}',
  '|a|b|',
  '|-|-|',
  '[x]: http://not-a-definition',
  '[^1]: not a footnote',
  '<!-- not a comment -->',
  '<script>alert(1)</script>',
  'ends with a backslash\\',
];

const ONE_LINE = INLINE.join(' ');
const MULTI_LINE = [...LINE_START, ...INLINE].join('\n');

/** Text as React writes it into HTML. */
function esc(value: string): string {
  return value
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#x27;');
}

function unesc(value: string): string {
  return value
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#x27;/g, "'")
    .replace(/&amp;/g, '&');
}

/** Renders its props as JSON text, so a test can read back exactly what MDX passed. */
function Comp(props: {children?: ReactNode} & Record<string, unknown>) {
  const {children, ...rest} = props;
  return createElement('output', null, JSON.stringify(rest), children);
}

/** Docusaurus turns a simple `:name` text directive back into text (remark/unusedDirectives). */
function restoreSimpleTextDirectives() {
  return (tree: Root) => {
    visit(tree, 'textDirective', (node, index, parent) => {
      if (node.children.length === 0 && Object.keys(node.attributes ?? {}).length === 0 && parent && index !== undefined) {
        parent.children.splice(index, 1, {type: 'text', value: `:${node.name}`});
      }
    });
  };
}

interface Rendered {
  frontMatter: Record<string, unknown>;
  /** The MDX body, as Docusaurus hands it to MDX. */
  body: string;
  html: string;
  /** The body parsed back to mdast (MDX + GFM + directives), without positions. */
  tree: Root;
}

/** What Docusaurus does with a generated page, up to static HTML. */
async function render(mdx: string): Promise<Rendered> {
  const {frontMatter, content} = await DEFAULT_PARSE_FRONT_MATTER({filePath: 'page.mdx', fileContent: mdx});
  const body = unwrapMdxCodeBlocks(content);
  const {default: Content} = await evaluate(body, {
    ...(runtime as unknown as {Fragment: typeof Fragment; jsx: never; jsxs: never}),
    remarkPlugins: [remarkGfm, remarkDirective, restoreSimpleTextDirectives],
  });
  const html = renderToStaticMarkup(createElement(Content, {components: {Comp}}));
  return {frontMatter, body, html, tree: parse(body)};
}

function parse(body: string): Root {
  const tree = fromMarkdown(body, {
    extensions: [mdxjs(), gfm(), directive()],
    mdastExtensions: [mdxFromMarkdown(), gfmFromMarkdown(), directiveFromMarkdown()],
  });
  restoreSimpleTextDirectives()(tree);
  visit(tree, (node) => {
    delete node.position;
    if ('data' in node) delete node.data;
    // Restored directives leave text split in pieces; join them as one text, as HTML would.
    if ('children' in node) {
      node.children = (node.children as RootContent[]).reduce<RootContent[]>((joined, child) => {
        const last = joined.at(-1);
        if (last?.type === 'text' && child.type === 'text') last.value += child.value;
        else joined.push(child);
        return joined;
      }, []) as never;
    }
  });
  return tree;
}

function tagsOf(html: string): string[] {
  return [...new Set([...html.matchAll(/<\/?([a-zA-Z][^\s/>]*)/g)].map((match) => match[1]!.toLowerCase()))].sort();
}

function nodesOf<T extends Nodes['type']>(tree: Root, type: T): Extract<Nodes, {type: T}>[] {
  const found: Extract<Nodes, {type: T}>[] = [];
  visit(tree, type, (node) => {
    found.push(node as Extract<Nodes, {type: T}>);
  });
  return found;
}

/** Strips the Markdown of everything but the line break, then renders; for one node. */
async function renderOne(node: RootContent): Promise<Rendered> {
  return render(writeMdx({children: [node]}));
}

const CODE_VALUES = [
  '```\nunclosed fence\n````js\n~~~\n`````',
  "import x from 'y'\nexport const a = 1\n{expression} </code></pre> <div>\n:::danger\n",
  '  leading spaces\n\ttab\n\ntrailing spaces   \n\n\nblank lines above',
  '',
  '\n',
  'ends with a newline\n',
  ONE_LINE,
  MULTI_LINE,
];

describe('writeMdx: hostile text stays text', () => {
  it('a paragraph of hostile lines renders as exactly that text, and nothing else', async () => {
    const {html, tree} = await renderOne(paragraph(MULTI_LINE));
    expect(html).toBe(`<p>${esc(MULTI_LINE)}</p>`);
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).not.toMatch(/<(script|img|div|comp|br|h\d|ul|ol|li|blockquote|table|hr|pre|code|a|em|strong|del)\b/i);
    // Parsed back: one paragraph of text, no ESM, JSX, expression or directive node anywhere.
    expect(tree.children.map((node) => node.type)).toEqual(['paragraph']);
    expect(toString(tree)).toBe(MULTI_LINE);
    expect(nodesOf(tree, 'text').length).toBeGreaterThan(0);
    for (const type of ['mdxjsEsm', 'mdxJsxFlowElement', 'mdxJsxTextElement', 'mdxFlowExpression', 'mdxTextExpression', 'html', 'link', 'image', 'inlineCode', 'emphasis', 'strong', 'delete'] as const) {
      expect(nodesOf(tree, type), type).toEqual([]);
    }
  });

  it('import and export at a line start are written so MDX sees words, not ESM', () => {
    const body = serializeMdx({type: 'root', children: [paragraph("import x from 'y'\nexport const a = 1\nimportant exports")]});
    expect(body).not.toMatch(/^(import|export)\s/m);
    expect(body).toContain('important exports'); // only the ESM keywords are touched
  });

  it('directive markers at a line start are escaped; a colon inside a line is left alone', () => {
    const body = serializeMdx({type: 'root', children: [paragraph(':::danger Title\n::leaf\nkey:value')]});
    expect(body).toBe('\\:::danger Title\n\\::leaf\nkey:value\n');
  });

  it('a one-line hostile heading renders as that text, at its depth', async () => {
    for (const depth of [1, 2, 3, 6] as const) {
      const {html, tree} = await renderOne(heading(depth, ONE_LINE));
      expect(html).toBe(`<h${depth}>${esc(ONE_LINE)}</h${depth}>`);
      expect(tree.children).toEqual([{type: 'heading', depth, children: [{type: 'text', value: ONE_LINE}]}]);
    }
  });

  it('a multi-line heading stays one heading: line breaks become spaces, in text and in inline code', async () => {
    const {html} = await renderOne(heading(3, 'first\nsecond\r\nthird\rfourth ', inlineCode('a\nb'), strong('c\nd')));
    expect(html).toBe('<h3>first second third fourth <code>a b</code><strong>c d</strong></h3>');
  });

  it('inline code keeps every character, backticks and spaces included', async () => {
    const values = [ONE_LINE, '`', '``', ' `a` ', '`leading', 'trailing`', '  two spaces  ', 'a | b', '<div>', '{x}'];
    const {html, tree} = await renderOne(paragraph(...values.flatMap((value, i) => [...(i ? [text(' ')] : []), inlineCode(value)])));
    expect(nodesOf(tree, 'inlineCode').map((node: InlineCode) => node.value)).toEqual(values);
    expect(html).toBe(`<p>${values.map((value) => `<code>${esc(value)}</code>`).join(' ')}</p>`);
  });

  it('code blocks round-trip exactly, whatever fences, ESM or markup they hold', async () => {
    const page = writeMdx({children: CODE_VALUES.map((value, i) => code(value, i % 2 ? 'ts' : undefined))});
    const {html, tree} = await render(page);
    const blocks = nodesOf(tree, 'code');
    expect(blocks.map((node: Code) => node.value)).toEqual(CODE_VALUES);
    expect(blocks.map((node: Code) => node.lang)).toEqual(CODE_VALUES.map((_, i) => (i % 2 ? 'ts' : null)));
    expect(tree.children.every((node) => node.type === 'code')).toBe(true);
    expect(tagsOf(html)).toEqual(['code', 'pre']);
    for (const value of CODE_VALUES.filter(Boolean)) expect(html).toContain(esc(value));
  });

  it('a fence whose language is mdx-code-block is not unwrapped into raw MDX by Docusaurus', async () => {
    const value = '<script>alert(1)</script>\nimport x from "y"';
    const {html, body, tree} = await renderOne(code(value, 'mdx-code-block'));
    expect(body).toContain(value); // still inside a fence after unwrapMdxCodeBlocks
    expect(nodesOf(tree, 'code')).toEqual([{type: 'code', lang: 'mdx-code-block', meta: null, value}]);
    expect(html).toBe(`<pre><code class="language-mdx-code-block">${esc(value)}\n</code></pre>`);
  });

  it('language and meta of a code block keep their text', async () => {
    const {tree} = await renderOne(code('x', 'js', 'title="a `b` {c}" {1,3}'));
    expect(nodesOf(tree, 'code')).toEqual([{type: 'code', lang: 'js', meta: 'title="a `b` {c}" {1,3}', value: 'x'}]);
  });

  it('table cells hold pipes, newlines and markup as text, in text and inline code', async () => {
    const header = ['A|B', 'multi\nline', ONE_LINE];
    const rows = [
      [ONE_LINE, inlineCode('a|b`c'), inlineCode('x\ny')],
      ['', 'line\r\nbreak', link('https://example.com/a|b', 'pipe | in link\ntext')],
    ];
    const {html, tree} = await renderOne(table(header, rows));
    const parsed = nodesOf(tree, 'table') as Table[];
    expect(parsed).toHaveLength(1);
    expect(parsed[0]!.children.map((row) => row.children.map((cell) => toString(cell)))).toEqual([
      ['A|B', 'multi line', ONE_LINE],
      [ONE_LINE, 'a|b`c', 'x y'],
      ['', 'line break', 'pipe | in link text'],
    ]);
    expect(nodesOf(tree, 'inlineCode').map((node: InlineCode) => node.value)).toEqual(['a|b`c', 'x y']);
    expect(nodesOf(tree, 'link').map((node) => node.url)).toEqual(['https://example.com/a|b']);
    expect(html.startsWith(`<table><thead><tr><th>A|B</th><th>multi line</th><th>${esc(ONE_LINE)}</th></tr></thead>`)).toBe(true);
    expect(tagsOf(html)).toEqual(['a', 'code', 'table', 'tbody', 'td', 'th', 'thead', 'tr']);
  });

  it('list items of hostile text stay items of text, ordered or not', async () => {
    for (const ordered of [false, true]) {
      const items = [ONE_LINE, '- nested?', '1. nested?', ':::note', "import x from 'y'", '   indented'];
      const {html, tree} = await renderOne(list(items.map((item) => [item]), ordered));
      const lists = nodesOf(tree, 'list');
      expect(lists).toHaveLength(1);
      expect(lists[0]!.ordered).toBe(ordered);
      expect(lists[0]!.children.map((item) => toString(item))).toEqual(items);
      expect(tagsOf(html)).toEqual(ordered ? ['li', 'ol'] : ['li', 'ul']);
      expect(html).toContain(`<li>${esc(ONE_LINE)}</li>`);
    }
  });

  it('a list item may hold blocks: a code block and a nested list keep their content', async () => {
    const {tree} = await renderOne(list([[paragraph('p'), code('```\n- x'), list([['inner']])]]));
    expect(nodesOf(tree, 'code').map((node: Code) => node.value)).toEqual(['```\n- x']);
    expect(nodesOf(tree, 'list')).toHaveLength(2);
  });

  it('emphasis, strong and link text keep hostile text as text', async () => {
    const {html} = await renderOne(paragraph(emphasis(ONE_LINE), ' ', strong(ONE_LINE), ' ', link('https://example.com/?q=<x>&a="b"', ONE_LINE)));
    expect(html).toBe(
      `<p><em>${esc(ONE_LINE)}</em> <strong>${esc(ONE_LINE)}</strong> <a href="https://example.com/?q=%3Cx%3E&amp;a=%22b%22">${esc(ONE_LINE)}</a></p>`,
    );
  });
});

describe('writeMdx: JSX props', () => {
  const props = {
    s: `${MULTI_LINE}\n'"\`\${x}\u2028\u2029</output>`,
    o: {nested: [ONE_LINE, {deep: MULTI_LINE}], n: 1.5, b: true, z: null, empty: ''},
    n: -0.25,
    t: false,
    z: null,
    u: undefined,
  };

  it('string, object, number, boolean and null props reach the component unchanged', async () => {
    const {html, tree} = await renderOne(jsxFlow('Comp', props));
    const match = /^<output>([\s\S]*)<\/output>$/.exec(html);
    expect(match).not.toBeNull();
    expect(JSON.parse(unesc(match![1]!))).toEqual(JSON.parse(JSON.stringify(props)));
    expect(tagsOf(html)).toEqual(['output']);
    const [element] = nodesOf(tree, 'mdxJsxFlowElement') as MdxJsxFlowElement[];
    expect(element!.attributes.map((attribute) => (attribute.type === 'mdxJsxAttribute' ? attribute.name : '?'))).toEqual(['s', 'o', 'n', 't', 'z']);
  });

  it('children of a flow element and a text element keep hostile text as text', async () => {
    const {html} = await render(
      writeMdx({
        children: [
          jsxFlow('Comp', {a: '<b>'}, [paragraph(ONE_LINE)]),
          paragraph('before ', jsxText('Comp', {k: '}{'}, [ONE_LINE]), ' after'),
        ],
      }),
    );
    expect(html).toBe(
      `<output>${esc('{"a":"<b>"}')}<p>${esc(ONE_LINE)}</p></output>\n` +
        `<p>before <output>${esc('{"k":"}{"}')}${esc(ONE_LINE)}</output> after</p>`,
    );
  });
});

describe('writeMdx: front matter', () => {
  const tricky = [
    ONE_LINE,
    MULTI_LINE,
    '---',
    'x\n---\ny',
    '2024-01-01',
    '2024-01-01T10:00:00Z',
    '0b101',
    '0o17',
    '0x1F',
    '1e3',
    '017',
    '12:30:00',
    'true',
    'yes',
    'null',
    '~',
    '',
    ' leading and trailing ',
    'a: b',
    '- x',
    '# c',
    '? q',
    '!!binary',
    '&anchor',
    '*alias',
    '<<',
    '%YAML',
    '@at',
    '"double" \'single\'',
    '\\back\\slash',
    'ends with a line separator\u2028',
    'ends with NEL\u0085',
    'tab\there\r\nwindows',
  ];

  it('every string value reads back as the same string with the parser Docusaurus uses', async () => {
    for (const value of tricky) {
      const page = writeMdx({frontMatter: {title: value, description: value}, children: [paragraph('x')]});
      const {frontMatter} = await DEFAULT_PARSE_FRONT_MATTER({filePath: 'page.mdx', fileContent: page});
      expect(frontMatter, JSON.stringify(value)).toEqual({title: value, description: value});
    }
  });

  it('numbers, booleans, null and lists keep their types; undefined keys are left out; order is kept', async () => {
    const page = writeMdx({
      frontMatter: {title: 'T', sidebar_position: 3, hide_title: true, custom_edit_url: null, gone: undefined, tags: ['a', '1', 'b c']},
      children: [paragraph('x')],
    });
    const {frontMatter, content} = await DEFAULT_PARSE_FRONT_MATTER({filePath: 'page.mdx', fileContent: page});
    expect(frontMatter).toEqual({title: 'T', sidebar_position: 3, hide_title: true, custom_edit_url: null, tags: ['a', '1', 'b c']});
    expect(Object.keys(frontMatter)).toEqual(['title', 'sidebar_position', 'hide_title', 'custom_edit_url', 'tags']);
    expect(content).toBe('x');
  });

  it('a hostile title still gives a page that renders', async () => {
    const {frontMatter, html} = await render(writeMdx({frontMatter: {title: MULTI_LINE}, children: [paragraph(ONE_LINE)]}));
    expect(frontMatter.title).toBe(MULTI_LINE);
    expect(html).toBe(`<p>${esc(ONE_LINE)}</p>`);
  });

  it('no front matter, or an empty one, writes none', () => {
    expect(writeMdx({children: [paragraph('x')]})).toBe('x\n');
    expect(writeMdx({frontMatter: {}, children: [paragraph('x')]})).toBe('x\n');
  });
});

describe('writeMdx: determinism', () => {
  const makePage = (): MdxPage => ({
    frontMatter: {title: ONE_LINE, description: MULTI_LINE, sidebar_position: 1},
    children: [
      heading(1, ONE_LINE),
      paragraph(MULTI_LINE),
      paragraph(inlineCode(ONE_LINE), ' ', link('https://example.com/x y', ONE_LINE)),
      ...CODE_VALUES.map((value) => code(value, 'ts')),
      table(['A', 'B'], [[ONE_LINE, inlineCode('a|b')]]),
      list([[ONE_LINE], [MULTI_LINE]]),
      jsxFlow('Comp', {o: {b: 2, a: 1}, s: MULTI_LINE}),
    ],
  });

  it('the same input gives byte-identical output, twice and from separately built trees', () => {
    const first = writeMdx(makePage());
    const page = makePage();
    expect(writeMdx(page)).toBe(first);
    expect(writeMdx(page)).toBe(first);
    expect(first.length).toBeGreaterThan(MULTI_LINE.length * 3);
  });

  it('the whole page renders with every block in place', async () => {
    const {html, tree} = await render(writeMdx(makePage()));
    expect(tree.children.map((node) => node.type)).toEqual([
      'heading',
      'paragraph',
      'paragraph',
      ...CODE_VALUES.map(() => 'code'),
      'table',
      'list',
      'mdxJsxFlowElement',
    ]);
    expect(tagsOf(html)).toEqual(['a', 'code', 'h1', 'li', 'output', 'p', 'pre', 'table', 'tbody', 'td', 'th', 'thead', 'tr', 'ul']);
    expect((tree.children[1] as Paragraph).children).toEqual([{type: 'text', value: MULTI_LINE}]);
  });
});
