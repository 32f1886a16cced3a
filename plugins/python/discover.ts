/**
 * Which Python packages the target has and which files are their modules, as `pip install .`
 * would see them: import packages are folders with `__init__.py` whose parent has none (the `src/`
 * layout included), or the folders a `pyproject.toml` (setuptools, hatch, poetry, flit, uv) or
 * `setup.cfg` names. The nearest manifest gives a package its version and description.
 */
import path from 'node:path';
import ignore from 'ignore';
import {parse as parseToml} from 'smol-toml';
import type {Report} from '../core/report';

export interface PythonModulePlan {
  /** Dotted import name: `app.models`. */
  name: string;
  /** `.py` file relative to the root, and its `.pyi` stub when there is one (or only the stub). */
  file?: string;
  stub?: string;
  isPackage: boolean;
}

export interface PythonPackagePlan {
  /** The import name of the top-level package: `app`. */
  name: string;
  /** Its folder relative to the root (or the module file's, for a one-file package). */
  dir: string;
  version?: string;
  description?: string;
  modules: PythonModulePlan[];
}

/** Not the project's own code: environments, build output, caches, tests. */
const NOT_SOURCE = /(^|\/)(node_modules|site-packages|\.venv|venv|\.tox|\.nox|\.eggs|__pycache__|build|dist|\.git|migrations|tests?|testing|docs|examples?|scripts?)\/|(^|\/)(test_[^/]*|[^/]*_test|conftest|setup|noxfile|manage)\.pyi?$/;

interface Manifest {
  dir: string;
  name?: string;
  version?: string;
  description?: string;
  /** Import roots the manifest names explicitly (relative to the root), if any. */
  roots: string[];
}

export function discoverPython(
  files: readonly string[],
  readText: (file: string) => string | undefined,
  options: {exclude: string[]; report: Report},
): PythonPackagePlan[] {
  const excluded = ignore().add(options.exclude);
  const python = files.filter((file) => /\.pyi?$/.test(file) && !NOT_SOURCE.test(file) && !excluded.ignores(file));
  if (python.length === 0) return [];
  const fileSet = new Set(files);
  const isPackageDir = (dir: string) => fileSet.has(`${dir}/__init__.py`) || fileSet.has(`${dir}/__init__.pyi`);
  const manifests = files
    .filter((file) => /(^|\/)(pyproject\.toml|setup\.cfg)$/.test(file))
    .map((file) => readManifest(file, readText, options.report))
    .filter((manifest): manifest is Manifest => manifest !== undefined);

  // Top-level import packages: a package folder whose parent is not one.
  const roots = new Set<string>();
  for (const file of python) {
    let dir = path.posix.dirname(file);
    if (dir === '.' || !isPackageDir(dir)) continue;
    while (path.posix.dirname(dir) !== '.' && isPackageDir(path.posix.dirname(dir))) dir = path.posix.dirname(dir);
    roots.add(dir);
  }
  // One-file packages a manifest names (flit's `module.py`, `py-modules`).
  for (const manifest of manifests) {
    for (const root of manifest.roots) {
      if (fileSet.has(`${root}.py`) || fileSet.has(`${root}.pyi`)) roots.add(root);
      else if (isPackageDir(root)) roots.add(root);
    }
  }

  const plans: PythonPackagePlan[] = [];
  for (const root of [...roots].sort()) {
    // A package inside another one's folder would be documented twice.
    if ([...roots].some((other) => other !== root && root.startsWith(`${other}/`))) continue;
    const name = path.posix.basename(root);
    if (!/^[A-Za-z_]\w*$/.test(name)) continue;
    const modules: PythonModulePlan[] = [];
    const single = !isPackageDir(root);
    const members = single ? python.filter((file) => file === `${root}.py` || file === `${root}.pyi`) : python.filter((file) => file.startsWith(`${root}/`));
    const byName = new Map<string, PythonModulePlan>();
    for (const file of members.sort()) {
      const relative = single ? name : `${name}/${file.slice(root.length + 1)}`;
      const parts = relative.replace(/\.pyi?$/, '').split('/');
      // Only modules Python can import: every folder on the way is a package.
      let importable = true;
      for (let i = 1; i < parts.length - 1; i++) if (!isPackageDir(`${root}/${parts.slice(1, i + 1).join('/')}`)) importable = false;
      if (!importable || !parts.every((part) => /^[A-Za-z_]\w*$/.test(part))) continue;
      const isPackage = parts[parts.length - 1] === '__init__';
      const dotted = (isPackage ? parts.slice(0, -1) : parts).join('.');
      const plan = byName.get(dotted) ?? {name: dotted, isPackage};
      if (file.endsWith('.pyi')) plan.stub = file;
      else plan.file = file;
      byName.set(dotted, plan);
    }
    modules.push(...[...byName.values()].sort((a, b) => (a.name < b.name ? -1 : 1)));
    if (modules.length === 0) continue;
    const manifest = nearestManifest(manifests, root, name);
    plans.push({name, dir: root, ...(manifest?.version ? {version: manifest.version} : {}), ...(manifest?.description ? {description: manifest.description} : {}), modules});
  }
  return plans;
}

