/**
 * Small readers over TypeScript's syntax tree shared by the extractors: lines, doc comments, string
 * literals, a file's imports. Syntax only (docs/adr/0015): no program, no type checker.
 */
import path from 'node:path';
import {ts} from 'ts-morph';

export interface ParsedFile {
  file: string;
  source: ts.SourceFile;
  /** Local name → where it comes from (`default` for a default import). */
  imports: Map<string, {specifier: string; name: string}>;
}

const JS = /\.(c|m)?jsx?$/;

function scriptKind(file: string): ts.ScriptKind {
  if (file.endsWith('.tsx')) return ts.ScriptKind.TSX;
  // Plain .js files of a React app hold JSX as often as not; the JSX parser reads plain JS too.
  if (JS.test(file)) return ts.ScriptKind.JSX;
  return ts.ScriptKind.TS;
}

export function parseSource(file: string, text: string): ParsedFile {
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true, scriptKind(file));
  const imports = new Map<string, {specifier: string; name: string}>();
  for (const statement of source.statements) {
    if (ts.isVariableStatement(statement)) readRequires(statement, imports);
    if (!ts.isImportDeclaration(statement) || !ts.isStringLiteral(statement.moduleSpecifier)) continue;
    const specifier = statement.moduleSpecifier.text;
    const clause = statement.importClause;
    if (clause?.name) imports.set(clause.name.text, {specifier, name: 'default'});
    const bindings = clause?.namedBindings;
    if (bindings && ts.isNamedImports(bindings)) {
      for (const element of bindings.elements) imports.set(element.name.text, {specifier, name: (element.propertyName ?? element.name).text});
    } else if (bindings && ts.isNamespaceImport(bindings)) {
      imports.set(bindings.name.text, {specifier, name: '*'});
    }
  }
  return {file, source, imports};
}

/** CommonJS: `const x = require('y')` and `const {a} = require('y')`, as imports. */
function readRequires(statement: ts.VariableStatement, imports: ParsedFile['imports']): void {
  for (const declaration of statement.declarationList.declarations) {
    const init = declaration.initializer;
    if (!init || !ts.isCallExpression(init) || !ts.isIdentifier(init.expression) || init.expression.text !== 'require') continue;
    const specifier = stringValue(init.arguments[0]);
    if (!specifier) continue;
    if (ts.isIdentifier(declaration.name)) imports.set(declaration.name.text, {specifier, name: 'default'});
    else if (ts.isObjectBindingPattern(declaration.name)) {
      for (const element of declaration.name.elements) {
        const key = element.propertyName ?? element.name;
        if (ts.isIdentifier(element.name) && ts.isIdentifier(key)) imports.set(element.name.text, {specifier, name: key.text});
      }
    }
  }
}

export function lineOf(node: ts.Node): number {
  const source = node.getSourceFile();
  return source.getLineAndCharacterOfPosition(node.getStart(source)).line + 1;
}

/** The text of a node as written, whitespace runs kept (it is shown in code or inline code). */
export function textOf(node: ts.Node): string {
  return node.getText(node.getSourceFile());
}

/** The first paragraph-level text of a node's JSDoc comment, tags left out. */
export function docOf(node: ts.Node): string | undefined {
  const docs = (node as {jsDoc?: ts.JSDoc[]}).jsDoc;
  const last = docs?.[docs.length - 1];
  if (!last?.comment) return undefined;
  const comment = typeof last.comment === 'string' ? last.comment : ts.getTextOfJSDocComment(last.comment);
  return comment?.trim() || undefined;
}

export function stringValue(node: ts.Node | undefined): string | undefined {
  return node && (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) ? node.text : undefined;
}

export const isPascalCase = (name: string) => /^\p{Lu}/u.test(name);

export function hasModifier(node: ts.Node, kind: ts.SyntaxKind): boolean {
  return ts.canHaveModifiers(node) && (ts.getModifiers(node)?.some((modifier) => modifier.kind === kind) ?? false);
}

/** The name a callee is known by: `forwardRef` for `React.forwardRef`, `get` for `router.get`. */
export function calleeName(expression: ts.Expression): string | undefined {
  if (ts.isIdentifier(expression)) return expression.text;
  if (ts.isPropertyAccessExpression(expression)) return expression.name.text;
  return undefined;
}

const EXTENSIONS = ['.tsx', '.ts', '.jsx', '.js', '.mts', '.mjs', '.cts', '.cjs'];

/**
 * The target file a relative import names, trying the extensions and `index` files a bundler would.
 * Bare specifiers (packages) and paths that leave the target answer undefined.
 */
export function resolveImport(from: string, specifier: string, files: ReadonlySet<string>): string | undefined {
  if (!specifier.startsWith('.')) return undefined;
  const base = path.posix.normalize(path.posix.join(path.posix.dirname(from), specifier));
  if (base.startsWith('..')) return undefined;
  // `./x.js` in TypeScript sources names `./x.ts`.
  const stem = base.replace(/\.(c|m)?jsx?$/, '');
  const candidates = [base, ...EXTENSIONS.map((ext) => stem + ext), ...EXTENSIONS.map((ext) => `${base}/index${ext}`)];
  return candidates.find((candidate) => files.has(candidate));
}
