#!/usr/bin/env node
/**
 * Code reference benchmark: docs-architect's generator against TypeDoc on the sources of zod, rxjs and
 * effect (from node_modules), with `tsc --noEmit` as the floor.
 *
 *   node bench/code-reference.mjs [--runs N] [--only zod,rxjs,effect] [--json FILE] [--baseline DIR] [--cold-only]
 *
 * Per package and run, interleaved so the machine's noise hits every tool alike:
 *   tsc --noEmit · TypeDoc → JSON · TypeDoc → Markdown (typedoc-plugin-markdown) · ours cold (caches
 *   deleted) · ours warm (nothing changed) · ours after one source file changed (its first doc comment
 *   gets a line: lines below it move), once for a median-sized file and once for the largest; and the
 *   same edit of the median-sized file in a running session, as `npm start` regenerates after an edit
 *   (one process, NODE_ENV=development: caches stay in memory).
 * TypeDoc gets the entry points ours found, and `skipErrorChecking` (it documents, it does not type check).
 * Every process runs under `/usr/bin/time -v`: wall time and peak RSS. Ours also reports its own time
 * in process (without Node's start-up), which is what the warm/cold ratio is about.
 * `--baseline DIR` also runs, cold and interleaved with ours, the generator of another checkout of this
 * project (e.g. `git worktree add /tmp/main main`, with node_modules linked): before and after a change
 * on the same machine in the same minutes, which is the only fair comparison on a shared machine.
 * `--cold-only` leaves out the warm and one-file-changed runs.
 * Linux only (GNU time); no dependencies beyond the project's.
 */
import {execFileSync, spawnSync} from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {parseArgs} from 'node:util';
import {fileURLToPath} from 'node:url';

const SITE_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const MODULES = path.join(SITE_DIR, 'node_modules');
const TIME = '/usr/bin/time';
const PACKAGES = ['zod', 'rxjs', 'effect'];

const {values} = parseArgs({
  options: {runs: {type: 'string', default: '3'}, only: {type: 'string'}, json: {type: 'string'}, baseline: {type: 'string'}, 'cold-only': {type: 'boolean'}, help: {type: 'boolean', short: 'h'}},
});
if (values.help) {
  console.log('Usage: node bench/code-reference.mjs [--runs N] [--only zod,rxjs,effect] [--json FILE] [--baseline DIR] [--cold-only]');
  process.exit(0);
}
const runs = Number(values.runs);
const packages = values.only ? values.only.split(',') : PACKAGES;
if (!fs.existsSync(TIME)) throw new Error('GNU time is needed at /usr/bin/time (apt-get install time)');

/** A copy of the package's src/ and package.json, with a tsconfig, and node_modules linked for its dependencies' types. */
function prepareTarget(name) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `bench-coderef-${name}-`));
  const from = path.join(MODULES, name);
  fs.cpSync(path.join(from, 'src'), path.join(dir, 'src'), {recursive: true});
  fs.copyFileSync(path.join(from, 'package.json'), path.join(dir, 'package.json'));
  fs.symlinkSync(MODULES, path.join(dir, 'node_modules'));
  const compilerOptions = {
    strict: true,
    target: 'ES2022',
    module: 'NodeNext',
    moduleResolution: 'NodeNext',
    lib: ['ES2022', 'DOM', 'DOM.Iterable'],
    skipLibCheck: true,
    noEmit: true,
    allowImportingTsExtensions: true,
    types: [],
    ...(name === 'rxjs' ? {baseUrl: 'src', paths: {rxjs: ['./'], 'rxjs/*': ['./*']}} : {}),
  };
  fs.writeFileSync(path.join(dir, 'tsconfig.json'), JSON.stringify({compilerOptions, include: ['src'], exclude: ['src/**/*.test.ts', 'src/**/test/**']}, null, 2));
  // The packages' own tsconfigs under src/ would win for files below them; this bench compares on one config.
  for (const nested of ['tsconfig.json', 'tsconfig.base.json', 'tsconfig.cjs.json', 'tsconfig.esm.json', 'tsconfig.esm5.json', 'tsconfig.types.json', 'tsconfig.cjs.spec.json']) {
    fs.rmSync(path.join(dir, 'src', nested), {force: true});
  }
  return dir;
}

