/**
 * The configuration reference: every variable read in code, merged with where it is set (example
 * and real env files, compose, k8s, Dockerfiles), grouped by the unit whose code reads it, and the
 * two differences with the example files. Values are already hidden by the readers; this adds the
 * secret flag by name.
 */
import path from 'node:path';
import {looksLikeSecret} from '../../core/secrets';
import type {EnvSetting, EnvVariable, OperationsModel, Unit} from '../model';
import type {EnvFileEntry} from './envFiles';
import type {FoundRead} from './envReads';

/** A sample value only a secret-sounding name would hide: tells names apart, not values. */
const PROBE_VALUE = 'Zq7x9Kp2Lm4n';

export function nameLooksSecret(name: string): boolean {
  return looksLikeSecret({name, value: PROBE_VALUE});
}

const byText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** The unit a file belongs to: the one with the deepest folder that holds it. */
export function unitOf(units: readonly Unit[], file: string): Unit | undefined {
  let best: Unit | undefined;
  for (const unit of units) {
    if (unit.dir === '' || file.startsWith(`${unit.dir}/`)) {
      if (!best || unit.dir.length > best.dir.length) best = unit;
    }
  }
  return best;
}

export function slugify(text: string): string {
  return text.toLowerCase().replace(/^@/, '').replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '') || 'root';
}

export function buildUnits(project: string, packages: readonly {dir: string; name?: string}[], composeFiles: readonly string[], composeNames: Map<string, string>, modules: readonly string[]): Unit[] {
  const byDir = new Map<string, string>();
  for (const pkg of packages) byDir.set(pkg.dir, pkg.name ?? (pkg.dir ? path.posix.basename(pkg.dir) : project));
  for (const dir of modules) if (!byDir.has(dir)) byDir.set(dir, dir ? path.posix.basename(dir) : project);
  // A compose file's folder is a service of its own: named after its (first) service.
  for (const file of composeFiles) {
    const dir = path.posix.dirname(file) === '.' ? '' : path.posix.dirname(file);
    if (dir && !byDir.has(dir)) byDir.set(dir, composeNames.get(file) ?? path.posix.basename(dir));
    else if (dir && composeNames.has(file)) byDir.set(dir, composeNames.get(file)!);
  }
  if (!byDir.has('')) byDir.set('', project);
  const taken = new Set<string>();
  return [...byDir.entries()]
    .sort(([a], [b]) => byText(a, b))
    .map(([dir, name]) => {
      let slug = slugify(name);
      for (let n = 2; taken.has(slug); n++) slug = `${slugify(name)}-${n}`;
      taken.add(slug);
      return {slug, name, dir};
    });
}

export function buildVariables(
  reads: readonly FoundRead[],
  settings: readonly {name: string; setting: EnvSetting}[],
  envEntries: readonly EnvFileEntry[],
  units: readonly Unit[],
): Pick<OperationsModel, 'variables' | 'missingFromExample' | 'unused' | 'exampleFiles'> {
  const variables = new Map<string, EnvVariable>();
  for (const read of reads) {
    let variable = variables.get(read.name);
    if (!variable) {
      variable = {name: read.name, reads: [], settings: [], required: false, secret: nameLooksSecret(read.name), units: []};
      variables.set(read.name, variable);
    }
    const {name: _name, comment, ...place} = read;
    variable.reads.push(place);
    variable.description ??= comment;
    if (read.defaultHidden) variable.secret = true;
    const unit = unitOf(units, read.file);
    if (unit && !variable.units.includes(unit.slug)) variable.units.push(unit.slug);
  }
  const examples = new Map<string, EnvFileEntry>();
  for (const entry of envEntries) {
    if (entry.setting.kind === 'env-example' && !examples.has(entry.name)) examples.set(entry.name, entry);
  }
  const all = [...settings, ...envEntries.map(({name, setting}) => ({name, setting}))];
  for (const {name, setting} of all) {
    const variable = variables.get(name);
    if (!variable) continue;
    variable.settings.push(setting);
    if (setting.hidden && setting.kind !== 'compose' && setting.kind !== 'k8s' && setting.kind !== 'env-file') variable.secret = true;
  }
  for (const variable of variables.values()) {
    variable.reads.sort((a, b) => byText(a.file, b.file) || a.line - b.line);
    variable.settings.sort((a, b) => byText(a.from.file, b.from.file) || a.from.line - b.from.line);
    variable.units.sort(byText);
    const hasDefault = variable.reads.some((read) => read.default !== undefined || read.defaultHidden);
    variable.required = !hasDefault && variable.reads.some((read) => read.required);
    variable.description ??= examples.get(variable.name)?.description;
  }
  const exampleFiles = [...new Set(envEntries.filter((e) => e.setting.kind === 'env-example').map((e) => e.setting.from.file))].sort(byText);
  return {
    variables: [...variables.values()].sort((a, b) => byText(a.name, b.name)),
    missingFromExample: exampleFiles.length === 0 ? [] : [...variables.keys()].filter((name) => !examples.has(name)).sort(byText),
    unused: [...examples.values()].filter((entry) => !variables.has(entry.name)).map((entry) => ({name: entry.name, file: entry.setting.from.file, line: entry.setting.from.line})).sort((a, b) => byText(a.name, b.name)),
    exampleFiles,
  };
}
