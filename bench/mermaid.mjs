#!/usr/bin/env node
/**
 * Mermaid check benchmark: the time to parse one diagram with Mermaid's own parser, uncached, as the
 * build's diagram check does it (plugins/core/mermaid/parseWorker.mjs, docs/adr/0051), next to the
 * same parser with Mermaid's stock configuration (what the check did before: `mermaid.parse` after
 * `initialize`, which deep-copies ~760 configuration keys for every labelled node).
 *
 *   npm run bench:mermaid [-- --runs N]
 *
 * Inputs: (a) every Mermaid block of this repository's site: its docs and README, and every section
 * the default site generates; (b) the Architecture section of effect's sources
 * (node_modules/effect/src, ~570 files). Each run, interleaved so the machine's noise hits both
 * alike, parses each input in a fresh process with each configuration: first diagram (loading
 * Mermaid and the first diagram type included), then each diagram on its own (a round trip to the
 * thread for ours). Medians of the runs' medians; the machine's load is printed with them.
 */
import {spawnSync} from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {parseArgs} from 'node:util';
import {performance} from 'node:perf_hooks';
import {fileURLToPath} from 'node:url';

const SITE_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const SELF = fileURLToPath(import.meta.url);
const {values} = parseArgs({options: {runs: {type: 'string', default: '5'}, corpus: {type: 'string'}, target: {type: 'string'}, only: {type: 'string'}, parse: {type: 'string'}, out: {type: 'string'}}});

async function jiti() {
  const {createJiti} = await import('jiti');
  return createJiti(import.meta.url);
}

if (values.corpus) {
  // Child: the diagrams of a target's generated sections (all generators, or `--only <id>`), and of
  // its Markdown files outside generated folders when it is this repository.
  const load = await jiti();
  const {loadTargetContext} = await load.import(path.join(SITE_DIR, 'plugins/core/prepareSite.ts'));
  const {generateSections} = await load.import(path.join(SITE_DIR, 'plugins/core/site/generateSections.ts'));
  const {findMermaidBlocks} = await load.import(path.join(SITE_DIR, 'plugins/core/mermaid/check.ts'));
  const {siteParts} = await load.import(path.join(SITE_DIR, 'docusaurus.config.ts'));
  const site = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-mermaid-site-'));
  const context = await loadTargetContext({siteDir: site, target: values.target});
  const generators = values.only ? siteParts.generators.filter((generator) => generator.id === values.only) : siteParts.generators;
  const {generated} = await generateSections(context, generators, siteParts.reservedRoutes);
  const diagrams = [];
  for (const {section} of generated) {
    for (const [file, text] of [...section.files].sort(([a], [b]) => (a < b ? -1 : 1))) {
      if (typeof text === 'string' && /\.mdx?$/.test(file)) diagrams.push(...findMermaidBlocks(text).map((block) => ({file: `${section.id}/${file}`, text: block.text})));
    }
  }
  if (!values.only) {
    for (const file of context.inventory.files.filter((name) => /\.mdx?$/.test(name)).sort()) {
      diagrams.push(...findMermaidBlocks(fs.readFileSync(path.join(context.root, file), 'utf8')).map((block) => ({file, text: block.text})));
    }
  }
  fs.writeFileSync(values.out, JSON.stringify(diagrams));
  fs.rmSync(site, {recursive: true, force: true});
  process.exit(0);
}

