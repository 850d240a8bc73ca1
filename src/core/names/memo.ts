/**
 * Memoised forms of the pure name comparisons, so that an article checked again (after an edit, or
 * another article with the same names) does not compare the same spellings again: the near-miss
 * test of two spellings, and a spelling's near misses among a lexicon's names.
 * Both return exactly what the functions they wrap return.
 */
import type { NameEntry, NameLexicon } from './lexicon';
import { mayBeNearMiss, nameShape, nearMiss, type NameShape, type NearMiss } from './match';
import { Generations } from '../generations';

/** per article spelling, the pairs with it compared so far (nested maps: no pair key is built) */
const pairs = new Generations<Map<string, NearMiss | null>>(20000);
const shapes = new Generations<NameShape>(25000);

/** nameShape(s), remembered (the spellings of a check recur in many pairs). */
export function shapeOf(s: string): NameShape {
  let v = shapes.get(s);
  if (!v) shapes.set(s, (v = nameShape(s)));
  return v;
}

/**
 * nearMiss(a, r), remembered (per spelling `a`, at most 2,000 of its pairs); pairs the shapes rule
 * out (mayBeNearMiss) are answered without a comparison.
 */
export function nearMissMemo(a: string, r: string): NearMiss | undefined {
  if (!mayBeNearMiss(shapeOf(a), shapeOf(r))) return undefined;
  let withA = pairs.get(a);
  if (!withA) pairs.set(a, (withA = new Map()));
  const hit = withA.get(r);
  if (hit !== undefined) return hit ?? undefined;
  const v = nearMiss(a, r);
  if (withA.size >= 2000) withA.clear();
  withA.set(r, v ?? null);
  return v;
}

const missesByKey = new WeakMap<NameLexicon, Generations<{ entry: NameEntry; miss: NearMiss }[]>>();

/**
 * The lexicon's names in reach of the spelling's skeleton (the index's candidates, in their order) of
 * which `key` is a near miss, with the comparison: what a check would find comparing `key` with each of
 * them, remembered per lexicon so that a name seen in an earlier check is not compared again.
 */
export function nearMissEntries(lex: NameLexicon, key: string): { entry: NameEntry; miss: NearMiss }[] {
  let m = missesByKey.get(lex);
  if (!m) missesByKey.set(lex, (m = new Generations(10000)));
  const hit = m.get(key);
  if (hit) return hit;
  const out: { entry: NameEntry; miss: NearMiss }[] = [];
  for (const entry of lex.nearIndex.candidates(key)) {
    const miss = entry.key === key ? undefined : nearMissMemo(key, entry.key);
    if (miss) out.push({ entry, miss });
  }
  m.set(key, out);
  return out;
}

/** Forget every remembered comparison (tests compare a session's results with uncached ones). */
export function clearNameMemo(): void {
  pairs.clear();
  shapes.clear();
  // per-lexicon entries go with their lexicon
}
