/**
 * The overview model: what the repository is made of, from the inventory. Plain sorted JSON.
 */
import type {TargetContext} from '../core/types';

export const OVERVIEW_MODEL_VERSION = 1;

export interface OverviewModel {
  version: typeof OVERVIEW_MODEL_VERSION;
  project: TargetContext['project'];
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
}

export function extractOverview(context: TargetContext): OverviewModel {
  const {inventory, git} = context;
  return {
    version: OVERVIEW_MODEL_VERSION,
    project: context.project,
    repositoryUrl: context.links?.webUrl,
    git: {isRepository: git.isRepository, branch: git.branch, head: git.head, shallow: git.shallow},
    fileCount: inventory.files.length,
    languages: Object.entries(inventory.languages)
      .map(([extension, files]) => ({extension, files}))
      .sort((a, b) => b.files - a.files || (a.extension < b.extension ? -1 : 1))
      .slice(0, 12),
    packages: inventory.packages,
    manifests: inventory.manifests,
    tsconfigs: inventory.tsconfigs,
    specs: inventory.specs,
    docsDirs: inventory.docsDirs,
    adrDirs: inventory.adrDirs,
    envFiles: inventory.envFiles,
    composeFiles: inventory.composeFiles,
    skippedLinks: inventory.skippedLinks,
  };
}
