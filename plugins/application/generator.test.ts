/**
 * The application section on a small React + Express app (test/applicationFixture.ts), through the
 * generator and core's section pipeline with the HTTP API section beside it, each page compiled as
 * Docusaurus compiles it.
 */
import fs from 'node:fs';
import path from 'node:path';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {loadTargetContext} from '../core/prepareSite';
import {formatReport} from '../core/report';
import {generateAlone, generateSections} from '../core/site/generateSections';
import type {GeneratedSection, TargetContext} from '../core/types';
import {openapiGenerator} from '../openapi/generator';
import {codeReferenceGenerator} from '../code-reference/generator';
import {compileLikeDocusaurus} from '../../test/compileLikeDocusaurus';
import {makeApplicationTarget} from '../../test/applicationFixture';
import {tempBase} from '../../test/gitRepo';
import {applicationGenerator} from './generator';
import type {ApplicationModel} from './model';

const dirs: string[] = [];
let context: TargetContext;
let section: GeneratedSection<ApplicationModel>;
let model: ApplicationModel;
let urlOf: (kind: 'symbol' | 'file', key: string) => string | undefined;
let apiOverview: string;

beforeAll(async () => {
  const target = makeApplicationTarget();
  const site = tempBase('application-site');
  dirs.push(target, site);
  context = await loadTargetContext({siteDir: site, target});
  const {generated, registry} = await generateSections(context, [codeReferenceGenerator as never, openapiGenerator, applicationGenerator as never], []);
  urlOf = (kind, key) => registry.urlOf(kind, key);
  section = generated.find((entry) => entry.section.id === 'application')!.section as GeneratedSection<ApplicationModel>;
  model = section.model;
  const api = generated.filter((entry) => entry.generator.id === 'openapi');
  expect(api).toHaveLength(1);
  apiOverview = api[0]!.section.files.get('index.mdx')!;
}, 60_000);

afterAll(() => {
  for (const dir of dirs) fs.rmSync(dir, {recursive: true, force: true});
});

