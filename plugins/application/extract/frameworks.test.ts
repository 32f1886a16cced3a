/**
 * Routes of each framework the extractor reads, in one temporary monorepo: Fastify, Koa, Hono,
 * NestJS and Next.js (pages and app routers); and calls that look like routes but are not.
 */
import fs from 'node:fs';
import path from 'node:path';
import {afterAll, describe, expect, it} from 'vitest';
import {loadTargetContext} from '../../core/prepareSite';
import {makeRepo, tempBase} from '../../../test/gitRepo';
import {extractApplication} from './extractApplication';

const dirs: string[] = [];
afterAll(() => {
  for (const dir of dirs) fs.rmSync(dir, {recursive: true, force: true});
});

const FILES: Record<string, string> = {
  'package.json': JSON.stringify({name: 'mono', private: true, workspaces: ['services/*', 'web']}),
  'services/fastify/package.json': JSON.stringify({name: 'fastify-svc'}),
  'services/fastify/src/server.ts': `import Fastify from 'fastify';
import itemRoutes from './items';
const app = Fastify();
app.register(itemRoutes, {prefix: '/v1'});
app.route({method: ['GET', 'HEAD'], url: '/ping', preHandler: [verifyJwt], handler: async () => 'pong'});
`,
  'services/fastify/src/items.ts': `import type {FastifyInstance} from 'fastify';
export default async function itemRoutes(fastify: FastifyInstance) {
  fastify.get('/items/:id', getItem);
  fastify.post('/items', {preHandler: auth}, createItem);
}
function getItem() {}
function createItem() {}
`,
  'services/koa/package.json': JSON.stringify({name: 'koa-svc'}),
  'services/koa/index.js': `const Koa = require('koa');
const Router = require('@koa/router');
const app = new Koa();
const router = new Router();
router.get('user', '/users/:id', showUser);
router.put('/users/:id', passport.authenticate('jwt'), updateUser);
app.use(router.routes());
function showUser() {}
function updateUser() {}
`,
  'services/hono/package.json': JSON.stringify({name: 'hono-svc'}),
  'services/hono/src/index.ts': `import {Hono} from 'hono';
const books = new Hono();
books.get('/', (c) => c.json([]));
books.delete('/:id', (c) => c.body(null));
const app = new Hono();
app.route('/books', books);
`,
  'services/nest/package.json': JSON.stringify({name: 'nest-svc'}),
  'services/nest/src/main.ts': `import {NestFactory} from '@nestjs/core';
async function bootstrap() {
  const app = await NestFactory.create(AppModule);
  app.setGlobalPrefix('api');
}
`,
  'services/nest/src/cats.controller.ts': `import {Controller, Get, Post, UseGuards} from '@nestjs/common';
@Controller('cats')
@UseGuards(AuthGuard)
export class CatsController {
  @Get()
  findAll() {}
  @Get(':id')
  findOne() {}
  @Post()
  @UseGuards(RolesGuard)
  create() {}
}
`,
  'web/package.json': JSON.stringify({name: 'web', dependencies: {next: '14.0.0', react: '18.0.0'}}),
  'web/pages/index.tsx': 'export default function Home() { return <main>Home</main>; }\n',
  'web/pages/_app.tsx': 'export default function MyApp({Component, pageProps}) { return <Component {...pageProps} />; }\n',
  'web/pages/posts/[slug].tsx': 'export default function Post() { return <article />; }\n',
  'web/pages/api/hello.ts': `export default function handler(req, res) {
  if (req.method === 'POST') return res.status(201).end();
  if (req.method === 'GET') return res.json({});
}
`,
  'web/app/(shop)/products/[id]/page.tsx': 'export default function Product() { return <div />; }\n',
  'web/app/api/orders/route.ts': 'export async function GET() {}\nexport const POST = async () => {};\nexport function helper() {}\n',
  'web/app/_private/page.tsx': 'export default function Hidden() { return <div />; }\n',
  'web/lib/client.ts': `import axios from 'axios';
export const load = () => axios.get('/users/1');
const cache = new Map();
cache.get('/users');
`,
};

describe('routes of every framework read', () => {
  it('lists each service with its routes, prefixes and guards, and nothing that only looks like a route', async () => {
    const target = tempBase('app-frameworks');
    const site = tempBase('app-frameworks-site');
    dirs.push(target, site);
    for (const [file, content] of Object.entries(FILES)) {
      fs.mkdirSync(path.dirname(path.join(target, file)), {recursive: true});
      fs.writeFileSync(path.join(target, file), content);
    }
    makeRepo(target).commit('services');
    const model = await extractApplication(await loadTargetContext({siteDir: site, target}));
    const lines = model.services.map((service) => [service.name, ...service.routes.map((r) => `${r.method} ${r.path} ${r.framework}/${r.kind} ${r.handler?.name ?? '-'}${r.middleware.length ? ` [${r.middleware.join(', ')}]` : ''}${r.auth ? ' auth' : ''}`)]);
    expect(lines).toEqual([
      ['fastify-svc', 'GET /ping fastify/api (inline) [verifyJwt] auth', 'HEAD /ping fastify/api (inline) [verifyJwt] auth', 'POST /v1/items fastify/api createItem [auth] auth', 'GET /v1/items/:id fastify/api getItem'],
      ['hono-svc', 'GET /books hono/api (inline)', 'DELETE /books/:id hono/api (inline)'],
      ['koa-svc', 'GET /users/:id koa/api showUser', "PUT /users/:id koa/api updateUser [passport.authenticate()] auth"],
      ['nest-svc', 'GET /api/cats nestjs/api CatsController.findAll [AuthGuard] auth', 'POST /api/cats nestjs/api CatsController.create [AuthGuard, RolesGuard] auth', 'GET /api/cats/:id nestjs/api CatsController.findOne [AuthGuard] auth'],
      ['web', 'GET / next-pages/page Home', 'GET /api/hello next-pages/api handler', 'POST /api/hello next-pages/api handler', 'GET /api/orders next-app/api GET', 'POST /api/orders next-app/api POST', 'GET /posts/:slug next-pages/page Post', 'GET /products/:id next-app/page Product'],
    ]);
  }, 60_000);
});
