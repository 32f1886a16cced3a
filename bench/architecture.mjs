#!/usr/bin/env node
/**
 * Architecture section benchmark: the section on effect's sources (node_modules/effect/src, ~570
 * files, 23 MB) and on the default target (this repository), next to dependency-cruiser's own run on
 * the same folder, the data model readers on 50 copies of the test fixture, and Mermaid's parse
 * time per generated diagram (one by one, in the build's batches, and from the text-hash cache).
 *
 *   node bench/architecture.mjs [--runs N]
 *
 * Each run, interleaved so the machine's noise hits both alike: ours in a fresh process (the plugins
 * loaded with jiti, as Docusaurus loads its config; timed in process, without Node's start-up and
 * the module loading), then `depcruise src --no-config --output-type json` (wall time). Medians.
 */
import {spawnSync} from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {parseArgs} from 'node:util';
import {performance} from 'node:perf_hooks';
import {fileURLToPath} from 'node:url';

const SITE_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const {values} = parseArgs({options: {runs: {type: 'string', default: '3'}, child: {type: 'string'}}});

if (values.child) {
  // One measured run of ours on a target, printed as one JSON line.
  const {createJiti} = await import('jiti');
  const jiti = createJiti(import.meta.url);
  const {loadTargetContext} = await jiti.import(path.join(SITE_DIR, 'plugins/core/prepareSite.ts'));
  const {generateAlone} = await jiti.import(path.join(SITE_DIR, 'plugins/core/site/generateSections.ts'));
  const {architectureGenerator} = await jiti.import(path.join(SITE_DIR, 'plugins/architecture/generator.ts'));
  const {findMermaidBlocks, parseDiagram, parseDiagrams} = await jiti.import(path.join(SITE_DIR, 'plugins/core/mermaid/check.ts'));
  const site = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-arch-site-'));
  const context = await loadTargetContext({siteDir: site, target: values.child});
  const started = performance.now();
  const [section] = await generateAlone(architectureGenerator, context);
  const sectionMs = performance.now() - started;
  const diagrams = [...section.files.values()].flatMap((text) => findMermaidBlocks(text).map((block) => block.text));
  const loadStart = performance.now();
  await parseDiagram('flowchart LR\n  a --> b');
  const firstMs = performance.now() - loadStart;
  const times = [];
  let broken = 0;
  for (const diagram of diagrams) {
    const t = performance.now();
    if ((await parseDiagram(diagram)) !== undefined) broken++;
    times.push(performance.now() - t);
  }
  // As the build checks them: a section's diagrams in one batch, then again with the text-hash cache filled.
  const batchStart = performance.now();
  await parseDiagrams(diagrams);
  const batchMs = performance.now() - batchStart;
  await parseDiagrams(diagrams, site);
  const cachedStart = performance.now();
  await parseDiagrams(diagrams, site);
  const cachedMs = performance.now() - cachedStart;
  const graphs = section.model.dependencies?.graphs ?? [];
  console.log(
    JSON.stringify({
      sectionMs,
      files: section.model.dependencies?.files ?? 0,
      imports: section.model.dependencies?.imports ?? 0,
      cycles: section.model.dependencies?.cycles.length ?? 0,
      pages: section.files.size,
      diagrams: diagrams.length,
      broken,
      maxNodes: Math.max(0, ...graphs.map((graph) => graph.nodes.length)),
      mermaidFirstMs: firstMs,
      mermaidMedianMs: median(times),
      mermaidMaxMs: Math.max(0, ...times),
      mermaidBatchPerDiagramMs: diagrams.length ? batchMs / diagrams.length : 0,
      mermaidCachedPerDiagramMs: diagrams.length ? cachedMs / diagrams.length : 0,
      entities: section.model.entities.length,
      entitiesByOrigin: Object.fromEntries([...new Set(section.model.entities.map((e) => e.origin.split(' ')[0]))].sort().map((origin) => [origin, section.model.entities.filter((e) => e.origin.split(' ')[0] === origin).length])),
    }),
  );
  fs.rmSync(site, {recursive: true, force: true});
  process.exit(0);
}

function median(list) {
  const sorted = [...list].sort((a, b) => a - b);
  return sorted.length ? sorted[Math.floor(sorted.length / 2)] : NaN;
}

function prepareEffect() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-arch-effect-'));
  const from = path.join(SITE_DIR, 'node_modules', 'effect');
  fs.cpSync(path.join(from, 'src'), path.join(dir, 'src'), {recursive: true});
  fs.copyFileSync(path.join(from, 'package.json'), path.join(dir, 'package.json'));
  return dir;
}

/**
 * The data model readers' input: the test fixtures (a Drizzle schema, SQL migrations, SQLModel and
 * SQLAlchemy models, Alembic revisions, MikroORM entities, Sequelize models) copied into 50 service
 * folders, so each reader has work.
 */
