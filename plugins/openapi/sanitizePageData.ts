/**
 * A page's JSON made safe for docusaurus-theme-openapi-docs, which renders every description and
 * example summary with react-markdown plus rehype-raw (raw HTML is live) and puts admonition text into
 * `dangerouslySetInnerHTML`. Each such string goes through the core sanitiser; the strings the theme
 * pastes into Markdown itself (enum values and `pattern` in code spans, `x-enumDescriptions` in a
 * table) lose what could close the span or the cell. Payloads (examples, defaults, enum values the
 * explorer sends) stay as they are unless they could break out of the theme's Markdown.
 */
import {sanitizeMarkdown} from '../core/markdown/sanitizeMarkdown';
import {isObject, type Json, type JsonObject} from './components';

/** Strings the theme renders as Markdown. */
const MARKDOWN_KEYS = new Set(['description', 'summary']);
/** Values shown as data (code blocks, form fields), never as Markdown: kept byte for byte. */
const PAYLOAD_KEYS = new Set(['example', 'default', 'const', 'value', 'externalValue', 'x-codeSamples', 'x-code-samples', 'postman', '$ref']);
/** Objects whose keys are names chosen by the author (a property called `example`), not keywords. */
const NAME_MAPS = new Set([
  'properties', 'patternProperties', '$defs', 'definitions', 'schemas', 'responses', 'parameters', 'requestBodies', 'headers',
  'content', 'encoding', 'links', 'callbacks', 'securitySchemes', 'variables', 'mapping', 'examples',
]);
/** Strings the theme puts between backticks: a backtick or a blank line would end the code span. */
const IN_CODE_SPAN = new Set(['pattern', 'minimum', 'maximum', 'exclusiveMinimum', 'exclusiveMaximum', 'minLength', 'maxLength', 'minItems', 'maxItems', 'format']);

export interface Sanitizer {
  (data: unknown): unknown;
}

/** One sanitiser per section: a description repeated on many pages is parsed once. */
export function createPageDataSanitizer(): Sanitizer {
  const memo = new Map<string, string>();
  const markdown = (value: string) => {
    let clean = memo.get(value);
    if (clean === undefined) {
      clean = sanitizeMarkdown(value);
      memo.set(value, clean);
    }
    return clean;
  };
  const node = (value: Json): Json => {
    if (Array.isArray(value)) return value.map(node);
    if (!isObject(value)) return value;
    const out: JsonObject = {};
    for (const [key, child] of Object.entries(value)) out[key] = keyword(key, child);
    return out;
  };
  const keyword = (key: string, value: Json): Json => {
    if (MARKDOWN_KEYS.has(key) && typeof value === 'string') return markdown(value);
    if (key === 'enum' && Array.isArray(value)) return value.map((item) => (typeof item === 'string' ? codeSpanText(item) : item));
    if (IN_CODE_SPAN.has(key) && typeof value === 'string') return codeSpanText(value);
    if ((key === 'x-enumDescriptions' || key === 'enumDescriptions') && isObject(value)) return enumDescriptions(value, markdown);
    // The theme's ParamsItem reads a parameter's own `enumDescriptions` as [value, description] pairs.
    if (key === 'enumDescriptions' && Array.isArray(value)) return value.map((pair) => (Array.isArray(pair) ? pair.map((cell) => (typeof cell === 'string' ? tableCell(cell, markdown) : cell)) : pair));
    if (key === 'examples' && Array.isArray(value)) return value;
    if (PAYLOAD_KEYS.has(key)) return value;
    if (NAME_MAPS.has(key) && isObject(value)) {
      const named: JsonObject = {};
      for (const [name, child] of Object.entries(value)) named[name] = node(child);
      return named;
    }
    return node(value);
  };
  return (data) => node(data as Json);
}

/** A string the theme wraps in backticks: no backtick to close the span, no line break to end it. */
function codeSpanText(value: string): string {
  return value.replaceAll('`', '\u02cb').replace(/[\r\n]+/g, ' ');
}

/** The theme builds a Markdown table from these: each cell becomes one line of escaped text. */
function enumDescriptions(value: JsonObject, markdown: (value: string) => string): JsonObject {
  const out: JsonObject = {};
  for (const [name, description] of Object.entries(value)) {
    out[tableCell(name, markdown)] = typeof description === 'string' ? tableCell(description, markdown) : description;
  }
  return out;
}

/** One line, and no pipe left to end the cell (the theme splits rows on unescaped `|`). */
function tableCell(text: string, markdown: (value: string) => string): string {
  return markdown(text).replace(/\s*\n\s*/g, ' ').replace(/(?<!\\)\|/g, '\\|');
}
