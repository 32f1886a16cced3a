/**
 * The model of one schema from graphql-js's GraphQLSchema: every operation (a field of a root type)
 * with its arguments, return type and example; every other named type with its fields, values,
 * members and where it is used; resolvers found in code matched to their fields; and the pages the
 * types go on (each kind split into pages of at most TYPES_PER_PAGE, so a thousand types make a few
 * dozen pages, not a thousand).
 */
import {
  getNamedType,
  isEnumType,
  isInputObjectType,
  isInterfaceType,
  isObjectType,
  isSpecifiedScalarType,
  isUnionType,
  isIntrospectionType,
  print,
  astFromValue,
  type GraphQLArgument,
  type GraphQLField,
  type GraphQLInputField,
  type GraphQLNamedType,
  type GraphQLSchema,
  type GraphQLType,
} from 'graphql';
import {placeOf} from './buildMergedSchema';
import {exampleQuery} from './exampleQuery';
import type {ArgumentModel, FieldModel, GraphqlSchemaModel, OperationKind, OperationModel, ResolverRef, TypeKind, TypeModel, TypePage} from './model';
import type {ResolverCandidate} from './scanCode';

export const TYPES_PER_PAGE = 40;

const KIND_ORDER: TypeKind[] = ['object', 'interface', 'union', 'enum', 'input', 'scalar'];
const KIND_PAGE: Record<TypeKind, {slug: string; title: string}> = {
  object: {slug: 'objects', title: 'Objects'},
  interface: {slug: 'interfaces', title: 'Interfaces'},
  union: {slug: 'unions', title: 'Unions'},
  enum: {slug: 'enums', title: 'Enums'},
  input: {slug: 'inputs', title: 'Input objects'},
  scalar: {slug: 'scalars', title: 'Scalars'},
};

export interface ExtractInput {
  schema: GraphQLSchema;
  title: string;
  files: string[];
  endpoint?: string;
  resolvers: (ResolverCandidate & {file: string})[];
  /** Files whose parts keep the file's lines (not introspection results). */
  hasLines: (file: string) => boolean;
}

const byName = <T extends {name: string}>(a: T, b: T) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0);

export function extractModel(input: ExtractInput): GraphqlSchemaModel {
  const {schema} = input;
  const roots = new Map<string, OperationKind>();
  const query = schema.getQueryType();
  const mutation = schema.getMutationType();
  const subscription = schema.getSubscriptionType();
  if (query) roots.set(query.name, 'query');
  if (mutation) roots.set(mutation.name, 'mutation');
  if (subscription) roots.set(subscription.name, 'subscription');

  const resolverOf = resolverIndex(input.resolvers);
  const usedBy = new Map<string, Set<string>>();
  const use = (type: GraphQLType, where: string) => {
    const name = getNamedType(type).name;
    if (!usedBy.has(name)) usedBy.set(name, new Set());
    usedBy.get(name)!.add(where);
  };
  const named = Object.values(schema.getTypeMap()).filter((type) => !isIntrospectionType(type) && !isSpecifiedScalarType(type));

  const operations: OperationModel[] = [];
  const slugs = new Set<string>();
  for (const [rootName, kind] of roots) {
    const root = schema.getType(rootName);
    if (!isObjectType(root)) continue;
    for (const field of Object.values(root.getFields()).sort(byName)) {
      const where = `${kind} ${field.name}`;
      use(field.type, where);
      field.args.forEach((arg) => use(arg.type, `${where}(${arg.name})`));
      operations.push({
        kind,
        name: field.name,
        slug: uniqueSlug(`${kind}-${kebab(field.name)}`, slugs),
        ...text(field.description),
        ...deprecation(field.deprecationReason),
        arguments: field.args.map(argument),
        type: typeUse(field.type),
        example: exampleQuery(kind, field),
        ...optional('source', placeOf(field.astNode ?? undefined, input.hasLines)),
        ...optional('resolver', resolverOf(rootName, field.name)),
      });
    }
  }
  const kindRank = (kind: OperationKind) => ['query', 'mutation', 'subscription'].indexOf(kind);
  operations.sort((a, b) => kindRank(a.kind) - kindRank(b.kind) || byName(a, b));

  const types: TypeModel[] = [];
  for (const type of named.filter((candidate) => !roots.has(candidate.name)).sort(byName)) {
    types.push(typeModel(type, use, resolverOf, input.hasLines));
  }
  // Uses are known once every type was read; the root types count as users too.
  for (const rootName of roots.keys()) {
    const root = schema.getType(rootName);
    if (isObjectType(root)) root.getInterfaces().forEach((item) => use(item, rootName));
  }
  const typePages = assignPages(types);
  for (const type of types) type.usedBy = [...(usedBy.get(type.name) ?? [])].filter((where) => where !== type.name).sort();

  return {
    title: input.title,
    files: [...input.files].sort(),
    ...text(schema.description),
    ...optional('endpoint', input.endpoint),
    roots: [...roots].map(([name, kind]) => ({kind, name, ...text(schema.getType(name)?.description)})),
    operations,
    types,
    typePages,
    resolverCount: operations.filter((op) => op.resolver).length + types.reduce((sum, type) => sum + type.fields.filter((field) => field.resolver).length, 0),
  };
}

