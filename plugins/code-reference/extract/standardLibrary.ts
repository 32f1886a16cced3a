/**
 * TypeScript's standard library (`lib.es2022.d.ts`, `lib.dom.d.ts`...) for the inferred-types checker,
 * and how to tell an answer that needs it (ADR 0057, "The cheaper form").
 *
 * ts-morph's bundled compiler points its default library folder at `@ts-morph/common/dist`, where no
 * `.d.ts` exists on disk: a Program built as usual knows no `RegExp`, `Promise` or `Array` method.
 * Parsing and binding the library costs about a second cold (rxjs: ES2022 and the DOM), so the checker
 * is asked without it first, and again with it only about the declarations whose first answer shows
 * that a global was missing.
 */
import {createRequire} from 'node:module';
import path from 'node:path';
import {ts} from 'ts-morph';

/** Where the library files are served from: a folder that exists nowhere, so the host still reads nothing else outside the target. */
export const LIB_FOLDER = '/__docs-architect__/typescript/lib';

let libTexts: Map<string, string> | undefined;
/** Parsed library files, by name and language version: parsed once per process, as every Program shares them read-only. */
const libTrees = new Map<string, ts.SourceFile>();

/** The library files this process has parsed, sorted: a test checks that a run needing none parses none. */
export function parsedLibraries(): string[] {
  return [...new Set([...libTrees.keys()].map((key) => path.posix.basename(key.slice(0, key.lastIndexOf(':')))))].sort();
}

/**
 * The compiler options of each library stage, cheapest first: the ECMAScript part of what the target
 * names (`lib`, else its `target`'s default), then, when it names more (the DOM, a worker's
 * globals), all of it. The DOM is 1.9 MB of the 2 MB and is rarely what an inferred type needs.
 */
export function libraryStages(options: ts.CompilerOptions): ts.CompilerOptions[] {
  const ecmascript = (name: string) => /^lib\.(es\d|esnext|decorators)/.test(name);
  if (options.lib) {
    const core = options.lib.filter(ecmascript);
    return core.length > 0 && core.length < options.lib.length ? [{...options, lib: core}, options] : [options];
  }
  // The default library: `lib.es2022.full.d.ts` is `lib.es2022.d.ts` and the DOM; `lib.d.ts`, ES5's.
  const fallback = ts.getDefaultLibFileName(options);
  const core = fallback === 'lib.d.ts' ? 'lib.es5.d.ts' : fallback.replace(/\.full\.d\.ts$/, '.d.ts');
  return core === fallback ? [options] : [{...options, lib: [core]}, options];
}

/** A library file's text when `fileName` is one under LIB_FOLDER, from ts-morph's in-memory copy. */
export function libText(fileName: string): string | undefined {
  if (!fileName.startsWith(`${LIB_FOLDER}/`)) return undefined;
  if (!libTexts) {
    // ts-morph's own copy, resolved from ts-morph, so it always matches the bundled compiler's version.
    const common = createRequire(require.resolve('ts-morph'))('@ts-morph/common') as {getLibFiles(): {fileName: string; text: string}[]};
    libTexts = new Map(common.getLibFiles().map((file) => [file.fileName, file.text]));
  }
  return libTexts.get(fileName.slice(LIB_FOLDER.length + 1));
}

/** The parsed library file `fileName`, or undefined when it is not one. */
export function libTree(fileName: string, languageVersion: ts.ScriptTarget | ts.CreateSourceFileOptions): ts.SourceFile | undefined {
  const text = libText(fileName);
  if (text === undefined) return undefined;
  const version = typeof languageVersion === 'object' ? languageVersion.languageVersion : languageVersion;
  const key = `${fileName}:${version}`;
  let tree = libTrees.get(key);
  if (!tree) libTrees.set(key, (tree = ts.createSourceFile(fileName, text, languageVersion)));
  return tree;
}

/** Points a compiler host at the library files: `lib`/`target` resolve under LIB_FOLDER, as `tsc` would resolve them in its own folder. */
export function serveLibrary(host: ts.CompilerHost): void {
  const fileExists = host.fileExists.bind(host);
  const readFile = host.readFile.bind(host);
  const directoryExists = host.directoryExists?.bind(host);
  const getSourceFile = host.getSourceFile.bind(host);
  host.getDefaultLibLocation = () => LIB_FOLDER;
  host.getDefaultLibFileName = (options) => `${LIB_FOLDER}/${ts.getDefaultLibFileName(options)}`;
  host.fileExists = (file) => libText(file) !== undefined || fileExists(file);
  host.readFile = (file) => libText(file) ?? readFile(file);
  host.directoryExists = (dir) => dir === LIB_FOLDER || (directoryExists ? directoryExists(dir) : true);
  host.getSourceFile = (fileName, languageVersion, onError, shouldCreate) => libTree(fileName, languageVersion) ?? getSourceFile(fileName, languageVersion, onError, shouldCreate);
}

