/**
 * The application model: what an app's users and developers look for besides its exports — its UI
 * components, its HTTP routes and its data models. Plain sorted JSON, the only thing render reads.
 */

/** Bump when the shape changes (docs/adr/0029). */
export const APPLICATION_MODEL_VERSION = 2;

export interface ApplicationModel {
  version: typeof APPLICATION_MODEL_VERSION;
  components: ComponentModel[];
  /** Routes grouped by the package (service) whose folder holds the file that declares them. */
  services: ServiceModel[];
  models: DataModel[];
  /** Files that could not be read as code (too large, syntax errors), for the index page. */
  skipped: {file: string; reason: string}[];
}

/** Where something is declared: a target file (relative POSIX path) and a 1-based line. */
export interface SourceRef {
  file: string;
  line: number;
}

export interface ComponentModel extends SourceRef {
  /** `file#Name`: the code reference's symbol id of the same declaration. */
  id: string;
  name: string;
  /** How it was recognised: a function or arrow returning JSX, a class with `render`, `forwardRef`, `memo`, a Vue or Svelte file. */
  shape: 'function' | 'class' | 'forwardRef' | 'memo' | 'vue' | 'svelte';
  exported: boolean;
  description?: string;
  /** The props type's name when it has one (`ButtonProps`), else undefined for an inline or missing type. */
  propsType?: string;
  /** Types the props type extends that were not found in the app (`ButtonHTMLAttributes<…>`). */
  propsExtends: string[];
  props: PropModel[];
  /** Components used in its JSX: ours by id, others by name only. */
  renders: ComponentRef[];
  /** Ids of our components whose JSX uses this one. */
  renderedBy: string[];
  example?: UsageExample;
}

export interface PropModel {
  name: string;
  /** Type as written in the source; undefined when the component has no props type (plain JS). */
  type?: string;
  required: boolean;
  /** Default as written, from destructuring (`size = 'md'`) or `defaultProps`. */
  default?: string;
  description?: string;
}

export interface ComponentRef {
  name: string;
  id?: string;
}

export interface UsageExample extends SourceRef {
  /** `story` from a Storybook CSF file, `test` from a test file. */
  from: 'story' | 'test';
  /** The story's export name, or the test's title when known. */
  title?: string;
  code: string;
}

export interface ServiceModel {
  /** The package's name, else its folder, else the project's name for the root. */
  name: string;
  /** Folder of the service's package.json ('' for the root). */
  dir: string;
  routes: RouteModel[];
}

export type Framework = 'express' | 'fastify' | 'koa' | 'hono' | 'nestjs' | 'next-app' | 'next-pages' | 'fastapi' | 'flask' | 'django';

export interface RouteModel extends SourceRef {
  /** Upper case; `ALL` for a handler of every method (`app.all`, a Next.js pages API route). */
  method: string;
  /** The path as users call it, prefixes of mounts included, parameters written `:name`. */
  path: string;
  framework: Framework;
  /** `page` for a Next.js page (a screen, not an API). */
  kind: 'api' | 'page';
  handler?: HandlerRef;
  /** Middleware and guards by name, in the order they run (router-level first). */
  middleware: string[];
  /** True when a middleware or guard's name says it checks who calls (auth, jwt, session, guard…). */
  auth: boolean;
}

export interface HandlerRef extends SourceRef {
  /** `listUsers`, `UsersController.findOne`, or `(inline)`. */
  name: string;
  /** The code reference's symbol id (`file#name`) when the handler is a named declaration. */
  symbol?: string;
}

export interface DataModel extends SourceRef {
  id: string;
  name: string;
  kind: 'interface' | 'type' | 'class' | 'enum';
  /** The folder it is grouped under on the page. */
  group: string;
  description?: string;
  fields: {name: string; type: string; optional: boolean}[];
  /** Names of the types it extends or implements. */
  extends: string[];
}
