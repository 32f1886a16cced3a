/**
 * Internal links and anchors across every page, authored and generated, against the routes and
 * heading ids the site will have (see pages.ts). A link is resolved the way Docusaurus resolves it:
 * a relative `.md`/`.mdx` path leads to that file's page, a relative path to an existing file is an
 * asset, anything else is a URL resolved against the page's route (the site uses trailing slashes).
 * External links are only listed here; `--external` checks them (externalLinks.ts).
 */
import fs from 'node:fs';
import path from 'node:path';
import {closest, distance} from 'fastest-levenshtein';
import type {CheckInput, Finding, QualityCheck} from '../core/findings';
import {staticRoot} from '../core/generatedFiles';
import {SITE_ROUTES} from '../core/site/registry';
import {normalizeRoute, sitePages, type Page, type PageLink, type SitePages} from './pages';

/** Where the package's own static files are (img/, the favicon): served at the site's root. */
const PACKAGE_STATIC = path.resolve(__dirname, '..', '..', 'static');

/** Route prefixes of pages that are not docs: search, the audience pages, tag and category indexes. */
const OTHER_ROUTES = [...SITE_ROUTES.map((route) => route.id), 'audiences'];

export const linksCheck: QualityCheck = {
  id: 'links',
  description: 'Internal links and anchors across authored and generated pages lead to a page and a heading that exist',
  async run(input) {
    const site = await sitePages(input);
    const findings: Finding[] = [];
    for (const page of site.pages) {
      for (const link of page.links) {
        const finding = checkLink(input, site, page, link);
        if (finding) findings.push(finding);
      }
    }
    return findings;
  },
};

/** `https:`, `mailto:`, `//host`: not the site's. */
export function isExternal(url: string): boolean {
  return /^[a-z][a-z\d+.-]*:/i.test(url) || url.startsWith('//');
}

function checkLink(input: CheckInput, site: SitePages, page: Page, link: PageLink): Finding | undefined {
  const url = link.url.trim();
  if (url === '' || isExternal(url)) return undefined;
  const hashAt = url.indexOf('#');
  const pathPart = (hashAt === -1 ? url : url.slice(0, hashAt)).replace(/\?.*$/, '');
  const anchor = hashAt === -1 ? undefined : safeDecode(url.slice(hashAt + 1));
  const at = {file: page.file, line: link.line, column: link.column};
  const generated = page.section.kind === 'generated';
  const bug = generated ? ' (a generated page: please report this bug in docs-architect)' : '';

  let target: Page | undefined;
  if (pathPart === '') {
    target = page;
  } else if (!pathPart.startsWith('/') && /\.mdx?$/i.test(pathPart)) {
    const file = path.resolve(path.dirname(page.path), safeDecode(pathPart));
    const route = site.published.get(file);
    target = route ? site.byRoute.get(route) : site.byPath.get(file);
    if (!target && !route) {
      return {
        ...at,
        rule: 'links/broken-link',
        severity: 'error',
        message: `the link to \`${link.url}\` leads to no page: there is no such Markdown file in the docs${bug}`,
        fix: `Point it at an existing page${suggestFile(site, page, file)}`,
      };
    }
    if (!target) return undefined; // published as a page Docusaurus builds elsewhere, not one we read
  } else if (!pathPart.startsWith('/') && fs.existsSync(path.resolve(path.dirname(page.path), safeDecode(pathPart)))) {
    return undefined; // a file beside the page: Docusaurus copies it as an asset
  } else {
    const route = routeOfUrl(input, page, pathPart);
    target = site.byRoute.get(route);
    if (!target && !isOtherRoute(input, site, route)) {
      return {
        ...at,
        rule: 'links/broken-link',
        severity: 'error',
        message: `the link to \`${link.url}\` leads to no page of the site${bug}`,
        fix: `Point it at an existing page${suggestRoute(site, route)}`,
      };
    }
  }
  if (!target || anchor === undefined || anchor === '' || target.problem || target.anchors.has(anchor)) return undefined;
  const near = target.anchors.size > 0 ? closest(anchor, [...target.anchors].sort()) : undefined;
  return {
    ...at,
    rule: 'links/broken-anchor',
    severity: 'error',
    message: `\`#${anchor}\` is not a heading or anchor of ${target === page ? 'this page' : `\`${target.route}/\``}${bug}`,
    fix: near && distance(anchor, near) <= Math.max(3, anchor.length / 3) ? `Did you mean \`#${near}\`?` : 'Link to a heading of that page (its id is the heading in lower case, spaces as dashes)',
  };
}

/** The route a URL path leads to from `page`, without the site's baseUrl. */
function routeOfUrl(input: CheckInput, page: Page, pathPart: string): string {
  const baseUrl = input.context.config.baseUrl ?? '/';
  let absolute = pathPart.startsWith('/') ? pathPart : new URL(pathPart, `http://site${page.route}/`).pathname;
  if (baseUrl !== '/' && absolute.startsWith(baseUrl)) absolute = `/${absolute.slice(baseUrl.length)}`;
  return normalizeRoute(safeDecode(absolute));
}

/** The landing page, a static file, or a page another plugin makes (search, audiences, tags). */
function isOtherRoute(input: CheckInput, site: SitePages, route: string): boolean {
  if (route === '/') return true;
  const [first, second] = route.split('/').slice(1);
  if (first && OTHER_ROUTES.includes(first)) return true;
  if (second === 'tags' || second === 'category') return input.sections.some((section) => (section.kind === 'authored' ? 'docs' : section.id) === first);
  const relative = route.slice(1);
  return [PACKAGE_STATIC, staticRoot(input.context.siteDir)].some((dir) => fs.existsSync(path.join(dir, relative))) || [...site.published.values()].includes(route);
}

function suggestRoute(site: SitePages, route: string): string {
  const routes = [...site.byRoute.keys()].sort();
  if (routes.length === 0) return '';
  const near = closest(route, routes);
  return distance(route, near) <= Math.max(4, route.length / 3) ? `; did you mean \`${near}/\`?` : '';
}

function suggestFile(site: SitePages, page: Page, file: string): string {
  const files = [...site.byPath.keys()].filter((other) => site.byPath.get(other)!.section === page.section).sort();
  if (files.length === 0) return '';
  const near = closest(file, files);
  const relative = path.relative(path.dirname(page.path), near).split(path.sep).join('/');
  return distance(file, near) <= Math.max(4, path.basename(file).length / 2) ? `; did you mean \`${relative.startsWith('.') ? relative : `./${relative}`}\`?` : '';
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}
