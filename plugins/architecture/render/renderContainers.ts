/**
 * C4 levels 1 and 2 from the model: the system in its context (people, external systems), its
 * containers (with the stores, brokers and the entry point), a table beside each diagram, and a
 * page per element.
 */
import type {PhrasingContent, RootContent} from 'mdast';
import {code, heading, inlineCode, link, list, paragraph, table, text} from '../../core/mdx/build';
import {flowchart, type FlowEdge, type FlowNode} from '../../core/mermaid/build';
import type {ArchitectureModel, ElementKind, ElementModel} from '../model';
import {CLASSES, clickTarget, page, route, sourceLink, sourceLinks, type RenderContext} from './common';

const KIND_NAMES: Record<ElementKind, string> = {container: 'Container', store: 'Data store', broker: 'Message broker', proxy: 'Entry point', external: 'External system'};
const SHAPES = {container: 'box', store: 'cylinder', broker: 'subroutine', proxy: 'hexagon', external: 'box'} as const;

export function elementUrl(ctx: RenderContext, element: ElementModel): string {
  return route(ctx, 'containers', element.key);
}

/** The context diagram: users, the system as one box, and the external systems it talks to. */
export function contextDiagram(ctx: RenderContext, model: ArchitectureModel): string {
  const externals = model.elements.filter((e) => e.kind === 'external');
  const nodes: FlowNode[] = [
    {key: 'user', label: 'User', detail: 'Person', shape: 'stadium', className: 'person'},
    {key: 'system', label: model.system, detail: 'Software system', className: 'system', link: clickTarget(ctx, route(ctx))},
    ...externals.map((e): FlowNode => ({key: e.key, label: e.name, detail: 'External system', className: 'external', link: clickTarget(ctx, elementUrl(ctx, e))})),
  ];
  const edges: FlowEdge[] = [{from: 'user', to: 'system', label: 'uses'}, ...externals.map((e): FlowEdge => ({from: 'system', to: e.key, label: 'calls'}))];
  return flowchart({
    direction: 'LR',
    title: `System context of ${model.system}`,
    description: `${model.system} with its users and ${externals.length} external system${externals.length === 1 ? '' : 's'}.`,
    nodes,
    edges,
    classes: {person: CLASSES.person, system: CLASSES.system, external: CLASSES.external},
  });
}

/** The container diagram: every element, the system's inside drawn as a boundary. */
export function containerDiagram(ctx: RenderContext, model: ArchitectureModel): string {
  const entry = model.elements.filter((e) => e.kind === 'proxy');
  const reached = new Set(model.relations.map((r) => r.to));
  // Readers come in through the proxy; without one, through whatever publishes a port and nobody calls.
  const front = entry.length > 0 ? entry : model.elements.filter((e) => e.kind === 'container' && e.ports.some((p) => p.includes(':')) && !reached.has(e.key));
  const nodes: FlowNode[] = [
    {key: '@user', label: 'User', detail: 'Person', shape: 'stadium', className: 'person'},
    ...model.elements.map(
      (e): FlowNode => ({
        key: e.key,
        label: e.name,
        detail: e.technology ? `${KIND_NAMES[e.kind]}: ${e.technology}` : KIND_NAMES[e.kind],
        shape: SHAPES[e.kind],
        className: e.kind,
        link: clickTarget(ctx, elementUrl(ctx, e)),
        group: e.kind === 'external' ? undefined : '@system',
      }),
    ),
  ];
  const edges: FlowEdge[] = [
    ...front.map((e): FlowEdge => ({from: '@user', to: e.key, label: publishedPorts(e) ?? 'uses'})),
    ...mergedRelations(model).map((r): FlowEdge => ({from: r.from, to: r.to, label: r.label, style: model.elements.find((e) => e.key === r.to)?.kind === 'external' ? 'dotted' : 'solid'})),
  ];
  return flowchart({
    direction: 'LR',
    title: `Containers of ${model.system}`,
    description: `${model.elements.length} elements and ${model.relations.length} relations, from the repository's compose, Kubernetes and package files.`,
    nodes,
    edges,
    groups: [{key: '@system', label: model.system}],
    classes: {person: CLASSES.person, container: CLASSES.container, store: CLASSES.store, broker: CLASSES.broker, proxy: CLASSES.proxy, external: CLASSES.external},
  });
}

