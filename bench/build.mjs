#!/usr/bin/env node
/**
 * Build benchmark: wall time and peak memory of `docs-architect build` with Rspack and webpack.
 *
 *   node bench/build.mjs [--runs N] [--pages N] [--only default|synthetic]
 *                        [--bundlers rspack,webpack] [--no-warm] [--json FILE] [--keep]
 *
 * Each cold run first deletes the caches of the site folder (.docusaurus/, .docs-architect/ and
 * node_modules/.cache/, what `docusaurus clear` removes) and builds into a fresh temporary --out folder.
 * Runs are interleaved (rspack, webpack, rspack, webpack...) so the noise of the machine hits both
 * bundlers alike. Every build runs under `/usr/bin/time -v` (peak RSS of the largest single process)
 * while this script samples the whole process tree every 200 ms from /proc (sum of RSS; of PSS too
 * with --pss).
 *
 * It deletes the caches of the folder it lives in: do not run it while another build or `npm start`
 * uses the same site folder. Plain Node ESM, no dependencies; Linux only (/proc and GNU time).
 */
import {spawn, execFileSync} from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {parseArgs} from 'node:util';
import {setInterval, clearInterval} from 'node:timers';
import {fileURLToPath} from 'node:url';
import {descendantsOf, parseGnuTime, readProcTable} from './measure.mjs';

const SITE_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const CLI = path.join(SITE_DIR, 'bin', 'docs-architect.js');
// The CLI keeps each build's work folders (.docusaurus, .docs-architect, the bundler's cache) in a
// cache folder (docs/adr/0025): the benchmark gives it one of its own, so that a cold run can clear it.
const BUILDS_CACHE = path.join(os.tmpdir(), 'docs-architect-bench-builds');
process.env.DOCS_ARCHITECT_CACHE_DIR = BUILDS_CACHE;
const TIME = '/usr/bin/time';
const SAMPLE_MS = 200;
const ALL_BUNDLERS = ['rspack', 'webpack'];
const SCENARIOS = ['default', 'synthetic'];

const USAGE = `Usage: node bench/build.mjs [options]

  --runs N            cold builds per bundler and scenario (default 3)
  --pages N           Markdown pages of the synthetic target (default 500)
  --only NAME         run one scenario: default (this repository) or synthetic
  --bundlers LIST     comma-separated: rspack,webpack (default both)
  --no-warm           skip the extra warm build (caches kept) per bundler
  --json FILE         also write every measurement and the summary as JSON
  --pss               also sample the tree's PSS (slow: ~40 ms per read of a 1 GB process, so it
                      perturbs the build; off by default)
  --keep              keep the synthetic target and the build outputs (printed paths)
  -h, --help          show this help`;

// ---------------------------------------------------------------------------------------------
// Options

function parseOptions(argv) {
  const {values} = parseArgs({
    args: argv,
    options: {
      runs: {type: 'string', default: '3'},
      pages: {type: 'string', default: '500'},
      only: {type: 'string'},
      bundlers: {type: 'string', default: ALL_BUNDLERS.join(',')},
      'no-warm': {type: 'boolean', default: false},
      json: {type: 'string'},
      keep: {type: 'boolean', default: false},
      pss: {type: 'boolean', default: false},
      help: {type: 'boolean', short: 'h', default: false},
    },
  });
  if (values.help) {
    console.log(USAGE);
    process.exit(0);
  }
  const positiveInt = (name, value) => {
    if (!/^\d+$/.test(value) || Number(value) < 1) fail(`--${name} must be a positive integer, got "${value}"`);
    return Number(value);
  };
  const bundlers = values.bundlers.split(',').map((b) => b.trim()).filter(Boolean);
  for (const b of bundlers) if (!ALL_BUNDLERS.includes(b)) fail(`unknown bundler "${b}" (use rspack, webpack)`);
  if (bundlers.length === 0) fail('--bundlers is empty');
  if (values.only && !SCENARIOS.includes(values.only)) fail(`--only must be default or synthetic, got "${values.only}"`);
  return {
    runs: positiveInt('runs', values.runs),
    pages: positiveInt('pages', values.pages),
    scenarios: values.only ? [values.only] : SCENARIOS,
    bundlers,
    warm: !values['no-warm'],
    json: values.json ? path.resolve(values.json) : undefined,
    keep: values.keep,
    pss: values.pss,
  };
}

