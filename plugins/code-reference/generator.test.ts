/**
 * The code reference end to end on the fixtures, without Docusaurus: what is documented, where,
 * how it links, what is left out, what the caches skip, and that every page compiles as MDX.
 */
import fs from 'node:fs';
import path from 'node:path';
import {evaluate} from '@mdx-js/mdx';
import {createElement, Fragment, type ReactNode} from 'react';
import * as runtime from 'react/jsx-runtime';
import {createRequire} from 'node:module';
import remarkGfm from 'remark-gfm';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {FIXTURES, contextFor, copyTarget, tempDir} from '../../test/codeReferenceTargets';
import {compileLikeDocusaurus} from '../../test/compileLikeDocusaurus';
import {formatReport} from '../core/report';
import type {TargetContext} from '../core/types';
import {extractCodeReference} from './extract/extractCodeReference';
import {generateCodeReference} from './generator';
import {serializeModel, type CodeReferenceModel, type SymbolModel} from './model';
import {normalizeOptions} from './options';

const {renderToStaticMarkup} = createRequire(import.meta.url)('react-dom/server') as {renderToStaticMarkup: (element: ReactNode) => string};

const dirs: string[] = [];
afterAll(() => {
  for (const dir of dirs) fs.rmSync(dir, {recursive: true, force: true});
});

async function sampleContext(config: TargetContext['config'] = {}): Promise<TargetContext> {
  const target = copyTarget(path.join(FIXTURES, 'sample'), {git: true});
  const site = tempDir('coderef-site');
  dirs.push(target, site);
  const context = await contextFor(target, site);
  context.config = {...context.config, ...config};
  return context;
}

function byName(model: CodeReferenceModel, name: string): SymbolModel {
  const found = model.symbols.filter((symbol) => symbol.name === name);
  if (found.length !== 1) throw new Error(`${found.length} symbols named ${name}`);
  return found[0]!;
}

describe('the sample package', () => {
  let context: TargetContext;
  let model: CodeReferenceModel;
  beforeAll(async () => {
    context = await sampleContext();
    model = (await extractCodeReference(context, normalizeOptions(context.config))).model;
  });

  it('has one module per package.json export, and a page per namespace', () => {
    expect(model.containers.map((container) => [container.kind, container.name, container.slug])).toEqual([
      ['module', '@acme/shapes', 'acme/shapes'],
      ['module', '@acme/shapes/hostile', 'acme/shapes/hostile'],
      ['namespace', 'geometry', 'acme/shapes/geometry'],
    ]);
  });

  it('documents every exported symbol once, at the first module that exports it', () => {
    const main = model.containers[0]!;
    expect(main.exports.map((entry) => entry.name)).toEqual([
      'Base', 'Circle', 'Color', 'Colored', 'Legacy', 'LegacyOptions', 'PRECISION', 'Shape', 'Square', 'area', 'geometry', 'largest', 'makeId', 'oldArea',
    ]);
    expect(byName(model, 'Point').home).toBe(model.containers[2]!.id);
    expect(byName(model, 'Circle').home).toBe(main.id);
  });

  it('leaves out @internal symbols and members, and private and #private members', () => {
    const names = model.symbols.map((symbol) => symbol.name);
    expect(names).not.toContain('internalHelper');
    const base = byName(model, 'Base');
    expect(base.members!.map((member) => member.name)).toEqual(['count', 'constructor', 'origin', 'label', 'area', 'name']);
  });

  it('includes them when asked to', async () => {
    const all = await sampleContext({codeReference: {includeInternal: true, includePrivate: true}});
    const {model: full} = await extractCodeReference(all, normalizeOptions(all.config));
    expect(full.symbols.map((symbol) => symbol.name)).toContain('internalHelper');
    expect(byName(full, 'Base').members!.map((member) => member.name)).toEqual(expect.arrayContaining(['#secret', 'hidden', 'debug']));
  });

  it('names an anonymous default export after the name it is re-exported as', () => {
    expect(byName(model, 'makeId')).toMatchObject({kind: 'function', file: 'src/id.ts'});
  });

  it('follows a tsconfig path alias to the declaration', () => {
    expect(byName(model, 'Legacy')).toMatchObject({file: 'src/legacy.ts', kind: 'class'});
  });

  it('links type names and {@link} tags to the symbols they name', () => {
    const area = byName(model, 'area');
    expect(area.signatures).toHaveLength(2);
    expect(area.signatures![0]!.parameters[0]!.type).toEqual([{name: 'Shape', id: byName(model, 'Shape').id}]);
    expect(byName(model, 'oldArea').doc!.links).toEqual([{target: 'area', id: area.id}]);
    const circle = byName(model, 'Circle');
    expect(circle.extends).toEqual([[{name: 'Base', id: byName(model, 'Base').id}]]);
  });

  it('links every symbol to its line on the web host at the current commit', () => {
    const head = context.git.head!;
    expect(byName(model, 'Circle').sourceUrl).toBe(`https://github.com/acme/shapes/blob/${head}/src/shapes.ts#L${byName(model, 'Circle').line}`);
    const source = fs.readFileSync(path.join(context.root, 'src/shapes.ts'), 'utf8').split('\n');
    expect(source[byName(model, 'Circle').line - 1]).toMatch(/^export class Circle/);
  });

  it('reads @deprecated, @since, @category, @example and @throws', () => {
    expect(byName(model, 'oldArea').doc!.deprecated).toMatch(/instead/);
    expect(byName(model, 'area')).toMatchObject({category: 'Measuring', doc: {since: '1.1.0'}});
    expect(byName(model, 'Circle').doc!.examples![0]!.code).toContain('\n  c.area();');
  });

  it('serialises to the same bytes every time, and back', async () => {
    const again = (await extractCodeReference(context, normalizeOptions(context.config))).model;
    expect(serializeModel(again)).toBe(serializeModel(model));
    expect(JSON.parse(serializeModel(model))).toEqual(JSON.parse(JSON.stringify(JSON.parse(serializeModel(model)))));
  });
});

