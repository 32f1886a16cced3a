/**
 * The site. It documents the target named by DOCS_TARGET (default: this repository): prepareSite
 * discovers the target and writes the generated sections before Docusaurus loads any plugin, then
 * each section becomes a docs instance with its own sidebar.
 */
import path from 'node:path';
import type {Config, PluginConfig, PluginModule} from '@docusaurus/types';
import type * as Preset from '@docusaurus/preset-classic';
import {themes as prismThemes} from 'prism-react-renderer';
import {getVcsPreset} from '@docusaurus/utils';
import docsArchitectCore from './plugins/core/index';
import {formatUserError, isUserError} from './plugins/core/errors';
import {staticRoot} from './plugins/core/generatedFiles';
import {prepareSite, type SitePlan} from './plugins/core/prepareSite';
import type {SiteSection} from './plugins/core/types';
import {openapiGenerator} from './plugins/openapi/generator';
import {overviewGenerator} from './plugins/overview/generator';

const siteDir = __dirname;
const generators = [overviewGenerator, openapiGenerator];

/**
 * Last-updated dates and authors come from the target's git, not from this site's: Docusaurus's own
 * eager strategy (one streamed `git log`) pointed at the target's root. Development builds use fixed
 * values, as Docusaurus does, to keep `start` fast.
 */
function targetVcs(targetRoot: string, hasGitHistory: boolean) {
  if (!hasGitHistory) return getVcsPreset('disabled');
  if (process.env.NODE_ENV === 'development') return getVcsPreset('hardcoded');
  const eager = getVcsPreset('git-eager');
  return {...eager, initialize: () => eager.initialize({siteDir: targetRoot})};
}

/**
 * Navbar items: one per section, except that sections sharing a `navbarGroup` (the API references of
 * several descriptions, say) share one dropdown when there are more than one of them.
 */
function navbarItems(sections: SiteSection[]) {
  const item = (section: SiteSection) => ({
    type: 'docSidebar' as const,
    sidebarId: 'default',
    docsPluginId: section.kind === 'authored' ? 'default' : section.id,
    label: section.title,
  });
  const items = [];
  const grouped = new Set<string>();
  for (const section of sections) {
    const group = section.navbarGroup;
    const members = group ? sections.filter((other) => other.navbarGroup === group) : [];
    if (!group || members.length < 2) {
      items.push({...item(section), position: 'left' as const});
    } else if (!grouped.has(group)) {
      grouped.add(group);
      items.push({type: 'dropdown' as const, label: group, position: 'left' as const, items: members.map(item)});
    }
  }
  return items;
}

export default async function createConfig(): Promise<Config> {
  const prepare = () =>
    prepareSite({
      siteDir,
      target: process.env.DOCS_TARGET || siteDir,
      strict: process.env.DOCS_STRICT === '1',
      generators,
    });
  let plan: SitePlan;
  try {
    plan = await prepare();
  } catch (error) {
    // A user's mistake is a message, not a stack trace.
    if (isUserError(error)) {
      console.error(`docs-architect: ${formatUserError(error)}`);
      process.exit(1);
    }
    throw error;
  }
  const {context, sections, landing} = plan;
  const {links, git, ref} = context;
  const authored = sections.find((section) => section.kind === 'authored');
  const generated = sections.filter((section) => section.kind === 'generated');
  const useWebpack = process.env.DOCS_BUNDLER === 'webpack';
  // Themes and theme configuration generated sections ask for (docusaurus-theme-openapi-docs...).
  const sectionThemes = [...new Set(generated.flatMap((section) => section.docs?.themes ?? []))];
  const sectionThemeConfig = Object.assign({}, ...generated.map((section) => section.docs?.themeConfig ?? {})) as Record<string, unknown>;
  const hasGitHistory = git.isRepository && Boolean(git.head);

  const editUrl =
    links && git.isRepository
      ? ({docPath}: {docPath: string}) =>
          links.editUrl(path.posix.join(git.prefix, path.relative(context.root, authored!.path).split(path.sep).join('/'), docPath), ref)
      : undefined;

  return {
    title: context.project.name,
    tagline: context.project.description ?? 'Documentation generated from the code by docs-architect',
    favicon: 'img/favicon.svg',
    // Generated sections' files served as they are (the data API pages fetch), beside the site's own.
    staticDirectories: ['static', staticRoot(siteDir)],
    url: context.config.url ?? 'http://localhost',
    baseUrl: context.config.baseUrl ?? '/',
    trailingSlash: true,
    onBrokenLinks: context.strict ? 'throw' : 'warn',
    onBrokenAnchors: context.strict ? 'throw' : 'warn',
    markdown: {
      mermaid: true,
      hooks: {onBrokenMarkdownLinks: context.strict ? 'throw' : 'warn'},
    },
    future: {
      v4: true,
      // Rspack/SWC by default; DOCS_BUNDLER=webpack trades speed for memory (see docs/adr/0003).
      faster: !useWebpack,
      experimental_vcs: targetVcs(context.root, hasGitHistory),
    },
    i18n: {defaultLocale: 'en', locales: ['en']},
    presets: [
      [
        'classic',
        {
          docs: authored
            ? {
                path: authored.path,
                routeBasePath: 'docs',
                sidebarPath: require.resolve('./sidebars.ts'),
                editUrl,
                showLastUpdateTime: hasGitHistory,
                showLastUpdateAuthor: hasGitHistory,
              }
            : false,
          blog: false,
          theme: {customCss: [require.resolve('./src/css/custom.css'), require.resolve('./src/css/openapi.css')]},
        } satisfies Preset.Options,
      ],
    ],
    plugins: [
      [docsArchitectCore as PluginModule, {landing, watch: Object.values(plan.watch).flat(), regenerate: prepare}],
      ...generated.map((section): PluginConfig => [
        '@docusaurus/plugin-content-docs',
        {
          id: section.id,
          path: section.path,
          routeBasePath: section.id,
          sidebarPath: require.resolve('./sidebars.ts'),
          ...(section.docs?.docItemComponent ? {docItemComponent: section.docs.docItemComponent} : {}),
        },
      ]),
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
          explicitSearchResultPath: true,
          // A target without docs has no 'default' docs instance: point the search at one that exists.
          docsPluginIdForPreferredVersion: authored ? 'default' : generated[0]?.id,
        },
      ],
    ],
    themeConfig: {
      navbar: {
        title: context.project.name,
        logo: {alt: 'docs-architect', src: 'img/logo.svg'},
        items: [
          ...navbarItems(sections),
          ...(links ? [{href: links.webUrl, label: 'Repository', position: 'right' as const}] : []),
        ],
      },
      footer: {
        style: 'dark',
        copyright: `Documentation for ${context.project.name}, generated by docs-architect.`,
      },
      prism: {theme: prismThemes.github, darkTheme: prismThemes.dracula},
      mermaid: {theme: {light: 'neutral', dark: 'dark'}},
      ...sectionThemeConfig,
    } satisfies Preset.ThemeConfig,
  };
}
