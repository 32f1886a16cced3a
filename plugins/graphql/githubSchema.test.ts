/**
 * A real schema no one here wrote: GitHub's public GraphQL schema (@octokit/graphql-schema, about
 * 1,600 types and 280 operations). It generates within the 10 s of CPU (CPU, not wall time,
 * so a busy machine does not fail it), with a bounded number of pages, and the two fields GitHub's
 * published schema defines twice are reported with their lines.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {afterAll, describe, expect, it} from 'vitest';
import {formatUserError} from '../core/errors';
import {prepareSite} from '../core/prepareSite';
import {graphqlGenerator} from './generator';

const SCHEMA = path.resolve(__dirname, '../../node_modules/@octokit/graphql-schema/schema.graphql');
const dirs: string[] = [];
afterAll(() => {
  for (const dir of dirs) fs.rmSync(dir, {recursive: true, force: true});
});

describe("GitHub's GraphQL schema", () => {
  it('generates in under 10 s of CPU, every type on a page of its kind, the duplicates reported', async () => {
    const target = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'docs-architect-github-graphql-')));
    const siteDir = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'docs-architect-github-graphql-site-')));
    dirs.push(target, siteDir);
    fs.copyFileSync(SCHEMA, path.join(target, 'schema.graphql'));
    const cpu = process.cpuUsage();
    const plan = await prepareSite({siteDir, target, generators: [graphqlGenerator]});
    const used = process.cpuUsage(cpu);
    const cpuSeconds = (used.user + used.system) / 1e6;
    expect(cpuSeconds).toBeLessThan(10);

    const warnings = plan.context.report.warnings.map(formatUserError);
    expect(warnings).toHaveLength(2);
    expect(warnings[0]).toMatch(/schema\.graphql:\d+: GraphQL schema: Field "EnterpriseOwnerInfo\.repositoryDeployKeySetting" can only be defined once/);

    const model = plan.siteModel.sections.find((section) => section.id === 'graphql')!.model as unknown as {schema: {types: {name: string; page: string}[]; operations: unknown[]; typePages: unknown[]}};
    expect(model.schema.types.length).toBeGreaterThan(1000);
    expect(model.schema.operations.length).toBeGreaterThan(250);
    const folder = path.join(siteDir, '.docs-architect', 'generated', 'graphql');
    const pages = (fs.readdirSync(folder, {recursive: true}) as string[]).filter((file) => file.endsWith('.mdx'));
    // An index, a page per operation, and the types in pages of at most 40.
    expect(pages).toHaveLength(1 + model.schema.operations.length + model.schema.typePages.length);
    expect(model.schema.typePages.length).toBeLessThan(60);
    const repository = model.schema.types.find((type) => type.name === 'Repository')!;
    expect(fs.readFileSync(path.join(folder, 'types', `${repository.page}.mdx`), 'utf8')).toContain('## Repository {/* #Repository */}');
  }, 120_000);
});
