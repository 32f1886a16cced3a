import {describe, expect, it} from 'vitest';
import type {ExtractedSection} from '../../core/types';
import type {RouteModel} from '../model';
import {createAnchors} from './links';
import {normalizeRoutePath as normalizePath} from '../../core/site/httpRoutes';
import {createSpecIndex} from './specOperations';

const route = (method: string, path: string): RouteModel => ({method, path, framework: 'express', kind: 'api', file: 'a.ts', line: 1, middleware: [], auth: false});

function section(id: string, model: unknown): ExtractedSection {
  return {id, title: id, description: '', model: model as ExtractedSection['model'], watch: []};
}

describe('matching routes to operations', () => {
  it('sets parameter names aside, in every framework’s spelling', () => {
    expect(['/users/:id', '/users/{userId}', '/users/[id]', '/users/:id/'].map(normalizePath)).toEqual(['/users/{}', '/users/{}', '/users/{}', '/users/{}']);
    expect(normalizePath('/')).toBe('/');
  });

  it('matches with or without a server’s base path, ALL to every method, and ignores sections that are not API descriptions', () => {
    const specs = createSpecIndex({
      sections: [
        section('shop', {version: 2, state: 'ok', api: {servers: [{url: 'https://shop.example/api/v1'}], operations: [{method: 'get', path: '/users/{id}', title: 'Get a user'}, {method: 'post', path: '/users', title: 'Add a user'}]}}),
        section('broken', {version: 2, state: 'error', file: 'x.yaml', title: 'x', messages: []}),
        section('overview', {version: 2, packages: []}),
      ],
    });
    expect(specs.operations.map((op) => op.key)).toEqual(['shop/GET /users/{id}', 'shop/POST /users']);
    expect(specs.match(route('GET', '/api/v1/users/:id')).map((op) => op.title)).toEqual(['Get a user']);
    expect(specs.match(route('GET', '/users/:userId')).map((op) => op.title)).toEqual(['Get a user']);
    expect(specs.match(route('ALL', '/users')).map((op) => op.title)).toEqual(['Add a user']);
    expect(specs.match(route('DELETE', '/users/:id'))).toEqual([]);
    expect(specs.match(route('GET', '/api/v1x/users/1'))).toEqual([]);
  });
});

describe('anchors', () => {
  it('are ASCII, unique on the page, accents dropped', () => {
    const anchor = createAnchors('component');
    expect(['Button', 'Button', 'Ünïcødé', '$'].map(anchor)).toEqual(['component-button', 'component-button-2', 'component-unic-de', 'component']);
  });
});
