import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {formatUserError, isUserError, type UserError} from './errors';
import {isInside, resolveTarget} from './resolveTarget';

let base: string;

beforeAll(() => {
  base = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'docs-architect-resolve-')));
  fs.mkdirSync(path.join(base, 'repo', 'sub'), {recursive: true});
  fs.writeFileSync(path.join(base, 'repo', 'file.txt'), 'x\n');
  fs.symlinkSync(path.join(base, 'repo'), path.join(base, 'link-to-repo'));
  fs.mkdirSync(path.join(base, 'locked'));
});

afterAll(() => {
  fs.chmodSync(path.join(base, 'locked'), 0o755);
  fs.rmSync(base, {recursive: true, force: true});
});

function userErrorOf(run: () => unknown): UserError {
  try {
    run();
  } catch (error) {
    if (isUserError(error)) return error;
    throw error;
  }
  throw new Error('expected a UserError');
}

describe('resolveTarget', () => {
  it('a folder that does not exist: a one-line UserError with the absolute path looked at', () => {
    const error = userErrorOf(() => resolveTarget('missing/repo', base));
    expect(formatUserError(error)).toBe(
      `target "missing/repo" does not exist (looked for ${path.join(base, 'missing/repo')}). Pass the path of a repository folder, e.g. \`docs-architect build ../my-repo\`.`,
    );
  });

  it('a file: UserError naming the file', () => {
    const error = userErrorOf(() => resolveTarget('repo/file.txt', base));
    expect(error.details.file).toBe(path.join(base, 'repo', 'file.txt'));
    expect(formatUserError(error)).toBe(
      `${path.join(base, 'repo', 'file.txt')}: target "repo/file.txt" is a file, not a folder. Pass the folder at the root of the repository, not a file in it.`,
    );
  });

  it.skipIf(process.getuid?.() === 0)('a folder that cannot be read: UserError naming it (skipped as root, where chmod does not block reads)', () => {
    fs.chmodSync(path.join(base, 'locked'), 0o000);
    try {
      const error = userErrorOf(() => resolveTarget('locked', base));
      expect(error.message).toBe('target "locked" cannot be read');
      expect(error.details.file).toBe(path.join(base, 'locked'));
    } finally {
      fs.chmodSync(path.join(base, 'locked'), 0o755);
    }
  });

  it('a valid folder gives its absolute real path, relative to the given cwd or absolute', () => {
    expect(resolveTarget('repo', base)).toBe(path.join(base, 'repo'));
    expect(resolveTarget(path.join(base, 'repo', 'sub', '..'))).toBe(path.join(base, 'repo'));
    expect(resolveTarget('./repo/sub/', base)).toBe(path.join(base, 'repo', 'sub'));
  });

  it('a link to a folder resolves to the real folder', () => {
    expect(resolveTarget('link-to-repo', base)).toBe(path.join(base, 'repo'));
    expect(resolveTarget('link-to-repo/sub', base)).toBe(path.join(base, 'repo', 'sub'));
  });
});

describe('isInside', () => {
  it('the root itself and anything below it are inside', () => {
    expect(isInside('/a/b', '/a/b')).toBe(true);
    expect(isInside('/a/b', '/a/b/c/d.ts')).toBe(true);
    expect(isInside('/a/b', '/a/b/..c/d.ts')).toBe(true); // a child folder named `..c`
  });

  it('parents, siblings sharing a prefix and unrelated paths are outside', () => {
    expect(isInside('/a/b', '/a')).toBe(false);
    expect(isInside('/a/b', '/a/bc')).toBe(false);
    expect(isInside('/a/b', '/a/b/../c')).toBe(false);
    expect(isInside('/a/b', '/x/y')).toBe(false);
  });
});
