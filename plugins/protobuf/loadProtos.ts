/**
 * Reads a repository's `.proto` files with protobufjs (no protoc): each file is parsed alone first, so
 * a syntax error costs that file only; imports are followed to files of the repository (never outside
 * it) or to protobufjs's bundled well-known types; then the good files are parsed into one Root and
 * every field and RPC type is resolved one by one, so an unknown type is one warning, not a failed load.
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import protobuf from 'protobufjs';
import type {ProtoFileModel} from './model';

/** A `.proto` file is source code; anything bigger than this is generated or hostile. */
export const MAX_PROTO_BYTES = 4 * 2 ** 20;


export const PARSE_OPTIONS = {keepCase: true, alternateCommentMode: true};

export interface ProtoProblem {
  file: string;
  line?: number;
  message: string;
  fix: string;
}

export interface LoadedProtos {
  root: protobuf.Root;
  files: ProtoFileModel[];
  /** Source text by file, for finding the line of a definition. */
  texts: Map<string, string>;
  problems: ProtoProblem[];
}

/** protobufjs names the file in its messages through this static field of `parse`. */
const parseWithFile = protobuf.parse as typeof protobuf.parse & {filename: string | null};

export async function loadProtos(root: string, files: string[]): Promise<LoadedProtos> {
  const problems: ProtoProblem[] = [];
  const texts = new Map<string, string>();
  const headers = new Map<string, protobuf.IParserResult>();
  for (const file of files) {
    const absolute = path.join(root, file);
    const stat = await fs.stat(absolute);
    if (stat.size > MAX_PROTO_BYTES) {
      problems.push({file, message: `the file has ${stat.size} bytes, more than the ${MAX_PROTO_BYTES} read`, fix: 'Split it, or exclude it from the repository walk'});
      continue;
    }
    const text = await fs.readFile(absolute, 'utf8');
    texts.set(file, text);
    try {
      headers.set(file, parseOne(text, new protobuf.Root(), file));
    } catch (error) {
      problems.push({file, ...protobufError(error), fix: 'Fix the syntax; the other .proto files are documented without this one'});
    }
  }

  const fileModels: ProtoFileModel[] = [];
  const wellKnown = new Set<string>();
  const known = new Set(headers.keys());
  for (const file of files) {
    const header = headers.get(file);
    if (!header) {
      if (texts.has(file)) fileModels.push({file, package: '', syntax: '', imports: [], parsed: false});
      continue;
    }
    const imports: ProtoFileModel['imports'] = [];
    for (const imported of [...(header.imports ?? []), ...(header.weakImports ?? [])]) {
      const found = resolveImport(imported, file, known);
      if (found) imports.push({path: imported, file: found});
      else if (protobuf.common.get(imported)) {
        wellKnown.add(imported);
        imports.push({path: imported, wellKnown: true});
      } else {
        imports.push({path: imported});
        problems.push({
          file,
          line: lineOf(texts.get(file)!, new RegExp(`^\\s*import\\b.*["']${escapeRegExp(imported)}["']`)),
          message: `import "${imported}" is not a file of the repository`,
          fix: 'Add the file under the same path, or remove the import; types from it are shown unlinked',
        });
      }
    }
    fileModels.push({file, package: header.package ?? '', syntax: syntaxOf(texts.get(file)!), imports, parsed: true});
  }

  const protoRoot = new protobuf.Root();
  for (const imported of [...wellKnown].sort()) {
    try {
      protoRoot.addJSON(protobuf.common.get(imported)!.nested!);
    } catch {
      // The repository defines google.protobuf itself: its own definitions are the ones documented.
    }
  }
  for (const file of files) {
    if (!headers.has(file)) continue;
    try {
      parseOne(texts.get(file)!, protoRoot, file);
    } catch (error) {
      problems.push({file, ...protobufError(error), fix: 'Rename one of the two definitions; the first one read is documented'});
    }
  }
  resolveTypes(protoRoot, texts, problems);
  return {root: protoRoot, files: fileModels, texts, problems};
}

