/**
 * Reads the candidate files into GraphQL documents: SDL files are parsed as they are, code files
 * give their plain schema literals (with their place in the file, so errors name the code's own
 * lines), and introspection results are built with graphql-js and printed back to SDL. A file that
 * does not parse becomes a problem and is left out; the other files of its schema still build.
 */
import fs from 'node:fs';
import path from 'node:path';
import type * as GraphqlJs from 'graphql';
import type {DocumentNode, GraphQLError, IntrospectionQuery, Source} from 'graphql';
import type {SchemaFile} from './discoverSchemas';
import {mayHoldGraphql, mayHoldSchemaText, scanCode, type ResolverCandidate} from './scanCode';

export interface Problem {
  file: string;
  line?: number;
  message: string;
  fix: string;
}

/** One parsed piece of a schema (an SDL file, one literal in a code file, an introspection result). */
export interface SchemaPart {
  file: string;
  document: DocumentNode;
  /** False for SDL printed from an introspection result: its lines are not the file's. */
  hasLines: boolean;
}

export interface LoadedSources {
  /** Files that hold schema text, with their parts. */
  parts: SchemaPart[];
  /** Files that hold schema text (a code file with only a client query is not one). */
  schemaFiles: SchemaFile[];
  resolvers: (ResolverCandidate & {file: string})[];
  problems: Problem[];
}

/** Larger files are not read: no real schema or resolver file comes near it (ADR 0028 bounds work). */
const MAX_BYTES = 32 * 2 ** 20;
/** An introspection result names `__schema` near its start; other JSON files are not read further. */
const INTROSPECTION_HEAD = 4096;

let loaded: typeof GraphqlJs | undefined;

/** graphql-js, loaded the first time a file holds GraphQL text: most targets have none (docs/adr/0059). */
function graphql(): typeof GraphqlJs {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return (loaded ??= require('graphql') as typeof GraphqlJs);
}

const FIX_SYNTAX = 'Fix the syntax; until then the rest of the schema is built without this part';

export function loadSources(root: string, files: SchemaFile[]): LoadedSources {
  const out: LoadedSources = {parts: [], schemaFiles: [], resolvers: [], problems: []};
  // Resolvers only matter once there is a schema: a code file that may hold resolvers but no schema
  // string is parsed after the others, and only when they found a schema (a repository without
  // GraphQL then parses nothing). Its resolvers keep their place in file order.
  const resolvers: {file: string; found?: ResolverCandidate[]; text?: string}[] = [];
  for (const source of files) {
    const absolute = path.join(root, source.file);
    let size: number;
    try {
      size = fs.statSync(absolute).size;
    } catch {
      continue;
    }
    if (size > MAX_BYTES) {
      if (source.kind === 'sdl') out.problems.push({file: source.file, message: `the schema file is ${Math.round(size / 2 ** 20)} MB, more than the 32 MB read`, fix: 'Split it, or leave it out with graphql.exclude'});
      continue;
    }
    if (source.kind === 'introspection' && !headHas(absolute, '"__schema"')) continue;
    const text = fs.readFileSync(absolute, 'utf8');
    const before = out.parts.length;
    if (source.kind === 'sdl') parsePart(out, source.file, new (graphql().Source)(text, source.file), true);
    else if (source.kind === 'introspection') loadIntrospection(out, source.file, text);
    else if (!mayHoldSchemaText(text)) {
      if (mayHoldGraphql(text)) resolvers.push({file: source.file, text});
    } else resolvers.push({file: source.file, found: loadCode(out, source.file, text)});
    if (out.parts.length > before || out.problems.some((problem) => problem.file === source.file)) out.schemaFiles.push(source);
  }
  if (out.parts.length === 0) return out;
  for (const entry of resolvers) {
    const found = entry.found ?? scanCode(entry.file, entry.text!).resolvers;
    out.resolvers.push(...found.map((resolver) => ({...resolver, file: entry.file})));
  }
  return out;
}

function headHas(file: string, needle: string): boolean {
  const fd = fs.openSync(file, 'r');
  try {
    const buffer = Buffer.alloc(INTROSPECTION_HEAD);
    const read = fs.readSync(fd, buffer, 0, INTROSPECTION_HEAD, 0);
    return buffer.subarray(0, read).toString('utf8').includes(needle);
  } finally {
    fs.closeSync(fd);
  }
}

/**
 * Parses one piece and keeps its type definitions: a client's operations are not the schema (a
 * `queries.graphql` beside it, a `gql` query in a component). `quiet` drops a piece that does not
 * parse without a problem, for code literals that may be anything.
 */
function parsePart(out: LoadedSources, file: string, source: Source, hasLines: boolean, quiet = false): void {
  try {
    const document = graphql().parse(source, {noLocation: false});
    const definitions = document.definitions.filter(isTypeSystem);
    if (definitions.length === 0) return;
    out.parts.push({file, document: definitions.length === document.definitions.length ? document : {...document, definitions}, hasLines});
  } catch (error) {
    if (!(error instanceof graphql().GraphQLError)) throw error;
    // A code literal that does not start like a schema may be anything (a client query, another
    // library's `graphql` tag): not the schema's problem.
    if (quiet) return;
    out.problems.push({file, line: lineOf(error, source), message: `GraphQL ${error.message.replace(/^Syntax Error: /, 'syntax error: ')}`, fix: FIX_SYNTAX});
  }
}

function isTypeSystem(definition: DocumentNode['definitions'][number]): boolean {
  return definition.kind !== graphql().Kind.OPERATION_DEFINITION && definition.kind !== graphql().Kind.FRAGMENT_DEFINITION;
}

/** The error's line in the file: the literal's own offset added for schema strings in code. */
function lineOf(error: GraphQLError, source: Source): number | undefined {
  const line = error.locations?.[0]?.line;
  return line === undefined ? undefined : line + source.locationOffset.line - 1;
}

/** The schema strings of a code file go into `out`; its resolver candidates are returned. */
function loadCode(out: LoadedSources, file: string, text: string): ResolverCandidate[] {
  const facts = scanCode(file, text);
  for (const literal of facts.literals) {
    // A literal that is not GraphQL at all (a `graphql` tag of another library) is not worth a warning.
    if (!/^\s*(?:#.*\n\s*)*(?:"""[\s\S]*?"""\s*)?(?:extend\s+)?(?:type|schema|input|enum|interface|union|scalar|directive)\b/.test(literal.text)) {
      parsePart(out, file, new (graphql().Source)(literal.text, file, {line: literal.line, column: literal.column}), true, true);
      continue;
    }
    parsePart(out, file, new (graphql().Source)(literal.text, file, {line: literal.line, column: literal.column}), true);
  }
  return facts.resolvers;
}

function loadIntrospection(out: LoadedSources, file: string, text: string): void {
  try {
    const json = JSON.parse(text) as {data?: IntrospectionQuery} & Partial<IntrospectionQuery>;
    const result = json.__schema ? (json as IntrospectionQuery) : json.data;
    if (!result?.__schema) return;
    const printed = graphql().printSchema(graphql().buildClientSchema(result));
    out.parts.push({file, document: graphql().parse(new (graphql().Source)(printed, file)), hasLines: false});
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    out.problems.push({file, message: `not a valid introspection result: ${message}`, fix: 'Save the full result of the introspection query (with __schema), or leave the file out with graphql.exclude'});
  }
}
