/**
 * A target with every input the Architecture section reads, written by the tests: a compose file
 * (API, web app, postgres, redis, traefik), a Kubernetes folder (Deployment, Service, Ingress), a
 * pnpm workspace of three packages whose imports make one cycle, a Prisma schema with 1-n and n-m
 * relations, TypeORM entities, and the data models of DATA_MODEL_FILES.
 */
import fs from 'node:fs';
import path from 'node:path';

/**
 * A Drizzle schema, SQL migrations that create then alter tables (one statement no SQL grammar
 * reads), SQLModel and SQLAlchemy 2.0 models, and two Alembic revisions whose file names sort
 * against their chain.
 */
export const DATA_MODEL_FILES: Record<string, string> = {
  'db/schema.ts': `import {relations} from 'drizzle-orm';
import {integer, pgTable, serial, text, timestamp, uniqueIndex, varchar} from 'drizzle-orm/pg-core';

export const authors = pgTable('authors', {
  id: serial('id').primaryKey(),
  email: varchar('email', {length: 256}).notNull().unique(),
  bio: text('bio'),
});

export const books = pgTable(
  'books',
  {
    id: serial('id').primaryKey(),
    title: text('title').notNull(),
    authorId: integer('author_id').notNull().references(() => authors.id),
    publishedAt: timestamp('published_at').defaultNow(),
  },
  (t) => [uniqueIndex('books_title_idx').on(t.title)],
);

export const reviews = pgTable('book_reviews', {
  id: serial('id').primaryKey(),
  bookId: integer('book_id').references(() => books.id),
  stars: integer('stars').notNull().default(5),
});

export const authorsRelations = relations(authors, ({many}) => ({books: many(books)}));
export const booksRelations = relations(books, ({one, many}) => ({
  author: one(authors, {fields: [books.authorId], references: [authors.id]}),
  reviews: many(reviews),
}));
`,
  'db/migrations/0001_init.sql': `-- Customers and their orders.
CREATE TABLE customers (
  id SERIAL PRIMARY KEY,
  email varchar(255) NOT NULL UNIQUE,
  name text DEFAULT 'anonymous'
);

CREATE TABLE orders (
  id bigint NOT NULL,
  customer_id int,
  total numeric(10,2) NOT NULL DEFAULT 0,
  PRIMARY KEY (id)
);
INSERT INTO customers (email) VALUES ('a;b@example.com');
`,
  'db/migrations/0002_links.sql': `ALTER TABLE orders ADD COLUMN note text;
ALTER TABLE orders ADD CONSTRAINT orders_customer_fk FOREIGN KEY (customer_id) REFERENCES customers (id);
/* no grammar reads this one */
ALTER TABLE orders FROBNICATE COLUMN note;
CREATE UNIQUE INDEX orders_customer_idx ON orders (customer_id, id);
CREATE TABLE drafts (id int PRIMARY KEY);
DROP TABLE drafts;
`,
  'app/models.py': `from typing import Optional

from sqlmodel import Field, Relationship, SQLModel


class Team(SQLModel, table=True):
    id: Optional[int] = Field(default=None, primary_key=True)
    name: str = Field(index=True)
    heroes: list["Hero"] = Relationship(back_populates="team")


class Hero(SQLModel, table=True):
    id: int | None = Field(default=None, primary_key=True)
    name: str
    age: int | None = None
    team_id: int | None = Field(default=None, foreign_key="team.id")
    team: Team | None = Relationship(back_populates="heroes")


class HeroRead(SQLModel):
    name: str
`,
  'app/billing.py': `from sqlalchemy import Column, ForeignKey, Numeric
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship


class Base(DeclarativeBase):
    pass


class Invoice(Base):
    __tablename__ = "invoices"

    id: Mapped[int] = mapped_column(primary_key=True)
    hero_id: Mapped[int | None] = mapped_column(ForeignKey("hero.id"))
    total = Column(Numeric(10, 2), nullable=False)
    hero: Mapped["Hero"] = relationship()
`,
  'alembic/versions/1b_sessions_fk.py': `"""sessions point at accounts"""
from alembic import op
import sqlalchemy as sa

revision = "b2"
down_revision = "a1"


def upgrade() -> None:
    op.add_column("sessions", sa.Column("expires_at", sa.DateTime(), nullable=True))
    op.create_foreign_key("fk_sessions_account", "sessions", "accounts", ["account_id"], ["id"])
    op.create_index("ix_sessions_account", "sessions", ["account_id"])


def downgrade() -> None:
    op.drop_column("sessions", "expires_at")
`,
  'alembic/versions/2a_create.py': `"""create accounts and sessions"""
from alembic import op
import sqlalchemy as sa

revision = "a1"
down_revision = None


def upgrade() -> None:
    op.create_table(
        "accounts",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("email", sa.String(length=255), nullable=False),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("email"),
    )
    op.create_table("sessions", sa.Column("id", sa.Integer(), primary_key=True), sa.Column("account_id", sa.Integer()))


def downgrade() -> None:
    op.drop_table("sessions")
    op.drop_table("accounts")
`,
};

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
  // The data models, the Drizzle schema inside the API package (a root-level source file would make
  // the workspace root a source root of its own).
  ...Object.fromEntries(Object.entries(DATA_MODEL_FILES).map(([file, text]) => [file === 'db/schema.ts' ? 'packages/api/src/db/schema.ts' : file, text])),
};

export function writeArchitectureFixture(dir: string, files: Record<string, string> = ARCHITECTURE_FILES): void {
  for (const [file, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, file)), {recursive: true});
    fs.writeFileSync(path.join(dir, file), text);
  }
}
