/**
 * The overview model: what the repository is made of, from the inventory. Plain sorted JSON, the
 * only thing the render stage reads.
 */

/** Bump when the shape changes (docs/adr/0029). */
export const OVERVIEW_MODEL_VERSION = 2;

export interface OverviewModel {
  version: typeof OVERVIEW_MODEL_VERSION;
  project: {name: string; version?: string; description?: string};
  repositoryUrl?: string;
  git: {isRepository: boolean; branch?: string; head?: string; shallow?: boolean};
  fileCount: number;
  languages: {extension: string; files: number}[];
  packages: {dir: string; name?: string; version?: string; description?: string; private?: boolean}[];
  manifests: {path: string; ecosystem: string}[];
  tsconfigs: string[];
  specs: string[];
  docsDirs: string[];
  adrDirs: string[];
  envFiles: {path: string; variables: string[]; mayHoldSecrets: boolean}[];
  composeFiles: string[];
  skippedLinks: string[];
  /** The newest commit of the target: the page's last-updated line. */
  lastUpdate?: {date: string; author: string};
}
