#!/usr/bin/env node
/**
 * gRPC and AsyncAPI references benchmark: generation time (extract + render, in process) of
 *  - the gRPC section on a googleapis tree from google-proto-files (default: eight Google Cloud APIs
 *    with every file they import; `--all` for all of google/, ~8,000 files), and
 *  - the AsyncAPI section on a large generated AsyncAPI 3 description (`--channels N`, default 1000),
 * each next to the parser's own work on the same input: protobufjs `Root.load` + `resolveAll`, and
 * `@asyncapi/parser`'s `parse`. No documentation peer runs offline in Node: protoc-gen-doc needs protoc
 * and Go, buf's docs need its registry, `@asyncapi/generator` installs its templates from npm at run
 * time. So the ratio says how much the reference costs on top of parsing.
 *
 *   node bench/api-kinds.mjs [--runs N] [--all] [--channels N]
 *
 * Each measurement runs in a fresh process (the plugins loaded with jiti, as Docusaurus loads its
 * config), interleaved ours/parser so the machine's noise hits both alike. Medians.
 */
import {spawnSync} from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {parseArgs} from 'node:util';
import {performance} from 'node:perf_hooks';
import {fileURLToPath} from 'node:url';

const SITE_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const {values} = parseArgs({options: {runs: {type: 'string', default: '3'}, all: {type: 'boolean', default: false}, channels: {type: 'string', default: '1000'}, child: {type: 'string'}, target: {type: 'string'}}});

const SUBSET = ['google/pubsub/v1', 'google/longrunning', 'google/spanner/v1', 'google/firestore/v1', 'google/bigtable/v2', 'google/datastore/v1', 'google/storage/v2', 'google/cloud/aiplatform/v1'];

if (values.child) {
  const {createJiti} = await import('jiti');
  const jiti = createJiti(import.meta.url);
  const target = values.target;
  const rss = () => Math.round(process.memoryUsage().rss / 2 ** 20);
  if (values.child === 'ours-grpc' || values.child === 'ours-asyncapi') {
    const {loadTargetContext} = await jiti.import(path.join(SITE_DIR, 'plugins/core/prepareSite.ts'));
    const {generateAlone} = await jiti.import(path.join(SITE_DIR, 'plugins/core/site/generateSections.ts'));
    const generator =
      values.child === 'ours-grpc'
        ? (await jiti.import(path.join(SITE_DIR, 'plugins/protobuf/generator.ts'))).protobufGenerator
        : (await jiti.import(path.join(SITE_DIR, 'plugins/asyncapi/generator.ts'))).asyncapiGenerator;
    const site = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-api-kinds-site-'));
    const context = await loadTargetContext({siteDir: site, target});
    const started = performance.now();
    const sections = await generateAlone(generator, context);
    const ms = performance.now() - started;
    const pages = sections.reduce((n, s) => n + s.files.size, 0);
    const bytes = sections.reduce((n, s) => n + [...s.files.values()].reduce((m, text) => m + text.length, 0), 0);
    console.log(JSON.stringify({ms, pages, bytes, warnings: context.report.warnings.length, rssMb: rss()}));
    fs.rmSync(site, {recursive: true, force: true});
  } else if (values.child === 'parser-grpc') {
    const protobuf = (await import('protobufjs')).default;
    const files = listFiles(target).filter((file) => file.endsWith('.proto'));
    const started = performance.now();
    const root = new protobuf.Root();
    // As our loader: imports resolve inside the tree, google/protobuf/* from the bundled definitions.
    root.resolvePath = (_origin, wanted) => (path.isAbsolute(wanted) || protobuf.common.get(wanted) ? wanted : path.join(target, wanted));
    await root.load(files.map((file) => path.join(target, file)), {keepCase: true, alternateCommentMode: true});
    root.resolveAll();
    console.log(JSON.stringify({ms: performance.now() - started, files: files.length, rssMb: rss()}));
  } else if (values.child === 'parser-asyncapi') {
    const {Parser} = await import('@asyncapi/parser');
    const file = path.join(target, 'asyncapi.json');
    const started = performance.now();
    const {document} = await new Parser().parse(fs.readFileSync(file, 'utf8'), {source: file});
    console.log(JSON.stringify({ms: performance.now() - started, channels: document?.channels().length ?? 0, rssMb: rss()}));
  }
  process.exit(0);
}

