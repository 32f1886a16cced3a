/**
 * The layering of docs-architect, checked on every `npm run lint` (docs/adr/0030):
 * - a render module reads the model, never the code that extracts it;
 * - production code never imports tests, test helpers or end-to-end specs;
 * - sibling plugins talk only through core (plugins/core): a generator never imports another one;
 *   plugins/check, the command that gathers every part's quality checks, may import any (docs/adr/0042).
 * Type-only imports count too: a render importing an extract module's types should import them from
 * the plugin's model.ts.
 */
/** Tests and their helpers: spec files, test/ and e2e/, testing/ and __fixtures__/ folders, fixture builders. */
const TESTS = '(\\.test\\.tsx?$|^test/|^e2e/|/testing/|/__fixtures__/|/fixture[A-Z][^/]*\\.ts$|^bench/)';

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'render-never-imports-extract',
      comment: 'Render reads the model only: import its types from the plugin\u2019s model.ts (docs/adr/0030).',
      severity: 'error',
      from: {path: '^plugins/[^/]+/(render[^/]*\\.tsx?$|render/)', pathNot: TESTS},
      to: {path: '^plugins/[^/]+/(extract[^/]*\\.tsx?$|extract/)'},
    },
    {
      name: 'production-never-imports-tests',
      comment: 'Test helpers, fixtures and specs stay out of the site and the CLI.',
      severity: 'error',
      from: {pathNot: TESTS},
      to: {path: TESTS},
    },
    {
      name: 'siblings-talk-through-core',
      comment: 'A plugin imports core, never another plugin: what two plugins share belongs in core.',
      severity: 'error',
      from: {path: '^plugins/(?!core/|code-reference/|python/|check/)([^/]+)/', pathNot: TESTS},
      // The one exception: the application section lists the routes a Python back end declares
      // through plugins/python/appRoutes.ts, the one function of the Python half open to it (docs/adr/0046).
      to: {path: '^plugins/', pathNot: ['^plugins/core/', '^plugins/$1/', '^plugins/python/appRoutes\\.ts$']},
    },
    {
      // plugins/python is the code reference's Python half (docs/adr/0040): one section, two folders.
      name: 'siblings-talk-through-core',
      comment: 'The code reference and its Python half import core and each other, never another plugin.',
      severity: 'error',
      from: {path: '^plugins/(code-reference|python)/', pathNot: TESTS},
      to: {path: '^plugins/', pathNot: ['^plugins/(core|code-reference|python)/']},
    },
  ],
  options: {
    doNotFollow: {path: 'node_modules'},
    exclude: {path: '(^|/)(node_modules|build|\\.docusaurus|\\.docs-architect)/'},
    tsPreCompilationDeps: true,
    tsConfig: {fileName: 'tsconfig.json'},
    moduleSystems: ['es6', 'cjs'],
  },
};