describe('the application section of a React + Express app', () => {
  it('finds the components by shape, with props, defaults and descriptions', () => {
    expect(model.components.map((c) => `${c.id} ${c.shape}`)).toEqual([
      'src/App.tsx#App class',
      'src/components/Avatar.tsx#Avatar memo',
      'src/components/Button.tsx#Button function',
      'src/components/Card.jsx#Card function',
    ]);
    const button = model.components.find((c) => c.name === 'Button')!;
    expect(button.props).toEqual([
      {name: 'label', type: 'string', required: true, description: 'Text on the button.'},
      {name: 'onClick', type: '() => void', required: false, description: 'Called on click.'},
      {name: 'primary', type: 'boolean', required: false, default: 'false', description: "Whether it is the page's main action."},
      {name: 'size', type: "'small' | 'medium' | 'large'", required: false, default: "'medium'", description: 'How big the button is.'},
    ]);
    // defaultProps (a class's static one, a function's assigned one) and propTypes of plain JS.
    expect(model.components.find((c) => c.name === 'App')!.props).toEqual([{name: 'user', type: 'string', required: false, default: "'guest'", description: 'Who is signed in.'}]);
    expect(model.components.find((c) => c.name === 'Card')!.props).toEqual([
      {name: 'children', type: 'node', required: false},
      {name: 'title', type: 'string', required: false, default: "'Untitled'"},
    ]);
    // memo(forwardRef<Ref, Props>(…)): the props come from forwardRef's second type argument.
    expect(model.components.find((c) => c.name === 'Avatar')!.props.map((p) => `${p.name}=${p.default ?? ''}`)).toEqual(['src=', 'size=32']);
  });

  it('links who renders whom, and takes examples from the story and the test', () => {
    const byName = new Map(model.components.map((c) => [c.name, c]));
    expect(byName.get('App')!.renders).toEqual([
      {name: 'Avatar', id: 'src/components/Avatar.tsx#Avatar'},
      {name: 'Card', id: 'src/components/Card.jsx#Card'},
    ]);
    expect(byName.get('Button')!.renderedBy).toEqual(['src/components/Card.jsx#Card']);
    expect(byName.get('Button')!.example).toMatchObject({from: 'story', title: 'Primary', file: 'src/components/Button.stories.tsx', line: 7});
    expect(byName.get('Card')!.example).toEqual({from: 'test', title: 'shows the title', file: 'src/components/Card.test.jsx', line: 4, code: '<Card title="Hello" />'});
  });

  it('lists the routes under their mount prefix, with middleware and handlers', () => {
    expect(model.services).toHaveLength(1);
    const routes = model.services[0]!.routes;
    expect(routes.map((r) => `${r.method} ${r.path} ${r.handler?.symbol ?? r.handler?.name} [${r.middleware.join(', ')}]${r.auth ? ' auth' : ''}`)).toEqual([
      'POST /api/orders server/handlers/users.ts#createOrder [express.json(), requireAuth, rateLimit] auth',
      'GET /api/users server/handlers/users.ts#listUsers [express.json(), requireAuth, rateLimit] auth',
      'DELETE /api/users/:id server/handlers/users.ts#deleteUser [express.json(), requireAuth, rateLimit] auth',
      'GET /api/users/:id server/handlers/users.ts#getUser [express.json(), requireAuth, rateLimit] auth',
      'GET /health (inline) [express.json()]',
    ]);
  });

  it('finds the data models and draws them', () => {
    expect(model.models.map((m) => `${m.kind} ${m.name}`)).toEqual(['interface Admin', 'interface Order', 'enum Role', 'interface User']);
    const page = section.files.get('models.mdx')!;
    expect(page).toContain('accTitle: Data models in server/models');
    expect(page).toContain('M3 <|-- M0');
    expect(page).toContain('M1 --> M3 : owner');
  });

  it('renders four pages that compile as Docusaurus compiles them, routes linked to the API reference', async () => {
    expect([...section.files.keys()].sort()).toEqual(['components.mdx', 'index.mdx', 'models.mdx', 'routes.mdx']);
    for (const [name, mdx] of section.files) {
      await expect(compileLikeDocusaurus(mdx, {filePath: path.join(context.siteDir, '.docs-architect/generated/application', name)}), name).resolves.toBeTruthy();
    }
    const components = section.files.get('components.mdx')!;
    expect(components).toContain("| `size` | `'small' \\| 'medium' \\| 'large'` | no | `'medium'` | How big the button is. |");
    expect(components).toContain('**Rendered by:** [`Card`](#component-card)');
    const routes = section.files.get('routes.mdx')!;
    // A named handler links to its code reference entry; an inline one to its source line.
    const reference = urlOf('symbol', 'server/handlers/users.ts#listUsers');
    expect(reference).toMatch(/^\/[a-z-]+\/.*#listUsers$/);
    expect(routes).toContain(`| \`GET\` | \`/api/users\` | [\`listUsers\`](${reference}) |`);
    expect(routes).toContain('| `GET` | `/health` | [`(inline)`](https://github.com/acme/shop/blob/main/server/index.ts#L8) |');
    expect(routes).toMatch(/`\/api\/users\/:id` \| .* \| \[Get a user\]\(\/[a-z-]+\/get-user\/\) \|/);
    expect(routes).toContain('- `DELETE /api/users/:id` in');
    expect(routes).toMatch(/- `GET \/products` — \[List products\]\(\/[a-z-]+\/list-products\/\)/);
    expect(formatReport(context.report)).toBe('');
  });

  it("gives the HTTP API's overview the files that implement its operations, linked to their code reference pages", async () => {
    const handlers = urlOf('file', 'server/handlers/users.ts');
    expect(handlers).toMatch(/^\/[a-z-]+\/.+\/$/);
    const block = apiOverview.slice(apiOverview.indexOf('## Implemented in'));
    expect(block.split('\n').filter((line) => line.startsWith('- '))).toEqual([
      // The handlers' file, not the router's: the operations' code is there. `GET /products` has no route.
      `- [\`server/handlers/users.ts\`](${handlers}): [\`GET /users\`](/api-shop-api/list-users/), [\`GET /users/{id}\`](/api-shop-api/get-user/)`,
    ]);
    expect(block).toContain('2 of 3 operations have a [route in code](/application/routes/), in 1 file:');
    await expect(compileLikeDocusaurus(apiOverview)).resolves.toBeTruthy();
  });

  it('says so on the overview when no route in code was found', async () => {
    const [alone] = await generateAlone(openapiGenerator, context);
    const overview = alone!.files.get('index.mdx')!;
    expect(overview).toContain('## Implemented in\n\nNo HTTP route was found in the code of the repository, so the files that implement this API are not known.');
  });

  it('is the same bytes on a second run', async () => {
    const again = await generateAlone(applicationGenerator, context);
    expect(JSON.stringify(again[0]!.model)).toBe(JSON.stringify(model));
  });
});
