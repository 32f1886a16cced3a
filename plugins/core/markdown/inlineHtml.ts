/**
 * Inline HTML in a target's Markdown (release notes' `<a href="…">PR #4</a>`, a description's
 * `<b>`, `<code>`), turned into the Markdown it means instead of shown as tags: GitHub
 * renders these, so readers of the changelog or a reference page expect the link, not its source.
 * Only a tag that is closed is taken for a tag: `The <name> field` or a stray `</div>` is prose, and
 * stays the text it is (as every other raw HTML does, docs/adr/0022). Kept: links whose address the
 * URL rule allows, strong, emphasis, strikethrough, code and line breaks; other closed tags are
 * unwrapped (their text stays); `<img>` and tags that run or embed something (htmlPolicy.ts: script,
 * style, iframe…) stay text, tags and all; comments go. A tag is read by parse5 (attributes, quoting
 * and entities as a browser reads them), one tag at a time: CommonMark gives each inline tag its own
 * `html` node, with the text between them as siblings.
 */
import type {Html, PhrasingContent, RootContent} from 'mdast';
import {toString} from 'mdast-util-to-string';
import {parseFragment} from 'parse5';
import {DROPPED_TAGS} from './htmlPolicy';
import {isSafeUrl} from './urlPolicy';

const EMBEDS = new Set([...DROPPED_TAGS, 'img', 'picture', 'source']);
const TAG = /^<(\/?)([a-zA-Z][a-zA-Z0-9-]*)(?:\s[^>]*)?\/?>$/;
const COMMENT = /^<!--[\s\S]*-->$/;

/** Nodes whose children are phrasing content: an html node there is inline, elsewhere a block. */
export const PHRASING_PARENTS: ReadonlySet<string> = new Set(['paragraph', 'heading', 'emphasis', 'strong', 'delete', 'link', 'linkReference', 'tableCell']);

type Wrap = 'link' | 'strong' | 'emphasis' | 'delete' | 'inlineCode' | 'unwrap';
const WRAPS: Record<string, Wrap> = {a: 'link', b: 'strong', strong: 'strong', i: 'emphasis', em: 'emphasis', s: 'delete', del: 'delete', strike: 'delete', code: 'inlineCode', kbd: 'inlineCode', tt: 'inlineCode', samp: 'inlineCode'};

interface Frame {
  /** The start tag as written, put back as text if nothing closes it. */
  node: Html;
  tag: string;
  wrap: Wrap;
  href?: string;
  start: number;
}

/** The attributes of one start tag, as a browser reads them. */
function attributesOf(value: string): Map<string, string> {
  const fragment = parseFragment(value);
  const element = fragment.childNodes[0] as {attrs?: {name: string; value: string}[]} | undefined;
  return new Map((element?.attrs ?? []).map((attribute) => [attribute.name.toLowerCase(), attribute.value]));
}

function wrapped(frame: Frame, children: PhrasingContent[]): PhrasingContent[] {
  switch (frame.wrap) {
    case 'link':
      return frame.href ? [{type: 'link', url: frame.href, children}] : children;
    case 'strong':
    case 'emphasis':
    case 'delete':
      return children.length > 0 ? [{type: frame.wrap, children}] : [];
    case 'inlineCode':
      return [{type: 'inlineCode', value: toString({type: 'paragraph', children})}];
    case 'unwrap':
      return children;
  }
}

/**
 * The children of a paragraph (or any phrasing parent) with their inline tags made Markdown. Nodes
 * that are not tags (`<!DOCTYPE>`, a lone `<`) are left for the caller, which shows them as text.
 */
export function inlineHtmlToMarkdown(children: RootContent[]): RootContent[] {
  if (!children.some((child) => child.type === 'html')) return children;
  const out: PhrasingContent[] = [];
  const stack: Frame[] = [];
  for (const child of children as PhrasingContent[]) {
    if (child.type !== 'html') {
      out.push(child);
      continue;
    }
    const value = (child as Html).value.trim();
    if (COMMENT.test(value)) continue;
    const match = TAG.exec(value);
    if (!match) {
      out.push(child);
      continue;
    }
    const [, closing, name] = match;
    const tag = name!.toLowerCase();
    if (tag === 'br') {
      if (!closing) out.push({type: 'break'});
      continue;
    }
    if (!closing) {
      if (value.endsWith('/>') || EMBEDS.has(tag)) {
        out.push(child);
        continue;
      }
      const wrap: Wrap = WRAPS[tag] ?? 'unwrap';
      const href = wrap === 'link' ? attributesOf(value).get('href')?.trim() : undefined;
      stack.push({node: child as Html, tag, wrap, href: href && isSafeUrl(href) ? href : undefined, start: out.length});
      continue;
    }
    const open = stack.map((frame) => frame.tag).lastIndexOf(tag);
    if (open === -1) {
      // A closing tag that closes nothing is prose.
      out.push(child);
      continue;
    }
    // Tags opened inside and never closed are prose: their start tag goes back as it was.
    while (stack.length > open + 1) {
      const inner = stack.pop()!;
      out.splice(inner.start, 0, inner.node);
    }
    const frame = stack.pop()!;
    out.push(...wrapped(frame, out.splice(frame.start)));
  }
  while (stack.length > 0) {
    const frame = stack.pop()!;
    out.splice(frame.start, 0, frame.node);
  }
  return out;
}
