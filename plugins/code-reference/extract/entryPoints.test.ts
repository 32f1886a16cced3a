/**
 * Entry points as users import them: package.json exports mapped back to source, workspaces, the
 * tsconfig fallback, the last-resort fallback, and the config override.
 */
import fs from 'node:fs';
import path from 'node:path';
import {afterAll, describe, expect, it} from 'vitest';
import {contextFor, tempDir} from '../../../test/codeReferenceTargets';
import {formatReport} from '../../core/report';
import type {DocsArchitectConfig} from '../../core/configSchema';
import {normalizeOptions} from '../options';
import {planPackages} from './entryPoints';

const dirs: string[] = [];
afterAll(() => {
  for (const dir of dirs) fs.rmSync(dir, {recursive: true, force: true});
});

function target(files: Record<string, string>): string {
  const dir = tempDir('coderef-entries');
  dirs.push(dir);
  for (const [file, content] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, file)), {recursive: true});
    fs.writeFileSync(path.join(dir, file), content);
  }
  return dir;
}

async function plan(files: Record<string, string>, config: DocsArchitectConfig = {}) {
  const context = await contextFor(target(files));
  context.config = {...context.config, ...config};
  return {plans: planPackages(context, normalizeOptions(context.config)), context};
}

const json = (value: unknown) => JSON.stringify(value);

describe('planPackages', () => {
  it('maps package.json exports from build output back to the source under src/', async () => {
    const {plans} = await plan({
      'package.json': json({name: 'lib', exports: {'.': {types: './dist/types/index.d.ts', import: './dist/esm/index.js'}, './utils': './dist/utils.js', './internal/*': './dist/internal/*.js', './package.json': './package.json'}}),
      'src/index.ts': 'export const a = 1;',
      'src/utils.ts': 'export const b = 1;',
      'src/internal/x.ts': 'export const c = 1;',
    });
    expect(plans).toEqual([
      {dir: '', name: 'lib', entries: [
        {name: 'lib', file: 'src/index.ts', importable: true},
        {name: 'lib/utils', file: 'src/utils.ts', importable: true},
      ]},
    ]);
  });

  it('prefers a condition that names TypeScript source, and falls back to main/types', async () => {
    const source = await plan({'package.json': json({name: 'z', exports: {'.': {'@z/source': './src/index.ts', import: './index.js'}}}), 'src/index.ts': ''});
    expect(source.plans[0]!.entries).toEqual([{name: 'z', file: 'src/index.ts', importable: true}]);
    const main = await plan({'package.json': json({name: 'm', main: 'lib/main.js'}), 'src/main.ts': ''});
    expect(main.plans[0]!.entries).toEqual([{name: 'm', file: 'src/main.ts', importable: true}]);
  });

  it('documents a JavaScript package from its JavaScript', async () => {
    const {plans} = await plan({'package.json': json({name: 'js', main: 'index.js'}), 'index.js': '/** @param {string} a */\nexport function f(a) {}'});
    expect(plans[0]!.entries).toEqual([{name: 'js', file: 'index.js', importable: true}]);
  });

  it('gives each npm/yarn workspace package a part of its own', async () => {
    const {plans} = await plan({
      'package.json': json({name: 'root', private: true, workspaces: ['packages/*']}),
      'packages/a/package.json': json({name: '@s/a', main: 'dist/index.js'}),
      'packages/a/src/index.ts': 'export const a = 1;',
      'packages/b/package.json': json({name: '@s/b', exports: './dist/index.js'}),
      'packages/b/src/index.ts': 'export const b = 1;',
    });
    expect(plans.map((p) => [p.dir, p.name, p.entries.map((e) => e.file)])).toEqual([
      ['packages/a', '@s/a', ['packages/a/src/index.ts']],
      ['packages/b', '@s/b', ['packages/b/src/index.ts']],
    ]);
  });

  it('reads pnpm-workspace.yaml', async () => {
    const {plans} = await plan({
      'package.json': json({name: 'root', private: true}),
      'pnpm-workspace.yaml': 'packages:\n  - "libs/**"\n  - "!libs/skip"\n',
      'libs/one/package.json': json({name: 'one', main: 'index.ts'}),
      'libs/one/index.ts': 'export const one = 1;',
      'libs/skip/package.json': json({name: 'skip', main: 'index.ts'}),
      'libs/skip/index.ts': '',
    });
    expect(plans.map((p) => p.name)).toEqual(['one']);
  });

  it('without entry points in the manifest, takes the tsconfig files without tests', async () => {
    const {plans} = await plan({
      'package.json': json({name: 'app', private: true}),
      'tsconfig.json': '{\n  // comments are fine\n  "include": ["src"]\n}',
      'src/a.ts': '',
      'src/a.test.ts': '',
      'src/nested/index.ts': '',
      'scripts/tool.ts': '',
    });
    expect(plans[0]!.entries).toEqual([
      {name: 'src/a', file: 'src/a.ts'},
      {name: 'src/nested', file: 'src/nested/index.ts'},
    ]);
  });

  it('without manifest or tsconfig, takes every non-test source file', async () => {
    const {plans} = await plan({'lib/x.ts': '', 'lib/x.spec.ts': '', 'test/helper.ts': '', 'lib/types.d.ts': ''});
    expect(plans[0]!.entries.map((e) => e.file)).toEqual(['lib/x.ts']);
  });

  it('lets the config name the entry points and exclude paths', async () => {
    const {plans, context} = await plan(
      {'package.json': json({name: 'p', main: 'src/index.ts'}), 'src/index.ts': '', 'src/a/one.ts': '', 'src/a/gen/two.ts': '', 'src/b.ts': ''},
      {codeReference: {entryPoints: ['src/a/', 'src/b.ts', 'src/none'], exclude: ['gen/']}},
    );
    expect(plans[0]!.entries.map((e) => e.file)).toEqual(['src/a/one.ts', 'src/b.ts']);
    expect(formatReport(context.report)).toMatch(/codeReference\.entryPoints: codeReference entry point "src\/none" matches no source file/);
  });

  it('warns when an export has no source in the repository', async () => {
    const {plans, context} = await plan({'package.json': json({name: 'p', exports: {'.': './dist/index.js', './gone': './dist/gone.js'}}), 'src/index.ts': ''});
    expect(plans[0]!.entries.map((e) => e.name)).toEqual(['p']);
    expect(formatReport(context.report)).toMatch(/package\.json: exports\["\.\/gone"\]: package\.json "exports" entry "\.\/gone" has no source file/);
  });
});
