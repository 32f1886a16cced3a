/**
 * Real packages, generated and compiled: rxjs and effect from their npm sources, every page through
 * MDX 3 with GFM and directives, as Docusaurus parses it (zod is built with Docusaurus in full by
 * e2e/code-reference.spec.ts). No warning but for the marble diagrams (`![](audit.svg)`) and the
 * few site links in rxjs's doc comments, whose files its npm sources do not include; no page that
 * does not compile.
 */
import fs from 'node:fs';
import path from 'node:path';
import {compileLikeDocusaurus} from './compileLikeDocusaurus';
import {afterAll, describe, expect, it} from 'vitest';
import {formatReport} from '../plugins/core/report';
import {generateCodeReference} from '../plugins/code-reference/generator';
import {contextFor, tempDir} from './codeReferenceTargets';

const MODULES = path.join(__dirname, '..', 'node_modules');
const dirs: string[] = [];
afterAll(() => {
  for (const dir of dirs) fs.rmSync(dir, {recursive: true, force: true});
});

async function generate(name: string) {
  const target = tempDir(`pkg-${name}`);
  const site = tempDir(`pkg-site-${name}`);
  dirs.push(target, site);
  fs.cpSync(path.join(MODULES, name, 'src'), path.join(target, 'src'), {recursive: true});
  fs.copyFileSync(path.join(MODULES, name, 'package.json'), path.join(target, 'package.json'));
  const context = await contextFor(target, site);
  const result = await generateCodeReference(context, {cache: false});
  return {result: result!, warnings: formatReport(context.report)};
}

async function compileAll(files: Map<string, string>): Promise<string[]> {
  const failures: string[] = [];
  for (const [file, mdx] of files) {
    try {
      await compileLikeDocusaurus(mdx);
    } catch (error) {
      failures.push(`${file}: ${(error as Error).message}`);
    }
  }
  return failures;
}

const MISSING_FILE = /^warning: \S+: doc comment of \S+: (image|link) "[^"]+" names \S+, which the repository does not have; it is shown as text\./;

describe.each([
  ['rxjs', 200, 6, 20],
  ['effect', 5000, 300, 0],
])('%s', (name, minSymbols, minPages, minMissingFiles) => {
  it(`generates without other warnings than images and links to missing files, and every page compiles as MDX`, async () => {
    const {result, warnings} = await generate(name);
    const lines = warnings ? warnings.split('\n') : [];
    expect(lines.filter((line) => !MISSING_FILE.test(line))).toEqual([]);
    expect(lines.length).toBeGreaterThanOrEqual(minMissingFiles);
    if (minMissingFiles === 0) expect(lines).toEqual([]);
    expect(result.stats.symbols).toBeGreaterThan(minSymbols);
    expect(result.files.size).toBeGreaterThan(minPages);
    expect(await compileAll(result.files)).toEqual([]);
  }, 1_200_000);
});