/** Renders a page the way Docusaurus would up to HTML, with stand-ins for the theme components. */
async function renderPage(mdx: string): Promise<string> {
  const body = mdx.replace(/^---\n[\s\S]*?\n---\n/, '');
  const {default: Content} = await evaluate(body, {...(runtime as unknown as {Fragment: typeof Fragment; jsx: never; jsxs: never}), remarkPlugins: [remarkGfm]});
  const json = (name: string) => (props: Record<string, unknown>) => createElement('output', {'data-name': name}, JSON.stringify(props));
  const Deprecated = ({children}: {children?: ReactNode}) => createElement('aside', null, children);
  return renderToStaticMarkup(createElement(Content, {components: {ApiSignature: json('sig'), ApiBadges: json('badges'), ApiDeprecated: Deprecated}}));
}

describe('generated pages', () => {
  let files: Map<string, string>;
  let context: TargetContext;
  beforeAll(async () => {
    context = await sampleContext();
    files = (await generateCodeReference(context))!.files;
  });

  it('are the package index and one page per container', () => {
    expect([...files.keys()].sort()).toEqual(['acme/shapes/geometry.mdx', 'acme/shapes/hostile.mdx', 'acme/shapes/index.mdx', 'index.mdx']);
  });

  it('all compile as MDX, and hostile doc text and types come out as text, never as markup', async () => {
    expect(files.size).toBe(4);
    for (const [file, mdx] of files) {
      // First as a Docusaurus build compiles it (its image and link plugins included), then to HTML.
      await expect(compileLikeDocusaurus(mdx), file).resolves.toBeTruthy();
      const html = await renderPage(mdx);
      // Real tags only: hostile text is in the HTML, but escaped (`&lt;script`).
      expect(html, file).not.toMatch(/<(script|img|div|b|comp)[\s>/]/i);
      expect(html, file).not.toMatch(/<[^>]*\s(onerror|onload)=/i);
      expect(html, file).not.toMatch(/href="javascript:/i);
    }
    const hostile = await renderPage(files.get('acme/shapes/hostile.mdx')!);
    expect(hostile).toContain('&lt;script&gt;window.__pwned = 1&lt;/script&gt;');
    expect(hostile).toContain('import x from');
    expect(hostile).toContain('{window.__pwned = 3}');
    expect(hostile).toContain('&lt;/div&gt;&lt;script&gt;window.__pwned = 6&lt;/script&gt;');
  });

  it('give each symbol a heading with its anchor, and a deprecation notice where deprecated', () => {
    const main = files.get('acme/shapes/index.mdx')!;
    expect(main).toContain('### Circle {/* #Circle */}');
    expect(main).toContain('#### static fromDiameter {/* #Circle.static-fromDiameter */}');
    expect(main).toMatch(/### oldArea \{\/\* #oldArea \*\/\}\n\n<ApiDeprecated>/);
    expect(main).toContain('```mermaid\nclassDiagram');
  });

  it('are rendered again only when what they show changed', async () => {
    const warm = (await generateCodeReference(context))!;
    expect(warm.stats).toMatchObject({parsed: 0, rendered: 0});
    expect(warm.files).toEqual(files);
    const geometry = path.join(context.root, 'src/geometry.ts');
    fs.writeFileSync(geometry, fs.readFileSync(geometry, 'utf8').replace('The distance between two points.', 'How far apart two points are.'));
    const edited = (await generateCodeReference(context))!;
    // The edited file's page and the package index (which shows its summary); nothing else.
    expect(edited.stats).toMatchObject({parsed: 1, rendered: 2});
    expect(edited.files.get('acme/shapes/geometry.mdx')).toContain('How far apart two points are.');
  });

  it('kept in memory between regenerations (npm start), give the pages that caches read from disk give', async () => {
    const geometry = path.join(context.root, 'src/geometry.ts');
    const original = fs.readFileSync(geometry, 'utf8');
    const previous = process.env.NODE_ENV;
    process.env.NODE_ENV = 'development';
    let kept: Map<string, string>;
    try {
      await generateCodeReference(context);
      fs.writeFileSync(geometry, fs.readFileSync(geometry, 'utf8').replace(/The distance between two points\.|How far apart two points are\./, 'The distance, kept in memory.'));
      await generateCodeReference(context);
      fs.writeFileSync(geometry, fs.readFileSync(geometry, 'utf8').replace('The distance, kept in memory.', 'The distance, twice.'));
      kept = (await generateCodeReference(context))!.files;
    } finally {
      process.env.NODE_ENV = previous;
    }
    const fromDisk = (await generateCodeReference(context))!;
    expect(fromDisk.stats.rendered).toBe(0);
    expect(kept).toEqual(fromDisk.files);
    expect(kept.get('acme/shapes/geometry.mdx')).toContain('The distance, twice.');
    fs.writeFileSync(geometry, original);
  });

  it('skip reading files whose size, time and inode are those of their last read, unless that read was racy', async () => {
    const geometry = path.join(context.root, 'src/geometry.ts');
    const past = new Date('2024-01-02T03:04:05Z');
    const walk = (dir: string): string[] => fs.readdirSync(dir, {withFileTypes: true}).flatMap((entry) => (entry.isDirectory() ? walk(path.join(dir, entry.name)) : [path.join(dir, entry.name)]));
    for (const file of walk(path.join(context.root, 'src'))) fs.utimesSync(file, past, past);
    const first = (await generateCodeReference(context))!;
    expect(first.stats.unread).toBe(0);
    const second = (await generateCodeReference(context))!;
    expect(second.stats.unread).toBe(second.stats.files);
    expect(second.files).toEqual(first.files);

    // Edited now: read again. Its stamp is racy (modified within a second of the read)...
    fs.writeFileSync(geometry, fs.readFileSync(geometry, 'utf8').replace('How far apart two points are.', 'How far apart are two points?'));
    // (A whole millisecond, so that utimes can set the very same time again below.)
    const mtime = new Date(Math.floor(Date.now()));
    fs.utimesSync(geometry, mtime, mtime);
    const edited = (await generateCodeReference(context))!;
    expect(edited.stats).toMatchObject({parsed: 1, unread: edited.stats.files - 1});
    // ...so an edit of the same size with the same modification time is still seen.
    fs.writeFileSync(geometry, fs.readFileSync(geometry, 'utf8').replace('How far apart are two points?', 'How near, then, are points?!!'));
    fs.utimesSync(geometry, mtime, mtime);
    const racy = (await generateCodeReference(context))!;
    expect(racy.stats.parsed).toBe(1);
    expect(racy.files.get('acme/shapes/geometry.mdx')).toContain('How near, then, are points?!!');
  });
});

describe('broken input', () => {
  it('warns with file and line for each problem and documents everything else', async () => {
    const target = copyTarget(path.join(FIXTURES, 'broken'));
    dirs.push(target);
    const context = await contextFor(target);
    const {model} = await extractCodeReference(context, normalizeOptions(context.config));
    const warnings = formatReport(context.report).split('\n');
    expect(warnings).toEqual([
      expect.stringMatching(/^warning: tsconfig\.json:2: tsconfig: Cannot read file 'does-not-exist\.json'/),
      expect.stringMatching(/^warning: src\/syntax\.ts:7: syntax error: Expression expected/),
      expect.stringMatching(/^warning: src\/index\.ts:5: cannot resolve "@app\/nowhere"/),
      expect.stringMatching(/^warning: src\/index\.ts:6: cannot resolve "\.\/nowhere"/),
      expect.stringMatching(/^warning: src\/cycle-b\.ts:1: circular re-export/),
    ]);
    expect(model.symbols.map((symbol) => symbol.name).sort()).toEqual(['afterTheError', 'beforeTheError', 'broken', 'fine', 'fromA', 'fromB']);
  });

  it('warns when the configured tsconfig is missing, and still documents', async () => {
    const target = copyTarget(path.join(FIXTURES, 'sample'));
    dirs.push(target);
    const context = await contextFor(target);
    context.config = {codeReference: {tsconfig: 'tsconfig.missing.json'}};
    const {model} = await extractCodeReference(context, normalizeOptions(context.config));
    expect(formatReport(context.report)).toMatch(/codeReference\.tsconfig: codeReference\.tsconfig "tsconfig\.missing\.json" does not exist/);
    expect(model.symbols.length).toBeGreaterThan(10);
  });
});
