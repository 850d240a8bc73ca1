/**
 * When is one spelling a near-miss of another name, and not an inflection, a derived form or a
 * different name?
 */
import { compareNames, foldDiacritics, letterBits, letterGap, skeleton, type Comparison } from './similarity';
import { isKnownName } from './words';

/** Endings that make a derived form or inflection of a name (Russia/Russian, Ukraine/Ukrainian, Kyiv/Kyivan). */
const DERIVING = new Set([
  's', 'es', "'s", 'n', 'an', 'ans', 'ian', 'ians', 'ean', 'eans', 'i', 'is', 'ese', 'ish', 'ite', 'ites', 'ic',
  'ics', 'ist', 'ists', 'ism', 'ia', 'ies', 'er', 'ers', 'ern', 'ns', 'ine', 'ite', 'ova', 'ovich', 'ovna', 'evich',
  'evna', 'ski', 'sky', 'ska',
]);

/** True when a and b are the same stem with derivational or inflectional endings (Ukraine/Ukrainian). */
export function derivedForms(a: string, b: string): boolean {
  const x = foldDiacritics(a);
  const y = foldDiacritics(b);
  if (x === y) return false;
  let p = 0;
  while (p < x.length && p < y.length && x[p] === y[p]) p++;
  if (p < 3) return false;
  const tx = x.slice(p);
  const ty = y.slice(p);
  const ok = (t: string) => t === '' || DERIVING.has(t);
  if (!ok(tx) || !ok(ty)) {
    // Ukraine/Ukrainian, Chile/Chilean: the stem's final vowel gives way to the derived ending
    const drops = (v: string, d: string) => /^[aeoy]$/.test(v) && d.length >= 2 && DERIVING.has(d);
    if (drops(tx, ty) || drops(ty, tx)) return true;
    // Germany/German: a country and its demonym, when either is a known place or demonym
    return ((tx === 'y' && ty === '') || (ty === 'y' && tx === '')) && (isKnownName(x) || isKnownName(y));
  }
  // a one-letter difference at the end (Clark/Clarke, Blair/Blaire) is a spelling question, not derivation,
  // unless the letter is a plural/possessive s or a demonym -i / -n
  const longer = tx.length > ty.length ? tx : ty;
  const shorter = tx.length > ty.length ? ty : tx;
  if (shorter === '' && longer.length === 1) {
    const stemEnd = x.slice(0, p).slice(-1);
    return longer === 's' || (longer === 'i' && !/[aeiouy]/.test(stemEnd)) || (longer === 'n' && stemEnd === 'a');
  }
  return true;
}

export type Strength = 'strong' | 'weak';

export interface NearMiss extends Comparison {
  strength: Strength;
}

/**
 * Compare an article spelling `a` with a reference spelling `r`. Returns the comparison when `a`
 * is close enough to be a slip for `r`, else undefined. Weak matches need context or broad support.
 */
export function nearMiss(a: string, r: string): NearMiss | undefined {
  const fa = foldDiacritics(a);
  const fr = foldDiacritics(r);
  if (a.toLowerCase() === r.toLowerCase()) return undefined;
  if (derivedForms(a, r)) return undefined;
  const c = compareNames(a, r);
  const L = Math.min(fa.length, fr.length);
  const sameStart = fa[0] === fr[0];
  if (c.skeletonDistance === 0) {
    if (L >= 4) return { ...c, strength: 'strong' };
    return undefined;
  }
  if (!sameStart) {
    // a slip on the first letter only (Catwick for Gatwick, Wrubio for Rubio): weak evidence
    const rest = fa.slice(1) === fr.slice(1) ? L >= 6 : (fa.slice(1) === fr || fr.slice(1) === fa) && L >= 5;
    return rest ? { ...c, strength: 'weak' } : undefined;
  }
  if (c.distance === 1) {
    if (L >= 5) return { ...c, strength: 'strong' };
    if (L === 4) return { ...c, strength: 'weak' };
    return undefined;
  }
  if (c.skeletonDistance === 1 && c.distance <= 3 && L >= 6) return { ...c, strength: L >= 7 ? 'strong' : 'weak' };
  if (c.distance === 2 && L >= 7 && c.jaroWinkler >= 0.9) return { ...c, strength: L >= 9 ? 'strong' : 'weak' };
  return undefined;
}

/** What the pre-filter reads of a spelling: its lower-case and folded forms, its skeleton, and the letter sets of both. */
export interface NameShape {
  lower: string;
  folded: string;
  skeleton: string;
  /** letterBits of `lower` and of `skeleton` */
  lowerBits: number;
  skeletonBits: number;
}

export function nameShape(s: string): NameShape {
  const lower = s.toLowerCase();
  const skel = skeleton(lower);
  return { lower, folded: foldDiacritics(s), skeleton: skel, lowerBits: letterBits(lower), skeletonBits: letterBits(skel) };
}

/**
 * False only when nearMiss(a, r) is certainly undefined, from lengths, first letters and skeletons
 * alone (no edit distance): nearMiss needs equal skeletons, or — with different first letters — folded
 * forms equal but for that letter (lengths within 1), or else an edit distance of at most 3 between
 * the lower-case forms (lengths within 3, letter sets within 3), of at most 2 unless the skeletons are
 * 1 apart (letter sets within 1). Symmetric.
 */
export function mayBeNearMiss(a: NameShape, r: NameShape): boolean {
  if (a.lower === r.lower) return false;
  if (a.skeleton === r.skeleton) return true;
  if (a.folded[0] !== r.folded[0]) return Math.abs(a.folded.length - r.folded.length) <= 1;
  if (Math.abs(a.lower.length - r.lower.length) > 3) return false;
  // with the same first letter and different skeletons nearMiss needs an edit distance of at most 2 between the
  // lower-case forms, or at most 3 with skeletons 1 apart; letterGap is a lower bound of either distance
  const gap = letterGap(a.lowerBits, r.lowerBits);
  return gap <= 2 || (gap === 3 && letterGap(a.skeletonBits, r.skeletonBits) <= 1);
}
