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
 * False only when nearMiss(a, r) is certainly undefined, from lengths, first letters, skeletons and
 * letter sets alone (no edit distance). nearMiss needs folded forms of 4+ letters (L, the shorter) and
 * then equal skeletons; or, with different first letters, folded forms equal but for that letter (L ≥ 6)
 * or but for an extra first letter (L ≥ 5), tested here as nearMiss tests them; or else, with the same
 * first letter, lower-case forms 1 edit apart, or (L ≥ 6) skeletons 1 apart with the lower-case forms at
 * most 3, or (L ≥ 7) lower-case forms 2 apart. Length differences and letterGap are lower bounds of the
 * edit distances. Symmetric.
 */
export function mayBeNearMiss(a: NameShape, r: NameShape): boolean {
  if (a.lower === r.lower) return false;
  const L = Math.min(a.folded.length, r.folded.length);
  if (L < 4) return false;
  if (a.skeleton === r.skeleton) return true;
  if (a.folded[0] !== r.folded[0]) {
    if (L < 5 || Math.abs(a.folded.length - r.folded.length) > 1) return false;
    const ra = a.folded.slice(1);
    const rr = r.folded.slice(1);
    return ra === rr ? L >= 6 : ra === r.folded || rr === a.folded;
  }
  const lengths = Math.abs(a.lower.length - r.lower.length);
  if (lengths > 3) return false;
  const gap = letterGap(a.lowerBits, r.lowerBits);
  // one edit apart
  if (lengths <= 1 && gap <= 1) return true;
  if (L < 6) return false;
  // skeletons one edit apart, the lower-case forms at most three
  if (gap <= 3 && Math.abs(a.skeleton.length - r.skeleton.length) <= 1 && letterGap(a.skeletonBits, r.skeletonBits) <= 1) return true;
  // two edits apart
  return L >= 7 && lengths <= 2 && gap <= 2;
}
