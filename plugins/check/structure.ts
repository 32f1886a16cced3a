/**
 * Two accessibility checks of authored pages: headings that skip a level (a screen reader's outline
 * of the page jumps from "Setup" to a sub-sub-section), and images without alt text (read out as the
 * file name, or not at all). The page title is the h1, so a page may start at h1 or h2.
 */
import type {Finding, QualityCheck} from '../core/findings';
import {sitePages, visit} from './pages';

export const headingsCheck: QualityCheck = {
  id: 'headings',
  description: 'Headings go down one level at a time (no h2 followed by an h4)',
  async run(input) {
    const findings: Finding[] = [];
    for (const page of (await sitePages(input)).pages) {
      if (!page.own?.tree) continue;
      let previous = 1;
      visit(page.own.tree, (node) => {
        if (node.type !== 'heading') return;
        if (node.depth > previous + 1) {
          findings.push({
            rule: 'headings/skipped-level',
            severity: 'warning',
            file: page.file,
            line: node.position?.start.line,
            column: node.position?.start.column,
            message: `an h${node.depth} follows an h${previous}, skipping a level`,
            fix: `Make it an h${previous + 1} (${'#'.repeat(previous + 1)}) or add the missing level above it`,
          });
        }
        previous = node.depth;
      });
    }
    return findings;
  },
};

export const imagesCheck: QualityCheck = {
  id: 'images',
  description: 'Every image has alt text, for readers who cannot see it',
  async run(input) {
    const findings: Finding[] = [];
    for (const page of (await sitePages(input)).pages) {
      if (!page.own?.tree) continue;
      visit(page.own.tree, (node) => {
        const line = node.position?.start.line;
        const column = node.position?.start.column;
        let missing: string | undefined;
        if ((node.type === 'image' || node.type === 'imageReference') && !node.alt?.trim()) missing = node.type === 'image' ? node.url : node.identifier;
        if ((node.type === 'mdxJsxFlowElement' || node.type === 'mdxJsxTextElement') && node.name === 'img') {
          const alt = node.attributes?.find((attribute) => attribute.type === 'mdxJsxAttribute' && attribute.name === 'alt');
          const src = node.attributes?.find((attribute) => attribute.type === 'mdxJsxAttribute' && attribute.name === 'src');
          // An explicit alt="" marks a decorative image: that is a choice, not an omission.
          if (!alt) missing = typeof src?.value === 'string' ? src.value : 'img';
        }
        if (node.type === 'html') {
          for (const tag of node.value.match(/<img\b[^>]*>/gi) ?? []) {
            if (!/\balt\s*=/i.test(tag)) missing = /\bsrc\s*=\s*["']([^"']*)["']/i.exec(tag)?.[1] ?? 'img';
          }
        }
        if (missing === undefined) return;
        findings.push({
          rule: 'images/missing-alt',
          severity: 'warning',
          file: page.file,
          line,
          column,
          message: `the image \`${missing}\` has no alt text`,
          fix: 'Describe what it shows: ![What the diagram shows](file.png) (a purely decorative HTML image takes alt="")',
        });
      });
    }
    return findings;
  },
};
