/**
 * The whole history section from the model: an index page with the releases timeline, the changelog
 * (generated, the repository's own file, or both), contributors, hot spots and decisions.
 */
import type {RootContent} from 'mdast';
import {heading, inlineCode, link, list, paragraph, text} from '../core/mdx/build';
import {markdownToMdast} from '../core/mdx/fromMarkdown';
import type {HistoryModel} from './model';
import {renderChangelog} from './renderChangelog';
import {CHANGELOG_PAGE, fileRef, page, statusNotes, plural, timeline, type HistoryLinks} from './renderCommon';
import {renderDecisions} from './renderDecisions';
import {renderHotspots} from './renderHotspots';
import {renderOwnership} from './renderOwnership';

const RELEASES_IN_TIMELINE = 30;

export function renderHistory(model: HistoryModel, links: HistoryLinks): Map<string, string> {
  const files = new Map<string, string>();
  const showGenerated = model.changelogSource !== 'file' || !model.changelogFile;
  const showFile = model.changelogSource !== 'generated' && model.changelogFile;
  files.set('index.mdx', renderIndex(model, links, Boolean(showGenerated), Boolean(showFile)));
  if (showGenerated) for (const [name, content] of renderChangelog(model, links, 2)) files.set(name, content);
  if (showFile) files.set('changelog-file.mdx', renderChangelogFile(model, links));
  files.set('contributors.mdx', renderOwnership(model, links, 4));
  files.set('hotspots.mdx', renderHotspots(model, links, 5));
  for (const [name, content] of renderDecisions(model, links, 6)) files.set(name, content);
  return files;
}

function renderIndex(model: HistoryModel, links: HistoryLinks, showGenerated: boolean, showFile: boolean): string {
  const {status} = model;
  const children: RootContent[] = [heading(1, 'History')];
  if (status.commitCount > 0) {
    children.push(
      paragraph(
        `${model.project} has ${plural(status.commitCount, 'commit')} from ${status.firstDate} to ${status.lastDate}`,
        ...(status.branch ? [text(' on branch '), inlineCode(status.branch)] : []),
        ...(status.head ? [text(', at commit '), inlineCode(status.head.slice(0, 12))] : []),
        `, and ${plural(status.tagCount, 'tag')}.`,
      ),
    );
  }
  children.push(...statusNotes(model, true));
  const item = (url: string, title: string, what: string) => [link(url, title), text(`: ${what}`)];
  children.push(heading(2, 'Pages'));
  const items = [
    ...(showGenerated ? [item('./changelog.mdx', 'Changelog', 'changes by release, from the commits.')] : []),
    ...(showFile ? [[link('./changelog-file.mdx', 'The repository\u2019s changelog'), text(': '), inlineCode(model.changelogFile!.path), text(' as written by its maintainers.')]] : []),
    item('./contributors.mdx', 'Contributors and ownership', 'who changes which package and folder, CODEOWNERS, bus factor.'),
    item('./hotspots.mdx', 'Hot spots', 'files that change often and are large.'),
    item('./decisions/index.mdx', 'Decisions', `${plural(model.decisions.records.length, 'architecture decision record')}.`),
  ];
  children.push(list(items));

  const released = model.changelog.releases.filter((release) => release.tag && release.date);
  children.push(heading(2, 'Releases'));
  if (released.length === 0) {
    children.push(paragraph('No releases yet: no tag of the history is a semantic version.'));
  } else {
    const shown = released.slice(0, RELEASES_IN_TIMELINE).reverse();
    if (released.length > shown.length) children.push(paragraph(`The ${shown.length} newest of ${released.length} releases.`));
    children.push(timeline('Releases', shown.map((release) => ({date: release.date!, label: release.tag!}))));
  }
  return page(
    model,
    {title: 'History', description: `The history of ${model.project}: changelog, contributors, hot spots and decisions.`, position: 1, slug: '/', freshness: 'index', ...CHANGELOG_PAGE},
    children,
  );
}

function renderChangelogFile(model: HistoryModel, links: HistoryLinks): string {
  const file = model.changelogFile!;
  const body = markdownToMdast(file.text, {rewriteUrl: (url) => links.fileUrl?.(url.replace(/^\.\//, ''))});
  return page(
    model,
    {
      title: 'Changelog (from the repository)',
      sidebarLabel: file.path,
      description: `${file.path} of ${model.project}, as its maintainers wrote it.`,
      position: 3,
      freshness: 'changelog-file',
      ...CHANGELOG_PAGE,
      editUrl: links.editUrl?.(file.path),
    },
    [paragraph('The repository\u2019s own changelog, ', fileRef(file.path, links), ', shown as written.'), ...body],
  );
}
