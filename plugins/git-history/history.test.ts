/**
 * The history section on a real repository (fixtureRepo.ts): the model it extracts and the MDX it
 * renders. No git is mocked.
 */
import os from 'node:os';
import fs from 'node:fs';
import path from 'node:path';
import {compileLikeDocusaurus} from '../../test/compileLikeDocusaurus';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {tempBase} from '../../test/gitRepo';
import {loadTargetContext} from '../core/prepareSite';
import {generateAlone} from '../core/site/generateSections';
import type {GeneratedSection, TargetContext} from '../core/types';
import {makeFixtureRepo, type Fixture} from './fixtureRepo';
import {historyGenerator} from './generator';

let base: string;
let fixture: Fixture;
let context: TargetContext;
let section: GeneratedSection;

async function generate(target: string, siteDir = path.join(base, 'site')) {
  const ctx = await loadTargetContext({siteDir, target});
  const [result] = await generateAlone(historyGenerator, ctx);
  return {context: ctx, section: result!};
}

const file = (s: GeneratedSection, name: string) => {
  const content = s.files.get(name);
  if (content === undefined) throw new Error(`no ${name} in ${[...s.files.keys()].join(', ')}`);
  return content;
};

beforeAll(async () => {
  base = tempBase('git-history');
  fixture = makeFixtureRepo(base);
  ({context, section} = await generate(fixture.repo.dir));
  if (process.env.DUMP_HISTORY) {
    for (const [name, content] of section.files) {
      fs.mkdirSync(path.dirname(path.join(process.env.DUMP_HISTORY, name)), {recursive: true});
      fs.writeFileSync(path.join(process.env.DUMP_HISTORY, name), content);
    }
  }
});

afterAll(() => fs.rmSync(base, {recursive: true, force: true}));

describe('the changelog', () => {
  const h2s = (mdx: string) => [...mdx.matchAll(/^## (.+)$/gm)].map((m) => m[1]);

  it('lists Unreleased, then releases by semantic version (v0.10.0 after v1.0.0, before v0.2.0)', () => {
    expect(h2s(file(section, 'changelog.mdx'))).toEqual(['Unreleased', 'v1.0.0', 'v0.10.0', 'v0.2.0']);
  });

  it('puts each commit in the release that first contains it, groups by type, breaking first, merges folded', () => {
    const mdx = file(section, 'changelog.mdx');
    const release = (tag: string) => mdx.slice(mdx.indexOf(`## ${tag}\n`), mdx.indexOf('\n## ', mdx.indexOf(`## ${tag}\n`) + 1) >>> 0);
    expect(release('v0.2.0')).toContain('first endpoint');
    expect(release('v0.2.0')).toContain('handle empty body');
    const v010 = release('v0.10.0');
    expect(v010.indexOf('### Breaking changes')).toBeGreaterThan(-1);
    // Prose is grouped by its leading verb: "Update the readme" is a change.
    expect(v010.indexOf('### Breaking changes')).toBeLessThan(v010.indexOf('### Changed'));
    expect(v010).toContain('**BREAKING** feat: drop node 16');
    expect(v010).toContain('Node 18 is required.');
    expect(v010).toContain('- Update the readme');
    const v1 = release('v1.0.0');
    // A lightweight tag is dated by its commit.
    expect(v1).toContain('2023-04-03 · 2 commits · 1 merge commit folded');
    expect(v1).toContain('- core: faster parse');
    expect(v1).not.toContain("Merge branch 'side'");
    expect(release('Unreleased')).toContain('### Chores');
  });

  it('links each entry to its commit on the web host', () => {
    expect(file(section, 'changelog.mdx')).toContain(`[\`${fixture.sha.fix!.slice(0, 7)}\`](https://github.com/acme/widgets/commit/${fixture.sha.fix})`);
  });

  it('says which tags are not releases', () => {
    expect(file(section, 'changelog.mdx')).toContain('1 tag not named as a semantic version, so not taken for releases: nightly.');
  });

  it('shows the repository\u2019s CHANGELOG.md on its own page, beside the generated one', () => {
    const mdx = file(section, 'changelog-file.mdx');
    expect(mdx).toContain('## 1.0.0');
    expect(mdx).toContain('custom_edit_url: "https://github.com/acme/widgets/edit/main/CHANGELOG.md"');
    expect(file(section, 'changelog.mdx')).toContain('[`CHANGELOG.md`](./changelog-file.mdx)');
  });

  it('gives the index page a releases timeline', () => {
    expect(file(section, 'index.mdx')).toMatch(/```mermaid\ntimeline\n {4}title Releases\n {4}2023-02-01 : v0\.2\.0\n {4}2023-03-05 : v0\.10\.0\n {4}2023-04-03 : v1\.0\.0\n```/);
  });
});

describe('contributors and ownership', () => {
  it('joins authors through .mailmap and publishes names, never e-mail addresses', () => {
    const mdx = file(section, 'contributors.mdx');
    expect(mdx).toContain('Ada Lovelace');
    expect(mdx).not.toContain('Ada L ');
    for (const [name, content] of section.files) {
      expect(content, name).not.toMatch(/@example\.com/);
    }
  });

  it('has a row per top-level folder and per package, with CODEOWNERS (e-mail owners hidden)', () => {
    const mdx = file(section, 'contributors.mdx');
    expect(mdx).toMatch(/\| \[`packages\/api`\]\([^)]+\) \| package @acme\/api \| .*\| @acme\/api-team \(e-mail hidden\) \|/);
    expect(mdx).toMatch(/\| \[`core`\]\([^)]+\) \| folder \| Linus \(100%\) \|/);
    expect(mdx).toContain('| 3 | `packages/api/` | @acme/api-team (e-mail hidden) |');
  });

  it('warns about a bad CODEOWNERS line with file and line', () => {
    const warning = context.report.warnings.find((w) => w.message.includes('negated pattern'));
    expect(warning?.details).toMatchObject({file: path.join(fixture.repo.dir, '.github/CODEOWNERS'), line: 4});
  });

  it('publishes e-mail addresses when the config says so', async () => {
    fs.writeFileSync(path.join(fixture.repo.dir, 'docs-architect.config.json'), JSON.stringify({history: {showEmails: true}}));
    try {
      const {section: withEmails} = await generate(fixture.repo.dir);
      expect(file(withEmails, 'contributors.mdx')).toContain('Grace Hopper \\<grace\\@example.com>');
      expect(file(withEmails, 'contributors.mdx')).toContain('api-lead\\@example.com');
    } finally {
      fs.rmSync(path.join(fixture.repo.dir, 'docs-architect.config.json'));
    }
  });
});

