/**
 * The parsed Root as the model: definitions of the repository's files (not the bundled well-known
 * types) by package, sorted by name; each with its comment, options, deprecation and source line.
 */
import protobuf from 'protobufjs';
import {escapeRegExp, lineOf, type LoadedProtos} from './loadProtos';
import {PROTOBUF_MODEL_VERSION, type EnumModel, type FieldModel, type MessageModel, type ProtobufModel, type ProtoPackageModel, type RpcModel, type ServiceModel, type TypeRef} from './model';

const byName = <T extends {name: string}>(a: T, b: T) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0);

export function extractModel(loaded: LoadedProtos, problems: string[]): ProtobufModel {
  const packageOf = new Map(loaded.files.map((file) => [file.file, file.package]));
  const packages = new Map<string, ProtoPackageModel>();
  const packageFor = (name: string) => {
    let found = packages.get(name);
    if (!found) {
      found = {name, slug: packageSlug(name), files: [], services: [], messages: [], enums: []};
      packages.set(name, found);
    }
    return found;
  };
  for (const file of loaded.files) if (file.parsed) packageFor(file.package).files.push(file.file);

  const visit = (namespace: protobuf.NamespaceBase) => {
    for (const object of namespace.nestedArray) {
      const file = object.filename;
      if (file && packageOf.has(file)) {
        const pkg = packageFor(packageOf.get(file)!);
        const text = loaded.texts.get(file) ?? '';
        if (object instanceof protobuf.Type) pkg.messages.push(message(object, pkg.name, text));
        else if (object instanceof protobuf.Enum) pkg.enums.push(enumModel(object, pkg.name, text));
        else if (object instanceof protobuf.Service) pkg.services.push(service(object, pkg.name, text));
      }
      if (object instanceof protobuf.Namespace || object instanceof protobuf.Type) visit(object as protobuf.NamespaceBase);
    }
  };
  visit(loaded.root);

  const sorted = [...packages.values()].sort(byName);
  for (const pkg of sorted) {
    pkg.files.sort();
    pkg.services.sort(byName);
    pkg.messages.sort(byName);
    pkg.enums.sort(byName);
  }
  return {version: PROTOBUF_MODEL_VERSION, files: loaded.files, packages: sorted, problems};
}

/** `google.pubsub.v1` → `google-pubsub-v1`; the files without a package share `default`. */
export function packageSlug(name: string): string {
  return name ? name.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '') || 'package' : 'default';
}

function base(object: protobuf.ReflectionObject, pkg: string, text: string, keyword: string) {
  const fullName = object.fullName.replace(/^\./, '');
  const name = pkg && fullName.startsWith(`${pkg}.`) ? fullName.slice(pkg.length + 1) : fullName;
  const line = lineOf(text, new RegExp(`^\\s*${keyword}\\s+${escapeRegExp(object.name)}\\b`));
  return {
    fullName,
    name,
    file: object.filename!,
    ...(line ? {line} : {}),
    ...description(object.comment),
    deprecated: isDeprecated(object.options),
    options: optionList(object.options),
  };
}

function message(type: protobuf.Type, pkg: string, text: string): MessageModel {
  const oneofs = type.oneofsArray
    // proto3 `optional` is a synthetic oneof of one field: it is the field's label, not a group.
    .filter((oneof) => !(oneof.fieldsArray.length === 1 && oneof.name === `_${oneof.fieldsArray[0]!.name}`))
    .map((oneof) => ({name: oneof.name, fields: oneof.fieldsArray.map((field) => field.name)}));
  return {...base(type, pkg, text, 'message'), fields: [...type.fieldsArray].sort((a, b) => a.id - b.id).map(field), oneofs};
}

function field(f: protobuf.Field): FieldModel {
  const map = f instanceof protobuf.MapField;
  const options = f.options as Record<string, unknown> | undefined;
  const label = map ? `map<${(f as protobuf.MapField).keyType}, ${f.type}>` : f.repeated ? 'repeated' : f.required ? 'required' : f.rule === 'optional' || options?.proto3_optional ? 'optional' : '';
  return {
    name: f.name,
    number: f.id,
    type: typeRef(f.type, f.resolvedType),
    label,
    ...(map ? {keyType: (f as protobuf.MapField).keyType} : {}),
    ...description(f.comment),
    deprecated: isDeprecated(options),
    options: optionList(options),
  };
}

