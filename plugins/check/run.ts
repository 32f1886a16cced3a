/**
 * The check command's pipeline, without bundling (docs/adr/0042): prepare the target as a build does
 * (staged authored docs, every generator's pages, the link index) in a work folder of its own, then
 * run the quality checks on what was written and gather their findings, sorted.
 */
import path from 'node:path';
import {AUTHORED_PAGES_STORE, keepAuthoredPages} from '../core/authored/readAuthoredPage';
import {createBuildSite} from '../core/buildFolders';
import {UserError} from '../core/errors';
import {sortFindings, type CheckInput, type Finding, type QualityCheck} from '../core/findings';
import {PARSED_MARKDOWN_STORE} from '../core/markdown/sanitizeMarkdown';
import {SERIALIZED_MDX_STORE} from '../core/mdx/writeMdx';
import {prepareSite} from '../core/prepareSite';
import {openRunStore} from '../core/runStore';
import {resolveTarget} from '../core/resolveTarget';
import {SECTION_EXTRACTS_STORE, SECTION_RENDERS_STORE} from '../core/site/sectionStore';
import {SYMBOL_RANGES_STORE} from '../living-docs/readSnippet';
import {generators, reservedRoutes} from '../../siteParts';
import {externalLinksCheck} from './externalLinks';
import {qualityChecks} from './registry';
import {sitePages} from './pages';

const PACKAGE_DIR = path.resolve(__dirname, '..', '..');

export interface CheckOptions {
  target: string;
  cwd?: string;
  /** Check families to run (default: all). */
  only?: string[];
  /** Check families or rule ids to leave out, on top of the config's `check.skip`. */
  skip?: string[];
  /** Also request every external link (off by default: the network is slow and flaky). */
  external?: boolean;
  /** The checks to choose from (tests give their own). */
  checks?: QualityCheck[];
}

export interface CheckRun {
  findings: Finding[];
  /** The checks that ran, with the `site` pseudo-check of the preparation's own warnings first. */
  checks: Pick<QualityCheck, 'id' | 'description'>[];
  pages: number;
  root: string;
  /** The target's config asks for strict mode (`strict: true`). */
  strict: boolean;
  /** Milliseconds: preparing the target, reading the pages, then each check (for --verbose and the benchmark). */
  timings: {step: string; ms: number}[];
}

/** Warnings of the preparation itself (staging, specs, manifests): they fail a build's --strict too. */
const SITE_CHECK = {id: 'site', description: 'Warnings of reading the target as a build does (pages Docusaurus would reject, bad specs, manifests)'};

export async function runCheck(options: CheckOptions): Promise<CheckRun> {
  const root = resolveTarget(options.target, options.cwd);
  const available = [...(options.checks ?? qualityChecks), ...(options.external ? [externalLinksCheck] : [])];
  const known = [SITE_CHECK.id, ...available.map((check) => check.id), externalLinksCheck.id];
  for (const id of [...(options.only ?? []), ...(options.skip ?? [])]) {
    if (!known.includes(id.split('/')[0]!)) {
      throw new UserError(`unknown check "${id}"`, {fix: `Use one of ${[...new Set(known)].join(', ')} (or a rule id such as markdownlint/MD010)`});
    }
  }
  const timings: CheckRun['timings'] = [];
  const timed = async <T>(step: string, work: () => Promise<T>): Promise<T> => {
    const started = performance.now();
    const result = await work();
    timings.push({step, ms: performance.now() - started});
    return result;
  };
  const siteDir = createBuildSite({packageDir: PACKAGE_DIR, target: root, out: 'check'});
  // The pages the staging parses are read again by the checks: parsed once (docs/adr/0049).
  keepAuthoredPages(Infinity);
  // ...and not at all when the last run parsed the same bytes; nor is a tree serialised again that
  // the last run serialised (docs/adr/0053); nor is a section extracted or rendered whose declared
  // inputs did not change, nor a cited file parsed again (docs/adr/0058).
  const stored = await openRunStore(siteDir, [AUTHORED_PAGES_STORE, PARSED_MARKDOWN_STORE, SERIALIZED_MDX_STORE, SECTION_EXTRACTS_STORE, SECTION_RENDERS_STORE, SYMBOL_RANGES_STORE]);
  const plan = await timed('prepare', () =>
    prepareSite({siteDir, target: root, generators, reservedRoutes, keepWarnings: true}),
  ).catch(async (error: unknown) => {
    await stored.close();
    throw error;
  });
  const skip = [...(options.skip ?? []), ...(plan.context.config.check?.skip ?? [])];
  const selected = (check: {id: string}) => (!options.only?.length || options.only.includes(check.id)) && !skip.includes(check.id);
  const input: CheckInput = {context: plan.context, sections: plan.sections, site: plan.site};
  const checks = available.filter(selected);
  const findings: Finding[] = selected(SITE_CHECK) ? siteWarnings(input) : [];
  const pages = await timed('read pages', () => sitePages(input)).finally(() => stored.close());
  for (const check of checks) findings.push(...(await timed(check.id, () => check.run(input))));
  const kept = findings.filter((finding) => !skip.some((id) => finding.rule === id || finding.rule.startsWith(`${id}/`)));
  return {
    findings: sortFindings(kept),
    checks: [...(selected(SITE_CHECK) ? [SITE_CHECK] : []), ...checks],
    pages: pages.pages.length,
    root,
    strict: plan.context.strict,
    timings,
  };
}

function siteWarnings(input: CheckInput): Finding[] {
  const {root} = input.context;
  return input.context.report.warnings
    // The Mermaid check reports authored diagrams itself, with its own rule id (generated ones stay here).
    .filter((warning) => !/^this Mermaid diagram does not parse/.test(warning.message))
    .map((warning) => {
      const file = warning.details.file ? path.relative(root, path.resolve(root, warning.details.file)).split(path.sep).join('/') : '.';
      return {
        rule: 'site/warning',
        severity: 'warning' as const,
        file: file.startsWith('..') ? (warning.details.file ?? '.') : file || '.',
        line: warning.details.line,
        column: warning.details.column,
        message: `${warning.details.key ? `${warning.details.key}: ` : ''}${warning.message}`,
        fix: warning.details.fix,
      };
    });
}
