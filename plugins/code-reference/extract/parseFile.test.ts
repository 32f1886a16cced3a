import {describe, expect, it} from 'vitest';
import type {DeclFacts, FileFacts} from './facts';
import {parseDocComment} from './jsdoc';
import {parseFile} from './parseFile';
import {plainType} from './typeText';

function decl(facts: FileFacts, name: string, scope = ''): DeclFacts {
  const found = facts.scopes[scope]?.declarations.find((candidate) => candidate.name === name);
  if (!found) throw new Error(`no declaration ${name} in scope "${scope}"`);
  return found;
}

describe('parseFile', () => {
  it('keeps every overload of a function and leaves the implementation out', () => {
    const facts = parseFile('a.ts', 'export function f(a: string): string;\nexport function f(a: number): number;\nexport function f(a: any) { return a; }\n');
    const f = decl(facts, 'f');
    expect(f.signatures?.map((sig) => plainType(sig.parameters[0]!.type))).toEqual(['string', 'number']);
    expect(facts.exports).toEqual([{kind: 'local', name: 'f', local: 'f', line: 1}]);
  });

  it('reads class members: constructor, parameter properties, static, visibility, abstract, accessors, decorators', () => {
    const facts = parseFile(
      'c.ts',
      [
        'function sealed(_: unknown) {}',
        '@sealed',
        'export abstract class C<T extends object = {}> extends Base<T> implements I, J {',
        '  static count = 0;',
        '  #secret = 1;',
        '  private hidden: string = "";',
        '  protected guarded?: number;',
        '  constructor(public readonly id: string, private token: string) { super(); }',
        '  abstract run(): void;',
        '  get size(): number { return 1; }',
        '  set size(value: number) {}',
        '  @sealed method(x = 1, ...rest: string[]): T { return null!; }',
        '}',
      ].join('\n'),
    );
    const c = decl(facts, 'C');
    expect(c.kind).toBe('class');
    expect(c.abstract).toBe(true);
    expect(c.decorators).toEqual(['@sealed']);
    expect(plainType(c.extends![0])).toBe('Base<T>');
    expect(c.implements!.map(plainType)).toEqual(['I', 'J']);
    expect(c.typeParameters).toEqual([{name: 'T', constraint: ['object'], default: ['{}']}]);
    const byName = Object.fromEntries(c.members!.map((member) => [member.name, member]));
    expect(byName.count).toMatchObject({static: true, type: ['number']});
    expect(byName['#secret']).toMatchObject({private: true});
    expect(byName.hidden).toMatchObject({private: true});
    expect(byName.guarded).toMatchObject({visibility: 'protected', optional: true});
    expect(byName.id).toMatchObject({kind: 'property', readonly: true, type: ['string']});
    expect(byName.token).toMatchObject({private: true});
    expect(byName.run).toMatchObject({kind: 'method', abstract: true});
    expect(byName.size).toMatchObject({kind: 'accessor', accessor: {get: true, set: true}, type: ['number']});
    const method = byName.method!;
    expect(method.decorators).toEqual(['@sealed']);
    expect(method.signatures![0]!.parameters).toEqual([
      {name: 'x', type: ['number'], optional: true, defaultValue: '1'},
      {name: 'rest', type: ['string[]'], rest: true},
    ]);
  });

  it('reads interfaces, type aliases, enums, variables and namespaces', () => {
    const facts = parseFile(
      'k.ts',
      [
        'export interface I { readonly a: string; b?(x: number): void; b?(x: string): void; (call: 1): 2; [key: string]: unknown }',
        'export type T<A> = {x: A}\n  | null;',
        'export enum E { A = 1, B = "b" }',
        'export const arrow = (a: number): number => a;',
        'export let counter = 0;',
        'export const typed: Map<string, number> = new Map();',
        'export const made = new Thing<string>();',
        'export declare namespace N { interface Inner {} const v: number }',
        'export namespace M { export function f(): void {} function hidden() {} }',
      ].join('\n'),
    );
    const i = decl(facts, 'I');
    expect(i.members!.map((member) => [member.name, member.kind])).toEqual([
      ['a', 'property'],
      ['b', 'method'],
      ['(call)', 'call'],
      ['[index]', 'index'],
    ]);
    expect(i.members![1]!.signatures).toHaveLength(2);
    expect(plainType(decl(facts, 'T').type)).toBe('{x: A} | null');
    expect(decl(facts, 'E').members!.map((member) => [member.name, member.value])).toEqual([
      ['A', '1'],
      ['B', '"b"'],
    ]);
    expect(decl(facts, 'arrow').kind).toBe('function');
    expect(decl(facts, 'counter')).toMatchObject({kind: 'variable', declaration: 'let', type: ['number']});
    expect(plainType(decl(facts, 'typed').type)).toBe('Map<string, number>');
    expect(plainType(decl(facts, 'made').type)).toBe('Thing<string>');
    expect(facts.scopes.N!.exported.sort()).toEqual(['Inner', 'v']);
    expect(facts.scopes.M!.exported).toEqual(['f']);
  });

  it('records imports, re-exports and default exports', () => {
    const facts = parseFile(
      'm.ts',
      "import d, {a as b} from './a';\nimport * as ns from './ns';\nexport * from './star';\nexport * as group from './group';\nexport {x as y} from './x';\nexport {b};\nexport default function () {}\n",
    );
    expect(facts.imports).toEqual([
      {local: 'd', specifier: './a', name: 'default', line: 1},
      {local: 'b', specifier: './a', name: 'a', line: 1},
      {local: 'ns', specifier: './ns', name: '*', line: 2},
    ]);
    expect(facts.exports.map((entry) => [entry.kind, 'name' in entry ? entry.name : '*'])).toEqual([
      ['star', '*'],
      ['namespace', 'group'],
      ['from', 'y'],
      ['local', 'b'],
      ['local', 'default'],
    ]);
  });

  it('takes JavaScript types from JSDoc, @typedef included', () => {
    const facts = parseFile(
      'j.js',
      '/** @typedef {{id: string}} User */\n\n/**\n * Finds a user.\n * @param {string} id the id\n * @returns {User | undefined}\n */\nexport function find(id) { return undefined; }\n',
    );
    const find = decl(facts, 'find');
    expect(plainType(find.signatures![0]!.parameters[0]!.type)).toBe('string');
    expect(find.signatures![0]!.parameters[0]!.doc).toBe('the id');
    expect(plainType(find.signatures![0]!.returns)).toBe('User | undefined');
    expect(decl(facts, 'User')).toMatchObject({kind: 'type', type: ['{id: string}']});
  });

  it('records syntax errors with their line and keeps what parsed', () => {
    const facts = parseFile('s.ts', 'export const ok = 1;\nexport const bad: number = ;\nexport const after = 2;\n');
    expect(facts.syntaxErrors[0]).toMatchObject({line: 2});
    expect(facts.scopes['']!.declarations.map((d) => d.name)).toEqual(['ok', 'bad', 'after']);
  });

  it('takes the file comment before the imports as the module doc', () => {
    const facts = parseFile('d.ts', '/** The module. */\nimport x from "x";\n/** The thing. */\nexport const thing = x;\n');
    expect(facts.moduleDoc?.summary).toBe('The module.');
    expect(decl(facts, 'thing').doc?.summary).toBe('The thing.');
  });
});

