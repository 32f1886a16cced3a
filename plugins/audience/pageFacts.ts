/**
 * A page's facts from its normalised front matter and its body: what the badges, the sidebar filter
 * and the reading paths use. The author's values win; reading time is computed only when absent.
 */
import type {NormalizedFrontMatter} from './frontMatterSchema';
import {estimateReadingTime} from './readingTime';
import {isOverdue, reviewDueDate} from './reviewDue';
import type {PageFacts} from './types';

export interface PageFactsOptions {
  wordsPerMinute?: number;
  /** `YYYY-MM-DD`; review dates are compared with it. */
  today: string;
}

export function computePageFacts(frontMatter: NormalizedFrontMatter, body: string, options: PageFactsOptions): PageFacts {
  const given = frontMatter.estimated_reading_time;
  const facts: PageFacts = {
    audience: frontMatter.audience?.all ?? [],
    primaryAudience: frontMatter.audience?.primary ?? [],
    readingTime:
      given !== undefined
        ? {minutes: given, computed: false}
        : {minutes: estimateReadingTime(body, {wordsPerMinute: options.wordsPerMinute}).minutes, computed: true},
    maintainers: frontMatter.maintainers ?? [],
  };
  if (frontMatter.experience_level) facts.level = frontMatter.experience_level;
  if (frontMatter.content_type) facts.contentType = frontMatter.content_type;
  if (frontMatter.last_reviewed && frontMatter.review_cycle) {
    const due = reviewDueDate(frontMatter.last_reviewed, frontMatter.review_cycle);
    facts.review = {
      cycle: frontMatter.review_cycle.label,
      lastReviewed: frontMatter.last_reviewed,
      due,
      overdue: isOverdue(due, options.today),
    };
  }
  return facts;
}
