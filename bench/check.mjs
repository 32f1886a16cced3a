#!/usr/bin/env node
/**
 * `docs-architect check` benchmark: on the default target (this repository) and on a synthetic
 * target of 500 authored pages the benchmark writes (a git repository in a temporary folder), next to
 * the peers a CI job would otherwise run on the same Markdown files: markdownlint-cli2 (lint) plus
 * remark-cli with remark-validate-links (links and heading anchors between Markdown files, offline).
 *
 *   npm run bench:check -- [--runs N] [--pages N] [--baseline <checkout>]
 *
 * Each round, interleaved so the machine's noise hits all alike, for each target: ours cold (an empty
 * cache folder, as a CI job without a cache), ours warm (the cache the previous runs left, as a CI
 * job that keeps ~/.cache/docs-architect), then the peers. With `--baseline <checkout>` the same
 * target is also checked, cold and warm, by another checkout's CLI (e.g. `--baseline /work/main`, to
 * measure a change). Wall time of the whole command, as CI sees it (Node start-up and module
 * loading included); medians; the load average is printed with the figures, since a loaded machine
 * slows everything. The peers are installed with `npm install --prefix <temp folder>`, never into
 * the project.
 */
import {execFileSync, spawnSync} from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {parseArgs} from 'node:util';
import {performance} from 'node:perf_hooks';
import {fileURLToPath} from 'node:url';

const SITE_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const CLI = path.join(SITE_DIR, 'bin', 'docs-architect.js');
const {values} = parseArgs({options: {runs: {type: 'string', default: '3'}, pages: {type: 'string', default: '500'}, baseline: {type: 'string'}}});
const RUNS = Number(values.runs);
const PAGES = Number(values.pages);
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-check-'));

const WORDS = 'the service reads each request and writes a record to the store before it answers the caller with the new state of the order'.split(' ');

/** A page of prose, a table, code, headings and links to its neighbours' headings. */
function page(i) {
  const sentence = (n) => Array.from({length: 14}, (_, k) => WORDS[(n * 7 + k) % WORDS.length]).join(' ');
  const prose = (n) => Array.from({length: 5}, (_, k) => `${sentence(n + k)[0].toUpperCase()}${sentence(n + k).slice(1)}.`).join(' ');
  const next = (i + 1) % PAGES;
  const previous = (i + PAGES - 1) % PAGES;
  return [
    '---',
    `title: Topic ${i}`,
    '---',
    '',
    `# Topic ${i}`,
    '',
    prose(i),
    '',
    `## Setting up topic ${i}`,
    '',
    `${prose(i + 1)} See [topic ${next}](./page-${next}.md#setting-up-topic-${next}) and [topic ${previous}](./page-${previous}.md).`,
    '',
    '```ts',
    `export const topic${i} = ${i};`,
    '```',
    '',
    '| Key | Value |',
    '| --- | ----- |',
    `| id | ${i} |`,
    '',
    `## Running topic ${i}`,
    '',
    `${prose(i + 2)} Back to [the start](#setting-up-topic-${i}).`,
    '',
  ].join('\n');
}

function makeSynthetic() {
  const dir = path.join(tmp, 'synthetic');
  fs.mkdirSync(path.join(dir, 'docs'), {recursive: true});
  fs.mkdirSync(path.join(dir, 'src'), {recursive: true});
  fs.writeFileSync(path.join(dir, 'package.json'), `${JSON.stringify({name: 'synthetic', version: '1.0.0'}, null, 2)}\n`);
  fs.writeFileSync(path.join(dir, 'src', 'index.ts'), '/** One. */\nexport const one = 1;\n');
  for (let i = 0; i < PAGES; i++) fs.writeFileSync(path.join(dir, 'docs', `page-${i}.md`), page(i));
  const git = (...args) => execFileSync('git', ['-c', 'user.name=bench', '-c', 'user.email=bench@example.com', '-c', 'commit.gpgsign=false', ...args], {cwd: dir, stdio: 'ignore'});
  git('init', '--quiet');
  git('add', '.');
  git('commit', '--quiet', '-m', 'synthetic docs');
  return dir;
}

function installPeers() {
  const prefix = path.join(tmp, 'peers');
  const result = spawnSync('npm', ['install', '--prefix', prefix, '--no-audit', '--no-fund', '--silent', 'markdownlint-cli2@0.24.1', 'remark-cli@12', 'remark-validate-links@13'], {encoding: 'utf8', timeout: 300_000});
  if (result.status !== 0) {
    console.log(`peers not installed (${(result.stderr || result.error?.message || '').split('\n')[0]}): ours only`);
    return undefined;
  }
  return path.join(prefix, 'node_modules', '.bin');
}

/** GNU time, when installed, gives each run's CPU time too: on a loaded machine it says more than wall time. */
const TIME = fs.existsSync('/usr/bin/time') ? '/usr/bin/time' : undefined;

function wall(command, args, options = {}) {
  const cpuFile = path.join(tmp, 'cpu.txt');
  const [file, argv] = TIME ? [TIME, ['-o', cpuFile, '-f', '%U %S', command, ...args]] : [command, args];
  const started = performance.now();
  const result = spawnSync(file, argv, {encoding: 'utf8', maxBuffer: 64 * 1024 * 1024, ...options});
  const ms = performance.now() - started;
  const cpu = TIME ? fs.readFileSync(cpuFile, 'utf8').trim().split('\n').at(-1).split(' ').reduce((sum, value) => sum + Number(value) * 1000, 0) : undefined;
  return {ms, cpuMs: cpu, status: result.status, stdout: result.stdout, stderr: result.stderr};
}

