import fs from 'node:fs';
import path from 'node:path';
import {afterAll, describe, expect, it} from 'vitest';
import {makeRepo, tempBase} from '../../../test/gitRepo';
import {prepareSite} from '../prepareSite';
import {neutraliseForeignMdx} from './foreignMdx';
import {readAuthoredPage} from './readAuthoredPage';

const base = tempBase('frameworks');
afterAll(() => fs.rmSync(base, {recursive: true, force: true}));

async function stage(name: string, files: Record<string, string>) {
  const repo = makeRepo(path.join(base, name));
  repo.commit('Add the docs', {files: {'package.json': JSON.stringify({name}), ...files}});
  const plan = await prepareSite({siteDir: path.join(base, `site-${name}`), target: repo.dir, generators: []});
  const docs = plan.sections.find((section) => section.kind === 'authored')!;
  return {plan, docs, read: (file: string) => fs.readFileSync(path.join(docs.path, file), 'utf8')};
}

const position = (text: string) => Number(/^sidebar_position: (-?\d+)$/m.exec(text)?.[1]);

describe('docs folders of other frameworks', () => {
  it('MkDocs: the docs_dir, in the order of the nav', async () => {
    const {docs, read, plan} = await stage('mkdocs', {
      'mkdocs.yml': 'site_name: M\ndocs_dir: manual\nnav:\n  - Home: index.md\n  - Setup: setup.md\n  - Guide:\n      - guide/zeta.md\n      - Alpha: guide/alpha.md\nmarkdown_extensions:\n  - pymdownx.emoji:\n      emoji_index: !!python/name:material.extensions.emoji.twemoji\n',
      'manual/index.md': '# Home\n',
      'manual/setup.md': '---\ntitle: Setup\n---\n\nSet up.\n',
      'manual/guide/alpha.md': '# Alpha\n',
      'manual/guide/zeta.md': '# Zeta\n',
    });
    expect(docs.path.endsWith(path.join('authored', 'manual'))).toBe(true);
    expect(['index.md', 'setup.md', 'guide/zeta.md', 'guide/alpha.md'].map((file) => position(read(file)))).toEqual([1, 2, 3, 4]);
    expect(read('setup.md')).toBe('---\nsidebar_position: 2\ntitle: Setup\n---\n\nSet up.\n');
    expect(plan.context.report.warnings).toHaveLength(0);
  });

  it('Docusaurus: website/docs in the order of sidebars.js, read without running it', async () => {
    const {docs, read, plan} = await stage('docusaurus', {
      'website/sidebars.js': "process.exit(1);\nmodule.exports = {docs: ['b', {type: 'category', label: 'More', items: ['a', {type: 'doc', id: 'c'}]}]};\n",
      'website/docs/a.md': '# A\n',
      'website/docs/b.md': '# B\n',
      'website/docs/c.md': '---\nsidebar_position: 9\n---\n# C\n',
    });
    expect(docs.path.endsWith(path.join('authored', 'website', 'docs'))).toBe(true);
    expect(['b.md', 'a.md', 'c.md'].map((file) => position(read(file)))).toEqual([1, 2, 9]);
    expect(plan.context.report.warnings).toHaveLength(0);
  });

  it('a navigation that is computed is a warning, and the pages keep their names order', async () => {
    const {plan, read} = await stage('vitepress', {
      'docs/.vitepress/config.ts': "import {defineConfig} from 'vitepress';\nexport default defineConfig({themeConfig: {sidebar: makeSidebar()}});\n",
      'docs/a.md': '# A\n',
    });
    expect(read('a.md')).toBe('# A\n');
    expect(plan.context.report.warnings.map((warning) => warning.message)).toEqual([
      'the navigation in docs/.vitepress/config.ts could not be read without running it; the pages are in alphabetical order',
    ]);
  });

  it('Starlight: src/content/docs, its sidebar order, its front matter and its components', async () => {
    const {docs, read, plan} = await stage('starlight', {
      'docs/astro.config.mjs': "export default {integrations: [starlight({sidebar: [{label: 'Start', items: [{label: 'Why', slug: 'guides/why'}, {slug: 'guides/how'}]}]})]};\n",
      'docs/src/content/docs/index.mdx': '---\ntitle: Home\ntemplate: splash\n---\n\nWelcome.\n',
      'docs/src/content/docs/guides/how.mdx':
        "---\ntitle: How\nsidebar:\n  label: The how\n---\nimport {Card, CardGrid} from '@astrojs/starlight/components';\nexport const x = 1;\n\n<CardGrid>\n  <Card title=\"Fast\" icon=\"rocket\">\n    Builds in *seconds*.\n  </Card>\n  <Card title=\"Small\" />\n</CardGrid>\n\nText with <Badge text=\"new\" /> inside, {x} and {/* a comment */}.\n",
      'docs/src/content/docs/guides/why.md': '---\ntitle: Why\nsidebar:\n  order: 7\n---\n\nBecause.\n',
    });
    expect(docs.path.endsWith(path.join('authored', 'docs', 'src', 'content', 'docs'))).toBe(true);
    expect(position(read('guides/why.md'))).toBe(7);
    const how = read('guides/how.mdx');
    expect(how).toBe(
      '---\nsidebar_position: 2\nsidebar_label: "The how"\ntitle: How\nsidebar:\n  label: The how\n---\n\n\n\n**Fast**\n\nBuilds in *seconds*.\n\n  **Small**\n\n\nText with *(Badge: not shown here)* inside,  and {/* a comment */}.\n',
    );
    // The staged page is valid MDX with no JSX left but the comment.
    const reread = await readAuthoredPage('how.mdx', how);
    expect(reread.ok && neutraliseForeignMdx(reread.tree)).toEqual({edits: [], components: [], imports: []});
    const foreign = plan.context.report.warnings.filter((warning) => warning.message.includes('another framework'));
    expect(foreign.map((warning) => warning.message)).toEqual([
      'the components <Badge>, <Card>, <CardGrid> of another framework are shown as their content; the import of "@astrojs/starlight/components" is dropped (this site is built with Docusaurus)',
    ]);
  });

  it('keeps the imports Docusaurus resolves, and the components they bind', async () => {
    const text = "import Tabs from '@theme/Tabs';\nimport Part from './_part.mdx';\nexport const Local = () => null;\n\n<Tabs><Part /><Local /></Tabs>\n\n<Details>{1 + 1}</Details>\n";
    const page = await readAuthoredPage('a.mdx', text);
    expect(page.ok && neutraliseForeignMdx(page.tree)).toEqual({edits: [], components: [], imports: []});
  });
});
