/**
 * Binary searches over sorted ranges. Every search in core goes through these, so the boundary
 * conventions (half-open ranges, "first index where ...") are written once.
 */

/**
 * The first index i in [lo, hi) for which `isBefore(i)` is false, or hi when it holds everywhere.
 * `isBefore` must be monotone over the range: true for a prefix, then false.
 */
export function lowerBound(hi: number, isBefore: (i: number) => boolean, lo = 0): number {
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (isBefore(mid)) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The first index of ascending `a` whose value is >= v (a.length when none is). No closure: for hot paths. */
export function lowerBoundOf(a: ArrayLike<number>, v: number): number {
  let lo = 0;
  let hi = a.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (a[mid]! < v) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Whether ascending `a` holds v. */
export function sortedHas(a: ArrayLike<number>, v: number): boolean {
  const i = lowerBoundOf(a, v);
  return i < a.length && a[i] === v;
}

/**
 * The index of the span of `spans` (ascending and disjoint, each half-open [span[start], span[end]))
 * holding `at`, or -1. Fields are named rather than read through accessors, so that this stays as
 * fast as a hand-written search in the alignment's inner loop.
 */
export function spanAt<K extends string, T extends Record<K, number>>(spans: readonly T[], at: number, start: K, end: K): number {
  let lo = 0;
  let hi = spans.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (spans[mid]![end] <= at) lo = mid + 1;
    else hi = mid;
  }
  return lo < spans.length && spans[lo]![start] <= at ? lo : -1;
}