describe('parseDocComment', () => {
  it('keeps the indentation of example code and reads every tag', () => {
    const parsed = parseDocComment(
      [
        '/**',
        ' * Summary with {@link Foo} and {@link Bar | the bar}.',
        ' *',
        ' * @remarks Longer text.',
        ' * @param a - the a',
        ' * @typeParam T - the T',
        ' * @returns a thing',
        ' * @throws {Error} when bad',
        ' * @example Title',
        ' * ```ts',
        ' * if (x) {',
        ' *   run(); // @decorator-looking text stays in the code',
        ' * }',
        ' * ```',
        ' * @deprecated use y',
        ' * @since 2.0.0',
        ' * @see Foo',
        ' * @category Makers',
        ' * @internal',
        ' */',
      ].join('\n'),
    );
    expect(parsed.doc?.summary).toBe('Summary with \uE0000\uE001 and \uE0001\uE001.');
    expect(parsed.doc?.links).toEqual([{target: 'Foo'}, {target: 'Bar', text: 'the bar'}, {target: 'Foo'}]);
    expect(parsed.doc?.examples).toEqual([{caption: 'Title', code: 'if (x) {\n  run(); // @decorator-looking text stays in the code\n}', lang: 'ts'}]);
    expect(parsed.params.get('a')).toBe('the a');
    expect(parsed.typeParams.get('T')).toBe('the T');
    expect(parsed.doc).toMatchObject({remarks: 'Longer text.', returns: 'a thing', throws: ['`Error` when bad'], deprecated: 'use y', since: '2.0.0'});
    expect(parsed.category).toBe('Makers');
    expect(parsed.internal).toBe(true);
  });

  it('marks a bare @deprecated, and @hidden and @private as internal', () => {
    expect(parseDocComment('/** @deprecated */').doc?.deprecated).toBe(true);
    expect(parseDocComment('/** @hidden */').internal).toBe(true);
    expect(parseDocComment('/** @private */').internal).toBe(true);
    expect(parseDocComment('/** Just text. */').internal).toBe(false);
  });
});

describe('a file with thousands of exports', () => {
  // Correctness at a size where the parser used to search its declarations once per function; how the
  // time grows is measured by bench/hostile-inputs.mjs, not asserted here.
  it('keeps every export, every overload and every doc comment', () => {
    const count = 4000;
    const lines: string[] = [];
    for (let i = 0; i < count; i++) {
      if (i % 2 === 0) lines.push(`/** Function ${i}. */`, `export function f${i}(a: string): string;`, `export function f${i}(a: number): number;`, `export function f${i}(a: any) { return a; }`);
      else lines.push(`/** Constant ${i}. */`, `export const c${i} = ${i};`);
    }
    const facts = parseFile('many.ts', lines.join('\n'));
    const declarations = facts.scopes['']!.declarations;
    expect(declarations).toHaveLength(count);
    expect(facts.exports).toHaveLength(count);
    const functions = declarations.filter((candidate) => candidate.kind === 'function');
    expect(functions).toHaveLength(count / 2);
    for (const f of functions) {
      const i = Number(f.name.slice(1));
      expect(f.signatures?.map((sig) => plainType(sig.parameters[0]!.type))).toEqual(['string', 'number']);
      expect(f.doc?.summary).toBe(`Function ${i}.`);
    }
    expect(decl(facts, 'c3999')).toMatchObject({kind: 'variable', doc: {summary: 'Constant 3999.'}});
    expect(facts.exports.at(-1)).toEqual({kind: 'local', name: 'c3999', local: 'c3999', line: 4 * (count / 2) + 2 * (count / 2)});
  });
});

describe('block tags in the middle of a line', () => {
  it('start a tag, except inside a code span', () => {
    const parsed = parseDocComment('/** A square. @category Shapes */');
    expect(parsed.doc?.summary).toBe('A square.');
    expect(parsed.category).toBe('Shapes');
    expect(parseDocComment('/** Use `x @internal y` and mail a@internal.dev. */').internal).toBe(false);
  });
});
