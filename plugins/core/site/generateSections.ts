/**
 * The generators' two steps, for the whole site: every extract first, then the registry takes each
 * section's id and the link index is built from the models, then every render, which can read any
 * section's model and link into it (docs/adr/0030).
 */
import type {ExtractedSection, GeneratedSection, SectionGenerator, TargetContext} from '../types';
import {createRegistry, type Registry, type ReservedRoute} from './registry';

export interface Generated {
  generator: SectionGenerator;
  section: GeneratedSection;
}

export async function generateSections(
  context: TargetContext,
  generators: SectionGenerator[],
  reserved: ReservedRoute[],
): Promise<{generated: Generated[]; registry: Registry}> {
  const extracted: {generator: SectionGenerator; section: ExtractedSection}[] = [];
  for (const generator of generators) {
    const result = await generator.extract(context);
    const list = result === undefined ? [] : Array.isArray(result) ? result : [result];
    for (const section of list) extracted.push({generator, section});
  }

  const registry = createRegistry(context, reserved);
  // Ids a generator fixes are taken before ids from the config, so a clash names the config key.
  const claimOrder = [...extracted].sort((a, b) => Number(Boolean(a.section.idKey)) - Number(Boolean(b.section.idKey)));
  for (const {generator, section} of claimOrder) registry.claim(section, generator.id);
  for (const {generator, section} of extracted) {
    registry.add(section.id, [{kind: 'section', key: section.id, url: `/${section.id}/`, title: section.title}, ...(generator.index?.(section) ?? [])]);
  }

  const site = registry.view(extracted.map(({section}) => section));
  const generated: Generated[] = [];
  for (const {generator, section} of extracted) {
    const rendered = await generator.render(section, site);
    if (rendered.files.size === 0) continue;
    generated.push({generator, section: {...section, ...rendered}});
  }
  return {generated, registry};
}

/** One generator on its own, for tests and benchmarks: its sections with files, without the rest of the site. */
export async function generateAlone<Model extends ExtractedSection['model']>(
  generator: SectionGenerator<Model>,
  context: TargetContext,
): Promise<GeneratedSection<Model>[]> {
  const {generated} = await generateSections(context, [generator as unknown as SectionGenerator], []);
  return generated.map(({section}) => section as GeneratedSection<Model>);
}
