/**
 * The Python half of the code reference on the heroes fixture (FastAPI + SQLModel, no config):
 * packages, public API, re-exports, each docstring style, models and their fields, stubs, routes,
 * the syntax error warning, and that every generated page compiles as Docusaurus compiles it.
 */
import fs from 'node:fs';
import path from 'node:path';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {copyTarget, contextFor, tempDir} from '../../test/codeReferenceTargets';
import {compileLikeDocusaurus} from '../../test/compileLikeDocusaurus';
import {formatReport} from '../core/report';
import type {TargetContext} from '../core/types';
import {extractCodeReferenceModel, generateCodeReference, type GenerateResult} from '../code-reference/generator';
import type {CodeReferenceModel, SymbolModel} from '../code-reference/model';
import {parseDocstring} from './docstrings';
import {parseModule} from './parse/parseModule';
import {readPythonRoutes} from './appRoutes';

export const HEROES = path.join(__dirname, '../../test/fixtures/python/heroes');

const dirs: string[] = [];
afterAll(() => {
  for (const dir of dirs) fs.rmSync(dir, {recursive: true, force: true});
});

let context: TargetContext;
let model: CodeReferenceModel;
let result: GenerateResult;

beforeAll(async () => {
  const target = copyTarget(HEROES, {git: true});
  const site = tempDir('python-site');
  dirs.push(target, site);
  context = await contextFor(target, site);
  model = (await extractCodeReferenceModel(context, {cache: false}))!.model;
  result = (await generateCodeReference(await contextFor(target, tempDir('python-site')), {cache: false}))!;
});

function symbol(name: string): SymbolModel {
  const found = model.symbols.filter((one) => one.name === name);
  if (found.length !== 1) throw new Error(`${found.length} symbols named ${name}`);
  return found[0]!;
}

