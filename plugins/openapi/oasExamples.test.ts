/**
 * Every description in @readme/oas-examples (Swagger 2.0, OpenAPI 3.0 and 3.1, YAML and JSON:
 * circular refs, polymorphism, huge enums, callbacks, webhooks, odd parameters...) goes through the
 * whole pipeline as one target: discovery, validation, generation, then MDX compilation of every page
 * and ref resolution of every page's data, as the browser does it. Each must render or get a clear
 * error page; none may crash the build.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {formatUserError} from '../core/errors';
import {prepareSite, type SitePlan} from '../core/prepareSite';
import {resolveRefs} from './client/resolveRefs';
import {openapiGenerator} from './generator';
import {compilePage} from './testing/compileMdx';

const EXAMPLES = path.dirname(require.resolve('@readme/oas-examples/package.json'));
const SPEC = /\.(ya?ml|json)$/;

let target: string;
let siteDir: string;
let plan: SitePlan;
let specFiles: string[];

function listFiles(dir: string, prefix = ''): string[] {
  return fs.readdirSync(path.join(dir, prefix), {withFileTypes: true}).flatMap((entry) => {
    const relative = prefix ? `${prefix}/${entry.name}` : entry.name;
    return entry.isDirectory() ? listFiles(dir, relative) : [relative];
  });
}

beforeAll(async () => {
  target = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'docs-architect-oas-examples-')));
  siteDir = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'docs-architect-oas-site-')));
  specFiles = listFiles(EXAMPLES).filter((file) => /^(2\.0|3\.0|3\.1)\//.test(file) && SPEC.test(file)).sort();
  for (const file of specFiles) {
    fs.mkdirSync(path.dirname(path.join(target, file)), {recursive: true});
    fs.copyFileSync(path.join(EXAMPLES, file), path.join(target, file));
  }
  const warn = console.warn;
  console.warn = () => {};
  try {
    plan = await prepareSite({siteDir, target, generators: [openapiGenerator]});
  } finally {
    console.warn = warn;
  }
}, 600_000);

afterAll(() => {
  for (const dir of [target, siteDir]) if (dir) fs.rmSync(dir, {recursive: true, force: true});
});

const generatedFiles = (id: string) => listFiles(path.join(siteDir, '.docs-architect', 'generated', id));
const isErrorPage = (id: string) => fs.readFileSync(path.join(siteDir, '.docs-architect', 'generated', id, 'index.mdx'), 'utf8').includes('This API description could not be read');

describe('every description of @readme/oas-examples', () => {
  it('is found by discovery and gets a section of its own', () => {
    expect(specFiles.length).toBeGreaterThan(100);
    const sections = plan.sections.filter((section) => section.kind === 'generated');
    // A description that another one $refs is a part of it, not an API: the workshop has one.
    expect(sections.length).toBeGreaterThanOrEqual(specFiles.length - 2);
    const watched = new Set(Object.values(plan.watch).flat().map((file) => path.relative(target, file)));
    const missing = specFiles.filter((file) => !watched.has(file));
    expect(missing.length, `not documented: ${missing.join(', ')}`).toBeLessThanOrEqual(2);
  });

  it('either renders or gets an error page whose message names the file and the reason', () => {
    const sections = plan.sections.filter((section) => section.kind === 'generated');
    const errors = sections.filter((section) => isErrorPage(section.id));
    const rendered = sections.filter((section) => !isErrorPage(section.id));
    console.log(
      `oas-examples: ${specFiles.length} files, ${sections.length} sections: ${rendered.length} rendered, ${errors.length} error pages ` +
        `(${errors.map((section) => section.title).join(', ')}); ${plan.context.report.warnings.length} warnings`,
    );
    expect(rendered.length + errors.length).toBe(sections.length);
    expect(rendered.length).toBeGreaterThan(sections.length * 0.9);
    for (const section of errors) {
      const page = fs.readFileSync(path.join(siteDir, '.docs-architect', 'generated', section.id, 'index.mdx'), 'utf8');
      expect(page).toMatch(/\.(ya?ml|json)(:\d+)?: .*cannot build the API reference: .+\. Fix the description/);
    }
    for (const warning of plan.context.report.warnings) expect(formatUserError(warning)).toMatch(/^\/.+\.(ya?ml|json)(:\d+)?: /);
  });

  it('the hard cases render: circular refs, polymorphism, enums, callbacks, webhooks, Swagger 2.0', () => {
    const rendered = new Set(plan.sections.filter((section) => section.kind === 'generated' && !isErrorPage(section.id)).map((section) => plan.watch[section.id]![0]!));
    for (const file of ['3.0/yaml/circular.yaml', '3.0/json/schema-circular.json', '3.0/yaml/polymorphism.yaml', '3.0/yaml/schema-enums.yaml', '3.0/yaml/callbacks.yaml', '3.1/yaml/webhooks.yaml', '2.0/json/petstore.json', '3.0/yaml/complex-nesting.yaml']) {
      expect(rendered, file).toContain(path.join(target, file));
    }
  });

  it('every generated page compiles as Docusaurus compiles it', async () => {
    let pages = 0;
    for (const section of plan.sections.filter((s) => s.kind === 'generated')) {
      for (const file of generatedFiles(section.id).filter((f) => f.endsWith('.mdx'))) {
        const content = fs.readFileSync(path.join(siteDir, '.docs-architect', 'generated', section.id, file), 'utf8');
        await expect(compilePage(content), `${section.id}/${file}`).resolves.toBeTruthy();
        pages++;
      }
    }
    expect(pages).toBeGreaterThan(500);
  }, 600_000);

  it("every page's data resolves in bounded time, as the browser resolves it", () => {
    const staticRoot = path.join(siteDir, '.docs-architect', 'static');
    let files = 0;
    // The page data of every section; the site's own files at the root (docs-architect.json) are not page data.
    for (const file of listFiles(staticRoot).filter((name) => name.includes('/_openapi/'))) {
      type Data = {api?: unknown; schemas?: unknown; components: Record<string, unknown>; shared: string[]};
      const data = JSON.parse(fs.readFileSync(path.join(staticRoot, file), 'utf8')) as Data;
      // Shared fan-out files, as the browser merges them (ADR 0028).
      const shared = data.shared.map((id) => (JSON.parse(fs.readFileSync(path.join(staticRoot, path.dirname(file), '..', 'shared', `${id}.json`), 'utf8')) as Data).components);
      const started = Date.now();
      const resolved = resolveRefs(data.api ?? data.schemas, Object.assign({}, ...shared, data.components));
      expect(Date.now() - started, file).toBeLessThan(2_000);
      expect(JSON.stringify(resolved), file).not.toContain('"$ref":"#/components');
      files++;
    }
    expect(files).toBeGreaterThan(400);
  });
});
