/**
 * Every Mermaid diagram of the site, generated or authored, parsed at build time with Mermaid's own
 * parser (docs/adr/0036), so a diagram that would show "Syntax error" to a reader is a warning with
 * the file and line instead. Mermaid runs in Node without a browser: parsing needs no DOM, only the
 * DOMPurify instance Mermaid imports, which has no methods where there is no `window` (parseWorker.mjs).
 */
import {createRequire} from 'node:module';
import path from 'node:path';
import {Worker} from 'node:worker_threads';
import type {Root} from 'mdast';
import {createContentCache} from '../contentCache';
import type {Report} from '../report';

export interface MermaidBlock {
  /** 1-based line of the opening fence in its file. */
  line: number;
  text: string;
}

export interface DiagramProblem extends MermaidBlock {
  message: string;
}

type Parser = {parse(texts: string[]): Promise<(string | undefined)[]>};
let worker: Parser | undefined;

/**
 * Mermaid in its own thread (see parseWorker.mjs), started on the first diagram (loading Mermaid
 * takes ~0.8 s). The thread keeps the process alive only while a parse is pending.
 */
function parser(): Parser {
  if (worker) return worker;
  const thread = new Worker(path.join(__dirname, 'parseWorker.mjs'));
  thread.unref();
  const pending = new Map<number, {count: number; resolve: (errors: (string | undefined)[]) => void}>();
  let next = 0;
  thread.on('message', ({id, errors}: {id: number; errors: (string | null)[]}) => {
    pending.get(id)?.resolve(errors.map((error) => error ?? undefined));
    pending.delete(id);
    if (pending.size === 0) thread.unref();
  });
  thread.on('error', (error) => {
    for (const {count, resolve} of pending.values()) resolve(Array.from({length: count}, () => `Mermaid could not be loaded: ${error.message}`));
    pending.clear();
    worker = undefined;
  });
  worker = {
    parse(texts) {
      return new Promise((resolve) => {
        const id = next++;
        pending.set(id, {count: texts.length, resolve});
        thread.ref();
        thread.postMessage({id, texts});
      });
    },
  };
  return worker;
}

/** Jison's messages quote the line with a caret under it: keep them, but on one line. */
function oneLine(message: string | undefined): string | undefined {
  return message === undefined ? undefined : message.replace(/\s*\n\s*/g, ' | ').slice(0, 500);
}

/** The parser's message for a diagram that does not parse, or undefined when it parses. */
export async function parseDiagram(text: string): Promise<string | undefined> {
  return (await parseDiagrams([text]))[0];
}

/** Mermaid's version: a cached result holds only for the parser that gave it. */
const MERMAID_VERSION = (createRequire(__filename)('mermaid/package.json') as {version: string}).version;
type Outcome = {error?: string};

/**
 * Each diagram's message, or undefined when it parses; in one batch to the worker. With `cacheDir`
 * (the site), results are kept by the diagram's text hash in the content cache, so a rebuild parses
 * only diagrams whose text changed; the same text twice in a batch is parsed once.
 */
export async function parseDiagrams(texts: string[], cacheDir?: string): Promise<(string | undefined)[]> {
  const cache = cacheDir ? createContentCache<Outcome>(cacheDir, 'mermaid', MERMAID_VERSION) : undefined;
  const known = new Map<string, string | undefined>();
  if (cache) {
    for (const text of new Set(texts)) {
      const outcome = await cache.get(text);
      if (outcome) known.set(text, outcome.error);
    }
  }
  const unknown = [...new Set(texts)].filter((text) => !known.has(text));
  if (unknown.length > 0) {
    const errors = await parser().parse(unknown);
    for (const [i, text] of unknown.entries()) {
      known.set(text, oneLine(errors[i]));
      await cache?.set(text, errors[i] === undefined ? {} : {error: oneLine(errors[i])});
    }
  }
  return texts.map((text) => known.get(text));
}

