/**
 * __fixtures__/kitchen-sink.yaml rendered: the file layout, golden MDX for the pages worth reading
 * (regenerate with `UPDATE_GOLDEN=1 npx vitest run plugins/openapi/renderSection.test.ts` and review
 * the diff like code), and every page compiled and rendered the way Docusaurus does, so that hostile
 * text in the description comes out as text.
 */
import fs from 'node:fs';
import path from 'node:path';
import {beforeAll, describe, expect, it} from 'vitest';
import {extractModel} from './extractModel';
import {createValidatorConfig, loadSpec} from './loadSpec';
import {renderSection, type SectionFiles} from './renderSection';
import {compilePage, renderPage} from './testing/compileMdx';

const FIXTURES = path.join(__dirname, '__fixtures__');
const GOLDEN = path.join(FIXTURES, 'kitchen-sink');
const GOLDEN_PAGES = ['index.mdx', 'pets/get-pet.mdx', 'pets/remove-a-pet.mdx', 'pets/add-a-pet.mdx', 'webhooks/pet-adopted.mdx', 'schemas.mdx', 'pets/_category_.json'];

let section: SectionFiles;

beforeAll(async () => {
  const loaded = await loadSpec(FIXTURES, 'kitchen-sink.yaml', await createValidatorConfig());
  if (!loaded.ok) throw new Error(JSON.stringify(loaded.problems));
  const model = extractModel({document: loaded.document, file: 'kitchen-sink.yaml', files: loaded.files, format: loaded.format, problems: loaded.problems});
  section = renderSection(model, 'api-kitchen-sink', {schemaPages: true, sendButton: true});
});

describe('renderSection', () => {
  it('lays out pages by tag, webhooks in their own folder, schemas on one page', () => {
    expect([...section.files.keys()].sort()).toEqual([
      'index.mdx',
      'pets/_category_.json',
      'pets/add-a-pet.mdx',
      'pets/get-pet.mdx',
      'pets/remove-a-pet.mdx',
      'ping-2.mdx',
      'ping.mdx',
      'schemas.mdx',
      'webhooks/_category_.json',
      'webhooks/pet-adopted.mdx',
    ]);
    expect([...section.staticFiles.keys()].sort()).toEqual([
      '_openapi/operations/add-a-pet.json',
      '_openapi/operations/get-pet.json',
      '_openapi/operations/ping-2.json',
      '_openapi/operations/ping.json',
      '_openapi/operations/remove-a-pet.json',
      '_openapi/schemas/index.json',
      '_openapi/webhooks/pet-adopted.json',
    ]);
  });

  it.each(GOLDEN_PAGES)('%s matches its golden file', (page) => {
    const golden = path.join(GOLDEN, page);
    const actual = section.files.get(page)!;
    if (process.env.UPDATE_GOLDEN) {
      fs.mkdirSync(path.dirname(golden), {recursive: true});
      fs.writeFileSync(golden, actual);
    }
    expect(actual).toBe(fs.readFileSync(golden, 'utf8'));
  });

  it('points each page at its own data file, which holds the refs it needs', () => {
    const page = section.files.get('pets/get-pet.mdx')!;
    expect(page).toContain('data: "/api-kitchen-sink/_openapi/operations/get-pet.json"');
    const data = JSON.parse(section.staticFiles.get('_openapi/operations/get-pet.json')!) as {version: number; components: object};
    expect(data.version).toBe(2);
    expect(Object.keys(data.components)).toContain('#/components/schemas/Pet');
  });

  it('puts each schema on the schema page under its own heading, with the data of all of them', () => {
    const page = section.files.get('schemas.mdx')!;
    expect(page).toContain('slug: "/schemas"');
    expect(page).toMatch(/^## Pet$/m);
    expect(page).toMatch(/^## Cat$/m);
    expect(page).toContain('<SchemaDetails name={"Cat"}>');
    const data = JSON.parse(section.staticFiles.get('_openapi/schemas/index.json')!) as {schemas: object; components: object};
    expect(data.schemas).toEqual({Pet: {$ref: '#/components/schemas/Pet'}, Cat: {$ref: '#/components/schemas/Cat'}});
    expect(Object.keys(data.components)).toEqual(['#/components/schemas/Cat', '#/components/schemas/Pet']);
  });

  it('writes no import into any page (components come from the MDX provider)', () => {
    for (const [file, content] of section.files) {
      if (file.endsWith('.mdx')) expect(content, file).not.toMatch(/^import /m);
    }
  });

  it('every page compiles as Docusaurus compiles it', async () => {
    for (const [file, content] of section.files) {
      if (file.endsWith('.mdx')) await expect(compilePage(content), file).resolves.toBeTruthy();
    }
  });

  it('hostile description text renders as text: no raw HTML, no script URL, no expression, no directive', async () => {
    const {html} = await renderPage(section.files.get('index.mdx')!);
    // A closed inline tag is unwrapped, its text kept (docs/adr/0061); `<angle>`, never closed, is prose.
    expect(html).toContain(', raw HTML, a line break');
    expect(html).not.toContain('div&gt;');
    expect(html).toContain('{an expression}');
    expect(html).toContain('&lt;angle&gt; brackets &amp; ampersands');
    expect(html).toContain('import x from &quot;y&quot;');
    expect(html).toContain(':::danger not an admonition');
    expect(html).toMatch(/a line break<br\/>\s*here/);
    expect(html).not.toContain('javascript:');
    expect(html).toContain('<em>bad link</em>');
  });

  it('the overview explains servers, every security scheme and the contents', async () => {
    const {html} = await renderPage(section.files.get('index.mdx')!);
    expect(html).toContain('https://{region}.example.com/v2');
    expect(html).toContain('Authorization: Bearer &lt;token&gt;');
    expect(html).toContain('api_key=&lt;your key&gt;');
    expect(html).toContain('https://example.com/token');
    expect(html).toContain('read:pets');
    expect(html).toMatch(/<a href="\.\/tags\/pets\/">Pets &amp; friends<\/a> \(3 operations\)/);
    expect(html).toContain('2 operations without a tag');
  });

  it('marks deprecated operations in the page and in the sidebar', async () => {
    const {html, frontMatter} = await renderPage(section.files.get('pets/remove-a-pet.mdx')!);
    expect(frontMatter.sidebar_class_name).toBe('api-method delete menu__list-item--deprecated');
    expect(html).toContain('data-component="Admonition"');
    expect(html).toContain('This operation is deprecated');
  });
});
