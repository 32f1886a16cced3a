/**
 * Doc comment Markdown to mdast, for the one MDX writer. The comment is parsed as CommonMark + GFM
 * (never as MDX), then made inert: raw HTML becomes text, links keep only web and mail addresses,
 * headings become bold paragraphs (they would break the page's outline), and `{@link}` placeholders
 * become links the symbol index resolves. The writer then escapes whatever is left.
 */
import type {BlockContent, Nodes, Paragraph, PhrasingContent, RootContent} from 'mdast';
import {fromMarkdown} from 'mdast-util-from-markdown';
import {gfmFromMarkdown} from 'mdast-util-gfm';
import {gfm} from 'micromark-extension-gfm';
import {inlineCode, link, oneLine, strong, text} from '../../core/mdx/build';
import {LINK_CLOSE, LINK_OPEN, type DocLink} from '../model';
import type {SymbolIndex} from '../links';

const SAFE_URL = /^(https?:|mailto:)/i;
const PLACEHOLDER = new RegExp(`${LINK_OPEN}(\\d+)${LINK_CLOSE}`, 'g');

// Built once: making the GFM extensions per comment cost a second on a large package.
const SYNTAX = [gfm()];
const TREES = [gfmFromMarkdown()];
/** Text with none of Markdown's or GFM's syntax characters, nor a blank line, is one paragraph as it is. */
const PLAIN = /^[^`*_[\]<>#|~!&\\:=+\-\n\d]*$|^[^`*_[\]<>#|~!&\\\n]*$/;

/**
 * Parsed comments, per symbol index (one per build) and text: a summary shows on its symbol's section,
 * in index tables and on every page listing the symbol, and parsing is most of the rendering time.
 * The trees are shared, so nothing downstream may change them (the writer does not).
 */
const parsed = new WeakMap<SymbolIndex, Map<string, BlockContent[]>>();

export function docBlocks(markdown: string | undefined, links: DocLink[] | undefined, index: SymbolIndex): BlockContent[] {
  if (!markdown) return [];
  let memo = parsed.get(index);
  if (!memo) parsed.set(index, (memo = new Map()));
  const key = links?.length ? `${markdown}\0${JSON.stringify(links)}` : markdown;
  let blocks = memo.get(key);
  if (!blocks) memo.set(key, (blocks = parseBlocks(markdown, links, index)));
  return blocks;
}

function parseBlocks(markdown: string, links: DocLink[] | undefined, index: SymbolIndex): BlockContent[] {
  if (PLAIN.test(markdown) && !/^\s|\s$/.test(markdown) && !/^(\d+[.)]|[-+=])(\s|$)/.test(markdown)) {
    return [{type: 'paragraph', children: withLinks(markdown, links ?? [], index)}];
  }
  const tree = fromMarkdown(markdown, {extensions: SYNTAX, mdastExtensions: TREES});
  const blocks = tree.children.flatMap((node) => clean(node, links ?? [], index));
  // Raw HTML at the top level became text: it needs a paragraph, or the whole page would be
  // serialised as one run of phrasing.
  return blocks.map((node) => (isPhrasing(node) ? ({type: 'paragraph', children: [node]} as Paragraph) : node)) as BlockContent[];
}

/**
 * The text up to the first blank line, when it starts as a paragraph does: all a summary needs, and
 * far less to parse than a long comment. Anything else (a comment opening with code, a list, a
 * heading) is parsed whole.
 */
