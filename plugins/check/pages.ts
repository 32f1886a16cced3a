/**
 * Every page of the site as Docusaurus will serve it, read without bundling (docs/adr/0042): its
 * route (Docusaurus's own slug function), its anchors (Docusaurus's own heading-id plugin, plus `id`
 * attributes), its links and its parsed tree. Authored pages are read from the staged copy Docusaurus
 * reads (docs/adr/0024), generated pages from the files prepareSite wrote, so links into generated
 * sections are checked against what the site will really have; an authored page also carries the
 * author's own file for the lint-style checks (docs/adr/0049). Read once per run, shared by checks.
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import type {Nodes, Root} from 'mdast';
import getSlug from '@docusaurus/plugin-content-docs/lib/slug.js';
import {DefaultNumberPrefixParser} from '@docusaurus/plugin-content-docs/lib/numberPrefix.js';
import {readAuthoredPage, type PageProblem} from '../core/authored/readAuthoredPage';
import {sourceOfStaged} from '../core/authored/stageAuthoredDocs';
import type {CheckInput} from '../core/findings';
import type {SiteSection} from '../core/types';
import {listDocFiles} from '../audience/checkFrontMatter';
import {headingIds, loadScanCache, scanGeneratedPage, type ScanCache} from './generatedPages';

export interface PageLink {
  url: string;
  line: number;
  column: number;
}

export interface Page {
  section: SiteSection;
  /** The file Docusaurus reads (staged copy or generated file). */
  path: string;
  /** Where findings point: the authored source relative to the target, or `(generated)/<section>/<file>`. */
  file: string;
  /** The authored source, absolute; undefined for generated pages. */
  source?: string;
  /** The text Docusaurus reads (the staged copy of an authored page): links and anchors come from it. */
  text: string;
  /**
   * The author's own file, as written, and its tree (undefined when it does not parse): the lint-style
   * checks read these, so their lines are the author's even where staging added front matter lines
   * (a drift key, a sidebar position) or rewrote a citation.
   */
  own?: {text: string; tree?: Root; frontMatter: Record<string, unknown>};
  /** Route from the site's root without baseUrl and without trailing slash: `/docs/intro`. */
  route: string;
  anchors: Set<string>;
  links: PageLink[];
  tree?: Root;
  frontMatter: Record<string, unknown>;
  /** Docusaurus would reject the page (the staging already replaced it and warned). */
  problem?: PageProblem;
}

export interface SitePages {
  pages: Page[];
  byRoute: Map<string, Page>;
  byPath: Map<string, Page>;
  /** Authored files another section publishes, by absolute staged path → route. */
  published: Map<string, string>;
}

const cache = new WeakMap<CheckInput, Promise<SitePages>>();

/** The pages of a run, read once whichever check asks first. */
export function sitePages(input: CheckInput): Promise<SitePages> {
  let pages = cache.get(input);
  if (!pages) cache.set(input, (pages = readPages(input)));
  return pages;
}

async function readPages(input: CheckInput): Promise<SitePages> {
  const pages: Page[] = [];
  const scanned = await loadScanCache(input.context.siteDir);
  const published = new Map<string, string>();
  for (const section of input.sections) {
    const elsewhere = new Map((section.publishedElsewhere ?? []).map(({file, route}) => [path.join(section.path, file), `/${route.replace(/\/$/, '')}`]));
    for (const [file, route] of elsewhere) published.set(file, route);
    const files = (await listDocFiles(section.path)).filter((file) => !elsewhere.has(file));
    // Read in parallel; the order of `pages` stays the sorted order of the files.
    pages.push(...(await Promise.all(files.map((file) => readPage(input, section, file, scanned)))));
  }
  await scanned.save();
  return {
    pages,
    byRoute: new Map(pages.map((page) => [page.route, page])),
    byPath: new Map(pages.map((page) => [page.path, page])),
    published,
  };
}

