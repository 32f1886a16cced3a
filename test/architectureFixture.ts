/**
 * A target with every input the Architecture section reads, written by the tests: a compose file
 * (API, web app, postgres, redis, traefik), a Kubernetes folder (Deployment, Service, Ingress), a
 * pnpm workspace of three packages whose imports make one cycle, a Prisma schema with 1-n and n-m
 * relations, TypeORM entities, a Drizzle schema and SQL migrations that create then alter tables.
 */
import fs from 'node:fs';
import path from 'node:path';

export const ARCHITECTURE_FILES: Record<string, string> = {
  'package.json': JSON.stringify({name: 'shop', private: true, workspaces: ['packages/*']}, null, 2),
  'pnpm-workspace.yaml': 'packages:\n  - "packages/*"\n',
  '.env.example': '# Names only are read.\nPAYMENTS_URL=https://payments.example.com\nDATABASE_URL=postgres://localhost/shop\n',
  'compose.yaml': `services:
  proxy:
    image: traefik:v3.1
    ports:
      - "80:80"
  api:
    build: ./packages/api
    environment:
      DATABASE_URL: postgres://db:5432/shop
      REDIS_HOST: cache
      STRIPE_SECRET: do-not-publish-this-value
    ports:
      - "3000"
    depends_on:
      - db
      - cache
    labels:
      - traefik.http.routers.api.rule=PathPrefix(\`/api\`)
  web:
    build:
      context: ./packages/web
    environment:
      - API_URL=http://api:3000
    labels:
      traefik.enable: "true"
    depends_on: [api]
  db:
    image: postgres:16-alpine
    ports:
      - "5432:5432"
  cache:
    image: redis:7
`,
  'k8s/api.yaml': `apiVersion: apps/v1
kind: Deployment
metadata:
  name: api
spec:
  template:
    metadata:
      labels:
        app: api
    spec:
      containers:
        - name: api
          image: ghcr.io/acme/api:1.0
          ports:
            - containerPort: 3000
          env:
            - name: DATABASE_URL
              value: secret-value-never-shown
---
apiVersion: v1
kind: Service
metadata:
  name: api-svc
spec:
  selector:
    app: api
  ports:
    - port: 80
---
apiVersion: networking.k8s.io/v1
kind: Ingress
metadata:
  name: public
spec:
  rules:
    - http:
        paths:
          - path: /
            pathType: Prefix
            backend:
              service:
                name: api-svc
                port:
                  number: 80
`,
  'packages/api/package.json': JSON.stringify({name: '@shop/api', version: '1.0.0', dependencies: {'@shop/core': 'workspace:*', pg: '^8', ioredis: '^5', stripe: '^14', '@prisma/client': '^5'}}, null, 2),
  'packages/api/Dockerfile': 'FROM node:20-alpine\nCOPY . .\n',
  'packages/api/src/index.ts': "import {price} from '@shop/core';\nimport {render} from '@shop/web';\nimport type {Order} from './order';\nexport const order: Order = {total: price(1)};\nexport const page = render;\n",
  'packages/api/src/order.ts': 'export interface Order {\n  total: number;\n}\n',
  'packages/core/package.json': JSON.stringify({name: '@shop/core', version: '1.0.0'}, null, 2),
  'packages/core/src/index.ts': "import {api} from './money/format';\nexport {format} from './money/format';\nexport function price(n: number): number {\n  return n;\n}\nexport const ready = api;\n",
  'packages/core/src/money/format.ts': "import {price} from '../index';\nexport const format = (n: number) => String(price(n));\nexport const api = 'api';\n",
  'packages/web/package.json': JSON.stringify({name: '@shop/web', version: '1.0.0', dependencies: {'@shop/api': 'workspace:*'}}, null, 2),
  'packages/web/src/index.ts': "import {order} from '@shop/api';\nexport function render(): string {\n  return String(order.total);\n}\n",
  'prisma/schema.prisma': `datasource db {
  provider = "postgresql"
  url      = env("DATABASE_URL")
}

model User {
  id    Int     @id @default(autoincrement())
  email String  @unique
  name  String?
  posts Post[]
}

model Post {
  id       Int        @id @default(autoincrement())
  title    String
  author   User       @relation(fields: [authorId], references: [id])
  authorId Int
  tags     Tag[]
}

model Tag {
  id    Int    @id
  label String
  posts Post[]
}
`,
};

export function writeArchitectureFixture(dir: string, files: Record<string, string> = ARCHITECTURE_FILES): void {
  for (const [file, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, file)), {recursive: true});
    fs.writeFileSync(path.join(dir, file), text);
  }
}
