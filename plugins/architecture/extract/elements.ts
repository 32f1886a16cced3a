/**
 * The declarations of every input merged into one set of elements and relations: a compose service
 * built from a package folder is that package; a library names a store or an external system; an
 * environment name ending in `_URL` or `_HOST` names the part it points at.
 */
import type {ElementKind, ElementModel, RelationModel, SourceRef} from '../model';
import {productOfImage, productOfLibrary, slug} from './catalog';
import type {Declared} from './declared';

/** Variables that name the service itself, not something it talks to. */
const OWN_SETTINGS = /^(PUBLIC|BASE|SITE|APP|SERVER|CORS|CALLBACK|REDIRECT|FRONTEND|BACKEND|WEB|HOST|BIND|LISTEN)?_?(URL|HOST|URI|ORIGIN)$/;
const SQL_PRODUCTS = ['PostgreSQL', 'MySQL', 'MariaDB', 'Database'];
const POINTER = /^(.+?)_(URL|URI|HOST|HOSTNAME|ADDR|ADDRESS|DSN|ENDPOINT)$/;
const STORE_WORDS: Record<string, string> = {DATABASE: 'Database', DB: 'Database', POSTGRES: 'PostgreSQL', PG: 'PostgreSQL', MYSQL: 'MySQL', MONGO: 'MongoDB', MONGODB: 'MongoDB', REDIS: 'Redis', KAFKA: 'Kafka', AMQP: 'RabbitMQ', RABBITMQ: 'RabbitMQ', ELASTICSEARCH: 'Elasticsearch', S3: 'Amazon S3'};

export interface EnvSource {
  /** `.env.example` and the like: names only. */
  file: string;
  /** Folder the file belongs to ('' for the root). */
  dir: string;
  variables: {name: string; line: number}[];
}

interface Draft extends ElementModel {
  dirs: string[];
  links: Declared['links'];
  vias: string[];
}