function enumModel(e: protobuf.Enum, pkg: string, text: string): EnumModel {
  const valuesOptions = (e as protobuf.Enum & {valuesOptions?: Record<string, Record<string, unknown>>}).valuesOptions ?? {};
  const values = Object.entries(e.values)
    .map(([name, number]) => ({name, number, ...description(e.comments[name]), deprecated: isDeprecated(valuesOptions[name])}))
    .sort((a, b) => a.number - b.number || (a.name < b.name ? -1 : 1));
  return {...base(e, pkg, text, 'enum'), values};
}

function service(s: protobuf.Service, pkg: string, text: string): ServiceModel {
  const fullName = s.fullName.replace(/^\./, '');
  const rpcs = s.methodsArray.map((method): RpcModel => {
    const request = typeRef(method.requestType, method.resolvedRequestType);
    return {
      name: method.name,
      anchor: `${s.name}.${method.name}`,
      ...description(method.comment),
      deprecated: isDeprecated(method.options),
      options: optionList(method.options),
      request,
      response: typeRef(method.responseType, method.resolvedResponseType),
      clientStreaming: Boolean(method.requestStream),
      serverStreaming: Boolean(method.responseStream),
      grpcurl: grpcurl(`${fullName}/${method.name}`, method.resolvedRequestType, Boolean(method.requestStream)),
    };
  });
  return {...base(s, pkg, text, 'service'), rpcs: rpcs.sort(byName)};
}

function typeRef(written: string, resolved: protobuf.Type | protobuf.Enum | null): TypeRef {
  if (!resolved) return {name: written.replace(/^\./, '')};
  const fullName = resolved.fullName.replace(/^\./, '');
  // Bundled well-known types have no file: they are protobuf's, documented on protobuf.dev.
  if (!resolved.filename) return {name: fullName, ...(fullName.startsWith('google.protobuf.') ? {wellKnown: true} : {})};
  return {name: fullName, fullName};
}

function description(comment: string | null | undefined): {description?: string} {
  const text = comment?.trim();
  return text ? {description: text} : {};
}

function isDeprecated(options: Record<string, unknown> | undefined): boolean {
  return options?.deprecated === true || options?.deprecated === 'true';
}

/** Options as written in the file (`(google.api.http).post = "/v1/..."`), minus what has its own column. */
function optionList(options: Record<string, unknown> | undefined): string[] {
  if (!options) return [];
  return Object.entries(options)
    .filter(([name]) => name !== 'deprecated' && name !== 'proto3_optional')
    .map(([name, value]) => `${name} = ${typeof value === 'string' ? JSON.stringify(value) : String(value)}`)
    .sort();
}

/**
 * A grpcurl call against a local server with reflection, the request's top-level fields at their zero
 * values. Client streaming reads messages from stdin (`-d @`), one JSON object after another.
 */
function grpcurl(method: string, request: protobuf.Type | null, clientStreaming: boolean): string {
  const body: Record<string, unknown> = {};
  for (const f of (request?.fieldsArray ?? []).slice(0, 8)) body[f.name] = zero(f);
  if (clientStreaming) return `grpcurl -plaintext -d @ localhost:50051 ${method} <<'EOF'\n${JSON.stringify(body)}\nEOF`;
  return `grpcurl -plaintext -d '${JSON.stringify(body).replace(/'/g, `'\\''`)}' localhost:50051 ${method}`;
}

function zero(f: protobuf.Field): unknown {
  if (f.repeated) return [];
  if (f instanceof protobuf.MapField) return {};
  if (f.resolvedType instanceof protobuf.Enum) return Object.keys(f.resolvedType.values)[0] ?? 0;
  if (f.resolvedType) return {};
  if (f.type === 'string' || f.type === 'bytes') return '';
  if (f.type === 'bool') return false;
  return 0;
}
