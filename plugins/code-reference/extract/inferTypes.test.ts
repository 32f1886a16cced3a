/**
 * Inferred types see TypeScript's standard library where they need it (ADR 0057, "The cheaper form"):
 * a function that returns `new RegExp()` returns `RegExp`, an async one a `Promise`, as TypeDoc shows
 * them; the checker is asked again with the library only about those declarations, and a target
 * whose answers need no library parses no library file.
 */
import fs from 'node:fs';
import path from 'node:path';
import {afterAll, describe, expect, it} from 'vitest';
import {contextFor, tempDir} from '../../../test/codeReferenceTargets';
import {extractCodeReferenceModel} from '../extractModel';
import type {TypeText} from '../model';
import {parsedLibraries} from './standardLibrary';

const dirs: string[] = [];
afterAll(() => {
  for (const dir of dirs) fs.rmSync(dir, {recursive: true, force: true});
});

const TSCONFIG = JSON.stringify({compilerOptions: {strict: true, target: 'ES2022', module: 'NodeNext', moduleResolution: 'NodeNext', lib: ['ES2022', 'DOM']}});

const NEEDS_LIBRARY = [
  'export function pattern(source: string) {',
  '  return new RegExp(`^${source}$`);',
  '}',
  'export async function count(items: string[]) {',
  '  return items.length;',
  '}',
  'export async function settle() {',
  '  await Promise.resolve();',
  '}',
  'export const pending = count([]);',
  'export const names = [1, 2].map(String);',
  'export const literal = /^a+$/;',
  'export const lazy = async () => ({ok: true});',
  "export * from './plain';",
  '',
].join('\n');

const NO_LIBRARY = ['export const pair = (a: number, b: string) => ({a, b});', 'export function identity(value: unknown) {', '  return value;', '}', "export const greeting = 'hello';", ''].join('\n');

async function extract(name: string, files: Record<string, string>) {
  const root = tempDir(`coderef-${name}`);
  const site = tempDir(`coderef-${name}-site`);
  dirs.push(root, site);
  for (const [file, content] of Object.entries({'package.json': JSON.stringify({name, version: '1.0.0', exports: './src/index.ts'}), 'tsconfig.json': TSCONFIG, ...files})) {
    fs.mkdirSync(path.dirname(path.join(root, file)), {recursive: true});
    fs.writeFileSync(path.join(root, file), content);
  }
  const extracted = (await extractCodeReferenceModel(await contextFor(root, site), {cache: false}))!;
  const symbols = new Map(extracted.model.symbols.map((symbol) => [symbol.name, symbol]));
  return {symbols, stats: extracted.stats};
}

const plain = (text: TypeText | undefined | null) => (text ?? []).map((part) => (typeof part === 'string' ? part : part.name)).join('');

describe('inferred types and the standard library', () => {
  // First, so that no other test has parsed the library in this process yet.
  it('asks no second time and parses no library file when no answer needs it', async () => {
    const {symbols, stats} = await extract('no-lib', {'src/index.ts': NO_LIBRARY});
    expect([...symbols.keys()].sort()).toEqual(['greeting', 'identity', 'pair']);
    expect(plain(symbols.get('pair')!.signatures![0]!.returns)).toBe('{ a: number; b: string }');
    expect(plain(symbols.get('identity')!.signatures![0]!.returns)).toBe('unknown');
    expect([stats.inferred, stats.inferChecked, stats.inferWithLibrary, stats.inferLibraryMs]).toEqual([2, 1, 0, 0]);
    expect(parsedLibraries()).toEqual([]);
  });

  // Second: the DOM is not parsed for answers that need only the ECMAScript library.
  it('prints RegExp, Promise and string[], not any, asking again only the declarations that need the library', async () => {
    const {symbols, stats} = await extract('std-lib', {'src/index.ts': NEEDS_LIBRARY, 'src/plain.ts': NO_LIBRARY.replace('export const greeting', 'export const other')});
    expect(plain(symbols.get('pattern')!.signatures![0]!.returns)).toBe('RegExp');
    expect(plain(symbols.get('count')!.signatures![0]!.returns)).toBe('Promise<number>');
    expect(plain(symbols.get('settle')!.signatures![0]!.returns)).toBe('Promise<void>');
    expect(plain(symbols.get('pending')!.type)).toBe('Promise<number>');
    expect(plain(symbols.get('names')!.type)).toBe('string[]');
    expect(plain(symbols.get('literal')!.type)).toBe('RegExp');
    expect(plain(symbols.get('lazy')!.signatures![0]!.returns)).toBe('Promise<{ ok: boolean }>');
    // The other file's answers are the first ones, unchanged.
    expect(plain(symbols.get('pair')!.signatures![0]!.returns)).toBe('{ a: number; b: string }');
    expect(plain(symbols.get('identity')!.signatures![0]!.returns)).toBe('unknown');
    // 6 declarations of index.ts need the library; the 2 of plain.ts do not (a literal, `greeting`,
    // and a regular expression literal, `literal`, are typed from their value without the checker).
    expect([stats.inferred, stats.inferWithLibrary, stats.inferWithWholeLibrary]).toEqual([8, 6, 0]);
    expect(parsedLibraries()).toContain('lib.es2022.d.ts');
    expect(parsedLibraries()).not.toContain('lib.dom.d.ts');
  });

  it('loads the DOM, in a third ask, only for the declarations that still need it', async () => {
    const source = [
      "import {missing} from 'not-installed';",
      "import {element} from './element';",
      'export const body = element();',
      'export function rounded(value: number) {',
      '  return Math.round(value);',
      '}',
      'export const broken = missing.value;',
      '',
    ].join('\n');
    const element = ['export function element() {', "  return document.createElement('div');", '}', ''].join('\n');
    const {symbols, stats} = await extract('dom', {'src/index.ts': source, 'src/element.ts': element});
    expect(plain(symbols.get('body')!.type)).toBe('HTMLDivElement');
    expect(plain(symbols.get('rounded')!.signatures![0]!.returns)).toBe('number');
    expect(plain(symbols.get('broken')!.type)).toBe('any');
    // All three asked with the ECMAScript library; only `body`, which reaches `document` through the
    // function it calls, once more with the DOM: `broken`'s error is an import no library resolves.
    expect([stats.inferred, stats.inferWithLibrary, stats.inferWithWholeLibrary]).toEqual([3, 3, 1]);
    expect(parsedLibraries()).toContain('lib.dom.d.ts');
  });
});
