/**
 * The generator through prepareSite, on real targets in the temp folder: discovery, several versions
 * of one API side by side, error pages, strict mode, the content-hash cache.
 */
import fs from 'node:fs';
import path from 'node:path';
import {describe, expect, it} from 'vitest';
import {tempFolders} from '../../test/tempFolders';
import {formatUserError, isUserError} from '../core/errors';
import {prepareSite} from '../core/prepareSite';
import {openapiGenerator} from './generator';

const {tempDir, makeTarget} = tempFolders('openapi');

const spec = (title: string, version: string, operationId = 'listThings') =>
  `openapi: 3.0.3\ninfo:\n  title: ${title}\n  version: "${version}"\npaths:\n  /things:\n    get:\n      operationId: ${operationId}\n      responses:\n        "200":\n          description: ok\n`;

async function prepare(target: string, siteDir = tempDir('openapi-site'), strict = false) {
  const warnings: string[] = [];
  const original = console.warn;
  console.warn = (message: string) => warnings.push(message);
  try {
    const plan = await prepareSite({siteDir, target, generators: [openapiGenerator], strict});
    return {plan, siteDir, warnings: plan.context.report.warnings.map(formatUserError)};
  } finally {
    console.warn = original;
  }
}

const read = (siteDir: string, file: string) => fs.readFileSync(path.join(siteDir, '.docs-architect', file), 'utf8');

