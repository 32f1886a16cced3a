/**
 * Temporary folders for one test file, removed after each test, and targets written into them: the
 * setup the section tests (OpenAPI, AsyncAPI, protobuf) share. Real paths, so a target's files
 * compare equal to what discovery reports on macOS's /private/var too.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {afterEach} from 'vitest';

export function tempFolders(name: string) {
  const dirs: string[] = [];
  afterEach(() => {
    for (const dir of dirs.splice(0)) fs.rmSync(dir, {recursive: true, force: true});
  });
  const tempDir = (prefix: string): string => {
    const dir = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), `docs-architect-${prefix}-`)));
    dirs.push(dir);
    return dir;
  };
  /** A folder `<name>-target` holding `files` (relative path → content). */
  const makeTarget = (files: Record<string, string>): string => {
    const root = tempDir(`${name}-target`);
    for (const [file, content] of Object.entries(files)) {
      fs.mkdirSync(path.dirname(path.join(root, file)), {recursive: true});
      fs.writeFileSync(path.join(root, file), content);
    }
    return root;
  };
  return {tempDir, makeTarget};
}
