/**
 * For tests: a target with one of everything the operations extractors read — a TypeScript service
 * (process.env in each form, a zod schema), a FastAPI app with pydantic settings, a Go main, compose
 * with health checks, a k8s Deployment with probes and a Secret, a Prometheus rules file, a GitHub
 * workflow, a Dockerfile, a Makefile and an example env file — plus secrets planted where they must
 * never be published. Written into a git repository with a GitHub remote, so facts link to lines.
 * Secret values are assembled at run time so this file trips no secret scanner.
 */
import {makeRepo, type TestRepo} from '../../test/gitRepo';

const join = (...parts: string[]) => parts.join('');

/** Values that must appear in no generated file. */
export const OPS_SECRETS = {
  dotEnv: join('sk', '_live_', 'dotEnvPlanted0123456789ab'),
  dotEnvProduction: join('postgres://app:', 'ProdPw9Planted', '@db.prod/app'),
  composeValue: join('gh', 'p_', 'composePlanted0123456789abcdefXYZ'),
  composeListValue: 'hunter2-compose-list-planted',
  k8sSecretData: join('c2VjcmV0', 'LWs4cy1wbGFudGVk'),
  k8sSecretString: 'k8s-stringData-planted-pw',
  k8sEnvValue: 'k8s-env-literal-planted-77',
  codeDefault: join('xo', 'xb-', '123456789012-codeDefaultPlanted'),
  pythonDefault: join('AK', 'IA', 'PYTHONPLANTED0001'),
  dockerEnv: join('sk', '_test_', 'dockerEnvPlanted987654321'),
} as const;

const S = OPS_SECRETS;

