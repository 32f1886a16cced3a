import {describe, expect, it} from 'vitest';
import {collectComponents} from '../components';
import {resolveRefs} from './resolveRefs';

const document = {
  components: {
    schemas: {
      Pet: {
        type: 'object',
        discriminator: {propertyName: 'kind', mapping: {cat: '#/components/schemas/Cat', dog: 'Dog'}},
        properties: {kind: {type: 'string'}, owner: {$ref: '#/components/schemas/Person'}},
      },
      Cat: {allOf: [{$ref: '#/components/schemas/Pet'}, {type: 'object', properties: {lives: {type: 'integer'}}}]},
      Dog: {allOf: [{$ref: '#/components/schemas/Pet'}]},
      Person: {type: 'object', properties: {name: {type: 'string'}, pets: {type: 'array', items: {$ref: '#/components/schemas/Pet'}}}},
      Tree: {type: 'object', title: 'A tree', properties: {children: {type: 'array', items: {$ref: '#/components/schemas/Tree'}}}},
      Leaf: {type: 'string'},
      Unused: {type: 'boolean'},
    },
    parameters: {Limit: {name: 'limit', in: 'query', schema: {type: 'integer'}}},
  },
};

describe('collectComponents', () => {
  it('collects what a value reaches, transitively, mappings included, and nothing else', () => {
    const components = collectComponents(document, {parameters: [{$ref: '#/components/parameters/Limit'}], schema: {$ref: '#/components/schemas/Person'}});
    expect(Object.keys(components)).toEqual([
      '#/components/parameters/Limit',
      '#/components/schemas/Cat',
      '#/components/schemas/Dog',
      '#/components/schemas/Person',
      '#/components/schemas/Pet',
    ]);
  });

  it('gives component schemas their name as title, keeping an existing title', () => {
    const components = collectComponents(document, [{$ref: '#/components/schemas/Leaf'}, {$ref: '#/components/schemas/Tree'}]);
    expect(components['#/components/schemas/Leaf']).toEqual({type: 'string', title: 'Leaf'});
    expect((components['#/components/schemas/Tree'] as {title: string}).title).toBe('A tree');
  });

  it('ignores refs that lead nowhere', () => {
    expect(collectComponents(document, {$ref: '#/components/schemas/Nope'})).toEqual({});
  });
});

/** Reads a path in a resolved value, which is plain JSON. */
function at(value: unknown, ...keys: (string | number)[]): unknown {
  return keys.reduce<unknown>((node, key) => (node as Record<string | number, unknown> | undefined)?.[key], value);
}

describe('resolveRefs', () => {
  const components = collectComponents(document, {$ref: '#/components/schemas/Person'});

  it('replaces refs with copies of their targets', () => {
    const resolved = resolveRefs({$ref: '#/components/schemas/Person'}, components);
    expect(at(resolved, 'properties', 'name')).toEqual({type: 'string'});
    expect(at(resolved, 'properties', 'pets', 'items', 'properties', 'kind')).toEqual({type: 'string'});
  });

  it('cuts cycles with the theme marker, naming the schema', () => {
    const resolved = resolveRefs({$ref: '#/components/schemas/Person'}, components);
    expect(at(resolved, 'properties', 'pets', 'items', 'properties', 'owner')).toBe('circular(Person)');
    const tree = resolveRefs({$ref: '#/components/schemas/Tree'}, collectComponents(document, {$ref: '#/components/schemas/Tree'}));
    expect(at(tree, 'properties', 'children', 'items')).toBe('circular(A tree)');
  });

  it('resolves discriminator mappings (refs and bare names) to schemas', () => {
    const resolved = resolveRefs({$ref: '#/components/schemas/Pet'}, collectComponents(document, {$ref: '#/components/schemas/Pet'}));
    expect(at(resolved, 'discriminator', 'mapping', 'cat', 'allOf', 0)).toBe('circular(Pet)');
    expect(at(resolved, 'discriminator', 'mapping', 'cat', 'allOf', 1, 'properties', 'lives')).toEqual({type: 'integer'});
    expect(at(resolved, 'discriminator', 'mapping', 'dog', 'allOf', 0)).toBe('circular(Pet)');
    expect(at(resolved, 'discriminator', 'propertyName')).toBe('kind');
  });

  it('never shares an object between two uses (the theme mutates what it renders)', () => {
    const resolved = resolveRefs({a: {$ref: '#/components/schemas/Person'}, b: {$ref: '#/components/schemas/Person'}}, components);
    expect(at(resolved, 'a')).toEqual(at(resolved, 'b'));
    expect(at(resolved, 'a')).not.toBe(at(resolved, 'b'));
    expect(at(resolved, 'a', 'properties')).not.toBe(at(resolved, 'b', 'properties'));
  });

  it('lets keywords beside a ref win over the target (OpenAPI 3.1)', () => {
    const resolved = resolveRefs({$ref: '#/components/schemas/Leaf', description: 'A leaf'}, {'#/components/schemas/Leaf': {type: 'string', description: 'x'}});
    expect(resolved).toEqual({type: 'string', description: 'A leaf'});
  });

  it('drops a ref it cannot resolve and keeps its siblings', () => {
    expect(resolveRefs({$ref: '#/components/schemas/Nope', description: 'kept'}, {})).toEqual({description: 'kept'});
  });

  it('stops expanding past its budget instead of hanging on exponential fan-out', () => {
    // Each level refers to the next one twice: 2^30 copies if expanded fully.
    const levels: Record<string, unknown> = {};
    for (let i = 0; i < 30; i++) {
      levels[`#/components/schemas/L${i}`] = {type: 'object', properties: {a: {$ref: `#/components/schemas/L${i + 1}`}, b: {$ref: `#/components/schemas/L${i + 1}`}}};
    }
    levels['#/components/schemas/L30'] = {type: 'string'};
    const started = Date.now();
    const resolved = resolveRefs({$ref: '#/components/schemas/L0'}, levels, 10_000);
    expect(Date.now() - started).toBeLessThan(2_000);
    expect(JSON.stringify(resolved)).toContain('circular(L');
  });
});
