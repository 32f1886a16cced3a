#!/usr/bin/env node
/**
 * GraphQL reference benchmark: docs-architect against @graphql-markdown/docusaurus (the stock
 * Docusaurus plugin: `docusaurus graphql-to-doc`, then `docusaurus build`) on GitHub's public schema
 * from @octokit/graphql-schema, in one run, interleaved (ours, then stock, per run), medians.
 *
 *   npm run bench:graphql -- [--runs N] [--only ours|stock|published] [--published-seconds S] [--step-timeout S] [--json FILE] [--keep]
 *
 * Steps per run:
 *   ours-generate   prepareSite with the GraphQL generator alone (bench/graphql-generate.ts), cold
 *   ours-build      `docs-architect build` of a target holding only the schema (generation included), cold
 *   stock-generate  `docusaurus graphql-to-doc` in a scratch site with the plugin's documented setup,
 *                   with its getSchemaMap memoized (see below)
 *   stock-build     `docusaurus build` of that site (the plugin does not generate during a build)
 * and once, in run 1, `stock-published`: graphql-to-doc exactly as published, stopped after
 * --published-seconds (default 240; 0 skips it). Its mean getSchemaMap call time, times the calls
 * the memoized run counted, plus the memoized run's time, is its projected generation time.
 * `--only published` runs the memoized generation and the probe alone. Do not run two of these
 * benchmarks at once: each run clears the shared build cache folder.
 *
 * Why the memo: as published (core 1.21, printer-legacy 1.16, @graphql-markdown/graphql 1.2.2), every
 * type page prints its "Returned By / Member Of / Implemented By" lists by calling getSchemaMap(schema)
 * three times, and each call rebuilds seven maps of the whole schema with `reduce((res, key) =>
 * ({...res, [key]: ...}))`, which copies the growing object at every key: quadratic in the number of
 * types per page. On GitHub's ~1,600 types that is seconds per page, so the 1,910 pages take hours
 * (the V8 profile in docs/graphql.md: 94% of ticks under getSchemaMap). No option turns the lists
 * off. The result depends only on the schema, so a preload (schema-map.cjs) memoizes it per schema object;
 * the pages are byte-identical (checked on a 40-type subset of GitHub's schema: 64 files, 39 with
 * relation lists, `diff -r` empty), and the stock tool is then measured doing the work it means to do.
 *
 * GitHub's published schema defines two fields of EnterpriseOwnerInfo twice: graphql-js (and so the
 * stock plugin) rejects it. Both pipelines get the same copy with the second definitions removed;
 * ours also reports them when given the original. A step that exceeds --step-timeout (default
 * 1800 s) is killed and reported as such. Wall time and peak RSS come from /usr/bin/time -v.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {parseArgs} from 'node:util';
import {fileURLToPath} from 'node:url';
import {parse, print, visit} from 'graphql';
import {filesUnder, markdownTable, measure, median} from './measure.mjs';

const SITE_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const CLI = path.join(SITE_DIR, 'bin', 'docs-architect.js');
const JITI = path.join(SITE_DIR, 'node_modules', 'jiti', 'lib', 'jiti-cli.mjs');
const DOCUSAURUS = path.join(SITE_DIR, 'node_modules', '@docusaurus', 'core', 'bin', 'docusaurus.mjs');
const SCHEMA = path.join(SITE_DIR, 'node_modules', '@octokit', 'graphql-schema', 'schema.graphql');
// Our builds keep their work folders in a cache folder of their own (docs/adr/0025), cleared per run.
const BUILDS_CACHE = path.join(os.tmpdir(), 'docs-architect-bench-graphql-builds');
process.env.DOCS_ARCHITECT_CACHE_DIR = BUILDS_CACHE;

const {values: args} = parseArgs({
  options: {
    runs: {type: 'string', default: '1'},
    'step-timeout': {type: 'string', default: '1800'},
    'published-seconds': {type: 'string', default: '240'},
    only: {type: 'string'},
    json: {type: 'string'},
    keep: {type: 'boolean', default: false},
  },
});
const runs = Number(args.runs);
const stepTimeout = args['step-timeout'];
const publishedSeconds = Number(args['published-seconds']);

const tempDir = (prefix) => fs.mkdtempSync(path.join(os.tmpdir(), `docs-architect-bench-graphql-${prefix}-`));

/** The schema with each object type's second definition of a field removed, as graphql-js accepts it. */
function acceptedSchema() {
  const document = parse(fs.readFileSync(SCHEMA, 'utf8'));
  const deduped = visit(document, {
    ObjectTypeDefinition(node) {
      const seen = new Set();
      return {...node, fields: node.fields.filter((field) => !seen.has(field.name.value) && seen.add(field.name.value))};
    },
  });
  return `${print(deduped)}\n`;
}

