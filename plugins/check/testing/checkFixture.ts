/**
 * A small target repository for the check command's tests: one page per kind of finding, next to
 * pages that must pass, in a real git repository (so the history section and dates are real).
 */
import path from 'node:path';
import {makeRepo, tempBase} from '../../../test/gitRepo';

/** A paragraph that reads far above grade 14: long sentences of long words. */
const DENSE = Array.from({length: 8}, () =>
  'Notwithstanding considerable organisational heterogeneity, interoperability considerations necessitate comprehensive documentation infrastructure, institutionalising systematic verification methodologies alongside authoritative configuration specifications, particularly regarding asynchronous internationalisation responsibilities and administrative accountability arrangements',
).join('. ') + '.';

export const FIXTURE_FILES: Record<string, string> = {
  'package.json': `${JSON.stringify({name: 'check-fixture', version: '1.0.0', types: 'src/index.ts'}, null, 2)}\n`,
  'src/index.ts': '/** Creates a charge. */\nexport function createCharge(amount: number): number {\n  return amount;\n}\n',
  'docs/intro.md': [
    '---',
    'title: Introduction',
    'sidebar_position: 1',
    '---',
    '',
    '# Introduction',
    '',
    'Read the [guide](./guide.md#setting-up) and the [code](/api/check-fixture/#createCharge).',
    '',
    '## Next steps',
    '',
    'See [the start](#next-steps).',
    '',
  ].join('\n'),
  'docs/guide.md': [
    '---',
    'title: Guide',
    '---',
    '',
    '# Guide',
    '',
    '## Setting up',
    '',
    'A [missing page](./nowhere.md) and a [missing anchor](./intro.md#no-such-heading).',
    '',
    'A [missing symbol page](/api/nothing/), a [missing symbol](/api/check-fixture/#createCharges) and the [landing page](/).',
    '',
    'Some\ttabbed text.',
    '',
    '#### Too deep',
    '',
    '![](diagram.png)',
    '',
    'Hey guys, this guide is for everyone.',
    '',
  ].join('\n'),
  'docs/diagram.png': 'not really a PNG',
  'docs/flow.md': ['# Flow', '', '```mermaid', 'flowchart LR', '  a --> b -->', '```', ''].join('\n'),
  'docs/dense.md': ['---', 'title: Dense', '---', '', '# Dense', '', DENSE, ''].join('\n'),
};

export function makeCheckFixture(): string {
  const repo = makeRepo(path.join(tempBase('check'), 'target'));
  repo.commit('docs: a target to check', {files: FIXTURE_FILES});
  return repo.dir;
}