function timed(label, command, args, options = {}) {
  const result = spawnSync(TIME, ['-v', command, ...args], {cwd: options.cwd ?? SITE_DIR, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024, env: {...process.env, NODE_OPTIONS: options.nodeOptions ?? '', ...options.env}});
  const stderr = result.stderr ?? '';
  const wall = /Elapsed \(wall clock\) time \(h:mm:ss or m:ss\): (?:(\d+):)?(\d+):([\d.]+)/.exec(stderr);
  const rss = /Maximum resident set size \(kbytes\): (\d+)/.exec(stderr);
  const seconds = wall ? Number(wall[1] ?? 0) * 3600 + Number(wall[2]) * 60 + Number(wall[3]) : NaN;
  const measurement = {label, seconds, peakMB: rss ? Math.round(Number(rss[1]) / 1024) : NaN, exit: result.status, stdout: result.stdout?.trim().split('\n').at(-1)};
  if (result.status !== 0 && !options.allowFailure) {
    console.error(`${label} exited ${result.status}:\n${stderr.split('\n').slice(-15).join('\n')}`);
  }
  return measurement;
}

const node = process.execPath;
const tscBin = path.join(MODULES, 'typescript', 'bin', 'tsc');
const typedocBin = path.join(MODULES, 'typedoc', 'bin', 'typedoc');
const runner = path.join(SITE_DIR, 'bench', 'code-reference-run.mjs');
const baselineRunner = values.baseline ? path.join(path.resolve(values.baseline), 'bench', 'code-reference-run.mjs') : undefined;
if (baselineRunner && !fs.existsSync(baselineRunner)) throw new Error(`--baseline: no ${baselineRunner}`);
const coldOnly = Boolean(values['cold-only']);
const median = (list) => {
  const sorted = list.filter(Number.isFinite).sort((a, b) => a - b);
  if (sorted.length === 0) return NaN;
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};

const report = {date: new Date().toISOString(), machine: `${os.cpus().length} CPUs, ${Math.round(os.totalmem() / 2 ** 30)} GiB, node ${process.version}`, packages: {}};
for (const name of packages) {
  const target = prepareTarget(name);
  const site = fs.mkdtempSync(path.join(os.tmpdir(), `bench-coderef-site-${name}-`));
  const entries = JSON.parse(execFileSync(node, [runner, target, site, '--entries'], {cwd: SITE_DIR, encoding: 'utf8'}).trim().split('\n').at(-1));
  const {largest, typical} = filesToEdit(target);
  console.log(`\n${name}: ${entries.length} entry points; one-file changes edit ${largest} (the largest file) and ${typical} (the median-sized one)`);
  const typedocArgs = ['--tsconfig', path.join(target, 'tsconfig.json'), '--skipErrorChecking', '--excludeInternal', '--logLevel', 'Error', '--readme', 'none', ...entries.flatMap((entry) => ['--entryPoints', path.join(target, entry)])];
  const rows = [];
  for (let run = 1; run <= runs; run++) {
    const out = fs.mkdtempSync(path.join(os.tmpdir(), `bench-coderef-out-${name}-`));
    if (!coldOnly) {
      rows.push(timed('tsc --noEmit', node, [tscBin, '--noEmit', '-p', path.join(target, 'tsconfig.json')], {allowFailure: true}));
      rows.push(timed('TypeDoc JSON', node, [typedocBin, ...typedocArgs, '--json', path.join(out, 'typedoc.json')]));
    }
    rows.push(timed('TypeDoc Markdown', node, [typedocBin, ...typedocArgs, '--plugin', 'typedoc-plugin-markdown', '--out', path.join(out, 'md')]));
    const baselineCold = () => {
      if (!baselineRunner) return;
      const baselineSite = fs.mkdtempSync(path.join(os.tmpdir(), `bench-coderef-baseline-${name}-`));
      rows.push(timed('baseline cold', node, [baselineRunner, target, baselineSite], {cwd: path.resolve(values.baseline)}));
      fs.rmSync(baselineSite, {recursive: true, force: true});
    };
    // The baseline goes first on odd runs and second on even ones, so neither always follows TypeDoc.
    if (run % 2 === 1) baselineCold();
    fs.rmSync(path.join(site, '.docs-architect'), {recursive: true, force: true});
    rows.push(timed('ours cold', node, [runner, target, site]));
    if (run % 2 === 0) baselineCold();
    if (coldOnly) {
      fs.rmSync(out, {recursive: true, force: true});
      console.log(`  run ${run}: ${rows.slice(baselineRunner ? -3 : -2).map((row) => `${row.label} ${row.seconds.toFixed(1)}s ${row.peakMB}MB`).join(' · ')}`);
      continue;
    }
    rows.push(timed('ours warm', node, [runner, target, site]));
    editOneFile(path.join(target, typical), run);
    rows.push(timed('ours, one typical file changed', node, [runner, target, site]));
    editOneFile(path.join(target, largest), run);
    rows.push(timed('ours, the largest file changed', node, [runner, target, site]));
    rows.push(timed('ours, one typical file changed, in a running session', node, [runner, target, site, '--session', typical, `run ${run}`], {env: {NODE_ENV: 'development'}}));
    fs.rmSync(out, {recursive: true, force: true});
    const last = rows.slice(-8).map((row) => `${row.label} ${row.seconds.toFixed(1)}s ${row.peakMB}MB`).join(' · ');
    console.log(`  run ${run}: ${last}`);
  }
  report.packages[name] = summarize(rows);
  printTable(name, report.packages[name]);
  fs.rmSync(target, {recursive: true, force: true});
  fs.rmSync(site, {recursive: true, force: true});
}
if (values.json) fs.writeFileSync(values.json, JSON.stringify(report, null, 2));

