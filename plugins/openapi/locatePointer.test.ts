import {describe, expect, it} from 'vitest';
import {createPointerLocator, splitPointer} from './locatePointer';

const YAML = `openapi: 3.0.3
info:
  title: Pets
  version: "1"
paths:
  /pets/{id}:
    get:
      parameters:
        - name: id
          in: path
        - name: verbose
          in: query
      responses:
        "200":
          description: ok
`;

const JSON_TEXT = JSON.stringify({openapi: '3.1.0', info: {title: 'x', version: '1'}, paths: {'/a~b': {get: {responses: {}}}}}, null, 2);

describe('splitPointer', () => {
  it('unescapes ~1, ~0 and URI-encoded segments', () => {
    expect(splitPointer('#/paths/~1pets~1{id}/get')).toEqual(['paths', '/pets/{id}', 'get']);
    expect(splitPointer('#/a~0b/%7Bx%7D')).toEqual(['a~b', '{x}']);
    expect(splitPointer('#/')).toEqual([]);
    expect(splitPointer('')).toEqual([]);
  });
});

describe('createPointerLocator', () => {
  const yaml = createPointerLocator(YAML);

  it('gives the line of the key a pointer names', () => {
    expect(yaml.lineOf('#/info/title')).toBe(3);
    expect(yaml.lineOf('#/paths/~1pets~1{id}/get')).toBe(7);
    expect(yaml.lineOf('#/paths/~1pets~1{id}/get/responses/200/description')).toBe(15);
  });

  it('gives the line of an array item', () => {
    expect(yaml.lineOf('#/paths/~1pets~1{id}/get/parameters/1')).toBe(11);
    expect(yaml.lineOf('#/paths/~1pets~1{id}/get/parameters/1/in')).toBe(12);
  });

  it('falls back to the deepest ancestor that exists', () => {
    expect(yaml.lineOf('#/info/contact/email')).toBe(2);
    expect(yaml.lineOf('#/paths/~1pets~1{id}/get/parameters/7')).toBe(8);
  });

  it('gives the first line for the root', () => {
    expect(yaml.lineOf('#/')).toBe(1);
  });

  it('reads JSON as well, with escaped keys', () => {
    const json = createPointerLocator(JSON_TEXT);
    expect(json.lineOf('#/info/version')).toBe(5);
    expect(json.lineOf('#/paths/~1a~0b/get')).toBe(9);
  });

  it('does not throw on a file the YAML parser rejects', () => {
    const broken = createPointerLocator('a: [1, 2\nb: {c: 1');
    expect(() => broken.lineOf('#/b/c')).not.toThrow();
  });
});
