/**
 * A page as clean Markdown, for readers that are programs (llms.txt, the `.md` copy of each page):
 * the MDX is parsed into mdast, and what only a browser can use is taken out there — import and
 * export lines, expressions, JSX (its children kept; the few components whose props hold the text,
 * like an endpoint's method and path or a signature, become that text), raw HTML. Tables and code
 * blocks are kept as they are. Nothing is done with regular expressions on the text.
 */
// The module itself, not the package's index: the worker of markdownCopies.ts loads this file in
// each build, and the index loads all of @docusaurus/utils (0.7 s) for this one function.
import {escapeMarkdownHeadingIds} from '@docusaurus/utils/lib/markdownHeadingIdUtils';
import matter from 'gray-matter';
import type {Code, Parent, Root, RootContent} from 'mdast';
import {fromMarkdown} from 'mdast-util-from-markdown';
import {gfmFromMarkdown, gfmToMarkdown} from 'mdast-util-gfm';
import {mdxFromMarkdown} from 'mdast-util-mdx';
import type {MdxJsxFlowElement, MdxJsxTextElement} from 'mdast-util-mdx-jsx';
import {toMarkdown, type Options as ToMarkdownOptions} from 'mdast-util-to-markdown';
import {gfm} from 'micromark-extension-gfm';
import {mdxjs} from 'micromark-extension-mdxjs';
import {parseMarkdown} from '../markdown/sanitizeMarkdown';
import {fasterEscapingRoot} from '../mdx/writeMdx';

/** The MDX parser's options, made once: building the extensions is part of each parse's cost. */
const MDX_OPTIONS = {extensions: [mdxjs(), gfm()], mdastExtensions: [mdxFromMarkdown(), gfmFromMarkdown()]};

type Jsx = MdxJsxFlowElement | MdxJsxTextElement;

/** Serialiser options of the copies; the writer's root handler only skips escaping work (same bytes). */
const TO_MARKDOWN_OPTIONS: ToMarkdownOptions = {handlers: {root: fasterEscapingRoot}, extensions: [gfmToMarkdown()], bullet: '-', emphasis: '_', rule: '-', fences: true};

/**
 * @param source the page's file as written (front matter included)
 * @param format `mdx` for .mdx files; `.md` files are CommonMark, as the site compiles them
 * @param title the page's title, added as a heading when the page has none
 */
export function pageToMarkdown(source: string, format: 'md' | 'mdx', title?: string): string {
  const copy = pageBody(source, format);
  return title && !copy.titled ? withTitle(copy.markdown, title) : copy.markdown;
}

/** A page's Markdown without a title added, and whether it has its own: what the cache of copies keeps. */
export interface MarkdownBody {
  markdown: string;
  /** The page starts its own `# Title`; else the reader needs the page's title added. */
  titled: boolean;
}

export function pageBody(source: string, format: 'md' | 'mdx'): MarkdownBody {
  // Docusaurus reads `## Title {#id}` before MDX does (where it would be a broken expression): the
  // same helper makes the id text, which trimEnd then drops.
  const body = escapeMarkdownHeadingIds(matter(source).content);
  let tree: Root;
  try {
    tree =
      format === 'mdx'
        ? fromMarkdown(body, MDX_OPTIONS)
        : parseMarkdown(body);
  } catch {
    // The site compiled this page, so this is rare (an MDX feature mdxjs alone does not read): fall
    // back to the page as CommonMark, where JSX is only text.
    tree = parseMarkdown(body);
  }
  clean(tree);
  const titled = tree.children.some((node) => node.type === 'heading' && node.depth === 1);
  return {markdown: serialize(tree), titled};
}

/** The title as a heading (a text node, so a title with `*` or `<` stays text) above the page. */
export function withTitle(markdown: string, title: string): string {
  const heading = serialize({type: 'root', children: [{type: 'heading', depth: 1, children: [{type: 'text', value: title}]}]});
  return markdown.trim() === '' ? heading : `${heading}\n${markdown}`;
}

function serialize(tree: Root): string {
  return toMarkdown(tree, TO_MARKDOWN_OPTIONS).trimEnd() + '\n';
}