function listFiles(dir, prefix = '') {
  return fs.readdirSync(path.join(dir, prefix), {withFileTypes: true}).flatMap((entry) => (entry.isDirectory() ? listFiles(dir, path.posix.join(prefix, entry.name)) : [path.posix.join(prefix, entry.name)])).sort();
}

function median(list) {
  const sorted = [...list].sort((a, b) => a - b);
  return sorted.length ? sorted[Math.floor(sorted.length / 2)] : NaN;
}

function child(mode, target) {
  const result = spawnSync(process.execPath, ['--max-old-space-size=4096', fileURLToPath(import.meta.url), '--child', mode, '--target', target], {cwd: SITE_DIR, encoding: 'utf8', maxBuffer: 2 ** 28});
  if (result.status !== 0) throw new Error(`${mode} failed (${result.status}):\n${result.stderr.slice(-3000)}`);
  return JSON.parse(result.stdout.trim().split('\n').pop());
}

async function prepareTargets() {
  const {createJiti} = await import('jiti');
  const jiti = createJiti(import.meta.url);
  const {googleapisTree} = await jiti.import(path.join(SITE_DIR, 'test/apiKinds/protoFixtures.ts'));
  const {largeAsyncApi} = await jiti.import(path.join(SITE_DIR, 'test/apiKinds/asyncApiFixtures.ts'));
  const grpc = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-api-kinds-grpc-'));
  const roots = values.all ? fs.readdirSync(path.join(SITE_DIR, 'node_modules/google-proto-files/google')).map((name) => `google/${name}`).filter((root) => fs.statSync(path.join(SITE_DIR, 'node_modules/google-proto-files', root)).isDirectory()) : SUBSET;
  const tree = values.all ? allProtos(roots) : googleapisTree(roots);
  for (const [file, content] of Object.entries(tree)) {
    fs.mkdirSync(path.dirname(path.join(grpc, file)), {recursive: true});
    fs.writeFileSync(path.join(grpc, file), content);
  }
  const asyncapi = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-api-kinds-asyncapi-'));
  fs.writeFileSync(path.join(asyncapi, 'asyncapi.json'), largeAsyncApi(Number(values.channels)));
  return {grpc, asyncapi, protoFiles: Object.keys(tree).length, asyncapiBytes: fs.statSync(path.join(asyncapi, 'asyncapi.json')).size};
}

/** Every .proto under google/ except the well-known types protobufjs bundles. */
function allProtos(roots) {
  const base = path.join(SITE_DIR, 'node_modules/google-proto-files');
  const files = {};
  for (const root of roots) for (const file of listFiles(base, root)) if (file.endsWith('.proto') && !/^google\/protobuf\/(any|duration|timestamp|empty|struct|wrappers|field_mask)\.proto$/.test(file)) files[file] = fs.readFileSync(path.join(base, file), 'utf8');
  return files;
}

const runs = Number(values.runs);
const targets = await prepareTargets();
console.log(`gRPC input: ${targets.protoFiles} .proto files from google-proto-files (${values.all ? 'all of google/' : SUBSET.join(', ')} and their imports)`);
console.log(`AsyncAPI input: ${values.channels} channels, ${(targets.asyncapiBytes / 2 ** 20).toFixed(1)} MB of JSON`);
const results = {ours: [], parser: [], oursAsync: [], parserAsync: []};
for (let run = 0; run < runs; run++) {
  results.ours.push(child('ours-grpc', targets.grpc));
  results.parser.push(child('parser-grpc', targets.grpc));
  results.oursAsync.push(child('ours-asyncapi', targets.asyncapi));
  results.parserAsync.push(child('parser-asyncapi', targets.asyncapi));
  process.stdout.write(`run ${run + 1}/${runs} done\n`);
}
const med = (list, key) => median(list.map((entry) => entry[key]));
const line = (label, ours, parser) =>
  `${label}: ours ${(med(ours, 'ms') / 1000).toFixed(2)} s (${ours[0].pages} pages, ${(ours[0].bytes / 2 ** 20).toFixed(1)} MB MDX, ${ours[0].warnings} warnings, ${med(ours, 'rssMb')} MB RSS) | parser alone ${(med(parser, 'ms') / 1000).toFixed(2)} s (${med(parser, 'rssMb')} MB RSS) | ratio ${(med(ours, 'ms') / med(parser, 'ms')).toFixed(2)}x`;
console.log(line('gRPC', results.ours, results.parser));
console.log(line('AsyncAPI', results.oursAsync, results.parserAsync));
for (const dir of [targets.grpc, targets.asyncapi]) fs.rmSync(dir, {recursive: true, force: true});
