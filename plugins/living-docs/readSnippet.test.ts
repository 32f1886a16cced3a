/**
 * What a `<CodeSnippet>` reads: symbols of TypeScript and Python files (members too), nested
 * regions in several comment syntaxes, line ranges; and each way a citation breaks, with its
 * closest name. Plain files in a temporary folder; no git.
 */
import fs from 'node:fs';
import path from 'node:path';
import {afterAll, describe, expect, it} from 'vitest';
import {tempBase} from '../../test/gitRepo';
import {createCodeReader, readSnippet} from './readSnippet';

const root = tempBase('snippets');
const FILES: Record<string, string> = {
  'src/charge.ts': '/** Charges. */\nexport async function createCharges(n: number) {\n  return n;\n}\n\nexport class Ledger {\n  /** Adds. */\n  add(n: number): number {\n    return n;\n  }\n}\n',
  'app/models.py': 'import x\n\n\n@dataclass\nclass Order:\n    """An order."""\n\n    @property\n    def total(self):\n        return 1\n\n\ndef place(order):\n    return order\n',
  'deploy.sh': '#!/bin/sh\n# region build\nnpm ci\n# region inner\nnpm run build\n# endregion\n# endregion\necho done\n',
};
for (const [file, text] of Object.entries(FILES)) {
  fs.mkdirSync(path.dirname(path.join(root, file)), {recursive: true});
  fs.writeFileSync(path.join(root, file), text);
}
const reader = createCodeReader(root, Object.keys(FILES));
afterAll(() => fs.rmSync(root, {recursive: true, force: true}));

describe('readSnippet', () => {
  it('reads a function with its doc comment, and a method from the left margin', () => {
    const fn = readSnippet(reader, {path: 'src/charge.ts', symbol: 'createCharges'});
    expect(fn).toEqual({ok: true, snippet: {file: 'src/charge.ts', code: FILES['src/charge.ts']!.split('\n').slice(0, 4).join('\n'), language: 'ts', startLine: 1, endLine: 4}});
    const method = readSnippet(reader, {path: './src/charge.ts', symbol: 'Ledger.add'});
    expect(method.ok && method.snippet).toMatchObject({code: '/** Adds. */\nadd(n: number): number {\n  return n;\n}', startLine: 7, endLine: 10});
  });

  it('reads Python classes with their decorators, methods and functions', () => {
    expect(readSnippet(reader, {path: 'app/models.py', symbol: 'Order'})).toMatchObject({ok: true, snippet: {startLine: 4, endLine: 10, language: 'python'}});
    expect(readSnippet(reader, {path: 'app/models.py', symbol: 'Order.total'})).toMatchObject({ok: true, snippet: {code: '@property\ndef total(self):\n    return 1', startLine: 8}});
    expect(readSnippet(reader, {path: 'app/models.py', symbol: 'place'})).toMatchObject({ok: true, snippet: {startLine: 13, endLine: 14}});
  });

  it('reads nested regions without their markers, and line ranges', () => {
    expect(readSnippet(reader, {path: 'deploy.sh', region: 'build'})).toMatchObject({ok: true, snippet: {code: 'npm ci\nnpm run build', startLine: 3, endLine: 6, language: 'bash'}});
    expect(readSnippet(reader, {path: 'deploy.sh', region: 'inner'})).toMatchObject({ok: true, snippet: {code: 'npm run build', startLine: 5, endLine: 5}});
    expect(readSnippet(reader, {path: 'deploy.sh', lines: '8'})).toMatchObject({ok: true, snippet: {code: 'echo done'}});
  });

  it('names what is gone and the closest name', () => {
    const cases = [
      [{path: 'src/charge.ts', symbol: 'createCharge'}, 'the symbol "createCharge" is not declared in src/charge.ts', 'createCharges'],
      [{path: 'src/charges.ts', symbol: 'x'}, 'the file "src/charges.ts" is not in the repository (or is ignored)', 'src/charge.ts'],
      [{path: 'deploy.sh', region: 'buidl'}, 'the region "buidl" is not marked in deploy.sh', 'build'],
      [{path: 'deploy.sh', lines: '7-12'}, 'the lines 7-12 are not in deploy.sh, which has 8 lines', undefined],
      [{path: '../outside.ts'}, 'the file "../outside.ts" is not in the repository (or is ignored)', undefined],
      [{path: 'deploy.sh', symbol: 'build'}, 'symbols of deploy.sh cannot be read (only TypeScript, JavaScript and Python files); cite it with `lines` or `region`', undefined],
    ] as const;
    for (const [props, missing, suggestion] of cases) {
      const result = readSnippet(reader, props as Record<string, string>);
      expect(result.ok, missing).toBe(false);
      if (!result.ok) expect(result.broken).toEqual(suggestion ? {missing, suggestion} : {missing});
    }
    expect(cases).toHaveLength(6);
  });
});
