/**
 * What a generator really reads, for the test that holds each generator's declared inputs to it
 * (plugins/core/site/sectionInputs.test.ts, docs/adr/0058): every file system call on a path inside
 * the target, and every field of the context, of its config and of its inventory that extract and
 * render touch. A declaration that misses one of them would let a warm `check` reuse a stale section.
 */
import fs from 'node:fs';
import {syncBuiltinESMExports} from 'node:module';
import path from 'node:path';
import type {SectionGenerator, TargetContext} from '../plugins/core/types';

export interface Reads {
  /** Target-relative paths the generator read, listed or probed ('' is the root), with the call. */
  files: Map<string, Set<string>>;
  /** Context fields read (`config`, `inventory`, `history`, `git`, `root`...). */
  context: Set<string>;
  config: Set<string>;
  inventory: Set<string>;
}

const SYNC = ['readFileSync', 'readdirSync', 'statSync', 'lstatSync', 'existsSync', 'realpathSync', 'openSync', 'accessSync', 'opendirSync', 'createReadStream', 'readFile', 'readdir', 'stat', 'lstat', 'access', 'open', 'realpath', 'opendir'] as const;
const PROMISES = ['readFile', 'readdir', 'stat', 'lstat', 'access', 'open', 'realpath', 'opendir'] as const;

/** Records into `current` while it is set; the fs functions are patched for the whole trace. */
let current: {root: string; reads: Reads} | undefined;

function note(call: string, file: unknown): void {
  if (!current || (typeof file !== 'string' && !(file instanceof URL) && !Buffer.isBuffer(file))) return;
  // A cache's version reads the tool's own source (core/codeVersion.ts): code, which every key
  // holds, not the target, even when the target is this repository.
  if (/\bcodeVersion\b/.test(new Error().stack ?? '')) return;
  const absolute = path.resolve(file instanceof URL ? file.pathname : String(file));
  const relative = path.relative(current.root, absolute);
  if (relative.startsWith('..') || path.isAbsolute(relative)) return;
  const key = relative.split(path.sep).join('/');
  const calls = current.reads.files.get(key) ?? new Set<string>();
  calls.add(call);
  current.reads.files.set(key, calls);
}

/** Wraps every fs read while `work` runs; restores them after. */
export async function withFsTrace<T>(work: () => Promise<T>): Promise<T> {
  const saved: [Record<string, unknown>, string, unknown][] = [];
  const patch = (owner: Record<string, unknown>, name: string, label: string) => {
    const original = owner[name];
    if (typeof original !== 'function') return;
    saved.push([owner, name, original]);
    owner[name] = function (this: unknown, file: unknown, ...rest: unknown[]) {
      note(label, file);
      return (original as (...args: unknown[]) => unknown).call(this, file, ...rest);
    };
  };
  for (const name of SYNC) patch(fs as unknown as Record<string, unknown>, name, name);
  for (const name of PROMISES) patch(fs.promises as unknown as Record<string, unknown>, name, `promises.${name}`);
  syncBuiltinESMExports();
  try {
    return await work();
  } finally {
    for (const [owner, name, original] of saved.reverse()) owner[name] = original;
    syncBuiltinESMExports();
  }
}

function recording<T extends object>(value: T, into: () => Set<string> | undefined): T {
  return new Proxy(value, {
    get(target, key, receiver) {
      if (typeof key === 'string') into()?.add(key);
      return Reflect.get(target, key, receiver);
    },
    ownKeys(target) {
      into()?.add('*');
      return Reflect.ownKeys(target);
    },
  });
}

/**
 * The context every traced generator gets: reads of its fields, its config's and its inventory's
 * are recorded for the generator running at the time.
 */
export function tracedContext(context: TargetContext): TargetContext {
  const config = recording(context.config, () => current?.reads.config);
  const inventory = recording(context.inventory, () => current?.reads.inventory);
  return new Proxy(context, {
    get(target, key, receiver) {
      if (typeof key === 'string') current?.reads.context.add(key);
      if (key === 'config') return config;
      if (key === 'inventory') return inventory;
      return Reflect.get(target, key, receiver);
    },
  });
}

/** The generator, with what its extract and render read recorded in `reads`. */
export function tracedGenerator(generator: SectionGenerator, root: string, reads: Reads): SectionGenerator {
  const traced = async <T>(work: () => Promise<T>): Promise<T> => {
    const before = current;
    current = {root, reads};
    try {
      return await work();
    } finally {
      current = before;
    }
  };
  return {
    ...generator,
    extract: (context) => traced(() => generator.extract(context)),
    render: (section, site) => traced(() => generator.render(section, site)),
  };
}

export function emptyReads(): Reads {
  return {files: new Map(), context: new Set(), config: new Set(), inventory: new Set()};
}