function fail(message) {
  console.error(`bench: ${message}\n\n${USAGE}`);
  process.exit(2);
}

// ---------------------------------------------------------------------------------------------
// Machine

function readVersion(pkg) {
  try {
    return JSON.parse(fs.readFileSync(path.join(SITE_DIR, 'node_modules', pkg, 'package.json'), 'utf8')).version;
  } catch {
    return 'not installed';
  }
}

function machineInfo() {
  let memLimit;
  try {
    const raw = fs.readFileSync('/sys/fs/cgroup/memory.max', 'utf8').trim();
    if (raw !== 'max') memLimit = Number(raw);
  } catch {
    // cgroup v1 or none: total memory is the figure
  }
  return {
    nproc: os.availableParallelism ? os.availableParallelism() : os.cpus().length,
    cpu: os.cpus()[0]?.model ?? 'unknown',
    totalMemGiB: +(os.totalmem() / 2 ** 30).toFixed(1),
    cgroupMemLimitGiB: memLimit ? +(memLimit / 2 ** 30).toFixed(1) : undefined,
    node: process.version,
    platform: `${os.type()} ${os.release()} ${os.arch()}`,
    docusaurus: readVersion('@docusaurus/core'),
    rspack: readVersion('@rspack/core'),
    webpack: readVersion('webpack'),
  };
}

// ---------------------------------------------------------------------------------------------
// Synthetic target

const WORDS = `module route cache index plugin render sidebar bundle config schema token stream worker
  queue parser adapter client server handler request response session storage layout theme search
  manifest version release commit branch deploy preview build output asset image style script`
  .split(/\s+/)
  .filter(Boolean);

function createRng(seed) {
  let state = seed >>> 0;
  return () => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

function sentence(rand, words = 10 + Math.floor(rand() * 10)) {
  const out = [];
  for (let i = 0; i < words; i += 1) out.push(WORDS[Math.floor(rand() * WORDS.length)]);
  const text = out.join(' ');
  return `${text[0].toUpperCase()}${text.slice(1)}.`;
}

function paragraph(rand) {
  const n = 3 + Math.floor(rand() * 3);
  return Array.from({length: n}, () => sentence(rand)).join(' ');
}

const FOLDERS = 20;

function pagePath(i) {
  const folder = `area-${String(i % FOLDERS).padStart(2, '0')}`;
  return {folder, file: `page-${String(i).padStart(4, '0')}.md`};
}

function pageMarkdown(i, pages) {
  const rand = createRng(i + 1);
  const {folder} = pagePath(i);
  // A link to the next page of the same folder, when there is one, so links get resolved too.
  const next = i + FOLDERS < pages ? pagePath(i + FOLDERS).file : undefined;
  const name = WORDS[i % WORDS.length];
  return `# ${name[0].toUpperCase()}${name.slice(1)} ${i}

${paragraph(rand)}

${paragraph(rand)}

## Usage

${paragraph(rand)}

\`\`\`js title="${folder}/example-${i}.js"
import {create${i}} from './${name}';

export function run(options = {}) {
  const ${name} = create${i}({retries: ${i % 5}, ...options});
  return ${name}.start().then((result) => result.value * ${i});
}
\`\`\`

- ${sentence(rand, 6)}
- ${sentence(rand, 8)}
- ${sentence(rand, 5)} \`${name}.start()\`
- ${sentence(rand, 7)}

## Notes

${paragraph(rand)}
${next ? `\nSee also [the next page](./${next}).\n` : ''}`;
}

function createSyntheticTarget(pages) {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'docs-architect-bench-target-'));
  fs.writeFileSync(
    path.join(root, 'package.json'),
    `${JSON.stringify({name: 'bench-synthetic', version: '1.0.0', description: `Synthetic target with ${pages} pages`, private: true}, null, 2)}\n`,
  );
  fs.writeFileSync(path.join(root, 'README.md'), `# bench-synthetic\n\nA generated repository with ${pages} Markdown pages.\n`);
  fs.mkdirSync(path.join(root, 'src'));
  fs.writeFileSync(path.join(root, 'src', 'index.js'), 'export const answer = 42;\n');
  for (let i = 0; i < pages; i += 1) {
    const {folder, file} = pagePath(i);
    const dir = path.join(root, 'docs', folder);
    fs.mkdirSync(dir, {recursive: true});
    fs.writeFileSync(path.join(dir, file), pageMarkdown(i, pages));
  }
  const git = (...args) =>
    execFileSync('git', ['-c', 'user.name=bench', '-c', 'user.email=bench@example.com', '-c', 'init.defaultBranch=main', ...args], {
      cwd: root,
      stdio: ['ignore', 'ignore', 'pipe'],
    });
  git('init', '-q');
  git('add', '-A');
  git('commit', '-q', '-m', 'Synthetic target for the build benchmark');
  return root;
}

