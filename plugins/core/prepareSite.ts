/**
 * The pipeline before Docusaurus: resolve the target, load its config, discover what it has, run the
 * generators and write their sections. It runs from docusaurus.config.ts, before any plugin loads,
 * because Docusaurus initialises plugins concurrently: a docs instance must find its generated folder
 * already written (see docs/adr/0002).
 */
import fs from 'node:fs';
import path from 'node:path';
import {findFrameworkDocs} from './authored/frameworkDocs';
import {frameworkOrder, gatherGuidesOf, stageInputs} from './authored/guidesOfTarget';
import {stageAuthoredDocs} from './authored/stageAuthoredDocs';
import {UserError} from './errors';
import {generatedDir, staticRoot, syncDirectory} from './generatedFiles';
import {createReport, formatReport, type Report} from './report';
import {createProgress, plural} from './progress';
import {writeBuildSummary} from './buildSummary';
import {isInside} from './resolveTarget';
import {loadTargetContext} from './targetContext';
import {generateSections, type Generated} from './site/generateSections';
import type {ReservedRoute} from './site/registry';
import {createSiteModel, SITE_FILES, writeSiteFiles, type SiteModel} from './site/siteModel';
import type {AuthoredEdits, AuthoredRewrite, LandingData, PublishedFile, SectionGenerator, SiteCheck, SiteSection, SiteView, TargetContext} from './types';
import {reportGeneratedDiagrams} from './mermaid/check';

export {loadTargetContext} from './targetContext';

export interface PrepareOptions {
  siteDir: string;
  /** As the user gave it: relative to `cwd` or absolute. */
  target: string;
  cwd?: string;
  /** `--strict` / DOCS_STRICT; the config's `strict` also turns it on. */
  strict?: boolean;
  generators: SectionGenerator[];
  /** Run in order after the sections are written; their warnings count for strict mode. */
  checks?: SiteCheck[];
  /** Routes of the site's other plugins (the audience pages), which no section may take. */
  reservedRoutes?: ReservedRoute[];
  /**
   * `docs-architect check`: the warnings stay in `context.report` for the caller to print as
   * findings, and never fail here (the check decides what fails).
   */
  keepWarnings?: boolean;
}

export interface SitePlan {
  context: TargetContext;
  sections: SiteSection[];
  landing: LandingData;
  /** Absolute paths watched during `npm start`, by section id. */
  watch: Record<string, string[]>;
  /**
   * Copies the authored docs again (the paths in `watch.docs` changed during `start`), without
   * running the generators: an edited guide reloads as fast as Docusaurus alone would.
   */
  restageAuthored?: () => Promise<void>;
  /** What docs-architect.json holds (also written at the site's root). */
  siteModel: SiteModel;
  /** The link index and models as renders saw them, for the quality checks (plugins/core/findings.ts). */
  site: SiteView;
}

