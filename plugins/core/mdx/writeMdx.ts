/**
 * The one MDX writer. Every generated page is an mdast tree serialised here, so text that comes from
 * a target (a JSDoc comment, a spec description, a commit message) is always a text node: the
 * serialiser escapes whatever MDX would otherwise read as JSX, an expression, ESM or a code fence.
 * No plugin concatenates target text into MDX by hand.
 */
import type {Root, RootContent} from 'mdast';
import {toMarkdown, type Options as ToMarkdownOptions, type Unsafe} from 'mdast-util-to-markdown';
import {mdxToMarkdown} from 'mdast-util-mdx';
import {gfmToMarkdown} from 'mdast-util-gfm';
import {stringify as stringifyYaml} from 'yaml';

export interface MdxPage {
  /** Docusaurus front matter; written as YAML in the order given (callers keep it deterministic). */
  frontMatter?: Record<string, unknown>;
  children: RootContent[];
}

/**
 * `import`/`export` at the start of a line is ESM to MDX. The serialiser knows nothing of that inside
 * a paragraph, so we mark those words unsafe at a line break: their first letter is then written as a
 * character reference (`&#x69;mport`), which MDX shows as the plain word.
 */
const esmUnsafe: Unsafe[] = [
  {character: 'i', atBreak: true, after: 'mport\\b'},
  {character: 'e', atBreak: true, after: 'xport\\b'},
  // Docusaurus parses directives: `:::note` or `::name` at the start of a line would become an
  // admonition or a leaf directive. (A `:name` inside a line is restored to text by Docusaurus.)
  {character: ':', atBreak: true, after: ':'},
  // Docusaurus unwraps a ```mdx-code-block fence into raw MDX before parsing; escaping its dash keeps
  // the language (info strings decode escapes) but not the unwrapping.
  {character: '-', before: '`mdx', after: 'code-block ', inConstruct: 'codeFencedLangGraveAccent'},
];

const options: ToMarkdownOptions = {
  extensions: [mdxToMarkdown(), gfmToMarkdown({tablePipeAlign: false}), {unsafe: esmUnsafe}],
  bullet: '-',
  emphasis: '_',
  fence: '`',
  fences: true,
  listItemIndent: 'one',
  rule: '-',
  resourceLink: true,
};

export function serializeMdx(tree: Root): string {
  return toMarkdown(tree, options);
}

export function writeMdx(page: MdxPage): string {
  const body = serializeMdx({type: 'root', children: page.children});
  if (!page.frontMatter || Object.keys(page.frontMatter).length === 0) {
    return body;
  }
  // Strings are always quoted: Docusaurus reads front matter with js-yaml, which takes a plain
  // `2024-01-01` for a Date and `0b101` or `0o17` for a number. Only the final newline is cut:
  // trimEnd() would also eat a trailing U+2028 or U+0085 of a plain value.
  const yaml = stringifyYaml(dropUndefined(page.frontMatter), {
    lineWidth: 0,
    defaultStringType: 'QUOTE_DOUBLE',
    defaultKeyType: 'PLAIN',
  }).replace(/\n$/, '');
  return `---\n${yaml}\n---\n\n${body}`;
}

function dropUndefined(record: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(record).filter(([, value]) => value !== undefined));
}