// ---------------------------------------------------------------------------------------------
// Process-tree sampler (/proc)

function readPss(pid) {
  try {
    const text = fs.readFileSync(`/proc/${pid}/smaps_rollup`, 'utf8');
    const match = /^Pss:\s+(\d+) kB/m.exec(text);
    return match ? Number(match[1]) * 1024 : 0;
  } catch {
    return 0;
  }
}

/**
 * Samples the descendants of rootPid (not rootPid itself: that is /usr/bin/time). Reading every
 * /proc/<pid>/stat costs ~3 ms per sample; PSS (smaps_rollup) is opt-in because the kernel walks the
 * whole address space for it, tens of ms on a 1 GB process, under the process's memory lock.
 */
function startTreeSampler(rootPid, {pss: withPss = false} = {}) {
  const peak = {treeRss: 0, treePss: 0, processes: 0};
  const commands = new Map(); // comm -> max simultaneous count
  const sample = () => {
    const table = readProcTable();
    const descendants = descendantsOf(table, rootPid);
    let rss = 0;
    let pss = 0;
    const counts = new Map();
    for (const pid of descendants) {
      const info = table.get(pid);
      rss += info.rssBytes;
      if (withPss) pss += readPss(pid);
      counts.set(info.comm, (counts.get(info.comm) ?? 0) + 1);
    }
    peak.treeRss = Math.max(peak.treeRss, rss);
    peak.treePss = Math.max(peak.treePss, pss);
    peak.processes = Math.max(peak.processes, descendants.length);
    for (const [comm, count] of counts) commands.set(comm, Math.max(commands.get(comm) ?? 0, count));
  };
  const timer = setInterval(sample, SAMPLE_MS);
  sample();
  return {
    stop() {
      clearInterval(timer);
      return {...peak, treePss: withPss ? peak.treePss : undefined, commands: Object.fromEntries([...commands].sort(([a], [b]) => (a < b ? -1 : 1)))};
    },
  };
}

// ---------------------------------------------------------------------------------------------
// One build

function clearSiteCaches() {
  fs.rmSync(BUILDS_CACHE, {recursive: true, force: true});
  for (const dir of ['.docusaurus', '.docs-architect', path.join('node_modules', '.cache')]) {
    fs.rmSync(path.join(SITE_DIR, dir), {recursive: true, force: true});
  }
}

let currentChild; // for Ctrl-C

function countFiles(dir, name) {
  let count = 0;
  const walk = (d) => {
    for (const entry of fs.readdirSync(d, {withFileTypes: true})) {
      if (entry.isDirectory()) walk(path.join(d, entry.name));
      else if (entry.name === name) count += 1;
    }
  };
  if (fs.existsSync(dir)) walk(dir);
  return count;
}

