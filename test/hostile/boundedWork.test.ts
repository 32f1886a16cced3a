/**
 * Inputs built to make a build run forever or eat the machine: YAML alias bombs and oversized files,
 * in every place a target's YAML is read. Each must fail fast with a `file: what. fix` message, and
 * an API description's failure stays in its own section. (Time is bounded here only loosely, to catch
 * a regression to minutes; bench/hostile-inputs.mjs measures it.)
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {DEFAULT_PARSE_FRONT_MATTER} from '@docusaurus/utils';
import {afterEach, describe, expect, it} from 'vitest';
import {createParseFrontMatter} from '../../plugins/audience/parseFrontMatter';
import {createVocabulary} from '../../plugins/audience/vocabulary';
import {formatUserError, isUserError, type UserError} from '../../plugins/core/errors';
import {loadConfig} from '../../plugins/core/loadConfig';
import {MAX_YAML_BYTES, parseYaml, valuesAddedByAliases} from '../../plugins/core/parseYaml';
import {prepareSite} from '../../plugins/core/prepareSite';
import {extractDecisions} from '../../plugins/git-history/extractDecisions';
import {openapiGenerator} from '../../plugins/openapi/generator';
import {createValidatorConfig, loadSpec, MAX_DESCRIPTION_BYTES} from '../../plugins/openapi/loadSpec';
import {resolveRefs} from '../../plugins/openapi/client/resolveRefs';

/** The classic "billion laughs": nine levels of ten aliases each, 10^9 strings once written out. */
function billionLaughs(): string {
  const lines = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol","lol"]'];
  for (let level = 1; level < 9; level++) {
    const name = String.fromCharCode(97 + level);
    const previous = String.fromCharCode(96 + level);
    lines.push(`${name}: &${name} [${Array.from({length: 10}, () => `*${previous}`).join(',')}]`);
  }
  return `${lines.join('\n')}\n`;
}

/** One anchored list of 20,000 values, named 1,000 times: no nesting, 20 million values once expanded. */
function wideBomb(): string {
  return `big: &big [${Array.from({length: 20_000}, (_, i) => i).join(',')}]\nuses:\n${Array.from({length: 1_000}, () => '  - *big').join('\n')}\n`;
}

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) fs.rmSync(dir, {recursive: true, force: true});
});

function makeDir(files: Record<string, string>): string {
  const root = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'docs-architect-bounded-')));
  dirs.push(root);
  for (const [file, content] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(root, file)), {recursive: true});
    fs.writeFileSync(path.join(root, file), content);
  }
  return root;
}

function thrown(run: () => unknown): UserError {
  try {
    run();
  } catch (error) {
    if (isUserError(error)) return error;
    throw error;
  }
  throw new Error('expected a UserError');
}

async function timed<T>(run: () => Promise<T> | T): Promise<{value: T; ms: number}> {
  const started = performance.now();
  const value = await run();
  return {value, ms: performance.now() - started};
}

const spec = (title: string) =>
  `openapi: 3.0.3\ninfo:\n  title: ${title}\n  version: "1"\npaths:\n  /things:\n    get:\n      operationId: listThings\n      responses:\n        "200":\n          description: ok\n`;

describe('core parseYaml', () => {
  it('stops a billion-laughs bomb with a message naming the file, what and what to do', async () => {
    const {value: error, ms} = await timed(() => thrown(() => parseYaml(billionLaughs(), {file: 'bomb.yaml'})));
    expect(formatUserError(error)).toMatch(/^bomb\.yaml: its aliases \(`\*name`\) expand to more than [\d,]+ values or [\d,]+ uses, so it is not read \(an "alias bomb"\?\)\. Write the repeated parts out, or use fewer and smaller aliases\.$/);
    expect(ms).toBeLessThan(2_000);
  });

  it('stops one big anchor repeated, which the alias count alone lets through', async () => {
    const {value: error, ms} = await timed(() => thrown(() => parseYaml(wideBomb(), {file: 'wide.yaml'})));
    expect(error.message).toMatch(/alias bomb/);
    expect(ms).toBeLessThan(5_000);
  });

  it('lets ordinary aliases through: one anchor named 500 times', () => {
    const text = `base: &base {type: string}\nitems:\n${Array.from({length: 500}, (_, i) => `  f${i}: *base`).join('\n')}\n`;
    const value = parseYaml(text, {file: 'ok.yaml'}).value as {items: Record<string, unknown>};
    expect(Object.keys(value.items)).toHaveLength(500);
    expect(value.items.f499).toEqual({type: 'string'});
  });

  it('refuses text over the size cap before parsing it', () => {
    const error = thrown(() => parseYaml(`a: "${'x'.repeat(MAX_YAML_BYTES)}"\n`, {file: 'huge.yaml'}));
    expect(formatUserError(error)).toBe(`huge.yaml: the file has ${(MAX_YAML_BYTES + 6).toLocaleString('en')} bytes, over the 1 MB a file of this kind may have, so it is not read. Make the file smaller (split it, or move data out of it).`);
  });

  it('counts what aliases add, not what the file holds', () => {
    expect(valuesAddedByAliases({a: [1, 2, 3], b: {c: 'd'}})).toBe(0);
    const shared = [1, 2, 3];
    // Each extra use of the 4-value list adds 4 values.
    expect(valuesAddedByAliases({a: shared, b: shared, c: shared})).toBe(8);
  });
});

