/**
 * Mermaid class diagrams of a page's classes and interfaces with their inheritance (`extends`) and
 * implementation. A real module can have dozens of classes, and one diagram of them all is unreadable,
 * so diagrams are split: by connected group, at most MAX_NODES boxes each, a wide family (forty
 * schemas extending one base) in slices that each repeat the base; classes with no relation at all
 * are left to the page's list; members are capped per box.
 */
import type {SymbolIndex} from '../links';
import type {SymbolModel, TypeText} from '../model';
import {mermaidName} from '../../core/mermaid/build';

export const MAX_NODES = 16;
const MAX_MEMBERS = 8;

interface Edge {
  from: string;
  to: string;
  kind: 'extends' | 'implements';
}

/** Name of what a heritage clause refers to: its first name (`Base` in `Base<T>`), without generic arguments. */
function targetOf(type: TypeText): {key: string; label: string} | undefined {
  const ref = type.find((part) => typeof part !== 'string');
  if (!ref || typeof ref === 'string') return undefined;
  return {key: ref.id ?? `external:${ref.name}`, label: ref.name};
}

export function classDiagrams(symbols: SymbolModel[], index: SymbolIndex): string[] {
  const local = symbols.filter((symbol) => symbol.kind === 'class' || symbol.kind === 'interface');
  const labels = new Map<string, string>(local.map((symbol) => [symbol.id, symbol.name]));
  const edges: Edge[] = [];
  for (const symbol of local) {
    for (const type of symbol.extends ?? []) {
      const target = targetOf(type);
      if (target) edges.push({from: symbol.id, to: target.key, kind: symbol.kind === 'class' ? 'extends' : 'extends'});
    }
    for (const type of symbol.implements ?? []) {
      const target = targetOf(type);
      if (target) edges.push({from: symbol.id, to: target.key, kind: 'implements'});
    }
    for (const type of [...(symbol.extends ?? []), ...(symbol.implements ?? [])]) {
      const target = targetOf(type);
      if (target && !labels.has(target.key)) labels.set(target.key, index.symbol(target.key)?.name ?? target.label);
    }
  }
  if (edges.length === 0) return [];

  // Connected groups (union-find over the edges).
  const parent = new Map<string, string>();
  const find = (key: string): string => {
    const up = parent.get(key) ?? key;
    if (up === key) return key;
    const root = find(up);
    parent.set(key, root);
    return root;
  };
  for (const edge of edges) parent.set(find(edge.from), find(edge.to));
  const groups = new Map<string, Edge[]>();
  for (const edge of edges) {
    const root = find(edge.from);
    groups.set(root, [...(groups.get(root) ?? []), edge]);
  }

  // Pack groups into diagrams of at most MAX_NODES boxes; a group larger than that is sliced.
  const chunks: Edge[][] = [];
  let current: Edge[] = [];
  const nodesOf = (list: Edge[]) => new Set(list.flatMap((edge) => [edge.from, edge.to])).size;
  for (const group of [...groups.values()].sort((a, b) => nodesOf(b) - nodesOf(a))) {
    if (nodesOf(group) > MAX_NODES) {
      for (const slice of sliceGroup(group)) chunks.push(slice);
      continue;
    }
    if (nodesOf([...current, ...group]) > MAX_NODES) {
      chunks.push(current);
      current = [];
    }
    current.push(...group);
  }
  if (current.length > 0) chunks.push(current);

  const byId = new Map(local.map((symbol) => [symbol.id, symbol]));
  return chunks.map((chunk) => mermaid(chunk, labels, byId));
}

/** Edges sorted by their target, cut into slices of at most MAX_NODES distinct boxes. */
function sliceGroup(group: Edge[]): Edge[][] {
  const slices: Edge[][] = [];
  let slice: Edge[] = [];
  const nodes = new Set<string>();
  for (const edge of [...group].sort((a, b) => (a.to < b.to ? -1 : a.to > b.to ? 1 : a.from < b.from ? -1 : 1))) {
    const added = [edge.from, edge.to].filter((node) => !nodes.has(node)).length;
    if (nodes.size + added > MAX_NODES && slice.length > 0) {
      slices.push(slice);
      slice = [];
      nodes.clear();
    }
    slice.push(edge);
    nodes.add(edge.from).add(edge.to);
  }
  if (slice.length > 0) slices.push(slice);
  return slices;
}

/** Mermaid text. Box ids are generated (`C0`); names go in quoted labels, reduced to identifier characters. */
function mermaid(edges: Edge[], labels: Map<string, string>, symbols: Map<string, SymbolModel>): string {
  const ids = new Map<string, string>();
  const idOf = (key: string) => {
    if (!ids.has(key)) ids.set(key, `C${ids.size}`);
    return ids.get(key)!;
  };
  const lines = ['classDiagram'];
  const nodes = [...new Set(edges.flatMap((edge) => [edge.to, edge.from]))];
  for (const key of nodes) {
    const id = idOf(key);
    const symbol = symbols.get(key);
    lines.push(`  class ${id}["${mermaidName(labels.get(key) ?? key)}"]`);
    if (symbol?.kind === 'interface') lines.push(`  <<interface>> ${id}`);
    if (symbol?.abstract) lines.push(`  <<abstract>> ${id}`);
    const members = (symbol?.members ?? []).filter((member) => !['constructor', 'call', 'construct', 'index'].includes(member.kind));
    for (const member of members.slice(0, MAX_MEMBERS)) {
      const name = mermaidName(member.name);
      if (!name) continue;
      lines.push(`  ${id} : ${member.static ? '$' : ''}${member.visibility === 'protected' ? '#' : '+'}${name}${member.kind === 'method' ? '()' : ''}`);
    }
    if (members.length > MAX_MEMBERS) lines.push(`  ${id} : ${members.length - MAX_MEMBERS} more`);
  }
  for (const edge of edges) {
    lines.push(`  ${idOf(edge.to)} ${edge.kind === 'implements' ? '<|..' : '<|--'} ${idOf(edge.from)}`);
  }
  return lines.join('\n');
}
