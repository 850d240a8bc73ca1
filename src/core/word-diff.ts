/**
 * Word-level diff for grading passages: a faithful port of `diffArrays` from the `diff` package
 * (jsdiff 9: Myers's algorithm with jsdiff's pruning of diagonals and its tie-breaking), so it
 * returns exactly the same components, without allocating objects per step: paths and the
 * persistent component lists live in reusable typed arrays. Tokens are compared with ===.
 * test/unit/core/word-diff.test.ts checks it against diffArrays.
 */
import { Generations } from './generations';
import { IntSlots } from './int-slots';

/** Component kinds: common to both, only in `b` (jsdiff's `added`), only in `a` (`removed`). */
export const COMMON = 0;
export const ADDED = 1;
export const REMOVED = 2;

let compCount = new Int32Array(1024);
let compKind = new Uint8Array(1024);
let compPrev = new Int32Array(1024);
let comps = 0;

let pathOld = new Int32Array(64);
let pathComp = new Int32Array(64);
let pathLive = new Uint8Array(64);

function newComp(count: number, kind: number, prev: number): number {
  if (comps === compCount.length) {
    const size = comps * 2;
    const c = new Int32Array(size);
    c.set(compCount);
    compCount = c;
    const k = new Uint8Array(size);
    k.set(compKind);
    compKind = k;
    const p = new Int32Array(size);
    p.set(compPrev);
    compPrev = p;
  }
  compCount[comps] = count;
  compKind[comps] = kind;
  compPrev[comps] = prev;
  return comps++;
}

/** The diff of `a` (old) and `b` (new) as components in order: `kinds[k]` over `counts[k]` tokens. */
export interface WordDiff {
  kinds: number[];
  counts: number[];
}

function build(last: number): WordDiff {
  const kinds: number[] = [];
  const counts: number[] = [];
  for (let c = last; c >= 0; c = compPrev[c]!) {
    kinds.push(compKind[c]!);
    counts.push(compCount[c]!);
  }
  kinds.reverse();
  counts.reverse();
  return { kinds, counts };
}

/** Same components as diffArrays(a, b) from the `diff` package (count, added, removed). */
export function diffWords<T>(a: ArrayLike<T>, b: ArrayLike<T>): WordDiff {
  const oldLen = a.length;
  const newLen = b.length;
  const maxEditLength = newLen + oldLen;
  const size = 2 * maxEditLength + 3;
  const base = maxEditLength + 1; // diagonal d is at index base + d
  if (pathLive.length < size) {
    let s = pathLive.length;
    while (s < size) s *= 2;
    pathOld = new Int32Array(s);
    pathComp = new Int32Array(s);
    pathLive = new Uint8Array(s);
  } else {
    pathLive.fill(0, 0, size);
  }
  comps = 0;
  const extractCommon = (at: number, diagonal: number): number => {
    let oldPos = pathOld[at]!;
    let newPos = oldPos - diagonal;
    let common = 0;
    while (newPos + 1 < newLen && oldPos + 1 < oldLen && a[oldPos + 1] === b[newPos + 1]) {
      newPos++;
      oldPos++;
      common++;
    }
    if (common) pathComp[at] = newComp(common, COMMON, pathComp[at]!);
    pathOld[at] = oldPos;
    return newPos;
  };

  pathOld[base] = -1;
  pathComp[base] = -1;
  pathLive[base] = 1;
  let newPos = extractCommon(base, 0);
  if (pathOld[base]! + 1 >= oldLen && newPos + 1 >= newLen) return build(pathComp[base]!);
  let minDiagonal = -Infinity;
  let maxDiagonal = Infinity;
  for (let editLength = 1; editLength <= maxEditLength; editLength++) {
    for (let diagonal = Math.max(minDiagonal, -editLength); diagonal <= Math.min(maxDiagonal, editLength); diagonal += 2) {
      const at = base + diagonal;
      const hasRemove = pathLive[at - 1] === 1;
      const hasAdd = pathLive[at + 1] === 1;
      const removeOld = pathOld[at - 1]!;
      const removeComp = pathComp[at - 1]!;
      const addOld = pathOld[at + 1]!;
      const addComp = pathComp[at + 1]!;
      if (hasRemove) pathLive[at - 1] = 0;
      let canAdd = false;
      if (hasAdd) {
        const addPathNewPos = addOld - diagonal;
        canAdd = 0 <= addPathNewPos && addPathNewPos < newLen;
      }
      const canRemove = hasRemove && removeOld + 1 < oldLen;
      if (!canAdd && !canRemove) {
        pathLive[at] = 0;
        continue;
      }
      // addToPath: extend the previous component of the same kind, or start one
      let fromOld: number;
      let fromComp: number;
      let kind: number;
      if (!canRemove || (canAdd && removeOld < addOld)) {
        fromOld = addOld;
        fromComp = addComp;
        kind = ADDED;
      } else {
        fromOld = removeOld + 1;
        fromComp = removeComp;
        kind = REMOVED;
      }
      pathOld[at] = fromOld;
      pathComp[at] =
        fromComp >= 0 && compKind[fromComp] === kind
          ? newComp(compCount[fromComp]! + 1, kind, compPrev[fromComp]!)
          : newComp(1, kind, fromComp);
      pathLive[at] = 1;
      newPos = extractCommon(at, diagonal);
      if (pathOld[at]! + 1 >= oldLen && newPos + 1 >= newLen) return build(pathComp[at]!);
      if (pathOld[at]! + 1 >= oldLen) maxDiagonal = Math.min(maxDiagonal, diagonal - 1);
      if (newPos + 1 >= newLen) minDiagonal = Math.max(minDiagonal, diagonal + 1);
    }
  }
  throw new Error('diffWords: no path found');
}

