/**
 * Python facts → the code reference model, so Python packages are parts of the same reference as the
 * TypeScript ones, rendered by the same pages. Each public module is a page; each definition is one
 * symbol, documented on the page of the module that defines it when that module exports it, else on
 * the first public module that re-exports it; type names in annotations link to our symbols.
 */
import type {Report} from '../core/report';
import type {ContainerModel, DocModel, ExportModel, MemberModel, PackageModel, ParameterModel, SignatureModel, SymbolKind, SymbolModel, TypeText} from '../code-reference/model';
import type {PythonPackagePlan} from './discover';
import {parseDocstring, type ParsedDocstring} from './docstrings';
import type {PyDef, PySignature} from './parse/facts';
import {isOverload} from './parse/parseModule';
import {isPrivateModule, type PyModule, type PythonProject, type Resolved} from './publicApi';

export interface PythonModelParts {
  packages: PackageModel[];
  containers: ContainerModel[];
  symbols: SymbolModel[];
}

const ENUM_BASES = /^(enum\.)?(Enum|IntEnum|StrEnum|Flag|IntFlag)$/;
/** Classes whose annotated class attributes are fields (constructor parameters), not plain attributes. */
const MODEL_BASES = /^(pydantic\.)?BaseModel$|^(sqlmodel\.)?SQLModel$|^BaseSettings$|^(typing\.)?(NamedTuple|TypedDict)$/;
const MODEL_DECORATORS = /^(dataclasses\.)?dataclass\b|^(attr\.|attrs\.)?(s|define|frozen|mutable|attrs)\b|^pydantic\.dataclasses\.dataclass/;
const NAME = /[A-Za-z_]\w*(?:\.[A-Za-z_]\w*)*/g;

function anchorOf(name: string): string {
  return name.replace(/[^A-Za-z0-9_$-]+/g, '-').replace(/^-+|-+$/g, '') || 'symbol';
}

const opt = <K extends string, V>(key: K, value: V | undefined | false | '' | 0) => (value === undefined || value === false || value === '' || value === 0 ? {} : ({[key]: value} as {[P in K]: V}));

