/**
 * The HTTP API reference in Chromium. The default site documents examples/sample-service; the tests
 * start that real service on loopback and send requests to it from the explorer. The bad-input
 * target (e2e/catalog.ts) holds a description that cannot be read, to check its error page.
 */
import path from 'node:path';
import {spawn, type ChildProcess} from 'node:child_process';
import {test, expect, gotoHydrated} from './fixtures';
import type {Page} from '@playwright/test';
import {PORT} from '../playwright.config';
import {servedTarget} from './targets';
import {TARGETS} from './catalog';

const SECTION = '/api-sample-inventory-service';
const SERVICE_PORT = PORT + 10;
const API_KEY = 'e2e-key';

/** Starts examples/sample-service as its README says, on loopback, and waits until it answers. */
async function startSampleService(): Promise<ChildProcess> {
  const service = spawn(process.execPath, [path.join(__dirname, '..', 'examples', 'sample-service', 'server.mjs')], {
    env: {...process.env, HOST: '127.0.0.1', PORT: String(SERVICE_PORT), API_KEY, CORS_ORIGIN: '*'},
    stdio: 'ignore',
  });
  const deadline = Date.now() + 15_000;
  while (Date.now() < deadline) {
    try {
      if ((await fetch(`http://127.0.0.1:${SERVICE_PORT}/health`)).ok) return service;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  service.kill();
  throw new Error(`the sample service did not answer on port ${SERVICE_PORT}`);
}

/** Points the explorer's server at the sample service started by the test. */
async function useLocalService(page: Page): Promise<void> {
  await page.locator('.openapi-explorer__server-url').hover();
  await page.locator('.openapi-explorer__floating-btn button', {hasText: 'Edit'}).click();
  await page.getByLabel('host', {exact: true}).fill('127.0.0.1');
  await page.getByLabel('port', {exact: true}).fill(String(SERVICE_PORT));
}

test.describe('the HTTP API reference of the sample service', () => {
  test.describe.configure({mode: 'serial'});
  let service: ChildProcess | undefined;

  test.beforeAll(async () => {
    service = await startSampleService();
  });

  test.afterAll(() => {
    service?.kill();
  });

  test('the overview explains the servers and the API key', async ({page, consoleErrors}) => {
    await gotoHydrated(page, `${SECTION}/`);
    await expect(page.getByRole('heading', {level: 1, name: 'Sample inventory service'})).toBeVisible();
    await expect(page.getByRole('table').first()).toContainText('http://{host}:{port}');
    const authentication = page.locator('h2:has-text("Authentication") ~ *');
    await expect(authentication.filter({hasText: 'An API key in a header'})).toHaveCount(1);
    await expect(page.locator('pre').filter({hasText: 'X-API-Key: <your key>'})).toBeVisible();
    expect(consoleErrors).toEqual([]);
  });

  test('an operation page renders its details, its explorer and the request sample tabs', async ({page, consoleErrors}) => {
    await gotoHydrated(page, `${SECTION}/list-items/`);
    await expect(page.getByRole('heading', {level: 1, name: 'List items'})).toBeVisible();
    // Details from the page's JSON, rendered by the theme: parameters and the response schema.
    await expect(page.getByText('At most this many items (1 to 100).')).toBeVisible();
    await expect(page.locator('.openapi-markdown__details-summary-header-params')).toContainText(/query parameters/i);
    await expect(page.getByRole('button', {name: /send api request/i})).toBeVisible();
    // The language tabs are named by their postman-code-generators keys.
    for (const language of ['curl', 'javascript', 'python', 'go', 'java']) {
      await expect(page.getByRole('tab', {name: language, exact: true})).toBeVisible();
    }
    await expect(page.locator('pre').filter({hasText: "curl -L 'http://localhost:8080/items"})).toBeVisible();
    await page.getByRole('tab', {name: 'python', exact: true}).click();
    await expect(page.locator('pre').filter({hasText: 'import http.client'})).toBeVisible();
    expect(consoleErrors).toEqual([]);
  });

  test('"Send" calls the sample service and shows its real response', async ({page, consoleErrors}) => {
    await gotoHydrated(page, `${SECTION}/list-items/`);
    await useLocalService(page);
    await page.getByRole('button', {name: /send api request/i}).click();
    const response = page.locator('.openapi-explorer__response-container');
    await expect(response).toContainText('200', {timeout: 15_000});
    await expect(response).toContainText('"Screwdriver set"');
    await expect(response).toContainText('"total": 3');
    expect(consoleErrors).toEqual([]);
  });

  test('the auth input reaches the service: an item is created with the API key', async ({page, consoleErrors}) => {
    await gotoHydrated(page, `${SECTION}/create-item/`);
    await useLocalService(page);
    await page.getByLabel('apiKey', {exact: true}).fill(API_KEY);
    await page.getByRole('button', {name: /send api request/i}).click();
    const response = page.locator('.openapi-explorer__response-container');
    await expect(response).toContainText('201', {timeout: 15_000});
    // The body is the explorer's default, the example built from the schema's `examples`.
    await expect(response).toContainText('"id": 4');
    await expect(response).toContainText('"name": "Hammer"');
    const health = (await (await fetch(`http://127.0.0.1:${SERVICE_PORT}/health`)).json()) as {items: number};
    expect(health.items).toBe(4);
    expect(consoleErrors).toEqual([]);
  });

  test("the description's own x-codeSamples show in their language's tab", async ({page, consoleErrors}) => {
    await gotoHydrated(page, `${SECTION}/delete-item/`);
    await page.getByRole('tab', {name: 'curl', exact: true}).click();
    await page.getByRole('tab', {name: 'With the key from .env'}).click();
    await expect(page.locator('pre').filter({hasText: 'curl -X DELETE "http://localhost:8080/items/1" -H "X-API-Key: $API_KEY"'})).toBeVisible();
    expect(consoleErrors).toEqual([]);
  });

  test('a deprecated operation is marked, in the page and in the sidebar', async ({page, consoleErrors}) => {
    await gotoHydrated(page, `${SECTION}/search-items/`);
    await expect(page.locator('.theme-admonition').filter({hasText: 'Deprecated'})).toContainText('This operation is deprecated');
    await expect(page.locator('.menu__list-item--deprecated')).toHaveText('Search items');
    expect(consoleErrors).toEqual([]);
  });

  test('every page of the section loads with no console error', async ({page, consoleErrors}) => {
    const sitemap = await (await page.request.get('/sitemap.xml')).text();
    const urls = [...sitemap.matchAll(/<loc>[^<]*?(\/api-sample-inventory-service\/[^<]*)<\/loc>/g)].map((match) => match[1]!);
    expect(urls.map((url) => url.replace(`${SECTION}/`, '')).sort()).toEqual([
      '',
      'create-item/',
      'delete-item/',
      'get-health/',
      'get-item/',
      'list-items/',
      'schemas/',
      'search-items/',
      'tags/health/',
      'tags/items/',
    ]);
    for (const url of urls) {
      await gotoHydrated(page, url);
      await expect(page.getByRole('heading', {level: 1}), url).toBeVisible();
      await expect(page.getByText('Details unavailable'), url).toHaveCount(0);
      const isOperation = url !== `${SECTION}/` && !/\/(schemas|tags)\//.test(url);
      if (isOperation) await expect(page.getByRole('button', {name: /send api request/i}), url).toBeVisible();
      // The schemas page replaces its static lists with the theme's schemas, from its JSON.
      if (url.endsWith('/schemas/')) await expect(page.getByText('Given by the service.').first(), url).toBeVisible();
    }
    expect(consoleErrors).toEqual([]);
  });
});

test.describe('a description that cannot be read', () => {
  test.describe.configure({mode: 'serial'});
  let target: string;
  let warnings: string;
  let url: (route: string) => string;

  test.beforeAll(async () => {
    test.setTimeout(600_000);
    // The bad-input target (e2e/catalog.ts): its api/openapi.yaml does not parse.
    ({dir: target, stderr: warnings, url} = await servedTarget(TARGETS.badInput));
  });

  test('the build warns, and the section shows the same message on an error page', async ({page, consoleErrors}) => {
    const warning = /^warning: (.*openapi\.yaml:\d+: cannot build the API reference: .*)$/m.exec(warnings);
    expect(warning, warnings).not.toBeNull();
    await gotoHydrated(page, url('/api-openapi/'));
    const alert = page.locator('.theme-admonition-danger');
    await expect(alert).toContainText('This API description could not be read');
    await expect(alert).toContainText(warning![1]!.replace(`${target}/`, ''));
    expect(consoleErrors).toEqual([]);
  });
});
