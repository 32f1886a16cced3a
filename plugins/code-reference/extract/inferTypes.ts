/**
 * Types the code does not write, from TypeScript's checker: a variable without an annotation
 * (`export const client = create()`) and a function without a return type show what the checker
 * infers, printed as TypeDoc prints it, each name linked when it is one of ours (ADR 0035).
 *
 * The checker is used lazily: a Program is built only when some documented declaration lacks its
 * type, over the files that declare them (TypeScript follows their imports), and asked only about
 * those declarations. Results are cached by the declaring file and the text of every file it reaches,
 * so an unchanged build builds no Program, and an edit rebuilds one only for the declarations that
 * can see it.
 */
import path from 'node:path';
import {ts} from 'ts-morph';
import {hashContent} from '../../core/contentCache';
import {isInside} from '../../core/resolveTarget';
import type {BundledCache} from '../../core/bundledCache';
import type {CodeReferenceModel, SymbolModel, TypeText} from '../model';
import type {FileFacts} from './facts';
import type {ModuleResolver} from './resolveModules';
import {globalsBeyond, libraryStages, namesGlobal, needsLibrary, serveLibrary} from './standardLibrary';
import {typeText} from './typeText';

/** Bump when what is inferred or how it is printed changes. */
export const INFER_VERSION = '3';

/** What the checker said about one file's declarations: by symbol id, the variable's type or each signature's return type. */
export type InferredFile = Record<string, {type?: TypeText; returns?: (TypeText | null)[]}>;

export interface InferInput {
  root: string;
  model: CodeReferenceModel;
  resolver: ModuleResolver;
  /** Per file read, the hash of its code without comments: what a cached answer depends on. */
  codeKeys: Map<string, string>;
  /** The facts of every file read: what the files a declaration reaches declare. */
  facts: Map<string, FileFacts>;
  /** Imports and re-exports of every file read, resolved: the files a declaration's type can depend on. */
  dependencies: (file: string) => string[];
  /** Syntax trees already parsed in this run, by file: a Program takes them instead of parsing again. */
  trees?: Map<string, ts.SourceFile>;
  cache?: BundledCache<InferredFile>;
}

export interface InferStats {
  declarations: number;
  files: number;
  checked: number;
  /** Declarations asked a second time, with the standard library, because their first answer needed it. */
  withLibrary: number;
  /** Of those, asked a third time with the whole library (the DOM) because the ECMAScript part was not enough. */
  withWholeLibrary: number;
  /** Time spent asking with the library. */
  libraryMs: number;
  ms: number;
}

const FLAGS = ts.TypeFormatFlags.NoTruncation | ts.TypeFormatFlags.UseAliasDefinedOutsideCurrentScope | ts.TypeFormatFlags.WriteArrowStyleSignature;
const INFERRED_FILE = /\.(ts|tsx|mts|cts)$/;

export function inferTypes(input: InferInput): InferStats {
  const started = performance.now();
  const needs = new Map<string, SymbolModel[]>();
  for (const symbol of input.model.symbols) {
    if (!INFERRED_FILE.test(symbol.file) || symbol.file.endsWith('.d.ts')) continue;
    const needsType = symbol.kind === 'variable' && !symbol.type;
    const needsReturns = symbol.kind === 'function' && (symbol.signatures ?? []).some((signature) => !signature.returns);
    if (needsType || needsReturns) needs.set(symbol.file, [...(needs.get(symbol.file) ?? []), symbol]);
  }
  const stats: InferStats = {declarations: [...needs.values()].reduce((sum, list) => sum + list.length, 0), files: needs.size, checked: 0, withLibrary: 0, withWholeLibrary: 0, libraryMs: 0, ms: 0};
  if (needs.size === 0) return stats;

  const shapes = new Map<string, string>();
  const shapeOf = (file: string) => {
    let shape = shapes.get(file);
    if (shape === undefined) {
      const facts = input.facts.get(file);
      shape = facts ? typeShape(facts, input.codeKeys.get(file) ?? file) : file;
      shapes.set(file, shape);
    }
    return shape;
  };
  const keyOf = (file: string, symbols: SymbolModel[]) => {
    const reached = closure(file, input.dependencies).filter((dep) => dep !== file);
    return hashContent(INFER_VERSION, file, input.codeKeys.get(file) ?? file, symbols.map((symbol) => symbol.id).join(','), ...reached.map(shapeOf));
  };
  const answers = new Map<string, InferredFile>();
  const keys = new Map<string, string>();
  const missing: string[] = [];
  for (const [file, symbols] of needs) {
    const key = keyOf(file, symbols);
    keys.set(file, key);
    const hit = input.cache?.get(key);
    if (hit) answers.set(file, hit);
    else missing.push(file);
  }
  if (missing.length > 0) {
    for (const [file, inferred] of checkFiles(input, missing, needs, stats)) {
      answers.set(file, inferred);
      input.cache?.set(keys.get(file)!, inferred);
    }
    stats.checked = missing.length;
  }
  const ids = new Set(input.model.symbols.map((symbol) => symbol.id));
  for (const [file, symbols] of needs) {
    const inferred = answers.get(file) ?? {};
    for (const symbol of symbols) {
      const found = inferred[symbol.id];
      if (!found) continue;
      const known = (text: TypeText) => text.map((part) => (typeof part === 'string' || !part.id || ids.has(part.id) ? part : {name: part.name}));
      if (found.type && !symbol.type) symbol.type = known(found.type);
      // New signature objects: the model shares them with the facts, which are cached by file content
      // and must not carry what the checker said about other files.
      if (symbol.signatures && found.returns) {
        symbol.signatures = symbol.signatures.map((signature, i) => {
          const returns = found.returns?.[i];
          return !signature.returns && returns ? {...signature, returns: known(returns)} : signature;
        });
      }
    }
  }
  stats.ms = Math.round(performance.now() - started);
  return stats;
}

