/**
 * Values as written (default values, constants, enum members, property initialisers), on one line
 * and shortened, with every string literal that looks like a secret replaced by HIDDEN_SECRET before
 * anything else sees it: the model, and so the pages, the model file and the search index, never
 * hold it. A literal is judged by its own value and by the names it belongs to: the declaration it
 * initialises, the property it is assigned to, and the environment variables the same expression
 * reads (`process.env.STRIPE_KEY || 'sk_live_…'`).
 */
import {ts} from 'ts-morph';
import {HIDDEN_SECRET, looksLikeSecret} from '../../core/secrets';

/** `process.env.X`, `process.env['X']`, `import.meta.env.X`, `Deno.env.get('X')`: the names X. */
function envNames(node: ts.Node, sourceFile: ts.SourceFile): string[] {
  const names: string[] = [];
  const isEnv = (expression: ts.Expression) => /(?:^|\.)env$/.test(expression.getText(sourceFile));
  const visit = (current: ts.Node) => {
    if (ts.isPropertyAccessExpression(current) && isEnv(current.expression)) names.push(current.name.text);
    else if (ts.isElementAccessExpression(current) && isEnv(current.expression) && ts.isStringLiteralLike(current.argumentExpression)) {
      names.push(current.argumentExpression.text);
    } else if (
      ts.isCallExpression(current) &&
      ts.isPropertyAccessExpression(current.expression) &&
      current.expression.name.text === 'get' &&
      isEnv(current.expression.expression) &&
      current.arguments[0] &&
      ts.isStringLiteralLike(current.arguments[0])
    ) {
      names.push(current.arguments[0].text);
    }
    ts.forEachChild(current, visit);
  };
  visit(node);
  return names;
}

function propertyName(node: ts.PropertyAssignment): string | undefined {
  const name = node.name;
  return ts.isIdentifier(name) || ts.isStringLiteralLike(name) || ts.isNumericLiteral(name) ? name.text : undefined;
}

/** The ranges (in the source file) of the literals in `node` that look like secrets. */
export function secretRanges(node: ts.Node, sourceFile: ts.SourceFile, names: readonly string[]): [number, number][] {
  const ranges: [number, number][] = [];
  const context = [...names, ...envNames(node, sourceFile)];
  const visit = (current: ts.Node, owners: readonly string[]) => {
    if (ts.isStringLiteralLike(current) || ts.isTemplateHead(current) || ts.isTemplateMiddle(current) || ts.isTemplateTail(current)) {
      if (looksLikeSecret({name: owners, value: current.text})) ranges.push([current.getStart(sourceFile), current.end]);
      return;
    }
    const own = ts.isPropertyAssignment(current) ? propertyName(current) : undefined;
    const inner = own ? [...owners, own] : owners;
    current.forEachChild((child) => visit(child, inner));
  };
  visit(node, context);
  return ranges;
}

/** The name a declaration gives its value: `x` in `const x =`, `key` in `key = …` as a parameter or property. */
export function declaredName(node: ts.Node): string[] {
  const name = ts.getNameOfDeclaration(node as ts.Declaration);
  return name && (ts.isIdentifier(name) || ts.isPrivateIdentifier(name) || ts.isStringLiteralLike(name)) ? [name.text] : [];
}

/** A literal's value, for a type text: the literal, or the placeholder when it looks like a secret. */
export function literalText(literal: ts.StringLiteralLike, names: readonly string[]): string {
  return looksLikeSecret({name: names, value: literal.text}) ? HIDDEN_SECRET : JSON.stringify(literal.text);
}

/**
 * An expression as written, on one line and at most `max` characters, its secret-looking literals
 * hidden. `names` are what the expression initialises (see declaredName).
 */
export function valueText(node: ts.Node | undefined, sourceFile: ts.SourceFile, names: readonly string[], max = 80): string | undefined {
  if (!node) return undefined;
  const start = node.getStart(sourceFile);
  let raw = '';
  let at = start;
  for (const [from, to] of secretRanges(node, sourceFile, names)) {
    raw += `${sourceFile.text.slice(at, from)}${HIDDEN_SECRET}`;
    at = to;
  }
  raw += sourceFile.text.slice(at, node.end);
  const text = raw.replace(/\s+/g, ' ').trim();
  if (text.length <= max) return text;
  // Never cut the placeholder in half: a reader must still see that something was hidden.
  let cut = max - 1;
  const hidden = text.lastIndexOf(HIDDEN_SECRET, cut);
  if (hidden >= 0 && hidden + HIDDEN_SECRET.length > cut) cut = hidden + HIDDEN_SECRET.length;
  return `${text.slice(0, cut)}…`;
}
