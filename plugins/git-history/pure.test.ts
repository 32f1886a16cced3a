/**
 * The pure parts alone: conventional commits, tag versions, release membership on a made-up graph,
 * changelog paging, Mermaid text, CODEOWNERS, and the Markdown import.
 */
import {describe, expect, it} from 'vitest';
import type {Commit} from '../core/gitLog';
import {markdownToMdast} from '../core/mdx/fromMarkdown';
import {serializeMdx} from '../core/mdx/writeMdx';
import {parseConventionalCommit, verbGroupOf} from './conventionalCommit';
import {extractChangelog, versionOf} from './extractChangelog';
import {extractDecisions} from './extractDecisions';
import {extractHistory, type HistoryInput} from './extractHistory';
import {DEFAULT_OPTIONS} from './options';
import {ownersOf, parseCodeowners} from './parseCodeowners';
import {ENTRIES_PER_PAGE, renderChangelog} from './renderChangelog';
import {mermaidText, timeline} from './renderCommon';

function commit(sha: string, subject: string, parents: string[], date = '2024-01-01T00:00:00+00:00'): Commit {
  return {sha, parents, author: 'A', email: 'a@example.com', date, time: Date.parse(date), subject, body: '', changes: []};
}

describe('parseConventionalCommit', () => {
  it.each([
    ['feat(api): add x', {type: 'feat', scope: 'api', description: 'add x', breaking: false}],
    ['fix!: drop y', {type: 'fix', description: 'drop y', breaking: true}],
    ['Feat: Capital type', {type: 'feat', description: 'Capital type', breaking: false}],
    ['refactor(a b)!:   spaced', {type: 'refactor', scope: 'a b', description: 'spaced', breaking: true}],
  ])('%s', (subject, expected) => {
    expect(parseConventionalCommit(subject)).toEqual({scope: undefined, breakingNote: undefined, ...expected});
  });

  it.each(['Update readme', 'feat:no space', 'feat(x: broken', ': nothing', 'Merge branch "x"'])('not conventional: %s', (subject) => {
    expect(parseConventionalCommit(subject)).toBeUndefined();
  });

  it('reads a BREAKING CHANGE or BREAKING-CHANGE footer', () => {
    expect(parseConventionalCommit('feat: x', 'Body.\n\nBREAKING CHANGE: the API\nchanged.\n\nRefs: #1')).toMatchObject({breaking: true, breakingNote: 'the API changed.'});
    expect(parseConventionalCommit('feat: x', 'BREAKING-CHANGE: gone')).toMatchObject({breaking: true, breakingNote: 'gone'});
    expect(parseConventionalCommit('feat: x', 'not BREAKING CHANGE: inline')).toMatchObject({breaking: false});
  });
});

describe('versionOf', () => {
  it('takes v-prefixed, bare and prefixed semantic versions, and nothing else', () => {
    expect(['v1.2.3', '1.2.3', 'v2.0.0-rc.1', 'nightly', 'v1.2', 'release-1.0.0'].map((tag) => versionOf(tag))).toEqual([
      '1.2.3',
      '1.2.3',
      '2.0.0-rc.1',
      undefined,
      undefined,
      undefined,
    ]);
    expect(versionOf('api-v1.0.0', 'api-v')).toBe('1.0.0');
    expect(versionOf('v1.0.0', 'api-v')).toBeUndefined();
  });
});

describe('extractChangelog on a graph', () => {
  // a - b - c - m - d   (m merges x, branched from a)
  //  \_ x _______/
  const commits = [
    commit('d', 'feat: d', ['m']),
    commit('m', 'Merge x', ['c', 'x']),
    commit('c', 'fix: c', ['b']),
    commit('x', 'perf: x', ['a']),
    commit('b', 'feat: b', ['a']),
    commit('a', 'chore: a', []),
  ];

  it('assigns each commit to the first release by version that reaches it', () => {
    const changelog = extractChangelog(commits, [
      {name: 'v1.0.0', sha: 'b', date: '2024-02-01T00:00:00Z'},
      {name: 'v1.1.0', sha: 'm', date: '2024-03-01T00:00:00Z'},
      {name: 'v0.1.0', sha: 'a', date: '2024-01-01T00:00:00Z'},
    ]);
    const shas = changelog.releases.map((release) => [release.tag ?? 'Unreleased', release.groups.flatMap((g) => g.entries.map((e) => e.sha)).sort().join(''), release.mergeCount]);
    expect(shas).toEqual([
      ['Unreleased', 'd', 0],
      ['v1.1.0', 'cx', 1],
      ['v1.0.0', 'b', 0],
      ['v0.1.0', 'a', 0],
    ]);
  });

  it('splits a long changelog over pages and says how much of a huge release is not listed', () => {
    const many: Commit[] = [];
    for (let i = 0; i < ENTRIES_PER_PAGE + 10; i++) many.push(commit(`h${i}`, `feat: n${i}`, i + 1 < ENTRIES_PER_PAGE + 10 ? [`h${i + 1}`] : []));
    const tags = [{name: 'v2.0.0', sha: 'h0', date: '2024-05-01T00:00:00Z'}, {name: 'v1.0.0', sha: `h${ENTRIES_PER_PAGE + 5}`, date: '2024-04-01T00:00:00Z'}];
    const input: HistoryInput = {
      project: 'p',
      state: 'ok',
      shallow: false,
      log: {commits: many, paths: []},
      tags,
      packages: [],
      files: [],
      decisionDirs: [],
      decisionSources: [],
      options: DEFAULT_OPTIONS,
      lastChange: () => undefined,
    };
    const pages = renderChangelog(extractHistory(input).model, {}, 2);
    expect([...pages.keys()]).toEqual(['changelog.mdx', 'changelog-2.mdx']);
    expect(pages.get('changelog.mdx')).toContain('## v2.0.0');
    expect(pages.get('changelog.mdx')).toContain('[Older releases](./changelog-2.mdx)');
    expect(pages.get('changelog-2.mdx')).toContain('## v1.0.0');
    expect(pages.get('changelog.mdx')).toContain('5 more commits of this release are not listed');
    expect(pages.get('changelog-2.mdx')).not.toContain('more commits');
  });
});

