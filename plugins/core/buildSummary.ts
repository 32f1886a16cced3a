/**
 * The closing summary of a build: pages per section, warnings by kind, total time, where the site
 * is and how to serve it. Preparation runs inside Docusaurus's process and knows the sections and
 * warnings; the CLI knows when Docusaurus is done and where the site went. So preparation leaves a
 * small file in the build's work folder and the CLI prints it, counting the pages Docusaurus wrote.
 * See docs/adr/0038.
 */
import fs from 'node:fs';
import path from 'node:path';
import {WORK_DIR} from './generatedFiles';
import {formatDuration, plural} from './progress';
import type {SiteSection} from './types';

const FILE = 'build-summary.json';

export interface BuildSummary {
  sections: {title: string; to: string}[];
  /** Warnings by the phase that reported them, and the total (some come from no phase). */
  warnings: {kind: string; count: number}[];
  total: number;
  prepareMs: number;
}

export function writeBuildSummary(
  siteDir: string,
  facts: {sections: readonly SiteSection[]; warnings: ReadonlyMap<string, number>; total: number; prepareMs: number},
): void {
  const summary: BuildSummary = {
    sections: facts.sections.map(({title, to}) => ({title, to})),
    warnings: [...facts.warnings].map(([kind, count]) => ({kind, count})),
    total: facts.total,
    prepareMs: Math.round(facts.prepareMs),
  };
  const dir = path.join(siteDir, WORK_DIR);
  fs.mkdirSync(dir, {recursive: true});
  fs.writeFileSync(path.join(dir, FILE), `${JSON.stringify(summary, null, 2)}\n`);
}

export function readBuildSummary(siteDir: string): BuildSummary | undefined {
  try {
    return JSON.parse(fs.readFileSync(path.join(siteDir, WORK_DIR, FILE), 'utf8')) as BuildSummary;
  } catch {
    return undefined;
  }
}

/** HTML pages under a folder of the built site. */
function countHtml(dir: string): number {
  if (!fs.existsSync(dir)) return 0;
  return fs.readdirSync(dir, {recursive: true}).filter((file) => String(file).endsWith('.html')).length;
}

/** The summary's lines, for a build of `summary` written to `out` in `totalMs`. */
export function formatBuildSummary(summary: BuildSummary, out: string, totalMs: number, serveCommand: string): string {
  const counts = summary.sections.map((section) => ({title: section.title, pages: countHtml(path.join(out, section.to))}));
  const width = Math.max(0, ...counts.map(({title}) => title.length));
  const lines = [`docs-architect: site built in ${formatDuration(totalMs)} (generating ${formatDuration(summary.prepareMs)})`];
  const digits = Math.max(1, ...counts.map(({pages}) => String(pages).length));
  for (const {title, pages} of counts) lines.push(`  ${title.padEnd(width)}  ${String(pages).padStart(digits)} ${pages === 1 ? 'page' : 'pages'}`);
  const attributed = summary.warnings.reduce((sum, {count}) => sum + count, 0);
  const kinds = [...summary.warnings, ...(summary.total > attributed ? [{kind: 'other', count: summary.total - attributed}] : [])];
  lines.push(summary.total === 0 ? '  no warnings' : `  ${plural(summary.total, 'warning')}: ${kinds.map(({kind, count}) => `${kind} ${count}`).join(', ')}`);
  lines.push(`  site: ${out}`, `  serve it: ${serveCommand}`);
  return lines.join('\n');
}
