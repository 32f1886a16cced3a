/**
 * The site. It documents the target named by DOCS_TARGET (default: this repository): prepareSite
 * discovers the target and writes the generated sections before Docusaurus loads any plugin, then
 * each section becomes a docs instance with its own sidebar.
 */
import path from 'node:path';
import type {Config, PluginConfig, PluginModule} from '@docusaurus/types';
import type * as Preset from '@docusaurus/preset-classic';
import {themes as prismThemes} from 'prism-react-renderer';
import {getVcsPreset, GlobExcludeDefault} from '@docusaurus/utils';
import docsArchitectCore from './plugins/core/index';
import bundlerCachePlugin from './plugins/core/bundlerCachePlugin';
import packageSourcesPlugin from './plugins/core/packageSources';
import {fitNavbar, type NavItem} from './plugins/core/navbarFit';
import {applyTheming} from './plugins/core/theming';
import {createServeConfig, isServeCommand} from './plugins/core/serveConfig';
import {watchAuthoredDocs} from './plugins/core/watchAuthoredDocs';
import deterministicBundle from './plugins/core/deterministicBundle';
import {formatUserError, isUserError} from './plugins/core/errors';
import {createHistoryVcs} from './plugins/core/historyVcs';
import {staticRoot} from './plugins/core/generatedFiles';
import {sourceOfStaged} from './plugins/core/authored/stageAuthoredDocs';
import {createRepoUrls} from './plugins/core/site/repoUrls';
import {prepareSite, type SitePlan} from './plugins/core/prepareSite';
import {generatedWatch, navbarItems, onProcess, preparedOnce} from './plugins/core/siteConfig';
import {startMarkdownCopies} from './plugins/core/site/markdownCopies';
import audiencePlugin, {AUDIENCES_PATH} from './plugins/audience/index';
import {generators, reservedRoutes} from './siteParts';
import {createFrontMatterCheck} from './plugins/audience/checkFrontMatter';
import {createParseFrontMatter} from './plugins/audience/parseFrontMatter';
import {createVocabulary} from './plugins/audience/vocabulary';
import {markdownPluginOptions, type MarkdownTrust} from './plugins/core/markdown/targetMarkdownPlugins';
import {remarkPublishedLinks} from './plugins/core/markdown/remarkPublishedLinks';

/**
 * The site folder of this build: the CLI gives each (target, output folder) its own (see
 * plugins/core/buildFolders.ts, docs/adr/0025); Docusaurus run by hand on this folder uses this one.
 */
const siteDir = process.env.DOCS_SITE_DIR || __dirname;

/**
 * Front matter problems already reported, shared by the build-time check and the parseFrontMatter
 * hook, and the check itself: each kept on the process (see plugins/core/siteConfig.ts), so that a
 * problem prints once and a build that reuses its plan still counts the tagged pages.
 */
const reportedFrontMatter = onProcess('reportedFrontMatter', () => new Set<string>());
const frontMatterCheck = onProcess('frontMatterCheck', () => createFrontMatterCheck(reportedFrontMatter));

/**
 * Last-updated dates and authors come from the target's git, not from this site's: the history pass
 * prepareSite already made (TargetContext.history), so Docusaurus runs no git of its own (see
 * docs/adr/0007). Development builds use fixed values, as Docusaurus does, to keep `start` fast.
 */
function targetVcs(context: SitePlan['context'], hasGitHistory: boolean) {
  if (!hasGitHistory || context.history.state !== 'ok') return getVcsPreset('disabled');
  if (process.env.NODE_ENV === 'development') return getVcsPreset('hardcoded');
  return createHistoryVcs(context.history, context.root, (file) => sourceOfStaged(siteDir, context.root, file));
}

/**
 * A path in the site folder as Docusaurus options take it, relative to the site folder. The site
 * config is serialised into the client bundle, and the site folder is this build's work folder
 * (docs/adr/0025): an absolute path would make the site depend on where it was built (docs/adr/0026).
 */
