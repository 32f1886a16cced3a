/**
 * The GraphQL generator through prepareSite on a target made here: a schema split over three files
 * (two SDL files and a schema string in code) with a deprecated field, an interface and a union, an
 * Express resolver map and a NestJS resolver class, and a broken file beside them: the broken file
 * is a warning with its line, everything else is documented, and strict mode fails.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {compileLikeDocusaurus} from '../../test/compileLikeDocusaurus';
import {formatUserError, isUserError, type UserError} from '../core/errors';
import {prepareSite} from '../core/prepareSite';
import {graphqlGenerator} from './generator';
import {FIXTURE} from './testing/fixture';
import {buildSchema, introspectionFromSchema} from 'graphql';

const dirs: string[] = [];
function tempDir(prefix: string): string {
  const dir = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), `docs-architect-${prefix}-`)));
  dirs.push(dir);
  return dir;
}

function makeTarget(files: Record<string, string>): string {
  const root = tempDir('graphql-target');
  for (const [file, content] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(root, file)), {recursive: true});
    fs.writeFileSync(path.join(root, file), content);
  }
  return root;
}

async function prepare(target: string, strict = false) {
  const siteDir = tempDir('graphql-site');
  const plan = await prepareSite({siteDir, target, generators: [graphqlGenerator], strict});
  const folder = path.join(siteDir, '.docs-architect', 'generated', 'graphql');
  return {plan, folder, warnings: plan.context.report.warnings.map(formatUserError)};
}

afterAll(() => {
  for (const dir of dirs) fs.rmSync(dir, {recursive: true, force: true});
});

describe('graphqlGenerator on a schema split over three files', () => {
  let result: Awaited<ReturnType<typeof prepare>>;
  let files: string[];
  const read = (file: string) => fs.readFileSync(path.join(result.folder, file), 'utf8');

  beforeAll(async () => {
    result = await prepare(makeTarget(FIXTURE));
    files = (fs.readdirSync(result.folder, {recursive: true}) as string[]).filter((file) => file.endsWith('.mdx')).sort();
  }, 60_000);

  it('makes one section in the API navbar group, with a page per operation and per kind of type', () => {
    const sections = result.plan.sections.filter((section) => section.kind === 'generated');
    expect(sections.map((section) => [section.id, section.title, section.navbarGroup])).toEqual([['graphql', 'GraphQL API', 'APIs']]);
    expect(files).toEqual([
      'index.mdx',
      'mutations/mutation-create-post.mdx',
      'queries/query-me.mdx',
      'queries/query-node.mdx',
      'queries/query-search.mdx',
      'queries/query-viewer.mdx',
      'types/enums.mdx',
      'types/inputs.mdx',
      'types/interfaces.mdx',
      'types/objects.mdx',
      'types/unions.mdx',
    ]);
  });

  it('reports the broken file with its line, and nothing else', () => {
    expect(result.warnings).toHaveLength(1);
    expect(result.warnings[0]).toMatch(/schema\/broken\.graphql:3: GraphQL syntax error: Expected Name, found ":"\. Fix the syntax/);
  });

  it('an operation page shows its arguments, default, return type and example', () => {
    const page = read('queries/query-search.mdx');
    expect(page).toContain('| `term` | `String!` | | |');
    expect(page).toContain('| `first` | `Int` | `10` | |');
    expect(page).toContain('[`[SearchResult!]!`](/graphql/unions/#SearchResult)');
    expect(page).toContain('query Search($term: String!) {\n  search(term: $term) {\n    __typename\n  }\n}');
    expect(page).toContain('"term": ""');
    expect(page).toContain('Resolved by `src/resolvers.js:6`.');
    expect(page).toContain('Defined in `schema/query.graphql:13`.');
  });

  it('marks deprecation with its reason', () => {
    const page = read('queries/query-me.mdx');
    expect(page).toContain('sidebar_class_name: "api-deprecated"');
    expect(page).toContain('**Deprecated**: Use `viewer`.');
  });

  it('lists every type under its anchor, with fields, members, implementations and uses', () => {
    const objects = read('types/objects.mdx');
    expect(objects).toContain('## Post {/* #Post */}');
    expect(objects).toContain('## User {/* #User */}');
    expect(objects).toContain('| `legacyId` | `Int` | **Deprecated**: No longer supported |');
    expect(objects).toMatch(/Used by .*\[`query viewer`\]\(\/graphql\/query-viewer\/\)/);
    // Field resolvers: the Express map and the NestJS class.
    expect(objects).toMatch(/`posts` .*src\/resolvers\.js:11/);
    expect(objects).toMatch(/`name` .*src\/user\.resolver\.ts:10/);
    expect(read('types/interfaces.mdx')).toMatch(/Implemented by \[`Post`\]\(\/graphql\/objects\/#Post\), \[`User`\]\(\/graphql\/objects\/#User\)/);
    expect(read('types/unions.mdx')).toMatch(/One of \[`Post`\].*\[`User`\]/);
    expect(read('types/enums.mdx')).toContain('| `GUEST` | **Deprecated**: Sign in instead. |');
    expect(read('types/inputs.mdx')).toContain('| `body` | `String` | Default: `""`. |');
  });

  it('resolvers in code are found: the Express map, the NestJS decorators', () => {
    const model = result.plan.siteModel.sections.find((section) => section.id === 'graphql')!.model as unknown as {schema: {resolverCount: number; operations: {name: string; resolver?: {file: string}}[]}};
    expect(model.schema.resolverCount).toBe(6);
    expect(model.schema.operations.find((op) => op.name === 'node')?.resolver?.file).toBe('src/user.resolver.ts');
  });

  it('every page compiles as Docusaurus compiles it', async () => {
    expect(files).toHaveLength(11);
    for (const file of files) await compileLikeDocusaurus(read(file), {filePath: path.join(result.folder, file)});
  });

  it('strict mode fails on the broken file', async () => {
    const failure = await prepare(makeTarget(FIXTURE), true).then(() => undefined, (error: unknown) => error);
    expect(isUserError(failure)).toBe(true);
    expect(formatUserError(failure as UserError)).toMatch(/schema\/broken\.graphql:3: GraphQL syntax error/);
  });
});