/**
 * The files the one-file changes edit: the largest source file under src/ (the worst case: most
 * symbols, most lines moved) and the median-sized one (a typical edit). Tests excluded.
 */
function filesToEdit(target) {
  const files = [];
  const walk = (dir) => {
    for (const entry of fs.readdirSync(dir, {withFileTypes: true})) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (/\.ts$/.test(entry.name) && !/\.(test|spec)\.ts$|\.d\.ts$/.test(entry.name)) {
        const internal = full.includes(`${path.sep}internal${path.sep}`);
        if (/\/\*\*\r?\n/.test(fs.readFileSync(full, 'utf8'))) files.push({file: path.relative(target, full), size: fs.statSync(full).size, internal});
      }
    }
  };
  walk(path.join(target, 'src'));
  // Files under internal/ are implementation (not documented) where a package has public modules beside
  // them (effect); rxjs keeps its whole API under src/internal/.
  const publicFiles = files.filter((file) => !file.internal);
  if (publicFiles.length > 0) files.splice(0, files.length, ...publicFiles);
  files.sort((a, b) => a.size - b.size || (a.file < b.file ? -1 : 1));
  return {largest: files.at(-1).file, typical: files[Math.floor(files.length / 2)].file};
}

/** Edits the first doc comment: a change a reader would see, so its page must be rendered again. */
function editOneFile(file, run) {
  const text = fs.readFileSync(file, 'utf8');
  fs.writeFileSync(file, text.replace(/\/\*\*(\r?\n)/, (_m, eol) => `/**${eol} * Edited by the benchmark (run ${run}).${eol}`));
}

