/**
 * The Quality page: documentation coverage of the code reference, the pages whose code moved on,
 * the broken citations, the pages due for review and how hard each page is to read, with small
 * charts (renderQualityCharts.ts). Reads the living-docs model, the code reference's coverage and the
 * link index; all text goes through the one MDX writer.
 */
import type {PhrasingContent, RootContent} from 'mdast';
import {code, heading, inlineCode, link, paragraph, strong, table, text} from '../core/mdx/build';
import {plural} from '../core/progress';
import {readingLevel} from '../core/readability';
import {writeMdx} from '../core/mdx/writeMdx';
import {generatedPageFrontMatter} from '../core/generatedPagePresets';
import type {SiteView} from '../core/types';
import {share, type Coverage, type CoverageRow} from './coverage';
import type {BrokenCitation, LivingDocsModel, PageModel} from './model';
import {brokenOf} from './resolveCitation';
import {coverageChart, freshnessChart, freshnessOf, freshnessSentence, hardestFirst, readabilityChart} from './renderQualityCharts';

export interface BrokenRow {
  page: PageModel;
  line: number;
  component: string;
  broken: BrokenCitation;
}

/** Every broken citation of the model, judged now (the link citations through the index). */
export function brokenCitations(model: LivingDocsModel, site: Pick<SiteView, 'entries' | 'urlOf'>): BrokenRow[] {
  return model.pages.flatMap((page) =>
    page.citations.flatMap((citation) => {
      const broken = brokenOf(citation, site);
      return broken ? [{page, line: citation.line, component: citation.component, broken}] : [];
    }),
  );
}

export function renderQuality(model: LivingDocsModel, coverage: Coverage | undefined, site: SiteView): string {
  const pageRef = (page: {file: string}, line?: number): PhrasingContent => {
    const url = site.repo.fileUrl?.(page.file, line);
    const label = `${page.file}${line ? `:${line}` : ''}`;
    return url ? link(url, inlineCode(label)) : inlineCode(label);
  };
  const percent = (value: number) => `${Math.round(value * 1000) / 10}%`;
  const children: RootContent[] = [
    heading(1, 'Quality'),
    paragraph(
      'How well the documentation keeps up with the code, measured on every build: how much of the code reference has a doc comment, ',
      'which hand-written pages cover code that changed since they were last edited, which citations of the code are broken, which pages are due for review, and how hard each page is to read.',
    ),
  ];
  const chart = (text: string | undefined) => (text ? [code(text, 'mermaid')] : []);

  children.push(heading(2, 'Documentation coverage'));
  if (!coverage || coverage.total.total === 0) {
    children.push(paragraph('The site has no code reference with exported symbols, so there is no coverage to measure.'));
  } else {
    const overall = share(coverage.total);
    const verdict = overall >= model.thresholds.coverage ? 'meets' : 'is below';
    children.push(
      paragraph(
        strong(percent(overall)),
        ` of ${coverage.total.total} exported symbols have a doc comment (${coverage.total.documented} documented); this ${verdict} the goal of ${percent(model.thresholds.coverage)} (`,
        inlineCode('livingDocs.coverageThreshold'),
        ').',
      ),
      ...chart(coverageChart(coverage, model.thresholds.coverage)),
    );
    const rows = (list: CoverageRow[], linkOf: (name: string) => string | undefined) =>
      list.map((row) => {
        const url = linkOf(row.name);
        const name = url ? link(url, inlineCode(row.name)) : inlineCode(row.name);
        const below = share(row) < model.thresholds.coverage;
        return [name, `${row.documented} / ${row.total}`, below ? strong(percent(share(row))) : percent(share(row)), missingText(row)];
      });
    if (coverage.packages.length > 1) {
      children.push(heading(3, 'By package'), table(['Package', 'Documented', 'Share', 'Without a doc comment'], rows(coverage.packages, () => undefined)));
    }
    children.push(heading(3, 'By module'), table(['Module', 'Documented', 'Share', 'Without a doc comment'], rows(coverage.modules, (name) => site.urlOf('module', name))));
  }

  const freshness = freshnessOf(model);
  if (freshness.drifted + freshness.due + freshness.current > 0) {
    children.push(
      heading(2, 'Freshness'),
      paragraph(freshnessSentence(freshness)),
      ...chart(freshnessChart(freshness)),
    );
  }

  const drifted = model.pages.filter((page) => page.drift);
  children.push(heading(2, 'Drift'));
  if (drifted.length === 0) {
    children.push(paragraph('No hand-written page covers code that changed after the page was last edited.'));
  } else {
    children.push(
      paragraph(`${drifted.length} page${drifted.length === 1 ? '' : 's'} cover${drifted.length === 1 ? 's' : ''} code that changed after ${drifted.length === 1 ? 'it was' : 'they were'} last edited (front matter `, inlineCode('covers'), ' and the files a page cites).'),
      table(
        ['Page', 'Commits since', 'Newest', 'Days behind', 'Changes'],
        drifted.map((page) => {
          const compare = site.repo.compareUrl?.(page.drift!.pageSha, page.drift!.newestSha);
          return [pageRef(page), String(page.drift!.commits), page.drift!.newest.slice(0, 10), String(page.drift!.days), compare ? link(compare, 'compare') : ''];
        }),
      ),
    );
  }

  const broken = brokenCitations(model, site);
  children.push(heading(2, 'Broken citations'));
  if (broken.length === 0) {
    const count = model.pages.reduce((sum, page) => sum + page.citations.length, 0);
    children.push(paragraph(count === 0 ? 'No hand-written page cites the code with a citation component.' : `All ${plural(count, 'citation')} of the code resolve${count === 1 ? 's' : ''}.`));
  } else {
    children.push(
      table(
        ['Where', 'Component', 'What is missing', 'Did you mean'],
        broken.map((row) => [pageRef(row.page, row.line), inlineCode(`<${row.component}>`), row.broken.missing, row.broken.suggestion ? inlineCode(row.broken.suggestion) : '']),
      ),
    );
  }

  const due = model.pages.filter((page) => page.reviewOverdueDays !== undefined);
  children.push(heading(2, 'Due for review'));
  children.push(
    due.length === 0
      ? paragraph(`No hand-written page is older than ${model.thresholds.reviewAfterDays} days (`, inlineCode('livingDocs.reviewAfterDays'), ').')
      : table(['Page', 'Title', 'Days since last edit or review'], due.map((page) => [pageRef(page), page.title, String(page.reviewOverdueDays)])),
  );

  children.push(heading(2, 'Readability'), ...readability(model, pageRef, chart));
  return writeMdx({frontMatter: {title: 'Quality', description: 'Documentation coverage, drift, broken citations, pages due for review and readability.', ...generatedPageFrontMatter('quality')}, children});
}

