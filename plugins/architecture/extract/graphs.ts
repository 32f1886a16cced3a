/**
 * File-level imports to diagrams a reader can take in: one graph per folder with at most
 * MAX_NODES nodes (its subfolders and files; past the limit the least connected files become one
 * node), a drill-down graph per subfolder, and the import cycles, found with Tarjan's algorithm.
 */
import path from 'node:path';
import type {CycleModel, GraphEdge, GraphModel, GraphNode, ImportEdge} from '../model';

export const MAX_NODES = 40;
/** Cycles listed (each with its imports); a repository with more has a deeper problem than a list. */
export const MAX_CYCLES = 100;
/** Folder graphs drawn per source root; deeper folders are still listed in their parent's table. */
export const MAX_GRAPHS = 200;

const byString = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** One elementary cycle per strongly connected component of value imports (type-only imports vanish at run time). */
export function findCycles(files: string[], edges: ImportEdge[]): CycleModel[] {
  const out = new Map<string, ImportEdge[]>();
  for (const edge of edges) if (!edge.typeOnly && edge.from !== edge.to) out.set(edge.from, [...(out.get(edge.from) ?? []), edge]);
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const onStack = new Set<string>();
  const stack: string[] = [];
  const components: string[][] = [];
  let counter = 0;
  // Iterative Tarjan: a 5,000-file graph would overflow the call stack with recursion.
  for (const start of [...files].sort(byString)) {
    if (index.has(start)) continue;
    const work: {file: string; next: number}[] = [{file: start, next: 0}];
    index.set(start, counter);
    low.set(start, counter++);
    stack.push(start);
    onStack.add(start);
    while (work.length > 0) {
      const frame = work[work.length - 1]!;
      const targets = out.get(frame.file) ?? [];
      if (frame.next < targets.length) {
        const to = targets[frame.next++]!.to;
        if (!index.has(to)) {
          index.set(to, counter);
          low.set(to, counter++);
          stack.push(to);
          onStack.add(to);
          work.push({file: to, next: 0});
        } else if (onStack.has(to)) low.set(frame.file, Math.min(low.get(frame.file)!, index.get(to)!));
        continue;
      }
      work.pop();
      if (work.length > 0) {
        const parent = work[work.length - 1]!.file;
        low.set(parent, Math.min(low.get(parent)!, low.get(frame.file)!));
      }
      if (low.get(frame.file) === index.get(frame.file)) {
        const component: string[] = [];
        let file: string;
        do {
          file = stack.pop()!;
          onStack.delete(file);
          component.push(file);
        } while (file !== frame.file);
        if (component.length > 1) components.push(component.sort(byString));
      }
    }
  }
  components.sort((a, b) => byString(a[0]!, b[0]!));
  return components.slice(0, MAX_CYCLES).map((component) => shortestCycle(component, out));
}

/** The shortest cycle through the component's first file, by breadth-first search. */
function shortestCycle(component: string[], out: Map<string, ImportEdge[]>): CycleModel {
  const members = new Set(component);
  const first = component[0]!;
  const via = new Map<string, ImportEdge>();
  const queue = [first];
  let closing: ImportEdge | undefined;
  while (queue.length > 0 && !closing) {
    const file = queue.shift()!;
    for (const edge of [...(out.get(file) ?? [])].sort((a, b) => byString(a.to, b.to) || a.line - b.line)) {
      if (!members.has(edge.to)) continue;
      if (edge.to === first) {
        closing = edge;
        break;
      }
      if (!via.has(edge.to)) {
        via.set(edge.to, edge);
        queue.push(edge.to);
      }
    }
  }
  const imports: ImportEdge[] = [];
  for (let edge = closing; edge; edge = edge.from === first ? undefined : via.get(edge.from)) imports.unshift(edge);
  return {files: imports.map((edge) => edge.from), imports: imports.map((edge) => ({file: edge.from, line: edge.line, to: edge.to}))};
}

interface FolderInput {
  /** Folder relative to the target ('' for the root). */
  folder: string;
  title: string;
  files: string[];
  edges: ImportEdge[];
  /** Import edges that belong to a cycle, as `from\0to`. */
  cyclic: Set<string>;
  moduleOf: (file: string) => string | undefined;
}

