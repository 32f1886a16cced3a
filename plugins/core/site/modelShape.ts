/**
 * The shape of a model type, as one canonical string: every property with its optionality and type,
 * followed through named types, unions sorted. Its hash, stored per model version, is how a test
 * notices a shape that changed without a version bump (docs/adr/0029). Test-only: it loads
 * TypeScript through ts-morph.
 */
import {Project, type Type, type Node} from 'ts-morph';

export function modelShape(project: Project, file: string, typeName: string): string {
  const source = project.addSourceFileAtPath(file);
  const declaration = source.getInterface(typeName) ?? source.getTypeAlias(typeName);
  if (!declaration) throw new Error(`${typeName} is not declared in ${file}`);
  const seen = new Set<string>();
  return shapeOf(declaration.getType(), declaration, seen);
}

function shapeOf(type: Type, at: Node, seen: Set<string>): string {
  if (type.isUnion()) {
    return type
      .getUnionTypes()
      .map((member) => shapeOf(member, at, seen))
      .sort()
      .join(' | ');
  }
  if (type.isArray()) return `${shapeOf(type.getArrayElementTypeOrThrow(), at, seen)}[]`;
  if (type.isTuple()) return `[${type.getTupleElements().map((element) => shapeOf(element, at, seen)).join(', ')}]`;
  if (!type.isObject() || type.getCallSignatures().length > 0) return type.getText(at);
  // A named type met again is written by name: models may be recursive.
  const name = type.getAliasSymbol()?.getName() ?? type.getSymbol()?.getName();
  const named = name && name !== '__type' && name !== '__object' ? name : undefined;
  if (named && seen.has(named)) return named;
  if (named) seen.add(named);
  const members = type
    .getProperties()
    .map((property) => `${property.getName()}${property.isOptional() ? '?' : ''}: ${shapeOf(property.getTypeAtLocation(at), at, seen)}`)
    .sort();
  const index = type.getStringIndexType();
  if (index) members.push(`[key: string]: ${shapeOf(index, at, seen)}`);
  return `${named ?? ''}{${members.join('; ')}}`;
}
