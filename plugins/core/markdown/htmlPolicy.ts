/**
 * The HTML a target's pages may keep: formatting tags, no script. Tags that run or embed something
 * (script, iframe, object, embed, form, style, svg...) are dropped with their content; tags not on the
 * list are unwrapped (their text stays); event handlers, `srcdoc`, `style`, form actions and any URL
 * the URL rule refuses are removed. Applied to hast `element`s, which in a Docusaurus page come from
 * Markdown syntax and from raw HTML; Docusaurus's own JSX nodes (images, admonitions) are not
 * elements and are left alone.
 */
import {isSafeUrl} from './urlPolicy';

/** Removed with everything inside them: their content is code, or a document of its own. */
export const DROPPED_TAGS = new Set([
  'script', 'style', 'iframe', 'frame', 'frameset', 'object', 'embed', 'applet', 'form', 'noscript', 'template',
  'base', 'link', 'meta', 'svg', 'math', 'textarea', 'select', 'button', 'portal', 'audio', 'video', 'canvas',
]);

/** Kept as they are (minus unsafe attributes): what Markdown produces and what READMEs use to format. */
export const ALLOWED_TAGS = new Set([
  'a', 'abbr', 'b', 'bdi', 'bdo', 'blockquote', 'br', 'caption', 'center', 'cite', 'code', 'col', 'colgroup', 'dd', 'del',
  'details', 'dfn', 'div', 'dl', 'dt', 'em', 'figcaption', 'figure', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'hr', 'i', 'img',
  'input', 'ins', 'kbd', 'li', 'mark', 'ol', 'p', 'picture', 'pre', 'q', 'rp', 'rt', 'ruby', 's', 'samp', 'section', 'small',
  'source', 'span', 'strike', 'strong', 'sub', 'summary', 'sup', 'table', 'tbody', 'td', 'tfoot', 'th', 'thead', 'time', 'tr',
  'tt', 'u', 'ul', 'var', 'wbr',
]);

/** Attributes that carry an address (hast property names, compared in lower case). */
const URL_ATTRIBUTES = new Set(['href', 'src', 'cite', 'action', 'background', 'poster', 'data', 'codebase', 'lowsrc', 'dynsrc', 'ping', 'longdesc', 'usemap', 'manifest', 'icon', 'formaction', 'xlinkhref']);
/** Attributes removed whatever their value: they run script, restyle the page or change where a form goes. */
const DENIED_ATTRIBUTES = new Set(['srcdoc', 'style', 'formaction', 'action', 'is', 'xmlns', 'xlinkhref', 'http-equiv', 'httpequiv']);

/**
 * Elements Docusaurus's own remark plugins make from Markdown (a ```mermaid block, a `:::note`
 * admonition), rendered by its MDX components: not HTML from the target, and kept (their attributes
 * are checked like any other).
 */
const DOCUSAURUS_ELEMENTS = new Set(['mermaid', 'admonition', 'mdxadmonitiontitle']);

export type ElementVerdict = 'keep' | 'drop' | 'unwrap';

export function tagVerdict(tagName: string): ElementVerdict {
  const tag = tagName.toLowerCase();
  if (DROPPED_TAGS.has(tag)) return 'drop';
  return ALLOWED_TAGS.has(tag) || DOCUSAURUS_ELEMENTS.has(tag) ? 'keep' : 'unwrap';
}

/** Whether an attribute may stay on a kept element. */
export function attributeAllowed(name: string, value: unknown): boolean {
  const key = name.toLowerCase();
  if (key.startsWith('on') || DENIED_ATTRIBUTES.has(key)) return false;
  if (key === 'srcset') return String(value).split(',').every((candidate) => isSafeUrl(candidate.trim().split(/\s+/)[0] ?? ''));
  if (URL_ATTRIBUTES.has(key)) return (Array.isArray(value) ? value : [value]).every((item) => isSafeUrl(String(item ?? '')));
  return true;
}
