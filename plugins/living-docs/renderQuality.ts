/**
 * The Quality page: documentation coverage of the code reference, the pages whose code moved on,
 * the broken citations and the pages due for review. Reads the living-docs model, the code
 * reference's coverage and the link index; all text goes through the one MDX writer.
 */
import type {PhrasingContent, RootContent} from 'mdast';
import {heading, inlineCode, link, paragraph, strong, table, text} from '../core/mdx/build';
import {writeMdx} from '../core/mdx/writeMdx';
import {generatedPageFrontMatter} from '../core/generatedPagePresets';
import type {SiteView} from '../core/types';
import {share, type Coverage, type CoverageRow} from './coverage';
import type {BrokenCitation, LivingDocsModel, PageModel} from './model';
import {brokenOf} from './resolveCitation';

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
  const pageRef = (page: PageModel, line?: number): PhrasingContent => {
    const url = site.repo.fileUrl?.(page.file, line);
    const label = `${page.file}${line ? `:${line}` : ''}`;
    return url ? link(url, inlineCode(label)) : inlineCode(label);
  };
  const percent = (value: number) => `${Math.round(value * 1000) / 10}%`;
  const children: RootContent[] = [
    heading(1, 'Quality'),
    paragraph(
      'How well the documentation keeps up with the code, measured on every build: how much of the code reference has a doc comment, ',
      'which hand-written pages cover code that changed since they were last edited, which citations of the code are broken, and which pages are due for review.',
    ),
  ];

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
    children.push(paragraph(`All ${count} citation${count === 1 ? '' : 's'} of the code resolve.`));
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

  // Filled in by the prose checks once they read the pages; the column appears when there is data.
  const readable = model.pages.filter((page) => page.readability !== undefined);
  if (readable.length > 0) {
    children.push(heading(2, 'Readability'), table(['Page', 'Grade (Flesch–Kincaid)'], readable.map((page) => [pageRef(page), String(page.readability)])));
  }
  return writeMdx({frontMatter: {title: 'Quality', description: 'Documentation coverage, drift, broken citations and pages due for review.', ...generatedPageFrontMatter('quality')}, children});
}

function missingText(row: CoverageRow): PhrasingContent {
  if (row.missing.length === 0) return text('');
  const shown = row.missing.slice(0, 10).join(', ');
  return text(row.missing.length > 10 ? `${shown} and ${row.missing.length - 10} more` : shown);
}
