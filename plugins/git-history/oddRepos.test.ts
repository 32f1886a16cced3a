/**
 * Repositories that are not the happy path: shallow, none, empty, detached, untagged, latin-1, a
 * subfolder target, and bad input. The section must still build, and say what it could not know.
 */
import fs from 'node:fs';
import path from 'node:path';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {commitRawBytes, makeRepo, runGit, tempBase} from '../../test/gitRepo';
import {isUserError} from '../core/errors';
import {loadConfig} from '../core/loadConfig';
import {loadTargetContext} from '../core/prepareSite';
import {generateAlone} from '../core/site/generateSections';
import {makeFixtureRepo, type Fixture} from './fixtureRepo';
import {historyGenerator} from './generator';

let base: string;
let fixture: Fixture;

async function generate(target: string) {
  const context = await loadTargetContext({siteDir: path.join(base, 'site'), target});
  const section = (await generateAlone(historyGenerator, context))[0]!;
  const get = (name: string) => {
    const content = section.files.get(name);
    if (content === undefined) throw new Error(`no ${name} in ${[...section.files.keys()].join(', ')}`);
    return content;
  };
  return {context, section, get};
}

const releases = (mdx: string) => [...mdx.matchAll(/^## (.+)$/gm)].map((m) => m[1]);

beforeAll(() => {
  base = tempBase('odd-repos');
  fixture = makeFixtureRepo(base);
});

afterAll(() => fs.rmSync(base, {recursive: true, force: true}));

describe('odd repositories', () => {
  it('a shallow clone: says "history is shallow: 1 commit" and lists what it has', async () => {
    const dir = path.join(base, 'shallow');
    runGit(base, ['clone', '--quiet', '--depth', '1', `file://${fixture.repo.dir}`, dir]);
    const {get} = await generate(dir);
    for (const page of ['index.mdx', 'changelog.mdx', 'contributors.mdx', 'hotspots.mdx']) {
      expect(get(page), page).toContain('History is shallow: 1 commit.');
    }
    expect(releases(get('changelog.mdx'))).toEqual(['Unreleased']);
    expect(get('changelog.mdx')).toContain('bump things');
  });

  it('no git at all: decisions from the files, every other page says there is no history', async () => {
    const dir = path.join(base, 'no-git');
    fs.mkdirSync(path.join(dir, 'docs', 'adr'), {recursive: true});
    fs.writeFileSync(path.join(dir, 'docs', 'adr', '0001-a.md'), '# Use A\n\n* Status: accepted\n* Date: 2022-02-02\n');
    const {get, section} = await generate(dir);
    expect(get('index.mdx')).toContain('Not a git repository: there is no changelog, no contributors, no hot spots and no last-updated dates.');
    expect(get('changelog.mdx')).toContain('No commits: the changelog is empty.');
    expect(get('contributors.mdx')).toContain('No commits were read');
    expect(get('decisions/index.mdx')).toContain('| 0001 | [Use A](./0001-a.mdx) | <span className={"badge badge--success"}>accepted</span> | 2022-02-02 |');
    for (const [name, content] of section.files) expect(content, name).not.toContain('last_update');
  });

  it('an empty repository says it has no commits yet', async () => {
    const repo = makeRepo(path.join(base, 'empty'));
    const {get} = await generate(repo.dir);
    expect(get('index.mdx')).toContain('The repository has no commits yet');
  });

  it('a detached HEAD says so and follows that commit', async () => {
    const dir = path.join(base, 'detached');
    runGit(base, ['clone', '--quiet', fixture.repo.dir, dir]);
    runGit(dir, ['checkout', '--quiet', '--detach', fixture.sha.prose!]);
    const {get} = await generate(dir);
    expect(get('index.mdx')).toContain(`HEAD is detached at ${fixture.sha.prose!.slice(0, 12)}`);
    // Tags after that commit are not in its history.
    expect(releases(get('changelog.mdx'))).toEqual(['v0.10.0', 'v0.2.0']);
    expect(get('changelog.mdx')).toContain('1 release tag not in the history of HEAD');
  });

  it('no tags: everything is Unreleased, and a latin-1 author keeps their name', async () => {
    const repo = makeRepo(path.join(base, 'untagged'));
    repo.commit('feat: one', {files: {'src/a.ts': 'a\n'}});
    const tree = repo.git('rev-parse', 'HEAD^{tree}');
    commitRawBytes(
      repo,
      Buffer.concat([
        Buffer.from(`tree ${tree}\nparent ${repo.git('rev-parse', 'HEAD')}\nauthor `),
        Buffer.from('Jos\xe9 Garc\xeda', 'latin1'),
        Buffer.from(' <jose@example.com> 1700000000 +0000\ncommitter J <j@example.com> 1700000000 +0000\n\nfix: two\n'),
      ]),
    );
    const {get} = await generate(repo.dir);
    expect(releases(get('changelog.mdx'))).toEqual(['Unreleased']);
    expect(get('changelog.mdx')).toContain('No tags: every commit is listed under "Unreleased".');
    expect(get('contributors.mdx')).toContain('José García');
  });

  it('a target in a subfolder reads only its own commits, with paths relative to it', async () => {
    const {get} = await generate(path.join(fixture.repo.dir, 'packages', 'api'));
    const changelog = get('changelog.mdx');
    expect(changelog).toContain('first endpoint');
    expect(changelog).not.toContain('faster parse');
    expect(get('hotspots.mdx')).toContain('[`src/index.ts`](https://github.com/acme/widgets/blob/main/packages/api/src/index.ts)');
  });
});

describe('configuration and bad input', () => {
  const withConfig = async (config: object, run: () => Promise<void>) => {
    const file = path.join(fixture.repo.dir, 'docs-architect.config.json');
    fs.writeFileSync(file, JSON.stringify(config));
    try {
      await run();
    } finally {
      fs.rmSync(file);
    }
  };

  it('changelog: "file" shows only the repository\u2019s file, "generated" only ours', async () => {
    await withConfig({history: {changelog: 'file'}}, async () => {
      const {section} = await generate(fixture.repo.dir);
      expect(section.files.has('changelog-file.mdx')).toBe(true);
      expect(section.files.has('changelog.mdx')).toBe(false);
    });
    await withConfig({history: {changelog: 'generated'}}, async () => {
      const {section} = await generate(fixture.repo.dir);
      expect(section.files.has('changelog-file.mdx')).toBe(false);
      expect(section.files.has('changelog.mdx')).toBe(true);
    });
  });

  it('tagPrefix: only tags with the prefix are releases', async () => {
    await withConfig({history: {tagPrefix: 'api-v'}}, async () => {
      const {get} = await generate(fixture.repo.dir);
      expect(releases(get('changelog.mdx'))).toEqual(['Unreleased']);
      expect(get('changelog.mdx')).toContain('4 tags not named as a semantic version');
    });
  });

  it('adrPaths naming a folder without records is a warning with the key and a fix', async () => {
    await withConfig({history: {adrPaths: ['docs/decisions']}}, async () => {
      const {context, get} = await generate(fixture.repo.dir);
      const warning = context.report.warnings.find((w) => w.details.key === 'history.adrPaths');
      expect(warning?.message).toBe('history.adrPaths: "docs/decisions" holds no Markdown files of the repository');
      expect(warning?.details.fix).toMatch(/adrPaths: \["docs\/adr"\]/);
      expect(get('decisions/index.mdx')).toContain('No decision records found');
    });
  });

  it('a record with broken front matter or a bad date: a warning with file and line, and the page still builds', async () => {
    const dir = path.join(base, 'bad-adr');
    fs.mkdirSync(path.join(dir, 'docs', 'adr'), {recursive: true});
    fs.writeFileSync(path.join(dir, 'docs', 'adr', '0001-a.md'), '---\ntitle: [oops\n---\n# A\n\n## Status\n\nAccepted\n');
    fs.writeFileSync(path.join(dir, 'docs', 'adr', '0002-b.md'), '# B\n\n* Status: accepted\n* Date: last tuesday\n');
    const {context, section} = await generate(dir);
    const messages = context.report.warnings.map((w) => [w.message.split(':')[0], path.basename(w.details.file ?? ''), w.details.line]);
    expect(messages).toEqual([
      ['front matter is not valid YAML', '0001-a.md', 2],
      ['date "last tuesday" is not a YYYY-MM-DD date', '0002-b.md', 4],
    ]);
    expect(section.files.has('decisions/0001-a.mdx')).toBe(true);
  });

  it('a wrong value or unknown key under history is a config error naming the key and the fix', async () => {
    const dir = path.join(base, 'bad-config');
    fs.mkdirSync(dir);
    fs.writeFileSync(path.join(dir, 'docs-architect.config.yaml'), 'history:\n  changelog: nope\n  showEmail: true\n');
    const error = await loadConfig(dir).catch((e: unknown) => e);
    expect(isUserError(error)).toBe(true);
    if (!isUserError(error)) return;
    const all = [error, ...error.related].map((e) => ({key: e.details.key, line: e.details.line, fix: e.details.fix}));
    expect(all).toEqual([
      {key: 'history.changelog', line: 2, fix: expect.stringContaining('one of "generated", "file", "both"')},
      {key: 'history.showEmail', line: 3, fix: 'Did you mean "showEmails"? Rename it'},
    ]);
  });
});
