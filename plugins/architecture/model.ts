/**
 * The architecture model: what the repository declares about its parts (containers, data stores,
 * external systems, how they connect), its import graph, and its data models. Plain sorted JSON; the
 * only thing the render stage reads (docs/adr/0036).
 */

/** Bump when the shape changes (docs/adr/0029). */
export const ARCHITECTURE_MODEL_VERSION = 1;

/** Where a fact was read: a file relative to the target, and a 1-based line. */
export interface SourceRef {
  file: string;
  line: number;
}

/**
 * - container: something that runs (a compose service, a k8s workload, an app or package);
 * - store: a database, cache or object store; broker: a message broker;
 * - proxy: the entry point (traefik, nginx...); external: a system outside the repository.
 */
export type ElementKind = 'container' | 'store' | 'broker' | 'proxy' | 'external';

export interface ElementModel {
  /** Unique, lower case, URL-safe: the element's page is `containers/<key>`. */
  key: string;
  name: string;
  kind: ElementKind;
  /** Image, language or product: `postgres:16`, `TypeScript`, `Stripe`. */
  technology?: string;
  /** One generated sentence: what it is and what it was inferred from. */
  description: string;
  /** Every place it is declared or inferred from, sorted. */
  sources: SourceRef[];
  /** Published ports (`8080:80`) and container ports. */
  ports: string[];
  /** Environment variable names (never values). */
  env: string[];
  /** The npm package it is, when it is one: its code reference pages are linked. */
  packageName?: string;
}

export interface RelationModel {
  from: string;
  to: string;
  /** `5432`, `depends_on`, `DATABASE_URL`. */
  label: string;
  source: SourceRef;
}

/** One import of a file by another, at the importing line. */
export interface ImportEdge {
  from: string;
  to: string;
  line: number;
  typeOnly: boolean;
}

export interface GraphNode {
  /** Folder (or file, at the deepest level) relative to the target. */
  key: string;
  label: string;
  files: number;
  /** True when the node has its own drill-down page. */
  drill: boolean;
  /** A module of the code reference this node stands for, by module name. */
  module?: string;
}

export interface GraphEdge {
  from: string;
  to: string;
  /** Imports between the two nodes. */
  count: number;
  /** Every one of them is `import type`. */
  typeOnly: boolean;
  /** Part of an import cycle between the nodes. */
  cycle: boolean;
}

export interface GraphModel {
  /** The folder drawn (`''` for the package level). */
  key: string;
  title: string;
  nodes: GraphNode[];
  edges: GraphEdge[];
  /** Packages imported from outside the target, with the number of files importing each. */
  externals: {name: string; files: number}[];
}

export interface CycleModel {
  /** The files of one cycle, in import order; the last imports the first. */
  files: string[];
  /** The import of each file by the previous one. */
  imports: (SourceRef & {to: string})[];
}

export interface DependencyModel {
  /** Package-level graph (workspaces), when there are several packages. */
  packages?: GraphModel;
  /** Folder-level graphs: the top of each source root, then one per drill-down folder. */
  graphs: GraphModel[];
  cycles: CycleModel[];
  files: number;
  imports: number;
}

export interface ColumnModel {
  name: string;
  type: string;
  nullable: boolean;
  list?: boolean;
  default?: string;
  primaryKey?: boolean;
  unique?: boolean;
  /** `Model.field` this column refers to. */
  references?: string;
}

export interface EntityRelationModel {
  /** The field holding the relation. */
  field: string;
  to: string;
  cardinality: 'one-to-one' | 'one-to-many' | 'many-to-one' | 'many-to-many';
}

export interface EntityModel {
  /** Unique, URL-safe page key. */
  key: string;
  name: string;
  /** The reader: `prisma`, `typeorm`, `mikroorm`, `sequelize`, `drizzle`, `sql`, `sqlalchemy`, `sqlmodel`, `alembic`, with `(table x)` when the table's name differs. */
  origin: string;
  columns: ColumnModel[];
  indexes: string[];
  relations: EntityRelationModel[];
  source: SourceRef;
}

export interface Problem extends SourceRef {
  message: string;
}

export interface ArchitectureModel {
  version: typeof ARCHITECTURE_MODEL_VERSION;
  system: string;
  elements: ElementModel[];
  relations: RelationModel[];
  dependencies?: DependencyModel;
  entities: EntityModel[];
  /** Inputs that could not be read, also reported as warnings. */
  problems: Problem[];
}
