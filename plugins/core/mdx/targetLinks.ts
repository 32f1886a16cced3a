/**
 * Images and links in a target's Markdown text (an API description, a doc comment) that point into
 * the repository: `![flow](../flow.png)`, `[see](./guide.md)`. The site does not carry the target's
 * files, so such an image would make Docusaurus look for a file beside the generated page and, by
 * default, fail the whole build. They are replaced by their text here, before any renderer sees
 * them, and the ones that name a file the repository does not have are returned as problems, so the
 * caller can warn with the source file and location. Web, mail and in-page (`#x`) addresses, and
 * site routes (`/docs/x`, in links only), are left as they are.
 */
import path from 'node:path';
import type {Image, Link, Nodes} from 'mdast';
import {parseMarkdown} from '../markdown/sanitizeMarkdown';

export interface TargetLinkProblem {
  kind: 'image' | 'link';
  url: string;
  /** The file it names, relative to the target's root; undefined when the path leaves the target. */
  path?: string;
  /** 1-based line inside the Markdown text. */
  line: number;
}

export interface TargetLinkCheck {
  /** The text with every image and link into the repository replaced by its text. */
  markdown: string;
  problems: TargetLinkProblem[];
  /** Files the text names (found or not), relative to the root: a cache of the result depends on them. */
  referenced: string[];
}

export interface TargetLinkOptions {
  /** The file the text comes from, relative to the target's root (POSIX): relative URLs start there. */
  source: string;
  /** Whether the target has this file (relative to its root). */
  exists: (relativePath: string) => boolean;
  /**
   * Which images and links become text: all of them (the default, for text whose renderer keeps
   * relative URLs as they are), or only those naming a missing file (for a renderer that links the
   * target's files to the repository host, as the history's ADRs and changelog do).
   */
  replace?: 'all' | 'missing';
}

/** `https:`, `mailto:`, `data:`... and `#anchor`, `//host/x`: not a path into the repository. */
function isAddress(url: string): boolean {
  return /^[a-z][a-z\d+.-]*:/i.test(url) || url.startsWith('#') || url.startsWith('//');
}

/** Characters Markdown would read as syntax in text put back in place of an image. */
function escapeText(value: string): string {
  return value.replace(/[\\`*_[\]<>{}#!|~]/g, (char) => `\\${char}`);
}

/** The repository path a URL names, or undefined when it leaves the target. */
export function targetPath(url: string, source: string): string | undefined {
  let pathname = url.replace(/[?#].*$/s, '');
  try {
    pathname = decodeURIComponent(pathname);
  } catch {
    // keep it as written
  }
  const joined = pathname.startsWith('/') ? path.posix.normalize(pathname.slice(1)) : path.posix.join(path.posix.dirname(source), pathname);
  return joined === '..' || joined.startsWith('../') || path.posix.isAbsolute(joined) ? undefined : joined.replace(/\/$/, '') || '.';
}

export function checkTargetLinks(markdown: string, options: TargetLinkOptions): TargetLinkCheck {
  if (!/\]\(|\]:|!\[/.test(markdown)) return {markdown, problems: [], referenced: []};
  const tree = parseMarkdown(markdown);
  const edits: {start: number; end: number; text: string}[] = [];
  const problems: TargetLinkProblem[] = [];
  const referenced = new Set<string>();
  const visit = (node: Nodes) => {
    if ((node.type === 'image' || node.type === 'link') && node.position && node.url.trim() && !isAddress(node.url.trim())) {
      const handled = handle(node);
      if (handled) return;
    }
    if ('children' in node) for (const child of node.children) visit(child as Nodes);
  };
  const handle = (node: Image | Link): boolean => {
    const url = node.url.trim();
    // A link to a site route is the site's business (Docusaurus checks it); an image never is.
    if (node.type === 'link' && url.startsWith('/')) return false;
    const file = targetPath(url, options.source);
    if (file) referenced.add(file);
    const missing = !file || !options.exists(file);
    if (missing) problems.push({kind: node.type, url, ...(file ? {path: file} : {}), line: node.position!.start.line});
    if (!missing && options.replace === 'missing') return true;
    const start = node.position!.start.offset!;
    const end = node.position!.end.offset!;
    if (node.type === 'image') {
      edits.push({start, end, text: escapeText(node.alt ?? '')});
    } else {
      const first = node.children[0]?.position?.start.offset;
      const last = node.children.at(-1)?.position?.end.offset;
      edits.push({start, end, text: first !== undefined && last !== undefined ? markdown.slice(first, last) : ''});
    }
    return true;
  };
  visit(tree);
  let out = markdown;
  for (const edit of edits.sort((a, b) => b.start - a.start)) out = `${out.slice(0, edit.start)}${edit.text}${out.slice(edit.end)}`;
  return {markdown: out, problems, referenced: [...referenced].sort()};
}

/** What a reader is told about a problem: `image "../flow.png" names flow.png, which the repository does not have`. */
export function describeTargetLinkProblem(problem: TargetLinkProblem): string {
  const what = `${problem.kind} "${problem.url}"`;
  return problem.path === undefined
    ? `${what} points outside the repository; it is shown as text`
    : `${what} names ${problem.path}, which the repository does not have; it is shown as text`;
}