async function prepareDataModels() {
  const {createJiti} = await import('jiti');
  const load = createJiti(import.meta.url);
  const {DATA_MODEL_FILES} = await load.import(path.join(SITE_DIR, 'test/architectureFixture.ts'));
  const {MIKROORM_FILES, SEQUELIZE_FILES} = await load.import(path.join(SITE_DIR, 'test/ormFixture.ts'));
  const files = {...DATA_MODEL_FILES, ...MIKROORM_FILES, ...SEQUELIZE_FILES};
  delete files['package.json'];
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-arch-data-'));
  for (let i = 0; i < 50; i++) {
    for (const [file, text] of Object.entries(files)) {
      fs.mkdirSync(path.dirname(path.join(dir, `svc${i}`, file)), {recursive: true});
      fs.writeFileSync(path.join(dir, `svc${i}`, file), text);
    }
  }
  return dir;
}

function ours(target) {
  const result = spawnSync(process.execPath, [fileURLToPath(import.meta.url), '--child', target], {encoding: 'utf8', maxBuffer: 64 * 1024 * 1024});
  if (result.status !== 0) throw new Error(`ours failed on ${target}:\n${result.stderr.slice(-2000)}`);
  return JSON.parse(result.stdout.trim().split('\n').at(-1));
}

function depcruise(target) {
  const started = performance.now();
  const result = spawnSync(path.join(SITE_DIR, 'node_modules/.bin/depcruise'), ['src', '--no-config', '--output-type', 'json'], {cwd: target, encoding: 'utf8', maxBuffer: 512 * 1024 * 1024});
  const ms = performance.now() - started;
  if (result.status !== 0) throw new Error(`depcruise failed:\n${result.stderr.slice(-2000)}`);
  const summary = JSON.parse(result.stdout).summary;
  return {ms, modules: summary.totalCruised, dependencies: summary.totalDependenciesCruised};
}

const runs = Number(values.runs);
const effect = prepareEffect();
const dataModels = await prepareDataModels();
const results = {effect: [], depcruise: [], self: [], data: []};
try {
  for (let run = 0; run < runs; run++) {
    results.effect.push(ours(effect));
    results.depcruise.push(depcruise(effect));
    results.self.push(ours(SITE_DIR));
    results.data.push(ours(dataModels));
    process.stderr.write(`run ${run + 1}/${runs} done\n`);
  }
} finally {
  fs.rmSync(effect, {recursive: true, force: true});
  fs.rmSync(dataModels, {recursive: true, force: true});
}

const pick = (list, key) => median(list.map((entry) => entry[key]));
const row = (label, list) => {
  const last = list.at(-1);
  return `${label.padEnd(26)} ${(pick(list, 'sectionMs') / 1000).toFixed(2).padStart(7)} s  ${String(last.files).padStart(5)} files ${String(last.imports).padStart(6)} imports ${String(last.cycles).padStart(3)} cycles ${String(last.pages).padStart(4)} pages ${String(last.diagrams).padStart(4)} diagrams (${last.broken} broken, largest ${last.maxNodes} nodes)`;
};
console.log(`Architecture section, median of ${runs} interleaved runs (in process, after loading; load average ${os.loadavg()[0].toFixed(2)} on ${os.cpus().length} CPUs)`);
console.log(row('effect/src', results.effect));
console.log(row('this repository (default)', results.self));
const data = results.data.at(-1);
console.log(`${'data models (50 x fixture)'.padEnd(26)} ${(pick(results.data, 'sectionMs') / 1000).toFixed(2).padStart(7)} s  ${data.entities} entities ${JSON.stringify(data.entitiesByOrigin)}`);
const cruise = pick(results.depcruise, 'ms');
console.log(`${'depcruise on effect/src'.padEnd(26)} ${(cruise / 1000).toFixed(2).padStart(7)} s  ${results.depcruise.at(-1).modules} modules ${results.depcruise.at(-1).dependencies} dependencies (wall, with start-up)`);
console.log(`ratio ours/depcruise on effect/src: ${(pick(results.effect, 'sectionMs') / cruise).toFixed(2)}`);
console.log(
  `Mermaid: first parse (loads Mermaid) ${pick(results.effect, 'mermaidFirstMs').toFixed(0)} ms; per diagram after it: median ${pick(results.effect, 'mermaidMedianMs').toFixed(1)} ms, max ${pick(results.effect, 'mermaidMaxMs').toFixed(1)} ms (effect); median ${pick(results.self, 'mermaidMedianMs').toFixed(1)} ms (this repository)`,
);
console.log(
  `Mermaid per diagram in the build's batches: ${pick(results.effect, 'mermaidBatchPerDiagramMs').toFixed(1)} ms (effect), ${pick(results.self, 'mermaidBatchPerDiagramMs').toFixed(1)} ms (this repository); unchanged diagrams from the cache: ${pick(results.effect, 'mermaidCachedPerDiagramMs').toFixed(2)} ms (effect), ${pick(results.self, 'mermaidCachedPerDiagramMs').toFixed(2)} ms (this repository)`,
);
