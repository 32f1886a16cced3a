/**
 * The stock pipeline as its README sets it up: a Docusaurus site with the classic preset,
 * docusaurus-plugin-openapi-docs (one config entry for the spec, sidebar by tag, other options at
 * their defaults) and docusaurus-theme-openapi-docs. Schema pages (`showSchemas`) stay off, as by
 * default: with them on, its build of GitHub's description fails (a schema page throws "Cannot read
 * properties of undefined (reading 'writeOnly')" during static rendering, after 12 minutes and 16.9 GB). It lives under the OS temp folder and links this repository's
 * node_modules, so both pipelines run the same Docusaurus, Rspack and webpack.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export function createStockSite(repoDir, spec) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'docs-architect-bench-stock-'));
  const manifest = JSON.parse(fs.readFileSync(path.join(repoDir, 'package.json'), 'utf8'));
  fs.symlinkSync(path.join(repoDir, 'node_modules'), path.join(dir, 'node_modules'), 'dir');
  fs.copyFileSync(spec, path.join(dir, `spec${path.extname(spec)}`));
  fs.writeFileSync(path.join(dir, 'package.json'), `${JSON.stringify({name: 'stock-openapi-docs', private: true, browserslist: manifest.browserslist}, null, 2)}\n`);
  fs.writeFileSync(
    path.join(dir, 'docusaurus.config.js'),
    `// The stock docusaurus-plugin-openapi-docs setup; DOCS_BUNDLER=webpack builds without Rspack.
const useWebpack = process.env.DOCS_BUNDLER === 'webpack';
module.exports = {
  title: 'Stock docusaurus-openapi-docs',
  url: 'http://localhost',
  baseUrl: '/',
  trailingSlash: true,
  onBrokenLinks: 'warn',
  onBrokenAnchors: 'warn',
  markdown: {hooks: {onBrokenMarkdownLinks: 'warn'}},
  future: {v4: true, faster: !useWebpack},
  presets: [
    ['classic', {docs: {routeBasePath: '/', sidebarPath: require.resolve('./sidebars.ts'), docItemComponent: '@theme/ApiItem'}, blog: false}],
  ],
  plugins: [
    [
      'docusaurus-plugin-openapi-docs',
      {
        id: 'api',
        docsPluginId: 'classic',
        config: {
          api: {
            specPath: ${JSON.stringify(`spec${path.extname(spec)}`)},
            outputDir: 'docs/api',
            sidebarOptions: {groupPathsBy: 'tag', categoryLinkSource: 'tag'},
          },
        },
      },
    ],
  ],
  themes: ['docusaurus-theme-openapi-docs'],
};
`,
  );
  fs.writeFileSync(
    path.join(dir, 'sidebars.ts'),
    `import type {SidebarsConfig} from '@docusaurus/plugin-content-docs';
import api from './docs/api/sidebar';

const sidebars: SidebarsConfig = {openApiSidebar: api};
export default sidebars;
`,
  );
  fs.mkdirSync(path.join(dir, 'docs'));
  return {dir, outputDir: path.join(dir, 'docs', 'api')};
}
