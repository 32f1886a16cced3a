/**
 * The site model: it validates against the schema that ships with it, on the default site (this
 * repository) and on the sample service; it is byte-deterministic; and no model changes shape
 * without a version bump (fingerprints per version in modelVersions.json, see docs/adr/0029).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Ajv2020 from 'ajv/dist/2020';
import {Project} from 'ts-morph';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {hashContent} from '../contentCache';
import {prepareSite} from '../prepareSite';
import {applicationGenerator} from '../../application/generator';
import {APPLICATION_MODEL_VERSION} from '../../application/model';
import {codeReferenceGenerator} from '../../code-reference/generator';
import {CODE_REFERENCE_MODEL_VERSION} from '../../code-reference/model';
import {historyGenerator} from '../../git-history/generator';
import {HISTORY_MODEL_VERSION} from '../../git-history/model';
import {graphqlGenerator} from '../../graphql/generator';
import {GRAPHQL_MODEL_VERSION} from '../../graphql/model';
import {openapiGenerator} from '../../openapi/generator';
import {OPENAPI_MODEL_VERSION} from '../../openapi/model';
import {overviewGenerator} from '../../overview/generator';
import {architectureGenerator} from '../../architecture/generator';
import {ARCHITECTURE_MODEL_VERSION} from '../../architecture/model';
import {OVERVIEW_MODEL_VERSION} from '../../overview/model';
import {operationsGenerator} from '../../operations/generator';
import {OPERATIONS_MODEL_VERSION} from '../../operations/model';
import {livingDocsGenerator} from '../../living-docs/generator';
import {LIVING_DOCS_MODEL_VERSION} from '../../living-docs/model';
import {PROTOBUF_MODEL_VERSION} from '../../protobuf/model';
import {ASYNCAPI_MODEL_VERSION} from '../../asyncapi/model';
import {modelShape} from './modelShape';
import {SCHEMA_PATH, serializeSiteModel, SITE_MODEL_VERSION, type SiteModel} from './siteModel';

const REPO = path.resolve(__dirname, '../../..');
const VERSIONS_FILE = path.join(__dirname, 'modelVersions.json');
const generators = [overviewGenerator, codeReferenceGenerator, openapiGenerator, graphqlGenerator as never, historyGenerator, architectureGenerator, applicationGenerator, operationsGenerator as never, livingDocsGenerator as never];

let tmp: string;
beforeAll(() => {
  tmp = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'docs-architect-site-model-')));
});
afterAll(() => fs.rmSync(tmp, {recursive: true, force: true}));

function validator() {
  const ajv = new Ajv2020({allErrors: true, strict: true, strictRequired: false, validateFormats: false});
  return ajv.compile(JSON.parse(fs.readFileSync(SCHEMA_PATH, 'utf8')) as object);
}

async function siteModelOf(target: string, siteDir: string): Promise<{model: SiteModel; written: string}> {
  const plan = await prepareSite({siteDir, target, generators});
  const written = fs.readFileSync(path.join(siteDir, '.docs-architect/static/docs-architect.json'), 'utf8');
  return {model: plan.siteModel, written};
}

describe('docs-architect.json', () => {
  it('the default site (this repository) and the sample service validate against the schema', async () => {
    const validate = validator();
    for (const target of [REPO, path.join(REPO, 'examples/sample-service')]) {
      const {written} = await siteModelOf(target, path.join(tmp, path.basename(target)));
      const parsed = JSON.parse(written) as SiteModel;
      const ok = validate(parsed);
      expect(validate.errors?.slice(0, 5) ?? [], target).toEqual([]);
      expect(ok).toBe(true);
      // Every generated section carries its model; the link index is not empty.
      const kinds = parsed.sections.map((section) => section.kind);
      expect(kinds).toContain('overview');
      expect(parsed.sections.filter((section) => section.kind !== 'authored').every((section) => section.model !== undefined)).toBe(true);
      expect(parsed.links.length).toBeGreaterThan(0);
    }
  }, 600_000);

  it('is the same bytes for the same target, keys sorted at every level', async () => {
    const target = path.join(REPO, 'examples/sample-service');
    const first = await siteModelOf(target, path.join(tmp, 'again-1'));
    const second = await siteModelOf(target, path.join(tmp, 'again-2'));
    expect(second.written).toBe(first.written);
    expect(serializeSiteModel(first.model)).toBe(first.written);
    const topKeys = Object.keys(JSON.parse(first.written) as object);
    expect(topKeys).toEqual([...topKeys].sort());
    // The HTTP API's section is there, without the page data its pages fetch.
    const api = (JSON.parse(first.written) as SiteModel).sections.find((section) => section.kind === 'openapi');
    expect(api, 'the sample service has an API description').toBeDefined();
    expect(JSON.stringify(api)).not.toContain('"data":');
  }, 300_000);

  it('a planted violation fails the schema (a section model without its version)', () => {
    const validate = validator();
    const bad = {$schema: 'x', version: SITE_MODEL_VERSION, project: {name: 'p'}, sections: [{id: 'overview', kind: 'overview', title: 'O', description: 'd', route: '/overview/', model: {}}], links: []};
    expect(validate(bad)).toBe(false);
  });
});

describe('model versions', () => {
  // Each model's shape, hashed; stored per version. A new shape needs a new version number.
  const models = [
    {name: 'overview', version: OVERVIEW_MODEL_VERSION, file: 'plugins/overview/model.ts', type: 'OverviewModel'},
    {name: 'code-reference', version: CODE_REFERENCE_MODEL_VERSION, file: 'plugins/code-reference/model.ts', type: 'CodeReferenceModel'},
    {name: 'openapi', version: OPENAPI_MODEL_VERSION, file: 'plugins/openapi/model.ts', type: 'OpenApiSectionModel'},
    {name: 'graphql', version: GRAPHQL_MODEL_VERSION, file: 'plugins/graphql/model.ts', type: 'GraphqlSectionModel'},
    {name: 'history', version: HISTORY_MODEL_VERSION, file: 'plugins/git-history/model.ts', type: 'HistoryModel'},
    {name: 'operations', version: OPERATIONS_MODEL_VERSION, file: 'plugins/operations/model.ts', type: 'OperationsSectionModel'},
    {name: 'application', version: APPLICATION_MODEL_VERSION, file: 'plugins/application/model.ts', type: 'ApplicationModel'},
    {name: 'architecture', version: ARCHITECTURE_MODEL_VERSION, file: 'plugins/architecture/model.ts', type: 'ArchitectureModel'},
    {name: 'living-docs', version: LIVING_DOCS_MODEL_VERSION, file: 'plugins/living-docs/model.ts', type: 'LivingDocsModel'},
    {name: 'grpc', version: PROTOBUF_MODEL_VERSION, file: 'plugins/protobuf/model.ts', type: 'ProtobufModel'},
    {name: 'asyncapi', version: ASYNCAPI_MODEL_VERSION, file: 'plugins/asyncapi/model.ts', type: 'AsyncApiSectionModel'},
  ];

  it('no model changes shape without a version bump', () => {
    const project = new Project({tsConfigFilePath: path.join(REPO, 'tsconfig.json'), skipAddingFilesFromTsConfig: true});
    const stored = JSON.parse(fs.readFileSync(VERSIONS_FILE, 'utf8')) as Record<string, Record<string, string>>;
    const current: Record<string, Record<string, string>> = {};
    const shapes = models.map((model) => ({...model, hash: hashContent(modelShape(project, path.join(REPO, model.file), model.type)).slice(0, 16)}));
    // The site model's own shape, and the versions of the models it holds: any change bumps it too.
    shapes.push({
      name: 'site',
      version: SITE_MODEL_VERSION,
      file: 'plugins/core/site/siteModel.ts',
      type: 'SiteModel',
      hash: hashContent(modelShape(project, path.join(REPO, 'plugins/core/site/siteModel.ts'), 'SiteModel'), ...shapes.map((shape) => `${shape.name}@${shape.version}`), fs.readFileSync(SCHEMA_PATH, 'utf8')).slice(0, 16),
    });
    for (const shape of shapes) {
      const known = stored[shape.name]?.[String(shape.version)];
      current[shape.name] = {...stored[shape.name], [shape.version]: known ?? shape.hash};
      if (known === undefined && process.env.UPDATE_MODEL_VERSIONS === '1') continue;
      expect(
        known,
        `${shape.type} (${shape.file}) has a shape that version ${shape.version} does not record: bump its version (and SITE_MODEL_VERSION), then run with UPDATE_MODEL_VERSIONS=1`,
      ).toBe(shape.hash);
    }
    if (process.env.UPDATE_MODEL_VERSIONS === '1') fs.writeFileSync(VERSIONS_FILE, `${JSON.stringify(current, null, 2)}\n`);
  }, 120_000);
});
