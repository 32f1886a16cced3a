/**
 * When a page is next due for review: its `last_reviewed` day plus its `review_cycle`. Days are UTC
 * calendar days, so the answer does not depend on the build machine's time zone.
 */
import type {ReviewCycle} from './frontMatterSchema';

/** `YYYY-MM-DD` of the day the review falls due. Month arithmetic clamps: Jan 31 + 1 month = Feb 28/29. */
export function reviewDueDate(lastReviewed: string, cycle: Pick<ReviewCycle, 'months' | 'days'>): string {
  const [year, month, day] = lastReviewed.split('-').map(Number) as [number, number, number];
  const targetMonth = month - 1 + cycle.months;
  const lastDayOfTarget = new Date(Date.UTC(year, targetMonth + 1, 0)).getUTCDate();
  const due = new Date(Date.UTC(year, targetMonth, Math.min(day, lastDayOfTarget) + cycle.days));
  return due.toISOString().slice(0, 10);
}

/** Today as `YYYY-MM-DD` in UTC. */
export function today(now: Date = new Date()): string {
  return now.toISOString().slice(0, 10);
}

/** Past due: the due day is before today (a review due today is not late yet). */
export function isOverdue(due: string, todayIso: string): boolean {
  return due < todayIso;
}
