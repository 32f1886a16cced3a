import path from 'node:path';
import type {LinkEntry, SectionGenerator} from '../core/types';
import type {GettingStartedModel, OperationsModel, OperationsSectionModel} from './model';
import {envRoute} from './render/renderConfiguration';

export const GETTING_STARTED_ID = 'getting-started';
export const OPERATIONS_ID = 'operations';

/**
 * Two sections from one reading of the target (docs/adr/0039): "Getting started" for newcomers and
 * "Operations" (configuration, deployment, runbooks, security) for operators and security engineers.
 */
export const operationsGenerator: SectionGenerator<OperationsSectionModel> = {
  id: 'operations',
  // Commands, variables, toolchains, runbooks and security facts come from files of every kind
  // (code, manifests, CI, Dockerfiles, Markdown, version files): all of them.
  inputs: () => ({files: ['*'], packages: true, inventory: ['files', 'composeFiles', 'specs', 'manifests', 'packages', 'envFiles'], history: true}),
  async extract(context) {
    const {extractOperations} = await import('./extract/extractOperations');
    const {gettingStarted, operations, problems, watch} = await extractOperations(context);
    for (const problem of problems) {
      context.report.warn(problem.message, {
        file: path.join(context.root, problem.file),
        line: problem.line,
        fix: 'Fix that file; the operations pages are built without what it holds meanwhile',
      });
    }
    const watched = watch.map((file) => path.join(context.root, file));
    return [
      {id: GETTING_STARTED_ID, title: 'Getting started', description: 'Prerequisites and the repository\u2019s own commands to install, run, test and build it.', model: gettingStarted, watch: watched},
      {id: OPERATIONS_ID, title: 'Operations', description: 'Configuration reference, deployment, runbooks and security, each fact linked to its line.', model: operations, watch: watched},
    ];
  },
  index(section) {
    if (section.model.part !== 'operations') return [];
    return section.model.variables.map((variable): LinkEntry => ({kind: 'env', key: variable.name, url: envRoute(section.id, variable), title: variable.name}));
  },
  async render(section, site) {
    const model = section.model;
    const [{renderGettingStarted}, {renderOperations}] = await Promise.all([import('./render/renderGettingStarted'), import('./render/renderOperations')]);
    if (model.part === 'getting-started') return {files: new Map([['index.mdx', renderGettingStarted(model as GettingStartedModel, site)]])};
    return {files: renderOperations(model as OperationsModel, section.id, site)};
  },
};