export async function prepareSite(options: PrepareOptions): Promise<SitePlan> {
  // Progress lines on stderr (docs/adr/0038); the CLI prints the summary once Docusaurus is done.
  const progress = createProgress();
  const started = performance.now();
  const context = await progress.phase('target', () => loadTargetContext(options), (read) =>
    [plural(read.inventory.files.length, 'file'), read.history.state === 'ok' ? plural(read.history.log.commits.length, 'commit') : 'no history'].join(', '),
  );
  progress.countWarnings(() => context.report.warnings.length);
  const sections: SiteSection[] = [];
  const watch: Record<string, string[]> = {};
  let restageAuthored: SitePlan['restageAuthored'];

  // A docs app of another framework (Starlight, MkDocs...) comes before a plain docs folder (docs/adr/0032).
  const framework = context.config.docsPath ? undefined : await findFrameworkDocs(context.root, context.inventory.files);
  const docsDir = authoredDocsDir(context, framework?.dir);
  // The README, top-level guides and package READMEs join the docs folder.
  const guides = gatherGuidesOf(context, docsDir);
  const order = framework ? await frameworkOrder(context, framework) : undefined;
  const {generated, registry} = await generateSections(context, options.generators, options.reservedRoutes ?? [], progress);
  // The guides are staged once every section is rendered: a page may cite what the link index knows.
  const site = registry.view(generated.map(({section}) => section));
  const rewrite = authoredRewrite(generated, site);
  if (docsDir || guides.pages.length > 0) {
    // Docusaurus reads a checked copy, never the target in place (docs/adr/0024).
    const stage = (report: Report) =>
      stageAuthoredDocs({...stageInputs(context, docsDir, guides), order, siteDir: options.siteDir, rewrite, report});
    const staged = await progress.phase('Guides', () => stage(context.report), (done) => plural(countPages(done.dir), 'page'));
    watch.docs = staged.watch;
    restageAuthored = async () => {
      const report = createReport();
      await stage(report);
      const warnings = formatReport(report);
      if (warnings) console.warn(warnings);
    };
    sections.push({
      id: 'docs',
      title: 'Guides',
      description: `The hand-written documentation of ${context.project.name}.`,
      to: 'docs/',
      kind: 'authored',
      path: staged.dir,
      source: docsDir ?? context.root,
    });
  }

  const written = new Set<string>();
  const published: PublishedFile[] = [];
  const diagramChecks: Promise<Report>[] = [];
  for (const {generator, section} of generated) {
    written.add(section.id);
    const dir = generatedDir(options.siteDir, section.id);
    await syncDirectory(dir, section.files);
    // Generated diagrams are parsed like authored ones (a broken one is a bug the build names), in
    // Mermaid's own thread while the other sections are written; unchanged diagrams come from the cache.
    const sectionReport = createReport();
    diagramChecks.push(reportGeneratedDiagrams(section.files, dir, sectionReport, options.siteDir).then(() => sectionReport));
    // Static files live in their own tree: Docusaurus copies it to the site root as it is.
    const staticDir = path.join(staticRoot(options.siteDir), section.id);
    if (section.staticFiles?.size) await syncDirectory(staticDir, section.staticFiles);
    else fs.rmSync(staticDir, {recursive: true, force: true});
    watch[section.id] = section.watch;
    sections.push({
      id: section.id,
      title: section.title,
      description: section.description,
      to: `${section.id}/`,
      kind: 'generated',
      generator: generator.id,
      path: dir,
      docs: section.docs,
      navbarGroup: section.navbarGroup,
    });
    published.push(...(section.publishes ?? []));
  }
  // A file a generated section publishes is not published again from the authored docs.
  const authored = sections.find((section) => section.kind === 'authored');
  if (authored) authored.publishedElsewhere = publishedInside(context.root, authored.source ?? authored.path, published);
  // A section that is gone (a spec deleted, a generator with nothing to say) leaves no folder behind.
  removeOtherFolders(path.dirname(generatedDir(options.siteDir, 'x')), written);
  removeOtherFolders(staticRoot(options.siteDir), new Set([...written, ...SITE_FILES]));
  // The site model and its schema are files at the site's root, copied by Docusaurus from here.
  const siteModel = createSiteModel(context, sections, generated, registry);
  await writeSiteFiles(staticRoot(options.siteDir), siteModel);

  // In section order, whichever finished first: the same input prints the same warnings.
  for (const report of await Promise.all(diagramChecks)) for (const warning of report.warnings) context.report.warn(warning.message, warning.details);
  for (const check of options.checks ?? []) {
    await progress.phase(`check ${check.id}`, () => check.check(context, sections), undefined, {verbose: true, kind: check.id});
  }

  const warnings = options.keepWarnings ? '' : formatReport(context.report);
  if (warnings) console.warn(warnings);
  writeBuildSummary(options.siteDir, {sections, warnings: progress.warningsByKind, total: context.report.warnings.length, prepareMs: performance.now() - started});
  if (context.strict && !options.keepWarnings && context.report.warnings.length > 0) {
    const [first, ...rest] = context.report.warnings;
    first!.related.push(...rest);
    first!.details.fix = `${first!.details.fix ?? 'Fix it'} (strict mode fails on any warning; run without --strict to build anyway)`;
    throw first!;
  }

  const landing = createLandingData(context, sections);
  // A generator that made no section says why, so the landing page can tell readers.
  for (const generator of options.generators) {
    if (generator.absent && !sections.some((section) => section.generator === generator.id)) landing.notFound.push(generator.absent);
  }
  return {context, sections, watch, restageAuthored, siteModel, landing, site};
}

