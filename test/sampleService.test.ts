/**
 * The sample service of the default target, over real HTTP on loopback: what its description
 * (examples/sample-service/openapi.yaml) promises is what it does.
 */
import type {AddressInfo} from 'node:net';
import type {Server} from 'node:http';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {createSampleService} from '../examples/sample-service/server.mjs';

let server: Server;
let base: string;

beforeAll(async () => {
  server = createSampleService({apiKey: 'test-key'});
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

const json = async (response: Response) => ({status: response.status, type: response.headers.get('content-type'), body: (await response.json()) as Record<string, unknown>});

describe('sample service', () => {
  it('lists, filters and limits items', async () => {
    expect(await json(await fetch(`${base}/items`))).toMatchObject({status: 200, type: 'application/json', body: {total: 3}});
    const tools = await json(await fetch(`${base}/items?tag=tools&limit=1`));
    expect(tools.body).toMatchObject({total: 2, items: [{id: 1, name: 'Hammer'}]});
    expect((await json(await fetch(`${base}/items?q=GLOVES`))).body).toMatchObject({total: 1, items: [{id: 3}]});
  });

  it('asks for the API key to create and delete, and answers problems as RFC 9457', async () => {
    const denied = await json(await fetch(`${base}/items`, {method: 'POST', body: '{}'}));
    expect(denied).toMatchObject({status: 401, type: 'application/problem+json', body: {status: 401, title: 'Unauthorized'}});
    const invalid = await json(await fetch(`${base}/items`, {method: 'POST', headers: {'X-API-Key': 'test-key'}, body: '{"name": ""}'}));
    expect(invalid).toMatchObject({status: 422, body: {detail: '"name" must be a non-empty string'}});

    const created = await fetch(`${base}/items`, {method: 'POST', headers: {'X-API-Key': 'test-key'}, body: JSON.stringify({name: 'Tape measure', price: 9.5})});
    expect(created.status).toBe(201);
    expect(created.headers.get('location')).toBe('/items/4');
    expect(await created.json()).toEqual({id: 4, name: 'Tape measure', price: 9.5, tags: []});
    expect((await json(await fetch(`${base}/items/4`))).body).toMatchObject({name: 'Tape measure'});

    expect((await fetch(`${base}/items/4`, {method: 'DELETE', headers: {'X-API-Key': 'test-key'}})).status).toBe(204);
    expect((await json(await fetch(`${base}/items/4`))).status).toBe(404);
  });

  it('keeps the deprecated search, and says so', async () => {
    const response = await fetch(`${base}/items/search?q=ham`);
    expect(response.headers.get('deprecation')).toBe('true');
    expect(await response.json()).toMatchObject({total: 1});
  });

  it('allows cross-origin calls, so the docs explorer can send requests', async () => {
    const preflight = await fetch(`${base}/items`, {method: 'OPTIONS', headers: {Origin: 'http://docs.example', 'Access-Control-Request-Method': 'POST'}});
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get('access-control-allow-origin')).toBe('*');
    expect(preflight.headers.get('access-control-allow-headers')).toContain('X-API-Key');
    expect((await fetch(`${base}/health`)).headers.get('access-control-allow-origin')).toBe('*');
  });
});
