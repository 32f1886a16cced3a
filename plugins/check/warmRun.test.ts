/**
 * A warm `check` (docs/adr/0053) reports what a cold one does after every kind of edit: a renamed
 * function (the generated anchor changes, the serialised page must not come from the store), an
 * edited authored page (parsed page and lint findings kept by its bytes), and a changed config
 * (lint findings kept by the rules' settings too). Each warm run is compared with a cold run in an
 * empty cache.
 */
import fs from 'node:fs';
import path from 'node:path';
import {beforeAll, describe, expect, it} from 'vitest';
import {makeRepo, tempBase, type TestRepo} from '../../test/gitRepo';
import {lastSectionRun} from '../core/site/sectionStore';
import {runCheck, type CheckRun} from './run';
import {FIXTURE_FILES} from './testing/checkFixture';

const warmCache = tempBase('check-warm-cache');
let repo: TestRepo;

/** The generators whose extract ran in the last warm run (the others' sections were kept), and the sections rendered. */
let recomputed = {extracted: [] as string[], rendered: [] as string[]};

/** A run in the warm cache, and one in an empty cache: the findings must be the same. */
async function warmAndCold(): Promise<CheckRun> {
  process.env.DOCS_ARCHITECT_CACHE_DIR = warmCache;
  const warm = await runCheck({target: repo.dir});
  recomputed = {extracted: [...lastSectionRun.extracted], rendered: [...lastSectionRun.rendered]};
  process.env.DOCS_ARCHITECT_CACHE_DIR = tempBase('check-cold-cache');
  const cold = await runCheck({target: repo.dir});
  process.env.DOCS_ARCHITECT_CACHE_DIR = warmCache;
  expect(warm.findings).toEqual(cold.findings);
  return warm;
}

const where = (run: CheckRun) => run.findings.map((finding) => `${finding.file}:${finding.line} ${finding.rule}`);

beforeAll(async () => {
  process.env.DOCS_PROGRESS = 'quiet';
  process.env.DOCS_ARCHITECT_CACHE_DIR = warmCache;
  repo = makeRepo(path.join(tempBase('check-warm'), 'target'));
  repo.commit('docs: a target to check', {files: FIXTURE_FILES});
  await runCheck({target: repo.dir}); // fills the warm cache
}, 180_000);

