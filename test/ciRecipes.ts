/**
 * The CI recipes of the guide (docs/ci/*.yml), read as CI reads them: which commands each job runs,
 * so the unit test can check their shape and the packaged-install e2e test can run the same ones.
 */
import fs from 'node:fs';
import path from 'node:path';
import {parseDocument} from 'yaml';

export const RECIPES_DIR = path.join(__dirname, '..', 'docs', 'ci');
export const GUIDE = path.join(__dirname, '..', 'docs', 'ci.md');

export interface RecipeJob {
  name: string;
  /** The shell commands it runs, in order (GitHub's `run` steps; GitLab's before_script then script). */
  commands: string[];
  /** The job as written. */
  raw: Record<string, unknown>;
}

export interface Recipe {
  file: string;
  text: string;
  doc: Record<string, unknown>;
  jobs: RecipeJob[];
}

/** GitLab's top-level keywords that are not jobs. */
const GITLAB_KEYWORDS = new Set(['default', 'variables', 'stages', 'include', 'workflow', 'image', 'services', 'cache', 'before_script', 'after_script']);

export function loadRecipe(name: 'github-actions.yml' | 'gitlab-ci.yml'): Recipe {
  const file = path.join(RECIPES_DIR, name);
  const text = fs.readFileSync(file, 'utf8');
  const parsed = parseDocument(text);
  if (parsed.errors.length > 0) throw new Error(`${name}: ${parsed.errors.map((error) => error.message).join('; ')}`);
  const doc = parsed.toJS() as Record<string, unknown>;
  const strings = (value: unknown): string[] => (Array.isArray(value) ? value.map(String) : value === undefined ? [] : [String(value)]);
  if (name === 'github-actions.yml') {
    const jobs = Object.entries(doc.jobs as Record<string, Record<string, unknown>>).map(([job, raw]) => ({
      name: job,
      raw,
      commands: ((raw.steps ?? []) as {run?: string}[]).flatMap((step) => strings(step.run)),
    }));
    return {file, text, doc, jobs};
  }
  const defaults = (doc.default ?? {}) as Record<string, unknown>;
  const jobs = Object.entries(doc)
    .filter(([key]) => !GITLAB_KEYWORDS.has(key) && !key.startsWith('.'))
    .map(([job, value]) => {
      const raw = value as Record<string, unknown>;
      return {name: job, raw, commands: [...strings(raw.before_script ?? defaults.before_script), ...strings(raw.script)]};
    });
  return {file, text, doc, jobs};
}

/**
 * The actions the GitHub recipe uses: they need GitHub's runner (a checkout, a Node install, the Pages
 * artifact store and deployment), so tests check their names and inputs instead of running them.
 */
export const KNOWN_ACTIONS = ['actions/checkout@v4', 'actions/setup-node@v4', 'actions/upload-pages-artifact@v3', 'actions/deploy-pages@v4'];

/** Every `uses:` of the recipe's jobs, in order (GitLab jobs have none). */
export function actionsUsed(recipe: Recipe): string[] {
  return recipe.jobs.flatMap((job) => ((job.raw.steps ?? []) as {uses?: string}[]).flatMap((step) => (step.uses ? [step.uses] : [])));
}

/**
 * The folder the recipe hands to Pages: the `path` of GitHub's upload-pages-artifact step, or the
 * artifact GitLab's `pages` job publishes (`public`, made from the folder its build job keeps).
 */
export function publishedFolder(recipe: Recipe): string {
  for (const job of recipe.jobs) {
    const upload = ((job.raw.steps ?? []) as {uses?: string; with?: {path?: string}}[]).find((step) => step.uses?.startsWith('actions/upload-pages-artifact@'));
    if (upload?.with?.path) return upload.with.path;
  }
  const pages = recipe.jobs.find((job) => job.name === 'pages');
  const paths = (pages?.raw.artifacts as {paths?: string[]} | undefined)?.paths;
  if (paths?.length === 1) return paths[0]!;
  throw new Error(`${path.basename(recipe.file)}: no upload-pages-artifact step and no pages job with one artifact path`);
}

export function loadRecipes(): Recipe[] {
  return [loadRecipe('github-actions.yml'), loadRecipe('gitlab-ci.yml')];
}

/** The YAML code blocks of the guide, in order. */
export function guideBlocks(): string[] {
  const guide = fs.readFileSync(GUIDE, 'utf8');
  return [...guide.matchAll(/^```yaml\n([\s\S]*?)^```$/gm)].map((match) => match[1]!);
}
