/**
 * CI workflows: GitHub Actions (`.github/workflows/*.yml`) and GitLab CI (`.gitlab-ci.yml`): each
 * job with its line, what triggers it and the steps that look like shipping something (deploy,
 * publish, release, push an image). Values (`env:`, `variables:`) are not kept.
 */
import type {CiJob} from '../model';
import type {Sources} from './sources';
import {asString, isRecord, parseYamlDocs, type Problem} from './yamlFile';

const SHIPS = /\b(deploy|publish|release|push|upload|kubectl apply|helm (?:upgrade|install)|terraform apply|gh-pages)\b/i;
const GITLAB_RESERVED = new Set(['stages', 'variables', 'default', 'include', 'workflow', 'image', 'services', 'before_script', 'after_script', 'cache', 'pages:deploy']);

export async function readCi(sources: Sources): Promise<{jobs: CiJob[]; problems: Problem[]}> {
  const jobs: CiJob[] = [];
  const problems: Problem[] = [];
  for (const file of sources.files) {
    const github = /^\.github\/workflows\/[^/]+\.ya?ml$/.test(file);
    const gitlab = /(^|\/)\.gitlab-ci\.ya?ml$/.test(file);
    if (!github && !gitlab) continue;
    const text = await sources.read(file);
    if (text === undefined) continue;
    const {docs, problem} = parseYamlDocs(file, text);
    if (problem) problems.push(problem);
    const doc = docs[0];
    if (!doc || !isRecord(doc.value)) continue;
    const value = doc.value;
    if (github) {
      const on = value.on ?? value.true; // YAML 1.1 readers turn `on` into true; ours does not, but be safe.
      const triggers = typeof on === 'string' ? [on] : Array.isArray(on) ? on.map(String) : isRecord(on) ? Object.keys(on) : [];
      const workflow = asString(value.name) ?? file.replace(/^.*\//, '');
      for (const [id, job] of Object.entries(isRecord(value.jobs) ? value.jobs : {})) {
        if (!isRecord(job)) continue;
        const steps = (Array.isArray(job.steps) ? job.steps : []).filter(isRecord);
        const deploys = steps.flatMap((step) => {
          const label = asString(step.name) ?? asString(step.uses) ?? asString(step.run)?.split('\n')[0] ?? '';
          return SHIPS.test(`${label} ${asString(step.uses) ?? ''} ${asString(step.run) ?? ''}`) ? [label.slice(0, 80)] : [];
        });
        if (isRecord(job.environment) || typeof job.environment === 'string') deploys.unshift(`environment ${asString(job.environment) ?? asString((job.environment as Record<string, unknown>).name) ?? ''}`);
        jobs.push({file, system: 'github', workflow, job: asString(job.name) ?? id, triggers: [...triggers].sort(), line: doc.lineOf(['jobs', id]), deploys});
      }
    } else {
      for (const [id, job] of Object.entries(value)) {
        if (GITLAB_RESERVED.has(id) || id.startsWith('.') || !isRecord(job)) continue;
        const triggers: string[] = [];
        for (const key of ['only', 'except'] as const) {
          const list = job[key];
          if (Array.isArray(list)) triggers.push(...list.map((item) => `${key} ${String(item)}`));
        }
        if (Array.isArray(job.rules)) for (const rule of job.rules.filter(isRecord)) if (asString(rule.if)) triggers.push(`if ${asString(rule.if)}`);
        if (asString(job.when)) triggers.push(`when ${asString(job.when)}`);
        const script = (Array.isArray(job.script) ? job.script : [job.script]).map((line) => asString(line) ?? '').filter(Boolean);
        const deploys = [
          ...(job.environment ? [`environment ${asString(job.environment) ?? asString((job.environment as Record<string, unknown>).name) ?? ''}`] : []),
          ...script.filter((line) => SHIPS.test(line)).map((line) => line.slice(0, 80)),
        ];
        jobs.push({file, system: 'gitlab', workflow: asString(job.stage) ?? 'test', job: id, triggers: triggers.length > 0 ? triggers : ['push (default)'], line: doc.lineOf([id]), deploys});
      }
    }
  }
  return {jobs, problems};
}
