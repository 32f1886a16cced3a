import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {formatUserError, isUserError} from '../errors';
import {prepareSite} from '../prepareSite';
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
    // Sorted by kind, then key: the same target gives the same index.
    const keys = links.map((entry) => `${entry.kind} ${entry.key}`);
    expect(keys).toEqual([...keys].sort());
    expect(links.length).toBeGreaterThanOrEqual(6);
  });
});
