/**
 * The one Mermaid builder for generated diagrams. Callers hand it data (keys, labels, links); it
 * chooses the ids and writes every piece of target text in a form Mermaid reads as plain text, so a
 * service called `a"]-->b` or `%%{init: ...}%%` or `<script>` is a label and nothing else. Every
 * diagram carries `accTitle`/`accDescr`, which Mermaid turns into the SVG's title and description.
 */

/** Longest label drawn in a box; the full text belongs in the table beside the diagram. */
export const MAX_LABEL = 60;

/**
 * Text inside a quoted label or an accessibility line. Mermaid decodes `#name;` and `#123;` entity
 * codes in labels, so every character with a meaning to its lexer or to a directive (`"`, `%%`, `#`,
 * `<`, `>`, backticks that start a Markdown string, `&`) is written as one.
 */
export function mermaidLabel(value: string, max = MAX_LABEL): string {
  const flat = value.replace(/\s+/g, ' ').trim();
  const short = flat.length > max ? `${[...flat].slice(0, max - 1).join('')}\u2026` : flat;
  return short.replace(/[#"%<>`&;{}[\]()|\\]/g, (character) => `#${character.codePointAt(0)};`);
}

/**
 * Text of a line that is not a label (`accTitle: ...`, an ER relation's quoted label): no entity
 * decoding there, so the dangerous characters are dropped rather than encoded.
 */
export function mermaidPlain(value: string, max = 200): string {
  const flat = value.replace(/\s+/g, ' ').replace(/[#"%<>`&;{}[\]|\\:]/g, ' ').replace(/ +/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}\u2026` : flat || '-';
}

/** A word Mermaid's ER grammar accepts as an attribute's type or name. */
export function mermaidWord(value: string, fallback = 'value'): string {
  const word = value.replace(/[^A-Za-z0-9_-]+/g, '_').replace(/^[^A-Za-z_]+/, '');
  return (word || fallback).slice(0, 60);
}

/** An ER attribute type: a word, keeping a size such as `varchar(255)` or `numeric(10,2)` (the grammar reads it). */
export function mermaidType(value: string): string {
  const sized = /^(.*?)\(\s*(\d{1,6})\s*(?:,\s*(\d{1,6})\s*)?\)$/.exec(value.trim());
  return sized ? `${mermaidWord(sized[1]!, 'unknown')}(${sized[2]}${sized[3] ? `,${sized[3]}` : ''})` : mermaidWord(value, 'unknown');
}

export type NodeShape = 'box' | 'round' | 'cylinder' | 'hexagon' | 'stadium' | 'subroutine' | 'person';

export interface FlowNode {
  /** The caller's key; the builder makes the Mermaid id. */
  key: string;
  label: string;
  /** A second line in smaller type: the technology, say. */
  detail?: string;
  shape?: NodeShape;
  /** One of the diagram's classes. */
  className?: string;
  /** Site route or absolute URL a click on the box opens. */
  link?: string;
  /** Key of the group (subgraph) the node is drawn in. */
  group?: string;
}

export interface FlowEdge {
  from: string;
  to: string;
  label?: string;
  style?: 'solid' | 'dotted' | 'thick';
  /** Drawn in the `danger` colour: an import cycle. */
  danger?: boolean;
}

export interface FlowGroup {
  key: string;
  label: string;
}

export interface FlowchartSpec {
  direction?: 'LR' | 'TB';
  /** Short title of the diagram: the SVG's accessible title. */
  title: string;
  /** One or two sentences: the SVG's accessible description. */
  description: string;
  nodes: FlowNode[];
  edges: FlowEdge[];
  groups?: FlowGroup[];
  /** Class name to Mermaid style (`fill:#...,stroke:#...`); names and styles are the caller's constants. */
  classes?: Record<string, string>;
}

const SHAPES: Record<NodeShape, [string, string]> = {
  box: ['["', '"]'],
  round: ['("', '")'],
  cylinder: ['[("', '")]'],
  hexagon: ['{{"', '"}}'],
  stadium: ['(["', '"])'],
  subroutine: ['[["', '"]]'],
  person: ['(["', '"])'],
};

const CLASS_NAME = /^[A-Za-z][A-Za-z0-9_]*$/;
const CLASS_STYLE = /^[A-Za-z0-9#:,.\-% ]*$/;

/** A flowchart in which every node, edge and group of `spec` appears once, in the order given. */
export function flowchart(spec: FlowchartSpec): string {
  const ids = new Map<string, string>();
  spec.nodes.forEach((node, index) => {
    if (!ids.has(node.key)) ids.set(node.key, `n${index}`);
  });
  const groupIds = new Map((spec.groups ?? []).map((group, index) => [group.key, `g${index}`]));
  const lines = [`flowchart ${spec.direction ?? 'LR'}`, `  accTitle: ${mermaidPlain(spec.title)}`, `  accDescr: ${mermaidPlain(spec.description, 500)}`];
  for (const [name, style] of Object.entries(spec.classes ?? {})) {
    if (!CLASS_NAME.test(name) || !CLASS_STYLE.test(style)) throw new Error(`not a Mermaid class: ${name} ${style}`);
    lines.push(`  classDef ${name} ${style}`);
  }
  const nodeLine = (node: FlowNode) => {
    const [open, close] = SHAPES[node.shape ?? 'box'];
    const text = node.detail ? `${mermaidLabel(node.label)}<br/>${mermaidLabel(node.detail, 40)}` : mermaidLabel(node.label);
    return `${ids.get(node.key)}${open}${text}${close}`;
  };
  const seen = new Set<string>();
  const unique = spec.nodes.filter((node) => !seen.has(node.key) && seen.add(node.key));
  for (const node of unique.filter((n) => !n.group || !groupIds.has(n.group))) lines.push(`  ${nodeLine(node)}`);
  for (const group of spec.groups ?? []) {
    const members = unique.filter((node) => node.group === group.key);
    if (members.length === 0) continue;
    lines.push(`  subgraph ${groupIds.get(group.key)}["${mermaidLabel(group.label)}"]`);
    for (const node of members) lines.push(`    ${nodeLine(node)}`);
    lines.push('  end');
  }
  const dangerEdges: number[] = [];
  spec.edges.forEach((edge, index) => {
    const from = ids.get(edge.from);
    const to = ids.get(edge.to);
    if (!from || !to) throw new Error(`edge between unknown nodes: ${edge.from} -> ${edge.to}`);
    const arrow = edge.style === 'dotted' ? '-.->' : edge.style === 'thick' ? '==>' : '-->';
    lines.push(`  ${from} ${arrow}${edge.label ? `|"${mermaidLabel(edge.label, 40)}"|` : ''} ${to}`);
    if (edge.danger) dangerEdges.push(index);
  });
  if (dangerEdges.length > 0) lines.push(`  linkStyle ${dangerEdges.join(',')} stroke:#d32f2f,stroke-width:2px`);
  for (const node of unique) {
    if (node.className) {
      if (!CLASS_NAME.test(node.className)) throw new Error(`not a Mermaid class name: ${node.className}`);
      lines.push(`  class ${ids.get(node.key)} ${node.className}`);
    }
  }
  for (const node of unique) {
    const url = node.link && safeUrl(node.link);
    if (url) lines.push(`  click ${ids.get(node.key)} href "${url}" "${mermaidPlain(node.label, 80)}"`);
  }
  return lines.join('\n');
}

/**
 * A link target Mermaid may open: a site route or an http(s) URL, with quotes and spaces encoded;
 * anything else (`javascript:`, `data:`) is dropped.
 */
export function safeUrl(url: string): string | undefined {
  if (!/^(\/|https?:\/\/)/i.test(url)) return undefined;
  return url.replace(/["\s<>`%]/g, (character) => (character === '%' ? '%' : encodeURIComponent(character)));
}

export interface ErAttribute {
  name: string;
  type: string;
  keys?: ('PK' | 'FK' | 'UK')[];
  comment?: string;
}

export interface ErEntity {
  key: string;
  label: string;
  attributes: ErAttribute[];
}

export type Cardinality = 'one' | 'zero-or-one' | 'many' | 'zero-or-many';

export interface ErRelation {
  from: string;
  to: string;
  fromCardinality: Cardinality;
  toCardinality: Cardinality;
  label: string;
  /** Dashed: not enforced by a foreign key in the database. */
  identifying?: boolean;
}

export interface ErDiagramSpec {
  title: string;
  description: string;
  entities: ErEntity[];
  relations: ErRelation[];
}

const LEFT: Record<Cardinality, string> = {one: '||', 'zero-or-one': '|o', many: '}|', 'zero-or-many': '}o'};
const RIGHT: Record<Cardinality, string> = {one: '||', 'zero-or-one': 'o|', many: '|{', 'zero-or-many': 'o{'};

/** An entity-relationship diagram; entity names are aliases (`e0["User"]`), so any table name is safe. */
export function erDiagram(spec: ErDiagramSpec): string {
  const ids = new Map(spec.entities.map((entity, index) => [entity.key, `e${index}`]));
  const lines = ['erDiagram', `  accTitle: ${mermaidPlain(spec.title)}`, `  accDescr: ${mermaidPlain(spec.description, 500)}`];
  for (const entity of spec.entities) {
    const label = mermaidPlain(entity.label, MAX_LABEL);
    if (entity.attributes.length === 0) {
      lines.push(`  ${ids.get(entity.key)}["${label}"]`);
      continue;
    }
    lines.push(`  ${ids.get(entity.key)}["${label}"] {`);
    for (const attribute of entity.attributes) {
      const keys = [...new Set(attribute.keys ?? [])].sort();
      const comment = attribute.comment ? ` "${mermaidPlain(attribute.comment, 60)}"` : '';
      lines.push(`    ${mermaidType(attribute.type)} ${mermaidWord(attribute.name)}${keys.length ? ` ${keys.join(', ')}` : ''}${comment}`);
    }
    lines.push('  }');
  }
  for (const relation of spec.relations) {
    const from = ids.get(relation.from);
    const to = ids.get(relation.to);
    if (!from || !to) throw new Error(`relation between unknown entities: ${relation.from} -> ${relation.to}`);
    const line = relation.identifying === false ? '..' : '--';
    lines.push(`  ${from} ${LEFT[relation.fromCardinality]}${line}${RIGHT[relation.toCardinality]} ${to} : "${mermaidPlain(relation.label, 40)}"`);
  }
  return lines.join('\n');
}

/*
 * Labels for the hand-written diagrams of other sections (git history timelines and charts, code
 * reference class diagrams): Mermaid has no escape that holds in every diagram type (`#quot;` works
 * in some labels, not in a class member or a timeline event), so these keep only letters, digits and
 * a few marks that are never syntax, whatever the diagram type.
 */

/**
 * A label of free text (a commit, a file name, a title): letters, digits, spaces and `._@/+-`; any
 * other run of characters becomes one space; shortened to `max` characters with an ellipsis; never
 * empty (`-`).
 */
export function mermaidText(value: string, max = 40): string {
  const clean = value.replace(/[^\p{L}\p{N} ._@/+-]+/gu, ' ').replace(/\s+/g, ' ').trim();
  return (clean.length > max ? `${clean.slice(0, max - 1)}\u2026` : clean) || '-';
}

/**
 * A name where Mermaid reads a word (a class box, a class member): letters, digits and `_$.` only,
 * everything else dropped (a space would end the name). May be empty: the caller leaves it out.
 */
export function mermaidName(name: string): string {
  return name.replace(/[^\p{L}\p{N}_$.]/gu, '');
}

/*
 * Charts: small bar and pie charts of counts and shares (the Quality page's coverage and freshness).
 * Their labels go through mermaidText, since xychart and pie decode no entity codes.
 */

export interface BarChartSpec {
  /** Short title: drawn above the chart and the SVG's accessible title. */
  title: string;
  /** One or two sentences: the SVG's accessible description. */
  description: string;
  /** One label per bar, in order. */
  labels: string[];
  bars: number[];
  /** The value axis: its name and its top (the bottom is 0, so bars compare honestly). */
  axis: string;
  max: number;
  /** A level drawn as a line across every bar: a goal or a limit. */
  line?: number;
  /** Bars left to right under their labels; horizontal (the default) gives long labels room. */
  vertical?: boolean;
}

/**
 * The neutral theme draws near-white bars, invisible on a white page: Infima's primary blue,
 * darker (4.8:1 on white, 3.6:1 on the dark background), and a red for the line (docs/adr/0038).
 */
const CHART_PALETTE = '#2f6fd6, #d32f2f';

/** A bar chart (Mermaid's xychart), with an optional level line across it. */
export function barChart(spec: BarChartSpec): string {
  if (spec.labels.length !== spec.bars.length || spec.labels.length === 0) throw new Error(`a bar chart needs one label per bar: ${spec.labels.length} labels, ${spec.bars.length} bars`);
  const number = (value: number) => (Number.isFinite(value) ? String(Math.round(value * 10) / 10) : '0');
  const lines = [
    '---',
    'config:',
    '  themeVariables:',
    '    xyChart:',
    `      plotColorPalette: "${CHART_PALETTE}"`,
    '---',
    `xychart-beta${spec.vertical ? '' : ' horizontal'}`,
    `  accTitle: ${mermaidPlain(spec.title)}`,
    `  accDescr: ${mermaidPlain(spec.description, 500)}`,
    `  title "${mermaidText(spec.title, 80)}"`,
    `  x-axis [${spec.labels.map((label) => `"${mermaidText(label, 40)}"`).join(', ')}]`,
    `  y-axis "${mermaidText(spec.axis, 40)}" 0 --> ${number(spec.max)}`,
    `  bar [${spec.bars.map(number).join(', ')}]`,
  ];
  if (spec.line !== undefined) lines.push(`  line [${spec.bars.map(() => number(spec.line!)).join(', ')}]`);
  return lines.join('\n');
}

export interface PieChartSpec {
  title: string;
  description: string;
  /** Slices in the order drawn; slices of 0 are left out (Mermaid would draw a label on nothing). */
  slices: {label: string; value: number}[];
}

/** A pie chart with each slice's value shown beside its label. */
export function pieChart(spec: PieChartSpec): string {
  const slices = spec.slices.filter((slice) => slice.value > 0);
  if (slices.length === 0) throw new Error('a pie chart needs a slice above 0');
  return [
    'pie showData',
    `  accTitle: ${mermaidPlain(spec.title)}`,
    `  accDescr: ${mermaidPlain(spec.description, 500)}`,
    `  title ${mermaidText(spec.title, 80)}`,
    ...slices.map((slice) => `  "${mermaidText(slice.label, 40)}" : ${Math.round(slice.value * 100) / 100}`),
  ].join('\n');
}
