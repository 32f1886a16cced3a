/**
 * The application model of a target: components, routes per service, data models. Reads the code
 * files the inventory lists (see sourceFiles.ts), parses the few worth parsing, and runs each
 * extractor over them. Components and models are TypeScript and JavaScript; routes come from each
 * language's `RouteSource` in ROUTE_SOURCES (Python's: FastAPI, Flask and Django, from plugins/python).
 */
import path from 'node:path';
import {ts} from 'ts-morph';
import type {TargetContext} from '../../core/types';
import {APPLICATION_MODEL_VERSION, type ApplicationModel, type DataModel, type RouteModel, type ServiceModel, type UsageExample} from '../model';
import {findComponents, type FoundComponent} from './components';
import {createComponentResolver, linkComponents} from './linkComponents';
import {findModels} from './models';
import {appRoute, nextRoots, pagesRoute} from './nextRoutes';
import {resolvePrefixes} from './prefixes';
import {exportedRouters, findRoutes, isAuth, type Declared, type FileRoutes} from './routes';
import {isCandidate, parseRead, readText, roleOf, worthParsing, type ReadFile} from './sourceFiles';
import {createTypeLookup} from './typeDeclarations';
import {findExamples} from './usage';
import {findSfcComponent, SFC_FILE} from './singleFileComponents';
import {resolveImport} from './syntax';
import {readPythonRoutes} from '../../python/appRoutes';

const READ_BATCH = 32;

/** Routes of one language's frameworks, from the files read: the seam for Python (FastAPI, Flask). */
export type RouteSource = (input: {context: TargetContext; files: ReadonlyMap<string, ReadFile>; declared: Declared}) => Promise<RouteModel[]> | RouteModel[];

const ROUTE_SOURCES: RouteSource[] = [typeScriptRoutes, nextRoutes, pythonRouteSource];

export async function extractApplication(context: TargetContext): Promise<ApplicationModel> {
  const {files: parsed, skipped} = await readSources(context);
  const sources = [...parsed.values()].filter((file) => file.role === 'source');
  const types = createTypeLookup([...parsed.values()]);

  // One file's odd syntax must not cost the section: what fails to read is listed, the rest goes on.
  const guarded = <T>(file: ReadFile, read: () => T[]): T[] => {
    try {
      return read();
    } catch (error) {
      skipped.push({file: file.file, reason: `could not be read as code (${(error as Error).message.split('\n')[0]!.slice(0, 200)})`});
      return [];
    }
  };
  const found: FoundComponent[] = sources.flatMap((file) => guarded(file, () => (SFC_FILE.test(file.file) ? [findSfcComponent(file, file.tags ?? [], types)] : /\.[cm]?[jt]sx?$/.test(file.file) ? findComponents(file, types) : [])));
  const resolve = createComponentResolver(found, parsed);
  const examples = new Map<string, UsageExample>();
  // Stories first, then tests; within each, files in order: the first example found is kept.
  for (const role of ['story', 'test'] as const) {
    for (const file of [...parsed.values()].filter((f) => f.role === role)) {
      for (const [id, example] of findExamples(file, resolve)) if (!examples.has(id)) examples.set(id, example);
    }
  }
  const components = linkComponents(found, resolve).map((component) => {
    const example = examples.get(component.id);
    return example ? {...component, example} : component;
  });

  const declared = declarations(parsed);
  const routes: RouteModel[] = [];
  for (const source of ROUTE_SOURCES) routes.push(...(await source({context, files: parsed, declared})));
  const models: DataModel[] = sources.flatMap((file) => guarded(file, () => findModels(file, types)));

  return {
    version: APPLICATION_MODEL_VERSION,
    components: components.sort((a, b) => compare(a.file, b.file) || compare(a.name, b.name) || a.line - b.line),
    services: servicesOf(context, routes),
    models: models.sort((a, b) => compare(a.group, b.group) || compare(a.name, b.name) || compare(a.file, b.file)),
    skipped: skipped.sort((a, b) => compare(a.file, b.file)),
  };
}

async function readSources(context: TargetContext): Promise<{files: Map<string, ReadFile>; skipped: ApplicationModel['skipped']}> {
  const files = new Map<string, ReadFile>();
  const skipped: ApplicationModel['skipped'] = [];
  const candidates = context.inventory.files.filter(isCandidate);
  const next = (await nextPackages(context)).flatMap((dir) => [...nextRoots(dir).pages, ...nextRoots(dir).app]);
  const texts = new Map<string, string>();
  // Reads in parallel, a batch at a time: one await per file was most of the time on a small target.
  for (let start = 0; start < candidates.length; start += READ_BATCH) {
    const batch = candidates.slice(start, start + READ_BATCH);
    const read = await Promise.all(batch.map((file) => readText(context.root, file)));
    for (const [index, file] of batch.entries()) {
      const text = read[index]!;
      if (typeof text !== 'string') {
        skipped.push({file, reason: text.skipped});
        continue;
      }
      texts.set(file, text);
      if (worthParsing(file, text, roleOf(file)) || next.some((root) => file.startsWith(`${root}/`))) files.set(file, parseRead(file, text));
    }
  }
  // Props types often live in a `types.ts` beside the component, and components come through an
  // `index.ts` barrel, and route handlers in files of their own: the files parsed files import are
  // parsed too (one step).
  const known = new Set(texts.keys());
  for (const file of [...files.values()]) {
    for (const {specifier} of file.imports.values()) {
      const target = resolveImport(file.file, specifier, known);
      if (target && !files.has(target)) files.set(target, parseRead(target, texts.get(target)!));
    }
  }
  return {files: new Map([...files].sort(([a], [b]) => compare(a, b))), skipped};
}

