/**
 * The one Markdown and URL policy for target text (plugins/core/markdown) and the channels that use
 * it: HTTP API page JSON, ADR bodies. Each case is a payload a hostile repository could plant.
 */
import {describe, expect, it} from 'vitest';
import {isSafeUrl} from '../../plugins/core/markdown/urlPolicy';
import {parseMarkdown, sanitizeMarkdown} from '../../plugins/core/markdown/sanitizeMarkdown';
import {markdownToMdast} from '../../plugins/core/mdx/fromMarkdown';
import {createPageDataSanitizer} from '../../plugins/openapi/sanitizePageData';
import {markdownPluginOptions, type MarkdownTrust} from '../../plugins/core/markdown/targetMarkdownPlugins';
import {IFRAME, IMG, PWN, SCRIPT} from './browserFixtures';

/** What a renderer with raw HTML enabled (the API theme's react-markdown + rehype-raw) would get. */
function htmlNodes(markdown: string): string[] {
  const found: string[] = [];
  const visit = (node: {type: string; value?: string; children?: unknown[]}) => {
    if (node.type === 'html') found.push(node.value ?? '');
    for (const child of (node.children ?? []) as (typeof node)[]) visit(child);
  };
  visit(parseMarkdown(markdown));
  return found;
}

const HOSTILE_HTML = [
  '<iframe srcdoc="<script>window.__pwned=1</script>"></iframe>',
  '<img src=x onerror="window.__pwned=1">',
  '<script>window.__pwned=1</script>',
  'before <a href="javascript:window.__pwned=1">x</a> after',
  '<object data="data:text/html,<script>window.__pwned=1</script>"></object>',
  '<style>body{display:none}</style>',
  '<form action="javascript:window.__pwned=1"><button>go</button></form>',
];

describe('isSafeUrl', () => {
  it.each(['javascript:alert(1)', 'JaVaScRiPt:alert(1)', 'java\tscript:alert(1)', ' javascript:alert(1)', 'data:text/html,<script>', 'vbscript:msgbox', '&#106;avascript:alert(1)', 'file:///etc/passwd'])(
    'refuses %j',
    (url) => expect(isSafeUrl(url)).toBe(false),
  );
  it.each(['https://example.com', 'http://x', 'mailto:a@b.c', '#anchor', '/abs', './rel.md', '../up.md', 'page?x=a:b'])('allows %j', (url) =>
    expect(isSafeUrl(url)).toBe(true),
  );
});

describe('sanitizeMarkdown', () => {
  it.each(HOSTILE_HTML)('shows %j as text, with no HTML left for a raw renderer', (payload) => {
    const clean = sanitizeMarkdown(`Intro\n\n${payload}\n\nAnd inline ${payload} too.`);
    expect(htmlNodes(clean)).toEqual([]);
    // The words stay for the reader: as text, or a tag's text without the tag (the unsafe link's `x`).
    expect(clean).toMatch(/\\<|before x after/);
  });

  it('turns admonitions into block quotes, and their escaped HTML stays escaped', () => {
    const clean = sanitizeMarkdown(':::note[Heads up]\n&lt;img src=x onerror="window.__pwned=1"&gt;\n:::\n\n:::danger one paragraph &lt;b&gt; :::');
    expect(clean).not.toMatch(/^:::/m);
    expect(clean).toContain('> **Heads up**');
    expect(clean).toContain('> **Danger**');
    expect(htmlNodes(clean)).toEqual([]);
  });

  it('breaks a stray ::: so no later parse sees a marker', () => {
    expect(sanitizeMarkdown('- :::note\n- x')).not.toContain(':::');
  });

  it('keeps formatting: emphasis, code, lists, safe links', () => {
    const clean = sanitizeMarkdown('*a* `b<c>` [d](https://e.example/) [f](javascript:alert(1)) ![g](data:image/png;base64,AA)');
    expect(clean).toContain('*a*');
    expect(clean).toContain('`b<c>`');
    expect(clean).toContain('[d](https://e.example/)');
    expect(clean).not.toMatch(/javascript:|data:/);
    expect(clean).toContain('g');
  });

  it('turns <br> into a line break', () => {
    expect(htmlNodes(sanitizeMarkdown('a<br>b'))).toEqual([]);
    expect(sanitizeMarkdown('a<br>b')).toMatch(/a\\\nb|a {2}\nb/);
  });
});

