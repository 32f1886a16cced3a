/**
 * Every page of every docs instance, from the content Docusaurus loaded (allContentLoaded): exact
 * permalinks and titles, the facts the parseFrontMatter hook attached, and the author's reading
 * order (sections in navbar order, then each sidebar's order).
 */
import type {AllContent} from '@docusaurus/types';
import type {LoadedContent, LoadedVersion} from '@docusaurus/plugin-content-docs';
import type {PageEntry, PageFacts} from './types';
import {FACTS_KEY} from './types';

export interface DocsSource {
  /** The docs plugin instance id (`default` for the authored docs). */
  pluginId: string;
  /** The section title readers see, e.g. "Guides". */
  title: string;
}

export interface CollectedTag {
  label: string;
  permalink: string;
  count: number;
  section: string;
}

const DOCS_PLUGIN = 'docusaurus-plugin-content-docs';
/** Leaves room for the pages of one section before the next section's order starts. */
const SECTION_STRIDE = 1_000_000;

const NO_FACTS: PageFacts = {audience: [], primaryAudience: [], readingTime: {minutes: 0, computed: true}, maintainers: []};

export function collectPages(allContent: AllContent, sources: readonly DocsSource[]): {pages: PageEntry[]; tags: CollectedTag[]} {
  const pages: PageEntry[] = [];
  const tags = new Map<string, CollectedTag>();
  sources.forEach((source, sectionIndex) => {
    const content = allContent[DOCS_PLUGIN]?.[source.pluginId] as LoadedContent | undefined;
    // The current version only: older versions are archives, not reading material.
    const version = content?.loadedVersions[0];
    if (!version) return;
    const sidebarOrder = sidebarDocOrder(version);
    for (const doc of version.docs) {
      if (doc.unlisted) continue;
      const position = sidebarOrder.get(doc.id) ?? sidebarOrder.size;
      pages.push({
        permalink: doc.permalink,
        title: doc.title,
        // Only an author's own description: Docusaurus's fallback is the first line of the text, often cut mid-sentence.
        ...(typeof doc.frontMatter.description === 'string' && doc.frontMatter.description ? {description: doc.frontMatter.description} : {}),
        section: source.title,
        order: sectionIndex * SECTION_STRIDE + position,
        facts: (doc.frontMatter[FACTS_KEY] as PageFacts | undefined) ?? NO_FACTS,
      });
      for (const tag of doc.tags) {
        const entry = tags.get(tag.permalink) ?? {label: tag.label, permalink: tag.permalink, count: 0, section: source.title};
        entry.count++;
        tags.set(tag.permalink, entry);
      }
    }
  });
  pages.sort((a, b) => a.order - b.order || (a.permalink < b.permalink ? -1 : 1));
  const sortedTags = [...tags.values()].sort((a, b) => a.label.localeCompare(b.label, 'en') || (a.permalink < b.permalink ? -1 : 1));
  return {pages, tags: sortedTags};
}

/** Doc id → position in the version's sidebars, depth first, a category's own page before its items. */
function sidebarDocOrder(version: LoadedVersion): Map<string, number> {
  const order = new Map<string, number>();
  type Item = LoadedVersion['sidebars'][string][number];
  const visit = (items: Item[]) => {
    for (const item of items) {
      if ((item.type === 'doc' || item.type === 'ref') && !order.has(item.id)) order.set(item.id, order.size);
      if (item.type === 'category') {
        if (item.link?.type === 'doc' && !order.has(item.link.id)) order.set(item.link.id, order.size);
        visit(item.items);
      }
    }
  };
  for (const sidebarId of Object.keys(version.sidebars)) visit(version.sidebars[sidebarId]!);
  return order;
}
