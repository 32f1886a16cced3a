/**
 * The architecture of a target, read top to bottom: what the inputs declare (compose, Kubernetes,
 * package folders, example env files), merged into elements and relations; the import graph; the
 * data models. Every input that cannot be read is a warning with its file and line, and the rest of
 * the section is still built.
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import type {TargetContext} from '../../core/types';
import {ARCHITECTURE_MODEL_VERSION, type ArchitectureModel, type Problem} from '../model';
import {readCompose} from './compose';
import type {Declared, ProblemSink} from './declared';
import {mergeElements, type EnvSource} from './elements';
import {kubernetesCandidates, readKubernetes} from './kubernetes';
import {readWorkspace} from './workspace';
import {extractDependencies} from './dependencies';
import {extractEntities} from './entities';

export async function extractArchitecture(context: TargetContext): Promise<ArchitectureModel> {
  const {root, inventory} = context;
  const problems: Problem[] = [];
  const sink: ProblemSink = {
    problem(source, message) {
      problems.push({...source, message});
      context.report.warn(message, {file: path.join(root, source.file), line: source.line, fix: 'Fix the file; the rest of the Architecture section is built without it'});
    },
  };
  const declared: Declared[] = [];
  for (const file of inventory.composeFiles) declared.push(...(await readCompose(root, file, sink)));
  declared.push(...(await readKubernetes(root, kubernetesCandidates(inventory.files), sink)));
  declared.push(...(await readWorkspace(root, inventory, context.project.name, sink)));
  const {elements, relations} = mergeElements(declared, await envSources(root, context));

  const dependencies = await extractDependencies(context, elements);
  const entities = await extractEntities(context, sink);
  return {
    version: ARCHITECTURE_MODEL_VERSION,
    system: context.project.name,
    elements,
    relations,
    ...(dependencies ? {dependencies} : {}),
    entities,
    problems: problems.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : a.line - b.line)),
  };
}

/** Example env files (never a real `.env`): the names they list, with their lines. */
async function envSources(root: string, context: TargetContext): Promise<EnvSource[]> {
  const sources: EnvSource[] = [];
  for (const env of context.inventory.envFiles.filter((file) => !file.mayHoldSecrets)) {
    const text = await fs.readFile(path.join(root, env.path), 'utf8').catch(() => '');
    const lines = text.split('\n');
    // Names are compared as text (never made into a pattern): `NAME=` after an optional `export`.
    const declares = (line: string, name: string) => line.trim().replace(/^export\s+/, '').startsWith(name) && /^\s*=/.test(line.trim().replace(/^export\s+/, '').slice(name.length));
    const variables = env.variables.map((name) => ({name, line: Math.max(1, lines.findIndex((line) => declares(line, name)) + 1)}));
    const dir = path.posix.dirname(env.path);
    sources.push({file: env.path, dir: dir === '.' ? '' : dir, variables});
  }
  return sources;
}
