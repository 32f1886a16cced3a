/**
 * The core Docusaurus plugin: hands the landing data to the theme and, during `npm start`, watches the
 * target's sources and regenerates the sections when they change. Generation itself happens in
 * prepareSite, before plugins load.
 */
import type {LoadContext, Plugin} from '@docusaurus/types';
import {pagesBySection, type SectionRef} from './llmsPages';
import {writeLlmsFiles} from './site/llms';
import type {MarkdownCopies} from './site/markdownCopies';
import type {LandingData} from './types';

export interface CorePluginOptions {
  id?: string;
  landing: LandingData;
  watch: string[];
  /** Re-runs the generators; the config passes prepareSite bound to the same target. */
  regenerate: () => Promise<unknown>;
  /** The site's sections in navbar order, for llms.txt. */
  sections: SectionRef[];
  /**
   * Starts the Markdown copies of every page (site/markdownCopies.ts). A closure, not the folders:
   * plugin options are part of the site config, and the folders are this build's work folder.
   */
  startCopies: () => Promise<MarkdownCopies>;
}

export default function docsArchitectCore(_context: LoadContext, options: CorePluginOptions): Plugin<void> {
  let loadedOnce = false;
  let copies: Promise<MarkdownCopies> | undefined;
  return {
    name: 'docs-architect-core',
    getPathsToWatch: () => options.watch,
    async loadContent() {
      // The first load follows the generation done by the config; later loads follow a change.
      if (loadedOnce) await options.regenerate();
      loadedOnce = true;
      // A build makes the pages' Markdown copies while the bundler works (a worker thread), not
      // after it; `start` makes none.
      if (process.env.NODE_ENV !== 'development') {
        copies = options.startCopies();
        copies.catch(() => undefined);
      }
    },
    async contentLoaded({actions}) {
      actions.setGlobalData(options.landing);
    },
    // After the HTML: llms.txt, llms-full.txt and each page's Markdown copy, from the loaded docs.
    async postBuild({plugins, outDir, siteDir, siteConfig}) {
      const made = await (copies ?? options.startCopies());
      await writeLlmsFiles({
        copyOf: (source) => made.get(source),
        outDir,
        siteUrl: `${siteConfig.url.replace(/\/+$/, '')}`,
        baseUrl: siteConfig.baseUrl,
        project: {name: options.landing.name, description: options.landing.description},
        sections: pagesBySection(plugins, options.sections, siteDir),
      });
      await made.finish();
    },
  };
}
