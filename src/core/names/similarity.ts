/**
 * String similarity for proper names: optimal-string-alignment Damerau–Levenshtein, Jaro–Winkler,
 * keyboard adjacency, and a transliteration skeleton that maps spelling variants which differ only by
 * romanisation choices (ch/sh/tch, kh/h, y/i/j, ie/ye, iy/y, ou/u, w/v), diacritics or doubled letters
 * onto one key. All functions take lower-case strings unless noted.
 */

const MARKS_RE = /\p{M}+/gu;
const EXTRA_FOLDS: Record<string, string> = { ß: 'ss', æ: 'ae', œ: 'oe', ø: 'o', đ: 'd', ł: 'l', ı: 'i', þ: 'th' };
const EXTRA_FOLDS_RE = /[ßæœøđłıþ]/g;

/** Lower case with diacritics removed (Zelenskyi ≠ Zelenskyy stays, Müller = Muller). */
export function foldDiacritics(s: string): string {
  const w = s.toLowerCase();
  if (!/[^\x00-\x7f]/.test(w)) return w;
  return w.normalize('NFD').replace(MARKS_RE, '').replace(EXTRA_FOLDS_RE, (c) => EXTRA_FOLDS[c] ?? c);
}

/**
 * Transliteration skeleton: two spellings with the same skeleton differ only by romanisation,
 * diacritics or doubled letters. `ch`, `sh`, `tch`, `sch` → one symbol; `kh` → `h`; `ye`/`ie` → `e`
 * after a consonant-free start is kept simple: `y`, `j` → `i`; `iy`/`ii`/`yy` collapse; `ou` → `u`;
 * `w` → `v`; `ph` → `f`; `ck` → `k`; doubled letters collapse.
 */
