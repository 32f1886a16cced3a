/**
 * The operations generator on a fixture with one of everything (fixtureTarget.ts), in a real git
 * repository with a GitHub remote: what each extractor finds, with its line, and the pages it renders,
 * compiled as Docusaurus compiles them.
 */
import fs from 'node:fs';
import path from 'node:path';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {compileLikeDocusaurus} from '../../test/compileLikeDocusaurus';
import {tempBase} from '../../test/gitRepo';
import {loadTargetContext} from '../core/prepareSite';
import {generateSections} from '../core/site/generateSections';
import type {GeneratedSection, TargetContext} from '../core/types';
import {makeOperationsTarget} from './fixtureTarget';
import {operationsGenerator} from './generator';
import type {GettingStartedModel, OperationsModel} from './model';

let base: string;
let context: TargetContext;
let started: GeneratedSection<GettingStartedModel>;
let ops: GeneratedSection<OperationsModel>;
let urlOf: (kind: 'env', key: string) => string | undefined;
const BLOB = 'https://github.com/acme/shop/blob/main/';

beforeAll(async () => {
  base = tempBase('operations');
  makeOperationsTarget(path.join(base, 'shop'));
  context = await loadTargetContext({siteDir: path.join(base, 'site'), target: path.join(base, 'shop')});
  const {generated, registry} = await generateSections(context, [operationsGenerator as never], []);
  started = generated.find((g) => g.section.id === 'getting-started')!.section as GeneratedSection<GettingStartedModel>;
  ops = generated.find((g) => g.section.id === 'operations')!.section as GeneratedSection<OperationsModel>;
  const view = registry.view(generated.map((g) => g.section));
  urlOf = (kind, key) => view.urlOf(kind, key);
}, 60_000);

afterAll(() => fs.rmSync(base, {recursive: true, force: true}));

const page = (section: GeneratedSection, name: string) => {
  const content = section.files.get(name);
  if (content === undefined) throw new Error(`no ${name} in ${[...section.files.keys()].join(', ')}`);
  return content;
};

describe('getting started', () => {
  it('finds tool versions with their lines, from the root and from nested manifests', () => {
    expect(started.model.tools.map((t) => `${t.tool} ${t.version} ${t.from.file}:${t.from.line}`)).toEqual([
      'node >=20.11 package.json:7',
      'pnpm 9.1.0 package.json:5',
      'node 20.11.1 .nvmrc:1',
      'python >=3.11 api/pyproject.toml:3',
      'go 1.22 worker/go.mod:3',
    ]);
  });

  it('lists the repository\u2019s own commands by purpose, with descriptions from scripts-info, a // key, ## and comments', () => {
    const commands = started.model.commands.map((c) => `${c.purpose} ${c.run}${c.description ? ` (${c.description})` : ''}`);
    expect(commands).toEqual([
      'install pnpm install (Installs the dependencies.)',
      'run pnpm run dev (Runs the API with reload on change)',
      'test pnpm test',
      'lint pnpm run lint',
      'build pnpm run build (Compiles to dist/)',
      'run make up (Starts every service with compose)',
      'other make clean (Removes build output.)',
      'other shop-api',
    ]);
    expect(started.model.services).toEqual([{name: 'db', image: 'postgres:16', from: {file: 'compose.yaml', line: 17}}]);
    expect(started.model.ports.map((p) => `${p.service} ${p.port}`)).toEqual(['api 3000:3000', 'db 5432:5432', 'shop-api 3000', 'Dockerfile 3000']);
    expect(started.model.guides[0]).toEqual({title: 'Contributing to shop', file: 'CONTRIBUTING.md'});
  });

  it('renders the steps with links to their lines and says what it could not determine', () => {
    const mdx = page(started, 'index.mdx');
    expect(mdx).toContain(`[\`package.json:7\`](${BLOB}package.json#L7)`);
    expect(mdx).toContain('`make up`');
    expect(mdx).toContain('## Not determined');
    expect(mdx).toMatch(/audience:\n {2}- "new-hire"/);
  });
});

