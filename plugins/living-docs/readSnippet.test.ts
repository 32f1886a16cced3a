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
/** A Go file as a real service writes it: methods on pointer and value receivers, generics, braces in strings, runes, raw strings and comments. */
const GO = [
  '// Package payments charges cards.',
  'package payments',
  '',
  'import (',
  '\t"context"',
  '\t"fmt"',
  ')',
  '',
  '// MaxRetries is how often a charge is tried.',
  'const MaxRetries = 3 // see ops runbook',
  '',
  'const (',
  '\t// StatusOK means paid.',
  '\tStatusOK Status = iota',
  '\tStatusFailed',
  ')',
  '',
  'var template = `{"amount": {{.Amount}}, "note": "}"}`',
  '',
  '// Status of a charge.',
  'type Status int',
  '',
  '// Charge is one payment.',
  'type Charge struct {',
  '\t// ID names the charge.',
  '\tID     string `json:"id{"`',
  '\tAmount int64',
  '}',
  '',
  '// Store keeps values by key.',
  'type Store[K comparable, V any] interface {',
  '\t// Get reads one.',
  '\tGet(ctx context.Context, key K) (V, error)',
  '}',
  '',
  '// CreateCharge makes a charge; braces in strings must not end it.',
  'func CreateCharge(ctx context.Context, amount int64) (*Charge, error) {',
  '\tif amount <= 0 {',
  '\t\treturn nil, fmt.Errorf("amount %d: want > 0 }", amount)',
  '\t}',
  "\tbrace := '}'",
  '\t_ = brace // }',
  '\t/* } */',
  '\treturn &Charge{Amount: amount}, nil',
  '}',
  '',
  '// Refund undoes a charge.',
  'func (c *Charge) Refund() error { return nil }',
  '',
  '// This comment is not the doc of String: a blank line follows it.',
  '',
  'func (s Status) String() string {',
  '\treturn [...]string{"ok", "failed"}[s]',
  '}',
  '',
  '// Map applies f to each value.',
  'func Map[T, U any](values []T, f func(T) U) []U {',
  '\tout := make([]U, 0, len(values))',
  '\tfor _, v := range values {',
  '\t\tout = append(out, f(v))',
  '\t}',
  '\treturn out',
  '}',
  '',
  'func (s *Store[K, V]) unused() {}',
  '',
].join('\n');
FILES['payments/charge.go'] = GO;
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

  it('reads Go functions, methods on any receiver, generics, types, fields and grouped constants', () => {
    const lines = GO.split('\n');
    /** The 1-based line of a line of GO, and the code from there to another one (tabs kept, as Go writes them). */
    const at = (line: string) => lines.indexOf(line) + 1;
    const cases: [string, string, string][] = [
      ['CreateCharge', '// CreateCharge makes a charge; braces in strings must not end it.', '\treturn &Charge{Amount: amount}, nil'],
      ['Charge.Refund', '// Refund undoes a charge.', 'func (c *Charge) Refund() error { return nil }'],
      ['Status.String', 'func (s Status) String() string {', '\treturn [...]string{"ok", "failed"}[s]'],
      ['Map', '// Map applies f to each value.', '\treturn out'],
      ['Store.unused', 'func (s *Store[K, V]) unused() {}', 'func (s *Store[K, V]) unused() {}'],
      ['MaxRetries', '// MaxRetries is how often a charge is tried.', 'const MaxRetries = 3 // see ops runbook'],
      ['StatusFailed', '\tStatusFailed', '\tStatusFailed'],
      ['StatusOK', '\t// StatusOK means paid.', '\tStatusOK Status = iota'],
      ['template', 'var template = `{"amount": {{.Amount}}, "note": "}"}`', 'var template = `{"amount": {{.Amount}}, "note": "}"}`'],
      ['Charge', '// Charge is one payment.', '\tAmount int64'],
      ['Charge.ID', '\t// ID names the charge.', '\tID     string `json:"id{"`'],
      ['Store.Get', '\t// Get reads one.', '\tGet(ctx context.Context, key K) (V, error)'],
    ];
    for (const [symbol, from, to] of cases) {
      const result = readSnippet(reader, {path: 'payments/charge.go', symbol});
      expect(result.ok, symbol).toBe(true);
      if (!result.ok) continue;
      // A closing brace on its own line ends the functions and types above.
      const end = /^(CreateCharge|Status\.String|Map|Charge)$/.test(symbol) ? at(to) + 1 : at(to);
      expect({symbol, start: result.snippet.startLine, end: result.snippet.endLine, language: result.snippet.language}).toEqual({symbol, start: at(from), end, language: 'go'});
      expect(result.snippet.code.split('\n')[0]!.trim(), symbol).toBe(from.trim());
    }
    expect(cases).toHaveLength(12);
    // The whole of CreateCharge, braces in its strings, rune and comments notwithstanding.
    const create = readSnippet(reader, {path: 'payments/charge.go', symbol: 'CreateCharge'});
    const first = at('// CreateCharge makes a charge; braces in strings must not end it.');
    expect(create.ok && create.snippet.code).toBe(lines.slice(first - 1, at('\treturn &Charge{Amount: amount}, nil') + 1).join('\n'));
    expect(create.ok && create.snippet.code.split('\n')).toHaveLength(10);
  });

  it('suggests the closest Go name for one that is gone', () => {
    expect(readSnippet(reader, {path: 'payments/charge.go', symbol: 'CreateCharges'})).toEqual({ok: false, broken: {missing: 'the symbol "CreateCharges" is not declared in payments/charge.go', suggestion: 'CreateCharge'}});
    expect(readSnippet(reader, {path: 'payments/charge.go', symbol: 'Charge.Refnd'})).toEqual({ok: false, broken: {missing: 'the symbol "Charge.Refnd" is not declared in payments/charge.go', suggestion: 'Charge.Refund'}});
    // A method is named by its type, not by its receiver's spelling.
    expect(readSnippet(reader, {path: 'payments/charge.go', symbol: 'Refund'})).toMatchObject({ok: false, broken: {missing: 'the symbol "Refund" is not declared in payments/charge.go'}});
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
      [{path: 'deploy.sh', symbol: 'build'}, 'symbols of deploy.sh cannot be read (only TypeScript, JavaScript, Python and Go files); cite it with `lines` or `region`', undefined],
    ] as const;
    for (const [props, missing, suggestion] of cases) {
      const result = readSnippet(reader, props as Record<string, string>);
      expect(result.ok, missing).toBe(false);
      if (!result.ok) expect(result.broken).toEqual(suggestion ? {missing, suggestion} : {missing});
    }
    expect(cases).toHaveLength(6);
  });
});
