/**
 * What the files for programs cost on a large API: docs-architect.json (the site model), llms.txt,
 * llms-full.txt and the `.md` copy of every page, for GitHub's REST description by default.
 *
 *   node node_modules/jiti/lib/jiti-cli.mjs bench/site-files.ts [--spec FILE] [--build-ratio R]
 *
 * It generates the site (prepareSite, as a build does before Docusaurus starts) into a temporary site
 * folder, then times, one after the other: writing the site model; the Markdown copies of every page
 * made by the worker (cold cache: what a first build does beside the bundler), again from the cache
 * (a rebuild), and in this thread (what postBuild did before); and writing llms.txt, llms-full.txt and
 * the copies. Pages are taken in path order (a build takes them in sidebar order: same work). The
 * cost is printed against the generation measured here, and against a whole build estimated as R
 * times that generation (--build-ratio; default 7.0, bench/openapi.mjs's 106.8 s build over its
 * 15.2 s generation in bench/README.md): a busy machine slows both alike, so the ratio holds where
 * seconds do not.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {parseArgs} from 'node:util';
import matter from 'gray-matter';
import {prepareSite} from '../plugins/core/prepareSite';
import {markdownRoute, writeLlmsFiles, type LlmsPage} from '../plugins/core/site/llms';
import {startMarkdownCopies} from '../plugins/core/site/markdownCopies';
import {serializeSiteModel, writeSiteFiles} from '../plugins/core/site/siteModel';
import {pageBody} from '../plugins/core/site/toMarkdown';
import {openapiGenerator} from '../plugins/openapi/generator';
import {overviewGenerator} from '../plugins/overview/generator';

const SITE_DIR = path.resolve(__dirname, '..');
const {values} = parseArgs({
  options: {
    spec: {type: 'string', default: path.join(SITE_DIR, 'node_modules', '@octokit', 'openapi', 'generated', 'api.github.com.json')},
    'build-ratio': {type: 'string', default: String(106.8 / 15.2)},
  },
});

const seconds = (from: number) => (performance.now() - from) / 1000;
const mb = (bytes: number) => `${(bytes / 2 ** 20).toFixed(2)} MB`;

async function main(): Promise<void> {
  const base = fs.mkdtempSync(path.join(os.tmpdir(), 'docs-architect-bench-site-files-'));
  try {
    const target = path.join(base, 'target');
    fs.mkdirSync(target);
    fs.writeFileSync(path.join(target, 'package.json'), '{"name": "github-api", "version": "1.0.0", "private": true}\n');
    fs.copyFileSync(values.spec!, path.join(target, `openapi${path.extname(values.spec!)}`));
    const siteDir = path.join(base, 'site');

    let start = performance.now();
    const plan = await prepareSite({siteDir, target, generators: [overviewGenerator, openapiGenerator]});
    const generation = seconds(start);

    start = performance.now();
    const modelDir = path.join(base, 'model');
    await writeSiteFiles(modelDir, plan.siteModel);
    const modelWrite = seconds(start);
    const modelBytes = Buffer.byteLength(serializeSiteModel(plan.siteModel));

    const dirs = plan.sections.map((section) => section.path);
    const files = dirs.flatMap((dir) => listPages(dir));

    start = performance.now();
    const cold = await startMarkdownCopies(siteDir, dirs);
    await Promise.all(files.map((file) => cold.get(file)));
    const coldCounts = await cold.finish();
    const workerCold = seconds(start);
    if (coldCounts.workerError) console.log(`the worker failed: ${coldCounts.workerError}`);

    start = performance.now();
    const warm = await startMarkdownCopies(siteDir, dirs);
    await Promise.all(files.map((file) => warm.get(file)));
    const warmCounts = await warm.finish();
    const fromCache = seconds(start);

    start = performance.now();
    for (const file of files) pageBody(fs.readFileSync(file, 'utf8'), file.endsWith('.mdx') ? 'mdx' : 'md');
    const inline = seconds(start);

    const outDir = path.join(base, 'out');
    const copies = await startMarkdownCopies(siteDir, dirs);
    start = performance.now();
    const sizes = await writeLlmsFiles({
      outDir,
      siteUrl: 'https://example.com',
      baseUrl: '/',
      project: {name: plan.context.project.name, description: plan.context.project.description},
      sections: plan.sections.map((section) => ({
        title: section.title,
        description: section.description,
        pages: listPages(section.path).map((file): LlmsPage => {
          const front = matter(fs.readFileSync(file, 'utf8')).data as {title?: string; description?: string};
          const relative = path.relative(section.path, file).replace(/(^|\/)index\.mdx?$|\.mdx?$/, '');
          return {title: String(front.title ?? relative), description: String(front.description ?? ''), permalink: `/${section.id}/${relative}${relative ? '/' : ''}`, source: file};
        }),
      })),
      copyOf: (source) => copies.get(source),
    });
    const llmsWrite = seconds(start);
    await copies.finish();
    if (!fs.existsSync(path.join(outDir, markdownRoute(`/${plan.sections[0]!.id}/`)))) throw new Error('no Markdown copy of the first section');

    const rows: [string, string][] = [
      ['pages (Markdown and MDX files)', String(files.length)],
      ['generation (prepareSite, cold)', `${generation.toFixed(1)} s`],
      ['site model written (docs-architect.json + schema)', `${modelWrite.toFixed(2)} s`],
      [`copies by the worker, cold (${coldCounts.worker} by the worker, ${coldCounts.here} here)`, `${workerCold.toFixed(1)} s`],
      [`copies from the cache (${warmCounts.cached} cached)`, `${fromCache.toFixed(2)} s`],
      ['copies in one thread, page by page (before)', `${inline.toFixed(1)} s`],
      ['llms.txt, llms-full.txt and .md copies written (copies ready)', `${llmsWrite.toFixed(2)} s`],
      ['docs-architect.json', mb(modelBytes)],
      ['llms.txt', mb(sizes.llmsTxt)],
      ['llms-full.txt', mb(sizes.llmsFullTxt)],
      [`.md copies (${sizes.pages})`, mb(sizes.markdownCopies)],
    ];
    const width = Math.max(...rows.map(([name]) => name.length));
    for (const [name, value] of rows) console.log(`${name.padEnd(width)}  ${value}`);
    // What the build waits for at most: the model, the copies if the worker ran alone, the writing.
    const added = modelWrite + workerCold + llmsWrite;
    console.log(`\nadded work, cold: ${added.toFixed(1)} s = ${((added / generation) * 100).toFixed(0)} % of the generation`);
    const build = generation * Number(values['build-ratio']);
    const rebuild = modelWrite + fromCache + llmsWrite;
    console.log(`against a build of ~${build.toFixed(0)} s (${Number(values['build-ratio']).toFixed(2)}× the generation): cold, if none of it overlapped the bundler, ${((added / build) * 100).toFixed(1)} %; rebuild ${((rebuild / build) * 100).toFixed(1)} %`);
  } finally {
    fs.rmSync(base, {recursive: true, force: true});
  }
}

function listPages(dir: string): string[] {
  const found: string[] = [];
  for (const entry of fs.readdirSync(dir, {withFileTypes: true, recursive: true})) {
    if (entry.isFile() && /\.mdx?$/.test(entry.name)) found.push(path.join(entry.parentPath, entry.name));
  }
  return found.sort();
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
