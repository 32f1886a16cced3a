/**
 * What a JavaScript/TypeScript file says about GraphQL, read from its syntax tree (TypeScript's
 * parser, error-tolerant, never run): schema strings that are plain template literals (`gql\`...\``,
 * `graphql\`...\``, `typeDefs = \`...\``), and resolvers: `Query: {field: ...}` maps, NestJS and
 * TypeGraphQL decorators (`@Resolver`, `@Query`, `@Mutation`, `@ResolveField`...), and graphql-js
 * `new GraphQLObjectType({name, fields: {x: {resolve}}})`. A literal with `${...}` in it is left out:
 * its text is only known when the code runs.
 */
import type {ts} from 'ts-morph';
import {typescript} from '../core/lazyTsMorph';

export interface SchemaLiteral {
  /** The literal's text, between the backticks. */
  text: string;
  /** 1-based line and column of its first character in the file. */
  line: number;
  column: number;
}

/** A resolver as the code names it; kept when the schema has that type and field. */
export interface ResolverCandidate {
  type: string;
  field: string;
  line: number;
  /** The top-level declaration that holds it (`resolvers`, `UserResolver`), for the code reference. */
  holder?: string;
}

export interface CodeFacts {
  literals: SchemaLiteral[];
  resolvers: ResolverCandidate[];
}

