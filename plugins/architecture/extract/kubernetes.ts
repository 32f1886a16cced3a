/**
 * Kubernetes manifests to declarations: workloads (Deployment, StatefulSet, DaemonSet, CronJob, Job)
 * with their images, container ports and environment names; a Service links to the workloads its
 * selector matches; an Ingress is the entry point and links to the workloads behind its backends.
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import {parseYaml, MAX_YAML_BYTES, type ParsedYaml} from '../../core/parseYaml';
import {isUserError} from '../../core/errors';
import type {Declared, ProblemSink} from './declared';
import {envNames} from './compose';
import {lineOf} from './yamlLines';

type Json = Record<string, unknown>;
const isObject = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value);
const WORKLOADS = new Set(['Deployment', 'StatefulSet', 'DaemonSet', 'CronJob', 'Job']);
const KINDS = /^kind:\s*["']?(Deployment|StatefulSet|DaemonSet|CronJob|Job|Service|Ingress)\b/m;

/** YAML files that look like Kubernetes manifests (not Helm templates, which are not YAML until rendered). */
export function kubernetesCandidates(files: string[]): string[] {
  return files.filter((file) => /\.ya?ml$/i.test(file) && !/(^|\/)(\.github|templates)\//.test(file) && !/(^|\/)(docker-)?compose[^/]*$/i.test(file));
}

interface Manifest {
  kind: string;
  body: Json;
  parsed: ParsedYaml;
  file: string;
  offset: number;
}

export async function readKubernetes(root: string, files: string[], sink: ProblemSink): Promise<Declared[]> {
  const manifests: Manifest[] = [];
  for (const file of files) {
    const stat = await fs.stat(path.join(root, file)).catch(() => undefined);
    if (!stat || stat.size > MAX_YAML_BYTES) continue;
    const text = await fs.readFile(path.join(root, file), 'utf8');
    if (!KINDS.test(text) || !/^apiVersion:/m.test(text)) continue;
    // One document per `---`, each parsed with the line it starts on, so lines stay right.
    let offset = 1;
    for (const chunk of text.split(/^---[^\n]*\n/m)) {
      try {
        const parsed = parseYaml(chunk, {file, firstLine: offset});
        if (isObject(parsed.value) && typeof parsed.value.kind === 'string') manifests.push({kind: parsed.value.kind, body: parsed.value, parsed, file, offset});
      } catch (error) {
        if (!isUserError(error)) throw error;
        sink.problem({file, line: error.details.line ?? offset}, error.message);
      }
      offset += chunk.split('\n').length;
    }
  }
  const declared: Declared[] = [];
  const labelsOf = new Map<Declared, Json>();
  const nameOf = (body: Json) => (isObject(body.metadata) && typeof body.metadata.name === 'string' ? body.metadata.name : undefined);
  for (const manifest of manifests.filter((m) => WORKLOADS.has(m.kind))) {
    const name = nameOf(manifest.body);
    if (!name) continue;
    const template = podTemplate(manifest.body);
    const containers = isObject(template?.spec) && Array.isArray(template.spec.containers) ? template.spec.containers.filter(isObject) : [];
    const element: Declared = {
      name,
      image: containers.map((c) => c.image).find((image): image is string => typeof image === 'string'),
      via: manifest.kind,
      source: {file: manifest.file, line: lineOf(manifest.parsed, ['metadata', 'name'], manifest.offset)},
      ports: containers.flatMap((c) => (Array.isArray(c.ports) ? c.ports.filter(isObject).map((p) => String(p.containerPort ?? '')) : [])).filter(Boolean),
      env: [...new Set(containers.flatMap((c) => (Array.isArray(c.env) ? envNames(c.env.filter(isObject).map((e) => String(e.name ?? ''))) : [])))].sort(),
      links: [],
    };
    declared.push(element);
    labelsOf.set(element, isObject(template?.metadata) && isObject(template.metadata.labels) ? template.metadata.labels : {});
  }
  // A Service is no box of its own: it is how other parts reach the workloads its selector matches.
  const serviceTargets = new Map<string, {workloads: Declared[]; ports: string[]}>();
  for (const manifest of manifests.filter((m) => m.kind === 'Service')) {
    const name = nameOf(manifest.body);
    const spec = isObject(manifest.body.spec) ? manifest.body.spec : {};
    const selector = isObject(spec.selector) ? spec.selector : {};
    if (!name || Object.keys(selector).length === 0) continue;
    const workloads = [...labelsOf].filter(([, labels]) => Object.entries(selector).every(([key, value]) => labels[key] === value)).map(([element]) => element);
    const ports = Array.isArray(spec.ports) ? spec.ports.filter(isObject).map((p) => String(p.port ?? '')).filter(Boolean) : [];
    serviceTargets.set(name, {workloads, ports});
  }
  for (const manifest of manifests.filter((m) => m.kind === 'Ingress')) {
    const name = nameOf(manifest.body);
    if (!name) continue;
    const ingress: Declared = {name: `ingress ${name}`, kind: 'proxy', technology: 'Kubernetes Ingress', via: 'Ingress', source: {file: manifest.file, line: lineOf(manifest.parsed, ['metadata', 'name'], manifest.offset)}, ports: [], env: [], links: []};
    for (const backend of ingressBackends(manifest.body)) {
      const target = serviceTargets.get(backend.service);
      for (const workload of target?.workloads ?? []) {
        ingress.links.push({to: workload.name, label: backend.port ? `${backend.port}` : 'http', source: ingress.source});
      }
    }
    declared.push(ingress);
  }
  return declared;
}

function podTemplate(body: Json): Json | undefined {
  const spec = isObject(body.spec) ? body.spec : undefined;
  if (!spec) return undefined;
  // A CronJob's pods are two levels further down: spec.jobTemplate.spec.template.
  if (isObject(spec.jobTemplate) && isObject(spec.jobTemplate.spec) && isObject(spec.jobTemplate.spec.template)) return spec.jobTemplate.spec.template;
  return isObject(spec.template) ? spec.template : undefined;
}

function ingressBackends(body: Json): {service: string; port?: string}[] {
  const backends: {service: string; port?: string}[] = [];
  const visit = (value: unknown) => {
    if (Array.isArray(value)) value.forEach(visit);
    else if (isObject(value)) {
      // networking.k8s.io/v1: backend.service.{name, port.number|name}; older: serviceName/servicePort.
      if (isObject(value.service) && typeof value.service.name === 'string') {
        const port = isObject(value.service.port) ? (value.service.port.number ?? value.service.port.name) : undefined;
        backends.push({service: value.service.name, port: port === undefined ? undefined : String(port)});
      } else if (typeof value.serviceName === 'string') {
        backends.push({service: value.serviceName, port: value.servicePort === undefined ? undefined : String(value.servicePort)});
      }
      Object.values(value).forEach(visit);
    }
  };
  visit(body.spec);
  return backends;
}