/** The graph of one folder and, recursively, of each subfolder drawn as a node in it. */
export function folderGraphs(input: FolderInput, graphs: GraphModel[] = []): GraphModel[] {
  if (graphs.length >= MAX_GRAPHS) return graphs;
  const prefix = input.folder ? `${input.folder}/` : '';
  const inside = input.files.filter((file) => file.startsWith(prefix));
  const childOf = (file: string) => {
    const rest = file.slice(prefix.length);
    const slash = rest.indexOf('/');
    return slash < 0 ? file : prefix + rest.slice(0, slash);
  };
  const children = new Map<string, string[]>();
  for (const file of inside) children.set(childOf(file), [...(children.get(childOf(file)) ?? []), file]);
  const isFolder = (child: string) => !(children.get(child)!.length === 1 && children.get(child)![0] === child);
  const local = input.edges.filter((edge) => edge.from.startsWith(prefix) && edge.to.startsWith(prefix));
  const degree = new Map<string, number>();
  for (const edge of local) {
    degree.set(childOf(edge.from), (degree.get(childOf(edge.from)) ?? 0) + 1);
    degree.set(childOf(edge.to), (degree.get(childOf(edge.to)) ?? 0) + 1);
  }
  const folders = [...children.keys()].filter(isFolder).sort(byString);
  let files = [...children.keys()].filter((child) => !isFolder(child)).sort(byString);
  const others = `${prefix}(other files)`;
  let merged: string[] = [];
  if (folders.length + files.length > MAX_NODES) {
    // The most connected files stay; the rest become one node, listed in the page's table.
    const room = Math.max(0, MAX_NODES - 1 - Math.min(folders.length, MAX_NODES - 1));
    const ranked = [...files].sort((a, b) => (degree.get(b) ?? 0) - (degree.get(a) ?? 0) || byString(a, b));
    files = ranked.slice(0, room).sort(byString);
    merged = ranked.slice(room);
  }
  const shownFolders = folders.slice(0, MAX_NODES - (merged.length > 0 ? 1 : 0) - files.length);
  merged.push(...folders.slice(shownFolders.length));
  const nodeOf = (file: string) => {
    const child = childOf(file);
    return shownFolders.includes(child) || files.includes(child) ? child : others;
  };
  const nodes: GraphNode[] = [
    ...shownFolders.map((folder) => ({key: folder, label: `${path.posix.basename(folder)}/`, files: children.get(folder)!.length, drill: true})),
    ...files.map((file) => {
      const module = input.moduleOf(file);
      return {key: file, label: path.posix.basename(file), files: 1, drill: false, ...(module ? {module} : {})};
    }),
    ...(merged.length > 0 ? [{key: others, label: `${merged.length} other files and folders`, files: merged.reduce((sum, child) => sum + children.get(child)!.length, 0), drill: false}] : []),
  ];
  const edges = new Map<string, GraphEdge>();
  for (const edge of local) {
    const from = nodeOf(edge.from);
    const to = nodeOf(edge.to);
    if (from === to) continue;
    const key = `${from}\0${to}`;
    const existing = edges.get(key) ?? {from, to, count: 0, typeOnly: true, cycle: false};
    existing.count++;
    existing.typeOnly &&= edge.typeOnly;
    existing.cycle ||= input.cyclic.has(`${edge.from}\0${edge.to}`);
    edges.set(key, existing);
  }
  graphs.push({
    key: input.folder,
    title: input.title,
    nodes,
    edges: [...edges.values()].sort((a, b) => byString(a.from, b.from) || byString(a.to, b.to)),
    externals: [],
  });
  for (const folder of shownFolders) {
    if (children.get(folder)!.length > 1) folderGraphs({...input, folder, title: `${folder}/`}, graphs);
    else nodes.find((node) => node.key === folder)!.drill = false;
  }
  return graphs;
}

/** `from\0to` of every value import inside a strongly connected component. */
export function cyclicEdges(cycles: CycleModel[], edges: ImportEdge[]): Set<string> {
  const component = new Map<string, number>();
  cycles.forEach((cycle, index) => cycle.files.forEach((file) => component.set(file, index)));
  const cyclic = new Set<string>();
  for (const edge of edges) {
    if (edge.typeOnly) continue;
    const a = component.get(edge.from);
    if (a !== undefined && a === component.get(edge.to)) cyclic.add(`${edge.from}\0${edge.to}`);
  }
  return cyclic;
}
