/**
 * Where each named declaration of one source file starts and ends, so `<CodeSnippet symbol=...>`
 * can show it whole. One file is parsed on its own, without a program or type checking: TypeScript
 * and JavaScript with the compiler's parser (a top-level declaration, or `Class.member`), Python with
 * Lezer's grammar (a `def` or `class`, or `Class.method`), Go with Lezer's Go grammar (goRanges.ts).
 * The range starts at the doc comment or the first decorator, so the reader sees what the author of
 * the code wrote above it.
 */
import type {SyntaxNode} from '@lezer/common';
import {parser as pythonParser} from '@lezer/python';
import type {ts} from 'ts-morph';
import {typescript} from '../core/lazyTsMorph';
import {goRanges} from './goRanges';

/** 0-based offsets in the file's text. */
export interface Range {
  start: number;
  end: number;
}

/** TypeScript's script kind of each extension (ts.ScriptKind's values: the compiler loads only when a file is read). */
const TS_KINDS: Record<string, 'TS' | 'TSX' | 'JS' | 'JSX'> = {
  '.ts': 'TS',
  '.mts': 'TS',
  '.cts': 'TS',
  '.tsx': 'TSX',
  '.js': 'JS',
  '.mjs': 'JS',
  '.cjs': 'JS',
  '.jsx': 'JSX',
};

/** The declarations of a file by name, or undefined for a language whose declarations are not read. */
export function declarationRanges(file: string, text: string): Map<string, Range> | undefined {
  const extension = /\.[^./]+$/.exec(file)?.[0]?.toLowerCase() ?? '';
  if (TS_KINDS[extension] !== undefined) return typeScriptRanges(file, text, typescript().ScriptKind[TS_KINDS[extension]!]);
  if (extension === '.py' || extension === '.pyi') return pythonRanges(text);
  if (extension === '.go') return goRanges(text);
  return undefined;
}

function typeScriptRanges(file: string, text: string, kind: ts.ScriptKind): Map<string, Range> {
  const ts = typescript();
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true, kind);
  const ranges = new Map<string, Range>();
  const add = (name: string, node: ts.Node) => {
    if (!ranges.has(name)) ranges.set(name, {start: node.getStart(source, true), end: node.getEnd()});
  };
  const members = (prefix: string, list: readonly ts.Node[]) => {
    for (const member of list) {
      const name = (member as {name?: ts.Node}).name;
      if (name && (ts.isIdentifier(name) || ts.isPrivateIdentifier(name) || ts.isStringLiteral(name))) add(`${prefix}.${name.text}`, member);
    }
  };
  const visit = (statements: readonly ts.Statement[], prefix: string) => {
    for (const statement of statements) {
      if (ts.isVariableStatement(statement)) {
        for (const declaration of statement.declarationList.declarations) {
          if (ts.isIdentifier(declaration.name)) add(prefix + declaration.name.text, statement);
        }
        continue;
      }
      if (ts.isExportAssignment(statement)) {
        add(`${prefix}default`, statement);
        continue;
      }
      const name = (statement as {name?: ts.Node}).name;
      if (!name || !(ts.isIdentifier(name) || ts.isStringLiteral(name))) continue;
      const full = prefix + name.text;
      add(full, statement);
      if (ts.isClassDeclaration(statement) || ts.isInterfaceDeclaration(statement)) members(full, statement.members);
      if (ts.isEnumDeclaration(statement)) members(full, statement.members);
      if (ts.isModuleDeclaration(statement) && statement.body && ts.isModuleBlock(statement.body)) visit(statement.body.statements, `${full}.`);
    }
  };
  visit(source.statements, '');
  return ranges;
}

function pythonRanges(text: string): Map<string, Range> {
  const ranges = new Map<string, Range>();
  const tree = pythonParser.parse(text);
  /** A definition with its name: a decorated one counts from its first decorator. */
  const definition = (node: SyntaxNode): {name: string; def: SyntaxNode} | undefined => {
    const def = node.name === 'DecoratedStatement' ? (node.getChild('FunctionDefinition') ?? node.getChild('ClassDefinition')) : node;
    if (!def || (def.name !== 'FunctionDefinition' && def.name !== 'ClassDefinition')) return undefined;
    const name = def.getChild('VariableName');
    return name ? {name: text.slice(name.from, name.to), def} : undefined;
  };
  for (let node = tree.topNode.firstChild; node; node = node.nextSibling) {
    const found = definition(node);
    if (!found) continue;
    if (!ranges.has(found.name)) ranges.set(found.name, {start: node.from, end: node.to});
    if (found.def.name !== 'ClassDefinition') continue;
    for (let member = found.def.getChild('Body')?.firstChild ?? null; member; member = member.nextSibling) {
      const method = definition(member);
      const key = method && `${found.name}.${method.name}`;
      if (key && !ranges.has(key)) ranges.set(key, {start: member.from, end: member.to});
    }
  }
  return ranges;
}