/** A contender: ours, or the baseline checkout's CLI. Warm runs share one cache folder per contender. */
const contenders = [{name: 'ours', cli: CLI}];
if (values.baseline) contenders.push({name: 'baseline', cli: path.join(path.resolve(values.baseline), 'bin', 'docs-architect.js')});

let coldRuns = 0;
function check(contender, target, cache) {
  const cacheDir = cache === 'cold' ? path.join(tmp, `cold-${coldRuns++}`) : path.join(tmp, `warm-${contender.name}`);
  const run = wall(process.execPath, [contender.cli, 'check', target, '--verbose'], {env: {...process.env, DOCS_ARCHITECT_CACHE_DIR: cacheDir, DOCS_PROGRESS: 'quiet'}});
  // A cold run's build folder is large (every generated page): not kept.
  if (cache === 'cold') fs.rmSync(cacheDir, {recursive: true, force: true});
  const summary = run.stdout.trim().split('\n').at(-1);
  const steps = /\(([^)]*)\)\s*$/.exec(run.stderr.trim().split('\n').at(-1) ?? '')?.[1];
  return {...run, summary, steps};
}

function peers(bin, docs) {
  // markdownlint-cli2 exits 1 on findings, remark --frail on warnings: both are measured either way.
  const lint = wall(path.join(bin, 'markdownlint-cli2'), ['**/*.md'], {cwd: docs});
  const links = wall(path.join(bin, 'remark'), ['--use', 'remark-validate-links', '--quiet', '--no-config', '--no-ignore', '.'], {cwd: docs});
  return {ms: lint.ms + links.ms, lintMs: lint.ms, linksMs: links.ms, linkWarnings: (links.stderr.match(/warning/g) ?? []).length};
}

const median = (list) => [...list].sort((a, b) => a - b)[Math.floor(list.length / 2)];
const seconds = (ms) => `${(ms / 1000).toFixed(2)} s`;
const load = () => os.loadavg().map((value) => value.toFixed(1)).join(', ');

const synthetic = makeSynthetic();
const bin = installPeers();
const targets = [
  {name: 'default site (this repository)', dir: SITE_DIR, docs: path.join(SITE_DIR, 'docs'), limit: 5000},
  {name: `synthetic target (${PAGES} pages)`, dir: synthetic, docs: path.join(synthetic, 'docs'), limit: 20000},
];
const loads = [load()];
for (const target of targets) {
  target.runs = Object.fromEntries(contenders.flatMap((contender) => ['cold', 'warm'].map((cache) => [`${contender.name} ${cache}`, []])));
  target.peers = [];
  // Fills the warm caches (and the peers' files into the page cache): not timed.
  // Every contender's own warm cache, not only the first one's.
  for (const contender of contenders) {
    const {summary} = check(contender, target.dir, 'warm');
    target.summary ??= summary;
  }
}
for (let round = 0; round < RUNS; round++) {
  for (const target of targets) {
    for (const contender of contenders) {
      for (const cache of ['cold', 'warm']) {
        const run = check(contender, target.dir, cache);
        target.runs[`${contender.name} ${cache}`].push(run);
        // Each run as it ends (stderr), so that a long benchmark stopped half-way still says something.
        console.error(`round ${round + 1}: ${target.name}, ${contender.name} ${cache}: ${seconds(run.ms)}${run.cpuMs === undefined ? '' : ` (CPU ${seconds(run.cpuMs)})`} (load ${load()})`);
      }
    }
    if (bin) target.peers.push(peers(bin, target.docs));
  }
  loads.push(load());
}
console.log(`docs-architect check, ${RUNS} interleaved rounds, medians (wall time of the command); load average (1, 5, 15 min) ${loads.join(' → ')}, ${os.cpus().length} CPUs\n`);
for (const target of targets) {
  console.log(`${target.name}: ${target.summary}`);
  const peer = target.peers.length > 0 ? median(target.peers.map((p) => p.ms)) : undefined;
  for (const [name, runs] of Object.entries(target.runs)) {
    const ms = median(runs.map((run) => run.ms));
    const run = runs.find((candidate) => candidate.ms === ms);
    const goal = name === 'ours warm' ? ` (target ≤ ${seconds(target.limit)}: ${ms <= target.limit ? 'met' : 'NOT met'})` : '';
    const cpu = runs.every((candidate) => candidate.cpuMs !== undefined) ? `, CPU ${seconds(median(runs.map((candidate) => candidate.cpuMs)))}` : '';
    console.log(`  ${name.padEnd(13)} ${seconds(ms)}${goal}${cpu}${peer ? `, ${(ms / peer).toFixed(2)}× the peers` : ''}`);
    console.log(`    steps of the median run: ${run.steps}`);
  }
  if (peer !== undefined) {
    const one = target.peers.find((p) => p.ms === peer);
    console.log(`  markdownlint-cli2 + remark-validate-links on ${path.relative(SITE_DIR, target.docs) || target.docs}: ${seconds(peer)} (${seconds(one.lintMs)} + ${seconds(one.linksMs)})`);
  }
}
fs.rmSync(tmp, {recursive: true, force: true});