/**
 * What a reached file contributes to an inferred type. A file whose every declaration has its types
 * written is its declarations' shapes, without doc comments and lines: a comment edit or a moved line
 * elsewhere does not make the checker run again. A file with any type left out is its whole text,
 * since an inferred type can depend on a function body.
 */
function typeShape(facts: FileFacts, codeKey: string): string {
  const declarations = Object.values(facts.scopes).flatMap((scope) => scope.declarations);
  const inferredSomewhere = declarations.some(
    (decl) =>
      (decl.kind === 'variable' && !decl.type) ||
      (decl.signatures ?? []).some((signature) => !signature.returns) ||
      (decl.members ?? []).some((member) => (member.kind === 'property' && !member.type) || (member.kind === 'method' && (member.signatures ?? []).some((signature) => !signature.returns))),
  );
  if (inferredSomewhere) return codeKey;
  const json = JSON.stringify({imports: facts.imports, exports: facts.exports, scopes: facts.scopes}, (key, value: unknown) => (key === 'doc' || key === 'line' || key === 'sourceUrl' ? undefined : value));
  return hashContent('shape', json);
}

/** Every file a file reaches through imports and re-exports, itself included, sorted. */
function closure(file: string, dependencies: (file: string) => string[]): string[] {
  const seen = new Set([file]);
  const queue = [file];
  while (queue.length > 0) {
    for (const dep of dependencies(queue.pop()!)) {
      if (!seen.has(dep)) {
        seen.add(dep);
        queue.push(dep);
      }
    }
  }
  return [...seen].sort();
}

/**
 * One Program per set of compiler options, over the files that need answers, without TypeScript's
 * standard library; then, only for the declarations whose answer needs it, the library: its
 * ECMAScript part first (about 0.1 s), and all the target names (the DOM: about 1 s) only for those
 * that still need more (ADR 0057, "The cheaper form"). Each later Program takes the syntax trees of
 * the one before, already parsed and bound.
 */
function checkFiles(input: InferInput, files: string[], needs: Map<string, SymbolModel[]>, stats: InferStats): Map<string, InferredFile> {
  const byOptions = new Map<ts.CompilerOptions, string[]>();
  for (const file of files) {
    const options = input.resolver.compilerOptions(file);
    byOptions.set(options, [...(byOptions.get(options) ?? []), file]);
  }
  const out = new Map<string, InferredFile>();
  for (const [options, group] of byOptions) {
    let asking = new Map(group.map((file) => [file, needs.get(file)!]));
    let previous: ts.Program | undefined;
    const stages = [undefined, ...libraryStages(options)];
    for (const [index, stage] of stages.entries()) {
      const started = performance.now();
      const program = createProgram(input.root, [...asking.keys()], stage ?? options, input.trees, previous, stage !== undefined);
      const checker = program.getTypeChecker();
      const again = new Map<string, SymbolModel[]>();
      for (const [file, symbols] of asking) {
        const sourceFile = program.getSourceFile(path.join(input.root, file));
        if (!sourceFile) continue;
        if (index === 1) stats.withLibrary += symbols.length;
        else if (index === 2) stats.withWholeLibrary += symbols.length;
        const beyond = index === 1 && stages.length === 3 ? globalsBeyond(options) : undefined;
        const answer = inferFile(input.root, sourceFile, symbols, checker, {withLibrary: stage !== undefined, beyond});
        // A later answer replaces the earlier one, also when it is none.
        const merged = {...out.get(file)};
        for (const symbol of symbols) {
          if (answer.inferred[symbol.id]) merged[symbol.id] = answer.inferred[symbol.id]!;
          else delete merged[symbol.id];
        }
        out.set(file, merged);
        if (answer.needLibrary.size > 0) again.set(file, symbols.filter((symbol) => answer.needLibrary.has(symbol.id)));
      }
      if (stage) stats.libraryMs += Math.round(performance.now() - started);
      if (again.size === 0) break;
      asking = again;
      previous = program;
    }
  }
  return out;
}

