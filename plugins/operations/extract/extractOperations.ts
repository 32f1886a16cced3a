/**
 * Reads the target once for both sections: every extractor over the same file reader (each file read
 * at most once), then the two models. Problems (a malformed compose, k8s, workflow, Dockerfile or
 * pyproject) are collected, not thrown: each becomes a warning and the rest is built.
 */
import path from 'node:path';
import type {TargetContext} from '../../core/types';
import {OPERATIONS_MODEL_VERSION, type Command, type GettingStartedModel, type OperationsModel, type PortFact, type Runbook} from '../model';
import {readCi} from './ci';
import {readCommands} from './commands';
import {readCompose} from './compose';
import {buildUnits, buildVariables, slugify, unitOf} from './configuration';
import {readDockerfiles} from './dockerfile';
import {readEnvFiles} from './envFiles';
import {findEnvReads} from './envReads';
import {readK8s} from './k8s';
import {readAlerts, readEndpoints, readMetrics} from './observability';
import {readAuthInCode, readDependencies, readSecurityFiles} from './security';
import {createSources, type Sources} from './sources';
import {packageManagerOf, readToolchain} from './toolchain';
import type {Problem} from './yamlFile';

const BACKING_SERVICE = /postgres|postgis|mysql|mariadb|redis|valkey|mongo|rabbitmq|kafka|redpanda|zookeeper|elasticsearch|opensearch|minio|memcached|nats|localstack|mailhog|mailpit|keycloak|vault|consul|etcd|clickhouse|cassandra|jaeger|otel|prometheus|grafana|temporal|azurite|dynamodb/i;
const byText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

export interface Extracted {
  gettingStarted: GettingStartedModel;
  operations: OperationsModel;
  problems: Problem[];
  /** Files whose change should regenerate the sections. */
  watch: string[];
}

export async function extractOperations(context: TargetContext): Promise<Extracted> {
  const {inventory} = context;
  const sources = createSources(context);
  const project = context.project.name;
  const problems: Problem[] = [];

  const tools = await readToolchain(sources);
  const pm = packageManagerOf(sources, tools);
  const {commands, problems: commandProblems} = await readCommands(sources, pm.run);
  problems.push(...commandProblems);
  commands.unshift(...installCommands(sources, pm));

  const compose = await readCompose(inventory.composeFiles, sources);
  const manifestCandidates = sources.files.filter((file) => /\.ya?ml$/.test(file) && !inventory.composeFiles.includes(file) && !inventory.specs.includes(file) && !file.startsWith('.github/') && !/(^|\/)(pnpm-lock|\.gitlab-ci)\.ya?ml$/.test(file));
  const k8s = await readK8s(manifestCandidates, sources);
  const docker = await readDockerfiles(sources);
  const ci = await readCi(sources);
  const alerts = await readAlerts(sources);
  problems.push(...compose.problems, ...k8s.problems, ...docker.problems, ...ci.problems, ...alerts.problems);

  const composeNames = new Map(inventory.composeFiles.map((file) => [file, compose.services.find((s) => s.from.file === file)?.name ?? '']).filter(([, name]) => name) as [string, string][]);
  const modules = inventory.manifests.filter((m) => m.ecosystem === 'go' || m.ecosystem === 'python').map((m) => (path.posix.dirname(m.path) === '.' ? '' : path.posix.dirname(m.path)));
  const units = buildUnits(project, inventory.packages, inventory.composeFiles, composeNames, modules);

  const reads = await findEnvReads(sources);
  const envEntries = await readEnvFiles(inventory.envFiles, sources);
  const config = buildVariables(reads, [...compose.settings, ...k8s.settings, ...docker.settings], envEntries, units);
  const usedUnits = new Set(config.variables.flatMap((v) => v.units));

  const endpoints = (await readEndpoints(sources)).sort((a, b) => byText(a.file, b.file) || a.line - b.line);
  const metrics = (await readMetrics(sources)).sort((a, b) => byText(a.name, b.name) || byText(a.file, b.file) || a.line - b.line);
  const ports: PortFact[] = [...compose.ports, ...k8s.ports, ...docker.dockerfiles.flatMap((d) => d.expose.map((e) => ({service: d.file, port: e.port, from: {file: d.file, line: e.line}})))];
  const runbooks = buildRunbooks(compose.services, k8s.services, endpoints, ports, units);

  const gettingStarted: GettingStartedModel = {
    version: OPERATIONS_MODEL_VERSION,
    part: 'getting-started',
    project,
    tools,
    services: compose.services.filter((s) => !s.build && s.image && BACKING_SERVICE.test(s.image)).map((s) => ({name: s.name, image: s.image, from: s.from})),
    commands,
    ports,
    guides: await readGuides(sources),
    unknown: [],
  };
  gettingStarted.unknown = unknowns(gettingStarted, inventory.manifests.map((m) => m.ecosystem));

  const operations: OperationsModel = {
    version: OPERATIONS_MODEL_VERSION,
    part: 'operations',
    project,
    units: units.filter((unit) => usedUnits.has(unit.slug)),
    ...config,
    services: [...compose.services, ...k8s.services],
    dockerfiles: docker.dockerfiles,
    ci: ci.jobs,
    runbooks,
    metrics,
    alerts: alerts.alerts.sort((a, b) => byText(a.name, b.name)),
    endpoints,
    auth: (await readAuthInCode(sources)).sort((a, b) => byText(a.file ?? '', b.file ?? '') || (a.line ?? 0) - (b.line ?? 0)),
    securityFiles: await readSecurityFiles(sources),
    k8sSecrets: k8s.secrets,
    dependencies: await readDependencies(context.root, sources, inventory.packages.map((p) => p.dir)),
    problems: problems.map((p) => ({...p})),
  };
  const watch = [...new Set([...inventory.composeFiles, ...inventory.envFiles.map((e) => e.path), ...docker.dockerfiles.map((d) => d.file), ...ci.jobs.map((j) => j.file), 'package.json', 'Makefile', 'justfile', 'pyproject.toml', 'go.mod'])].filter((file) => sources.has(file));
  return {gettingStarted, operations, problems, watch};
}

