/**
 * Compiles the site's own sources when the package is installed as a dependency. Docusaurus's
 * JavaScript rule skips every path containing `node_modules` (except its own packages), so the
 * theme components and pages of an installed docs-architect reached the bundler as raw TypeScript
 * ("Module parse failed … import type"). This rule gives exactly those files, and no dependency of
 * ours, the loader Docusaurus gives `src/` in a clone. See docs/adr/0038.
 */
import fs from 'node:fs';
import path from 'node:path';
import type {Plugin} from '@docusaurus/types';

/** The package folder as the bundler sees it: symbolic links resolved (`resolve.symlinks`). */
const PACKAGE_DIR = fs.realpathSync(path.resolve(__dirname, '..', '..'));

/**
 * Whether Docusaurus left this module uncompiled although it is ours: inside the package, not in a
 * dependency the package carries, and below a `node_modules` (in a clone the default rule has it).
 */
export function isInstalledOwnSource(modulePath: string, packageDir: string = PACKAGE_DIR): boolean {
  if (!modulePath.startsWith(packageDir + path.sep)) return false;
  if (modulePath.slice(packageDir.length).includes(`${path.sep}node_modules${path.sep}`)) return false;
  return packageDir.split(path.sep).includes('node_modules');
}

export default function packageSourcesPlugin(): Plugin<void> {
  return {
    name: 'docs-architect-package-sources',
    configureWebpack(_config, isServer, utils) {
      if (!PACKAGE_DIR.split(path.sep).includes('node_modules')) return {};
      return {
        module: {
          rules: [{test: /\.[jt]sx?$/i, include: (modulePath: string) => isInstalledOwnSource(modulePath), use: [utils.getJSLoader({isServer})]}],
        },
      };
    },
  };
}
