/**
 * The code reference as a repository's users see it (issue 15), on temporary repositories: a library
 * whose exports name `distribution/` built from `source/` with a tsconfig that extends an uninstalled
 * package; an application read by folder; files Docusaurus treats specially; generated files;
 * inferred types; long object types.
 */
import fs from 'node:fs';
import path from 'node:path';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {contextFor, tempDir} from '../../test/codeReferenceTargets';
import {compileLikeDocusaurus} from '../../test/compileLikeDocusaurus';
import type {DocsArchitectConfig} from '../core/configSchema';
import {generateCodeReference, type GenerateResult} from './generator';
import {extractCodeReferenceModel} from './generator';
import type {CodeReferenceModel, SymbolModel, TypeText} from './model';

const dirs: string[] = [];
afterAll(() => {
  for (const dir of dirs) fs.rmSync(dir, {recursive: true, force: true});
});

function target(files: Record<string, string>): string {
  const dir = tempDir('coderef-public');
  dirs.push(dir);
  for (const [file, content] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, file)), {recursive: true});
    fs.writeFileSync(path.join(dir, file), content);
  }
  return dir;
}

async function generate(files: Record<string, string>, config: DocsArchitectConfig = {}) {
  const site = tempDir('coderef-public-site');
  dirs.push(site);
  const context = await contextFor(target(files), site);
  context.config = {...context.config, ...config};
  const extracted = await extractCodeReferenceModel(context, {cache: false});
  const generated = await generateCodeReference(context);
  return {model: extracted!.model, generated: generated!, context};
}

const plain = (text: TypeText | undefined) => (text ?? []).map((part) => (typeof part === 'string' ? part : part.name)).join('');
const named = (model: CodeReferenceModel, name: string): SymbolModel => {
  const found = model.symbols.filter((symbol) => symbol.name === name);
  if (found.length !== 1) throw new Error(`${found.length} symbols named ${name}`);
  return found[0]!;
};

const LIBRARY = {
  'package.json': JSON.stringify({name: 'sindre-lib', type: 'module', exports: {'.': {types: './distribution/index.d.ts', default: './distribution/index.js'}, './extra': './distribution/extra/index.js'}}),
  // `@sindresorhus/tsconfig` is not installed: the tsconfig cannot be read in full.
  'tsconfig.json': JSON.stringify({extends: '@sindresorhus/tsconfig', compilerOptions: {outDir: 'distribution', strict: true}, include: ['source']}),
  'source/index.ts': [
    "import {Client, makeClient} from './client.js';",
    "export {Client} from './client.js';",
    '/** The ready client. */',
    "export const client = makeClient('https://example.org');",
    'export function settings() {',
    "  return {retries: 3, endpoint: 'https://example.org', timeoutMilliseconds: 1000, client: new Client('x')};",
    '}',
    'export type Mode =',
    "  | 'fast'",
    "  | 'safe';",
  ].join('\n'),
  'source/client.ts': 'export class Client {\n  constructor(readonly url: string) {}\n}\nexport function makeClient(url: string) {\n  return new Client(url);\n}\n',
  'source/internal/helpers.ts': 'export function helper(): number {\n  return 1;\n}\n',
  'source/extra/index.ts': 'export const extra = 1;\n',
};

