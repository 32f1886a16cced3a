#!/usr/bin/env node
/**
 * HTTP API reference benchmark: docs-architect against the stock docusaurus-plugin-openapi-docs
 * pipeline (gen-api-docs, then docusaurus build) on the same spec, in one run.
 *
 *   node bench/openapi.mjs [--spec FILE] [--runs N] [--only ours,stock-rspack,stock-webpack,ours-webpack,petstore]
 *                          [--json FILE] [--keep]
 *
 * Default spec: GitHub's REST description from @octokit/openapi. For each run, in this order (so the
 * machine's noise hits every pipeline alike):
 *   ours           docs-architect build of a target holding only the spec (Rspack): generation
 *                  (prepareSite alone, cold) and the whole build (generation included), cold
 *   stock-rspack   a scratch Docusaurus site under the OS temp folder, using this repository's
 *                  node_modules: `docusaurus gen-api-docs all`, then `docusaurus build` with
 *                  future.faster (Rspack)
 *   stock-webpack  the same site built with webpack
 *   ours-no-schemas  the same with `openapi.schemaPages: false`: the pages the stock pipeline makes
 *                  by default (it has no schema pages unless asked, and fails on GitHub's with them)
 *   ours-webpack   docs-architect with --bundler webpack (not in the default set)
 *   petstore       what a petstore-size spec adds: the same small target built without and with
 *                  @readme/oas-examples' petstore.json (Rspack)
 * Every build is cold: the caches of both sites (.docusaurus, .docs-architect, node_modules/.cache)
 * are deleted first. Before a stock build the script waits until enough memory is free (17 GiB for
 * Rspack, whose build peaked at 16.9 GB here; 7 GiB for webpack), and it never runs two builds at once.
 *
 * It deletes this site's caches: do not run it while another build or `npm start` uses the folder.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {parseArgs} from 'node:util';
import {fileURLToPath} from 'node:url';
import {availableGiB, filesUnder, markdownTable, measure, median, stopCurrent} from './measure.mjs';
import {createStockSite} from './stockSite.mjs';

const SITE_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const CLI = path.join(SITE_DIR, 'bin', 'docs-architect.js');
// The CLI keeps each build's work folders (.docusaurus, .docs-architect, the bundler's cache) in a
// cache folder (docs/adr/0025): the benchmark gives it one of its own, so that a cold run can clear it.
const BUILDS_CACHE = path.join(os.tmpdir(), 'docs-architect-bench-builds');
process.env.DOCS_ARCHITECT_CACHE_DIR = BUILDS_CACHE;
const JITI = path.join(SITE_DIR, 'node_modules', 'jiti', 'lib', 'jiti-cli.mjs');
const DOCUSAURUS = path.join(SITE_DIR, 'node_modules', '@docusaurus', 'core', 'bin', 'docusaurus.mjs');
const GITHUB_SPEC = path.join(SITE_DIR, 'node_modules', '@octokit', 'openapi', 'generated', 'api.github.com.json');
const PETSTORE = path.join(SITE_DIR, 'node_modules', '@readme', 'oas-examples', '3.0', 'json', 'petstore.json');
const DEFAULT_STEPS = ['ours', 'ours-no-schemas', 'stock-rspack', 'stock-webpack', 'petstore'];
const ALL_STEPS = [...DEFAULT_STEPS, 'ours-webpack'];
/** Free memory a stock build needs before it starts: its Rspack build peaked at 16.9 GB here. */
const STOCK_MIN_FREE_GIB = {rspack: 17, webpack: 7};

function parseOptions() {
  const {values} = parseArgs({
    options: {
      spec: {type: 'string', default: GITHUB_SPEC},
      runs: {type: 'string', default: '1'},
      only: {type: 'string', default: DEFAULT_STEPS.join(',')},
      json: {type: 'string'},
      keep: {type: 'boolean', default: false},
      help: {type: 'boolean', short: 'h', default: false},
    },
  });
  if (values.help) {
    console.log(fs.readFileSync(fileURLToPath(import.meta.url), 'utf8').split('*/')[0]);
    process.exit(0);
  }
  const steps = values.only.split(',').map((step) => step.trim()).filter(Boolean);
  for (const step of steps) if (!ALL_STEPS.includes(step)) fail(`unknown step "${step}" (use ${ALL_STEPS.join(', ')})`);
  if (!/^\d+$/.test(values.runs) || Number(values.runs) < 1) fail(`--runs must be a positive integer, got "${values.runs}"`);
  const spec = path.resolve(values.spec);
  if (!fs.existsSync(spec)) fail(`no spec at ${spec}`);
  return {spec, runs: Number(values.runs), steps, json: values.json && path.resolve(values.json), keep: values.keep};
}

