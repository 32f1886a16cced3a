/**
 * Architecture decision records in the two common shapes: MADR (`* Status: accepted` lines or
 * `status:` front matter) and Michael Nygard's (`## Status` section). Number, title, status, date
 * and supersede links come from the document; a missing date falls back to the day git first saw it.
 */
import path from 'node:path';
import {isUserError} from '../core/errors';
import {parseYaml} from '../core/parseYaml';

export type StatusKind = 'proposed' | 'accepted' | 'rejected' | 'deprecated' | 'superseded' | 'unknown';

export interface DecisionRef {
  /** Path of the record it names, when found. */
  path?: string;
  /** What the document said, when it could not be resolved. */
  text: string;
}

export interface Decision {
  /** Relative to the target. */
  path: string;
  /** Page slug inside the decisions folder. */
  slug: string;
  number?: number;
  title: string;
  format: 'madr' | 'nygard' | 'unknown';
  status?: string;
  statusKind: StatusKind;
  /** `YYYY-MM-DD`. */
  date?: string;
  dateSource?: 'document' | 'git';
  supersededBy: DecisionRef[];
  supersedes: DecisionRef[];
  /** The Markdown after any front matter. */
  body: string;
  /**
   * The record's own audience front matter (`audience`, `experience_level`, `content_type`), as
   * written: its one page (the history section's) carries it instead of the preset, and the audience
   * plugin checks it there like any page's.
   */
  audience: Record<string, unknown>;
}

export interface DecisionProblem {
  file: string;
  line?: number;
  message: string;
  fix: string;
}

export interface DecisionSource {
  path: string;
  text: string;
  /** When git first saw the file (ISO), for records without a date. */
  firstSeen?: string;
}

const NOT_RECORDS = /^(readme|index|template|adr-template|0000-template|_.*)\.mdx?$/i;
const STATUS_KINDS: StatusKind[] = ['proposed', 'accepted', 'rejected', 'deprecated', 'superseded'];

export function isDecisionFile(file: string): boolean {
  return /\.mdx?$/i.test(file) && !NOT_RECORDS.test(path.posix.basename(file));
}

