/**
 * The whole section: model in, files out. A symbol's section (and an index page) is rendered again
 * only when something it shows changed, which is what makes a rebuild after a one-file edit cheap:
 * its key is the hash of its slice of the model plus the address of every symbol it links to, so
 * the sections of the edited file change, and so do sections linking to a symbol that moved, and
 * nothing else. Pages are then assembled from sections, which costs little.
 */
import crypto from 'node:crypto';
import type {SymbolIndex} from '../links';
import type {BundledCache} from '../../core/bundledCache';
import type {CodeReferenceModel, ContainerModel} from '../model';
import {renderContainerPage, renderPackageIndex, renderPackagesIndex, type ModuleFacts} from './pages';

/** Bump when pages change for the same model (a renderer change): cached pages then miss. */
export const RENDER_VERSION = '3';

const ID_IN_JSON = /"(?:id|symbol|home|namespace)":"((?:[^"\\]|\\.)*)"/g;
const LINES_IN_JSON = /"line":\d+,?|"sourceUrl":"(?:[^"\\]|\\.)*",?/g;

export interface RenderStats {
  /** Pieces rendered or taken from the cache: symbol sections and index pages. */
  pages: number;
  rendered: number;
}

/** What the site knows about the sources of a module (its file, or a namespace's symbols' files). */
export type AboutSources = (files: string[]) => ModuleFacts;

export async function renderSection(model: CodeReferenceModel, index: SymbolIndex, cache?: BundledCache, about?: AboutSources): Promise<{files: Map<string, string>; stats: RenderStats}> {
  const files = new Map<string, string>();
  const stats: RenderStats = {pages: 0, rendered: 0};
  const slugs = model.containers.map((container) => container.slug).concat(model.packages.map((pkg) => pkg.slug));
  const hasChildren = (slug: string) => slugs.some((other) => slug === '' || other.startsWith(`${slug}/`));
  const names = new FileNames();
  const fileOf = (slug: string) => names.fileOf(slug, slug === '' ? 'index.mdx' : hasChildren(slug) ? `${slug}/index.mdx` : `${slug}.mdx`);

  // What a mentioned id resolves to now (its address, name and page), once per id per build.
  const addressMemo = new Map<string, string>();
  const addressOf = (raw: string) => {
    let address = addressMemo.get(raw);
    if (address === undefined) {
      const id = JSON.parse(`"${raw}"`) as string;
      const symbol = index.symbol(id);
      address = JSON.stringify([id, index.symbolUrl(id) ?? index.container(id)?.slug, symbol?.name, index.container(symbol?.home ?? '')?.name]);
      addressMemo.set(raw, address);
    }
    return address;
  };

  const cached = async (input: unknown, render: () => string | Promise<string>): Promise<string> => {
    stats.pages++;
    // Lines are left out of the key: only source links show them, and those are pieces of their own
    // (keyed with their line), so an edit that moves the lines below it re-renders only links.
    // (Cut from the JSON text: a replacer function would be called for every key of every piece.)
    const json = JSON.stringify(input).replace(LINES_IN_JSON, '');
    // Every symbol the piece mentions, with where it lives now.
    const addresses = [...new Set([...json.matchAll(ID_IN_JSON)].map((match) => match[1]!))].sort().map(addressOf);
    // One call of the one-shot hash: thousands of pieces each made a hash object for four parts.
    // (JSON text has no raw NUL, so the parts cannot run into each other.)
    const key = crypto.hash('sha1', `${RENDER_VERSION}\0${index.base}\0${json}\0${addresses.join(',')}`);
    const hit = cache?.get(key);
    if (hit !== undefined) return hit;
    stats.rendered++;
    const page = await render();
    cache?.set(key, page);
    return page;
  };

  for (const pkg of model.packages) {
    pkg.containers.forEach((id) => index.container(id));
    const containers = pkg.containers.map((id) => index.container(id)).filter((container): container is ContainerModel => container !== undefined);
    for (const [position, container] of containers.entries()) {
      const sources = container.file ? [container.file] : [...new Set(index.homeSymbols(container.id).map((symbol) => symbol.file))].sort();
      const page = await renderContainerPage(container, index, position + 1, cached, about?.(sources));
      files.set(fileOf(container.slug), page);
    }
    const page = await renderPackageIndex(pkg, model, index, model.packages.length === 1, cached);
    files.set(fileOf(pkg.slug), page);
  }
  if (model.packages.length > 1) {
    files.set('index.mdx', await cached({kind: 'packages', packages: model.packages.map((pkg) => [pkg.name, pkg.slug, pkg.description])}, () => renderPackagesIndex(model, index)));
  }
  for (const [folder, label] of names.renamedFolders()) files.set(`${folder}/_category_.json`, `${JSON.stringify({label}, null, 2)}\n`);
  await cache?.save();
  return {files, stats};
}

/**
 * File names Docusaurus will serve. It leaves out every file or folder whose name starts with `_`
 * (`__root.tsx`'s page would be `__root.mdx`, a partial), so such a segment gets a `u` in front; the
 * page keeps its route (its `slug`) and its label, and a renamed folder gets its name back as its
 * sidebar label. A name already taken gets a number: the module `routes/_layout` (a folder's page,
 * `routes/_layout/index.mdx`) and the module `routes/_layout/index` want the same file, and each
 * page keeps its own (remembered by slug, not by the file it wanted).
 */
class FileNames {
  private readonly taken = new Set<string>();
  private readonly folders = new Map<string, string>();
  private readonly memo = new Map<string, string>();

  fileOf(slug: string, wanted: string): string {
    const known = this.memo.get(slug);
    if (known) return known;
    const segments = wanted.split('/');
    const safe = segments.map((segment, i) => {
      if (!segment.startsWith('_')) return segment;
      if (i < segments.length - 1) this.folders.set(segments.slice(0, i).map(escapeSegment).concat(escapeSegment(segment)).join('/'), segment);
      return escapeSegment(segment);
    });
    let file = safe.join('/');
    for (let n = 2; this.taken.has(file.toLowerCase()); n++) file = `${safe.join('/').replace(/\.mdx$/, '')}-${n}.mdx`;
    this.taken.add(file.toLowerCase());
    this.memo.set(slug, file);
    return file;
  }

  /** Folders whose name was changed, with the name to show. */
  renamedFolders(): [string, string][] {
    return [...this.folders].sort(([a], [b]) => (a < b ? -1 : 1));
  }
}

function escapeSegment(segment: string): string {
  return segment.startsWith('_') ? `u${segment}` : segment;
}
