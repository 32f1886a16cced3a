/**
 * One hand-written page of the target, read before Docusaurus sees it: its front matter is parsed
 * with the parser Docusaurus uses, an `.mdx` page is parsed as MDX (syntax only, not compiled), and
 * its links, images and link definitions are listed with their position, so the stager can
 * neutralise those that leave the target. A page Docusaurus would reject comes back as a problem,
 * with the line at fault, instead of failing the whole build later with a stack trace.
 */
import crypto from 'node:crypto';
import type {Nodes, Root} from 'mdast';
import {DEFAULT_PARSE_FRONT_MATTER} from '@docusaurus/utils';
import {fromMarkdown} from 'mdast-util-from-markdown';
import {gfmFromMarkdown} from 'mdast-util-gfm';
import {mdxFromMarkdown} from 'mdast-util-mdx';
import {gfm} from 'micromark-extension-gfm';
import {mdxjs} from 'micromark-extension-mdxjs';
import {codeVersion} from '../codeVersion';
import {rememberedAsync} from '../runStore';

export interface PageProblem {
  /** 1-based line in the page. */
  line?: number;
  message: string;
  fix: string;
}

/** A link, image or link definition with a URL, and where it is in the page's text. */
export interface PageReference {
  kind: 'link' | 'image' | 'definition';
  url: string;
  line: number;
  start: number;
  end: number;
  /** What replaces the whole construct when it must go: the link's own text, the image's alt text. */
  plain: string;
  /** The title, and for a definition its label, to write the construct again with another URL. */
  title?: string;
  label?: string;
  /** For a link: where its text ends, so that only `](url)` is rewritten and edits inside its text stay apart. */
  textEnd?: number;
}

export type AuthoredPage = {ok: true; references: PageReference[]; frontMatter: Record<string, unknown>; tree: Root} | {ok: false; problem: PageProblem};

/**
 * The last pages read, by path and text: the living-docs extract reads every page (to grade it)
 * before the stager reads it again, and an MDX parse costs up to a few hundred milliseconds. Callers
 * only read the tree. Bounded, so a long `start` session keeps only the latest pages; the bound
 * holds a large docs folder whole, since with one page more than the bound a read in the same order
 * finds none (about 0.1 MB a page: this repository's 64 pages take 6 MB; docs/adr/0050).
 */
const recent = new Map<string, Promise<AuthoredPage>>();
const RECENT_PAGES = 512;
let kept = RECENT_PAGES;

/**
 * `docs-architect check` reads every page again after staging (the author's file for the lint-style
 * checks): it keeps every page read, since its process ends with the run (docs/adr/0049).
 */
export function keepAuthoredPages(count: number): void {
  kept = Math.max(RECENT_PAGES, count);
}

/**
 * Parsed pages are kept from one `check` run to the next in this namespace of the run store
 * (docs/adr/0053): its version is this parser's code and the parsing packages.
 */
export const AUTHORED_PAGES_STORE = {
  name: 'authored-pages',
  version: () =>
    codeVersion(
      [__filename],
      ['mdast-util-from-markdown', 'mdast-util-gfm', 'mdast-util-mdx', 'micromark', 'micromark-extension-gfm', 'micromark-extension-mdxjs', '@docusaurus/utils'],
    ),
};

export function readAuthoredPage(filePath: string, text: string): Promise<AuthoredPage> {
  const key = `${filePath}\0${crypto.createHash('sha256').update(text).digest('hex')}`;
  let page = recent.get(key);
  if (!page) {
    // Stored before any caller sees the tree (check's heading ids write into it).
    page = rememberedAsync(AUTHORED_PAGES_STORE.name, key, () => readAuthoredPageUncached(filePath, text));
    recent.set(key, page);
    if (recent.size > kept) recent.delete(recent.keys().next().value!);
  }
  return page;
}