/**
 * Whether an answer shows that a global was missing, read from the types
 * themselves, not from the printed text. Without its library the checker answers in three ways, and
 * only these: TypeScript's error type (a name it cannot resolve, `new RegExp()`, `document`, or a
 * member of a type it lacks, `[1].map`, `'a'.length`); its empty object type, which stands for a global
 * type it could not find (an array or regular expression literal, a generator: printed `{}`, and unlike
 * a `{}` written in the code it has no symbol); and, for an async function or a generator whose
 * return type is not written, `unknown` or an error where a `Promise` or `Generator` belongs. So the
 * type is walked as `typeToString` prints it (a named type by its type arguments only, an anonymous
 * one by its members and signatures) for the first two, and every signature met is checked for the
 * third. An `unknown` the walk meets counts only when `source` (the initializer or the function) calls
 * such a function, directly or through functions whose return type is not written either: that is
 * how the value of one becomes `unknown` (`const data = load()`), where no signature is left to see,
 * while an `unknown` the code means (`(value: unknown) => value`) is left alone. An error type from an
 * import that does not resolve is asked again too, for nothing: that costs time, never output.
 * Asked of an answer given with the library's ECMAScript part (`withLibrary`), only the error type and
 * the empty stand-in count: they are what a DOM name (`document`, `HTMLElement`) leaves.
 */
export function needsLibrary(type: ts.Type, checker: ts.TypeChecker, at: {source?: ts.Node; signature?: ts.Signature; withLibrary: boolean}): boolean {
  // With a library, async functions have their `Promise` (or, under a library without one, an error).
  const lost = (sig: ts.Signature) => !at.withLibrary && asyncOrGenerator(sig);
  const seen = new Set<ts.Type>();
  let budget = 2000;
  const anyType = checker.getAnyType();
  const unknownType = checker.getUnknownType();
  let callsAsync: boolean | undefined;
  const missingGlobal = (inner: ts.Type) =>
    ((inner.flags & ts.TypeFlags.Any) !== 0 && inner !== anyType) || (inner === unknownType && !at.withLibrary && (callsAsync ??= at.source !== undefined && reachesAsync(at.source, checker)));
  const visitSignature = (sig: ts.Signature): boolean =>
    lost(sig) || sig.getParameters().some((parameter) => visit(checker.getTypeOfSymbol(parameter))) || visit(checker.getReturnTypeOfSignature(sig));
  const visit = (inner: ts.Type): boolean => {
    if (seen.has(inner) || --budget < 0) return false;
    seen.add(inner);
    if (missingGlobal(inner)) return true;
    // A named alias prints as its name and type arguments.
    if (inner.aliasSymbol) return (inner.aliasTypeArguments ?? []).some(visit);
    if (inner.isUnionOrIntersection()) return inner.types.some(visit);
    if ((inner.flags & ts.TypeFlags.Object) === 0) return false;
    const objectFlags = (inner as ts.ObjectType).objectFlags;
    if ((objectFlags & ts.ObjectFlags.Reference) !== 0) return checker.getTypeArguments(inner as ts.TypeReference).some(visit);
    if ((objectFlags & ts.ObjectFlags.Anonymous) === 0 && (objectFlags & ts.ObjectFlags.Mapped) === 0) return false;
    const properties = checker.getPropertiesOfType(inner);
    const calls = inner.getCallSignatures();
    const constructs = inner.getConstructSignatures();
    const indexes = checker.getIndexInfosOfType(inner);
    // The checker's stand-in for a global type it could not find: anonymous, symbol-less, empty.
    if (!inner.getSymbol() && properties.length === 0 && calls.length === 0 && constructs.length === 0 && indexes.length === 0) return true;
    // A class or function value prints as `typeof Name`: its members are not printed.
    const symbol = inner.getSymbol();
    if (symbol && (symbol.flags & (ts.SymbolFlags.Class | ts.SymbolFlags.Enum | ts.SymbolFlags.ValueModule | ts.SymbolFlags.Function)) !== 0 && symbol.name !== '__function') return false;
    return (
      properties.some((property) => visit(checker.getTypeOfSymbol(property))) ||
      [...calls, ...constructs].some(visitSignature) ||
      indexes.some((index) => visit(index.type))
    );
  };
  return (at.signature !== undefined && lost(at.signature)) || visit(type);
}