async function readPage(input: CheckInput, section: SiteSection, file: string, scanned: ScanCache): Promise<Page> {
  const {root, siteDir} = input.context;
  const text = await fs.readFile(file, 'utf8');
  const relative = toPosix(path.relative(section.path, file));
  const source = section.kind === 'authored' ? sourceOfStaged(siteDir, root, file) : undefined;
  const page: Page = {
    section,
    path: file,
    file: source ? toPosix(path.relative(root, source)) : `(generated)/${section.id}/${relative}`,
    source,
    text,
    route: '',
    anchors: new Set(),
    links: [],
    frontMatter: {},
  };
  if (section.kind === 'generated') {
    const facts = await scanGeneratedPage(page.path, text, scanned);
    page.frontMatter = facts.frontMatter;
    page.links = facts.links;
    page.anchors = new Set(facts.anchors);
    page.route = routeOf(section, relative, page.frontMatter);
    return page;
  }
  const ownText = source === undefined ? undefined : await fs.readFile(source, 'utf8').catch(() => undefined);
  const own = ownText === undefined ? undefined : await readAuthoredPage(source!, ownText);
  if (own) page.own = {text: ownText!, tree: own.ok ? own.tree : undefined, frontMatter: own.ok ? own.frontMatter : {}};
  // Most pages are staged unchanged: the author's tree is then the staged page's tree too.
  const parsed = own && ownText === text ? own : await readAuthoredPage(file, text);
  page.frontMatter = parsed.ok ? parsed.frontMatter : {};
  page.route = routeOf(section, relative, page.frontMatter);
  if (!parsed.ok) return {...page, problem: parsed.problem};
  page.tree = parsed.tree;
  collect(parsed.tree, page);
  // Docusaurus's own plugin gives each heading the id the built page will have ({#id} and comments
  // included). It only drops the id comment from the heading and sets data, which no check reads.
  await headingIds({anchorsMaintainCase: false})(parsed.tree);
  visit(parsed.tree, (node) => {
    const id = (node.data as {hProperties?: {id?: unknown}} | undefined)?.hProperties?.id;
    if (node.type === 'heading' && typeof id === 'string') page.anchors.add(id);
  });
  return page;
}

/** The route Docusaurus gives a doc: its slug (front matter `slug`/`id`, number prefixes, index pages) under the section. */
function routeOf(section: SiteSection, relative: string, frontMatter: Record<string, unknown>): string {
  const base = section.kind === 'authored' ? 'docs' : section.id;
  const dir = path.posix.dirname(relative);
  const name = path.posix.basename(relative).replace(/\.mdx?$/, '');
  const baseID = typeof frontMatter.id === 'string' ? frontMatter.id : DefaultNumberPrefixParser(name).filename;
  let slug: string;
  try {
    slug = getSlug({
      baseID,
      frontMatterSlug: typeof frontMatter.slug === 'string' ? frontMatter.slug : undefined,
      source: `@site/${relative}`,
      sourceDirName: dir,
    });
  } catch {
    slug = `/${relative.replace(/\.mdx?$/, '')}`; // an invalid slug: Docusaurus fails the build on it
  }
  return normalizeRoute(`/${base}${slug}`);
}

/** `/docs/intro/` and `/docs/intro` are one route (the site uses trailing slashes). */
export function normalizeRoute(route: string): string {
  const clean = route.replace(/\/index\.html$/, '/').replace(/\/{2,}/g, '/');
  return clean.length > 1 ? clean.replace(/\/$/, '') : clean;
}

type AnyNode = Nodes & {attributes?: {type: string; name?: string; value?: unknown}[]; name?: string | null};

function collect(tree: Root, page: Page): void {
  visit(tree, (node: AnyNode) => {
    const at = node.position?.start;
    const line = at?.line ?? 1;
    const column = at?.column ?? 1;
    if ((node.type === 'link' || node.type === 'definition') && node.url) page.links.push({url: node.url, line, column});
    if (node.type === 'html') {
      for (const match of node.value.matchAll(/\bhref\s*=\s*["']([^"']*)["']/g)) page.links.push({url: match[1]!, line, column});
      for (const match of node.value.matchAll(/\bid\s*=\s*["']([^"']+)["']|<a\b[^>]*\bname\s*=\s*["']([^"']+)["']/g)) page.anchors.add((match[1] ?? match[2])!);
    }
    if ((node.type === 'mdxJsxFlowElement' || node.type === 'mdxJsxTextElement') && node.attributes) {
      for (const attribute of node.attributes) {
        if (attribute.type !== 'mdxJsxAttribute') continue;
        const value = attribute.value;
        if (typeof value === 'string') {
          if (attribute.name === 'href' || attribute.name === 'to') page.links.push({url: value, line, column});
          if (attribute.name === 'id') page.anchors.add(value);
        } else if (value && typeof value === 'object' && typeof (value as {value?: unknown}).value === 'string') {
          // Generated components take their links as JSON props (`code={[{"href": "/api/x/#Y"}]}`).
          for (const match of (value as {value: string}).value.matchAll(/"href"\s*:\s*"([^"\\]+)"/g)) page.links.push({url: match[1]!, line, column});
        }
      }
    }
  });
}

export function visit(node: Nodes, each: (node: AnyNode) => void): void {
  each(node as AnyNode);
  if ('children' in node) for (const child of node.children as Nodes[]) visit(child, each);
}

function toPosix(file: string): string {
  return file.split(path.sep).join('/');
}
