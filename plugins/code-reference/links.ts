/**
 * The one symbol and route index of the code reference: every renderer (signatures, type names,
 * `{@link}`, the index pages, re-export tables) asks it for URLs, so a symbol's address is decided
 * in exactly one place and a link can never disagree with the page it points at.
 */
import type {LinkEntry} from '../core/types';
import type {CodeReferenceModel, ContainerModel, PackageModel, SymbolModel} from './model';

export interface SymbolIndex {
  /** The section's route, e.g. `/api`. */
  readonly base: string;
  symbol(id: string): SymbolModel | undefined;
  container(id: string): ContainerModel | undefined;
  /** Route of a container's page, with trailing slash. */
  containerUrl(id: string): string;
  packageUrl(pkg: PackageModel): string;
  /** Where a symbol is documented: its home page and anchor. Undefined for a symbol that is not ours. */
  symbolUrl(id: string): string | undefined;
  memberUrl(symbolId: string, anchor: string): string | undefined;
  /** Symbols documented on a container's page, in export order. */
  homeSymbols(containerId: string): SymbolModel[];
  /** The route of a container relative to the section: what its page's `slug` is. */
  slugOf(containerId: string): string;
  /** The ER diagram entity of a class (a table's model), when another section draws one (docs/adr/0046). */
  entityUrl(symbol: SymbolModel): string | undefined;
}

export function createSymbolIndex(model: CodeReferenceModel, base: string, urlOf?: (kind: 'entity', key: string) => string | undefined): SymbolIndex {
  const symbols = new Map(model.symbols.map((symbol) => [symbol.id, symbol]));
  const containers = new Map(model.containers.map((container) => [container.id, container]));
  const route = (slug: string) => (slug ? `${base}/${slug}/` : `${base}/`);
  const homes = new Map<string, SymbolModel[]>();
  for (const container of model.containers) {
    const own = container.exports
      .map((entry) => (entry.symbol ? symbols.get(entry.symbol) : undefined))
      .filter((symbol): symbol is SymbolModel => symbol !== undefined && symbol.home === container.id);
    // A symbol exported under two names is documented once.
    homes.set(container.id, [...new Set(own)]);
  }
  const containerUrl = (id: string) => {
    const container = containers.get(id);
    if (!container) throw new Error(`no container ${id}`);
    return route(container.slug);
  };
  return {
    base,
    symbol: (id) => symbols.get(id),
    container: (id) => containers.get(id),
    containerUrl,
    packageUrl: (pkg) => route(pkg.slug),
    symbolUrl(id) {
      const symbol = symbols.get(id);
      return symbol ? `${containerUrl(symbol.home)}#${symbol.anchor}` : undefined;
    },
    memberUrl(symbolId, anchor) {
      const symbol = symbols.get(symbolId);
      return symbol ? `${containerUrl(symbol.home)}#${anchor}` : undefined;
    },
    homeSymbols: (id) => homes.get(id) ?? [],
    slugOf: (id) => containers.get(id)?.slug ?? '',
    // The key an ER diagram gives a table's class: its file and name (the architecture section's).
    entityUrl: (symbol) => (symbol.kind === 'class' ? urlOf?.('entity', `${symbol.file}#${symbol.name}`) : undefined),
  };
}

/**
 * What the code reference adds to the site's link index: every symbol by id, every module by name,
 * and every source file by path (its module's page, else the page of the first symbol declared in
 * it), so other sections link here through the index and never build these routes themselves.
 */
export function codeReferenceLinks(model: CodeReferenceModel, base: string): LinkEntry[] {
  const index = createSymbolIndex(model, base);
  const entries: LinkEntry[] = [];
  const files = new Map<string, string>();
  for (const container of model.containers) {
    const url = index.containerUrl(container.id);
    entries.push({kind: 'module', key: container.name, url, title: container.name});
    if (container.kind === 'module' && container.file && !files.has(container.file)) files.set(container.file, url);
  }
  for (const symbol of model.symbols) {
    const url = index.symbolUrl(symbol.id);
    if (!url) continue;
    entries.push({kind: 'symbol', key: symbol.id, url, title: symbol.name});
    if (!files.has(symbol.file)) files.set(symbol.file, index.containerUrl(symbol.home));
  }
  for (const [file, url] of files) entries.push({kind: 'file', key: file, url, title: file});
  return entries;
}
