/**
 * Look-ups of word n-grams in the reference index's segments: every live occurrence, verified by
 * term ids (in a lazily restored index, against the stored ids, loading only their pages), and the
 * read-ahead that makes a lazy index read its file in order. ReferenceIndex passes its own lookup
 * state (segments, deleted flags, per-document term ids, lazy loading).
 */
import { ngramHash, SEED_N, type Segment } from './segment';

/**
 * The term ids of a lazily restored index's documents (index-codec.ts), loaded on demand.
 */
export interface LazyTerms {
  /** word count per document number */
  counts: ArrayLike<number>;
  /** load (and range-check) document num's term ids; a view of them */
  doc(num: number): Uint32Array;
  /** every document's stored term ids, one after another (pages present only once loaded) */
  ids: Uint32Array;
  /**
   * make the ids of tokens pos..pos+SEED_N-1 of document num present in `ids` (and verified); their
   * index in `ids`, or -1 when the document has fewer tokens
   */
  at(num: number, pos: number): number;
  /** as `at` for (num, pos) pairs, read ahead in file order */
  many(pairs: ArrayLike<number>): void;
  /** load everything */
  all(): void;
}

/**
 * Lazily restored index: read ahead what lookupLimited(terms, i, maxHits, maxDocs, …) will read
 * for each n-gram i in [from, to) whose terms are all known (>= 0): the table entries and postings
 * of their buckets, then the page of term ids each posting points at, each in file order with
 * nearby pages read together (a few hundred sorted reads instead of thousands in look-up order).
 * Only what is read, and when, changes; a no-op for a built or fully loaded index.
 */
export function prefetchNgrams(segments: Segment[], dead: Uint8Array, pending: Uint8Array | undefined, lazy: LazyTerms | undefined, terms: ArrayLike<number>, from: number, to: number, maxHits: number, maxDocs: number): void {
  if (lazy === undefined) return;
  const hashes: number[] = [];
  for (let i = from; i + SEED_N <= to; i++) {
    let known = true;
    for (let k = 0; k < SEED_N; k++) if (terms[i + k]! < 0) known = false;
    if (!known) continue;
    const h = ngramHash(terms, i);
    if (!isStopNgram(segments, h)) hashes.push(h);
  }
  if (hashes.length === 0) return;
  const want: number[] = [];
  for (const seg of segments) {
    if (seg.fillMany === undefined) continue;
    const buckets = Uint32Array.from(hashes, (h) => h & seg.mask).sort();
    seg.fillMany(buckets);
    const postDoc = seg.postDoc;
    const postPos = seg.postPos;
    let prev = -1;
    for (let i = 0; i < buckets.length; i++) {
      const b = buckets[i]!;
      if (b === prev) continue;
      prev = b;
      // lookupLimited stops past maxHits hits or maxDocs documents: read ahead no further than that
      let docs = 0;
      let hits = 0;
      let last = -1;
      for (let p = seg.offsets[b]!, e = seg.offsets[b + 1]!; p < e; p++) {
        const doc = postDoc[p]!;
        if (dead[doc] !== 0) continue;
        if (++hits > maxHits + 1) break;
        if (doc !== last) {
          if (++docs > maxDocs + 1) break;
          last = doc;
        }
        if (pending![doc] === 1) want.push(doc, postPos[p]!);
      }
    }
  }
  if (want.length) lazy.many(want);
}

/** is the n-gram of hash h a stop n-gram (over HEAVY_NGRAM occurrences) in a segment with no tombstones */
function isStopNgram(segments: Segment[], h: number): boolean {
  for (const seg of segments) if (seg.tombstones === 0 && seg.heavy.length && seg.isHeavy(h)) return true;
  return false;
}

/**
 * lookup() into `out[0 .. n)` as (doc, pos) pairs, giving up as soon as the hits exceed `maxHits` or the
 * documents (counted as changes of document number along the hits, as the aligner counts them)
 * exceed `maxDocs`. Returns n, or ~n (negative) when it gave up (`out[0 .. n)` holds a partial list).
 * The aligner drops such n-grams, so it need not scan the rest of their postings. `out` is written by
 * index and never shortened: a caller reusing one array for every n-gram keeps its backing store (an
 * array emptied with `length = 0` loses it and grows again from nothing).
 */
