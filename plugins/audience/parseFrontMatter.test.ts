/**
 * The Docusaurus hook with Docusaurus's own default parser: facts attached, sidebar props merged,
 * problems warned once (or thrown in strict mode), and Markdown outside the docs left alone.
 */
import path from 'node:path';
import {DEFAULT_PARSE_FRONT_MATTER} from '@docusaurus/utils';
import {describe, expect, it} from 'vitest';
import {createParseFrontMatter} from './parseFrontMatter';
import {createVocabulary} from './vocabulary';

const docsDir = path.resolve('/site/docs');
const file = path.join(docsDir, 'runbook.md');

function hook(options: {strict?: boolean; warnings?: string[]} = {}) {
  const warnings = options.warnings ?? [];
  const parse = createParseFrontMatter({
    vocabulary: createVocabulary(),
    docsDirs: [docsDir],
    strict: options.strict ?? false,
    reported: new Set(),
    now: () => new Date('2026-11-22T12:00:00Z'),
    warn: (message) => warnings.push(message),
  });
  return (filePath: string, fileContent: string) => parse({filePath, fileContent, defaultParseFrontMatter: DEFAULT_PARSE_FRONT_MATTER});
}

const RUNBOOK = `---
title: Restore the database
audience: {primary: [sre], secondary: [backend-engineers]}
experience_level: advanced
content_type: playbook
tags: recovery
review_cycle: quarterly
last_reviewed: 2026-01-05
sidebar_custom_props: {icon: db}
---

Restore from the latest snapshot.
`;

describe('parseFrontMatter hook', () => {
  it('attaches the page facts and the sidebar audience, keeping the author’s other keys', async () => {
    const {frontMatter} = await hook()(file, RUNBOOK);
    expect(frontMatter.title).toBe('Restore the database');
    expect(frontMatter.docs_architect).toEqual({
      audience: ['sre', 'backend'],
      primaryAudience: ['sre'],
      level: {from: 'advanced', to: 'advanced'},
      contentType: 'runbook',
      readingTime: {minutes: 1, computed: true},
      maintainers: [],
      review: {cycle: 'quarterly', lastReviewed: '2026-01-05', due: '2026-04-05', overdue: true},
    });
    expect(frontMatter.sidebar_custom_props).toEqual({icon: 'db', audience: ['sre', 'backend']});
    expect(frontMatter.tags).toEqual(['recovery']);
  });

  it('warns once per problem and drops the bad value so the page still builds', async () => {
    const warnings: string[] = [];
    const parse = hook({warnings});
    const bad = '---\naudience: [sre, srr]\ntags: 12\n---\n\nText.\n';
    const first = await parse(file, bad);
    await parse(file, bad);
    expect(warnings).toHaveLength(2);
    expect(warnings[0]).toMatch(/runbook\.md:2: audience\[1\]: unknown audience "srr"\. Did you mean "sre"\?/);
    expect(warnings[1]).toMatch(/tags: unexpected number 12/);
    expect(first.frontMatter.sidebar_custom_props).toBeUndefined();
    expect(first.frontMatter.tags).toBeUndefined();
  });

  it('throws in strict mode', async () => {
    await expect(hook({strict: true})(file, '---\nexperience_level: expert-ish\n---\n')).rejects.toThrow('unknown experience level "expert-ish"');
  });

  it('leaves Markdown outside the docs sections alone', async () => {
    const {frontMatter} = await hook({strict: true})(path.resolve('/site/src/pages/about.md'), '---\naudience: nobody\n---\n');
    expect(frontMatter).toEqual({audience: 'nobody'});
  });
});