if (values.parse) {
  // Child: one measured pass over a corpus with one configuration, printed as one JSON line.
  const texts = JSON.parse(fs.readFileSync(values.parse, 'utf8')).map((diagram) => diagram.text);
  let parse;
  let loadStart = performance.now();
  if (values.only === 'stock') {
    const {default: DOMPurify} = await import('dompurify');
    const noop = () => undefined;
    if (!DOMPurify.isSupported) Object.assign(DOMPurify, {addHook: noop, removeHook: noop, removeHooks: noop, removeAllHooks: noop, sanitize: (value) => String(value)});
    const {default: mermaid} = await import('mermaid');
    mermaid.initialize({startOnLoad: false, securityLevel: 'strict'});
    parse = async (text) => {
      try {
        await mermaid.parse(text);
        return undefined;
      } catch (error) {
        return error.message;
      }
    };
  } else {
    const {parseDiagram} = await (await jiti()).import(path.join(SITE_DIR, 'plugins/core/mermaid/check.ts'));
    parse = parseDiagram;
    // Loading our TypeScript through jiti is not Mermaid's time; the thread starts on the first parse.
    loadStart = performance.now();
  }
  const times = [];
  // CPU time of the process (both threads): what a loaded machine inflates least.
  const cpu = [];
  let broken = 0;
  for (const text of texts) {
    const started = performance.now();
    const cpuStarted = process.cpuUsage();
    if ((await parse(text)) !== undefined) broken++;
    times.push(performance.now() - (times.length === 0 ? loadStart : started));
    const used = process.cpuUsage(cpuStarted);
    cpu.push((used.user + used.system) / 1000);
  }
  const [firstMs, ...rest] = times;
  const cpuMedianMs = median(cpu.slice(1));
  console.log(JSON.stringify({firstMs, medianMs: median(rest), p90Ms: quantile(rest, 0.9), maxMs: Math.max(...rest), cpuMedianMs, diagrams: texts.length, broken}));
  process.exit(0);
}

function median(list) {
  return quantile(list, 0.5);
}

function quantile(list, q) {
  const sorted = [...list].sort((a, b) => a - b);
  return sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * q))] : NaN;
}

function child(args) {
  const result = spawnSync(process.execPath, [SELF, ...args], {cwd: SITE_DIR, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024});
  if (result.status !== 0) throw new Error(`${args.join(' ')} failed:\n${result.stderr.slice(-2000)}`);
  return result.stdout.trim().split('\n').at(-1);
}

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-mermaid-'));
try {
  const effect = path.join(tmp, 'effect');
  fs.cpSync(path.join(SITE_DIR, 'node_modules/effect/src'), path.join(effect, 'src'), {recursive: true});
  fs.copyFileSync(path.join(SITE_DIR, 'node_modules/effect/package.json'), path.join(effect, 'package.json'));
  const corpora = [
    {name: 'this repository (docs + sections)', file: path.join(tmp, 'self.json'), args: ['--target', SITE_DIR]},
    {name: 'effect/src Architecture section', file: path.join(tmp, 'effect.json'), args: ['--target', effect, '--only', 'architecture']},
  ];
  for (const corpus of corpora) child(['--corpus', '1', ...corpus.args, '--out', corpus.file]);
  const runs = Number(values.runs);
  const results = new Map(corpora.map((corpus) => [corpus.name, {stock: [], ours: []}]));
  const loads = [];
  for (let run = 0; run < runs; run++) {
    loads.push(os.loadavg()[0]);
    for (const corpus of corpora) {
      for (const mode of run % 2 === 0 ? ['stock', 'ours'] : ['ours', 'stock']) {
        results.get(corpus.name)[mode].push(JSON.parse(child(['--parse', corpus.file, '--only', mode])));
      }
    }
    process.stderr.write(`run ${run + 1}/${runs} done\n`);
  }
  const pick = (list, key) => median(list.map((entry) => entry[key]));
  console.log(`Mermaid parse per diagram, uncached, median of ${runs} interleaved runs (load average ${median(loads).toFixed(2)} on ${os.cpus().length} CPUs)`);
  for (const corpus of corpora) {
    const {stock, ours} = results.get(corpus.name);
    const last = ours.at(-1);
    console.log(`${corpus.name}: ${last.diagrams} diagrams, ${last.broken} broken (stock: ${stock.at(-1).broken})`);
    for (const [label, list] of [['stock Mermaid config', stock], ['ours (parseWorker)', ours]]) {
      console.log(
        `  ${label.padEnd(22)} first ${pick(list, 'firstMs').toFixed(0).padStart(5)} ms   after it: median ${pick(list, 'medianMs').toFixed(1).padStart(5)} ms (CPU ${pick(list, 'cpuMedianMs').toFixed(1)} ms)  p90 ${pick(list, 'p90Ms').toFixed(1).padStart(5)} ms  max ${pick(list, 'maxMs').toFixed(1).padStart(6)} ms`,
      );
    }
    console.log(`  ratio stock/ours, median per diagram: ${(pick(stock, 'medianMs') / pick(ours, 'medianMs')).toFixed(2)} (CPU ${(pick(stock, 'cpuMedianMs') / pick(ours, 'cpuMedianMs')).toFixed(2)})`);
  }
} finally {
  fs.rmSync(tmp, {recursive: true, force: true});
}
