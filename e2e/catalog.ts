/**
 * Every target the end-to-end specs build, by name (docs/adr/0048). A spec asks for one with
 * `builtTarget(TARGETS.x)` or `servedTarget(TARGETS.x)` (e2e/targets.ts): it is built once per run,
 * whichever specs use it. Targets that specs would otherwise build near-identically are one target
 * here: each build costs half a minute of CI, the pages each spec reads cost seconds.
 */
import {execFileSync} from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import {PORT} from '../playwright.config';
import {ASYNCAPI_3} from '../test/apiKinds/asyncApiFixtures';
import {PROTO_TREE} from '../test/apiKinds/protoFixtures';
import {APP_FILES, makeApplicationTarget} from '../test/applicationFixture';
import {ARCHITECTURE_FILES, writeArchitectureFixture} from '../test/architectureFixture';
import {makeRepo} from '../test/gitRepo';
import {makeHostileBrowserRepo} from '../test/hostile/browserFixtures';
import {PLANTED_SOURCE} from '../test/hostile/plantedSecrets';
import {FIXTURE as GRAPHQL_FIXTURE} from '../plugins/graphql/testing/fixture';
import {makeFixtureRepo} from '../plugins/git-history/fixtureRepo';
import {makeOperationsTarget} from '../plugins/operations/fixtureTarget';
import {makeAudienceTarget, makeBareTarget, makePackageTarget, type TargetDefinition} from './targets';
import {makeWideTarget} from './wideTarget';

const SITE_DIR = path.join(__dirname, '..');

/** A folder of test/fixtures copied in as one commit of a git repository with a GitHub remote. */
function copyFixtureRepo(dir: string, fixture: string[], remote: string): void {
  fs.cpSync(path.join(SITE_DIR, 'test', 'fixtures', ...fixture), dir, {recursive: true});
  const repo = makeRepo(dir);
  repo.git('remote', 'add', 'origin', `https://github.com/acme/${remote}.git`);
  repo.commit('fixture');
}

function writeFiles(dir: string, files: Record<string, string>): void {
  for (const [file, content] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, file)), {recursive: true});
    fs.writeFileSync(path.join(dir, file), content);
  }
}

/** The loopback GraphQL server e2e/graphql.spec.ts starts; the API kinds target's config names it. */
export const GRAPHQL_API_PORT = PORT + 61;
export const GRAPHQL_ENDPOINT = `http://127.0.0.1:${GRAPHQL_API_PORT}/graphql`;

/** The CODEOWNERS of the application target: its module pages name the owners. */
export const APP_CODEOWNERS = '* @acme/web\n/server/ @acme/backend\n';

/** The broken description of the bad-input target, and where it is. */
export const BROKEN_OPENAPI = {file: 'api/openapi.yaml', text: 'openapi: 3.0.3\ninfo:\n  title: Broken\n  version: "1"\npaths:\n  /a:\n    get: [unclosed\n'};

/** The architecture fixture with a workspace package and a guide whose diagram has this edge. */
export function architectureFiles(edge: string): Record<string, string> {
  return {
    ...ARCHITECTURE_FILES,
    'packages/core/package.json': JSON.stringify({name: '@shop/core', version: '1.0.0', exports: './src/index.ts'}, null, 2),
    'docs/intro.md': `# Shop\n\n\`\`\`mermaid\nflowchart LR\n  ${edge}\n\`\`\`\n`,
  };
}

