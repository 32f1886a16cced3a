/**
 * Module specifiers to files, the way TypeScript resolves them (`paths`, `baseUrl`, `.js` naming a
 * `.ts`, package `exports`), with the compiler options of the nearest tsconfig. Resolution never
 * leaves the target: a module outside it (node_modules, a sibling folder) is external.
 */
import fs from 'node:fs';
import path from 'node:path';
import {ts} from 'ts-morph';
import type {Report} from '../../core/report';
import {isInside} from '../../core/resolveTarget';

export type Resolution = {file: string} | {external: true} | {unresolved: true};

export interface ModuleResolver {
  resolve(fromFile: string, specifier: string): Resolution;
  /** The files every resolution so far depended on being absent or present (for cache keys): tsconfigs read. */
  readonly tsconfigs: string[];
  /** The compiler options a file is compiled with (its nearest tsconfig's, or the configured one); the same object for the same tsconfig. */
  compilerOptions(file: string): ts.CompilerOptions;
}

const DEFAULT_OPTIONS: ts.CompilerOptions = {
  allowJs: true,
  jsx: ts.JsxEmit.Preserve,
  module: ts.ModuleKind.ESNext,
  moduleResolution: ts.ModuleResolutionKind.Bundler,
  resolveJsonModule: false,
  allowImportingTsExtensions: true,
};

/**
 * @param root absolute real path of the target
 * @param files the target's files (relative POSIX), so existence checks inside it cost no system call
 * @param configured a tsconfig named in the config, used for every file instead of the nearest one
 */
export function createModuleResolver(root: string, files: Set<string>, report: Report, configured?: string): ModuleResolver {
  const relative = (absolute: string) => path.relative(root, absolute).split(path.sep).join('/');
  const directories = new Set<string>();
  for (const file of files) {
    for (let dir = path.posix.dirname(file); dir !== '.' && !directories.has(dir); dir = path.posix.dirname(dir)) directories.add(dir);
  }
  // Nothing outside the target is looked at: TypeScript would otherwise walk up the target's parent
  // folders looking for node_modules. An import that resolves only outside is external.
  const host: ts.ModuleResolutionHost = {
    fileExists: (file) => isInside(root, file) && files.has(relative(file)),
    directoryExists: (dir) => isInside(root, dir) && (dir === root || directories.has(relative(dir))),
    readFile: (file) => {
      if (!isInside(root, file) || !files.has(relative(file))) return undefined;
      try {
        return fs.readFileSync(file, 'utf8');
      } catch {
        return undefined;
      }
    },
    realpath: (file) => file,
    getCurrentDirectory: () => root,
  };
  const tsconfigs = new Map<string, ts.CompilerOptions>();
  const nearest = new Map<string, string | undefined>();
  const caches = new Map<ts.CompilerOptions, ts.ModuleResolutionCache>();
  const resolved = new Map<string, Resolution>();

  const loadTsconfig = (file: string): ts.CompilerOptions => {
    const cached = tsconfigs.get(file);
    if (cached) return cached;
    const parsed = ts.getParsedCommandLineOfConfigFile(path.join(root, file), {}, {
      ...ts.sys,
      useCaseSensitiveFileNames: true,
      getCurrentDirectory: () => root,
      // A tsconfig that does not parse, or `extends` one that is missing: warn, and use what was read.
      onUnRecoverableConfigFileDiagnostic: (diagnostic) => warnDiagnostic(diagnostic, file),
      readDirectory: () => [],
    });
    for (const diagnostic of parsed?.errors ?? []) {
      // "No inputs were found" is about files, which we do not ask tsconfig for.
      if (diagnostic.code !== 18003) warnDiagnostic(diagnostic, file);
    }
    const options = normalize(parsed?.options ?? {});
    tsconfigs.set(file, options);
    return options;
  };
  const warnDiagnostic = (diagnostic: ts.Diagnostic, tsconfig: string) => {
    let line = diagnostic.file && diagnostic.start !== undefined ? diagnostic.file.getLineAndCharacterOfPosition(diagnostic.start).line + 1 : undefined;
    // A missing `extends` target comes without a position: point at the `extends` line.
    if (!diagnostic.file) line = lineOf(path.join(root, tsconfig), /"extends"/);
    report.warn(`tsconfig: ${ts.flattenDiagnosticMessageText(diagnostic.messageText, ' ').replace(root + path.sep, '')}`, {
      file: diagnostic.file ? relative(diagnostic.file.fileName) : tsconfig,
      line,
      fix: 'Fix the tsconfig; the code reference uses default compiler options where it cannot read them',
    });
  };

  let configuredOptions: ts.CompilerOptions | undefined;
  if (configured) {
    if (files.has(configured)) configuredOptions = loadTsconfig(configured);
    else {
      report.warn(`codeReference.tsconfig "${configured}" does not exist`, {
        key: 'codeReference.tsconfig',
        fix: 'Name a tsconfig file relative to the repository root, or remove the key to use the nearest tsconfig.json',
      });
    }
  }

  const optionsFor = (file: string): ts.CompilerOptions => {
    if (configuredOptions) return configuredOptions;
    const dir = path.posix.dirname(file);
    if (!nearest.has(dir)) {
      let found: string | undefined;
      for (let current = dir; ; current = path.posix.dirname(current)) {
        const candidate = current === '.' ? 'tsconfig.json' : `${current}/tsconfig.json`;
        if (files.has(candidate)) {
          found = candidate;
          break;
        }
        if (current === '.' || current === '') break;
      }
      nearest.set(dir, found);
    }
    const tsconfig = nearest.get(dir);
    return tsconfig ? loadTsconfig(tsconfig) : DEFAULT_OPTIONS;
  };

  return {
    get tsconfigs() {
      return [...tsconfigs.keys()].sort();
    },
    compilerOptions: optionsFor,
    resolve(fromFile, specifier) {
      const options = optionsFor(fromFile);
      const key = `${path.posix.dirname(fromFile)}\0${specifier}\0${tsconfigKey(options)}`;
      const known = resolved.get(key);
      if (known) return known;
      let cache = caches.get(options);
      if (!cache) caches.set(options, (cache = ts.createModuleResolutionCache(root, (name) => name, options)));
      const result = ts.resolveModuleName(specifier, path.join(root, fromFile), options, host, cache).resolvedModule;
      let resolution: Resolution;
      if (!result) resolution = isBare(specifier) && !hasPathAlias(options, specifier) ? {external: true} : {unresolved: true};
      // Not `isExternalLibraryImport`: TypeScript sets it for any path under node_modules, which is
      // where a target may well live (a package documented from its npm copy).
      else if (!isInside(root, result.resolvedFileName) || relative(result.resolvedFileName).split('/').includes('node_modules')) resolution = {external: true};
      else resolution = {file: relative(result.resolvedFileName)};
      resolved.set(key, resolution);
      return resolution;
    },
  };
}

