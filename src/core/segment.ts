/**
 * Immutable segments of the reference index: CSR postings over hashed word n-grams (as in Lucene,
 * a build makes one segment and merges rebuild them from stored token arrays), with the list of
 * stop n-grams too frequent to be worth scanning.
 */
import type { DocTokens } from './doc-tokens';
import { sortedHas } from './search';
import { atLeast } from './typed-arrays';

/** Words per seed n-gram. */
export const SEED_N = 3;

/**
 * Stop n-grams: an n-gram with more than this many occurrences in one segment ("one of the", "said
 * in a") is listed in the segment's `heavy` set, and lookup() visits nothing for it instead of
 * scanning its postings. The aligner drops n-grams with more than maxSeedHits (200) hits anyway, so
 * while HEAVY_NGRAM ≥ maxSeedHits results are unchanged (a segment with tombstones is scanned as
 * usual, since its live count may be lower), and the cost of a look-up stops growing with the
 * reference set. Raise this with maxSeedHits.
 */
export const HEAVY_NGRAM = 200;

/** FNV-1a style mix of n term ids. */
export function ngramHash(terms: ArrayLike<number>, at: number, n = SEED_N): number {
  let h = 0x811c9dc5;
  for (let k = 0; k < n; k++) {
    h ^= terms[at + k]!;
    h = Math.imul(h, 0x01000193);
    h ^= h >>> 15;
  }
  return h >>> 0;
}

export class Segment {
  /** postings: for table bucket b, entries offsets[b]..offsets[b+1] of `postDoc`/`postPos` */
  readonly offsets: Uint32Array;
  readonly postDoc: Uint32Array;
  readonly postPos: Uint32Array;
  readonly mask: number;
  /** global document numbers of this segment's documents */
  readonly docIds: number[];
  /** sorted full hashes of the n-grams with more than HEAVY_NGRAM occurrences here */
  readonly heavy: Uint32Array;
  /** deleted documents among this segment's (the heavy list is then not trusted) */
  tombstones = 0;
  /**
   * Set on a segment restored lazily from a file (index-codec.ts): loads (and verifies) the table
   * entries of bucket b and its postings before they are read. Undefined once everything is loaded.
   */
  fill: ((b: number) => void) | undefined = undefined;
  /** as `fill`, for many buckets (ascending) at once, read in file order; undefined with `fill` */
  fillMany: ((buckets: ArrayLike<number>) => void) | undefined = undefined;

  /** A segment from its stored arrays (see index-codec.ts), or built from token arrays (see build). */
  constructor(docIds: number[], offsets: Uint32Array, postDoc: Uint32Array, postPos: Uint32Array, heavy: Uint32Array = new Uint32Array(0)) {
    this.docIds = docIds;
    this.offsets = offsets;
    this.postDoc = postDoc;
    this.postPos = postPos;
    this.mask = offsets.length - 2;
    this.heavy = heavy;
  }

  isHeavy(h: number): boolean {
    return sortedHas(this.heavy, h);
  }