function firstParagraph(markdown: string | undefined): string | undefined {
  if (!markdown) return markdown;
  const end = markdown.search(/\n[ \t]*\n/);
  if (end === -1 || !/^[ ]{0,3}[\p{L}\p{N}({\x60"'*_]/u.test(markdown) || /^[ ]{0,3}(\d+[.)]|[-+*])(\s|$)|^[ ]{0,3}(\x60{3}|~{3}|\*{3})/.test(markdown)) return markdown;
  return markdown.slice(0, end);
}

function isPhrasing(node: RootContent): node is PhrasingContent {
  return ['text', 'inlineCode', 'emphasis', 'strong', 'link', 'delete', 'break', 'image'].includes(node.type);
}

/** The first paragraph as one line of phrasing: for summaries in tables and lists. */
export function docSummary(markdown: string | undefined, links: DocLink[] | undefined, index: SymbolIndex): PhrasingContent[] {
  const first = docBlocks(firstParagraph(markdown), links, index).find((node): node is Paragraph => node.type === 'paragraph');
  return first ? (first.children.map((child) => oneLine(child)) as PhrasingContent[]) : [];
}

/** Phrasing only (for a table cell): paragraphs joined with spaces, other blocks as their text. */
export function docPhrasing(markdown: string | undefined, links: DocLink[] | undefined, index: SymbolIndex): PhrasingContent[] {
  const out: PhrasingContent[] = [];
  for (const block of docBlocks(markdown, links, index)) {
    if (out.length > 0) out.push(text(' '));
    if (block.type === 'paragraph') out.push(...(block.children.map((child) => oneLine(child)) as PhrasingContent[]));
    else if (block.type === 'code') out.push(inlineCode(block.value.replace(/\s+/g, ' ').trim()));
    else out.push(text(plain(block)));
  }
  return out;
}

function plain(node: Nodes): string {
  if ('value' in node && typeof node.value === 'string') return node.value;
  if ('children' in node) return (node.children as Nodes[]).map(plain).join(' ');
  return '';
}

function clean(node: Nodes, links: DocLink[], index: SymbolIndex): RootContent[] {
  switch (node.type) {
    case 'html':
      return [text(node.value)];
    case 'text':
      return withLinks(node.value, links, index);
    case 'heading':
      return [{type: 'paragraph', children: [strong(...(node.children.flatMap((child) => clean(child, links, index)) as PhrasingContent[]))]}];
    case 'link':
      return SAFE_URL.test(node.url)
        ? [{...node, title: null, children: node.children.flatMap((child) => clean(child, links, index)) as PhrasingContent[]}]
        : node.children.flatMap((child) => clean(child, links, index));
    case 'image':
      return SAFE_URL.test(node.url) ? [link(node.url, node.alt || node.url)] : [text(node.alt ?? '')];
    case 'linkReference':
    case 'imageReference':
      return 'children' in node ? node.children.flatMap((child) => clean(child, links, index)) : [text(node.alt ?? '')];
    case 'definition':
    case 'footnoteDefinition':
      return [];
    case 'footnoteReference':
      return [text(`[^${node.identifier}]`)];
    case 'code':
      return [{...node, value: unplaceholder(node.value, links), lang: node.lang && /^[\w+#-]{1,20}$/.test(node.lang) ? node.lang : null, meta: null}];
    case 'inlineCode':
      return [inlineCode(unplaceholder(node.value, links))];
    default:
      if ('children' in node) {
        const children = (node.children as Nodes[]).flatMap((child) => clean(child, links, index));
        // In a list item or a quote too, raw HTML that became text needs a paragraph: as a bare
        // block its `</tag>` would not be escaped and MDX would read it as JSX.
        const blocks = node.type === 'listItem' || node.type === 'blockquote' ? children.map((child) => (isPhrasing(child) ? ({type: 'paragraph', children: [child]} as Paragraph) : child)) : children;
        return [{...node, children: blocks} as RootContent];
      }
      return [node as RootContent];
  }
}

/** Inside code a `{@link}` is not a link: its label (or target) as text. */
function unplaceholder(value: string, links: DocLink[]): string {
  return value.replace(PLACEHOLDER, (_m, n: string) => links[Number(n)]?.text ?? links[Number(n)]?.target ?? '');
}

function withLinks(value: string, links: DocLink[], index: SymbolIndex): PhrasingContent[] {
  const out: PhrasingContent[] = [];
  let last = 0;
  for (const match of value.matchAll(PLACEHOLDER)) {
    if (match.index > last) out.push(text(value.slice(last, match.index)));
    last = match.index + match[0].length;
    const target = links[Number(match[1])];
    if (!target) continue;
    const label = target.text ?? target.target;
    const shown = target.code || !target.text ? inlineCode(label) : text(label);
    const url = target.url ? (SAFE_URL.test(target.target) ? target.target : undefined) : target.id ? index.symbolUrl(target.id) : undefined;
    out.push(url ? link(url, shown) : shown);
  }
  if (last < value.length) out.push(text(value.slice(last)));
  return out;
}
