/**
 * The check command on a real target (a temporary git repository): each kind of finding at its file
 * and line, links into a generated section that exist and one that does not, readability, SARIF valid
 * against the SARIF 2.1.0 schema, JUnit, and the exit codes of the real CLI.
 */
import {execFile} from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import {promisify} from 'node:util';
import Ajv from 'ajv-draft-04';
import {beforeAll, describe, expect, it} from 'vitest';
import {tempBase} from '../../test/gitRepo';
import {formatFindings} from './format';
import {readabilityGrade} from './readability';
import {runCheck, type CheckRun} from './run';
import {makeCheckFixture} from './testing/checkFixture';

const ROOT = path.resolve(__dirname, '..', '..');
const CLI = path.join(ROOT, 'bin', 'docs-architect.js');
const SARIF_SCHEMA = require.resolve('@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json', {paths: [ROOT]});

let target: string;
let run: CheckRun;
const cacheDir = tempBase('check-cache');

beforeAll(async () => {
  // Each test target gets its own build folder: keep them out of the user's cache.
  process.env.DOCS_ARCHITECT_CACHE_DIR = cacheDir;
  process.env.DOCS_PROGRESS = 'quiet';
  target = makeCheckFixture();
  run = await runCheck({target});
}, 180_000);

const where = (run: CheckRun) => run.findings.map((finding) => `${finding.file}:${finding.line} ${finding.rule}`);

