/**
 * The JSON an operation page fetches: the `api` object docusaurus-theme-openapi-docs' ApiItem and
 * ApiExplorer read (the operation, its servers and security, a Postman request skeleton for the code
 * samples), with `$ref`s kept, and the components those refs reach (named; the model holds them once).
 */
import {collectComponents, deref, isObject, type ComponentRegistry, type Json, type JsonObject} from './components';
import {PAGE_DATA_VERSION, type OperationData} from './model';

export interface OperationContext {
  document: JsonObject;
  method: string;
  /** Path template, or the event name of a webhook. */
  path: string;
  pathItem: JsonObject;
  operation: JsonObject;
  kind: 'operation' | 'webhook';
}

/** Path-level parameters apply unless the operation redefines one with the same name and location. */
export function mergedParameters(context: OperationContext): Json[] {
  const {document, pathItem, operation} = context;
  const own = Array.isArray(operation.parameters) ? operation.parameters : [];
  const inherited = Array.isArray(pathItem.parameters) ? pathItem.parameters : [];
  const keyOf = (parameter: Json) => {
    const resolved = deref(document, parameter);
    return isObject(resolved) ? `${String(resolved.in)}:${String(resolved.name)}` : undefined;
  };
  const ownKeys = new Set(own.map(keyOf));
  return [...own, ...inherited.filter((parameter) => !ownKeys.has(keyOf(parameter)))];
}

export function createOperationData(context: OperationContext, registry: ComponentRegistry): OperationData {
  const {document, method, path, pathItem, operation, kind} = context;
  const components = isObject(document.components) ? document.components : {};
  const info = isObject(document.info) ? document.info : {};
  // The explorer reads request body content types (and a body form) from the resolved requestBody.
  const requestBody = deref(document, operation.requestBody);
  const api: JsonObject = {
    ...withoutKeys(operation, ['summary', 'parameters', 'servers', 'security', 'x-code-samples']),
    description: stringOr(operation.description, stringOr(operation.summary, '')),
    parameters: mergedParameters(context),
    method: kind === 'webhook' ? 'event' : method,
    path: kind === 'webhook' ? 'webhook' : path,
    servers: firstArray(...[operation.servers, pathItem.servers, document.servers].filter(nonEmpty)) ?? [{url: '/'}],
    security: firstArray(operation.security, document.security) ?? [],
    securitySchemes: lowerCaseHttpSchemes(components.securitySchemes) ?? null,
    info: {title: stringOr(info.title, ''), version: stringOr(info.version, '')},
    postman: createPostmanRequest(method, path, requestBody),
  };
  const samples = operation['x-codeSamples'] ?? operation['x-code-samples'];
  if (Array.isArray(samples)) api['x-codeSamples'] = samples.filter(isCodeSample);
  if (operation.deprecated === true) api.deprecated = true;
  return {version: PAGE_DATA_VERSION, api, ...collectComponents(document, api, registry)};
}

/**
 * A Postman request with only what the theme does not rebuild from the form: method, path segments
 * (`{id}` as the Postman variable `:id`) and the body mode. The theme fills host, query, headers and
 * body from the explorer's state before it generates each code sample. (The stock plugin converts the
 * whole spec with openapi-to-postmanv2 for this; on GitHub's spec that is most of its generation time.)
 */
export function createPostmanRequest(method: string, path: string, requestBody: Json | undefined): JsonObject {
  const segments = path
    .split('/')
    .filter((segment) => segment !== '')
    .map((segment) => segment.replace(/^\{([^{}]+)\}$/, ':$1'));
  const variables = segments.filter((segment) => segment.startsWith(':')).map((segment) => ({key: segment.slice(1), value: ''}));
  const request: JsonObject = {
    method: method.toUpperCase(),
    url: {path: segments, host: ['{{baseUrl}}'], query: [], variable: variables},
    header: [],
  };
  const content = isObject(requestBody) && isObject(requestBody.content) ? Object.keys(requestBody.content) : [];
  const first = content[0]?.toLowerCase();
  if (first !== undefined) {
    if (first.startsWith('multipart/form-data')) request.body = {mode: 'formdata', formdata: []};
    else if (first.startsWith('application/x-www-form-urlencoded')) request.body = {mode: 'urlencoded', urlencoded: []};
    else request.body = {mode: 'raw', raw: ''};
  }
  return request;
}

function lowerCaseHttpSchemes(schemes: Json | undefined): JsonObject | undefined {
  if (!isObject(schemes)) return undefined;
  const out: JsonObject = {};
  for (const [key, scheme] of Object.entries(schemes)) {
    // The theme compares `scheme` with "bearer" and "basic"; the spec says it is case-insensitive.
    out[key] = isObject(scheme) && typeof scheme.scheme === 'string' ? {...scheme, scheme: scheme.scheme.toLowerCase()} : scheme;
  }
  return out;
}

function isCodeSample(sample: Json): boolean {
  return isObject(sample) && typeof sample.lang === 'string' && typeof sample.source === 'string';
}

function firstArray(...candidates: (Json | undefined)[]): Json[] | undefined {
  return candidates.find((candidate): candidate is Json[] => Array.isArray(candidate));
}

function nonEmpty(value: Json | undefined): boolean {
  return !Array.isArray(value) || value.length > 0;
}

function stringOr(value: Json | undefined, fallback: string): string {
  return typeof value === 'string' ? value : fallback;
}

function withoutKeys(object: JsonObject, keys: string[]): JsonObject {
  return Object.fromEntries(Object.entries(object).filter(([key]) => !keys.includes(key)));
}
