/**
 * One GraphQL schema from its parts (files and code literals), checked with graphql-js's own rules:
 * the SDL rules first (unknown types, duplicate names...), then the schema's (interfaces implemented,
 * root types). A definition an SDL rule rejects is dropped with a problem naming its file and line,
 * and the rest is built; what the schema rules find is reported and the schema is documented anyway.
 */
import {buildASTSchema, concatAST, validateSchema, type ASTNode, type DefinitionNode, type DocumentNode, type GraphQLError, type GraphQLSchema} from 'graphql';
import {validateSDL} from 'graphql/validation/validate';
import type {Problem, SchemaPart} from './loadSources';

const FIX_DEFINITION = 'Fix the definition; the schema is documented without it until then';
const FIX_SCHEMA = 'Fix the schema; its pages are built anyway';
/** Rounds of dropping rejected parts; each round costs one validation of the whole schema. */
const MAX_ROUNDS = 8;

export interface MergedSchema {
  schema?: GraphQLSchema;
  problems: Problem[];
}

/** Where a node is: its file, and its line when the part has the file's lines. */
export function placeOf(node: ASTNode | undefined, linesOf: (file: string) => boolean): {file: string; line?: number} | undefined {
  // A definition's place is its name's line, not the line its description starts on.
  const named = node && 'name' in node && node.name && typeof node.name === 'object' && 'loc' in node.name ? (node.name as ASTNode) : node;
  const loc = named?.loc;
  if (!loc) return undefined;
  const file = loc.source.name;
  if (!linesOf(file)) return {file};
  // The token knows its line; getLocation would scan the file from its start for every node.
  return {file, line: loc.startToken.line + loc.source.locationOffset.line - 1};
}

export function buildMergedSchema(parts: SchemaPart[]): MergedSchema {
  const problems: Problem[] = [];
  const noLines = new Set(parts.filter((part) => !part.hasLines).map((part) => part.file));
  const linesOf = (file: string) => !noLines.has(file);
  let definitions: DefinitionNode[] = parts.flatMap((part) => part.document.definitions);
  // Each round drops what the rules reject, as little as possible: the field with an unknown type,
  // the second of two fields of one name, else the whole definition. What is dropped can make
  // others invalid (a field of a dropped type), so repeat, a bounded number of times.
  for (let round = 0; round < MAX_ROUNDS; round++) {
    const errors = validateSDL(document(definitions));
    if (errors.length === 0) break;
    const rejected: ASTNode[] = [];
    for (const error of errors) {
      // The last node: of two duplicates, the later one goes.
      const node = error.nodes?.at(-1);
      const place = placeOf(node, linesOf);
      problems.push({file: place?.file ?? parts[0]?.file ?? '', line: place?.line, message: `GraphQL schema: ${error.message.replace(/\.$/, '')}`, fix: FIX_DEFINITION});
      if (node) rejected.push(node);
    }
    const before = definitions;
    definitions = dropNodes(definitions, rejected);
    if (definitions === before) return {problems: dedupe(problems)};
  }
  let schema: GraphQLSchema;
  try {
    schema = buildASTSchema(document(definitions), {assumeValidSDL: true});
  } catch (error) {
    problems.push({file: parts[0]?.file ?? '', message: `GraphQL schema cannot be built: ${(error as Error).message}`, fix: FIX_SCHEMA});
    return {problems};
  }
  for (const error of validateSchema(schema) as readonly GraphQLError[]) {
    const place = placeOf(error.nodes?.[0], linesOf);
    problems.push({file: place?.file ?? parts[0]?.file ?? '', line: place?.line, message: `GraphQL schema: ${error.message}`, fix: FIX_SCHEMA});
  }
  return {schema, problems: dedupe(problems)};
}

function document(definitions: readonly DefinitionNode[]): DocumentNode {
  return concatAST([{kind: 'Document' as DocumentNode['kind'], definitions}]);
}

const inside = (outer: ASTNode, inner: ASTNode) => Boolean(outer.loc && inner.loc && outer.loc.source === inner.loc.source && outer.loc.start <= inner.loc.start && inner.loc.end <= outer.loc.end);

/** Lists of a definition whose members can go one by one. */
const MEMBER_LISTS = ['fields', 'values', 'interfaces', 'types'] as const;

/**
 * The definitions without the smallest part holding each rejected node: a member (field, enum
 * value, implemented interface, union member) when the node is inside one, else the definition.
 * Returns the same array when nothing could be dropped.
 */
function dropNodes(definitions: DefinitionNode[], rejected: ASTNode[]): DefinitionNode[] {
  let changed = false;
  const out: DefinitionNode[] = [];
  for (const definition of definitions) {
    const mine = rejected.filter((node) => inside(definition, node));
    if (mine.length === 0) {
      out.push(definition);
      continue;
    }
    changed = true;
    const record = definition as unknown as Record<string, readonly ASTNode[] | undefined>;
    let whole = false;
    const copy: Record<string, unknown> = {...definition};
    for (const node of mine) {
      const list = MEMBER_LISTS.find((key) => record[key]?.some((member) => inside(member, node)));
      if (!list) {
        whole = true;
        break;
      }
      copy[list] = (copy[list] as ASTNode[]).filter((member) => !inside(member, node));
    }
    if (!whole) out.push(copy as unknown as DefinitionNode);
  }
  return changed ? out : definitions;
}

function dedupe(problems: Problem[]): Problem[] {
  const seen = new Set<string>();
  return problems.filter((problem) => {
    const key = `${problem.file}:${problem.line}:${problem.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
