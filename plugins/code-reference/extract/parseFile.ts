/**
 * Reads one file's facts from its syntax tree: top-level declarations (and those of its namespaces),
 * imports and exports. TypeScript's parser is error-tolerant, so a file with syntax errors still
 * yields everything it could parse, and the errors are recorded for a warning.
 */
import {ts} from 'ts-morph';
import type {DocModel} from '../model';
import {DeclarationReader, single} from './declarations';
import type {DeclFacts, ExportStatement, FileFacts, ImportBinding, ScopeFacts} from './facts';
import {parseDocComment, type ParsedDoc} from './jsdoc';
import {declaredName, valueText} from './valueText';

const JS = /\.(c|m)?jsx?$/;

function scriptKind(file: string): ts.ScriptKind {
  if (file.endsWith('.tsx')) return ts.ScriptKind.TSX;
  if (file.endsWith('.jsx')) return ts.ScriptKind.JSX;
  return JS.test(file) ? ts.ScriptKind.JS : ts.ScriptKind.TS;
}

function hasModifier(node: ts.Node, kind: ts.SyntaxKind): boolean {
  return ts.canHaveModifiers(node) && (ts.getModifiers(node)?.some((modifier) => modifier.kind === kind) ?? false);
}

/** @param keep receives the syntax tree, for a caller that will build a Program over the same files (inferTypes) */
export function parseFile(file: string, text: string, keep?: (sourceFile: ts.SourceFile) => void): FileFacts {
  const sourceFile = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true, scriptKind(file));
  keep?.(sourceFile);
  const reader = new DeclarationReader(sourceFile);
  const facts: FileFacts = {file, syntaxErrors: [], imports: [], exports: [], scopes: {}};
  // parseDiagnostics is not in TypeScript's public typings, but it is where the parser keeps its errors:
  // asking a Program for them would mean building one.
  const diagnostics = (sourceFile as unknown as {parseDiagnostics?: ts.DiagnosticWithLocation[]}).parseDiagnostics ?? [];
  facts.syntaxErrors = diagnostics.slice(0, 5).map((diagnostic) => ({
    line: sourceFile.getLineAndCharacterOfPosition(diagnostic.start).line + 1,
    message: ts.flattenDiagnosticMessageText(diagnostic.messageText, ' '),
  }));
  facts.moduleDoc = moduleDoc(sourceFile);
  readScope(reader, sourceFile.statements, '', facts, true, JS.test(file));
  return facts;
}

/**
 * The file's own comment: one tagged `@packageDocumentation` or `@module`, else a comment before the
 * first statement when that statement is an import or re-export (a declaration would own it).
 */
function moduleDoc(sourceFile: ts.SourceFile): DocModel | undefined {
  const first = sourceFile.statements[0];
  if (!first) return undefined;
  // Imports carry no JSDoc in TypeScript's tree, so the comments before the first statement are read as text.
  const comments = (ts.getLeadingCommentRanges(sourceFile.text, first.pos) ?? [])
    .filter((range) => sourceFile.text.startsWith('/**', range.pos))
    .map((range) => parseDocComment(sourceFile.text.slice(range.pos, range.end)));
  const tagged = comments.find((comment) => comment.isModuleDoc);
  if (tagged) return tagged.doc;
  const isPreamble = ts.isImportDeclaration(first) || ts.isImportEqualsDeclaration(first) || (ts.isExportDeclaration(first) && first.moduleSpecifier !== undefined);
  // Before a declaration, the last comment is the declaration's; an earlier one is the file's.
  const own = isPreamble ? comments[0] : comments.length > 1 ? comments[0] : undefined;
  return own?.doc;
}

function specifierOf(node: ts.Expression | undefined): string | undefined {
  return node && ts.isStringLiteralLike(node) ? node.text : undefined;
}

