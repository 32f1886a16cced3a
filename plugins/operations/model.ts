/**
 * The models of the two sections the operations generator makes: "Getting started" and
 * "Operations". Plain sorted JSON; every fact carries the file (relative to the target) and line it
 * came from, so the pages link to it. No value that could be a secret is ever stored here: a value
 * from a real env file, a compose `environment:`, a k8s Secret or a secret-looking code default is
 * replaced by `hidden: true` before the model is built (docs/adr/0039).
 */

/** Bump when the shape changes (docs/adr/0029). */
export const OPERATIONS_MODEL_VERSION = 1;

/** Where a fact comes from. */
export interface SourceRef {
  file: string;
  line: number;
}

export interface Tool {
  /** node, npm, pnpm, yarn, python, go, ... */
  tool: string;
  version: string;
  from: SourceRef;
}

export interface Command {
  /** `npm run test`, `make build`, `just lint`, `poetry run serve`. */
  run: string;
  /** What it runs (the script's text), when short. */
  does?: string;
  description?: string;
  /** install, run, test, lint, build, other. */
  purpose: 'install' | 'run' | 'test' | 'lint' | 'build' | 'other';
  from: SourceRef;
}

export interface PortFact {
  service: string;
  /** As written: `8080:8080`, `8080`, `containerPort 3000`. */
  port: string;
  from: SourceRef;
}

export interface GettingStartedModel {
  version: typeof OPERATIONS_MODEL_VERSION;
  part: 'getting-started';
  project: string;
  tools: Tool[];
  /** Services the project needs beside itself (databases, queues) from compose files. */
  services: {name: string; image?: string; from: SourceRef}[];
  commands: Command[];
  ports: PortFact[];
  /** CONTRIBUTING, README, docs guides. */
  guides: {title: string; file: string}[];
  /** Plain sentences: what could not be determined. */
  unknown: string[];
}

export interface EnvRead {
  file: string;
  line: number;
  language: 'ts' | 'js' | 'python' | 'go';
  /** How: process.env, import.meta.env, os.getenv, BaseSettings, zod, ... */
  via: string;
  /** The declared type, where a schema or a settings class gives one. */
  type?: string;
  /** This read fails without the variable (os.environ[...], a schema field with no default). */
  required: boolean;
  /** The default in code, already checked: a secret-looking one is `hidden`. */
  default?: string;
  defaultHidden?: boolean;
}

export interface EnvSetting {
  /** compose service / k8s workload / env file. */
  where: string;
  kind: 'compose' | 'k8s' | 'env-example' | 'env-file' | 'dockerfile' | 'ci';
  from: SourceRef;
  /** Only for example files and non-secret compose/k8s/Dockerfile values; else hidden. */
  value?: string;
  hidden?: boolean;
  /** k8s: from a Secret or ConfigMap reference. */
  ref?: string;
}

export interface EnvVariable {
  name: string;
  reads: EnvRead[];
  settings: EnvSetting[];
  description?: string;
  /** True when no read has a default and a read requires it (os.environ[...], a non-optional schema field). */
  required: boolean;
  /** Its name or a value says it holds a secret. */
  secret: boolean;
  /** Slugs of the units whose code reads it. */
  units: string[];
}

/** A part of the repository that runs on its own: a package, a compose file's folder, a Go or Python module. */
export interface Unit {
  slug: string;
  name: string;
  /** Folder relative to the target ('' for the root). */
  dir: string;
}

export interface DockerStage {
  name?: string;
  base: string;
  line: number;
}

export interface Dockerfile {
  file: string;
  stages: DockerStage[];
  expose: {port: string; line: number}[];
  user?: {value: string; line: number};
  healthcheck?: {command: string; line: number};
  cmd?: {value: string; line: number};
}

export interface ProbeFact {
  kind: 'healthcheck' | 'liveness' | 'readiness' | 'startup';
  /** The command or `GET :port/path`. */
  check: string;
  from: SourceRef;
}

export interface DeployedService {
  name: string;
  source: 'compose' | 'k8s';
  kind: string;
  image?: string;
  build?: string;
  replicas?: number;
  ports: string[];
  dependsOn: string[];
  probes: ProbeFact[];
  from: SourceRef;
}

export interface CiJob {
  file: string;
  system: 'github' | 'gitlab';
  workflow: string;
  job: string;
  triggers: string[];
  line: number;
  /** Deploy-like steps (deploy, publish, release, push): what it ships. */
  deploys: string[];
}

export interface Endpoint {
  path: string;
  method?: string;
  framework: string;
  file: string;
  line: number;
}

export interface Metric {
  name: string;
  type: string;
  labels: string[];
  library: string;
  file: string;
  line: number;
}

export interface AlertRule {
  name: string;
  expr: string;
  severity?: string;
  summary?: string;
  file: string;
  line: number;
}

export interface Runbook {
  service: string;
  slug: string;
  /** Code folder of the service, for matching its endpoints and metrics. */
  dir?: string;
  start: Command[];
  endpoints: Endpoint[];
  probes: ProbeFact[];
  ports: PortFact[];
  from?: SourceRef;
}

export interface AuthScheme {
  name: string;
  type: string;
  detail?: string;
  /** OpenAPI section id, or the code file. */
  source: 'openapi' | 'code';
  section?: string;
  file?: string;
  line?: number;
}

export interface Dependency {
  name: string;
  version: string;
  license: string;
  dev: boolean;
}

export interface OperationsModel {
  version: typeof OPERATIONS_MODEL_VERSION;
  part: 'operations';
  project: string;
  units: Unit[];
  variables: EnvVariable[];
  /** Read in code but not in any example env file. */
  missingFromExample: string[];
  /** In an example env file but read nowhere. */
  unused: {name: string; file: string; line: number}[];
  exampleFiles: string[];
  services: DeployedService[];
  dockerfiles: Dockerfile[];
  ci: CiJob[];
  runbooks: Runbook[];
  metrics: Metric[];
  alerts: AlertRule[];
  endpoints: Endpoint[];
  auth: AuthScheme[];
  securityFiles: {kind: 'security-policy' | 'codeowners'; file: string; owners?: {pattern: string; owners: string[]; line: number}[]}[];
  dependencies: {manifest: string; lockfile?: string; packages: Dependency[]}[];
  /** k8s Secrets: names and keys only, never data. */
  k8sSecrets: {name: string; keys: string[]; file: string; line: number}[];
  /** Files that could not be read (malformed): also reported as warnings. */
  problems: {file: string; line?: number; message: string}[];
}

export type OperationsSectionModel = GettingStartedModel | OperationsModel;
