#!/usr/bin/env node
/**
 * GraphQL reference benchmark: docs-architect against @graphql-markdown/docusaurus (the stock
 * Docusaurus plugin: `docusaurus graphql-to-doc`, then `docusaurus build`) on GitHub's public schema
 * from @octokit/graphql-schema, in one run, interleaved (ours, then stock, per run), medians.
 *
 *   node bench/graphql.mjs [--runs N] [--only ours|stock] [--stock-timeout SECONDS] [--json FILE] [--keep]
 *
 * Steps per run:
 *   ours-generate   prepareSite with the GraphQL generator alone (bench/graphql-generate.ts), cold
 *   ours-build      `docs-architect build` of a target holding only the schema (generation included), cold
 *   stock-generate  `docusaurus graphql-to-doc` in a scratch site with the plugin's documented setup
 *   stock-build     `docusaurus build` of that site
 * GitHub's published schema defines two fields of EnterpriseOwnerInfo twice: graphql-js (and so the
 * stock plugin) rejects it. Both pipelines get the same copy with the second definitions removed;
 * ours also reports them when given the original. A step that exceeds --stock-timeout (default
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

const {values: args} = parseArgs({options: {runs: {type: 'string', default: '1'}, 'stock-timeout': {type: 'string', default: '1800'}, only: {type: 'string'}, json: {type: 'string'}, keep: {type: 'boolean', default: false}}});
const runs = Number(args.runs);
const stockTimeout = args['stock-timeout'];

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
  const env = {NODE_OPTIONS: `--require ${path.join(stock, 'one-graphql.cjs')}`};
  await step(results, run, 'stock-generate', async () => {
    const measured = await measure({command: 'timeout', args: [stockTimeout, process.execPath, DOCUSAURUS, 'graphql-to-doc'], cwd: stock, env, logDir, label: `stock-generate-${run}`});
    return {...measured, pages: filesUnder(path.join(stock, 'docs'), /\.mdx?$/).count};
  });
  if (results.some((r) => r.run === run && r.step === 'stock-generate' && !r.error)) {
    await step(results, run, 'stock-build', async () => {
      const measured = await measure({command: 'timeout', args: [stockTimeout, process.execPath, DOCUSAURUS, 'build', '--out-dir', path.join(stock, 'build')], cwd: stock, env, logDir, label: `stock-build-${run}`});
      return {...measured, pages: filesUnder(path.join(stock, 'build'), /^index\.html$/).count};
    });
  } else {
    console.log(`  stock generation wrote ${filesUnder(path.join(stock, 'docs'), /\.mdx?$/).count} pages before it stopped`);
  }
  if (!args.keep) fs.rmSync(stock, {recursive: true, force: true});
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
  console.log(`\nwhole pipeline (ours: build incl. generation; stock: graphql-to-doc + build): time ours/stock ${ratio(total('ours', (r) => r.wallS), total('stock', (r) => r.wallS))}, generation ours/stock ${ratio(med('ours-generate', (r) => r.wallS), med('stock-generate', (r) => r.wallS))}, peak memory ours/stock ${ratio(med('ours-build', (r) => r.maxRssMB), med('stock-build', (r) => r.maxRssMB))}`);
  if (args.json) fs.writeFileSync(args.json, `${JSON.stringify({runs, results}, null, 2)}\n`);
  console.log(`logs: ${logDir}`);
}

await main();
