/**
 * The hot spots page: a Mermaid bar chart of the top scores and a table of the ranking.
 */
import type {RootContent} from 'mdast';
import {code, heading, paragraph, table} from '../core/mdx/build';
import type {HistoryModel} from './model';
import {fileRef, mermaidText, page, statusNotes, STRUCTURE_PAGE, type HistoryLinks} from './renderCommon';

const CHART_BARS = 10;

export function renderHotspots(model: HistoryModel, links: HistoryLinks, position: number): string {
  const {hotspots} = model;
  const children: RootContent[] = [
    heading(1, 'Hot spots'),
    paragraph(
      `Files that change often and are large, where defects and merge conflicts gather. A file\u2019s score is its commits in the last ${hotspots.months} months`,
      hotspots.since ? ` (since ${hotspots.since}, counted back from the newest commit)` : '',
      ' times its size in lines. Sizes come from the history (lines added minus lines deleted); binary files and files that no longer exist are left out.',
    ),
    ...statusNotes(model),
  ];
  if (hotspots.files.length === 0) {
    children.push(paragraph(`No file changed in the last ${hotspots.months} months, so there are no hot spots.`));
  } else {
    const top = hotspots.files.slice(0, CHART_BARS);
    // Enough of each path to tell files apart: two README.md become docs/README.md and README.md.
    const names = distinctSuffixes(top.map((file) => file.path));
    const labels = top.map((file, i) => `"${i + 1} ${mermaidText(names[i]!, 32)}"`);
    children.push(
      code(
        [
          // The neutral theme draws near-white bars, invisible on a white page: one colour with
          // contrast on the light and the dark background (docs/adr/0038).
          '---',
          'config:',
          '  themeVariables:',
          '    xyChart:',
          `      plotColorPalette: "${BAR_COLOUR}"`,
          '---',
          // Horizontal, so file names have room; the axis starts at 0 so bars compare honestly.
          'xychart-beta horizontal',
          `    title "Top ${top.length} by score"`,
          `    x-axis [${labels.join(', ')}]`,
          `    y-axis "Changes x lines" 0 --> ${top[0]!.score}`,
          `    bar [${top.map((file) => file.score).join(', ')}]`,
        ].join('\n'),
        'mermaid',
      ),
      heading(2, 'Ranking'),
      table(
        ['#', 'File', `Changes (${hotspots.months} months)`, 'Lines', 'Score', 'Last changed'],
        hotspots.files.map((file, i) => [String(i + 1), fileRef(file.path, links), String(file.changes), String(file.lines), String(file.score), file.lastChanged]),
      ),
    );
  }
  return page(model, {title: 'Hot spots', description: `The files of ${model.project} that change most, weighed by size.`, position, freshness: 'hotspots', ...STRUCTURE_PAGE}, children);
}

/** Infima's primary blue, darker: 4.8:1 on white, 3.6:1 on the dark theme's background (#1b1b1d). */
const BAR_COLOUR = '#2f6fd6';

/** The shortest trailing part of each path that no other path in the list ends with. */
export function distinctSuffixes(paths: string[]): string[] {
  const parts = paths.map((file) => file.split('/'));
  return parts.map((segments, i) => {
    for (let take = 1; take < segments.length; take++) {
      const suffix = segments.slice(-take).join('/');
      if (!parts.some((other, j) => j !== i && other.slice(-take).join('/') === suffix)) return suffix;
    }
    return segments.join('/');
  });
}
