/**
 * What a service offers for watching it: health, readiness, liveness and metrics routes in code
 * (Express, Fastify, Hono, Koa routers, Next.js route files, FastAPI, Flask, Go's net/http and
 * common routers, and plain `pathname === '/health'` checks); metrics declared with prom-client,
 * prometheus_client or OpenTelemetry meters; and Prometheus alerting rules files.
 */
import path from 'node:path';
import type {AlertRule, Endpoint, Metric} from '../model';
import {inComment, languageOf, lineIndex, lineStart, TEST_FILE, type Sources} from './sources';
import {asString, isRecord, parseYamlDocs, type Problem} from './yamlFile';

const OPS_PATH = /^\/(?:api\/)?(?:v\d+\/)?(?:_?health[a-z]*|healthz|livez?|liveness|readyz?|readiness|startupz?|status|ping|metrics|-\/(?:healthy|ready))\/?$/;

const ROUTE_WORDS = ['/health', '/live', '/ready', '/startup', '/status', '/ping', '/metrics', '/-/'];
const ROUTE_LITERAL = /["'`](?:GET )?\/(?:api\/)?(?:v\d+\/)?(?:_?health|healthz|live|ready|startup|status|ping|metrics|-\/)/;

const ROUTE_PATTERNS: {framework: string; pattern: RegExp; languages: string[]}[] = [
  {framework: 'express/fastify/hono/koa', pattern: /\b(?:app|router|server|fastify|api|r|route|routes|hono)\.(get|head|all|route|use)\(\s*(['"`])(\/[^'"`]*)\2/g, languages: ['ts', 'js']},
  {framework: 'node:http', pattern: /\b(?:pathname|url|path)\s*===?\s*(['"`])(\/[^'"`]*)\1/g, languages: ['ts', 'js']},
  {framework: 'FastAPI/Flask', pattern: /@(?:\w+)\.(get|head|route|api_route)\(\s*(['"])(\/[^'"]*)\2/g, languages: ['python']},
  {framework: 'net/http', pattern: /\b(?:http|mux|r|router|e|g|app)\.(HandleFunc|Handle|GET|Get|HEAD|Any)\(\s*"(?:GET\s+)?(\/[^"]*)"/g, languages: ['go']},
];

export async function readEndpoints(sources: Sources): Promise<Endpoint[]> {
  const endpoints: Endpoint[] = [];
  for (const file of sources.files) {
    const language = languageOf(file);
    if (!language || TEST_FILE.test(file)) continue;
    const nextRoute = /(^|\/)(?:app|pages)\/(?:api\/)?((?:[\w-]+\/)*?)(health[a-z]*|healthz|ready|readyz|live|livez|metrics)\/(?:route|index)\.(ts|js)x?$|(^|\/)pages\/api\/(health[a-z]*|ready|live|metrics)\.(ts|js)x?$/.exec(file);
    if (nextRoute) endpoints.push({path: `/${nextRoute[3] ?? nextRoute[6]}`, framework: 'Next.js', file, line: 1});
    const text = await sources.read(file);
    // A string search for the route words first: most files have none, and the patterns cost more.
    if (!text || !ROUTE_WORDS.some((word) => text.includes(word)) || !ROUTE_LITERAL.test(text)) continue;
    const line = lineIndex(text);
    const lines = text.split('\n');
    for (const {framework, pattern, languages} of ROUTE_PATTERNS) {
      if (!languages.includes(language)) continue;
      for (const match of text.matchAll(pattern)) {
        const route = match.at(-1)!;
        if (!OPS_PATH.test(route) || inComment(lines[line(match.index) - 1]!, match.index - lineStart(text, match.index))) continue;
        const method = framework === 'node:http' ? undefined : match[1]!.toUpperCase();
        endpoints.push({path: route, method: method && /^(GET|HEAD|ALL)$/.test(method) ? method : undefined, framework, file, line: line(match.index)});
      }
    }
  }
  return endpoints;
}

const METRICS_WORDS = ['prom-client', 'opentelemetry', 'prometheus_client', 'client_golang'];
const PROM_CLIENT = /new\s+(?:client\.|prom\.|promClient\.|Prometheus\.)?(Counter|Gauge|Histogram|Summary)\(\s*\{([^}]*)\}/g;
const PROMETHEUS_CLIENT = /\b(Counter|Gauge|Histogram|Summary|Info|Enum)\(\s*(['"])([\w:]+)\2\s*,\s*(['"])[^'"]*\4\s*(?:,\s*(?:labelnames\s*=\s*)?[[(]([^\])]*)[\])])?/g;
const OTEL = /\.create(Counter|UpDownCounter|Histogram|ObservableGauge|ObservableCounter|ObservableUpDownCounter|Gauge)\(\s*(['"`])([\w.:-]+)\2/g;
const GO_PROM = /prom(?:auto)?\.New(Counter|Gauge|Histogram|Summary)(Vec)?\(\s*prometheus\.\w+Opts\{([^}]*)\}(?:\s*,\s*\[\]string\{([^}]*)\})?/g;

export async function readMetrics(sources: Sources): Promise<Metric[]> {
  const metrics: Metric[] = [];
  for (const file of sources.files) {
    const language = languageOf(file);
    if (!language || TEST_FILE.test(file)) continue;
    const text = await sources.read(file);
    // Only files that import a metrics library: a type named Counter is no metric.
    if (!text || !METRICS_WORDS.some((word) => text.includes(word))) continue;
    const line = lineIndex(text);
    const labelsOf = (raw?: string) => [...(raw ?? '').matchAll(/['"`]([\w.-]+)['"`]/g)].map((m) => m[1]!);
    if (language === 'ts' || language === 'js') {
      if (/prom-client/.test(text)) {
        for (const match of text.matchAll(PROM_CLIENT)) {
          const name = /\bname\s*:\s*['"`]([\w:]+)['"`]/.exec(match[2]!)?.[1];
          if (name) metrics.push({name, type: match[1]!.toLowerCase(), labels: labelsOf(/labelNames\s*:\s*\[([^\]]*)\]/.exec(match[2]!)?.[1]), library: 'prom-client', file, line: line(match.index)});
        }
      }
      for (const match of text.matchAll(OTEL)) metrics.push({name: match[3]!, type: match[1]!.replace(/^Observable/, 'observable ').toLowerCase(), labels: [], library: 'OpenTelemetry', file, line: line(match.index)});
    } else if (language === 'python') {
      if (/prometheus_client/.test(text)) {
        for (const match of text.matchAll(PROMETHEUS_CLIENT)) metrics.push({name: match[3]!, type: match[1]!.toLowerCase(), labels: labelsOf(match[5]), library: 'prometheus_client', file, line: line(match.index)});
      }
      for (const match of text.matchAll(/\.create_(counter|up_down_counter|histogram|observable_gauge|observable_counter|gauge)\(\s*(?:name\s*=\s*)?(['"])([\w.:-]+)\2/g)) {
        metrics.push({name: match[3]!, type: match[1]!.replace(/_/g, ' '), labels: [], library: 'OpenTelemetry', file, line: line(match.index)});
      }
    } else {
      for (const match of text.matchAll(GO_PROM)) {
        const name = /Name:\s*"([\w:]+)"/.exec(match[3]!)?.[1];
        if (name) metrics.push({name, type: match[1]!.toLowerCase(), labels: labelsOf(match[4]?.replace(/"/g, "'")), library: 'prometheus (Go)', file, line: line(match.index)});
      }
    }
  }
  return metrics;
}

/** Prometheus rule files: YAML with `groups:` holding `rules:` that have `alert:`. */
export async function readAlerts(sources: Sources): Promise<{alerts: AlertRule[]; problems: Problem[]}> {
  const alerts: AlertRule[] = [];
  const problems: Problem[] = [];
  for (const file of sources.files) {
    if (!/\.ya?ml$/.test(file) || /(^|\/)\.github\//.test(file)) continue;
    const base = path.posix.basename(file);
    if (!/rule|alert|prometheus/i.test(file) && !/^(rules|alerts)/.test(base)) continue;
    const text = await sources.read(file);
    if (!text || !/^\s*groups\s*:/m.test(text) || !/\balert\s*:/.test(text)) continue;
    const {docs, problem} = parseYamlDocs(file, text);
    if (problem) problems.push(problem);
    for (const doc of docs) {
      // A PrometheusRule custom resource keeps the groups under spec.
      const root = isRecord(doc.value) && isRecord(doc.value.spec) && Array.isArray(doc.value.spec.groups) ? {value: doc.value.spec, prefix: ['spec']} : {value: doc.value, prefix: []};
      const groups = isRecord(root.value) && Array.isArray(root.value.groups) ? root.value.groups : [];
      groups.forEach((group, g) => {
        const rules = isRecord(group) && Array.isArray(group.rules) ? group.rules : [];
        rules.forEach((rule, r) => {
          if (!isRecord(rule) || !asString(rule.alert)) return;
          const labels = isRecord(rule.labels) ? rule.labels : {};
          const annotations = isRecord(rule.annotations) ? rule.annotations : {};
          alerts.push({name: asString(rule.alert)!, expr: asString(rule.expr) ?? '', severity: asString(labels.severity), summary: asString(annotations.summary) ?? asString(annotations.description), file, line: doc.lineOf([...root.prefix, 'groups', g, 'rules', r])});
        });
      });
    }
  }
  return {alerts, problems};
}
