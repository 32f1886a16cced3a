import path from 'node:path';
import {lastUpdateFrontMatter} from '../core/history';
import type {GeneratedSection, SectionGenerator} from '../core/types';
import {extractOverview} from './extractOverview';
import {renderOverview} from './renderOverview';

/** The "Repository overview" section: one page, rebuilt from the inventory on every build. */
export const overviewGenerator: SectionGenerator<GeneratedSection | undefined> = {
  id: 'overview',
  async generate(context) {
    const model = extractOverview(context);
    const {links, git, ref} = context;
    const fileUrl = links && git.isRepository ? (file: string) => links.fileUrl(path.posix.join(git.prefix, file), ref) : undefined;
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
      // The page summarises every file of the target, so its freshness is the target's newest commit.
      files: new Map([['index.mdx', renderOverview(model, fileUrl, lastUpdateFrontMatter(context.history, ['']))]]),
      watch: watched.map((file) => path.join(context.root, file)),
    };
  },
};