describe('inline HTML in target Markdown (release notes, doc comments)', () => {
  it('becomes the Markdown it means: links, strong, emphasis, code, strikethrough', () => {
    const clean = sanitizeMarkdown(
      'PR <a href="https://github.com/o/r/pull/4" target="_blank">#4</a> by <a href="https://github.com/m">@m</a>. <b>Bold</b>, <i>it</i>, <code>x &lt; y</code>, <del>old</del>.',
    );
    expect(clean).toBe('PR [#4](https://github.com/o/r/pull/4) by [@m](https://github.com/m). **Bold**, *it*, `x < y`, ~~old~~.');
    expect(htmlNodes(clean)).toEqual([]);
  });

  it('keeps the text of an unsafe link, shows script and images as text, unwraps other closed tags', () => {
    const clean = sanitizeMarkdown('a <a href="javascript:window.__pwned=1">click</a> b <script>window.__pwned=1</script> c <span title="t">kept</span> <img src="data:image/svg+xml,x" alt="pic" onerror="window.__pwned=1"> <!-- note -->d');
    expect(clean).toBe('a click b \\<script>window.\\_\\_pwned=1\\</script> c kept \\<img src="data:image/svg+xml,x" alt="pic" onerror="window.\\_\\_pwned=1"> d');
    expect(htmlNodes(clean)).toEqual([]);
  });

  it('takes only a closed tag for a tag: one never closed, or a closing tag that closes nothing, is prose', () => {
    expect(sanitizeMarkdown('<b>x <i>y</b> z</i> <u>w, the <name> field')).toBe('**x \\<i>y** z\\</i> \\<u>w, the \\<name> field');
  });

  it('links of release notes are links in a changelog body, and no href is left as text', () => {
    const json = JSON.stringify(markdownToMdast('* Fix it. <a href="https://github.com/o/r/pull/4" target="_blank">PR #4</a> by <a href="https://github.com/m" target="_blank">@m</a>.'));
    expect(json.match(/"type":"link"/g)).toHaveLength(2);
    expect(json).not.toContain('href');
  });
});

describe('API page JSON', () => {
  const sanitize = createPageDataSanitizer();
  const data = sanitize({
    api: {
      description: '<img src=x onerror=alert(1)>',
      parameters: [{name: 'q', in: 'query', description: '<script>x</script>', enumDescriptions: [['<img src=x onerror=alert(1)>', 'b']], schema: {type: 'string', enum: ['a`<img src=x onerror=alert(1)>`'], pattern: '^`<b>`$'}}],
      responses: {'200': {description: ':::note\n&lt;img onerror=alert(1)&gt;\n:::', content: {'application/json': {examples: {one: {summary: '<b>s</b>', value: {description: '<keep>'}}}}}}},
    },
    components: {
      '#/components/schemas/Pet': {
        type: 'object',
        properties: {example: {type: 'string', description: '<iframe srcdoc=x>'}, description: {type: 'string', example: '<keep>'}},
        'x-enumDescriptions': {'<img onerror=x>': 'a | <b>'},
        example: {description: '<keep>'},
      },
    },
  }) as {api: Record<string, never> & {description: string}; components: Record<string, Record<string, never>>};
  const json = JSON.stringify(data);

  it('sanitises every description and summary the theme renders', () => {
    expect(htmlNodes(data.api.description)).toEqual([]);
    const pet = data.components['#/components/schemas/Pet'] as unknown as {properties: {example: {description: string}}};
    expect(pet.properties.example.description).toBe('\\<iframe srcdoc=x>');
    expect(json).not.toMatch(/"description":"<(?!keep)|"summary":"</);
    expect(json).not.toContain(':::');
  });

  it('keeps payloads byte for byte', () => {
    expect(json.match(/<keep>/g)).toHaveLength(3);
  });

  it('leaves no backtick in strings the theme wraps in code spans', () => {
    const schema = (data.api.parameters as unknown as {schema: {enum: string[]; pattern: string}}[])[0]!.schema;
    expect(schema.enum[0]).not.toContain('`');
    expect(schema.pattern).not.toContain('`');
  });

  it('escapes a parameter\'s own enumDescriptions pairs', () => {
    const [[name]] = (data.api.parameters as unknown as {enumDescriptions: string[][]}[])[0]!.enumDescriptions as [[string]];
    expect(htmlNodes(name)).toEqual([]);
    expect(name).toContain('\\<img');
  });

  it('escapes enum description table cells', () => {
    const pet = data.components['#/components/schemas/Pet'] as unknown as {'x-enumDescriptions': Record<string, string>};
    const [[name, description]] = Object.entries(pet['x-enumDescriptions']) as [[string, string]];
    expect(htmlNodes(name)).toEqual([]);
    expect(htmlNodes(description)).toEqual([]);
    expect(description).toContain('\\|');
  });
});

