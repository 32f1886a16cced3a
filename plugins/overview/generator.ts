import path from 'node:path';
import type {SectionGenerator} from '../core/types';
import type {OverviewModel} from './model';

/** The "Repository overview" section: one page, rebuilt from the inventory on every build. */
export const overviewGenerator: SectionGenerator<OverviewModel> = {
  id: 'overview',
  // Only the inventory's facts and the history's dates: no file of its own.
  inputs: () => ({files: [], inventory: ['manifests', 'tsconfigs', 'specs', 'envFiles', 'composeFiles', 'files', 'languages', 'packages', 'docsDirs', 'adrDirs', 'skippedLinks'], history: true}),
  async extract(context) {
    const {extractOverview} = await import('./extractOverview');
    const inventory = context.inventory;
    const watched = [
      ...inventory.manifests.map((m) => m.path),
      ...inventory.tsconfigs,
      ...inventory.specs,
      ...inventory.envFiles.map((env) => env.path),
      ...inventory.composeFiles,
    ];
    return {
      id: 'overview',
      title: 'Overview',
      description: 'What the repository is made of: packages, languages, API specs, docs, configuration.',
      model: extractOverview(context),
      watch: watched.map((file) => path.join(context.root, file)),
    };
  },
  async render({model}, site) {
    const {renderOverview} = await import('./renderOverview');
    const fileUrl = site.repo.fileUrl;
    return {files: new Map([['index.mdx', renderOverview(model, fileUrl && ((file) => fileUrl(file)), model.lastUpdate, (file) => site.urlOf('file', file))]])};
  },
};