function makeTarget(schema) {
  const dir = tempDir('target');
  fs.writeFileSync(path.join(dir, 'package.json'), `${JSON.stringify({name: 'github-graphql', version: '1.0.0', private: true}, null, 2)}\n`);
  fs.writeFileSync(path.join(dir, 'schema.graphql'), schema);
  return dir;
}

/**
 * The stock setup: a classic Docusaurus site with @graphql-markdown/docusaurus configured as its
 * documentation says (schema file, GraphQLFileLoader, rootPath/baseURL), linking this repository's
 * node_modules so both pipelines run the same Docusaurus and Rspack.
 */
function makeStockSite(schema) {
  const dir = tempDir('stock');
  fs.symlinkSync(path.join(SITE_DIR, 'node_modules'), path.join(dir, 'node_modules'), 'dir');
  fs.writeFileSync(path.join(dir, 'schema.graphql'), schema);
  fs.writeFileSync(path.join(dir, 'package.json'), `${JSON.stringify({name: 'stock-graphql-markdown', private: true}, null, 2)}\n`);
  fs.mkdirSync(path.join(dir, 'docs'));
  fs.writeFileSync(
    path.join(dir, 'docusaurus.config.js'),
    `module.exports = {
  title: 'Stock graphql-markdown',
  url: 'http://localhost',
  baseUrl: '/',
  onBrokenLinks: 'warn',
  onBrokenAnchors: 'warn',
  markdown: {hooks: {onBrokenMarkdownLinks: 'warn'}},
  future: {v4: true, faster: true},
  presets: [['classic', {docs: {routeBasePath: '/'}, blog: false}]],
  plugins: [['@graphql-markdown/docusaurus', {schema: './schema.graphql', rootPath: './docs', baseURL: 'graphql', loaders: {GraphQLFileLoader: '@graphql-tools/graphql-file-loader'}}]],
};
`,
  );
  // npm nests copies of graphql under @graphql-markdown/*, while the file loader builds the schema
  // with the top-level copy; two copies cannot share a schema ("from another module or realm"), so
  // every require of a nested copy is sent to the top-level one.
  fs.writeFileSync(
    path.join(dir, 'one-graphql.cjs'),
    `const Module = require('node:module');
const path = require('node:path');
const original = Module._resolveFilename;
Module._resolveFilename = function (request, parent, ...rest) {
  const resolved = original.call(this, request, parent, ...rest);
  const nested = /^(.*)[\\\\/]@graphql-markdown[\\\\/][^\\\\/]+[\\\\/]node_modules[\\\\/]graphql[\\\\/](.*)$/.exec(resolved);
  return nested ? path.join(nested[1], 'graphql', nested[2]) : resolved;
};
`,
  );
  // getSchemaMap(schema) depends only on the schema: with MEMO=1 computed once per schema instead of
  // three times per page (see the header). Patched where it is defined, so every caller sees it.
  // Either way it counts the calls and the time they took in STATS: the published version writes
  // them at every call (it is stopped by a signal mid-run; each call takes long), the memoized one at exit.
  fs.writeFileSync(
    path.join(dir, 'schema-map.cjs'),
    `const Module = require('node:module');
const fs = require('node:fs');
const load = Module._load;
const memo = new WeakMap();
const stats = {calls: 0, computed: 0, computeMs: 0, firstCallS: undefined};
const save = () => fs.writeFileSync(process.env.STATS, JSON.stringify(stats));
if (process.env.MEMO) process.on('exit', save);
Module._load = function (...args) {
  const loaded = load.apply(this, args);
  const own = loaded && Object.getOwnPropertyDescriptor(loaded, 'getSchemaMap');
  if (own && own.writable && typeof own.value === 'function' && !own.value.wrapped) {
    const original = own.value;
    const compute = (schema) => {
      const started = performance.now();
      stats.firstCallS ??= started / 1000;
      const map = original(schema);
      stats.computed += 1;
      stats.computeMs += performance.now() - started;
      return map;
    };
    const wrapped = (schema) => {
      stats.calls += 1;
      if (!process.env.MEMO || !schema || typeof schema !== 'object') {
        const map = compute(schema);
        if (!process.env.MEMO) save();
        return map;
      }
      if (!memo.has(schema)) memo.set(schema, compute(schema));
      return memo.get(schema);
    };
    wrapped.wrapped = true;
    loaded.getSchemaMap = wrapped;
  }
  return loaded;
};
`,
  );
  return dir;
}

