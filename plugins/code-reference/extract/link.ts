/**
 * Links the files' facts into the model: follows every export (re-exports, `export *`, imports that
 * are exported again) to the declaration it names, documents each symbol once (in the first container
 * that exports it, its "home"), and resolves every type name and `{@link}` to a symbol when it is one
 * of ours. Cheap enough to run in full on every build; only parsing is cached.
 */
import path from 'node:path';
import type {Report} from '../../core/report';
import type {ContainerModel, DocModel, ExportModel, MemberModel, PackageModel, SymbolKind, SymbolModel, TypeText} from '../model';
import {CODE_REFERENCE_MODEL_VERSION, type CodeReferenceModel} from '../model';
import type {CodeReferenceOptions} from '../options';
import type {PackagePlan} from './entryPoints';
import type {DeclFacts, FileFacts, ImportBinding} from './facts';
import type {ModuleResolver} from './resolveModules';

type Target = {symbol: string; file: string; scope: string; name: string} | {module: string} | {external: string};

export interface LinkInput {
  packages: PackagePlan[];
  facts: Map<string, FileFacts>;
  resolver: ModuleResolver;
  options: CodeReferenceOptions;
  report: Report;
  /** URL of a line of a file on the repository's web host, when there is one. */
  sourceUrl?: (file: string, line: number) => string;
}

const KIND_PRIORITY: SymbolKind[] = ['class', 'function', 'enum', 'interface', 'type', 'variable', 'namespace'];

