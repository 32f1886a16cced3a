/**
 * What one file says, read from that file alone: its declarations, imports and exports. Nothing in
 * here depends on another file or on options, so facts are cached by the file's content hash and a
 * change to one file re-reads only that file. Linking the files together is link.ts's job.
 */
import {SECRET_RULES_VERSION} from '../../core/secrets';
import type {DocModel, MemberModel, SymbolKind, SymbolModel} from '../model';

/** Bump when the shape of FileFacts or what the parser extracts changes: old cache entries then miss. */
export const FILE_FACTS_VERSION = `3-secrets${SECRET_RULES_VERSION}`;

export interface ImportBinding {
  local: string;
  specifier: string;
  /** The imported name, `default`, or `*` for a namespace import. */
  name: string;
  line: number;
}

export type ExportStatement =
  /** `export function a`, `export {a as b}`, `export default a`: `name` is exported, `local` is in the file. */
  | {kind: 'local'; name: string; local: string; line: number}
  /** `export {a as b} from 'm'`. */
  | {kind: 'from'; name: string; imported: string; specifier: string; line: number}
  /** `export * from 'm'`. */
  | {kind: 'star'; specifier: string; line: number}
  /** `export * as ns from 'm'`. */
  | {kind: 'namespace'; name: string; specifier: string; line: number};

/** A member as extracted: render never sees the flags that decide whether it is shown. */
export type MemberFacts = Omit<MemberModel, 'anchor'> & {private?: boolean; internal?: boolean};

/** One declaration of a name in a scope (a name may have several: overloads aside, interface + namespace). */
export type DeclFacts = Omit<SymbolModel, 'id' | 'home' | 'anchor' | 'sourceUrl' | 'file' | 'kinds' | 'namespace' | 'members'> & {
  kind: SymbolKind;
  /** `''` for the file, else the dotted path of the enclosing namespaces. */
  scope: string;
  internal?: boolean;
  members?: MemberFacts[];
  /** For a namespace: the scope key of its body. */
  body?: string;
};

export interface ScopeFacts {
  declarations: DeclFacts[];
  /** Names a namespace body exports (a file's exports are ExportStatements). */
  exported: string[];
}

export interface FileFacts {
  /** Relative to the target root, POSIX. */
  file: string;
  syntaxErrors: {line: number; message: string}[];
  moduleDoc?: DocModel;
  imports: ImportBinding[];
  exports: ExportStatement[];
  scopes: Record<string, ScopeFacts>;
}