describe('configuration reference', () => {
  const variable = (name: string) => {
    const found = ops.model.variables.find((v) => v.name === name);
    if (!found) throw new Error(`no ${name} in ${ops.model.variables.map((v) => v.name).join(', ')}`);
    return found;
  };

  it('reads every form: process.env, brackets, destructuring, import.meta.env, zod, os.environ, os.getenv, BaseSettings, Go', () => {
    expect(ops.model.variables.map((v) => v.name)).toEqual([
      'BROKER_ADDR', 'CACHE_TTL', 'DATABASE_URL', 'FEATURE_FLAGS', 'LOG_LEVEL', 'PORT', 'QUEUE_URL', 'REDIS_URL', 'SENTRY_DSN',
      'SHOP_API_TOKEN', 'SHOP_REGION', 'SHOP_WORKERS', 'STRIPE_KEY', 'TIMEOUT', 'VITE_PUBLIC_URL', 'WORKER_DEBUG',
    ]);
    expect(variable('PORT')).toMatchObject({required: false, description: 'Port the HTTP server listens on.', reads: [{file: 'src/server.ts', line: 5, default: '3000'}]});
    expect(variable('DATABASE_URL')).toMatchObject({required: true, description: 'Where orders are stored.', reads: [{line: 7, via: 'process.env'}]});
    expect(variable('LOG_LEVEL').reads).toMatchObject([{line: 8, default: 'info', via: 'process.env (destructured)'}]);
    expect(variable('QUEUE_URL')).toMatchObject({required: true, description: 'Queue to publish order events to.', reads: [{file: 'src/env.ts', via: 'zod schema', type: 'string'}]});
    expect(variable('CACHE_TTL').reads[0]).toMatchObject({default: '60', required: false});
    expect(variable('SENTRY_DSN')).toMatchObject({required: false});
    expect(variable('SHOP_WORKERS')).toMatchObject({description: 'How many workers serve requests.', reads: [{via: 'pydantic BaseSettings', type: 'int', default: '4'}]});
    expect(variable('SHOP_REGION')).toMatchObject({required: true});
    expect(variable('REDIS_URL')).toMatchObject({required: true, reads: [{via: 'os.environ[...]', language: 'python'}]});
    expect(variable('TIMEOUT').reads[0]).toMatchObject({default: '30', via: 'os.getenv'});
    expect(variable('BROKER_ADDR')).toMatchObject({description: 'Address of the broker.', reads: [{file: 'worker/main.go', line: 10, via: 'os.Getenv'}]});
    expect(variable('WORKER_DEBUG').reads[0]!.via).toBe('os.LookupEnv');
    expect(variable('VITE_PUBLIC_URL').reads[0]!.via).toBe('import.meta.env');
  });

  it('hides secret defaults and every value set in real env files, compose and k8s; shows example values', () => {
    expect(variable('STRIPE_KEY')).toMatchObject({secret: true, reads: [{defaultHidden: true}]});
    expect(variable('STRIPE_KEY').reads[0]!.default).toBeUndefined();
    expect(variable('SHOP_API_TOKEN')).toMatchObject({secret: true, reads: [{defaultHidden: true}]});
    const settings = variable('STRIPE_KEY').settings.map((s) => `${s.kind} ${s.from.file}:${s.from.line} ${s.value ?? ''}${s.hidden ? 'hidden' : ''}${s.ref ?? ''}`);
    expect(settings).toEqual(['env-file .env:1 hidden', 'dockerfile Dockerfile:9 hidden', 'compose compose.yaml:8 hidden', 'k8s k8s/deployment.yaml:17 Secret shop-secrets/stripe']);
    expect(variable('PORT').settings.find((s) => s.kind === 'env-example')).toMatchObject({value: '3000'});
    expect(variable('LOG_LEVEL').settings).toMatchObject([{kind: 'k8s', hidden: true}]);
  });

  it('lists the differences with .env.example', () => {
    expect(ops.model.unused).toEqual([{name: 'LEGACY_MODE', file: '.env.example', line: 5}]);
    expect(ops.model.missingFromExample).toContain('QUEUE_URL');
    expect(ops.model.missingFromExample).not.toContain('PORT');
  });

  it('gives each unit a page where each variable has an anchor, and registers the anchor in the link index', () => {
    expect(ops.model.units.map((u) => `${u.slug}:${u.dir}`)).toEqual(['shop:', 'api:api', 'worker:worker']);
    const mdx = page(ops, 'configuration/shop.mdx');
    expect(mdx).toContain('### `PORT` {/* #env-PORT */}');
    expect(mdx).toContain(`[\`src/server.ts:5\`](${BLOB}src/server.ts#L5)`);
    expect(mdx).toContain('set (hidden)');
    expect(urlOf('env', 'PORT')).toBe('/operations/configuration/shop#env-PORT');
    expect(urlOf('env', 'BROKER_ADDR')).toBe('/operations/configuration/worker#env-BROKER_ADDR');
  });
});

