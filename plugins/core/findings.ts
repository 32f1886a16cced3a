/**
 * What a quality check reports: one problem at one place. `docs-architect check` prints findings as
 * text, JSON, SARIF or JUnit; the build turns them into warnings (errors fail `--strict`). Kept in
 * core so that every section's checks (citations, drift, links, Mermaid, prose...) speak one shape
 * and the command that prints them depends on none of them.
 */
import type {SiteSection, SiteView, TargetContext} from './types';

export type Severity = 'error' | 'warning';

export interface Finding {
  /** Stable rule id, kebab-case, prefixed by its family: `citation/missing-symbol`, `links/broken-anchor`. */
  rule: string;
  severity: Severity;
  /** Path relative to the target's root, with `/` separators. */
  file: string;
  /** 1-based line in `file`, when known. */
  line?: number;
  /** 1-based column, when known. */
  column?: number;
  /** What is wrong, one sentence, no trailing period needed. */
  message: string;
  /** What to do about it ("did you mean `createCharges`?"). */
  fix?: string;
}

/** What a check may read: the prepared target, the site's sections and the link index. */
export interface CheckInput {
  context: TargetContext;
  sections: readonly SiteSection[];
  site: SiteView;
}

export interface QualityCheck {
  /** The rule family (`citation`, `drift`, `links`...); `--only`/`--skip` name it. */
  id: string;
  /** One line for `check --list` and the documentation. */
  description: string;
  run(input: CheckInput): Promise<Finding[]>;
}

/** Findings in one order whatever order the checks ran in: file, line, column, rule, message. */
export function sortFindings(findings: readonly Finding[]): Finding[] {
  return [...findings].sort(
    (a, b) =>
      a.file.localeCompare(b.file) ||
      (a.line ?? 0) - (b.line ?? 0) ||
      (a.column ?? 0) - (b.column ?? 0) ||
      a.rule.localeCompare(b.rule) ||
      a.message.localeCompare(b.message),
  );
}
