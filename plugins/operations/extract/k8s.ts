/**
 * Kubernetes manifests: workloads (Deployment, StatefulSet, DaemonSet, Job, CronJob, Pod) with their
 * containers' images, ports, probes and environment, Services' ports, and Secrets by name and keys.
 * Literal `env[].value`s are hidden like compose values; `valueFrom` names the Secret or ConfigMap
 * key (a name, not a value). Secret `data`/`stringData` values are never read into the model.
 * Helm templates (`{{ }}`) are not rendered, so they are skipped.
 */
import type {DeployedService, EnvSetting, PortFact, ProbeFact} from '../model';
import type {Sources} from './sources';
import {asString, isRecord, parseYamlDocs, type Problem, type YamlDoc} from './yamlFile';

export interface K8sFacts {
  services: DeployedService[];
  settings: {name: string; setting: EnvSetting}[];
  ports: PortFact[];
  secrets: {name: string; keys: string[]; file: string; line: number}[];
  problems: Problem[];
}

const WORKLOADS = new Set(['Deployment', 'StatefulSet', 'DaemonSet', 'Job', 'CronJob', 'Pod', 'ReplicaSet']);

/** A manifest by content: `apiVersion:` and `kind:` at the start of a line, no template syntax. */
export function looksLikeManifest(text: string): boolean {
  return /^apiVersion:\s*\S/m.test(text) && /^kind:\s*\w+/m.test(text) && !text.includes('{{');
}

export async function readK8s(files: readonly string[], sources: Sources): Promise<K8sFacts> {
  const facts: K8sFacts = {services: [], settings: [], ports: [], secrets: [], problems: []};
  for (const file of files) {
    const text = await sources.read(file);
    if (text === undefined || !looksLikeManifest(text)) continue;
    const {docs, problem} = parseYamlDocs(file, text);
    if (problem) facts.problems.push(problem);
    for (const doc of docs) readDocument(file, doc, facts);
  }
  return facts;
}

function readDocument(file: string, doc: YamlDoc, facts: K8sFacts): void {
  if (!isRecord(doc.value)) return;
  const kind = asString(doc.value.kind);
  const meta = isRecord(doc.value.metadata) ? doc.value.metadata : {};
  const name = asString(meta.name) ?? '(unnamed)';
  if (kind === 'Secret') {
    const keys = [...Object.keys(isRecord(doc.value.data) ? doc.value.data : {}), ...Object.keys(isRecord(doc.value.stringData) ? doc.value.stringData : {})];
    facts.secrets.push({name, keys: [...new Set(keys)].sort(), file, line: doc.lineOf(['kind'])});
    return;
  }
  if (kind === 'Service') {
    const spec = isRecord(doc.value.spec) ? doc.value.spec : {};
    const ports = (Array.isArray(spec.ports) ? spec.ports : []).filter(isRecord);
    ports.forEach((port, i) => facts.ports.push({service: name, port: `${asString(port.port) ?? ''}→${asString(port.targetPort) ?? asString(port.port) ?? ''}`, from: {file, line: doc.lineOf(['spec', 'ports', i])}}));
    return;
  }
  if (!kind || !WORKLOADS.has(kind)) return;
  // The pod template: spec.template.spec, or spec.jobTemplate.spec.template.spec, or a Pod's spec.
  const podPath = kind === 'Pod' ? ['spec'] : kind === 'CronJob' ? ['spec', 'jobTemplate', 'spec', 'template', 'spec'] : ['spec', 'template', 'spec'];
  let pod: unknown = doc.value;
  for (const key of podPath) pod = isRecord(pod) ? pod[key] : undefined;
  if (!isRecord(pod)) return;
  const spec = isRecord(doc.value.spec) ? doc.value.spec : {};
  const containers = (Array.isArray(pod.containers) ? pod.containers : []).filter(isRecord);
  containers.forEach((container, c) => {
    const at = (...keys: (string | number)[]) => ({file, line: doc.lineOf([...podPath, 'containers', c, ...keys])});
    const service = containers.length > 1 ? `${name}/${asString(container.name) ?? c}` : name;
    const ports = (Array.isArray(container.ports) ? container.ports : []).filter(isRecord).map((port) => asString(port.containerPort) ?? '');
    ports.forEach((port, i) => facts.ports.push({service, port, from: at('ports', i)}));
    const probes: ProbeFact[] = [];
    for (const [key, probeKind] of [['livenessProbe', 'liveness'], ['readinessProbe', 'readiness'], ['startupProbe', 'startup']] as const) {
      const probe = container[key];
      if (isRecord(probe)) probes.push({kind: probeKind, check: describeProbe(probe), from: at(key)});
    }
    facts.services.push({
      name: service,
      source: 'k8s',
      kind,
      image: asString(container.image),
      replicas: typeof spec.replicas === 'number' ? spec.replicas : undefined,
      ports: ports.filter(Boolean),
      dependsOn: [],
      probes,
      from: at(),
    });
    const env = (Array.isArray(container.env) ? container.env : []).filter(isRecord);
    env.forEach((entry, i) => {
      const variable = asString(entry.name);
      if (!variable) return;
      const from = isRecord(entry.valueFrom) ? entry.valueFrom : undefined;
      const ref = from && (isRecord(from.secretKeyRef) ? `Secret ${asString(from.secretKeyRef.name)}/${asString(from.secretKeyRef.key)}` : isRecord(from.configMapKeyRef) ? `ConfigMap ${asString(from.configMapKeyRef.name)}/${asString(from.configMapKeyRef.key)}` : 'valueFrom');
      facts.settings.push({name: variable, setting: {where: `${service} (${kind})`, kind: 'k8s', from: at('env', i), hidden: !ref, ref}});
    });
  });
}

function describeProbe(probe: Record<string, unknown>): string {
  if (isRecord(probe.httpGet)) return `GET :${asString(probe.httpGet.port) ?? ''}${asString(probe.httpGet.path) ?? '/'}`;
  if (isRecord(probe.exec) && Array.isArray(probe.exec.command)) return probe.exec.command.map(String).join(' ');
  if (isRecord(probe.tcpSocket)) return `TCP :${asString(probe.tcpSocket.port) ?? ''}`;
  if (isRecord(probe.grpc)) return `gRPC :${asString(probe.grpc.port) ?? ''}`;
  return '(unknown probe)';
}