function installCommands(sources: Sources, pm: ReturnType<typeof packageManagerOf>): Command[] {
  const out: Command[] = [];
  if (sources.has('package.json')) out.push({run: pm.install, purpose: 'install', description: `Installs the dependencies${pm.lockfile ? ` pinned in ${pm.lockfile}` : ''}.`, from: {file: pm.lockfile ?? 'package.json', line: 1}});
  if (sources.has('uv.lock')) out.push({run: 'uv sync', purpose: 'install', description: 'Installs the Python dependencies pinned in uv.lock.', from: {file: 'uv.lock', line: 1}});
  else if (sources.has('poetry.lock')) out.push({run: 'poetry install', purpose: 'install', description: 'Installs the Python dependencies pinned in poetry.lock.', from: {file: 'poetry.lock', line: 1}});
  else if (sources.has('requirements.txt')) out.push({run: 'pip install -r requirements.txt', purpose: 'install', from: {file: 'requirements.txt', line: 1}});
  if (sources.has('go.mod')) out.push({run: 'go mod download', purpose: 'install', description: 'Go\u2019s standard command for the modules go.mod requires.', from: {file: 'go.mod', line: 1}});
  return out;
}

function buildRunbooks(composeServices: OperationsModel['services'], k8sServices: OperationsModel['services'], endpoints: OperationsModel['endpoints'], ports: PortFact[], units: ReturnType<typeof buildUnits>): Runbook[] {
  const runbooks: Runbook[] = [];
  const taken = new Set<string>();
  const slugFor = (name: string) => {
    let slug = slugify(name);
    for (let n = 2; taken.has(slug); n++) slug = `${slugify(name)}-${n}`;
    taken.add(slug);
    return slug;
  };
  for (const service of [...composeServices, ...k8sServices]) {
    const composeDir = path.posix.dirname(service.from.file) === '.' ? '' : path.posix.dirname(service.from.file);
    const built = service.build === '.' ? '' : service.build;
    const dir = service.source === 'compose' ? (built ?? (service.image && BACKING_SERVICE.test(service.image) ? undefined : composeDir)) : undefined;
    const file = service.from.file;
    const start: Command[] =
      service.source === 'compose'
        ? [
            {run: `docker compose -f ${file} up -d ${service.name}`, purpose: 'run', description: 'Start', from: service.from},
            {run: `docker compose -f ${file} stop ${service.name}`, purpose: 'other', description: 'Stop', from: service.from},
            {run: `docker compose -f ${file} up -d --scale ${service.name}=2`, purpose: 'other', description: 'Scale (replicas)', from: service.from},
            {run: `docker compose -f ${file} logs -f ${service.name}`, purpose: 'other', description: 'Logs (the container\u2019s standard output)', from: service.from},
          ]
        : [
            {run: `kubectl apply -f ${file}`, purpose: 'run', description: 'Start (apply the manifest)', from: service.from},
            {run: `kubectl rollout restart ${service.kind.toLowerCase()}/${service.name.split('/')[0]}`, purpose: 'other', description: 'Restart', from: service.from},
            {run: `kubectl scale ${service.kind.toLowerCase()}/${service.name.split('/')[0]} --replicas=2`, purpose: 'other', description: 'Scale', from: service.from},
            {run: `kubectl logs -f ${service.kind.toLowerCase()}/${service.name.split('/')[0]}`, purpose: 'other', description: 'Logs (the container\u2019s standard output)', from: service.from},
          ];
    // A route belongs to the service whose folder is the deepest unit holding its file.
    const own = dir === undefined ? [] : endpoints.filter((e) => (unitOf(units, e.file)?.dir ?? '') === dir);
    runbooks.push({service: service.name, slug: slugFor(service.name), dir, start, endpoints: own, probes: service.probes, ports: ports.filter((p) => p.service === service.name), from: service.from});
  }
  // Code with health routes that no compose or k8s file runs still gets a page.
  const covered = new Set(runbooks.flatMap((r) => r.endpoints.map((e) => `${e.file}:${e.line}`)));
  const byUnit = new Map<string, OperationsModel['endpoints']>();
  for (const endpoint of endpoints.filter((e) => !covered.has(`${e.file}:${e.line}`))) {
    const unit = unitOf(units, endpoint.file);
    if (unit) byUnit.set(unit.slug, [...(byUnit.get(unit.slug) ?? []), endpoint]);
  }
  for (const unit of units.filter((u) => byUnit.has(u.slug))) {
    runbooks.push({service: unit.name, slug: slugFor(unit.name), dir: unit.dir, start: [], endpoints: byUnit.get(unit.slug)!, probes: [], ports: []});
  }
  return runbooks.sort((a, b) => byText(a.slug, b.slug));
}

