/**
 * Inferred types see TypeScript's standard library: a function that returns `new RegExp()` returns
 * `RegExp`, an async one a `Promise`, as TypeDoc shows them (before, the checker had no lib files and
 * printed `any`).
 */
import fs from 'node:fs';
import path from 'node:path';
import {afterAll, describe, expect, it} from 'vitest';
import {contextFor, tempDir} from '../../../test/codeReferenceTargets';
import {extractCodeReferenceModel} from '../generator';
import type {TypeText} from '../model';

const dirs: string[] = [];
afterAll(() => {
  for (const dir of dirs) fs.rmSync(dir, {recursive: true, force: true});
});

const FILES: Record<string, string> = {
  'package.json': JSON.stringify({name: 'std-lib', version: '1.0.0', exports: './src/index.ts'}),
  'tsconfig.json': JSON.stringify({compilerOptions: {strict: true, target: 'ES2022', module: 'NodeNext', moduleResolution: 'NodeNext', lib: ['ES2022', 'DOM']}}),
  'src/index.ts': [
    'export function pattern(source: string) {',
    '  return new RegExp(`^${source}$`);',
    '}',
    'export async function count(items: string[]) {',
    '  return items.length;',
    '}',
    'export const names = [1, 2].map(String);',
    "export const body = document.createElement('div');",
    '',
  ].join('\n'),
};

const plain = (text: TypeText | undefined | null) => (text ?? []).map((part) => (typeof part === 'string' ? part : part.name)).join('');

describe('inferred types with the standard library', () => {
  it('prints RegExp, Promise, string[] and a DOM type, not any', async () => {
    const root = tempDir('coderef-stdlib');
    const site = tempDir('coderef-stdlib-site');
    dirs.push(root, site);
    for (const [file, content] of Object.entries(FILES)) {
      fs.mkdirSync(path.dirname(path.join(root, file)), {recursive: true});
      fs.writeFileSync(path.join(root, file), content);
    }
    const extracted = await extractCodeReferenceModel(await contextFor(root, site), {cache: false});
    const symbols = new Map(extracted!.model.symbols.map((symbol) => [symbol.name, symbol]));
    expect([...symbols.keys()].sort()).toEqual(['body', 'count', 'names', 'pattern']);
    expect(plain(symbols.get('pattern')!.signatures![0]!.returns)).toBe('RegExp');
    expect(plain(symbols.get('count')!.signatures![0]!.returns)).toBe('Promise<number>');
    expect(plain(symbols.get('names')!.type)).toBe('string[]');
    expect(plain(symbols.get('body')!.type)).toBe('HTMLDivElement');
  });
});