function parseOne(text: string, into: protobuf.Root, file: string): protobuf.IParserResult {
  parseWithFile.filename = file;
  try {
    return protobuf.parse(text, into, PARSE_OPTIONS);
  } finally {
    parseWithFile.filename = null;
  }
}

/**
 * protoc resolves an import against its `-I` paths, which a repository does not declare: the file
 * whose path is the import, else whose path ends with it (`proto/` + `acme/v1/x.proto`), nearest the
 * importing file first, so two trees with the same layout each find their own.
 */
export function resolveImport(imported: string, from: string, files: ReadonlySet<string>): string | undefined {
  const wanted = path.posix.normalize(imported);
  if (wanted.startsWith('../') || path.posix.isAbsolute(wanted)) return undefined;
  if (files.has(wanted)) return wanted;
  const candidates = [...files].filter((file) => file.endsWith(`/${wanted}`));
  const shared = (file: string) => {
    let n = 0;
    while (n < file.length && n < from.length && file[n] === from[n]) n++;
    return n;
  };
  candidates.sort((a, b) => shared(b) - shared(a) || a.length - b.length || (a < b ? -1 : 1));
  return candidates[0];
}

/** Each field, map key and RPC type resolved alone: an unknown name is a warning where it is used. */
function resolveTypes(root: protobuf.Root, texts: Map<string, string>, problems: ProtoProblem[]): void {
  const visit = (namespace: protobuf.NamespaceBase) => {
    for (const object of namespace.nestedArray) {
      if (object instanceof protobuf.Type) {
        for (const field of object.fieldsArray) {
          try {
            field.resolve();
          } catch {
            const file = field.filename ?? object.filename ?? '';
            problems.push({
              file,
              line: lineOf(texts.get(file) ?? '', new RegExp(`\\b${escapeRegExp(field.name)}\\s*=\\s*${field.id}\\b`)),
              message: `field ${object.name}.${field.name} has type "${field.type}", which no file read defines`,
              fix: 'Define the type or import the file that does; the field is shown with its type unlinked',
            });
          }
        }
      }
      if (object instanceof protobuf.Service) {
        for (const method of object.methodsArray) {
          try {
            method.resolve();
          } catch {
            const file = object.filename ?? '';
            problems.push({
              file,
              line: lineOf(texts.get(file) ?? '', new RegExp(`\\brpc\\s+${escapeRegExp(method.name)}\\b`)),
              message: `rpc ${object.name}.${method.name} names a type no file read defines (${method.requestType} or ${method.responseType})`,
              fix: 'Define the type or import the file that does; the RPC is shown with its types unlinked',
            });
          }
        }
      }
      if (object instanceof protobuf.Namespace || object instanceof protobuf.Type || object instanceof protobuf.Service) visit(object as protobuf.NamespaceBase);
    }
  };
  visit(root);
}

/** protobufjs says `illegal token '}' (file.proto, line 4)`: the line goes to the warning's place. */
function protobufError(error: unknown): {message: string; line?: number} {
  const raw = error instanceof Error ? error.message : String(error);
  const line = /line (\d+)\)/.exec(raw);
  const message = raw.replace(/\s*\((?:[^()]*, )?line \d+\)\s*$/, '').replace(/\s*in [^\s]+$/, '');
  return {message: `cannot parse: ${message}`, ...(line ? {line: Number(line[1])} : {})};
}

export function lineOf(text: string, pattern: RegExp): number | undefined {
  const lines = text.split('\n');
  const flags = pattern.flags.includes('m') ? pattern.flags : `${pattern.flags}m`;
  const multiline = new RegExp(pattern.source, flags);
  for (let index = 0; index < lines.length; index++) if (multiline.test(lines[index]!)) return index + 1;
  return undefined;
}

function syntaxOf(text: string): string {
  const match = /^\s*(syntax|edition)\s*=\s*["']([^"']+)["']/m.exec(text);
  return match ? (match[1] === 'edition' ? `edition ${match[2]}` : match[2]!) : 'proto2';
}

export function escapeRegExp(value: string): string {
  return value.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
