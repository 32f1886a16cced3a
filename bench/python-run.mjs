#!/usr/bin/env node
/**
 * One cold run of the code reference on a Python target, in its own process, for bench/python.mjs and
 * test/python-fidelity.test.ts: discover → extract → render, no caches.
 *
 *   node bench/python-run.mjs <target> <siteDir> [--names | --cached | --cold]
 *
 * Prints one JSON line: {ms, cpuMs, extractCpuMs, warmupMs, symbols, pages, warnings}. `ms` is the generation alone: the
 * code is loaded first by a run on a one-module package (`warmupMs`), as a build has loaded it before
 * the section runs; the caller measures the process's wall time, which includes everything.
 * With --cached: the same after one generation with caches, so facts and pieces come from them
 * (a rebuild with nothing changed).
 * With --cold: no warm-up and no cache, in a fresh process (the caller times the process): the
 * honest cold generation, as `griffe dump` is one process that loads its code and reads the package.
 * With --names: the public names per module (every module, private ones included: the comparison
 * with griffe is about names, not pages).
 * Plain Node ESM; the TypeScript plugins are loaded with jiti, as Docusaurus loads its config.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {fileURLToPath} from 'node:url';
import {performance} from 'node:perf_hooks';
import {createJiti} from 'jiti';

const SITE_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const [target, siteDir, mode] = process.argv.slice(2);
if (!target || !siteDir) {
  console.error('usage: node bench/python-run.mjs <target> <siteDir> [--names]');
  process.exit(2);
}
const jiti = createJiti(import.meta.url);
const {loadTargetContext} = await jiti.import(path.join(SITE_DIR, "plugins/core/targetContext.ts"));
if (mode === '--names') {
  const context = await loadTargetContext({siteDir, target});
  const {extractPython} = await jiti.import(path.join(SITE_DIR, 'plugins/python/extractPython.ts'));
  const python = extractPython(context, {exclude: [], usedSlugs: new Set()});
  const names = Object.fromEntries([...python.project.modules.values()].map((module) => [module.name, python.project.publicNames(module)]).sort(([a], [b]) => (a < b ? -1 : 1)));
  console.log(JSON.stringify(names));
  process.exit(0);
}
if (mode === '--cold') {
  // A fresh process, nothing warmed, no cache of the target's content: load the code, read the
  // target, extract, render. The caller times the whole process, as it times `griffe dump`.
  const {generateCodeReference} = await jiti.import(path.join(SITE_DIR, 'plugins/code-reference/generator.ts'));
  const cpu = process.cpuUsage();
  const started = performance.now();
  const result = await generateCodeReference(await loadTargetContext({siteDir, target}), {cache: false});
  const used = process.cpuUsage(cpu);
  console.log(JSON.stringify({ms: Math.round(performance.now() - started), cpuMs: Math.round((used.user + used.system) / 1000), symbols: result?.stats.symbols ?? 0, pages: result?.files.size ?? 0}));
  process.exit(0);
}
const started = performance.now();
const {generateCodeReference, extractCodeReferenceModel, renderCodeReference} = await jiti.import(path.join(SITE_DIR, 'plugins/code-reference/generator.ts'));
const warm = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-python-warm-'));
fs.mkdirSync(path.join(warm, 'warm'));
fs.writeFileSync(path.join(warm, 'warm', '__init__.py'), '"""Warm-up."""\n\n\ndef f(x: int = 1) -> int:\n    """Args:\n        x: A number.\n    """\n    return x\n');
await generateCodeReference(await loadTargetContext({siteDir: `${siteDir}-warm`, target: warm}), {cache: false});
fs.rmSync(warm, {recursive: true, force: true});
const cached = mode === '--cached';
if (cached) await generateCodeReference(await loadTargetContext({siteDir, target}), {cache: true});
const warmed = performance.now();
const cpu = process.cpuUsage();
const context = await loadTargetContext({siteDir, target});
// Extract (the model: what griffe's dump is to griffe) and render, timed apart.
const extracted = await extractCodeReferenceModel(context, {cache: cached});
const extractCpu = process.cpuUsage(cpu);
const rendered = extracted ? await renderCodeReference(extracted.model, siteDir, {cache: cached}) : undefined;
const result = rendered && {stats: {symbols: extracted.model.symbols.length}, files: rendered.files};
const ms = Math.round(performance.now() - warmed);
const used = process.cpuUsage(cpu);
console.log(JSON.stringify({ms, cpuMs: Math.round((used.user + used.system) / 1000), extractCpuMs: Math.round((extractCpu.user + extractCpu.system) / 1000), warmupMs: Math.round(warmed - started), symbols: result?.stats.symbols ?? 0, pages: result?.files.size ?? 0, warnings: context.report.warnings.map((warning) => warning.message)}));
