/**
 * Dependency graphs: the packages of a workspace, then a folder graph per package with a drill-down
 * page per folder, cycles drawn in red and listed with the line of each import, type-only imports
 * dashed, and each file linked to its code reference page.
 */
import type {RootContent} from 'mdast';
import {code, heading, inlineCode, link, list, paragraph, table, text} from '../../core/mdx/build';
import {flowchart} from '../../core/mermaid/build';
import type {DependencyModel, GraphModel} from '../model';
import {CLASSES, clickTarget, page, route, sourceLink, type RenderContext} from './common';

/** The route segment of a folder graph: its folder, made URL-safe, unique in the section. */
export function graphSlugs(model: DependencyModel): Map<string, string> {
  const slugs = new Map<string, string>();
  const used = new Set<string>();
  for (const graph of model.graphs) {
    const base = graph.key.toLowerCase().replace(/[^a-z0-9/]+/g, '-').replace(/\//g, '--').replace(/^-+|-+$/g, '') || 'root';
    let slug = base;
    for (let n = 2; used.has(slug); n++) slug = `${base}-${n}`;
    used.add(slug);
    slugs.set(graph.key, slug);
  }
  return slugs;
}

function nodeUrl(ctx: RenderContext, slugs: Map<string, string>, node: GraphModel['nodes'][number]): string | undefined {
  if (node.drill && slugs.has(node.key)) return route(ctx, 'dependencies', slugs.get(node.key)!);
  if (node.module) return ctx.site.urlOf('module', node.module) ?? ctx.site.urlOf('file', node.key);
  return node.files === 1 ? ctx.site.urlOf('file', node.key) : undefined;
}

/** Arrows drawn per diagram: past it a diagram is unreadable (and Mermaid refuses more than 500). */
export const MAX_EDGES = 120;

/** The arrows a diagram draws: every cycle, then the heaviest; the table still counts every import. */
export function drawnEdges(graph: GraphModel): GraphModel['edges'] {
  if (graph.edges.length <= MAX_EDGES) return graph.edges;
  const kept = new Set([...graph.edges].sort((a, b) => Number(b.cycle) - Number(a.cycle) || b.count - a.count).slice(0, MAX_EDGES));
  return graph.edges.filter((edge) => kept.has(edge));
}

export function graphDiagram(ctx: RenderContext, graph: GraphModel, slugs: Map<string, string>, packageLevel = false): string {
  return flowchart({
    direction: graph.nodes.length > 12 ? 'TB' : 'LR',
    title: packageLevel ? 'Package dependencies' : `Imports inside ${graph.title}`,
    description: `${graph.nodes.length} nodes and ${graph.edges.length} import relations; red arrows are import cycles, dotted arrows type-only imports.`,
    nodes: graph.nodes.map((node) => ({
      key: node.key,
      label: node.label,
      detail: node.files > 1 ? `${node.files} files` : undefined,
      className: node.drill || packageLevel ? 'folder' : 'file',
      link: clickTarget(ctx, packageLevel ? undefined : nodeUrl(ctx, slugs, node)),
    })),
    edges: drawnEdges(graph).map((edge) => ({from: edge.from, to: edge.to, label: edge.count > 1 ? String(edge.count) : undefined, style: edge.typeOnly ? 'dotted' : 'solid', danger: edge.cycle})),
    classes: {folder: CLASSES.folder, file: CLASSES.file},
  });
}

function graphTable(ctx: RenderContext, graph: GraphModel, slugs: Map<string, string>): RootContent {
  const out = new Map<string, number>();
  const into = new Map<string, number>();
  for (const edge of graph.edges) {
    out.set(edge.from, (out.get(edge.from) ?? 0) + edge.count);
    into.set(edge.to, (into.get(edge.to) ?? 0) + edge.count);
  }
  return table(
    ['Node', 'Files', 'Imports out', 'Imports in'],
    graph.nodes.map((node) => {
      const url = nodeUrl(ctx, slugs, node);
      return [url ? link(url, inlineCode(node.label)) : inlineCode(node.label), String(node.files), String(out.get(node.key) ?? 0), String(into.get(node.key) ?? 0)];
    }),
  );
}

export function renderDependencyPages(ctx: RenderContext, model: DependencyModel): Map<string, string> {
  const files = new Map<string, string>();
  const slugs = graphSlugs(model);
  const children: RootContent[] = [
    heading(1, 'Dependency graphs'),
    paragraph(`${model.files} source files and ${model.imports} imports between them, read from the import statements. Each folder with more than one file has its own page; a diagram never has more than 40 nodes.`),
  ];
  if (model.packages) {
    children.push(heading(2, 'Packages'), code(graphDiagram(ctx, model.packages, slugs, true), 'mermaid'), graphTable(ctx, model.packages, slugs));
  }
  const tops = model.graphs.filter((graph) => !model.graphs.some((other) => other !== graph && other.nodes.some((node) => node.key === graph.key && node.drill)));
  children.push(heading(2, 'Source folders'), list(tops.map((graph) => [link(route(ctx, 'dependencies', slugs.get(graph.key)!), graph.title)])));
  children.push(heading(2, 'Import cycles'));
  if (model.cycles.length === 0) children.push(paragraph('No import cycle between value imports.'));
  else {
    children.push(paragraph(`${model.cycles.length} cycle${model.cycles.length === 1 ? '' : 's'} of value imports (type-only imports are left out: they vanish at run time). Each is drawn in red on the graphs.`));
    model.cycles.forEach((cycle, index) => {
      children.push(heading(3, `Cycle ${index + 1}: ${cycle.files.length} files`), list(cycle.imports.map((entry) => [sourceLink(ctx, entry), text(' imports '), inlineCode(entry.to)])));
    });
  }
  const externals = model.graphs[0]?.externals ?? [];
  if (externals.length > 0) {
    children.push(heading(2, 'External packages'), paragraph(`${externals.length} packages from outside the repository, by the number of files importing each.`), table(['Package', 'Files importing it'], externals.map((e) => [inlineCode(e.name), String(e.files)])));
  }
  files.set('dependencies/index.mdx', page(ctx, 'Dependency graphs', 'Imports between the packages and folders of the repository.', children, {sidebar_position: 2}));
  for (const graph of model.graphs) {
    const slug = slugs.get(graph.key)!;
    const body: RootContent[] = [
      heading(1, graph.title),
      paragraph('Arrows point from the importing node to the imported one; the number on an arrow counts the imports. Red: an import cycle. Dotted: type-only imports.'),
      code(graphDiagram(ctx, graph, slugs), 'mermaid'),
      ...(graph.edges.length > MAX_EDGES ? [paragraph(`${graph.edges.length - MAX_EDGES} of the lightest arrows are left out of the diagram to keep it readable; the table counts every import.`)] : []),
      graphTable(ctx, graph, slugs),
    ];
    files.set(`dependencies/${slug}.mdx`, page(ctx, graph.title, `Imports inside ${graph.title}.`, body, {sidebar_label: graph.title}));
  }
  return files;
}
