/**
 * URL segments and ids from text a spec author wrote: operationIds, tag names, titles. Pure and
 * deterministic, so a page keeps its URL from build to build.
 */

/**
 * `listPets` → `list-pets`, `repos/get-content` → `repos-get-content`, `Café Menu` → `cafe-menu`.
 * Identifiers are split at case changes; prose (a title: `GitHub's OpenAPI`) is not, and loses its
 * apostrophes: `githubs-openapi`.
 */
export function slugify(text: string, maxLength = 80, kind: 'identifier' | 'prose' = 'identifier'): string {
  let words = text.normalize('NFKD').replace(/[\u0300-\u036f]/g, '');
  if (kind === 'identifier') words = words.replace(/([a-z0-9])([A-Z])/g, '$1-$2').replace(/([A-Z]+)([A-Z][a-z])/g, '$1-$2');
  else words = words.replace(/['\u2019]/g, '');
  const slug = words
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  if (slug.length <= maxLength) return slug;
  // Cut at a dash, so the slug does not end in half a word.
  const cut = slug.slice(0, maxLength);
  const lastDash = cut.lastIndexOf('-');
  return (lastDash > maxLength / 2 ? cut.slice(0, lastDash) : cut).replace(/-+$/, '');
}

/**
 * Hands out slugs unique within one namespace: the second `list-pets` becomes `list-pets-2`. Callers
 * visit the spec in document order, so the numbering is stable.
 */
export function createSlugger(reserved: Iterable<string> = []): (text: string, fallback: string, kind?: 'identifier' | 'prose') => string {
  const used = new Set(reserved);
  return (text, fallback, kind = 'identifier') => {
    const base = slugify(text, 80, kind) || slugify(fallback) || 'item';
    let slug = base;
    for (let n = 2; used.has(slug); n++) slug = `${base}-${n}`;
    used.add(slug);
    return slug;
  };
}
