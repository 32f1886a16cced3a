/**
 * Keeps the bundler's persistent cache in this build's own work folder. By default Rspack and webpack
 * write it under `node_modules/.cache`, which every build of every target from one install shares
 * (and which may be read-only, or someone else's, when the package is installed as a dependency).
 * See docs/adr/0025.
 */
import path from 'node:path';
import type {LoadContext, Plugin} from '@docusaurus/types';
import {WORK_DIR} from './generatedFiles';

export default function bundlerCachePlugin(context: LoadContext): Plugin<void> {
  const directory = path.join(context.siteDir, WORK_DIR, 'bundler-cache');
  return {
    name: 'docs-architect-bundler-cache',
    configureWebpack(config) {
      // Only a persistent cache Docusaurus turned on is moved; none is ever turned on here.
      const rspackCache = (config as {experiments?: {cache?: unknown}}).experiments?.cache;
      if (rspackCache && typeof rspackCache === 'object' && (rspackCache as {type?: string}).type === 'persistent') {
        return {experiments: {cache: {storage: {type: 'filesystem', directory}}}} as never;
      }
      if (config.cache && typeof config.cache === 'object' && config.cache.type === 'filesystem') {
        return {cache: {cacheDirectory: directory}} as never;
      }
      return {};
    },
  };
}
