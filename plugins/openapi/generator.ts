/**
 * The HTTP API reference: one section per API description of the target. Reads top to bottom:
 * discover → load (validate, bundle, extract; cached) → name the sections → render, or render an
 * error page when a description cannot be read. Problems become build warnings (strict fails).
 */
import path from 'node:path';
import {formatUserError, UserError} from '../core/errors';
import type {GeneratedSection, SectionGenerator, TargetContext} from '../core/types';
import {discoverSpecs, type SpecSource} from './discoverSpecs';
import {createModelCache, loadModel, type LoadOutcome} from './loadModel';
import {createValidatorConfig} from './loadSpec';
import type {ApiModel, SpecProblem} from './model';
import {renderErrorPage} from './renderErrorPage';
import {renderSectionCached} from './renderCached';
import {assignSectionIds} from './sectionIds';

export const API_NAVBAR_GROUP = 'HTTP API';

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

export const openapiGenerator: SectionGenerator = {
  id: 'openapi',
  async generate(context) {
    const sources = discoverSpecs(context);
    if (sources.length === 0) return undefined;
    const validator = await createValidatorConfig();
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
    return Promise.all(kept.map(({source, outcome}, index) => {
      const id = ids[index]!;
      return outcome.ok ? apiSection(context, source, outcome, id) : errorSection(context, source, outcome.problems, id);
    }));
  },
};

async function apiSection(context: TargetContext, source: SpecSource, {model, key}: {model: ApiModel; key: string}, id: string): Promise<GeneratedSection> {
  for (const problem of model.problems) {
    context.report.warn(`invalid API description: ${problem.message}`, problemDetails(context, problem, 'Fix the description; its pages are built anyway'));
  }
  const options = context.config.openapi ?? {};
  const {files, staticFiles} = await renderSectionCached(context.siteDir, model, key, id, {
    schemaPages: options.schemaPages !== false,
    proxy: options.proxy,
    sendButton: options.sendButton !== false,
  });
  const counts = [
    plural(model.operations.length, 'operation'),
    ...(model.webhooks.length > 0 ? [plural(model.webhooks.length, 'webhook')] : []),
    ...(model.schemas.length > 0 ? [plural(model.schemas.length, 'schema')] : []),
  ];
  return {
    id,
    title: source.title ?? [model.info.title, model.info.version].filter(Boolean).join(' '),
    description: `HTTP API reference with an explorer: ${counts.join(', ')}, from ${model.file}.`,
    files,
    staticFiles,
    watch: model.files.map((file) => path.resolve(context.root, file)),
    docs: DOCS_OPTIONS,
    navbarGroup: API_NAVBAR_GROUP,
  };
}

function errorSection(context: TargetContext, source: SpecSource, problems: SpecProblem[], id: string): GeneratedSection {
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
    id,
    title,
    description: `This API description could not be read: ${problems[0]?.message ?? 'unknown error'}.`,
    files: new Map([['index.mdx', renderErrorPage(title, source.file, messages)]]),
    watch: [...new Set([source.file, ...problems.map((problem) => problem.file)])].map((file) => path.resolve(context.root, file)),
    docs: DOCS_OPTIONS,
    navbarGroup: API_NAVBAR_GROUP,
  };
}

/** Build output names files from the working directory's point of view, like every other warning. */
function problemDetails(context: TargetContext, problem: SpecProblem, fix: string) {
  return {file: path.resolve(context.root, problem.file), line: problem.line, key: problem.pointer, fix};
}

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}