function clean(parent: Parent): void {
  const out: RootContent[] = [];
  for (const node of parent.children as RootContent[]) {
    switch (node.type) {
      case 'mdxjsEsm':
      case 'mdxFlowExpression':
      case 'mdxTextExpression':
      case 'html':
        continue;
      case 'mdxJsxFlowElement':
      case 'mdxJsxTextElement': {
        out.push(...(replaceJsx(node) as RootContent[]));
        continue;
      }
      default:
        if ('children' in node) clean(node as Parent);
        if (node.type === 'heading') trimEnd(node);
        out.push(node);
    }
  }
  (parent as Parent).children = out as Parent['children'];
}

/** A component's text: what the reader sees of it in the page. */
function replaceJsx(node: Jsx): RootContent[] {
  const props = jsxProps(node);
  const flow = node.type === 'mdxJsxFlowElement';
  const inline = (value: string): RootContent => (flow ? {type: 'paragraph', children: [{type: 'inlineCode', value}]} : {type: 'inlineCode', value});
  switch (node.name) {
    case 'MethodEndpoint':
      if (typeof props.method === 'string' && typeof props.path === 'string') return [inline(`${props.method.toUpperCase()} ${props.path}`)];
      return [];
    case 'ApiSignature': {
      const parts = Array.isArray(props.code) ? (props.code as unknown[]) : [];
      const value = parts.map((part) => (typeof part === 'string' ? part : typeof part === 'object' && part && 'text' in part ? String(part.text) : '')).join('');
      const code: Code = {type: 'code', lang: 'ts', value};
      return value ? [code] : [];
    }
    // The citations of hand-written pages (docs/adr/0041), as the build resolved them.
    case 'CodeSnippet': {
      if (typeof props.broken === 'string') return [inline(`Citation broken: ${props.broken}`)];
      return typeof props.code === 'string' ? [{type: 'code', lang: typeof props.language === 'string' ? props.language : null, value: props.code} as Code] : [];
    }
    case 'SymbolLink':
    case 'EnvVar':
    case 'ApiOperation': {
      if (node.children.length > 0) return unwrap(node);
      const label = typeof props.method === 'string' && typeof props.path === 'string' ? `${props.method} ${props.path}` : String(props.label ?? props.name ?? props.id ?? '');
      return label ? [inline(label)] : [];
    }
    case 'ApiBadges': {
      const labels = Array.isArray(props.labels) ? props.labels.map(String) : [];
      return labels.length ? [{type: 'paragraph', children: [{type: 'emphasis', children: [{type: 'text', value: labels.join(', ')}]}]}] : [];
    }
    case 'Admonition': {
      const inner = unwrap(node);
      const label = typeof props.title === 'string' ? props.title : typeof props.type === 'string' ? props.type : undefined;
      if (!flow) return inner;
      const children = [...(label ? [{type: 'paragraph', children: [{type: 'strong', children: [{type: 'text', value: label}]}]}] : []), ...inner];
      return [{type: 'blockquote', children} as RootContent];
    }
    default:
      return unwrap(node);
  }
}

/** A heading loses its explicit id (`{#id}`, or the `{/* #id *\/}` comment taken out) and the space before it. */
function trimEnd(node: Parent): void {
  const last = node.children.at(-1);
  if (last?.type !== 'text') return;
  const value = last.value.trimEnd();
  const id = value.lastIndexOf(' {#');
  last.value = id >= 0 && value.endsWith('}') ? value.slice(0, id) : value;
}

function unwrap(node: Jsx): RootContent[] {
  const holder = {type: 'root', children: node.children} as Parent;
  clean(holder);
  return holder.children as RootContent[];
}

/** Props written as strings or as JSON expressions (how the MDX writer writes them); others are skipped. */
function jsxProps(node: Jsx): Record<string, unknown> {
  const props: Record<string, unknown> = {};
  for (const attribute of node.attributes) {
    if (attribute.type !== 'mdxJsxAttribute') continue;
    const value = attribute.value;
    if (typeof value === 'string' || value === null || value === undefined) {
      props[attribute.name] = value ?? true;
      continue;
    }
    try {
      props[attribute.name] = JSON.parse(value.value);
    } catch {
      // An expression that is not JSON (authored MDX): the page shows what it computes, we cannot.
    }
  }
  return props;
}