/** Folders of the packages that depend on Next.js (their pages/ and app/ folders are routes). */
async function nextPackages(context: TargetContext): Promise<string[]> {
  const dirs: string[] = [];
  for (const pkg of context.inventory.packages) {
    const text = await readText(context.root, pkg.dir ? `${pkg.dir}/package.json` : 'package.json').catch(() => undefined);
    if (typeof text !== 'string') continue;
    try {
      const manifest = JSON.parse(text) as {dependencies?: Record<string, unknown>; devDependencies?: Record<string, unknown>};
      if (manifest.dependencies?.next !== undefined || manifest.devDependencies?.next !== undefined) dirs.push(pkg.dir);
    } catch {
      // An invalid manifest is reported by discovery; it just is not a Next.js app here.
    }
  }
  return dirs.sort();
}

function declarations(parsed: ReadonlyMap<string, ReadFile>): Declared {
  const lines = new Map<string, Map<string, number>>();
  const defaults = new Map<string, string>();
  for (const {file, source} of parsed.values()) {
    const own = new Map<string, number>();
    for (const statement of source.statements) {
      const line = source.getLineAndCharacterOfPosition(statement.getStart(source)).line + 1;
      const names = ts.isFunctionDeclaration(statement) || ts.isClassDeclaration(statement) ? [statement.name?.text ?? 'default'] : ts.isVariableStatement(statement) ? statement.declarationList.declarations.flatMap((d) => (ts.isIdentifier(d.name) ? [d.name.text] : [])) : [];
      for (const name of names) if (!own.has(name)) own.set(name, line);
      const isDefault = (ts.isFunctionDeclaration(statement) || ts.isClassDeclaration(statement)) && ts.getModifiers(statement)?.some((m) => m.kind === ts.SyntaxKind.DefaultKeyword);
      if (isDefault) defaults.set(file, statement.name?.text ?? 'default');
      if (ts.isExportAssignment(statement)) defaults.set(file, ts.isIdentifier(statement.expression) ? statement.expression.text : 'default');
    }
    lines.set(file, own);
  }
  return {lines: (file) => lines.get(file), defaultName: (file) => defaults.get(file)};
}

function typeScriptRoutes({files, declared}: Parameters<RouteSource>[0]): RouteModel[] {
  const known = new Set(files.keys());
  const routers = new Map<string, Map<string, string>>();
  for (const file of files.values()) if (file.role === 'source') routers.set(file.file, exportedRouters(file));
  const isRouter = (file: string, name: string) => routers.get(file)?.has(name) ?? false;
  const perFile = new Map<string, FileRoutes>();
  for (const file of files.values()) {
    if (file.role !== 'source') continue;
    const found = findRoutes(file, known, declared, isRouter);
    if (found.routes.length > 0 || found.mounts.length > 0 || found.exportedReceivers.size > 0 || found.globalPrefix) perFile.set(file.file, found);
  }
  return resolvePrefixes(perFile).map((route) => ({...route, auth: isAuth(route.middleware)}));
}

async function nextRoutes({context, files}: Parameters<RouteSource>[0]): Promise<RouteModel[]> {
  const routes: RouteModel[] = [];
  for (const dir of await nextPackages(context)) {
    const roots = nextRoots(dir);
    for (const file of files.values()) {
      if (file.role !== 'source') continue;
      const pagesRoot = roots.pages.find((root) => file.file.startsWith(`${root}/`));
      const appRoot = roots.app.find((root) => file.file.startsWith(`${root}/`));
      if (pagesRoot) routes.push(...pagesRoute(pagesRoot, file.file, file));
      else if (appRoot) routes.push(...appRoute(appRoot, file.file, file));
    }
  }
  return routes;
}

/** FastAPI, Flask and Django routes, read by the code reference's Python half (docs/adr/0046). */
function pythonRouteSource({context}: Parameters<RouteSource>[0]): RouteModel[] {
  return readPythonRoutes(context).map((route) => {
    const middleware = route.dependencies ?? [];
    return {
      method: route.method,
      path: route.path,
      framework: route.framework,
      kind: 'api',
      file: route.file,
      line: route.line,
      handler: route.handler,
      middleware,
      auth: isAuth(middleware),
    };
  });
}

/** Routes by the package whose folder holds their file; the root package takes the rest. */
function servicesOf(context: TargetContext, routes: RouteModel[]): ServiceModel[] {
  const packages = [...context.inventory.packages].sort((a, b) => b.dir.length - a.dir.length);
  const services = new Map<string, ServiceModel>();
  for (const route of routes) {
    const pkg = packages.find((p) => p.dir === '' || route.file.startsWith(`${p.dir}/`));
    const dir = pkg?.dir ?? '';
    if (!services.has(dir)) services.set(dir, {name: pkg?.name ?? (dir ? path.posix.basename(dir) : context.project.name), dir, routes: []});
    services.get(dir)!.routes.push(route);
  }
  return [...services.values()]
    .map((service) => ({...service, routes: service.routes.sort((a, b) => compare(a.path, b.path) || compare(a.method, b.method) || compare(a.file, b.file) || a.line - b.line)}))
    .sort((a, b) => compare(a.dir, b.dir));
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
