/**
 * Pieces every GraphQL page uses: descriptions through the one Markdown importer (core/markdown:
 * raw HTML as text, only safe URLs, relative links reduced to their text since they point into a
 * repository the site does not copy), type names linked through the link index, argument tables,
 * and links to the code that resolves a field.
 */
import type {Nodes, PhrasingContent, RootContent} from 'mdast';
import {inlineCode, link, table, text} from '../core/mdx/build';
import {sanitizeBlocks} from '../core/markdown/sanitizeMarkdown';
import type {SiteView} from '../core/types';
import type {ArgumentModel, GraphqlSchemaModel, ResolverRef, SourceRef, TypeUse} from './model';

const BUILT_IN = new Set(['String', 'Int', 'Float', 'Boolean', 'ID']);
const ROOT_ANCHOR = {query: 'queries', mutation: 'mutations', subscription: 'subscriptions'} as const;

/** Parsed descriptions by text: big schemas repeat the same sentences on hundreds of fields. Bounded. */
const parsed = new Map<string, RootContent[]>();
const MAX_PARSED = 20_000;

/**
 * Text in which Markdown would see nothing but a paragraph: no emphasis, code, link, HTML, heading,
 * list, quote, table, autolink or entity characters, no blank line. Most schema descriptions are
 * such one-liners; they skip the parser (a third of a big schema's render time) and give the same
 * tree, a paragraph of text, which the writer escapes like any other text.
 */
const MARKDOWN_SYNTAX = /[\\`*_[\]<>#|~!&@=]|^\s*(?:[-+>]|\d+[.)])|\n\s*\n|^ {4}|\t|https?:|www\.|mailto:/im;

export function descriptionBlocks(markdown: string | undefined): RootContent[] {
  if (!markdown?.trim()) return [];
  if (!MARKDOWN_SYNTAX.test(markdown)) return [{type: 'paragraph', children: [text(markdown.trim())]}];
  let blocks = parsed.get(markdown);
  if (!blocks) {
    blocks = sanitizeBlocks(markdown).map((node) => dropRelativeLinks(node) as RootContent);
    if (parsed.size >= MAX_PARSED) parsed.clear();
    parsed.set(markdown, blocks);
  }
  return structuredClone(blocks);
}

/** A description in a table cell: its first paragraph, on one line. */
export function descriptionInline(markdown: string | undefined): PhrasingContent[] {
  const first = descriptionBlocks(markdown?.replace(/\s*\n\s*/g, ' '))[0];
  if (!first) return [];
  if (first.type === 'paragraph' || first.type === 'heading') return first.children;
  return [text(markdown!.trim())];
}

/** The first sentence-ish line of a description, as plain text (front matter, card lines). */
export function firstLine(markdown: string | undefined): string | undefined {
  const line = markdown?.trim().split(/\n\s*\n/)[0]?.replace(/\s+/g, ' ').trim();
  return line ? line.slice(0, 300) : undefined;
}

function dropRelativeLinks(node: Nodes): Nodes | Nodes[] {
  if (node.type === 'link' && !/^(https?:|mailto:|#)/i.test(node.url)) return {type: 'emphasis', children: node.children};
  if (node.type === 'image') return /^https?:/i.test(node.url) ? {type: 'link', url: node.url, title: null, children: [text(node.alt || node.url)]} : text(node.alt ?? '');
  if ('children' in node) (node as {children: Nodes[]}).children = (node.children as Nodes[]).flatMap((child) => dropRelativeLinks(child));
  return node;
}

/** Links to the section's types and operations, all through the link index. */
export interface Linker {
  typeUrl(name: string): string | undefined;
  operationUrl(kind: string, name: string): string | undefined;
  /** `Repository.owner` → the type's anchor; `query viewer` → the operation's page. */
  placeUrl(where: string): string | undefined;
}

export function createLinker(sectionId: string, schema: GraphqlSchemaModel, site: SiteView): Linker {
  const rootKinds = new Map(schema.roots.map((root) => [root.name, root.kind]));
  const typeUrl = (name: string) => {
    const root = rootKinds.get(name);
    if (root) return `/${sectionId}/#${ROOT_ANCHOR[root]}`;
    return BUILT_IN.has(name) ? undefined : site.urlOf('schema', `${sectionId}/${name}`);
  };
  const operationUrl = (kind: string, name: string) => site.urlOf('operation', `${sectionId}/${kind} ${name}`);
  return {
    typeUrl,
    operationUrl,
    placeUrl(where) {
      const operation = /^(query|mutation|subscription) (\w+)/.exec(where);
      if (operation) return operationUrl(operation[1]!, operation[2]!);
      return typeUrl(where.split(/[.(]/)[0]!);
    },
  };
}

