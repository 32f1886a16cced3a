/**
 * The HTTP API reference: one section per API description of the target. Reads top to bottom:
 * discover → load (validate, bundle, extract; cached) → name the sections → render, or render an
 * error page when a description cannot be read. Problems become build warnings (strict fails).
 */
import path from 'node:path';
import {API_NAVBAR_GROUP} from '../core/apiNavbarGroup';
import {formatUserError, UserError} from '../core/errors';
import type {ExtractedSection, SectionGenerator, TargetContext} from '../core/types';
import {discoverSpecs, type SpecSource} from './discoverSpecs';
import type {LoadOutcome} from './loadModel';
import {OPENAPI_MODEL_VERSION, type ApiModel, type OpenApiSectionModel, type OperationModel, type SpecProblem} from './model';
import {assignSectionIds} from './sectionIds';
import {DATA_FILES} from '../core/site/inputPatterns';


/** Kept as an export for callers that read it here; the label itself is core's, shared by every API kind. */
export {API_NAVBAR_GROUP};

/**
 * The request-sample tabs, first the five every reader expects. A spec's own `x-codeSamples` show in
 * the tab whose label matches their `lang` (cURL, JavaScript, Python, Go, Java, Node.js...).
 */
const LANGUAGE_TABS = [
  {highlight: 'bash', language: 'curl', logoClass: 'curl'},
  {highlight: 'javascript', language: 'javascript', logoClass: 'javascript'},
  {highlight: 'python', language: 'python', logoClass: 'python'},
  {highlight: 'go', language: 'go', logoClass: 'go'},
  {highlight: 'java', language: 'java', logoClass: 'java'},
  {highlight: 'javascript', language: 'nodejs', logoClass: 'nodejs'},
  {highlight: 'ruby', language: 'ruby', logoClass: 'ruby'},
  {highlight: 'php', language: 'php', logoClass: 'php'},
  {highlight: 'csharp', language: 'csharp', logoClass: 'csharp'},
  {highlight: 'rust', language: 'rust', logoClass: 'rust'},
];

/** docusaurus-theme-openapi-docs renders the pages; our wrapper of its ApiItem loads their data. */
const DOCS_OPTIONS = {
  docItemComponent: '@theme/ApiItem',
  themes: ['docusaurus-theme-openapi-docs'],
  themeConfig: {languageTabs: LANGUAGE_TABS},
};

export const openapiGenerator: SectionGenerator<OpenApiSectionModel> = {
  id: 'openapi',
  // A spec and every file its $refs lead to.
  inputs: () => ({files: DATA_FILES, inventory: ['specs', 'files'], config: ['openapi']}),
  async extract(context) {
    const sources = discoverSpecs(context);
    if (sources.length === 0) return undefined;
    // Loaded here, and the validator (@redocly/openapi-core) only for a description not in the cache (docs/adr/0059).
    const {createModelCache, loadModel, lazyValidator} = await import('./loadModel');
    const validator = lazyValidator();
    const cache = createModelCache(context.siteDir);
    const loaded: {source: SpecSource; outcome: LoadOutcome}[] = [];
    for (const source of sources) {
      loaded.push({source, outcome: await loadModel(context.root, source.file, validator, cache)});
    }
    // A found file that another description $refs is a part of that one, not an API of its own.
    const parts = new Set(loaded.flatMap(({outcome}) => (outcome.ok ? outcome.model.files.slice(1) : [])));
    const kept = loaded.filter(({source}) => source.configured || !parts.has(source.file));
    const ids = assignSectionIds(
      kept.map(({source, outcome}) => ({source, title: outcome.ok ? outcome.model.info.title : undefined, version: outcome.ok ? outcome.model.info.version : undefined})),
      context.configFile,
    );
    return kept.map(({source, outcome}, index) => {
      const section = outcome.ok ? apiSection(context, source, outcome) : errorSection(context, source, outcome.problems);
      return {...section, id: ids[index]!, ...(source.id ? {idKey: idKeyOf(context, source.id)} : {})};
    });
  },
  index({id, model}) {
    if (model.state !== 'ok') return [];
    const operation = (op: OperationModel, url: string) => [
      ...(op.operationId ? [{kind: 'operation' as const, key: `${id}/${op.operationId}`, url, title: op.title}] : []),
      {kind: 'operation' as const, key: `${id}/${op.method.toUpperCase()} ${op.path}`, url, title: op.title},
    ];
    return [
      // The description's files are documented by this section (the overview links them here).
      ...model.api.files.map((file) => ({kind: 'file' as const, key: file, url: `/${id}/`, title: model.api.info.title})),
      ...model.api.operations.flatMap((op) => operation(op, `/${id}/${op.slug}/`)),
      ...model.api.webhooks.flatMap((op) => operation(op, `/${id}/webhooks/${op.slug}/`)),
    ];
  },
  async render({id, model}, site) {
    const [{renderErrorPage}, {renderSectionCached}, {findImplementation}] = await Promise.all([import('./renderErrorPage'), import('./renderCached'), import('./implementation')]);
    if (model.state === 'error') return {files: new Map([['index.mdx', renderErrorPage(model.title, model.file, model.messages)]])};
    const options = site.context.config.openapi ?? {};
    return renderSectionCached(site.context.siteDir, model.api, model.inputHash, id, {
      schemaPages: options.schemaPages !== false,
      proxy: options.proxy,
      sendButton: options.sendButton !== false,
      implementation: findImplementation(model.api, id, site),
    });
  },
  // Page data (each operation's schemas, fetched by its page) is served beside the pages; the site
  // model keeps what the pages say, not megabytes of repeated schemas.
  publish(model) {
    if (model.state !== 'ok') return model;
    const {api} = model;
    // What pages fetch (each page's data, the components and fan-out groups it resolves) is the
    // description again in another shape: the published model keeps what the pages say.
    const strip = <T extends {data: unknown}>({data: _data, ...rest}: T) => rest;
    const {components: _components, shared: _shared, ...said} = api;
    return {...model, api: {...said, operations: api.operations.map(strip), webhooks: api.webhooks.map(strip), schemas: api.schemas.map(strip)}} as unknown as OpenApiSectionModel;
  },
};