function missingText(row: CoverageRow): PhrasingContent {
  if (row.missing.length === 0) return text('');
  const shown = row.missing.slice(0, 10).join(', ');
  return text(row.missing.length > 10 ? `${shown} and ${row.missing.length - 10} more` : shown);
}

/**
 * Each hand-written page's Flesch–Kincaid grade, the hardest first, in the words of core's
 * readability (the grade `check` holds against `check.maxGrade`); pages too short to grade last.
 */
function readability(model: LivingDocsModel, pageRef: (page: {file: string}) => PhrasingContent, chart: (text: string | undefined) => RootContent[]): RootContent[] {
  const {maxGrade, minWords} = model.thresholds;
  const graded = hardestFirst(model);
  const short = model.grades.filter((page) => page.words < minWords);
  if (model.grades.length === 0) return [paragraph('The site has no hand-written page to grade.')];
  const over = graded.filter((page) => page.grade > maxGrade).length;
  const blocks: RootContent[] = [
    paragraph(
      'The Flesch–Kincaid grade of each page’s prose (code, tables, JSX and front matter left out): about the years of school a reader needs. ',
      over === 0
        ? `No page is above the limit of ${maxGrade} (`
        : strong(`${plural(over, 'page')} ${over === 1 ? 'is' : 'are'} above the limit of ${maxGrade}`),
      over === 0 ? '' : ' (',
      inlineCode('check.maxGrade'),
      `), which `,
      inlineCode('docs-architect check'),
      ` reports. Pages with fewer than ${minWords} words of prose are too short for the formula to mean much and are not graded (`,
      inlineCode('check.minWords'),
      ').',
    ),
    ...chart(readabilityChart(graded, maxGrade)),
  ];
  const rows = [
    ...graded.map((page) => [pageRef(page), page.title, page.grade > maxGrade ? strong(page.grade.toFixed(1)) : page.grade.toFixed(1), readingLevel(page.grade), String(page.words), (page.words / Math.max(1, page.sentences)).toFixed(1)]),
    ...short.map((page) => [pageRef(page), page.title, '–', 'too short to grade', String(page.words), page.sentences > 0 ? (page.words / page.sentences).toFixed(1) : '–']),
  ];
  blocks.push(table(['Page', 'Title', 'Grade', 'Reading level', 'Words', 'Words a sentence'], rows));
  return blocks;
}
