/**
 * The repository the history tests read: real commits by three people (one under two e-mails, joined
 * by .mailmap), semver tags that sort differently as text, a merge, a non-semver tag, ADRs in MADR and
 * Nygard formats, CODEOWNERS and a CHANGELOG.md. Built with real git in a temporary folder.
 */
import path from 'node:path';
import {makeRepo, runGit, type TestRepo} from '../../test/gitRepo';

export interface Fixture {
  repo: TestRepo;
  sha: Record<string, string>;
}

const ADA_OLD = 'Ada L <ada.old@example.com>';
const ADA = 'Ada Lovelace <ada@example.com>';
const GRACE = 'Grace Hopper <grace@example.com>';

export function makeFixtureRepo(base: string): Fixture {
  const repo = makeRepo(path.join(base, 'acme'));
  const sha: Record<string, string> = {};
  repo.git('remote', 'add', 'origin', 'https://github.com/acme/widgets.git');
  sha.first = repo.commit('feat(api): first endpoint', {
    author: ADA_OLD,
    date: '2023-01-05T10:00:00Z',
    files: {
      '.mailmap': 'Ada Lovelace <ada@example.com> <ada.old@example.com>\n',
      'package.json': JSON.stringify({name: 'widgets', version: '1.0.0', workspaces: ['packages/*']}),
      'packages/api/package.json': JSON.stringify({name: '@acme/api', version: '1.0.0'}),
      'packages/api/src/index.ts': Array.from({length: 10}, (_, i) => `export const a${i} = ${i};`).join('\n') + '\n',
      'README.md': '# Widgets\n',
      'docs/adr/0001-use-postgres.md': [
        '# 1. Use PostgreSQL',
        '',
        '* Status: superseded by [ADR-0002](0002-use-sqlite.md)',
        '* Date: 2023-01-10',
        '',
        '## Context and Problem Statement',
        '',
        'We need a database.',
        '',
      ].join('\n'),
    },
  });
  sha.fix = repo.commit('fix: handle empty body', {
    author: GRACE,
    date: '2023-01-20T10:00:00Z',
    files: {'packages/api/src/index.ts': Array.from({length: 12}, (_, i) => `export const b${i} = ${i};`).join('\n') + '\n'},
  });
  repo.tag('v0.2.0', {message: 'release 0.2.0', date: '2023-02-01T12:00:00Z'});

  sha.breaking = repo.commit('feat!: drop node 16\n\nBREAKING CHANGE: Node 18 is required.', {
    author: ADA,
    date: '2023-03-01T10:00:00Z',
    files: {
      'packages/api/src/index.ts': 'export const node = 18;\n',
      'docs/adr/0002-use-sqlite.md': [
        '# 2. Use SQLite',
        '',
        'Date: 2023-03-01',
        '',
        '## Status',
        '',
        'Accepted',
        '',
        '## Context',
        '',
        'Supersedes [ADR 1](0001-use-postgres.md). See the [README](../../README.md) and <div>raw html</div>.',
        '',
        '## Decision',
        '',
        'Use SQLite {for now}.',
        '',
      ].join('\n'),
    },
  });
  sha.prose = repo.commit('Update the readme', {author: GRACE, date: '2023-03-05T10:00:00Z', files: {'README.md': '# Widgets\n\nSmall widgets.\n'}});
  repo.tag('v0.10.0', {date: '2023-03-10T12:00:00Z'});

  repo.git('checkout', '--quiet', '-b', 'side');
  sha.perf = repo.commit('perf(core): faster parse', {author: 'Linus <linus@example.com>', date: '2023-04-01T10:00:00Z', files: {'core/parse.ts': 'export {};\n'}});
  repo.git('checkout', '--quiet', 'main');
  sha.docs = repo.commit('docs: usage', {author: ADA, date: '2023-04-02T10:00:00Z', files: {'docs/usage.md': '# Usage\n'}});
  runGit(repo.dir, ['merge', '--quiet', '--no-ff', '-m', "Merge branch 'side'", 'side'], {
    GIT_AUTHOR_NAME: 'Ada Lovelace',
    GIT_AUTHOR_EMAIL: 'ada@example.com',
    GIT_COMMITTER_NAME: 'Ada Lovelace',
    GIT_COMMITTER_EMAIL: 'ada@example.com',
    GIT_AUTHOR_DATE: '2023-04-03T10:00:00Z',
    GIT_COMMITTER_DATE: '2023-04-03T10:00:00Z',
  });
  sha.merge = repo.git('rev-parse', 'HEAD');
  repo.tag('v1.0.0', {date: '2023-04-05T12:00:00Z'});
  repo.tag('nightly', {date: '2023-04-05T12:00:00Z'});

  sha.unreleased = repo.commit('chore(deps): bump things', {
    author: GRACE,
    date: '2023-05-01T10:00:00Z',
    files: {
      '.github/CODEOWNERS': '# owners\n* @acme/core\npackages/api/ @acme/api-team api-lead@example.com\n!docs/ @acme/docs\n',
      'CHANGELOG.md': '# Changelog\n\n## 1.0.0\n\n- First stable release, see <https://example.com/notes>.\n',
      'docs/adr/0003-no-date.md': '# ADR 3: Keep {things} <simple>\n\n## Status\n\nProposed\n\n## Context\n\nimport x from "y"\n',
    },
  });
  return {repo, sha};
}
