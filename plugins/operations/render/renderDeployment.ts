/**
 * The deployment page: services from compose and Kubernetes, Dockerfiles (stages, base images,
 * exposed ports, user, health check), and CI jobs (triggers, what they ship), each row linked to its
 * line. Tables only: a topology diagram waits for core's Mermaid writer (docs/adr/0039).
 */
import type {RootContent} from 'mdast';
import {heading, inlineCode, list, paragraph, table, text} from '../../core/mdx/build';
import {writeMdx} from '../../core/mdx/writeMdx';
import {generatedPageFrontMatter} from '../../core/generatedPagePresets';
import type {SiteView} from '../../core/types';
import type {OperationsModel} from '../model';
import {GENERATED_NOTE, joined, pageKit} from './facts';

export function renderDeployment(model: OperationsModel, site: SiteView): string {
  const kit = pageKit(site);
  const children: RootContent[] = [heading(1, 'Deployment'), paragraph(`How ${model.project} is packaged, run and shipped, from its compose files, Kubernetes manifests, Dockerfiles and CI workflows.`)];

  children.push(heading(2, 'Services'));
  if (model.services.length > 0) {
    children.push(
      table(
        ['Service', 'Kind', 'Image or build', 'Replicas', 'Ports', 'Depends on', 'Health checks', 'Defined in'],
        model.services.map((s) => [
          inlineCode(s.name),
          s.kind,
          s.image ? inlineCode(s.image) : s.build ? [text('build '), inlineCode(s.build)] : '',
          s.replicas === undefined ? '' : String(s.replicas),
          joined(s.ports.map((p) => inlineCode(p))),
          joined(s.dependsOn.map((d) => inlineCode(d))),
          s.probes.flatMap((p, i) => [...(i > 0 ? [text('; ')] : []), text(`${p.kind}: `), inlineCode(p.check)]),
          kit.at(s.from),
        ]),
      ),
    );
  } else {
    children.push(paragraph('No compose file or Kubernetes workload was found.'));
  }

  children.push(heading(2, 'Container images'));
  if (model.dockerfiles.length > 0) {
    children.push(
      table(
        ['Dockerfile', 'Stages (base image)', 'Exposes', 'Runs as', 'Health check', 'Starts with'],
        model.dockerfiles.map((d) => [
          kit.file(d.file),
          joined(d.stages.map((s) => inlineCode(`${s.name ? `${s.name}: ` : ''}${s.base}`))),
          d.expose.length > 0 ? [...joined(d.expose.map((e) => inlineCode(e.port))), text(' '), kit.at({file: d.file, line: d.expose[0]!.line})] : '',
          d.user ? [inlineCode(d.user.value), text(' '), kit.at({file: d.file, line: d.user.line})] : 'root (no USER)',
          d.healthcheck ? [inlineCode(d.healthcheck.command), text(' '), kit.at({file: d.file, line: d.healthcheck.line})] : 'none',
          d.cmd ? [inlineCode(d.cmd.value), text(' '), kit.at({file: d.file, line: d.cmd.line})] : '',
        ]),
      ),
    );
  } else {
    children.push(paragraph('No Dockerfile was found.'));
  }

  children.push(heading(2, 'Continuous integration'));
  if (model.ci.length > 0) {
    children.push(
      table(
        ['Workflow', 'Job', 'Triggers', 'Ships', 'Defined in'],
        model.ci.map((j) => [j.workflow, inlineCode(j.job), joined(j.triggers.map((t) => inlineCode(t))), j.deploys.length > 0 ? joined(j.deploys.map((d) => inlineCode(d)), '; ') : 'nothing (checks only)', kit.at(j)]),
      ),
    );
  } else {
    children.push(paragraph('No GitHub Actions workflow or GitLab CI file was found.'));
  }
  if (model.problems.length > 0) {
    children.push(heading(2, 'Files not read'), paragraph('These files could not be read; the pages are built without them:'), list(model.problems.map((p) => [kit.at({file: p.file, line: p.line}), text(`: ${p.message}`)])));
  }
  children.push(paragraph(GENERATED_NOTE));
  return writeMdx({
    frontMatter: {
      title: 'Deployment',
      description: `Services, container images and CI jobs of ${model.project}.`,
      sidebar_position: 2,
      custom_edit_url: null,
      last_update: kit.lastUpdate([...model.services.map((s) => s.from.file), ...model.dockerfiles.map((d) => d.file), ...model.ci.map((j) => j.file)]),
      ...generatedPageFrontMatter('deployment'),
    },
    children,
  });
}
