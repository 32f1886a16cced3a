/** The hand-written pages living docs reads: a module apart from the reading, which loads only when a section is extracted (docs/adr/0059). */
import {gatherGuides} from '../core/authored/gatherGuides';
import type {TargetContext} from '../core/types';

/** The pages the Guides section publishes: the docs folder's Markdown and the guides gathered beside it. */
export function authoredPages(context: TargetContext): string[] {
  const docsRel = context.config.docsPath?.replace(/\/+$/, '') ?? context.inventory.docsDirs[0];
  const inDocs = docsRel ? context.inventory.files.filter((file) => file.startsWith(`${docsRel}/`) && /\.mdx?$/i.test(file)) : [];
  const guides = gatherGuides({files: context.inventory.files, docsRel, packageDirs: context.inventory.packages.map((pkg) => pkg.dir)});
  return [...new Set([...inDocs, ...guides.pages.map((page) => page.source)])].sort();
}
