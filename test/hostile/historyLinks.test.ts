/**
 * An image or link in an ADR or the changelog that names a file the repository does not have is a
 * warning with the file and the line, and becomes text; one to a file it has is still linked.
 */
import fs from 'node:fs';
import path from 'node:path';
import {afterAll, describe, expect, it} from 'vitest';
import {loadTargetContext} from '../../plugins/core/prepareSite';
import {formatReport} from '../../plugins/core/report';
import {generateAlone} from '../../plugins/core/site/generateSections';
import {historyGenerator} from '../../plugins/git-history/generator';
import {compileLikeDocusaurus} from '../compileLikeDocusaurus';
import {makeRepo, tempBase} from '../gitRepo';

const dirs: string[] = [];
afterAll(() => {
  for (const dir of dirs) fs.rmSync(dir, {recursive: true, force: true});
});

describe('images and links in ADRs and the changelog', () => {
  it('warn with file and line when the file is missing, and every page compiles as Docusaurus compiles it', async () => {
    const target = tempBase('history-links');
    const site = tempBase('history-links-site');
    dirs.push(target, site);
    const files: Record<string, string> = {
      'package.json': '{"name": "history-links"}\n',
      'docs/adr/0001-use-queues.md': '# 1. Use queues\n\nDate: 2024-01-01\n\n## Status\n\nAccepted\n\n## Decision\n\nAs drawn: ![flow](./flow.png).\n\nSee [the next one](./0002-retry.md) and [the notes](../notes.md).\n',
      'docs/adr/0002-retry.md': '# 2. Retry\n\nDate: 2024-02-01\n\n## Status\n\nAccepted\n\n## Decision\n\n![kept](./kept.png) stays linked.\n',
      'docs/adr/kept.png': 'png',
      'CHANGELOG.md': '# Changelog\n\n## 1.0.0\n\n- New look: ![screenshot](docs/shot.png)\n',
    };
    for (const [file, content] of Object.entries(files)) {
      fs.mkdirSync(path.dirname(path.join(target, file)), {recursive: true});
      fs.writeFileSync(path.join(target, file), content);
    }
    makeRepo(target).commit('first');
    const context = await loadTargetContext({siteDir: site, target});
    const [section] = await generateAlone(historyGenerator, context);
    const adr = path.join(target, 'docs/adr/0001-use-queues.md');
    expect(formatReport(context.report).split('\n')).toEqual([
      `warning: ${path.join(target, 'CHANGELOG.md')}:5: image "docs/shot.png" names docs/shot.png, which the repository does not have; it is shown as text. Fix the path, or link to a web address.`,
      `warning: ${adr}:11: image "./flow.png" names docs/adr/flow.png, which the repository does not have; it is shown as text. Fix the path, or link to a web address.`,
      `warning: ${adr}:13: link "../notes.md" names docs/notes.md, which the repository does not have; it is shown as text. Fix the path, or link to a web address.`,
    ]);
    const pages = [...section!.files].filter(([name]) => name.endsWith('.mdx'));
    expect(pages.length).toBeGreaterThanOrEqual(3);
    const markdownFiles = (name: string) => [...section!.files.keys()].map((other) => path.relative(path.dirname(name), other));
    for (const [name, mdx] of pages) {
      await expect(compileLikeDocusaurus(mdx, {filePath: path.join(site, 'history', name), siteDir: site, markdownFiles: markdownFiles(name)}), name).resolves.toBeTruthy();
    }
    const all = pages.map(([, mdx]) => mdx).join('\n');
    expect(all).toContain('As drawn: flow.');
    expect(all).toContain('See [the next one](./0002-retry.mdx) and the notes.');
    expect(all).toContain('New look: screenshot');
    expect(all).not.toMatch(/flow\.png|shot\.png|notes\.md/);
  });
});