/**
 * A Program that reads nothing outside the target (and, with `library`, TypeScript's standard library
 * from memory); nothing is emitted. Without `library` the library's folder holds nothing, as ts-morph
 * ships it, so no library file is read or parsed. `previous` lends its syntax trees.
 */
function createProgram(root: string, files: string[], options: ts.CompilerOptions, trees: Map<string, ts.SourceFile> | undefined, previous: ts.Program | undefined, library: boolean): ts.Program {
  const compilerOptions: ts.CompilerOptions = {...options, noEmit: true, skipLibCheck: true, declaration: false, composite: false, incremental: false};
  const host = ts.createCompilerHost(compilerOptions, true);
  const libDir = path.dirname(ts.getDefaultLibFilePath(compilerOptions));
  const allowed = (file: string) => isInside(root, file) || (!library && isInside(libDir, file));
  const fileExists = host.fileExists.bind(host);
  const readFile = host.readFile.bind(host);
  const directoryExists = host.directoryExists?.bind(host);
  host.fileExists = (file) => allowed(file) && fileExists(file);
  host.readFile = (file) => (allowed(file) ? readFile(file) : undefined);
  host.directoryExists = (dir) => allowed(dir) && (directoryExists ? directoryExists(dir) : true);
  host.getCurrentDirectory = () => root;
  const getSourceFile = host.getSourceFile.bind(host);
  host.getSourceFile = (fileName, languageVersion, onError, shouldCreate) => {
    const tree = (isInside(root, fileName) ? trees?.get(path.relative(root, fileName).split(path.sep).join('/')) : undefined) ?? previous?.getSourceFile(fileName);
    if (!tree) return getSourceFile(fileName, languageVersion, onError, shouldCreate);
    if (typeof languageVersion === 'object') tree.impliedNodeFormat = languageVersion.impliedNodeFormat;
    return tree;
  };
  if (library) serveLibrary(host);
  return ts.createProgram({rootNames: files.map((file) => path.join(root, file)), options: compilerOptions, host});
}

/** What the checker says about a file's declarations, and which of its answers show that a global was missing. */
function inferFile(root: string, sourceFile: ts.SourceFile, symbols: SymbolModel[], checker: ts.TypeChecker, stage: {withLibrary: boolean; beyond?: Set<string>}): {inferred: InferredFile; needLibrary: Set<string>} {
  const byLine = new Map<number, ts.Node[]>();
  const visit = (node: ts.Node) => {
    if (ts.isVariableDeclaration(node) || ts.isFunctionDeclaration(node)) {
      const line = sourceFile.getLineAndCharacterOfPosition(node.getStart(sourceFile)).line + 1;
      byLine.set(line, [...(byLine.get(line) ?? []), node]);
    }
    if (ts.isSourceFile(node) || ts.isVariableStatement(node) || ts.isVariableDeclarationList(node) || ts.isModuleDeclaration(node) || ts.isModuleBlock(node)) ts.forEachChild(node, visit);
  };
  visit(sourceFile);
  const nameOf = (node: ts.Node) => ((ts.isVariableDeclaration(node) || ts.isFunctionDeclaration(node)) && node.name && ts.isIdentifier(node.name) ? node.name.text : 'default');
  const result: InferredFile = {};
  const needLibrary = new Set<string>();
  const {withLibrary, beyond} = stage;
  // With the ECMAScript part loaded, the rest of the library can help only code that names one of its globals.
  const helps = (node: ts.Node) => !beyond || namesGlobal(node, checker, beyond);
  for (const symbol of symbols) {
    const declared = symbol.id.slice(symbol.id.lastIndexOf('#') + 1).split('.').at(-1)!;
    const candidates = [...byLine.entries()].flatMap(([, nodes]) => nodes).filter((node) => nameOf(node) === declared);
    const node = candidates.find((candidate) => sourceFile.getLineAndCharacterOfPosition(candidate.getStart(sourceFile)).line + 1 === symbol.line) ?? candidates[0];
    if (!node) continue;
    try {
      if (symbol.kind === 'variable' && ts.isVariableDeclaration(node)) {
        const inferred = checker.getTypeAtLocation(node.name);
        if (needsLibrary(inferred, checker, {source: node.initializer, withLibrary}) && helps(node)) needLibrary.add(symbol.id);
        const type = printType(root, inferred, node, checker);
        if (type) result[symbol.id] = {type};
      } else {
        const signatures = functionSignatures(node, checker);
        const returns = (symbol.signatures ?? []).map((signature, i) => {
          if (signature.returns) return null;
          const found = signatures[i] ?? signatures[0];
          if (!found) return null;
          const returned = checker.getReturnTypeOfSignature(found);
          if (needsLibrary(returned, checker, {source: node, signature: found, withLibrary}) && helps(node)) needLibrary.add(symbol.id);
          return printType(root, returned, node, checker) ?? null;
        });
        if (returns.some((text) => text !== null)) result[symbol.id] = {returns};
      }
    } catch {
      // The checker can throw on code it cannot make sense of (broken syntax): show the type as written.
    }
  }
  return {inferred: result, needLibrary};
}

