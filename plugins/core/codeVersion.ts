/**
 * The version of a piece of code for a cache's key (docs/adr/0053): a hash of its own source files,
 * of the package.json of every library it names, and of npm's record of the whole installed tree
 * (`node_modules/.package-lock.json`), so an entry made by other code, or after any install that
 * changed a dependency of a dependency, misses.
 */
import fs from 'node:fs';
import path from 'node:path';
import {hashContent} from './contentCache';

/** The first file of this name along Node's resolution paths from here, or a marker if none. */
function firstFound(relative: string): string {
  for (const dir of require.resolve.paths('.package-lock.json') ?? []) {
    try {
      return fs.readFileSync(path.join(dir, relative), 'utf8');
    } catch {
      // not in this node_modules: the next one up
    }
  }
  return `${relative}: not found`;
}

let installed: string | undefined;

/**
 * @param files absolute paths of the source files whose code decides the cached values
 * @param packages the libraries they call; their package.json is looked up along the resolution
 *   paths, since several ESM packages export no `./package.json`
 */
export function codeVersion(files: string[], packages: string[], ...extra: string[]): string {
  installed ??= hashContent(firstFound('.package-lock.json'));
  return hashContent(
    ...files.map((file) => fs.readFileSync(file, 'utf8')),
    ...packages.map((name) => firstFound(path.join(name, 'package.json'))),
    installed,
    ...extra,
  ).slice(0, 32);
}
