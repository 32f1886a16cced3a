/**
 * A module page of the code reference shows what the rest of the site knows about its source: the
 * owners from the history section (shared through core, docs/adr/0047) and the date, author and
 * commit of its last change. Real git, real generators, no Docusaurus.
 */
import fs from 'node:fs';
import path from 'node:path';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {FIXTURES, contextFor, copyTarget, tempDir} from '../../test/codeReferenceTargets';
import {compileLikeDocusaurus} from '../../test/compileLikeDocusaurus';
import {makeRepo} from '../../test/gitRepo';
import {generateAlone, generateSections} from '../core/site/generateSections';
import type {TargetContext} from '../core/types';
import {historyGenerator} from '../git-history/generator';
import {codeReferenceGenerator} from './generator';

const dirs: string[] = [];
afterAll(() => {
  for (const dir of dirs) fs.rmSync(dir, {recursive: true, force: true});
});

let context: TargetContext;
let pages: Map<string, string>;
let sha: string;

beforeAll(async () => {
  const target = copyTarget(path.join(FIXTURES, 'sample'), {git: true});
  const site = tempDir('coderef-facts-site');
  dirs.push(target, site);
  const repo = makeRepo(target);
  repo.commit('docs: codeowners', {author: 'Grace Hopper <grace@example.com>', date: '2024-03-01T10:00:00Z', files: {'.github/CODEOWNERS': '/src/ @acme/shapes-team\n'}});
  sha = repo.commit('fix: hostile names', {
    author: 'Ada Lovelace <ada@example.com>',
    date: '2024-05-02T09:30:00Z',
    files: {'src/hostile.ts': `${fs.readFileSync(path.join(target, 'src/hostile.ts'), 'utf8')}\n// touched\n`},
  });
  context = await contextFor(target, site);
  const {generated} = await generateSections(context, [historyGenerator, codeReferenceGenerator], []);
  expect(generated.map(({section}) => section.id)).toEqual(['history', 'api']);
  pages = generated[1]!.section.files;
});

/** The paragraph under a page's title that names owners and the last change. */
function factsOf(page: string): string {
  const line = page.split('\n').find((text) => text.startsWith('Owners of') || text.startsWith('Last changed'));
  if (!line) throw new Error(`no facts line in:\n${page.slice(0, 600)}`);
  return line;
}

describe('code reference module pages', () => {
  it('name the owners of the folder and the last change of the module file, linked to its commit', () => {
    const hostile = pages.get('acme/shapes/hostile.mdx')!;
    expect(hostile).toBeDefined();
    expect(factsOf(hostile)).toBe(
      // Test wrote the fixture's lines, so Test comes first; Ada changed the file last.
      `Owners of \`src/\`: @acme/shapes-team (CODEOWNERS); most changes recently by Test, Ada Lovelace. Last changed on [2024-05-02](https://github.com/acme/shapes/commit/${sha}) by Ada Lovelace.`,
    );
    // Docusaurus's own "Last updated" line gets the source's change, not the generated file's.
    expect(hostile).toMatch(/last_update:\n\s+date: "2024-05-02T09:30:00[^"]*"\n\s+author: "Ada Lovelace"/);
  });

  it('give each module its own file\'s last change, and a namespace the files of its symbols', () => {
    const withFacts = [...pages].filter(([, page]) => /^(Owners of|Last changed)/m.test(page));
    // Two modules and one namespace: three pages, all with the line.
    expect(withFacts.map(([file]) => file).sort()).toEqual(['acme/shapes/geometry.mdx', 'acme/shapes/hostile.mdx', 'acme/shapes/index.mdx'].sort());
    expect(factsOf(pages.get('acme/shapes/index.mdx')!)).toMatch(/Last changed on \[2024-01-01\]\(.*\) by Test\.$/);
    expect(factsOf(pages.get('acme/shapes/geometry.mdx')!)).toMatch(/Last changed on \[2024-01-01\]/);
  });

  it('compile as MDX with the line', async () => {
    await expect(compileLikeDocusaurus(pages.get('acme/shapes/hostile.mdx')!)).resolves.toBeDefined();
  });

  it('without a history section still show the last change, and no owners', async () => {
    const [alone] = await generateAlone(codeReferenceGenerator, context);
    const line = factsOf(alone!.files.get('acme/shapes/hostile.mdx')!);
    expect(line).toMatch(/^Last changed on \[2024-05-02\]/);
    expect(line).not.toContain('Owners');
  });
});
