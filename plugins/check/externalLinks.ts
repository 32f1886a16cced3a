/**
 * External links of authored pages, requested only with `check --external`: each distinct http(s)
 * address once, HEAD first (GET when a server refuses HEAD), a few at a time, with a timeout. A
 * failure is a warning: the network, not the page, may be at fault.
 */
import type {Finding, QualityCheck} from '../core/findings';
import {sitePages, type Page, type PageLink} from './pages';

const TIMEOUT_MS = 10_000;
const PARALLEL = 8;

async function status(url: string): Promise<string | undefined> {
  const attempt = (method: string) => fetch(url, {method, redirect: 'follow', signal: AbortSignal.timeout(TIMEOUT_MS), headers: {'user-agent': 'docs-architect-check'}});
  try {
    let response = await attempt('HEAD');
    if (response.status === 405 || response.status === 403 || response.status === 501) response = await attempt('GET');
    return response.ok ? undefined : `answers ${response.status} ${response.statusText}`.trim();
  } catch (error) {
    return `cannot be reached (${(error as Error).name === 'TimeoutError' ? `no answer in ${TIMEOUT_MS / 1000} s` : (error as Error).message})`;
  }
}

export const externalLinksCheck: QualityCheck = {
  id: 'external',
  description: 'External http(s) links of authored pages answer (only with --external)',
  async run(input) {
    const uses = new Map<string, {page: Page; link: PageLink}[]>();
    for (const page of (await sitePages(input)).pages) {
      if (!page.source) continue;
      for (const link of page.links) {
        if (!/^https?:\/\//i.test(link.url)) continue;
        const url = link.url.replace(/#.*$/, '');
        uses.set(url, [...(uses.get(url) ?? []), {page, link}]);
      }
    }
    const urls = [...uses.keys()].sort();
    const problems = new Map<string, string>();
    for (let i = 0; i < urls.length; i += PARALLEL) {
      const batch = urls.slice(i, i + PARALLEL);
      const answers = await Promise.all(batch.map(status));
      batch.forEach((url, j) => answers[j] && problems.set(url, answers[j]));
    }
    const findings: Finding[] = [];
    for (const [url, problem] of problems) {
      for (const {page, link} of uses.get(url)!) {
        findings.push({rule: 'external/unreachable', severity: 'warning', file: page.file, line: link.line, column: link.column, message: `${url} ${problem}`, fix: 'Update or remove the link, or check it again later if the site was only down'});
      }
    }
    return findings;
  },
};
