/**
 * The pages of each docs instance in sidebar order, from the content Docusaurus loaded: the input of
 * llms.txt. Pages in no sidebar come last, by route.
 */
import path from 'node:path';
import type {LoadedPlugin} from '@docusaurus/types';
import type {LlmsPage, LlmsSection} from './site/llms';

interface Doc {
  id: string;
  title: string;
  description: string;
  permalink: string;
  source: string;
}

interface SidebarItem {
  type: string;
  id?: string;
  items?: SidebarItem[];
  link?: {type: string; id?: string};
}

interface DocsContent {
  loadedVersions: {docs: Doc[]; sidebars: Record<string, SidebarItem[]>}[];
}

/** A section of the site as the core plugin's options list it, in navbar order. */
export interface SectionRef {
  pluginId: string;
  title: string;
  description: string;
}

export function pagesBySection(plugins: LoadedPlugin[], sections: SectionRef[], siteDir: string): LlmsSection[] {
  const docsPlugins = new Map(
    plugins
      .filter((plugin) => plugin.name === 'docusaurus-plugin-content-docs')
      .map((plugin) => [String(plugin.options.id ?? 'default'), plugin.content as DocsContent | undefined]),
  );
  return sections.map((section) => {
    const version = docsPlugins.get(section.pluginId)?.loadedVersions[0];
    if (!version) return {title: section.title, description: section.description, pages: []};
    const byId = new Map(version.docs.map((doc) => [doc.id, doc]));
    const ordered: string[] = [];
    const visit = (items: SidebarItem[]) => {
      for (const item of items) {
        if ((item.type === 'doc' || item.type === 'ref') && item.id) ordered.push(item.id);
        if (item.type === 'category') {
          if (item.link?.type === 'doc' && item.link.id) ordered.push(item.link.id);
          visit(item.items ?? []);
        }
      }
    };
    for (const name of Object.keys(version.sidebars).sort()) visit(version.sidebars[name] ?? []);
    const seen = new Set<string>();
    const pages: LlmsPage[] = [];
    const add = (doc: Doc | undefined) => {
      if (!doc || seen.has(doc.id)) return;
      seen.add(doc.id);
      pages.push({title: doc.title, description: doc.description, permalink: doc.permalink, source: resolveSource(doc.source, siteDir)});
    };
    for (const id of ordered) add(byId.get(id));
    for (const doc of [...version.docs].sort((a, b) => (a.permalink < b.permalink ? -1 : 1))) add(doc);
    return {title: section.title, description: section.description, pages};
  });
}

/** Docusaurus names sources with the `@site/` alias. */
function resolveSource(source: string, siteDir: string): string {
  return source.startsWith('@site/') ? path.join(siteDir, source.slice('@site/'.length)) : path.resolve(siteDir, source);
}
