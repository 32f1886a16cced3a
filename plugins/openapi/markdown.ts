/**
 * Descriptions in an API description are CommonMark (GFM in practice). They are parsed to mdast here
 * and handed to the one MDX writer as nodes, so their formatting survives while their text stays text:
 * a `{`, `<` or `import` in a description is escaped by the writer like any other text.
 *
 * Raw HTML is not passed through (it would be JSX to MDX): a `<br>` becomes a line break, any other
 * tag is shown as the text it is. Links and images keep only web, mail and relative addresses.
 */
import type {Nodes, PhrasingContent, Root, RootContent} from 'mdast';
import {fromMarkdown} from 'mdast-util-from-markdown';
import {gfmFromMarkdown} from 'mdast-util-gfm';
import {gfm} from 'micromark-extension-gfm';
import {text} from '../core/mdx/build';

const SAFE_URL = /^(https?:|mailto:|#|\/|\.{0,2}\/|[^:]*$)/i;
const LINE_BREAK = /^<br\s*\/?>$/i;

/** The parser's options, made once: building GFM's extensions is part of each parse's cost. */
const PARSE_OPTIONS = {extensions: [gfm()], mdastExtensions: [gfmFromMarkdown()]};

/**
 * Parsed descriptions by text. Big descriptions repeat the same texts thousands of times (a parameter
 * described alike on every operation, paths copied per API version), and parsing Markdown was half
 * of a 20 MB description's generation. A pure function's memo, bounded: emptied when full.
 */
const parsed = new Map<string, RootContent[]>();
const MAX_PARSED = 20_000;

/** A description as block content; an empty or missing description gives no nodes. */
export function markdownBlocks(markdown: string | undefined): RootContent[] {
  if (!markdown?.trim()) return [];
  let blocks = parsed.get(markdown);
  if (!blocks) {
    blocks = sanitize(fromMarkdown(markdown, PARSE_OPTIONS)).children;
    if (parsed.size >= MAX_PARSED) parsed.clear();
    parsed.set(markdown, blocks);
  }
  // A copy: callers place the nodes in their own trees.
  return structuredClone(blocks);
}

/** A one-line description (a table cell, a list item) as phrasing content. */
export function markdownInline(markdown: string | undefined): PhrasingContent[] {
  const blocks = markdownBlocks(markdown?.replace(/\s*\n\s*/g, ' '));
  const first = blocks[0];
  if (!first) return [];
  if (first.type === 'paragraph' || first.type === 'heading') return first.children;
  return [text(markdown!.trim())];
}

/** Nodes whose children are phrasing content: html there is inline, elsewhere it is a block. */
const PHRASING_PARENTS = new Set(['paragraph', 'heading', 'emphasis', 'strong', 'delete', 'link', 'linkReference', 'tableCell']);

function sanitize(tree: Root): Root {
  const clean = (node: Nodes, inline: boolean): Nodes => {
    if (node.type === 'html') {
      const value = node.value.trim();
      if (inline) return LINE_BREAK.test(value) ? {type: 'break'} : text(node.value);
      return {type: 'paragraph', children: [text(value)]};
    }
    if ((node.type === 'link' || node.type === 'image') && !SAFE_URL.test(node.url.trim())) {
      return node.type === 'image' ? text(node.alt ?? '') : {type: 'emphasis', children: node.children};
    }
    if (node.type === 'definition' && !SAFE_URL.test(node.url.trim())) {
      return {...node, url: '#'};
    }
    if ('position' in node) delete node.position;
    if ('children' in node) {
      const childInline = PHRASING_PARENTS.has(node.type);
      (node as {children: Nodes[]}).children = (node.children as Nodes[]).map((child) => clean(child, childInline));
    }
    return node;
  };
  return clean(tree, false) as Root;
}
