/**
 * Finds, loads and validates the target's `docs-architect.config.{ts,mts,cts,js,mjs,cjs,json,yaml,yml}`.
 * A broken file is a UserError naming the file, the line where there is one, the key, what is wrong
 * and how to fix it. The reading and validating (validateConfig.ts: zod, yaml, ~0.15 s to load) is
 * imported only when there is a file, so a command on a target without config never pays for it
 * (docs/adr/0052).
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import type {DocsArchitectConfig} from './configSchema';
import {UserError} from './errors';

export const CONFIG_BASENAME = 'docs-architect.config';
export const CONFIG_EXTENSIONS = ['ts', 'mts', 'cts', 'js', 'mjs', 'cjs', 'json', 'yaml', 'yml'] as const;

export interface LoadedConfig {
  /** Absolute path of the file it came from; undefined when the target has none. */
  file?: string;
  config: DocsArchitectConfig;
}

export async function findConfigFile(targetRoot: string): Promise<string | undefined> {
  const entries = new Set(await fs.readdir(targetRoot));
  const found = CONFIG_EXTENSIONS.map((ext) => `${CONFIG_BASENAME}.${ext}`).filter((name) => entries.has(name));
  if (found.length > 1) {
    throw new UserError(`several config files found (${found.join(', ')})`, {
      file: path.join(targetRoot, found[0]!),
      fix: 'Keep one of them and delete the others',
    });
  }
  return found[0] ? path.join(targetRoot, found[0]) : undefined;
}

export async function loadConfig(targetRoot: string): Promise<LoadedConfig> {
  const file = await findConfigFile(targetRoot);
  if (!file) {
    return {config: {}};
  }
  const {readConfigFile, validateConfig} = await import('./validateConfig');
  const {value, document, lineCounter} = await readConfigFile(file);
  return {file, config: validateConfig(value, file, document, lineCounter)};
}