describe('YAML a build reads', () => {
  it('a config file that is a bomb fails with the one-line message, quickly', async () => {
    const dir = makeDir({'docs-architect.config.yaml': billionLaughs()});
    const {value: error, ms} = await timed(() => loadConfig(dir).then(() => undefined, (caught: unknown) => caught));
    expect(isUserError(error) && formatUserError(error)).toMatch(new RegExp(`^${path.join(dir, 'docs-architect.config.yaml')}: its aliases .*alias bomb`));
    expect(ms).toBeLessThan(2_000);
  });

  it('an oversized config file is refused by its size', async () => {
    const dir = makeDir({'docs-architect.config.json': `{"title": "${'x'.repeat(MAX_YAML_BYTES + 10)}"}`});
    const error = await loadConfig(dir).then(() => undefined, (caught: unknown) => caught);
    expect(isUserError(error) && formatUserError(error)).toMatch(/docs-architect\.config\.json: the file has 1,048,5\d\d bytes, over the 1 MB a file of this kind may have/);
  });

  it('an ADR whose front matter is a bomb is a problem with file and line, and the other ADRs are read', () => {
    const bomb = `---\n${billionLaughs()}---\n# 2. Bomb\n\n## Status\n\nAccepted\n`;
    const {decisions, problems} = extractDecisions([
      {path: 'docs/adr/0001-fine.md', text: '# 1. Fine\n\n## Status\n\nAccepted\n'},
      {path: 'docs/adr/0002-bomb.md', text: bomb},
    ]);
    expect(decisions.map((decision) => decision.number)).toEqual([1, 2]);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({file: 'docs/adr/0002-bomb.md', message: expect.stringMatching(/^front matter is not read: its aliases .*alias bomb/)});
  });
});

describe('authored pages', () => {
  const hook = (strict: boolean, warnings: string[]) =>
    createParseFrontMatter({vocabulary: createVocabulary(), docsDirs: ['/site/docs'], strict, reported: new Set(), warn: (message) => warnings.push(message)});
  const page = `---\n${billionLaughs()}---\n\nThe page's text.\n`;

  it('a bomb in front matter is a warning, and the page keeps its text without that front matter', async () => {
    const warnings: string[] = [];
    const {value: result, ms} = await timed(() => hook(false, warnings)({filePath: '/site/docs/bomb.md', fileContent: page, defaultParseFrontMatter: DEFAULT_PARSE_FRONT_MATTER}));
    expect(result).toEqual({frontMatter: {}, content: "\nThe page's text.\n"});
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(/^warning: \/site\/docs\/bomb\.md: its aliases .*alias bomb/);
    expect(ms).toBeLessThan(2_000);
  });

  it('fails a strict build', async () => {
    await expect(hook(true, [])({filePath: '/site/docs/bomb.md', fileContent: page, defaultParseFrontMatter: DEFAULT_PARSE_FRONT_MATTER})).rejects.toThrow(/alias bomb/);
  });

  it('leaves ordinary front matter with anchors to Docusaurus', async () => {
    const {frontMatter} = await hook(true, [])({filePath: '/site/docs/ok.md', fileContent: '---\ntitle: &t Hello\nsidebar_label: *t\n---\nText\n', defaultParseFrontMatter: DEFAULT_PARSE_FRONT_MATTER});
    expect(frontMatter).toMatchObject({title: 'Hello', sidebar_label: 'Hello'});
  });
});

