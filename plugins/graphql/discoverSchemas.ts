/**
 * Which GraphQL schemas a target has, and which files make each one. Found with no config: SDL files
 * (`*.graphql`, `*.gql`, `*.graphqls`), code that may hold schema strings or resolvers (read by
 * scanCode), introspection results (`.json` with `__schema`). The files of one package form one
 * schema (a schema split over files is one API); a folder or file the config names forms its own.
 * Test and fixture folders, test files and what `graphql.exclude` names are left out.
 */
import path from 'node:path';
import ignore from 'ignore';
import type {GraphqlConfig} from '../core/configSchema';
import {UserError} from '../core/errors';
import {isInside} from '../core/resolveTarget';
import type {TargetContext} from '../core/types';

export type SourceKind = 'sdl' | 'code' | 'introspection';

export interface SchemaFile {
  /** Relative POSIX path from the target's root. */
  file: string;
  kind: SourceKind;
}

export interface SchemaGroup {
  /** The folder the schema belongs to ('' for the root), for its title and id. */
  dir: string;
  files: SchemaFile[];
  /** Index of its entry in `graphql.schemas`, when the config names it. */
  configIndex?: number;
  id?: string;
  title?: string;
  endpoint?: string;
}

const TEST_FOLDER = /(^|\/)(tests?|__tests__|fixtures?|__fixtures__|testdata|test-data|__mocks__|e2e)\//i;
const TEST_FILE = /\.(test|spec|stories)\.[^/]+$/;
const SDL = /\.(graphql|graphqls|gql)$/i;
const CODE = /\.(c|m)?[jt]sx?$/;

function kindOf(file: string): SourceKind | undefined {
  if (SDL.test(file)) return 'sdl';
  if (CODE.test(file) && !file.endsWith('.d.ts')) return 'code';
  if (file.endsWith('.json')) return 'introspection';
  return undefined;
}

/** Every file that may hold part of a schema, before reading it. */
export function candidateFiles(context: TargetContext): SchemaFile[] {
  const config: GraphqlConfig = context.config.graphql ?? {};
  const excluded = ignore().add(config.exclude ?? []);
  const out: SchemaFile[] = [];
  for (const file of context.inventory.files) {
    if (TEST_FOLDER.test(file) || TEST_FILE.test(file) || excluded.ignores(file)) continue;
    const kind = kindOf(file);
    if (kind) out.push({file, kind});
  }
  return out;
}

/**
 * Splits the files that hold schema text into schemas: first each configured entry takes the files
 * under its path, then (unless `discover: false`) the rest go by their nearest package folder.
 * `packageDirs` are the folders of the target's package manifests ('' for the root).
 */
export function groupSchemas(context: TargetContext, found: SchemaFile[], packageDirs: string[]): SchemaGroup[] {
  const config: GraphqlConfig = context.config.graphql ?? {};
  let rest = [...found];
  const groups: SchemaGroup[] = [];
  (config.schemas ?? []).forEach((entry, index) => {
    const where = path.posix.normalize((entry.path ?? '.').split(path.sep).join('/')).replace(/\/$/, '');
    if (where.startsWith('../') || !isInside(context.root, path.resolve(context.root, where))) {
      throw new UserError(`"${entry.path}" points outside the repository`, {
        file: context.configFile,
        key: `graphql.schemas.${index}.path`,
        fix: 'Name a file or folder inside the repository, e.g. graphql: {schemas: [{path: "schema/"}]}',
      });
    }
    const under = (file: string) => where === '.' || file === where || file.startsWith(`${where}/`);
    const files = rest.filter((source) => under(source.file));
    rest = rest.filter((source) => !under(source.file));
    const dir = where === '.' ? '' : files.length === 1 && files[0]!.file === where ? path.posix.dirname(where).replace(/^\.$/, '') : where;
    groups.push({dir, files, configIndex: index, id: entry.id, title: entry.title, endpoint: entry.endpoint});
  });
  if (config.discover === false) return groups;
  const dirs = [...packageDirs].sort((a, b) => b.length - a.length);
  const byDir = new Map<string, SchemaFile[]>();
  for (const source of rest) {
    // Introspection results are whole schemas: each is its own.
    const dir = source.kind === 'introspection' ? source.file : (dirs.find((candidate) => candidate === '' || source.file.startsWith(`${candidate}/`)) ?? '');
    byDir.set(dir, [...(byDir.get(dir) ?? []), source]);
  }
  for (const [dir, files] of [...byDir].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) groups.push({dir, files});
  return groups;
}
