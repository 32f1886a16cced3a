/**
 * Compose files: each service's image or build, ports, dependencies, health check and the
 * environment it sets. Values under `environment:` are never kept (they are how compose files carry
 * passwords): only the names, as "set (hidden)"; env_file references are named, not read.
 */
import path from 'node:path';
import type {DeployedService, EnvSetting, PortFact, ProbeFact} from '../model';
import type {Sources} from './sources';
import {asString, isRecord, parseYamlDocs, type Problem} from './yamlFile';

export interface ComposeFacts {
  services: DeployedService[];
  settings: {name: string; setting: EnvSetting}[];
  ports: PortFact[];
  problems: Problem[];
}

export async function readCompose(files: readonly string[], sources: Sources): Promise<ComposeFacts> {
  const facts: ComposeFacts = {services: [], settings: [], ports: [], problems: []};
  for (const file of files) {
    const text = await sources.read(file);
    if (text === undefined) continue;
    const {docs, problem} = parseYamlDocs(file, text);
    if (problem) facts.problems.push(problem);
    const doc = docs[0];
    if (!doc) continue;
    if (!isRecord(doc.value) || !isRecord(doc.value.services)) {
      if (!problem) facts.problems.push({file, line: 1, message: 'a compose file needs a `services:` map'});
      continue;
    }
    for (const [name, raw] of Object.entries(doc.value.services)) {
      if (!isRecord(raw)) continue;
      const at = (...keys: (string | number)[]) => ({file, line: doc.lineOf(['services', name, ...keys])});
      const ports = (Array.isArray(raw.ports) ? raw.ports : []).map((port) => (isRecord(port) ? `${asString(port.published) ?? ''}:${asString(port.target) ?? ''}` : asString(port) ?? '')).filter(Boolean);
      ports.forEach((port, i) => facts.ports.push({service: name, port, from: at('ports', i)}));
      const probes: ProbeFact[] = [];
      if (isRecord(raw.healthcheck) && raw.healthcheck.disable !== true) {
        const test = raw.healthcheck.test;
        const command = Array.isArray(test) ? test.filter((part) => part !== 'CMD' && part !== 'CMD-SHELL').map(String).join(' ') : asString(test) ?? '';
        probes.push({kind: 'healthcheck', check: command, from: at('healthcheck')});
      }
      const dependsOn = Array.isArray(raw.depends_on) ? raw.depends_on.map(String) : isRecord(raw.depends_on) ? Object.keys(raw.depends_on) : [];
      const build = asString(raw.build) ?? (isRecord(raw.build) ? asString(raw.build.context) : undefined);
      const deploy = isRecord(raw.deploy) ? raw.deploy : {};
      facts.services.push({
        name,
        source: 'compose',
        kind: 'compose service',
        image: asString(raw.image),
        build: build && path.posix.normalize(path.posix.join(path.posix.dirname(file), build)).replace(/\/$/, ''),
        replicas: typeof deploy.replicas === 'number' ? deploy.replicas : undefined,
        ports,
        dependsOn: dependsOn.sort(),
        probes,
        from: at(),
      });
      const environment = raw.environment;
      const names = Array.isArray(environment) ? environment.map((entry) => String(entry).split('=')[0]!) : isRecord(environment) ? Object.keys(environment) : [];
      names.forEach((variable, i) => {
        const key = Array.isArray(environment) ? i : variable;
        facts.settings.push({name: variable, setting: {where: `${name} (compose)`, kind: 'compose', from: at('environment', key), hidden: true}});
      });
    }
  }
  return facts;
}