/** `[Repository!]!` as code, linked to the type's entry when the site has one. */
export function typeRef(linker: Linker, use: TypeUse): PhrasingContent {
  const url = linker.typeUrl(use.name);
  return url ? link(url, inlineCode(use.text)) : inlineCode(use.text);
}

export function argumentsTable(linker: Linker, args: ArgumentModel[]) {
  return table(
    ['Argument', 'Type', 'Default', 'Description'],
    args.map((arg) => [inlineCode(arg.name), typeRef(linker, arg.type), arg.defaultValue === undefined ? '' : inlineCode(arg.defaultValue), deprecatedThen(arg.deprecated, arg.description)]),
  );
}

/** A description cell, with "Deprecated: reason." first when it is. */
export function deprecatedThen(deprecated: string | undefined, description: string | undefined): PhrasingContent[] {
  const notice: PhrasingContent[] = deprecated === undefined ? [] : [{type: 'strong', children: [text('Deprecated')]}, ...(deprecated ? [text(': '), ...descriptionInline(deprecated)] : [text('.')])];
  const said = descriptionInline(description);
  return notice.length > 0 && said.length > 0 ? [...notice, text(' '), ...said] : [...notice, ...said];
}

/** Where the code that resolves a field is: its code reference entry when the site has one, else its source line. */
export function resolverLink(site: SiteView, resolver: ResolverRef): PhrasingContent {
  const label = `${resolver.file}${resolver.line ? `:${resolver.line}` : ''}`;
  const url = (resolver.symbol && site.urlOf('symbol', resolver.symbol)) ?? site.urlOf('file', resolver.file) ?? site.repo.fileUrl?.(resolver.file, resolver.line);
  return url ? link(url, inlineCode(label)) : inlineCode(label);
}

/** "Defined in file:line", linked to the repository when its host is known. */
export function sourceLink(site: SiteView, source: SourceRef): PhrasingContent {
  const label = `${source.file}${source.line ? `:${source.line}` : ''}`;
  const url = site.repo.fileUrl?.(source.file, source.line);
  return url ? link(url, inlineCode(label)) : inlineCode(label);
}

/** A signature for ApiSignature: text and linked type names. */
export function signatureParts(linker: Linker, head: string, args: ArgumentModel[], returns: TypeUse): (string | {text: string; href: string})[] {
  const parts: (string | {text: string; href: string})[] = [head];
  const typed = (use: TypeUse) => {
    const href = linker.typeUrl(use.name);
    if (!href) return [use.text];
    const at = use.text.indexOf(use.name);
    return [use.text.slice(0, at), {text: use.name, href}, use.text.slice(at + use.name.length)].filter((part) => part !== '');
  };
  if (args.length > 0) {
    parts.push('(');
    args.forEach((arg, index) => parts.push(`${index === 0 ? '\n  ' : ',\n  '}${arg.name}: `, ...typed(arg.type), ...(arg.defaultValue === undefined ? [] : [` = ${arg.defaultValue}`])));
    parts.push('\n)');
  }
  parts.push(': ', ...typed(returns));
  return parts;
}
