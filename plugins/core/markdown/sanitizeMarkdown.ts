/**
 * Target Markdown made harmless while keeping its formatting: inline HTML tags become the Markdown
 * they mean (inlineHtml.ts: a link, strong text, a line break), other raw HTML the text it is; links
 * and images keep only addresses the URL rule allows (urlPolicy.ts), and `:::note` admonitions
 * become block quotes. Two outputs: an mdast tree for the MDX writer, and a Markdown string for
 * renderers outside our control (docusaurus-theme-openapi-docs renders page JSON with raw HTML
 * enabled and pastes admonition text into `dangerouslySetInnerHTML`).
 */
import type {Blockquote, Nodes, Paragraph, Root, RootContent, Text} from 'mdast';
import {fromMarkdown} from 'mdast-util-from-markdown';
import {gfmFromMarkdown, gfmToMarkdown} from 'mdast-util-gfm';
import {toMarkdown} from 'mdast-util-to-markdown';
import {gfm} from 'micromark-extension-gfm';
import {codeVersion} from '../codeVersion';
import {hashContent} from '../contentCache';
import {remembered, runStoreOpen} from '../runStore';
import {inlineHtmlToMarkdown, PHRASING_PARENTS} from './inlineHtml';
import {isSafeUrl} from './urlPolicy';

/** The parser's options, made once: building GFM's extensions is part of each parse's cost. */
const PARSE_OPTIONS = {extensions: [gfm()], mdastExtensions: [gfmFromMarkdown()]};

const LINE_BREAK = /^<br\s*\/?>$/i;
/** The admonition syntax docusaurus-theme-openapi-docs recognises (its remarkAdmonition). */
const ADMONITION_OPEN = /^:::(\w+)(?:\[(.*?)\])?\s*$/;
const ADMONITION_CLOSE = /^:::\s*$/;
const ADMONITION_ONE_PARAGRAPH = /^:::(\w+)(?:\[(.*?)\])?\s*([\s\S]*?)\s*:::$/;

/**
 * A `check` run keeps the trees in this namespace of the run store for the next run (docs/adr/0053):
 * the decision records and the changelog are parsed on every run, and are mostly unchanged.
 */
export const PARSED_MARKDOWN_STORE = {
  name: 'parsed-markdown',
  version: () => codeVersion([__filename], ['mdast-util-from-markdown', 'mdast-util-gfm', 'micromark', 'micromark-extension-gfm']),
};

export function parseMarkdown(markdown: string): Root {
  if (!runStoreOpen()) return fromMarkdown(markdown, PARSE_OPTIONS);
  return remembered(PARSED_MARKDOWN_STORE.name, hashContent(markdown), () => fromMarkdown(markdown, PARSE_OPTIONS));
}

/** Sanitises a parsed tree in place and returns it (positions removed: they would point nowhere). */
export function sanitizeTree(tree: Root): Root {
  const clean = (node: Nodes, inline: boolean): Nodes => {
    if (node.type === 'html') {
      const value = node.value.trim();
      if (inline) return LINE_BREAK.test(value) ? {type: 'break'} : text(node.value);
      return {type: 'paragraph', children: [text(value)]};
    }
    if ((node.type === 'link' || node.type === 'image') && !isSafeUrl(node.url.trim())) {
      return node.type === 'image' ? text(node.alt ?? '') : {type: 'emphasis', children: node.children};
    }
    if (node.type === 'definition' && !isSafeUrl(node.url.trim())) {
      return {...node, url: '#'};
    }
    if ('position' in node) delete node.position;
    if ('children' in node) {
      const childInline = PHRASING_PARENTS.has(node.type);
      // Inline tags become the Markdown they mean (a link, strong text), checked below like any other.
      const children = childInline ? inlineHtmlToMarkdown(node.children as RootContent[]) : node.children;
      (node as {children: Nodes[]}).children = (children as Nodes[]).map((child) => clean(child, childInline));
    }
    return node;
  };
  return clean(tree, false) as Root;
}

/** Sanitised blocks for the MDX writer, admonitions as block quotes (as the theme's JSON shows them). */
export function sanitizeBlocks(markdown: string): RootContent[] {
  return admonitionsToQuotes(sanitizeTree(parseMarkdown(markdown)).children);
}

/**
 * Markdown that any CommonMark renderer, even one with raw HTML on, shows as the author's text:
 * HTML escaped, unsafe links plain, admonitions as block quotes. Empty input gives ''.
 */
export function sanitizeMarkdown(markdown: string): string {
  if (!markdown.trim()) return '';
  const tree: Root = {type: 'root', children: sanitizeBlocks(markdown)};
  breakAdmonitionMarkers(tree);
  return toMarkdown(tree, {extensions: [gfmToMarkdown()]}).trimEnd();
}

/**
 * `:::type[title]` ... `:::` paragraphs, recognised as the theme recognises them, become a block
 * quote that starts with the title in bold: the reader still sees a callout, and no text of it is
 * ever handed to innerHTML.
 */
function admonitionsToQuotes(children: RootContent[]): RootContent[] {
  const out: RootContent[] = [];
  let open: Blockquote | undefined;
  for (const node of children) {
    const value = soleText(node)?.trim();
    const single = value === undefined ? null : ADMONITION_ONE_PARAGRAPH.exec(value);
    const opening = value === undefined ? null : ADMONITION_OPEN.exec(value);
    if (single && !open) {
      out.push(quote(single[2] || single[1]!, single[3] ? [{type: 'paragraph', children: [text(single[3])]}] : []));
    } else if (opening && !open) {
      open = quote(opening[2] || opening[1]!, []);
      out.push(open);
    } else if (value !== undefined && ADMONITION_CLOSE.test(value) && open) {
      open = undefined;
    } else if (open) {
      open.children.push(node as Blockquote['children'][number]);
    } else {
      out.push(node);
    }
  }
  return out;
}

function quote(title: string, children: Blockquote['children']): Blockquote {
  const heading: Paragraph = {type: 'paragraph', children: [{type: 'strong', children: [text(title.charAt(0).toUpperCase() + title.slice(1))]}]};
  return {type: 'blockquote', children: [heading, ...children]};
}

function soleText(node: RootContent): string | undefined {
  if (node.type !== 'paragraph' || node.children.length !== 1) return undefined;
  const only = node.children[0]!;
  return only.type === 'text' ? only.value : undefined;
}

/**
 * Any `:::` left (inside a list, after other text) gets a zero-width space, so no later parse of
 * this Markdown can see an admonition marker.
 */
function breakAdmonitionMarkers(node: Nodes): void {
  if (node.type === 'text' || node.type === 'inlineCode') {
    if (node.type === 'text') node.value = node.value.replaceAll(':::', ':\u200b::');
    return;
  }
  if ('children' in node) for (const child of node.children as Nodes[]) breakAdmonitionMarkers(child);
}

function text(value: string): Text {
  return {type: 'text', value};
}