type Extracted = Omit<ExtractedSection<OpenApiSectionModel>, 'id'>;

function apiSection(context: TargetContext, source: SpecSource, {model, key}: {model: ApiModel; key: string}): Extracted {
  for (const problem of model.problems) {
    context.report.warn(`invalid API description: ${problem.message}`, problemDetails(context, problem, 'Fix the description; its pages are built anyway'));
  }
  const counts = [
    plural(model.operations.length, 'operation'),
    ...(model.webhooks.length > 0 ? [plural(model.webhooks.length, 'webhook')] : []),
    ...(model.schemas.length > 0 ? [plural(model.schemas.length, 'schema')] : []),
  ];
  return {
    title: source.title ?? [model.info.title, model.info.version].filter(Boolean).join(' '),
    description: `HTTP API reference with an explorer: ${counts.join(', ')}, from ${model.file}.`,
    model: {version: OPENAPI_MODEL_VERSION, state: 'ok', api: model, inputHash: key},
    watch: model.files.map((file) => path.resolve(context.root, file)),
    docs: DOCS_OPTIONS,
    navbarGroup: API_NAVBAR_GROUP,
  };
}

function errorSection(context: TargetContext, source: SpecSource, problems: SpecProblem[]): Extracted {
  const fix = 'Fix the description; until then its section shows this error';
  const messages: string[] = [];
  for (const problem of problems) {
    const message = `cannot build the API reference: ${problem.message}`;
    context.report.warn(message, problemDetails(context, problem, fix));
    // The page shows the same line, with the path relative to the repository instead of this machine's.
    messages.push(formatUserError(new UserError(message, {file: problem.file, line: problem.line, key: problem.pointer, fix})));
  }
  const title = source.title ?? path.posix.basename(source.file);
  return {
    title,
    description: `This API description could not be read: ${problems[0]?.message ?? 'unknown error'}.`,
    model: {version: OPENAPI_MODEL_VERSION, state: 'error', file: source.file, title, messages},
    watch: [...new Set([source.file, ...problems.map((problem) => problem.file)])].map((file) => path.resolve(context.root, file)),
    docs: DOCS_OPTIONS,
    navbarGroup: API_NAVBAR_GROUP,
  };
}

/** The config key that set a section's id, as a clash message names it. */
function idKeyOf(context: TargetContext, id: string): string {
  const specs = context.config.openapi?.specs ?? [];
  const index = specs.findIndex((spec) => typeof spec === 'object' && spec !== null && 'id' in spec && spec.id === id);
  return index >= 0 ? `openapi.specs[${index}].id` : 'openapi.specs[].id';
}

/** Build output names files from the working directory's point of view, like every other warning. */
function problemDetails(context: TargetContext, problem: SpecProblem, fix: string) {
  return {file: path.resolve(context.root, problem.file), line: problem.line, key: problem.pointer, fix};
}

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}
