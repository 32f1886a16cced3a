/**
 * Finds the interface or type alias a name refers to, as a reader would: in the same file, else in
 * the file it is imported from, else the only declaration of that name in the app. Syntax only, so a
 * type from a package (`ButtonHTMLAttributes`) is not found and is reported by name.
 */
import {ts} from 'ts-morph';
import {docOf, resolveImport, textOf, type ParsedFile} from './syntax';

export type TypeDeclaration = ts.InterfaceDeclaration | ts.TypeAliasDeclaration;

export interface Member {
  name: string;
  type: string;
  optional: boolean;
  description?: string;
}

export interface TypeLookup {
  find(fromFile: string, name: string): {file: string; node: TypeDeclaration} | undefined;
  /** Members of a type node, following references, intersections and `extends`; names not found go to `unresolved`. */
  members(fromFile: string, node: ts.TypeNode | TypeDeclaration, unresolved: string[], depth?: number): Member[];
}

const MAX_DEPTH = 8;

export function createTypeLookup(files: readonly ParsedFile[]): TypeLookup {
  const byFile = new Map<string, Map<string, TypeDeclaration>>();
  const byName = new Map<string, {file: string; node: TypeDeclaration}[]>();
  const parsed = new Map(files.map((file) => [file.file, file]));
  const fileSet = new Set(parsed.keys());
  for (const {file, source} of files) {
    const own = new Map<string, TypeDeclaration>();
    for (const statement of source.statements) {
      if (ts.isInterfaceDeclaration(statement) || ts.isTypeAliasDeclaration(statement)) {
        own.set(statement.name.text, statement);
        byName.set(statement.name.text, [...(byName.get(statement.name.text) ?? []), {file, node: statement}]);
      }
    }
    byFile.set(file, own);
  }

  const find: TypeLookup['find'] = (fromFile, name) => {
    const local = byFile.get(fromFile)?.get(name);
    if (local) return {file: fromFile, node: local};
    const imported = parsed.get(fromFile)?.imports.get(name);
    if (imported) {
      const target = resolveImport(fromFile, imported.specifier, fileSet);
      const node = target ? byFile.get(target)?.get(imported.name) : undefined;
      if (target && node) return {file: target, node};
    }
    const all = byName.get(name);
    return all?.length === 1 ? all[0] : undefined;
  };

  const members: TypeLookup['members'] = (fromFile, node, unresolved, depth = 0) => {
    if (depth > MAX_DEPTH) return [];
    if (ts.isInterfaceDeclaration(node)) {
      const inherited = (node.heritageClauses ?? []).flatMap((clause) => clause.types.flatMap((type) => referenceMembers(fromFile, type.expression, type, unresolved, depth)));
      return merge(inherited, node.members.flatMap(memberOf));
    }
    if (ts.isTypeAliasDeclaration(node)) return members(fromFile, node.type, unresolved, depth + 1);
    if (ts.isTypeLiteralNode(node)) return node.members.flatMap(memberOf);
    if (ts.isIntersectionTypeNode(node)) return node.types.reduce<Member[]>((all, part) => merge(all, members(fromFile, part, unresolved, depth + 1)), []);
    if (ts.isParenthesizedTypeNode(node)) return members(fromFile, node.type, unresolved, depth + 1);
    if (ts.isTypeReferenceNode(node)) return referenceMembers(fromFile, node.typeName, node, unresolved, depth);
    unresolved.push(textOf(node));
    return [];
  };

  function referenceMembers(fromFile: string, name: ts.Node, whole: ts.Node, unresolved: string[], depth: number): Member[] {
    const simple = ts.isIdentifier(name) ? name.text : ts.isQualifiedName(name) ? name.right.text : ts.isPropertyAccessExpression(name) ? name.name.text : undefined;
    const typeArguments = (whole as {typeArguments?: ts.NodeArray<ts.TypeNode>}).typeArguments;
    // React's wrappers add `children` to the props they wrap.
    if (simple === 'PropsWithChildren' && typeArguments?.[0]) {
      return merge(members(fromFile, typeArguments[0], unresolved, depth + 1), [{name: 'children', type: 'ReactNode', optional: true}]);
    }
    const found = simple && ts.isIdentifier(name) ? find(fromFile, simple) : undefined;
    if (found) return members(found.file, found.node, unresolved, depth + 1);
    unresolved.push(textOf(whole));
    return [];
  }

  return {find, members};
}

/** Later members replace earlier ones of the same name (an interface overriding what it extends). */
function merge(first: Member[], second: Member[]): Member[] {
  const names = new Set(second.map((member) => member.name));
  return [...first.filter((member) => !names.has(member.name)), ...second];
}

function memberOf(member: ts.TypeElement): Member[] {
  const name = member.name && (ts.isIdentifier(member.name) || ts.isStringLiteral(member.name) || ts.isPrivateIdentifier(member.name)) ? member.name.text : undefined;
  if (!name) return [];
  const optional = member.questionToken !== undefined;
  const description = docOf(member);
  if (ts.isPropertySignature(member)) return [{name, type: member.type ? textOf(member.type) : 'any', optional, ...(description ? {description} : {})}];
  if (ts.isMethodSignature(member)) {
    const type = `(${member.parameters.map(textOf).join(', ')}) => ${member.type ? textOf(member.type) : 'void'}`;
    return [{name, type, optional, ...(description ? {description} : {})}];
  }
  return [];
}
