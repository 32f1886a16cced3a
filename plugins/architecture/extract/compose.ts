/**
 * Compose files to declarations: each service with its image or build folder, ports, the names of
 * its environment variables (never their values) and the services it depends on or links to.
 */
import path from 'node:path';
import {readYamlFile, type ParsedYaml} from '../../core/parseYaml';
import {isUserError} from '../../core/errors';
import type {Declared, DeclaredLink, ProblemSink} from './declared';
import {lineOf} from './yamlLines';

type Json = Record<string, unknown>;
const isObject = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value);

export async function readCompose(root: string, file: string, sink: ProblemSink): Promise<Declared[]> {
  let parsed: ParsedYaml;
  try {
    parsed = await readYamlFile(path.join(root, file));
  } catch (error) {
    if (!isUserError(error)) throw error;
    sink.problem({file, line: error.details.line ?? 1}, error.message);
    return [];
  }
  const services = isObject(parsed.value) ? parsed.value.services : undefined;
  if (!isObject(services)) {
    if (services !== undefined) sink.problem({file, line: lineOf(parsed, ['services'])}, '`services` is not a mapping of service names');
    return [];
  }
  const declared: Declared[] = [];
  const routed: {name: string; source: {file: string; line: number}}[] = [];
  for (const [name, body] of Object.entries(services)) {
    const at = (...keys: (string | number)[]) => ({file, line: lineOf(parsed, ['services', name, ...keys])});
    if (!isObject(body)) {
      sink.problem(at(), `service "${name}" is not a mapping`);
      continue;
    }
    const links: DeclaredLink[] = [];
    const dependsOn = body.depends_on;
    const dependencies = Array.isArray(dependsOn) ? dependsOn.map(String) : isObject(dependsOn) ? Object.keys(dependsOn) : [];
    dependencies.forEach((other, index) => links.push({to: other, label: 'depends on', source: at('depends_on', Array.isArray(dependsOn) ? index : other)}));
    if (Array.isArray(body.links)) {
      body.links.forEach((entry, index) => links.push({to: String(entry).split(':')[0]!, label: 'link', source: at('links', index)}));
    }
    const build = body.build;
    const context = typeof build === 'string' ? build : isObject(build) && typeof build.context === 'string' ? build.context : undefined;
    const buildDir = context === undefined ? undefined : path.posix.normalize(path.posix.join(path.posix.dirname(file), context.replace(/\\/g, '/')));
    declared.push({
      name,
      image: typeof body.image === 'string' ? body.image : undefined,
      via: 'compose service',
      source: at(),
      ports: portsOf(body.ports).concat(portsOf(body.expose)),
      env: envNames(body.environment),
      links,
      buildDir: buildDir && !buildDir.startsWith('..') ? (buildDir === '.' ? '' : buildDir) : undefined,
    });
    if (routedByProxy(body.labels)) routed.push({name, source: at('labels')});
  }
  // Traefik finds its services by their labels: the proxy reaches each service that has some.
  const proxy = declared.find((service) => service.image && /(^|\/)traefik(:|$)/.test(service.image));
  for (const service of proxy ? routed : []) proxy!.links.push({to: service.name, label: 'routes', source: service.source});
  return declared;
}

function routedByProxy(labels: unknown): boolean {
  const keys = Array.isArray(labels) ? labels.map((label) => String(label).split('=')[0]!) : isObject(labels) ? Object.keys(labels) : [];
  return keys.some((key) => key.startsWith('traefik.'));
}

/** `"8080:80"`, `8080`, `{published: 8080, target: 80}` as `8080:80`. */
function portsOf(value: unknown): string[] {
  if (!Array.isArray(value)) return [];
  return value.flatMap((entry) => {
    if (typeof entry === 'string' || typeof entry === 'number') return [String(entry).replace(/^[\d.]+:(?=\d+:)/, '')];
    if (isObject(entry) && entry.target !== undefined) return [entry.published !== undefined ? `${entry.published}:${entry.target}` : String(entry.target)];
    return [];
  });
}

/** Names only: `environment` as a list (`NAME=value`) or a mapping; values are dropped here. */
export function envNames(value: unknown): string[] {
  const names = Array.isArray(value) ? value.map((entry) => String(entry).split('=')[0]!.trim()) : isObject(value) ? Object.keys(value) : [];
  return [...new Set(names.filter((name) => /^[A-Za-z_][A-Za-z0-9_.-]*$/.test(name)))].sort();
}
