/**
 * What programs read from the built site: the site model, llms.txt, and the Markdown copy of a
 * generated code reference page and of an HTTP operation page; and the "View as Markdown" link
 * readers see on each page.
 */
import {test, expect, gotoHydrated} from './fixtures';
import {siteModelProblems} from './siteModelSchema';

interface SiteModel {
  version: number;
  project: {name: string; commit?: string};
  sections: {id: string; kind: string; route: string; model?: {version: number}}[];
  links: {kind: string; key: string; url: string}[];
}

test('docs-architect.json holds every section with its model and the link index', async ({request}) => {
  const response = await request.get('/docs-architect.json');
  expect(response.status()).toBe(200);
  const model = (await response.json()) as SiteModel;
  // The default site's model validates like every other target's (runBuild checks those).
  expect(siteModelProblems(model)).toEqual([]);
  // ...and the check can fail: a section without its kind is named.
  expect(siteModelProblems({...model, sections: [{...model.sections[0], kind: undefined}]}).join('\n')).toMatch(/\/sections\/0 must have required property 'kind'/);
  expect(model.version).toBe(4);
  expect(model.project.name).toBe('docs-architect');
  const kinds = model.sections.map((section) => section.kind).sort();
  expect(kinds).toEqual(['api', 'application', 'architecture', 'authored', 'history', 'living-docs', 'openapi', 'operations', 'operations', 'overview']);
  expect(model.sections.filter((section) => section.kind !== 'authored').every((section) => typeof section.model?.version === 'number')).toBe(true);
  // The index answers for symbols and operations; each URL is a page of this site.
  const operation = model.links.find((link) => link.kind === 'operation' && link.key.endsWith('/listItems'));
  expect(operation?.url).toMatch(/^\/api-[a-z-]+\/list-items\/$/);
  expect((await request.get(operation!.url)).status()).toBe(200);
  expect(model.links.filter((link) => link.kind === 'symbol').length).toBeGreaterThan(50);
  const schema = await request.get('/docs-architect.schema.json');
  expect(schema.status()).toBe(200);
  expect(((await schema.json()) as {title: string}).title).toBe('docs-architect site model');
});

test('llms.txt lists the sections in navbar order, with the generated pages', async ({request}) => {
  const text = await (await request.get('/llms.txt')).text();
  expect(text.startsWith('# docs-architect\n')).toBe(true);
  const sections = [...text.matchAll(/^## (.+)$/gm)].map((match) => match[1]);
  expect(sections.slice(0, 3)).toEqual(['Guides', 'Overview', 'Code reference']);
  expect(sections).toContain('History');
  expect(text).toMatch(/^- \[List items\]\(http:\/\/[^)]+\/list-items\.md\)/m);
  const full = await (await request.get('/llms-full.txt')).text();
  expect(full.length).toBeGreaterThan(text.length);
  // No MDX import statement survives (prose may still begin a line with the word "import").
  expect(full).not.toMatch(/^import\s[^\n]*\sfrom\s['"]/m);
});

test('a code reference page and an HTTP operation page as clean Markdown', async ({request}) => {
  const code = await request.get('/api/plugins/core/prepareSite.md');
  expect(code.status()).toBe(200);
  const markdown = await code.text();
  expect(markdown).toMatch(/^# plugins\/core\/prepareSite\n/);
  expect(markdown).toContain('```ts\nfunction prepareSite(');
  expect(markdown).not.toMatch(/<Api[A-Z]|^import |\{\/\*/m);

  const model = (await (await request.get('/docs-architect.json')).json()) as SiteModel;
  const operation = model.links.find((link) => link.kind === 'operation' && link.key.endsWith('/listItems'))!;
  const op = await (await request.get(`${operation.url.replace(/\/$/, '')}.md`)).text();
  expect(op).toMatch(/^# List items\n\n`GET \/items`\n/);
  expect(op).toContain('## Responses');
  expect(op).not.toMatch(/<MethodEndpoint|<OperationDetails|^import /m);
});

test('each page links to its Markdown copy', async ({page, consoleErrors}) => {
  await gotoHydrated(page, '/docs/intro/');
  const link = page.getByRole('link', {name: 'View as Markdown'});
  await expect(link).toHaveAttribute('href', '/docs/intro.md');
  await expect(link).toBeVisible();
  // Fetched rather than clicked: a browser showing a bare text file asks for /favicon.ico, which
  // this site does not have, and that 404 would be noise here.
  const response = await page.request.get(new URL((await link.getAttribute('href'))!, page.url()).href);
  expect(response.status()).toBe(200);
  expect(await response.text()).toMatch(/^# Getting started\n/);

  // Generated pages too, the HTTP operation pages (their own layout) included.
  await gotoHydrated(page, '/api/plugins/core/prepareSite/');
  await expect(page.getByRole('link', {name: 'View as Markdown'})).toHaveAttribute('href', '/api/plugins/core/prepareSite.md');
  await gotoHydrated(page, '/overview/');
  await expect(page.getByRole('link', {name: 'View as Markdown'})).toHaveAttribute('href', '/overview.md');
  expect(consoleErrors).toEqual([]);
});

test('hot spots link a file to its code reference page, through the link index', async ({page, consoleErrors}) => {
  await gotoHydrated(page, '/history/hotspots/');
  const reference = page.getByRole('main').getByRole('link', {name: 'reference', exact: true}).first();
  await expect(reference).toHaveAttribute('href', /^\/api\/.+\/$/);
  await reference.click();
  await expect(page).toHaveURL(/\/api\/.+\/$/);
  await expect(page.getByRole('heading', {level: 1})).toBeVisible();
  expect(consoleErrors).toEqual([]);
});
