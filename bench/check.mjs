#!/usr/bin/env node
/**
 * `docs-architect check` benchmark: on the default target (this repository) and on a synthetic
 * target of 500 authored pages the benchmark writes (a git repository in a temporary folder), next to
 * the peers a CI job would otherwise run on the same Markdown files: markdownlint-cli2 (lint) plus
 * remark-cli with remark-validate-links (links and heading anchors between Markdown files, offline).
 *
 *   node bench/check.mjs [--runs N] [--pages N]
 *
 * Each round, interleaved so the machine's noise hits all alike: ours on the default target, the
 * peers on its docs/, ours on the synthetic target, the peers on its docs/. Wall time of the whole
 * command, as CI sees it (Node start-up and module loading included). A first untimed run warms
 * ours' caches (a CI job keeps ~/.cache/docs-architect between runs, or pays the cold run once).
 * The peers are installed with `npm install --prefix <temp folder>`, never into the project.
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
const {values} = parseArgs({options: {runs: {type: 'string', default: '3'}, pages: {type: 'string', default: '500'}}});
const RUNS = Number(values.runs);
const PAGES = Number(values.pages);
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-check-'));
const cacheDir = path.join(tmp, 'cache');

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

function wall(command, args, options = {}) {
  const started = performance.now();
  const result = spawnSync(command, args, {encoding: 'utf8', maxBuffer: 64 * 1024 * 1024, ...options});
  return {ms: performance.now() - started, status: result.status, stdout: result.stdout, stderr: result.stderr};
}

function ours(target) {
  const run = wall(process.execPath, [CLI, 'check', target, '--verbose'], {env: {...process.env, DOCS_ARCHITECT_CACHE_DIR: cacheDir, DOCS_PROGRESS: 'quiet'}});
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

const synthetic = makeSynthetic();
const bin = installPeers();
const targets = [
  {name: 'default site (this repository)', dir: SITE_DIR, docs: path.join(SITE_DIR, 'docs'), limit: 5000},
  {name: `synthetic target (${PAGES} pages)`, dir: synthetic, docs: path.join(synthetic, 'docs'), limit: 20000},
];
for (const target of targets) {
  const warm = ours(target.dir);
  target.cold = warm.ms;
  target.summary = warm.summary;
  target.ours = [];
  target.peers = [];
  target.steps = [];
}
for (let round = 0; round < RUNS; round++) {
  for (const target of targets) {
    const run = ours(target.dir);
    target.ours.push(run.ms);
    target.steps.push(run.steps);
    if (bin) target.peers.push(peers(bin, target.docs));
  }
}
console.log(`docs-architect check, ${RUNS} interleaved rounds, medians (wall time of the command)\n`);
for (const target of targets) {
  const ms = median(target.ours);
  console.log(`${target.name}: ${seconds(ms)} (target ≤ ${seconds(target.limit)}: ${ms <= target.limit ? 'met' : 'NOT met'}); first (cold cache) run ${seconds(target.cold)}`);
  console.log(`  ${target.summary}`);
  console.log(`  steps of the median run: ${target.steps[target.ours.indexOf(ms)]}`);
  if (target.peers.length > 0) {
    const peer = median(target.peers.map((p) => p.ms));
    const one = target.peers.find((p) => p.ms === peer);
    console.log(`  markdownlint-cli2 + remark-validate-links on ${path.relative(SITE_DIR, target.docs) || target.docs}: ${seconds(peer)} (${seconds(one.lintMs)} + ${seconds(one.linksMs)}); ratio ours/peers ${(ms / peer).toFixed(2)}`);
  }
}
fs.rmSync(tmp, {recursive: true, force: true});
