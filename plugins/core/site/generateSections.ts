/**
 * The generators' two steps, for the whole site: every extract first, then the registry takes each
 * section's id and the link index is built from the models, then every render, which can read any
 * section's model and link into it (docs/adr/0030).
 */
import type {ExtractedSection, GeneratedSection, SectionGenerator, TargetContext} from '../types';
import {createRegistry, type Registry, type ReservedRoute} from './registry';
import {createProgress, type Progress} from '../progress';
import {sectionCounts} from '../sectionCounts';
import {hashContent} from '../contentCache';
import {runStoreOpen} from '../runStore';
import {createSectionKeys} from './sectionKeys';
import {keptWork, lastSectionRun, SECTION_EXTRACTS_STORE, SECTION_RENDERS_STORE} from './sectionStore';

export interface Generated {
  generator: SectionGenerator;
  section: GeneratedSection;
}

export async function generateSections(
  context: TargetContext,
  generators: SectionGenerator[],
  reserved: ReservedRoute[],
  progress: Progress = createProgress({level: 'quiet'}),
): Promise<{generated: Generated[]; registry: Registry}> {
  const extracted: {generator: SectionGenerator; section: ExtractedSection; key?: string}[] = [];
  // In `check`, a section whose declared inputs did not change is neither extracted nor rendered (docs/adr/0058).
  const keys = createSectionKeys(context);
  lastSectionRun.extracted = [];
  lastSectionRun.rendered = [];
  lastSectionRun.keyMs = 0;
  // How long each generator's extract took, shown on its section's line when it made one section.
  const extractMs = new Map<SectionGenerator, {ms: number; sections: number}>();
  for (const generator of generators) {
    const started = performance.now();
    // Hashing the inputs is for the store: a build or `start` (no store open) skips it.
    const key = runStoreOpen() ? keys.extractKey(generator) : undefined;
    lastSectionRun.keyMs += performance.now() - started;
    const extract = async () => {
      lastSectionRun.extracted.push(generator.id);
      return generator.extract(context);
    };
    const result = await progress.phase(`${generator.id}: reading`, () => keptWork(SECTION_EXTRACTS_STORE.name, key, context.report, extract), (found) => `${sectionList(found).length} sections`, {
      // Shown when several sections (one per API description) share its time; one section's line
      // carries it, and a generator with nothing to document is not news.
      verbose: (found) => sectionList(found).length <= 1,
      kind: generator.id,
    });
    const list = sectionList(result);
    extractMs.set(generator, {ms: performance.now() - started, sections: list.length});
    list.forEach((section, index) => extracted.push({generator, section, key: key && `${key}:${index}`}));
  }

  const registry = createRegistry(context, reserved);
  // Ids a generator fixes are taken before ids from the config, so a clash names the config key.
  const claimOrder = [...extracted].sort((a, b) => Number(Boolean(a.section.idKey)) - Number(Boolean(b.section.idKey)));
  for (const {generator, section} of claimOrder) registry.claim(section, generator.id);
  for (const {generator, section} of extracted) {
    registry.add(section.id, [{kind: 'section', key: section.id, url: `/${section.id}/`, title: section.title}, ...(generator.index?.(section) ?? [])]);
    const facts = generator.share?.(section);
    if (facts) registry.share(facts);
  }

  const site = registry.view(extracted.map(({section}) => section));
  // A render reads its model and the site view, which every extract's key decides (and the
  // reserved routes): with all of them unchanged, a section's files are too.
  const siteKey = extracted.every(({key}) => key) ? hashContent(JSON.stringify(reserved), ...extracted.map(({key}) => key!)) : undefined;
  const generated: Generated[] = [];
  for (const {generator, section, key} of extracted) {
    const extract = extractMs.get(generator);
    const render = async () => {
      lastSectionRun.rendered.push(section.id);
      return generator.render(section, site);
    };
    const renderKey = key && siteKey ? `${key}:${siteKey.slice(0, 40)}` : undefined;
    const rendered = await progress.phase(section.title, () => keptWork(SECTION_RENDERS_STORE.name, renderKey, context.report, render), (done) => sectionCounts({model: section.model, files: done.files}), {
      kind: generator.id,
      // One section from its generator: its line counts the reading too.
      extraMs: extract?.sections === 1 ? extract.ms : 0,
    });
    if (rendered.files.size === 0) continue;
    generated.push({generator, section: {...section, ...rendered}});
  }
  return {generated, registry};
}

function sectionList<T>(result: T | T[] | undefined): T[] {
  return result === undefined ? [] : Array.isArray(result) ? result : [result];
}

/** One generator on its own, for tests and benchmarks: its sections with files, without the rest of the site. */
export async function generateAlone<Model extends ExtractedSection['model']>(
  generator: SectionGenerator<Model>,
  context: TargetContext,
): Promise<GeneratedSection<Model>[]> {
  const {generated} = await generateSections(context, [generator as unknown as SectionGenerator], []);
  return generated.map(({section}) => section as GeneratedSection<Model>);
}