function typeModel(type: GraphQLNamedType, use: (type: GraphQLType, where: string) => void, resolverOf: ResolverLookup, hasLines: (file: string) => boolean): TypeModel {
  const base = {name: type.name, page: '', ...text(type.description), ...optional('source', placeOf(type.astNode ?? undefined, hasLines)), fields: [] as FieldModel[], values: [] as TypeModel['values'], interfaces: [] as string[], possibleTypes: [] as string[], usedBy: [] as string[]};
  if (isObjectType(type) || isInterfaceType(type)) {
    const fields = Object.values(type.getFields()).sort(byName);
    for (const field of fields) {
      use(field.type, `${type.name}.${field.name}`);
      field.args.forEach((arg) => use(arg.type, `${type.name}.${field.name}(${arg.name})`));
    }
    const interfaces = type.getInterfaces().map((item) => item.name).sort();
    interfaces.forEach((name) => use(type.getInterfaces().find((item) => item.name === name)!, type.name));
    return {...base, kind: isObjectType(type) ? 'object' : 'interface', fields: fields.map((field) => fieldModel(field, resolverOf(type.name, field.name))), interfaces};
  }
  if (isUnionType(type)) {
    type.getTypes().forEach((member) => use(member, type.name));
    return {...base, kind: 'union', possibleTypes: type.getTypes().map((member) => member.name).sort()};
  }
  if (isEnumType(type)) {
    return {...base, kind: 'enum', values: type.getValues().map((value) => ({name: value.name, ...text(value.description), ...deprecation(value.deprecationReason)}))};
  }
  if (isInputObjectType(type)) {
    const fields = Object.values(type.getFields()).sort(byName);
    fields.forEach((field) => use(field.type, `${type.name}.${field.name}`));
    return {...base, kind: 'input', fields: fields.map(inputField)};
  }
  return {...base, kind: 'scalar', ...optional('specifiedBy', type.specifiedByURL ?? undefined)};
}

/** Implementations of interfaces, once every type is known. Mutates: the model is being built. */
export function addImplementations(types: TypeModel[]): void {
  const byInterface = new Map<string, string[]>();
  for (const type of types) for (const name of type.interfaces) byInterface.set(name, [...(byInterface.get(name) ?? []), type.name]);
  for (const type of types) if (type.kind === 'interface') type.possibleTypes = (byInterface.get(type.name) ?? []).sort();
}

function assignPages(types: TypeModel[]): TypePage[] {
  addImplementations(types);
  const pages: TypePage[] = [];
  for (const kind of KIND_ORDER) {
    const ofKind = types.filter((type) => type.kind === kind);
    const count = Math.ceil(ofKind.length / TYPES_PER_PAGE);
    for (let index = 0; index < count; index++) {
      const chunk = ofKind.slice(index * TYPES_PER_PAGE, (index + 1) * TYPES_PER_PAGE);
      const {slug, title} = KIND_PAGE[kind];
      const page: TypePage = {
        slug: count === 1 ? slug : `${slug}-${index + 1}`,
        kind,
        title: count === 1 ? title : `${title}: ${chunk[0]!.name} to ${chunk.at(-1)!.name}`,
        types: chunk.map((type) => type.name),
      };
      chunk.forEach((type) => (type.page = page.slug));
      pages.push(page);
    }
  }
  return pages;
}

function fieldModel(field: GraphQLField<unknown, unknown>, resolver: ResolverRef | undefined): FieldModel {
  return {
    name: field.name,
    type: typeUse(field.type),
    arguments: field.args.map(argument),
    ...text(field.description),
    ...deprecation(field.deprecationReason),
    ...optional('resolver', resolver),
  };
}

function inputField(field: GraphQLInputField): FieldModel {
  return {name: field.name, type: typeUse(field.type), arguments: [], ...text(field.description), ...deprecation(field.deprecationReason), ...optional('defaultValue', defaultOf(field))};
}

function argument(arg: GraphQLArgument): ArgumentModel {
  return {name: arg.name, type: typeUse(arg.type), ...optional('defaultValue', defaultOf(arg)), ...text(arg.description), ...deprecation(arg.deprecationReason)};
}

function defaultOf(input: GraphQLArgument | GraphQLInputField): string | undefined {
  if (input.defaultValue === undefined) return undefined;
  const node = input.astNode?.defaultValue ?? astFromValue(input.defaultValue, input.type);
  return node ? print(node) : undefined;
}

function typeUse(type: GraphQLType): {text: string; name: string} {
  return {text: String(type), name: getNamedType(type).name};
}

type ResolverLookup = (type: string, field: string) => ResolverRef | undefined;

function resolverIndex(candidates: (ResolverCandidate & {file: string})[]): ResolverLookup {
  const found = new Map<string, ResolverRef>();
  // The first by file and line wins, so the choice does not depend on the walk's order.
  const sorted = [...candidates].sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : a.line - b.line));
  for (const candidate of sorted) {
    const key = `${candidate.type}.${candidate.field}`;
    if (!found.has(key)) found.set(key, {file: candidate.file, line: candidate.line, ...optional('symbol', candidate.holder && `${candidate.file}#${candidate.holder}`)});
  }
  return (type, field) => found.get(`${type}.${field}`);
}

function text(description: string | null | undefined): {description?: string} {
  return description?.trim() ? {description} : {};
}

function deprecation(reason: string | null | undefined): {deprecated?: string} {
  return reason === null || reason === undefined ? {} : {deprecated: reason};
}

function optional<K extends string, V>(key: K, value: V | undefined): {[P in K]?: V} {
  return (value === undefined ? {} : {[key]: value}) as {[P in K]?: V};
}

function uniqueSlug(slug: string, taken: Set<string>): string {
  let candidate = slug;
  for (let n = 2; taken.has(candidate); n++) candidate = `${slug}-${n}`;
  taken.add(candidate);
  return candidate;
}

export function kebab(name: string): string {
  return name
    .replace(/([a-z0-9])([A-Z])/g, '$1-$2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1-$2')
    .replace(/_/g, '-')
    .toLowerCase();
}