describe('extractDecisions', () => {
  it('gives records of the same name in two folders their own pages', () => {
    const {decisions} = extractDecisions([
      {path: 'docs/adr/0001-db.md', text: '# Db\n\n* Status: accepted\n'},
      {path: 'services/api/decisions/0001-db.md', text: '# Db too\n\n## Status\n\nProposed\n'},
    ]);
    expect(decisions.map((d) => [d.slug, d.title, d.statusKind, d.format])).toEqual([
      ['0001-db', 'Db', 'accepted', 'madr'],
      ['0001-db-2', 'Db too', 'proposed', 'nygard'],
    ]);
  });
});

describe('Mermaid text', () => {
  it('keeps letters, digits and safe marks, drops syntax', () => {
    expect(mermaidText('v1.0.0; click x call alert() %% "quoted" : #')).toBe('v1.0.0 click x call alert quoted');
    expect(mermaidText('José / ünïcode-ok_1')).toBe('José / ünïcode-ok_1');
    expect(mermaidText('x'.repeat(50), 10)).toBe('xxxxxxxxx\u2026');
  });

  it('groups a timeline by date', () => {
    const node = timeline('T', [
      {date: '2024-01-01', label: 'a'},
      {date: '2024-01-01', label: 'b:c'},
      {date: '2024-02-01', label: 'd'},
    ]);
    expect(node).toMatchObject({lang: 'mermaid', value: 'timeline\n    title T\n    2024-01-01 : a : b c\n    2024-02-01 : d'});
  });
});

describe('CODEOWNERS', () => {
  const {codeowners, problems} = parseCodeowners('CODEOWNERS', '* @org/all\n/docs/ @org/docs\npackages/api/ a@b.io @x # comment\n[Section]\n!x @y\nsrc/ not-an-owner\n', false);

  it('the last matching rule wins; the whole repository is owned by catch-all rules only', () => {
    expect(ownersOf(codeowners, '')).toEqual(['@org/all']);
    expect(ownersOf(codeowners, 'docs')).toEqual(['@org/docs']);
    expect(ownersOf(codeowners, 'packages/api')).toEqual(['(e-mail hidden)', '@x']);
    expect(ownersOf(codeowners, 'packages')).toEqual(['@org/all']);
  });

  it('reports negations and non-owners by line', () => {
    expect(problems.map((p) => [p.line, p.message])).toEqual([
      [5, 'negated pattern "!x" is not supported in CODEOWNERS'],
      [6, '"not-an-owner" is not an owner'],
    ]);
  });
});

describe('markdownToMdast', () => {
  it('keeps MDX syntax as text, shows raw HTML, and hands relative links to the caller', () => {
    const nodes = markdownToMdast('# T {x}\n\n<script>alert(1)</script>\n\nSee [b](./b.md#s), [c](https://c.io) and ![i](img/i.png).\n', {
      rewriteUrl: (url, kind) => (kind === 'link' ? `/x/${url}` : undefined),
    });
    const mdx = serializeMdx({type: 'root', children: nodes});
    expect(mdx).toContain('# T \\{x}');
    expect(mdx).toContain('\\<script>alert(1)\\</script>');
    expect(mdx).toContain('[b](/x/./b.md#s)');
    expect(mdx).toContain('[c](https://c.io)');
    expect(mdx).toContain('and i.');
  });
});

describe('commits that are not conventional', () => {
  it('are grouped by their leading verb', () => {
    const subjects = ['Add a cache', 'Supports Node 22', 'Fixed the parser (#12)', 'Speed up the walk', 'Update deps', 'Removed the old API', 'Drop Node 16', 'Deprecate `load`', 'Merge the docs', 'Addendum to the README'];
    expect(subjects.map(verbGroupOf)).toEqual(['added', 'added', 'fixed', 'changed', 'changed', 'removed', 'removed', 'deprecated', undefined, undefined]);
  });
});