async function step(results, run, name, fn) {
  console.log(`run ${run}: ${name}...`);
  try {
    const value = await fn();
    results.push({run, step: name, ...value});
    console.log(`  ${value.wallS.toFixed(1)} s, ${value.maxRssMB.toFixed(0)} MB peak${value.pages !== undefined ? `, ${value.pages} pages` : ''}`);
  } catch (error) {
    results.push({run, step: name, error: String(error.message ?? error).split('\n')[0]});
    console.log(`  failed: ${String(error.message ?? error).split('\n').slice(0, 3).join(' / ')}`);
  }
}

async function main() {
  const logDir = tempDir('logs');
  const schema = acceptedSchema();
  const results = [];
  for (let run = 1; run <= runs; run++) {
    const target = makeTarget(schema);
    const out = tempDir('out');
    const siteDir = tempDir('site');
    fs.rmSync(BUILDS_CACHE, {recursive: true, force: true});
    if (args.only !== 'stock' && args.only !== 'published') await ours(results, run, target, siteDir, out, logDir);
    if (args.only !== 'ours') await stock(results, run, schema, logDir);
    if (!args.keep) for (const dir of [target, out, siteDir]) fs.rmSync(dir, {recursive: true, force: true});
  }
  summarize(results, logDir);
}

async function ours(results, run, target, siteDir, out, logDir) {
  await step(results, run, 'ours-generate', async () => {
    const measured = await measure({command: process.execPath, args: [JITI, path.join(SITE_DIR, 'bench', 'graphql-generate.ts'), target, siteDir], cwd: SITE_DIR, logDir, label: `ours-generate-${run}`});
    return {...measured, pages: filesUnder(path.join(siteDir, '.docs-architect', 'generated'), /\.mdx$/).count};
  });
  await step(results, run, 'ours-build', async () => {
    const measured = await measure({command: process.execPath, args: [CLI, 'build', target, '--out', out], cwd: SITE_DIR, logDir, label: `ours-build-${run}`});
    return {...measured, pages: filesUnder(out, /^index\.html$/).count};
  });
}

async function stock(results, run, schema, logDir) {
  const stock = makeStockSite(schema);
  const preload = (...files) => ({NODE_OPTIONS: files.map((file) => `--require ${path.join(stock, file)}`).join(' ')});
  const memoStats = path.join(stock, 'schema-map-memo.json');
  const env = {...preload('one-graphql.cjs', 'schema-map.cjs'), MEMO: '1', STATS: memoStats};
  await step(results, run, 'stock-generate', async () => {
    const measured = await measure({command: 'timeout', args: [stepTimeout, process.execPath, DOCUSAURUS, 'graphql-to-doc'], cwd: stock, env, logDir, label: `stock-generate-${run}`});
    const calls = JSON.parse(fs.readFileSync(memoStats, 'utf8')).calls;
    return {...measured, pages: pagesWritten(path.join(stock, 'docs')).length, schemaMapCalls: calls};
  });
  if (args.only === 'published') {
    // only the memoized generation, for its count of getSchemaMap calls
  } else if (results.some((r) => r.run === run && r.step === 'stock-generate' && !r.error)) {
    await step(results, run, 'stock-build', async () => {
      const measured = await measure({command: 'timeout', args: [stepTimeout, process.execPath, DOCUSAURUS, 'build', '--out-dir', path.join(stock, 'build')], cwd: stock, env, logDir, label: `stock-build-${run}`});
      return {...measured, pages: filesUnder(path.join(stock, 'build'), /^index\.html$/).count};
    });
  } else {
    console.log(`  stock generation wrote ${pagesWritten(path.join(stock, 'docs')).length} pages before it stopped`);
  }
  const memoRun = results.find((r) => r.run === run && r.step === 'stock-generate' && !r.error);
  if (run === 1 && publishedSeconds > 0) await published(results, run, stock, {...preload('one-graphql.cjs', 'schema-map.cjs'), STATS: path.join(stock, 'schema-map-published.json')}, memoRun, logDir);
  if (!args.keep) fs.rmSync(stock, {recursive: true, force: true});
}

/** The .mdx pages under `dir` that hold something (a page being written when a step is stopped is empty). */
function pagesWritten(dir) {
  return fs.existsSync(dir) ? fs.readdirSync(dir, {recursive: true}).filter((file) => file.endsWith('.mdx') && fs.statSync(path.join(dir, file)).size > 0) : [];
}

/**
 * graphql-to-doc as published, stopped after --published-seconds. It writes its pages in batches
 * when its event loop gets a turn, so the rate comes from getSchemaMap itself: the mean time of the
 * calls it made, times the calls the memoized run counted (every one a full computation here), plus
 * the memoized run's own time for everything else.
 */
