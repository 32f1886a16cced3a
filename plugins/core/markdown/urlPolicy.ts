/**
 * The one URL rule for text from a target (descriptions, doc comments, ADRs, authored pages): a link
 * or image may point at the web, at mail, at an anchor or at a relative path. Any other scheme
 * (`javascript:`, `data:`, `vbscript:`, `file:`...) could run script or read the reader's machine, so
 * it never becomes an address; the text around it stays.
 */
const SAFE_SCHEMES = new Set(['http:', 'https:', 'mailto:']);

/** Characters browsers ignore inside a scheme (`java\tscript:` still runs). */
// eslint-disable-next-line no-control-regex
const IGNORED_IN_SCHEME = /[\u0000-\u0020\u007f-\u009f\u200b-\u200f\u2028\u2029\ufeff]/g;

export function isSafeUrl(url: string): boolean {
  const squeezed = decodeEntities(url).replace(IGNORED_IN_SCHEME, '');
  const scheme = /^([a-z][a-z\d+.-]*):/i.exec(squeezed);
  if (!scheme) return true;
  return SAFE_SCHEMES.has(`${scheme[1]!.toLowerCase()}:`);
}

/** A URL as an HTML attribute would read it: `&#106;avascript:` is `javascript:` to the browser. */
function decodeEntities(url: string): string {
  return url
    .replace(/&#x([\da-f]+);?/gi, (_, hex: string) => String.fromCodePoint(Number.parseInt(hex, 16) % 0x110000))
    .replace(/&#(\d+);?/g, (_, dec: string) => String.fromCodePoint(Number.parseInt(dec, 10) % 0x110000))
    .replace(/&(tab|newline|colon);/gi, (_, name: string) => ({tab: '\t', newline: '\n', colon: ':'})[name.toLowerCase()] ?? '');
}
