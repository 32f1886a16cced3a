/**
 * The API model: what the render stage knows about one API description. Plain JSON, versioned,
 * cached by the content hash of the spec's files; render reads nothing else.
 *
 * Two parts per page. The *summary* (titles, parameter names, status codes) goes into MDX, so the
 * static HTML and the search index have it. The *data* (the operation with its `$ref`s kept, plus the
 * components those refs reach) is written as a JSON file the page fetches at run time: schemas never
 * go through the bundler, and a schema used by a hundred operations is not copied a hundred times
 * into MDX (see docs/adr/0019).
 */

/** Bump when the shape changes (docs/adr/0029). */
export const OPENAPI_MODEL_VERSION = 2;

/**
 * One HTTP API section: the API, or why its description could not be read (the section then shows
 * the error). `inputHash` is the content hash of the description's files, which keys the rendered
 * pages' cache.
 */
export type OpenApiSectionModel =
  | {version: typeof OPENAPI_MODEL_VERSION; state: 'ok'; api: ApiModel; inputHash: string}
  | {version: typeof OPENAPI_MODEL_VERSION; state: 'error'; file: string; title: string; messages: string[]};

/** Where a problem is, as a reader fixes it: file and line, and the JSON pointer inside the file. */
export interface SpecProblem {
  message: string;
  /** Relative to the target's root (POSIX), or absolute when outside it. */
  file: string;
  line?: number;
  /** JSON pointer inside `file`, e.g. `#/paths/~1pets/get/responses`. */
  pointer?: string;
  /** The validator's rule, e.g. `struct` or `no-unresolved-refs`. */
  rule?: string;
}

export type SpecFormat = 'swagger-2.0' | 'openapi-3.0' | 'openapi-3.1' | 'openapi-3.2';

export interface ApiModel {
  version: typeof OPENAPI_MODEL_VERSION;
  /** The root file, relative to the target's root. */
  file: string;
  /** Every file the description is made of (root first), relative to the target's root. */
  files: string[];
  format: SpecFormat;
  info: ApiInfo;
  servers: ServerModel[];
  securitySchemes: SecuritySchemeModel[];
  /** Names of the schemes the API asks for by default, one list per alternative. */
  security: string[][];
  tags: TagModel[];
  operations: OperationModel[];
  webhooks: OperationModel[];
  schemas: SchemaModel[];
  /** Every component a page or shared file needs, once, by ref: pages pick theirs by `refs`. */
  components: ComponentMap;
  /** Fan-out groups by id, each written once as a shared file (ADR 0028). */
  shared: Record<string, SharedGroup>;
  /** Problems the validator found that do not stop the rendering (each is a build warning). */
  problems: SpecProblem[];
}

export interface ApiInfo {
  title: string;
  version: string;
  summary?: string;
  description?: string;
  termsOfService?: string;
  contact?: {name?: string; url?: string; email?: string};
  license?: {name?: string; url?: string; identifier?: string};
  externalDocs?: {url: string; description?: string};
}

export interface ServerModel {
  url: string;
  description?: string;
  variables: {name: string; default: string; enum?: string[]; description?: string}[];
}

export interface SecuritySchemeModel {
  key: string;
  type: string;
  description?: string;
  /** http: `bearer`, `basic`, ... (lower case). */
  scheme?: string;
  bearerFormat?: string;
  /** apiKey: where the key goes and under which name. */
  in?: string;
  name?: string;
  openIdConnectUrl?: string;
  flows?: {
    flow: string;
    authorizationUrl?: string;
    tokenUrl?: string;
    refreshUrl?: string;
    scopes: {name: string; description: string}[];
  }[];
}

export interface TagModel {
  name: string;
  /** `x-displayName`, else the name. */
  label: string;
  description?: string;
  /** Folder and URL segment of the tag's category. */
  slug: string;
}

export interface OperationModel {
  /** Unique in the section; the page's file name and URL segment. */
  slug: string;
  kind: 'operation' | 'webhook';
  /** Lower case HTTP method. */
  method: string;
  /** The path template, or the event name of a webhook. */
  path: string;
  operationId?: string;
  /** Sidebar label and page title: the summary, else the operationId, else `METHOD path`. */
  title: string;
  description?: string;
  deprecated: boolean;
  /** The tag whose category holds the page (the first tag), if any. */
  tag?: string;
  parameters: ParameterSummary[];
  requestBody?: {required: boolean; mediaTypes: string[]; description?: string};
  responses: {code: string; description?: string; mediaTypes: string[]}[];
  callbacks: string[];
  /** Schemes this operation accepts (one list per alternative); empty when anonymous. */
  security: string[][];
  /** Languages of the spec's own `x-codeSamples`. */
  codeSampleLanguages: string[];
  /** The JSON the page fetches at run time; see OperationData. */
  data: OperationData;
}

export interface ParameterSummary {
  name: string;
  in: string;
  required: boolean;
  deprecated: boolean;
  description?: string;
  /** A short type, e.g. `string`, `integer[]`, `Pet`. */
  type?: string;
}

export interface SchemaModel {
  /** Key in `components.schemas`. */
  name: string;
  slug: string;
  title: string;
  description?: string;
  deprecated: boolean;
  type?: string;
  /** Property names, for the static summary. */
  properties: {name: string; type?: string; required: boolean; description?: string}[];
  data: SchemaData;
}

/** Components reached from a page, by their JSON pointer in the bundled description. */
export type ComponentMap = Record<string, unknown>;

/** Version 2: components by ref from the model, and fan-out groups in shared files (ADR 0028). */
export const PAGE_DATA_VERSION = 2;

/**
 * What an operation page needs, as the model keeps it: `api` is the object
 * docusaurus-theme-openapi-docs' ApiItem expects, except that `$ref`s are kept; `refs` name the
 * components it reaches (held once, in ApiModel.components) and `shared` the fan-out groups it defers
 * to. The page's JSON (OperationPageJson) carries the components themselves.
 */
export interface OperationData {
  version: typeof PAGE_DATA_VERSION;
  api: Record<string, unknown>;
  refs: string[];
  shared: string[];
}

export interface SchemaData {
  version: typeof PAGE_DATA_VERSION;
  schema: unknown;
  refs: string[];
  shared: string[];
}

/** A fan-out group as the model keeps it: the components of its shared file, and the groups it names. */
export interface SharedGroup {
  refs: string[];
  shared: string[];
}

/**
 * The JSON a page fetches (`_openapi/{operations,webhooks,schemas}/<slug>.json`) and a shared file
 * (`_openapi/shared/<id>.json`): the page resolves its refs against `components` and the components of
 * every shared file `shared` names, transitively (see src/components/OpenApi/pageData.tsx).
 */
export interface PageJson {
  version: typeof PAGE_DATA_VERSION;
  api?: Record<string, unknown>;
  schemas?: Record<string, unknown>;
  components: ComponentMap;
  shared: string[];
}
