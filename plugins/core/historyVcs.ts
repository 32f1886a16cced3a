/**
 * Docusaurus's version-control hooks (`future.experimental_vcs`) answered from the one history pass:
 * authored pages get their last-updated date and author without Docusaurus running a second full
 * `git log` of the target (its `git-eager` strategy) or one git process per file (`git-ad-hoc`).
 */
import path from 'node:path';
import type {VcsChangeInfo, VcsConfig} from '@docusaurus/types';
import type {Change, TargetHistory} from './history';

/**
 * @param sourceOf the target file a file Docusaurus reads was copied from (authored docs are read from
 *   a staged copy, see docs/adr/0024), or undefined for files that are not copies.
 */
export function createHistoryVcs(history: TargetHistory, targetRoot: string, sourceOf: (file: string) => string | undefined = () => undefined): VcsConfig {
  const lookup = (filePath: string, find: (paths: string[]) => Change | undefined): VcsChangeInfo | null => {
    const relative = path.relative(targetRoot, sourceOf(filePath) ?? filePath);
    // A file outside the target (the site's own generated pages, say) has no history here.
    if (!relative || relative.startsWith('..') || path.isAbsolute(relative)) return null;
    const change = find([relative.split(path.sep).join('/')]);
    return change ? {timestamp: Date.parse(change.date), author: change.author} : null;
  };
  return {
    initialize: () => {},
    getFileCreationInfo: async (filePath) => lookup(filePath, history.firstChange),
    getFileLastUpdateInfo: async (filePath) => lookup(filePath, history.lastChange),
  };
}
