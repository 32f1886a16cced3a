/**
 * A bundled OpenAPI 3.x document → the API model. Pure: no files, no Docusaurus. Everything is read
 * defensively (a field of the wrong type counts as absent), because an invalid description is still
 * rendered (its problems are warnings), and nothing here may throw on a user's document.
 */
import {collectComponents, collectGroups, createComponentRegistry, deref, isObject, type ComponentRegistry, type Json, type JsonObject} from './components';
import {OPENAPI_MODEL_VERSION, PAGE_DATA_VERSION, type ApiInfo, type ApiModel, type OperationModel, type SchemaModel, type SecuritySchemeModel, type ServerModel, type SpecFormat, type SpecProblem, type TagModel} from './model';
import {createOperationData, mergedParameters, type OperationContext} from './operationData';
import {createSlugger} from './slugs';
import {summarizeParameter, summarizeProperties, typeLabel} from './summaries';

export const HTTP_METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'] as const;

/** Operation slugs live beside these folders and routes of the section. */
const RESERVED_SLUGS = ['schemas', 'webhooks', 'tags', 'category', 'index', '_openapi'];

export interface ExtractInput {
  document: Record<string, unknown>;
  file: string;
  files: string[];
  format: SpecFormat;
  problems: SpecProblem[];
}

export function extractModel(input: ExtractInput): ApiModel {
  const document = input.document as JsonObject;
  const components = isObject(document.components) ? document.components : {};
  const tags = extractTags(document);
  const registry = createComponentRegistry();
  const operationSlug = createSlugger(RESERVED_SLUGS);
  const operations: OperationModel[] = [];
  for (const [path, rawItem] of entries(document.paths)) {
    const pathItem = deref(document, rawItem);
    if (!isObject(pathItem)) continue;
    for (const method of HTTP_METHODS) {
      const operation = pathItem[method];
      if (!isObject(operation)) continue;
      operations.push(extractOperation({document, method, path, pathItem, operation, kind: 'operation'}, operationSlug, tags, registry));
    }
  }
  const webhookSlug = createSlugger();
  const webhooks: OperationModel[] = [];
  for (const [event, rawItem] of [...entries(document.webhooks), ...entries(document['x-webhooks'])]) {
    const pathItem = deref(document, rawItem);
    if (!isObject(pathItem)) continue;
    for (const method of HTTP_METHODS) {
      const operation = pathItem[method];
      if (!isObject(operation)) continue;
      webhooks.push(extractOperation({document, method, path: event, pathItem, operation, kind: 'webhook'}, webhookSlug, tags, registry));
    }
  }
  const schemas = extractSchemas(document, components.schemas, registry);
  const shared = collectGroups(document, registry);
  return {
    version: OPENAPI_MODEL_VERSION,
    file: input.file,
    files: input.files,
    format: input.format,
    info: extractInfo(document, input.file),
    servers: extractServers(document.servers),
    securitySchemes: extractSecuritySchemes(document, components.securitySchemes),
    security: securityNames(document.security),
    tags: tags.filter((tag) => operations.some((operation) => operation.tag === tag.name) || webhooks.some((w) => w.tag === tag.name)),
    operations,
    webhooks,
    schemas,
    components: Object.fromEntries(Object.keys(registry.components).sort().map((ref) => [ref, registry.components[ref]])),
    shared,
    problems: input.problems,
  };
}

function extractOperation(context: OperationContext, slugger: ReturnType<typeof createSlugger>, tags: TagModel[], registry: ComponentRegistry): OperationModel {
  const {document, method, path, operation, kind} = context;
  const operationId = text(operation.operationId);
  const summary = text(operation.summary)?.trim();
  const title = summary || operationId || (kind === 'webhook' ? path : `${method.toUpperCase()} ${path}`);
  const tagName = Array.isArray(operation.tags) ? operation.tags.find((tag): tag is string => typeof tag === 'string') : undefined;
  if (tagName !== undefined && !tags.some((tag) => tag.name === tagName)) tags.push(tagModel(tagName, undefined, undefined, tags));
  const requestBody = deref(document, operation.requestBody);
  const description = text(operation.description);
  return {
    slug: operationId ? slugger(operationId, `${method}-${path}`) : slugger(summary ?? '', `${method}-${path}`, 'prose'),
    kind,
    method,
    path,
    operationId,
    title,
    description: description?.trim() ? description : undefined,
    deprecated: operation.deprecated === true,
    tag: tagName,
    parameters: mergedParameters(context).map((parameter) => summarizeParameter(document, parameter)).filter((p) => p !== undefined),
    requestBody: isObject(requestBody)
      ? {
          required: requestBody.required === true,
          mediaTypes: isObject(requestBody.content) ? Object.keys(requestBody.content) : [],
          description: text(requestBody.description),
        }
      : undefined,
    responses: entries(operation.responses).map(([code, raw]) => {
      const response = deref(document, raw);
      return {
        code,
        description: isObject(response) ? text(response.description) : undefined,
        mediaTypes: isObject(response) && isObject(response.content) ? Object.keys(response.content) : [],
      };
    }),
    callbacks: entries(operation.callbacks).map(([name]) => name),
    security: securityNames(operation.security ?? document.security),
    codeSampleLanguages: codeSampleLanguages(operation['x-codeSamples'] ?? operation['x-code-samples']),
    data: createOperationData(context, registry),
  };
}