export function mergeElements(declared: Declared[], envSources: EnvSource[]): {elements: ElementModel[]; relations: RelationModel[]} {
  const drafts: Draft[] = [];
  const byName = new Map<string, Draft>();
  const byDir = new Map<string, Draft>();
  const byProduct = new Map<string, Draft>();
  const add = (draft: Draft) => {
    drafts.push(draft);
    byName.set(draft.name.toLowerCase(), draft);
    return draft;
  };
  const sorted = [...declared].sort((a, b) => rank(a) - rank(b) || (a.source.file < b.source.file ? -1 : a.source.file > b.source.file ? 1 : a.source.line - b.source.line));
  for (const item of sorted) {
    // Package folders come first: a service built from one is that package, under the service's name.
    const same = (item.buildDir !== undefined && item.via !== 'package folder' ? byDir.get(item.buildDir) : undefined) ?? byName.get(item.name.toLowerCase());
    const product = item.image ? productOfImage(item.image) : undefined;
    if (same) {
      if (item.via !== 'package folder') {
        byName.set(item.name.toLowerCase(), same);
        // The service's name is the one operators use; the package name stays for the code links.
        if (same.vias.includes('package folder')) same.name = item.name;
      }
      same.sources.push(item.source);
      same.ports = unique([...same.ports, ...item.ports]);
      same.env = unique([...same.env, ...item.env]);
      same.links.push(...item.links);
      same.vias = unique([...same.vias, item.via]);
      if (item.image) same.technology = item.image;
      continue;
    }
    const draft = add({
      key: '',
      name: item.name,
      kind: item.kind ?? product?.kind ?? 'container',
      technology: item.image ?? item.technology,
      description: '',
      sources: [item.source],
      ports: unique(item.ports),
      env: unique(item.env),
      packageName: item.packageName,
      dirs: item.buildDir !== undefined ? [item.buildDir] : [],
      links: [...item.links],
      vias: [item.via],
    });
    if (item.buildDir !== undefined && item.via === 'package folder') byDir.set(item.buildDir, draft);
    if (product && draft.kind !== 'container') byProduct.set(product.name, draft);
  }

  const links: {from: Draft; to: Draft; label: string; source: SourceRef}[] = [];
  const relate = (from: Draft, to: Draft, label: string, source: SourceRef) => {
    if (from === to || links.some((r) => r.from === from && r.to === to && r.label === label)) return;
    links.push({from, to, label, source});
  };
  const productElement = (name: string, kind: ElementKind, source: SourceRef, via: string) => {
    // An ORM names no product: it talks to the SQL database the repository runs, if there is one.
    const sql = name.startsWith('Database') ? SQL_PRODUCTS.map((product) => byProduct.get(product)).find(Boolean) : undefined;
    const known = sql ?? byProduct.get(name) ?? byName.get(name.toLowerCase());
    if (known) {
      if (!known.sources.some((s) => s.file === source.file && s.line === source.line) && known.vias.includes(via)) known.sources.push(source);
      return known;
    }
    const draft = add({key: '', name, kind, technology: name, description: '', sources: [source], ports: [], env: [], dirs: [], links: [], vias: [via]});
    byProduct.set(name, draft);
    return draft;
  };

  for (const draft of [...drafts]) {
    for (const link of draft.links) {
      if (link.to.startsWith('dev:')) continue;
      if (link.to.startsWith('library:')) {
        const product = productOfLibrary(link.to.slice('library:'.length));
        if (!product) continue;
        // A client library of a store the compose file runs points at that service.
        relate(draft, productElement(product.name, product.kind, link.source, 'library'), link.label, link.source);
        continue;
      }
      const other = byName.get(link.to.toLowerCase());
      if (other) relate(draft, other, portLabel(other) ?? link.label, link.source);
    }
  }

  // Environment names: the container's own, and those of example env files in its folder.
  const pointers = (draft: Draft) => [
    ...draft.env.map((name) => ({name, source: draft.sources[0]!})),
    ...envSources.filter((env) => draft.dirs.includes(env.dir)).flatMap((env) => env.variables.map((v) => ({name: v.name, source: {file: env.file, line: v.line}}))),
  ];
  const containers = drafts.filter((d) => d.kind === 'container');
  // Example env files at the root speak for the one container, or for the system as a whole.
  const rootEnv = envSources.filter((env) => env.dir === '' && !containers.some((d) => d.dirs.includes('')));
  if (containers.length === 1) containers[0]!.dirs.push(...rootEnv.map(() => ''));
  else {
    for (const {name, source} of rootEnv.flatMap((env) => env.variables.map((v) => ({name: v.name, source: {file: env.file, line: v.line}})))) {
      const prefix = POINTER.exec(name)?.[1];
      if (!prefix || OWN_SETTINGS.test(name) || STORE_WORDS[prefix] || byName.has(prefix.toLowerCase())) continue;
      productElement(titleOf(prefix), 'external', source, 'environment');
    }
  }
  for (const draft of containers) {
    for (const {name, source} of pointers(draft)) {
      const match = POINTER.exec(name);
      if (!match || OWN_SETTINGS.test(name)) continue;
      const prefix = match[1]!;
      const other = byName.get(prefix.toLowerCase()) ?? byName.get(prefix.toLowerCase().replace(/_/g, '-')) ?? byName.get(prefix.toLowerCase().replace(/_/g, ''));
      if (other) {
        relate(draft, other, name, source);
        continue;
      }
      const store = STORE_WORDS[prefix];
      if (store) {
        relate(draft, productElement(store, 'store', source, 'environment'), name, source);
        continue;
      }
      const external = productElement(titleOf(prefix), 'external', source, 'environment');
      relate(draft, external, name, source);
    }
  }

  const keys = new Set<string>();
  const keyOf = new Map<Draft, string>();
  const elements = drafts.map((draft): ElementModel => {
    let key = slug(draft.name);
    for (let n = 2; keys.has(key); n++) key = `${slug(draft.name)}-${n}`;
    keys.add(key);
    keyOf.set(draft, key);
    const {dirs: _dirs, links: _links, vias, ...element} = draft;
    return {
      ...element,
      key,
      sources: dedupeSources(element.sources),
      ports: [...element.ports].sort(),
      env: [...element.env].sort(),
      description: describe(draft, vias),
    };
  });
  elements.sort((a, b) => order(a.kind) - order(b.kind) || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  const relations: RelationModel[] = links.map(({from, to, label, source}) => ({from: keyOf.get(from)!, to: keyOf.get(to)!, label, source}));
  relations.sort((a, b) => (a.from < b.from ? -1 : a.from > b.from ? 1 : a.to < b.to ? -1 : a.to > b.to ? 1 : a.label < b.label ? -1 : 1));
  return {elements, relations};
}

function rank(item: Declared): number {
  return item.via === 'package folder' ? 0 : item.via === 'compose service' ? 1 : 2;
}

const KIND_ORDER: ElementKind[] = ['proxy', 'container', 'store', 'broker', 'external'];
const order = (kind: ElementKind) => KIND_ORDER.indexOf(kind);

function portLabel(element: Draft): string | undefined {
  const ports = element.ports.map((port) => port.split(':').pop()!.replace(/\/.*$/, ''));
  return ports.length > 0 ? unique(ports).slice(0, 3).join(', ') : undefined;
}

const KIND_WORDS: Record<ElementKind, string> = {container: 'Container', store: 'Data store', broker: 'Message broker', proxy: 'Entry point (proxy)', external: 'External system'};

function describe(draft: Draft, vias: string[]): string {
  const from = vias.map((via) => (via === 'library' ? 'a client library in a manifest' : via === 'environment' ? 'an environment variable name' : `a ${via}`));
  const technology = draft.technology ? `, ${draft.technology}` : '';
  return `${KIND_WORDS[draft.kind]}${technology}; found from ${unique(from).join(' and ')}.`;
}

function titleOf(prefix: string): string {
  return prefix
    .toLowerCase()
    .split('_')
    .filter(Boolean)
    .map((word) => word[0]!.toUpperCase() + word.slice(1))
    .join(' ');
}

function unique(values: string[]): string[] {
  return [...new Set(values)];
}

function dedupeSources(sources: SourceRef[]): SourceRef[] {
  const seen = new Map(sources.map((source) => [`${source.file}:${source.line}`, source]));
  return [...seen.values()].sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : a.line - b.line));
}
