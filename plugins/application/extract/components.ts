/**
 * React components found by shape, as a reader of the code would spot them: a PascalCase function or
 * arrow whose body holds JSX, a class extending `Component`/`PureComponent` with a `render` method,
 * and `forwardRef(…)` / `memo(…)` around either. Each with its props (from its props type,
 * destructuring defaults, `defaultProps` and `propTypes`) and the tags its JSX uses.
 */
import path from 'node:path';
import {ts} from 'ts-morph';
import type {ComponentModel, PropModel} from '../model';
import type {Member, TypeLookup} from './typeDeclarations';
import {calleeName, docOf, hasModifier, isPascalCase, lineOf, textOf, type ParsedFile} from './syntax';

/** A component before links between components are resolved. */
export type FoundComponent = Omit<ComponentModel, 'renders' | 'renderedBy' | 'example'> & {
  tags: string[];
  /** True for the file's default export. */
  isDefault: boolean;
};

type FunctionLike = ts.FunctionDeclaration | ts.ArrowFunction | ts.FunctionExpression;

interface Candidate {
  name: string;
  node: ts.Node;
  statement: ts.Statement;
  shape: ComponentModel['shape'];
  fn?: FunctionLike;
  propsType?: ts.TypeNode;
  classNode?: ts.ClassDeclaration | ts.ClassExpression;
  exported: boolean;
  isDefault: boolean;
  /** The name the code reference gives the declaration: its own, else `default`. */
  symbol: string;
}

export function containsJsx(node: ts.Node): boolean {
  let found = false;
  const visit = (child: ts.Node): void => {
    if (found) return;
    if (ts.isJsxElement(child) || ts.isJsxSelfClosingElement(child) || ts.isJsxFragment(child)) {
      found = true;
      return;
    }
    ts.forEachChild(child, visit);
  };
  visit(node);
  return found;
}

export function findComponents(parsed: ParsedFile, types: TypeLookup): FoundComponent[] {
  const {source, file} = parsed;
  const candidates: Candidate[] = [];
  const exportedNames = new Set<string>();
  let defaultName: string | undefined;
  const fileName = pascalFileName(file);

  for (const statement of source.statements) {
    const exported = hasModifier(statement, ts.SyntaxKind.ExportKeyword);
    const isDefault = exported && hasModifier(statement, ts.SyntaxKind.DefaultKeyword);
    if (ts.isFunctionDeclaration(statement) && statement.body) {
      const name = statement.name?.text ?? (isDefault ? fileName : undefined);
      if (name && isPascalCase(name) && containsJsx(statement.body)) {
        candidates.push({name, node: statement, statement, shape: 'function', fn: statement, exported, isDefault, symbol: statement.name?.text ?? 'default'});
      }
    } else if (ts.isClassDeclaration(statement)) {
      const name = statement.name?.text ?? (isDefault ? fileName : undefined);
      const found = name ? classComponent(statement) : undefined;
      if (name && found) candidates.push({name, node: statement, statement, shape: 'class', classNode: statement, propsType: found.props, exported, isDefault, symbol: statement.name?.text ?? 'default'});
    } else if (ts.isVariableStatement(statement)) {
      for (const declaration of statement.declarationList.declarations) {
        if (!ts.isIdentifier(declaration.name) || !declaration.initializer || !isPascalCase(declaration.name.text)) continue;
        const found = fromExpression(declaration.initializer, declaration.type);
        if (found) candidates.push({...found, name: declaration.name.text, node: declaration, statement, exported, isDefault: false, symbol: declaration.name.text});
      }
    } else if (ts.isExportAssignment(statement) && !statement.isExportEquals) {
      if (ts.isIdentifier(statement.expression)) defaultName = statement.expression.text;
      else if (fileName) {
        const found = fromExpression(statement.expression, undefined);
        if (found) candidates.push({...found, name: fileName, node: statement, statement, exported: true, isDefault: true, symbol: 'default'});
      }
    } else if (ts.isExportDeclaration(statement) && !statement.moduleSpecifier && statement.exportClause && ts.isNamedExports(statement.exportClause)) {
      for (const element of statement.exportClause.elements) {
        exportedNames.add((element.propertyName ?? element.name).text);
        if (element.name.text === 'default') defaultName = (element.propertyName ?? element.name).text;
      }
    }
  }

  const statics = staticProps(source);
  return candidates.map((candidate) => {
    const unresolved: string[] = [];
    const {props, propsType} = propsOf(candidate, file, types, unresolved, statics.get(candidate.name));
    return {
      id: `${file}#${candidate.symbol}`,
      name: candidate.name,
      file,
      line: lineOf(candidate.node),
      shape: candidate.shape,
      exported: candidate.exported || exportedNames.has(candidate.name) || defaultName === candidate.name,
      ...(docOf(candidate.statement) ? {description: docOf(candidate.statement)} : {}),
      ...(propsType ? {propsType} : {}),
      propsExtends: [...new Set(unresolved)].sort(),
      props,
      tags: jsxTags(candidate.node),
      isDefault: candidate.isDefault || defaultName === candidate.name,
    };
  });
}