describe('a warm check', () => {
  it('keeps parsed pages, serialised pages and lint findings in the check’s work folder', () => {
    const files = fs.readdirSync(warmCache, {recursive: true}).map(String).map((file) => path.basename(file));
    const stores = ['authored-pages.v8', 'serialized-mdx.v8', 'section-extracts.v8', 'section-renders.v8', 'check-findings-markdownlint.json', 'check-findings-inclusive.json'];
    expect(stores.filter((store) => files.includes(store))).toEqual(stores);
  });

  it('keeps every section on the next run, whose history comes from its cache file', async () => {
    process.env.DOCS_ARCHITECT_CACHE_DIR = warmCache;
    await runCheck({target: repo.dir});
    expect({extracted: lastSectionRun.extracted, rendered: lastSectionRun.rendered}).toEqual({extracted: [], rendered: []});
  }, 180_000);

  it('sees a generated anchor change when a source file is edited', async () => {
    // docs/intro.md links to /api/check-fixture/#createCharge, which the rename removes.
    repo.commit('refactor: rename', {files: {'src/index.ts': FIXTURE_FILES['src/index.ts']!.replace('createCharge', 'createPayment')}});
    const run = await warmAndCold();
    const intro = run.findings.filter((finding) => finding.file === 'docs/intro.md');
    expect(intro.map((finding) => `${finding.line} ${finding.rule}`)).toEqual(['8 links/broken-anchor']);
    expect(intro[0]!.message).toContain('`#createCharge` is not a heading or anchor of `/api/check-fixture/`');
    expect(recomputed.extracted).toContain('api');
  }, 180_000);

  it('lints an edited page again, and replays the findings of the others', async () => {
    const guide = FIXTURE_FILES['docs/guide.md']!.replace('Some\ttabbed text.', 'Some plain text.').replace('Hey guys, this', 'Hello, this');
    repo.commit('docs: tidy the guide', {files: {'docs/guide.md': guide, 'docs/flow.md': FIXTURE_FILES['docs/flow.md']!.replace('# Flow', '# Flow\n\nHey guys, a flow.')}});
    const run = await warmAndCold();
    expect(where(run).filter((line) => /markdownlint|inclusive/.test(line))).toEqual(['docs/flow.md:3 inclusive/gals-man']);
  }, 180_000);

  it('applies a changed rule configuration to pages whose findings it kept', async () => {
    repo.commit('docs: tabs are fine, and so are guys', {
      files: {
        'docs/guide.md': FIXTURE_FILES['docs/guide.md']!,
        'docs-architect.config.yaml': 'check:\n  markdownlint:\n    MD010: false\n  inclusiveAllow: [gals-man]\n',
      },
    });
    const run = await warmAndCold();
    // The guide's tab and both pages' `guys` were reported before: all allowed now.
    expect(where(run).filter((line) => /markdownlint|inclusive/.test(line))).toEqual([]);
    expect(run.findings.length).toBeGreaterThan(0);
  }, 180_000);

  // Sections kept whole (docs/adr/0058): edits in the working tree, so that HEAD, which most
  // sections read for their dates, stays the same unless a test commits.
  const ALL = ['overview', 'api', 'openapi', 'graphql', 'grpc', 'asyncapi', 'history', 'architecture', 'application', 'operations', 'living-docs'];

  it('neither extracts nor renders a section when nothing changed', async () => {
    const run = await warmAndCold();
    expect(recomputed).toEqual({extracted: [], rendered: []});
    expect(run.findings.length).toBeGreaterThan(0);
  }, 180_000);

  it('extracts again the sections that read an edited source file, and reports what changed', async () => {
    // The rename is undone in the working tree: the link to #createCharge is good again.
    repo.write('src/index.ts', FIXTURE_FILES['src/index.ts']!);
    const run = await warmAndCold();
    expect(run.findings.filter((finding) => finding.file === 'docs/intro.md')).toEqual([]);
    // Those that read TypeScript, or every file; not the history, the overview, the API descriptions.
    expect(recomputed.extracted).toEqual(['api', 'graphql', 'architecture', 'application', 'operations', 'living-docs']);
    expect(recomputed.rendered.length).toBeGreaterThan(3);
  }, 180_000);

  it('extracts again only the sections that read every file when an authored page is edited', async () => {
    repo.write('docs/flow.md', `${FIXTURE_FILES['docs/flow.md']!}\nAnother [broken link](./gone.md).\n`);
    const run = await warmAndCold();
    expect(where(run).filter((line) => line.startsWith('docs/flow.md:8 links/'))).toHaveLength(1);
    // The Quality page reads the guides, the operations pages any file (runbooks, READMEs).
    expect(recomputed.extracted).toEqual(['operations', 'living-docs']);
  }, 180_000);

  it('extracts again the sections that read a changed config key', async () => {
    repo.write('docs-architect.config.yaml', `${fs.readFileSync(path.join(repo.dir, 'docs-architect.config.yaml'), 'utf8')}history:\n  hotspotMonths: 3\n`);
    await warmAndCold();
    // The history reads `history`; the others read the config file's text (any YAML file, or every file).
    expect(recomputed.extracted).toEqual(['openapi', 'asyncapi', 'history', 'architecture', 'operations', 'living-docs']);
  }, 180_000);

  it('extracts again the sections that read the history after a commit', async () => {
    repo.commit('the edits above');
    await warmAndCold();
    expect(recomputed.extracted).toEqual(ALL.filter((id) => ['overview', 'api', 'history', 'architecture', 'application', 'operations', 'living-docs'].includes(id)));
  }, 180_000);
});
