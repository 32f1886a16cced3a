/**
 * Descriptions in an API description are CommonMark (GFM in practice). They are parsed to mdast here
 * and handed to the one MDX writer as nodes, so their formatting survives while their text stays text:
 * a `{`, `<` or `import` in a description is escaped by the writer like any other text.
 *
 * Raw HTML is not passed through (it would be JSX to MDX): a `<br>` becomes a line break, any other
 * tag is shown as the text it is. Links and images keep only web, mail and relative addresses (the
 * sanitiser and URL rule of plugins/core/markdown).
 */
import type {PhrasingContent, RootContent} from 'mdast';
import {text} from '../mdx/build';
import {sanitizeBlocks} from './sanitizeMarkdown';

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
    blocks = sanitizeBlocks(markdown);
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
