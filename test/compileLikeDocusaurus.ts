/**
 * For tests: compile a generated page as a Docusaurus build would, with the mdx-loader's own remark
 * plugins for images, asset links and Markdown links, which plain `@mdx-js/mdx` lacks. A page is
 * compiled as if it were at `filePath` (its section folder) in a site at `siteDir`, with every
 * hook set to throw, so a missing image or a `.md` link that no page answers fails the test as it
 * would fail a strict build (and warns in a normal one).
 */
import os from 'node:os';
import path from 'node:path';
import {compile} from '@mdx-js/mdx';
import {DEFAULT_PARSE_FRONT_MATTER, unwrapMdxCodeBlocks} from '@docusaurus/utils';
import remarkDirective from 'remark-directive';
import remarkGfm from 'remark-gfm';
import {VFile} from 'vfile';
import transformImage from '@docusaurus/mdx-loader/lib/remark/transformImage';
import transformLinks from '@docusaurus/mdx-loader/lib/remark/transformLinks';
import resolveMarkdownLinks from '@docusaurus/mdx-loader/lib/remark/resolveMarkdownLinks';

export interface DocusaurusCompileOptions {
  /** Where the page would be: an absolute path inside the section's folder (default: a generated page of an empty site). */
  filePath?: string;
  /** The site (default: an empty folder that does not exist, so no image or asset resolves). */
  siteDir?: string;
  staticDirs?: string[];
  /**
   * The Markdown files of the section, relative to the page's folder: a `.md` link to anything else
   * is broken. Without it, every `.md` link is taken to resolve (images are still checked).
   */
  markdownFiles?: readonly string[];
}

const EMPTY_SITE = path.join(os.tmpdir(), 'docs-architect-no-site');

export async function compileLikeDocusaurus(mdx: string, options: DocusaurusCompileOptions = {}): Promise<string> {
  const siteDir = options.siteDir ?? EMPTY_SITE;
  const filePath = options.filePath ?? path.join(siteDir, '.docs-architect', 'generated', 'section', 'page.mdx');
  const {content} = await DEFAULT_PARSE_FRONT_MATTER({filePath, fileContent: mdx});
  const body = unwrapMdxCodeBlocks(content);
  const staticDirs = options.staticDirs ?? [path.join(siteDir, 'static')];
  const known = options.markdownFiles && new Set(options.markdownFiles.map((file) => path.resolve(path.dirname(filePath), file)));
  const file = new VFile({value: body, path: filePath});
  const compiled = await compile(file, {
    remarkPlugins: [
      remarkGfm,
      remarkDirective,
      [transformImage, {staticDirs, siteDir, onBrokenMarkdownImages: 'throw'}],
      [
        resolveMarkdownLinks,
        {
          resolveMarkdownLink: ({sourceFilePath, linkPathname}: {sourceFilePath: string; linkPathname: string}) =>
            !known || known.has(path.resolve(path.dirname(sourceFilePath), linkPathname)) ? `/${linkPathname}` : null,
          onBrokenMarkdownLinks: 'throw',
        },
      ],
      [transformLinks, {staticDirs, siteDir, onBrokenMarkdownLinks: 'throw'}],
    ],
  });
  return String(compiled);
}
