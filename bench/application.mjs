#!/usr/bin/env node
/**
 * Application section benchmark: time of its extract and render on the default target (this
 * repository), on effect's sources (572 modules, no components: the cost a library pays) and on two
 * real component sets from node_modules (@docusaurus/theme-classic, docusaurus-theme-openapi-docs).
 *
 *   node bench/application.mjs [--runs N]
 *
 * Each package is copied to a temporary folder (without node_modules) and read as a target. Runs are
 * interleaved across targets and the median is printed; discovery (loadTargetContext) is not counted.
 * There is no peer tool here: react-docgen reads one file at a time and finds no routes or models.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {parseArgs} from 'node:util';
import {performance} from 'node:perf_hooks';
import {fileURLToPath} from 'node:url';
import {createJiti} from 'jiti';

const SITE_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const {values} = parseArgs({options: {runs: {type: 'string', default: '5'}}});
const runs = Number(values.runs);
const jiti = createJiti(import.meta.url);
const {loadTargetContext} = await jiti.import('../plugins/core/prepareSite.ts');
const {extractApplication} = await jiti.import('../plugins/application/extract/extractApplication.ts');
const {renderApplication} = await jiti.import('../plugins/application/render/renderApplication.ts');

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-application-'));
function copyPackage(name, sub = '') {
  const from = path.join(SITE_DIR, 'node_modules', name, sub);
  const to = path.join(tmp, name.replace(/[@/]/g, '_'));
  fs.cpSync(from, to, {recursive: true, filter: (file) => !path.relative(from, file).split(path.sep).includes('node_modules')});
  return to;
}
const targets = [
  {name: 'default (this repository)', dir: SITE_DIR},
  {name: 'effect/src', dir: copyPackage('effect', 'src')},
  {name: '@docusaurus/theme-classic', dir: copyPackage('@docusaurus/theme-classic', 'src')},
  {name: 'docusaurus-theme-openapi-docs', dir: copyPackage('docusaurus-theme-openapi-docs', 'src')},
];
const contexts = [];
for (const target of targets) contexts.push(await loadTargetContext({siteDir: path.join(tmp, 'site'), target: target.dir}));
const site = {urlOf: () => undefined, repo: {}, sections: []};
// CPU time beside wall time: on a shared machine (load far above the core count) wall time mostly
// measures the wait for a core.
const times = targets.map(() => ({extract: [], render: [], extractCpu: []}));
let last = [];
for (let run = 0; run < runs; run++) {
  for (const [index, context] of contexts.entries()) {
    const started = performance.now();
    const cpu = process.cpuUsage();
    const model = await extractApplication(context);
    const used = process.cpuUsage(cpu);
    times[index].extractCpu.push((used.user + used.system) / 1000);
    const extracted = performance.now();
    const files = renderApplication(model, site, 'application');
    times[index].extract.push(extracted - started);
    times[index].render.push(performance.now() - extracted);
    last[index] = {model, files};
  }
}
const median = (list) => [...list].sort((a, b) => a - b)[Math.floor(list.length / 2)];
console.log(`runs: ${runs} (median ms)`);
console.log(`load average ${os.loadavg()[0].toFixed(1)} on ${os.cpus().length} cores`);
console.log('target | code files | components | props | examples | routes | models | extract ms | extract CPU ms | render ms');
for (const [index, target] of targets.entries()) {
  const {model} = last[index];
  const codeFiles = contexts[index].inventory.files.filter((file) => /\.(tsx?|jsx?|mjs|cjs|mts|cts)$/.test(file)).length;
  const routes = model.services.reduce((sum, service) => sum + service.routes.length, 0);
  const props = model.components.reduce((sum, component) => sum + component.props.length, 0);
  const examples = model.components.filter((component) => component.example).length;
  console.log(`${target.name} | ${codeFiles} | ${model.components.length} | ${props} | ${examples} | ${routes} | ${model.models.length} | ${median(times[index].extract).toFixed(0)} | ${median(times[index].extractCpu).toFixed(0)} | ${median(times[index].render).toFixed(0)}`);
}
fs.rmSync(tmp, {recursive: true, force: true});
