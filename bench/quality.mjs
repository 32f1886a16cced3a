#!/usr/bin/env node
/**
 * The Quality section's cost (living docs: citations, drift, review age, readability of every
 * hand-written page, charts): its extract and its render on a target, inside a real preparation of
 * the site with the code reference beside it (coverage reads its model), and that whole preparation
 * (the stager reuses the pages living docs parsed, so it is the fairer figure).
 *
 *   npm run bench:quality -- [--target DIR] [--runs N] [--baseline SITE_DIR]
 *
 * The target defaults to this repository (the default site). With --baseline (another checkout of
 * docs-architect, e.g. the main worktree), each run times that checkout's living docs too, in
 * interleaved fresh processes, and prints the ratio. Medians.
 */
import {spawnSync} from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {parseArgs} from 'node:util';
import {performance} from 'node:perf_hooks';
import {fileURLToPath} from 'node:url';

const SITE_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const {values} = parseArgs({options: {runs: {type: 'string', default: '5'}, target: {type: 'string'}, baseline: {type: 'string'}, child: {type: 'string'}, site: {type: 'string'}}});

if (values.child) {
  // One measured run in this process: plugins loaded with jiti, as Docusaurus loads its config.
  const site = values.site ?? SITE_DIR;
  const {createJiti} = await import('jiti');
  const jiti = createJiti(import.meta.url);
  const load = (file) => jiti.import(path.join(site, file));
  const {codeReferenceGenerator} = await load('plugins/code-reference/generator.ts');
  const {livingDocsGenerator} = await load('plugins/living-docs/generator.ts');
  const {prepareSite} = await load('plugins/core/prepareSite.ts');
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-quality-'));
  try {
    // The real pipeline (registry, link index, coverage from the code reference), living docs timed alone.
    const timed = {extractMs: 0, renderMs: 0};
    const time = (key, fn) => async (...args) => {
      const started = performance.now();
      try {
        return await fn(...args);
      } finally {
        timed[key] += performance.now() - started;
      }
    };
    const wrapped = {...livingDocsGenerator, extract: time('extractMs', livingDocsGenerator.extract), render: time('renderMs', livingDocsGenerator.render)};
    // The whole preparation too: the stager reads the pages living docs has just parsed (readAuthoredPage's cache).
    const started = performance.now();
    const plan = await prepareSite({siteDir: work, target: values.child, generators: [codeReferenceGenerator, wrapped]});
    const prepareMs = performance.now() - started;
    const quality = plan.siteModel.sections.find((section) => section.id === 'quality');
    const pages = quality?.model.grades?.length ?? quality?.model.pages.length ?? 0;
    console.log(JSON.stringify({...timed, prepareMs, pages}));
  } finally {
    fs.rmSync(work, {recursive: true, force: true});
  }
  process.exit(0);
}

const target = path.resolve(values.target ?? SITE_DIR);
const runs = Number(values.runs);
const run = (site) => {
  const child = spawnSync(process.execPath, [fileURLToPath(import.meta.url), '--child', target, '--site', site], {encoding: 'utf8', maxBuffer: 1 << 26});
  if (child.status !== 0) throw new Error(`bench child failed on ${site}:\n${child.stderr}`);
  return JSON.parse(child.stdout.trim().split('\n').at(-1));
};
const median = (list) => [...list].sort((a, b) => a - b)[Math.floor(list.length / 2)];
const ours = [];
const base = [];
for (let i = 0; i < runs; i++) {
  ours.push(run(SITE_DIR));
  if (values.baseline) base.push(run(path.resolve(values.baseline)));
}
const line = (name, list) => {
  const extract = median(list.map((r) => r.extractMs));
  const render = median(list.map((r) => r.renderMs));
  const prepare = median(list.map((r) => r.prepareMs));
  console.log(`${name}: extract ${extract.toFixed(0)} ms, render ${render.toFixed(0)} ms, total ${(extract + render).toFixed(0)} ms; whole preparation (code reference, living docs, staging) ${prepare.toFixed(0)} ms (${list[0].pages} pages, median of ${list.length})`);
  return {section: extract + render, prepare};
};
console.log(`Quality section on ${target} (load: ${os.loadavg().map((value) => value.toFixed(1)).join(' ')})`);
const mine = line('this checkout', ours);
if (values.baseline) {
  const theirs = line(`baseline ${values.baseline}`, base);
  console.log(`ratio: the section ${(mine.section / theirs.section).toFixed(2)}× the baseline, the whole preparation ${(mine.prepare / theirs.prepare).toFixed(2)}×`);
}
