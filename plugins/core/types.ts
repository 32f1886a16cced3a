import type {DocsArchitectConfig} from './configSchema';
import type {Inventory} from './discoverTarget';
import type {GitInfo} from './git';
import type {TargetHistory} from './history';
import type {RepoLinks} from './repoLinks';
import type {RepoUrls} from './site/repoUrls';
import type {Report} from './report';
import type {Root} from 'mdast';

/** Everything a generator may read about the target. Built once per build by prepareSite. */
export interface TargetContext {
  siteDir: string;
  /** Absolute real path of the target's root. */
  root: string;
  config: DocsArchitectConfig;
  configFile?: string;
  inventory: Inventory;
  git: GitInfo;
  /**
   * The target's commits, read once per build, and when each path last changed. Generators give
   * their pages `last_update` from `history.lastChange(sources)` (see lastUpdateFrontMatter).
   */
  history: TargetHistory;
  links?: RepoLinks;
  /** The ref links point at: the configured branch, else the current branch, else `main`. */
  ref: string;
  /** Name, version and description from the root manifest, else the folder name. */
  project: {name: string; version?: string; description?: string};
  strict: boolean;
  report: Report;
}

/**
 * A model as extract hands it to render and the site model publishes it: plain JSON (no functions,
 * no Maps, no undefined in arrays), with the version of its shape (see docs/adr/0029).
 */
export interface SectionModel {
  version: number;
}

/** A generated part of the site as extract leaves it: everything but its files. */
export interface ExtractedSection<Model extends SectionModel = SectionModel> {
  id: string;
  /** Label in the navbar and on the landing card. */
  title: string;
  /** One sentence for the landing card. */
  description: string;
  model: Model;
  /** Absolute paths whose change should regenerate this section during `npm start`. */
  watch: string[];
  /** Options of this section's docs instance, for sections whose pages need a theme's own layout. */
  docs?: SectionDocsOptions;
  /** Sections with the same group share one navbar dropdown of that label (when there are several). */
  navbarGroup?: string;
  /** The config key the id came from (`openapi.specs[0].id`), so a clash names what to change. */
  idKey?: string;
  /**
   * Target files this section publishes as pages of its own (an ADR under `docs/adr`), by path
   * relative to the target, with the route of that page. The authored docs leave them out, so each
   * is published once, and links to them lead to that route.
   */
  publishes?: PublishedFile[];
}

export interface PublishedFile {
  /** Relative POSIX path in the target. */
  file: string;
  /** Route relative to baseUrl, e.g. `history/decisions/0001-use-postgres/`. */
  route: string;
}

/** What render makes of a section. */
export interface RenderedSection {
  /** MDX (or JSON category) files by relative POSIX path. */
  files: Map<string, string>;
  /**
   * Files served as they are (not bundled) at `/<id>/<path>`, by relative POSIX path: data a page
   * fetches at run time, so that large inputs never go through the bundler.
   */
  staticFiles?: Map<string, string>;
}

/** A generated section with its files: what prepareSite writes. */
export type GeneratedSection<Model extends SectionModel = SectionModel> = ExtractedSection<Model> & RenderedSection;

/** What the link index can answer for (see plugins/core/site/registry.ts). */
/**
 * `entity`: a data model entity's page in the Architecture section, by `<target-relative source file>#<EntityName>`
 * (the same key shape as a top-level symbol's id, so a class's symbol and its entity pair up).
 */
export type LinkKind = 'symbol' | 'module' | 'file' | 'operation' | 'schema' | 'adr' | 'release' | 'commit' | 'page' | 'section' | 'env' | 'entity';

/** One entry of the link index: `urlOf(kind, key)` answers `url`. */
export interface LinkEntry {
  kind: LinkKind;
  key: string;
  /** Site route (from the site's root, without baseUrl), with its anchor if any. */
  url: string;
  title?: string;
}

/**
 * What render may read besides its own model: the other sections' models, the link index and the
 * repository's URLs. Read-only: a render never changes another section.
 */
export interface SiteView {
  readonly context: TargetContext;
  readonly sections: readonly ExtractedSection[];
  /** The model of a section by id, if it exists. */
  model<Model extends SectionModel>(sectionId: string): Model | undefined;
  /** The URL of a thing, or undefined when the site does not document it. */
  urlOf(kind: LinkKind, key: string): string | undefined;
  /** Every entry of a kind, sorted by key: what a citation's "did you mean" is chosen from. */
  entries(kind: LinkKind): readonly LinkEntry[];
  /** As urlOf, but a miss is a warning naming `page` (and fails `--strict`). */
  resolve(kind: LinkKind, key: string, page: string): string | undefined;
  readonly repo: RepoUrls;
  /** The owners of the deepest folder holding `file` that a section knows, if any (docs/adr/0047). */
  ownersOf(file: string): FolderOwners | undefined;
  /** Every HTTP route the sections found in code, sorted by file, line, method, path. */
  routes(): readonly CodeRoute[];
}

/** The docs-instance options a generated section may set; everything else is the site's default. */
export interface SectionDocsOptions {
  /** Module that renders each page, e.g. `@theme/ApiItem` of docusaurus-theme-openapi-docs. */
  docItemComponent?: string;
  /** Docusaurus themes the pages use (module names), added once to the site. */
  themes?: string[];
  /** Theme configuration those themes read, merged (key by key) into the site's `themeConfig`. */
  themeConfig?: Record<string, unknown>;
}

/** What extract returns: one section, several (one per API description, say), or none. */
export type ExtractResult<Model extends SectionModel> = ExtractedSection<Model> | ExtractedSection<Model>[] | undefined;

