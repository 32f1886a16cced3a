/**
 * The living-docs checks in the shape every quality check speaks (plugins/core/findings.ts), for the
 * `check` command: broken citations (errors), pages that drifted from their code (warnings) and
 * documentation coverage below the configured goal (an error). They read the Quality section's model
 * when the site view has it, else extract it.
 */
import path from 'node:path';
import type {CheckInput, Finding, QualityCheck} from '../core/findings';
import {coverageOf, share} from './coverage';
import {extractLivingDocs} from './extract';
import type {LivingDocsModel} from './model';
import {brokenMessage} from './resolveCitation';
import {brokenCitations} from './renderQuality';

const SECTION = 'quality';

async function modelOf(input: CheckInput): Promise<LivingDocsModel> {
  return input.site.model<LivingDocsModel>(SECTION) ?? (await extractLivingDocs(input.context));
}

export const citationCheck: QualityCheck = {
  id: 'citation',
  description: 'Every <CodeSnippet>, <SymbolLink>, <ApiOperation> and <EnvVar> of the hand-written pages cites code, symbols, operations and variables that exist.',
  async run(input) {
    const model = await modelOf(input);
    return brokenCitations(model, input.site).map((row): Finding => {
      const {message, fix} = brokenMessage(row.component, row.broken);
      return {rule: 'citation/broken', severity: 'error', file: row.page.file, line: row.line, message, fix};
    });
  },
};

export const driftCheck: QualityCheck = {
  id: 'drift',
  description: 'Hand-written pages whose covered or cited code changed after the page was last edited (livingDocs.driftCommits, driftDays).',
  async run(input) {
    const model = await modelOf(input);
    return model.pages.flatMap((page): Finding[] => {
      if (!page.drift) return [];
      const {commits, newest} = page.drift;
      return [{
        rule: 'drift/behind-code',
        severity: 'warning',
        file: page.file,
        line: 1,
        message: `${commits} commit${commits === 1 ? '' : 's'} to the code this page covers since it was last edited, the newest on ${newest.slice(0, 10)}`,
        fix: 'Read the changes and update the page (any commit to the page clears the notice)',
      }];
    });
  },
};

export const coverageCheck: QualityCheck = {
  id: 'coverage',
  description: 'The share of exported symbols with a doc comment reaches livingDocs.coverageThreshold.',
  async run(input) {
    const model = await modelOf(input);
    const coverage = coverageOf(input.site.sections);
    if (!coverage || coverage.total.total === 0) return [];
    const overall = share(coverage.total);
    if (overall >= model.thresholds.coverage) return [];
    const file = input.context.configFile ? path.relative(input.context.root, input.context.configFile).split(path.sep).join('/') : '.';
    const worst = [...coverage.modules].sort((a, b) => share(a) - share(b) || (a.name < b.name ? -1 : 1)).slice(0, 3).map((row) => row.name);
    return [{
      rule: 'coverage/below-threshold',
      severity: 'error',
      file,
      message: `${Math.round(overall * 1000) / 10}% of ${coverage.total.total} exported symbols have a doc comment, below the goal of ${Math.round(model.thresholds.coverage * 1000) / 10}%`,
      fix: `Add doc comments (the modules with the fewest: ${worst.join(', ')}), or lower livingDocs.coverageThreshold`,
    }];
  },
};

export const livingDocsChecks: QualityCheck[] = [citationCheck, driftCheck, coverageCheck];
