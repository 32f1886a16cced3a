/**
 * The "History" section: gathers what the history model needs (the one pass from the context, the
 * tags, and a few files of the target), then extracts and renders. Reads only files the inventory
 * lists, so nothing outside the target is ever read.
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import {ADR_DIRS} from '../core/discoverTarget';
import type {GeneratedSection, SectionGenerator, TargetContext} from '../core/types';
import type {DecisionSource} from './extractDecisions';
import {isDecisionFile} from './extractDecisions';
import {extractHistory} from './extractHistory';
import {resolveHistoryOptions} from './options';
import {CODEOWNERS_PATHS, parseCodeowners, type Codeowners} from './parseCodeowners';
import {readTags, type Tag} from './readTags';
import type {HistoryLinks} from './renderCommon';
import {renderHistory} from './renderHistory';

/** The usual names of a changelog, in any case, with a Markdown or text extension or none; the first is preferred. */
const CHANGELOG_NAMES = [/^changelog/i, /^changes/i, /^history/i, /^news/i, /^releases?/i, /^release[-_ ]?notes/i].map(
  (name) => new RegExp(`${name.source}(\\.(mdx?|markdown|txt|rst|adoc))?$`, 'i'),
);

export const historyGenerator: SectionGenerator<GeneratedSection | undefined> = {
  id: 'history',
  async generate(context) {
    const {history, inventory, report} = context;
    const options = resolveHistoryOptions(context.config);
    const files = new Set(inventory.files);
    const read = (file: string) => fs.readFile(path.join(context.root, file), 'utf8');

    let tags: Tag[] = [];
    if (history.state === 'ok') {
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

    const changelogPath = findChangelog(context, files, options.changelogFile);
    const changelogFile = changelogPath ? {path: changelogPath, text: await read(changelogPath)} : undefined;

    const decisionDirs = decisionFolders(context, files, options.adrPaths);
    const decisionSources: DecisionSource[] = await Promise.all(
      inventory.files
        .filter((file) => isDecisionFile(file) && decisionDirs.some((dir) => file.startsWith(`${dir}/`)))
        .map(async (file) => ({path: file, text: await read(file), firstSeen: history.firstChange([file])?.date})),
    );

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
      authoredDocsDir: authoredDocsDir(context),
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
      files: renderHistory(model, historyLinks(context)),
      watch: [
        ...decisionSources.map((source) => path.join(context.root, source.path)),
        ...(changelogPath ? [path.join(context.root, changelogPath)] : []),
        ...(codeownersPath ? [path.join(context.root, codeownersPath)] : []),
      ],
    };
  },
};

export function historyLinks(context: TargetContext): HistoryLinks {
  const {links, git, ref} = context;
  if (!links || !git.isRepository) return {};
  const inRepo = (file: string) => path.posix.join(git.prefix, file);
  return {
    commitUrl: (sha) => links.commitUrl(sha),
    issueUrl: (number) => links.issueUrl(number),
    fileUrl: (file) => links.fileUrl(inRepo(file), ref),
    editUrl: (file) => links.editUrl(inRepo(file), ref),
  };
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

/** As prepareSite picks it: the configured docsPath, else the first docs folder found. */
function authoredDocsDir(context: TargetContext): string | undefined {
  const dir = context.config.docsPath ?? context.inventory.docsDirs[0];
  return dir === undefined ? undefined : path.posix.normalize(dir).replace(/^\.\/?|\/+$/g, '').replace(/^\.$/, '');
}

function hasFilesUnder(files: Set<string>, dir: string): boolean {
  for (const file of files) if (file.startsWith(`${dir}/`) && /\.mdx?$/i.test(file)) return true;
  return false;
}