function lineOf(file: string, pattern: RegExp): number | undefined {
  try {
    const index = fs.readFileSync(file, 'utf8').split('\n').findIndex((line) => pattern.test(line));
    return index === -1 ? undefined : index + 1;
  } catch {
    return undefined;
  }
}

/** A tsconfig's options with resolution that finds sources: Bundler unless Node16/NodeNext is asked for. */
function normalize(options: ts.CompilerOptions): ts.CompilerOptions {
  const kind = options.moduleResolution;
  const keepsKind = kind === ts.ModuleResolutionKind.Node16 || kind === ts.ModuleResolutionKind.NodeNext || kind === ts.ModuleResolutionKind.Bundler;
  return {
    ...DEFAULT_OPTIONS,
    ...options,
    ...(keepsKind ? {} : {moduleResolution: ts.ModuleResolutionKind.Bundler, module: ts.ModuleKind.ESNext}),
    allowJs: true,
  };
}

const tsconfigKeys = new WeakMap<ts.CompilerOptions, string>();

/** What of a tsconfig changes a resolution; once per options object (resolve runs for every import). */
function tsconfigKey(options: ts.CompilerOptions): string {
  let key = tsconfigKeys.get(options);
  if (key === undefined) {
    key = JSON.stringify([options.paths, options.baseUrl, options.moduleResolution, options.rootDirs, options.customConditions]);
    tsconfigKeys.set(options, key);
  }
  return key;
}

function isBare(specifier: string): boolean {
  return !specifier.startsWith('.') && !specifier.startsWith('/');
}

function hasPathAlias(options: ts.CompilerOptions, specifier: string): boolean {
  return Object.keys(options.paths ?? {}).some((pattern) => {
    const [prefix, suffix = ''] = pattern.split('*');
    return pattern.includes('*') ? specifier.startsWith(prefix!) && specifier.endsWith(suffix) : specifier === pattern;
  });
}
