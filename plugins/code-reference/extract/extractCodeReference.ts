/**
 * The extract stage, top to bottom: plan the packages and their entry points, read the facts of every
 * file the entry points reach (from the content-hash cache when the file is unchanged), link them.
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import ignore from 'ignore';
import {hashContent} from '../../core/contentCache';
import type {BundledCache} from '../bundledCache';
import type {TargetContext} from '../../core/types';
import type {CodeReferenceModel} from '../model';
import type {CodeReferenceOptions} from '../options';
import {TEST_FILE} from '../options';
import {planPackages} from './entryPoints';
import {FILE_FACTS_VERSION, type FileFacts} from './facts';
import {linkModel} from './link';
import {parseFile} from './parseFile';
import {createModuleResolver} from './resolveModules';

export interface ExtractResult {
  model: CodeReferenceModel;
  /** Every file read, relative to the root: what `npm start` watches. */
  files: string[];
  stats: {files: number; parsed: number; cached: number; readMs: number; linkMs: number};
}

const SOURCE = /\.(ts|tsx|mts|cts|js|jsx|mjs|cjs)$/;

export async function extractCodeReference(context: TargetContext, options: CodeReferenceOptions, cache?: BundledCache<FileFacts>): Promise<ExtractResult> {
  const packages = planPackages(context, options);
  const files = new Set(context.inventory.files);
  const resolver = createModuleResolver(context.root, files, context.report, options.tsconfig);
  const excluded = ignore().add(options.exclude);
  const facts = new Map<string, FileFacts>();
  const stats = {files: 0, parsed: 0, cached: 0, readMs: 0, linkMs: 0};
  const started = performance.now();

  const readFacts = async (file: string): Promise<FileFacts | undefined> => {
    let text: string;
    try {
      text = await fs.readFile(path.join(context.root, file), 'utf8');
    } catch {
      return undefined;
    }
    const key = hashContent(FILE_FACTS_VERSION, file, text);
    const cached = cache?.get(key);
    if (cached) {
      stats.cached++;
      return cached;
    }
    stats.parsed++;
    const parsed = parseFile(file, text);
    cache?.set(key, parsed);
    return parsed;
  };

  // Breadth first from the entry points, a level at a time so reads and cache look-ups overlap.
  const seen = new Set<string>();
  let level = [...new Set(packages.flatMap((pkg) => pkg.entries.map((entry) => entry.file)))];
  level.forEach((file) => seen.add(file));
  while (level.length > 0) {
    const next: string[] = [];
    const read = await Promise.all(level.map(readFacts));
    read.forEach((fileFacts, index) => {
      if (!fileFacts) return;
      const file = level[index]!;
      facts.set(file, fileFacts);
      const specifiers = [...fileFacts.imports.map((entry) => entry.specifier), ...fileFacts.exports.flatMap((entry) => ('specifier' in entry ? [entry.specifier] : []))];
      for (const specifier of new Set(specifiers)) {
        const resolution = resolver.resolve(file, specifier);
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

  const {links, git, ref} = context;
  const commit = git.head ?? ref;
  const sourceUrl = links && git.isRepository ? (file: string, line: number) => links.fileUrl(path.posix.join(git.prefix, file), commit, line) : undefined;
  const model = linkModel({packages, facts, resolver, options, report: context.report, sourceUrl});
  stats.linkMs = Math.round(performance.now() - read);
  return {model, files: [...facts.keys()].sort(), stats};
}
