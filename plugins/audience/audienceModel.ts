/**
 * From the collected pages to what the theme shows: a summary per audience, its reading path, and
 * the index of pages by content type. Pure and deterministic.
 */
import type {CollectedTag} from './collectPages';
import {groupByLevel, orderReadingPath, totalMinutes} from './readingPath';
import type {AudienceSummary, ContentTypeIndexData, PageEntry, ReadingPathData} from './types';
import {EVERYONE, type Vocabulary} from './vocabulary';

export interface AudienceModel {
  /** Audiences with at least one page tagged for them, in vocabulary order. */
  audiences: AudienceSummary[];
  paths: ReadingPathData[];
  contentTypes: ContentTypeIndexData;
  labels: Record<string, string>;
  contentTypeLabels: Record<string, string>;
}

export function createAudienceModel(pages: readonly PageEntry[], tags: readonly CollectedTag[], vocabulary: Vocabulary): AudienceModel {
  const labels = Object.fromEntries(vocabulary.audiences.map((term) => [term.id, term.label]));
  const contentTypeLabels = Object.fromEntries(vocabulary.contentTypes.map((term) => [term.id, term.label]));
  const paths: ReadingPathData[] = [];
  for (const term of vocabulary.audiences) {
    if (term.id === EVERYONE || !pages.some((page) => page.facts.audience.includes(term.id))) continue;
    const ordered = orderReadingPath(pages, term.id);
    const minutes = totalMinutes(ordered);
    paths.push({
      audience: {id: term.id, label: term.label, ...(term.description ? {description: term.description} : {}), pages: ordered.length, minutes},
      steps: groupByLevel(ordered),
      minutes,
      labels,
      contentTypes: contentTypeLabels,
    });
  }

  const groups: ContentTypeIndexData['groups'] = [];
  for (const term of vocabulary.contentTypes) {
    const ofType = pages.filter((page) => page.facts.contentType === term.id);
    if (ofType.length > 0) groups.push({id: term.id, label: term.label, ...(term.description ? {description: term.description} : {}), pages: ofType});
  }
  const unclassified = pages.filter((page) => !page.facts.contentType);
  if (unclassified.length > 0) groups.push({label: 'Not classified', description: 'Pages whose front matter names no content_type.', pages: unclassified});

  return {
    audiences: paths.map((path) => path.audience),
    paths,
    contentTypes: {groups, tags: [...tags], labels},
    labels,
    contentTypeLabels,
  };
}

/** The review-due list the build prints: one line per page, oldest due date first. */
export function formatReviewDue(pages: readonly PageEntry[]): string {
  const due = pages
    .filter((page) => page.facts.review?.overdue)
    .sort((a, b) => (a.facts.review!.due < b.facts.review!.due ? -1 : a.facts.review!.due > b.facts.review!.due ? 1 : a.permalink < b.permalink ? -1 : 1));
  if (due.length === 0) return '';
  const lines = due.map((page) => {
    const review = page.facts.review!;
    const who = page.facts.maintainers.length > 0 ? `; maintainers: ${page.facts.maintainers.join(', ')}` : '';
    return `  ${page.permalink} "${page.title}": due ${review.due} (last reviewed ${review.lastReviewed}, ${review.cycle})${who}`;
  });
  return [`docs-architect: ${due.length} page${due.length === 1 ? '' : 's'} due for review:`, ...lines].join('\n');
}
