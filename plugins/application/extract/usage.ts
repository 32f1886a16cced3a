/**
 * Usage examples for components: the first story of a Storybook CSF file whose meta names the
 * component (`export default {component: Button}`), else the first JSX of the component in a test.
 */
import {ts} from 'ts-morph';
import type {UsageExample} from '../model';
import {calleeName, hasModifier, lineOf, stringValue, textOf, type ParsedFile} from './syntax';

export const STORY_FILE = /\.stories\.(c|m)?[jt]sx?$/;
export const TEST_FILE = /(\.(test|spec)\.(c|m)?[jt]sx?$)|(^|\/)__tests__\//;

/** Longest example shown, in lines: a story file can hold a whole page of setup. */
const MAX_LINES = 30;

export type ResolveComponent = (fromFile: string, localName: string) => string | undefined;

/** Examples found in one stories or test file, by component id. */
export function findExamples(parsed: ParsedFile, resolve: ResolveComponent): Map<string, UsageExample> {
  return STORY_FILE.test(parsed.file) ? storyExamples(parsed, resolve) : testExamples(parsed, resolve);
}

function clip(code: string): string {
  const lines = code.split('\n');
  return lines.length > MAX_LINES ? [...lines.slice(0, MAX_LINES), '// …'].join('\n') : code;
}

function unwrap(expression: ts.Expression): ts.Expression {
  let current = expression;
  while (ts.isAsExpression(current) || ts.isSatisfiesExpression(current) || ts.isParenthesizedExpression(current)) current = current.expression;
  return current;
}

function storyExamples(parsed: ParsedFile, resolve: ResolveComponent): Map<string, UsageExample> {
  const {source, file} = parsed;
  const consts = new Map<string, ts.Expression>();
  let meta: ts.Expression | undefined;
  for (const statement of source.statements) {
    if (ts.isVariableStatement(statement)) {
      for (const declaration of statement.declarationList.declarations) {
        if (ts.isIdentifier(declaration.name) && declaration.initializer) consts.set(declaration.name.text, declaration.initializer);
      }
    } else if (ts.isExportAssignment(statement)) {
      meta = unwrap(statement.expression);
    }
  }
  if (meta && ts.isIdentifier(meta)) meta = consts.get(meta.text) && unwrap(consts.get(meta.text)!);
  if (!meta || !ts.isObjectLiteralExpression(meta)) return new Map();
  const componentProperty = meta.properties.find((property) => ts.isPropertyAssignment(property) && ts.isIdentifier(property.name) && property.name.text === 'component');
  const componentName = componentProperty && ts.isPropertyAssignment(componentProperty) && ts.isIdentifier(componentProperty.initializer) ? componentProperty.initializer.text : undefined;
  const id = componentName && resolve(file, componentName);
  if (!id) return new Map();

  for (const statement of source.statements) {
    if (!ts.isVariableStatement(statement) || !hasModifier(statement, ts.SyntaxKind.ExportKeyword)) continue;
    const declaration = statement.declarationList.declarations[0];
    if (!declaration || !ts.isIdentifier(declaration.name)) continue;
    const name = declaration.name.text;
    // CSF 2 sets `Primary.args = {…}` after the export; those lines belong to the example.
    const extra = source.statements.filter((other) => ts.isExpressionStatement(other) && ts.isBinaryExpression(other.expression) && ts.isPropertyAccessExpression(other.expression.left) && ts.isIdentifier(other.expression.left.expression) && other.expression.left.expression.text === name);
    const code = [statement, ...extra].map(textOf).join('\n');
    return new Map([[id, {from: 'story', title: name, file, line: lineOf(statement), code: clip(code)}]]);
  }
  return new Map();
}

function testExamples(parsed: ParsedFile, resolve: ResolveComponent): Map<string, UsageExample> {
  const found = new Map<string, UsageExample>();
  const visit = (node: ts.Node): void => {
    if (ts.isJsxElement(node) || ts.isJsxSelfClosingElement(node)) {
      const tag = ts.isJsxElement(node) ? node.openingElement.tagName : node.tagName;
      const id = ts.isIdentifier(tag) ? resolve(parsed.file, tag.text) : undefined;
      if (id && !found.has(id)) found.set(id, {from: 'test', ...testTitle(node), file: parsed.file, line: lineOf(node), code: clip(textOf(node))});
      // The outermost element is the example; the components inside it are shown within it.
      return;
    }
    ts.forEachChild(node, visit);
  };
  visit(parsed.source);
  return found;
}

/** The title of the `it(…)` or `test(…)` around a node. */
function testTitle(node: ts.Node): {title?: string} {
  for (let current: ts.Node | undefined = node.parent; current; current = current.parent) {
    if (ts.isCallExpression(current) && ['it', 'test'].includes(calleeName(current.expression) ?? '')) {
      const title = stringValue(current.arguments[0]);
      return title ? {title} : {};
    }
  }
  return {};
}
