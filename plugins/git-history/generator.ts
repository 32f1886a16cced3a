/**
 * The "History" section: gathers what the history model needs (the one pass from the context, the
 * tags, and a few files of the target), then extracts and renders. Reads only files the inventory
 * lists, so nothing outside the target is ever read.
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import {ADR_DIRS} from '../core/discoverTarget';
import {describeTargetLinkProblem} from '../core/mdx/targetLinks';
import {createTargetLinkChecker} from '../core/mdx/targetLinksCache';
import type {RepoUrls} from '../core/site/repoUrls';
import type {SectionGenerator, TargetContext} from '../core/types';
import type {DecisionSource} from './extractDecisions';
import {isDecisionFile} from './extractDecisions';
import type {HistoryModel} from './model';
import {resolveHistoryOptions} from './options';
import {CODEOWNERS_PATHS, parseCodeowners, type Codeowners} from './parseCodeowners';
import type {Tag} from './readTags';
import type {HistoryLinks} from './renderCommon';
import {changelogPageName, paginate} from './renderChangelog';
import {DECISIONS_DIR} from './renderDecisions';

/** The usual names of a changelog, in any case, with a Markdown or text extension or none; the first is preferred. */
const CHANGELOG_NAMES = [/^changelog/i, /^changes/i, /^history/i, /^news/i, /^releases?/i, /^release[-_ ]?notes/i].map(
  (name) => new RegExp(`${name.source}(\\.(mdx?|markdown|txt|rst|adoc))?$`, 'i'),
);

/** The same names as patterns of the root folder, for the section's inputs (inputMatcher ignores case). */
const CHANGELOG_FILES = ['/changelog*', '/changes*', '/history*', '/news*', '/release*'];

export const historyGenerator: SectionGenerator<HistoryModel> = {
  id: 'history',
  // Decision records, the changelog and CODEOWNERS, beside the history itself. The folders are
  // those decisionFolders() may choose from, so an edited guide elsewhere keeps the section.
  inputs: (context) => ({
    files: [
      ...(context.config.history?.adrPaths ?? [...context.inventory.adrDirs, ...ADR_DIRS]).map((dir) => `/${dir.replace(/^\/+|\/+$/g, '')}/`),
      ...CODEOWNERS_PATHS.map((file) => `/${file}`),
      ...CHANGELOG_FILES,
      ...(context.config.history?.changelogFile ? [`/${context.config.history.changelogFile}`] : []),
    ],
    inventory: ['files', 'adrDirs', 'packages'],
    config: ['history'],
    history: true,
  }),
  async extract(context) {
    const {history, inventory, report} = context;
    const options = resolveHistoryOptions(context.config);
    const files = new Set(inventory.files);
    const read = (file: string) => fs.readFile(path.join(context.root, file), 'utf8');

    let tags: Tag[] = [];
    if (history.state === 'ok') {
      const {readTags} = await import('./readTags');
      tags = await readTags(context.root).catch((error: Error) => {
        report.warn(`the tags could not be read: ${error.message.split('\n')[0]}`, {file: context.root, fix: 'Check `git tag` in the target'});
        return [];
      });
    }

    let codeowners: Codeowners | undefined;
    const codeownersPath = CODEOWNERS_PATHS.find((file) => files.has(file));
    if (codeownersPath) {
      const parsed = parseCodeowners(codeownersPath, await read(codeownersPath), options.showEmails);
      codeowners = parsed.codeowners;
      for (const problem of parsed.problems) {
        report.warn(problem.message, {file: path.join(context.root, codeownersPath), line: problem.line, fix: problem.fix});
      }
    }

    // An image or link to a file the repository does not have is a warning and becomes text; the
    // others are linked to the repository host by the renderers.
    const linkChecker = await createTargetLinkChecker(context.siteDir);
    const checkLinks = (file: string, text: string) => {
      const checked = linkChecker.check(text, {source: file, exists: (name) => files.has(name), replace: 'missing'});
      for (const problem of checked.problems) {
        report.warn(describeTargetLinkProblem(problem), {file: path.join(context.root, file), line: problem.line, fix: 'Fix the path, or link to a web address'});
      }
      return checked.markdown;
    };
    const changelogPath = findChangelog(context, files, options.changelogFile);
    const changelogFile = changelogPath ? {path: changelogPath, text: checkLinks(changelogPath, await read(changelogPath))} : undefined;

    const decisionDirs = decisionFolders(context, files, options.adrPaths);
    const decisionSources: DecisionSource[] = await Promise.all(
      inventory.files
        .filter((file) => isDecisionFile(file) && decisionDirs.some((dir) => file.startsWith(`${dir}/`)))
        .map(async (file) => ({path: file, text: checkLinks(file, await read(file)), firstSeen: history.firstChange([file])?.date})),
    );

    await linkChecker.save();

    const {extractHistory} = await import('./extractHistory');
    const {model, problems} = extractHistory({
      project: context.project.name,
      state: history.state,
      reason: history.reason,
      shallow: history.shallow,
      head: context.git.head,
      branch: context.git.branch,
      log: history.log,
      tags,
      packages: inventory.packages,
      files: inventory.files,
      codeowners,
      changelogFile,
      decisionDirs,
      decisionSources,
      options,
      lastChange: (paths) => history.lastChange(paths),
    });
    for (const problem of problems) {
      report.warn(problem.message, {file: path.join(context.root, problem.file), line: problem.line, fix: problem.fix});
    }

    return {
      id: 'history',
      title: 'History',
      description: 'Changelog by release, contributors and ownership, hot spots and architecture decisions, from git.',
      model,
      // Each record is published here, escaped; the authored docs leave its file out (ADR 0022).
      publishes: model.decisions.records.map((record) => ({file: record.path, route: `history/${DECISIONS_DIR}/${record.slug}/`})),
      watch: [
        ...decisionSources.map((source) => path.join(context.root, source.path)),
        ...(changelogPath ? [path.join(context.root, changelogPath)] : []),
        ...(codeownersPath ? [path.join(context.root, codeownersPath)] : []),
      ],
    };
  },
  index({id, model}) {
    return [
      ...model.decisions.records.map((record) => ({kind: 'adr' as const, key: record.path, url: `/${id}/decisions/${record.slug}/`, title: record.title})),
      // A long changelog is split over pages: a release links to the page that lists it.
      ...paginate(model.changelog.releases).flatMap((releases, page) =>
        releases.flatMap((release) =>
          release.tag ? [{kind: 'release' as const, key: release.tag, url: `/${id}/${changelogPageName(page).replace(/\.mdx$/, '')}/`, title: release.version ?? release.tag}] : [],
        ),
      ),
      ...['changelog', 'contributors', 'hotspots', 'decisions'].map((page) => ({kind: 'page' as const, key: `${id}/${page}`, url: `/${id}/${page}/`})),
    ];
  },
  // Other sections show who owns a folder (the code reference's module pages) through core.
  share({model}) {
    return {
      owners: model.ownership.modules.map((module) => {
        const window = module.recent.commits > 0 ? 'recent' : 'overall';
        return {path: module.path, codeowners: module.codeowners, people: module[window].people.map((person) => person.name), window};
      }),
    };
  },
  async render({model}, site) {
    const {renderHistory} = await import('./renderHistory');
    // Files the code reference documents link to their page there, through the link index.
    return {files: renderHistory(model, {...historyLinks(site.repo), pageOf: (file) => site.urlOf('file', file)})};
  },
};

