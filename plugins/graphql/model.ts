/**
 * The GraphQL model: what render knows about one GraphQL schema of the target. Plain JSON, versioned
 * (docs/adr/0029), sorted; render reads nothing else. Extract decides which page each type lives on,
 * so the link index can name every type's anchor from the model alone.
 */

/** Bump when the shape changes (docs/adr/0029). */
export const GRAPHQL_MODEL_VERSION = 1;

/** One GraphQL section: the schema, or why none of its files could be read (the section shows why). */
export type GraphqlSectionModel =
  | {version: typeof GRAPHQL_MODEL_VERSION; state: 'ok'; schema: GraphqlSchemaModel}
  | {version: typeof GRAPHQL_MODEL_VERSION; state: 'error'; title: string; files: string[]; messages: string[]};

/** A place in the target: file relative to its root (POSIX) and 1-based line. */
export interface SourceRef {
  file: string;
  line?: number;
}

export type OperationKind = 'query' | 'mutation' | 'subscription';
export type TypeKind = 'object' | 'interface' | 'union' | 'enum' | 'input' | 'scalar';

export interface GraphqlSchemaModel {
  title: string;
  /** The files the schema is made of (SDL files, code holding schema strings, introspection JSON), sorted. */
  files: string[];
  description?: string;
  /** Where the explorer sends queries (config `graphql.schemas[].endpoint`); no explorer without it. */
  endpoint?: string;
  /** The root operation types (`Query`, `Mutation`, `Subscription` by default), with their descriptions. */
  roots: RootType[];
  /** Every field of the root types, by kind (query, mutation, subscription) then name. */
  operations: OperationModel[];
  /** Every named type but the root operation types and the built-in scalars, by name. */
  types: TypeModel[];
  /** Pages of types, in sidebar order: each kind split into pages of a bounded number of types. */
  typePages: TypePage[];
  /** How many resolvers were found in code (each also sits on its field). */
  resolverCount: number;
}

export interface RootType {
  kind: OperationKind;
  name: string;
  description?: string;
}

/** A type as written: `[Repository!]!`, and the named type inside it that links to its entry. */
export interface TypeUse {
  text: string;
  name: string;
}

export interface ArgumentModel {
  name: string;
  type: TypeUse;
  /** The default value as GraphQL prints it. */
  defaultValue?: string;
  description?: string;
  /** The reason, when deprecated. */
  deprecated?: string;
}

/** The code that resolves a field: its place, and the code symbol that holds it when it is one. */
export interface ResolverRef extends SourceRef {
  /** Code reference symbol id (`file#name`) of the object or class that holds it. */
  symbol?: string;
}

export interface OperationModel {
  kind: OperationKind;
  name: string;
  /** Unique in the section; the page's file name and URL segment (`query-viewer`). */
  slug: string;
  description?: string;
  deprecated?: string;
  arguments: ArgumentModel[];
  type: TypeUse;
  /** A query a reader can run: the operation with its arguments as variables and a selection of fields. */
  example: {query: string; variables: string};
  source?: SourceRef;
  resolver?: ResolverRef;
}

export interface FieldModel {
  name: string;
  type: TypeUse;
  arguments: ArgumentModel[];
  description?: string;
  deprecated?: string;
  defaultValue?: string;
  resolver?: ResolverRef;
}

export interface EnumValueModel {
  name: string;
  description?: string;
  deprecated?: string;
}

export interface TypeModel {
  name: string;
  kind: TypeKind;
  /** The slug of the page it is on; its anchor there is `anchorOf(name)`. */
  page: string;
  description?: string;
  source?: SourceRef;
  /** Fields of objects, interfaces and inputs. */
  fields: FieldModel[];
  /** Values of an enum. */
  values: EnumValueModel[];
  /** Interfaces it implements. */
  interfaces: string[];
  /** Members of a union; implementations of an interface. */
  possibleTypes: string[];
  /** Where the type is used: `Type.field`, `Type.field(arg)` or an operation (`query viewer`), sorted. */
  usedBy: string[];
  specifiedBy?: string;
}

export interface TypePage {
  slug: string;
  kind: TypeKind;
  title: string;
  /** Names of the types on it, in order. */
  types: string[];
}

/**
 * The anchor of a type on its page: its name, which GraphQL limits to `[_A-Za-z][_0-9A-Za-z]*`, is
 * unique in the schema, and is what a reader types after `#`.
 */
export function anchorOf(name: string): string {
  return name;
}
