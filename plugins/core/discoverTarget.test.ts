import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {discoverTarget, type Inventory} from './discoverTarget';

let base: string;
let root: string;
let inventory: Inventory;

function write(dir: string, relative: string, content = 'x\n'): void {
  const file = path.join(dir, relative);
  fs.mkdirSync(path.dirname(file), {recursive: true});
  fs.writeFileSync(file, content);
}

/** A small target of its own, for the cases that need a clean slate. */
function otherTarget(name: string, files: Record<string, string>): string {
  const dir = path.join(base, name);
  for (const [relative, content] of Object.entries(files)) write(dir, relative, content);
  fs.mkdirSync(dir, {recursive: true});
  return dir;
}

beforeAll(async () => {
  base = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'docs-architect-discover-')));
  root = path.join(base, 'target');
  const files: Record<string, string> = {
    'package.json': JSON.stringify({name: 'acme', version: '1.2.3', description: 'The Acme monorepo', private: true, workspaces: ['packages/*']}),
    'packages/api/package.json': JSON.stringify({name: '@acme/api', version: '0.4.0', description: 'Payments API'}),
    'packages/broken/package.json': '{not json',
    'packages/api/src/index.ts': 'export const x = 1;\n',
    'packages/api/src/types.d.ts': 'export type X = 1;\n',
    'packages/api/tsconfig.json': '{}',
    'tsconfig.json': '{}',
    'tsconfig.build.json': '{}',
    'Cargo.toml': '[package]\nname = "acme"\n',
    'tools/go.mod': 'module acme\n',
    'openapi.yaml': 'openapi: 3.0.0\n',
    'api/orders.openapi.json': '{}',
    'specs/payments.yml': '# Payments API\n# maintained by the payments team\n\nopenapi: 3.1.0\ninfo:\n  title: Payments\n',
    'specs/legacy.json': '{"swagger": "2.0", "info": {"title": "Legacy"}}',
    'specs/with-marker.yaml': '---\nopenapi: 3.0.3\n',
    'specs/not-a-spec.yaml': 'name: config\nopenapi_version: 3\n# openapi: 3.0.0\n',
    'specs/spec-later.yaml': 'info:\n  title: x\nopenapi: 3.0.0\n',
    'config/app.json': '{"port": 80, "openapi": false}',
    '.github/workflows/ci.yml': 'openapi: 3.0.0\n', // never a spec, whatever it holds
    'pnpm-lock.yaml': 'openapi: 3.0.0\n',
    // Our own config may start with its `openapi:` key: it is not an API description.
    'docs-architect.config.yaml': 'openapi:\n  specs: [openapi.yaml]\n',
    'docs/intro.md': '# Intro\n',
    'docs/adr/0001-record.md': '# ADR\n',
    'docs/guides/setup.mdx': '# Setup\n',
    'doc/readme.txt': 'not markdown\n',
    '.env.example': '# comment\nexport FOO=1\nBAR=secret-value\n  BAZ_2 = spaced\nnot a variable\n=novalue\nBAR=again\n',
    '.env.local': 'TOKEN=secret-value\n',
    'deploy/staging.env': 'STAGE=secret-value\n',
    'docker-compose.yml': 'services: {}\n',
    'deploy/compose.prod.yaml': 'services: {}\n',
    'composer.yaml': 'not compose\n',
    'Makefile': 'all:\n',
  };
  for (const [relative, content] of Object.entries(files)) write(root, relative, content);
  fs.mkdirSync(path.join(root, '.git'));
  inventory = await discoverTarget(root);
});

afterAll(() => {
  fs.rmSync(base, {recursive: true, force: true});
});

