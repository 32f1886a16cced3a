/**
 * Measuring one command: wall time and the peak RSS of its largest process from GNU time, the peak
 * RSS of its whole process tree sampled from /proc every 200 ms, its exit code and a log file. Plain
 * Node ESM, Linux only. bench/build.mjs uses its /proc table and GNU time parser for its own sampler
 * (which adds PSS and process names).
 */
import {execFileSync, spawn} from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {clearInterval, setInterval} from 'node:timers';

export const TIME = '/usr/bin/time';
const SAMPLE_MS = 200;

const PAGE_SIZE = (() => {
  try {
    return Number(execFileSync('getconf', ['PAGESIZE'], {encoding: 'utf8'}).trim()) || 4096;
  } catch {
    return 4096;
  }
})();

/** pid -> {ppid, comm, rssBytes} for every process readable in /proc. */
export function readProcTable() {
  const table = new Map();
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    let stat;
    try {
      stat = fs.readFileSync(`/proc/${entry}/stat`, 'utf8');
    } catch {
      continue; // exited meanwhile
    }
    // comm is in parentheses and may hold spaces: split after the last ')'.
    const close = stat.lastIndexOf(')');
    const comm = stat.slice(stat.indexOf('(') + 1, close);
    const fields = stat.slice(close + 2).split(' ');
    // fields[0] is state (field 3); ppid is field 4, rss (pages) is field 24.
    table.set(Number(entry), {ppid: Number(fields[1]), comm, rssBytes: Number(fields[21]) * PAGE_SIZE});
  }
  return table;
}

/** Every descendant of rootPid in a /proc table (not rootPid itself). */
export function descendantsOf(table, rootPid) {
  const children = new Map();
  for (const [pid, info] of table) {
    if (!children.has(info.ppid)) children.set(info.ppid, []);
    children.get(info.ppid).push(pid);
  }
  const descendants = [];
  const stack = [...(children.get(rootPid) ?? [])];
  while (stack.length > 0) {
    const pid = stack.pop();
    descendants.push(pid);
    stack.push(...(children.get(pid) ?? []));
  }
  return descendants;
}

/** Peak of the summed RSS of rootPid's descendants (rootPid is /usr/bin/time itself). */
function startTreeSampler(rootPid) {
  let peak = 0;
  const sample = () => {
    const table = readProcTable();
    const rss = descendantsOf(table, rootPid).reduce((sum, pid) => sum + (table.get(pid)?.rssBytes ?? 0), 0);
    peak = Math.max(peak, rss);
  };
  const timer = setInterval(sample, SAMPLE_MS);
  sample();
  return () => {
    clearInterval(timer);
    return peak;
  };
}

/** Wall time, peak RSS (largest process), user and system time and CPU share from `/usr/bin/time -v`. */
export function parseGnuTime(text) {
  const wall = /Elapsed \(wall clock\) time \(h:mm:ss or m:ss\): ([\d:.]+)/.exec(text)?.[1];
  const maxRssKb = /Maximum resident set size \(kbytes\): (\d+)/.exec(text)?.[1];
  const user = /User time \(seconds\): ([\d.]+)/.exec(text)?.[1];
  const sys = /System time \(seconds\): ([\d.]+)/.exec(text)?.[1];
  const cpu = /Percent of CPU this job got: (\d+)%/.exec(text)?.[1];
  if (!wall || !maxRssKb) return undefined;
  const seconds = wall.split(':').reduce((acc, part) => acc * 60 + Number(part), 0);
  return {wallS: seconds, maxRssMB: Number(maxRssKb) / 1024, userS: Number(user), sysS: Number(sys), cpuPercent: Number(cpu)};
}

let current; // the running child, for Ctrl-C

/**
 * Runs `command args` under /usr/bin/time -v. Resolves to {wallS, maxRssMB, treeRssMB, log}; rejects
 * with the last lines of stderr when it exits non-zero.
 */
export async function measure({command, args, cwd, env = {}, logDir, label}) {
  const timeFile = path.join(logDir, `${label}.time`);
  const logFile = path.join(logDir, `${label}.log`);
  const log = fs.createWriteStream(logFile);
  const tail = [];
  const child = spawn(TIME, ['-v', '-o', timeFile, command, ...args], {
    cwd,
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
    env: {...process.env, FORCE_COLOR: '0', ...env},
  });
  current = child;
  const stop = startTreeSampler(child.pid);
  child.stdout.on('data', (chunk) => log.write(chunk));
  child.stderr.on('data', (chunk) => {
    log.write(chunk);
    tail.push(...chunk.toString().split('\n'));
    if (tail.length > 200) tail.splice(0, tail.length - 200);
  });
  const code = await new Promise((resolve) => child.on('close', (c, signal) => resolve(c ?? (signal ? 128 : 1))));
  current = undefined;
  const treeRss = stop();
  await new Promise((resolve) => log.end(resolve));
  const gnu = parseGnuTime(fs.existsSync(timeFile) ? fs.readFileSync(timeFile, 'utf8') : '');
  if (code !== 0 || !gnu) {
    const error = new Error(`${label}: exit code ${code}\n--- last stderr lines (full log: ${logFile}) ---\n${tail.filter((l) => l.trim()).slice(-30).join('\n')}`);
    error.logFile = logFile;
    throw error;
  }
  return {...gnu, treeRssMB: treeRss / 2 ** 20, log: logFile};
}

/** Stops the running measurement's process group (Ctrl-C). */
export function stopCurrent() {
  if (!current?.pid) return;
  try {
    process.kill(-current.pid, 'SIGTERM');
  } catch {
    // already gone
  }
}

/** Available memory in GiB (MemAvailable), to refuse starting a build the machine cannot hold. */
export function availableGiB() {
  const match = /^MemAvailable:\s+(\d+) kB/m.exec(fs.readFileSync('/proc/meminfo', 'utf8'));
  return match ? Number(match[1]) / 2 ** 20 : os.freemem() / 2 ** 30;
}

export function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** A GitHub-flavoured Markdown table. */
export function markdownTable(headers, rows) {
  const line = (cells) => `| ${cells.join(' | ')} |`;
  return [line(headers), line(headers.map((_, i) => (i === 0 ? ':--' : '--:'))), ...rows.map(line)].join('\n');
}

/** Size in bytes and count of the files under `dir` whose name matches `pattern`. */
export function filesUnder(dir, pattern = /./) {
  let bytes = 0;
  let count = 0;
  const walk = (d) => {
    for (const entry of fs.readdirSync(d, {withFileTypes: true})) {
      const full = path.join(d, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (pattern.test(entry.name)) {
        count += 1;
        bytes += fs.statSync(full).size;
      }
    }
  };
  if (fs.existsSync(dir)) walk(dir);
  return {count, bytes};
}
