/**
 * What a target has: manifests and packages, tsconfigs, API specs, docs and ADR folders, env and
 * compose files. Pure file inspection, no Docusaurus; the result (an Inventory) is plain sorted JSON
 * that every generator reads instead of walking the target again.
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import {parseJson} from './parseJson';
import {walkFiles, type WalkOptions} from './walkFiles';
import {TEST_FOLDER} from './testFolders';

export interface PackageInfo {
  /** Folder of the package.json, relative to the root ('' for the root). */
  dir: string;
  name?: string;
  version?: string;
  description?: string;
  private?: boolean;
}

export interface EnvFile {
  path: string;
  /** Variable names only. Values are never read into the model, so they can never reach a page. */
  variables: string[];
  /** True for a real `.env` (not an example): its presence in the repository is worth a warning. */
  mayHoldSecrets: boolean;
}

/** A manifest that could not be read: the place of the mistake, so that it becomes a warning. */
export interface ManifestProblem {
  path: string;
  line: number;
  column: number;
  message: string;
}

export interface Inventory {
  files: string[];
  skippedLinks: string[];
  /** Every manifest by ecosystem: package.json, Cargo.toml, pyproject.toml, go.mod, pom.xml... */
  manifests: {path: string; ecosystem: string}[];
  packages: PackageInfo[];
  /** Manifests that are not valid JSON (or not a JSON object): their packages have no name or version. */
  manifestProblems: ManifestProblem[];
  tsconfigs: string[];
  specs: string[];
  docsDirs: string[];
  adrDirs: string[];
  envFiles: EnvFile[];
  composeFiles: string[];
  /** File count by extension (lower case, without dot; '' for none), for the overview. */
  languages: Record<string, number>;
  hasTypeScript: boolean;
  isGitRepository: boolean;
}

const MANIFESTS: Record<string, string> = {
  'package.json': 'npm',
  'Cargo.toml': 'cargo',
  'pyproject.toml': 'python',
  'setup.py': 'python',
  'go.mod': 'go',
  'pom.xml': 'maven',
  'build.gradle': 'gradle',
  'build.gradle.kts': 'gradle',
  'composer.json': 'composer',
  Gemfile: 'ruby',
  'mix.exs': 'elixir',
};

const DOCS_DIR_NAMES = ['docs', 'doc', 'documentation'];
export const ADR_DIRS = [
  'docs/adr',
  'docs/adrs',
  'doc/adr',
  'docs/decisions',
  'docs/architecture/decisions',
  'doc/architecture/decisions',
  'adr',
  'decisions',
];

const SPEC_NAME = /(^|\/)(openapi|swagger)\.(ya?ml|json)$|\.(openapi|swagger)\.(ya?ml|json)$/i;
const SPEC_CANDIDATE = /\.(ya?ml|json)$/i;
const NOT_SPECS = /(^|\/)(package(-lock)?\.json|tsconfig[^/]*\.json|composer\.json|pnpm-lock\.yaml|\.?[^/]*lock[^/]*|\.eslintrc[^/]*|renovate\.json|\.github\/.*|docs-architect\.config\.[^/]*)$/i;
const COMPOSE = /(^|\/)(docker-)?compose(\.[\w-]+)?\.ya?ml$/i;
const ENV = /(^|\/)\.env(\.[\w-]+)?$|(^|\/)[\w-]+\.env$/;
const ENV_EXAMPLE = /example|sample|template|dist|defaults?/i;
const TS = /\.(ts|tsx|mts|cts)$/;

