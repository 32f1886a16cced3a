/**
 * The code reference model: the contract between extract and render, as TypeDoc's project JSON is
 * between its converter and its themes. Plain JSON, versioned, sorted, so the same code always gives
 * the same bytes; render reads nothing else.
 */

/** Bump when the shape changes: cached pages and anyone reading `code-reference.json` can tell. */
export const CODE_REFERENCE_MODEL_VERSION = 2;

/** `file#Scope.name`: where a symbol is declared. Stable while the declaration keeps its name and file. */
export type SymbolId = string;

/**
 * Type text as written in the code, one line, with the names in it kept apart so render can link
 * them: a string is plain text, a reference is a name and, when it is one of ours, its symbol.
 */
export type TypeText = (string | TypeRef)[];
export interface TypeRef {
  name: string;
  id?: SymbolId;
}

/** A doc comment. Text fields are Markdown as written; `{@link}` tags are placeholders into `links`. */
export interface DocModel {
  summary?: string;
  remarks?: string;
  returns?: string;
  throws?: string[];
  examples?: {caption?: string; code: string; lang: string}[];
  /** `true` for a bare `@deprecated`. */
  deprecated?: string | true;
  since?: string;
  see?: string[];
  defaultValue?: string;
  /** Inline links, by the index their placeholder carries (see LINK_OPEN). */
  links?: DocLink[];
}

export interface DocLink {
  target: string;
  text?: string;
  /** The symbol the target names, when it is one of ours. */
  id?: SymbolId;
  /** The target is a URL. */
  url?: boolean;
  code?: boolean;
}

/** Placeholder for the n-th inline link in doc text: U+E000, n, U+E001 (private use, never in real text). */
export const LINK_OPEN = '\uE000';
export const LINK_CLOSE = '\uE001';

export interface TypeParameterModel {
  name: string;
  constraint?: TypeText;
  default?: TypeText;
  doc?: string;
}

export interface ParameterModel {
  name: string;
  type?: TypeText;
  optional?: boolean;
  rest?: boolean;
  defaultValue?: string;
  /** From `@param`. Markdown. */
  doc?: string;
  /** Python: before a `/`, or after `*` (names keep their stars: `*args`, `**kwargs`). */
  kind?: 'positional-only' | 'keyword-only';
}

export interface SignatureModel {
  typeParameters?: TypeParameterModel[];
  parameters: ParameterModel[];
  returns?: TypeText;
  line: number;
  doc?: DocModel;
}

export type MemberKind = 'constructor' | 'property' | 'method' | 'accessor' | 'call' | 'construct' | 'index' | 'enum-member';

export interface MemberModel {
  name: string;
  kind: MemberKind;
  /** Unique on the page: `Name.member`, `Name.static-member`. */
  anchor: string;
  line: number;
  static?: boolean;
  visibility?: 'protected' | 'public';
  abstract?: boolean;
  readonly?: boolean;
  optional?: boolean;
  decorators?: string[];
  /** Python: `async def`. */
  async?: boolean;
  /** Accessors: which halves exist. */
  accessor?: {get?: boolean; set?: boolean};
  type?: TypeText;
  signatures?: SignatureModel[];
  /** Enum members and initialised properties, as written (one line, shortened). */
  value?: string;
  doc?: DocModel;
}

export type SymbolKind = 'function' | 'class' | 'interface' | 'type' | 'enum' | 'variable' | 'namespace';

export interface SymbolModel {
  id: SymbolId;
  /** The name a reader knows it by: the declared name, or for an anonymous default export one made from its file. */
  name: string;
  kind: SymbolKind;
  /** Every kind it is declared as (a merged interface + namespace is both). */
  kinds: SymbolKind[];
  /** Path relative to the target root, POSIX. */
  file: string;
  line: number;
  /** Link to the source on the web host at the current commit, when there is a host. */
  sourceUrl?: string;
  /** The page it is documented on (the first container that exports it) and its anchor there. */
  home: string;
  anchor: string;
  /** From `@category` or `@group`. */
  category?: string;
  doc?: DocModel;
  typeParameters?: TypeParameterModel[];
  signatures?: SignatureModel[];
  /** Type aliases: the aliased type. Variables: the declared (or evident) type. */
  type?: TypeText;
  /** `const`, `let` or `var`, for variables. */
  declaration?: 'const' | 'let' | 'var';
  value?: string;
  extends?: TypeText[];
  implements?: TypeText[];
  abstract?: boolean;
  decorators?: string[];
  members?: MemberModel[];
  /** Namespaces (declared, or a module re-exported with `export * as`): the page of its members. */
  namespace?: string;
  /** Set for symbols read from Python (plugins/python): signatures are then shown as Python writes them. */
  language?: 'python';
  /** Python: `async def`. */
  async?: boolean;
}

export interface ExportModel {
  /** The name importers use (`default` for a default export). */
  name: string;
  symbol?: SymbolId;
  /** Re-exported from a module outside the target (another package): its specifier. */
  external?: string;
  /** Declared in an application's file but not exported: documented because the app is read file by file. */
  local?: boolean;
}

/** A page: an entry module as users import it, or a namespace. */
export interface ContainerModel {
  id: string;
  kind: 'module' | 'namespace';
  /** `zod/v4`, `plugins/core/prepareSite`, `Effect`, `z.core`. */
  name: string;
  /** The route below the section, without slashes at the ends: `zod/v4`. Unique, lower case. */
  slug: string;
  package: string;
  file?: string;
  /** Modules from a manifest: users import them by this name. */
  importable?: boolean;
  /** A library's module that no public entry point is (shown only when `codeReference.internals` asks). */
  internal?: boolean;
  doc?: DocModel;
  /** Everything it exports, sorted by name; symbols documented elsewhere are shown as links. */
  exports: ExportModel[];
}

export interface PackageModel {
  /** Folder relative to the target root ('' for the root). */
  dir: string;
  name: string;
  version?: string;
  description?: string;
  /** Route below the section ('' when the target has one package). */
  slug: string;
  /** Entry modules first, in the order users see them, then namespaces. */
  containers: string[];
  /** The package exports nothing (an application): every source file is a module, grouped by folder. */
  app?: boolean;
  /** An application's folders, sorted, with what each holds (its README's first paragraph, else its first module comment). */
  folders?: FolderModel[];
}

export interface FolderModel {
  /** Relative to the package folder, POSIX; '' for the package's own folder. */
  path: string;
  /** Markdown. */
  summary?: string;
}

export interface CodeReferenceModel {
  version: typeof CODE_REFERENCE_MODEL_VERSION;
  packages: PackageModel[];
  containers: ContainerModel[];
  symbols: SymbolModel[];
}

/** Sorted copies everywhere order is not meaningful, so serialising is deterministic. */
export function normalizeModel(model: CodeReferenceModel): CodeReferenceModel {
  const byKey = <T>(key: (item: T) => string) => (a: T, b: T) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0);
  return {
    version: model.version,
    packages: [...model.packages].sort(byKey((pkg) => pkg.dir)),
    containers: [...model.containers]
      .map((container) => ({...container, exports: [...container.exports].sort(byKey((entry) => entry.name))}))
      .sort(byKey((container) => container.id)),
    symbols: [...model.symbols].sort(byKey((symbol) => symbol.id)),
  };
}

export function serializeModel(model: CodeReferenceModel): string {
  return `${JSON.stringify(normalizeModel(model), null, 1)}\n`;
}
