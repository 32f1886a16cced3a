import {distance} from 'fastest-levenshtein';

/**
 * The candidate nearest to `wanted` for a "did you mean", or undefined when none is near enough to
 * help (more than half of the name would change). Ties go to the first in sorted order.
 */
export function closestName(wanted: string, candidates: Iterable<string>): string | undefined {
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const candidate of [...new Set(candidates)].sort()) {
    const d = distance(wanted.toLowerCase(), candidate.toLowerCase());
    if (d < bestDistance) {
      best = candidate;
      bestDistance = d;
    }
  }
  if (best === undefined || best === wanted) return undefined;
  return bestDistance <= Math.max(2, Math.ceil(Math.max(wanted.length, best.length) / 2)) ? best : undefined;
}