async function readGuides(sources: Sources): Promise<GettingStartedModel['guides']> {
  const guides = sources.files.filter((file) => /^(?:\.github\/)?(CONTRIBUTING|README|DEVELOPMENT|DEVELOPING|HACKING|SETUP|INSTALL)\.mdx?$/i.test(file) || /^docs?\/[^/]+\.mdx?$/i.test(file));
  const out: GettingStartedModel['guides'] = [];
  for (const file of guides.slice(0, 40)) {
    const text = (await sources.read(file)) ?? '';
    const title = /^title:\s*["']?(.+?)["']?\s*$/m.exec(text.slice(0, 2000))?.[1] ?? /^#\s+(.+)$/m.exec(text)?.[1] ?? path.posix.basename(file);
    out.push({title: title.trim().slice(0, 120), file});
  }
  // CONTRIBUTING first: it is the guide a newcomer needs.
  return out.sort((a, b) => Number(!/CONTRIBUTING/i.test(a.file)) - Number(!/CONTRIBUTING/i.test(b.file)) || byText(a.file, b.file));
}

function unknowns(model: GettingStartedModel, ecosystems: string[]): string[] {
  const out: string[] = [];
  const has = (tool: string) => model.tools.some((t) => t.tool === tool || t.tool.startsWith(tool));
  if (ecosystems.includes('npm') && !has('node')) out.push('No Node.js version is declared (no `engines.node`, `.nvmrc`, `.node-version` or `.tool-versions`).');
  if (ecosystems.includes('python') && !has('python')) out.push('No Python version is declared (no `requires-python` or `.python-version`).');
  if (ecosystems.includes('go') && !has('go')) out.push('go.mod declares no Go version.');
  for (const purpose of ['install', 'run', 'test', 'lint', 'build'] as const) {
    if (!model.commands.some((c) => c.purpose === purpose)) out.push(`No ${purpose} command was found among the repository\u2019s scripts and targets.`);
  }
  if (model.ports.length === 0) out.push('No port is declared in a compose file, a Kubernetes manifest or a Dockerfile.');
  if (!model.guides.some((g) => /CONTRIBUTING/i.test(g.file))) out.push('There is no CONTRIBUTING file.');
  return out;
}
