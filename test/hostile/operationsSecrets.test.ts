/**
 * Secrets planted where operations pages look (a real `.env` and `.env.production`, compose
 * `environment:` values as a map and as a list, a k8s Secret's `data` and `stringData`, a k8s env
 * literal, TypeScript and pydantic defaults, a Dockerfile `ENV`) appear in no file the pipeline
 * writes: every generated page, the site model (docs-architect.json) and its schema, and the llms
 * files. Built with every generator of the site, through prepareSite, as `npm run build` starts.
 * e2e/operations.spec.ts greps the bundled site too.
 */
import fs from 'node:fs';
import path from 'node:path';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {tempBase} from '../gitRepo';
import {allFiles} from './plantedSecrets';
import {prepareSite, type SitePlan} from '../../plugins/core/prepareSite';
import {overviewGenerator} from '../../plugins/overview/generator';
import {codeReferenceGenerator} from '../../plugins/code-reference/generator';
import {openapiGenerator} from '../../plugins/openapi/generator';
import {historyGenerator} from '../../plugins/git-history/generator';
import {operationsGenerator} from '../../plugins/operations/generator';
import {makeOperationsTarget, OPS_SECRETS} from '../../plugins/operations/fixtureTarget';

let base: string;
let siteDir: string;
let plan: SitePlan;

beforeAll(async () => {
  base = tempBase('ops-secrets');
  siteDir = path.join(base, 'site');
  makeOperationsTarget(path.join(base, 'shop'), {'tsconfig.json': '{"compilerOptions": {"strict": true}, "include": ["src"]}\n'});
  plan = await prepareSite({
    siteDir,
    target: path.join(base, 'shop'),
    generators: [overviewGenerator, codeReferenceGenerator, openapiGenerator, historyGenerator, operationsGenerator as never],
  });
}, 120_000);

afterAll(() => fs.rmSync(base, {recursive: true, force: true}));

describe('planted secrets and the operations sections', () => {
  it('every planted value is really in the target, so the grep below means something', () => {
    const target = allFiles(path.join(base, 'shop')).filter((file) => !file.includes(`${path.sep}.git${path.sep}`));
    const text = target.map((file) => fs.readFileSync(file, 'latin1')).join('\n');
    for (const [place, secret] of Object.entries(OPS_SECRETS)) expect(text, place).toContain(secret);
  });

  it('no planted value is in any file the pipeline wrote, the site model included', () => {
    const files = allFiles(siteDir);
    const pages = files.filter((file) => /generated[\\/](getting-started|operations)[\\/].*\.mdx$/.test(file));
    expect(pages.length).toBe(14);
    expect(files.filter((file) => file.endsWith('docs-architect.json')).length).toBe(1);
    const contents = files.map((file) => ({file: path.relative(siteDir, file), text: fs.readFileSync(file).toString('latin1')}));
    // The pages say where values were hidden: the grep searched the pages that hold the variables.
    expect(contents.filter(({text}) => text.includes('set (hidden)')).length).toBeGreaterThanOrEqual(3);
    const model = contents.find(({file}) => file.endsWith('docs-architect.json'))!.text;
    expect(model).toContain('"STRIPE_KEY"');
    const hits = Object.entries(OPS_SECRETS).flatMap(([place, secret]) => contents.filter(({text}) => text.includes(secret)).map(({file}) => `${place} in ${file}`));
    expect(hits).toEqual([]);
  });

  it('the site model validates with the operations sections in it', () => {
    expect(plan.siteModel.sections.filter((s) => s.kind === 'operations').map((s) => s.id)).toEqual(['getting-started', 'operations']);
    expect(plan.siteModel.links.filter((l) => l.kind === 'env').length).toBe(16);
  });
});