/** Every generator's edits to the hand-written pages, in generator order, as one rewrite. */
function authoredRewrite(generated: Generated[], site: SiteView): AuthoredRewrite | undefined {
  const rewrites = generated.flatMap(({generator, section}) => (generator.authored ? [generator.authored(section, site)] : []));
  if (rewrites.length === 0) return undefined;
  return (page) => {
    const all: AuthoredEdits = {edits: [], frontMatter: []};
    for (const rewrite of rewrites) {
      const {edits, frontMatter} = rewrite(page);
      all.edits.push(...edits);
      all.frontMatter.push(...frontMatter);
    }
    return all;
  };
}

/** Markdown pages under a staged docs folder. */
function countPages(dir: string): number {
  return fs.readdirSync(dir, {recursive: true}).filter((file) => /\.mdx?$/.test(String(file))).length;
}

/** The published files inside the authored docs folder, by path relative to it, sorted. */
function publishedInside(root: string, docsDir: string, published: PublishedFile[]): PublishedFile[] {
  return published
    .map(({file, route}) => ({file: path.relative(docsDir, path.join(root, file)).split(path.sep).join('/'), route}))
    .filter(({file}) => !file.startsWith('../') && !path.isAbsolute(file))
    .sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
}

function removeOtherFolders(root: string, keep: Set<string>): void {
  const entries = fs.existsSync(root) ? fs.readdirSync(root, {withFileTypes: true}) : [];
  for (const entry of entries) {
    if (!keep.has(entry.name)) fs.rmSync(path.join(root, entry.name), {recursive: true, force: true});
  }
}

function authoredDocsDir(context: TargetContext, frameworkDir?: string): string | undefined {
  const configured = context.config.docsPath;
  const relative = configured ?? frameworkDir ?? context.inventory.docsDirs[0];
  if (!relative) return undefined;
  const absolute = path.resolve(context.root, relative);
  if (!isInside(context.root, absolute)) {
    throw new UserError(`docsPath "${configured}" points outside the repository`, {
      file: context.configFile,
      key: 'docsPath',
      fix: 'Use a folder inside the repository, e.g. docsPath: "docs"',
    });
  }
  let real: string;
  try {
    real = fs.realpathSync(absolute);
  } catch {
    if (configured) {
      throw new UserError(`docsPath "${configured}" does not exist`, {
        file: context.configFile,
        key: 'docsPath',
        fix: 'Create the folder or point docsPath at the folder that holds your Markdown',
      });
    }
    return undefined;
  }
  if (!isInside(context.root, real)) {
    throw new UserError(`docsPath "${relative}" is a link to a folder outside the repository`, {
      file: context.configFile,
      key: 'docsPath',
      fix: 'Point docsPath at a real folder inside the repository',
    });
  }
  return real;
}

function createLandingData(context: TargetContext, sections: SiteSection[]): LandingData {
  const {inventory, git} = context;
  const notFound: string[] = [];
  if (!git.isRepository) notFound.push('Not a git repository: no history, edit links or last-updated dates.');
  if (inventory.manifests.length === 0) notFound.push('No package manifest (package.json, Cargo.toml, ...).');
  if (!inventory.hasTypeScript) notFound.push('No TypeScript sources.');
  if (!sections.some((section) => section.kind === 'authored')) {
    notFound.push('No docs folder (docs/, doc/ or documentation/ with Markdown files).');
  }
  if (inventory.specs.length === 0) notFound.push('No OpenAPI or Swagger spec.');
  return {
    name: context.project.name,
    version: context.project.version,
    description: context.project.description,
    repositoryUrl: context.links?.webUrl,
    sections: sections.map(({id, title, description, to, kind}) => ({id, title, description, to, kind})),
    notFound,
  };
}