describe('openapiGenerator', () => {
  it('makes a section per description, several versions side by side in one navbar group', async () => {
    const target = makeTarget({
      'api/v1/openapi.yaml': spec('Pets', '1.0.0'),
      'api/v2/openapi.yaml': spec('Pets', '2.0.0'),
      'billing.openapi.json': JSON.stringify({openapi: '3.1.0', info: {title: 'Billing', version: '3'}, paths: {}}),
    });
    const {plan, siteDir} = await prepare(target);
    const api = plan.sections.filter((section) => section.kind === 'generated');
    expect(api.map((section) => [section.id, section.title, section.navbarGroup])).toEqual([
      ['api-pets-1-0-0', 'Pets 1.0.0', 'APIs'],
      ['api-pets-2-0-0', 'Pets 2.0.0', 'APIs'],
      ['api-billing', 'Billing 3', 'APIs'],
    ]);
    expect(api[0]!.docs).toMatchObject({docItemComponent: '@theme/ApiItem', themes: ['docusaurus-theme-openapi-docs']});
    expect(read(siteDir, 'generated/api-pets-2-0-0/list-things.mdx')).toContain('data: "/api-pets-2-0-0/_openapi/operations/list-things.json"');
    expect(JSON.parse(read(siteDir, 'static/api-pets-2-0-0/_openapi/operations/list-things.json'))).toMatchObject({api: {path: '/things'}});
    expect(plan.watch['api-pets-1-0-0']).toEqual([path.join(target, 'api/v1/openapi.yaml')]);
  });

  it('leaves out test fixtures and excluded files, and lists configured specs', async () => {
    const target = makeTarget({
      'openapi.yaml': spec('Main', '1'),
      'test/fixtures/openapi.yaml': spec('Fixture', '1'),
      'legacy/swagger.yaml': 'swagger: "2.0"\ninfo: {title: Legacy, version: "0"}\npaths: {}\n',
      'docs/api.yml': spec('Listed', '1'),
      'docs-architect.config.yaml': 'openapi:\n  exclude: ["legacy/"]\n  specs:\n    - path: docs/api.yml\n      id: listed-api\n      title: The listed API\n',
    });
    const {plan} = await prepare(target);
    expect(plan.sections.filter((section) => section.kind === 'generated').map((section) => [section.id, section.title])).toEqual([
      ['listed-api', 'The listed API'],
      ['api-main', 'Main 1'],
    ]);
  });

  it('a description that another one $refs is a part, not an API of its own', async () => {
    const target = makeTarget({
      'openapi.yaml': spec('Main', '1').replace('description: ok', 'description: ok\n          content:\n            application/json:\n              schema:\n                $ref: "./shared.openapi.yaml#/components/schemas/Thing"'),
      'shared.openapi.yaml': 'openapi: 3.0.3\ninfo: {title: Shared, version: "1"}\npaths: {}\ncomponents:\n  schemas:\n    Thing: {type: object}\n',
    });
    const {plan} = await prepare(target);
    expect(plan.sections.filter((section) => section.kind === 'generated').map((section) => section.id)).toEqual(['api-main']);
  });

  it('an unreadable description: a warning naming file, line and reason, and an error page saying the same', async () => {
    const target = makeTarget({'good/openapi.yaml': spec('Good', '1'), 'bad/openapi.yaml': 'openapi: 3.0.3\ninfo:\n  title: [unclosed\npaths: {}\n'});
    const {plan, siteDir, warnings} = await prepare(target);
    expect(plan.sections.filter((section) => section.kind === 'generated').map((section) => section.id)).toEqual(['api-openapi', 'api-good']);
    expect(warnings, warnings.join('\n')).toHaveLength(1);
    expect(warnings[0]).toMatch(new RegExp(`^${path.join(target, 'bad/openapi.yaml')}:\\d+: cannot build the API reference: cannot parse the file: .+\\. Fix the description; until then its section shows this error\\.$`));
    const page = read(siteDir, 'generated/api-openapi/index.mdx');
    const pageLine = warnings[0]!.replace(`${target}/`, '');
    expect(page).toContain(pageLine);
    expect(page).toContain('<Admonition type={"danger"}');
  });

  it('strict mode fails on an invalid description, with every problem', async () => {
    const target = makeTarget({'openapi.yaml': spec('Strict', '1').replace('paths:', 'x-bad: 1\npaths:').replace('description: ok', 'description: ok\n      parameters:\n        - name: q\n          in: nowhere')});
    const error = await prepare(target, undefined, true).then(
      () => undefined,
      (thrown: unknown) => thrown,
    );
    expect(isUserError(error)).toBe(true);
    const text = formatUserError(error as never);
    expect(text).toMatch(/openapi\.yaml:\d+: #\/paths\/~1things\/get\/parameters\/0: invalid API description: /);
    expect(text).toMatch(/strict mode fails on any warning/);
  });

  it('reuses its cache while the files are the same, and regenerates when one changes', async () => {
    const target = makeTarget({'openapi.yaml': spec('Cached', '1'), 'parts/thing.yaml': 'type: object\n'});
    const siteDir = tempDir('openapi-site');
    await prepare(target, siteDir);
    // Poison the cached model: if the next run reads it, the poisoned title shows.
    const cacheDir = path.join(siteDir, '.docs-architect', 'cache', 'openapi-models');
    const [entryDir] = fs.readdirSync(cacheDir);
    const [entry] = fs.readdirSync(path.join(cacheDir, entryDir!));
    const entryFile = path.join(cacheDir, entryDir!, entry!);
    fs.writeFileSync(entryFile, fs.readFileSync(entryFile, 'utf8').replaceAll('"title":"Cached"', '"title":"From the cache"'));
    fs.rmSync(path.join(siteDir, '.docs-architect', 'cache', 'openapi-pages'), {recursive: true});

    const second = await prepare(target, siteDir);
    expect(second.plan.sections.find((section) => section.kind === 'generated')!.title).toBe('From the cache 1');

    fs.writeFileSync(path.join(target, 'openapi.yaml'), spec('Cached', '2'));
    const third = await prepare(target, siteDir);
    expect(third.plan.sections.find((section) => section.kind === 'generated')!.title).toBe('Cached 2');
  });

  it('removes the folders of a section whose description is gone', async () => {
    const target = makeTarget({'a/openapi.yaml': spec('Alpha', '1'), 'b/openapi.yaml': spec('Beta', '1')});
    const siteDir = tempDir('openapi-site');
    await prepare(target, siteDir);
    expect(fs.existsSync(path.join(siteDir, '.docs-architect/generated/api-beta'))).toBe(true);
    fs.rmSync(path.join(target, 'b'), {recursive: true});
    await prepare(target, siteDir);
    expect(fs.readdirSync(path.join(siteDir, '.docs-architect/generated'))).toEqual(['api-alpha']);
    expect(fs.readdirSync(path.join(siteDir, '.docs-architect/static'))).toEqual(['api-alpha', 'docs-architect.json', 'docs-architect.schema.json']);
  });
});
