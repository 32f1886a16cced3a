/**
 * The changelog pages: releases newest first, "Unreleased" on top, entries grouped by type with
 * breaking changes first. A long history is split over pages (`changelog.mdx`, `changelog-2.mdx`,
 * ...) so no page is too large for MDX to compile; a release too big for one page says how many of
 * its commits are not listed.
 */
import type {PhrasingContent, RootContent} from 'mdast';
import {heading, inlineCode, link, list, paragraph, strong, text} from '../core/mdx/build';
import type {ChangelogEntry, Release} from './model';
import type {HistoryModel} from './model';
import {CHANGELOG_PAGE, commitRef, page, statusNotes, plural, type HistoryLinks} from './renderCommon';

/** Entries per page: a few hundred KB of MDX at most. */
export const ENTRIES_PER_PAGE = 1500;

export function changelogPageName(index: number): string {
  return index === 0 ? 'changelog.mdx' : `changelog-${index + 1}.mdx`;
}

export function renderChangelog(model: HistoryModel, links: HistoryLinks, position: number): Map<string, string> {
  const chunks = paginate(model.changelog.releases);
  const files = new Map<string, string>();
  chunks.forEach((releases, index) => {
    const children: RootContent[] = [heading(1, index === 0 ? 'Changelog' : `Changelog, page ${index + 1}`)];
    if (index === 0) {
      children.push(
        paragraph(
          'Every commit of the current branch, by release. Releases are the tags that are semantic versions, newest first; ',
          'commits written as Conventional Commits are grouped by type, breaking changes first, and the rest are under \u201cOther\u201d. ',
          'Merge commits are folded into the commits they merged.',
        ),
        ...statusNotes(model, true),
      );
      if (model.changelogFile && model.changelogSource === 'both') {
        children.push(paragraph('The repository also keeps its own changelog: ', link('./changelog-file.mdx', inlineCode(model.changelogFile.path)), '.'));
      }
      if (releases.length === 0) children.push(paragraph('No commits: the changelog is empty.'));
    }
    for (const release of releases) children.push(...renderRelease(release, links));
    const nav: PhrasingContent[] = [];
    if (index > 0) nav.push(link(`./${changelogPageName(index - 1)}`, 'Newer releases'));
    if (index < chunks.length - 1) {
      if (nav.length > 0) nav.push(text(' \u00b7 '));
      nav.push(link(`./${changelogPageName(index + 1)}`, 'Older releases'));
    }
    if (nav.length > 0) children.push(paragraph(...nav));
    files.set(
      changelogPageName(index),
      page(
        model,
        {
          title: index === 0 ? 'Changelog' : `Changelog, page ${index + 1}`,
          sidebarLabel: index === 0 ? 'Changelog' : `Changelog (${index + 1})`,
          description: `Changes to ${model.project} by release, from its git history.`,
          position: position + index / 100,
          freshness: 'changelog',
          ...CHANGELOG_PAGE,
        },
        children,
      ),
    );
  });
  return files;
}

export function paginate(releases: Release[]): Release[][] {
  const pages: Release[][] = [[]];
  let size = 0;
  for (const release of releases) {
    const entries = Math.min(release.commitCount, ENTRIES_PER_PAGE);
    if (size > 0 && size + entries > ENTRIES_PER_PAGE) {
      pages.push([]);
      size = 0;
    }
    pages[pages.length - 1]!.push(release);
    size += entries;
  }
  return pages;
}

function renderRelease(release: Release, links: HistoryLinks): RootContent[] {
  const title = release.tag ?? 'Unreleased';
  const facts = [release.date, plural(release.commitCount, 'commit')];
  if (release.mergeCount > 0) facts.push(`${plural(release.mergeCount, 'merge commit')} folded`);
  const out: RootContent[] = [heading(2, title), paragraph(facts.filter(Boolean).join(' \u00b7 '))];
  if (release.commitCount === 0) {
    out.push(paragraph(release.tag ? 'No commits of its own: it points at the same history as the release before it.' : 'Only merge commits.'));
    return out;
  }
  let budget = ENTRIES_PER_PAGE;
  for (const group of release.groups) {
    if (budget <= 0) break;
    const shown = group.entries.slice(0, budget);
    budget -= shown.length;
    out.push(heading(3, group.title), list(shown.map((entry) => renderEntry(entry, links))));
  }
  if (release.commitCount > ENTRIES_PER_PAGE) {
    out.push(paragraph(`${plural(release.commitCount - ENTRIES_PER_PAGE, 'more commit')} of this release are not listed: the page would be too large. The repository\u2019s own log has them all.`));
  }
  return out;
}

/** `Fix the parser (#123)`: the `#123` links to the issue or pull request on the repository's host. */
function withIssueLinks(value: string, links: HistoryLinks): PhrasingContent[] {
  if (!links.issueUrl || !value.includes('(#')) return [text(value)];
  const out: PhrasingContent[] = [];
  let last = 0;
  for (const match of value.matchAll(/\(#(\d{1,9})\)/g)) {
    out.push(text(value.slice(last, match.index + 1)), link(links.issueUrl(Number(match[1])), `#${match[1]}`));
    last = match.index + match[0].length - 1;
  }
  out.push(text(value.slice(last)));
  return out;
}

function renderEntry(entry: ChangelogEntry, links: HistoryLinks): PhrasingContent[] {
  // As few nodes as the entry needs: serialising is most of a long changelog's cost, and emphasis
  // (attention) costs the serialiser most, so only BREAKING is bold and the scope is plain text.
  const out: PhrasingContent[] = [];
  if (entry.breaking) out.push(strong('BREAKING'));
  const type = entry.breaking && entry.type ? `${entry.type}: ` : '';
  const scope = entry.scope ? `${entry.scope}: ` : '';
  out.push(...withIssueLinks(`${entry.breaking ? ' ' : ''}${type}${scope}${entry.description} (`, links), commitRef(entry.sha, links));
  out.push(text(entry.breakingNote ? `) \u2014 ${entry.breakingNote}` : ')'));
  return out;
}
