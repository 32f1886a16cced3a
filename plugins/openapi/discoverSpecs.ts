/**
 * Which API descriptions a target has: the ones its config lists, plus (unless `discover: false`)
 * the ones discovery found by name or content, minus those under test and fixture folders (a
 * repository's test specs are not its API) and those the config excludes. Sorted by path.
 */
import path from 'node:path';
import ignore from 'ignore';
import type {OpenApiConfig} from '../core/configSchema';
import {UserError} from '../core/errors';
import {isInside} from '../core/resolveTarget';
import type {TargetContext} from '../core/types';
import {TEST_FOLDER} from '../core/testFolders';

export interface SpecSource {
  /** Relative POSIX path from the target's root. */
  file: string;
  /** Listed in the config (as opposed to found). */
  configured: boolean;
  id?: string;
  title?: string;
}


export function discoverSpecs(context: TargetContext): SpecSource[] {
  const config: OpenApiConfig = context.config.openapi ?? {};
  const sources = new Map<string, SpecSource>();
  (config.specs ?? []).forEach((entry, index) => {
    const spec = typeof entry === 'string' ? {path: entry} : entry;
    const file = path.posix.normalize(spec.path.split(path.sep).join('/'));
    if (file.startsWith('../') || !isInside(context.root, path.resolve(context.root, file))) {
      throw new UserError(`"${spec.path}" points outside the repository`, {
        file: context.configFile,
        key: `openapi.specs.${index}`,
        fix: 'List a file inside the repository, e.g. openapi: {specs: ["api/openapi.yaml"]}',
      });
    }
    sources.set(file, {file, configured: true, id: spec.id, title: 'title' in spec ? spec.title : undefined});
  });
  if (config.discover !== false) {
    const excluded = ignore().add(config.exclude ?? []);
    for (const file of context.inventory.specs) {
      if (sources.has(file) || TEST_FOLDER.test(file) || excluded.ignores(file)) continue;
      sources.set(file, {file, configured: false});
    }
  }
  return [...sources.values()].sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
}
