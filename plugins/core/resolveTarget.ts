/**
 * Turns what the user typed (`docs-architect build ../repo`, `DOCS_TARGET=...`) into the absolute,
 * real path of a readable directory, or a UserError saying what is wrong with it.
 */
import fs from 'node:fs';
import path from 'node:path';
import {UserError} from './errors';

export function resolveTarget(input: string, cwd = process.cwd()): string {
  const absolute = path.resolve(cwd, input);
  let stat: fs.Stats;
  try {
    stat = fs.statSync(absolute);
  } catch {
    throw new UserError(`target "${input}" does not exist (looked for ${absolute})`, {
      fix: 'Pass the path of a repository folder, e.g. `docs-architect build ../my-repo`',
    });
  }
  if (!stat.isDirectory()) {
    throw new UserError(`target "${input}" is a file, not a folder`, {
      file: absolute,
      fix: 'Pass the folder at the root of the repository, not a file in it',
    });
  }
  try {
    fs.accessSync(absolute, fs.constants.R_OK | fs.constants.X_OK);
    fs.readdirSync(absolute);
  } catch {
    throw new UserError(`target "${input}" cannot be read`, {
      file: absolute,
      fix: 'Check its permissions (it must be readable and listable by this user)',
    });
  }
  return fs.realpathSync(absolute);
}

/** True when `candidate` (absolute, real) is `root` or inside it. */
export function isInside(root: string, candidate: string): boolean {
  const relative = path.relative(root, candidate);
  // `..x` is a child named `..x`; only `..` itself or `../…` leaves the root.
  return relative === '' || (relative !== '..' && !relative.startsWith(`..${path.sep}`) && !path.isAbsolute(relative));
}
