/**
 * Inclusive language in authored prose, with retext-equality (maintained by the unified collective):
 * `he`/`she` for any reader, `whitelist`, `guys`... Each hit is a warning at its line with the
 * alternatives retext-equality suggests. `check.inclusiveAllow` lets words or rule ids pass.
 */
import path from 'node:path';
import {codeVersion} from '../core/codeVersion';
import type {Finding, QualityCheck} from '../core/findings';
import {findingsPerPage} from './pageFindings';
import {sitePages, type Page} from './pages';
import {proseOfTree} from './prose';

/**
 * Words whose software sense is the usual one in a repository's docs: a host is a server, an invalid
 * value is a wrong one. retext-equality reads them in their other senses.
 */
export const INCLUSIVE_ALLOW_DEFAULTS = ['host', 'hosts', 'invalid'];

export const inclusiveCheck: QualityCheck = {
  id: 'inclusive',
  description: 'Prose avoids gendered, ableist and otherwise exclusive words where a neutral one exists (retext-equality)',
  async run(input) {
    const allow = [...INCLUSIVE_ALLOW_DEFAULTS, ...(input.context.config.check?.inclusiveAllow ?? [])];
    const pages = (await sitePages(input)).pages.filter((page) => page.own?.tree);
    // One page at a time: a page read unchanged last run is not read again (docs/adr/0053). The
    // tree comes from the author's text, so the parser's code is part of the version too.
    version ??= codeVersion(
      [__filename, path.join(__dirname, '../core/markdown/prose.ts'), path.join(__dirname, '../core/authored/readAuthoredPage.ts')],
      ['retext', 'retext-english', 'retext-equality', 'mdast-util-from-markdown', 'micromark-extension-mdxjs', 'micromark-extension-gfm'],
    );
    return findingsPerPage(input, {id: 'inclusive', version, settings: allow}, pages, (changed) => equality(changed, allow));
  },
};

let version: string | undefined;

async function equality(pages: Page[], allow: string[]): Promise<Finding[]> {
  const {retext, retextEnglish, retextEquality} = await import('./retextLibraries');
  const processor = retext().use(retextEnglish).use(retextEquality, {ignore: allow}).freeze();
  const findings: Finding[] = [];
  for (const page of pages) {
    const blocks = proseOfTree(page.own!.tree!, {headings: true});
    // One document per page, blocks apart by a blank line; each message maps back to its block.
    const starts: {at: number; line: number}[] = [];
    let next = 1;
    for (const block of blocks) {
      starts.push({at: next, line: block.line});
      next += block.text.split('\n').length + 1;
    }
    const file = await processor.process(blocks.map((block) => block.text).join('\n\n'));
    for (const message of file.messages) {
      if (message.ruleId && allow.includes(message.ruleId)) continue;
      const at = message.line ?? 1;
      const start = [...starts].reverse().find((candidate) => candidate.at <= at) ?? {at: 1, line: 1};
      const expected = (message.expected ?? []).filter((word): word is string => typeof word === 'string');
      findings.push({
        rule: `inclusive/${message.ruleId ?? 'term'}`,
        severity: 'warning',
        file: page.file,
        line: start.line + (at - start.at),
        message: `\`${message.actual ?? '?'}\` may exclude or hurt some readers`,
        fix: expected.length > 0 ? `Consider ${expected.map((word) => `\`${word}\``).join(', ')}; or add it to check.inclusiveAllow` : 'Consider a neutral word; or add it to check.inclusiveAllow',
      });
    }
  }
  return findings;
}
