/**
 * The history benchmark: a synthetic repository of 50,000 commits over 5,000 files (git fast-import),
 * then, RUNS times each, in separate processes under /usr/bin/time -v (wall time, peak RSS):
 *   ours/full       the whole history section (discovery, one git pass with --numstat, all pages)
 *   ours/changelog  the changelog alone (commits without numstat, tags, changelog pages)
 *   git-cliff       its default configuration, writing a changelog file
 *   conventional-changelog  `-p angular -r 0`, the whole changelog
 * Prints medians and ratios, and writes bench/results/history.json.
 *
 *   node bench/history.mjs [--commits N] [--files N] [--runs N]
 */
import {execFileSync, spawnSync} from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {parseArgs} from 'node:util';
import {performance} from 'node:perf_hooks';
import {fileURLToPath} from 'node:url';
import {makeHistoryRepo} from './makeHistoryRepo.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.join(here, '..');
const {values} = parseArgs({options: {commits: {type: 'string', default: '50000'}, files: {type: 'string', default: '5000'}, runs: {type: 'string', default: '3'}}});
const commits = Number(values.commits);
const files = Number(values.files);
const runs = Number(values.runs);

// Outside this repository: the synthetic .ts files must not meet our own tsc, eslint or file walk.
const repo = path.join(os.tmpdir(), `docs-architect-bench-history-${commits}-${files}`);
console.log(`Making ${repo} (${commits} commits, ${files} files)...`);
const madeIn = performance.now();
await makeHistoryRepo(repo, {commits, files});
console.log(`  ready in ${((performance.now() - madeIn) / 1000).toFixed(1)} s (cached when it already exists)`);

const gitCliff = path.join(root, 'node_modules', `git-cliff-${process.platform}-${process.arch === 'x64' ? 'x64' : process.arch}`, 'bin', 'git-cliff');
const conventionalChangelog = path.join(root, 'node_modules', 'conventional-changelog-cli', 'cli.js');
const out = fs.mkdtempSync(path.join(os.tmpdir(), 'docs-architect-bench-out-'));

const tools = {
  'ours/full': {cmd: process.execPath, args: [path.join(here, 'history-run.mjs'), 'full', repo, path.join(out, 'full')], cwd: root},
  'ours/changelog': {cmd: process.execPath, args: [path.join(here, 'history-run.mjs'), 'changelog', repo, path.join(out, 'changelog')], cwd: root},
  'git-cliff': {cmd: gitCliff, args: ['--repository', repo, '--output', path.join(out, 'cliff.md')], cwd: out},
  'conventional-changelog': {cmd: process.execPath, args: [conventionalChangelog, '-p', 'angular', '-r', '0', '-o', path.join(out, 'cc.md')], cwd: repo},
};

function measure({cmd, args, cwd}) {
  const result = spawnSync('/usr/bin/time', ['-v', cmd, ...args], {cwd, encoding: 'utf8', maxBuffer: 1 << 26});
  if (result.status !== 0) throw new Error(`${cmd} failed (${result.status}): ${result.stderr.slice(-2000)}`);
  const wall = /Elapsed \(wall clock\) time \(h:mm:ss or m:ss\): (?:(\d+):)?(\d+):([\d.]+)/.exec(result.stderr);
  const rss = /Maximum resident set size \(kbytes\): (\d+)/.exec(result.stderr);
  const seconds = Number(wall[1] ?? 0) * 3600 + Number(wall[2]) * 60 + Number(wall[3]);
  return {seconds, mb: Number(rss[1]) / 1024};
}

const median = (xs) => {
  const sorted = [...xs].sort((a, b) => a - b);
  return sorted.length % 2 ? sorted[(sorted.length - 1) / 2] : (sorted[sorted.length / 2 - 1] + sorted[sorted.length / 2]) / 2;
};

const samples = Object.fromEntries(Object.keys(tools).map((name) => [name, []]));
for (let run = 1; run <= runs; run++) {
  // Interleaved, so a burst of load on a shared machine hits every tool alike.
  for (const [name, tool] of Object.entries(tools)) {
    const sample = measure(tool);
    samples[name].push(sample);
    console.log(`run ${run} ${name.padEnd(24)} ${sample.seconds.toFixed(2).padStart(7)} s ${sample.mb.toFixed(0).padStart(6)} MB`);
  }
}

const results = Object.fromEntries(
  Object.entries(samples).map(([name, list]) => [name, {seconds: median(list.map((s) => s.seconds)), mb: median(list.map((s) => s.mb)), runs: list}]),
);
const ratio = (a, b) => (results[a].seconds / results[b].seconds).toFixed(2);
console.log(`\nMedians of ${runs} runs, ${commits} commits, ${files} files (${os.cpus().length} cores, load ${os.loadavg()[0].toFixed(1)}):`);
console.log('| tool | wall time (s) | peak memory (MB) |\n|---|---|---|');
for (const [name, r] of Object.entries(results)) console.log(`| ${name} | ${r.seconds.toFixed(2)} | ${r.mb.toFixed(0)} |`);
console.log(`\nours/changelog vs git-cliff: ${ratio('ours/changelog', 'git-cliff')}x the time`);
console.log(`ours/changelog vs conventional-changelog: ${ratio('ours/changelog', 'conventional-changelog')}x the time`);
console.log(`ours/full: ${results['ours/full'].seconds < 30 ? 'under' : 'OVER'} 30 s, ${results['ours/full'].mb < 1024 ? 'under' : 'OVER'} 1 GB`);
const gitVersion = execFileSync('git', ['--version'], {encoding: 'utf8'}).trim();
fs.mkdirSync(path.join(here, 'results'), {recursive: true});
fs.writeFileSync(path.join(here, 'results', 'history.json'), `${JSON.stringify({commits, files, runs, git: gitVersion, node: process.version, results}, null, 2)}\n`);
fs.rmSync(out, {recursive: true, force: true});