function extractInfo(document: JsonObject, file: string): ApiInfo {
  const info = isObject(document.info) ? document.info : {};
  const contact = isObject(info.contact) ? info.contact : undefined;
  const license = isObject(info.license) ? info.license : undefined;
  const externalDocs = isObject(document.externalDocs) ? document.externalDocs : undefined;
  return {
    title: text(info.title)?.trim() || file.split('/').pop()!.replace(/\.(ya?ml|json)$/i, ''),
    version: text(info.version) ?? (typeof info.version === 'number' ? String(info.version) : ''),
    summary: text(info.summary),
    description: text(info.description),
    termsOfService: text(info.termsOfService),
    contact: contact ? {name: text(contact.name), url: text(contact.url), email: text(contact.email)} : undefined,
    license: license ? {name: text(license.name), url: text(license.url), identifier: text(license.identifier)} : undefined,
    externalDocs: externalDocs && text(externalDocs.url) ? {url: text(externalDocs.url)!, description: text(externalDocs.description)} : undefined,
  };
}

function extractServers(servers: Json | undefined): ServerModel[] {
  if (!Array.isArray(servers)) return [];
  return servers.filter(isObject).flatMap((server) => {
    const url = text(server.url);
    if (url === undefined) return [];
    return [
      {
        url,
        description: text(server.description),
        variables: entries(server.variables).flatMap(([name, variable]) =>
          isObject(variable)
            ? [
                {
                  name,
                  default: String(variable.default ?? ''),
                  enum: Array.isArray(variable.enum) ? variable.enum.map(String) : undefined,
                  description: text(variable.description),
                },
              ]
            : [],
        ),
      },
    ];
  });
}

function extractSecuritySchemes(document: JsonObject, schemes: Json | undefined): SecuritySchemeModel[] {
  return entries(schemes).flatMap(([key, raw]) => {
    const scheme = deref(document, raw);
    if (!isObject(scheme)) return [];
    return [
      {
        key,
        type: text(scheme.type) ?? 'unknown',
        description: text(scheme.description),
        scheme: text(scheme.scheme)?.toLowerCase(),
        bearerFormat: text(scheme.bearerFormat),
        in: text(scheme.in),
        name: text(scheme.name),
        openIdConnectUrl: text(scheme.openIdConnectUrl),
        flows: isObject(scheme.flows)
          ? entries(scheme.flows).flatMap(([flow, value]) =>
              isObject(value)
                ? [
                    {
                      flow,
                      authorizationUrl: text(value.authorizationUrl),
                      tokenUrl: text(value.tokenUrl),
                      refreshUrl: text(value.refreshUrl),
                      scopes: entries(value.scopes).map(([name, description]) => ({name, description: text(description) ?? ''})),
                    },
                  ]
                : [],
            )
          : undefined,
      },
    ];
  });
}

function extractTags(document: JsonObject): TagModel[] {
  const tags: TagModel[] = [];
  for (const tag of Array.isArray(document.tags) ? document.tags : []) {
    if (!isObject(tag) || typeof tag.name !== 'string' || tags.some((t) => t.name === tag.name)) continue;
    tags.push(tagModel(tag.name, text(tag['x-displayName']), text(tag.description), tags));
  }
  return tags;
}

function tagModel(name: string, displayName: string | undefined, description: string | undefined, existing: TagModel[]): TagModel {
  const slugger = createSlugger(['schemas', 'webhooks', ...existing.map((tag) => tag.slug)]);
  return {name, label: displayName?.trim() || name, description, slug: slugger(name, 'tag', 'prose')};
}

function extractSchemas(document: JsonObject, schemas: Json | undefined, registry: ComponentRegistry): SchemaModel[] {
  const slugger = createSlugger();
  return entries(schemas).map(([name, raw]) => {
    const resolved = deref(document, raw);
    const schema = isObject(resolved) ? resolved : {};
    const ref = `#/components/schemas/${name.replaceAll('~', '~0').replaceAll('/', '~1')}`;
    return {
      name,
      slug: slugger(name, 'schema'),
      title: text(schema.title)?.trim() || name,
      description: text(schema.description),
      deprecated: schema.deprecated === true,
      type: typeLabel(document, raw),
      properties: summarizeProperties(document, schema),
      data: {version: PAGE_DATA_VERSION, schema: {$ref: ref}, ...collectComponents(document, {$ref: ref}, registry)},
    };
  });
}

/** `[{oauth: [...]}, {apiKey: [], basic: []}]` → `[['oauth'], ['apiKey', 'basic']]`. */
function securityNames(security: Json | undefined): string[][] {
  if (!Array.isArray(security)) return [];
  return security.filter(isObject).map((requirement) => Object.keys(requirement));
}

function codeSampleLanguages(samples: Json | undefined): string[] {
  if (!Array.isArray(samples)) return [];
  return [...new Set(samples.filter(isObject).map((sample) => sample.lang).filter((lang): lang is string => typeof lang === 'string'))];
}

function entries(value: Json | undefined): [string, Json][] {
  return isObject(value) ? Object.entries(value) : [];
}

function text(value: Json | undefined): string | undefined {
  return typeof value === 'string' ? value : undefined;
}
