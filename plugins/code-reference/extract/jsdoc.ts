/**
 * Doc comments, read from their source text rather than from TypeScript's JSDoc nodes: TypeScript
 * drops the indentation inside `@example` code and splits `@see` oddly, and a reference must show
 * code as it was written. Text stays Markdown; `{@link}` tags become placeholders (see model.ts).
 */
import {HIDDEN_SECRET, looksLikeSecret} from '../../core/secrets';
import {LINK_CLOSE, LINK_OPEN, type DocLink, type DocModel} from '../model';

export interface ParsedDoc {
  doc?: DocModel;
  /** `@param` descriptions by parameter name (`options.name` kept as written). */
  params: Map<string, string>;
  typeParams: Map<string, string>;
  /** `@internal`, `@private`, `@hidden` or `@ignore`: left out unless internals are included. */
  internal: boolean;
  category?: string;
  /** `@packageDocumentation` or `@module`: the comment documents its file, not the next declaration. */
  isModuleDoc: boolean;
}

const HIDING_TAGS = new Set(['internal', 'private', 'hidden', 'ignore']);
const INLINE_LINK = /\{@(link|linkcode|linkplain)\s+([^\s}|]+)(?:\s*\|\s*|\s+)?([^}]*)\}/g;

/** The lines of a `/** … *\/` comment without its delimiters and leading asterisks. */
export function commentLines(raw: string): string[] {
  const body = raw.replace(/^\/\*\*/, '').replace(/\*\/$/, '');
  const lines = body.split(/\r?\n/).map((line) => line.replace(/^\s*\* ?/, '').replace(/\s+$/, ''));
  // A one-line comment keeps its leading space after `/**`.
  if (lines.length === 1) lines[0] = lines[0]!.trim();
  while (lines.length > 0 && lines[0] === '') lines.shift();
  while (lines.length > 0 && lines.at(-1) === '') lines.pop();
  return lines;
}

interface Block {
  tag: string;
  text: string;
}

/** Block tags that may also start mid-line (`/** A square. @category Shapes *\/`), outside code spans. */
const BLOCK_TAG_MIDLINE = /(?<=\S\s+)@(param|returns?|throws|example|deprecated|since|see|remarks|category|group|internal|hidden|ignore|private|typeParam|template|defaultValue|default)\b/g;