export function extractDecisions(sources: DecisionSource[]): {decisions: Decision[]; problems: DecisionProblem[]} {
  const problems: DecisionProblem[] = [];
  const decisions = sources.map((source) => parseDecision(source, problems));
  const byNumber = new Map<number, Decision>();
  const byName = new Map<string, Decision>();
  for (const decision of decisions) {
    if (decision.number !== undefined && !byNumber.has(decision.number)) byNumber.set(decision.number, decision);
    byName.set(path.posix.basename(decision.path).toLowerCase(), decision);
  }
  // Resolve "superseded by" to records, then derive "supersedes" from it.
  for (const decision of decisions) {
    decision.supersededBy = decision.supersededBy.map((ref) => {
      const link = /\]\(([^)\s]+)/.exec(ref.text)?.[1];
      const number = /(?:adr[-\s#]*)?(\d{1,5})\b/i.exec(ref.text)?.[1];
      const target =
        (link && byName.get(path.posix.basename(link.split('#')[0]!).toLowerCase())) ||
        (number !== undefined ? byNumber.get(Number(number)) : undefined);
      return target ? {path: target.path, text: target.title} : ref;
    });
    for (const ref of decision.supersededBy) {
      const target = decisions.find((other) => other.path === ref.path);
      if (target) target.supersedes.push({path: decision.path, text: decision.title});
    }
  }
  decisions.sort((a, b) => (a.number ?? Infinity) - (b.number ?? Infinity) || (a.path < b.path ? -1 : 1));
  // Two folders may hold records of the same name; each page needs its own.
  const slugs = new Set<string>();
  for (const decision of decisions) {
    let slug = decision.slug;
    for (let n = 2; slugs.has(slug); n++) slug = `${decision.slug}-${n}`;
    slugs.add(slug);
    decision.slug = slug;
  }
  for (const decision of decisions) decision.supersedes.sort((a, b) => ((a.path ?? '') < (b.path ?? '') ? -1 : 1));
  return {decisions, problems};
}

const AUDIENCE_KEYS = ['audience', 'experience_level', 'content_type'];

function parseDecision(source: DecisionSource, problems: DecisionProblem[]): Decision {
  const {frontMatter, body, bodyLine} = splitFrontMatter(source, problems);
  const fm = (key: string) => {
    const value = frontMatter[key];
    return typeof value === 'string' || typeof value === 'number' ? String(value).trim() : undefined;
  };
  const file = path.posix.basename(source.path);
  const h1 = /^#[ \t]+(.+?)[ \t#]*$/m.exec(body)?.[1];
  const rawTitle = fm('title') ?? h1 ?? file.replace(/\.mdx?$/i, '').replace(/^\d+[-_. ]*/, '').replace(/[-_]+/g, ' ');
  const titleNumber = /^(?:ADR[-\s]*)?0*(\d+)\s*[:.\-–—]\s+/i.exec(rawTitle);
  const fileNumber = /^0*(\d+)(?=[-_. ])/.exec(file);
  const number = fileNumber ? Number(fileNumber[1]) : titleNumber ? Number(titleNumber[1]) : undefined;
  const title = (titleNumber ? rawTitle.slice(titleNumber[0].length) : rawTitle).trim() || file;

  const listed = (key: string) => new RegExp(`^[ \\t]*[*-][ \\t]+${key}:[ \\t]*(.+)$`, 'im').exec(body)?.[1]?.trim();
  const plain = (key: string) => new RegExp(`^${key}:[ \\t]*(.+)$`, 'im').exec(body)?.[1]?.trim();
  const section = /^#{2,3}[ \t]+Status[ \t]*\n+([\s\S]*?)(?=\n#{1,6}[ \t]|$)/im.exec(body)?.[1]?.trim();
  let format: Decision['format'] = 'unknown';
  let status = fm('status');
  if (status || listed('status')) format = 'madr';
  status ??= listed('status');
  if (!status && section) {
    format = 'nygard';
    status = section.split(/\n\s*\n/)[0]!.replace(/\s*\n\s*/g, ' ');
  }
  status ??= plain('status');
  if (format === 'unknown' && /^#{2,3}[ \t]+(Context|Decision)\b/im.test(body)) format = 'nygard';

  const dateText = fm('date') ?? listed('date') ?? plain('date');
  const documentDate = dateText ? /\d{4}-\d{2}-\d{2}/.exec(dateText)?.[0] : undefined;
  if (dateText && !documentDate) {
    problems.push({file: source.path, line: lineOf(body, dateText, bodyLine), message: `date "${dateText}" is not a YYYY-MM-DD date`, fix: 'Write the date as YYYY-MM-DD, e.g. 2024-03-05'});
  }
  if (!status) {
    problems.push({file: source.path, message: 'no status found', fix: 'Add a "## Status" section (Nygard) or a "* Status: accepted" line (MADR)'});
  }
  const kindWord = status?.toLowerCase().match(/[a-z]+/)?.[0];
  const statusKind = STATUS_KINDS.find((kind) => kindWord === kind) ?? (/superseded/i.test(status ?? '') ? 'superseded' : 'unknown');
  const supersededText = /superseded\s+by\s+(.+)/i.exec(status ?? '')?.[1] ?? /^[*-]?\s*Superseded by:?\s+(.+)$/im.exec(body)?.[1];
  return {
    path: source.path,
    // The badge shows the words; the link becomes the "superseded by" column.
    status: status?.replace(/\[([^\]]*)\]\([^)]*\)/g, '$1'),
    slug: file.replace(/\.mdx?$/i, '').replace(/[^\w.-]+/g, '-').toLowerCase(),
    number,
    title,
    format,
    statusKind,
    date: documentDate ?? source.firstSeen?.slice(0, 10),
    dateSource: documentDate ? 'document' : source.firstSeen ? 'git' : undefined,
    supersededBy: supersededText ? [{text: supersededText.trim()}] : [],
    supersedes: [],
    body,
    audience: Object.fromEntries(AUDIENCE_KEYS.filter((key) => frontMatter[key] !== undefined).map((key) => [key, frontMatter[key]])),
  };
}

function splitFrontMatter(source: DecisionSource, problems: DecisionProblem[]) {
  const match = /^---\r?\n([\s\S]*?)\r?\n---[ \t]*(?:\r?\n|$)/.exec(source.text);
  if (!match) return {frontMatter: {} as Record<string, unknown>, body: source.text, bodyLine: 1};
  const bodyLine = match[0].split('\n').length;
  let value: unknown;
  try {
    value = parseYaml(match[1]!, {file: source.path, firstLine: 2}).value;
  } catch (error) {
    if (!isUserError(error)) throw error;
    const syntax = error.message.startsWith('cannot parse the file: ');
    problems.push({
      file: source.path,
      line: error.details.line,
      message: syntax ? `front matter is not valid YAML: ${error.message.slice('cannot parse the file: '.length)}` : `front matter is not read: ${error.message}`,
      fix: syntax ? 'Fix the YAML between the --- lines' : error.details.fix!,
    });
    return {frontMatter: {}, body: source.text.slice(match[0].length), bodyLine};
  }
  const frontMatter = value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
  return {frontMatter, body: source.text.slice(match[0].length), bodyLine};
}

function lineOf(body: string, needle: string, offset: number): number | undefined {
  const index = body.indexOf(needle);
  return index < 0 ? undefined : body.slice(0, index).split('\n').length + offset - 1;
}
