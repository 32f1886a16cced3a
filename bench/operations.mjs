#!/usr/bin/env node
/**
 * Operations benchmark: the operations generator's extract + render on effect's sources (from
 * node_modules) and on the default target (this repository), against `grep -rE` for the same
 * environment reads as the floor a line reader cannot beat. The budget: both extractions
 * together within 2 s.
 *
 *   node bench/operations.mjs [--runs N] [--json FILE]
 *
 * Discovery (loadTargetContext: the file walk and the git history) is measured apart, since every
 * generator shares it. Runs are interleaved (ours, grep, ours, grep...) and medians are printed.
 * Plain Node ESM; the TypeScript plugins are loaded with jiti, as Docusaurus loads its config.
 */
import {spawnSync} from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {parseArgs} from 'node:util';
import {fileURLToPath} from 'node:url';
import {performance} from 'node:perf_hooks';
import {createJiti} from 'jiti';

const SITE_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const {values} = parseArgs({options: {runs: {type: 'string', default: '5'}, json: {type: 'string'}}});
const runs = Number(values.runs);

const jiti = createJiti(import.meta.url);
const {loadTargetContext} = await jiti.import(path.join(SITE_DIR, 'plugins/core/prepareSite.ts'));
const {generateAlone} = await jiti.import(path.join(SITE_DIR, 'plugins/core/site/generateSections.ts'));
const {operationsGenerator} = await jiti.import(path.join(SITE_DIR, 'plugins/operations/generator.ts'));
const {extractOperations} = await jiti.import(path.join(SITE_DIR, 'plugins/operations/extract/extractOperations.ts'));

/** A copy of effect's src/ and package.json: what its repository's sources hold. */
function effectTarget() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-ops-effect-'));
  const from = path.join(SITE_DIR, 'node_modules', 'effect');
  fs.cpSync(path.join(from, 'src'), path.join(dir, 'src'), {recursive: true});
  fs.copyFileSync(path.join(from, 'package.json'), path.join(dir, 'package.json'));
  return dir;
}

const median = (list) => {
  const sorted = [...list].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};

const GREP = String.raw`process\.env|import\.meta\.env|os\.getenv|os\.environ|os\.Getenv|os\.LookupEnv`;

const effect = effectTarget();
const siteDir = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-ops-site-'));
const targets = [
  {name: 'effect', dir: effect},
  {name: 'default', dir: SITE_DIR},
];
const results = Object.fromEntries(targets.map((t) => [t.name, {discover: [], extract: [], extractCpu: [], extractRender: [], grep: [], files: 0, variables: 0, pages: 0}]));
try {
  for (let run = 0; run < runs; run++) {
    for (const target of targets) {
      const r = results[target.name];
      let start = performance.now();
      const context = await loadTargetContext({siteDir, target: target.dir});
      r.discover.push(performance.now() - start);
      r.files = context.inventory.files.length;
      start = performance.now();
      const cpu = process.cpuUsage();
      const extracted = await extractOperations(context);
      r.extract.push(performance.now() - start);
      const used = process.cpuUsage(cpu);
      r.extractCpu.push((used.user + used.system) / 1000);
      r.variables = extracted.operations.variables.length;
      start = performance.now();
      const sections = await generateAlone(operationsGenerator, context);
      r.extractRender.push(performance.now() - start);
      r.pages = sections.reduce((sum, s) => sum + s.files.size, 0);
      start = performance.now();
      spawnSync('grep', ['-rEn', '--include=*.ts', '--include=*.js', '--include=*.mjs', '--include=*.py', '--include=*.go', '--exclude-dir=node_modules', '--exclude-dir=.git', '--exclude-dir=build', '--exclude-dir=.docs-architect', GREP, target.dir], {stdio: 'ignore'});
      r.grep.push(performance.now() - start);
    }
  }
} finally {
  fs.rmSync(effect, {recursive: true, force: true});
  fs.rmSync(siteDir, {recursive: true, force: true});
}

const rows = Object.entries(results).map(([name, r]) => ({
  target: name,
  files: r.files,
  variables: r.variables,
  files_written: r.pages,
  discover_ms: Math.round(median(r.discover)),
  extract_ms: Math.round(median(r.extract)),
  extract_cpu_ms: Math.round(median(r.extractCpu)),
  extract_render_ms: Math.round(median(r.extractRender)),
  grep_ms: Math.round(median(r.grep)),
  ratio_vs_grep: Number((median(r.extract) / median(r.grep)).toFixed(1)),
}));
console.table(rows);
const total = rows.reduce((sum, row) => sum + row.extract_render_ms, 0);
const cpuTotal = rows.reduce((sum, row) => sum + row.extract_cpu_ms, 0);
console.log(`extract + render, effect + default target: ${total} ms wall (median of ${runs}; budget 2000 ms): ${total <= 2000 ? 'within' : 'OVER'} budget; extract CPU time ${cpuTotal} ms`);
console.log(`load average during the run: ${os.loadavg().map((n) => n.toFixed(1)).join(' ')} on ${os.cpus().length} cores (wall times grow with it; CPU time much less)`);
if (values.json) fs.writeFileSync(values.json, `${JSON.stringify({runs, rows, total}, null, 2)}\n`);
