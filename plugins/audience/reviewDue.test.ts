import {describe, expect, it} from 'vitest';
import {computePageFacts} from './pageFacts';
import {isOverdue, reviewDueDate, today} from './reviewDue';

describe('reviewDueDate', () => {
  it('adds months and days in UTC calendar days', () => {
    expect(reviewDueDate('2026-01-15', {months: 3, days: 0})).toBe('2026-04-15');
    expect(reviewDueDate('2026-12-20', {months: 0, days: 14})).toBe('2027-01-03');
    expect(reviewDueDate('2026-11-22', {months: 12, days: 0})).toBe('2027-11-22');
  });

  it('clamps to the end of a shorter month', () => {
    expect(reviewDueDate('2026-01-31', {months: 1, days: 0})).toBe('2026-02-28');
    expect(reviewDueDate('2028-01-31', {months: 1, days: 0})).toBe('2028-02-29');
  });
});

describe('isOverdue', () => {
  it('is past due only after the due day', () => {
    expect(isOverdue('2026-11-21', '2026-11-22')).toBe(true);
    expect(isOverdue('2026-11-22', '2026-11-22')).toBe(false);
    expect(today(new Date('2026-11-22T23:59:00Z'))).toBe('2026-11-22');
  });
});

describe('computePageFacts', () => {
  it('marks a page overdue from last_reviewed + review_cycle, and keeps the author reading time', () => {
    const facts = computePageFacts(
      {last_reviewed: '2026-01-10', review_cycle: {label: 'quarterly', months: 3, days: 0}, estimated_reading_time: 25},
      'Some words.',
      {today: '2026-11-22'},
    );
    expect(facts.review).toEqual({cycle: 'quarterly', lastReviewed: '2026-01-10', due: '2026-04-10', overdue: true});
    expect(facts.readingTime).toEqual({minutes: 25, computed: false});
  });

  it('computes the reading time when the author gives none, and has no review without both fields', () => {
    const facts = computePageFacts({last_reviewed: '2026-01-10'}, 'word '.repeat(660), {today: '2026-11-22'});
    expect(facts.readingTime).toEqual({minutes: 3, computed: true});
    expect(facts.review).toBeUndefined();
  });
});
