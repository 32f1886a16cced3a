/**
 * Type text as written, on one line, with the names in it kept apart (TypeText) so that render can
 * link each to its symbol. It walks the tokens of the type node, so comments drop out and any run of
 * whitespace becomes one space, without re-printing (and so re-formatting) what the author wrote.
 */
import {ts} from 'ts-morph';
import {HIDDEN_SECRET, looksLikeSecret} from '../../core/secrets';
import type {TypeText} from '../model';

function isLeaf(node: ts.Node, sourceFile: ts.SourceFile): boolean {
  return node.kind < ts.SyntaxKind.FirstNode || node.getChildCount(sourceFile) === 0;
}

/** The entity names a type refers to: `Foo`, `ns.Foo` in `ns.Foo<T>`, `x` in `typeof x`. */
function referencedName(node: ts.Node): ts.Node | undefined {
  if (ts.isTypeReferenceNode(node)) return node.typeName;
  if (ts.isExpressionWithTypeArguments(node)) return node.expression;
  if (ts.isTypeQueryNode(node)) return node.exprName;
  return undefined;
}

export function typeText(node: ts.Node | undefined, sourceFile: ts.SourceFile): TypeText | undefined {
  if (!node) return undefined;
  const out: TypeText = [];
  let last: ts.Node | undefined;
  const push = (value: string | {name: string}, from: ts.Node) => {
    if (last && (from.getFullStart() < from.getStart(sourceFile) || last.end < from.getFullStart()) && out.length > 0) {
      appendText(out, ' ');
    }
    if (typeof value === 'string') appendText(out, value);
    else out.push(value);
    last = from;
  };
  const visit = (current: ts.Node) => {
    // Fast paths for the most common nodes: a plain name and a keyword need no token walk.
    if (ts.isTypeReferenceNode(current) && !current.typeArguments && ts.isIdentifier(current.typeName)) {
      push({name: current.typeName.text}, current);
      return;
    }
    if (current.kind >= ts.SyntaxKind.FirstKeyword && current.kind <= ts.SyntaxKind.LastKeyword) {
      push(ts.tokenToString(current.kind) ?? current.getText(sourceFile), current);
      return;
    }
    const name = referencedName(current);
    if (name && (ts.isIdentifier(name) || ts.isQualifiedName(name) || ts.isPropertyAccessExpression(name))) {
      for (const child of current.getChildren(sourceFile)) {
        if (child === name) push({name: name.getText(sourceFile).replace(/\s+/g, '')}, child);
        else visit(child);
      }
      return;
    }
    // A literal type that looks like a key is hidden as a default value would be (see valueText).
    if (ts.isStringLiteralLike(current) && looksLikeSecret({value: current.text})) {
      push(HIDDEN_SECRET, current);
      return;
    }
    if (isLeaf(current, sourceFile)) {
      const text = current.getText(sourceFile);
      if (text) push(text.replace(/\s+/g, ' '), current);
      return;
    }
    const inObjectType = current.kind === ts.SyntaxKind.SyntaxList && current.parent !== undefined && ts.isTypeLiteralNode(current.parent);
    let children = current.getChildren(sourceFile);
    // A union written one member a line starts with a `|` that, on one line, means nothing (TypeDoc drops it too).
    const leadingOperator = current.kind === ts.SyntaxKind.SyntaxList && current.parent !== undefined && (ts.isUnionTypeNode(current.parent) || ts.isIntersectionTypeNode(current.parent));
    if (leadingOperator && (children[0]?.kind === ts.SyntaxKind.BarToken || children[0]?.kind === ts.SyntaxKind.AmpersandToken)) children = children.slice(1);
    for (const [i, child] of children.entries()) {
      visit(child);
      // Members of an object type may be separated by line breaks alone; on one line they need a `;`.
      if (inObjectType && ts.isTypeElement(child) && i < children.length - 1) {
        const lastText = out.at(-1);
        if (typeof lastText !== 'string' || !/[;,]$/.test(lastText)) appendText(out, ';');
      }
    }
  };
  visit(ts.isJSDocTypeExpression(node) ? node.type : node);
  return out;
}

function appendText(out: TypeText, text: string): void {
  const lastIndex = out.length - 1;
  if (lastIndex >= 0 && typeof out[lastIndex] === 'string') out[lastIndex] = (out[lastIndex] as string) + text;
  else out.push(text);
}

/** Plain text of a TypeText (for tests, keys and diagram labels). */
export function plainType(text: TypeText | undefined): string {
  return (text ?? []).map((part) => (typeof part === 'string' ? part : part.name)).join('');
}
