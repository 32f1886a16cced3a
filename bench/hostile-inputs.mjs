#!/usr/bin/env node
/**
 * Bounded work on hostile inputs: the code reference on one file with thousands of exports, at growing
 * sizes, so that how the time grows is visible (issue 10: 5k/10k/20k exports took 10/25/84 s).
 *
 *   node bench/hostile-inputs.mjs [--sizes 5000,20000,100000] [--keep]
 *
 * For each size, a target is written to the OS temp folder: a package.json and one `src/index.ts`
 * with that many exports, in turn a documented function, const, interface and type alias. The code
 * reference generator then runs on it cold, in its own process (bench/code-reference-run.mjs, as a
 * build runs it before Docusaurus starts) under `/usr/bin/time -v`: wall time, peak RSS of the process,
 * and the generator's own time (without Node's start-up). The last column is the growth of the CPU
 * time per doubling of the input, (t2/t1)^(1/log2(n2/n1)): 2.0 is linear, 4.0 quadratic.
 * Linux only (GNU time); no dependencies beyond the project's.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {parseArgs} from 'node:util';
import {fileURLToPath} from 'node:url';
import {markdownTable, measure, TIME} from './measure.mjs';

const SITE_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const {values} = parseArgs({options: {sizes: {type: 'string', default: '5000,20000,100000'}, keep: {type: 'boolean'}, help: {type: 'boolean', short: 'h'}}});
if (values.help) {
  console.log('Usage: node bench/hostile-inputs.mjs [--sizes 5000,20000,100000] [--keep]');
  process.exit(0);
}
if (!fs.existsSync(TIME)) throw new Error('GNU time is needed at /usr/bin/time (apt-get install time)');
const sizes = values.sizes.split(',').map(Number);

/** The text of a module with `count` exports, four kinds in turn, each with a doc comment. */
export function manyExports(count) {
  const lines = [];
  for (let i = 0; i < count; i++) {
    if (i % 4 === 0) lines.push(`/** Function ${i}. */`, `export function f${i}(a: number): number {`, `  return a + ${i};`, '}');
    else if (i % 4 === 1) lines.push(`/** Constant ${i}. */`, `export const c${i} = ${i};`);
    else if (i % 4 === 2) lines.push(`/** Interface ${i}. */`, `export interface I${i} {`, '  a: string;', '}');
    else lines.push(`/** Type ${i}. */`, `export type T${i} = I${i - 1} | number;`);
  }
  return `${lines.join('\n')}\n`;
}

const work = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-hostile-'));
const rows = [];
let previous;
try {
  for (const size of sizes) {
    const target = path.join(work, `exports-${size}`);
    fs.mkdirSync(path.join(target, 'src'), {recursive: true});
    fs.writeFileSync(path.join(target, 'package.json'), `${JSON.stringify({name: `exports-${size}`, version: '1.0.0', types: 'src/index.ts'}, null, 2)}\n`);
    fs.writeFileSync(path.join(target, 'src', 'index.ts'), manyExports(size));
    const site = path.join(work, `site-${size}`);
    fs.mkdirSync(site);
    const label = `exports-${size}`;
    process.stderr.write(`${label}: running...\n`);
    const result = await measure({command: process.execPath, args: [path.join(SITE_DIR, 'bench', 'code-reference-run.mjs'), target, site], cwd: SITE_DIR, logDir: work, label});
    const out = JSON.parse(fs.readFileSync(result.log, 'utf8').trim().split('\n').at(-1));
    const generatorS = out.ms / 1000;
    if (out.stats.symbols !== size) throw new Error(`${label}: ${out.stats.symbols} symbols documented, expected ${size}`);
    // CPU time, not wall time: on a shared machine the wall time moves with the other processes' load.
    const cpuS = result.userS + result.sysS;
    const perDoubling = previous ? (cpuS / previous.cpuS) ** (1 / Math.log2(size / previous.size)) : undefined;
    rows.push([size.toLocaleString('en'), (fs.statSync(path.join(target, 'src', 'index.ts')).size / 2 ** 20).toFixed(1), result.wallS.toFixed(1), cpuS.toFixed(1), generatorS.toFixed(1), out.stats.readMs.toLocaleString('en'), Math.round(result.maxRssMB).toLocaleString('en'), perDoubling === undefined ? '' : `${perDoubling.toFixed(2)}×`]);
    previous = {size, cpuS};
    process.stderr.write(`${label}: ${result.wallS.toFixed(1)} s, ${Math.round(result.maxRssMB)} MB\n`);
  }
  console.log(markdownTable(['exports', 'file MB', 'wall s', 'CPU s', 'generator s', 'parse ms', 'peak MB', 'CPU time per doubling'], rows));
} finally {
  if (values.keep) console.error(`kept ${work}`);
  else fs.rmSync(work, {recursive: true, force: true});
}