/** A signature of an async function or a generator whose return type is not written: without the library its return type is lost. */
function asyncOrGenerator(signature: ts.Signature): boolean {
  const declaration = signature.getDeclaration() as ts.SignatureDeclaration | undefined;
  if (!declaration || declaration.type || !ts.isFunctionLike(declaration)) return false;
  const generator = 'asteriskToken' in declaration && Boolean(declaration.asteriskToken);
  return generator || (ts.getCombinedModifierFlags(declaration as ts.Declaration) & ts.ModifierFlags.Async) !== 0;
}

/** Whether code calls an async function or a generator whose return type is not written, itself or through functions without a written return type (three calls deep). */
function reachesAsync(source: ts.Node, checker: ts.TypeChecker): boolean {
  const visited = new Set<ts.Node>();
  let budget = 5000;
  const search = (node: ts.Node, depth: number): boolean => {
    if (--budget < 0) return false;
    if (ts.isCallExpression(node) || ts.isNewExpression(node) || ts.isTaggedTemplateExpression(node)) {
      const signature = checker.getResolvedSignature(node);
      if (signature && asyncOrGenerator(signature)) return true;
      const declaration = signature?.getDeclaration();
      if (depth < 3 && declaration && !declaration.type && ts.isFunctionLike(declaration) && !visited.has(declaration)) {
        visited.add(declaration);
        if (search(declaration, depth + 1)) return true;
      }
    }
    return ts.forEachChild(node, (child) => search(child, depth)) ?? false;
  };
  return search(source, 0);
}

const globalsCache = new Map<string, Set<string>>();

/**
 * The global names the library files of `options` declare beyond its ECMAScript part (the DOM's
 * `document`, `HTMLElement`...), read from their text without parsing it (the DOM is 1.9 MB): the
 * top-level `declare var`/`function`, `interface`, `type` and `declare namespace` of each file, and of
 * the files it references with `/// <reference lib>`.
 */
export function globalsBeyond(options: ts.CompilerOptions): Set<string> {
  const roots = options.lib ?? [ts.getDefaultLibFileName(options)];
  const key = roots.join(',');
  let names = globalsCache.get(key);
  if (names) return names;
  names = new Set<string>();
  const queue = roots.filter((name) => !/^lib\.(es\d|esnext|decorators)/.test(name));
  const seen = new Set(queue);
  while (queue.length > 0) {
    const text = libText(`${LIB_FOLDER}/${queue.pop()!}`) ?? '';
    for (const match of text.matchAll(/^(?:declare\s+(?:var|let|const|function|class|namespace)|interface|type)\s+([A-Za-z_$][\w$]*)/gm)) names.add(match[1]!);
    for (const match of text.matchAll(/^\/\/\/\s*<reference\s+lib="([^"]+)"/gm)) {
      const file = `lib.${match[1]!.toLowerCase()}.d.ts`;
      if (seen.has(file) || /^lib\.(es\d|esnext|decorators)/.test(file)) continue;
      seen.add(file);
      queue.push(file);
    }
  }
  globalsCache.set(key, names);
  return names;
}

/**
 * Whether code names, unresolved, one of `names`: in itself, in the functions it calls and the
 * variables it reads whose types are not written (three steps deep), where its type comes from.
 */
export function namesGlobal(source: ts.Node, checker: ts.TypeChecker, names: Set<string>): boolean {
  const visited = new Set<ts.Node>();
  let budget = 20_000;
  const follow = (declaration: ts.Node | undefined, depth: number): boolean => {
    if (!declaration || depth >= 3 || visited.has(declaration) || declaration.getSourceFile().isDeclarationFile) return false;
    visited.add(declaration);
    if (ts.isVariableDeclaration(declaration)) return !declaration.type && declaration.initializer !== undefined && search(declaration.initializer, depth + 1);
    return ts.isFunctionLike(declaration) && !declaration.type && search(declaration, depth + 1);
  };
  const search = (node: ts.Node, depth: number): boolean => {
    if (--budget < 0) return false;
    if (ts.isIdentifier(node)) {
      const member = ts.isPropertyAccessExpression(node.parent) && node.parent.name === node;
      const found = member ? undefined : checker.getSymbolAtLocation(node);
      const symbol = found && (found.flags & ts.SymbolFlags.Alias) !== 0 ? checker.getAliasedSymbol(found) : found;
      if (!member && names.has(node.text) && !found) return true;
      const declaration = symbol?.valueDeclaration;
      return declaration !== undefined && declaration !== node.parent && follow(declaration, depth);
    }
    if (ts.isCallExpression(node) || ts.isNewExpression(node)) {
      const declaration = checker.getResolvedSignature(node)?.getDeclaration();
      if (declaration && follow(declaration, depth)) return true;
    }
    return ts.forEachChild(node, (child) => search(child, depth)) ?? false;
  };
  return search(source, 0);
}