export async function discoverTarget(root: string, options: WalkOptions = {}): Promise<Inventory> {
  const {files, skippedLinks} = await walkFiles(root, options);
  files.sort();
  const fileSet = new Set(files);
  const dirsWith = (predicate: (file: string) => boolean) => {
    const dirs = new Set<string>();
    for (const file of files) if (predicate(file)) dirs.add(path.posix.dirname(file));
    return dirs;
  };
  const docFiles = dirsWith((file) => /\.mdx?$/i.test(file));
  const hasDocsUnder = (dir: string) => [...docFiles].some((d) => d === dir || d.startsWith(`${dir}/`));

  const manifests = files
    .filter((file) => MANIFESTS[path.posix.basename(file)])
    .map((file) => ({path: file, ecosystem: MANIFESTS[path.posix.basename(file)]!}));

  // A package.json under a test or fixture folder is a test's input, not a package of the repository.
  const read = await Promise.all(manifests.filter((m) => m.ecosystem === 'npm' && !TEST_FOLDER.test(m.path)).map((m) => readPackageInfo(root, m.path)));
  const packages = read.map(({info}) => info);
  const manifestProblems = read.flatMap(({problem}) => (problem ? [problem] : []));

  const specs: string[] = [];
  for (const file of files) {
    if (SPEC_NAME.test(file)) specs.push(file);
    else if (SPEC_CANDIDATE.test(file) && !NOT_SPECS.test(file) && (await looksLikeSpec(path.join(root, file)))) {
      specs.push(file);
    }
  }

  const envFiles = await Promise.all(
    files
      .filter((file) => ENV.test(file))
      .map(async (file): Promise<EnvFile> => {
        const mayHoldSecrets = !ENV_EXAMPLE.test(path.posix.basename(file));
        return {path: file, variables: await readEnvNames(path.join(root, file)), mayHoldSecrets};
      }),
  );

  const languages: Record<string, number> = {};
  for (const file of files) {
    const ext = path.posix.extname(file).slice(1).toLowerCase();
    languages[ext] = (languages[ext] ?? 0) + 1;
  }

  return {
    files,
    skippedLinks,
    manifests,
    packages,
    manifestProblems,
    tsconfigs: files.filter((file) => /(^|\/)tsconfig[^/]*\.json$/.test(file)),
    specs,
    docsDirs: DOCS_DIR_NAMES.filter((dir) => hasDocsUnder(dir)),
    adrDirs: ADR_DIRS.filter((dir) => docFiles.has(dir)),
    envFiles,
    composeFiles: files.filter((file) => COMPOSE.test(file)),
    languages: Object.fromEntries(Object.entries(languages).sort(([a], [b]) => (a < b ? -1 : 1))),
    hasTypeScript: files.some((file) => TS.test(file) && !file.endsWith('.d.ts')) || fileSet.has('tsconfig.json'),
    isGitRepository: await exists(path.join(root, '.git')),
  };
}

async function readPackageInfo(root: string, manifest: string): Promise<{info: PackageInfo; problem?: ManifestProblem}> {
  const dir = path.posix.dirname(manifest) === '.' ? '' : path.posix.dirname(manifest);
  const text = await fs.readFile(path.join(root, manifest), 'utf8').catch(() => undefined);
  if (text === undefined) return {info: {dir}};
  const parsed = parseJson(text);
  if (!parsed.ok) return {info: {dir}, problem: {path: manifest, line: parsed.line, column: parsed.column, message: parsed.message}};
  if (!parsed.value || typeof parsed.value !== 'object' || Array.isArray(parsed.value)) {
    return {info: {dir}, problem: {path: manifest, line: 1, column: 1, message: 'a package.json must be a JSON object'}};
  }
  const json = parsed.value as Record<string, unknown>;
  const str = (value: unknown) => (typeof value === 'string' ? value : undefined);
  return {
    info: {
      dir,
      name: str(json.name),
      version: str(json.version),
      description: str(json.description),
      private: json.private === true ? true : undefined,
    },
  };
}

/** A spec by content: its first key is `openapi` or `swagger`. Only the head of the file is read. */
async function looksLikeSpec(file: string): Promise<boolean> {
  const handle = await fs.open(file, 'r').catch(() => undefined);
  if (!handle) return false;
  try {
    const buffer = Buffer.alloc(1024);
    const {bytesRead} = await handle.read(buffer, 0, buffer.length, 0);
    const head = buffer.subarray(0, bytesRead).toString('utf8');
    // Skipped before the first key: a byte order mark, comments, blank lines, `%YAML` directives, `---`.
    const meaningful = head.replace(/^\ufeff?(\s*#[^\n]*\n|\s*\n|%[^\n]*\n|---[ \t]*(#[^\n]*)?\r?\n)*/, '');
    return /^(openapi|swagger)\s*:/.test(meaningful) || /^\{\s*"(openapi|swagger)"\s*:/.test(meaningful);
  } finally {
    await handle.close();
  }
}

async function readEnvNames(file: string): Promise<string[]> {
  const text = await fs.readFile(file, 'utf8').catch(() => '');
  const names = new Set<string>();
  for (const line of text.split(/\r?\n/)) {
    const match = /^\s*(?:export\s+)?([A-Za-z_][A-Za-z0-9_]*)\s*=/.exec(line);
    if (match) names.add(match[1]!);
  }
  return [...names].sort();
}

async function exists(file: string): Promise<boolean> {
  return fs.access(file).then(
    () => true,
    () => false,
  );
}
