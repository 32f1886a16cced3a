/**
 * The Operations section's files: its index, the configuration reference (index and a page per
 * unit), deployment, a runbook per service, and security.
 */
import type {RootContent} from 'mdast';
import {heading, link, list, paragraph, text} from '../../core/mdx/build';
import {writeMdx} from '../../core/mdx/writeMdx';
import {generatedPageFrontMatter} from '../../core/generatedPagePresets';
import type {SiteView} from '../../core/types';
import type {OperationsModel} from '../model';
import {GENERATED_NOTE} from './facts';
import {CONFIG_DIR, renderConfigurationIndex, renderUnitConfiguration} from './renderConfiguration';
import {renderDeployment} from './renderDeployment';
import {renderRunbook} from './renderRunbook';
import {renderSecurity} from './renderSecurity';

export const RUNBOOK_DIR = 'runbooks';

const category = (label: string, position: number, id: string) => `${JSON.stringify({label, position, link: {type: 'doc', id}}, null, 2)}\n`;

export function renderOperations(model: OperationsModel, sectionId: string, site: SiteView): Map<string, string> {
  const files = new Map<string, string>();
  files.set('index.mdx', renderIndex(model, sectionId));
  files.set(`${CONFIG_DIR}/_category_.json`, category('Configuration', 1, `${CONFIG_DIR}/index`));
  files.set(`${CONFIG_DIR}/index.mdx`, renderConfigurationIndex(model, sectionId, site));
  for (const unit of model.units) files.set(`${CONFIG_DIR}/${unit.slug}.mdx`, renderUnitConfiguration(model, unit, site));
  files.set('deployment.mdx', renderDeployment(model, site));
  if (model.runbooks.length > 0) {
    files.set(`${RUNBOOK_DIR}/_category_.json`, category('Runbooks', 3, `${RUNBOOK_DIR}/index`));
    files.set(`${RUNBOOK_DIR}/index.mdx`, renderRunbookIndex(model, sectionId));
    for (const runbook of model.runbooks) files.set(`${RUNBOOK_DIR}/${runbook.slug}.mdx`, renderRunbook(model, runbook, sectionId, site));
  }
  files.set('security.mdx', renderSecurity(model, sectionId, site));
  return files;
}

function renderIndex(model: OperationsModel, sectionId: string): string {
  const page = (path: string, label: string, what: string) => [link(`/${sectionId}/${path}`, label), text(` \u2014 ${what}`)];
  const children: RootContent[] = [
    heading(1, 'Operations'),
    paragraph(`How to configure, deploy, watch and secure ${model.project}, read from its code, compose and Kubernetes files, Dockerfiles and CI workflows.`),
    list([
      page(`${CONFIG_DIR}/`, 'Configuration reference', `${model.variables.length} environment variables, where each is read and who sets it.`),
      page('deployment', 'Deployment', `${model.services.length} services, ${model.dockerfiles.length} Dockerfiles, ${model.ci.length} CI jobs.`),
      ...(model.runbooks.length > 0 ? [page(`${RUNBOOK_DIR}/`, 'Runbooks', `${model.runbooks.length} services: health checks, metrics, alerts, what to do when one is down.`)] : []),
      page('security', 'Security', 'authentication, secrets, code owners, dependencies.'),
    ]),
    paragraph(GENERATED_NOTE),
  ];
  return writeMdx({
    frontMatter: {title: 'Operations', description: `Configuration, deployment, runbooks and security of ${model.project}.`, sidebar_position: 0, slug: '/', custom_edit_url: null, ...generatedPageFrontMatter('operations')},
    children,
  });
}

function renderRunbookIndex(model: OperationsModel, sectionId: string): string {
  return writeMdx({
    frontMatter: {title: 'Runbooks', description: `One page per service of ${model.project}.`, custom_edit_url: null, ...generatedPageFrontMatter('runbook')},
    children: [
      heading(1, 'Runbooks'),
      paragraph('One page per service: health checks, how to start, stop and scale it, its metrics and alerts, and a checklist for when it is down.'),
      list(model.runbooks.map((r) => [link(`/${sectionId}/${RUNBOOK_DIR}/${r.slug}`, r.service)])),
    ],
  });
}
