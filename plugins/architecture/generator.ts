import path from 'node:path';
import type {SectionGenerator} from '../core/types';
import {lastUpdateFrontMatter} from '../core/history';
import type {ArchitectureModel} from './model';
import {entityLinkKey} from './render/renderEntities';
import {DATA_FILES, MANIFEST_FILES, SOURCE_FILES} from '../core/site/inputPatterns';

/** Said on the landing page when there is nothing to draw. */
export const NO_ARCHITECTURE = 'No compose or Kubernetes files, workspace packages, imports between source files or data model schemas: no Architecture section.';

/**
 * The "Architecture" section (docs/adr/0036): C4 context and containers, dependency graphs and data
 * models, each a Mermaid diagram with a table beside it. No section when the target declares none of these.
 */
export const architectureGenerator: SectionGenerator<ArchitectureModel> = {
  id: 'architecture',
  absent: NO_ARCHITECTURE,
  inputs: () => ({files: [...SOURCE_FILES, ...MANIFEST_FILES, ...DATA_FILES, 'go.mod', 'Dockerfile*', '.env*', '*.env', '*.prisma', '*.sql'], inventory: ['composeFiles', 'files', 'tsconfigs', 'envFiles', 'packages'], config: ['baseUrl'], history: true}),
  async extract(context) {
    const {extractArchitecture} = await import('./extract/extractArchitecture');
    const model = await extractArchitecture(context);
    const worthDrawing = model.relations.length > 0 || model.elements.length > 1 || (model.dependencies?.imports ?? 0) > 0 || model.entities.length > 0 || context.inventory.composeFiles.length > 0;
    if (!worthDrawing) return undefined;
    const sources = [...new Set([...model.elements.flatMap((e) => e.sources.map((s) => s.file)), ...model.entities.map((e) => e.source.file)])].sort();
    return {
      id: 'architecture',
      title: 'Architecture',
      description: 'Containers, dependency graphs and data models, drawn from the repository\u2019s files.',
      model,
      watch: sources.map((file) => path.join(context.root, file)),
    };
  },
  index(section) {
    // Each entity by `<file>#<Name>`: the code reference (TypeScript or Python) links a model class to its ER page.
    return section.model.entities.map((entity) => ({kind: 'entity', key: entityLinkKey(entity), url: `/${section.id}/data/${entity.key}/`, title: entity.name}));
  },
  async render(section, site) {
    const {renderArchitecture} = await import('./render/renderArchitecture');
    const sources = [...new Set(section.model.elements.flatMap((e) => e.sources.map((s) => s.file)))];
    const lastUpdate = lastUpdateFrontMatter(site.context.history, sources);
    return {files: renderArchitecture({site, id: section.id, lastUpdate}, section.model)};
  },
};