describe('ADR and changelog bodies (core/mdx/fromMarkdown)', () => {
  it('keeps the text of javascript: and data: links and images, not the address', () => {
    const nodes = markdownToMdast('[click](javascript:alert(1)) ![pic](data:image/svg+xml;base64,PHN2Zz4=) [ok](https://example.com) <vbscript:msgbox>');
    const json = JSON.stringify(nodes);
    expect(json).not.toMatch(/"url":"(javascript|data|vbscript):/);
    expect(json.match(/"url":/g)).toHaveLength(1);
    expect(json).toContain('click');
    expect(json).toContain('https://example.com');
  });
});

describe('authored pages through the docs instances\' plugins (compiled with @mdx-js/mdx as Docusaurus does)', () => {
  /** The compiled page's JavaScript: what would run in the reader's browser. */
  async function compilePage(source: string, format: 'md' | 'mdx', trust: MarkdownTrust, authored = true): Promise<string> {
    const {compile} = await import('@mdx-js/mdx');
    const {default: rehypeRaw} = await import('rehype-raw');
    const options = markdownPluginOptions(trust, authored);
    const passThrough = ['mdxFlowExpression', 'mdxJsxFlowElement', 'mdxJsxTextElement', 'mdxTextExpression', 'mdxjsEsm'];
    const {default: remarkDirective} = await import('remark-directive');
    const {default: admonitions} = await import('@docusaurus/mdx-loader/lib/remark/admonitions');
    const {default: mermaid} = await import('@docusaurus/mdx-loader/lib/remark/mermaid');
    const file = await compile(source, {
      format,
      // Then Docusaurus's own plugins that turn Markdown into its elements (admonitions, Mermaid).
      remarkPlugins: [...options.beforeDefaultRemarkPlugins, remarkDirective, admonitions, mermaid] as never,
      // Docusaurus puts rehype-raw first for .md, then the instance's rehypePlugins.
      rehypePlugins: [...(format === 'md' ? [[rehypeRaw, {passThrough}] as const] : []), ...options.rehypePlugins] as never,
    });
    return String(file);
  }
  const sanitize: MarkdownTrust = {authoredHtml: 'sanitize', untrusted: false};
  const markdown = `# Page\n\n${SCRIPT}\n\n${IMG}\n\n${IFRAME}\n\n<a href="javascript:${PWN}">html link</a> [md link](javascript:${PWN}) [data](data:text/html,x)\n\n<details><summary>Kept</summary><kbd>K</kbd> <span style="color:red" onclick="${PWN}">span</span></details>\n`;

  it('.md by default: formatting stays, script, handlers, iframes and script addresses go', async () => {
    const js = await compilePage(markdown, 'md', sanitize);
    for (const gone of ['__pwned', 'iframe', 'srcdoc', 'onError', 'onClick', 'javascript:', 'data:', '"script"', 'style']) expect(js, gone).not.toContain(gone);
    for (const kept of ['"details"', '"summary"', '"kbd"', '"img"', 'html link', 'md link']) expect(js, kept).toContain(kept);
  });

  it('.md with authoredHtml: trust keeps the HTML but not the script addresses', async () => {
    const js = await compilePage(markdown, 'md', {authoredHtml: 'trust', untrusted: false});
    expect(js).toContain('iframe');
    expect(js).not.toContain('javascript:');
  });

  it('--untrusted ignores authoredHtml: trust', async () => {
    const js = await compilePage(markdown, 'md', {authoredHtml: 'trust', untrusted: true});
    expect(js).not.toContain('__pwned');
  });

  it('generated pages are sanitised whatever the config says', async () => {
    const js = await compilePage(markdown, 'md', {authoredHtml: 'trust', untrusted: false}, false);
    expect(js).not.toContain('__pwned');
  });

  it("Docusaurus's own elements stay: a Mermaid diagram and an admonition, in authored and generated pages", async () => {
    const page = '# Page\n\n:::note[Heads up]\n\nNoted.\n\n:::\n\n```mermaid\ngraph LR\n  a --> b\n```\n';
    for (const authored of [true, false]) {
      const js = await compilePage(page, 'mdx', sanitize, authored);
      expect(js, `mermaid, authored: ${authored}`).toContain('"mermaid"');
      expect(js, `mermaid value, authored: ${authored}`).toContain('graph LR');
      expect(js, `admonition, authored: ${authored}`).toContain('"admonition"');
      expect(js, `admonition title, authored: ${authored}`).toContain('Heads up');
    }
  });

  const mdx = `import fs from 'node:fs';\n\nexport const x = 1;\n\n# MDX\n\n<img src="x" onError={() => { ${PWN}; }} />\n\nText {(() => { ${PWN}; return 'expr'; })()} after.\n\n<Tabs><TabItem value="a">Inside a tab</TabItem></Tabs>\n\n<a href="javascript:${PWN}">mdx link</a>\n`;

  it('.mdx by default is code the authors trust, but its literal script addresses go', async () => {
    const js = await compilePage(mdx, 'mdx', sanitize);
    expect(js).toContain('onError');
    expect(js).not.toContain('javascript:');
    expect(js).toContain('mdx link');
  });

  it('.mdx with --untrusted compiles no import, export, expression or JSX, and keeps the text', async () => {
    const js = await compilePage(mdx, 'mdx', {authoredHtml: 'sanitize', untrusted: true});
    for (const gone of ['__pwned', 'node:fs', 'export const x', 'onError', 'Tabs', 'javascript:']) expect(js, gone).not.toContain(gone);
    for (const kept of ['Inside a tab', 'mdx link', 'Text ', ' after.']) expect(js, kept).toContain(kept);
  });
});
