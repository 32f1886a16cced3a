/**
 * Docs folders of other documentation frameworks, and the page order their navigation gives.
 * Their config files are code or YAML written by the target: they are read statically (YAML with
 * aliases bounded, JavaScript and TypeScript parsed, never run), and only literal values count.
 * When the order cannot be read, pages stay in Docusaurus's order (front matter, then name), with a
 * note saying so.
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import ts from 'typescript';
import {parseDocument} from 'yaml';

export type Framework = 'starlight' | 'docusaurus' | 'mkdocs' | 'vitepress' | 'nextra';

export interface FrameworkDocs {
  framework: Framework;
  /** The docs folder, relative POSIX. */
  dir: string;
  /** The file its navigation is read from, relative POSIX, if any. */
  config?: string;
}

const STARLIGHT = /^((?:[^/]+\/)*?)src\/content\/docs\/.+\.mdx?$/i;

/** The docs folder of a framework the file list shows, the most specific first. */
export async function findFrameworkDocs(root: string, files: readonly string[]): Promise<FrameworkDocs | undefined> {
  const has = (prefix: string) => files.some((file) => file.startsWith(prefix) && /\.mdx?$/i.test(file));
  const first = (pattern: RegExp) => files.filter((file) => pattern.test(file)).sort((a, b) => a.length - b.length || (a < b ? -1 : 1))[0];
  const starlight = files.map((file) => STARLIGHT.exec(file)).find(Boolean);
  if (starlight) {
    const app = starlight[1]!;
    return {framework: 'starlight', dir: `${app}src/content/docs`, config: first(new RegExp(`^${escape(app)}astro\\.config\\.[cm]?[jt]s$`))};
  }
  if (has('website/docs/')) return {framework: 'docusaurus', dir: 'website/docs', config: first(/^website\/sidebars\.(json|[cm]?[jt]s)$/)};
  const mkdocs = files.find((file) => /^mkdocs\.ya?ml$/.test(file));
  if (mkdocs) {
    const config = await readYaml(path.join(root, mkdocs));
    const dir = typeof config?.docs_dir === 'string' ? config.docs_dir.replace(/^\.\/|\/$/g, '') : 'docs';
    if (has(`${dir}/`)) return {framework: 'mkdocs', dir, config: mkdocs};
  }
  const vitepress = first(/^(?:[^/]+\/)*?\.vitepress\/config\.[cm]?[jt]s$/);
  if (vitepress) {
    const dir = path.posix.dirname(path.posix.dirname(vitepress));
    if (dir !== '.' && has(`${dir}/`)) return {framework: 'vitepress', dir, config: vitepress};
  }
  const nextra = ['pages', 'content'].find((dir) => has(`${dir}/`) && files.some((file) => file.startsWith(`${dir}/`) && /(^|\/)_?meta\.json$/.test(file)));
  if (nextra) return {framework: 'nextra', dir: nextra};
  return undefined;
}

/**
 * Sidebar positions (1, 2, ...) by page path relative to the target, in the navigation's order, and
 * a note when the navigation is there but not readable statically.
 */
export async function navigationOrder(root: string, docs: FrameworkDocs, files: readonly string[]): Promise<{order: Map<string, number>; note?: string}> {
  const pages = files.filter((file) => file.startsWith(`${docs.dir}/`) && /\.mdx?$/i.test(file));
  const order = new Map<string, number>();
  const add = (file: string | undefined) => {
    if (file && !order.has(file)) order.set(file, order.size + 1);
  };
  if (docs.framework === 'nextra') {
    for (const meta of files.filter((file) => file.startsWith(`${docs.dir}/`) && /(^|\/)_?meta\.json$/.test(file)).sort()) {
      const json = await fs.readFile(path.join(root, meta), 'utf8').then(JSON.parse, () => undefined);
      // Nextra: the keys' order; Fumadocs: a `pages` array.
      const names: unknown[] = Array.isArray(json?.pages) ? json.pages : json && typeof json === 'object' ? Object.keys(json) : [];
      for (const name of names) if (typeof name === 'string') add(pageOf(pages, path.posix.join(path.posix.dirname(meta), name)));
    }
    return {order};
  }
  if (!docs.config) return {order};
  const text = await fs.readFile(path.join(root, docs.config), 'utf8').catch(() => '');
  const links = docs.framework === 'mkdocs' ? mkdocsLinks(parseYamlSafely(text)?.nav) : scriptLinks(docs.config, text, docs.framework === 'docusaurus');
  for (const link of links) add(pageOf(pages, path.posix.join(docs.dir, link)));
  const note = order.size === 0 ? `the navigation in ${docs.config} could not be read without running it; the pages are in alphabetical order` : undefined;
  return {order, note};
}