function splitMidLineTags(line: string): string[] {
  if (!line.includes('@')) return [line];
  const cuts: number[] = [];
  for (const match of line.matchAll(BLOCK_TAG_MIDLINE)) {
    // Inside a code span (an odd number of backticks before it), `@param` is text.
    if ((line.slice(0, match.index).match(/`/g)?.length ?? 0) % 2 === 0) cuts.push(match.index);
  }
  if (cuts.length === 0) return [line];
  return [0, ...cuts].map((start, i) => line.slice(start, cuts[i] ?? line.length).trim());
}

/** Splits at lines starting with `@tag`, except inside fenced code (an `@decorator` in an example). */
function splitBlocks(rawLines: string[]): Block[] {
  let inFence = false;
  const lines = rawLines.flatMap((line) => {
    if (/^\s*(```|~~~)/.test(line)) inFence = !inFence;
    return inFence ? [line] : splitMidLineTags(line);
  });
  const blocks: Block[] = [{tag: '', text: ''}];
  const body: string[][] = [[]];
  let fence: string | undefined;
  for (const line of lines) {
    const fenceMatch = /^\s*(```+|~~~+)/.exec(line);
    if (fenceMatch) {
      if (!fence) fence = fenceMatch[1];
      else if (line.trim().startsWith(fence)) fence = undefined;
    }
    const tag = fence === undefined || fenceMatch ? /^@([A-Za-z][\w-]*)\s?(.*)$/.exec(line) : null;
    if (tag && !fenceMatch) {
      blocks.push({tag: tag[1]!, text: ''});
      body.push([tag[2] ?? '']);
    } else {
      body.at(-1)!.push(line);
    }
  }
  return blocks.map((block, index) => ({...block, text: dedent(body[index]!).trim()}));
}

function dedent(lines: string[]): string {
  // The first line of a tag follows the tag name; the others keep their indentation relative to the least indented.
  const rest = lines.slice(1).filter((line) => line.trim() !== '');
  const indent = Math.min(...rest.map((line) => /^ */.exec(line)![0].length), 80);
  return [lines[0] ?? '', ...lines.slice(1).map((line) => line.slice(Math.min(indent, /^ */.exec(line)![0].length)))].join('\n');
}

/** Replaces inline link tags with placeholders. Examples never pass through here: their code stays as written. */
function withLinks(text: string, links: DocLink[]): string {
  return text.replace(INLINE_LINK, (_all, kind: string, target: string, label: string) => {
    const link: DocLink = {target};
    const trimmed = label.trim();
    if (/^[a-z][a-z0-9+.-]*:\/\//i.test(target)) link.url = true;
    if (trimmed) link.text = trimmed;
    if (kind === 'linkcode') link.code = true;
    links.push(link);
    return `${LINK_OPEN}${links.length - 1}${LINK_CLOSE}`;
  });
}

/** `{type} name - text`, `[name=default] text`: the name and the text, without the JS type. */
function splitParam(text: string): {name: string; text: string} | undefined {
  const rest = skipBraces(text.trim());
  const match = /^(\[[^\]]*\]|[\w$.[\]]+)\s*(?:-\s*)?([\s\S]*)$/.exec(rest);
  if (!match) return undefined;
  const name = match[1]!.replace(/^\[/, '').replace(/\]$/, '').split('=')[0]!.trim();
  return {name, text: match[2]!.trim()};
}

/** Drops a leading `{type}` (balanced braces), as JS files write it before a name or a text. */
function skipBraces(text: string): string {
  if (!text.startsWith('{')) return text;
  let depth = 0;
  for (let i = 0; i < text.length; i++) {
    if (text[i] === '{') depth++;
    else if (text[i] === '}' && --depth === 0) return text.slice(i + 1).trim();
  }
  return text;
}

function examples(text: string): NonNullable<DocModel['examples']> {
  const fence = /^(```+|~~~+)[ \t]*([\w+-]*)[^\n]*\n([\s\S]*?)\n?\1[ \t]*$/gm;
  const found: NonNullable<DocModel['examples']> = [];
  let last = 0;
  let caption = '';
  for (const match of text.matchAll(fence)) {
    caption = `${caption} ${text.slice(last, match.index)}`.trim();
    found.push({...(caption ? {caption} : {}), code: match[3]!, lang: normalizeLang(match[2])});
    caption = '';
    last = match.index + match[0].length;
  }
  if (found.length === 0 && text.trim()) return [{code: text, lang: 'ts'}];
  return found;
}

function normalizeLang(lang?: string): string {
  if (!lang) return 'ts';
  const lower = lang.toLowerCase();
  return /^[a-z0-9+#-]{1,20}$/.test(lower) ? lower : 'text';
}

/** Parses a raw `/** … *\/` comment. */
export function parseDocComment(raw: string): ParsedDoc {
  const blocks = splitBlocks(commentLines(raw));
  const links: DocLink[] = [];
  const doc: DocModel = {};
  const result: ParsedDoc = {params: new Map(), typeParams: new Map(), internal: false, isModuleDoc: false};
  const text = (value: string) => withLinks(value, links);
  const summary = blocks[0]!.text;
  if (summary) doc.summary = text(summary);
  for (const {tag, text: value} of blocks.slice(1)) {
    switch (tag) {
      case 'param':
      case 'arg':
      case 'argument':
      case 'property':
      case 'prop': {
        const param = splitParam(value);
        if (param) result.params.set(param.name, text(param.text));
        break;
      }
      case 'typeParam':
      case 'template': {
        const param = splitParam(value);
        if (param) result.typeParams.set(param.name, text(param.text));
        break;
      }
      case 'returns':
      case 'return':
        doc.returns = text(skipBraces(value));
        break;
      case 'throws':
      case 'throw':
      case 'exception':
        // `{RangeError} when…`: the type as code, then the text.
        (doc.throws ??= []).push(text(value.replace(/^\{([^}]*)\}\s*/, (_m, type: string) => `\`${type}\` `)));
        break;
      case 'example':
        (doc.examples ??= []).push(...examples(value));
        break;
      case 'deprecated':
        doc.deprecated = value ? text(value) : true;
        break;
      case 'since':
        doc.since = value;
        break;
      case 'see':
        (doc.see ??= []).push(text(/^[\w$.#]+$/.test(value) ? `{@link ${value}}` : value));
        break;
      case 'remarks':
        doc.remarks = text(value);
        break;
      case 'default':
      case 'defaultValue': {
        // A documented default is shown like a written one, and hidden the same way when it looks like a key.
        const written = value.replace(/^```\w*\n?|\n?```$/g, '');
        doc.defaultValue = looksLikeSecret({value: written.replace(/^(['"`])(.*)\1$/s, '$2')}) ? HIDDEN_SECRET : written;
        break;
      }
      case 'category':
      case 'group':
        result.category ??= value.split('\n')[0]!.trim() || undefined;
        break;
      case 'packageDocumentation':
      case 'module':
      case 'fileoverview':
        result.isModuleDoc = true;
        break;
      default:
        if (HIDING_TAGS.has(tag)) result.internal = true;
    }
  }
  if (links.length > 0) doc.links = links;
  if (Object.keys(doc).length > 0) result.doc = doc;
  return result;
}
