/**
 * The audience plugin: once every docs instance has loaded, it builds the audiences' reading paths
 * and the index by content type as routes, publishes a small summary as global data (for the navbar
 * switcher and the landing page), injects the head script and CSS that filter sidebars before the
 * first paint, and after a build prints the pages due for review. Validation and per-page facts
 * happen earlier, in checkFrontMatter.ts and parseFrontMatter.ts.
 */
import type {LoadContext, Plugin} from '@docusaurus/types';
import {aliasedSitePath, normalizeUrl} from '@docusaurus/utils';
import {createAudienceModel, formatReviewDue} from './audienceModel';
import {audienceCss, audienceHeadScript} from './clientScript';
import {collectPages, type DocsSource} from './collectPages';
import type {AudienceGlobalData, PageEntry} from './types';
import {EVERYONE, type Vocabulary} from './vocabulary';
import {AUDIENCES_PATH} from './paths';

export const PLUGIN_NAME = 'docs-architect-audience';
export {AUDIENCES_PATH};
export const CONTENT_TYPES_PATH = 'content-types';

export interface AudiencePluginOptions {
  id?: string;
  vocabulary: Vocabulary;
  /** The docs instances, in navbar order. */
  sources: DocsSource[];
}

const COMPONENTS = '@site/src/components/AudiencePages';

export default function audiencePlugin(context: LoadContext, options: AudiencePluginOptions): Plugin<void> {
  const known = options.vocabulary.audiences.map((term) => term.id).filter((id) => id !== EVERYONE);
  const route = (...parts: string[]) => normalizeUrl([context.baseUrl, ...parts, '/']);
  let pages: PageEntry[] = [];

  return {
    name: PLUGIN_NAME,

    injectHtmlTags() {
      return {
        headTags: [
          {tagName: 'script', innerHTML: audienceHeadScript(known)},
          {tagName: 'style', innerHTML: audienceCss(known)},
        ],
      };
    },

    async allContentLoaded({allContent, actions}) {
      // `@site/.docusaurus/…`, not the absolute path createData returns: the route's chunk name is a
      // hash of this string and it is written into the bundle, and the site folder is this build's
      // work folder (docs/adr/0025, 0026).
      const dataModule = async (name: string, data: unknown) => aliasedSitePath(await actions.createData(name, data as never), context.siteDir);
      const collected = collectPages(allContent, options.sources);
      pages = collected.pages;
      const model = createAudienceModel(collected.pages, collected.tags, options.vocabulary);

      for (const path of model.paths) {
        actions.addRoute({
          path: route(AUDIENCES_PATH, path.audience.id),
          component: `${COMPONENTS}/ReadingPathPage`,
          modules: {data: await dataModule(`reading-path-${path.audience.id}.json`, path)},
          exact: true,
        });
      }
      actions.addRoute({
        path: route(AUDIENCES_PATH),
        component: `${COMPONENTS}/AudiencesIndexPage`,
        modules: {data: await dataModule('audiences.json', {audiences: model.audiences})},
        exact: true,
      });
      actions.addRoute({
        path: route(CONTENT_TYPES_PATH),
        component: `${COMPONENTS}/ContentTypesPage`,
        modules: {data: await dataModule('content-types.json', model.contentTypes)},
        exact: true,
      });

      const globalData: AudienceGlobalData = {
        audiences: model.audiences,
        known,
        contentTypes: model.contentTypeLabels,
        labels: model.labels,
        audiencesPath: route(AUDIENCES_PATH),
        contentTypesPath: route(CONTENT_TYPES_PATH),
      };
      actions.setGlobalData(globalData);
    },

    async postBuild() {
      const list = formatReviewDue(pages);
      if (list) console.log(list);
    },
  };
}
