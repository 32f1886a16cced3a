/**
 * The model of __fixtures__/kitchen-sink.yaml: what the render stage will see of every awkward part
 * of a description (inherited parameters, missing operationIds, untagged operations, webhooks,
 * callbacks, security). Loaded the real way, with loadSpec.
 */
import path from 'node:path';
import {beforeAll, describe, expect, it} from 'vitest';
import {extractModel} from './extractModel';
import {createValidatorConfig, loadSpec} from './loadSpec';
import type {ApiModel, OperationModel} from './model';

let model: ApiModel;
const byTitle = (title: string, list = model.operations): OperationModel => list.find((operation) => operation.title === title)!;

beforeAll(async () => {
  const loaded = await loadSpec(path.join(__dirname, '__fixtures__'), 'kitchen-sink.yaml', await createValidatorConfig());
  if (!loaded.ok) throw new Error(JSON.stringify(loaded.problems));
  model = extractModel({document: loaded.document, file: 'kitchen-sink.yaml', files: loaded.files, format: loaded.format, problems: loaded.problems});
});

describe('extractModel', () => {
  it('keeps the document order of operations and gives each a unique slug', () => {
    expect(model.operations.map((operation) => [operation.method, operation.path, operation.slug])).toEqual([
      ['get', '/pets/{petId}', 'get-pet'],
      ['delete', '/pets/{petId}', 'remove-a-pet'],
      ['post', '/pets', 'add-a-pet'],
      ['get', '/ping', 'ping'],
      ['get', '/ping/again', 'ping-2'],
    ]);
  });

  it('titles an operation by summary, else operationId, else method and path', () => {
    expect(model.operations.map((operation) => operation.title)).toEqual(['Get a pet', 'Remove a pet', 'Add a pet', 'Ping', 'Ping']);
  });

  it('keeps only tags that have operations, with their display names (slugs come from names: they stay put)', () => {
    expect(model.tags).toEqual([{name: 'pets', label: 'Pets & friends', description: 'Everything about <pets>.', slug: 'pets'}]);
    expect(byTitle('Get a pet').tag).toBe('pets');
    expect(model.operations.filter((operation) => !operation.tag)).toHaveLength(2);
  });

  it('merges path-level parameters, the operation winning on the same name and location', () => {
    expect(byTitle('Get a pet').parameters).toEqual([
      {name: 'X-Trace', in: 'header', required: false, deprecated: false, description: 'Overrides the path-level header.', type: 'integer'},
      {name: 'petId', in: 'path', required: true, deprecated: false, description: undefined, type: 'string'},
    ]);
    expect(byTitle('Remove a pet').parameters.map((parameter) => `${parameter.in}:${parameter.name}:${parameter.type}`)).toEqual([
      'path:petId:string',
      'header:X-Trace:string',
    ]);
  });

  it('records deprecation, security overrides, callbacks and code samples', () => {
    expect(byTitle('Remove a pet')).toMatchObject({deprecated: true, security: []});
    expect(byTitle('Get a pet')).toMatchObject({deprecated: false, security: [['bearer']]});
    expect(byTitle('Add a pet')).toMatchObject({callbacks: ['onAdopted'], codeSampleLanguages: ['Python']});
    expect(byTitle('Add a pet').requestBody).toEqual({required: true, mediaTypes: ['multipart/form-data'], description: undefined});
  });

  it('extracts webhooks as their own pages', () => {
    expect(model.webhooks.map((webhook) => [webhook.kind, webhook.path, webhook.slug])).toEqual([['webhook', 'petAdopted', 'pet-adopted']]);
    expect(model.webhooks[0]!.data.api).toMatchObject({method: 'event', path: 'webhook'});
  });

  it('explains servers and every security scheme', () => {
    expect(model.servers).toEqual([
      {url: 'https://{region}.example.com/v2', description: 'Production', variables: [{name: 'region', default: 'eu', enum: ['eu', 'us'], description: undefined}]},
    ]);
    expect(model.securitySchemes.map((scheme) => [scheme.key, scheme.type, scheme.scheme ?? scheme.in])).toEqual([
      ['bearer', 'http', 'bearer'],
      ['key', 'apiKey', 'query'],
      ['oauth', 'oauth2', undefined],
    ]);
    expect(model.securitySchemes[2]!.flows![0]!.scopes).toEqual([{name: 'read:pets', description: 'Read your pets'}]);
  });

  it('gives each operation the data its page fetches: refs kept, the components they reach', () => {
    const data = byTitle('Get a pet').data;
    expect(JSON.stringify(data.api)).toContain('"$ref":"#/components/schemas/Pet"');
    expect(data.refs).toEqual(['#/components/schemas/Cat', '#/components/schemas/Pet']);
    expect(data.shared).toEqual([]);
    expect(data.api).toMatchObject({
      method: 'get',
      path: '/pets/{petId}',
      info: {title: 'Kitchen sink', version: '2.1.0'},
      securitySchemes: {bearer: {type: 'http', scheme: 'bearer', bearerFormat: 'JWT'}},
      postman: {method: 'GET', url: {path: ['pets', ':petId'], variable: [{key: 'petId', value: ''}]}},
    });
    expect(byTitle('Add a pet').data.api).toMatchObject({postman: {body: {mode: 'formdata'}}, 'x-codeSamples': [{lang: 'Python'}]});
  });

  it('lists schemas with a static summary of their properties', () => {
    expect(model.schemas.map((schema) => [schema.name, schema.slug, schema.type])).toEqual([
      ['Pet', 'pet', 'object'],
      ['Cat', 'cat', 'Pet & object'],
    ]);
    expect(model.schemas[0]!.properties).toEqual([
      {name: 'name', type: 'string', required: true, description: 'The <name> & nickname'},
      {name: 'kind', type: 'string', required: false, description: undefined},
      // A property that is a ref shows the referenced schema's description.
      {name: 'parent', type: 'Pet', required: false, description: 'A pet; `{name}` is required.'},
    ]);
    expect(model.schemas[1]!.properties.map((property) => property.name)).toEqual(['name', 'kind', 'parent', 'lives']);
  });

  it('never throws on a document of the wrong shape', () => {
    const weird = extractModel({
      document: {openapi: '3.0.0', info: 'nope', paths: {'/a': 'nope', '/b': {get: 'nope', post: {parameters: 'x', responses: []}}}, components: {schemas: []}},
      file: 'weird.yaml',
      files: ['weird.yaml'],
      format: 'openapi-3.0',
      problems: [],
    });
    expect(weird.info.title).toBe('weird');
    expect(weird.operations.map((operation) => operation.title)).toEqual(['POST /b']);
  });
});