/**
 * A generator in two steps (docs/adr/0030): `extract` reads the target into a model (no Docusaurus,
 * no MDX), `render` turns the model into files. Core runs every extract, builds the registry and the
 * link index, then every render, so a render can link into any section.
 */
export interface SectionGenerator<Model extends SectionModel = SectionModel> {
  id: string;
  /** One sentence for the landing page when the generator makes no section: why the target has none. */
  absent?: string;
  extract(context: TargetContext): Promise<ExtractResult<Model>>;
  /** What the section adds to the link index, from its model alone. */
  index?(section: ExtractedSection<Model>): LinkEntry[];
  render(section: ExtractedSection<Model>, site: SiteView): Promise<RenderedSection>;
  /** The model as docs-architect.json publishes it, when it differs (default: the model itself). */
  publish?(model: Model): SectionModel;
  /**
   * Edits to the hand-written pages, made when they are staged after every render, so that a page
   * can cite what the link index knows (`<CodeSnippet>`, `<SymbolLink>`, docs/adr/0041).
   */
  authored?(section: ExtractedSection<Model>, site: SiteView): AuthoredRewrite;
  /** Facts other sections may show, in core's terms, from its model alone (docs/adr/0047). */
  share?(section: ExtractedSection<Model>): SharedFacts;
  /**
   * What extract and render read of the target (docs/adr/0058): `check` keeps a section whose
   * inputs did not change and neither extracts nor renders it again. No declaration: never kept.
   */
  inputs?(context: TargetContext): SectionInputs;
}

/**
 * A generator's inputs, declared so that a warm `check` can tell when its section is still good
 * (plugins/core/site/sectionKeys.ts). A missed input gives a stale section with no error, so
 * plugins/core/site/sectionInputs.test.ts traces what each generator really reads and holds the
 * declarations to it.
 */
export interface SectionInputs {
  /** gitignore-style patterns (`*.ts`, `docs/adr/`) of the target's files whose text it reads. */
  files: string[];
  /** Fields of the inventory it reads; `files` is the list of the target's files (an added or removed file counts). */
  inventory?: (keyof Inventory)[];
  /** Top-level keys of the config it reads. */
  config?: (keyof DocsArchitectConfig)[];
  /** Reads the git history: commits, last changes, tags, HEAD. */
  history?: boolean;
  /** Reads installed packages in the target's node_modules (kept by npm's record of them). */
  packages?: boolean;
}

/**
 * What a section tells the others besides URLs, in types core owns, so that a render can show
 * another section's findings without importing that plugin (docs/adr/0047).
 */
export interface SharedFacts {
  /** Who owns which folder (the history section's ownership). */
  owners?: FolderOwners[];
  /** HTTP routes declared in code (the application section's routes). */
  routes?: CodeRoute[];
}

export interface FolderOwners {
  /** Folder relative to the target, '' for the whole repository. */
  path: string;
  /** Its CODEOWNERS entries. */
  codeowners: string[];
  /** The people with the most changes in the recent window (over all time when it is empty), most first. */
  people: string[];
  /** Which window `people` counts. */
  window: 'recent' | 'overall';
}

export interface CodeRoute {
  /** Upper case; `ALL` for a handler of every method. */
  method: string;
  /** The path as callers use it, parameters written `:name` or `{name}`. */
  path: string;
  /** The file that declares the route, relative POSIX path. */
  file: string;
  line: number;
  /** Where the handler is when it is a named declaration elsewhere. */
  handler?: {name: string; file: string; line: number; symbol?: string};
}

/** A hand-written page as the stager has read it (front matter parsed, `.mdx` parsed as MDX). */
export interface AuthoredPageInput {
  /** Path relative to the target's root, POSIX. */
  file: string;
  /** The page's text; the tree's offsets point into it. */
  source: string;
  tree: Root;
  frontMatter: Record<string, unknown>;
  /** Where the page's warnings go (the build's report, or the report of a restaging during `start`). */
  report: Report;
}

/** What a generator changes in a hand-written page: text edits by offset, and front matter lines to add. */
export interface AuthoredEdits {
  edits: {start: number; end: number; value: string}[];
  /** Whole YAML lines (`key: value`), added at the top of the front matter. */
  frontMatter: string[];
}

export type AuthoredRewrite = (page: AuthoredPageInput) => AuthoredEdits;

/**
 * Reads the site's sections once every generator has written its files, before Docusaurus starts,
 * and reports problems through `context.report` (so strict mode fails on them like on any warning).
 */
export interface SiteCheck {
  id: string;
  check(context: TargetContext, sections: readonly SiteSection[]): Promise<void>;
}

/** A section of the site as the landing page and the navbar show it. */
export interface SiteSection {
  id: string;
  title: string;
  description: string;
  /** Route of its first page, relative to baseUrl (e.g. `docs/`). */
  to: string;
  kind: 'authored' | 'generated';
  /** The generator that made it (generated sections). */
  generator?: string;
  /** Absolute folder a docs instance reads. */
  path: string;
  /** For the authored section: the real docs folder in the target, of which `path` is a checked copy. */
  source?: string;
  /** For generated sections: see GeneratedSection. */
  docs?: SectionDocsOptions;
  navbarGroup?: string;
  /** Authored section only: its files that a generated section publishes (see GeneratedSection.publishes). */
  publishedElsewhere?: PublishedFile[];
}

/** Data the landing page renders (global data of the core plugin). */
export interface LandingData {
  name: string;
  version?: string;
  description?: string;
  repositoryUrl?: string;
  sections: Pick<SiteSection, 'id' | 'title' | 'description' | 'to' | 'kind'>[];
  /** Plain sentences: what the target does not have, so readers know why a section is missing. */
  notFound: string[];
}
