/**
 * The prose of a Markdown page, as the readability and inclusive-language checks and the Quality page
 * read it: paragraphs (and headings, when asked) as plain text with their line, without front matter,
 * code, inline code, tables, HTML or JSX. Parsed as CommonMark with GFM: in an MDX page JSX is then raw HTML, left out.
 */
import type {Nodes, Root} from 'mdast';
import {toString} from 'mdast-util-to-string';
import {fromMarkdown} from 'mdast-util-from-markdown';
import {gfmFromMarkdown} from 'mdast-util-gfm';
import {gfm} from 'micromark-extension-gfm';

export interface ProseBlock {
  /** 1-based line of the block's first line in the page. */
  line: number;
  text: string;
  heading: boolean;
}

const LEFT_OUT = new Set([
  'code', 'inlineCode', 'html', 'table', 'yaml', 'definition', 'footnoteDefinition', 'image', 'imageReference',
  // An MDX page's JSX, expressions and imports.
  'mdxJsxFlowElement', 'mdxJsxTextElement', 'mdxFlowExpression', 'mdxTextExpression', 'mdxjsEsm',
]);

export function proseBlocks(markdown: string, options: {headings?: boolean} = {}): ProseBlock[] {
  return proseOfTree(fromMarkdown(blankFrontMatter(markdown), {extensions: [gfm()], mdastExtensions: [gfmFromMarkdown()]}), options);
}

const ofTree = new WeakMap<Root, ProseBlock[]>();

/** The prose of a tree already parsed (a page of the check), headings flagged; read once per tree. */
export function proseOfTree(tree: Root, options: {headings?: boolean} = {}): ProseBlock[] {
  let blocks = ofTree.get(tree);
  if (!blocks) ofTree.set(tree, (blocks = collectProse(tree)));
  return options.headings ? blocks : blocks.filter((block) => !block.heading);
}

function collectProse(tree: Root): ProseBlock[] {
  const blocks: ProseBlock[] = [];
  const walk = (node: Nodes) => {
    if (LEFT_OUT.has(node.type)) return;
    if (node.type === 'paragraph' || node.type === 'heading') {
      const text = toString(strip(node)).trim();
      // Admonition fences (`:::note`) and MDX import lines are syntax, not prose.
      if (text && !/^:::/.test(text) && !/^(import|export)\s/.test(text)) blocks.push({line: node.position?.start.line ?? 1, text, heading: node.type === 'heading'});
      return;
    }
    if ('children' in node) for (const child of node.children as Nodes[]) walk(child);
  };
  walk(tree);
  return blocks;
}

/** A copy of the node without the children prose leaves out (inline code, HTML, images). */
function strip(node: Nodes): Nodes {
  if (!('children' in node)) return node;
  return {...node, children: (node.children as Nodes[]).filter((child) => !LEFT_OUT.has(child.type)).map(strip)} as Nodes;
}

/** Front matter turned into blank lines, so that lines still match the file. */
export function blankFrontMatter(text: string): string {
  const match = /^---[ \t]*\r?\n[\s\S]*?\r?\n---[ \t]*(?=\r?\n|$)/.exec(text);
  return match ? match[0].replace(/[^\r\n]/g, ' ') + text.slice(match[0].length) : text;
}
