#!/usr/bin/env node
/**
 * The sample service: a small inventory API on node:http, no framework. It is what the default
 * site's HTTP API section documents (openapi.yaml beside this file), and what the end-to-end test's
 * "Send" talks to. State is in memory; every start begins with the same three items.
 *
 *   PORT=8080 API_KEY=change-me node examples/sample-service/server.mjs
 */
import http from 'node:http';
import {pathToFileURL} from 'node:url';

const SEED = [
  {id: 1, name: 'Hammer', price: 12.5, tags: ['tools']},
  {id: 2, name: 'Screwdriver set', price: 19.9, tags: ['tools', 'sets']},
  {id: 3, name: 'Work gloves', price: 7.25, tags: ['safety']},
];

/**
 * @param {{apiKey?: string, corsOrigin?: string}} options
 * @returns {http.Server}
 */
export function createSampleService({apiKey = 'change-me', corsOrigin = '*'} = {}) {
  const items = new Map(SEED.map((item) => [item.id, {...item, tags: [...item.tags]}]));
  let nextId = SEED.length + 1;

  return http.createServer(async (request, response) => {
    // The docs site's explorer calls from another origin: allow it (CORS), including the preflight.
    response.setHeader('Access-Control-Allow-Origin', corsOrigin);
    response.setHeader('Access-Control-Allow-Headers', 'Content-Type, Accept, X-API-Key');
    response.setHeader('Access-Control-Allow-Methods', 'GET, POST, DELETE, OPTIONS');
    if (request.method === 'OPTIONS') return send(response, 204);

    const url = new URL(request.url ?? '/', 'http://localhost');
    const parts = url.pathname.split('/').filter(Boolean);
    try {
      if (url.pathname === '/health' && request.method === 'GET') {
        return send(response, 200, {status: 'ok', items: items.size});
      }
      if (parts[0] !== 'items') return send(response, 404, problem(404, `No route for ${request.method} ${url.pathname}`));

      if (parts.length === 1 && request.method === 'GET') return send(response, 200, listItems(items, url.searchParams));
      if (parts.length === 2 && parts[1] === 'search' && request.method === 'GET') {
        // Deprecated alias of GET /items?q=..., kept for old clients.
        response.setHeader('Deprecation', 'true');
        return send(response, 200, listItems(items, url.searchParams));
      }
      if (parts.length === 1 && request.method === 'POST') {
        if (request.headers['x-api-key'] !== apiKey) return send(response, 401, problem(401, 'A valid X-API-Key header is required'));
        const body = await readJson(request);
        const error = validateItem(body);
        if (error) return send(response, 422, problem(422, error));
        const item = {id: nextId++, name: body.name.trim(), price: body.price, tags: body.tags ?? []};
        items.set(item.id, item);
        response.setHeader('Location', `/items/${item.id}`);
        return send(response, 201, item);
      }
      if (parts.length === 2 && /^\d+$/.test(parts[1])) {
        const id = Number(parts[1]);
        const item = items.get(id);
        if (request.method === 'GET') return item ? send(response, 200, item) : send(response, 404, problem(404, `No item ${id}`));
        if (request.method === 'DELETE') {
          if (request.headers['x-api-key'] !== apiKey) return send(response, 401, problem(401, 'A valid X-API-Key header is required'));
          if (!item) return send(response, 404, problem(404, `No item ${id}`));
          items.delete(id);
          return send(response, 204);
        }
      }
      return send(response, 404, problem(404, `No route for ${request.method} ${url.pathname}`));
    } catch (error) {
      return send(response, 400, problem(400, error instanceof Error ? error.message : String(error)));
    }
  });
}

function listItems(items, params) {
  const query = (params.get('q') ?? '').toLowerCase();
  const tag = params.get('tag');
  const limit = Math.min(Math.max(Number(params.get('limit') ?? 20) || 20, 1), 100);
  const matching = [...items.values()].filter(
    (item) => (!query || item.name.toLowerCase().includes(query)) && (!tag || item.tags.includes(tag)),
  );
  return {items: matching.slice(0, limit), total: matching.length};
}

function validateItem(body) {
  if (typeof body !== 'object' || body === null) return 'The body must be a JSON object';
  if (typeof body.name !== 'string' || body.name.trim() === '') return '"name" must be a non-empty string';
  if (typeof body.price !== 'number' || !(body.price >= 0)) return '"price" must be a number, 0 or more';
  if (body.tags !== undefined && (!Array.isArray(body.tags) || body.tags.some((tag) => typeof tag !== 'string'))) {
    return '"tags" must be a list of strings';
  }
  return undefined;
}

/** RFC 9457 problem details. */
function problem(status, detail) {
  return {type: 'about:blank', title: http.STATUS_CODES[status], status, detail};
}

async function readJson(request) {
  const chunks = [];
  for await (const chunk of request) chunks.push(chunk);
  const text = Buffer.concat(chunks).toString('utf8');
  try {
    return JSON.parse(text || 'null');
  } catch {
    throw new Error('The body is not valid JSON');
  }
}

function send(response, status, body) {
  if (body === undefined) {
    response.writeHead(status).end();
    return;
  }
  const json = JSON.stringify(body);
  response.writeHead(status, {
    'Content-Type': status >= 400 ? 'application/problem+json' : 'application/json',
    'Content-Length': Buffer.byteLength(json),
  });
  response.end(json);
}

// Started as a program (not imported by a test): listen on PORT.
if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const port = Number(process.env.PORT ?? 8080);
  const host = process.env.HOST ?? '127.0.0.1';
  const server = createSampleService({apiKey: process.env.API_KEY, corsOrigin: process.env.CORS_ORIGIN});
  server.listen(port, host, () => console.log(`sample service on http://${host}:${port}`));
}
