import type {DocsArchitectConfig} from './configSchema';
import type {Inventory} from './discoverTarget';
import type {GitInfo} from './git';
import type {TargetHistory} from './history';
import type {RepoLinks} from './repoLinks';
import type {Report} from './report';

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

/** A generated part of the site: MDX files a docs instance serves under `routeBasePath`. */
export interface GeneratedSection {
  id: string;
  /** Label in the navbar and on the landing card. */
  title: string;
  /** One sentence for the landing card. */
  description: string;
  /** MDX (or JSON category) files by relative POSIX path. */
  files: Map<string, string>;
  /** Absolute paths whose change should regenerate this section during `npm start`. */
  watch: string[];
}

export interface SectionGenerator {
  id: string;
  generate(context: TargetContext): Promise<GeneratedSection | undefined>;
}

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
  /** Absolute folder a docs instance reads. */
  path: string;
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