function readScope(reader: DeclarationReader, statements: readonly ts.Statement[], scope: string, facts: FileFacts, isFile: boolean, isJs: boolean): void {
  const scopeFacts: ScopeFacts = (facts.scopes[scope] ??= {declarations: [], exported: []});
  // Overloads gather under their first declaration, kept with it so that finishing them is one lookup per
  // function (a search of the scope per function was quadratic in a file's exports).
  const functions = new Map<string, {decl: DeclFacts; nodes: ts.FunctionDeclaration[]}>();
  const exportName = (node: ts.Node, name: string) => {
    const exported = hasModifier(node, ts.SyntaxKind.ExportKeyword);
    if (!exported) return;
    const line = reader.line(node);
    if (!isFile) scopeFacts.exported.push(name);
    else if (hasModifier(node, ts.SyntaxKind.DefaultKeyword)) facts.exports.push({kind: 'local', name: 'default', local: name, line});
    else facts.exports.push({kind: 'local', name, local: name, line});
  };
  const add = (decl: DeclFacts) => scopeFacts.declarations.push(decl);

  for (const statement of statements) {
    if (isJs) readTypedefs(reader, statement, scope, scopeFacts, facts, isFile);
    if (ts.isImportDeclaration(statement) && isFile) {
      readImport(reader, statement, facts.imports);
    } else if (ts.isImportEqualsDeclaration(statement) && isFile && ts.isExternalModuleReference(statement.moduleReference)) {
      const specifier = specifierOf(statement.moduleReference.expression);
      if (specifier) facts.imports.push({local: statement.name.text, specifier, name: '*', line: reader.line(statement)});
    } else if (ts.isExportDeclaration(statement)) {
      readExport(reader, statement, facts.exports, scopeFacts, isFile);
    } else if (ts.isExportAssignment(statement)) {
      const line = reader.line(statement);
      if (ts.isIdentifier(statement.expression)) {
        facts.exports.push({kind: 'local', name: 'default', local: statement.expression.text, line});
      } else {
        add(expressionDeclaration(reader, statement, scope));
        facts.exports.push({kind: 'local', name: 'default', local: 'default', line});
      }
    } else if (ts.isFunctionDeclaration(statement)) {
      const name = statement.name?.text ?? 'default';
      const overloads = functions.get(name);
      if (overloads) {
        overloads.nodes.push(statement);
        continue;
      }
      const decl: DeclFacts = {...reader.base(name, 'function', scope, statement, reader.doc(statement)), signatures: []};
      functions.set(name, {decl, nodes: [statement]});
      add(decl);
      exportName(statement, name);
    } else if (ts.isClassDeclaration(statement)) {
      const name = statement.name?.text ?? 'default';
      add(classDeclaration(reader, statement, name, scope));
      exportName(statement, name);
    } else if (ts.isInterfaceDeclaration(statement)) {
      const parsed = reader.doc(statement);
      const extended = statement.heritageClauses?.flatMap((clause) => clause.types.map((type) => reader.type(type) ?? []));
      add({
        ...reader.base(statement.name.text, 'interface', scope, statement, parsed),
        ...optional('typeParameters', reader.typeParameters(statement, parsed)),
        ...(extended?.length ? {extends: extended} : {}),
        members: reader.typeMembers(statement.members),
      });
      exportName(statement, statement.name.text);
    } else if (ts.isTypeAliasDeclaration(statement)) {
      const parsed = reader.doc(statement);
      const members = ts.isTypeLiteralNode(statement.type) ? reader.typeMembers(statement.type.members) : undefined;
      add({
        ...reader.base(statement.name.text, 'type', scope, statement, parsed),
        ...optional('typeParameters', reader.typeParameters(statement, parsed)),
        ...optional('type', reader.type(statement.type)),
        ...(members?.length ? {members} : {}),
      });
      exportName(statement, statement.name.text);
    } else if (ts.isEnumDeclaration(statement)) {
      const parsed = reader.doc(statement);
      add({
        ...reader.base(statement.name.text, 'enum', scope, statement, parsed),
        members: statement.members.map((member) => {
          const doc = reader.doc(member);
          const value = valueText(member.initializer, reader.sourceFile, [statement.name.text, ...declaredName(member)]);
          return {
            name: member.name.getText(reader.sourceFile).replace(/^["']|["']$/g, ''),
            kind: 'enum-member' as const,
            line: reader.line(member),
            ...(value ? {value} : {}),
            ...(doc?.doc ? {doc: doc.doc} : {}),
            ...(doc?.internal ? {internal: true} : {}),
          };
        }),
      });
      exportName(statement, statement.name.text);
    } else if (ts.isModuleDeclaration(statement) && ts.isIdentifier(statement.name)) {
      readNamespace(reader, statement, scope, facts, scopeFacts);
      exportName(statement, statement.name.text);
    } else if (ts.isVariableStatement(statement)) {
      for (const decl of readVariables(reader, statement, scope)) {
        add(decl);
        exportName(statement, decl.name);
      }
    }
  }
  for (const {decl, nodes: declarations} of functions.values()) {
    const parsed = declarations.map((node) => reader.doc(node)).find((doc) => doc?.doc);
    decl.signatures = reader.signatures(declarations, parsed);
    if (!decl.doc && parsed?.doc) decl.doc = parsed.doc;
    if (declarations.some((node) => reader.doc(node)?.internal)) decl.internal = true;
  }
}

function optional<K extends string, V>(key: K, value: V | undefined): {[P in K]?: V} {
  return (value === undefined ? {} : {[key]: value}) as {[P in K]?: V};
}

function readImport(reader: DeclarationReader, statement: ts.ImportDeclaration, imports: ImportBinding[]): void {
  const specifier = specifierOf(statement.moduleSpecifier);
  const clause = statement.importClause;
  if (!specifier || !clause) return;
  const line = reader.line(statement);
  if (clause.name) imports.push({local: clause.name.text, specifier, name: 'default', line});
  const bindings = clause.namedBindings;
  if (bindings && ts.isNamespaceImport(bindings)) imports.push({local: bindings.name.text, specifier, name: '*', line});
  if (bindings && ts.isNamedImports(bindings)) {
    for (const element of bindings.elements) {
      imports.push({local: element.name.text, specifier, name: (element.propertyName ?? element.name).text, line});
    }
  }
}

function readExport(reader: DeclarationReader, statement: ts.ExportDeclaration, exports: ExportStatement[], scopeFacts: ScopeFacts, isFile: boolean): void {
  const specifier = specifierOf(statement.moduleSpecifier);
  const line = reader.line(statement);
  const clause = statement.exportClause;
  if (!isFile) {
    if (clause && ts.isNamedExports(clause)) scopeFacts.exported.push(...clause.elements.map((element) => element.name.text));
    return;
  }
  if (!clause) {
    if (specifier) exports.push({kind: 'star', specifier, line});
  } else if (ts.isNamespaceExport(clause)) {
    if (specifier) exports.push({kind: 'namespace', name: clause.name.text, specifier, line});
  } else {
    for (const element of clause.elements) {
      const local = (element.propertyName ?? element.name).text;
      if (specifier) exports.push({kind: 'from', name: element.name.text, imported: local, specifier, line});
      else exports.push({kind: 'local', name: element.name.text, local, line});
    }
  }
}

function classDeclaration(reader: DeclarationReader, node: ts.ClassLikeDeclaration, name: string, scope: string): DeclFacts {
  const parsed = reader.doc(node);
  const heritage = (kind: ts.SyntaxKind) =>
    node.heritageClauses?.filter((clause) => clause.token === kind).flatMap((clause) => clause.types.map((type) => reader.type(type) ?? []));
  const extended = heritage(ts.SyntaxKind.ExtendsKeyword);
  const implemented = heritage(ts.SyntaxKind.ImplementsKeyword);
  const decorators = reader.decorators(node);
  return {
    ...reader.base(name, 'class', scope, node, parsed),
    ...optional('typeParameters', reader.typeParameters(node, parsed)),
    ...(extended?.length ? {extends: extended} : {}),
    ...(implemented?.length ? {implements: implemented} : {}),
    ...(hasModifier(node, ts.SyntaxKind.AbstractKeyword) ? {abstract: true} : {}),
    ...(decorators ? {decorators} : {}),
    members: reader.classMembers(node),
  };
}

function readNamespace(reader: DeclarationReader, node: ts.ModuleDeclaration, scope: string, facts: FileFacts, parent: ScopeFacts): void {
  const name = (node.name as ts.Identifier).text;
  const body = scope ? `${scope}.${name}` : name;
  // Namespaces merge: a second `namespace A {}` adds to the first one's scope.
  let bodyScope = facts.scopes[body];
  if (!bodyScope) {
    parent.declarations.push({...reader.base(name, 'namespace', scope, node, reader.doc(node)), body});
    bodyScope = facts.scopes[body] = {declarations: [], exported: []};
  }
  const inner = node.body;
  // `namespace A.B {}` is `namespace A { export namespace B {} }`.
  if (inner && ts.isModuleDeclaration(inner) && ts.isIdentifier(inner.name)) {
    readNamespace(reader, inner, body, facts, bodyScope);
    bodyScope.exported.push(inner.name.text);
    return;
  }
  if (!inner || !ts.isModuleBlock(inner)) return;
  readScope(reader, inner.statements, body, facts, false, false);
  // In a `declare namespace`, every member is exported.
  if (isAmbient(node)) {
    bodyScope.exported = [...new Set([...bodyScope.exported, ...bodyScope.declarations.map((decl) => decl.name)])];
  }
}

function isAmbient(node: ts.Node): boolean {
  if (node.getSourceFile().isDeclarationFile) return true;
  for (let current: ts.Node | undefined = node; current && !ts.isSourceFile(current); current = current.parent) {
    if (hasModifier(current, ts.SyntaxKind.DeclareKeyword)) return true;
  }
  return false;
}

function readVariables(reader: DeclarationReader, statement: ts.VariableStatement, scope: string): DeclFacts[] {
  const list = statement.declarationList;
  const declaration = list.flags & ts.NodeFlags.Const ? 'const' : list.flags & ts.NodeFlags.Let ? 'let' : 'var';
  const parsed = reader.doc(statement);
  const out: DeclFacts[] = [];
  for (const variable of list.declarations) {
    if (!ts.isIdentifier(variable.name)) continue;
    const name = variable.name.text;
    const initializer = variable.initializer && skipParentheses(variable.initializer);
    if (!variable.type && initializer && (ts.isArrowFunction(initializer) || ts.isFunctionExpression(initializer))) {
      out.push({...reader.base(name, 'function', scope, variable, parsed), signatures: single([reader.signature(initializer, parsed)])});
      continue;
    }
    if (!variable.type && initializer && ts.isClassExpression(initializer)) {
      out.push({...classDeclaration(reader, initializer, name, scope), line: reader.line(variable)});
      continue;
    }
    const type = reader.evidentType(variable.type, initializer, declaration === 'const', variable);
    const value = declaration === 'const' && !variable.type ? valueText(initializer, reader.sourceFile, [name]) : undefined;
    out.push({
      ...reader.base(name, 'variable', scope, variable, parsed),
      declaration,
      ...(type ? {type} : {}),
      ...(value && !type ? {value} : {}),
    });
  }
  return out;
}

function skipParentheses(expression: ts.Expression): ts.Expression {
  let current = expression;
  while (ts.isParenthesizedExpression(current)) current = current.expression;
  return current;
}

/** `export default <expression>`: a function, a class, or a value. Named `default` until linked. */
function expressionDeclaration(reader: DeclarationReader, node: ts.ExportAssignment, scope: string): DeclFacts {
  const parsed: ParsedDoc | undefined = reader.doc(node);
  const expression = skipParentheses(node.expression);
  if (ts.isArrowFunction(expression) || ts.isFunctionExpression(expression)) {
    return {...reader.base('default', 'function', scope, node, parsed), signatures: single([reader.signature(expression, parsed)])};
  }
  if (ts.isClassExpression(expression)) return classDeclaration(reader, expression, 'default', scope);
  const type = reader.evidentType(undefined, expression, true, node);
  const value = type ? undefined : valueText(expression, reader.sourceFile, []);
  return {...reader.base('default', 'variable', scope, node, parsed), declaration: 'const', ...(type ? {type} : {}), ...(value ? {value} : {})};
}

/** JavaScript `@typedef` and `@callback` tags declare types, exported from a module. */
function readTypedefs(reader: DeclarationReader, statement: ts.Statement, scope: string, scopeFacts: ScopeFacts, facts: FileFacts, isFile: boolean): void {
  const docs = (statement as unknown as {jsDoc?: ts.JSDoc[]}).jsDoc ?? [];
  for (const tag of docs.flatMap((doc) => doc.tags ?? [])) {
    if (!ts.isJSDocTypedefTag(tag) && !ts.isJSDocCallbackTag(tag)) continue;
    const name = tag.name && ts.isIdentifier(tag.name) ? tag.name.text : undefined;
    if (!name) continue;
    const comment = typeof tag.comment === 'string' ? tag.comment : ts.getTextOfJSDocComment(tag.comment);
    const type = tag.typeExpression && !ts.isJSDocTypeLiteral(tag.typeExpression) ? reader.type(tag.typeExpression) : undefined;
    scopeFacts.declarations.push({
      name,
      kind: 'type',
      scope,
      line: reader.line(tag),
      ...(comment ? {doc: {summary: comment}} : {}),
      ...(type ? {type} : {type: ['object']}),
    });
    if (isFile) facts.exports.push({kind: 'local', name, local: name, line: reader.line(tag)});
  }
}
