/**
 * The Python half of the code reference, top to bottom: find the packages, read each module's facts
 * (a stub's signatures over the `.py` file's, the `.py` file's docstrings where the stub has none),
 * then map them to model parts the code reference renders beside its TypeScript packages.
 */
import fs from 'node:fs';
import path from 'node:path';
import {hashContent} from '../core/contentCache';
import type {TargetContext} from '../core/types';
import type {BundledCache} from '../core/bundledCache';
import {createRepoUrls} from '../core/site/repoUrls';
import {discoverPython, type PythonPackagePlan} from './discover';
import type {PyDef, PyModuleFacts} from './parse/facts';
import {parseModule} from './parse/parseModule';
import {PythonProject, type PyModule} from './publicApi';
import {toModel, type PythonModelParts} from './toModel';

/** Larger files are generated (protobuf, vendored tables): left out with a note, not read. */
export const MAX_FILE_BYTES = 1_000_000;

/**
 * Facts parsed in this process, by content hash: the code reference and the application section
 * read the same files in one build. Cleared when full, so a long `npm start` does not grow it forever.
 */
const parsedInProcess = new Map<string, PyModuleFacts>();
const PARSED_IN_PROCESS_MAX = 20_000;

export interface PythonExtract extends PythonModelParts {
  /** Files read, relative to the root. */
  files: string[];
  project: PythonProject;
  /** Files parsed, and files whose facts came from the cache. */
  stats: {parsed: number; cached: number};
}

/** The target's Python packages read into a project (modules with their facts), or undefined when it has none. */
export function readPythonProject(context: TargetContext, options: {exclude: string[]; cache?: BundledCache<PyModuleFacts>; reuseParsed?: boolean}): {plans: PythonPackagePlan[]; project: PythonProject; files: string[]; stats: {parsed: number; cached: number}} | undefined {
  const readText = (file: string): string | undefined => {
    try {
      return fs.readFileSync(path.join(context.root, file), 'utf8');
    } catch {
      return undefined;
    }
  };
  const plans = discoverPython(context.inventory.files, readText, {exclude: options.exclude, report: context.report});
  if (plans.length === 0) return undefined;
  const files: string[] = [];
  const stats = {parsed: 0, cached: 0};
  const read = (file: string): PyModuleFacts | undefined => {
    const absolute = path.join(context.root, file);
    const size = fs.statSync(absolute, {throwIfNoEntry: false})?.size ?? 0;
    if (size > MAX_FILE_BYTES) {
      context.report.warn(`${file} is ${Math.round(size / 1000)} kB, larger than ${MAX_FILE_BYTES / 1000} kB: left out of the code reference as generated code`, {file, fix: 'Nothing to do if it is generated; split it into modules if it is written by hand.'});
      return undefined;
    }
    const text = readText(file);
    if (text === undefined) return undefined;
    files.push(file);
    // Facts depend on the text alone: an unchanged file is never parsed again (as for TypeScript, ADR 0017),
    // nor twice in one build when a second reader asks (the application's routes after the code reference).
    const key = hashContent(text);
    let facts = options.cache?.get(key) ?? (options.reuseParsed ? parsedInProcess.get(key) : undefined);
    if (facts) stats.cached++;
    else {
      facts = parseModule(text);
      stats.parsed++;
      if (parsedInProcess.size >= PARSED_IN_PROCESS_MAX) parsedInProcess.clear();
      parsedInProcess.set(key, facts);
    }
    options.cache?.set(key, facts);
    const first = facts.syntaxErrors[0];
    if (first) {
      context.report.warn(`syntax error in ${file}: ${first.message}${facts.syntaxErrors.length > 1 ? ' (and more)' : ''}`, {file, line: first.line, fix: 'Fix the syntax (Python 3); everything else in the file and the package is still documented.'});
    }
    return facts;
  };
  const modules: PyModule[] = [];
  for (const plan of plans) {
    for (const module of plan.modules) {
      const source = module.file ? read(module.file) : undefined;
      const stub = module.stub ? read(module.stub) : undefined;
      const facts = stub && source ? withDocsFrom(stub, source) : (stub ?? source);
      if (facts) modules.push({name: module.name, file: (stub ? module.stub : module.file)!, isPackage: module.isPackage, facts});
    }
  }
  return {plans, project: new PythonProject(modules), files: files.sort(), stats};
}

export function extractPython(context: TargetContext, options: {exclude: string[]; usedSlugs: Set<string>; cache?: BundledCache<PyModuleFacts>}): PythonExtract | undefined {
  const read = readPythonProject(context, options);
  if (!read) return undefined;
  const {plans, project, files, stats} = read;
  const commit = context.git.head ?? context.ref;
  const {fileUrl} = createRepoUrls(context);
  const sourceUrl = fileUrl ? (file: string, line: number) => fileUrl(file, line, commit) : undefined;
  const parts = toModel({plans, project, usedSlugs: options.usedSlugs, ...(sourceUrl ? {sourceUrl} : {}), report: context.report});
  return {...parts, files, project, stats};
}

/**
 * A stub wins for signatures; docstrings, which stubs rarely carry, come from the `.py` file, and so
 * do `__all__` and the names the stub leaves out, since what a module exports is decided at run time.
 */
function withDocsFrom(stub: PyModuleFacts, source: PyModuleFacts): PyModuleFacts {
  const fill = (defs: PyDef[], from: PyDef[] | undefined): PyDef[] =>
    defs.map((def) => {
      const match = from?.find((other) => other.name === def.name && other.kind === def.kind);
      if (!match) return def;
      return {...def, ...(def.doc === undefined && match.doc !== undefined ? {doc: match.doc} : {}), ...(def.members ? {members: fill(def.members, match.members)} : {})};
    });
  const bound = new Set([...stub.defs.map((def) => def.name), ...stub.imports.map((one) => one.local)]);
  const all = source.all ?? stub.all;
  return {
    ...stub,
    ...(stub.doc === undefined && source.doc !== undefined ? {doc: source.doc} : {}),
    ...(all ? {all} : {}),
    defs: [...fill(stub.defs, source.defs), ...source.defs.filter((def) => !bound.has(def.name))],
    imports: [...stub.imports, ...source.imports.filter((one) => !bound.has(one.local))],
    starImports: [...new Set([...stub.starImports, ...source.starImports])],
  };
}