describe('docs-architect check on a target', () => {
  it('reports each planted problem at its file and line, and nothing else', () => {
    expect(run.findings.find((finding) => finding.rule === 'mermaid/syntax')!.message).toMatch(/does not parse: .*Parse error/);
    expect(where(run)).toEqual([
      'docs/dense.md:1 readability/grade',
      'docs/flow.md:3 mermaid/syntax',
      'docs/guide.md:9 links/broken-link',
      'docs/guide.md:9 links/broken-anchor',
      'docs/guide.md:11 links/broken-link',
      'docs/guide.md:11 links/broken-anchor',
      'docs/guide.md:13 markdownlint/MD010',
      'docs/guide.md:15 headings/skipped-level',
      'docs/guide.md:17 images/missing-alt',
      'docs/guide.md:19 inclusive/gals-man',
    ]);
    expect(run.findings.filter((finding) => finding.severity === 'error')).toHaveLength(5);
  });

  it('checks links into a generated section against its pages and headings', () => {
    const [page, anchor] = run.findings.filter((finding) => finding.line === 11);
    expect(page!.message).toContain('`/api/nothing/` leads to no page of the site');
    expect(anchor!.message).toContain('`#createCharges` is not a heading or anchor of `/api/check-fixture/`');
    expect(anchor!.fix).toBe('Did you mean `#createCharge`?');
    // docs/intro.md links to /api/check-fixture/#createCharge, which the code reference makes.
    expect(run.findings.some((finding) => finding.file === 'docs/intro.md')).toBe(false);
  });

  it('names the authored page and anchor a broken link misses', () => {
    const [page, anchor] = run.findings.filter((finding) => finding.line === 9);
    expect(page!.message).toContain('`./nowhere.md` leads to no page');
    expect(anchor!.message).toContain('`#no-such-heading` is not a heading or anchor of `/docs/intro/`');
  });

  it('counts the pages of every section, authored and generated', () => {
    expect(run.pages).toBeGreaterThan(3);
    expect(run.checks.map((check) => check.id)).toEqual(['site', 'links', 'front-matter', 'mermaid', 'headings', 'images', 'readability', 'inclusive', 'markdownlint', 'citation', 'drift', 'coverage']);
  });

  it('writes SARIF 2.1.0 that the schema accepts, with file, line and rule descriptions', () => {
    const sarif = JSON.parse(formatFindings({...run, version: '0.1.0'}, 'sarif'));
    // The schema's language pattern is not a valid unicode-mode RegExp; SARIF tools read it without the flag.
    const ajv = new Ajv({allErrors: true, strict: false, validateFormats: false, unicodeRegExp: false});
    const validate = ajv.compile(JSON.parse(fs.readFileSync(SARIF_SCHEMA, 'utf8')));
    expect(validate(sarif), JSON.stringify(validate.errors?.slice(0, 3))).toBe(true);
    // The schema does reject what is not SARIF: a result with an unknown level.
    expect(validate({...sarif, runs: [{...sarif.runs[0], results: [{...sarif.runs[0].results[0], level: 'fatal'}]}]})).toBe(false);
    const [sarifRun] = sarif.runs;
    expect(sarifRun.results).toHaveLength(10);
    expect(sarifRun.results[2].locations[0].physicalLocation).toEqual({artifactLocation: {uri: 'docs/guide.md', uriBaseId: 'SRCROOT'}, region: {startLine: 9, startColumn: 3}});
    const ids = sarifRun.tool.driver.rules.map((rule: {id: string}) => rule.id);
    expect(ids).toEqual([...new Set(run.findings.map((finding) => finding.rule))].sort());
    expect(sarifRun.tool.driver.rules[ids.indexOf('links/broken-anchor')].shortDescription.text).toMatch(/anchors/);
  });

  it('writes JUnit XML with a suite per check and a failure per finding', () => {
    const xml = formatFindings({...run, version: '0.1.0'}, 'junit');
    expect(xml.match(/<testsuite /g)).toHaveLength(12);
    expect(xml.match(/<failure /g)).toHaveLength(10);
    expect(xml).toContain('<testsuite name="links" tests="4" failures="4"');
  });

  it('prints text lines as file:line:col  severity  rule  message. fix', () => {
    const text = formatFindings({...run, version: '0.1.0'}, 'text').split('\n');
    expect(text[2]).toBe('docs/guide.md:9:3  error  links/broken-link  the link to `./nowhere.md` leads to no page: there is no such Markdown file in the docs. Point it at an existing page.');
    expect(text.at(-2)).toMatch(/^5 errors, 5 warnings in \d+ pages \(checks: site, links/);
  });

  it('finds the same on a warm run, with the generated pages’ facts from the cache', async () => {
    const again = await runCheck({target});
    expect(again.findings).toEqual(run.findings);
    expect(again.pages).toBe(run.pages);
    // The scan of each generated page is kept by its bytes (plugins/check/generatedPages.ts).
    const cached = fs.readdirSync(cacheDir, {recursive: true}).map(String).filter((file) => file.endsWith('check-generated-pages.json'));
    expect(cached).toHaveLength(1);
    const entries = Object.keys(JSON.parse(fs.readFileSync(path.join(cacheDir, cached[0]!), 'utf8')).entries);
    expect(entries.length).toBeGreaterThan(0);
  }, 180_000);

  it('refuses an unknown check id as a user mistake', async () => {
    await expect(runCheck({target, only: ['linkz']})).rejects.toThrow('unknown check "linkz"');
  });
});

describe('readabilityGrade', () => {
  const plain = 'The cat sat on the mat. It was a sunny day. We went out to play.';
  it('grades short plain sentences low and long learned ones high', () => {
    expect(readabilityGrade(plain)).toBeLessThan(3);
    expect(readabilityGrade('Interoperability considerations necessitate comprehensive institutionalised verification methodologies.')).toBeGreaterThan(20);
  });

  it('leaves out front matter, code, inline code and tables', () => {
    const noisy = ['---', 'title: Institutionalisation considerations', '---', '', plain, '', '```ts', 'const internationalisationConfiguration = initialiseInternationalisation();', '```', '', '| Interoperability | Considerations |', '|---|---|', '| institutionalisation | internationalisation |', ''].join('\n');
    expect(readabilityGrade(noisy)).toBe(readabilityGrade(plain));
    expect(readabilityGrade('Use `internationalisationConfiguration` here.')).toBe(readabilityGrade('Use here.'));
  });
});

describe('the CLI', () => {
  const exec = promisify(execFile);
  const cli = (...args: string[]) =>
    exec(process.execPath, [CLI, 'check', target, ...args], {cwd: ROOT, env: {...process.env, DOCS_ARCHITECT_CACHE_DIR: cacheDir}}).then(
      ({stdout, stderr}) => ({code: 0, stdout, stderr}),
      (error: {code: number; stdout: string; stderr: string}) => ({code: error.code, stdout: error.stdout, stderr: error.stderr}),
    );

  it('exits 0 on warnings, 1 on warnings with --strict, and writes the report to --output', async () => {
    const lenient = await cli('--only', 'headings');
    expect(lenient.code).toBe(0);
    expect(lenient.stdout).toContain('docs/guide.md:15:1  warning  headings/skipped-level');
    const out = path.join(tempBase('check-out'), 'report.sarif');
    const strict = await cli('--only', 'headings', '--strict', '--format', 'sarif', '--output', out);
    expect(strict.code).toBe(1);
    expect(JSON.parse(fs.readFileSync(out, 'utf8')).runs[0].results).toHaveLength(1);
  }, 180_000);

  it('exits 1 on errors, and a wrong option is one line without a stack trace', async () => {
    const errors = await cli('--only', 'links');
    expect(errors.code).toBe(1);
    expect(errors.stdout).toMatch(/^4 errors, 0 warnings/m);
    const wrong = await cli('--format', 'xml');
    expect(wrong.code).toBe(1);
    expect(wrong.stderr.trim()).toBe('docs-architect: unknown format "xml". Use --format text, --format json, --format sarif, --format junit.');
  }, 180_000);
});
