/**
 * The generators' two steps, for the whole site: every extract first, then the registry takes each
 * section's id and the link index is built from the models, then every render, which can read any
 * section's model and link into it (docs/adr/0030).
 */
import type {ExtractedSection, GeneratedSection, SectionGenerator, TargetContext} from '../types';
import {createRegistry, type Registry, type ReservedRoute} from './registry';
import {createProgress, type Progress} from '../progress';
import {sectionCounts} from '../sectionCounts';

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
  const extracted: {generator: SectionGenerator; section: ExtractedSection}[] = [];
  // How long each generator's extract took, shown on its section's line when it made one section.
  const extractMs = new Map<SectionGenerator, {ms: number; sections: number}>();
  for (const generator of generators) {
    const started = performance.now();
    const result = await progress.phase(`${generator.id}: reading`, () => generator.extract(context), (found) => `${sectionList(found).length} sections`, {
      // Shown when several sections (one per API description) share its time; one section's line
      // carries it, and a generator with nothing to document is not news.
      verbose: (found) => sectionList(found).length <= 1,
      kind: generator.id,
    });
    const list = sectionList(result);
    extractMs.set(generator, {ms: performance.now() - started, sections: list.length});
    for (const section of list) extracted.push({generator, section});
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
  const generated: Generated[] = [];
  for (const {generator, section} of extracted) {
    const extract = extractMs.get(generator);
    const rendered = await progress.phase(section.title, () => generator.render(section, site), (done) => sectionCounts({model: section.model, files: done.files}), {
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
