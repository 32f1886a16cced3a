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
export const OPENAPI_MODEL_VERSION = 1;

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

export const PAGE_DATA_VERSION = 1;

/**
 * What an operation page fetches. `api` is the object docusaurus-theme-openapi-docs' ApiItem expects,
 * except that `$ref`s are kept: the page resolves them against `components` (see client/resolveRefs).
 */
export interface OperationData {
  version: typeof PAGE_DATA_VERSION;
  api: Record<string, unknown>;
  components: ComponentMap;
}

export interface SchemaData {
  version: typeof PAGE_DATA_VERSION;
  schema: unknown;
  components: ComponentMap;
}

/** What a schema page fetches: the schemas it shows, by name, and the components they reach. */
export interface SchemaPageData {
  version: typeof PAGE_DATA_VERSION;
  schemas: Record<string, unknown>;
  components: ComponentMap;
}
