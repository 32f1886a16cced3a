/**
 * The lint-style checks report lines of the author's own file, not of the staged copy Docusaurus
 * reads: staging adds front matter lines (the living docs' drift key, a README's sidebar position)
 * at the top of a page, which moved every later line of the staged copy (docs/adr/0049).
 */
import fs from 'node:fs';
import path from 'node:path';
import {beforeAll, describe, expect, it} from 'vitest';
import {makeRepo, tempBase} from '../../test/gitRepo';
import {runCheck, type CheckRun} from './run';

/** One of each finding the lint-style checks make, at known lines of the author's file. */
const BODY = ['', '# Drifted', '', '## Setup', '', '#### Too deep', '', 'Hey guys, read this.', '', '![](diagram.png)', '', '```mermaid', 'flowchart LR', '  a --> b -->', '```', ''];

let run: CheckRun;
let staged: {drifted: string; readme: string};

beforeAll(async () => {
  process.env.DOCS_ARCHITECT_CACHE_DIR = tempBase('check-lines-cache');
  process.env.DOCS_PROGRESS = 'quiet';
  const repo = makeRepo(path.join(tempBase('check-lines'), 'target'));
  repo.commit('docs and code', {
    date: '2024-01-01T00:00:00Z',
    files: {
      'package.json': `${JSON.stringify({name: 'lines', version: '1.0.0'}, null, 2)}\n`,
      'src/index.ts': '/** One. */\nexport const one = 1;\n',
      // Covers src/: the commit below makes it drift, so staging adds the drift key to its front matter.
      'docs/drifted.md': ['---', 'title: Drifted', 'covers: ["src/**"]', 'sidebar_postion: 2', '---', ...BODY].join('\n'),
      'docs/diagram.png': 'not a PNG',
      // No front matter: staging gives the README a block of its own (its sidebar position), four lines.
      'README.md': BODY.slice(1).join('\n'),
    },
  });
  repo.commit('code moves on', {date: '2024-03-01T00:00:00Z', files: {'src/index.ts': '/** One. */\nexport const one = 2;\n'}});
  run = await runCheck({target: repo.dir, only: ['headings', 'images', 'inclusive', 'mermaid', 'front-matter', 'readability']});
  // The staged copies, in the check's own build folder under the cache folder.
  const cache = process.env.DOCS_ARCHITECT_CACHE_DIR;
  const files = fs.readdirSync(cache, {recursive: true}).map(String).filter((file) => file.split(path.sep).includes('authored'));
  const read = (name: string) => fs.readFileSync(path.join(cache, files.find((file) => file.endsWith(name))!), 'utf8');
  staged = {drifted: read(path.join('docs', 'drifted.md')), readme: read('README.md')};
}, 180_000);

describe('check findings on staged pages', () => {
  it('stages both pages with lines the author did not write', () => {
    // Without these, the test would prove nothing: the staged lines must differ from the author's.
    expect(staged.drifted).toContain('docs_architect_drift:');
    expect(staged.readme.startsWith('---\nsidebar_position: -1\n---\n')).toBe(true);
  });

  it('reports headings, images, inclusive language, Mermaid and front matter at the author’s lines', () => {
    const where = run.findings.map((finding) => `${finding.file}:${finding.line} ${finding.rule}`);
    expect(where).toEqual([
      'docs/drifted.md:4 front-matter/unknown-key',
      'docs/drifted.md:11 headings/skipped-level',
      'docs/drifted.md:13 inclusive/gals-man',
      'docs/drifted.md:15 images/missing-alt',
      'docs/drifted.md:17 mermaid/syntax',
      'README.md:5 headings/skipped-level',
      'README.md:7 inclusive/gals-man',
      'README.md:9 images/missing-alt',
      'README.md:11 mermaid/syntax',
    ]);
  });
});