describe('discoverTarget', () => {
  it('files are sorted and come from the walk (no .git, no dependencies)', () => {
    expect(inventory.files).toEqual([...inventory.files].sort());
    expect(inventory.files).toContain('packages/api/src/index.ts');
    expect(inventory.files.some((file) => file.startsWith('.git/'))).toBe(false);
  });

  it('manifests of every ecosystem, with the folder of each', () => {
    expect(inventory.manifests).toEqual([
      {path: 'Cargo.toml', ecosystem: 'cargo'},
      {path: 'package.json', ecosystem: 'npm'},
      {path: 'packages/api/package.json', ecosystem: 'npm'},
      {path: 'packages/broken/package.json', ecosystem: 'npm'},
      {path: 'tools/go.mod', ecosystem: 'go'},
    ]);
  });

  it('packages: the root and workspace packages with name, version and description; a broken one keeps its folder', () => {
    expect(inventory.packages).toEqual([
      {dir: '', name: 'acme', version: '1.2.3', description: 'The Acme monorepo', private: true},
      {dir: 'packages/api', name: '@acme/api', version: '0.4.0', description: 'Payments API', private: undefined},
      {dir: 'packages/broken'},
    ]);
  });

  it('packages under test and fixture folders are test inputs: listed as manifests, not as packages, never warned about', async () => {
    const dir = otherTarget('fixture-packages', {
      'package.json': JSON.stringify({name: 'tool', version: '1.0.0'}),
      'test/fixtures/sample/package.json': JSON.stringify({name: '@acme/shapes', version: '1.2.0'}),
      'src/__fixtures__/bad/package.json': '{not json',
      'packages/testing-kit/package.json': JSON.stringify({name: 'testing-kit', version: '0.1.0'}),
    });
    const found = await discoverTarget(dir);
    expect(found.manifests.map((manifest) => manifest.path)).toEqual(['package.json', 'packages/testing-kit/package.json', 'src/__fixtures__/bad/package.json', 'test/fixtures/sample/package.json']);
    // A folder merely named like a test (testing-kit) is a package.
    expect(found.packages.map((pkg) => pkg.name)).toEqual(['tool', 'testing-kit']);
    expect(found.manifestProblems).toEqual([]);
  });

  it('tsconfigs, and TypeScript is detected', () => {
    expect(inventory.tsconfigs).toEqual(['packages/api/tsconfig.json', 'tsconfig.build.json', 'tsconfig.json']);
    expect(inventory.hasTypeScript).toBe(true);
  });

  it('specs by name, and by content when the first key is openapi or swagger', () => {
    expect(inventory.specs).toEqual([
      'api/orders.openapi.json',
      'openapi.yaml',
      'specs/legacy.json',
      'specs/payments.yml',
      'specs/with-marker.yaml',
    ]);
  });

  it('docs folders and ADR folders', () => {
    expect(inventory.docsDirs).toEqual(['docs']);
    expect(inventory.adrDirs).toEqual(['docs/adr']);
  });

  it('env files: variable names only, sorted and unique; examples are not flagged, real ones are', () => {
    expect(inventory.envFiles).toEqual([
      {path: '.env.example', variables: ['BAR', 'BAZ_2', 'FOO'], mayHoldSecrets: false},
      {path: '.env.local', variables: ['TOKEN'], mayHoldSecrets: true},
      {path: 'deploy/staging.env', variables: ['STAGE'], mayHoldSecrets: true},
    ]);
  });

  it('no env value reaches the inventory', () => {
    expect(JSON.stringify(inventory)).not.toContain('secret-value');
    expect(JSON.stringify(inventory)).not.toContain('spaced');
  });

  it('compose files', () => {
    expect(inventory.composeFiles).toEqual(['deploy/compose.prod.yaml', 'docker-compose.yml']);
  });

  it('languages count files by extension, sorted by extension', () => {
    expect(Object.keys(inventory.languages)).toEqual([...Object.keys(inventory.languages)].sort());
    expect(inventory.languages).toMatchObject({ts: 2, md: 2, mdx: 1, json: 9, '': 1, env: 1});
    expect(Object.values(inventory.languages).reduce((a, b) => a + b, 0)).toBe(inventory.files.length);
  });

  it('isGitRepository follows the .git folder', () => {
    expect(inventory.isGitRepository).toBe(true);
  });

  it('a bare target: nothing found, not a git repository, no TypeScript', async () => {
    const dir = otherTarget('bare', {'notes.txt': 'hello\n', 'types.d.ts': 'export {};\n'});
    expect(await discoverTarget(dir)).toEqual({
      files: ['notes.txt', 'types.d.ts'],
      skippedLinks: [],
      manifests: [],
      packages: [],
      manifestProblems: [],
      tsconfigs: [],
      specs: [],
      docsDirs: [],
      adrDirs: [],
      envFiles: [],
      composeFiles: [],
      languages: {ts: 1, txt: 1},
      hasTypeScript: false,
      isGitRepository: false,
    });
  });

  it('the config include/exclude patterns reach the walk', async () => {
    const scoped = await discoverTarget(root, {include: ['/packages/'], exclude: ['broken/']});
    expect(scoped.files).toEqual(['packages/api/package.json', 'packages/api/src/index.ts', 'packages/api/src/types.d.ts', 'packages/api/tsconfig.json']);
    expect(scoped.packages.map((pkg) => pkg.dir)).toEqual(['packages/api']);
    expect(scoped.isGitRepository).toBe(true);
  });

  it('a .git file (a worktree or submodule) also counts as a repository', async () => {
    const dir = otherTarget('worktree', {'.git': 'gitdir: /elsewhere/.git/worktrees/x\n', 'a.txt': 'a\n'});
    expect((await discoverTarget(dir)).isGitRepository).toBe(true);
  });

  it('the same target gives the same inventory twice', async () => {
    expect(JSON.stringify(await discoverTarget(root))).toBe(JSON.stringify(inventory));
  });
});
