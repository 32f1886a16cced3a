/**
 * The CI recipes of the guide: valid YAML, the same text on the page as in the files, and each does
 * what the guide says (build on push, `check --strict` on pull/merge requests, publish the default
 * branch). The packaged-install e2e test (e2e/package.spec.ts) runs their commands.
 */
import {describe, expect, it} from 'vitest';
import {actionsUsed, guideBlocks, KNOWN_ACTIONS, loadRecipe, loadRecipes, publishedFolder, type Recipe} from './ciRecipes';

const BUILD = 'npx docs-architect build .';
const CHECK = 'npx docs-architect check . --strict';

function job(recipe: Recipe, name: string) {
  const found = recipe.jobs.find((entry) => entry.name === name);
  if (!found) throw new Error(`no job ${name} in ${recipe.file}`);
  return found;
}

describe('the CI recipes', () => {
  it('are on the guide page exactly as in their files', () => {
    const blocks = guideBlocks();
    const recipes = loadRecipes();
    expect(recipes).toHaveLength(2);
    expect(blocks.slice(0, 2)).toEqual(recipes.map((recipe) => recipe.text));
  });

  it('GitHub Actions: builds on push, checks pull requests strictly, deploys main to Pages', () => {
    const recipe = loadRecipe('github-actions.yml');
    expect(Object.keys(recipe.doc.on as object).sort()).toEqual(['pull_request', 'push']);
    expect(recipe.jobs.map((entry) => entry.name)).toEqual(['build', 'check', 'deploy']);

    const build = job(recipe, 'build');
    expect(build.raw.if).toBe("github.event_name == 'push'");
    expect(build.commands).toEqual(['npm ci', BUILD]);
    const steps = build.raw.steps as {uses?: string; with?: Record<string, unknown>}[];
    // The whole history, for the History section; the artifact is the built site.
    expect(steps[0]).toEqual({uses: 'actions/checkout@v4', with: {'fetch-depth': 0}});
    expect(steps.at(-1)).toEqual({uses: 'actions/upload-pages-artifact@v3', with: {path: 'build/docs'}});

    const check = job(recipe, 'check');
    expect(check.raw.if).toBe("github.event_name == 'pull_request'");
    expect(check.commands).toEqual(['npm ci', CHECK]);

    const deploy = job(recipe, 'deploy');
    expect(deploy.raw).toMatchObject({
      if: "github.event_name == 'push' && github.ref == 'refs/heads/main'",
      needs: 'build',
      permissions: {pages: 'write', 'id-token': 'write'},
      environment: {name: 'github-pages'},
      steps: [{id: 'deployment', uses: 'actions/deploy-pages@v4'}],
    });
    expect(deploy.commands).toEqual([]);
    // What the packaged-install test does not run, because it needs GitHub's runner: known actions only.
    const used = actionsUsed(recipe);
    expect(used).toEqual(['actions/checkout@v4', 'actions/setup-node@v4', 'actions/upload-pages-artifact@v3', 'actions/checkout@v4', 'actions/setup-node@v4', 'actions/deploy-pages@v4']);
    expect([...new Set(used)].sort()).toEqual([...KNOWN_ACTIONS].sort());
    expect(publishedFolder(recipe)).toBe('build/docs');
    // Nothing else may write: the default token is read-only.
    expect(recipe.doc.permissions).toEqual({contents: 'read'});
  });

  it('GitLab CI: builds on push, checks merge requests strictly, publishes the default branch to Pages', () => {
    const recipe = loadRecipe('gitlab-ci.yml');
    expect(recipe.jobs.map((entry) => entry.name)).toEqual(['docs:build', 'docs:check', 'pages']);
    expect(recipe.doc.variables).toEqual({GIT_DEPTH: 0});

    const build = job(recipe, 'docs:build');
    expect(build.raw.rules).toEqual([{if: '$CI_PIPELINE_SOURCE == "push"'}]);
    expect(build.commands).toEqual(['npm ci --cache .npm --prefer-offline', BUILD]);
    expect(build.raw.artifacts).toEqual({paths: ['build/docs']});

    const check = job(recipe, 'docs:check');
    expect(check.raw.rules).toEqual([{if: '$CI_PIPELINE_SOURCE == "merge_request_event"'}]);
    expect(check.commands).toEqual(['npm ci --cache .npm --prefer-offline', CHECK]);

    // GitLab publishes the `public` artifact of the job named `pages`.
    const pages = job(recipe, 'pages');
    expect(pages.raw).toMatchObject({stage: 'deploy', needs: ['docs:build'], artifacts: {paths: ['public']}});
    expect(pages.raw.rules).toEqual([{if: '$CI_PIPELINE_SOURCE == "push" && $CI_COMMIT_BRANCH == $CI_DEFAULT_BRANCH'}]);
    expect(pages.commands).toEqual(['mv build/docs public']);
    expect(publishedFolder(recipe)).toBe('public');
    expect(actionsUsed(recipe)).toEqual([]);
  });
});
