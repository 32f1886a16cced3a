/**
 * The GraphQL reference: one section per GraphQL schema of the target. Reads top to bottom: find
 * the candidate files → read them (SDL, schema strings in code, introspection results; resolvers in
 * code) → group them into schemas → merge and validate each with graphql-js → model → render.
 * Problems are build warnings with file and line (strict fails); the rest of the site builds.
 */
import {API_NAVBAR_GROUP} from '../core/apiNavbarGroup';
import path from 'node:path';
import {formatUserError, UserError} from '../core/errors';
import type {ExtractedSection, LinkEntry, SectionGenerator, TargetContext} from '../core/types';
import type {buildMergedSchema} from './buildMergedSchema';
import {candidateFiles, groupSchemas, type SchemaGroup} from './discoverSchemas';
import type {extractModel} from './extractModel';
import type {loadSources, Problem} from './loadSources';
import {anchorOf, GRAPHQL_MODEL_VERSION, type GraphqlSectionModel} from './model';
import {MANIFEST_FILES, SOURCE_FILES} from '../core/site/inputPatterns';

/** The navbar group the HTTP API reference uses, so every API reference shares one dropdown. */
export const GRAPHQL_NAVBAR_GROUP = API_NAVBAR_GROUP;

const CODE_FILE = /\.(c|m)?[jt]sx?$/;

type Extracted = Omit<ExtractedSection<GraphqlSectionModel>, 'id'>;

/** graphql-js and the code scanner (ts-morph), loaded when a section is extracted (docs/adr/0059). */
interface Readers {
  buildMergedSchema: typeof buildMergedSchema;
  extractModel: typeof extractModel;
}

export const graphqlGenerator: SectionGenerator<GraphqlSectionModel> = {
  id: 'graphql',
  // Schemas, and the code that holds schemas or resolvers.
  inputs: () => ({files: [...SOURCE_FILES, ...MANIFEST_FILES, '*.json', '*.graphql', '*.graphqls', '*.gql'], inventory: ['files'], config: ['graphql']}),
  absent: 'No GraphQL schema was found (no *.graphql or *.gql file, schema string in code, or introspection result).',
  async extract(context) {
    const {loadSources} = await import('./loadSources');
    const loaded = loadSources(context.root, candidateFiles(context));
    if (loaded.schemaFiles.length === 0 && !(context.config.graphql?.schemas?.length)) return undefined;
    // graphql-js's schema building, only for a target with a schema (docs/adr/0059).
    const [{buildMergedSchema}, {extractModel, kebab}] = await Promise.all([import('./buildMergedSchema'), import('./extractModel')]);
    const packageDirs = context.inventory.packages.map((pkg) => pkg.dir);
    const groups = groupSchemas(context, loaded.schemaFiles, packageDirs).filter((group) => group.files.length > 0 || group.configIndex !== undefined);
    const several = groups.length > 1;
    const sections: ExtractedSection<GraphqlSectionModel>[] = [];
    const ids = new Set<string>();
    for (const group of groups) {
      const inGroup = new Set(group.files.map((source) => source.file));
      const parts = loaded.parts.filter((part) => inGroup.has(part.file));
      const problems = loaded.problems.filter((problem) => inGroup.has(problem.file));
      const title = group.title ?? (several && group.dir ? `GraphQL API (${group.dir})` : 'GraphQL API');
      const id = group.id ?? uniqueId(several && group.dir ? `graphql-${slug(group.dir, kebab)}` : 'graphql', ids);
      ids.add(id);
      const idKey = group.id !== undefined ? `graphql.schemas[${group.configIndex}].id` : undefined;
      const section = schemaSection(context, group, parts, problems, loaded.resolvers, title, {buildMergedSchema, extractModel});
      sections.push({...section, id, ...(idKey ? {idKey} : {})});
    }
    return sections;
  },
  index({id, model}) {
    if (model.state !== 'ok') return [];
    const {schema} = model;
    // Schema files are documented here; code files that hold schema strings are the code reference's.
    const entries: LinkEntry[] = schema.files.filter((file) => !CODE_FILE.test(file)).map((file) => ({kind: 'file', key: file, url: `/${id}/`, title: schema.title}));
    for (const op of schema.operations) entries.push({kind: 'operation', key: `${id}/${op.kind} ${op.name}`, url: `/${id}/${op.slug}/`, title: `${op.kind} ${op.name}`});
    for (const type of schema.types) entries.push({kind: 'schema', key: `${id}/${type.name}`, url: `/${id}/${type.page}/#${anchorOf(type.name)}`, title: type.name});
    return entries;
  },
  async render(section, site) {
    const {renderSection} = await import('./renderSection');
    return renderSection(section.id, section.model, site);
  },
};

function schemaSection(context: TargetContext, group: SchemaGroup, parts: ReturnType<typeof loadSources>['parts'], problems: Problem[], resolvers: ReturnType<typeof loadSources>['resolvers'], title: string, {buildMergedSchema, extractModel}: Readers): Extracted {
  const files = group.files.map((source) => source.file).sort();
  const watch = files.map((file) => path.resolve(context.root, file));
  const merged = parts.length > 0 ? buildMergedSchema(parts) : {problems: [] as Problem[]};
  const all = [...problems, ...merged.problems];
  if (!merged.schema) {
    const messages = all.map((problem) => warn(context, problem));
    if (messages.length === 0) messages.push(warn(context, {file: context.configFile ? path.relative(context.root, context.configFile) : '.', message: `no GraphQL schema was found under "${group.dir || '.'}"`, fix: 'Point graphql.schemas[].path at the schema files'}));
    return {
      title,
      description: `This GraphQL schema could not be read: ${all[0]?.message ?? 'no schema files'}.`,
      model: {version: GRAPHQL_MODEL_VERSION, state: 'error', title, files, messages},
      watch,
      navbarGroup: GRAPHQL_NAVBAR_GROUP,
    };
  }
  all.forEach((problem) => warn(context, problem));
  const noLines = new Set(parts.filter((part) => !part.hasLines).map((part) => part.file));
  const model = extractModel({schema: merged.schema, title, files, endpoint: group.endpoint, resolvers, hasLines: (file) => !noLines.has(file)});
  const count = (n: number, noun: string) => `${n} ${noun}${n === 1 ? '' : 's'}`;
  return {
    title,
    description: `GraphQL reference${model.endpoint ? ' with an explorer' : ''}: ${count(model.operations.length, 'operation')} and ${count(model.types.length, 'type')}, from ${files.length === 1 ? files[0] : count(files.length, 'file')}.`,
    model: {version: GRAPHQL_MODEL_VERSION, state: 'ok', schema: model},
    watch,
    navbarGroup: GRAPHQL_NAVBAR_GROUP,
  };
}

/** Reports a problem (file relative to the working directory, like every warning) and returns its line for the page. */
function warn(context: TargetContext, problem: Problem): string {
  context.report.warn(problem.message, {file: path.resolve(context.root, problem.file), line: problem.line, fix: problem.fix});
  return formatUserError(new UserError(problem.message, {file: problem.file, line: problem.line, fix: problem.fix}));
}

function slug(dir: string, kebab: (name: string) => string): string {
  return kebab(dir.replace(/\.[^./]+$/, '')).replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '') || 'schema';
}

function uniqueId(id: string, taken: Set<string>): string {
  let candidate = id;
  for (let n = 2; taken.has(candidate); n++) candidate = `${id}-${n}`;
  return candidate;
}
