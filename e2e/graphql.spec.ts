/**
 * The GraphQL reference in Chromium: the fixture of plugins/graphql (a schema split over three
 * files, resolvers, a broken file) with an endpoint in its config, part of the API kinds target
 * (e2e/catalog.ts, shared with e2e/api-kinds.spec.ts and e2e/living-docs.spec.ts), and a small GraphQL server
 * (node:http + graphql-js, CORS open) that the test starts on loopback for the explorer to query.
 */
import http from 'node:http';
import {buildSchema, graphql} from 'graphql';
import {test, expect, gotoHydrated} from './fixtures';
import {servedTarget} from './targets';
import {GRAPHQL_API_PORT as API_PORT, TARGETS} from './catalog';

test.describe.configure({mode: 'serial'});

/** The fixture's viewer, answered by a real graphql-js execution. */
function startGraphqlServer(requests: string[]): Promise<http.Server> {
  const schema = buildSchema('type Query { viewer: User }\ntype User { id: ID!, name: String, role: Role! }\nenum Role { ADMIN READER GUEST }');
  const rootValue = {viewer: {id: 'u1', name: 'Ada Lovelace', role: 'ADMIN'}};
  const server = http.createServer((request, response) => {
    const cors = {'access-control-allow-origin': '*', 'access-control-allow-headers': 'content-type, accept, authorization', 'access-control-allow-methods': 'POST, OPTIONS'};
    if (request.method === 'OPTIONS') return void response.writeHead(204, cors).end();
    let body = '';
    request.on('data', (chunk: Buffer) => (body += chunk.toString()));
    request.on('end', () => {
      requests.push(`${request.headers.authorization ?? ''} ${body}`);
      const {query, variables} = JSON.parse(body) as {query: string; variables?: Record<string, unknown>};
      void graphql({schema, source: query, rootValue, variableValues: variables}).then((result) => {
        response.writeHead(200, {...cors, 'content-type': 'application/json'}).end(JSON.stringify(result));
      });
    });
  });
  return new Promise((resolve) => server.listen(API_PORT, '127.0.0.1', () => resolve(server)));
}

test.describe('the GraphQL reference of a schema split over three files', () => {
  const requests: string[] = [];
  let base: string;
  let api: http.Server | undefined;

  test.beforeAll(async () => {
    test.setTimeout(600_000);
    const site = await servedTarget(TARGETS.apiKinds);
    base = site.origin;
    // The broken file is a warning with its line; the site builds anyway.
    expect(site.stderr).toMatch(/schema\/broken\.graphql:3: GraphQL syntax error/);
    api = await startGraphqlServer(requests);
  });

  test.afterAll(async () => {
    await new Promise((resolve) => (api ? api.close(resolve) : resolve(undefined)));
  });

  test('an operation page shows its arguments, and its return type links to the type’s anchor', async ({page, consoleErrors}) => {
    await gotoHydrated(page, `${base}/graphql/query-search/`);
    await expect(page.getByRole('heading', {level: 1, name: 'search'})).toBeVisible();
    const args = page.locator('h2#arguments + table');
    await expect(args.locator('tbody tr')).toHaveCount(2);
    await expect(args.locator('tbody tr').nth(0)).toContainText('term');
    await expect(args.locator('tbody tr').nth(0)).toContainText('String!');
    await expect(args.locator('tbody tr').nth(1)).toContainText('10');

    await gotoHydrated(page, `${base}/graphql/query-viewer/`);
    await page.locator('h2#returns + p a', {hasText: 'User'}).click();
    await expect(page).toHaveURL(`${base}/graphql/objects/#User`);
    const heading = page.locator('h2#User');
    await expect(heading).toBeInViewport();
    await expect(page.locator('h2#User ~ table').first()).toContainText('posts');
    expect(consoleErrors).toEqual([]);
  });

  test('the explorer sends nothing until Run, then shows the server’s answer', async ({page, consoleErrors}) => {
    await gotoHydrated(page, `${base}/graphql/query-viewer/`);
    const explorer = page.locator('[data-graphql-explorer]');
    await expect(explorer.getByLabel('Query')).toHaveValue(/query Viewer \{\n {2}viewer \{\n {4}id\n {4}name\n {4}role/);
    expect(requests).toHaveLength(0);
    await explorer.getByLabel('Headers').fill('{"authorization": "Bearer e2e"}');
    await explorer.getByRole('button', {name: 'Run'}).click();
    await expect(explorer.getByLabel('Response')).toContainText('200');
    await expect(explorer.getByLabel('Response')).toContainText('"name": "Ada Lovelace"');
    expect(requests).toHaveLength(1);
    expect(requests[0]).toMatch(/^Bearer e2e \{"query":"query Viewer/);
    expect(consoleErrors).toEqual([]);
  });
});