describe('hot spots', () => {
  it('ranks files by changes times lines, with sizes equal to the files\u2019 real line counts', () => {
    const mdx = file(section, 'hotspots.mdx');
    const rows = [...mdx.matchAll(/^\| (\d+) \| \[`([^`]+)`\]\([^)]+\) \| (\d+) \| (\d+) \| (\d+) \|/gm)];
    expect(rows.length).toBeGreaterThan(2);
    for (const [, , file, changes, lines, score] of rows) {
      const text = fs.readFileSync(path.join(fixture.repo.dir, file!), 'utf8');
      // git counts a last line without a newline as a line.
      const real = text.split('\n').length - (text.endsWith('\n') ? 1 : 0);
      expect(Number(lines), file).toBe(real);
      expect(Number(score)).toBe(Number(changes) * Number(lines));
    }
    expect(mdx).toContain('xychart-beta');
  });
});

describe('decisions', () => {
  it('indexes each record with number, title, status badge, date and superseded-by link', () => {
    const mdx = file(section, 'decisions/index.mdx');
    expect(mdx).toContain(
      '| 0001 | [Use PostgreSQL](./0001-use-postgres.mdx) | <span className={"badge badge--secondary"}>superseded by ADR-0002</span> | 2023-01-10 | _[0002 Use SQLite](./0002-use-sqlite.mdx)_ |',
    );
    expect(mdx).toContain('| 0002 | [Use SQLite](./0002-use-sqlite.mdx) | <span className={"badge badge--success"}>Accepted</span> | 2023-03-01 |');
    // No date in the record: the day git first saw it.
    expect(mdx).toContain('| 0003 | [Keep \\{things} \\<simple>](./0003-no-date.mdx) | <span className={"badge badge--info"}>Proposed</span> | 2023-05-01 (git) |');
    expect(mdx).toContain('timeline');
  });

  it('renders each record as a page: its text escaped, links to records rewritten, supersedes derived', () => {
    const sqlite = file(section, 'decisions/0002-use-sqlite.mdx');
    expect(sqlite).toContain('supersedes [0001 Use PostgreSQL](./0001-use-postgres.mdx)');
    expect(sqlite).toContain('[ADR 1](./0001-use-postgres.mdx)');
    expect(sqlite).toContain('[README](https://github.com/acme/widgets/blob/main/README.md)');
    expect(sqlite).toContain('Use SQLite \\{for now}.');
    // An inline tag Markdown cannot say is unwrapped: its text stays, the tag does not (ADR 0061).
    expect(sqlite).toContain('and raw html.');
    expect(sqlite).not.toContain('div>');
    expect(file(section, 'decisions/0003-no-date.mdx')).toContain('&#x69;mport x from "y"');
  });
});

describe('every page', () => {
  it('is valid MDX', async () => {
    expect([...section.files.keys()].filter((name) => name.endsWith('.mdx')).length).toBeGreaterThanOrEqual(3);
    for (const [name, content] of section.files) {
      // With Docusaurus's own image and link plugins: a missing image would fail a real build.
      if (!name.endsWith('.mdx')) continue;
      const filePath = path.join(os.tmpdir(), 'docs-architect-no-site', 'history', name);
      const markdownFiles = [...section.files.keys()].map((other) => path.relative(path.dirname(name), other));
      await expect(compileLikeDocusaurus(content, {filePath, markdownFiles}), name).resolves.toBeTruthy();
    }
  });

  it('carries the date and author of the last commit of its sources', () => {
    expect(file(section, 'changelog.mdx')).toContain('last_update:\n  date: "2023-05-01T10:00:00+00:00"\n  author: "Grace Hopper"');
    expect(file(section, 'decisions/0002-use-sqlite.mdx')).toContain('last_update:\n  date: "2023-03-01T10:00:00+00:00"\n  author: "Ada Lovelace"');
  });

  it('is tagged for its audience, records too: the authored docs leave them out', () => {
    expect(file(section, 'changelog.mdx')).toContain('audience:\n  - "everyone"\ncontent_type: "changelog"\nexperience_level: "beginner"');
    expect(file(section, 'hotspots.mdx')).toContain('content_type: "reference"');
    expect(file(section, 'decisions/index.mdx')).toContain('content_type: "adr"');
    // docs/adr/0002-use-sqlite.md is published here only (the section says so in `publishes`).
    expect(file(section, 'decisions/0002-use-sqlite.mdx')).toContain('content_type: "adr"');
    expect(section.publishes).toContainEqual({file: 'docs/adr/0002-use-sqlite.md', route: 'history/decisions/0002-use-sqlite/'});
  });

  it('is the same, byte for byte, when generated again', async () => {
    const again = await generate(fixture.repo.dir);
    expect([...again.section.files]).toEqual([...section.files]);
  });
});