export function linkModel(input: LinkInput): CodeReferenceModel {
  const {facts, resolver, options, report} = input;
  const exportsMemo = new Map<string, Map<string, Target>>();
  const inProgress = new Set<string>();
  const warned = new Set<string>();
  const warnOnce = (key: string, message: string, file: string, line: number, fix?: string) => {
    if (warned.has(key)) return;
    warned.add(key);
    report.warn(message, {file, line, fix});
  };

  const resolveSpecifier = (file: string, specifier: string, line: number): Target | undefined => {
    const resolution = resolver.resolve(file, specifier);
    if ('file' in resolution) return facts.has(resolution.file) ? {module: resolution.file} : {external: specifier};
    if ('external' in resolution) return {external: specifier};
    warnOnce(`${file}\0${specifier}`, `cannot resolve "${specifier}"`, file, line, 'Check the path, or the tsconfig "paths" alias it relies on; what it exports is not documented');
    return undefined;
  };

  // Indexes by name: linking asks these questions hundreds of thousands of times in a large package.
  const declIndex = new Map<string, Map<string, DeclFacts[]>>();
  const declsOf = (file: string, scope: string, name: string): DeclFacts[] => {
    const key = `${file}\0${scope}`;
    let byName = declIndex.get(key);
    if (!byName) {
      byName = new Map();
      for (const decl of facts.get(file)?.scopes[scope]?.declarations ?? []) byName.set(decl.name, [...(byName.get(decl.name) ?? []), decl]);
      declIndex.set(key, byName);
    }
    return byName.get(name) ?? [];
  };
  const importIndex = new Map<string, Map<string, ImportBinding>>();
  const importOf = (file: string, local: string): ImportBinding | undefined => {
    let byLocal = importIndex.get(file);
    if (!byLocal) {
      byLocal = new Map((facts.get(file)?.imports ?? []).map((binding) => [binding.local, binding]));
      importIndex.set(file, byLocal);
    }
    return byLocal.get(local);
  };

  const resolveLocal = (file: string, scope: string, name: string): Target | undefined => {
    for (let current: string | undefined = scope; current !== undefined; current = current ? parentScope(current) : undefined) {
      if (declsOf(file, current, name).length > 0) {
        return {symbol: symbolId(file, current, name), file, scope: current, name};
      }
    }
    const binding = importOf(file, name);
    if (!binding) return undefined;
    const target = resolveSpecifier(file, binding.specifier, binding.line);
    if (!target || !('module' in target) || binding.name === '*') return target;
    return exportsOf(target.module).get(binding.name);
  };

  const exportsOf = (file: string): Map<string, Target> => {
    const memo = exportsMemo.get(file);
    if (memo) return memo;
    const result = new Map<string, Target>();
    const fileFacts = facts.get(file);
    if (!fileFacts) return result;
    if (inProgress.has(file)) return result;
    inProgress.add(file);
    const stars: {specifier: string; line: number}[] = [];
    for (const statement of fileFacts.exports) {
      if (statement.kind === 'star') {
        stars.push(statement);
        continue;
      }
      let target: Target | undefined;
      if (statement.kind === 'local') target = resolveLocal(file, '', statement.local);
      else {
        const module = resolveSpecifier(file, statement.specifier, statement.line);
        if (!module || !('module' in module)) target = module;
        else if (statement.kind === 'namespace') target = module;
        else {
          target = exportsOf(module.module).get(statement.imported);
          if (!target && inProgress.has(module.module)) {
            warnOnce(`cycle\0${file}\0${statement.line}`, `circular re-export: "${statement.specifier}" leads back here`, file, statement.line, 'Break the cycle; names that only the cycle provides are not documented');
          } else if (!target) {
            warnOnce(`missing\0${file}\0${statement.name}`, `"${statement.imported}" is not exported by "${statement.specifier}"`, file, statement.line);
          }
        }
      }
      if (target && !result.has(statement.name)) result.set(statement.name, target);
    }
    for (const star of stars) {
      const module = resolveSpecifier(file, star.specifier, star.line);
      if (!module || !('module' in module)) continue;
      if (inProgress.has(module.module)) {
        warnOnce(`cycle\0${file}\0${star.line}`, `circular re-export: "export * from '${star.specifier}'" leads back here`, file, star.line, 'Break the cycle; names that only the cycle provides are not documented');
        continue;
      }
      for (const [name, target] of exportsOf(module.module)) {
        if (name !== 'default' && !result.has(name)) result.set(name, target);
      }
    }
    inProgress.delete(file);
    exportsMemo.set(file, result);
    return result;
  };

  // Symbols, containers and homes, breadth first from the entry points: a symbol's home is the first
  // container, in the order a reader meets them, that exports it.
  const symbols = new Map<string, SymbolModel>();
  const contexts = new Map<string, {file: string; scope: string}>();
  const containers: ContainerModel[] = [];
  const containerOfFile = new Map<string, string>();
  const containerOfNamespace = new Map<string, string>();
  const usedSlugs = new Set<string>();
  const packages: PackageModel[] = [];
  const single = input.packages.length === 1;

  const slugFor = (wanted: string) => {
    const base = wanted.split('/').map(slugSegment).filter(Boolean).join('/') || 'module';
    let slug = base;
    for (let i = 2; usedSlugs.has(slug.toLowerCase()); i++) slug = `${base}-${i}`;
    usedSlugs.add(slug.toLowerCase());
    return slug;
  };

  for (const [file, fileFacts] of [...facts].sort(([a], [b]) => (a < b ? -1 : 1))) {
    const first = fileFacts.syntaxErrors[0];
    if (first) warnOnce(`syntax\0${file}`, `syntax error: ${first.message}${fileFacts.syntaxErrors.length > 1 ? ` (and more)` : ''}`, file, first.line, 'Everything the parser could read in this file is still documented');
  }

  for (const plan of input.packages) {
    const pkgSlug = single ? '' : slugFor(plan.name.replace(/^@/, '').replace('/', '-'));
    if (single) usedSlugs.add('');
    const pkg: PackageModel = {dir: plan.dir, name: plan.name, ...opt('version', plan.version), ...opt('description', plan.description), slug: pkgSlug, containers: [], ...(plan.app ? {app: true} : {})};
    packages.push(pkg);
    const queue: {container: ContainerModel; targets: [string, Target][]; locals?: Set<string>}[] = [];
    for (const entry of plan.entries) {
      if (containerOfFile.has(entry.file) || !facts.has(entry.file)) continue;
      const fileFacts = facts.get(entry.file)!;
      const container: ContainerModel = {
        id: `module:${plan.dir}:${entry.name}`,
        kind: 'module',
        name: entry.name,
        // Internals get a folder of their own, so the sidebar keeps them apart from the public API.
        slug: slugFor(path.posix.join(pkgSlug, entry.internal ? 'internals' : '', entry.name)),
        package: plan.dir,
        file: entry.file,
        ...(entry.importable ? {importable: true} : {}),
        ...(entry.internal ? {internal: true} : {}),
        ...opt('doc', fileFacts.moduleDoc),
        exports: [],
      };
      containerOfFile.set(entry.file, container.id);
      const targets = [...exportsOf(entry.file)];
      // An application is read file by file: what a file declares at its top level is documented, exported or not.
      const locals = new Set<string>();
      if (plan.app) {
        const exported = new Set(targets.map(([, target]) => ('symbol' in target ? target.symbol : '')));
        for (const decl of fileFacts.scopes['']?.declarations ?? []) {
          const id = symbolId(entry.file, '', decl.name);
          if (exported.has(id) || locals.has(decl.name)) continue;
          locals.add(decl.name);
          targets.push([decl.name, {symbol: id, file: entry.file, scope: '', name: decl.name}]);
        }
      }
      queue.push({container, targets, locals});
    }
    for (let i = 0; i < queue.length; i++) {
      const {container, targets, locals} = queue[i]!;
      containers.push(container);
      pkg.containers.push(container.id);
      // `default` last: a module exported as `z` and as `default` is then called `z`.
      const order = (name: string) => (name === 'default' ? `\uffff${name}` : name);
      for (const [name, target] of targets.sort(([a], [b]) => (order(a) < order(b) ? -1 : order(a) > order(b) ? 1 : 0))) {
        const entry = exportEntry(container, name, target, queue);
        if (entry) container.exports.push(locals?.has(name) && 'symbol' in target && target.file === container.file ? {...entry, local: true} : entry);
      }
    }
  }

  function exportEntry(container: ContainerModel, name: string, target: Target, queue: {container: ContainerModel; targets: [string, Target][]}[]): ExportModel | undefined {
    if ('external' in target) return {name, external: target.external};
    if ('module' in target) {
      // `export * as name from './m'`: the module, as a namespace with a page of its own (or the entry page of that file).
      const id = `${target.module}#*`;
      if (!symbols.has(id)) {
        const existing = containerOfFile.get(target.module);
        const namespaceId = existing ?? `namespace:${id}`;
        const fileFacts = facts.get(target.module)!;
        symbols.set(id, {id, name, kind: 'namespace', kinds: ['namespace'], file: target.module, line: 1, home: container.id, anchor: anchorOf(name), namespace: namespaceId, ...opt('doc', fileFacts.moduleDoc)});
        contexts.set(id, {file: target.module, scope: ''});
        if (!existing) {
          const child: ContainerModel = {id: namespaceId, kind: 'namespace', name, slug: slugFor(`${container.slug}/${name}`), package: container.package, file: target.module, ...opt('doc', fileFacts.moduleDoc), exports: []};
          containerOfFile.set(target.module, namespaceId);
          queue.push({container: child, targets: [...exportsOf(target.module)]});
        }
      }
      return {name, symbol: id};
    }
    const decls = declsOf(target.file, target.scope, target.name);
    if (decls.length === 0) return undefined;
    if (!options.includeInternal && decls.every((decl) => decl.internal)) return undefined;
    let symbol = symbols.get(target.symbol);
    if (!symbol) {
      // A default export is called by the name it is re-exported under, else after its file.
      const shownName = target.name !== 'default' ? target.name : name !== 'default' ? name : defaultName(target.file);
      symbol = buildSymbol(target, decls, container, shownName);
      symbols.set(symbol.id, symbol);
      contexts.set(symbol.id, {file: target.file, scope: target.scope});
      const namespace = decls.find((decl) => decl.kind === 'namespace' && decl.body);
      if (namespace) {
        const namespaceId = `namespace:${symbol.id}`;
        symbol.namespace = namespaceId;
        containerOfNamespace.set(symbol.id, namespaceId);
        const body = namespace.body!;
        const scopeFacts = facts.get(target.file)!.scopes[body];
        const targets: [string, Target][] = (scopeFacts?.exported ?? []).map((member) => [member, {symbol: symbolId(target.file, body, member), file: target.file, scope: body, name: member}]);
        queue.push({
          container: {id: namespaceId, kind: 'namespace', name: symbol.name, slug: slugFor(`${container.slug}/${symbol.name}`), package: container.package, file: target.file, ...opt('doc', symbol.doc), exports: []},
          targets,
        });
      }
    }
    return {name, symbol: symbol.id};
  }

  function buildSymbol(target: {symbol: string; file: string; scope: string}, decls: DeclFacts[], home: ContainerModel, name: string): SymbolModel {
    const ordered = [...decls].sort((a, b) => KIND_PRIORITY.indexOf(a.kind) - KIND_PRIORITY.indexOf(b.kind));
    const primary = ordered[0]!;
    const kinds = [...new Set(ordered.map((decl) => decl.kind))];
    const members = ordered.flatMap((decl) => decl.members ?? []).filter((member) => (options.includePrivate || !member.private) && (options.includeInternal || !member.internal));
    const anchor = anchorOf(name);
    const {scope: _scope, internal: _internal, body: _body, members: _members, name: _name, ...rest} = primary;
    const symbol: SymbolModel = {
      ...rest,
      id: target.symbol,
      name,
      kinds,
      file: target.file,
      home: home.id,
      anchor,
      ...(input.sourceUrl ? {sourceUrl: input.sourceUrl(target.file, primary.line)} : {}),
    };
    // Merged declarations: overloads spread over declarations, and a type that also names a value.
    const signatures = ordered.flatMap((decl) => decl.signatures ?? []);
    if (signatures.length > 0) symbol.signatures = signatures;
    if (!symbol.type) symbol.type = ordered.find((decl) => decl.type)?.type;
    if (!symbol.type) delete symbol.type;
    if (!symbol.doc) symbol.doc = ordered.find((decl) => decl.doc)?.doc;
    if (!symbol.doc) delete symbol.doc;
    if (!symbol.category) symbol.category = ordered.find((decl) => decl.category)?.category;
    if (!symbol.category) delete symbol.category;
    if (members.length > 0) symbol.members = anchorMembers(anchor, members);
    return symbol;
  }

  // Type names and links, now that every symbol has its home.
  const nameMemo = new Map<string, string | undefined>();
  const resolveName = (file: string, scope: string, dotted: string): string | undefined => {
    const key = `${file}\0${scope}\0${dotted}`;
    if (nameMemo.has(key)) return nameMemo.get(key);
    const id = resolveNameUncached(file, scope, dotted);
    nameMemo.set(key, id);
    return id;
  };
  const resolveNameUncached = (file: string, scope: string, dotted: string): string | undefined => {
    const [first, ...rest] = dotted.split(/[.#]/);
    let target = resolveLocal(file, scope, first!);
    for (const segment of rest) {
      if (!target) return undefined;
      if ('module' in target) target = exportsOf(target.module).get(segment);
      else if ('symbol' in target) {
        const body = declsOf(target.file, target.scope, target.name).find((decl) => decl.body)?.body;
        // `Enum.Member`, `Class.method`: the member is on its symbol's page; link to the symbol.
        if (!body) break;
        target = facts.get(target.file)!.scopes[body]?.exported.includes(segment) ? {symbol: symbolId(target.file, body, segment), file: target.file, scope: body, name: segment} : undefined;
      } else return undefined;
    }
    if (!target || 'external' in target) return undefined;
    const id = 'module' in target ? `${target.module}#*` : target.symbol;
    return symbols.has(id) ? id : undefined;
  };

  for (const symbol of symbols.values()) {
    const context = contexts.get(symbol.id)!;
    const resolveText = (text: TypeText | undefined) => {
      for (const part of text ?? []) {
        if (typeof part === 'string') continue;
        const id = resolveName(context.file, context.scope, part.name);
        if (id) part.id = id;
      }
    };
    const resolveDoc = (doc: DocModel | undefined) => {
      for (const link of doc?.links ?? []) {
        if (link.url) continue;
        const id = resolveName(context.file, context.scope, link.target);
        if (id) link.id = id;
      }
    };
    forEachText(symbol, resolveText, resolveDoc);
  }
  for (const container of containers) {
    if (container.doc && container.file) {
      for (const link of container.doc.links ?? []) {
        const id = link.url ? undefined : resolveName(container.file, '', link.target);
        if (id) link.id = id;
      }
    }
  }

  return {version: CODE_REFERENCE_MODEL_VERSION, packages, containers, symbols: [...symbols.values()]};
}

function forEachText(symbol: SymbolModel, onType: (text: TypeText | undefined) => void, onDoc: (doc: DocModel | undefined) => void): void {
  onDoc(symbol.doc);
  onType(symbol.type);
  symbol.extends?.forEach(onType);
  symbol.implements?.forEach(onType);
  symbol.typeParameters?.forEach((param) => (onType(param.constraint), onType(param.default)));
  const onSignatures = (signatures: SymbolModel['signatures']) => {
    for (const signature of signatures ?? []) {
      onDoc(signature.doc);
      onType(signature.returns);
      signature.parameters.forEach((param) => onType(param.type));
      signature.typeParameters?.forEach((param) => (onType(param.constraint), onType(param.default)));
    }
  };
  onSignatures(symbol.signatures);
  for (const member of symbol.members ?? []) {
    onDoc(member.doc);
    onType(member.type);
    onSignatures(member.signatures);
  }
}

function anchorMembers(anchor: string, members: (Omit<MemberModel, 'anchor'> & {private?: boolean; internal?: boolean})[]): MemberModel[] {
  const used = new Set<string>();
  return members.map(({private: _private, internal: _internal, ...member}) => {
    let memberAnchor = `${anchor}.${member.static ? 'static-' : ''}${anchorOf(member.name)}`;
    for (let i = 2; used.has(memberAnchor); i++) memberAnchor = `${anchor}.${anchorOf(member.name)}-${i}`;
    used.add(memberAnchor);
    return {...member, anchor: memberAnchor};
  });
}

export function symbolId(file: string, scope: string, name: string): string {
  return `${file}#${scope ? `${scope}.` : ''}${name}`;
}

function parentScope(scope: string): string {
  const dot = scope.lastIndexOf('.');
  return dot === -1 ? '' : scope.slice(0, dot);
}

/** An HTML id that survives any URL: letters, digits, `_`, `$`, `-`; anything else becomes `-`. */
export function anchorOf(name: string): string {
  return name.replace(/[^A-Za-z0-9_$-]+/g, '-').replace(/^-+|-+$/g, '') || 'symbol';
}

function slugSegment(segment: string): string {
  return segment.replace(/^@/, '').replace(/[^A-Za-z0-9._-]+/g, '-').replace(/^[-.]+|-+$/g, '');
}

/** An anonymous default export is named after its module: `src/date-utils.ts` → `dateUtils`, `src/Button/index.tsx` → `Button`. */
function defaultName(file: string): string {
  const base = path.posix.basename(file).replace(/\.[^.]+$/, '');
  const name = base === 'index' ? path.posix.basename(path.posix.dirname(file)) : base;
  return name.replace(/[-_.]+(\w)/g, (_m, c: string) => c.toUpperCase()) || 'default';
}

function opt<K extends string, V>(key: K, value: V | undefined): {[P in K]?: V} {
  return (value === undefined ? {} : {[key]: value}) as {[P in K]?: V};
}