describe('the heroes project (FastAPI + SQLModel, no config)', () => {
  it('is one package found from pyproject.toml (hatch, src layout), with its version and description, one page per public module', () => {
    expect(model.packages).toEqual([expect.objectContaining({dir: 'src/heroes', name: 'heroes', version: '0.3.0', description: 'A FastAPI + SQLModel service for heroes and their teams.', slug: ''})]);
    // _internal is private (its Registry is documented where it is re-exported); tests/ is not the package.
    expect(model.containers.map((container) => container.name).sort()).toEqual(['heroes', 'heroes.broken', 'heroes.fast', 'heroes.hostile', 'heroes.models', 'heroes.routers', 'heroes.routers.heroes', 'heroes.service', 'heroes.stats']);
    expect(model.symbols.every((one) => one.language === 'python')).toBe(true);
  });

  it('exports `__all__` and follows re-exports to one symbol, documented where it is defined', () => {
    const root = model.containers.find((container) => container.name === 'heroes')!;
    expect(root.exports.map((entry) => entry.name)).toEqual(['Hero', 'HeroCreate', 'HeroService', 'Power', 'Registry', 'Team', 'VERSION', 'create_hero']);
    expect(symbol('Hero').home).toBe('py:heroes.models');
    expect(root.exports.find((entry) => entry.name === 'Hero')!.symbol).toBe(symbol('Hero').id);
    // Defined in a private module: documented on the first public module that exports it.
    expect(symbol('Registry')).toMatchObject({home: 'py:heroes', file: 'src/heroes/_internal.py'});
    // Without `__all__`: the module's own names without `_`; imports are not its API.
    const service = model.containers.find((container) => container.name === 'heroes.service')!;
    expect(service.exports.map((entry) => entry.name)).toEqual(['HeroService', 'create_hero']);
  });

  it('reads Google docstrings: summary, parameters merged with annotations, returns, raises, doctest examples', () => {
    const create = symbol('create_hero');
    expect(create.async).toBe(true);
    const [signature] = create.signatures!;
    expect(signature!.parameters).toEqual([
      {name: 'data', type: [{name: 'HeroCreate', id: symbol('HeroCreate').id}], doc: 'The hero to create.'},
      {name: 'notify', type: ['bool'], optional: true, defaultValue: 'False', doc: 'Whether to tell the team.', kind: 'keyword-only'},
    ]);
    expect(signature!.returns).toEqual([{name: 'Hero', id: symbol('Hero').id}]);
    expect(create.doc).toMatchObject({summary: 'Create a hero from what a client sent.\n\nThe hero is stored and returned with its new id.', returns: 'The stored hero.', throws: ['`ValueError`: When the name is taken.']});
    expect(create.doc!.examples).toEqual([{caption: 'Create one:', code: '>>> hero = await create_hero(HeroCreate(name="Spark", secret_name="Sam"))\n>>> hero.name\n\'Spark\'', lang: 'python'}]);
  });

  it('reads NumPy and reST docstrings, with the types they name where the code has no annotation', () => {
    const average = symbol('average_power');
    expect(average.signatures![0]!.parameters.map((param) => [param.name, param.doc])).toEqual([['heroes', 'The heroes to average.'], ['weights', 'One weight per hero.']]);
    expect(average.signatures![0]!.returns).toEqual(['float']);
    expect(average.doc).toMatchObject({returns: 'The weighted average.', throws: ['`ZeroDivisionError`: When `heroes` is empty.']});
    const legacy = symbol('legacy_score');
    expect(legacy.doc).toMatchObject({deprecated: '0.2: Use `average_power` instead.', returns: 'The score.', throws: ['`KeyError`: When the hero has no power.']});
    expect(legacy.signatures![0]!.parameters[0]).toMatchObject({name: 'hero', type: [{name: 'Hero', id: symbol('Hero').id}], doc: 'The hero to score.'});
    expect(legacy.signatures![0]!.returns).toEqual(['int']);
  });

  it('documents classes: bases linked, fields with types, defaults and Field descriptions, properties, class/static methods, overloads, deprecation', () => {
    const hero = symbol('Hero');
    expect(hero.extends).toEqual([['SQLModel']]);
    expect(hero.members!.map((member) => member.name)).toEqual(['id', 'name', 'secret_name', 'power', 'team_id', 'team']);
    expect(hero.members!.find((member) => member.name === 'name')).toMatchObject({kind: 'property', type: ['str'], doc: {summary: "The hero's public name."}, decorators: ['field']});
    expect(hero.members!.find((member) => member.name === 'power')).toMatchObject({type: [{name: 'Power', id: symbol('Power').id}], value: 'Power.FLIGHT'});
    expect(symbol('Page')).toMatchObject({decorators: ['@dataclass(frozen=True)']});
    expect(symbol('Page').members!.map((member) => [member.name, member.value])).toEqual([['items', undefined], ['total', '0'], ['tags', 'field(default_factory=list)']]);
    expect(symbol('Power')).toMatchObject({kind: 'enum', members: [expect.objectContaining({name: 'FLIGHT', kind: 'enum-member', value: '"flight"'}), expect.anything(), expect.anything()]});
    const service = symbol('HeroService');
    const member = (name: string) => service.members!.find((one) => one.name === name)!;
    expect(member('__init__')).toMatchObject({kind: 'constructor', signatures: [{parameters: [{name: 'limit', type: ['int'], optional: true, defaultValue: '20', doc: 'The most heroes a page holds.'}]}]});
    expect(member('name')).toMatchObject({kind: 'accessor', type: ['str']});
    expect(member('create')).toMatchObject({static: true, decorators: ['@classmethod']});
    expect(member('normalize')).toMatchObject({static: true, decorators: ['@staticmethod']});
    expect(member('find').signatures!.map((signature) => signature.parameters[0]!.type)).toEqual([['int'], ['str']]);
    expect(member('page').signatures![0]!.parameters[0]).toMatchObject({name: 'number', kind: 'positional-only'});
    expect(member('lookup').doc!.deprecated).toBe('Use find() instead.');
    expect(member('limit')).toMatchObject({kind: 'property'});
    expect(service.members!.some((one) => one.name === '_private')).toBe(false);
    expect(symbol('HeroId')).toMatchObject({kind: 'type', type: ['int'], doc: {summary: 'The primary key of a hero.'}});
  });

  it('takes signatures from a .pyi stub and docstrings from the .py beside it', () => {
    expect(symbol('scale')).toMatchObject({file: 'src/heroes/fast.pyi', doc: {summary: 'Multiply value by factor.'}});
    expect(symbol('scale').signatures![0]!.parameters.map((param) => param.type)).toEqual([['float'], ['float']]);
  });

  it('warns about a syntax error with file and line, and documents the rest of the file', () => {
    const warnings = context.report.warnings.map((warning) => `${warning.details?.file}:${warning.details?.line}`);
    expect(warnings).toEqual(['src/heroes/broken.py:6']);
    expect(formatReport(context.report)).toContain('syntax error in src/heroes/broken.py');
    expect(['before', 'after'].map((name) => symbol(name).home)).toEqual(['py:heroes.broken', 'py:heroes.broken']);
  });

  it('links sources to the line at the current commit', () => {
    expect(symbol('Hero').sourceUrl).toMatch(/^https:\/\/github\.com\/acme\/shapes\/blob\/[0-9a-f]{40}\/src\/heroes\/models\.py#L31$/);
  });

  it('lists FastAPI routes with method, path (router prefix included), response model and dependencies', () => {
    const routes = readPythonRoutes(context);
    expect(routes.map(({method, path: route, handler, responseModel, dependencies}) => ({method, route, name: handler.name, responseModel, dependencies}))).toEqual([
      {method: 'GET', route: '/health', name: 'health', responseModel: undefined, dependencies: undefined},
      {method: 'POST', route: '/heroes/', name: 'post_hero', responseModel: 'Hero', dependencies: ['get_service']},
      {method: 'GET', route: '/heroes/{hero_id}', name: 'read_hero', responseModel: 'Hero', dependencies: undefined},
    ]);
    // Each handler is the code reference's symbol of the same function.
    const ids = new Set(model.symbols.map((one) => one.id));
    expect(routes.map((route) => ids.has(route.handler.symbol!))).toEqual([true, true, true]);
  });

  it('renders Python signatures with linked types, and every page compiles as Docusaurus compiles it', async () => {
    const service = result.files.get('heroes.service.mdx')!;
    expect(service).toContain('<ApiSignature code={["async def create_hero(data: ",{"text":"HeroCreate","href":"/api/heroes.models/#HeroCreate"},", *, notify: bool = False) -> ",{"text":"Hero","href":"/api/heroes.models/#Hero"}]} />');
    expect(service).toContain('<ApiSignature code={["def page(number: int = 1, /) -> ",{"text":"Page","href":"/api/heroes.models/#Page"}]} />');
    expect(service).toContain('```python\n>>> hero = await create_hero');
    expect(result.files.get('heroes.models.mdx')).toContain('<ApiSignature code={["class Hero(SQLModel)"]} />');
    // A class diagram per module, from the bases that are ours.
    expect(result.files.get('heroes.models.mdx')).toContain('```mermaid\nclassDiagram\n  class C0["HeroCreate"]');
    expect(result.files.get('heroes.models.mdx')).toContain('  C0 <|-- C1\n```');
    const pages = [...result.files.keys()].filter((file) => file.endsWith('.mdx'));
    expect(pages).toHaveLength(10);
    for (const file of pages) await compileLikeDocusaurus(result.files.get(file)!);
  }, 60_000);
});

describe('the facts cache', () => {
  it('parses each Python file once: a second build takes every file from the cache, and an edited file only is parsed again', async () => {
    const target = copyTarget(HEROES);
    const site = tempDir('python-cache-site');
    dirs.push(target, site);
    const first = (await extractCodeReferenceModel(await contextFor(target, site)))!;
    expect(first.stats).toMatchObject({files: 11, parsed: 11, cached: 0});
    const second = (await extractCodeReferenceModel(await contextFor(target, site)))!;
    expect(second.stats).toMatchObject({files: 11, parsed: 0, cached: 11});
    expect(second.model).toEqual(first.model);
    fs.appendFileSync(path.join(target, 'src/heroes/stats.py'), '\n\ndef added() -> None:\n    """Added."""\n');
    const third = (await extractCodeReferenceModel(await contextFor(target, site)))!;
    expect(third.stats).toMatchObject({files: 11, parsed: 1, cached: 10});
    expect(third.model.symbols.some((one) => one.name === 'added')).toBe(true);
  }, 60_000);
});

describe('parsing', () => {
  it('reads __all__ built with +=, extend and append, and relative imports', () => {
    const facts = parseModule('from . import a\nfrom ..b import c as d\n__all__ = ["x"]\n__all__ += ["y"]\n__all__.extend(["z"])\n__all__.append("w")\n');
    expect(facts.all).toEqual(['x', 'y', 'z', 'w']);
    expect(facts.imports).toEqual([{local: 'a', module: '.', name: 'a', line: 1}, {local: 'd', module: '..b', name: 'c', line: 2}]);
  });

  it('does not take a bare `yield` for a syntax error (a gap in the grammar)', () => {
    expect(parseModule('def f():\n    try:\n        yield\n    finally:\n        pass\n').syntaxErrors).toEqual([]);
    expect(parseModule('def f(:\n    pass\n').syntaxErrors).toHaveLength(1);
  });

  it('parses each docstring style to the same fields', () => {
    const google = parseDocstring('Sum.\n\nArgs:\n    a (int): First.\n    b: Second,\n        on two lines.\n\nReturns:\n    The sum.');
    const numpy = parseDocstring('Sum.\n\nParameters\n----------\na : int\n    First.\nb\n    Second,\n    on two lines.\n\nReturns\n-------\nint\n    The sum.');
    const rest = parseDocstring('Sum.\n\n:param int a: First.\n:param b: Second,\n    on two lines.\n:returns: The sum.\n:rtype: int');
    for (const parsed of [google, numpy, rest]) {
      expect(parsed.doc.summary).toBe('Sum.');
      expect(parsed.params.get('a')).toEqual({text: 'First.', type: 'int'});
      expect(parsed.params.get('b')!.text.replace(/\s+/g, ' ')).toBe('Second, on two lines.');
      expect(parsed.doc.returns).toBe('The sum.');
    }
  });
});
