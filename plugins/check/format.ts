/**
 * Findings as the command prints them: text for people (`file:line:col  severity  rule  message.
 * fix`), JSON for scripts, SARIF 2.1.0 for code-scanning annotations, JUnit XML for CI test reports.
 * Findings arrive sorted (sortFindings), so each format is the same bytes for the same findings.
 */
import type {Finding, QualityCheck} from '../core/findings';

export const FORMATS = ['text', 'json', 'sarif', 'junit'] as const;
export type Format = (typeof FORMATS)[number];

export interface Report {
  findings: Finding[];
  checks: Pick<QualityCheck, 'id' | 'description'>[];
  pages: number;
  version: string;
}

export function formatFindings(report: Report, format: Format): string {
  switch (format) {
    case 'text':
      return toText(report);
    case 'json':
      return `${JSON.stringify({version: 1, pages: report.pages, checks: report.checks.map((check) => check.id), summary: counts(report.findings), findings: report.findings}, null, 2)}\n`;
    case 'sarif':
      return `${JSON.stringify(toSarif(report), null, 2)}\n`;
    case 'junit':
      return toJunit(report);
  }
}

export function counts(findings: readonly Finding[]): {errors: number; warnings: number} {
  const errors = findings.filter((finding) => finding.severity === 'error').length;
  return {errors, warnings: findings.length - errors};
}

function where(finding: Finding): string {
  return `${finding.file}${finding.line ? `:${finding.line}${finding.column ? `:${finding.column}` : ''}` : ''}`;
}

function sentence(text: string): string {
  return /[.?!]$/.test(text) ? text : `${text}.`;
}

function toText(report: Report): string {
  const lines = report.findings.map((finding) => `${where(finding)}  ${finding.severity}  ${finding.rule}  ${sentence(finding.message)}${finding.fix ? ` ${sentence(finding.fix)}` : ''}`);
  const {errors, warnings} = counts(report.findings);
  const plural = (n: number, noun: string) => `${n} ${noun}${n === 1 ? '' : 's'}`;
  lines.push(`${plural(errors, 'error')}, ${plural(warnings, 'warning')} in ${plural(report.pages, 'page')} (checks: ${report.checks.map((check) => check.id).join(', ')})`);
  return `${lines.join('\n')}\n`;
}

/** The family's description for a rule (`links/broken-anchor` → the links check's). */
function describe(report: Report, rule: string): string {
  const family = rule.split('/')[0];
  return report.checks.find((check) => check.id === family)?.description ?? rule;
}

function toSarif(report: Report) {
  const rules = [...new Set(report.findings.map((finding) => finding.rule))].sort();
  return {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'docs-architect check',
            version: report.version,
            rules: rules.map((id) => ({id, name: id.replace(/[/-](\w)/g, (_, c: string) => c.toUpperCase()), shortDescription: {text: describe(report, id)}})),
          },
        },
        // Paths are relative to the target's root, which a CI upload names %SRCROOT%.
        originalUriBaseIds: {SRCROOT: {description: {text: 'The root of the documented repository'}}},
        results: report.findings.map((finding) => ({
          ruleId: finding.rule,
          ruleIndex: rules.indexOf(finding.rule),
          level: finding.severity,
          message: {text: `${sentence(finding.message)}${finding.fix ? ` ${sentence(finding.fix)}` : ''}`},
          locations: [
            {
              physicalLocation: {
                artifactLocation: {uri: encodeURI(finding.file), uriBaseId: 'SRCROOT'},
                ...(finding.line ? {region: {startLine: finding.line, ...(finding.column ? {startColumn: finding.column} : {})}} : {}),
              },
            },
          ],
        })),
      },
    ],
  };
}

function xml(text: string): string {
  // XML 1.0 cannot hold most control characters, even escaped: they are dropped.
  // eslint-disable-next-line no-control-regex
  return text.replace(/[<>&"']/g, (c) => ({'<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;', "'": '&apos;'})[c]!).replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/g, '');
}

/** One test suite per check; each finding a failing test case, a check without findings one passing case. */
function toJunit(report: Report): string {
  const {errors, warnings} = counts(report.findings);
  // A finding whose family is no check that ran (a check reporting under another prefix) keeps a suite.
  const families = [...report.checks, ...[...new Set(report.findings.map((finding) => finding.rule.split('/')[0]!))].filter((id) => !report.checks.some((check) => check.id === id)).map((id) => ({id, description: id}))];
  const suites = families.map((check) => {
    const mine = report.findings.filter((finding) => finding.rule.split('/')[0] === check.id);
    const cases = mine.length === 0
      ? [`    <testcase classname="${xml(check.id)}" name="${xml(check.description)}"/>`]
      : mine.map((finding) => [
          `    <testcase classname="${xml(check.id)}" name="${xml(`${where(finding)} ${finding.rule}`)}" file="${xml(finding.file)}"${finding.line ? ` line="${finding.line}"` : ''}>`,
          `      <failure type="${xml(finding.severity)}" message="${xml(sentence(finding.message))}">${xml(`${where(finding)}  ${finding.rule}  ${sentence(finding.message)}${finding.fix ? ` ${sentence(finding.fix)}` : ''}`)}</failure>`,
          '    </testcase>',
        ].join('\n'));
    return [`  <testsuite name="${xml(check.id)}" tests="${Math.max(1, mine.length)}" failures="${mine.length}" errors="0" skipped="0">`, ...cases, '  </testsuite>'].join('\n');
  });
  const total = families.reduce((sum, check) => sum + Math.max(1, report.findings.filter((finding) => finding.rule.split('/')[0] === check.id).length), 0);
  return ['<?xml version="1.0" encoding="UTF-8"?>', `<testsuites name="docs-architect check" tests="${total}" failures="${errors + warnings}">`, ...suites, '</testsuites>', ''].join('\n');
}