export function skeleton(s: string): string {
  const known = skeletons.get(s);
  if (known !== undefined) return known;
  let w = foldDiacritics(s).replace(/['’ʼ`\-. ]/g, '');
  w = w
    .replace(/tch|tsch|sch|ch|sh/g, '§')
    .replace(/kh/g, 'h')
    .replace(/ph/g, 'f')
    .replace(/ck/g, 'k')
    .replace(/ou/g, 'u')
    .replace(/w/g, 'v')
    .replace(/[yj]/g, 'i')
    .replace(/ie/g, 'e')
    .replace(/(.)\1+/g, '$1');
  // a pure function of the spelling, asked again for every pair a name is compared in: kept, the
  // whole map dropped when full
  if (skeletons.size >= 50000) skeletons.clear();
  skeletons.set(s, w);
  return w;
}
const skeletons = new Map<string, string>();

/** Letters with doubled runs collapsed (Cincinnati → cincinati). */
export function undouble(s: string): string {
  return s.replace(/(.)\1+/g, '$1');
}

/** A bit per letter a–z that occurs in s; other characters share six more bits by code. */
export function letterBits(s: string): number {
  let bits = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    bits |= 1 << (c >= 97 && c <= 122 ? c - 97 : 26 + (c % 6));
  }
  return bits;
}

function popcount(x: number): number {
  x -= (x >>> 1) & 0x55555555;
  x = (x & 0x33333333) + ((x >>> 2) & 0x33333333);
  return (Math.imul((x + (x >>> 4)) & 0x0f0f0f0f, 0x01010101) >>> 24) & 0xff;
}

/**
 * A lower bound of `osaDistance(a, b)` from `letterBits` of each: an edit or a transposition removes at
 * most one character missing from the other string, and each bit set for only one of them stands for at
 * least one such character.
 */
export function letterGap(bitsA: number, bitsB: number): number {
  return Math.max(popcount(bitsA & ~bitsB), popcount(bitsB & ~bitsA));
}

/** Optimal string alignment distance (Damerau–Levenshtein with adjacent transpositions), capped at max+1. */
export function osaDistance(a: string, b: string, max = 8): number {
  if (a === b) return 0;
  const la = a.length;
  const lb = b.length;
  if (Math.abs(la - lb) > max) return max + 1;
  if (la === 0) return lb;
  if (lb === 0) return la;
  // three rows of one reused buffer (the distance is asked for thousands of pairs a check)
  if (osaRows.length < 3 * (lb + 1)) osaRows = new Int32Array(3 * (lb + 1) * 2);
  const rows = osaRows;
  const w = lb + 1;
  let prev2 = 0;
  let prev = w;
  let cur = 2 * w;
  for (let j = 0; j <= lb; j++) {
    rows[prev2 + j] = 0;
    rows[prev + j] = j;
  }
  for (let i = 1; i <= la; i++) {
    rows[cur] = i;
    let rowMin = i;
    const ca = a.charCodeAt(i - 1);
    const ca1 = i > 1 ? a.charCodeAt(i - 2) : -1;
    for (let j = 1; j <= lb; j++) {
      const cb = b.charCodeAt(j - 1);
      const cost = ca === cb ? 0 : 1;
      let v = rows[prev + j]! + 1;
      const left = rows[cur + j - 1]! + 1;
      if (left < v) v = left;
      const diag = rows[prev + j - 1]! + cost;
      if (diag < v) v = diag;
      if (i > 1 && j > 1 && ca === b.charCodeAt(j - 2) && ca1 === cb) {
        const tr = rows[prev2 + j - 2]! + 1;
        if (tr < v) v = tr;
      }
      rows[cur + j] = v;
      if (v < rowMin) rowMin = v;
    }
    if (rowMin > max) return max + 1;
    const t = prev2;
    prev2 = prev;
    prev = cur;
    cur = t;
  }
  return rows[prev + lb]!;
}
let osaRows = new Int32Array(192);

/**
 * osaDistance(a, b) for b the code units codes[from, to) (capped at max+1 the same way): a scan of many
 * names reads them from one packed array instead of from each name's own string.
 */
export function osaDistanceCodes(a: string, codes: Uint16Array, from: number, to: number, max = 8): number {
  const la = a.length;
  const lb = to - from;
  if (la === lb) {
    let same = true;
    for (let i = 0; i < la && same; i++) same = a.charCodeAt(i) === codes[from + i];
    if (same) return 0;
  }
  if (Math.abs(la - lb) > max) return max + 1;
  if (la === 0) return lb;
  if (lb === 0) return la;
  if (osaRows.length < 3 * (lb + 1)) osaRows = new Int32Array(3 * (lb + 1) * 2);
  const rows = osaRows;
  const w = lb + 1;
  let prev2 = 0;
  let prev = w;
  let cur = 2 * w;
  for (let j = 0; j <= lb; j++) {
    rows[prev2 + j] = 0;
    rows[prev + j] = j;
  }
  for (let i = 1; i <= la; i++) {
    rows[cur] = i;
    let rowMin = i;
    const ca = a.charCodeAt(i - 1);
    const ca1 = i > 1 ? a.charCodeAt(i - 2) : -1;
    for (let j = 1; j <= lb; j++) {
      const cb = codes[from + j - 1]!;
      const cost = ca === cb ? 0 : 1;
      let v = rows[prev + j]! + 1;
      const left = rows[cur + j - 1]! + 1;
      if (left < v) v = left;
      const diag = rows[prev + j - 1]! + cost;
      if (diag < v) v = diag;
      if (i > 1 && j > 1 && ca === codes[from + j - 2] && ca1 === cb) {
        const tr = rows[prev2 + j - 2]! + 1;
        if (tr < v) v = tr;
      }
      rows[cur + j] = v;
      if (v < rowMin) rowMin = v;
    }
    if (rowMin > max) return max + 1;
    const t = prev2;
    prev2 = prev;
    prev = cur;
    cur = t;
  }
  return rows[prev + lb]!;
}

/** Jaro–Winkler similarity in [0, 1] (prefix scale 0.1, prefix up to 4). */
export function jaroWinkler(a: string, b: string): number {
  if (a === b) return 1;
  const la = a.length;
  const lb = b.length;
  if (la === 0 || lb === 0) return 0;
  const range = Math.max(0, Math.floor(Math.max(la, lb) / 2) - 1);
  const ma = new Uint8Array(la);
  const mb = new Uint8Array(lb);
  let m = 0;
  for (let i = 0; i < la; i++) {
    const lo = Math.max(0, i - range);
    const hi = Math.min(lb - 1, i + range);
    for (let j = lo; j <= hi; j++) {
      if (!mb[j] && a[i] === b[j]) {
        ma[i] = 1;
        mb[j] = 1;
        m++;
        break;
      }
    }
  }
  if (m === 0) return 0;
  let t = 0;
  let k = 0;
  for (let i = 0; i < la; i++) {
    if (!ma[i]) continue;
    while (!mb[k]) k++;
    if (a[i] !== b[k]) t++;
    k++;
  }
  const jaro = (m / la + m / lb + (m - t / 2) / m) / 3;
  let p = 0;
  while (p < 4 && p < la && p < lb && a[p] === b[p]) p++;
  return jaro + p * 0.1 * (1 - jaro);
}

const KEYBOARD_ROWS = ['qwertyuiop', 'asdfghjkl', 'zxcvbnm'];
const KEY_POS = new Map<string, [number, number]>();
KEYBOARD_ROWS.forEach((row, r) => [...row].forEach((c, i) => KEY_POS.set(c, [r, i + r * 0.5])));

/** True when two letters are neighbours on a QWERTY keyboard. */
export function keyboardAdjacent(x: string, y: string): boolean {
  const p = KEY_POS.get(x);
  const q = KEY_POS.get(y);
  if (!p || !q || x === y) return false;
  return Math.abs(p[0] - q[0]) <= 1 && Math.abs(p[1] - q[1]) <= 1;
}

export type VariantKind =
  | 'diacritics'
  | 'transliteration'
  | 'doubled-letter'
  | 'transposition'
  | 'keyboard-slip'
  | 'dropped-letter'
  | 'extra-letter'
  | 'substitution'
  | 'misspelling';

export interface Comparison {
  /** edit distance (OSA) of the lower-cased forms */
  distance: number;
  /** edit distance of the transliteration skeletons */
  skeletonDistance: number;
  jaroWinkler: number;
  kind: VariantKind;
  /** 0..1, higher = more likely the same name */
  similarity: number;
}

/** Compare two spellings (any case). */
export function compareNames(a: string, b: string): Comparison {
  const la = a.toLowerCase();
  const lb = b.toLowerCase();
  const fa = foldDiacritics(la);
  const fb = foldDiacritics(lb);
  const distance = osaDistance(la, lb, 4);
  const sa = skeleton(la);
  const sb = skeleton(lb);
  const skeletonDistance = osaDistance(sa, sb, 4);
  const jw = jaroWinkler(fa, fb);
  let kind: VariantKind = 'misspelling';
  if (fa === fb) kind = 'diacritics';
  else if (undouble(fa) === undouble(fb)) kind = 'doubled-letter';
  else if (skeletonDistance === 0) kind = 'transliteration';
  else if (distance === 1) kind = editKind(fa, fb);
  let similarity = jw;
  if (skeletonDistance === 0) similarity = Math.max(similarity, 0.97);
  else if (distance === 1) similarity = Math.max(similarity, 0.93);
  return { distance, skeletonDistance, jaroWinkler: jw, kind, similarity };
}

function editKind(a: string, b: string): VariantKind {
  if (a.length === b.length) {
    let i = 0;
    while (i < a.length && a[i] === b[i]) i++;
    if (i + 1 < a.length && a[i] === b[i + 1] && a[i + 1] === b[i]) return 'transposition';
    return keyboardAdjacent(a[i]!, b[i]!) ? 'keyboard-slip' : 'substitution';
  }
  // a is the article form, b the reference form
  return a.length < b.length ? 'dropped-letter' : 'extra-letter';
}