function fail(message) {
  console.error(`bench/openapi: ${message}`);
  process.exit(2);
}

function clearCaches(...siteDirs) {
  fs.rmSync(BUILDS_CACHE, {recursive: true, force: true});
  for (const dir of siteDirs) {
    for (const cache of ['.docusaurus', '.docs-architect', path.join('node_modules', '.cache')]) {
      fs.rmSync(path.join(dir, cache), {recursive: true, force: true});
    }
  }
}

function tempDir(prefix) {
  return fs.mkdtempSync(path.join(os.tmpdir(), `docs-architect-bench-${prefix}-`));
}

/** A target repository holding one spec (or none), a package.json and optionally a config. */
function makeTarget(name, spec, config) {
  const dir = tempDir(name);
  fs.writeFileSync(path.join(dir, 'package.json'), `${JSON.stringify({name, version: '1.0.0', private: true}, null, 2)}\n`);
  fs.writeFileSync(path.join(dir, 'README.md'), `# ${name}\n`);
  if (spec) fs.copyFileSync(spec, path.join(dir, `openapi${path.extname(spec)}`));
  if (config) fs.writeFileSync(path.join(dir, 'docs-architect.config.json'), `${JSON.stringify(config)}\n`);
  return dir;
}

async function waitForMemory(label, gib) {
  for (let waited = 0; availableGiB() < gib; waited += 30) {
    if (waited === 0) console.log(`  (${label}: waiting for ${gib} GiB free, ${availableGiB().toFixed(1)} GiB now)`);
    if (waited > 1800) throw new Error(`${label}: the machine never had ${gib} GiB free`);
    await new Promise((resolve) => setTimeout(resolve, 30_000));
  }
}

/** The generated pages of our build: MDX and the JSON files pages fetch. */
function ourOutput() {
  const generated = filesUnder(path.join(SITE_DIR, '.docs-architect', 'generated'), /\.mdx$/);
  const data = filesUnder(path.join(SITE_DIR, '.docs-architect', 'static'), /\.json$/);
  return {mdxFiles: generated.count, mdxBytes: generated.bytes, dataFiles: data.count, dataBytes: data.bytes};
}

async function runOurs({spec, logDir, label, bundler, keep, config}) {
  const target = makeTarget('github-api', spec, config);
  const out = tempDir('out');
  try {
    clearCaches(SITE_DIR);
    const generation = await measure({command: process.execPath, args: [JITI, path.join(SITE_DIR, 'bench', 'generate.ts'), target], cwd: SITE_DIR, logDir, label: `${label}-generate`});
    const output = ourOutput();
    clearCaches(SITE_DIR);
    const build = await measure({command: process.execPath, args: [CLI, 'build', target, '--out', out, '--bundler', bundler], cwd: SITE_DIR, logDir, label: `${label}-build`});
    return {generation, build, ...output, pages: filesUnder(out, /^index\.html$/).count};
  } finally {
    if (!keep) for (const dir of [target, out]) fs.rmSync(dir, {recursive: true, force: true});
  }
}