/** The page a navigation entry names: `guide/intro`, `/guide/intro.md`, `guide/` (its index). */
function pageOf(pages: readonly string[], entry: string): string | undefined {
  const bare = entry.replace(/[?#].*$/, '').replace(/\.(mdx?|html)$/i, '').replace(/\/+$/, '');
  const lower = bare.toLowerCase();
  const candidates = [lower, `${lower}/index`, `${lower}/readme`];
  return pages.find((page) => candidates.includes(page.replace(/\.mdx?$/i, '').toLowerCase()));
}

function mkdocsLinks(nav: unknown): string[] {
  if (typeof nav === 'string') return [nav];
  if (Array.isArray(nav)) return nav.flatMap(mkdocsLinks);
  if (nav && typeof nav === 'object') return Object.values(nav).flatMap(mkdocsLinks);
  return [];
}

/**
 * The pages a JavaScript or TypeScript config names, in order: in a Docusaurus sidebars file every
 * string of the exported object (`'intro'`, `{type: 'doc', id: 'intro'}`); elsewhere the strings under
 * a `sidebar` property (`slug`, `link`, or plain entries). Literals only: a computed value is skipped.
 */
function scriptLinks(file: string, text: string, whole: boolean): string[] {
  if (file.endsWith('.json')) {
    const strings: string[] = [];
    const collect = (value: unknown) => {
      if (typeof value === 'string') strings.push(value);
      else if (Array.isArray(value)) value.forEach(collect);
      else if (value && typeof value === 'object') for (const [key, inner] of Object.entries(value)) if (key !== 'label' && key !== 'type') collect(inner);
    };
    try {
      collect(JSON.parse(text));
    } catch {
      return [];
    }
    return strings;
  }
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true, /\.[cm]?tsx?$/.test(file) ? ts.ScriptKind.TS : ts.ScriptKind.JS);
  const strings: string[] = [];
  const collect = (node: ts.Node) => {
    if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) {
      const parent = node.parent;
      const key = parent && ts.isPropertyAssignment(parent) && parent.initializer === node ? parent.name.getText(source).replace(/['"]/g, '') : undefined;
      if (key === undefined ? ts.isArrayLiteralExpression(parent) : ['id', 'slug', 'link'].includes(key)) strings.push(node.text);
      return;
    }
    ts.forEachChild(node, collect);
  };
  const visit = (node: ts.Node) => {
    if (whole && ts.isObjectLiteralExpression(node)) return collect(node);
    if (!whole && ts.isPropertyAssignment(node) && node.name.getText(source).replace(/['"]/g, '') === 'sidebar') return collect(node.initializer);
    ts.forEachChild(node, visit);
  };
  visit(source);
  return strings;
}

/** YAML of the target: aliases bounded (a billion laughs stays small), unknown tags (`!!python/name`) read as plain values. */
function parseYamlSafely(text: string): Record<string, unknown> | undefined {
  try {
    const value = parseDocument(text, {logLevel: 'silent', uniqueKeys: false}).toJS({maxAliasCount: 100}) as unknown;
    return value && typeof value === 'object' ? (value as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

async function readYaml(file: string): Promise<Record<string, unknown> | undefined> {
  return parseYamlSafely(await fs.readFile(file, 'utf8').catch(() => ''));
}

function escape(value: string): string {
  return value.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