/** `forwardRef(fn)`, `memo(fn)`, `memo(forwardRef(fn))`, or a function holding JSX. */
function fromExpression(expression: ts.Expression, declaredType: ts.TypeNode | undefined): Omit<Candidate, 'name' | 'node' | 'statement' | 'exported' | 'isDefault' | 'symbol'> | undefined {
  let current: ts.Expression = expression;
  let shape: ComponentModel['shape'] | undefined;
  let propsType = fcProps(declaredType);
  while (ts.isParenthesizedExpression(current) || ts.isAsExpression(current)) current = current.expression;
  for (let depth = 0; depth < 3 && ts.isCallExpression(current); depth++) {
    const callee = calleeName(current.expression);
    if (callee !== 'forwardRef' && callee !== 'memo') return undefined;
    shape ??= callee;
    // forwardRef<Ref, Props> and memo<Props>.
    propsType ??= callee === 'forwardRef' ? current.typeArguments?.[1] : current.typeArguments?.[0];
    const inner = current.arguments[0];
    if (!inner) return undefined;
    current = inner;
  }
  if (ts.isArrowFunction(current) || ts.isFunctionExpression(current)) {
    if (!containsJsx(current.body)) return undefined;
    return {shape: shape ?? 'function', fn: current, propsType};
  }
  if (ts.isClassExpression(current)) {
    const found = classComponent(current);
    return found ? {shape: shape ?? 'class', classNode: current, propsType: propsType ?? found.props} : undefined;
  }
  // memo(Other): the props are Other's; the tags come from Other's own entry.
  if (shape && ts.isIdentifier(current)) return {shape, propsType};
  return undefined;
}

/** `FC<Props>`, `React.FunctionComponent<Props>`… on a variable. */
function fcProps(type: ts.TypeNode | undefined): ts.TypeNode | undefined {
  if (!type || !ts.isTypeReferenceNode(type)) return undefined;
  const name = ts.isIdentifier(type.typeName) ? type.typeName.text : type.typeName.right.text;
  return /^(FC|VFC|FunctionComponent|VoidFunctionComponent|ComponentType)$/.test(name) ? type.typeArguments?.[0] : undefined;
}

/** A class component's props type (`Component<Props>`), or undefined when the class is not a component. */
function classComponent(node: ts.ClassDeclaration | ts.ClassExpression): {props?: ts.TypeNode} | undefined {
  const heritage = node.heritageClauses?.find((clause) => clause.token === ts.SyntaxKind.ExtendsKeyword)?.types[0];
  const base = heritage && calleeName(heritage.expression);
  if (!heritage || (base !== 'Component' && base !== 'PureComponent')) return undefined;
  const hasRender = node.members.some((member) => member.name !== undefined && ts.isIdentifier(member.name) && member.name.text === 'render');
  return hasRender ? {props: heritage.typeArguments?.[0]} : undefined;
}

interface StaticProps {
  defaults: Map<string, string>;
  propTypes: Map<string, {type: string; required: boolean}>;
}

/** `X.defaultProps = {…}` and `X.propTypes = {…}` at the top of the file, by component name. */
function staticProps(source: ts.SourceFile): Map<string, StaticProps> {
  const result = new Map<string, StaticProps>();
  const entry = (name: string) => {
    if (!result.has(name)) result.set(name, {defaults: new Map(), propTypes: new Map()});
    return result.get(name)!;
  };
  for (const statement of source.statements) {
    if (!ts.isExpressionStatement(statement) || !ts.isBinaryExpression(statement.expression)) continue;
    const {left, right, operatorToken} = statement.expression;
    if (operatorToken.kind !== ts.SyntaxKind.EqualsToken || !ts.isPropertyAccessExpression(left) || !ts.isIdentifier(left.expression)) continue;
    if (!ts.isObjectLiteralExpression(right)) continue;
    if (left.name.text === 'defaultProps') readDefaults(right, entry(left.expression.text).defaults);
    if (left.name.text === 'propTypes') readPropTypes(right, entry(left.expression.text).propTypes);
  }
  return result;
}

function readDefaults(object: ts.ObjectLiteralExpression, into: Map<string, string>): void {
  for (const property of object.properties) {
    if (ts.isPropertyAssignment(property) && (ts.isIdentifier(property.name) || ts.isStringLiteral(property.name))) into.set(property.name.text, textOf(property.initializer));
    else if (ts.isShorthandPropertyAssignment(property)) into.set(property.name.text, property.name.text);
  }
}

/** `PropTypes.string.isRequired` → `string`, required. */
function readPropTypes(object: ts.ObjectLiteralExpression, into: Map<string, {type: string; required: boolean}>): void {
  for (const property of object.properties) {
    if (!ts.isPropertyAssignment(property) || !(ts.isIdentifier(property.name) || ts.isStringLiteral(property.name))) continue;
    const written = textOf(property.initializer);
    const required = /\.isRequired$/.test(written);
    into.set(property.name.text, {type: written.replace(/\.isRequired$/, '').replace(/^PropTypes\./, ''), required});
  }
}

