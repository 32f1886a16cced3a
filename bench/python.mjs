#!/usr/bin/env node
/**
 * Python code reference benchmark: fidelity and speed against griffe (mkdocstrings' reader) on the
 * installed sources of two Debian packages, requests and attr (python3-requests, python3-attr).
 *
 *   node bench/python.mjs [--runs N] [--json FILE]
 *
 * Needs Debian's python3-griffe (installed by this benchmark's setup and CI, never a dependency of
 * the project): `apt-get install -y python3-griffe python3-requests python3-attr`.
 * Fidelity: the public names per module (bench/griffeNames.py applies the documented rule to
 * griffe's inventory; ours come from plugins/python), equal or listed.
 * Speed, per package and run, interleaved, medians:
 * - extract, like for like with `griffe dump` (which reads the package and prints its model, and
 *   renders nothing): `docs-architect extract <target> --json /dev/null`, a fresh process through the
 *   real CLI, loading what reading the code needs and no page writer (docs/adr/0052), compiled to
 *   JavaScript (docs/adr/0054; the chunks are made before timing), and again running the TypeScript
 *   through jiti (DOCS_ARCHITECT_PRECOMPILED=0);
 * - cold, the issue's measure: ours is a fresh process (`python-run.mjs --cold`: Node starts, loads
 *   the code, reads the target, extracts, renders the pages; no warm-up, no cache of the target's
 *   content; jiti's cache of our own compiled TypeScript is kept, as Python keeps griffe's .pyc files)
 *   against `griffe dump` of the same package, a fresh process too: `wall` and `cpu` of each process;
 * - code loaded: ours after a warm-up run on a one-module package (`gen`, the generation alone, and
 *   `extract`, the model alone) against griffe's load + JSON in its process (`gen`);
 * - cached: ours again with the content caches filled (a rebuild with nothing changed).
 */
import {spawnSync} from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {parseArgs} from 'node:util';
import {fileURLToPath} from 'node:url';

const SITE_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const DIST = '/usr/lib/python3/dist-packages';
const PYTHON = '/usr/bin/python3';
const GRIFFE = '/usr/bin/griffe';
const TIME = '/usr/bin/time';
const PACKAGES = ['requests', 'attr'];
const CLI = path.join(SITE_DIR, 'bin/docs-architect.js');

const {values} = parseArgs({options: {runs: {type: 'string', default: '5'}, json: {type: 'string'}}});
const runs = Number(values.runs);

export function griffeAvailable() {
  return fs.existsSync(GRIFFE) && spawnSync(PYTHON, ['-c', 'import griffe'], {encoding: 'utf8'}).status === 0 && PACKAGES.every((name) => fs.existsSync(path.join(DIST, name, '__init__.py')));
}

if (!griffeAvailable()) {
  console.error('python3-griffe, python3-requests and python3-attr are needed: apt-get install -y python3-griffe python3-requests python3-attr');
  process.exit(1);
}

/** A copy of the installed package, as a repository would hold it. */
function prepareTarget(name) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `bench-python-${name}-`));
  fs.cpSync(path.join(DIST, name), path.join(dir, name), {recursive: true, filter: (file) => !file.includes('__pycache__')});
  return dir;
}

function sourceBytes(dir) {
  let bytes = 0;
  for (const entry of fs.readdirSync(dir, {recursive: true})) if (/\.pyi?$/.test(entry)) bytes += fs.statSync(path.join(dir, entry)).size;
  return bytes;
}

