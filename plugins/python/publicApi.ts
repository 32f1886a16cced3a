/**
 * The public API as Python users see it, and where each name is really defined: `__all__` when a
 * module has one, else its own names not starting with `_` plus, in a package's `__init__`, what it
 * imports from inside the package (the usual way to re-export). Imports are followed module by module
 * to the definition, so a class re-exported by three `__init__` files is one symbol.
 */
import type {PyDef, PyModuleFacts} from './parse/facts';

export interface PyModule {
  name: string;
  /** The file its definitions are read from (the stub when there is one) and the `.py` beside it. */
  file: string;
  isPackage: boolean;
  facts: PyModuleFacts;
}

export type Resolved =
  | {kind: 'def'; module: PyModule; def: PyDef}
  | {kind: 'module'; module: PyModule}
  | {kind: 'external'; path: string}
  | undefined;

export class PythonProject {
  readonly modules: Map<string, PyModule>;
  private readonly publicMemo = new Map<string, string[]>();

  constructor(modules: PyModule[]) {
    this.modules = new Map(modules.map((module) => [module.name, module]));
  }

  /** `.x` from `a.b.c` is `a.b.x`; from the package `a.b` (its `__init__`) it is `a.b.x`. */
  absolute(from: PyModule, spec: string): string {
    const dots = /^\.*/.exec(spec)![0].length;
    if (dots === 0) return spec;
    const parts = from.name.split('.');
    const base = parts.slice(0, parts.length - (from.isPackage ? dots - 1 : dots));
    const rest = spec.slice(dots);
    return [...base, ...(rest ? [rest] : [])].join('.');
  }

  /** What `name` is in `module`, followed through imports (`seen` stops import cycles). */
  resolve(module: PyModule, name: string, seen = new Set<string>()): Resolved {
    const key = `${module.name}\0${name}`;
    if (seen.has(key)) return undefined;
    seen.add(key);
    const def = module.facts.defs.find((one) => one.name === name);
    const imported = [...module.facts.imports].reverse().find((one) => one.local === name);
    // A name both defined and imported is taken from the later line, except a `None` fallback
    // (`try: import ssl` / `except ImportError: ssl = None`): the name is the import.
    const fallback = def?.kind === 'variable' && def.value === 'None' && imported !== undefined;
    if (def && !fallback && (!imported || def.line >= imported.line)) return {kind: 'def', module, def};
    if (imported) {
      const target = this.absolute(module, imported.module);
      if (imported.name === undefined) {
        // `import a.b` binds `a`; `import a.b as c` binds `a.b`.
        const bound = imported.local === target.split('.')[0] ? target.split('.')[0]! : target;
        const found = this.modules.get(bound);
        return found ? {kind: 'module', module: found} : {kind: 'external', path: bound};
      }
      const sub = this.modules.get(`${target}.${imported.name}`);
      if (sub) return {kind: 'module', module: sub};
      const from = this.modules.get(target);
      if (!from) return {kind: 'external', path: `${target}.${imported.name}`};
      return this.resolve(from, imported.name, seen) ?? {kind: 'external', path: `${target}.${imported.name}`};
    }
    for (const star of module.facts.starImports) {
      const from = this.modules.get(this.absolute(module, star));
      if (from && this.publicNames(from).includes(name)) return this.resolve(from, name, seen);
    }
    // A package's submodule is an attribute of the package once imported.
    const sub = module.isPackage ? this.modules.get(`${module.name}.${name}`) : undefined;
    return sub ? {kind: 'module', module: sub} : undefined;
  }

  /** A dotted name in a module's scope: `User`, `models.User`, `app.models.User`. */
  resolveDotted(module: PyModule, dotted: string): Resolved {
    const [first, ...rest] = dotted.split('.');
    let current = this.resolve(module, first!);
    for (const part of rest) {
      if (current?.kind === 'module') current = this.resolve(current.module, part);
      else if (current?.kind === 'external') current = {kind: 'external', path: `${current.path}.${part}`};
      else return undefined;
    }
    return current;
  }

  /** The names `from module import *` and a reader of the docs see, sorted as written in `__all__` or by name. */
  publicNames(module: PyModule): string[] {
    const memo = this.publicMemo.get(module.name);
    if (memo) return memo;
    this.publicMemo.set(module.name, []);
    let names: string[];
    if (module.facts.all) names = [...new Set(module.facts.all)];
    else {
      const own = module.facts.defs.filter((def) => this.resolve(module, def.name)?.kind === 'def').map((def) => def.name);
      const top = module.name.split('.')[0]!;
      const reexported = module.isPackage
        ? module.facts.imports
            .filter((one) => one.name !== undefined && (one.module.startsWith('.') || one.module === top || one.module.startsWith(`${top}.`)))
            .filter((one) => this.resolve(module, one.local)?.kind !== 'module')
            .map((one) => one.local)
        : [];
      const starred = module.facts.starImports.flatMap((star) => {
        const from = this.modules.get(this.absolute(module, star));
        return from ? this.publicNames(from) : [];
      });
      names = [...new Set([...own, ...reexported, ...starred])].filter((name) => !name.startsWith('_')).sort();
    }
    this.publicMemo.set(module.name, names);
    return names;
  }
}

/** A module users are not meant to import: a segment of its name starts with `_` (but `__init__` is the package). */
export function isPrivateModule(name: string): boolean {
  return name.split('.').some((part) => part.startsWith('_'));
}
