/**
 * Memoised forms of the pure name comparisons, so that an article checked again (after an edit, or
 * another article with the same names) does not compare the same spellings again: the near-miss
 * test of two spellings, and a lexicon's entries whose skeleton is within reach of a skeleton.
 * Both return exactly what the functions they wrap return.
 */
import type { NameEntry, NameLexicon } from './lexicon';
import { mayBeNearMiss, nameShape, nearMiss, type NameShape, type NearMiss } from './match';
import { osaDistance } from './similarity';

const MAX_PAIRS = 200000;
const pairs = new Map<string, NearMiss | null>();

const MAX_SHAPES = 50000;
const shapes = new Map<string, NameShape>();

/** nameShape(s), remembered (the spellings of a check recur in many pairs). */
export function shapeOf(s: string): NameShape {
  let v = shapes.get(s);
  if (!v) {
    shapes.set(s, (v = nameShape(s)));
    if (shapes.size > MAX_SHAPES) shapes.delete(shapes.keys().next().value!);
  }
  return v;
}

/**
 * nearMiss(a, r), remembered (least recently used pairs dropped first); pairs the shapes rule out
 * (mayBeNearMiss) are answered without a comparison or a pair key.
 */
export function nearMissMemo(a: string, r: string): NearMiss | undefined {
  if (!mayBeNearMiss(shapeOf(a), shapeOf(r))) return undefined;
  const key = `${a}\u0000${r}`;
  const hit = pairs.get(key);
  if (hit !== undefined) return hit ?? undefined;
  const v = nearMiss(a, r);
  pairs.set(key, v ?? null);
  if (pairs.size > MAX_PAIRS) pairs.delete(pairs.keys().next().value!);
  return v;
}

const MAX_SKELETONS = 20000;
const bySkeleton = new WeakMap<NameLexicon, Map<string, NameEntry[]>>();

/** The lexicon's names whose skeleton is within 3 edits of `skel` (lexicon.near, filtered), remembered per lexicon. */
export function nearNames(lex: NameLexicon, skel: string): NameEntry[] {
  let m = bySkeleton.get(lex);
  if (!m) bySkeleton.set(lex, (m = new Map()));
  const hit = m.get(skel);
  if (hit) return hit;
  const out: NameEntry[] = [];
  for (const e of lex.near(skel)) if (e.name && osaDistance(skel, e.skeleton, 3) <= 3) out.push(e);
  m.set(skel, out);
  if (m.size > MAX_SKELETONS) m.delete(m.keys().next().value!);
  return out;
}

/** Forget every remembered comparison (tests compare a session's results with uncached ones). */
export function clearNameMemo(): void {
  pairs.clear();
  shapes.clear();
  // per-lexicon entries go with their lexicon
}