describe('a library built from source/ to distribution/', () => {
  let model: CodeReferenceModel;
  let generated: GenerateResult;
  // Two generations, each with a checker that loads TypeScript's standard library: 10 s is short on a loaded machine.
  beforeAll(async () => {
    ({model, generated} = await generate(LIBRARY));
  }, 60_000);

  it('maps each export to its source and documents the public API only', () => {
    const modules = model.containers.filter((container) => container.kind === 'module');
    expect(modules.map((container) => [container.name, container.file])).toEqual([
      ['sindre-lib', 'source/index.ts'],
      ['sindre-lib/extra', 'source/extra/index.ts'],
    ]);
    expect(model.symbols.map((symbol) => symbol.name).sort()).toEqual(['Client', 'Mode', 'client', 'extra', 'settings']);
    expect(model.symbols.some((symbol) => symbol.name === 'helper' || symbol.name === 'makeClient')).toBe(false);
  });

  it('shows the types the checker infers, linked when they are ours', () => {
    const client = named(model, 'client');
    expect(plain(client.type)).toBe('Client');
    expect(client.type).toEqual([{name: 'Client', id: 'source/client.ts#Client'}]);
    expect(plain(named(model, 'settings').signatures![0]!.returns)).toBe('{ retries: number; endpoint: string; timeoutMilliseconds: number; client: Client }');
  });

  it('asks the checker again only when code a declaration reaches changes, never for a comment', async () => {
    const {context, generated: first} = await generate(LIBRARY);
    expect(first.stats.inferChecked).toBe(1);
    const warm = (await generateCodeReference(context))!;
    expect([warm.stats.inferred, warm.stats.inferChecked]).toEqual([2, 0]);
    expect(warm.files.get('sindre-lib/index.mdx')).toContain('const client: ');
    const client = path.join(context.root, 'source/client.ts');
    fs.writeFileSync(client, `/** A comment. */\n${fs.readFileSync(client, 'utf8')}`);
    expect((await generateCodeReference(context))!.stats.inferChecked).toBe(0);
    fs.writeFileSync(client, fs.readFileSync(client, 'utf8').replace('return new Client(url);', 'return new Client(url) as Client | undefined;').replace('export function makeClient(url: string)', 'export function makeClient(url: string): Client | undefined'));
    const edited = (await generateCodeReference(context))!;
    expect(edited.stats.inferChecked).toBe(1);
    expect(edited.files.get('sindre-lib/index.mdx')).toMatch(/const client: ", *\{[^}]*"Client"[^}]*\}, *" \| undefined( = [^"]*)?"/);
  });

  it('drops the leading | of a union written one member a line', () => {
    expect(plain(named(model, 'Mode').type)).toBe("'fast' | 'safe'");
  });

  it('prints a long inline object type one member a line', () => {
    const page = generated.files.get('sindre-lib/index.mdx')!;
    expect(page).toContain('function settings(): {\\n  retries: number;\\n  endpoint: string;\\n  timeoutMilliseconds: number;\\n  client: ');
  });

  it('lists the internals under their own heading only when the config asks', async () => {
    expect([...generated.files.keys()].filter((file) => file.includes('internal'))).toEqual([]);
    const {model: withInternals, generated: pages} = await generate(LIBRARY, {codeReference: {internals: true}});
    const internals = withInternals.containers.filter((container) => container.internal).map((container) => container.file);
    expect(internals).toEqual(['source/client.ts', 'source/internal/helpers.ts']);
    expect(named(withInternals, 'Client').home).toBe(withInternals.containers.find((container) => container.file === 'source/index.ts')!.id);
    const index = pages.files.get('index.mdx')!;
    expect(index).toMatch(/## Internals[\s\S]*internals\/source\/internal\/helpers/);
  });
});

describe('an application', () => {
  let model: CodeReferenceModel;
  let generated: GenerateResult;
  beforeAll(async () => {
    ({model, generated} = await generate({
      'package.json': JSON.stringify({name: 'shop', private: true, scripts: {start: 'vite'}}),
      'src/main.tsx': "import {start} from './server/app';\nfunction boot() {\n  start();\n}\nboot();\n",
      'src/server/README.md': '# Server\n\nThe HTTP server: routes and their handlers.\n',
      'src/server/app.ts': "export function start(): void {}\nconst port = 8080;\nexport default port;\n",
      'src/models/user.ts': '/** Data models of the shop. */\nexport interface User {\n  id: string;\n}\n',
      'src/routes/__root.tsx': '/** The root route. */\nexport const Route = {path: "/"};\n',
      'src/routes/_layout/x.tsx': 'export function Layout(): null {\n  return null;\n}\n',
      'src/routeTree.gen.ts': 'export const routeTree = {};\n',
      'src/__generated__/graphql.ts': 'export type Query = {a: string};\n',
      'src/api/client.ts': '// @generated by openapi-typescript\nexport const api = 1;\n',
      'src/server/app.test.ts': "import {start} from './app';\nstart();\n",
    }));
  });

  it('documents every source file, what it declares whether exported or not, and leaves generated files out', () => {
    const files = model.containers.map((container) => container.file).sort();
    expect(files).toEqual(['src/main.tsx', 'src/models/user.ts', 'src/routes/__root.tsx', 'src/routes/_layout/x.tsx', 'src/server/app.ts']);
    const boot = named(model, 'boot');
    expect(boot.kind).toBe('function');
    const main = model.containers.find((container) => container.file === 'src/main.tsx')!;
    expect(main.exports).toEqual([{name: 'boot', symbol: 'src/main.tsx#boot', local: true}]);
    expect(named(model, 'port').kind).toBe('variable');
  });

  it('groups the module index by folder, saying what each holds', () => {
    expect(model.packages[0]!.app).toBe(true);
    expect(model.packages[0]!.folders).toEqual([
      {path: 'src'},
      {path: 'src/models', summary: 'Data models of the shop.'},
      {path: 'src/routes', summary: 'The root route.'},
      {path: 'src/routes/_layout'},
      {path: 'src/server', summary: 'The HTTP server: routes and their handlers.'},
    ]);
    const index = generated.files.get('index.mdx')!;
    expect(index).toMatch(/### src\/server\/\n\nThe HTTP server: routes and their handlers\.\n\n\| Module/);
    expect(index).not.toContain('exports nothing');
  });

  it('gives files named with a leading _ pages Docusaurus serves, at their own routes', async () => {
    const files = [...generated.files.keys()].sort();
    expect(files.filter((file) => file.split('/').some((segment) => segment.startsWith('_') && segment !== '_category_.json'))).toEqual([]);
    const root = generated.files.get('src/routes/u__root.mdx')!;
    expect(root).toContain('slug: "/src/routes/__root"');
    expect(root).toContain('sidebar_label: "__root"');
    expect(generated.files.get('src/routes/u_layout/x.mdx')).toContain('slug: "/src/routes/_layout/x"');
    expect(JSON.parse(generated.files.get('src/routes/u_layout/_category_.json')!)).toEqual({label: '_layout'});
    const mdx = files.filter((file) => file.endsWith('.mdx'));
    expect(mdx.length).toBe(6);
    for (const file of mdx) await expect(compileLikeDocusaurus(generated.files.get(file)!), file).resolves.toBeTruthy();
  });
});

describe('a file and a folder of the same name (TanStack Router layout routes)', () => {
  it('documents both modules, each on its own page with its own symbols', async () => {
    const {model, generated} = await generate({
      'package.json': JSON.stringify({name: 'front', private: true}),
      'src/routes/_layout.tsx': 'export function Layout(): null {\n  return null;\n}\n',
      'src/routes/_layout/index.tsx': 'export function Dashboard(): null {\n  return null;\n}\n',
      'src/routes/_layout/items.tsx': 'export function Items(): null {\n  return null;\n}\n',
    });
    // `./_layout` resolves to the file, as TypeScript resolves it; the folder's index keeps its name.
    expect(model.containers.map((container) => [container.name, container.file]).sort()).toEqual([
      ['src/routes/_layout', 'src/routes/_layout.tsx'],
      ['src/routes/_layout/index', 'src/routes/_layout/index.tsx'],
      ['src/routes/_layout/items', 'src/routes/_layout/items.tsx'],
    ]);
    const pages = [...generated.files.keys()].filter((file) => file.endsWith('.mdx') && file !== 'index.mdx').sort();
    expect(pages).toEqual(['src/routes/u_layout/index-2.mdx', 'src/routes/u_layout/index.mdx', 'src/routes/u_layout/items.mdx']);
    const slugs = pages.map((file) => /^slug: "(.*)"$/m.exec(generated.files.get(file)!)![1]);
    expect(slugs).toEqual(['/src/routes/_layout/index', '/src/routes/_layout', '/src/routes/_layout/items']);
    expect(generated.files.get('src/routes/u_layout/index.mdx')).toContain('### Layout');
    expect(generated.files.get('src/routes/u_layout/index-2.mdx')).toContain('### Dashboard');
  });
});

describe('build output named through project references', () => {
  it('maps outDir back to rootDir of the referenced tsconfig', async () => {
    const {model} = await generate({
      'package.json': JSON.stringify({name: 'refs', main: './out/main.js', types: './out/main.d.ts'}),
      'tsconfig.json': JSON.stringify({files: [], references: [{path: './tsconfig.lib.json'}]}),
      'tsconfig.lib.json': JSON.stringify({compilerOptions: {composite: true, rootDir: 'code', outDir: 'out'}}),
      'code/main.ts': "export {value} from './value';\n",
      'code/value.ts': 'export const value: number = 1;\nexport const unused = 2;\n',
      'src/main.ts': 'export const decoy = 1;\n',
    });
    expect(model.containers.map((container) => container.file)).toEqual(['code/main.ts']);
    expect(model.symbols.map((symbol) => symbol.name)).toEqual(['value']);
  });
});

describe('generated files', () => {
  it('are documented when the config asks', async () => {
    const {model} = await generate({'src/a.ts': 'export const a = 1;\n', 'src/b.gen.ts': 'export const b = 1;\n'}, {codeReference: {includeGenerated: true}});
    expect(model.containers.map((container) => container.file).sort()).toEqual(['src/a.ts', 'src/b.gen.ts']);
  });
});