function nearestManifest(manifests: Manifest[], root: string, name: string): Manifest | undefined {
  const normal = (value: string) => value.toLowerCase().replace(/[-_.]+/g, '_');
  const containing = manifests.filter((manifest) => manifest.dir === '' || root.startsWith(`${manifest.dir}/`)).sort((a, b) => b.dir.length - a.dir.length);
  return containing.find((manifest) => manifest.roots.includes(root) || (manifest.name && normal(manifest.name) === normal(name))) ?? containing[0];
}

type Table = Record<string, unknown>;
const table = (value: unknown): Table => (value && typeof value === 'object' && !Array.isArray(value) ? (value as Table) : {});
const str = (value: unknown): string | undefined => (typeof value === 'string' && value.trim() ? value.trim() : undefined);
const strings = (value: unknown): string[] => (Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : []);

function readManifest(file: string, readText: (file: string) => string | undefined, report: Report): Manifest | undefined {
  const text = readText(file);
  if (text === undefined) return undefined;
  const dir = path.posix.dirname(file) === '.' ? '' : path.posix.dirname(file);
  const at = (relative: string) => path.posix.normalize(path.posix.join(dir, relative)).replace(/\/$/, '').replace(/^\.$/, '');
  if (file.endsWith('setup.cfg')) return readSetupCfg(text, dir, at);
  let toml: Table;
  try {
    toml = parseToml(text) as Table;
  } catch (error) {
    const line = (error as {line?: number}).line;
    report.warn(`${file} is not valid TOML: ${(error as Error).message.split('\n')[0]}`, {file, ...(line ? {line} : {}), fix: 'Fix the TOML syntax; the Python packages are found from their folders meanwhile.'});
    return undefined;
  }
  const project = table(toml.project);
  const tool = table(toml.tool);
  const poetry = table(tool.poetry);
  const roots: string[] = [];
  // setuptools: packages = [...]; package-dir = {"" = "src"}. (`packages.find.where` needs nothing:
  // the folders with `__init__.py` under it are found anyway.)
  const setuptools = table(tool.setuptools);
  const packageDir = str(table(setuptools['package-dir'])['']) ?? '';
  for (const name of strings(setuptools.packages)) roots.push(at(path.posix.join(packageDir, name.split('.')[0]!)));
  for (const module of strings(setuptools['py-modules'])) roots.push(at(path.posix.join(packageDir, module)));
  // hatch: targets.wheel.packages = ["src/app"].
  const wheel = table(table(table(table(tool.hatch).build).targets).wheel);
  for (const pkg of strings(wheel.packages)) roots.push(at(pkg));
  // poetry: packages = [{include = "app", from = "src"}].
  for (const entry of Array.isArray(poetry.packages) ? poetry.packages : []) {
    const include = str(table(entry).include);
    if (include && !include.includes('*')) roots.push(at(path.posix.join(str(table(entry).from) ?? '', include.replace(/\.py$/, ''))));
  }
  // flit: [tool.flit.module] name; uv: [tool.uv.build-backend] module-name, module-root.
  const flitName = str(table(table(tool.flit).module).name);
  if (flitName) roots.push(at(flitName), at(`src/${flitName}`));
  const uv = table(table(tool.uv)['build-backend']);
  const uvName = str(uv['module-name']);
  if (uvName) roots.push(at(path.posix.join(str(uv['module-root']) ?? 'src', uvName)));
  const name = str(project.name) ?? str(poetry.name);
  // flit and plain PEP 621 projects name their import package after the project.
  if (name) {
    const normal = name.replace(/[-.]+/g, '_');
    roots.push(at(normal), at(`src/${normal}`));
  }
  const version = str(project.version) ?? str(poetry.version);
  const description = str(project.description) ?? str(poetry.description);
  return {dir, roots, ...(name ? {name} : {}), ...(version ? {version} : {}), ...(description ? {description} : {})};
}

/** setup.cfg's [metadata] and [options] packages/package_dir, as far as they are static. */
function readSetupCfg(text: string, dir: string, at: (relative: string) => string): Manifest {
  const sections = new Map<string, Map<string, string>>();
  let current = new Map<string, string>();
  let key = '';
  for (const line of text.split(/\r?\n/)) {
    const header = /^\[([^\]]+)\]\s*$/.exec(line);
    if (header) {
      sections.set(header[1]!.trim(), (current = new Map()));
      continue;
    }
    const pair = /^([\w.-]+)\s*[=:]\s*(.*)$/.exec(line);
    if (pair) current.set((key = pair[1]!), pair[2]!.trim());
    else if (/^\s+\S/.test(line) && key) current.set(key, `${current.get(key) ?? ''}\n${line.trim()}`.trim());
  }
  const metadata = sections.get('metadata') ?? new Map<string, string>();
  const options = sections.get('options') ?? new Map<string, string>();
  const packageDir = /(?:^|\n)\s*=\s*(\S+)/.exec(options.get('package_dir') ?? '')?.[1] ?? '';
  const roots = (options.get('packages') ?? '')
    .split(/[\s,]+/)
    .filter((name) => /^[A-Za-z_][\w.]*$/.test(name))
    .map((name) => at(path.posix.join(packageDir, name.split('.')[0]!)));
  const name = metadata.get('name');
  const version = metadata.get('version');
  const description = metadata.get('description');
  return {dir, roots, ...(name ? {name} : {}), ...(version && !version.startsWith('attr:') ? {version} : {}), ...(description ? {description} : {})};
}
