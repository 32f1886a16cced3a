/**
 * A target's own Markdown (an ADR, a CHANGELOG.md) as mdast, to be serialised by the one writer. It
 * is parsed as CommonMark with GFM, never as MDX, so `{`, `<` and `import` in it stay text; inline
 * HTML tags become the Markdown they mean (core/markdown/inlineHtml.ts) and other raw HTML visible
 * text, since MDX would read it as JSX. Relative links and images are handed to
 * the caller, because they point into the target, not into the site. Addresses follow the one URL
 * rule (core/markdown/urlPolicy): a `javascript:` or `data:` link keeps only its text.
 */
import type {Image, Link, Nodes, Parent, Root, RootContent, Text} from 'mdast';
import {isSafeUrl} from '../markdown/urlPolicy';
import {inlineHtmlToMarkdown, PHRASING_PARENTS} from '../markdown/inlineHtml';
import {parseMarkdown} from '../markdown/sanitizeMarkdown';

export interface ImportOptions {
  /**
   * A new URL for a relative link or image (`./0002-x.md`, `img/a.png`), or undefined to keep only
   * its text. Absolute URLs (`https:`, `mailto:`, `#anchor`) are kept as they are.
   */
  rewriteUrl?: (url: string, kind: 'link' | 'image') => string | undefined;
}

export function markdownToMdast(markdown: string, options: ImportOptions = {}): RootContent[] {
  const tree = parseMarkdown(markdown);
  return transform(tree, options).children;
}

function isAbsolute(url: string): boolean {
  return /^[a-z][a-z\d+.-]*:/i.test(url) || url.startsWith('#') || url.startsWith('//');
}

function transform<T extends Root | Parent>(parent: T, options: ImportOptions): T {
  const children: Nodes[] = [];
  const inline = PHRASING_PARENTS.has(parent.type);
  // Inline tags become the Markdown they mean (release notes' `<a href>`); their links and images
  // are rewritten below like any other.
  const own = inline ? inlineHtmlToMarkdown(parent.children as RootContent[]) : parent.children;
  for (const child of own as Nodes[]) {
    children.push(...convert(child, options, inline));
  }
  return {...parent, children} as T;
}

function convert(node: Nodes, options: ImportOptions, inline: boolean): Nodes[] {
  switch (node.type) {
    case 'html':
      // MDX would parse it as JSX: show it as the text it is. A block (in a list item, a quote) is
      // a paragraph: a bare text node there is not escaped as phrasing, and `</x>` would stay JSX.
      if (inline) return [text(node.value)];
      return [node.value.includes('\n') ? {type: 'code', lang: 'html', meta: null, value: node.value} : {type: 'paragraph', children: [text(node.value)]}];
    case 'definition':
    case 'footnoteDefinition':
      return [];
    case 'linkReference':
    case 'imageReference':
      // Their definitions are dropped above; keep what the reader sees.
      return node.type === 'imageReference' ? [text(node.alt ?? '')] : (transform(node, options).children as Nodes[]);
    case 'footnoteReference':
      return [];
    case 'link':
      return rewriteLink(node, options);
    case 'image':
      return rewriteImage(node, options);
    default:
      return 'children' in node ? [transform(node as Parent, options) as Nodes] : [node];
  }
}

function rewriteLink(node: Link, options: ImportOptions): Nodes[] {
  const converted = transform(node, options);
  // `javascript:`, `data:`... keep their text and lose the address (core/markdown/urlPolicy).
  if (!isSafeUrl(node.url)) return converted.children as Nodes[];
  if (isAbsolute(node.url)) return [converted];
  const url = options.rewriteUrl?.(node.url, 'link');
  return url ? [{...converted, url}] : (converted.children as Nodes[]);
}

function rewriteImage(node: Image, options: ImportOptions): Nodes[] {
  // A relative image would make Docusaurus look for the file next to the generated page.
  if (!isSafeUrl(node.url)) return [text(node.alt ?? '')];
  const url = isAbsolute(node.url) ? node.url : options.rewriteUrl?.(node.url, 'image');
  if (!url) return [text(node.alt ?? '')];
  // An image from the target is linked, not embedded: the site does not copy the target's files.
  return [{type: 'link', url, title: null, children: [text(node.alt || url)]}];
}

function text(value: string): Text {
  return {type: 'text', value};
}