/** Runs a command under GNU time: wall and CPU seconds, and stdout. */
function timed(command, args, env = {}) {
  const result = spawnSync(TIME, ['-f', '%e %U %S', command, ...args], {encoding: 'utf8', maxBuffer: 1 << 28, env: {...process.env, ...env}});
  if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} failed:\n${result.stderr}`);
  const [wall, user, sys] = result.stderr.trim().split('\n').at(-1).split(' ').map(Number);
  return {wall: wall * 1000, cpu: (user + sys) * 1000, stdout: result.stdout};
}

const median = (list) => {
  const sorted = [...list].sort((a, b) => a - b);
  return sorted.length % 2 ? sorted[(sorted.length - 1) / 2] : (sorted[sorted.length / 2 - 1] + sorted[sorted.length / 2]) / 2;
};

const GRIFFE_GEN = `import sys, time, json
t = time.perf_counter()
from griffe.loader import GriffeLoader
from griffe.encoders import JSONEncoder
t0 = time.perf_counter()
c0 = time.process_time()
module = GriffeLoader(search_paths=[sys.argv[2]]).load_module(sys.argv[1])
json.dumps({sys.argv[1]: module}, cls=JSONEncoder, full=True)
print(round((time.perf_counter() - t0) * 1000), round((time.process_time() - c0) * 1000))`;

const report = {packages: {}};
const targets = Object.fromEntries(PACKAGES.map((name) => [name, prepareTarget(name)]));
for (const name of PACKAGES) {
  const ours = JSON.parse(spawnSync('node', [path.join(SITE_DIR, 'bench/python-run.mjs'), targets[name], fs.mkdtempSync(path.join(os.tmpdir(), 'bench-python-site-')), '--names'], {encoding: 'utf8'}).stdout);
  const theirs = JSON.parse(spawnSync(PYTHON, [path.join(SITE_DIR, 'bench/griffeNames.py'), name, DIST], {encoding: 'utf8'}).stdout);
  const modules = [...new Set([...Object.keys(ours), ...Object.keys(theirs)])].sort();
  const differences = modules.flatMap((module) => {
    const a = new Set(ours[module] ?? []);
    const b = new Set(theirs[module] ?? []);
    const onlyOurs = [...a].filter((n) => !b.has(n));
    const onlyGriffe = [...b].filter((n) => !a.has(n));
    return !(module in ours) || !(module in theirs) || onlyOurs.length || onlyGriffe.length ? [{module, onlyOurs, onlyGriffe, missing: !(module in ours) ? 'ours' : !(module in theirs) ? 'griffe' : undefined}] : [];
  });
  const names = Object.values(theirs).reduce((sum, list) => sum + list.length, 0);
  report.packages[name] = {bytes: sourceBytes(targets[name]), modules: modules.length, names, differences, times: {oursExtractWall: [], oursExtractProcessCpu: [], oursJitiExtractWall: [], oursJitiExtractCpu: [], oursCachedExtractCpu: [], oursCachedGenCpu: [], oursExtractCpu: [], oursGen: [], oursGenCpu: [], oursWall: [], oursCpu: [], griffeGen: [], griffeGenCpu: [], griffeWall: [], griffeCpu: []}};
}

// The CLI's compiled chunks are made once, before timing, as Python writes griffe's .pyc files when it
// is installed (docs/adr/0054); `jiti` below is the same command running the TypeScript instead.
timed('node', [CLI, 'extract', targets.requests, '--json', '/dev/null']);

for (let run = 0; run < runs; run++) {
  for (const name of PACKAGES) {
    const times = report.packages[name].times;
    const site = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-python-site-'));
    const extract = timed('node', [CLI, 'extract', targets[name], '--json', '/dev/null']);
    times.oursExtractWall.push(extract.wall);
    times.oursExtractProcessCpu.push(extract.cpu);
    const jiti = timed('node', [CLI, 'extract', targets[name], '--json', '/dev/null'], {DOCS_ARCHITECT_PRECOMPILED: '0'});
    times.oursJitiExtractWall.push(jiti.wall);
    times.oursJitiExtractCpu.push(jiti.cpu);
    const cold = timed('node', [path.join(SITE_DIR, 'bench/python-run.mjs'), targets[name], `${site}-cold`, '--cold']);
    times.oursWall.push(cold.wall);
    times.oursCpu.push(cold.cpu);
    fs.rmSync(`${site}-cold`, {recursive: true, force: true});
    const ours = JSON.parse(timed('node', [path.join(SITE_DIR, 'bench/python-run.mjs'), targets[name], site]).stdout);
    times.oursGen.push(ours.ms);
    times.oursGenCpu.push(ours.cpuMs);
    times.oursExtractCpu.push(ours.extractCpuMs);
    const again = JSON.parse(timed('node', [path.join(SITE_DIR, 'bench/python-run.mjs'), targets[name], `${site}-cached`, '--cached']).stdout);
    times.oursCachedExtractCpu.push(again.extractCpuMs);
    times.oursCachedGenCpu.push(again.cpuMs);
    fs.rmSync(`${site}-cached`, {recursive: true, force: true});
    fs.rmSync(`${site}-cached-warm`, {recursive: true, force: true});
    const dump = timed(GRIFFE, ['dump', name, '-s', DIST, '-o', '/dev/null']);
    times.griffeWall.push(dump.wall);
    times.griffeCpu.push(dump.cpu);
    const [griffeMs, griffeCpuMs] = timed(PYTHON, ['-c', GRIFFE_GEN, name, DIST]).stdout.trim().split(' ').map(Number);
    times.griffeGen.push(griffeMs);
    times.griffeGenCpu.push(griffeCpuMs);
    fs.rmSync(site, {recursive: true, force: true});
    fs.rmSync(`${site}-warm`, {recursive: true, force: true});
  }
}

const larger = PACKAGES.reduce((a, b) => (report.packages[a].bytes >= report.packages[b].bytes ? a : b));
console.log(`Python code reference vs griffe ${spawnSync(PYTHON, ['-c', 'import importlib.metadata as m; print(m.version("griffe"))'], {encoding: 'utf8'}).stdout.trim()}, ${runs} interleaved runs, medians (ms)\n`);
console.log('| package | source kB | modules | public names | differences | ours extract process (wall / cpu) | ours extract cpu (cached) | ours gen, code loaded (wall / cpu) | griffe load+dump, code loaded (wall / cpu) | ours cold process (wall / cpu) | griffe dump process (wall / cpu) | gen cpu ratio | cold process cpu ratio |');
console.log('|---|---|---|---|---|---|---|---|---|---|---|---|---|');
for (const name of PACKAGES) {
  const pkg = report.packages[name];
  const m = Object.fromEntries(Object.entries(pkg.times).map(([key, list]) => [key, Math.round(median(list))]));
  pkg.medians = m;
  console.log(`| ${name}${name === larger ? ' (larger)' : ''} | ${Math.round(pkg.bytes / 1000)} | ${pkg.modules} | ${pkg.names} | ${pkg.differences.length} | ${m.oursExtractWall} / ${m.oursExtractProcessCpu} | ${m.oursExtractCpu} (${m.oursCachedExtractCpu}) | ${m.oursGen} / ${m.oursGenCpu} | ${m.griffeGen} / ${m.griffeGenCpu} | ${m.oursWall} / ${m.oursCpu} | ${m.griffeWall} / ${m.griffeCpu} | ${(m.oursGenCpu / m.griffeGenCpu).toFixed(2)} | ${(m.oursCpu / m.griffeCpu).toFixed(2)} |`);
  for (const difference of pkg.differences) console.log(`  ${difference.module}: only ours ${JSON.stringify(difference.onlyOurs)}, only griffe ${JSON.stringify(difference.onlyGriffe)}${difference.missing ? `, module missing in ${difference.missing}` : ''}`);
}
const big = report.packages[larger].medians;
console.log(`\nExtract, like for like (a fresh process: \`docs-architect extract\` vs \`griffe dump\`, the model as JSON, no pages) on ${larger}: ours ${big.oursExtractWall} ms wall / ${big.oursExtractProcessCpu} ms CPU vs griffe dump ${big.griffeWall} ms wall / ${big.griffeCpu} ms CPU (${big.oursExtractProcessCpu < big.griffeCpu ? 'faster' : 'SLOWER'}, ${(big.oursExtractProcessCpu / big.griffeCpu).toFixed(1)}x CPU, ${(big.oursExtractWall / big.griffeWall).toFixed(1)}x wall).`);
console.log(`The same extract with the TypeScript run through jiti (DOCS_ARCHITECT_PRECOMPILED=0) on ${larger}: ${big.oursJitiExtractWall} ms wall / ${big.oursJitiExtractCpu} ms CPU.`);
console.log(`Cold generation (a fresh process, no content cache) on ${larger}: ours ${big.oursWall} ms wall / ${big.oursCpu} ms CPU vs griffe dump ${big.griffeWall} ms wall / ${big.griffeCpu} ms CPU (${big.oursCpu < big.griffeCpu ? 'faster' : 'SLOWER'}, ${(big.oursCpu / big.griffeCpu).toFixed(1)}x CPU).`);
console.log(`Extraction (the model, as griffe's dump) on ${larger} (CPU, code loaded): ours ${big.oursExtractCpu} ms vs griffe ${big.griffeGenCpu} ms (${big.oursExtractCpu < big.griffeGenCpu ? 'faster' : 'SLOWER'}).`);
console.log(`With caches (nothing changed) on ${larger}: extraction ${big.oursCachedExtractCpu} ms CPU, generation ${big.oursCachedGenCpu} ms CPU.`);
console.log(`Generation (model and pages) on ${larger} (CPU, code loaded): ours ${big.oursGenCpu} ms vs griffe load + dump ${big.griffeGenCpu} ms (${big.oursGenCpu < big.griffeGenCpu ? 'faster' : 'SLOWER'}); wall ${big.oursGen} vs ${big.griffeGen} ms. Load average ${os.loadavg()[0].toFixed(1)} on ${os.cpus().length} CPUs.`);
if (values.json) fs.writeFileSync(values.json, `${JSON.stringify(report, null, 1)}\n`);
for (const dir of Object.values(targets)) fs.rmSync(dir, {recursive: true, force: true});