async function published(results, run, stock, env, memoRun, logDir) {
  const docs = path.join(stock, 'docs');
  fs.rmSync(docs, {recursive: true, force: true});
  fs.mkdirSync(docs);
  fs.rmSync(env.STATS, {force: true});
  console.log(`run ${run}: stock-published (stopped after ${publishedSeconds} s)...`);
  let measured;
  try {
    measured = await measure({command: 'timeout', args: [String(publishedSeconds), process.execPath, DOCUSAURUS, 'graphql-to-doc'], cwd: stock, env, logDir, label: `stock-published-${run}`});
  } catch {
    // stopped by timeout, as expected; the counts on disk tell the rate
  }
  const stats = fs.existsSync(env.STATS) ? JSON.parse(fs.readFileSync(env.STATS, 'utf8')) : {calls: 0, computeMs: 0};
  const perCallS = stats.computed > 0 ? stats.computeMs / 1000 / stats.computed : undefined;
  const projectedS = perCallS !== undefined && memoRun?.schemaMapCalls ? memoRun.wallS + perCallS * (memoRun.schemaMapCalls - 1) : undefined;
  const finished = measured !== undefined;
  const pages = pagesWritten(docs).length;
  results.push({run, step: 'stock-published', finished, pages, schemaMapCalls: stats.calls, perCallS, projectedS, ...(measured ?? {})});
  console.log(`  ${finished ? 'finished' : 'stopped'}: ${pages} pages, ${stats.calls} getSchemaMap calls${perCallS === undefined ? '' : ` of ${perCallS.toFixed(2)} s each; the memoized run made ${memoRun?.schemaMapCalls ?? '?'} calls, so all pages are projected at ${projectedS === undefined ? '?' : `${(projectedS / 60).toFixed(0)} min`}`}`);
}

function summarize(results, logDir) {
  const med = (name, pick) => {
    const values = results.filter((r) => r.step === name && !r.error).map(pick);
    return values.length ? median(values) : undefined;
  };
  const rows = ['ours-generate', 'ours-build', 'stock-generate', 'stock-build'].map((name) => {
    const failed = results.filter((r) => r.step === name && r.error).length;
    const s = med(name, (r) => r.wallS);
    const mb = med(name, (r) => r.maxRssMB);
    const pages = med(name, (r) => r.pages);
    return [name, s === undefined ? 'n/a' : s.toFixed(1), mb === undefined ? 'n/a' : mb.toFixed(0), pages === undefined ? 'n/a' : String(pages), failed ? `${failed} failed` : ''];
  });
  console.log(`\n## GitHub's GraphQL schema, medians of ${runs} run${runs > 1 ? 's' : ''}\n`);
  console.log(markdownTable(['step', 'wall s', 'peak RSS MB', 'pages', ''], rows));
  const ratio = (a, b) => (a === undefined || b === undefined ? 'n/a' : `${(a / b).toFixed(2)}×`);
  const total = (prefix, pick) => {
    const generate = med(`${prefix}-generate`, pick);
    const build = med(`${prefix}-build`, pick);
    return prefix === 'ours' ? build : generate === undefined || build === undefined ? undefined : generate + build;
  };
  console.log(`\nwhole pipeline (ours: build incl. generation; stock: graphql-to-doc + build): time ours/stock ${ratio(total('ours', (r) => r.wallS), total('stock', (r) => r.wallS))}, generation ours/stock ${ratio(med('ours-generate', (r) => r.wallS), med('stock-generate', (r) => r.wallS))}, peak memory ours/stock ${ratio(med('ours-build', (r) => r.maxRssMB), Math.max(med('stock-generate', (r) => r.maxRssMB) ?? 0, med('stock-build', (r) => r.maxRssMB) ?? 0) || undefined)}`);
  const probe = results.find((r) => r.step === 'stock-published');
  if (probe) {
    console.log(
      `stock as published (getSchemaMap not memoized): ${probe.finished ? `finished in ${probe.wallS.toFixed(1)} s` : `stopped after ${publishedSeconds} s with ${probe.pages} pages`}` +
        (probe.perCallS === undefined ? '' : `, getSchemaMap ${probe.perCallS.toFixed(2)} s a call, all pages projected at ${probe.projectedS === undefined ? 'n/a' : `${(probe.projectedS / 60).toFixed(0)} min`} of generation; ours-build/projected generation ${ratio(total('ours', (r) => r.wallS), probe.projectedS)}`),
    );
  }
  if (args.json) fs.writeFileSync(args.json, `${JSON.stringify({runs, results}, null, 2)}\n`);
  console.log(`logs: ${logDir}`);
}

await main();
