/**
 * The Markdown copies of the site's pages (each page's `.md`, llms-full.txt), made while the bundler
 * works instead of after it. Parsing MDX is slow (about 4 s for the 250 pages of this repository's
 * site, most of it the code reference), and the copies were made one by one after the build, adding
 * a third to it. Now:
 * - a copy is cached by the hash of its page's bytes (one file, plugins/core/bundledCache.ts): an
 *   unchanged page, most pages of a rebuild, costs a hash;
 * - the pages that miss are converted in a worker thread started before bundling, so the work runs
 *   beside the bundler instead of after it; postBuild only waits for what is not done yet.
 * The copies are the same bytes as pageBody gives in this thread (the worker runs the same module).
 */
import fs from 'node:fs/promises';
import {createRequire} from 'node:module';
import path from 'node:path';
import {Worker} from 'node:worker_threads';
import {loadBundledCache} from '../bundledCache';
import {hashContent} from '../contentCache';
import {pageBody, type MarkdownBody} from './toMarkdown';

export interface MarkdownCopies {
  /** The copy of a page by its source file: from the cache, the worker, or (a file it was not given) made now. */
  get(source: string): Promise<MarkdownBody>;
  /** Keeps the copies this build used for the next one, and stops the worker; says where the copies came from. */
  finish(): Promise<CopyCounts>;
}

export interface CopyCounts {
  cached: number;
  /** Made by the worker, beside the bundler. */
  worker: number;
  /** Made in this thread: pages the worker failed on or was not given. */
  here: number;
  /** The first reason a page was made here rather than by the worker (the copy is the same; only slower). */
  workerError?: string;
}

type Format = 'md' | 'mdx';

/** The code that makes the copies: a change to it makes every cached copy a miss. */
const CODE_FILES = [path.join(__dirname, 'toMarkdown.ts'), path.join(__dirname, '..', 'mdx', 'writeMdx.ts'), path.join(__dirname, '..', 'markdown', 'sanitizeMarkdown.ts')];

/**
 * The worker: loads toMarkdown.ts with jiti (the loader the site's config runs under), converts the
 * pages it is given, one message per page, and ends. Plain CommonJS text, so that it needs no build.
 */
const WORKER_SOURCE = `
const {parentPort, workerData} = require('node:worker_threads');
const {createJiti} = require(workerData.jiti);
createJiti(workerData.module).import(workerData.module).then((module) => {
  for (const job of workerData.jobs) {
    let result;
    try { result = module.pageBody(job.text, job.format); } catch (error) { result = {error: String(error && error.message || error)}; }
    parentPort.postMessage({source: job.source, ...result});
  }
}, (error) => parentPort.postMessage({failed: String(error && error.stack || error)}));
`;

/** Starts the copies of every page under `dirs` (the sections' folders). */
export async function startMarkdownCopies(siteDir: string, dirs: string[]): Promise<MarkdownCopies> {
  const code = hashContent(...(await Promise.all(CODE_FILES.map((file) => fs.readFile(file, 'utf8').catch(() => file))))).slice(0, 16);
  const cache = await loadBundledCache<MarkdownBody>(siteDir, 'markdown-copies', code);
  const files = (await Promise.all(dirs.map(pagesUnder))).flat();
  const ready = new Map<string, Promise<MarkdownBody>>();
  const jobs: {source: string; text: string; format: Format; key: string}[] = [];
  for (const source of files) {
    const format: Format = source.endsWith('.mdx') ? 'mdx' : 'md';
    const text = await fs.readFile(source, 'utf8');
    const key = hashContent(format, text);
    const hit = cache.get(key);
    if (hit) ready.set(source, Promise.resolve(hit));
    else jobs.push({source, text, format, key});
  }
  const counts: CopyCounts = {cached: ready.size, worker: 0, here: 0};
  const here = (text: string, format: Format) => {
    counts.here++;
    return pageBody(text, format);
  };
  const worker = jobs.length > 0 ? convertInWorker(jobs) : undefined;
  for (const job of jobs) {
    const fromWorker = worker?.get(job.source) ?? Promise.reject(new Error('no worker'));
    const made = fromWorker.then(
      (body) => {
        counts.worker++;
        return body;
      },
      (error: Error) => {
        counts.workerError ??= error.message.split('\n')[0];
        return here(job.text, job.format);
      },
    );
    ready.set(
      job.source,
      made.then((body) => {
        cache.set(job.key, body);
        return body;
      }),
    );
  }
  return {
    async get(source) {
      const known = ready.get(source);
      if (known) return known;
      const text = await fs.readFile(source, 'utf8');
      return here(text, source.endsWith('.mdx') ? 'mdx' : 'md');
    },
    async finish() {
      await Promise.all(ready.values());
      await worker?.stop();
      await cache.save();
      return counts;
    },
  };
}

/** One worker for all the misses; a page it fails on, or a worker that does not start, is made in this thread. */
function convertInWorker(jobs: {source: string; text: string; format: Format}[]): {get(source: string): Promise<MarkdownBody> | undefined; stop(): Promise<void>} {
  const pending = new Map<string, {resolve: (body: MarkdownBody) => void; reject: (error: Error) => void}>();
  const promises = new Map<string, Promise<MarkdownBody>>();
  for (const job of jobs) {
    const promise = new Promise<MarkdownBody>((resolve, reject) => pending.set(job.source, {resolve, reject}));
    // Awaited by get(); a build that stops before postBuild must not report them as unhandled.
    promise.catch(() => undefined);
    promises.set(job.source, promise);
  }
  const failAll = (error: Error) => {
    for (const {reject} of pending.values()) reject(error);
    pending.clear();
  };
  let worker: Worker | undefined;
  try {
    worker = new Worker(WORKER_SOURCE, {
      eval: true,
      workerData: {jiti: createRequire(__filename).resolve('jiti'), module: path.join(__dirname, 'toMarkdown.ts'), jobs: jobs.map(({source, text, format}) => ({source, text, format}))},
    });
  } catch (error) {
    failAll(error as Error);
  }
  worker?.on('message', (message: {source?: string; failed?: string; error?: string; markdown?: string; titled?: boolean}) => {
    if (message.failed) return failAll(new Error(message.failed));
    const waiting = message.source === undefined ? undefined : pending.get(message.source);
    if (!waiting) return;
    pending.delete(message.source!);
    if (message.error !== undefined || message.markdown === undefined) waiting.reject(new Error(message.error ?? 'no copy'));
    else waiting.resolve({markdown: message.markdown, titled: Boolean(message.titled)});
  });
  worker?.on('error', failAll);
  worker?.on('exit', () => failAll(new Error('the worker stopped')));
  // Not unref'd: postBuild may wait for it when nothing else keeps the process alive. It ends by
  // itself once its pages are done, so a failed build's process is held no longer than that.
  return {
    get: (source) => promises.get(source),
    async stop() {
      await worker?.terminate();
    },
  };
}

/** The pages of a section's folder (Markdown and MDX files), sorted. */
async function pagesUnder(dir: string): Promise<string[]> {
  const found: string[] = [];
  const visit = async (folder: string) => {
    const entries = await fs.readdir(folder, {withFileTypes: true}).catch(() => []);
    for (const entry of entries) {
      const file = path.join(folder, entry.name);
      if (entry.isDirectory()) await visit(file);
      else if (entry.isFile() && /\.mdx?$/.test(entry.name)) found.push(file);
    }
  };
  await visit(dir);
  return found.sort();
}
