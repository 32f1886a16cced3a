#!/usr/bin/env node
/**
 * One run of the code reference generator on a target, in its own process, for bench/code-reference.mjs:
 * discover → extract → render → write the pages, as a build does before Docusaurus starts.
 *
 *   node bench/code-reference-run.mjs <target> <siteDir> [--entries]
 *
 * Prints one JSON line: {ms, stats, warnings} (or, with --entries, the entry point files).
 * Plain Node ESM; the TypeScript plugins are loaded with jiti, as Docusaurus loads its config.
 */
import path from 'node:path';
import {fileURLToPath} from 'node:url';
import {performance} from 'node:perf_hooks';
import {createJiti} from 'jiti';

const SITE_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const [target, siteDir, mode] = process.argv.slice(2);
if (!target || !siteDir) {
  console.error('usage: node bench/code-reference-run.mjs <target> <siteDir> [--entries]');
  process.exit(2);
}

const jiti = createJiti(import.meta.url);
const {loadTargetContext} = await jiti.import(path.join(SITE_DIR, 'plugins/core/prepareSite.ts'));
const {syncDirectory, generatedDir} = await jiti.import(path.join(SITE_DIR, 'plugins/core/generatedFiles.ts'));

const started = performance.now();
const context = await loadTargetContext({siteDir, target});
if (mode === '--entries') {
  const {planPackages} = await jiti.import(path.join(SITE_DIR, 'plugins/code-reference/extract/entryPoints.ts'));
  const {normalizeOptions} = await jiti.import(path.join(SITE_DIR, 'plugins/code-reference/options.ts'));
  const plans = planPackages(context, normalizeOptions(context.config));
  console.log(JSON.stringify(plans.flatMap((plan) => plan.entries.map((entry) => entry.file))));
  process.exit(0);
}
const {generateCodeReference} = await jiti.import(path.join(SITE_DIR, 'plugins/code-reference/generator.ts'));
const discovered = performance.now();
const result = await generateCodeReference(context);
const written = await syncDirectory(generatedDir(siteDir, 'api'), result.files);
// `ms`: the generator and writing its pages, what a rebuild repeats; `discoverMs`: target discovery, shared by all generators.
console.log(JSON.stringify({ms: Math.round(performance.now() - discovered), discoverMs: Math.round(discovered - started), stats: result.stats, written, warnings: context.report.warnings.length}));
