/** The Architecture section's files: the overview with the C4 diagrams, element pages, graphs, data models. */
import type {RootContent} from 'mdast';
import {code, heading, link, list, paragraph, table, inlineCode} from '../../core/mdx/build';
import type {ArchitectureModel} from '../model';
import {page, route, sourceLink, type RenderContext} from './common';
import {containerDiagram, contextDiagram, elementTable, relationTable, renderElementPage} from './renderContainers';
import {renderDependencyPages} from './renderDependencies';
import {renderEntityPages} from './renderEntities';

export function renderArchitecture(ctx: RenderContext, model: ArchitectureModel): Map<string, string> {
  const files = new Map<string, string>();
  const children: RootContent[] = [
    heading(1, 'Architecture'),
    paragraph(`The parts of ${model.system} and how they connect, derived at build time from what the repository declares (compose and Kubernetes files, package manifests, example env files, imports, schemas), so these pictures are never out of date. Click a box to open its page.`),
  ];
  const contents: RootContent[] = [];
  if (model.elements.length > 0) {
    children.push(
      heading(2, 'System context'),
      paragraph('Who uses the system and which systems outside the repository it calls (C4 level 1).'),
      code(contextDiagram(ctx, model), 'mermaid'),
      heading(2, 'Containers'),
      paragraph('What runs, what stores data, and how the parts reach each other (C4 level 2). Labels on arrows are ports or the setting that points one part at another.'),
      code(containerDiagram(ctx, model), 'mermaid'),
      elementTable(ctx, model),
    );
    if (model.relations.length > 0) children.push(heading(3, 'Relations'), relationTable(ctx, model));
    for (const element of model.elements) files.set(`containers/${element.key}.mdx`, renderElementPage(ctx, model, element));
  }
  if (model.dependencies) {
    for (const [file, text] of renderDependencyPages(ctx, model.dependencies)) files.set(file, text);
    contents.push(paragraph(link(route(ctx, 'dependencies'), 'Dependency graphs'), `: ${model.dependencies.files} source files, ${model.dependencies.cycles.length} import cycle${model.dependencies.cycles.length === 1 ? '' : 's'}.`));
  }
  if (model.entities.length > 0) {
    for (const [file, text] of renderEntityPages(ctx, model.entities)) files.set(file, text);
    contents.push(paragraph(link(route(ctx, 'data'), 'Data model'), `: ${model.entities.length} entit${model.entities.length === 1 ? 'y' : 'ies'}.`));
  }
  if (contents.length > 0) children.push(heading(2, 'More diagrams'), ...contents);
  if (model.problems.length > 0) {
    children.push(
      heading(2, 'Files that could not be read'),
      paragraph('These inputs are left out of the diagrams above:'),
      table(['File', 'Problem'], model.problems.map((problem) => [sourceLink(ctx, problem), problem.message])),
    );
  }
  if (model.elements.length === 0 && !model.dependencies && model.entities.length === 0) children.push(list([[inlineCode('nothing'), ' to draw']]));
  files.set('index.mdx', page(ctx, 'Architecture', `The parts of ${model.system} and how they connect, from the repository's files.`, children, {sidebar_position: 1, slug: '/'}));
  return files;
}
