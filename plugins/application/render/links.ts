/**
 * The links application pages make, decided in one place: a declaration's code reference entry when
 * the site has one, else its source line on the repository host, else nothing (plain text).
 */
import type {SiteView} from '../../core/types';

export interface AppLinks {
  /** The code reference entry of `file#name`, else of its file, else its source line (without a symbol: the line first). */
  code(symbol: string | undefined, file: string, line: number): string | undefined;
  source(file: string, line: number): string | undefined;
}

export function createAppLinks(site: Pick<SiteView, 'urlOf' | 'repo'>): AppLinks {
  const source = (file: string, line: number) => site.repo.fileUrl?.(file, line);
  return {
    source,
    // A named declaration's entry is better than its line; for an inline function the line is better than its file's page.
    code: (symbol, file, line) => (symbol ? site.urlOf('symbol', symbol) ?? site.urlOf('file', file) ?? source(file, line) : source(file, line) ?? site.urlOf('file', file)),
  };
}

/** Heading ids from names: letters, digits, `_` and `-` only, unique within a page. */
export function createAnchors(prefix: string): (name: string) => string {
  const used = new Set<string>();
  return (name) => {
    // Accents are dropped rather than the letters (`Ünïcødé` → `unic-de`): ids are ASCII (see headingWithId).
    const ascii = name.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase();
    const base = `${prefix}-${ascii.replace(/[^a-z0-9_]+/g, '-').replace(/^-+|-+$/g, '')}`.replace(/-+$/, '');
    let id = base;
    for (let n = 2; used.has(id); n++) id = `${base}-${n}`;
    used.add(id);
    return id;
  };
}
