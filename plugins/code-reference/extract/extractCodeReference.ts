/**
 * The extract stage, top to bottom: plan the packages and their entry points, read the facts of every
 * file the entry points reach (from the content-hash cache when the file is unchanged), link them.
 */
import fs from 'node:fs';
import path from 'node:path';
import ignore from 'ignore';
import type {ts} from 'ts-morph';
import {hashContent} from '../../core/contentCache';
import {createRepoUrls} from '../../core/site/repoUrls';
import type {BundledCache} from '../../core/bundledCache';
import type {TargetContext} from '../../core/types';
import type {CodeReferenceModel} from '../model';
import type {CodeReferenceOptions} from '../options';
import {TEST_FILE} from '../options';
import {planPackages} from './entryPoints';
import {checkDocLinks} from './docLinks';
import {addFolders} from './folders';
import {FILE_FACTS_VERSION, type FileFacts} from './facts';
import {inferTypes, type InferredFile} from './inferTypes';
import {linkModel} from './link';
import {parseFile} from './parseFile';
import {createModuleResolver} from './resolveModules';

export interface ExtractResult {
  model: CodeReferenceModel;
  /** Every file read, relative to the root: what `npm start` watches. */
  files: string[];
  stats: {files: number; parsed: number; cached: number; unread: number; readMs: number; linkMs: number; inferred: number; inferChecked: number; inferWithLibrary: number; inferWithWholeLibrary: number; inferLibraryMs: number; inferMs: number};
}

const SOURCE = /\.(ts|tsx|mts|cts|js|jsx|mjs|cjs)$/;

/**
 * What a file's facts were last read from: its size, modification time and inode, when that was
 * seen, and the key of its facts. Like git's index, it lets an unchanged file be skipped without
 * reading it; a file modified within a second of being read is read again next time (its change
 * could share the modification time: git's "racy" case).
 */
export interface FileStamp {
  size: number;
  mtimeMs: number;
  ino: number;
  seenMs: number;
  key: string;
  /** The hash of its code without block comments and with whitespace collapsed: what inferred types are keyed by (inferTypes.ts). */
  codeKey: string;
}

const RACY_MS = 1000;
/** Block comments (doc comments among them); a `/*` inside a string is rare enough for a cache key. */
const BLOCK_COMMENT = /\/\*[\s\S]*?\*\//g;

export async function extractCodeReference(
  context: TargetContext,
  options: CodeReferenceOptions,
  cache?: BundledCache<FileFacts>,
  stamps?: BundledCache<FileStamp>,
  inferCache?: BundledCache<InferredFile>,
): Promise<ExtractResult> {
  const packages = planPackages(context, options);
  const files = new Set(context.inventory.files);
  const resolver = createModuleResolver(context.root, files, context.report, options.tsconfig);
  const excluded = ignore().add(options.exclude);
  const facts = new Map<string, FileFacts>();
  const stats = {files: 0, parsed: 0, cached: 0, unread: 0, readMs: 0, linkMs: 0, inferred: 0, inferChecked: 0, inferWithLibrary: 0, inferWithWholeLibrary: 0, inferLibraryMs: 0, inferMs: 0};
  // Per file, its code without comments: a doc comment edit does not make the checker run again.
  const codeKeys = new Map<string, string>();
  // Trees parsed in this run, so a Program for inferred types does not parse them again.
  const trees = new Map<string, ts.SourceFile>();
  const dependencies = new Map<string, string[]>();
  const started = performance.now();

  // Synchronous reads: for source files (small, many) they take a third of the time of fs.promises,
  // which goes through the thread pool with four system calls a file.
  const readFacts = (file: string): FileFacts | undefined => {
    const absolute = path.join(context.root, file);
    let stat: fs.Stats;
    try {
      stat = fs.statSync(absolute);
    } catch {
      return undefined;
    }
    const stamp = stamps?.get(file);
    if (stamp && stamp.size === stat.size && stamp.mtimeMs === stat.mtimeMs && stamp.ino === stat.ino && stamp.mtimeMs < stamp.seenMs - RACY_MS) {
      const cached = cache?.get(stamp.key);
      codeKeys.set(file, stamp.codeKey);
      if (cached) {
        stats.cached++;
        stats.unread++;
        return cached;
      }
    }
    const seenMs = Date.now();
    let text: string;
    try {
      text = fs.readFileSync(absolute, 'utf8');
    } catch {
      return undefined;
    }
    const key = hashContent(FILE_FACTS_VERSION, file, text);
    const codeKey = hashContent('code', text.replace(BLOCK_COMMENT, ' ').replace(/\s+/g, ' ').trim());
    codeKeys.set(file, codeKey);
    // A racy stamp keeps the time it was first seen at, so the file is trusted once it is older.
    stamps?.set(file, {size: stat.size, mtimeMs: stat.mtimeMs, ino: stat.ino, seenMs: stamp?.key === key ? stamp.seenMs : seenMs, key, codeKey});
    const cached = cache?.get(key);
    if (cached) {
      stats.cached++;
      return cached;
    }
    stats.parsed++;
    const parsed = parseFile(file, text, (sourceFile) => trees.set(file, sourceFile));
    cache?.set(key, parsed);
    return parsed;
  };

  // Breadth first from the entry points.
  const seen = new Set<string>();
  let level = [...new Set(packages.flatMap((pkg) => pkg.entries.map((entry) => entry.file)))];
  level.forEach((file) => seen.add(file));
  while (level.length > 0) {
    const next: string[] = [];
    const read = level.map(readFacts);
    read.forEach((fileFacts, index) => {
      if (!fileFacts) return;
      const file = level[index]!;
      facts.set(file, fileFacts);
      const specifiers = [...fileFacts.imports.map((entry) => entry.specifier), ...fileFacts.exports.flatMap((entry) => ('specifier' in entry ? [entry.specifier] : []))];
      const deps: string[] = [];
      dependencies.set(file, deps);
      for (const specifier of new Set(specifiers)) {
        const resolution = resolver.resolve(file, specifier);
        if ('file' in resolution) deps.push(resolution.file);
        if (!('file' in resolution) || seen.has(resolution.file)) continue;
        seen.add(resolution.file);
        if (SOURCE.test(resolution.file) && !excluded.ignores(resolution.file) && !TEST_FILE.test(resolution.file)) next.push(resolution.file);
      }
    });
    level = next;
  }
  stats.files = facts.size;
  const read = performance.now();
  stats.readMs = Math.round(read - started);

  // Source lines point at the commit, not the branch, so a line number stays right after later edits.
  const commit = context.git.head ?? context.ref;
  const {fileUrl} = createRepoUrls(context);
  const sourceUrl = fileUrl ? (file: string, line: number) => fileUrl(file, line, commit) : undefined;
  const linked = linkModel({packages, facts, resolver, options, report: context.report, sourceUrl});
  const model = checkDocLinks(linked, {root: context.root, files, report: context.report});
  addFolders(model, context.root, files);
  stats.linkMs = Math.round(performance.now() - read);
  const inferred = inferTypes({root: context.root, model, resolver, facts, codeKeys, dependencies: (file) => dependencies.get(file) ?? [], trees, cache: inferCache});
  trees.clear();
  Object.assign(stats, {inferred: inferred.declarations, inferChecked: inferred.checked, inferWithLibrary: inferred.withLibrary, inferWithWholeLibrary: inferred.withWholeLibrary, inferLibraryMs: inferred.libraryMs, inferMs: inferred.ms});
  return {model, files: [...facts.keys()].sort(), stats};
}
