/**
 * The key of a section in `check`'s run store (docs/adr/0058): what its generator declared it reads
 * (SectionInputs), hashed. Contents, never modification times: a checkout, a `touch` or a rebase
 * that leaves a file's bytes alone keeps its sections, and an edit always shows.
 *
 * A key is made of the code that computes the section (toolVersion), the context every generator
 * may read (root, project, repository links, ref, strictness), the declared config keys and
 * inventory fields, the text of every inventory file the declared patterns match, and when declared
 * the history (its whole log, HEAD and tags) and npm's record of the target's node_modules.
 */
import {execFileSync} from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import {codeVersion} from '../codeVersion';
import {hashContent} from '../contentCache';
import {gitEnv} from '../gitLog';
import type {SectionGenerator, TargetContext} from '../types';

const PACKAGE_DIR = path.resolve(__dirname, '..', '..', '..');

let tool: string | undefined;

/**
 * The version of the code that makes every section. Run compiled (docs/adr/0054), that is the
 * chunks: their names, which rolldown makes from their content (`[name]-[hash].cjs`,
 * bin/buildCli.mjs), and the entry's text; run from the TypeScript (jiti, tests), every source
 * file of the plugins, the site config and the generators' list (siteParts.ts). Either way with npm's record of the installed
 * packages (codeVersion).
 */
export function toolVersion(): string {
  if (tool) return tool;
  if (__filename.endsWith('.cjs')) {
    const chunks = fs.readdirSync(__dirname).filter((file) => file.endsWith('.cjs')).sort();
    const entries = chunks.filter((file) => !/-[\w-]{8,}\.cjs$/.test(file)).map((file) => path.join(__dirname, file));
    tool = codeVersion(entries, [], ...chunks);
    return tool;
  }
  const dir = path.join(PACKAGE_DIR, 'plugins');
  const files = fs
    .readdirSync(dir, {recursive: true})
    .map(String)
    .filter((file) => /\.tsx?$/.test(file) && !/\.test\.tsx?$/.test(file))
    .map((file) => path.join(dir, file));
  tool = codeVersion([...files.sort(), path.join(PACKAGE_DIR, 'docusaurus.config.ts'), path.join(PACKAGE_DIR, 'siteParts.ts')], []);
  return tool;
}

/** Hashes of the target's files, each read once per run whichever sections declare it. */
export function createFileHashes(root: string): (file: string) => string {
  const known = new Map<string, string>();
  return (file) => {
    let hash = known.get(file);
    if (hash === undefined) {
      try {
        hash = hashContent(fs.readFileSync(path.join(root, file))).slice(0, 24);
      } catch {
        hash = 'unreadable';
      }
      known.set(file, hash);
    }
    return hash;
  };
}

/** The history as generators see it: every commit with its files, HEAD, the branch and the tags. */
function historyIdentity(context: TargetContext): string {
  const {history, git} = context;
  let tags = '';
  if (history.state === 'ok') {
    try {
      tags = execFileSync('git', ['for-each-ref', '--format=%(refname) %(objectname) %(*objectname)', 'refs/tags'], {cwd: context.root, env: gitEnv(), encoding: 'utf8', maxBuffer: 1 << 24});
    } catch {
      tags = 'unreadable';
    }
  }
  // JSON, not V8's bytes: the log read from git and the same log read back from its cache file
  // (core/history.ts) are equal as JSON only.
  return hashContent(JSON.stringify({state: history.state, reason: history.reason, shallow: history.shallow, log: history.log, git}), tags);
}

function installRecord(root: string): string {
  try {
    return hashContent(fs.readFileSync(path.join(root, 'node_modules', '.package-lock.json')));
  } catch {
    return 'none';
  }
}

/**
 * The test of SectionInputs.files: a pattern without a slash matches a file's name at any depth
 * (`*.ts`, `CODEOWNERS`), one with a slash the path from the root (`/CHANGELOG*`, `/docs/adr/`, a
 * trailing slash for everything under a folder); `*` is any run of characters but a slash. Any
 * case: matching too much only costs a recomputation. One regular expression for all patterns,
 * since every inventory file is tested (`ignore` took ~100 ms for this repository's 700 files).
 */
export function inputMatcher(patterns: string[]): (file: string) => boolean {
  if (patterns.length === 0) return () => false;
  const glob = (text: string) => text.split('*').map((part) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&')).join('[^/]*');
  const alternatives = patterns.map((pattern) => {
    if (!pattern.includes('/')) return `(?:^|/)${glob(pattern)}$`;
    const anchored = pattern.replace(/^\//, '');
    return anchored.endsWith('/') ? `^${glob(anchored)}` : `^${glob(anchored)}$`;
  });
  const test = new RegExp(alternatives.join('|'), 'i');
  return (file) => test.test(file);
}

export interface SectionKeys {
  /** The key of a generator's extract, or undefined when it declares no inputs (never kept). */
  extractKey(generator: SectionGenerator): string | undefined;
}

export function createSectionKeys(context: TargetContext): SectionKeys {
  const hashOf = createFileHashes(context.root);
  // Read once per run, whichever generators declare them.
  let history: string | undefined;
  let install: string | undefined;
  // What any generator may read without declaring it; the test of the declarations allows only these.
  const common = JSON.stringify({root: context.root, configFile: context.configFile, project: context.project, links: context.links, ref: context.ref, strict: context.strict});
  return {
    extractKey(generator) {
      if (!generator.inputs) return undefined;
      const inputs = generator.inputs(context);
      const matches = inputMatcher(inputs.files);
      const files = context.inventory.files.filter(matches);
      const inventory = Object.fromEntries((inputs.inventory ?? []).map((field) => [field, context.inventory[field]]));
      const config = Object.fromEntries((inputs.config ?? []).map((key) => [key, context.config[key]]));
      return hashContent(
        toolVersion(),
        generator.id,
        common,
        JSON.stringify({files: inputs.files, inventory, config}),
        files.map((file) => `${file}\0${hashOf(file)}`).join('\n'),
        inputs.history ? (history ??= historyIdentity(context)) : '',
        inputs.packages ? (install ??= installRecord(context.root)) : '',
      ).slice(0, 40);
    },
  };
}
