/**
 * A Mermaid class diagram of one folder's data models: boxes with their fields, inheritance, and an
 * association where a field's type names another model. Box ids are generated (`M0`) and every
 * name or type is reduced to characters Mermaid reads as text, so no target text becomes syntax.
 */
import type {DataModel} from '../model';

export const MAX_BOXES = 20;
const MAX_FIELDS = 10;

export function label(value: string, max = 40): string {
  const safe = value
    .replace(/[<>]/g, '~')
    .replace(/[^\p{L}\p{N}_$.[\]~| ]/gu, '')
    .replace(/\s+/g, ' ')
    .trim();
  return safe.length > max ? `${safe.slice(0, max - 1)}…` : safe;
}

/** Plain words for accTitle and accDescr, which run to the end of their line. */
function accessibleText(value: string): string {
  return value.replace(/[^\p{L}\p{N}_ ./-]/gu, ' ').replace(/\s+/g, ' ').trim();
}

export function modelsDiagram(group: string, models: readonly DataModel[]): string {
  const shown = models.slice(0, MAX_BOXES);
  const ids = new Map(shown.map((model, index) => [model.name, `M${index}`]));
  const lines = [
    'classDiagram',
    `  accTitle: Data models in ${accessibleText(group)}`,
    `  accDescr: ${shown.length} models of the folder ${accessibleText(group)} with their fields, what they extend and which models their fields refer to.`,
  ];
  for (const model of shown) {
    const id = ids.get(model.name)!;
    lines.push(`  class ${id}["${label(model.name)}"]`);
    if (model.kind === 'interface' || model.kind === 'enum') lines.push(`  <<${model.kind}>> ${id}`);
    for (const field of model.fields.slice(0, MAX_FIELDS)) {
      const name = label(field.name, 30);
      if (!name) continue;
      // An enum's member is its name; its value is in the table below the diagram.
      const type = model.kind === 'enum' ? '' : label(field.type, 30);
      lines.push(`  ${id} : ${type ? `${type} ` : ''}${name}${field.optional ? '?' : ''}`.trimEnd());
    }
    if (model.fields.length > MAX_FIELDS) lines.push(`  ${id} : ${model.fields.length - MAX_FIELDS} more`);
  }
  const edges = new Set<string>();
  for (const model of shown) {
    const from = ids.get(model.name)!;
    for (const parent of model.extends) {
      const to = ids.get(parent);
      if (to && to !== from) edges.add(`  ${to} <|-- ${from}`);
    }
    for (const field of model.fields) {
      for (const [name, to] of ids) {
        if (to === from || !new RegExp(`(^|[^\\p{L}\\p{N}_$])${name.replace(/[$]/g, '\\$')}($|[^\\p{L}\\p{N}_$])`, 'u').test(field.type)) continue;
        const fieldLabel = label(field.name, 30);
        edges.add(`  ${from} --> ${to}${fieldLabel ? ` : ${fieldLabel}` : ''}`);
      }
    }
  }
  return [...lines, ...[...edges].sort()].join('\n');
}
