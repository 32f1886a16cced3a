import path from 'node:path';
import type {SectionGenerator} from '../core/types';
import type {ApplicationModel} from './model';
import {MANIFEST_FILES, SOURCE_FILES} from '../core/site/inputPatterns';

/**
 * The "Application" section: the app's components, routes and data models, when it has any
 * (docs/adr/0034). A library without JSX, routers or model folders gets no section.
 */
export const applicationGenerator: SectionGenerator<ApplicationModel> = {
  id: 'application',
  inputs: () => ({files: [...SOURCE_FILES, ...MANIFEST_FILES], inventory: ['files', 'packages'], config: ['codeReference'], history: true}),
  async extract(context) {
    const {extractApplication} = await import('./extract/extractApplication');
    const model = await extractApplication(context);
    const routes = model.services.reduce((sum, service) => sum + service.routes.length, 0);
    if (model.components.length === 0 && routes === 0 && model.models.length === 0) return undefined;
    const watched = new Set([...model.components.map((c) => c.file), ...model.components.flatMap((c) => (c.example ? [c.example.file] : [])), ...model.services.flatMap((s) => s.routes.map((r) => r.file)), ...model.models.map((m) => m.file)]);
    return {
      id: 'application',
      title: 'Application',
      description: 'The app as its developers see it: UI components with their props, HTTP routes with their handlers, data models.',
      model,
      watch: [...watched].sort().map((file) => path.join(context.root, file)),
    };
  },
  index({id, model}) {
    const pages = [
      ...(model.components.length > 0 ? [{key: `${id}/components`, url: `/${id}/components/`, title: 'Components'}] : []),
      ...(model.services.length > 0 ? [{key: `${id}/routes`, url: `/${id}/routes/`, title: 'Routes'}] : []),
      ...(model.models.length > 0 ? [{key: `${id}/models`, url: `/${id}/models/`, title: 'Data models'}] : []),
    ];
    return pages.map((page) => ({kind: 'page' as const, ...page}));
  },
  // HTTP API sections list the files that implement their operations from these (docs/adr/0047).
  share({model}) {
    return {
      routes: model.services.flatMap((service) =>
        service.routes
          .filter((route) => route.kind === 'api')
          .map(({method, path: routePath, file, line, handler}) => ({method, path: routePath, file, line, ...(handler ? {handler: {name: handler.name, file: handler.file, line: handler.line, symbol: handler.symbol}} : {})})),
      ),
    };
  },
  async render({id, model}, site) {
    const {renderApplication} = await import('./render/renderApplication');
    return {files: renderApplication(model, site, id)};
  },
};