async function readAuthoredPageUncached(filePath: string, text: string): Promise<AuthoredPage> {
  const parsed = await checkFrontMatter(filePath, text);
  if ('problem' in parsed) return {ok: false, problem: parsed.problem};
  const isMdx = /\.mdx$/i.test(filePath);
  let tree;
  try {
    // The front matter is blanked, not cut, so every offset and line still matches the file.
    tree = fromMarkdown(blankFrontMatter(text), {
      extensions: isMdx ? [mdxjs(), gfm()] : [gfm()],
      mdastExtensions: isMdx ? [mdxFromMarkdown(), gfmFromMarkdown()] : [gfmFromMarkdown()],
    });
  } catch (error) {
    const {reason} = error as {reason?: string};
    return {
      ok: false,
      problem: {
        line: errorLine(error),
        message: `this MDX page does not parse: ${(reason ?? (error as Error).message).replace(/\.$/, '')}`,
        fix: 'Correct the MDX syntax there (or rename the page to .md to have it read as plain Markdown); until then the page shows this message',
      },
    };
  }
  const references: PageReference[] = [];
  collect(tree, text, references);
  return {ok: true, references, frontMatter: parsed.frontMatter, tree};
}

/**
 * The line of an MDX parse error. Most carry it; some (an element never closed) only name their
 * range in the reason, as `(7:1-7:7)`.
 */
function errorLine(error: unknown): number | undefined {
  const {line, place, reason} = error as {line?: number; place?: {line?: number; start?: {line?: number}}; reason?: string};
  const fromReason = /\((\d+):\d+(?:-\d+:\d+)?\)\s*$/.exec(reason ?? '')?.[1];
  return line ?? place?.line ?? place?.start?.line ?? (fromReason ? Number(fromReason) : undefined);
}

async function checkFrontMatter(filePath: string, text: string): Promise<{frontMatter: Record<string, unknown>} | {problem: PageProblem}> {
  try {
    const {frontMatter} = await DEFAULT_PARSE_FRONT_MATTER({filePath, fileContent: text});
    return {frontMatter};
  } catch (error) {
    const {reason, mark} = error as {reason?: string; mark?: {line: number}};
    return {problem: {
      // js-yaml counts from the end of the opening `---` line, which is line 1 of the file.
      line: mark ? mark.line + 1 : undefined,
      message: `the front matter is not valid YAML: ${reason ?? (error as Error).message.split('\n')[0]}`,
      fix: 'Correct the YAML between the two `---` lines (quote values that hold `:`, `#`, `[` or `{`); until then the page shows this message',
    }};
  }
}

/** The page with its front matter block turned into spaces, line breaks kept. */
function blankFrontMatter(text: string): string {
  const match = /^---[ \t]*\r?\n[\s\S]*?\r?\n---[ \t]*(?=\r?\n|$)/.exec(text);
  return match ? match[0].replace(/[^\r\n]/g, ' ') + text.slice(match[0].length) : text;
}

function collect(node: Nodes, text: string, out: PageReference[]): void {
  const position = node.position;
  if ((node.type === 'link' || node.type === 'image' || node.type === 'definition') && position) {
    const start = position.start.offset ?? 0;
    const end = position.end.offset ?? start;
    out.push({
      kind: node.type,
      url: node.url,
      line: position.start.line,
      start,
      end,
      plain: plainOf(node, text),
      title: node.title ?? undefined,
      label: node.type === 'definition' ? (node.label ?? node.identifier) : undefined,
      textEnd: node.type === 'link' ? (node.children.at(-1)?.position?.end.offset ?? start + 1) : undefined,
    });
  }
  if ('children' in node) for (const child of node.children as Nodes[]) collect(child, text, out);
}

function plainOf(node: Nodes, text: string): string {
  if (node.type === 'image') return escapeMarkdown(node.alt ?? '');
  if (node.type !== 'link' || node.children.length === 0) return '';
  // The link's own text as the author wrote it (emphasis, code and all), without the brackets.
  const first = node.children[0]!.position?.start.offset;
  const last = node.children.at(-1)!.position?.end.offset;
  return first === undefined || last === undefined ? '' : text.slice(first, last);
}

/** Alt text shown as text: every ASCII punctuation escaped, which both Markdown and MDX accept. */
function escapeMarkdown(value: string): string {
  return value.replace(/[\\`*_{}[\]<>()#+\-.!|~:]/g, (character) => `\\${character}`);
}