const FENCE = /^ {0,3}(`{3,}|~{3,})\s*mermaid(?:\s.*)?$/;

/**
 * The ```mermaid blocks of Markdown or MDX text, with the line of each opening fence. A plain scan
 * of fences (no Markdown parse): generated MDX comes from one writer, whose fences are regular.
 */
export function findMermaidBlocks(source: string): MermaidBlock[] {
  const lines = source.split(/\r?\n/);
  const blocks: MermaidBlock[] = [];
  for (let i = 0; i < lines.length; i++) {
    const open = FENCE.exec(lines[i]!);
    if (!open) continue;
    const fence = open[1]!;
    const body: string[] = [];
    let j = i + 1;
    for (; j < lines.length; j++) {
      const line = lines[j]!;
      if (line.trimStart().startsWith(fence) && line.trim().replace(new RegExp(`^\\${fence[0]}+`), '') === '') break;
      body.push(line);
    }
    blocks.push({line: i + 1, text: body.join('\n')});
    i = j;
  }
  return blocks;
}

/** The mermaid code blocks of a parsed Markdown tree (an authored page), with their lines. */
export function mermaidBlocksOfTree(tree: Root): MermaidBlock[] {
  const blocks: MermaidBlock[] = [];
  const visit = (node: {type: string; lang?: string | null; value?: string; position?: {start: {line: number}}; children?: unknown[]}) => {
    if (node.type === 'code' && node.lang === 'mermaid' && typeof node.value === 'string') {
      blocks.push({line: node.position?.start.line ?? 1, text: node.value});
    }
    for (const child of node.children ?? []) visit(child as typeof node);
  };
  visit(tree as unknown as Parameters<typeof visit>[0]);
  return blocks;
}

/** The blocks that do not parse, each with Mermaid's message. */
export async function checkDiagrams<Block extends MermaidBlock>(blocks: Block[], cacheDir?: string): Promise<(Block & DiagramProblem)[]> {
  const messages = await parseDiagrams(blocks.map((block) => block.text), cacheDir);
  return blocks.flatMap((block, i) => (messages[i] === undefined ? [] : [{...block, message: messages[i]!}]));
}

/**
 * Checks an authored page's diagrams; each broken one is a warning at its file and line. With
 * `cacheDir`, as for generated diagrams, a diagram whose text was parsed before is not parsed again:
 * a rebuild with unchanged diagrams never starts Mermaid's thread (~0.8 s of a warm `check`).
 */
export async function reportAuthoredDiagrams(blocks: MermaidBlock[], file: string, report: Report, cacheDir?: string): Promise<void> {
  for (const problem of await checkDiagrams(blocks, cacheDir)) {
    report.warn(`this Mermaid diagram does not parse, so readers would see "Syntax error": ${problem.message}`, {
      file,
      line: problem.line,
      fix: 'Correct the diagram (try it at https://mermaid.live); Mermaid 11 syntax is expected',
    });
  }
}

/**
 * Checks the diagrams of generated files (relative path to MDX). A failure is docs-architect's bug,
 * not the user's: it is reported so that the build says so, and the tests fail on it.
 */
export async function reportGeneratedDiagrams(files: ReadonlyMap<string, string | Uint8Array>, dir: string, report: Report, cacheDir?: string): Promise<number> {
  const blocks: (MermaidBlock & {file: string})[] = [];
  for (const [relative, content] of [...files].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    if (typeof content !== 'string' || !/\.mdx?$/.test(relative)) continue;
    for (const block of findMermaidBlocks(content)) blocks.push({...block, file: relative});
  }
  // The whole section in one batch: one round trip to Mermaid's thread, cached diagrams skipped.
  for (const problem of await checkDiagrams(blocks, cacheDir)) {
    report.warn(`a generated Mermaid diagram does not parse (a bug in docs-architect): ${problem.message}`, {
      file: `${dir}/${problem.file}`,
      line: problem.line,
      fix: 'Please report it with this message; the rest of the page is correct',
    });
  }
  return blocks.length;
}
