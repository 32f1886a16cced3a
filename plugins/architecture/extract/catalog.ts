/**
 * What an image name or a client library says about the system: which data store, broker, proxy or
 * external product it stands for. Lists, not heuristics, so a reader can tell why a box is there.
 */
import type {ElementKind} from '../model';

export interface Product {
  name: string;
  kind: ElementKind;
}

const product = (name: string, kind: ElementKind): Product => ({name, kind});

/** Image base names (the last path segment, without tag). */
const IMAGES: Record<string, Product> = {
  postgres: product('PostgreSQL', 'store'),
  postgis: product('PostgreSQL', 'store'),
  mysql: product('MySQL', 'store'),
  mariadb: product('MariaDB', 'store'),
  mongo: product('MongoDB', 'store'),
  mongodb: product('MongoDB', 'store'),
  redis: product('Redis', 'store'),
  valkey: product('Valkey', 'store'),
  memcached: product('Memcached', 'store'),
  elasticsearch: product('Elasticsearch', 'store'),
  opensearch: product('OpenSearch', 'store'),
  cassandra: product('Cassandra', 'store'),
  minio: product('MinIO (S3)', 'store'),
  clickhouse: product('ClickHouse', 'store'),
  'clickhouse-server': product('ClickHouse', 'store'),
  kafka: product('Kafka', 'broker'),
  'cp-kafka': product('Kafka', 'broker'),
  redpanda: product('Redpanda', 'broker'),
  rabbitmq: product('RabbitMQ', 'broker'),
  nats: product('NATS', 'broker'),
  zookeeper: product('ZooKeeper', 'broker'),
  traefik: product('Traefik', 'proxy'),
  nginx: product('nginx', 'proxy'),
  caddy: product('Caddy', 'proxy'),
  haproxy: product('HAProxy', 'proxy'),
  envoy: product('Envoy', 'proxy'),
};

/** The product an image stands for: `bitnami/postgresql:16` and `postgres:16-alpine` are PostgreSQL. */
export function productOfImage(image: string): Product | undefined {
  const base = image.split('@')[0]!.split('/').pop()!.split(':')[0]!.toLowerCase();
  return IMAGES[base] ?? IMAGES[base.replace(/ql$/, '')] ?? IMAGES[base.split('-')[0]!];
}

/** Client libraries by ecosystem name, for data stores and brokers. */
const CLIENTS: Record<string, Product> = {
  pg: product('PostgreSQL', 'store'),
  postgres: product('PostgreSQL', 'store'),
  'pg-promise': product('PostgreSQL', 'store'),
  mysql: product('MySQL', 'store'),
  mysql2: product('MySQL', 'store'),
  mongodb: product('MongoDB', 'store'),
  mongoose: product('MongoDB', 'store'),
  redis: product('Redis', 'store'),
  ioredis: product('Redis', 'store'),
  kafkajs: product('Kafka', 'broker'),
  amqplib: product('RabbitMQ', 'broker'),
  nats: product('NATS', 'broker'),
  '@elastic/elasticsearch': product('Elasticsearch', 'store'),
  '@aws-sdk/client-s3': product('Amazon S3', 'store'),
  '@prisma/client': product('Database (Prisma)', 'store'),
  // Python (PyPI names, lower case) and Go (module paths).
  psycopg: product('PostgreSQL', 'store'),
  psycopg2: product('PostgreSQL', 'store'),
  'psycopg2-binary': product('PostgreSQL', 'store'),
  asyncpg: product('PostgreSQL', 'store'),
  sqlalchemy: product('Database (SQLAlchemy)', 'store'),
  sqlmodel: product('Database (SQLModel)', 'store'),
  pymongo: product('MongoDB', 'store'),
  'redis-py': product('Redis', 'store'),
  'kafka-python': product('Kafka', 'broker'),
  pika: product('RabbitMQ', 'broker'),
  'github.com/redis/go-redis': product('Redis', 'store'),
  'github.com/go-redis/redis': product('Redis', 'store'),
  'github.com/jackc/pgx': product('PostgreSQL', 'store'),
  'github.com/lib/pq': product('PostgreSQL', 'store'),
  'go.mongodb.org/mongo-driver': product('MongoDB', 'store'),
  'github.com/segmentio/kafka-go': product('Kafka', 'broker'),
};

/** SDKs of systems outside the repository. */
const SDKS: Record<string, string> = {
  stripe: 'Stripe',
  '@sendgrid/mail': 'SendGrid',
  sendgrid: 'SendGrid',
  'aws-sdk': 'AWS',
  boto3: 'AWS',
  auth0: 'Auth0',
  '@auth0/nextjs-auth0': 'Auth0',
  openai: 'OpenAI',
  '@anthropic-ai/sdk': 'Anthropic',
  anthropic: 'Anthropic',
  twilio: 'Twilio',
  '@slack/web-api': 'Slack',
  'slack-sdk': 'Slack',
  'firebase-admin': 'Firebase',
  '@sentry/node': 'Sentry',
  'sentry-sdk': 'Sentry',
  '@octokit/rest': 'GitHub',
  resend: 'Resend',
  'github.com/stripe/stripe-go': 'Stripe',
};

/** The store, broker or external system a dependency stands for. */
export function productOfLibrary(name: string): Product | undefined {
  const lower = name.toLowerCase();
  const client = CLIENTS[lower] ?? CLIENTS[lower.replace(/\/v\d+$/, '')];
  if (client) return client;
  if (/^@aws-sdk\//.test(lower)) return product('AWS', 'external');
  const sdk = SDKS[lower] ?? SDKS[lower.replace(/\/v\d+$/, '')];
  return sdk ? product(sdk, 'external') : undefined;
}

/** A name for a key: lower case, letters, digits and dashes. */
export function slug(value: string): string {
  return (
    value
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 60) || 'element'
  );
}