function propsOf(candidate: Candidate, file: string, types: TypeLookup, unresolved: string[], statics: StaticProps | undefined): {props: PropModel[]; propsType?: string} {
  const defaults = new Map<string, string>();
  let typeNode = candidate.propsType;
  const param = candidate.fn?.parameters[0];
  if (param) {
    typeNode ??= param.type;
    if (ts.isObjectBindingPattern(param.name)) readBinding(param.name, defaults);
    else if (ts.isIdentifier(param.name) && candidate.fn?.body && ts.isBlock(candidate.fn.body)) readBodyDestructuring(candidate.fn.body, param.name.text, defaults);
  }
  if (candidate.classNode) {
    for (const member of candidate.classNode.members) {
      if (ts.isPropertyDeclaration(member) && hasModifier(member, ts.SyntaxKind.StaticKeyword) && ts.isIdentifier(member.name) && member.name.text === 'defaultProps' && member.initializer && ts.isObjectLiteralExpression(member.initializer)) {
        readDefaults(member.initializer, defaults);
      }
    }
  }
  for (const [name, value] of statics?.defaults ?? []) if (!defaults.has(name)) defaults.set(name, value);

  const members: Member[] = typeNode ? types.members(file, typeNode, unresolved) : [];
  const byName = new Map(members.map((member) => [member.name, member]));
  const props: PropModel[] = members.map((member) => ({
    name: member.name,
    type: member.type,
    required: !member.optional && !defaults.has(member.name),
    ...(defaults.has(member.name) ? {default: defaults.get(member.name)!} : {}),
    ...(member.description ? {description: member.description} : {}),
  }));
  // Plain JS: what propTypes and destructuring say.
  for (const [name, declared] of statics?.propTypes ?? []) {
    if (byName.has(name)) continue;
    byName.set(name, {name, type: declared.type, optional: !declared.required});
    props.push({name, type: declared.type, required: declared.required && !defaults.has(name), ...(defaults.has(name) ? {default: defaults.get(name)!} : {})});
  }
  for (const [name, value] of defaults) {
    if (!byName.has(name)) props.push({name, required: false, default: value});
  }
  if (!typeNode && param && ts.isObjectBindingPattern(param.name)) {
    for (const element of param.name.elements) {
      const name = bindingName(element);
      if (name && !byName.has(name) && !defaults.has(name)) props.push({name, required: false});
    }
  }
  const propsType = typeNode && ts.isTypeReferenceNode(typeNode) ? textOf(typeNode) : undefined;
  return {props: props.sort((a, b) => Number(b.required) - Number(a.required) || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0)), ...(propsType ? {propsType} : {})};
}

function bindingName(element: ts.BindingElement): string | undefined {
  if (element.dotDotDotToken) return undefined;
  const key = element.propertyName ?? element.name;
  return ts.isIdentifier(key) || ts.isStringLiteral(key) ? key.text : undefined;
}

function readBinding(pattern: ts.ObjectBindingPattern, into: Map<string, string>): void {
  for (const element of pattern.elements) {
    const name = bindingName(element);
    if (name && element.initializer) into.set(name, textOf(element.initializer));
  }
}

/** `const {size = 'md'} = props;` among the body's first statements. */
function readBodyDestructuring(body: ts.Block, propsName: string, into: Map<string, string>): void {
  for (const statement of body.statements.slice(0, 5)) {
    if (!ts.isVariableStatement(statement)) continue;
    for (const declaration of statement.declarationList.declarations) {
      if (ts.isObjectBindingPattern(declaration.name) && declaration.initializer && ts.isIdentifier(declaration.initializer) && declaration.initializer.text === propsName) {
        readBinding(declaration.name, into);
      }
    }
  }
}

/** Tag names used in a component's JSX that name components (`Button`, `Layout.Header`), sorted, once each. */
function jsxTags(node: ts.Node): string[] {
  const tags = new Set<string>();
  const visit = (child: ts.Node): void => {
    if (ts.isJsxOpeningElement(child) || ts.isJsxSelfClosingElement(child)) {
      const tag = child.tagName;
      const name = ts.isIdentifier(tag) ? tag.text : ts.isPropertyAccessExpression(tag) ? textOf(tag) : undefined;
      if (name && isPascalCase(name)) tags.add(name);
    }
    ts.forEachChild(child, visit);
  };
  visit(node);
  return [...tags].sort();
}

/** `Button` for `components/Button.tsx`, `UserCard` for `user-card/index.jsx`: the name an anonymous default export goes by. */
function pascalFileName(file: string): string {
  let base = path.posix.basename(file).replace(/\.[^.]+$/, '');
  if (base === 'index') base = path.posix.basename(path.posix.dirname(file));
  const name = base.replace(/(^|[-_.\s]+)(\p{L})/gu, (_, __, letter: string) => letter.toUpperCase()).replace(/[^\p{L}\p{N}_$]/gu, '');
  return name && isPascalCase(name) ? name : 'Default';
}
