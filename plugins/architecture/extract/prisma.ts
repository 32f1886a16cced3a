/**
 * Prisma schemas to entities, with @mrleebo/prisma-ast (a small parser of the schema language; the
 * official getDMMF needs the Prisma engines). Relations come from relation fields: a list on one
 * side and a `@relation(fields: ...)` on the other is 1-n, lists on both sides n-m.
 */
import {getSchema, type Attribute, type BlockAttribute, type Field, type Model} from '@mrleebo/prisma-ast';
import type {ColumnModel, EntityModel, EntityRelationModel} from '../model';
import type {ProblemSink} from './declared';

export function readPrisma(file: string, text: string, sink: ProblemSink): EntityModel[] {
  let schema;
  try {
    schema = getSchema(text);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const line = Number(/line[: ]+(\d+)/i.exec(message)?.[1] ?? 1);
    sink.problem({file, line}, `cannot parse the Prisma schema: ${message.split('\n')[0]}`);
    return [];
  }
  const models = schema.list.filter((block): block is Model => block.type === 'model' || block.type === 'view');
  const modelNames = new Set(models.map((model) => model.name));
  const lines = text.split('\n');
  const lineOf = (pattern: RegExp, from = 0) => {
    for (let i = from; i < lines.length; i++) if (pattern.test(lines[i]!)) return i + 1;
    return from + 1;
  };
  const fieldsOf = (model: Model) => model.properties.filter((p): p is Field => p.type === 'field');
  return models.map((model) => {
    const start = lineOf(new RegExp(`^\\s*(model|view)\\s+${model.name}\\b`));
    const columns: ColumnModel[] = [];
    const relations: EntityRelationModel[] = [];
    const foreign = new Map<string, string>();
    for (const field of fieldsOf(model)) {
      const type = typeof field.fieldType === 'string' ? field.fieldType : 'Unsupported';
      if (modelNames.has(type)) {
        const relation = attribute(field, 'relation');
        const fields = arrayArg(relation, 'fields');
        const references = arrayArg(relation, 'references');
        fields.forEach((name, i) => foreign.set(name, `${type}.${references[i] ?? 'id'}`));
        const other = models.find((m) => m.name === type)!;
        const back = fieldsOf(other).find((f) => f.fieldType === model.name && f !== field);
        const cardinality: EntityRelationModel['cardinality'] = field.array ? (back?.array ? 'many-to-many' : 'one-to-many') : back?.array ? 'many-to-one' : 'one-to-one';
        relations.push({field: field.name, to: type, cardinality});
        continue;
      }
      const defaultValue = attribute(field, 'default')?.args?.[0]?.value;
      columns.push({
        name: field.name,
        type,
        nullable: Boolean(field.optional),
        ...(field.array ? {list: true} : {}),
        ...(defaultValue !== undefined ? {default: valueText(defaultValue)} : {}),
        ...(attribute(field, 'id') ? {primaryKey: true} : {}),
        ...(attribute(field, 'unique') ? {unique: true} : {}),
      });
    }
    for (const column of columns) {
      const target = foreign.get(column.name);
      if (target) column.references = target;
    }
    const indexes = model.properties
      .filter((p): p is BlockAttribute => p.type === 'attribute' && ['index', 'unique', 'id'].includes(p.name))
      .map((p) => `@@${p.name}(${(p.args ?? []).map((arg) => valueText(arg.value)).join(', ')})`);
    return {key: model.name.toLowerCase().replace(/[^a-z0-9]+/g, '-'), name: model.name, origin: 'prisma', columns, indexes, relations, source: {file, line: start}};
  });
}

function attribute(field: Field, name: string): Attribute | undefined {
  return field.attributes?.find((a) => a.name === name);
}

function arrayArg(relation: Attribute | undefined, key: string): string[] {
  for (const arg of relation?.args ?? []) {
    const value = arg.value as {type?: string; key?: string; value?: {type?: string; args?: unknown[]}};
    if (value?.type === 'keyValue' && value.key === key && value.value?.type === 'array') return (value.value.args ?? []).map(String);
  }
  return [];
}

/** A Prisma value as the schema writes it: `autoincrement()`, `"text"`, `[a, b]`. */
function valueText(value: unknown): string {
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return String(value);
  const node = value as {type?: string; name?: string; args?: unknown[]; key?: string; value?: unknown; params?: unknown[]};
  if (node?.type === 'function') return `${node.name}(${(node.params ?? []).map(valueText).join(', ')})`;
  if (node?.type === 'array') return `[${(node.args ?? []).map(valueText).join(', ')}]`;
  if (node?.type === 'keyValue') return `${node.key}: ${valueText(node.value)}`;
  return JSON.stringify(value) ?? '';
}