async function runBuild({target, bundler, cold, logDir, label, keep, pss}) {
  if (cold) clearSiteCaches();
  const out = fs.mkdtempSync(path.join(os.tmpdir(), `docs-architect-bench-out-${bundler}-`));
  const timeFile = path.join(logDir, `${label}.time`);
  const logFile = path.join(logDir, `${label}.log`);
  const args = ['-v', '-o', timeFile, process.execPath, CLI, 'build', ...(target ? [target] : []), '--out', out, '--bundler', bundler];
  const log = fs.createWriteStream(logFile);
  const stderrTail = [];
  const child = spawn(TIME, args, {cwd: SITE_DIR, stdio: ['ignore', 'pipe', 'pipe'], detached: true, env: {...process.env, FORCE_COLOR: '0'}});
  currentChild = child;
  const sampler = startTreeSampler(child.pid, {pss});
  child.stdout.on('data', (chunk) => log.write(chunk));
  child.stderr.on('data', (chunk) => {
    log.write(chunk);
    stderrTail.push(...chunk.toString().split('\n'));
    if (stderrTail.length > 400) stderrTail.splice(0, stderrTail.length - 400);
  });
  const code = await new Promise((resolve) => child.on('close', (c, signal) => resolve(c ?? (signal ? 128 : 1))));
  currentChild = undefined;
  const tree = sampler.stop();
  await new Promise((resolve) => log.end(resolve));
  const timeText = fs.existsSync(timeFile) ? fs.readFileSync(timeFile, 'utf8') : '';
  const gnu = parseGnuTime(timeText);
  if (code !== 0 || !gnu) {
    const tail = stderrTail.filter((line) => line.trim()).slice(-40).join('\n');
    const err = new Error(
      `${label}: build exited with code ${code}${gnu ? '' : ' (no /usr/bin/time report)'}\n` +
        `--- last stderr lines (full log: ${logFile}) ---\n${tail || '(empty stderr)'}\n--- end ---`,
    );
    err.logFile = logFile;
    err.exitCode = code;
    err.stderrTail = tail;
    fs.rmSync(out, {recursive: true, force: true});
    throw err;
  }
  const htmlPages = countFiles(out, 'index.html');
  if (!keep) fs.rmSync(out, {recursive: true, force: true});
  return {
    bundler,
    kind: cold ? 'cold' : 'warm',
    wallS: gnu.wallS,
    userS: gnu.userS,
    sysS: gnu.sysS,
    cpuPercent: gnu.cpuPercent,
    maxRssMB: gnu.maxRssMB,
    treeRssMB: tree.treeRss / 2 ** 20,
    treePssMB: tree.treePss === undefined ? undefined : tree.treePss / 2 ** 20,
    maxProcesses: tree.processes,
    processes: tree.commands,
    htmlPages,
    out: keep ? out : undefined,
    log: logFile,
  };
}

// ---------------------------------------------------------------------------------------------
// Statistics and printing

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

function summarize(results, bundlers) {
  const rows = [];
  for (const bundler of bundlers) {
    const cold = results.filter((r) => r.bundler === bundler && r.kind === 'cold');
    const warm = results.filter((r) => r.bundler === bundler && r.kind === 'warm');
    if (cold.length === 0) continue;
    const walls = cold.map((r) => r.wallS);
    rows.push({
      bundler,
      runs: cold.length,
      medianWallS: median(walls),
      minWallS: Math.min(...walls),
      maxWallS: Math.max(...walls),
      medianMaxRssMB: median(cold.map((r) => r.maxRssMB)),
      medianTreeRssMB: median(cold.map((r) => r.treeRssMB)),
      medianTreePssMB: cold.every((r) => r.treePssMB !== undefined) ? median(cold.map((r) => r.treePssMB)) : undefined,
      maxProcesses: Math.max(...cold.map((r) => r.maxProcesses)),
      htmlPages: cold[0].htmlPages,
      warmWallS: warm[0]?.wallS,
      warmMaxRssMB: warm[0]?.maxRssMB,
      warmTreeRssMB: warm[0]?.treeRssMB,
    });
  }
  const r = rows.find((row) => row.bundler === 'rspack');
  const w = rows.find((row) => row.bundler === 'webpack');
  const ratios =
    r && w
      ? {
          wall: r.medianWallS / w.medianWallS,
          maxRss: r.medianMaxRssMB / w.medianMaxRssMB,
          treeRss: r.medianTreeRssMB / w.medianTreeRssMB,
          treePss: r.medianTreePssMB && w.medianTreePssMB ? r.medianTreePssMB / w.medianTreePssMB : undefined,
          warmWall: r.warmWallS && w.warmWallS ? r.warmWallS / w.warmWallS : undefined,
        }
      : undefined;
  return {rows, ratios};
}