function summarize(rows) {
  const byLabel = {};
  for (const row of rows) (byLabel[row.label] ??= []).push(row);
  const summary = {};
  for (const [label, list] of Object.entries(byLabel)) {
    const inProcess = list.map((row) => {
      try {
        return JSON.parse(row.stdout).ms / 1000;
      } catch {
        return NaN;
      }
    });
    summary[label] = {
      runs: list.length,
      medianSeconds: median(list.map((row) => row.seconds)),
      minSeconds: Math.min(...list.map((row) => row.seconds)),
      maxSeconds: Math.max(...list.map((row) => row.seconds)),
      medianPeakMB: median(list.map((row) => row.peakMB)),
      medianInProcessSeconds: median(inProcess),
      failures: list.filter((row) => row.exit !== 0).length,
    };
  }
  const md = summary['TypeDoc Markdown'];
  const json = summary['TypeDoc JSON'];
  const cold = summary['ours cold'];
  const edit = summary['ours, one typical file changed'];
  const largest = summary['ours, the largest file changed'];
  const warm = summary['ours warm'] ?? {};
  const session = summary['ours, one typical file changed, in a running session'] ?? {};
  const baseline = summary['baseline cold'];
  summary.ratios = {
    ...(baseline ? {baselineColdWallVsTypeDocMarkdown: baseline.medianSeconds / md.medianSeconds, coldInProcessVsBaseline: cold.medianInProcessSeconds / baseline.medianInProcessSeconds} : {}),
    coldWallVsTypeDocMarkdown: cold.medianSeconds / md.medianSeconds,
    coldPeakVsTypeDocMarkdown: cold.medianPeakMB / md.medianPeakMB,
    coldWallVsTypeDocJson: cold.medianSeconds / json?.medianSeconds,
    coldWallVsTsc: cold.medianSeconds / summary['tsc --noEmit']?.medianSeconds,
    oneFileChangedVsColdInProcess: edit?.medianInProcessSeconds / cold.medianInProcessSeconds,
    oneFileChangedVsColdWall: edit?.medianSeconds / cold.medianSeconds,
    largestFileChangedVsColdInProcess: largest?.medianInProcessSeconds / cold.medianInProcessSeconds,
    warmVsColdInProcess: warm.medianInProcessSeconds / cold.medianInProcessSeconds,
    oneFileChangedInSessionVsColdInProcess: session.medianInProcessSeconds / cold.medianInProcessSeconds,
  };
  return summary;
}

function printTable(name, summary) {
  const f = (n, d = 1) => (Number.isFinite(n) ? n.toFixed(d) : '–');
  console.log(`\n### ${name}\n`);
  console.log('| tool | runs | median wall s | min s | max s | median peak MB | in-process s (ours) |');
  console.log('|:--|--:|--:|--:|--:|--:|--:|');
  for (const [label, row] of Object.entries(summary)) {
    if (label === 'ratios') continue;
    console.log(`| ${label}${row.failures ? ` (${row.failures} failed)` : ''} | ${row.runs} | ${f(row.medianSeconds)} | ${f(row.minSeconds)} | ${f(row.maxSeconds)} | ${f(row.medianPeakMB, 0)} | ${f(row.medianInProcessSeconds, 2)} |`);
  }
  const r = summary.ratios;
  if (r.baselineColdWallVsTypeDocMarkdown !== undefined) {
    console.log(`\nbaseline cold / TypeDoc+Markdown: ${f(r.baselineColdWallVsTypeDocMarkdown, 2)}× wall; ours cold / baseline cold: ${f(r.coldInProcessVsBaseline, 2)}× in process.`);
  }
  console.log(
    `\nours cold / TypeDoc+Markdown: ${f(r.coldWallVsTypeDocMarkdown, 2)}× wall, ${f(r.coldPeakVsTypeDocMarkdown, 2)}× peak memory; ` +
      `/ TypeDoc JSON: ${f(r.coldWallVsTypeDocJson, 2)}× wall; / tsc --noEmit: ${f(r.coldWallVsTsc, 2)}× wall. ` +
      `One typical file changed / cold: ${f(r.oneFileChangedVsColdInProcess * 100, 1)}% in process (${f(r.oneFileChangedVsColdWall * 100, 1)}% wall with Node start-up); ` +
      `the largest file changed / cold: ${f(r.largestFileChangedVsColdInProcess * 100, 1)}% in process; ` +
      `nothing changed / cold: ${f(r.warmVsColdInProcess * 100, 1)}% in process; ` +
      `one typical file changed in a running session (npm start) / cold: ${f(r.oneFileChangedInSessionVsColdInProcess * 100, 1)}%.`,
  );
}