describe('API descriptions', () => {
  it('a bomb in a description gives its section an error page, quickly; the other description builds', async () => {
    const target = makeDir({'good/openapi.yaml': spec('Good'), 'bomb/openapi.yaml': `${spec('Bomb')}x-bomb:\n${billionLaughs().replace(/^/gm, '  ')}`});
    const siteDir = makeDir({});
    const {value: plan, ms} = await timed(() => prepareSite({siteDir, target, generators: [openapiGenerator], strict: false}));
    const warnings = plan.context.report.warnings.map(formatUserError);
    expect(warnings, warnings.join('\n')).toHaveLength(1);
    expect(warnings[0]).toMatch(new RegExp(`^${path.join(target, 'bomb/openapi.yaml')}: cannot build the API reference: its aliases .*alias bomb.*\\. Fix the description; until then its section shows this error\\.$`));
    // A description that cannot be read has no title: its section is named after its file.
    expect(plan.sections.filter((section) => section.kind === 'generated').map((section) => section.id).sort()).toEqual(['api-good', 'api-openapi']);
    const errorPage = fs.readFileSync(path.join(siteDir, '.docs-architect', 'generated', 'api-openapi', 'index.mdx'), 'utf8');
    expect(errorPage).toContain('alias bomb');
    expect(fs.readdirSync(path.join(siteDir, '.docs-architect', 'generated', 'api-good')).length).toBeGreaterThan(1);
    expect(ms).toBeLessThan(30_000);
  });

  it('a bomb in a file a description refers to is reported against that file', async () => {
    const root = makeDir({
      'openapi.yaml': spec('Split').replace('description: ok', 'description: ok\n          content:\n            application/json:\n              schema:\n                $ref: "./thing.yaml"'),
      'thing.yaml': `type: object\nx-bomb:\n${billionLaughs().replace(/^/gm, '  ')}`,
    });
    const {value: loaded, ms} = await timed(async () => loadSpec(root, 'openapi.yaml', await createValidatorConfig()));
    expect(loaded.ok).toBe(false);
    expect(loaded.problems.map((problem) => `${problem.file}: ${problem.message}`).join('\n')).toMatch(/^openapi\.yaml: Can't resolve \$ref: thing\.yaml: its aliases .*alias bomb/);
    expect(ms).toBeLessThan(10_000);
  });

  it('a description over the size budget is refused before it is read', async () => {
    const root = makeDir({});
    // A sparse file: the size is real, the disk and the test stay small.
    const handle = fs.openSync(path.join(root, 'openapi.yaml'), 'w');
    fs.writeSync(handle, spec('Huge'));
    fs.ftruncateSync(handle, MAX_DESCRIPTION_BYTES + 1);
    fs.closeSync(handle);
    const loaded = await loadSpec(root, 'openapi.yaml', await createValidatorConfig());
    expect(loaded).toMatchObject({ok: false, problems: [{file: 'openapi.yaml', message: expect.stringMatching(/^the file is 64\.0 MB, over the 64 MB a description file may have, and is not read/)}]});
  });

  it('a base schema mapping many subtypes: pages name one shared file instead of carrying the subtypes', async () => {
    const subtypes = 120;
    const schemas: Record<string, unknown> = {
      Event: {type: 'object', required: ['kind'], properties: {kind: {type: 'string'}}, discriminator: {propertyName: 'kind', mapping: Object.fromEntries(Array.from({length: subtypes}, (_, i) => [`k${i}`, `#/components/schemas/Event${i}`]))}},
    };
    for (let i = 0; i < subtypes; i++) schemas[`Event${i}`] = {allOf: [{$ref: '#/components/schemas/Event'}, {type: 'object', properties: {[`field${i}`]: {type: 'string'}}}]};
    const paths = Object.fromEntries(
      Array.from({length: 10}, (_, i) => [`/events/${i}`, {get: {operationId: `getEvent${i}`, responses: {'200': {description: 'ok', content: {'application/json': {schema: {$ref: '#/components/schemas/Event'}}}}}}}]),
    );
    const target = makeDir({'openapi.json': JSON.stringify({openapi: '3.0.3', info: {title: 'Events', version: '1'}, paths, components: {schemas}})});
    const siteDir = makeDir({});
    await prepareSite({siteDir, target, generators: [openapiGenerator], strict: true});
    const root = path.join(siteDir, '.docs-architect', 'static', 'api-events', '_openapi');
    type Data = {api?: unknown; components: Record<string, unknown>; shared: string[]};
    const read = (file: string) => JSON.parse(fs.readFileSync(path.join(root, file), 'utf8')) as Data;
    const pages = fs.readdirSync(path.join(root, 'operations'));
    expect(pages).toHaveLength(10);
    const sharedFiles = fs.readdirSync(path.join(root, 'shared'));
    expect(sharedFiles).toHaveLength(1);
    const shared = read(`shared/${sharedFiles[0]}`);
    expect(Object.keys(shared.components)).toHaveLength(subtypes + 1);
    for (const page of pages) {
      const data = read(`operations/${page}`);
      // The page carries the base schema only, and names the shared file.
      expect(Object.keys(data.components)).toEqual(['#/components/schemas/Event']);
      expect(data.shared).toEqual([sharedFiles[0]!.replace(/\.json$/, '')]);
      // Merged as the browser merges them, every subtype resolves.
      const resolved = JSON.stringify(resolveRefs(data.api, {...shared.components, ...data.components}));
      expect(resolved).not.toContain('"$ref"');
      expect(resolved).toContain(`field${subtypes - 1}`);
    }
  });
});
