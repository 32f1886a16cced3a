/**
 * The target as every section sees it: its root, config, files, git and history, and the report.
 * A module of its own, apart from prepareSite, so that a tool that reads one section (the
 * benchmarks, a test) loads this and not the whole site's machinery (authored docs, Docusaurus utils).
 */
import path from 'node:path';
import {discoverTarget} from './discoverTarget';
import {WORK_DIR} from './generatedFiles';
import {readGitInfo} from './git';
import {createTargetHistory, readTargetHistory} from './history';
import {loadConfig} from './loadConfig';
import {createRepoLinks} from './repoLinks';
import {createReport} from './report';
import {resolveTarget} from './resolveTarget';
import type {TargetContext} from './types';

export interface TargetOptions {
  siteDir: string;
  /** As the user gave it: relative to `cwd` or absolute. */
  target: string;
  cwd?: string;
  /** `--strict` / DOCS_STRICT; the config's `strict` also turns it on. */
  strict?: boolean;
  /**
   * false: the git history is not read (one full `git log` less), as for `docs-architect extract`,
   * which writes a model and no page with dates or authors.
   */
  history?: boolean;
}

export async function loadTargetContext(options: TargetOptions): Promise<TargetContext> {
  const root = resolveTarget(options.target, options.cwd);
  const {config, file: configFile} = await loadConfig(root);
  const report = createReport();
  // The history is the one full `git log` of the build; it runs while the files are walked.
  const [inventory, {git, history}] = await Promise.all([
    discoverTarget(root, {include: config.include, exclude: config.exclude}),
    readGitInfo(root).then(async (git) => ({
      git,
      history:
        options.history === false
          ? createTargetHistory({commits: [], paths: []}, {state: 'none', reason: 'the history is not read by this command'})
          : await readTargetHistory(root, git, {cacheFile: path.join(options.siteDir, WORK_DIR, 'cache', 'git-log.json')}),
    })),
  ]);
  if (git.refused) {
    report.warn(`the git history is not read: ${git.refused}`, {
      file: path.join(root, '.git'),
      fix: 'Build from a clone of the repository itself; the site is built without history, edit links or dates meanwhile',
    });
  }
  if (history.state === 'error') {
    report.warn(`the git history could not be read: ${history.reason}`, {
      file: root,
      fix: 'Check that `git log` works in the target; pages are built without history meanwhile',
    });
  }
  const rootPackage = inventory.packages.find((pkg) => pkg.dir === '');
  for (const problem of inventory.manifestProblems) {
    report.warn(`malformed manifest: ${problem.message}; its name, version and entry points are not used`, {
      file: path.join(root, problem.path),
      line: problem.line,
      column: problem.column,
      fix: 'Fix the JSON at that place; until then the site is built without the package name, version and entry points',
    });
  }
  for (const env of inventory.envFiles.filter((file) => file.mayHoldSecrets)) {
    report.warn('this env file is not ignored by git and may hold secrets (only its variable names are shown)', {
      file: path.join(root, env.path),
      fix: 'Add it to .gitignore and commit an example file (.env.example) instead',
    });
  }
  return {
    siteDir: options.siteDir,
    root,
    config,
    configFile,
    inventory,
    git,
    history,
    links: createRepoLinks(config.repositoryUrl, git.remoteUrl),
    ref: config.branch ?? git.branch ?? 'main',
    project: {
      name: config.title ?? rootPackage?.name ?? path.basename(root),
      version: rootPackage?.version,
      description: config.tagline ?? rootPackage?.description,
    },
    strict: Boolean(options.strict || config.strict),
    report,
  };
}
