/**
 * The Quality page's charts, each a Mermaid diagram from core's one builder (with its accessible
 * title and description) beside the table that holds the same numbers: documentation coverage per
 * package or module, hand-written pages by freshness, and the pages hardest to read.
 */
import {barChart, pieChart} from '../core/mermaid/build';
import {share, type Coverage, type CoverageRow} from './coverage';
import type {LivingDocsModel, PageProse} from './model';

/** Bars a chart draws at most: past that, the table beside it has the rest. */
export const CHART_BARS = 12;

/**
 * Coverage per package when there are several, else per module: the lowest shares first (where the
 * work is), with the goal drawn across. Past CHART_BARS modules the bars are folders of modules
 * instead (coverageByFolder): a repository of 300 modules would otherwise chart twelve modules at 0%
 * and say nothing of the rest, while the table beside it still lists every module. Undefined with
 * fewer than two rows (a table says it better).
 */
export function coverageChart(coverage: Coverage, goal: number): string | undefined {
  const byPackage = coverage.packages.length > 1;
  const folders = byPackage || coverage.modules.length <= CHART_BARS ? undefined : coverageByFolder(coverage.modules);
  const rows = byPackage ? coverage.packages : (folders ?? coverage.modules);
  if (rows.length < 2) return undefined;
  const shown = [...rows].sort((a, b) => share(a) - share(b) || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0)).slice(0, CHART_BARS);
  const part = byPackage ? 'package' : folders ? 'folder' : 'module';
  const some = shown.length < rows.length ? `the ${shown.length} ${part}s with the lowest share (of ${rows.length})` : `each ${part}`;
  return barChart({
    title: `Documented exports by ${part}`,
    // accDescr keeps no `;`, `%` or parentheses (mermaidPlain), so the sentences avoid them.
    description: `Share of exported symbols with a doc comment for ${some}${folders ? ' of modules' : ''}, lowest first. The line marks the goal, ${Math.round(goal * 100)} percent.`,
    labels: shown.map((row) => row.name),
    bars: shown.map((row) => share(row) * 100),
    axis: 'Percent documented',
    max: 100,
    line: goal * 100,
  });
}

/**
 * Modules summed by folder, at the shallowest depth that gives at least CHART_BARS / 2 folders (or
 * the most any depth gives): `plugins/openapi/loadSpec` counts under `plugins/openapi/` at depth 2,
 * and so does `plugins/openapi` itself when it is that folder's index (other modules live under
 * it). Any other module with fewer segments than the depth is its own row. Sorted by name.
 */
export function coverageByFolder(modules: readonly CoverageRow[]): CoverageRow[] {
  const deepest = Math.max(1, ...modules.map((row) => row.name.split('/').length - 1));
  const folders = new Set(modules.flatMap((row) => row.name.split('/').slice(0, -1).map((_, i, parts) => parts.slice(0, i + 1).join('/'))));
  let best: CoverageRow[] = [];
  for (let depth = 1; depth <= deepest; depth++) {
    const groups = new Map<string, CoverageRow>();
    for (const row of modules) {
      const segments = row.name.split('/');
      const inFolder = segments.length > depth || (segments.length === depth && folders.has(row.name));
      const name = inFolder ? `${segments.slice(0, depth).join('/')}/` : row.name;
      const group = groups.get(name) ?? {name, documented: 0, total: 0, missing: []};
      group.documented += row.documented;
      group.total += row.total;
      groups.set(name, group);
    }
    const rows = [...groups.values()].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    if (rows.length > best.length) best = rows;
    if (rows.length >= CHART_BARS / 2) break;
  }
  return best;
}

export interface Freshness {
  drifted: number;
  due: number;
  current: number;
}

/**
 * The hand-written pages in three groups that do not overlap: their code moved on (drift), due for
 * review (and not drifted), and up to date. Counted over the pages that parse (`grades`).
 */
export function freshnessOf(model: LivingDocsModel): Freshness {
  const drifted = new Set(model.pages.filter((page) => page.drift).map((page) => page.file));
  const due = new Set(model.pages.filter((page) => page.reviewOverdueDays !== undefined && !drifted.has(page.file)).map((page) => page.file));
  const current = model.grades.filter((page) => !drifted.has(page.file) && !due.has(page.file)).length;
  return {drifted: drifted.size, due: due.size, current};
}

/** Undefined when there are no pages. */
export function freshnessChart(freshness: Freshness): string | undefined {
  const total = freshness.drifted + freshness.due + freshness.current;
  if (total === 0) return undefined;
  return pieChart({
    title: 'Hand-written pages by freshness',
    description: freshnessSentence(freshness),
    slices: [
      {label: 'Up to date', value: freshness.current},
      {label: 'Code changed since', value: freshness.drifted},
      {label: 'Due for review', value: freshness.due},
    ],
  });
}

/** `Of 5 hand-written pages, 3 are up to date, 1 covers code that changed since it was last edited, and 1 is due for review.` */
export function freshnessSentence({drifted, due, current}: Freshness): string {
  const total = drifted + due + current;
  const one = (count: number, singular: string, several: string) => `${count} ${count === 1 ? singular : several}`;
  return [
    `Of ${one(total, 'hand-written page', 'hand-written pages')}, ${one(current, 'is up to date', 'are up to date')}, `,
    `${one(drifted, 'covers code that changed since it was last edited', 'cover code that changed since they were last edited')}, `,
    `and ${one(due, 'is due for review', 'are due for review')}.`,
  ].join('');
}

/** The graded pages hardest to read first (grade, then file), as the readability table lists them. */
export function hardestFirst(model: LivingDocsModel): PageProse[] {
  return model.grades.filter((page) => page.words >= model.thresholds.minWords).sort((a, b) => b.grade - a.grade || (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
}

/** The hardest pages' grades with the limit across; undefined with fewer than two graded pages. */
export function readabilityChart(graded: PageProse[], limit: number): string | undefined {
  if (graded.length < 2) return undefined;
  const shown = graded.slice(0, CHART_BARS);
  const top = Math.max(limit, ...shown.map((page) => page.grade));
  return barChart({
    title: 'Hardest pages to read',
    description: `Flesch-Kincaid grade of the ${shown.length} hand-written pages hardest to read, hardest first. The line marks the limit, ${limit}.`,
    // Ranked, so two pages of the same title stay two bars.
    labels: shown.map((page, i) => `${i + 1} ${page.title}`),
    bars: shown.map((page) => Math.max(0, page.grade)),
    axis: 'Grade',
    max: Math.ceil(top + 1),
    line: limit,
  });
}
