#!/usr/bin/env node
/**
 * GraphQL reference benchmark: docs-architect against @graphql-markdown/docusaurus (the stock
 * Docusaurus plugin: `docusaurus graphql-to-doc`, then `docusaurus build`) on GitHub's public schema
 * from @octokit/graphql-schema, in one run, interleaved (ours, then stock, per run), medians.
 *
 *   npm run bench:graphql -- [--runs N] [--only ours|stock] [--published-seconds S] [--step-timeout S] [--json FILE] [--keep]
 *
 * Steps per run:
 *   ours-generate   prepareSite with the GraphQL generator alone (bench/graphql-generate.ts), cold
 *   ours-build      `docs-architect build` of a target holding only the schema (generation included), cold
 *   stock-generate  `docusaurus graphql-to-doc` in a scratch site with the plugin's documented setup,
 *                   with its getSchemaMap memoized (see below)
 *   stock-build     `docusaurus build` of that site (the plugin does not generate during a build)
 * and once, in run 1, `stock-published`: graphql-to-doc exactly as published, stopped after
 * --published-seconds (default 240; 0 skips it); its rate gives a projected time for every page.
 *
 * Why the memo: as published (core 1.21, printer-legacy 1.16, @graphql-markdown/graphql 1.2.2), every
 * type page prints its "Returned By / Member Of / Implemented By" lists by calling getSchemaMap(schema)
 * three times, and each call rebuilds seven maps of the whole schema with `reduce((res, key) =>
 * ({...res, [key]: ...}))`, which copies the growing object at every key: quadratic in the number of
 * types per page. On GitHub's ~1,600 types that is seconds per page, so the 1,910 pages take hours
 * (the V8 profile in docs/graphql.md: 94% of ticks under getSchemaMap). No option turns the lists
 * off. The result depends only on the schema, so the preload below memoizes it per schema object;
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
  // getSchemaMap(schema) depends only on the schema: computed once per schema instead of three times
  // per page (see the header). Patched where it is defined, so every caller sees the memo.
  fs.writeFileSync(
    path.join(dir, 'memo-schema-map.cjs'),
    `const Module = require('node:module');
const load = Module._load;
const memo = new WeakMap();
Module._load = function (...args) {
  const loaded = load.apply(this, args);
  const own = loaded && Object.getOwnPropertyDescriptor(loaded, 'getSchemaMap');
  if (own && own.writable && typeof own.value === 'function' && !own.value.memoized) {
    const original = own.value;
    const memoized = (schema) => {
      if (!schema || typeof schema !== 'object') return original(schema);
      if (!memo.has(schema)) memo.set(schema, original(schema));
      return memo.get(schema);
    };
    memoized.memoized = true;
    loaded.getSchemaMap = memoized;
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
    if (args.only !== 'stock') await ours(results, run, target, siteDir, out, logDir);
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
  const env = preload('one-graphql.cjs', 'memo-schema-map.cjs');
  await step(results, run, 'stock-generate', async () => {
    const measured = await measure({command: 'timeout', args: [stepTimeout, process.execPath, DOCUSAURUS, 'graphql-to-doc'], cwd: stock, env, logDir, label: `stock-generate-${run}`});
    return {...measured, pages: pagesWritten(path.join(stock, 'docs')).length};
  });
  if (results.some((r) => r.run === run && r.step === 'stock-generate' && !r.error)) {
    await step(results, run, 'stock-build', async () => {
      const measured = await measure({command: 'timeout', args: [stepTimeout, process.execPath, DOCUSAURUS, 'build', '--out-dir', path.join(stock, 'build')], cwd: stock, env, logDir, label: `stock-build-${run}`});
      return {...measured, pages: filesUnder(path.join(stock, 'build'), /^index\.html$/).count};
    });
  } else {
    console.log(`  stock generation wrote ${pagesWritten(path.join(stock, 'docs')).length} pages before it stopped`);
  }
  const expectedPages = results.find((r) => r.run === run && r.step === 'stock-generate' && !r.error)?.pages;
  if (run === 1 && publishedSeconds > 0) await published(results, run, stock, preload('one-graphql.cjs'), expectedPages, logDir);
  if (!args.keep) fs.rmSync(stock, {recursive: true, force: true});
}

/** The .mdx pages under `dir` that hold something (a page being written when a step is stopped is empty), by time written. */
function pagesWritten(dir) {
  const pages = [];
  const walk = (d) => {
    for (const entry of fs.readdirSync(d, {withFileTypes: true})) {
      const full = path.join(d, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.name.endsWith('.mdx')) {
        const stat = fs.statSync(full);
        if (stat.size > 0) pages.push(stat.mtimeMs);
      }
    }
  };
  if (fs.existsSync(dir)) walk(dir);
  return pages.sort((x, y) => x - y);
}

/**
 * graphql-to-doc as published, stopped after --published-seconds: how many pages it wrote, its rate
 * once it writes (from the pages' times) and the time all pages would take at that rate.
 */
async function published(results, run, stock, env, expectedPages, logDir) {
  const docs = path.join(stock, 'docs');
  fs.rmSync(docs, {recursive: true, force: true});
  fs.mkdirSync(docs);
  console.log(`run ${run}: stock-published (stopped after ${publishedSeconds} s)...`);
  const start = Date.now();
  let measured;
  try {
    measured = await measure({command: 'timeout', args: [String(publishedSeconds), process.execPath, DOCUSAURUS, 'graphql-to-doc'], cwd: stock, env, logDir, label: `stock-published-${run}`});
  } catch {
    // stopped by timeout, as expected; the pages on disk tell the rate
  }
  const pages = pagesWritten(docs);
  const perPageS = pages.length > 1 ? (pages.at(-1) - pages[0]) / 1000 / (pages.length - 1) : undefined;
  const projectedS = perPageS !== undefined && expectedPages ? (pages[0] - start) / 1000 + perPageS * expectedPages : undefined;
  const finished = measured !== undefined;
  results.push({run, step: 'stock-published', finished, pages: pages.length, perPageS, projectedS, ...(measured ?? {})});
  console.log(`  ${finished ? 'finished' : 'stopped'}: ${pages.length} pages${perPageS === undefined ? '' : `, ${perPageS.toFixed(2)} s per page, all ${expectedPages ?? '?'} pages projected at ${projectedS === undefined ? '?' : `${(projectedS / 60).toFixed(0)} min`}`}`);
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
        (probe.perPageS === undefined ? '' : `, ${probe.perPageS.toFixed(2)} s per page, all pages projected at ${probe.projectedS === undefined ? 'n/a' : `${(probe.projectedS / 60).toFixed(0)} min`}; ours-build/projected ${ratio(total('ours', (r) => r.wallS), probe.projectedS)}`),
    );
  }
  if (args.json) fs.writeFileSync(args.json, `${JSON.stringify({runs, results}, null, 2)}\n`);
  console.log(`logs: ${logDir}`);
}

await main();
