/**
 * One GraphQL schema from its parts (files and code literals), checked with graphql-js's own rules:
 * the SDL rules first (unknown types, duplicate names...), then the schema's (interfaces implemented,
 * root types). A definition an SDL rule rejects is dropped with a problem naming its file and line,
 * and the rest is built; what the schema rules find is reported and the schema is documented anyway.
 */
import {buildASTSchema, concatAST, getLocation, validateSchema, type ASTNode, type DefinitionNode, type DocumentNode, type GraphQLError, type GraphQLSchema} from 'graphql';
import {validateSDL} from 'graphql/validation/validate';
import type {Problem, SchemaPart} from './loadSources';

const FIX_DEFINITION = 'Fix the definition; the schema is documented without it until then';
const FIX_SCHEMA = 'Fix the schema; its pages are built anyway';

export interface MergedSchema {
  schema?: GraphQLSchema;
  problems: Problem[];
}

/** Where a node is: its file, and its line when the part has the file's lines. */
export function placeOf(node: ASTNode | undefined, linesOf: (file: string) => boolean): {file: string; line?: number} | undefined {
  const loc = node?.loc;
  if (!loc) return undefined;
  const file = loc.source.name;
  if (!linesOf(file)) return {file};
  return {file, line: getLocation(loc.source, loc.start).line + loc.source.locationOffset.line - 1};
}

export function buildMergedSchema(parts: SchemaPart[]): MergedSchema {
  const problems: Problem[] = [];
  const noLines = new Set(parts.filter((part) => !part.hasLines).map((part) => part.file));
  const linesOf = (file: string) => !noLines.has(file);
  let definitions: DefinitionNode[] = parts.flatMap((part) => part.document.definitions);
  // Each round drops the definitions the rules reject; a dropped type can make others invalid
  // (a field of that type), so repeat, at most once per definition.
  for (let round = 0; round <= definitions.length; round++) {
    const errors = validateSDL(document(definitions));
    if (errors.length === 0) break;
    const rejected = new Set<DefinitionNode>();
    for (const error of errors) {
      const owner = error.nodes?.map((node) => definitionOf(node, definitions)).find((found) => found !== undefined);
      const place = placeOf(error.nodes?.[0], linesOf);
      problems.push({file: place?.file ?? parts[0]?.file ?? '', line: place?.line, message: `GraphQL schema: ${error.message}`, fix: FIX_DEFINITION});
      if (owner) rejected.add(owner);
    }
    if (rejected.size === 0) return {problems};
    definitions = definitions.filter((definition) => !rejected.has(definition));
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

/** The top-level definition a node of an error belongs to (same source, inside its range). */
function definitionOf(node: ASTNode, definitions: readonly DefinitionNode[]): DefinitionNode | undefined {
  const loc = node.loc;
  if (!loc) return undefined;
  return definitions.find((definition) => definition.loc && definition.loc.source === loc.source && definition.loc.start <= loc.start && loc.end <= definition.loc.end);
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
