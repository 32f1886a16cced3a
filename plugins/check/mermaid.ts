/**
 * Mermaid syntax of the authored diagrams, with core's check (Mermaid's own parser in a worker,
 * plugins/core/mermaid/check.ts) as a quality check: a diagram readers would see as "Syntax error"
 * is an error at its fence's line. Generated diagrams were parsed while prepareSite wrote them (a
 * failure there is a bug of docs-architect, a `site/warning`), so they are not parsed twice.
 */
import {checkDiagrams, findMermaidBlocks} from '../core/mermaid/check';
import type {Finding, QualityCheck} from '../core/findings';
import {sitePages} from './pages';

export const mermaidCheck: QualityCheck = {
  id: 'mermaid',
  description: 'Every authored Mermaid diagram parses with Mermaid 11, so no reader sees "Syntax error"',
  async run(input) {
    const findings: Finding[] = [];
    for (const page of (await sitePages(input)).pages) {
      if (!page.own) continue;
      const blocks = findMermaidBlocks(page.own.text);
      if (blocks.length === 0) continue;
      // Results kept by the diagram's text, as for the staging's check of the same diagrams.
      for (const problem of await checkDiagrams(blocks, input.context.siteDir)) {
        findings.push({
          rule: 'mermaid/syntax',
          severity: 'error',
          file: page.file,
          line: problem.line,
          message: `this Mermaid diagram does not parse: ${problem.message}`,
          fix: 'Correct the diagram (try it at https://mermaid.live); Mermaid 11 syntax is expected',
        });
      }
    }
    return findings;
  },
};
