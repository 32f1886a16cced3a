/**
 * A field's resolver links to its code reference entry when the site has a code reference (issue
 * 18: "resolvers found in code linked from each field to their code reference entry"), through the
 * link index only: the GraphQL section never builds a code reference route itself.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {codeReferenceGenerator} from '../code-reference/generator';
import {loadTargetContext} from '../core/prepareSite';
import {generateSections} from '../core/site/generateSections';
import {graphqlGenerator} from './generator';

const TARGET: Record<string, string> = {
  'package.json': JSON.stringify({name: 'hello-api', version: '1.0.0', exports: './src/index.ts'}),
  'schema.graphql': 'type Query {\n  "Says hello."\n  hello(name: String): String\n  "Not resolved in code."\n  version: String\n}\n',
  'src/index.ts': "export {resolvers} from './resolvers';\n",
  'src/resolvers.ts': "/** The resolver map Apollo Server takes. */\nexport const resolvers = {\n  Query: {\n    hello: (_: unknown, args: {name?: string}) => `hello ${args.name ?? 'world'}`,\n  },\n};\n",
};

const dirs: string[] = [];
let page: string;
let symbolUrl: string | undefined;

beforeAll(async () => {
  const target = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'docs-architect-graphql-resolvers-')));
  const siteDir = fs.mkdtempSync(path.join(os.tmpdir(), 'docs-architect-graphql-resolvers-site-'));
  dirs.push(target, siteDir);
  for (const [file, content] of Object.entries(TARGET)) {
    fs.mkdirSync(path.dirname(path.join(target, file)), {recursive: true});
    fs.writeFileSync(path.join(target, file), content);
  }
  const context = await loadTargetContext({siteDir, target});
  const {generated, registry} = await generateSections(context, [codeReferenceGenerator as never, graphqlGenerator as never], []);
  const graphql = generated.filter((entry) => entry.generator.id === 'graphql');
  expect(graphql).toHaveLength(1);
  page = graphql[0]!.section.files.get('queries/query-hello.mdx')!;
  symbolUrl = registry.urlOf('symbol', 'src/resolvers.ts#resolvers');
}, 60_000);

afterAll(() => {
  for (const dir of dirs) fs.rmSync(dir, {recursive: true, force: true});
});

describe('a resolver map beside a code reference', () => {
  it('links the field to the code reference entry of the object that holds it', () => {
    expect(symbolUrl).toMatch(/^\/api\//);
    expect(page).toContain(`[\`src/resolvers.ts:4\`](${symbolUrl})`);
  });
});
