/**
 * The overview model from the inventory: what the repository is made of.
 */
import {lastUpdateFrontMatter} from '../core/history';
import type {TargetContext} from '../core/types';
import {OVERVIEW_MODEL_VERSION, type OverviewModel} from './model';

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
    // The page summarises every file of the target, so its freshness is the target's newest commit.
    lastUpdate: lastUpdateFrontMatter(context.history, ['']),
  };
}
