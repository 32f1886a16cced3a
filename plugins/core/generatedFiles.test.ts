import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {generatedDir, syncDirectory} from './generatedFiles';

let base: string;
let counter = 0;

beforeAll(() => {
  base = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'docs-architect-generated-')));
});

afterAll(() => {
  fs.rmSync(base, {recursive: true, force: true});
});

function freshDir(): string {
  return path.join(base, `d${++counter}`);
}

/** Every file under `dir`, relative POSIX path → content; and every folder. */
function snapshot(dir: string): {files: Record<string, string>; dirs: string[]} {
  const files: Record<string, string> = {};
  const dirs: string[] = [];
  const walk = (relative: string) => {
    for (const entry of fs.readdirSync(path.join(dir, relative), {withFileTypes: true})) {
      const child = relative ? `${relative}/${entry.name}` : entry.name;
      if (entry.isDirectory()) {
        dirs.push(child);
        walk(child);
      } else files[child] = fs.readFileSync(path.join(dir, child), 'utf8');
    }
  };
  walk('');
  return {files, dirs: dirs.sort()};
}

const oldTime = new Date('2020-01-01T00:00:00Z');

describe('syncDirectory', () => {
  it('writes every file, creating folders, into a folder that does not exist yet', async () => {
    const dir = freshDir();
    const result = await syncDirectory(dir, new Map([['index.mdx', '# A\n'], ['api/deep/b.mdx', 'B'], ['_category_.json', '{}']]));
    expect(result).toEqual({written: 3, unchanged: 0, deleted: 0});
    expect(snapshot(dir)).toEqual({
      files: {'index.mdx': '# A\n', 'api/deep/b.mdx': 'B', '_category_.json': '{}'},
      dirs: ['api', 'api/deep'],
    });
  });

  it('leaves unchanged files untouched (same mtime), rewrites changed ones', async () => {
    const dir = freshDir();
    await syncDirectory(dir, new Map([['same.mdx', 'same'], ['changed.mdx', 'before']]));
    for (const name of ['same.mdx', 'changed.mdx']) fs.utimesSync(path.join(dir, name), oldTime, oldTime);
    const result = await syncDirectory(dir, new Map([['same.mdx', 'same'], ['changed.mdx', 'after']]));
    expect(result).toEqual({written: 1, unchanged: 1, deleted: 0});
    expect(fs.statSync(path.join(dir, 'same.mdx')).mtime.getTime()).toBe(oldTime.getTime());
    expect(fs.statSync(path.join(dir, 'changed.mdx')).mtime.getTime()).toBeGreaterThan(oldTime.getTime());
    expect(fs.readFileSync(path.join(dir, 'changed.mdx'), 'utf8')).toBe('after');
  });

  it('a second identical sync writes nothing at all', async () => {
    const dir = freshDir();
    const files = new Map([['a.mdx', 'A'], ['x/b.mdx', 'B']]);
    await syncDirectory(dir, files);
    fs.utimesSync(path.join(dir, 'x', 'b.mdx'), oldTime, oldTime);
    expect(await syncDirectory(dir, files)).toEqual({written: 0, unchanged: 2, deleted: 0});
    expect(fs.statSync(path.join(dir, 'x', 'b.mdx')).mtime.getTime()).toBe(oldTime.getTime());
  });

  it('deletes stale files and the folders they leave empty, keeps folders still in use', async () => {
    const dir = freshDir();
    await syncDirectory(dir, new Map([['keep.mdx', 'K'], ['old/deep/gone.mdx', 'G'], ['mixed/stay.mdx', 'S'], ['mixed/go.mdx', 'G']]));
    fs.writeFileSync(path.join(dir, 'stray.txt'), 'not generated');
    fs.mkdirSync(path.join(dir, 'empty', 'nested'), {recursive: true});
    const result = await syncDirectory(dir, new Map([['keep.mdx', 'K'], ['mixed/stay.mdx', 'S']]));
    expect(result).toEqual({written: 0, unchanged: 2, deleted: 3});
    expect(snapshot(dir)).toEqual({files: {'keep.mdx': 'K', 'mixed/stay.mdx': 'S'}, dirs: ['mixed']});
  });

  it('an empty map empties the folder but keeps it', async () => {
    const dir = freshDir();
    await syncDirectory(dir, new Map([['a/b.mdx', 'x']]));
    expect(await syncDirectory(dir, new Map())).toEqual({written: 0, unchanged: 0, deleted: 1});
    expect(fs.existsSync(dir)).toBe(true);
    expect(fs.readdirSync(dir)).toEqual([]);
  });

  it('rejects paths that escape the folder, and writes nothing outside it', async () => {
    for (const bad of ['../escape.mdx', 'a/../../escape.mdx', '/etc/escape.mdx', '..']) {
      const dir = freshDir();
      await expect(syncDirectory(dir, new Map([[bad, 'x']])), bad).rejects.toThrow(/escapes its folder/);
    }
    expect(fs.existsSync(path.join(base, 'escape.mdx'))).toBe(false);
    expect(fs.existsSync('/etc/escape.mdx')).toBe(false);
  });

  it('a map with one bad path changes nothing: no stale file is deleted, no file written', async () => {
    const dir = freshDir();
    await syncDirectory(dir, new Map([['existing.mdx', 'E']]));
    await expect(syncDirectory(dir, new Map([['new.mdx', 'N'], ['../escape.mdx', 'x']]))).rejects.toThrow(/escapes its folder/);
    expect(snapshot(dir)).toEqual({files: {'existing.mdx': 'E'}, dirs: []});
  });

  it('generatedDir is the section folder under .docs-architect/generated', () => {
    expect(generatedDir('/site', 'overview')).toBe(path.join('/site', '.docs-architect', 'generated', 'overview'));
  });
});
