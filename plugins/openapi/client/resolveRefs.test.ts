import {describe, expect, it} from 'vitest';
import {collectComponents, collectGroups, createComponentRegistry, FAN_OUT_BUDGET} from '../components';
import {pickComponents} from '../pageJson';
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

/** The components a value reaches, as a page's JSON carries them. */
function componentsOf(document: unknown, value: unknown): Record<string, unknown> {
  const registry = createComponentRegistry();
  return pickComponents(registry.components, collectComponents(document, value, registry).refs);
}

describe('collectComponents', () => {
  it('collects what a value reaches, transitively, mappings included, and nothing else', () => {
    const components = componentsOf(document, {parameters: [{$ref: '#/components/parameters/Limit'}], schema: {$ref: '#/components/schemas/Person'}});
    expect(Object.keys(components)).toEqual([
      '#/components/parameters/Limit',
      '#/components/schemas/Cat',
      '#/components/schemas/Dog',
      '#/components/schemas/Person',
      '#/components/schemas/Pet',
    ]);
  });

  it('gives component schemas their name as title, keeping an existing title', () => {
    const components = componentsOf(document, [{$ref: '#/components/schemas/Leaf'}, {$ref: '#/components/schemas/Tree'}]);
    expect(components['#/components/schemas/Leaf']).toEqual({type: 'string', title: 'Leaf'});
    expect((components['#/components/schemas/Tree'] as {title: string}).title).toBe('A tree');
  });

  it('ignores refs that lead nowhere', () => {
    expect(componentsOf(document, {$ref: '#/components/schemas/Nope'})).toEqual({});
  });
});

/** Reads a path in a resolved value, which is plain JSON. */
function at(value: unknown, ...keys: (string | number)[]): unknown {
  return keys.reduce<unknown>((node, key) => (node as Record<string | number, unknown> | undefined)?.[key], value);
}

describe('fan-out beyond the budget', () => {
  // A base schema whose discriminator maps many subtypes, each reaching a schema of its own.
  const count = FAN_OUT_BUDGET + 8;
  const schemas: Record<string, unknown> = {
    Event: {type: 'object', discriminator: {propertyName: 'kind', mapping: Object.fromEntries(Array.from({length: count}, (_, i) => [`k${i}`, `Event${i}`]))}, properties: {kind: {type: 'string'}}},
    Small: {oneOf: [{$ref: '#/components/schemas/Detail0'}, {$ref: '#/components/schemas/Detail1'}]},
  };
  for (let i = 0; i < count; i++) {
    schemas[`Event${i}`] = {allOf: [{$ref: '#/components/schemas/Event'}, {properties: {detail: {$ref: `#/components/schemas/Detail${i}`}}}]};
    schemas[`Detail${i}`] = {type: 'string', description: `detail ${i}`};
  }
  const fanOut = {components: {schemas}};

  it('leaves the subtypes out of the page and names one shared group instead', () => {
    const registry = createComponentRegistry();
    const page = collectComponents(fanOut, {schema: {$ref: '#/components/schemas/Event'}}, registry);
    expect(page.refs).toEqual(['#/components/schemas/Event']);
    expect(page.shared).toHaveLength(1);
    // A second page using the base names the same group.
    expect(collectComponents(fanOut, {items: {$ref: '#/components/schemas/Event'}}, registry).shared).toEqual(page.shared);
    const groups = collectGroups(fanOut, registry);
    expect(Object.keys(groups)).toEqual(page.shared);
    const group = groups[page.shared[0]!]!;
    // Every subtype and what it reaches, the base too (the subtypes extend it); no group names itself.
    expect(group.refs).toHaveLength(2 * count + 1);
    expect(group.shared).toEqual([]);
  });

  it('keeps a small oneOf on the page', () => {
    const registry = createComponentRegistry();
    expect(collectComponents(fanOut, {$ref: '#/components/schemas/Small'}, registry)).toEqual({refs: ['#/components/schemas/Detail0', '#/components/schemas/Detail1', '#/components/schemas/Small'], shared: []});
  });

  it('resolves the same once the page merges the shared file, as the browser does', () => {
    const registry = createComponentRegistry();
    const page = collectComponents(fanOut, {$ref: '#/components/schemas/Event'}, registry);
    const group = collectGroups(fanOut, registry)[page.shared[0]!]!;
    const merged = {...pickComponents(registry.components, group.refs), ...pickComponents(registry.components, page.refs)};
    const resolved = resolveRefs({$ref: '#/components/schemas/Event'}, merged);
    expect(at(resolved, 'discriminator', 'mapping', `k${count - 1}`, 'allOf', 1, 'properties', 'detail')).toEqual({type: 'string', description: `detail ${count - 1}`, title: `Detail${count - 1}`});
  });
});

describe('resolveRefs', () => {
  const components = componentsOf(document, {$ref: '#/components/schemas/Person'});

  it('replaces refs with copies of their targets', () => {
    const resolved = resolveRefs({$ref: '#/components/schemas/Person'}, components);
    expect(at(resolved, 'properties', 'name')).toEqual({type: 'string'});
    expect(at(resolved, 'properties', 'pets', 'items', 'properties', 'kind')).toEqual({type: 'string'});
  });

  it('cuts cycles with the theme marker, naming the schema', () => {
    const resolved = resolveRefs({$ref: '#/components/schemas/Person'}, components);
    expect(at(resolved, 'properties', 'pets', 'items', 'properties', 'owner')).toBe('circular(Person)');
    const tree = resolveRefs({$ref: '#/components/schemas/Tree'}, componentsOf(document, {$ref: '#/components/schemas/Tree'}));
    expect(at(tree, 'properties', 'children', 'items')).toBe('circular(A tree)');
  });

  it('resolves discriminator mappings (refs and bare names) to schemas', () => {
    const resolved = resolveRefs({$ref: '#/components/schemas/Pet'}, componentsOf(document, {$ref: '#/components/schemas/Pet'}));
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
