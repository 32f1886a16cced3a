/**
 * Each generator's declared inputs (SectionInputs, docs/adr/0058) cover what its extract and render
 * really read: a warm `check` reuses a section whose declared inputs did not change, so an input
 * left out would give a stale section, and wrong link results, with no error. Every file system
 * call on a path inside the target, and every field of the context, config and inventory, is
 * recorded while each generator runs on real targets; each must be covered by its declaration.
 */
import fs from 'node:fs';
import path from 'node:path';
import {beforeAll, describe, expect, it} from 'vitest';
import {siteParts} from '../../../docusaurus.config';
import {makeRepo, tempBase} from '../../../test/gitRepo';
import {emptyReads, tracedContext, tracedGenerator, withFsTrace, type Reads} from '../../../test/traceInputs';
import {FIXTURE_FILES} from '../../check/testing/checkFixture';
import {makeOperationsTarget} from '../../operations/fixtureTarget';
import {loadTargetContext} from '../targetContext';
import type {SectionGenerator, SectionInputs, TargetContext} from '../types';
import {generateSections} from './generateSections';
import {inputMatcher} from './sectionKeys';

const PACKAGE_DIR = path.resolve(__dirname, '..', '..', '..');
/** Context fields every section's key holds (sectionKeys.ts), or that are no input (the report, the work folder). */
const COMMON = new Set(['root', 'configFile', 'project', 'links', 'ref', 'strict', 'report', 'siteDir', 'config', 'inventory']);
/** Calls that only ask whether a path is there, which the list of the target's files answers. */
const PROBES = new Set(['statSync', 'existsSync', 'lstatSync', 'accessSync', 'realpathSync', 'stat', 'lstat', 'access', 'realpath', 'promises.stat', 'promises.lstat', 'promises.access', 'promises.realpath']);

interface Traced {
  context: TargetContext;
  reads: Map<string, Reads>;
}

/** Every generator on `target`, traced; a first untraced pass loads the modules they import lazily. */
async function trace(target: string): Promise<Traced> {
  const warmUp = await loadTargetContext({siteDir: tempBase('inputs-warm-up'), target});
  await generateSections(warmUp, siteParts.generators, siteParts.reservedRoutes);
  const context = await loadTargetContext({siteDir: tempBase('inputs-traced'), target});
  const reads = new Map<string, Reads>();
  const generators = siteParts.generators.map((generator) => {
    const recorded = emptyReads();
    reads.set(generator.id, recorded);
    return tracedGenerator(generator, context.root, recorded);
  });
  await withFsTrace(() => generateSections(tracedContext(context), generators, siteParts.reservedRoutes));
  return {context, reads};
}

/** What `reads` has that `inputs` does not cover, one line each. */
export function uncovered(inputs: SectionInputs | undefined, reads: Reads, context: TargetContext): string[] {
  if (!inputs) return ['no inputs declared'];
  const matches = inputMatcher(inputs.files);
  const listed = new Set(context.inventory.files);
  const lists = inputs.inventory?.includes('files') ?? false;
  const problems: string[] = [];
  for (const [file, calls] of reads.files) {
    const how = [...calls].sort().join(',');
    if (/(^|\/)node_modules(\/|$)/.test(file)) {
      if (!inputs.packages) problems.push(`${file} (${how}): in node_modules, needs packages`);
    } else if (file === '.git' || file.startsWith('.git/')) {
      if (!inputs.history) problems.push(`${file} (${how}): needs history`);
    } else if (listed.has(file)) {
      if (lists && [...calls].every((call) => PROBES.has(call))) continue;
      if (!matches(file)) problems.push(`${file} (${how}): no pattern of files matches it`);
    } else if (fs.statSync(path.join(context.root, file), {throwIfNoEntry: false})?.isFile()) {
      problems.push(`${file} (${how}): a file the inventory leaves out`);
    } else if (!lists) {
      // A folder listed or a missing file probed: what it finds changes with the list of files.
      problems.push(`${file || '.'} (${how}): a folder or a missing file, needs inventory files`);
    }
  }
  for (const key of reads.config) if (!(inputs.config as string[] | undefined)?.includes(key)) problems.push(`config.${key}`);
  for (const field of reads.inventory) if (!(inputs.inventory as string[] | undefined)?.includes(field)) problems.push(`inventory.${field}`);
  for (const field of reads.context) {
    if (field === 'history' || field === 'git') {
      if (!inputs.history) problems.push(`context.${field}: needs history`);
    } else if (!COMMON.has(field)) problems.push(`context.${field}`);
  }
  return problems;
}

function check(traced: Traced, generator: SectionGenerator): string[] {
  return uncovered(generator.inputs?.(traced.context), traced.reads.get(generator.id)!, traced.context);
}

const targets: Record<string, () => string> = {
  'this repository': () => PACKAGE_DIR,
  'examples/sample-service': () => path.join(PACKAGE_DIR, 'examples', 'sample-service'),
  'the check fixture': () => {
    const repo = makeRepo(path.join(tempBase('inputs-check'), 'target'));
    repo.commit('a target', {files: FIXTURE_FILES});
    return repo.dir;
  },
  'the operations fixture': () => makeOperationsTarget(path.join(tempBase('inputs-operations'), 'target')).dir,
  'the Python fixture': () => {
    const dir = path.join(tempBase('inputs-python'), 'target');
    fs.cpSync(path.join(PACKAGE_DIR, 'test', 'fixtures', 'python', 'heroes'), dir, {recursive: true});
    makeRepo(dir).commit('fixture');
    return dir;
  },
};

beforeAll(() => {
  process.env.DOCS_PROGRESS = 'quiet';
});

describe.each(Object.keys(targets))('on %s, each generator declares what it reads', (name) => {
  let traced: Traced;
  beforeAll(async () => {
    traced = await trace(targets[name]!());
  }, 600_000);

  it.each(siteParts.generators.map((generator) => generator.id))('%s', (id) => {
    const generator = siteParts.generators.find((candidate) => candidate.id === id)!;
    expect(check(traced, generator)).toEqual([]);
  });

  if (name === 'this repository') {
    it('and the test sees a declaration taken away', () => {
      const without = (id: string, change: (inputs: SectionInputs) => SectionInputs) => {
        const generator = siteParts.generators.find((candidate) => candidate.id === id)!;
        return uncovered(change(generator.inputs!(traced.context)), traced.reads.get(id)!, traced.context);
      };
      // Every generator read something on this repository: an empty declaration misses it.
      const generators = siteParts.generators.filter((generator) => traced.reads.get(generator.id)!.context.size > 0);
      expect(generators).toHaveLength(siteParts.generators.length);
      // The decision records, the history, a config key, the TypeScript sources, the inventory's list.
      const history = without('history', (inputs) => ({...inputs, files: inputs.files.filter((pattern) => pattern !== '/docs/adr/')}));
      expect(history.filter((line) => line.startsWith('docs/adr/')).length).toBeGreaterThan(40);
      expect(without('history', (inputs) => ({...inputs, history: false}))).toContain('context.history: needs history');
      expect(without('living-docs', (inputs) => ({...inputs, config: ['check', 'docsPath']}))).toEqual(['config.livingDocs']);
      expect(without('api', (inputs) => ({...inputs, files: inputs.files.filter((pattern) => pattern !== '*.ts')})).filter((line) => line.startsWith('plugins/core/types.ts '))).toHaveLength(1);
      expect(without('application', (inputs) => ({...inputs, inventory: ['packages']}))).toContain('inventory.files');
    });
  }
});
