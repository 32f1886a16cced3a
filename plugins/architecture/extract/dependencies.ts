/**
 * The import graph of the target's JavaScript and TypeScript sources: a package-level graph when the
 * target has several packages, folder-level graphs per package, the cycles, and the external
 * packages imported, counted by importing files.
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import type {TargetContext} from '../../core/types';
import type {DependencyModel, ElementModel, GraphModel, ImportEdge} from '../model';
import {cyclicEdges, findCycles, folderGraphs} from './graphs';
import {readAliases} from './tsconfigPaths';
import {initScanner, packageOfSpecifier, resolveRelative, scanImports, SOURCE_FILE} from './scanImports';

const NOT_SOURCE = /(^|\/)(node_modules|__tests__|__mocks__|fixtures|__fixtures__|e2e|dist|build|coverage)\/|\.d\.[cm]?ts$|\.(test|spec)\.[cm]?[jt]sx?$/;

export async function extractDependencies(context: TargetContext, elements: ElementModel[]): Promise<DependencyModel | undefined> {
  const sources = context.inventory.files.filter((file) => SOURCE_FILE.test(file) && !NOT_SOURCE.test(file));
  if (sources.length === 0) return undefined;
  await initScanner();
  const known = new Set(sources);
  const packages = context.inventory.packages.filter((pkg) => pkg.name).sort((a, b) => b.dir.length - a.dir.length);
  const packageOf = (file: string) => packages.find((pkg) => pkg.dir === '' || file.startsWith(`${pkg.dir}/`));
  const byName = new Map(packages.map((pkg) => [pkg.name!, pkg]));
  const edges: ImportEdge[] = [];
  const packageEdges = new Map<string, {count: number; typeOnly: boolean}>();
  const externals = new Map<string, Set<string>>();
  const alias = await readAliases(context.root, context.inventory.tsconfigs, known);
  const texts = await Promise.all(sources.map((file) => fs.readFile(path.join(context.root, file), 'utf8').catch(() => '')));
  sources.forEach((file, index) => {
    const own = packageOf(file);
    for (const entry of scanImports(file, texts[index]!)) {
      const resolved = resolveRelative(file, entry.specifier, known) ?? alias(file, entry.specifier);
      if (resolved) {
        edges.push({from: file, to: resolved, line: entry.line, typeOnly: entry.typeOnly});
        const other = packageOf(resolved);
        if (own && other && other !== own) count(packageEdges, `${own.name}\0${other.name}`, entry.typeOnly);
        continue;
      }
      const name = packageOfSpecifier(entry.specifier);
      if (!name || name.startsWith('node:')) continue;
      const workspace = byName.get(name);
      if (workspace) {
        if (own && workspace !== own) count(packageEdges, `${own.name}\0${workspace.name}`, entry.typeOnly);
      } else {
        externals.set(name, (externals.get(name) ?? new Set()).add(file));
      }
    }
  });
  edges.sort((a, b) => (a.from < b.from ? -1 : a.from > b.from ? 1 : a.line - b.line || (a.to < b.to ? -1 : 1)));

  const cycles = findCycles(sources, edges);
  const cyclic = cyclicEdges(cycles, edges);
  const moduleOf = (file: string) => file.replace(SOURCE_FILE, '');
  // One folder graph per source root: each package's folder (the root when there is one package).
  const roots = packages.length > 1 ? packages.filter((pkg) => sources.some((file) => packageOf(file) === pkg)).map((pkg) => ({folder: pkg.dir, title: pkg.name!})) : [{folder: '', title: context.project.name}];
  const graphs: GraphModel[] = [];
  for (const root of roots.sort((a, b) => (a.folder < b.folder ? -1 : 1))) {
    const files = sources.filter((file) => root.folder === '' || file.startsWith(`${root.folder}/`));
    folderGraphs({folder: root.folder, title: root.title, files, edges, cyclic, moduleOf}, graphs);
  }
  if (graphs[0]) {
    graphs[0].externals = [...externals].map(([name, files]) => ({name, files: files.size})).sort((a, b) => b.files - a.files || (a.name < b.name ? -1 : 1));
  }

  const withFiles = packages.filter((pkg) => sources.some((file) => packageOf(file) === pkg));
  // Package cycles of any length, as for files: the packages of one cycle share its index.
  const packageCycle = new Map<string, number>();
  const valueEdges = [...packageEdges].filter(([, value]) => !value.typeOnly).map(([key]) => {
    const [from, to] = key.split('\0') as [string, string];
    return {from, to, line: 1, typeOnly: false};
  });
  findCycles(withFiles.map((pkg) => pkg.name!), valueEdges).forEach((cycle, index) => cycle.files.forEach((name) => packageCycle.set(name, index)));
  const packageGraph: GraphModel | undefined =
    withFiles.length > 1
      ? {
          key: '',
          title: 'Packages',
          nodes: withFiles
            .map((pkg) => ({key: pkg.name!, label: pkg.name!, files: sources.filter((file) => packageOf(file) === pkg).length, drill: true, module: elements.find((e) => e.packageName === pkg.name)?.key}))
            .sort((a, b) => (a.key < b.key ? -1 : 1)),
          edges: [...packageEdges]
            .map(([key, value]) => {
              const [from, to] = key.split('\0') as [string, string];
              const cycle = !value.typeOnly && packageCycle.has(from) && packageCycle.get(from) === packageCycle.get(to);
              return {from, to, count: value.count, typeOnly: value.typeOnly, cycle};
            })
            .sort((a, b) => (a.from < b.from ? -1 : a.from > b.from ? 1 : a.to < b.to ? -1 : 1)),
          externals: [],
        }
      : undefined;
  return {...(packageGraph ? {packages: packageGraph} : {}), graphs, cycles, files: sources.length, imports: edges.length};
}

function count(map: Map<string, {count: number; typeOnly: boolean}>, key: string, typeOnly: boolean): void {
  const entry = map.get(key) ?? {count: 0, typeOnly: true};
  entry.count++;
  entry.typeOnly &&= typeOnly;
  map.set(key, entry);
}
