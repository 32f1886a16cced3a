/**
 * The hook the code reference calls: its TypeScript model (or none) plus the target's Python
 * packages, as one model. Python packages are parts beside the TypeScript ones; when the TypeScript
 * side is a single package at the section's root, its index moves to a slug of its own so the
 * section's root can list every part.
 */
import fs from 'node:fs';
import path from 'node:path';
import {hashContent} from '../core/contentCache';
import type {TargetContext} from '../core/types';
import {loadBundledCache} from '../core/bundledCache';
import {CODE_REFERENCE_MODEL_VERSION, type CodeReferenceModel} from '../code-reference/model';
import type {PyModuleFacts} from './parse/facts';

let parserVersion: string | undefined;

/** A hash of the code that makes facts: an entry made by older code simply misses. */
function factsVersion(): string {
  if (!parserVersion) {
    const dir = path.join(__dirname, 'parse');
    const files = fs.readdirSync(dir).filter((name) => /\.ts$/.test(name) && !name.includes('.test.')).sort();
    parserVersion = hashContent(...files.flatMap((name) => [name, fs.readFileSync(path.join(dir, name), 'utf8')])).slice(0, 16);
  }
  return parserVersion;
}

export async function withPython(
  context: TargetContext,
  model: CodeReferenceModel | undefined,
  options: {exclude: string[]; cache?: boolean},
): Promise<{model: CodeReferenceModel | undefined; files: string[]; stats: {parsed: number; cached: number}}> {
  // A TypeScript side with nothing to show (a Python-only repository) is no part of its own.
  const empty = !model || (model.symbols.length === 0 && model.containers.every((container) => container.exports.length === 0));
  const base: CodeReferenceModel = empty ? {version: CODE_REFERENCE_MODEL_VERSION, packages: [], containers: [], symbols: []} : model;
  const usedSlugs = new Set([...base.containers.map((one) => one.slug.toLowerCase()), ...base.packages.map((one) => one.slug.toLowerCase())]);
  // No cache file at all for a target without Python.
  const hasPython = context.inventory.files.some((file) => /\.pyi?$/.test(file));
  const cache = (options.cache ?? true) && hasPython ? await loadBundledCache<PyModuleFacts>(context.siteDir, 'python-facts', factsVersion()) : undefined;
  // The reader (and @lezer/python) loads only for a target with Python files (docs/adr/0059).
  const python = hasPython ? (await import('./extractPython')).extractPython(context, {exclude: options.exclude, usedSlugs, ...(cache ? {cache} : {})}) : undefined;
  await cache?.save();
  if (!python || python.symbols.length + python.containers.length === 0) return {model, files: [], stats: {parsed: 0, cached: 0}};
  const packages = base.packages.map((pkg) => {
    if (pkg.slug !== '') return pkg;
    let slug = pkg.name.replace(/^@/, '').replace(/[^A-Za-z0-9._-]+/g, '-') || 'typescript';
    for (let i = 2; usedSlugs.has(slug.toLowerCase()); i++) slug = `${pkg.name}-${i}`;
    usedSlugs.add(slug.toLowerCase());
    return {...pkg, slug};
  });
  return {
    model: {version: base.version, packages: [...packages, ...python.packages], containers: [...base.containers, ...python.containers], symbols: [...base.symbols, ...python.symbols]},
    files: python.files,
    stats: python.stats,
  };
}
