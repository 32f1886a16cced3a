/**
 * Reading paths: an audience's pages ordered from beginner to advanced, grouped by level, with
 * reading times. Within a level the author's order (navbar, then sidebar) is kept, so a path reads
 * the way the site was written. Pure functions over PageEntry lists.
 */
import type {PageEntry, ReadingPathStep} from './types';
import {EVERYONE, LEVELS, type Level} from './vocabulary';

/** Pages that belong on the audience's path: tagged for it, or tagged for everyone. Untagged pages make no claim. */
export function isOnPath(page: PageEntry, audience: string): boolean {
  return page.facts.audience.includes(audience) || page.facts.audience.includes(EVERYONE);
}

const rank = (level: Level | undefined): number => (level ? LEVELS.indexOf(level) : LEVELS.length);

/**
 * Beginner first; a range (`beginner-to-intermediate`) after the pages of its lower level alone;
 * pages with no level last. Ties keep the author's order, then the permalink, so output is stable.
 */
export function comparePathPages(a: PageEntry, b: PageEntry): number {
  return (
    rank(a.facts.level?.from) - rank(b.facts.level?.from) ||
    rank(a.facts.level?.to) - rank(b.facts.level?.to) ||
    a.order - b.order ||
    (a.permalink < b.permalink ? -1 : a.permalink > b.permalink ? 1 : 0)
  );
}

export function orderReadingPath(pages: readonly PageEntry[], audience: string): PageEntry[] {
  return pages.filter((page) => isOnPath(page, audience)).sort(comparePathPages);
}

/** Consecutive pages grouped by the level they start at, each group with its minutes. */
export function groupByLevel(ordered: readonly PageEntry[]): ReadingPathStep[] {
  const steps: ReadingPathStep[] = [];
  for (const page of ordered) {
    const level = page.facts.level?.from;
    let step = steps[steps.length - 1];
    if (!step || step.level !== level) {
      step = level ? {level, pages: [], minutes: 0} : {pages: [], minutes: 0};
      steps.push(step);
    }
    step.pages.push(page);
    step.minutes += page.facts.readingTime.minutes;
  }
  return steps;
}

/** The minutes a reader sees, added up: the total always equals the sum of the numbers shown. */
export function totalMinutes(pages: readonly PageEntry[]): number {
  return pages.reduce((sum, page) => sum + page.facts.readingTime.minutes, 0);
}
