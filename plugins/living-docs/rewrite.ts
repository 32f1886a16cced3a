/**
 * The edits to a staged hand-written page: each citation element is written again through the one
 * MDX writer, with what its theme component renders as JSON props (the code, its language, lines and
 * link, or the link's URL and label, or why the citation is broken), and a page that drifted gets
 * its facts in front matter for the drift notice. A broken citation is a warning at its file and line
 * (strict builds fail on it); the page then shows a "citation broken" box instead.
 */
import path from 'node:path';
import {jsxText} from '../core/mdx/build';
import {serializeMdx} from '../core/mdx/writeMdx';
import type {AuthoredEdits, AuthoredPageInput, AuthoredRewrite, ExtractedSection, SiteView} from '../core/types';
import {collectCitations, type PageCitation} from './citations';
import type {LivingDocsModel} from './model';
import {createCodeReader, type CodeReader} from './readSnippet';
import {brokenMessage, resolveCitation, type Resolution} from './resolveCitation';

/** The front matter key the drift notice (src/components/LivingDocs) reads. */
export const DRIFT_KEY = 'docs_architect_drift';

export function livingDocsRewrite(section: ExtractedSection<LivingDocsModel>, site: SiteView): AuthoredRewrite {
  const {context} = site;
  const pages = new Map(section.model.pages.map((page) => [page.file, page]));
  let reader: CodeReader | undefined;
  return (page: AuthoredPageInput): AuthoredEdits => {
    const edits: AuthoredEdits['edits'] = [];
    const frontMatter: string[] = [];
    if (/\.mdx$/i.test(page.file)) {
      for (const citation of collectCitations(page.tree)) {
        // Files are read on the first citation; a build whose pages cite nothing reads nothing.
        reader ??= createCodeReader(context.root, context.inventory.files);
        const resolution = resolveCitation(citation, reader, site);
        if (!resolution.ok) {
          const {message, fix} = brokenMessage(citation.component, resolution.broken);
          page.report.warn(message, {file: path.join(context.root, page.file), line: citation.line, fix});
        }
        edits.push(elementEdit(citation, resolution, site));
      }
    }
    const drift = pages.get(page.file)?.drift;
    if (drift) {
      const compare = site.repo.compareUrl?.(drift.pageSha, drift.newestSha);
      // JSON is YAML: one line, every character quoted the way YAML reads it back.
      frontMatter.push(`${DRIFT_KEY}: ${JSON.stringify({commits: drift.commits, newest: drift.newest.slice(0, 10), days: drift.days, ...(compare ? {compare} : {})})}`);
    }
    return {edits, frontMatter};
  };
}

/** The element written again, one line, its props as JSON expressions (no page text becomes markup). */
function elementEdit(citation: PageCitation, resolution: Resolution, site: SiteView): {start: number; end: number; value: string} {
  const props: Record<string, string | number | boolean> = {...citation.props};
  if (!resolution.ok) {
    props.broken = resolution.broken.missing;
    if (resolution.broken.suggestion) props.suggestion = resolution.broken.suggestion;
  } else if (resolution.snippet) {
    const {snippet} = resolution;
    Object.assign(props, {code: snippet.code, language: snippet.language, file: snippet.file, startLine: snippet.startLine, endLine: snippet.endLine});
    // At the commit the site was built from, so the lines shown are the lines linked.
    const href = site.repo.fileUrl?.(snippet.file, snippet.startLine, site.context.git.head ?? undefined);
    if (href) props.href = href;
  } else if (resolution.link) {
    Object.assign(props, {to: resolution.link.url, label: resolution.link.label});
    if (resolution.link.method) Object.assign(props, {method: resolution.link.method, path: resolution.link.path!});
  }
  props.resolved = true;
  const element = serializeMdx({type: 'root', children: [{type: 'paragraph', children: [jsxText(citation.component, props)]}]}).trim();
  if (citation.childrenStart !== undefined) {
    // Written with children: only the opening tag is replaced, the author's text stays.
    return {start: citation.start, end: citation.childrenStart, value: element.replace(/\s*\/>$/, '>')};
  }
  return {start: citation.start, end: citation.end, value: element};
}
