/**
 * One runbook per service: its health endpoints (code routes and probes), metrics, alerts, how to
 * start, stop, scale it and read its logs, and a "when it is down" checklist made of those facts.
 */
import type {PhrasingContent, RootContent} from 'mdast';
import {heading, inlineCode, list, paragraph, table, text} from '../../core/mdx/build';
import {writeMdx} from '../../core/mdx/writeMdx';
import {generatedPageFrontMatter} from '../../core/generatedPagePresets';
import type {SiteView} from '../../core/types';
import type {OperationsModel, Runbook} from '../model';
import {GENERATED_NOTE, pageKit} from './facts';
import {envRoute} from './renderConfiguration';

export function renderRunbook(model: OperationsModel, runbook: Runbook, sectionId: string, site: SiteView): string {
  const kit = pageKit(site);
  const inDir = (file: string) => runbook.dir !== undefined && (runbook.dir === '' || file.startsWith(`${runbook.dir}/`));
  const metrics = model.metrics.filter((m) => inDir(m.file));
  const variables = model.variables.filter((v) => v.reads.some((r) => inDir(r.file)) || v.settings.some((s) => s.where.startsWith(`${runbook.service} (`)));
  const children: RootContent[] = [heading(1, `Runbook: ${runbook.service}`)];
  children.push(paragraph(...(runbook.from ? [text('Defined in '), kit.at(runbook.from), text('.')] : [text('Found from its code in '), inlineCode(`${runbook.dir || '.'}/`), text('; no compose file or manifest runs it.')])));

  children.push(heading(2, 'Health and readiness'));
  const checks: PhrasingContent[][] = [
    ...runbook.endpoints.map((e): PhrasingContent[] => [inlineCode(`${e.method ?? 'GET'} ${e.path}`), text(` (route in code, ${e.framework}) `), kit.at(e)]),
    ...runbook.probes.map((p): PhrasingContent[] => [inlineCode(p.check), text(` (${p.kind} probe) `), kit.at(p.from)]),
  ];
  children.push(checks.length > 0 ? list(checks) : paragraph('No health endpoint, health check or probe was found for this service.'));
  if (runbook.ports.length > 0) children.push(paragraph('Ports:'), list(runbook.ports.map((p) => [inlineCode(p.port), text(' '), kit.at(p.from)])));

  children.push(heading(2, 'Start, stop, scale, logs'));
  children.push(runbook.start.length > 0 ? table(['Action', 'Command', 'Service defined in'], runbook.start.map((c) => [c.description ?? '', inlineCode(c.run), kit.at(c.from)])) : paragraph('Not determined: no compose file or Kubernetes manifest runs this service. See Getting started for the repository\u2019s own commands.'));

  children.push(heading(2, 'Metrics'));
  children.push(metrics.length > 0 ? table(['Metric', 'Type', 'Labels', 'Library', 'Declared at'], metrics.map((m) => [inlineCode(m.name), m.type, m.labels.join(', '), m.library, kit.at(m)])) : paragraph('No metric declared in its code (prom-client, prometheus_client, OpenTelemetry meters).'));

  children.push(heading(2, 'Alerts'));
  children.push(model.alerts.length > 0 ? table(['Alert', 'Severity', 'Expression', 'Summary', 'Rule at'], model.alerts.map((a) => [inlineCode(a.name), a.severity ?? '', inlineCode(a.expr), a.summary ?? '', kit.at(a)])) : paragraph('No Prometheus alerting rules file was found in the repository.'));

  children.push(heading(2, 'When it is down'));
  const steps: PhrasingContent[][] = [];
  const logs = runbook.start.find((c) => c.description?.startsWith('Logs'));
  const health = runbook.endpoints[0] ?? undefined;
  const probe = runbook.probes[0];
  if (probe) steps.push([text('Check what its '), text(probe.kind), text(' reports: '), inlineCode(probe.check), text(' ('), kit.at(probe.from), text(').')]);
  if (health) steps.push([text('Call its health route '), inlineCode(`${health.method ?? 'GET'} ${health.path}`), text(' ('), kit.at(health), text(') on '), text(runbook.ports[0] ? `port ${runbook.ports[0].port}` : 'its port'), text('.')]);
  if (logs) steps.push([text('Read its logs: '), inlineCode(logs.run), text('.')]);
  if (variables.length > 0) {
    const required = variables.filter((v) => v.required);
    steps.push([text(`Check its configuration: ${variables.length} variables`), ...(required.length > 0 ? [text(', of which required: '), ...required.flatMap((v, i) => [...(i > 0 ? [text(', ')] : []), {type: 'link', url: envRoute(sectionId, v), children: [inlineCode(v.name)]} as PhrasingContent])] : []), text('.')]);
  }
  const restart = runbook.start.find((c) => c.description === 'Start' || c.description?.startsWith('Restart'));
  if (restart) steps.push([text('Restart it: '), inlineCode(restart.run), text('.')]);
  if (metrics.length > 0) steps.push([text(`Look at its metrics (${metrics.map((m) => m.name).join(', ')}) for the time it went down.`)]);
  steps.push([text('Check what changed: the latest deployment and the latest commits to its files.')]);
  children.push(list(steps, true));
  children.push(paragraph(GENERATED_NOTE));
  return writeMdx({
    frontMatter: {
      title: `Runbook: ${runbook.service}`,
      sidebar_label: runbook.service,
      description: `Health checks, metrics, alerts and what to do when ${runbook.service} is down.`,
      custom_edit_url: null,
      last_update: kit.lastUpdate([...(runbook.from ? [runbook.from.file] : []), ...runbook.endpoints.map((e) => e.file)]),
      ...generatedPageFrontMatter('runbook'),
    },
    children,
  });
}