describe('graphqlGenerator on an introspection result', () => {
  it('documents it, leaves client queries out, and finds graphql-js resolvers', async () => {
    const schema = buildSchema('type Query { "Says hello." hello(name: String = "world"): String, status: Status } enum Status { UP DOWN }');
    const target = makeTarget({
      'api/schema.json': JSON.stringify({data: introspectionFromSchema(schema)}),
      'client/queries.graphql': 'query Hello { hello }\n',
      'server.js': "const {GraphQLObjectType, GraphQLString} = require('graphql');\nconst Query = new GraphQLObjectType({\n  name: 'Query',\n  fields: {\n    hello: {type: GraphQLString, resolve: () => 'hi'},\n  },\n});\n",
    });
    const {plan, folder, warnings} = await prepare(target);
    expect(warnings).toEqual([]);
    const section = plan.siteModel.sections.find((candidate) => candidate.id === 'graphql')!;
    const model = section.model as unknown as {schema: {files: string[]; operations: {name: string; resolver?: {file: string; line: number}}[]}};
    expect(model.schema.files).toEqual(['api/schema.json']);
    expect(model.schema.operations.map((op) => op.name)).toEqual(['hello', 'status']);
    expect(model.schema.operations[0]!.resolver).toEqual({file: 'server.js', line: 5, symbol: 'server.js#Query'});
    const page = fs.readFileSync(path.join(folder, 'queries', 'query-hello.mdx'), 'utf8');
    expect(page).toContain('| `name` | `String` | `"world"` | |');
    // An introspection result has no lines of its own: the file is named alone.
    expect(page).toContain('Defined in `api/schema.json`.');
  }, 60_000);
});
