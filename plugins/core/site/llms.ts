/**
 * llms.txt, llms-full.txt and a Markdown copy of every page, written after the build from what the
 * docs instances loaded: pages in sidebar order, each page's text made clean Markdown by
 * pageBody (made during the bundling by markdownCopies.ts when the build started it). `/a/b/` is copied to `/a/b.md` (the llms.txt convention); the site root to
 * `/index.md`.
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import {pageBody, withTitle, type MarkdownBody} from './toMarkdown';

export interface LlmsPage {
  title: string;
  description: string;
  /** Route with baseUrl, as Docusaurus gives it: `/docs/intro/`. */
  permalink: string;
  /** Absolute path of the page's source file. */
  source: string;
}

export interface LlmsSection {
  title: string;
  description: string;
  pages: LlmsPage[];
}

export interface LlmsInput {
  outDir: string;
  /** The site's URL and baseUrl: llms.txt links are absolute. */
  siteUrl: string;
  baseUrl: string;
  project: {name: string; description?: string};
  sections: LlmsSection[];
  /** Each page's copy by source file (see markdownCopies.ts); else made here, page by page. */
  copyOf?: (source: string) => Promise<MarkdownBody>;
}

export interface LlmsSizes {
  pages: number;
  llmsTxt: number;
  llmsFullTxt: number;
  markdownCopies: number;
}

/** `/a/b/` → `/a/b.md`; `/` → `/index.md`. */
export function markdownRoute(permalink: string): string {
  const trimmed = permalink.replace(/\/+$/, '');
  return trimmed === '' ? '/index.md' : `${trimmed}.md`;
}

export async function writeLlmsFiles(input: LlmsInput): Promise<LlmsSizes> {
  const absolute = (route: string) => `${input.siteUrl.replace(/\/+$/, '')}${route}`;
  const index: string[] = [`# ${oneLine(input.project.name)}`, ''];
  if (input.project.description) index.push(`> ${oneLine(input.project.description)}`, '');
  const full: string[] = [];
  const sizes: LlmsSizes = {pages: 0, llmsTxt: 0, llmsFullTxt: 0, markdownCopies: 0};
  for (const section of input.sections) {
    if (section.pages.length === 0) continue;
    index.push(`## ${oneLine(section.title)}`, '', oneLine(section.description), '');
    for (const page of section.pages) {
      const copy = input.copyOf ? await input.copyOf(page.source) : pageBody(await fs.readFile(page.source, 'utf8'), page.source.endsWith('.mdx') ? 'mdx' : 'md');
      const markdown = copy.titled || !page.title ? copy.markdown : withTitle(copy.markdown, page.title);
      const route = markdownRoute(page.permalink);
      const file = path.join(input.outDir, route.slice(input.baseUrl.length - 1));
      await fs.mkdir(path.dirname(file), {recursive: true});
      await fs.writeFile(file, markdown);
      sizes.pages++;
      sizes.markdownCopies += Buffer.byteLength(markdown);
      const description = oneLine(page.description);
      index.push(`- [${oneLine(page.title).replace(/[[\]]/g, '\\$&')}](${absolute(route)})${description ? `: ${description}` : ''}`);
      full.push(`Source: ${absolute(page.permalink)}\n\n${markdown}`);
    }
    index.push('');
  }
  const llmsTxt = `${index.join('\n').trimEnd()}\n`;
  const llmsFullTxt = full.join('\n---\n\n');
  await fs.writeFile(path.join(input.outDir, 'llms.txt'), llmsTxt);
  await fs.writeFile(path.join(input.outDir, 'llms-full.txt'), llmsFullTxt);
  sizes.llmsTxt = Buffer.byteLength(llmsTxt);
  sizes.llmsFullTxt = Buffer.byteLength(llmsFullTxt);
  return sizes;
}

/** One line of at most 200 characters: descriptions come from the pages' first paragraphs. */
function oneLine(value: string): string {
  const line = value.replace(/\s+/g, ' ').trim();
  return line.length > 200 ? `${line.slice(0, 199)}\u2026` : line;
}
