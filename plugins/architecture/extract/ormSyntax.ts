/**
 * Small readers of TypeScript syntax shared by the decorator-based ORM readers (MikroORM,
 * sequelize-typescript): decorators with their arguments, object literal options, the class an
 * arrow function or a type names. Syntax only: nothing is resolved, run or type-checked.
 */
import {ts} from 'ts-morph';

export interface Decorator {
  name: string;
  args: ts.Expression[];
}

export function decoratorsOf(node: ts.HasDecorators): Decorator[] {
  return (ts.getDecorators(node) ?? []).flatMap((decorator) => {
    const call = decorator.expression;
    if (ts.isCallExpression(call) && ts.isIdentifier(call.expression)) return [{name: call.expression.text, args: [...call.arguments]}];
    if (ts.isIdentifier(call)) return [{name: call.text, args: []}];
    return [];
  });
}

export function parseScript(file: string, text: string): ts.SourceFile {
  const kind = /\.[cm]?jsx?$/.test(file) ? ts.ScriptKind.JS : ts.ScriptKind.TS;
  return ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true, kind);
}

export function lineOf(source: ts.SourceFile, node: ts.Node): number {
  return source.getLineAndCharacterOfPosition(node.getStart(source)).line + 1;
}

/** The name of a property, a key or a method: an identifier or a string literal. */
export function nameOf(node: ts.PropertyName | ts.Expression | undefined): string | undefined {
  if (!node) return undefined;
  if (ts.isIdentifier(node) || ts.isStringLiteralLike(node) || ts.isPrivateIdentifier(node) || ts.isNumericLiteral(node)) return node.text;
  return undefined;
}

/** A reader of an object literal's options: `option('nullable')` is its initializer, if any. */
export function optionsOf(object: ts.Expression | undefined): (key: string) => ts.Expression | undefined {
  const found = object && ts.isObjectLiteralExpression(object) ? object : undefined;
  return (key) => {
    for (const property of found?.properties ?? []) {
      if (ts.isPropertyAssignment(property) && nameOf(property.name) === key) return property.initializer;
      if (ts.isShorthandPropertyAssignment(property) && property.name.text === key) return property.name;
    }
    return undefined;
  };
}

export const isTrue = (node: ts.Expression | undefined) => node?.kind === ts.SyntaxKind.TrueKeyword;
export const isFalse = (node: ts.Expression | undefined) => node?.kind === ts.SyntaxKind.FalseKeyword;

/**
 * The class an expression names: `() => Author`, `'Author'`, `Author`, `models.Author`,
 * `() => [Author]`; undefined when it is something else.
 */
export function targetName(node: ts.Expression | undefined): string | undefined {
  if (!node) return undefined;
  if (ts.isArrowFunction(node) || ts.isFunctionExpression(node)) {
    const body = ts.isBlock(node.body) ? node.body.statements.find(ts.isReturnStatement)?.expression : node.body;
    return body ? targetName(body as ts.Expression) : undefined;
  }
  if (ts.isParenthesizedExpression(node)) return targetName(node.expression);
  if (ts.isArrayLiteralExpression(node) && node.elements.length === 1) return targetName(node.elements[0]);
  if (ts.isIdentifier(node) || ts.isStringLiteralLike(node)) return node.text;
  if (ts.isPropertyAccessExpression(node)) return node.name.text;
  return undefined;
}

/** The entity a property's type names: `Author`, `Ref<Author>`, `Collection<Book>`, `Book[]`, `Author | null`. */
export function typeTarget(type: ts.TypeNode | undefined): string | undefined {
  if (!type) return undefined;
  if (ts.isUnionTypeNode(type)) return type.types.map(typeTarget).find(Boolean);
  if (ts.isArrayTypeNode(type)) return typeTarget(type.elementType);
  if (ts.isTypeReferenceNode(type)) {
    const name = ts.isIdentifier(type.typeName) ? type.typeName.text : type.typeName.right.text;
    if (type.typeArguments?.length && /^(Ref|Reference|Collection|Rel|Loaded|IdentifiedReference|Opt|Hidden|Array|NonAttribute|ForeignKey)$/.test(name)) return typeTarget(type.typeArguments[0]);
    return name;
  }
  return undefined;
}

/** A type as written, short: a literal's text, an expression's last name (`DataTypes.STRING(255)` is `STRING(255)`). */
export function typeText(source: ts.SourceFile, node: ts.Expression): string {
  if (ts.isStringLiteralLike(node)) return node.text;
  if (ts.isPropertyAccessExpression(node)) return node.name.text;
  if (ts.isCallExpression(node)) {
    const callee = node.expression;
    const base = ts.isPropertyAccessExpression(callee) ? callee.name.text : callee.getText(source);
    const sized = node.arguments.length > 0 && node.arguments.every(ts.isNumericLiteral) ? `(${node.arguments.map((a) => a.getText(source)).join(',')})` : '';
    return `${base}${sized}`;
  }
  if (ts.isArrowFunction(node)) return targetName(node) ?? node.getText(source);
  return node.getText(source).replace(/\s+/g, ' ');
}

/** A URL-safe page key for a model name (`<script>` becomes `script`). */
export function entityKey(name: string): string {
  return name.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '') || 'entity';
}
