/**
 * Documentation coverage of the code reference: the share of exported symbols with a doc comment,
 * per package and per module. Read from the code reference's model as the site publishes it (plain
 * JSON, through the site view): sibling generators meet only in core, so only the fields used here
 * are named, and a model of another shape simply counts nothing.
 */
import type {ExtractedSection} from '../core/types';

interface CodeModelShape {
  packages: {name: string; dir: string; containers: string[]}[];
  containers: {id: string; name: string; kind: string; internal?: boolean; exports: {name: string; symbol?: string; external?: string}[]}[];
  symbols: {id: string; name: string; doc?: {summary?: string}}[];
}

export interface CoverageRow {
  /** A package's name, or a module's name. */
  name: string;
  documented: number;
  total: number;
  /** Symbols without a doc comment, sorted, for the reader who wants to fix them (at most 10 shown). */
  missing: string[];
}

export interface Coverage {
  /** The code reference section it was read from (for links). */
  section: string;
  total: CoverageRow;
  packages: CoverageRow[];
  modules: CoverageRow[];
}

export function coverageOf(sections: readonly ExtractedSection[]): Coverage | undefined {
  for (const section of sections) {
    const model = section.model as unknown as Partial<CodeModelShape>;
    if (!Array.isArray(model.symbols) || !Array.isArray(model.containers) || !Array.isArray(model.packages)) continue;
    return coverageOfModel(section.id, model as CodeModelShape);
  }
  return undefined;
}

function coverageOfModel(section: string, model: CodeModelShape): Coverage {
  const symbols = new Map(model.symbols.map((symbol) => [symbol.id, symbol]));
  const containers = new Map(model.containers.map((container) => [container.id, container]));
  const documented = (id: string) => Boolean(symbols.get(id)?.doc?.summary?.trim());
  const row = (name: string, ids: Iterable<string>): CoverageRow => {
    const unique = [...new Set(ids)].filter((id) => symbols.has(id));
    const missing = unique.filter((id) => !documented(id)).map((id) => symbols.get(id)!.name).sort();
    return {name, documented: unique.length - missing.length, total: unique.length, missing};
  };
  const exportsOf = (id: string) => (containers.get(id)?.exports ?? []).flatMap((entry) => (entry.symbol && !entry.external ? [entry.symbol] : []));
  const modules = model.containers
    .filter((container) => container.kind === 'module' && !container.internal)
    .map((container) => row(container.name, exportsOf(container.id)))
    .filter((module) => module.total > 0)
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  const packages = model.packages
    .map((pkg) => row(pkg.name, pkg.containers.filter((id) => !containers.get(id)?.internal).flatMap(exportsOf)))
    .filter((pkg) => pkg.total > 0)
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  const all = model.containers.filter((container) => !container.internal).flatMap((container) => exportsOf(container.id));
  return {section, total: row('all', all), packages, modules};
}

export function share(row: Pick<CoverageRow, 'documented' | 'total'>): number {
  return row.total === 0 ? 1 : row.documented / row.total;
}