export const TARGETS = {
  /**
   * The API kinds and living docs at once: a `.proto` tree, an AsyncAPI 3 description and a GraphQL
   * schema split over three files with a broken fourth (plugins/graphql's fixture, with an endpoint
   * in its config), and a guide covering code that changed in three later commits.
   */
  apiKinds: {
    name: 'api-kinds',
    make(dir) {
      writeFiles(dir, {...PROTO_TREE, 'asyncapi.yaml': ASYNCAPI_3, ...GRAPHQL_FIXTURE});
      fs.writeFileSync(path.join(dir, 'docs-architect.config.json'), JSON.stringify({graphql: {schemas: [{endpoint: GRAPHQL_ENDPOINT}]}}));
      const commit = (message: string, date: string, files: Record<string, string>) => {
        writeFiles(dir, files);
        const env = {...process.env, GIT_AUTHOR_DATE: date, GIT_COMMITTER_DATE: date, GIT_CONFIG_GLOBAL: '/dev/null'};
        execFileSync('git', ['add', '-A'], {cwd: dir, env});
        execFileSync('git', ['-c', 'user.name=Ada', '-c', 'user.email=ada@example.com', 'commit', '-q', '-m', message], {cwd: dir, env});
      };
      execFileSync('git', ['init', '-q', '-b', 'main'], {cwd: dir});
      execFileSync('git', ['remote', 'add', 'origin', 'https://github.com/acme/payments.git'], {cwd: dir});
      commit('first', '2024-01-01T00:00:00Z', {
        'src/payments/charge.py': 'def create_charge(amount):\n    return amount\n',
        'docs/payments.md': '---\ncovers: ["src/payments/**"]\n---\n\n# Payments\n\nHow charges work.\n',
      });
      for (const [i, date] of ['2024-02-01', '2024-03-01', '2024-03-05'].entries()) {
        commit(`change ${i}`, `${date}T00:00:00Z`, {'src/payments/charge.py': `def create_charge(amount):\n    return amount * ${i + 2}\n`});
      }
    },
  },
  /** A React + Express app (test/applicationFixture.ts) with CODEOWNERS. */
  application: {name: 'application', make: () => makeApplicationTarget({...APP_FILES, '.github/CODEOWNERS': APP_CODEOWNERS})},
  /** Compose, Kubernetes, a pnpm workspace with a cycle, a Prisma schema, and a guide with a diagram. */
  architecture: {name: 'architecture', make: (dir) => writeArchitectureFixture(dir, architectureFiles('a --> b'))},
  /**
   * Bad input a non-strict build survives: front matter with a misspelt audience, a page overdue for
   * review, and an HTTP API description that cannot be read.
   */
  badInput: {
    name: 'bad-input',
    mayFail: true,
    make() {
      const dir = makeAudienceTarget();
      writeFiles(dir, {[BROKEN_OPENAPI.file]: BROKEN_OPENAPI.text});
      return dir;
    },
  },
  /** A folder with one TypeScript file: no git, no manifest, no docs. */
  bare: {name: 'bare', make: () => makeBareTarget()},
  /** test/fixtures/code-reference/sample, a git repository with a GitHub remote. */
  codeSample: {
    name: 'code-sample',
    make: (dir) => copyFixtureRepo(dir, ['code-reference', 'sample'], 'shapes'),
  },
  /** Releases, ADRs, CODEOWNERS (plugins/git-history/fixtureRepo.ts), guides in `guide/`. */
  history: {
    name: 'history',
    make(dir) {
      const fixture = makeFixtureRepo(dir);
      // The fixture's records hold MDX-hostile text ({for now}, <simple>) on purpose. The history pages
      // escape it; Docusaurus's authored docs would compile those same files as MDX, so the guides come
      // from another folder here.
      writeFiles(fixture.repo.dir, {'guide/intro.md': '# Widgets guide\n\nHow to use widgets.\n', 'docs-architect.config.json': JSON.stringify({docsPath: 'guide'})});
      return {dir: fixture.repo.dir, facts: {fixSha: fixture.sha.fix!}};
    },
  },
  /** A repository written by an attacker (test/hostile/browserFixtures.ts), built as untrusted. */
  hostileBrowser: {name: 'hostile-browser', args: ['--untrusted'], make: () => makeHostileBrowserRepo()},
  /**
   * Secrets planted where they must never be published: the operations fixture (.env, compose, a k8s
   * Secret, code defaults) and, in `src/planted.ts`, test/hostile/plantedSecrets.ts's code defaults.
   */
  operations: {
    name: 'operations',
    make(dir) {
      makeOperationsTarget(path.join(dir, 'shop'), {'src/planted.ts': PLANTED_SOURCE});
      return path.join(dir, 'shop');
    },
  },
  /** A copy of the `ignore` package with a docs folder and one commit; a cache of its own (deterministic-build). */
  package: {
    name: 'package',
    ownCache: true,
    make() {
      const {dir, ...facts} = makePackageTarget();
      return {dir, facts};
    },
  },
  /** A repository whose only docs are a README and three top-level guides. */
  ownGuides: {
    name: 'own-guides',
    make(dir) {
      const repo = makeRepo(dir);
      repo.commit('Add the docs', {
        files: {
          'package.json': JSON.stringify({name: 'guided', version: '1.0.0', description: 'A library with guides at the top.'}),
          'README.md':
            '# Guided\n\n![Logo](assets/logo.svg)\n\nRead [how to contribute](CONTRIBUTING.md#setting-up), [development](./development.md) and [deployment](deployment.md). Licensed under the [MIT licence](LICENSE).\n',
          'CONTRIBUTING.md': '# Contributing\n\n## Setting up\n\nClone it. Back to the [README](README.md).\n',
          'development.md': '# Development\n\nRun the tests.\n',
          'deployment.md': '# Deployment\n\nShip it.\n',
          'LICENSE': 'MIT\n',
          'CHANGELOG.md': '# Changelog\n\n## 1.0.0\n\nFirst.\n',
          'assets/logo.svg': '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><rect width="10" height="10"/></svg>\n',
        },
      });
      repo.git('remote', 'add', 'origin', 'https://github.com/acme/guided.git');
    },
  },
  /** A repository whose docs are a Starlight app with Starlight components. */
  starlight: {
    name: 'starlight',
    make(dir) {
      const content = 'docs/src/content/docs';
      makeRepo(dir).commit('Add the docs app', {
        files: {
          'package.json': JSON.stringify({name: 'starry', private: true, workspaces: ['docs']}),
          'README.md': '# Starry\n\nThe docs are in [the docs app](docs/src/content/docs/index.mdx).\n',
          'docs/package.json': JSON.stringify({name: 'starry-docs', private: true, dependencies: {'@astrojs/starlight': '^0.30.0'}}),
          'docs/astro.config.mjs':
            "import starlight from '@astrojs/starlight';\nexport default {integrations: [starlight({title: 'Starry', sidebar: [{label: 'Guides', items: [{label: 'Why', slug: 'guides/why'}, {slug: 'guides/example'}]}]})]};\n",
          [`${content}/index.mdx`]: '---\ntitle: Welcome to Starry\ntemplate: splash\nhero:\n  tagline: Stars.\n---\n\nStart with [the example](guides/example/).\n',
          [`${content}/guides/example.mdx`]:
            "---\ntitle: Example guide\ndescription: An example.\n---\nimport {Card, CardGrid} from '@astrojs/starlight/components';\n\nThe cards:\n\n<CardGrid>\n  <Card title=\"Fast builds\" icon=\"rocket\">\n    Starry builds in *seconds*.\n  </Card>\n</CardGrid>\n",
          [`${content}/guides/why.md`]: '---\ntitle: Why Starry\n---\n\nBecause.\n',
        },
      });
    },
  },
  /**
   * A workspace with a library built from `source/` to `distribution/` (its tsconfig extends a
   * package that is not installed) and an application with TanStack-style route files.
   */
  publicApi: {
    name: 'public-api',
    make(dir) {
      const repo = makeRepo(dir);
      repo.commit('Add the workspace', {
        files: {
          'package.json': JSON.stringify({name: 'shop', private: true, workspaces: ['packages/*']}),
          'packages/widget/package.json': JSON.stringify({name: 'widget', version: '1.0.0', type: 'module', exports: {'.': {types: './distribution/index.d.ts', default: './distribution/index.js'}}}),
          'packages/widget/tsconfig.json': JSON.stringify({extends: '@sindresorhus/tsconfig', compilerOptions: {outDir: 'distribution'}, include: ['source']}),
          'packages/widget/source/index.ts': "import {makeClient} from './client.js';\nexport {Client} from './client.js';\n/** The ready client. */\nexport const client = makeClient('https://example.org');\n",
          'packages/widget/source/client.ts': '/** Talks to the server. */\nexport class Client {\n  constructor(readonly url: string) {}\n}\nexport function makeClient(url: string) {\n  return new Client(url);\n}\n',
          'packages/web/package.json': JSON.stringify({name: 'web', private: true}),
          'packages/web/src/routes/__root.tsx': '/** The root route: the page frame. */\nexport const Route = {path: "/"};\n',
          'packages/web/src/routes/_layout/x.tsx': 'export function Layout(): null {\n  return null;\n}\n',
          'packages/web/src/routeTree.gen.ts': '// This file is generated.\nexport const routeTree = {};\n',
        },
      });
      repo.git('remote', 'add', 'origin', 'https://github.com/acme/shop.git');
    },
  },
  /** The heroes fixture (a FastAPI + SQLModel project), a git repository with a GitHub remote. */
  python: {
    name: 'python',
    make: (dir) => copyFixtureRepo(dir, ['python', 'heroes'], 'heroes'),
  },
  /** Many sections: guides, a code reference, an application with routes, three HTTP APIs (e2e/wideTarget.ts). */
  wide: {name: 'wide', make: (dir) => void makeWideTarget(dir)},
  /** zod, from its npm sources in full. */
  zod: {
    name: 'zod',
    make(dir) {
      const zod = path.join(SITE_DIR, 'node_modules', 'zod');
      fs.cpSync(path.join(zod, 'src'), path.join(dir, 'src'), {recursive: true});
      fs.copyFileSync(path.join(zod, 'package.json'), path.join(dir, 'package.json'));
    },
  },
} satisfies Record<string, TargetDefinition>;