describe('deployment, runbooks, security', () => {
  it('reads compose, k8s, Dockerfile stages and CI jobs with their lines', () => {
    expect(ops.model.services.map((s) => `${s.source} ${s.name} ${s.from.file}:${s.from.line} ${s.probes.map((p) => `${p.kind}=${p.check}`).join(',')}`)).toEqual([
      'compose api compose.yaml:2 healthcheck=curl -f http://localhost:3000/healthz',
      'compose worker compose.yaml:13 ',
      'compose db compose.yaml:17 ',
      'k8s shop-api k8s/deployment.yaml:10 liveness=GET :3000/healthz,readiness=GET :3000/readyz',
    ]);
    expect(ops.model.services[3]).toMatchObject({replicas: 3, image: 'ghcr.io/acme/shop:1.0.0'});
    expect(ops.model.dockerfiles).toEqual([
      {
        file: 'Dockerfile',
        stages: [{base: 'node:20-alpine', name: 'build', line: 2}, {base: 'node:20-alpine', line: 8}],
        expose: [{port: '3000', line: 11}],
        user: {value: 'node', line: 12},
        healthcheck: {command: 'wget -qO- http://localhost:3000/healthz || exit 1', line: 13},
        cmd: {value: 'CMD ["node", "dist/server.js"]', line: 14},
      },
    ]);
    expect(ops.model.ci.map((j) => `${j.job} ${j.line} [${j.triggers.join(',')}] ${j.deploys.join(';')}`)).toEqual(['test 7 [pull_request,push] ', 'deploy 12 [pull_request,push] environment production;Push the image']);
  });

  it('warns about a malformed compose file with its line and builds the rest', () => {
    const warning = context.report.warnings.find((w) => w.details.file?.endsWith('broken/compose.yaml'));
    // The parser reports the unclosed flow sequence where the input ends.
    expect(warning?.details.line).toBe(4);
    expect(ops.model.problems).toMatchObject([{file: 'broken/compose.yaml', line: 4}]);
  });

  it('finds health routes in Express, FastAPI and Go, metrics in prom-client and prometheus_client, and alert rules', () => {
    expect(ops.model.endpoints.map((e) => `${e.path} ${e.framework} ${e.file}:${e.line}`)).toEqual([
      '/health FastAPI/Flask api/shop_api/main.py:10',
      '/healthz express/fastify/hono/koa src/server.ts:15',
      '/readyz express/fastify/hono/koa src/server.ts:16',
      '/metrics express/fastify/hono/koa src/server.ts:17',
      '/livez net/http worker/main.go:14',
    ]);
    expect(ops.model.metrics.map((m) => `${m.name} ${m.type} [${m.labels.join(',')}] ${m.library}`)).toEqual([
      'http_requests_total counter [method,status] prom-client',
      'request_latency_seconds histogram [route] prometheus_client',
    ]);
    expect(ops.model.alerts).toEqual([{name: 'ApiDown', expr: 'up{job="shop-api"} == 0', severity: 'critical', summary: 'The API is down', file: 'monitoring/alerts.rules.yml', line: 4}]);
  });

  it('writes a runbook per service with its own routes and a checklist', () => {
    expect(ops.model.runbooks.map((r) => `${r.slug}: ${r.endpoints.map((e) => e.path).join(',')}`)).toEqual(['api: /healthz,/readyz,/metrics', 'api-2: /health', 'db: ', 'shop-api: ', 'worker: /livez']);
    const api = page(ops, 'runbooks/api.mdx');
    expect(api).toContain('## When it is down');
    expect(api).toContain('`docker compose -f compose.yaml logs -f api`');
    expect(api).toContain('content_type: "runbook"');
    expect(api).toContain('ApiDown');
  });

  it('finds auth in code, the security policy, code owners and dependencies', () => {
    expect(ops.model.auth.map((a) => `${a.name} ${a.file}:${a.line}`)).toEqual(['OAuth2 password bearer api/shop_api/main.py:6', 'Authorization header src/server.ts:18']);
    expect(ops.model.securityFiles).toEqual([
      {kind: 'security-policy', file: 'SECURITY.md'},
      {kind: 'codeowners', file: '.github/CODEOWNERS', owners: [{pattern: '*', owners: ['@acme/platform'], line: 1}, {pattern: '/api/', owners: ['@acme/python-team'], line: 2}]},
    ]);
    expect(ops.model.k8sSecrets).toEqual([{name: 'shop-secrets', keys: ['password', 'stripe'], file: 'k8s/deployment.yaml', line: 32}]);
    expect(ops.model.dependencies).toEqual([
      {manifest: 'package.json', packages: [{name: 'express', version: '^4.19.0 (range; not locked)', license: 'unknown', dev: false}]},
      {manifest: 'worker/go.mod', packages: [{name: 'github.com/prometheus/client_golang', version: 'v1.19.0', license: 'unknown', dev: false}]},
    ]);
  });
});