function siteRelative(file: string): string {
  return path.relative(siteDir, file).split(path.sep).join('/') || '.';
}

/** A unified plugin with its options closed over, so that they stay out of the serialised site config. */
function withOptions<Options>(plugin: (options: Options) => unknown, options: Options): () => unknown {
  return () => plugin(options);
}

export default async function createConfig(): Promise<Config> {
  // Serving a built site needs its base URL, not a fresh generation of the target.
  if (isServeCommand()) return createServeConfig(process.env.DOCS_TARGET || siteDir);
  const prepare = () =>
    prepareSite({
      siteDir,
      target: process.env.DOCS_TARGET || siteDir,
      strict: process.env.DOCS_STRICT === '1',
      generators,
      checks: [frontMatterCheck],
      reservedRoutes,
    });
  let plan: SitePlan;
  try {
    plan = await preparedOnce(JSON.stringify([process.env.DOCS_TARGET || siteDir, process.env.DOCS_STRICT]), prepare);
  } catch (error) {
    // A user's mistake is a message, not a stack trace.
    if (isUserError(error)) {
      console.error(`docs-architect: ${formatUserError(error)}`);
      process.exit(1);
    }
    throw error;
  }
  const {context, sections, landing} = plan;
  // The authored docs are a staged copy (docs/adr/0024): during `start` an edit copies them again.
  if (process.env.NODE_ENV === 'development' && plan.restageAuthored) watchAuthoredDocs(plan.watch.docs ?? [], plan.restageAuthored);
  const {links, git} = context;
  const authored = sections.find((section) => section.kind === 'authored');
  const generated = sections.filter((section) => section.kind === 'generated');
  const useWebpack = process.env.DOCS_BUNDLER === 'webpack';
  // Themes and theme configuration generated sections ask for (docusaurus-theme-openapi-docs...).
  const sectionThemes = [...new Set(generated.flatMap((section) => section.docs?.themes ?? []))];
  const sectionThemeConfig = Object.assign({}, ...generated.map((section) => section.docs?.themeConfig ?? {})) as Record<string, unknown>;
  const hasGitHistory = git.isRepository && Boolean(git.head);
  const vocabulary = createVocabulary(context.config.audiences);
  // What target Markdown may run: sanitised HTML and no script links by default (docs/adr/0022).
  const trust: MarkdownTrust = {authoredHtml: context.config.authoredHtml ?? 'sanitize', untrusted: process.env.DOCS_UNTRUSTED === '1'};
  const authoredMarkdown = markdownPluginOptions(trust, true);
  const authoredMarkdownOptions = authored
    ? {
        ...authoredMarkdown,
        beforeDefaultRemarkPlugins: [
          ...authoredMarkdown.beforeDefaultRemarkPlugins,
          // A closure, not [plugin, options]: Docusaurus ships the site config, plugin options
          // included, to the browser, and the options hold this build's work folder (docs/adr/0026).
          withOptions(remarkPublishedLinks, {docsDir: authored.path, published: authored.publishedElsewhere ?? []}),
        ],
      }
    : undefined;
  const docsSources = sections.map((section) => ({pluginId: section.kind === 'authored' ? 'default' : section.id, title: section.title}));

  const repoEditUrl = createRepoUrls(context).editUrl;
  // Docusaurus reads a staged copy; the edit link is to the real file (docs/adr/0024). A README or
  // guide moved into the section maps back to its own place (docs/adr/0032).
  const editUrl = repoEditUrl
    ? ({docPath}: {docPath: string}) =>
        repoEditUrl(path.relative(context.root, sourceOfStaged(siteDir, context.root, path.join(authored!.path, docPath)) ?? path.join(authored!.source ?? authored!.path, docPath)).split(path.sep).join('/'))
    : undefined;

  // The target's `theme` and `docusaurus` keys, applied last (plugins/core/theming.ts).
  const themed = (site: Config) =>
    applyTheming(site, {config: context.config, configFile: context.configFile, root: context.root, staticDir: staticRoot(siteDir), siteRelative, untrusted: trust.untrusted, strict: context.strict});
  return themed({
    title: context.project.name,
    tagline: context.project.description ?? 'Documentation generated from the code by docs-architect',
    favicon: 'img/favicon.svg',
    // Generated sections' files served as they are (the data API pages fetch), beside the site's own.
    // Relative to the site folder, as every path in this config that Docusaurus resolves: the config
    // is part of the bundle, and the site folder is this build's work folder (docs/adr/0026).
    staticDirectories: ['static', siteRelative(staticRoot(siteDir))],
    url: context.config.url ?? 'http://localhost',
    baseUrl: context.config.baseUrl ?? '/',
    trailingSlash: true,
    onBrokenLinks: context.strict ? 'throw' : 'warn',
    // Mermaid's node handlers need d3-transition, which the bundle would otherwise leave out;
    // large diagrams get pan and zoom.
    clientModules: [path.join(__dirname, 'src/clientModules/mermaidTransitions.ts'), path.join(__dirname, 'src/clientModules/mermaidPanZoom.ts')],
    onBrokenAnchors: context.strict ? 'throw' : 'warn',
    // Two pages at one URL: one is silently lost, so strict mode fails (test/hostile/siteConfig.test.ts).
    onDuplicateRoutes: context.strict ? 'throw' : 'warn',
    markdown: {
      mermaid: true,
      // A target's .md files are plain Markdown, often with `{`, `<T>` or `<br>` that MDX rejects:
      // compiled as MDX, one such file would fail the whole build. Only .mdx files are MDX (all
      // generated pages are .mdx and escaped by the writer).
      format: 'detect',
      // An image the target does not have (`![flow](../flow.png)` in an API description) must not sink
      // the site: Docusaurus throws by default. Generated text already drops such images with a warning.
      hooks: {onBrokenMarkdownLinks: context.strict ? 'throw' : 'warn', onBrokenMarkdownImages: context.strict ? 'throw' : 'warn'},
      // Validates the audience front matter of every page and attaches its facts (plugins/audience).
      parseFrontMatter: createParseFrontMatter({
        vocabulary,
        docsDirs: sections.map((section) => section.path),
        strict: context.strict,
        reported: reportedFrontMatter,
        sourceOf: (file) => sourceOfStaged(siteDir, context.root, file) ?? file,
        wordsPerMinute: context.config.audiences?.wordsPerMinute,
      }),
    },
    future: {
      v4: true,
      // Rspack/SWC by default; DOCS_BUNDLER=webpack trades speed for memory (see docs/adr/0003).
      faster: !useWebpack,
      experimental_vcs: targetVcs(context, hasGitHistory),
    },
    i18n: {defaultLocale: 'en', locales: ['en']},
    presets: [
      [
        'classic',
        {
          docs: authored
            ? {
                path: siteRelative(authored.path),
                routeBasePath: 'docs',
                sidebarPath: require.resolve('./sidebars.ts'),
                editUrl,
                showLastUpdateTime: hasGitHistory,
                showLastUpdateAuthor: hasGitHistory,
                ...authoredMarkdownOptions,
                // Files another section publishes (ADRs under docs/adr): once, there (ADR 0022).
                exclude: [...GlobExcludeDefault, ...(authored.publishedElsewhere ?? []).map((published) => published.file.replace(/[*?[\]{}()!+@\\]/g, '\\$&'))],
              }
            : false,
          blog: false,
          theme: {customCss: [require.resolve('./src/css/custom.css'), require.resolve('./src/css/openapi.css')]},
        } satisfies Preset.Options,
      ],
    ],
    plugins: [
      [
        docsArchitectCore as PluginModule,
        {
          landing,
          watch: generatedWatch(plan),
          regenerate: prepare,
          sections: sections.map((section) => ({pluginId: section.kind === 'authored' ? 'default' : section.id, title: section.title, description: section.description})),
          startCopies: () => startMarkdownCopies(siteDir, sections.map((section) => section.path)),
        },
      ],
      ...generated.map((section): PluginConfig => [
        '@docusaurus/plugin-content-docs',
        {
          id: section.id,
          path: siteRelative(section.path),
          routeBasePath: section.id,
          sidebarPath: require.resolve('./sidebars.ts'),
          // Generated pages carry `last_update` front matter from the last commit of their sources
          // (TargetContext.history.lastChange), so Docusaurus never asks git about the generated file.
          showLastUpdateTime: hasGitHistory,
          showLastUpdateAuthor: hasGitHistory,
          ...(section.docs?.docItemComponent ? {docItemComponent: section.docs.docItemComponent} : {}),
          ...markdownPluginOptions(trust, false),
        },
      ]),
      [audiencePlugin as PluginModule, {vocabulary, sources: docsSources}],
      bundlerCachePlugin as PluginModule,
      // The site's own .tsx files, compiled also when the package sits in node_modules (docs/adr/0038).
      packageSourcesPlugin as PluginModule,
      // Two builds of the same input give the same bytes, bundle included (docs/adr/0026).
      deterministicBundle as PluginModule,
    ],
    themes: [
      '@docusaurus/theme-mermaid',
      ...sectionThemes,
      [
        '@easyops-cn/docusaurus-search-local',
        {
          hashed: 'filename',
          indexBlog: false,
          indexPages: false,
          docsRouteBasePath: sections.map((section) => section.id),
          docsDir: sections.map((section) => path.relative(siteDir, section.path)),
          removeDefaultStopWordFilter: true,
          highlightSearchTermsOnTargetPage: false,
          // Off: with it on, the plugin (0.55) writes page titles and breadcrumbs into its suggestion
          // list as HTML, unescaped, so a hostile ADR or API title would run when a query matched it.
          // Off, each suggestion shows its own title and its page's title, both escaped (ADR 0022).
          explicitSearchResultPath: false,
          // A target without docs has no 'default' docs instance: point the search at one that exists.
          docsPluginIdForPreferredVersion: authored ? 'default' : generated[0]?.id,
        },
      ],
    ],
    themeConfig: {
      navbar: {
        title: context.project.name,
        logo: {alt: 'docs-architect', src: 'img/logo.svg'},
        // One line: what does not fit goes into "More" (plugins/core/navbarFit.ts, docs/adr/0038).
        items: fitNavbar([
          ...navbarItems(sections),
          // Audience navigation only once some page says who it is for.
          ...(frontMatterCheck.taggedPages > 0
            ? [
                {to: `/${AUDIENCES_PATH}/`, label: 'Reading paths', position: 'left' as const},
                {type: 'custom-audienceSwitcher', position: 'right' as const},
              ]
            : []),
          ...(links ? [{href: links.webUrl, label: 'Repository', position: 'right' as const}] : []),
        ] as NavItem[], {title: context.project.name}) as NonNullable<Preset.ThemeConfig['navbar']>['items'],
      },
      footer: {
        style: 'dark',
        copyright: `Documentation for ${context.project.name}, generated by docs-architect.`,
      },
      prism: {theme: prismThemes.github, darkTheme: prismThemes.dracula},
      mermaid: {theme: {light: 'neutral', dark: 'dark'}},
      ...sectionThemeConfig,
    } satisfies Preset.ThemeConfig,
  });
}

/**
 * What `docs-architect check` prepares without bundling: the same sections and reserved routes as a
 * build (it loads them from ./siteParts, without this config), and the build's front matter check.
 */
export const siteParts = {generators, frontMatterCheck, reservedRoutes};