export function lookupLimited(segments: Segment[], dead: Uint8Array, docTerms: Uint32Array[], pending: Uint8Array | undefined, lazy: LazyTerms | undefined, terms: ArrayLike<number>, at: number, maxHits: number, maxDocs: number, out: number[]): number {
  let n = 0;
  const h = ngramHash(terms, at);
  const t0 = terms[at]!;
  const t1 = terms[at + 1]!;
  const t2 = terms[at + 2]!;
  if (isStopNgram(segments, h)) return 0;
  let hits = 0;
  let docs = 0;
  let last = -1;
  for (const seg of segments) {
    const b = h & seg.mask;
    if (seg.fill !== undefined) seg.fill(b);
    const postDoc = seg.postDoc;
    const postPos = seg.postPos;
    for (let p = seg.offsets[b]!, e = seg.offsets[b + 1]!; p < e; p++) {
      const doc = postDoc[p]!;
      if (dead[doc] !== 0) continue;
      const pos = postPos[p]!;
      let same: boolean;
      if (pending !== undefined && pending[doc] === 1) {
        // a document not loaded yet: compare in the stored array, reading only the page(s) of these ids
        const at = lazy!.at(doc, pos);
        const ids = lazy!.ids;
        same = at >= 0 && ids[at] === t0 && ids[at + 1] === t1 && ids[at + 2] === t2;
      } else {
        const dt = docTerms[doc]!;
        same = dt[pos] === t0 && dt[pos + 1] === t1 && dt[pos + 2] === t2;
      }
      if (same) {
        if (++hits > maxHits) return ~n;
        if (doc !== last) {
          if (++docs > maxDocs) return ~n;
          last = doc;
        }
        out[n++] = doc;
        out[n++] = pos;
      }
    }
  }
  return n;
}

let docStamp = new Uint32Array(1024);
let docGen = 0;

/**
 * The distinct documents holding the n-gram at `at` (live occurrences, as lookupLimited finds them), in
 * the order of their first occurrence; null as soon as there are more than `maxDocs` of them (the rest
 * of the postings is not read). A stop n-gram: [].
 */
export function lookupDocs(segments: Segment[], dead: Uint8Array, docTerms: Uint32Array[], pending: Uint8Array | undefined, lazy: LazyTerms | undefined, terms: ArrayLike<number>, at: number, maxDocs: number): number[] | null {
  const out: number[] = [];
  const h = ngramHash(terms, at);
  const t0 = terms[at]!;
  const t1 = terms[at + 1]!;
  const t2 = terms[at + 2]!;
  if (isStopNgram(segments, h)) return out;
  if (docStamp.length < dead.length) docStamp = new Uint32Array(Math.max(dead.length, 2 * docStamp.length));
  if (++docGen === 0xffffffff) {
    docStamp.fill(0);
    docGen = 1;
  }
  const stamp = docStamp;
  const gen = docGen;
  for (const seg of segments) {
    const b = h & seg.mask;
    if (seg.fill !== undefined) seg.fill(b);
    const postDoc = seg.postDoc;
    const postPos = seg.postPos;
    for (let p = seg.offsets[b]!, e = seg.offsets[b + 1]!; p < e; p++) {
      const doc = postDoc[p]!;
      if (dead[doc] !== 0 || stamp[doc] === gen) continue;
      const pos = postPos[p]!;
      let same: boolean;
      if (pending !== undefined && pending[doc] === 1) {
        const k = lazy!.at(doc, pos);
        const ids = lazy!.ids;
        same = k >= 0 && ids[k] === t0 && ids[k + 1] === t1 && ids[k + 2] === t2;
      } else {
        const dt = docTerms[doc]!;
        same = dt[pos] === t0 && dt[pos + 1] === t1 && dt[pos + 2] === t2;
      }
      if (!same) continue;
      if (out.length === maxDocs) return null;
      stamp[doc] = gen;
      out.push(doc);
    }
  }
  return out;
}
