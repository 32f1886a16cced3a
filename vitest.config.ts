import {defineConfig} from 'vitest/config';
import {BaseSequencer, type TestSpecification} from 'vitest/node';

/**
 * Files that take over 10 s each (measured in CI, docs/adr/0048). Without a cache of earlier runs
 * (a fresh clone) vitest starts the largest files first, and these are small files: started last,
 * the longest of them ran alone on one core for a minute and a half at the end of the run.
 */
const SLOW_FILES = [
  'test/code-reference-packages.test.ts',
  'plugins/check/check.test.ts',
  'plugins/core/site/siteModel.test.ts',
  'plugins/openapi/oasExamples.test.ts',
  'test/code-reference-fidelity.test.ts',
];

class SlowFilesFirst extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const sorted = await super.sort(files);
    const rank = (spec: TestSpecification) => {
      const index = SLOW_FILES.findIndex((file) => spec.moduleId.endsWith(`/${file}`));
      return index === -1 ? SLOW_FILES.length : index;
    };
    // Array.prototype.sort is stable: the other files keep vitest's order.
    return sorted.sort((a, b) => rank(a) - rank(b));
  }
}

export default defineConfig({
  test: {
    include: ['plugins/**/*.test.ts', 'test/**/*.test.ts'],
    testTimeout: 60_000,
    pool: 'forks',
    // vitest's default is one worker less than the cores: on CI's two cores, one worker, one core idle.
    maxWorkers: 2,
    sequence: {sequencer: SlowFilesFirst},
  },
});
