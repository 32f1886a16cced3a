/**
 * Targets for the code reference tests: a fixture copied to a temp folder (optionally made a git
 * repository with a known remote, for source links), and the context generators receive.
 */
import fs from 'node:fs';
import path from 'node:path';
import {loadTargetContext} from '../plugins/core/prepareSite';
import type {TargetContext} from '../plugins/core/types';
import {makeRepo, tempBase} from './gitRepo';

export const FIXTURES = path.join(__dirname, 'fixtures', 'code-reference');

/** A temporary folder (the git tests' helper: its real path, so paths compare as the code sees them). */
export const tempDir = tempBase;

/** A copy of a fixture (or any folder), as a git repository with an `origin` on GitHub when `git` is set. */
export function copyTarget(source: string, options: {git?: boolean} = {}): string {
  const dir = tempDir('coderef');
  fs.cpSync(source, dir, {recursive: true, filter: (file) => !file.split(path.sep).includes('node_modules')});
  if (options.git) {
    const repo = makeRepo(dir);
    repo.git('remote', 'add', 'origin', 'https://github.com/acme/shapes.git');
    repo.commit('fixture');
  }
  return dir;
}

export async function contextFor(target: string, siteDir = tempDir('coderef-site')): Promise<TargetContext> {
  return loadTargetContext({siteDir, target});
}