/** Cheap tests on the text, so that files with nothing for us are never parsed. */
const LITERAL_HINT = /\b(?:gql|graphql)\s*`|\btypeDefs\s*[:=]/;
const RESOLVER_HINT = /\b(?:Query|Mutation|Subscription)\b|@Resolver\b|GraphQLObjectType/;
const ROOT_DECORATORS = new Map([
  ['Query', 'Query'],
  ['Mutation', 'Mutation'],
  ['Subscription', 'Subscription'],
]);
const FIELD_DECORATORS = new Set(['ResolveField', 'FieldResolver', 'ResolveProperty']);

/** A `gql`/`graphql` template or a `typeDefs` assignment: a file that may hold schema text. */
export function mayHoldSchemaText(text: string): boolean {
  return LITERAL_HINT.test(text);
}

export function mayHoldGraphql(text: string): boolean {
  return LITERAL_HINT.test(text) || RESOLVER_HINT.test(text);
}

function scriptKind(file: string): ts.ScriptKind {
  const ts = typescript();
  if (file.endsWith('.tsx')) return ts.ScriptKind.TSX;
  if (file.endsWith('.jsx')) return ts.ScriptKind.JSX;
  return /\.(c|m)?js$/.test(file) ? ts.ScriptKind.JS : ts.ScriptKind.TS;
}

export function scanCode(file: string, text: string): CodeFacts {
  const ts = typescript();
  const facts: CodeFacts = {literals: [], resolvers: []};
  if (!mayHoldGraphql(text)) return facts;
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true, scriptKind(file));
  const lineOf = (node: ts.Node) => source.getLineAndCharacterOfPosition(node.getStart(source)).line + 1;
  const holderOf = (node: ts.Node): string | undefined => {
    let current: ts.Node = node;
    while (current.parent && current.parent !== source) current = current.parent;
    if (ts.isVariableStatement(current)) {
      const declaration = current.declarationList.declarations[0];
      return declaration && ts.isIdentifier(declaration.name) ? declaration.name.text : undefined;
    }
    if ((ts.isClassDeclaration(current) || ts.isFunctionDeclaration(current)) && current.name) return current.name.text;
    return undefined;
  };
  const addLiteral = (literal: ts.Node) => {
    if (!ts.isNoSubstitutionTemplateLiteral(literal)) return;
    const start = source.getLineAndCharacterOfPosition(literal.getStart(source) + 1);
    facts.literals.push({text: literal.text, line: start.line + 1, column: start.character + 1});
  };

  const visit = (node: ts.Node): void => {
    if (ts.isTaggedTemplateExpression(node) && ts.isIdentifier(node.tag) && (node.tag.text === 'gql' || node.tag.text === 'graphql')) {
      addLiteral(node.template);
    } else if ((ts.isVariableDeclaration(node) || ts.isPropertyAssignment(node)) && nameOf(node.name) === 'typeDefs' && node.initializer) {
      addLiteral(node.initializer);
    } else if (ts.isPropertyAssignment(node) && ts.isObjectLiteralExpression(node.initializer)) {
      // `Query: {viewer: ..., user() {...}}`: every member of the inner object is a field's resolver.
      const type = nameOf(node.name);
      if (type && /^[A-Z_]\w*$/.test(type)) {
        for (const member of node.initializer.properties) {
          const field = member.name && nameOf(member.name);
          if (field) facts.resolvers.push({type, field, line: lineOf(member), holder: holderOf(node)});
        }
      }
    } else if (ts.isNewExpression(node) && ts.isIdentifier(node.expression) && node.expression.text === 'GraphQLObjectType') {
      graphqlJsObject(node);
    } else if (ts.isClassDeclaration(node)) {
      decoratedClass(node);
    }
    ts.forEachChild(node, visit);
  };

  const graphqlJsObject = (node: ts.NewExpression) => {
    const config = node.arguments?.[0];
    if (!config || !ts.isObjectLiteralExpression(config)) return;
    const name = property(config, 'name');
    const fields = property(config, 'fields');
    if (!name || !ts.isStringLiteralLike(name) || !fields) return;
    const body = ts.isArrowFunction(fields) ? unwrap(fields.body) : fields;
    if (!ts.isObjectLiteralExpression(body)) return;
    for (const member of body.properties) {
      const field = member.name && nameOf(member.name);
      if (field && ts.isPropertyAssignment(member) && ts.isObjectLiteralExpression(member.initializer) && property(member.initializer, 'resolve')) {
        facts.resolvers.push({type: name.text, field, line: lineOf(member), holder: holderOf(node)});
      }
    }
  };

  const decoratedClass = (node: ts.ClassDeclaration) => {
    const resolver = decorators(node).find((decorator) => decorator.name === 'Resolver');
    if (!resolver) return;
    const ofType = typeArgument(resolver.call);
    const holder = node.name?.text;
    for (const member of node.members) {
      if (!ts.isMethodDeclaration(member) && !ts.isPropertyDeclaration(member)) continue;
      const method = member.name && nameOf(member.name);
      for (const decorator of decorators(member)) {
        const root = ROOT_DECORATORS.get(decorator.name);
        const type = root ?? (FIELD_DECORATORS.has(decorator.name) ? ofType : undefined);
        const field = nameOption(decorator.call) ?? method;
        if (type && field) facts.resolvers.push({type, field, line: lineOf(member), holder});
      }
    }
  };

  visit(source);
  return facts;
}

function nameOf(name: ts.Node): string | undefined {
  const ts = typescript();
  if (ts.isIdentifier(name) || ts.isStringLiteralLike(name) || ts.isPrivateIdentifier(name)) return name.text;
  return undefined;
}

function property(object: ts.ObjectLiteralExpression, key: string): ts.Expression | undefined {
  const ts = typescript();
  for (const member of object.properties) {
    if (ts.isPropertyAssignment(member) && nameOf(member.name) === key) return member.initializer;
    if (ts.isMethodDeclaration(member) && nameOf(member.name) === key) return member as unknown as ts.Expression;
  }
  return undefined;
}

function unwrap(node: ts.Node): ts.Node {
  const ts = typescript();
  return ts.isParenthesizedExpression(node) ? unwrap(node.expression) : node;
}

function decorators(node: ts.Node): {name: string; call?: ts.CallExpression}[] {
  const ts = typescript();
  if (!ts.canHaveDecorators(node)) return [];
  return (ts.getDecorators(node) ?? []).flatMap((decorator) => {
    const expression = decorator.expression;
    if (ts.isIdentifier(expression)) return [{name: expression.text}];
    if (ts.isCallExpression(expression) && ts.isIdentifier(expression.expression)) return [{name: expression.expression.text, call: expression}];
    return [];
  });
}

/** `@Resolver(() => User)`, `@Resolver(of => User)`, `@Resolver('User')`: the type's name. */
function typeArgument(call: ts.CallExpression | undefined): string | undefined {
  const ts = typescript();
  const first = call?.arguments[0];
  if (!first) return undefined;
  if (ts.isStringLiteralLike(first)) return first.text;
  if (ts.isArrowFunction(first)) {
    const body = unwrap(first.body);
    if (ts.isIdentifier(body)) return body.text;
  }
  return undefined;
}

/** `@Query('user')`, `@Query(() => User, {name: 'user'})`: the field's name when it is not the method's. */
function nameOption(call: ts.CallExpression | undefined): string | undefined {
  const ts = typescript();
  for (const argument of call?.arguments ?? []) {
    if (ts.isStringLiteralLike(argument)) return argument.text;
    if (ts.isObjectLiteralExpression(argument)) {
      const name = property(argument, 'name');
      if (name && ts.isStringLiteralLike(name)) return name.text;
    }
  }
  return undefined;
}