describe('the pages', () => {
  it('compile as Docusaurus compiles them, every one', async () => {
    const pages = [...started.files, ...ops.files].filter(([name]) => name.endsWith('.mdx'));
    expect(pages.length).toBe(14);
    for (const [, mdx] of pages) await expect(compileLikeDocusaurus(mdx)).resolves.toBeTypeOf('string');
  });

  it('are the same bytes on a second run', async () => {
    const again = await generateSections(context, [operationsGenerator as never], []);
    const before = new Map([...started.files, ...ops.files].map(([name, content], i) => [`${i < started.files.size ? 'gs' : 'ops'}/${name}`, content]));
    const after = new Map(again.generated.flatMap((g) => [...g.section.files].map(([name, content]) => [`${g.section.id === 'getting-started' ? 'gs' : 'ops'}/${name}`, content] as const)));
    expect(after.size).toBe(16);
    expect(after).toEqual(before);
  });
});

describe('bad input is a problem at its line, the rest is read', () => {
  it('a Dockerfile line that is no instruction', async () => {
    const {parseDockerfile} = await import('./extract/dockerfile');
    const facts = {dockerfiles: [], settings: [], problems: []} as Parameters<typeof parseDockerfile>[2];
    parseDockerfile('Dockerfile', 'FROM node:20\nRUN echo \\\n  # a comment inside\n  done\nBOGUS thing\nEXPOSE 80 443/udp\n', facts);
    expect(facts.problems).toEqual([{file: 'Dockerfile', line: 5, message: 'not a Dockerfile instruction: "BOGUS thing"'}]);
    expect(facts.dockerfiles[0]!.expose).toEqual([{port: '80', line: 6}, {port: '443/udp', line: 6}]);
  });

  it('a k8s file whose second document is malformed keeps its first', async () => {
    const {parseYamlDocs} = await import('./extract/yamlFile');
    const {docs, problem} = parseYamlDocs('k8s/x.yaml', 'kind: Service\nmetadata:\n  name: a\n---\nkind: [\n');
    expect(docs).toHaveLength(1);
    expect(docs[0]!.lineOf(['metadata', 'name'])).toBe(3);
    expect(problem).toMatchObject({file: 'k8s/x.yaml', line: 6});
  });
});
