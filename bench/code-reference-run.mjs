#!/usr/bin/env node
/**
 * One run of the code reference generator on a target, in its own process, for bench/code-reference.mjs:
 * discover → extract → render → write the pages, as a build does before Docusaurus starts.
 *
 *   node bench/code-reference-run.mjs <target> <siteDir> [--entries | --session <file> <label>]
 *
 * Prints one JSON line: {ms, stats, warnings} (or, with --entries, the entry point files).
 * With --session, it does what a running `npm start` does after an edit (NODE_ENV=development, so
 * caches stay in the process): generate, then edit <file> (relative to the target) the way the
 * benchmark edits, and generate again; `ms` is the second generation.
 * Plain Node ESM; the TypeScript plugins are loaded with jiti, as Docusaurus loads its config.
 */
import fs from 'node:fs';
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
if (mode === '--session') {
  const [file, label] = process.argv.slice(5);
  if (process.env.NODE_ENV !== 'development') throw new Error('--session runs with NODE_ENV=development, as npm start does');
  await syncDirectory(generatedDir(siteDir, 'api'), (await generateCodeReference(context)).files);
  const absolute = path.join(target, file);
  const text = fs.readFileSync(absolute, 'utf8');
  fs.writeFileSync(absolute, text.replace(/\/\*\*(\r?\n)/, (_m, eol) => `/**${eol} * Edited in a session (${label}).${eol}`));
  const edited = performance.now();
  // As the core plugin's watcher does: the target is discovered again, then the section regenerated.
  const again = await loadTargetContext({siteDir, target});
  const regenerated = performance.now();
  const result = await generateCodeReference(again);
  const written = await syncDirectory(generatedDir(siteDir, 'api'), result.files);
  console.log(JSON.stringify({ms: Math.round(performance.now() - regenerated), discoverMs: Math.round(regenerated - edited), stats: result.stats, written, warnings: again.report.warnings.length}));
  process.exit(0);
}
const discovered = performance.now();
const result = await generateCodeReference(context);
const written = await syncDirectory(generatedDir(siteDir, 'api'), result.files);
// `ms`: the generator and writing its pages, what a rebuild repeats; `discoverMs`: target discovery, shared by all generators.
console.log(JSON.stringify({ms: Math.round(performance.now() - discovered), discoverMs: Math.round(discovered - started), stats: result.stats, written, warnings: context.report.warnings.length}));