function table(headers, rows) {
  const widths = headers.map((h, i) => Math.max(h.length, ...rows.map((row) => String(row[i]).length)));
  const line = (cells) => `| ${cells.map((c, i) => (i === 0 ? String(c).padEnd(widths[i]) : String(c).padStart(widths[i]))).join(' | ')} |`;
  return [line(headers), `|${widths.map((w, i) => (i === 0 ? `:${'-'.repeat(w + 1)}` : `${'-'.repeat(w + 1)}:`)).join('|')}|`, ...rows.map(line)].join('\n');
}

const s = (x) => (x === undefined ? '-' : x.toFixed(1));
const mb = (x) => (x === undefined ? '-' : String(Math.round(x)));
const x2 = (x) => `${x.toFixed(2)}×`;

function printSummary(name, description, summary, failures) {
  console.log(`\n## Scenario: ${name} (${description})\n`);
  if (summary.rows.length > 0) {
    const withPss = summary.rows.some((row) => row.medianTreePssMB !== undefined);
    console.log(
      table(
        [
          'bundler',
          'runs',
          'median wall s',
          'min s',
          'max s',
          'median peak MB (largest process)',
          'median peak tree RSS MB (sampled)',
          ...(withPss ? ['median peak tree PSS MB'] : []),
          'max procs',
          'pages (index.html)',
        ],
        summary.rows.map((row) => [
          row.bundler,
          row.runs,
          s(row.medianWallS),
          s(row.minWallS),
          s(row.maxWallS),
          mb(row.medianMaxRssMB),
          mb(row.medianTreeRssMB),
          ...(withPss ? [mb(row.medianTreePssMB)] : []),
          row.maxProcesses,
          row.htmlPages,
        ]),
      ),
    );
    const warmRows = summary.rows.filter((row) => row.warmWallS !== undefined);
    if (warmRows.length > 0) {
      console.log('\nWarm (1 run, caches of the previous cold build kept):\n');
      console.log(
        table(
          ['bundler', 'wall s', 'peak MB (largest process)', 'peak tree RSS MB (sampled)'],
          warmRows.map((row) => [row.bundler, s(row.warmWallS), mb(row.warmMaxRssMB), mb(row.warmTreeRssMB)]),
        ),
      );
    }
  }
  const {ratios} = summary;
  if (ratios) {
    console.log(
      `\nrspack takes ${x2(ratios.wall)} webpack's wall time and ${x2(ratios.maxRss)} its peak memory ` +
        `(largest process; ${x2(ratios.treeRss)} by sampled tree RSS${ratios.treePss ? `, ${x2(ratios.treePss)} by tree PSS` : ''}).`,
    );
    if (ratios.warmWall) console.log(`Warm builds: rspack takes ${x2(ratios.warmWall)} webpack's wall time.`);
  }
  for (const failure of failures) console.log(`\nFAILED: ${failure.bundler}: ${failure.message.split('\n')[0]}`);
}

// ---------------------------------------------------------------------------------------------
// Main

async function runScenario(name, target, options, logDir) {
  const results = [];
  const failures = [];
  const failed = new Set();
  const plan = [];
  for (let run = 1; run <= options.runs; run += 1) for (const bundler of options.bundlers) plan.push({bundler, cold: true, run});
  if (options.warm) for (const bundler of options.bundlers) plan.push({bundler, cold: false, run: 1});
  for (const step of plan) {
    if (failed.has(step.bundler)) continue;
    // A warm build (cold: false) reuses the caches of this bundler's last cold build: the other
    // bundler's build in between rewrote .docusaurus/, but keeps its cache in its own folder.
    const label = `${name}-${step.bundler}-${step.cold ? 'cold' : 'warm'}-${step.run}`;
    process.stdout.write(`[${new Date().toISOString().slice(11, 19)}] ${label} ... `);
    try {
      const result = await runBuild({target, bundler: step.bundler, cold: step.cold, logDir, label, keep: options.keep, pss: options.pss});
      result.run = step.run;
      results.push(result);
      console.log(
        `${s(result.wallS)} s, peak ${mb(result.maxRssMB)} MB (largest), tree ${mb(result.treeRssMB)} MB RSS${result.treePssMB === undefined ? '' : ` / ${mb(result.treePssMB)} MB PSS`}, ` +
          `${result.maxProcesses} procs max [${Object.entries(result.processes).map(([c, n]) => `${c}×${n}`).join(' ')}], ${result.htmlPages} pages`,
      );
    } catch (error) {
      console.log('FAILED');
      console.error(`\n${error.message}\n`);
      failures.push({bundler: step.bundler, label, message: error.message, exitCode: error.exitCode, log: error.logFile});
      failed.add(step.bundler);
    }
  }
  return {results, failures};
}

