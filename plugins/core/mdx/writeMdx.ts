/**
 * The one MDX writer. Every generated page is an mdast tree serialised here, so text that comes from
 * a target (a JSDoc comment, a spec description, a commit message) is always a text node: the
 * serialiser escapes whatever MDX would otherwise read as JSX, an expression, ESM or a code fence.
 * No plugin concatenates target text into MDX by hand.
 */
import type {Root, RootContent} from 'mdast';
import {defaultHandlers, toMarkdown, type Handle, type Options as ToMarkdownOptions, type Unsafe} from 'mdast-util-to-markdown';
import {mdxToMarkdown} from 'mdast-util-mdx';
import {gfmToMarkdown} from 'mdast-util-gfm';
import v8 from 'node:v8';
import {stringify as stringifyYaml} from 'yaml';
import {codeVersion} from '../codeVersion';
import {hashContent} from '../contentCache';
import {remembered, runStoreOpen} from '../runStore';

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

/**
 * The same output, faster. `state.safe` (every text, URL, title and code-fence info is escaped
 * through it) runs the regular expression of every unsafe pattern, about 60, over its input, yet a
 * pattern only ever escapes its own `character`: patterns whose character appears neither in the input
 * nor in the characters around it cannot change the result, so they are left out of the call. Installed by the root handler, since every
 * page is a root. The Markdown copies of the pages (site/toMarkdown.ts) serialise through it too. A 50,000-commit changelog renders in about half the time (bench/history.mjs).
 */
export const fasterEscapingRoot: Handle = (node, parent, state, info) => {
  const safe = state.safe;
  state.safe = (input, config) => {
    const all = state.unsafe;
    // The context characters count too: `safe` also consults matches on them (intraword `_`).
    const value = `${config.before ?? ''}${input ?? ''}${config.after ?? ''}`;
    const relevant: Unsafe[] = [];
    // Order does not matter to `safe`: it merges the matches of all patterns by position.
    for (const [character, patterns] of patternsByCharacter(all)) if (value.includes(character)) relevant.push(...patterns);
    state.unsafe = relevant;
    try {
      return safe.call(state, input, config);
    } finally {
      state.unsafe = all;
    }
  };
  return defaultHandlers.root(node as Root, parent, state, info);
};

const indexes = new WeakMap<Unsafe[], Map<string, Unsafe[]>>();
function patternsByCharacter(patterns: Unsafe[]): Map<string, Unsafe[]> {
  let index = indexes.get(patterns);
  if (!index) {
    index = new Map();
    for (const pattern of patterns) index.set(pattern.character, [...(index.get(pattern.character) ?? []), pattern]);
    indexes.set(patterns, index);
  }
  return index;
}

/** Options of the one writer; `handlers.root` only makes escaping faster (same bytes). */
export const toMarkdownOptions: ToMarkdownOptions = {
  handlers: {root: fasterEscapingRoot},
  extensions: [mdxToMarkdown(), gfmToMarkdown({tablePipeAlign: false}), {unsafe: esmUnsafe}],
  bullet: '-',
  emphasis: '_',
  fence: '`',
  fences: true,
  listItemIndent: 'one',
  rule: '-',
  resourceLink: true,
};

/**
 * A `check` run keeps each page's text in this namespace of the run store for the next run, keyed by
 * the tree's bytes (V8's serializer, ~50 times faster than serialising): the same tree gives the
 * same text, and most pages of a warm run are the same trees as last time (docs/adr/0053).
 */
export const SERIALIZED_MDX_STORE = {
  name: 'serialized-mdx',
  version: () => codeVersion([__filename], ['mdast-util-to-markdown', 'mdast-util-mdx', 'mdast-util-gfm']),
};

export function serializeMdx(tree: Root): string {
  if (!runStoreOpen()) return toMarkdown(tree, toMarkdownOptions);
  let key: string;
  try {
    key = hashContent(v8.serialize(tree));
  } catch {
    return toMarkdown(tree, toMarkdownOptions); // a tree V8 cannot copy (none known)
  }
  return remembered(SERIALIZED_MDX_STORE.name, key, () => toMarkdown(tree, toMarkdownOptions));
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
