/**
 * Mermaid syntax of every diagram, authored or generated, with core's check (Mermaid's own parser in
 * a worker, plugins/core/mermaid/check.ts) as a quality check: a diagram readers would see as
 * "Syntax error" is an error at its fence's line.
 */
import {checkDiagrams, findMermaidBlocks} from '../core/mermaid/check';
import type {Finding, QualityCheck} from '../core/findings';
import {sitePages} from './pages';

export const mermaidCheck: QualityCheck = {
  id: 'mermaid',
  description: 'Every Mermaid diagram parses with Mermaid 11, so no reader sees "Syntax error"',
  async run(input) {
    const findings: Finding[] = [];
    for (const page of (await sitePages(input)).pages) {
      const blocks = findMermaidBlocks(page.text);
      if (blocks.length === 0) continue;
      for (const problem of await checkDiagrams(blocks)) {
        findings.push({
          rule: 'mermaid/syntax',
          severity: 'error',
          file: page.file,
          line: problem.line,
          message: `this Mermaid diagram does not parse: ${problem.message}${page.source ? '' : ' (a generated page: please report this bug in docs-architect)'}`,
          fix: 'Correct the diagram (try it at https://mermaid.live); Mermaid 11 syntax is expected',
        });
      }
    }
    return findings;
  },
};
