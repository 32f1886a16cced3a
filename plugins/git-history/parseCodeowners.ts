/**
 * CODEOWNERS, as GitHub and GitLab read it: `pattern owner...` lines, `.gitignore`-style patterns,
 * the last matching line wins. E-mail owners are hidden unless the config allows e-mail addresses.
 */
import ignore from 'ignore';

/** Where hosts look for the file, in GitHub's order. */
export const CODEOWNERS_PATHS = ['.github/CODEOWNERS', 'CODEOWNERS', 'docs/CODEOWNERS', '.gitlab/CODEOWNERS'];

export interface CodeownersRule {
  line: number;
  pattern: string;
  owners: string[];
}

export interface Codeowners {
  path: string;
  rules: CodeownersRule[];
}

export interface CodeownersProblem {
  line: number;
  message: string;
  fix: string;
}

export const HIDDEN_EMAIL = '(e-mail hidden)';
const OWNER = /^@[\w.-]+(\/[\w.-]+)?$/;
const ROOT_PATTERNS = new Set(['*', '**', '/*', '/**']);
const EMAIL = /^[^@\s]+@[^@\s]+\.[^@\s]+$/;

export function parseCodeowners(path: string, text: string, showEmails: boolean): {codeowners: Codeowners; problems: CodeownersProblem[]} {
  const rules: CodeownersRule[] = [];
  const problems: CodeownersProblem[] = [];
  text.split(/\r?\n/).forEach((raw, i) => {
    const line = i + 1;
    // `\#` is a literal hash; an unescaped one starts a comment.
    const content = raw.replace(/(^|[^\\])#.*$/, '$1').trim();
    if (!content) return;
    // GitLab sections: `[Section]`, `^[Optional section]`, maybe with default owners after them.
    if (/^\^?\[[^\]]*\]/.test(content)) return;
    const [pattern, ...owners] = content.split(/\s+/);
    if (pattern!.startsWith('!')) {
      problems.push({line, message: `negated pattern "${pattern}" is not supported in CODEOWNERS`, fix: 'Remove the line, or list the paths it should match'});
      return;
    }
    const bad = owners.filter((owner) => !OWNER.test(owner) && !EMAIL.test(owner));
    if (bad.length > 0) {
      problems.push({line, message: `"${bad.join(' ')}" is not an owner`, fix: 'Owners are @user, @org/team or an e-mail address'});
    }
    rules.push({
      line,
      pattern: pattern!,
      owners: owners.filter((owner) => !bad.includes(owner)).map((owner) => (EMAIL.test(owner) && !showEmails ? HIDDEN_EMAIL : owner)),
    });
  });
  return {codeowners: {path, rules}, problems};
}

/** The owners of a folder ('' for the root): the last rule matching it, as hosts do. */
export function ownersOf(codeowners: Codeowners, dir: string): string[] {
  for (let i = codeowners.rules.length - 1; i >= 0; i--) {
    const rule = codeowners.rules[i]!;
    // The repository as a whole is owned by the catch-all rules only.
    if (dir === '' ? ROOT_PATTERNS.has(rule.pattern) : matches(rule.pattern, `${dir}/`)) return rule.owners;
  }
  return [];
}

function matches(pattern: string, probe: string): boolean {
  try {
    return ignore().add(pattern).ignores(probe);
  } catch {
    return false; // a pattern the ignore package rejects matches nothing
  }
}
