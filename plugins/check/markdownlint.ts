/**
 * markdownlint on authored pages, with a default rule set that Docusaurus pages do not trip: MDX
 * JSX and admonitions (`:::note`) are fine, the title may come from front matter, long lines are
 * the editor's business. Heading levels and alt text are left to this command's own checks
 * (structure.ts), which say more. `check.markdownlint` adds or changes rules.
 */
import type {Configuration} from 'markdownlint';
import {codeVersion} from '../core/codeVersion';
import type {Finding, QualityCheck} from '../core/findings';
import {findingsPerPage} from './pageFindings';
import {sitePages, type Page} from './pages';

export const MARKDOWNLINT_DEFAULTS: Configuration = {
  default: true,
  MD001: false, // heading levels: headings/skipped-level
  MD045: false, // alt text: images/missing-alt
  MD013: false, // line length: prose is wrapped as authors like
  MD033: false, // inline HTML: MDX pages are made of JSX
  MD041: false, // first line a heading: the title comes from front matter or the file name
  MD024: {siblings_only: true}, // the same sub-heading under two sections is normal (Options, Example)
  MD025: {front_matter_title: ''}, // a `title` in front matter does not count as a second h1
  MD034: false, // bare URLs: Docusaurus links them, and MDX would read <https://...> as JSX
  MD060: false, // table column alignment: a formatter's business, and noisy on long tables
};

export const markdownlintCheck: QualityCheck = {
  id: 'markdownlint',
  description: 'markdownlint rules on authored Markdown (a default set Docusaurus pages do not trip; check.markdownlint changes it)',
  async run(input) {
    // The author's own text, not the checked copy: staging rewrites citations into one-line JSX
    // props (code included) and adds front matter, neither of which the author wrote.
    const config = {...MARKDOWNLINT_DEFAULTS, ...(input.context.config.check?.markdownlint ?? {})} as Configuration;
    const pages = (await sitePages(input)).pages.filter((page) => page.own);
    // markdownlint reads one page at a time: a page linted unchanged last run is not linted again (docs/adr/0053).
    version ??= codeVersion([__filename], ['markdownlint']);
    return findingsPerPage(input, {id: 'markdownlint', version, settings: config}, pages, (changed) => lintPages(changed, config));
  },
};

let version: string | undefined;

async function lintPages(pages: Page[], config: Configuration): Promise<Finding[]> {
  const strings = Object.fromEntries(pages.map((page) => [page.file, page.own!.text] as const));
  const {lint} = await import('./markdownlintLibrary');
  const results = await lint({strings, config, handleRuleFailures: true});
  const findings: Finding[] = [];
  for (const [file, errors] of Object.entries(results)) {
    for (const error of errors) {
      const detail = [error.errorDetail, error.errorContext && `near \`${error.errorContext}\``].filter(Boolean).join(', ');
      findings.push({
        rule: `markdownlint/${error.ruleNames[0]}`,
        severity: 'warning',
        file,
        line: error.lineNumber,
        column: error.errorRange?.[0],
        message: `${error.ruleDescription}${detail ? ` (${detail})` : ''} [${error.ruleNames.slice(1).join('/')}]`,
        fix: error.ruleInformation ? `See ${error.ruleInformation}; or turn it off under check.markdownlint` : 'Turn it off under check.markdownlint if it does not suit these docs',
      });
    }
  }
  return findings;
}