async function runStock({spec, logDir, label, bundler, keep}) {
  const site = createStockSite(SITE_DIR, spec);
  try {
    clearCaches(SITE_DIR, site.dir);
    const generation = await measure({command: process.execPath, args: [DOCUSAURUS, 'gen-api-docs', 'all'], cwd: site.dir, logDir, label: `${label}-generate`});
    const mdx = filesUnder(site.outputDir, /\.mdx$/);
    const all = filesUnder(site.outputDir);
    await waitForMemory(label, STOCK_MIN_FREE_GIB[bundler]);
    const build = await measure({
      command: process.execPath,
      args: [DOCUSAURUS, 'build', '--out-dir', path.join(site.dir, 'build')],
      cwd: site.dir,
      env: {DOCS_BUNDLER: bundler},
      logDir,
      label: `${label}-build`,
    });
    return {generation, build, mdxFiles: mdx.count, mdxBytes: mdx.bytes, generatedFiles: all.count, generatedBytes: all.bytes, pages: filesUnder(path.join(site.dir, 'build'), /^index\.html$/).count};
  } finally {
    if (!keep) fs.rmSync(site.dir, {recursive: true, force: true});
  }
}

async function runPetstore({logDir, label}) {
  const results = {};
  for (const [name, spec] of [['without', undefined], ['with', PETSTORE]]) {
    const target = makeTarget(`petstore-${name}`, spec);
    const out = tempDir('out');
    try {
      clearCaches(SITE_DIR);
      results[name] = await measure({command: process.execPath, args: [CLI, 'build', target, '--out', out], cwd: SITE_DIR, logDir, label: `${label}-${name}`});
    } finally {
      for (const dir of [target, out]) fs.rmSync(dir, {recursive: true, force: true});
    }
  }
  return results;
}

const s1 = (x) => (x === undefined ? '-' : x.toFixed(1));
const mb = (bytes) => (bytes / 2 ** 20).toFixed(1);
const ratio = (a, b) => (a === undefined || b === undefined ? '-' : `${(a / b).toFixed(2)}×`);

function summarize(results, specBytes) {
  const med = (step, pick) => {
    const values = results.filter((r) => r.step === step && !r.error).map(pick).filter((v) => v !== undefined);
    return values.length ? median(values) : undefined;
  };
  const rows = [];
  for (const step of ['ours', 'ours-no-schemas', 'ours-webpack', 'stock-rspack', 'stock-webpack']) {
    if (!results.some((r) => r.step === step && !r.error)) continue;
    rows.push({
      step,
      genS: med(step, (r) => r.generation.wallS),
      genMB: med(step, (r) => r.generation.maxRssMB),
      buildS: med(step, (r) => r.build.wallS),
      buildMB: med(step, (r) => r.build.maxRssMB),
      treeMB: med(step, (r) => r.build.treeRssMB),
      mdxFiles: med(step, (r) => r.mdxFiles),
      mdxBytes: med(step, (r) => r.mdxBytes),
      pages: med(step, (r) => r.pages),
    });
  }
  const petstore = results.filter((r) => r.step === 'petstore' && !r.error);
  const added = petstore.length ? median(petstore.map((r) => r.with.wallS - r.without.wallS)) : undefined;
  return {rows, specBytes, petstore: petstore.length ? {withoutS: median(petstore.map((r) => r.without.wallS)), withS: median(petstore.map((r) => r.with.wallS)), addedS: added} : undefined};
}

function printSummary(summary, runs) {
  const {rows, specBytes} = summary;
  console.log(`\n## Results (medians of ${runs} run${runs > 1 ? 's' : ''})\n`);
  console.log(
    markdownTable(
      ['pipeline', 'generation s', 'generation peak MB', 'build s (total)', 'build peak MB (largest process)', 'build peak tree MB', 'MDX files', 'MDX MB', 'MDX / spec', 'pages'],
      rows.map((r) => [r.step, s1(r.genS), s1(r.genMB), s1(r.buildS), s1(r.buildMB), s1(r.treeMB), String(r.mdxFiles ?? '-'), r.mdxBytes ? mb(r.mdxBytes) : '-', r.mdxBytes ? ratio(r.mdxBytes, specBytes) : '-', String(r.pages ?? '-')]),
    ),
  );
  const rspack = rows.find((r) => r.step === 'stock-rspack');
  const webpack = rows.find((r) => r.step === 'stock-webpack');
  for (const ours of rows.filter((r) => r.step.startsWith('ours'))) {
    console.log(`\nRatios (${ours.step} / stock):`);
    if (rspack) console.log(`- build wall time vs stock Rspack: ${ratio(ours.buildS, rspack.buildS)} (target < 1)`);
    if (webpack) console.log(`- build peak memory vs stock webpack: ${ratio(ours.buildMB, webpack.buildMB)} (target < 1)`);
    if (rspack) console.log(`- build peak memory vs stock Rspack: ${ratio(ours.buildMB, rspack.buildMB)}`);
    if (webpack) console.log(`- build wall time vs stock webpack: ${ratio(ours.buildS, webpack.buildS)}`);
    if (rspack) console.log(`- generation time vs stock: ${ratio(ours.genS, rspack.genS)}; generated MDX vs stock: ${ratio(ours.mdxBytes, rspack.mdxBytes)}`);
    console.log(`- generated MDX is ${ratio(ours.mdxBytes, specBytes)} the spec's size (target ≤ 3×)`);
  }
  if (summary.petstore) {
    const p = summary.petstore;
    console.log(`- a petstore-size spec adds ${s1(p.addedS)} s to a build (${s1(p.withoutS)} s without, ${s1(p.withS)} s with; target < 15 s)`);
  }
}