export const FILES: Record<string, string> = {
  'package.json': `${JSON.stringify(
    {
      name: 'shop',
      version: '1.0.0',
      private: true,
      packageManager: 'pnpm@9.1.0',
      engines: {node: '>=20.11'},
      scripts: {dev: 'tsx watch src/server.ts', test: 'vitest run', lint: 'eslint .', build: 'tsc -p .', '//build': 'Compiles to dist/'},
      'scripts-info': {dev: 'Runs the API with reload on change'},
      dependencies: {express: '^4.19.0'},
    },
    null,
    2,
  )}\n`,
  '.nvmrc': '20.11.1\n',
  'src/server.ts': `import express from 'express';
import client from 'prom-client';

/** Port the HTTP server listens on. */
const port = Number(process.env.PORT ?? 3000);
// Where orders are stored.
const databaseUrl = process.env['DATABASE_URL']!;
const {LOG_LEVEL = 'info', FEATURE_FLAGS} = process.env;
const stripeKey = process.env.STRIPE_KEY || '${S.codeDefault}';
const publicUrl = import.meta.env.VITE_PUBLIC_URL;

const requests = new client.Counter({name: 'http_requests_total', help: 'Requests', labelNames: ['method', 'status']});

const app = express();
app.get('/healthz', (_req, res) => res.send('ok'));
app.get('/readyz', (_req, res) => res.send(databaseUrl ? 'ok' : 'no'));
app.get('/metrics', async (_req, res) => res.send(await client.register.metrics()));
app.use((req, res, next) => (req.headers.authorization ? next() : res.status(401).end()));
app.listen(port, () => console.log(port, LOG_LEVEL, FEATURE_FLAGS, stripeKey, publicUrl, requests));
`,
  'src/env.ts': `import {z} from 'zod';

export const env = z.object({
  // Queue to publish order events to.
  QUEUE_URL: z.string().url(),
  CACHE_TTL: z.coerce.number().default(60),
  SENTRY_DSN: z.string().optional(),
}).parse(process.env);
`,
  'api/pyproject.toml': `[project]
name = "shop-api"
requires-python = ">=3.11"

[project.scripts]
shop-api = "shop_api.main:run"
`,
  'api/shop_api/settings.py': `import os
from pydantic_settings import BaseSettings, SettingsConfigDict


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="SHOP_")

    # How many workers serve requests.
    workers: int = 4
    api_token: str = "${S.pythonDefault}"
    region: str


REDIS_URL = os.environ["REDIS_URL"]
TIMEOUT = os.getenv("TIMEOUT", "30")
`,
  'api/shop_api/main.py': `from fastapi import FastAPI
from fastapi.security import OAuth2PasswordBearer
from prometheus_client import Histogram

app = FastAPI()
oauth2 = OAuth2PasswordBearer(tokenUrl="token")
latency = Histogram("request_latency_seconds", "Latency", ["route"])


@app.get("/health")
def health():
    return {"ok": True}
`,
  'worker/go.mod': 'module example.com/worker\n\ngo 1.22\n\nrequire github.com/prometheus/client_golang v1.19.0\n',
  'worker/main.go': `package main

import (
	"net/http"
	"os"
)

func main() {
	// Address of the broker.
	broker := os.Getenv("BROKER_ADDR")
	if _, ok := os.LookupEnv("WORKER_DEBUG"); ok {
		println(broker)
	}
	http.HandleFunc("/livez", func(w http.ResponseWriter, r *http.Request) {})
	http.ListenAndServe(":9000", nil)
}
`,
  '.env.example': `# Port the HTTP server listens on.
PORT=3000
DATABASE_URL=postgres://localhost/shop
# Read by nothing any more.
LEGACY_MODE=false
`,
  '.env': `STRIPE_KEY=${S.dotEnv}\n`,
  '.env.production': `DATABASE_URL=${S.dotEnvProduction}\n`,
  'compose.yaml': `services:
  api:
    build: .
    ports:
      - "3000:3000"
    environment:
      DATABASE_URL: postgres://db/shop
      STRIPE_KEY: ${S.composeValue}
    depends_on:
      - db
    healthcheck:
      test: ["CMD", "curl", "-f", "http://localhost:3000/healthz"]
  worker:
    build: ./worker
    environment:
      - BROKER_ADDR=${S.composeListValue}
  db:
    image: postgres:16
    ports:
      - "5432:5432"
`,
  'k8s/deployment.yaml': `apiVersion: apps/v1
kind: Deployment
metadata:
  name: shop-api
spec:
  replicas: 3
  template:
    spec:
      containers:
        - name: api
          image: ghcr.io/acme/shop:1.0.0
          ports:
            - containerPort: 3000
          env:
            - name: LOG_LEVEL
              value: ${S.k8sEnvValue}
            - name: STRIPE_KEY
              valueFrom:
                secretKeyRef:
                  name: shop-secrets
                  key: stripe
          livenessProbe:
            httpGet:
              path: /healthz
              port: 3000
          readinessProbe:
            httpGet:
              path: /readyz
              port: 3000
---
apiVersion: v1
kind: Secret
metadata:
  name: shop-secrets
data:
  stripe: ${S.k8sSecretData}
stringData:
  password: ${S.k8sSecretString}
`,
  'monitoring/alerts.rules.yml': `groups:
  - name: shop
    rules:
      - alert: ApiDown
        expr: up{job="shop-api"} == 0
        for: 5m
        labels:
          severity: critical
        annotations:
          summary: The API is down
`,
  '.github/workflows/ci.yml': `name: CI
on:
  push:
    branches: [main]
  pull_request:
jobs:
  test:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v4
      - run: pnpm test
  deploy:
    runs-on: ubuntu-latest
    environment: production
    steps:
      - name: Push the image
        run: docker push ghcr.io/acme/shop
`,
  Dockerfile: `# syntax=docker/dockerfile:1
FROM node:20-alpine AS build
WORKDIR /app
COPY . .
RUN pnpm install \\
    && pnpm build

FROM node:20-alpine
ENV NODE_ENV=production \\
    STRIPE_KEY=${S.dockerEnv}
EXPOSE 3000
USER node
HEALTHCHECK --interval=30s CMD wget -qO- http://localhost:3000/healthz || exit 1
CMD ["node", "dist/server.js"]
`,
  Makefile: `.PHONY: up

up: ## Starts every service with compose
\tdocker compose up -d

# Removes build output.
clean:
\trm -rf dist
`,
  'CONTRIBUTING.md': '# Contributing to shop\n\nRun `make up`.\n',
  'SECURITY.md': '# Security policy\n\nMail security@example.com.\n',
  '.github/CODEOWNERS': '* @acme/platform\n/api/ @acme/python-team\n',
  'broken/compose.yaml': 'services:\n  bad:\n    image: [unclosed\n',
};

/** The fixture as a git repository with one commit and a GitHub remote. */
export function makeOperationsTarget(dir: string, extra: Record<string, string> = {}): TestRepo {
  const repo = makeRepo(dir);
  for (const [file, content] of Object.entries({...FILES, ...extra})) repo.write(file, content);
  repo.git('remote', 'add', 'origin', 'https://github.com/acme/shop.git');
  repo.commit('first commit', {author: 'Ada <ada@example.com>'});
  return repo;
}
