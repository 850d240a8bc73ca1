/**
 * Reordered copying (sentences moved, words shuffled — PAN's "random obfuscation", rewritten wire
 * copy): the passage grader compares words in order (a longest common subsequence), which follows
 * one order only, so it trims a reordered passage down to one of its pieces and rates it low.
 * Two corrections, used by align.ts for passages that are not verbatim:
 * - widen the graded spans to the exact n-gram seeds of the cluster that the in-order trim cut
 *   off — only seeds in runs of 4+ shared words (two overlapping 3-grams; a lone 3-gram can be a
 *   stray match); align.ts takes the widening only if it adds at least minWords words (a clause
 *   moved next to a passage stays out of it);
 * - an order-free overlap (multiset Dice of the words), for the keep-or-drop decision of longer
 *   passages only (`reorderKeepWords`; on short ones it keeps text that merely shares a topic).
 */
import type { Seed } from './align';

/** Multiset Dice of two word sequences (order ignored). */
export function bagDice<T>(a: ArrayLike<T>, b: ArrayLike<T>): number {
  if (a.length + b.length === 0) return 1;
  const bag = new Map<T, number>();
  for (let k = 0; k < b.length; k++) bag.set(b[k]!, (bag.get(b[k]!) ?? 0) + 1);
  let common = 0;
  for (let k = 0; k < a.length; k++) {
    const w = a[k]!;
    const c = bag.get(w);
    if (c) {
      common++;
      bag.set(w, c - 1);
    }
  }
  return (2 * common) / (a.length + b.length);
}

/**
 * The spans [aTok, bTok] widened to the n-gram seeds (kinds 0 and 1) that lie in runs of at least
 * two seeds on the same diagonal.
 */
export function widenToSeeds(
  seeds: readonly Seed[],
  aTok: readonly [number, number],
  bTok: readonly [number, number],
): { aTok: [number, number]; bTok: [number, number] } {
  let [i0, i1] = aTok;
  let [j0, j1] = bTok;
  {
    const at = new Set<string>();
    for (const s of seeds) if (s.kind !== 2) at.add(`${s.i},${s.j}`);
    for (const s of seeds) {
      if (s.kind === 2) continue;
      if (!at.has(`${s.i + 1},${s.j + 1}`) && !at.has(`${s.i - 1},${s.j - 1}`)) continue;
      i0 = Math.min(i0, s.i);
      i1 = Math.max(i1, s.i + s.li);
      j0 = Math.min(j0, s.j);
      j1 = Math.max(j1, s.j + s.lj);
    }
  }
  return { aTok: [i0, i1], bTok: [j0, j1] };
}