async function main() {
  const options = parseOptions();
  if (!fs.existsSync('/usr/bin/time')) fail('/usr/bin/time not found (apt-get install time)');
  const logDir = tempDir('openapi-logs');
  const specBytes = fs.statSync(options.spec).size;
  const version = (pkg) => JSON.parse(fs.readFileSync(path.join(SITE_DIR, 'node_modules', pkg, 'package.json'), 'utf8')).version;
  console.log('# HTTP API reference benchmark\n');
  console.log(`date:     ${new Date().toISOString()}`);
  console.log(`machine:  ${os.availableParallelism?.() ?? os.cpus().length} CPUs, ${(os.totalmem() / 2 ** 30).toFixed(1)} GiB RAM, ${availableGiB().toFixed(1)} GiB available, load ${os.loadavg().map((l) => l.toFixed(1)).join(' ')}`);
  console.log(`versions: node ${process.version}, Docusaurus ${version('@docusaurus/core')}, docusaurus-plugin-openapi-docs ${version('docusaurus-plugin-openapi-docs')}, @rspack/core ${version('@rspack/core')}, webpack ${version('webpack')}`);
  console.log(`spec:     ${options.spec} (${mb(specBytes)} MB)`);
  console.log(`steps:    ${options.steps.join(', ')} × ${options.runs}; logs in ${logDir}\n`);
  const results = [];
  for (let run = 1; run <= options.runs; run++) {
    for (const step of options.steps) {
      const label = `${step}-${run}`;
      process.stdout.write(`[${new Date().toISOString().slice(11, 19)}] ${label} ... `);
      try {
        let result;
        if (step.startsWith('ours')) {
          const config = step === 'ours-no-schemas' ? {openapi: {schemaPages: false}} : undefined;
          result = await runOurs({...options, logDir, label, bundler: step === 'ours-webpack' ? 'webpack' : 'rspack', config});
        }
        else if (step === 'petstore') result = await runPetstore({logDir, label});
        else result = await runStock({...options, logDir, label, bundler: step === 'stock-rspack' ? 'rspack' : 'webpack'});
        results.push({step, run, ...result});
        console.log(step === 'petstore' ? `without ${s1(result.without.wallS)} s, with ${s1(result.with.wallS)} s` : `generation ${s1(result.generation.wallS)} s / ${s1(result.generation.maxRssMB)} MB, build ${s1(result.build.wallS)} s / ${s1(result.build.maxRssMB)} MB, ${result.pages} pages`);
      } catch (error) {
        console.log('FAILED');
        console.error(error.message);
        results.push({step, run, error: error.message});
      }
    }
  }
  const summary = summarize(results, specBytes);
  printSummary(summary, options.runs);
  if (options.json) {
    fs.mkdirSync(path.dirname(options.json), {recursive: true});
    fs.writeFileSync(options.json, `${JSON.stringify({date: new Date().toISOString(), spec: options.spec, results, summary}, null, 2)}\n`);
    console.log(`\nJSON written to ${options.json}`);
  }
  if (results.some((r) => r.error)) process.exitCode = 1;
}

for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => {
    stopCurrent();
    process.exit(130);
  });
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
