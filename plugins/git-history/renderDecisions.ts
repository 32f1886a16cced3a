/**
 * The decisions pages: an index (number, title, status badge, date, superseded-by links) with a
 * timeline, and each record as a page of its own, imported through the one writer.
 */
import path from 'node:path';
import type {PhrasingContent, RootContent} from 'mdast';
import {emphasis, heading, jsxText, link, paragraph, table, text} from '../core/mdx/build';
import {markdownToMdast} from '../core/mdx/fromMarkdown';
import type {Decision, DecisionRef, HistoryModel, StatusKind} from './model';
import {fileRef, notes, page, timeline, type HistoryLinks, type PageMeta} from './renderCommon';

export const DECISIONS_DIR = 'decisions';
const TIMELINE_MAX = 40;

/** Infima badge classes: the status is readable as text too, the colour only helps. */
const BADGE: Record<StatusKind, string> = {
  accepted: 'badge badge--success',
  proposed: 'badge badge--info',
  rejected: 'badge badge--danger',
  deprecated: 'badge badge--warning',
  superseded: 'badge badge--secondary',
  unknown: 'badge badge--secondary',
};

export function renderDecisions(model: HistoryModel, links: HistoryLinks, position: number): Map<string, string> {
  const files = new Map<string, string>();
  const {records, dirs} = model.decisions;
  const byPath = new Map(records.map((record) => [record.path, record]));
  const label = (record: Decision) => `${record.number !== undefined ? `${pad(record.number)} ` : ''}${record.title}`;
  // The index and the records are in one folder, so a record's page is `./<slug>.mdx` from both.
  const refs = (items: DecisionRef[]): PhrasingContent[] =>
    items.flatMap((ref, i) => {
      const target = ref.path ? byPath.get(ref.path) : undefined;
      const node = target ? link(`./${target.slug}.mdx`, label(target)) : text(ref.text);
      return i === 0 ? [node] : [text(', '), node];
    });

  const children: RootContent[] = [
    heading(1, 'Decisions'),
    paragraph(
      'The architecture decision records of the repository, in MADR or Michael Nygard\u2019s format, read from ',
      ...(dirs.length > 0 ? dirs.flatMap((dir, i) => [...(i > 0 ? [text(', ')] : []), fileRef(dir, links)]) : [text('no folder')]),
      '. Dates come from the records; where a record has none, from the commit that added it.',
    ),
  ];
  if (records.length === 0) {
    children.push(paragraph('No decision records found (looked in docs/adr, doc/adr, docs/decisions, docs/architecture/decisions and the configured folders).'));
  } else {
    children.push(
      table(
        ['Number', 'Title', 'Status', 'Date', 'Superseded by'],
        records.map((record) => [
          record.number !== undefined ? pad(record.number) : '',
          link(`./${record.slug}.mdx`, record.title),
          badge(record),
          record.date ? `${record.date}${record.dateSource === 'git' ? ' (git)' : ''}` : '',
          record.supersededBy.length > 0 ? emphasis(...refs(record.supersededBy)) : '',
        ]),
      ),
    );
    const dated = records.filter((record) => record.date).sort((a, b) => (a.date! < b.date! ? -1 : a.date! > b.date! ? 1 : 0));
    if (dated.length > 0) {
      children.push(heading(2, 'Timeline'), timeline('Decisions', dated.slice(-TIMELINE_MAX).map((record) => ({date: record.date!, label: label(record)}))));
    }
  }
  files.set(
    `${DECISIONS_DIR}/index.mdx`,
    page(model, {title: 'Decisions', description: `Architecture decision records of ${model.project}.`, position: 0, freshness: 'decisions', kind: 'decisions'}, children),
  );
  files.set(`${DECISIONS_DIR}/_category_.json`, `${JSON.stringify({label: 'Decisions', position, link: {type: 'doc', id: `${DECISIONS_DIR}/index`}}, null, 2)}\n`);

  records.forEach((record, i) => {
    const facts: PhrasingContent[] = [badge(record)];
    if (record.date) facts.push(text(` \u00b7 ${record.date}${record.dateSource === 'git' ? ' (from git)' : ''}`));
    if (record.supersededBy.length > 0) facts.push(text(' \u00b7 superseded by '), ...refs(record.supersededBy));
    if (record.supersedes.length > 0) facts.push(text(' \u00b7 supersedes '), ...refs(record.supersedes));
    facts.push(text(' \u00b7 source: '), fileRef(record.path, links));
    const body = markdownToMdast(record.body, {rewriteUrl: (url, kind) => rewrite(url, kind, record, model, links)});
    files.set(
      `${DECISIONS_DIR}/${record.slug}.mdx`,
      page(
        model,
        {
          title: `${record.number !== undefined ? `ADR ${pad(record.number)}: ` : ''}${record.title}`,
          sidebarLabel: label(record),
          description: `Decision record: ${record.title}.`,
          position: i + 1,
          // Keeps the number in the URL: Docusaurus would strip a `0001-` prefix from the route.
          slug: record.slug,
          freshness: `decision:${record.path}`,
          // The one page of the record: the authored docs leave its file out (publishes, ADR 0022).
          kind: 'decisions',
          audience: record.audience as PageMeta['audience'],
          editUrl: links.editUrl?.(record.path),
        },
        // The record's own title first, then what we know about it, then the rest of the record.
        [
          ...(body[0]?.type === 'heading' && body[0].depth === 1 ? [body.shift()!] : [heading(1, record.title)]),
          paragraph(...facts),
          ...notes(record.format === 'unknown' ? ['This record follows neither MADR nor Nygard\u2019s format, so its status may be missing.'] : []),
          ...body,
        ],
      ),
    );
  });
  return files;
}

function badge(record: Decision): PhrasingContent {
  return jsxText('span', {className: BADGE[record.statusKind]}, [record.status ?? 'no status']);
}

function pad(number: number): string {
  return String(number).padStart(4, '0');
}

/** A link inside a record: another record becomes its page, any other file its place on the host. */
function rewrite(url: string, kind: 'link' | 'image', record: Decision, model: HistoryModel, links: HistoryLinks): string | undefined {
  const [file = '', hash] = url.split('#');
  const target = path.posix.normalize(path.posix.join(path.posix.dirname(record.path), decodeURI(file)));
  if (target.startsWith('..')) return undefined; // outside the target: never linked
  const other = model.decisions.records.find((candidate) => candidate.path === target);
  if (other && kind === 'link') return `./${other.slug}.mdx${hash ? `#${hash}` : ''}`;
  return links.fileUrl?.(target);
}

