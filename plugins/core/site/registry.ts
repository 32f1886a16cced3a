/**
 * The site registry: the one owner of section ids, routes and URLs. It reserves the ids the site
 * itself uses (the hand-written docs, the search page, its own files at the root), then every
 * generated section's, so two things never share a route; and it holds the link index, the one
 * place that answers "what is the URL of X?" for every section's render (docs/adr/0030).
 */
import {UserError} from '../errors';
import type {CodeRoute, ExtractedSection, FolderOwners, LinkEntry, LinkKind, SectionModel, SharedFacts, SiteView, TargetContext} from '../types';
import {createRepoUrls, type RepoUrls} from './repoUrls';

/** A route segment the site uses for itself, and what uses it (for the clash message). */
export interface ReservedRoute {
  id: string;
  owner: string;
}

/** Files and routes at the site's root that no section may take. */
export const SITE_ROUTES: ReservedRoute[] = [
  {id: 'docs', owner: 'the hand-written docs section'},
  {id: 'search', owner: 'the search page'},
  {id: 'assets', owner: 'the bundled scripts and styles'},
  {id: 'img', owner: "the site's images"},
  {id: 'docs-architect.json', owner: 'the site model'},
  {id: 'docs-architect.schema.json', owner: "the site model's JSON Schema"},
  {id: 'llms.txt', owner: 'the llms.txt index'},
  {id: 'llms-full.txt', owner: 'the llms-full.txt text'},
];

/** Section ids become folder names, plugin ids and URL segments. */
export const SECTION_ID = /^[a-z0-9][a-z0-9-]*$/;

export interface Registry {
  /** Takes a section's id and route; a clash or a bad id is a UserError naming the config key. */
  claim(section: ExtractedSection, generator: string): void;
  /** Adds entries to the link index; the first entry for a kind and key wins (sorted input). */
  add(section: string, entries: LinkEntry[]): void;
  urlOf(kind: LinkKind, key: string): string | undefined;
  /** Adds what a section shares with the others (owners, routes); the first owner of a folder wins. */
  share(facts: SharedFacts): void;
  /** Every entry, sorted by kind, key: what docs-architect.json publishes. */
  entries(): (LinkEntry & {section: string})[];
  readonly repo: RepoUrls;
  /** The read-only view a render gets. */
  view(sections: readonly ExtractedSection[]): SiteView;
}

export function createRegistry(context: TargetContext, reserved: ReservedRoute[] = []): Registry {
  const owners = new Map<string, string>();
  for (const route of [...SITE_ROUTES, ...reserved]) owners.set(route.id, route.owner);
  const index = new Map<string, LinkEntry & {section: string}>();
  const keyOf = (kind: LinkKind, key: string) => `${kind}\0${key}`;
  const repo = createRepoUrls(context);
  const folderOwners = new Map<string, FolderOwners>();
  const routes: CodeRoute[] = [];

  const sorted = () => [...index.values()].sort((a, b) => (a.kind !== b.kind ? (a.kind < b.kind ? -1 : 1) : a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  const urlOf = (kind: LinkKind, key: string): string | undefined => {
    if (kind === 'commit') return repo.commitUrl?.(key);
    return index.get(keyOf(kind, key))?.url;
  };

  return {
    repo,
    claim(section, generator) {
      const where = section.idKey ?? `the ${generator} generator's section id`;
      if (!SECTION_ID.test(section.id)) {
        throw new UserError(`"${section.id}" is not a valid section id`, {
          file: context.configFile,
          key: section.idKey,
          fix: `${where}: use lower-case letters, digits and dashes, starting with a letter or digit`,
        });
      }
      const owner = owners.get(section.id);
      if (owner) {
        throw new UserError(`"${section.id}" is already ${owner}'s id`, {
          file: context.configFile,
          key: section.idKey ?? section.id,
          fix: `Give ${section.idKey ? 'it' : 'the section'} another id, e.g. "${section.id}-${generator}"`,
        });
      }
      owners.set(section.id, `the ${section.title} section`);
    },
    add(section, entries) {
      for (const entry of entries) {
        const key = keyOf(entry.kind, entry.key);
        if (!index.has(key)) index.set(key, {...entry, section});
      }
    },
    share(facts) {
      for (const entry of facts.owners ?? []) if (!folderOwners.has(entry.path) && (entry.people.length > 0 || entry.codeowners.length > 0)) folderOwners.set(entry.path, entry);
      routes.push(...(facts.routes ?? []));
      routes.sort(compareRoutes);
    },
    urlOf,
    entries: sorted,
    view(sections) {
      const byId = new Map(sections.map((section) => [section.id, section]));
      // The index is complete once views are made: each kind is listed once, on first ask.
      const byKind = new Map<LinkKind, LinkEntry[]>();
      return {
        context,
        sections,
        repo,
        model: <Model extends SectionModel>(id: string) => byId.get(id)?.model as Model | undefined,
        urlOf,
        entries(kind) {
          let list = byKind.get(kind);
          if (!list) byKind.set(kind, (list = sorted().filter((entry) => entry.kind === kind)));
          return list;
        },
        ownersOf(file) {
          // The deepest folder that holds the file: a package's owners before its top-level folder's.
          for (let dir = file; ; dir = dir.slice(0, Math.max(0, dir.lastIndexOf('/')))) {
            const found = folderOwners.get(dir);
            if (found) return found;
            if (dir === '') return undefined;
          }
        },
        routes: () => routes,
        resolve(kind, key, page) {
          const url = urlOf(kind, key);
          if (url === undefined) {
            context.report.warn(`the ${kind} "${key}" this page links to is not in the site`, {
              file: page,
              fix: 'Check the name, or remove the link (strict mode fails on it)',
            });
          }
          return url;
        },
      };
    },
  };
}

function compareRoutes(a: CodeRoute, b: CodeRoute): number {
  const left = [a.file, a.line, a.method, a.path];
  const right = [b.file, b.line, b.method, b.path];
  for (let i = 0; i < left.length; i++) if (left[i] !== right[i]) return left[i]! < right[i]! ? -1 : 1;
  return 0;
}
