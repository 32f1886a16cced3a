/**
 * Targets for the code reference tests: a fixture copied to a temp folder (optionally made a git
 * repository with a known remote, for source links), and the context generators receive.
 */
import {execFileSync} from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {loadTargetContext} from '../plugins/core/prepareSite';
import type {TargetContext} from '../plugins/core/types';

export const FIXTURES = path.join(__dirname, 'fixtures', 'code-reference');

export function tempDir(prefix: string): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), `docs-architect-${prefix}-`));
}

/** A copy of a fixture (or any folder), as a git repository with an `origin` on GitHub when `git` is set. */
export function copyTarget(source: string, options: {git?: boolean} = {}): string {
  const dir = tempDir('coderef');
  fs.cpSync(source, dir, {recursive: true, filter: (file) => !file.split(path.sep).includes('node_modules')});
  if (options.git) {
    const git = (...args: string[]) => execFileSync('git', args, {cwd: dir, stdio: 'pipe'});
    git('init', '-q', '-b', 'main');
    git('remote', 'add', 'origin', 'https://github.com/acme/shapes.git');
    git('add', '-A');
    git('-c', 'user.name=Test', '-c', 'user.email=test@example.com', 'commit', '-q', '-m', 'fixture');
  }
  return dir;
}

export async function contextFor(target: string, siteDir = tempDir('coderef-site')): Promise<TargetContext> {
  return loadTargetContext({siteDir, target});
}