async function main() {
  const options = parseOptions(process.argv.slice(2));
  if (!fs.existsSync(TIME)) fail(`${TIME} not found (install GNU time: apt-get install time)`);
  const machine = machineInfo();
  const logDir = fs.mkdtempSync(path.join(os.tmpdir(), 'docs-architect-bench-logs-'));
  console.log('# docs-architect build benchmark\n');
  console.log(`date:       ${new Date().toISOString()}`);
  console.log(`machine:    ${machine.nproc} CPUs (${machine.cpu}), ${machine.totalMemGiB} GiB RAM${machine.cgroupMemLimitGiB ? ` (cgroup limit ${machine.cgroupMemLimitGiB} GiB)` : ''}, ${machine.platform}`);
  console.log(`node:       ${machine.node}`);
  console.log(`docusaurus: ${machine.docusaurus} (@rspack/core ${machine.rspack}, webpack ${machine.webpack})`);
  console.log(`site:       ${SITE_DIR}`);
  console.log(`options:    ${options.runs} cold run(s) per bundler${options.warm ? ' + 1 warm' : ''}, bundlers ${options.bundlers.join(',')}, scenarios ${options.scenarios.join(',')}${options.scenarios.includes('synthetic') ? `, ${options.pages} synthetic pages` : ''}`);
  console.log(`logs:       ${logDir}\n`);

  const report = {date: new Date().toISOString(), machine, options, scenarios: {}};
  let syntheticTarget;
  let anyFailure = false;
  try {
    for (const name of options.scenarios) {
      let target;
      let description;
      if (name === 'default') {
        description = 'this repository documents itself';
      } else {
        syntheticTarget = createSyntheticTarget(options.pages);
        target = syntheticTarget;
        description = `${options.pages} Markdown pages in ${Math.min(FOLDERS, options.pages)} folders, ${syntheticTarget}`;
      }
      console.log(`\n### ${name}: ${description}\n`);
      const {results, failures} = await runScenario(name, target, options, logDir);
      const summary = summarize(results, options.bundlers);
      report.scenarios[name] = {description, results, summary, failures};
      anyFailure ||= failures.length > 0;
    }
  } finally {
    if (syntheticTarget && !options.keep) fs.rmSync(syntheticTarget, {recursive: true, force: true});
  }

  console.log('\n# Results');
  console.log(`\n${machine.nproc} CPUs, ${machine.totalMemGiB} GiB RAM, node ${machine.node}, Docusaurus ${machine.docusaurus}, @rspack/core ${machine.rspack}, webpack ${machine.webpack}`);
  for (const [name, scenario] of Object.entries(report.scenarios)) printSummary(name, scenario.description, scenario.summary, scenario.failures);
  console.log(
    '\nPeak MB (largest process) is /usr/bin/time\'s "Maximum resident set size": the largest single process of the tree. ' +
      `Tree RSS is the sum over all processes under it, sampled every ${SAMPLE_MS} ms (shared pages count once per process${options.pss ? '; PSS splits them' : ''}).`,
  );

  if (options.json) {
    fs.mkdirSync(path.dirname(options.json), {recursive: true});
    fs.writeFileSync(options.json, `${JSON.stringify(report, null, 2)}\n`);
    console.log(`\nJSON written to ${options.json}`);
  }
  if (anyFailure) {
    console.error('\nbench: at least one build failed (see above)');
    process.exitCode = 1;
  }
}

for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => {
    if (currentChild?.pid) {
      try {
        process.kill(-currentChild.pid, 'SIGTERM'); // its own process group (detached)
      } catch {
        // already gone
      }
    }
    process.exit(130);
  });
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