  /**
   * Build the postings of these documents: a CSR table over hashed n-grams. The scatter is done in
   * two cache-friendly radix passes (by the high bits of the bucket into partitions, then a
   * counting sort inside each partition), not by random writes over the whole table.
   * `packBits`: (document, position) pairs travel packed in the scatter when they fit in this many
   * bits (32; tests pass 0 to take the unpacked path, which huge sets take).
   */
  static build(docIds: number[], tokens: DocTokens[], packBits = 32): Segment {
    let total = 0;
    for (const t of tokens) total += Math.max(0, t.terms.length - SEED_N + 1);
    // buckets: a power of two with 1–2 postings per bucket on average (a look-up verifies each
    // posting of its bucket by term ids; the table is 4 bytes per bucket in memory and on disk)
    let size = 1024;
    while (size * 2 < total) size *= 2;
    const mask = size - 1;
    // partitions of the bucket space: at most 256 (fewer write streams in pass 1: 256 partitions
    // measured 10–20 % faster than 1024 at 10 M words), each at least 1024 buckets wide
    const bits = Math.log2(size);
    const pbits = Math.max(0, Math.min(8, bits - 10));
    const shift = bits - pbits;
    const parts = 1 << pbits;
    const pcount = new Uint32Array(parts + 1);
    // the full n-gram hashes (the bucket is hash & mask; the full hash finds stop n-grams below)
    const hashes = new Uint32Array(total);
    let at = 0;
    for (const t of tokens) {
      const terms = t.terms;
      for (let i = 0; i + SEED_N <= terms.length; i++) {
        // ngramHash, inlined
        let h = 0x811c9dc5;
        h ^= terms[i]!;
        h = Math.imul(h, 0x01000193);
        h ^= h >>> 15;
        h ^= terms[i + 1]!;
        h = Math.imul(h, 0x01000193);
        h ^= h >>> 15;
        h ^= terms[i + 2]!;
        h = Math.imul(h, 0x01000193);
        h ^= h >>> 15;
        hashes[at++] = h;
        pcount[((h & mask) >>> shift) + 1]!++;
      }
    }
    for (let q = 0; q < parts; q++) pcount[q + 1]! += pcount[q]!;
    // pass 1: scatter (hash, doc, pos) by partition. When the segment's document index and token
    // position fit in 32 bits together (as they do for any but huge sets), they travel as one
    // number (one array fewer to scatter and to read back)
    let maxLen = 1;
    for (const t of tokens) if (t.terms.length > maxLen) maxLen = t.terms.length;
    const posBits = 32 - Math.clz32(maxLen);
    const packed = posBits + (32 - Math.clz32(Math.max(1, tokens.length))) <= packBits;
    const posMask = packed ? 2 ** posBits - 1 : 0;
    const tmpH = new Uint32Array(total);
    const tmpDoc = new Uint32Array(packed ? 0 : total);
    const tmpPos = new Uint32Array(total);
    const pfill = pcount.slice(0, parts);
    at = 0;
    for (let k = 0; k < tokens.length; k++) {
      const doc = docIds[k]!;
      const len = tokens[k]!.terms.length;
      const key = packed ? k * 2 ** posBits : 0;
      for (let i = 0; i + SEED_N <= len; i++) {
        const h = hashes[at++]!;
        const p = pfill[(h & mask) >>> shift]!++;
        tmpH[p] = h;
        if (packed) tmpPos[p] = key + i;
        else {
          tmpDoc[p] = doc;
          tmpPos[p] = i;
        }
      }
    }
    // pass 2: counting sort inside each partition (its buckets and postings are contiguous)
    const offsets = new Uint32Array(size + 1);
    const postDoc = new Uint32Array(total);
    const postPos = new Uint32Array(total);
    const width = 1 << shift;
    const local = new Uint32Array(width + 1);
    // stop n-grams: full hashes with more than HEAVY_NGRAM postings (only in buckets that big)
    const heavy: number[] = [];
    let big = new Uint32Array(1024);
    for (let q = 0; q < parts; q++) {
      const from = pcount[q]!;
      const to = pcount[q + 1]!;
      const base = q << shift;
      local.fill(0);
      for (let p = from; p < to; p++) local[(tmpH[p]! & mask) - base + 1]!++;
      let run = from;
      let bigBuckets = false;
      for (let b = 0; b < width; b++) {
        offsets[base + b] = run;
        const c = local[b + 1]!;
        if (c > HEAVY_NGRAM) bigBuckets = true;
        local[b + 1] = run;
        run += c;
      }
      if (packed) {
        for (let p = from; p < to; p++) {
          const o = local[(tmpH[p]! & mask) - base + 1]!++;
          const v = tmpPos[p]!;
          postDoc[o] = docIds[v >>> posBits]!;
          postPos[o] = v & posMask;
        }
      } else {
        for (let p = from; p < to; p++) {
          const o = local[(tmpH[p]! & mask) - base + 1]!++;
          postDoc[o] = tmpDoc[p]!;
          postPos[o] = tmpPos[p]!;
        }
      }
      if (!bigBuckets) continue;
      // the hashes of this partition's postings in buckets of more than HEAVY_NGRAM, sorted: runs
      let nb = 0;
      for (let p = from; p < to; p++) {
        const lb = (tmpH[p]! & mask) - base;
        const end = lb + 1 < width ? offsets[base + lb + 1]! : to;
        if (end - offsets[base + lb]! <= HEAVY_NGRAM) continue;
        big = atLeast(big, nb + 1);
        big[nb++] = tmpH[p]!;
      }
      const sorted = big.subarray(0, nb).sort();
      for (let i = 0; i < nb; ) {
        let j = i + 1;
        while (j < nb && sorted[j] === sorted[i]) j++;
        if (j - i > HEAVY_NGRAM) heavy.push(sorted[i]!);
        i = j;
      }
    }
    offsets[size] = total;
    return new Segment(docIds, offsets, postDoc, postPos, Uint32Array.from(heavy).sort());
  }
}
