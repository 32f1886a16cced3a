/**
 * The config `docusaurus serve` gets. Serving a built site reads only `baseUrl` and `trailingSlash`
 * (`@docusaurus/core/lib/commands/serve.js`), yet evaluating the full config ran every generator on
 * the target first. Since each build keeps its work files in its own folder (docs/adr/0025), that
 * generation would also start cold in the package folder; so `serve` reads the target's config
 * file only.
 */
import type {Config} from '@docusaurus/types';
import {loadConfig} from './loadConfig';
import {resolveTarget} from './resolveTarget';

/** True when Docusaurus evaluates the config to serve a built site. */
export function isServeCommand(argv: readonly string[] = process.argv): boolean {
  return argv[2] === 'serve';
}

export async function createServeConfig(target: string): Promise<Config> {
  const {config} = await loadConfig(resolveTarget(target));
  return {
    title: config.title ?? 'docs-architect',
    url: config.url ?? 'http://localhost',
    baseUrl: config.baseUrl ?? '/',
    trailingSlash: true,
  };
}
