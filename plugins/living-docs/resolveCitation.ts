/**
 * One citation, resolved: what its theme component is given to render (the code with its place and
 * link, or the link with its label), or why it is broken. Used by the rewrite of the staged page and
 * by the checks, so a citation is judged the same way wherever it is judged.
 */
import type {SiteView} from '../core/types';
import type {PageCitation} from './citations';
import type {BrokenCitation, CitationModel} from './model';
import {readSnippet, type CodeReader, type Snippet} from './readSnippet';
import {resolveLink, type ResolvedLink} from './resolveLink';

export type Resolution = {ok: true; snippet?: Snippet; link?: ResolvedLink} | {ok: false; broken: BrokenCitation};

export function resolveCitation(citation: Pick<PageCitation, 'component' | 'props' | 'unreadable'>, reader: CodeReader, site: Pick<SiteView, 'entries' | 'urlOf'>): Resolution {
  if (citation.unreadable.length > 0) {
    return {ok: false, broken: {missing: `the prop${citation.unreadable.length > 1 ? 's' : ''} ${citation.unreadable.join(', ')} must be plain strings ("..."), which the build can check`}};
  }
  if (citation.component === 'CodeSnippet') {
    const result = readSnippet(reader, citation.props);
    return result.ok ? {ok: true, snippet: result.snippet} : result;
  }
  const result = resolveLink(citation.component, citation.props, site);
  return result.ok ? {ok: true, link: result.link} : result;
}

/** A model citation as the checks and the Quality page see it: broken at extract, or broken now through the index. */
export function brokenOf(citation: CitationModel, site: Pick<SiteView, 'entries' | 'urlOf'>): BrokenCitation | undefined {
  if (citation.broken) return citation.broken;
  if (citation.component === 'CodeSnippet') return undefined;
  const result = resolveLink(citation.component, citation.props, site);
  return result.ok ? undefined : result.broken;
}

/** The warning's sentence and fix for a broken citation. */
export function brokenMessage(component: string, broken: BrokenCitation): {message: string; fix: string} {
  const hint = broken.suggestion ? `Did you mean \`${broken.suggestion}\`? ` : '';
  return {
    message: `<${component}> cites what is gone: ${broken.missing}`,
    fix: `${hint}Correct the citation to what the code has now; until then the page shows "citation broken" in its place`,
  };
}