/** A function's call signatures: its declaration's, or (an arrow function in a const) its type's. */
function functionSignatures(node: ts.Node, checker: ts.TypeChecker): readonly ts.Signature[] {
  if (ts.isFunctionDeclaration(node)) {
    const symbol = node.name ? checker.getSymbolAtLocation(node.name) : undefined;
    const type = symbol ? checker.getTypeOfSymbolAtLocation(symbol, node) : checker.getTypeAtLocation(node);
    return type.getCallSignatures();
  }
  if (ts.isVariableDeclaration(node)) return checker.getTypeAtLocation(node.name).getCallSignatures();
  return [];
}

/**
 * The type as TypeDoc prints it (the checker's text, in full, aliases kept), made TypeText by
 * reading it back as a type: each name is a reference, linked when it names a declaration of ours.
 */
function printType(root: string, type: ts.Type, at: ts.Node, checker: ts.TypeChecker): TypeText | undefined {
  // `import("/abs/path").X` would publish a path of the machine: the name alone is what a reader needs.
  // The checker ends every member with `;` (`{ a: string; }`); TypeDoc shows `{ a: string }`.
  const printed = checker
    .typeToString(type, at, FLAGS)
    .replace(/(?:typeof )?import\("[^"]*"\)\.?/g, '')
    .replace(/; }/g, ' }');
  if (!printed) return undefined;
  const declarations = new Map<string, string>();
  collectDeclarations(root, type, checker, declarations, 0);
  const parsed = ts.createSourceFile('inferred.ts', `type T = ${printed};`, ts.ScriptTarget.Latest, true);
  const alias = parsed.statements[0];
  if (!alias || !ts.isTypeAliasDeclaration(alias)) return [printed];
  const text = typeText(alias.type, parsed) ?? [printed];
  return text.map((part) => {
    if (typeof part === 'string') return part;
    const id = declarations.get(part.name);
    return id ? {name: part.name, id} : {name: part.name};
  });
}

/** Name → symbol id of the declarations a type refers to (itself, its type arguments, union members...), when they are in the target. */
function collectDeclarations(root: string, type: ts.Type, checker: ts.TypeChecker, out: Map<string, string>, depth: number): void {
  if (depth > 4) return;
  for (const symbol of [type.aliasSymbol, type.getSymbol()]) {
    const declaration = symbol?.declarations?.[0];
    if (!symbol || !declaration) continue;
    const file = declaration.getSourceFile().fileName;
    if (!isInside(root, file) || file.split(/[\\/]/).includes('node_modules')) continue;
    const relative = path.relative(root, file).split(path.sep).join('/');
    if (!out.has(symbol.name)) out.set(symbol.name, `${relative}#${symbol.name}`);
  }
  const nested = [...(type.aliasTypeArguments ?? []), ...(type.isUnionOrIntersection() ? type.types : []), ...((type.flags & ts.TypeFlags.Object) !== 0 && ((type as ts.ObjectType).objectFlags & ts.ObjectFlags.Reference) !== 0 ? checker.getTypeArguments(type as ts.TypeReference) : [])];
  for (const inner of nested.slice(0, 32)) collectDeclarations(root, inner, checker, out, depth + 1);
}
