/**
 * loadSpec against real files: a multi-file description, Swagger 2.0, and every way a description
 * can be broken. Each failure must name the file, the line when there is one, and the reason.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type {Config} from '@redocly/openapi-core';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {createValidatorConfig, loadSpec} from './loadSpec';

let root: string;
let config: Config;

function write(file: string, text: string): string {
  fs.mkdirSync(path.dirname(path.join(root, file)), {recursive: true});
  fs.writeFileSync(path.join(root, file), text);
  return file;
}

beforeAll(async () => {
  root = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'docs-architect-loadspec-')));
  config = await createValidatorConfig();
});
afterAll(() => fs.rmSync(root, {recursive: true, force: true}));

const MULTI_ROOT = `openapi: 3.0.3
info:
  title: Pets
  version: 1.2.0
paths:
  /pets:
    get:
      operationId: listPets
      responses:
        "200":
          description: ok
          content:
            application/json:
              schema:
                type: array
                items:
                  $ref: "./schemas/pet.yaml"
`;

describe('loadSpec', () => {
  it('bundles a description split over files: every ref then points inside the document', async () => {
    write('multi/openapi.yaml', MULTI_ROOT);
    write('multi/schemas/pet.yaml', 'type: object\nproperties:\n  owner:\n    $ref: "./owner.yaml#/Owner"\n');
    write('multi/schemas/owner.yaml', 'Owner:\n  type: object\n  properties:\n    name: {type: string}\n');
    const loaded = await loadSpec(root, 'multi/openapi.yaml', config);
    expect(loaded.ok).toBe(true);
    if (!loaded.ok) return;
    expect(loaded.format).toBe('openapi-3.0');
    expect(loaded.files).toEqual(['multi/openapi.yaml', 'multi/schemas/owner.yaml', 'multi/schemas/pet.yaml']);
    const text = JSON.stringify(loaded.document);
    expect(text).not.toMatch(/"\$ref":"\.\//);
    const schemas = (loaded.document.components as {schemas: Record<string, unknown>}).schemas;
    expect(Object.keys(schemas).sort()).toEqual(['Owner', 'pet']);
    expect(loaded.problems).toEqual([]);
  });

  it('converts Swagger 2.0 to OpenAPI 3.0, refs included', async () => {
    write(
      'swagger.json',
      JSON.stringify({
        swagger: '2.0',
        info: {title: 'Old', version: '1'},
        host: 'api.example.com',
        basePath: '/v1',
        paths: {'/things': {get: {responses: {200: {description: 'ok', schema: {$ref: '#/definitions/Thing'}}}}}},
        definitions: {Thing: {type: 'object', properties: {id: {type: 'integer'}}}},
      }),
    );
    const loaded = await loadSpec(root, 'swagger.json', config);
    expect(loaded.ok).toBe(true);
    if (!loaded.ok) return;
    expect(loaded.format).toBe('swagger-2.0');
    expect(loaded.document.openapi).toMatch(/^3\.0\./);
    expect(JSON.stringify(loaded.document)).toContain('#/components/schemas/Thing');
    expect(loaded.document.servers).toEqual([{url: '//api.example.com/v1'}]);
  });

  it('a YAML syntax error is fatal, with the file and the line', async () => {
    write('broken.yaml', 'openapi: 3.0.3\ninfo:\n  title: T\n  version: "1\npaths: {}\n');
    const loaded = await loadSpec(root, 'broken.yaml', config);
    expect(loaded.ok).toBe(false);
    expect(loaded.problems[0]).toMatchObject({file: 'broken.yaml', line: expect.any(Number)});
    expect(loaded.problems[0]!.line).toBeGreaterThanOrEqual(4);
    expect(loaded.problems[0]!.message).toMatch(/^cannot parse the file: /);
  });

  it('a JSON syntax error is fatal, with its line', async () => {
    write('broken.json', '{"openapi": "3.0.3",\n "info": {"title": "T", "version": "1"},\n "paths": {,}}\n');
    const loaded = await loadSpec(root, 'broken.json', config);
    expect(loaded.ok).toBe(false);
    expect(loaded.problems[0]).toMatchObject({file: 'broken.json', line: 3});
  });

  it('a $ref to a missing file is fatal, with the pointer and line of the ref', async () => {
    write('dangling.yaml', MULTI_ROOT.replace('./schemas/pet.yaml', './nowhere.yaml'));
    const loaded = await loadSpec(root, 'dangling.yaml', config);
    expect(loaded.ok).toBe(false);
    expect(loaded.problems[0]).toMatchObject({
      file: 'dangling.yaml',
      line: 16,
      pointer: '#/paths/~1pets/get/responses/200/content/application~1json/schema/items',
      rule: 'no-unresolved-refs',
    });
    expect(loaded.problems[0]!.message).toMatch(/nowhere\.yaml/);
  });

  it('a $ref leading outside the repository, or to a URL, is not read: fatal, saying why', async () => {
    write('secret.yaml', 'type: string\ndescription: outside the target\n');
    write('repo/api.yaml', MULTI_ROOT.replace('./schemas/pet.yaml', '../secret.yaml'));
    const outside = await loadSpec(path.join(root, 'repo'), 'api.yaml', config);
    expect(outside.ok).toBe(false);
    expect(outside.problems[0]).toMatchObject({file: 'api.yaml', line: 16, rule: 'no-unresolved-refs'});
    expect(outside.problems[0]!.message).toMatch(/points outside the repository/);
    expect(JSON.stringify(outside)).not.toContain('outside the target');

    fs.symlinkSync(path.join(root, 'secret.yaml'), path.join(root, 'repo', 'link.yaml'));
    write('repo/linked.yaml', MULTI_ROOT.replace('./schemas/pet.yaml', './link.yaml'));
    const linked = await loadSpec(path.join(root, 'repo'), 'linked.yaml', config);
    expect(linked.ok).toBe(false);
    expect(linked.problems[0]!.message).toMatch(/points outside the repository/);

    write('repo/remote.yaml', MULTI_ROOT.replace('./schemas/pet.yaml', 'https://example.com/pet.yaml'));
    const remote = await loadSpec(path.join(root, 'repo'), 'remote.yaml', config);
    expect(remote.ok).toBe(false);
    expect(remote.problems[0]!.message).toMatch(/remote \$ref "https:\/\/example\.com\/pet\.yaml" is not fetched/);
  });

  it('a file that is not an API description is fatal', async () => {
    write('other.yaml', 'name: not an api\nversion: 2\n');
    const loaded = await loadSpec(root, 'other.yaml', config);
    expect(loaded.ok).toBe(false);
    expect(loaded.problems[0]!.message).toMatch(/not an OpenAPI 3\.x or Swagger 2\.0 document/);
  });

  it('an empty file and a missing file are fatal, each with its reason', async () => {
    write('empty.yaml', '\n\n');
    const empty = await loadSpec(root, 'empty.yaml', config);
    expect(empty.problems[0]!.message).toBe('the file is empty');
    const missing = await loadSpec(root, 'missing.yaml', config);
    expect(missing.ok).toBe(false);
    expect(missing.problems[0]).toMatchObject({file: 'missing.yaml', message: 'cannot read the file (ENOENT)'});
  });

  it('schema violations are problems with lines, but the document still loads', async () => {
    write('invalid.yaml', 'openapi: 3.1.0\ninfo:\n  title: T\n  version: "1"\npaths:\n  /a:\n    get:\n      responses:\n        "200":\n          description: ok\n      x-unknown: 1\n      parameters:\n        - name: q\n          in: nowhere\n');
    const loaded = await loadSpec(root, 'invalid.yaml', config);
    expect(loaded.ok).toBe(true);
    expect(loaded.problems.length).toBeGreaterThan(0);
    expect(loaded.problems[0]).toMatchObject({file: 'invalid.yaml', line: 13, pointer: '#/paths/~1a/get/parameters/0', rule: 'struct'});
    expect(loaded.problems[0]!.message).toMatch(/in/);
  });
});
