/**
 * The layering rules of .dependency-cruiser.cjs (run on the repository by `npm run lint`) catch each
 * kind of violation: planted in a small tree with this repository's layout, every rule fires once,
 * and the same tree without the violations passes. To see it by hand: add
 * `import '../extract/link';` to plugins/code-reference/render/pages.ts and run `npm run lint:layers`.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {createRequire} from 'node:module';
import {afterAll, describe, expect, it} from 'vitest';

const require = createRequire(import.meta.url);
const config = require('../.dependency-cruiser.cjs') as {forbidden: object[]};
const tmp = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'docs-architect-layers-')));
afterAll(() => fs.rmSync(tmp, {recursive: true, force: true}));

function plant(name: string, files: Record<string, string>): string {
  const root = path.join(tmp, name);
  for (const [file, content] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(root, file)), {recursive: true});
    fs.writeFileSync(path.join(root, file), content);
  }
  return root;
}

async function violations(root: string): Promise<string[]> {
  const {cruise} = await import('dependency-cruiser');
  const result = await cruise(['plugins'], {validate: true, ruleSet: {forbidden: config.forbidden} as never, baseDir: root, tsPreCompilationDeps: true});
  const output = result.output as {summary: {violations: {rule: {name: string}; from: string; to: string}[]}};
  return output.summary.violations.map((violation) => `${violation.rule.name}: ${violation.from} -> ${violation.to}`).sort();
}

const CLEAN = {
  'plugins/core/types.ts': 'export type Model = {version: number};\n',
  'plugins/alpha/model.ts': "import type {Model} from '../core/types';\nexport type AlphaModel = Model;\n",
  'plugins/alpha/extract/read.ts': "import type {AlphaModel} from '../model';\nexport const read = (): AlphaModel => ({version: 1});\n",
  'plugins/alpha/render/page.ts': "import type {AlphaModel} from '../model';\nexport const page = (model: AlphaModel) => String(model.version);\n",
  'plugins/alpha/page.test.ts': "import {read} from './extract/read';\nimport {helper} from '../../test/helper';\nexport const x = [read, helper];\n",
  'test/helper.ts': 'export const helper = 1;\n',
  'plugins/beta/generator.ts': "import type {Model} from '../core/types';\nexport const m: Model = {version: 1};\n",
};

describe('layering rules', () => {
  it('a tree that keeps the rules passes (tests may import anything)', async () => {
    expect(await violations(plant('clean', CLEAN))).toEqual([]);
  }, 60_000);

  it('each planted violation fails its rule', async () => {
    const root = plant('planted', {
      ...CLEAN,
      'plugins/alpha/render/page.ts': "import {read} from '../extract/read';\nexport const page = () => read();\n",
      'plugins/alpha/model.ts': "import {helper} from '../../test/helper';\nexport type AlphaModel = {version: number};\nexport const h = helper;\n",
      'plugins/beta/generator.ts': "import {page} from '../alpha/render/page';\nexport const p = page;\n",
    });
    expect(await violations(root)).toEqual([
      'production-never-imports-tests: plugins/alpha/model.ts -> test/helper.ts',
      'render-never-imports-extract: plugins/alpha/render/page.ts -> plugins/alpha/extract/read.ts',
      'siblings-talk-through-core: plugins/beta/generator.ts -> plugins/alpha/render/page.ts',
    ]);
  }, 60_000);
});