/** One arrow per pair of elements: a port first, then the other ways they are tied (the table lists each). */
function mergedRelations(model: ArchitectureModel): {from: string; to: string; label: string}[] {
  const pairs = new Map<string, {from: string; to: string; labels: string[]}>();
  for (const r of model.relations) {
    const pair = pairs.get(`${r.from}\0${r.to}`) ?? {from: r.from, to: r.to, labels: []};
    pair.labels.push(r.label);
    pairs.set(`${r.from}\0${r.to}`, pair);
  }
  return [...pairs.values()].map(({from, to, labels}) => {
    const ordered = [...labels.filter((l) => /^\d/.test(l)), ...labels.filter((l) => !/^\d/.test(l))];
    return {from, to, label: ordered.length > 2 ? `${ordered.slice(0, 2).join(', ')} +${ordered.length - 2}` : ordered.join(', ')};
  });
}

function publishedPorts(element: ElementModel): string | undefined {
  const published = element.ports.filter((port) => port.includes(':')).map((port) => port.split(':')[0]!);
  return published.length > 0 ? published.slice(0, 3).join(', ') : undefined;
}

export function elementTable(ctx: RenderContext, model: ArchitectureModel): RootContent {
  return table(
    ['Element', 'Kind', 'Technology', 'Description', 'Declared in'],
    model.elements.map((e) => [link(elementUrl(ctx, e), e.name), KIND_NAMES[e.kind], e.technology ? inlineCode(e.technology) : '', e.description, sourceLinks(ctx, e.sources)]),
  );
}

export function relationTable(ctx: RenderContext, model: ArchitectureModel): RootContent {
  const name = new Map(model.elements.map((e) => [e.key, e]));
  return table(
    ['From', 'To', 'Through', 'Declared in'],
    model.relations.map((r) => [link(elementUrl(ctx, name.get(r.from)!), name.get(r.from)!.name), link(elementUrl(ctx, name.get(r.to)!), name.get(r.to)!.name), inlineCode(r.label), sourceLink(ctx, r.source)]),
  );
}

/** The page of one element: what it is, where it is declared, ports, environment names, relations. */
export function renderElementPage(ctx: RenderContext, model: ArchitectureModel, element: ElementModel): string {
  const byKey = new Map(model.elements.map((e) => [e.key, e]));
  const children: RootContent[] = [heading(1, element.name), paragraph(element.description)];
  const facts: PhrasingContent[][] = [[text(`Kind: ${KIND_NAMES[element.kind]}`)]];
  if (element.technology) facts.push([text('Technology: '), inlineCode(element.technology)]);
  if (element.packageName) {
    const reference = ctx.site.urlOf('module', element.packageName);
    facts.push(reference ? [text('Package: '), link(reference, inlineCode(element.packageName)), text(' (code reference)')] : [text('Package: '), inlineCode(element.packageName)]);
  }
  if (element.ports.length > 0) facts.push([text('Ports: '), ...element.ports.flatMap((port, i) => [...(i ? [text(', ')] : []), inlineCode(port)])]);
  children.push(list(facts));
  children.push(heading(2, 'Declared in'), list(element.sources.map((source) => [sourceLink(ctx, source)])));
  if (element.env.length > 0) {
    children.push(heading(2, 'Environment variables'), paragraph('Names only: values are never read into this site.'), list(element.env.map((name) => [inlineCode(name)])));
  }
  const outgoing = model.relations.filter((r) => r.from === element.key);
  const incoming = model.relations.filter((r) => r.to === element.key);
  if (outgoing.length + incoming.length > 0) {
    const rows = [
      ...outgoing.map((r) => ['uses', link(elementUrl(ctx, byKey.get(r.to)!), byKey.get(r.to)!.name), inlineCode(r.label), sourceLink(ctx, r.source)]),
      ...incoming.map((r) => ['used by', link(elementUrl(ctx, byKey.get(r.from)!), byKey.get(r.from)!.name), inlineCode(r.label), sourceLink(ctx, r.source)]),
    ];
    const neighbours = new Set([element.key, ...outgoing.map((r) => r.to), ...incoming.map((r) => r.from)]);
    const diagram = flowchart({
      direction: 'LR',
      title: `Relations of ${element.name}`,
      description: `${element.name} uses ${outgoing.length} and is used by ${incoming.length} elements.`,
      nodes: model.elements.filter((e) => neighbours.has(e.key)).map((e) => ({key: e.key, label: e.name, shape: SHAPES[e.kind], className: e.kind, link: clickTarget(ctx, elementUrl(ctx, e))})),
      edges: [...outgoing, ...incoming].map((r) => ({from: r.from, to: r.to, label: r.label})),
      classes: {container: CLASSES.container, store: CLASSES.store, broker: CLASSES.broker, proxy: CLASSES.proxy, external: CLASSES.external},
    });
    children.push(heading(2, 'Relations'), code(diagram, 'mermaid'), table(['', 'Element', 'Through', 'Declared in'], rows));
  }
  return page(ctx, element.name, element.description, children, {sidebar_label: element.name});
}
