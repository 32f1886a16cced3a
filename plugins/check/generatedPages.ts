/**
 * The routes' facts of a generated page (front matter, links, anchors) for the link check. A
 * generated page comes from the one MDX writer (docs/adr/0004), so it is scanned by lines instead of
 * parsed, and the facts are cached by the page's bytes: a page rendered again unchanged is not
 * scanned again (docs/adr/0049).
 */
import headingPlugin from '@docusaurus/mdx-loader/lib/remark/headings/index.js';
import {DEFAULT_PARSE_FRONT_MATTER} from '@docusaurus/utils';
import fs from 'node:fs';
import type {Root} from 'mdast';
import {fromMarkdown} from 'mdast-util-from-markdown';
import {loadBundledCache, type BundledCache} from '../core/bundledCache';
import {hashContent} from '../core/contentCache';
import type {PageLink} from './pages';
import {blankFrontMatter} from './prose';

/** The heading-id plugin of Docusaurus's MDX loader, called as a plain function (it reads no processor). */
export const headingIds = headingPlugin as unknown as (options: {anchorsMaintainCase: boolean}) => (tree: Root) => Promise<void>;

export interface GeneratedFacts {
  frontMatter: Record<string, unknown>;
  links: PageLink[];
  anchors: string[];
}

export type ScanCache = BundledCache<GeneratedFacts>;

/** The scan's code is part of the cache's version: an entry made by other code misses. */
let version: string | undefined;

export function loadScanCache(siteDir: string): Promise<ScanCache> {
  // Docusaurus's heading plugin makes the ids: its package (and version) is part of the key too.
  version ??= hashContent(fs.readFileSync(__filename, 'utf8'), fs.readFileSync(require.resolve('@docusaurus/mdx-loader/package.json'), 'utf8')).slice(0, 16);
  return loadBundledCache<GeneratedFacts>(siteDir, 'check-generated-pages', version);
}

export async function scanGeneratedPage(file: string, text: string, cache?: ScanCache): Promise<GeneratedFacts> {
  const key = hashContent(text);
  const cached = cache?.get(key);
  if (cached) return cached;
  const facts = await scan(file, text);
  cache?.set(key, facts);
  return facts;
}

/**
 * A generated page, which comes from the one MDX writer (docs/adr/0004), scanned by lines instead of
 * parsed: micromark reads ~1.6 MB of generated MDX in seconds, a line scan in milliseconds. Outside
 * code fences, heading lines go (each parsed alone, all in one tree) through Docusaurus's heading
 * plugin, so ids and their de-duplication are the built site's; `{/* #id *\/}` becomes the classic
 * `{#id}` the plugin reads the same way. Links are Markdown `](url)`, `href`/`to` attributes and the
 * JSON `href`s of generated components; anchors also come from `id` attributes.
 */
async function scan(file: string, content: string): Promise<GeneratedFacts> {
  const {frontMatter} = await DEFAULT_PARSE_FRONT_MATTER({filePath: file, fileContent: content});
  const links: PageLink[] = [];
  const anchors = new Set<string>();
  const lines = blankFrontMatter(content).split('\n');
  const headings: Root = {type: 'root', children: []};
  let fence: string | undefined;
  lines.forEach((text, index) => {
    const line = index + 1;
    const marker = /^ {0,3}(`{3,}|~{3,})/.exec(text)?.[1];
    if (marker && (!fence || (marker[0] === fence[0] && marker.length >= fence.length && text.trim() === marker))) {
      fence = fence ? undefined : marker;
      return;
    }
    if (fence) return;
    if (/^#{1,6}\s/.test(text)) {
      const heading = fromMarkdown(text.replace(/\s*\{\/\*\s*#?([^*]*?)\s*\*\/\}\s*$/, ' {#$1}')).children[0];
      if (heading?.type === 'heading') headings.children.push(heading);
    }
    // Code spans (`[x](./flow.png)` quoted in a doc comment) and escaped tags (`\<a href="…">`, a
    // target's HTML the writer shows as text) are text, not links: blanked, columns kept.
    const code = text.replace(/(`+)(?!`)[\s\S]*?[^`]\1(?!`)|\\<[^<>\n]*>/g, (span) => ' '.repeat(span.length));
    for (const match of code.matchAll(/\]\(([^)\s]+)(?:\s+"[^"]*")?\)|\b(?:href|to)=["']([^"']*)["']|"href"\s*:\s*"([^"\\]+)"/g)) {
      links.push({url: (match[1] ?? match[2] ?? match[3])!, line, column: match.index + 1});
    }
    for (const match of text.matchAll(/\bid=["']([^"']+)["']/g)) anchors.add(match[1]!);
  });
  await headingIds({anchorsMaintainCase: false})(headings);
  for (const heading of headings.children) {
    const id = (heading.data as {hProperties?: {id?: unknown}} | undefined)?.hProperties?.id;
    if (typeof id === 'string') anchors.add(id);
  }
  return {frontMatter, links, anchors: [...anchors]};
}
