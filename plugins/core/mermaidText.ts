/**
 * Target text in Mermaid diagrams, in one place. Mermaid has no escape that holds in every diagram
 * type (`#quot;` works in some labels, not in a class member or a timeline event), and `click`,
 * `%%`, `:`, `;`, quotes or brackets in a label are syntax: a commit message or a symbol name could
 * break the diagram or add a click handler. So labels keep only letters, digits and a few marks that
 * are never syntax, whatever the diagram type.
 */

/**
 * A label of free text (a commit, a file name, a title): letters, digits, spaces and `._@/+-`; any
 * other run of characters becomes one space; shortened to `max` characters with an ellipsis; never
 * empty (`-`).
 */
export function mermaidText(value: string, max = 40): string {
  const clean = value.replace(/[^\p{L}\p{N} ._@/+-]+/gu, ' ').replace(/\s+/g, ' ').trim();
  return (clean.length > max ? `${clean.slice(0, max - 1)}\u2026` : clean) || '-';
}

/**
 * A name where Mermaid reads a word (a class box, a class member): letters, digits and `_$.` only,
 * everything else dropped (a space would end the name). May be empty: the caller leaves it out.
 */
export function mermaidName(name: string): string {
  return name.replace(/[^\p{L}\p{N}_$.]/gu, '');
}