/** The repository URLs the history pages use, all from the registry. */
export function historyLinks(repo: RepoUrls): HistoryLinks {
  const {commitUrl, fileUrl, editUrl, issueUrl} = repo;
  if (!commitUrl || !fileUrl || !editUrl) return {};
  return {commitUrl, issueUrl, fileUrl: (file) => fileUrl(file), editUrl};
}

function findChangelog(context: TargetContext, files: Set<string>, configured?: string): string | undefined {
  if (configured) {
    const file = path.posix.normalize(configured);
    if (files.has(file)) return file;
    context.report.warn(`history.changelogFile "${configured}" is not a file of the repository`, {
      file: context.configFile,
      key: 'history.changelogFile',
      fix: 'Point it at the changelog, relative to the root, e.g. changelogFile: "CHANGELOG.md"',
    });
    return undefined;
  }
  const topLevel = [...files].filter((file) => !file.includes('/')).sort();
  for (const name of CHANGELOG_NAMES) {
    const found = topLevel.find((file) => name.test(file));
    if (found) return found;
  }
  return undefined;
}

function decisionFolders(context: TargetContext, files: Set<string>, configured?: string[]): string[] {
  if (!configured) return context.inventory.adrDirs.length > 0 ? context.inventory.adrDirs : ADR_DIRS.filter((dir) => hasFilesUnder(files, dir));
  const found: string[] = [];
  for (const dir of configured) {
    const clean = path.posix.normalize(dir).replace(/\/+$/, '');
    if (!clean.startsWith('..') && hasFilesUnder(files, clean)) {
      found.push(clean);
      continue;
    }
    context.report.warn(`history.adrPaths: "${dir}" holds no Markdown files of the repository`, {
      file: context.configFile,
      key: 'history.adrPaths',
      fix: 'Give folders relative to the root that hold the decision records, e.g. adrPaths: ["docs/adr"]',
    });
  }
  return found;
}

function hasFilesUnder(files: Set<string>, dir: string): boolean {
  for (const file of files) if (file.startsWith(`${dir}/`) && /\.mdx?$/i.test(file)) return true;
  return false;
}