export function toModel(input: {plans: PythonPackagePlan[]; project: PythonProject; usedSlugs: Set<string>; sourceUrl?: (file: string, line: number) => string; report: Report}): PythonModelParts {
  const {plans, project, usedSlugs} = input;
  const slugFor = (wanted: string) => {
    const base = wanted.replace(/[^A-Za-z0-9._/-]+/g, '-');
    let slug = base;
    for (let i = 2; usedSlugs.has(slug.toLowerCase()); i++) slug = `${base}-${i}`;
    usedSlugs.add(slug.toLowerCase());
    return slug;
  };

  // Pass 1: pages, and which definition each public name is, so every symbol has one home.
  const packages: PackageModel[] = [];
  const containers: ContainerModel[] = [];
  const entries: {container: ContainerModel; module: PyModule; names: [string, Resolved][]}[] = [];
  const homes = new Map<PyDef, {container: ContainerModel; module: PyModule}>();
  // Alone in the reference, one package is the section's root, as a lone TypeScript package is.
  const alone = usedSlugs.size === 0 && plans.length === 1;
  for (const plan of plans) {
    const pkgSlug = alone ? '' : slugFor(plan.name);
    const pkg: PackageModel = {dir: plan.dir, name: plan.name, ...opt('version', plan.version), ...opt('description', plan.description), slug: pkgSlug, containers: []};
    packages.push(pkg);
    const modules = plan.modules.map((one) => project.modules.get(one.name)).filter((one): one is PyModule => one !== undefined && !isPrivateModule(one.name));
    // Packages before their submodules, shallow first: the first exporter is the one users import from.
    modules.sort((a, b) => a.name.split('.').length - b.name.split('.').length || (a.name < b.name ? -1 : 1));
    for (const module of modules) {
      const doc = parseDocstring(module.facts.doc).doc;
      const container: ContainerModel = {id: `py:${module.name}`, kind: 'module', name: module.name, slug: slugFor(pkgSlug ? `${pkgSlug}/${module.name}` : module.name), package: plan.dir, file: module.file, ...opt('doc', Object.keys(doc).length > 0 && doc), exports: []};
      containers.push(container);
      pkg.containers.push(container.id);
      const names = project.publicNames(module).map((name): [string, Resolved] => [name, project.resolve(module, name)]);
      entries.push({container, module, names});
      if (module.facts.all) {
        for (const [name, resolved] of names) {
          if (!resolved) input.report.warn(`\`__all__\` of ${module.name} names \`${name}\`, which the module does not define or import`, {file: module.file, ...opt('line', module.facts.allLine), fix: `Define or import \`${name}\` in ${module.file}, or remove it from \`__all__\`.`});
        }
      }
    }
  }
  // The defining module when it exports the name, else the first module (shallowest) that exports it.
  for (const {container, module, names} of entries) {
    for (const [, resolved] of names) {
      if (resolved?.kind === 'def' && resolved.module === module && !homes.has(resolved.def)) homes.set(resolved.def, {container, module});
    }
  }
  for (const {container, names} of entries) {
    for (const [, resolved] of names) {
      if (resolved?.kind === 'def' && !homes.has(resolved.def)) homes.set(resolved.def, {container, module: resolved.module});
    }
  }
  const idOf = new Map<PyDef, string>();
  for (const [def, home] of homes) idOf.set(def, `${home.module.file}#${def.name}`);

  const typeText = (module: PyModule, annotation: string | undefined): TypeText | undefined => {
    if (!annotation) return undefined;
    // A whole forward reference (`"User"`) reads better without its quotes.
    const written = /^(['"])([^'"]*)\1$/.exec(annotation)?.[2] ?? annotation;
    const out: TypeText = [];
    let last = 0;
    for (const match of written.matchAll(NAME)) {
      if (match.index! > last) out.push(written.slice(last, match.index));
      const resolved = project.resolveDotted(module, match[0]);
      const id = resolved?.kind === 'def' ? idOf.get(resolved.def) : undefined;
      out.push(id ? {name: match[0], id} : match[0]);
      last = match.index! + match[0].length;
    }
    if (last < written.length) out.push(written.slice(last));
    return out;
  };

  // Pass 2: the symbols.
  const symbols: SymbolModel[] = [];
  for (const [def, home] of [...homes].sort(([a], [b]) => (idOf.get(a)! < idOf.get(b)! ? -1 : 1))) {
    const module = home.module;
    const parsed = parseDocstring(def.doc);
    const doc = withDeprecation(parsed.doc, def.decorators);
    const anchor = anchorOf(def.name);
    const kind: SymbolKind = def.kind === 'class' ? (def.bases?.some((base) => ENUM_BASES.test(base)) ? 'enum' : 'class') : def.kind === 'function' ? 'function' : def.kind === 'type' ? 'type' : 'variable';
    const symbol: SymbolModel = {
      id: idOf.get(def)!,
      name: def.name,
      kind,
      kinds: [kind],
      file: module.file,
      line: def.line,
      ...opt('sourceUrl', input.sourceUrl?.(module.file, def.line)),
      home: home.container.id,
      anchor,
      language: 'python',
      ...opt('doc', Object.keys(doc).length > 0 && doc),
      ...opt('decorators', def.decorators?.length && def.decorators.map((one) => `@${one}`)),
      ...opt('async', def.async),
    };
    if (def.kind === 'function') symbol.signatures = signaturesOf(def, module, parsed, typeText, false);
    if (def.kind === 'type') symbol.type = typeText(module, def.annotation);
    if (def.kind === 'variable') {
      Object.assign(symbol, opt('type', typeText(module, def.annotation)), opt('value', def.value));
      if (!symbol.doc && def.fieldDoc) symbol.doc = {summary: def.fieldDoc};
    }
    if (def.kind === 'class') {
      const bases = (def.bases ?? []).map((base) => typeText(module, base)!).filter(Boolean);
      if (bases.length > 0) symbol.extends = bases;
      symbol.members = membersOf(def, kind === 'enum', module, parsed, typeText, anchor);
    }
    symbols.push(symbol);
  }

  // Exports: every public name; definitions documented elsewhere show as re-exports.
  for (const {container, names} of entries) {
    container.exports = names.flatMap(([name, resolved]): ExportModel[] => {
      if (resolved?.kind === 'def') return idOf.has(resolved.def) ? [{name, symbol: idOf.get(resolved.def)!}] : [];
      if (resolved?.kind === 'external') return [{name, external: resolved.path}];
      return [];
    });
  }
  return {packages, containers, symbols};
}

/** `@deprecated("...")` (PEP 702, `warnings.deprecated`, `typing_extensions.deprecated`) is the same badge as `.. deprecated::`. */
function withDeprecation(doc: DocModel, decorators: string[] | undefined): DocModel {
  const decorator = decorators?.find((one) => /^(warnings\.|typing_extensions\.)?deprecated\b/.test(one));
  if (!decorator || doc.deprecated) return doc;
  const message = /\(\s*(?:[rRuU]?)(["'])(.*)\1/.exec(decorator)?.[2];
  return {...doc, deprecated: message || true};
}

type TypeTextOf = (module: PyModule, annotation: string | undefined) => TypeText | undefined;

function signaturesOf(def: PyDef, module: PyModule, parsed: ParsedDocstring, typeText: TypeTextOf, method: boolean): SignatureModel[] {
  const isStatic = def.decorators?.includes('staticmethod');
  const overloads = def.decorators?.some(isOverload);
  return (def.signatures ?? []).map((signature: PySignature): SignatureModel => {
    const params = method && !isStatic && /^(self|cls|mcs|metacls)$/.test(signature.params[0]?.name ?? '') ? signature.params.slice(1) : signature.params;
    const parameters = params.map((param): ParameterModel => {
      const bare = param.name.replace(/^\*+/, '');
      const documented = parsed.params.get(bare);
      return {
        name: param.name,
        // A type written only in the docstring (`list of float, optional`) is shown without its `optional`.
        ...opt('type', typeText(module, param.annotation ?? documented?.type?.replace(/,?\s*optional$/, ''))),
        ...opt('optional', param.default !== undefined || param.name.startsWith('*')),
        ...opt('defaultValue', param.default),
        ...opt('doc', documented?.text),
        ...opt('kind', param.kind),
      };
    });
    const model: SignatureModel = {parameters, line: signature.line, ...opt('returns', typeText(module, signature.returns ?? parsed.returnsType))};
    if (overloads && signature.doc) model.doc = parseDocstring(signature.doc).doc;
    return model;
  });
}

function membersOf(def: PyDef, isEnum: boolean, module: PyModule, parsed: ParsedDocstring, typeText: TypeTextOf, anchor: string): MemberModel[] {
  const fields = (def.bases ?? []).some((base) => MODEL_BASES.test(base)) || (def.decorators ?? []).some((one) => MODEL_DECORATORS.test(one));
  const out: MemberModel[] = [];
  const used = new Set<string>();
  const add = (member: Omit<MemberModel, 'anchor'>) => {
    let memberAnchor = `${anchor}.${anchorOf(member.name)}`;
    for (let i = 2; used.has(memberAnchor); i++) memberAnchor = `${anchor}.${anchorOf(member.name)}-${i}`;
    used.add(memberAnchor);
    out.push({...member, anchor: memberAnchor});
  };
  const visible = (name: string) => !name.startsWith('_') || name === '__init__' || name === '__call__';
  const instance = (def.members ?? []).find((member) => member.name === '__init__')?.members ?? [];
  for (const member of def.members ?? []) {
    if (!visible(member.name)) continue;
    const memberParsed = parseDocstring(member.doc);
    const doc = withDeprecation(memberParsed.doc, member.decorators);
    const described = parsed.attributes.get(member.name);
    const docOf = (extra?: string): DocModel | undefined => {
      const merged = {...doc, ...(doc.summary ? {} : opt('summary', extra ?? described))};
      return Object.keys(merged).length > 0 ? merged : undefined;
    };
    if (isEnum && member.kind === 'variable') {
      add({name: member.name, kind: 'enum-member', line: member.line, ...opt('value', member.value), ...opt('doc', docOf())});
      continue;
    }
    if (member.kind === 'function') {
      const decorators = member.decorators ?? [];
      const property = decorators.some((one) => /^(property|functools\.cached_property|cached_property)$/.test(one));
      const isStatic = decorators.includes('staticmethod') || decorators.includes('classmethod');
      // A constructor's parameters are often documented on the class (`Args:` in its docstring); it returns nothing to show.
      const constructor = member.name === '__init__';
      const signatures: SignatureModel[] = signaturesOf(member, module, constructor ? {...memberParsed, params: new Map([...parsed.params, ...memberParsed.params])} : memberParsed, typeText, true);
      if (constructor) for (const signature of signatures) delete signature.returns;
      const shown = decorators.filter((one) => !isOverload(one)).map((one) => `@${one}`);
      if (property) {
        add({name: member.name, kind: 'accessor', line: member.line, accessor: {get: true}, ...opt('type', signatures[0]?.returns), ...opt('doc', docOf()), ...opt('decorators', shown.length && shown)});
      } else {
        add({name: member.name, kind: constructor ? 'constructor' : 'method', line: member.line, ...opt('static', isStatic), signatures, ...opt('doc', docOf()), ...opt('decorators', shown.length && shown), ...opt('async', member.async)});
      }
      continue;
    }
    if (member.kind === 'variable' || member.kind === 'type') {
      add({
        name: member.name,
        kind: 'property',
        line: member.line,
        // Annotated class attributes of a plain class are instance attributes; unannotated ones are class attributes.
        ...opt('static', !fields && !member.annotation),
        ...opt('type', typeText(module, member.annotation)),
        ...opt('value', member.value),
        ...opt('doc', docOf(member.fieldDoc)),
        ...opt('decorators', fields && ['field']),
      });
    }
  }
  for (const attribute of instance) {
    if (!visible(attribute.name) || out.some((member) => member.name === attribute.name)) continue;
    const doc = parseDocstring(attribute.doc).doc;
    const summary = doc.summary ?? parsed.attributes.get(attribute.name);
    add({name: attribute.name, kind: 'property', line: attribute.line, ...opt('type', typeText(module, attribute.annotation)), ...opt('doc', summary && {...doc, summary})});
  }
  return out;
}
