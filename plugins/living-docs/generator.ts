import path from 'node:path';
import type {SectionGenerator} from '../core/types';
import {coverageOf} from './coverage';
import {authoredPages} from './authoredPages';
import type {LivingDocsModel} from './model';
import {livingDocsRewrite} from './rewrite';

/**
 * Living docs (docs/adr/0041): the citations of the code in hand-written pages, resolved when the
 * pages are staged; the drift of each page from the code it covers; and the Quality page.
 */
export const livingDocsGenerator: SectionGenerator<LivingDocsModel> = {
  id: 'living-docs',
  // The authored pages (their citations, `covers` and review dates), the files they cite, which
  // may be of any kind, and the history of what they cover.
  inputs: () => ({files: ['*'], inventory: ['files', 'docsDirs', 'packages'], config: ['livingDocs', 'check', 'docsPath'], history: true}),
  absent: 'No Quality page: no hand-written page cites or covers code, and there is no code reference to measure.',
  async extract(context) {
    const {extractLivingDocs} = await import('./extract');
    return {
      id: 'quality',
      title: 'Quality',
      description: 'Documentation coverage of the code, pages that drifted from their code, broken citations and pages due for review.',
      model: await extractLivingDocs(context),
      watch: authoredPages(context).map((file) => path.join(context.root, file)),
    };
  },
  async render(section, site) {
    const {renderQuality} = await import('./renderQuality');
    const coverage = coverageOf(site.sections);
    // Nothing to measure: no section (a section without files is left out of the site).
    if (section.model.pages.length === 0 && (!coverage || coverage.total.total === 0)) return {files: new Map()};
    return {files: new Map([['index.mdx', renderQuality(section.model, coverage, site)]])};
  },
  authored: livingDocsRewrite,
};
