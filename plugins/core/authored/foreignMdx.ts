/**
 * MDX written for another framework (Starlight's `<Card>`, Nextra's `<Callout>`, imports of their
 * packages) fails a Docusaurus build: the import does not resolve and the component is undefined.
 * The staged copy keeps the Markdown and shows such a component as its content (or a plain notice
 * when it has none), drops the imports, and the front matter keys of other frameworks that mean what
 * a Docusaurus key means are given that key. Edits are made from the parsed tree's positions, never
 * by matching text.
 */
import type {Nodes, Root} from 'mdast';
import {CITATION_COMPONENTS} from './citationComponents';

export interface SourceEdit {
  start: number;
  end: number;
  value: string;
}

export interface ForeignMdx {
  edits: SourceEdit[];
  /** Names of the components shown as their content, sorted, for the one warning of the page. */
  components: string[];
  /** Imports dropped (their module names), sorted. */
  imports: string[];
}

/**
 * Components Docusaurus provides to every page without an import (its `MDXComponents`), and modules
 * whose imports resolve in this site (the theme's and Docusaurus's own, and the docs' own partials).
 */
const GLOBAL_COMPONENTS = new Set(['Admonition', 'Details', 'Head', 'Mermaid', ...CITATION_COMPONENTS]);
const OUR_MODULES = /^(@theme\/|@docusaurus\/)/;
/** A partial of the docs folder itself (`import Setup from './_setup.mdx'`): staged beside the page, so it resolves. */
const PARTIAL = /^\.\.?\/.*\.mdx?$/i;

export function neutraliseForeignMdx(tree: Root): ForeignMdx {
  const edits: SourceEdit[] = [];
  const components = new Set<string>();
  const imports = new Set<string>();
  const known = new Set(GLOBAL_COMPONENTS);

  // Imports first: a name bound by a kept import (`import Tabs from '@theme/Tabs'`) or declared by the
  // page's own export is a known component. A block of code importing from elsewhere goes whole.
  for (const node of tree.children) {
    if (node.type !== 'mdxjsEsm' || !node.position) continue;
    const body = (node.data?.estree?.body ?? []) as EsmStatement[];
    const modules = body.filter((statement) => statement.type === 'ImportDeclaration').map((statement) => String(statement.source?.value ?? ''));
    if (modules.every((module) => OUR_MODULES.test(module) || PARTIAL.test(module))) {
      for (const statement of body) for (const name of boundNames(statement)) known.add(name);
      continue;
    }
    for (const module of modules) if (!OUR_MODULES.test(module) && !PARTIAL.test(module)) imports.add(module);
    edits.push({start: node.position.start.offset!, end: node.position.end.offset!, value: ''});
  }

  const visit = (node: Nodes) => {
    if ((node.type === 'mdxFlowExpression' || node.type === 'mdxTextExpression') && node.position) {
      // After a dropped import, an expression may use what it bound; a comment is harmless and stays.
      if (imports.size > 0 && !/^\s*\/\*[\s\S]*\*\/\s*$/.test(node.value)) edits.push({start: node.position.start.offset!, end: node.position.end.offset!, value: ''});
      return;
    }
    if ((node.type === 'mdxJsxFlowElement' || node.type === 'mdxJsxTextElement') && node.position) {
      const name = node.name ?? '';
      const isHtml = name === '' || /^[a-z][a-z0-9-]*$/.test(name);
      if (!isHtml && !known.has(name.split('.')[0]!)) {
        components.add(name);
        const start = node.position.start.offset!;
        const end = node.position.end.offset!;
        const first = node.children[0]?.position?.start.offset;
        const last = node.children.at(-1)?.position?.end.offset;
        const title = node.attributes.find((attribute) => attribute.type === 'mdxJsxAttribute' && attribute.name === 'title' && typeof attribute.value === 'string');
        const heading = title && typeof title.value === 'string' ? `**${escapeText(title.value)}**` : '';
        const flow = node.type === 'mdxJsxFlowElement';
        if (first === undefined || last === undefined) {
          edits.push({start, end, value: heading || `*(${escapeText(name)}: not shown here)*`});
          return;
        }
        // The tags go, the content stays: a title attribute (a card's) becomes a bold line above it.
        edits.push({start, end: first, value: heading ? `${heading}${flow ? '\n\n' : ' '}` : flow ? '\n' : ''});
        edits.push({start: last, end, value: flow ? '\n' : ''});
      }
    }
    if ('children' in node) for (const child of node.children as Nodes[]) visit(child);
  };
  visit(tree);
  return {edits, components: [...components].sort(), imports: [...imports].sort()};
}

interface EsmStatement {
  type: string;
  source?: {value?: unknown};
  specifiers?: {local: {name: string}}[];
  declaration?: {id?: {name?: string}; declarations?: {id?: {name?: string}}[]};
}

/** Names an import or export statement makes available to the page. */
function boundNames(statement: EsmStatement): string[] {
  const names = (statement.specifiers ?? []).map((specifier) => specifier.local.name);
  const declaration = statement.declaration;
  if (declaration?.id?.name) names.push(declaration.id.name);
  for (const declarator of declaration?.declarations ?? []) if (declarator.id?.name) names.push(declarator.id.name);
  return names;
}

/** Text put into MDX as text: every character MDX or Markdown could read as syntax is escaped. */
function escapeText(value: string): string {
  return value.replace(/[\\`*_{}[\]<>()#+\-.!|~:]/g, (character) => `\\${character}`);
}

/**
 * Front matter lines to add so that a page of another framework keeps its title, label and order:
 * Starlight's `sidebar.order` and `sidebar.label`, and `order`/`nav_order` of other generators.
 * Keys with no Docusaurus meaning are left alone (Docusaurus ignores keys it does not know).
 */
export function mappedFrontMatter(frontMatter: Record<string, unknown>): string[] {
  const lines: string[] = [];
  const sidebar = frontMatter.sidebar;
  const nested = sidebar && typeof sidebar === 'object' && !Array.isArray(sidebar) ? (sidebar as Record<string, unknown>) : {};
  const order = [nested.order, frontMatter.order, frontMatter.nav_order, frontMatter.weight].find((value) => typeof value === 'number' && Number.isFinite(value));
  if (frontMatter.sidebar_position === undefined && typeof order === 'number') lines.push(`sidebar_position: ${order}`);
  const label = nested.label;
  if (frontMatter.sidebar_label === undefined && typeof label === 'string' && label.trim()) lines.push(`sidebar_label: ${JSON.stringify(label)}`);
  return lines;
}
