import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {formatUserError, isUserError} from '../errors';
import {prepareSite} from '../prepareSite';
import {createRepoLinks} from '../repoLinks';
import {createReport} from '../report';
import type {TargetContext} from '../types';
import {createRegistry} from './registry';
import {historyGenerator} from '../../git-history/generator';
import {openapiGenerator} from '../../openapi/generator';
import {overviewGenerator} from '../../overview/generator';
import {codeReferenceGenerator} from '../../code-reference/generator';

let tmp: string;
beforeAll(() => {
  tmp = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'docs-architect-registry-')));
});
afterAll(() => fs.rmSync(tmp, {recursive: true, force: true}));

const SPEC = `openapi: 3.0.3
info: {title: Pets, version: '1'}
paths:
  /pets:
    get:
      operationId: listPets
      responses: {'200': {description: ok}}
`;

function makeTarget(name: string, files: Record<string, string>): string {
  const root = path.join(tmp, name);
  for (const [file, content] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(root, file)), {recursive: true});
    fs.writeFileSync(path.join(root, file), content);
  }
  return root;
}

async function failure(id: string): Promise<string> {
  const target = makeTarget(`clash-${id}`, {
    'openapi.yaml': SPEC,
    'docs-architect.config.yaml': `openapi:\n  specs:\n    - path: openapi.yaml\n      id: ${id}\n`,
  });
  const error: unknown = await prepareSite({siteDir: path.join(tmp, `site-${id}`), target, generators: [overviewGenerator, openapiGenerator, historyGenerator]}).then(
    () => undefined,
    (thrown: unknown) => thrown,
  );
  // A user's mistake: a UserError (printed as one line), never a stack trace.
  expect(isUserError(error)).toBe(true);
  return formatUserError(error as never);
}

describe('site registry', () => {
  it('an API section configured with another section\u2019s id is one line naming the key and the owner', async () => {
    const message = await failure('history');
    expect(message).toMatch(/docs-architect\.config\.yaml: openapi\.specs\[0\]\.id: "history" is already the History section's id\. Give it another id/);
  });

  it('the ids the site keeps for itself and for other plugins are reserved', async () => {
    expect(await failure('search')).toContain('"search" is already the search page\'s id');
    expect(await failure('docs')).toContain('"docs" is already the hand-written docs section\'s id');
  });

  it('indexes operations, files and sections, and builds repository URLs in one place', async () => {
    const target = makeTarget('index', {
      'package.json': JSON.stringify({name: 'demo', version: '1.0.0', main: 'src/index.ts', types: 'src/index.ts'}),
      'src/index.ts': '/** Adds. */\nexport function add(a: number, b: number): number {\n  return a + b;\n}\n',
      'openapi.yaml': SPEC,
    });
    const plan = await prepareSite({siteDir: path.join(tmp, 'site-index'), target, generators: [overviewGenerator, codeReferenceGenerator, openapiGenerator]});
    const links = plan.siteModel.links;
    const find = (kind: string, key: string) => links.find((entry) => entry.kind === kind && entry.key === key)?.url;
    expect(find('operation', 'api-pets/listPets')).toBe('/api-pets/list-pets/');
    expect(find('operation', 'api-pets/GET /pets')).toBe('/api-pets/list-pets/');
    expect(find('symbol', 'src/index.ts#add')).toMatch(/^\/api\/.*#add$/);
    expect(find('file', 'src/index.ts')).toMatch(/^\/api\//);
    expect(find('section', 'overview')).toBe('/overview/');
    expect(find('file', 'openapi.yaml')).toBe('/api-pets/');
    // A render links into another section through the index: the overview's list of API
    // descriptions points at the API's section.
    const overview = fs.readFileSync(path.join(tmp, 'site-index/.docs-architect/generated/overview/index.mdx'), 'utf8');
    expect(overview).toContain('[documented here](/api-pets/)');
    // Sorted by kind, then key: the same target gives the same index.
    const keys = links.map((entry) => `${entry.kind} ${entry.key}`);
    expect(keys).toEqual([...keys].sort());
    expect(links.length).toBeGreaterThanOrEqual(6);
  });
});

describe('site view', () => {
  it('a reference that does not resolve is a warning naming the page; a commit resolves to the host', () => {
    const report = createReport();
    const context = {report, git: {isRepository: true, prefix: 'sub/'}, ref: 'main', links: createRepoLinks('https://github.com/o/r')} as unknown as TargetContext;
    const registry = createRegistry(context);
    registry.add('api', [{kind: 'symbol', key: 'a.ts#a', url: '/api/#a'}]);
    const site = registry.view([]);
    expect(site.resolve('symbol', 'a.ts#a', 'guide.md')).toBe('/api/#a');
    expect(site.resolve('symbol', 'gone.ts#b', 'guide.md')).toBeUndefined();
    expect(report.warnings.map(formatUserError)).toEqual([
      'guide.md: the symbol "gone.ts#b" this page links to is not in the site. Check the name, or remove the link (strict mode fails on it).',
    ]);
    expect(site.urlOf('commit', 'abc123')).toBe('https://github.com/o/r/commit/abc123');
    expect(site.repo.fileUrl?.('src/a.ts', 3)).toBe('https://github.com/o/r/blob/main/sub/src/a.ts#L3');
    expect(site.repo.compareUrl?.('v1.0.0', 'v1.1.0')).toBe('https://github.com/o/r/compare/v1.0.0...v1.1.0');
    expect(site.repo.issueUrl?.(12)).toBe('https://github.com/o/r/issues/12');
  });
});
