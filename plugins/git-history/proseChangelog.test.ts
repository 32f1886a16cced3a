/**
 * A repository that does not write Conventional Commits and keeps its changelog as HISTORY.md: the
 * file is found, and the commits are grouped by their leading verb with `(#123)` linked to the host.
 */
import fs from 'node:fs';
import path from 'node:path';
import {afterAll, describe, expect, it} from 'vitest';
import {makeRepo, tempBase} from '../../test/gitRepo';
import {loadTargetContext} from '../core/prepareSite';
import {generateAlone} from '../core/site/generateSections';
import {historyGenerator} from './generator';

const base = tempBase('prose-changelog');
afterAll(() => fs.rmSync(base, {recursive: true, force: true}));

describe('a changelog of plain-English commits', () => {
  it('finds HISTORY.md and groups the commits by verb, linking pull requests', async () => {
    const repo = makeRepo(path.join(base, 'repo'));
    repo.commit('Add the parser (#3)', {files: {'package.json': '{"name":"prose"}', 'HISTORY.md': '# History\n\n## 1.0.0\n\nFirst.\n'}, date: '2024-01-01T00:00:00Z'});
    repo.commit('Fix a crash on empty input (#7)', {files: {'a.txt': 'a'}, date: '2024-01-02T00:00:00Z'});
    repo.commit('Speed up the tokenizer', {files: {'b.txt': 'b'}, date: '2024-01-03T00:00:00Z'});
    repo.commit('Drop Node 16 support', {files: {'c.txt': 'c'}, date: '2024-01-04T00:00:00Z'});
    repo.commit('Deprecate parseLoose', {files: {'d.txt': 'd'}, date: '2024-01-05T00:00:00Z'});
    repo.commit('Merge the docs branch', {files: {'e.txt': 'e'}, date: '2024-01-06T00:00:00Z'});
    repo.git('remote', 'add', 'origin', 'https://github.com/acme/prose.git');
    const context = await loadTargetContext({siteDir: path.join(base, 'site'), target: repo.dir});
    const [section] = await generateAlone(historyGenerator, context);
    expect(section!.files.get('changelog-file.mdx')).toContain('First.');
    const changelog = section!.files.get('changelog.mdx')!;
    const headings = [...changelog.matchAll(/^### (.+)$/gm)].map((match) => match[1]);
    expect(headings).toEqual(['Added', 'Changed', 'Deprecated', 'Removed', 'Fixed', 'Other']);
    expect(changelog).toContain('Add the parser ([#3](https://github.com/acme/prose/issues/3)) (');
    expect(changelog).toContain('Fix a crash on empty input ([#7](https://github.com/acme/prose/issues/7)) (');
    expect(changelog).toContain('- Merge the docs branch (');
  });
});