/**
 * diffWords(a, b) for word ids (equal ids for equal words), remembered by the ids of both sides: an
 * edited article is graded again against the same reference spans, and a passage the edit did not
 * touch compares the same words. The diff reads only which ids are equal, so the answer holds for
 * any two sequences of the same ids, whatever words they stand for. It is shared between callers:
 * read it only.
 */
const remembered = new Generations<{ a: Int32Array; b: Int32Array; d: WordDiff }[], number>(1000);

function sameIds(x: Int32Array, y: Int32Array): boolean {
  if (x.length !== y.length) return false;
  for (let k = 0; k < x.length; k++) if (x[k] !== y[k]) return false;
  return true;
}

export function diffIdsMemo(a: Int32Array, b: Int32Array): WordDiff {
  let h = Math.imul(0x811c9dc5 ^ a.length, 0x01000193);
  for (let k = 0; k < a.length; k++) h = Math.imul(h ^ a[k]!, 0x01000193);
  h = Math.imul(h ^ b.length, 0x01000193);
  for (let k = 0; k < b.length; k++) h = Math.imul(h ^ b[k]!, 0x01000193);
  const list = remembered.get(h);
  if (list) for (const e of list) if (sameIds(e.a, a) && sameIds(e.b, b)) return e.d;
  const d = diffWords(a, b);
  const e = { a: a.slice(), b: b.slice(), d };
  if (list) list.push(e);
  else remembered.set(h, [e]);
  return d;
}

/** Forget the remembered diffs (tests compare a session's results with uncached ones). */
export function clearWordDiffMemo(): void {
  remembered.clear();
}

let lcsRows = new Int32Array(256);
let lcsV = new Int32Array(8);

/**
 * How many words diffWords(a, b) marks common, without the diff: the length of a longest common
 * subsequence of `a` and `b` (ids; equal ids for equal words), which is what the common components
 * of a shortest edit script add up to (Myers's algorithm, as jsdiff runs it, finds a shortest one).
 * Bit-parallel (Allison & Dix; Hyyrö): one bit per word of the shorter side, a row of bits per
 * distinct id of it, and per word of the other side one masked add over the rows' 32-bit words.
 */
export function commonWords(a: Int32Array, b: Int32Array): number {
  const [x, y] = a.length <= b.length ? [a, b] : [b, a];
  const m = x.length;
  if (m === 0) return 0;
  const words = (m + 31) >>> 5;
  const ids = new IntSlots(Math.min(m, 64));
  for (let k = 0; k < m; k++) ids.add(x[k]!);
  const need = ids.size * words;
  if (lcsRows.length < need) lcsRows = new Int32Array(Math.max(need, lcsRows.length * 2));
  const rows = lcsRows;
  rows.fill(0, 0, need);
  for (let k = 0; k < m; k++) rows[ids.slot(x[k]!) * words + (k >>> 5)]! |= 1 << (k & 31);
  if (lcsV.length < words) lcsV = new Int32Array(Math.max(words, lcsV.length * 2));
  const v = lcsV;
  v.fill(-1, 0, words);
  // bits past the last word of x stay set (they never match): the count below skips them
  for (let j = 0; j < y.length; j++) {
    const s = ids.slot(y[j]!);
    if (s < 0) continue;
    const row = s * words;
    let carry = 0;
    for (let w = 0; w < words; w++) {
      const vw = v[w]! >>> 0;
      const u = (vw & rows[row + w]!) >>> 0;
      const sum = vw + u + carry;
      carry = sum > 0xffffffff ? 1 : 0;
      // V' = (V + U) | (V - U), and V - U = V & ~U (U is a subset of V)
      v[w] = (sum >>> 0) | (vw & ~u);
    }
  }
  let common = 0;
  for (let k = 0; k < m; k++) if ((v[k >>> 5]! & (1 << (k & 31))) === 0) common++;
  return common;
}
