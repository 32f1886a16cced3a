/**
 * The Quality page of a real git repository: every hand-written page graded as `check` grades it,
 * the hardest first; the coverage, freshness and readability charts, each parsed by Mermaid's own
 * parser and carrying its accessible title and description; the page compiled as Docusaurus does.
 */
import fs from 'node:fs';
import path from 'node:path';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {compileLikeDocusaurus} from '../../test/compileLikeDocusaurus';
import {makeRepo, tempBase} from '../../test/gitRepo';
import {codeReferenceGenerator} from '../code-reference/generator';
import {readabilityGrade as checkGrade} from '../check/readability';
import {findMermaidBlocks, parseDiagrams} from '../core/mermaid/check';
import {loadTargetContext} from '../core/prepareSite';
import {readabilityGrade} from '../core/readability';
import {generateSections} from '../core/site/generateSections';
import {livingDocsGenerator} from './generator';
import type {LivingDocsModel} from './model';

const base = tempBase('quality');
afterAll(() => fs.rmSync(base, {recursive: true, force: true}));

const HARD = `# Reconciliation\n\n${'Notwithstanding asynchronous idempotency guarantees, the reconciliation subsystem’s transactional consistency characteristics necessitate a comprehensive understanding of distributed serialization semantics, particularly regarding concurrency. '.repeat(8)}\n`;
const EASY = `# Start here\n\n${'Run the tool. It reads your code. Then it writes the site. You can read it now. '.repeat(12)}\n\n\`\`\`js\nconst unreadableIdentifierWithManySyllables = characterizationOfInternationalization();\n\`\`\`\n`;
const PAGES: Record<string, string> = {
  'docs/hard.md': HARD,
  'docs/easy.md': EASY,
  'docs/short.mdx': '# Short\n\nA few words. <Tabs>Interoperability considerations.</Tabs>\n',
  'docs/covered.md': '---\ncovers: ["src/b.ts"]\n---\n# Module B\n\nWhat b does.\n',
};

let model: LivingDocsModel;
let page: string;

beforeAll(async () => {
  const repo = makeRepo(path.join(base, 'repo'));
  repo.commit('old page', {date: '2022-01-01T00:00:00Z', files: {'docs/old.md': '# Old\n\nWritten long ago.\n'}});
  repo.commit('code and pages', {
    date: '2024-01-01T00:00:00Z',
    files: {
      'package.json': JSON.stringify({name: 'pay', version: '1.0.0', exports: {'.': './src/a.ts', './b': './src/b.ts'}}),
      'src/a.ts': '/** Adds. */\nexport function add(n: number) {\n  return n;\n}\n',
      'src/b.ts': 'export function sub(n: number) {\n  return -n;\n}\nexport const TWO = 2;\n',
      ...PAGES,
    },
  });
  repo.commit('b moves on', {date: '2024-02-01T00:00:00Z', files: {'src/b.ts': 'export function sub(n: number) {\n  return 0 - n;\n}\nexport const TWO = 2;\n'}});
  const context = await loadTargetContext({siteDir: path.join(base, 'site'), target: repo.dir});
  const {generated} = await generateSections(context, [codeReferenceGenerator as never, livingDocsGenerator as never], []);
  const quality = generated.find(({section}) => section.id === 'quality')!.section;
  model = quality.model as unknown as LivingDocsModel;
  page = quality.files.get('index.mdx') as string;
}, 90_000);

describe('readability on the Quality page', () => {
  it('grades every hand-written page with the grade the check command gives', () => {
    expect(model.grades.map((graded) => graded.file)).toEqual(['docs/covered.md', 'docs/easy.md', 'docs/hard.md', 'docs/old.md', 'docs/short.mdx']);
    const hard = model.grades.find((graded) => graded.file === 'docs/hard.md')!;
    const easy = model.grades.find((graded) => graded.file === 'docs/easy.md')!;
    expect(hard.grade).toBe(readabilityGrade(HARD));
    expect(hard.grade).toBe(checkGrade(HARD));
    expect(hard.grade).toBeGreaterThan(14);
    expect(hard.words).toBeGreaterThanOrEqual(150);
    // The code block's long words are not prose: the easy page stays easy.
    expect(easy.grade).toBe(readabilityGrade(EASY));
    expect(easy.grade).toBeLessThan(4);
    // The MDX page's JSX is left out of its prose, as `check` leaves it out.
    expect(model.grades.find((graded) => graded.file === 'docs/short.mdx')!.words).toBe(3);
    expect(model.thresholds).toMatchObject({maxGrade: 14, minWords: 150});
  });

  it('lists the hardest page first, the page over the limit in bold, and short pages last', () => {
    const section = page.slice(page.indexOf('## Readability'));
    const rows = section.split('\n').filter((line) => /^\| \[?`docs\//.test(line));
    expect(rows).toHaveLength(5);
    expect(rows.map((row) => /`(docs\/[^`]+)`/.exec(row)![1])).toEqual(['docs/hard.md', 'docs/easy.md', 'docs/covered.md', 'docs/old.md', 'docs/short.mdx']);
    expect(rows[0]).toContain(`**${model.grades.find((graded) => graded.file === 'docs/hard.md')!.grade.toFixed(1)}**`);
    expect(rows[0]).toContain('| very hard |');
    expect(rows[1]).toContain('| very readable |');
    expect(rows[4]).toContain('too short to grade');
    expect(section).toContain('**1 page is above the limit of 14**');
  });

  it('draws coverage per module, pages by freshness and the hardest pages, each parsed by Mermaid', async () => {
    const blocks = findMermaidBlocks(page);
    expect(blocks).toHaveLength(3);
    expect(blocks.map((block) => block.text.split('\n').find((line) => /^(xychart-beta|pie)/.test(line)))).toEqual(['xychart-beta horizontal', 'pie showData', 'xychart-beta horizontal']);
    for (const block of blocks) {
      expect(block.text).toMatch(/^ {2}accTitle: \S/m);
      expect(block.text).toMatch(/^ {2}accDescr: \S/m);
    }
    expect(await parseDiagrams(blocks.map((block) => block.text))).toEqual([undefined, undefined, undefined]);
    // Module b: 0 of 2 documented, lowest first, under the goal line of 50%.
    expect(blocks[0]!.text).toContain('bar [0, 100]');
    expect(blocks[0]!.text).toContain('line [50, 50]');
    // covered.md drifted (b moved on), old.md is past a year, the other three are up to date.
    expect(blocks[1]!.text).toContain('"Up to date" : 3\n  "Code changed since" : 1\n  "Due for review" : 1');
    expect(blocks[2]!.text).toContain('line [14, 14]');
    expect(blocks[1]!.text).toContain("accDescr: Of 5 hand-written pages, 3 are up to date, 1 covers code that changed since it was last edited, and 1 is due for review.");
    expect(page).toContain("No hand-written page cites the code with a citation component.");
  });

  it('compiles as Docusaurus compiles it', async () => {
    if (process.env.DUMP_QUALITY) fs.writeFileSync(process.env.DUMP_QUALITY, page);
    await compileLikeDocusaurus(page);
  });
});
