/**
 * The reference index: every reference document's word tokens as typed arrays, a term dictionary,
 * and a postings table of hashed word n-grams (stop words kept) for seeding passage alignment.
 * No all-pairs comparison: an article's n-grams are looked up, and only documents that share
 * them are aligned.
 *
 * The index is made of immutable segments (as in Lucene): a build makes one segment; adding
 * documents makes a new segment, removing one marks it deleted (a tombstone). When segments or
 * tombstones pile up, segments are merged (their postings rebuilt from the stored token arrays,
 * without re-tokenising). Lookups visit every live segment.
 * Memory per reference word: 3 × 4 bytes of token arrays + 8 bytes of postings + 2–4 bytes of
 * table, plus the text itself (1 or 2 bytes per character).
 *
 * Everything here is plain typed arrays and strings so that index-codec.ts can persist an index
 * and restore one that behaves exactly like a fresh build.
 */
import { sortedHas } from './search';
import { isStopWord } from './stopwords';
import { normalizeWord, stemWord, WORD_PATTERN } from './text';
import type { ReferenceDoc } from './types';

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

/** A word token of a reference document, as stored. */
export interface DocTokens {
  starts: Uint32Array;
  ends: Uint32Array;
  terms: Uint32Array;
}

const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;

/** Hash of a normalised word (FNV-1a over UTF-16 code units). */
export function termHash(s: string): number {
  let h = FNV_OFFSET;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), FNV_PRIME);
  return h >>> 0;
}

/** The string of codes[0, len) (in chunks: apply() takes a bounded number of arguments). */
function codesToString(codes: Uint16Array, len: number): string {
  let s = '';
  for (let i = 0; i < len; i += 4096) s += String.fromCharCode.apply(null, codes.subarray(i, Math.min(len, i + 4096)) as unknown as number[]);
  return s;
}

/**
 * Shared term dictionary: normalised word ↔ id, with stem ids and stop-word flags. The word → id
 * map is an open-addressing table over typed arrays, so that the tokeniser can look a word up
 * straight from the text without making a string for it.
 */
export class Terms {
  readonly words: string[] = [];
  /**
   * stem id of each term, -1 until first asked for: stemming (Porter2) is most of the cost of a new
   * term and only the sentence level needs it, so stemId() computes it on demand (stemAll() before
   * persisting). Stem ids are only compared with each other.
   */
  readonly stemOf: number[] = [];
  /** stem → stem id: built on first use (a restored dictionary only needs it to add terms) */
  private stemMap: Map<string, number> | undefined = new Map();
  private stemList: string[] | (() => string[]) = [];
  /** stem strings by stem id (a restored dictionary decodes them on first use: only adding terms needs them) */
  get stems(): string[] {
    if (typeof this.stemList === 'function') this.stemList = this.stemList();
    return this.stemList;
  }
  readonly stop: boolean[] = [];
  /** number of live documents containing each term */
  readonly df: number[] = [];
  /** termHash of each word */
  private hashes = new Uint32Array(1024);
  /**
   * table slot b → at 4b the term id + 1 (0: empty), at 4b + 1 its hash, at 4b + 2 and 4b + 3 the
   * term itself if it is 1–8 ASCII characters (packKey), else -1: a short word is verified by two
   * integer comparisons in the slot, without reading the term's characters
   */
  private slots = new Int32Array(4 * 2048);
  private mask = 2047;
  /** code units of terms 0..pooled-1, term id's at poolStart[id]..poolStart[id + 1] (for internCodes) */
  private pool = new Uint16Array(8192);
  private poolStart = new Uint32Array(1024);
  private pooled = 0;
  /** terms in `slots` (restore() fills the words before the table) */
  private slotsFilled = 0;

  get size(): number {
    return this.words.length;
  }

  get stemIds(): Map<string, number> {
    if (this.stemMap === undefined) {
      this.stemMap = new Map();
      this.stems.forEach((s, i) => this.stemMap!.set(s, i));
    }
    return this.stemMap;
  }

  intern(norm: string): number {
    const h = termHash(norm);
    let b = h & this.mask;
    for (;;) {
      const id = this.slots[4 * b]! - 1;
      if (id < 0) return this.insert(norm, h, b);
      if (this.hashes[id] === h && this.words[id] === norm) return id;
      b = (b + 1) & this.mask;
    }
  }

  /**
   * The id of the word whose code units are codes[0, len) and whose termHash is `h`, interning it
   * if new. Verified against the code units of the terms (kept in one pool, not in the strings).
   */
  internCodes(codes: Uint16Array, len: number, h: number): number {
    const slots = this.slots;
    const mask = this.mask;
    let b = h & mask;
    for (;;) {
      const id = slots[4 * b]! - 1;
      if (id < 0) return this.insert(codesToString(codes, len), h, b);
      if (slots[4 * b + 1] === (h | 0)) {
        if (id < this.pooled) {
          const from = this.poolStart[id]!;
          if (this.poolStart[id + 1]! - from === len) {
            const pool = this.pool;
            let k = 0;
            while (k < len && pool[from + k] === codes[k]) k++;
            if (k === len) return id;
          }
        } else {
          const w = this.words[id]!;
          if (w.length === len) {
            let k = 0;
            while (k < len && w.charCodeAt(k) === codes[k]) k++;
            if (k === len) return id;
          }
        }
      }
      b = (b + 1) & mask;
    }
  }

  /**
   * The id of the ASCII word text[s, e) lower-cased (c | 32: ASCII letters and digits only), whose
   * termHash is `h` and, if it has at most 8 characters, whose packKey is (lo, hi); interning it if
   * new. Like internCodes, reading the text instead of a buffer.
   */
  internAscii(text: string, s: number, e: number, h: number, lo: number, hi: number): number {
    const slots = this.slots;
    const mask = this.mask;
    const len = e - s;
    let b = h & mask;
    for (;;) {
      const o = 4 * b;
      const id = slots[o]! - 1;
      if (id < 0) return this.insert(text.slice(s, e).toLowerCase(), h, b);
      if (slots[o + 1] === (h | 0)) {
        const tlo = slots[o + 2]!;
        if (tlo >= 0) {
          // a short ASCII term: equal iff the word is short with the same characters
          if (len <= 8 && tlo === lo && slots[o + 3] === hi) return id;
        } else if (id < this.pooled) {
          const from = this.poolStart[id]!;
          if (this.poolStart[id + 1]! - from === len) {
            const pool = this.pool;
            let k = 0;
            while (k < len && pool[from + k] === (text.charCodeAt(s + k) | 32)) k++;
            if (k === len) return id;
          }
        } else {
          const w = this.words[id]!;
          if (w.length === len) {
            let k = 0;
            while (k < len && w.charCodeAt(k) === (text.charCodeAt(s + k) | 32)) k++;
            if (k === len) return id;
          }
        }
      }
      b = (b + 1) & mask;
    }
  }

  /** Append the code units of terms not in the pool yet (all of a restored dictionary on first insert). */
  private fillPool(): void {
    const words = this.words;
    let need = this.poolStart[this.pooled]!;
    for (let id = this.pooled; id < words.length; id++) need += words[id]!.length;
    this.pool = atLeast(this.pool, need);
    this.poolStart = atLeast(this.poolStart, words.length + 1);
    const pool = this.pool;
    for (let id = this.pooled; id < words.length; id++) {
      const w = words[id]!;
      let at = this.poolStart[id]!;
      for (let i = 0; i < w.length; i++) pool[at++] = w.charCodeAt(i);
      this.poolStart[id + 1] = at;
    }
    this.pooled = words.length;
  }

  private insert(norm: string, h: number, b: number): number {
    const id = this.words.length;
    this.setSlot(b, id, h, norm);
    this.slotsFilled++;
    this.words.push(norm);
    this.hashes = atLeast(this.hashes, id + 1);
    this.hashes[id] = h;
    this.stemOf.push(-1);
    this.stop.push(isStopWord(norm));
    this.df.push(0);
    this.fillPool();
    if ((id + 1) * 2 > this.mask + 1) this.rehash((this.mask + 1) * 2);
    return id;
  }

  /** The stem id of term `id` (stemming it on first use). */
  stemId(id: number): number {
    const sid = this.stemOf[id]!;
    return sid >= 0 ? sid : this.stemNow(id);
  }

  private stemNow(id: number): number {
    const s = stemWord(this.words[id]!);
    const stemIds = this.stemIds;
    let sid = stemIds.get(s);
    if (sid === undefined) {
      sid = this.stems.length;
      stemIds.set(s, sid);
      this.stems.push(s);
    }
    this.stemOf[id] = sid;
    return sid;
  }

  /** Stem every term not stemmed yet (before persisting). */
  stemAll(): void {
    for (let id = 0; id < this.stemOf.length; id++) if (this.stemOf[id]! < 0) this.stemNow(id);
  }

  private rehash(size: number): void {
    const old = this.slots;
    const oldSize = this.mask + 1;
    this.slots = new Int32Array(4 * size);
    this.mask = size - 1;
    const slots = this.slots;
    const mask = this.mask;
    if (this.words.length > 0 && old.length === 4 * oldSize && this.slotsFilled === this.words.length) {
      // grow: move the filled slots (ids, hashes and packs as they are)
      for (let o = 0; o < old.length; o += 4) {
        if (old[o] === 0) continue;
        let b = old[o + 1]! & mask;
        while (slots[4 * b] !== 0) b = (b + 1) & mask;
        const n = 4 * b;
        slots[n] = old[o]!;
        slots[n + 1] = old[o + 1]!;
        slots[n + 2] = old[o + 2]!;
        slots[n + 3] = old[o + 3]!;
      }
      return;
    }
    for (let id = 0; id < this.words.length; id++) {
      const h = this.hashes[id]!;
      let b = h & mask;
      while (slots[4 * b] !== 0) b = (b + 1) & mask;
      this.setSlot(b, id, h, this.words[id]!);
    }
    this.slotsFilled = this.words.length;
  }

  private setSlot(b: number, id: number, h: number, word: string): void {
    const o = 4 * b;
    this.slots[o] = id + 1;
    this.slots[o + 1] = h;
    let lo = -1;
    let hi = -1;
    if (word.length >= 1 && word.length <= 8) {
      lo = 0;
      hi = 0;
      for (let i = 0; i < word.length; i++) {
        const c = word.charCodeAt(i);
        if (c === 0 || c >= 128) {
          lo = hi = -1;
          break;
        }
        hi = (hi << 7) | (lo >>> 21);
        lo = ((lo << 7) & 0xfffffff) | c;
      }
    }
    this.slots[o + 2] = lo;
    this.slots[o + 3] = hi;
  }

  lookup(norm: string): number {
    const h = termHash(norm);
    let b = h & this.mask;
    for (;;) {
      const id = this.slots[4 * b]! - 1;
      if (id < 0) return -1;
      if (this.hashes[id] === h && this.words[id] === norm) return id;
      b = (b + 1) & this.mask;
    }
  }

  /** The word → id table as stored by index-codec.ts: each term's hash, and the open-addressing slots (term id + 1, 0: empty). */
  table(): { hashes: Uint32Array; slots: Int32Array } {
    return { hashes: this.hashes.subarray(0, this.words.length), slots: this.slots };
  }

  /**
   * A dictionary from stored parts (see index-codec.ts): words (taken as they are), stems and the
   * per-term arrays, and the stored word → id table if any (copied; checked for shape, else rebuilt).
   */
  static restore(parts: {
    words: string[];
    stems: string[] | (() => string[]);
    stemOf: ArrayLike<number>;
    stop: ArrayLike<number>;
    df: ArrayLike<number>;
    hashes?: Uint32Array;
    slots?: Int32Array;
  }): Terms {
    const t = new Terms();
    const n = parts.words.length;
    const own = t as unknown as { words: string[]; stemOf: number[]; stop: boolean[]; df: number[] };
    own.words = parts.words;
    // (a loop into preallocated arrays: Array.from over a typed array is ~10× slower)
    const stemOf: number[] = new Array(n);
    const stop: boolean[] = new Array(n);
    const df: number[] = new Array(n);
    for (let id = 0; id < n; id++) {
      stemOf[id] = parts.stemOf[id]!;
      stop[id] = parts.stop[id]! !== 0;
      df[id] = parts.df[id]!;
    }
    own.stemOf = stemOf;
    own.stop = stop;
    own.df = df;
    t.stemList = parts.stems;
    t.stemMap = undefined;
    t.hashes = new Uint32Array(Math.max(1024, n));
    if (parts.hashes && parts.slots && parts.hashes.length === n && Terms.validTable(parts.slots, parts.hashes, n)) {
      t.hashes.set(parts.hashes);
      t.slots = parts.slots.slice();
      t.mask = parts.slots.length / 4 - 1;
      t.slotsFilled = n;
      return t;
    }
    for (let id = 0; id < n; id++) t.hashes[id] = termHash(parts.words[id]!);
    let size = 2048;
    while (size < n * 2 + 2) size *= 2;
    t.rehash(size);
    return t;
  }

  /**
   * a power-of-two table of 4-int slots, at most half full, holding n ids in 1..n each with its
   * term's hash (see `slots`)
   */
  private static validTable(slots: Int32Array, hashes: Uint32Array, n: number): boolean {
    const size = slots.length / 4;
    if (size < 2048 || (size & (size - 1)) !== 0 || n * 2 > size) return false;
    let used = 0;
    for (let o = 0; o < slots.length; o += 4) {
      const v = slots[o]!;
      if (v === 0) continue;
      if (v < 0 || v > n || slots[o + 1] !== (hashes[v - 1]! | 0)) return false;
      used++;
    }
    return used === n;
  }
}

// Word tokeniser for indexing: the same token definition as text.ts, without building Token objects.
const WORD_RE = new RegExp(WORD_PATTERN, 'gu');

/**
 * Class of each UTF-16 code unit for the scanner, filled on first sight (CC_UNKNOWN until then):
 * ASCII letter, ASCII digit, other word character (\p{L} \p{M} \p{N} outside ASCII: the word goes
 * through the regex), surrogate (likewise), joining apostrophe (' ’: a word may continue after
 * it), or none of these.
 */
const CC_NONE = 0;
const CC_ALPHA = 1;
const CC_DIGIT = 2;
const CC_WORD = 3;
const CC_JOIN = 4;
const CC_SURROGATE = 5;
const CC_UNKNOWN = 255;
/** non-ASCII \p{M} (may continue a word but not start one) */
const CC_MARK = 6;
const CCLASS = new Uint8Array(65536).fill(CC_UNKNOWN);
for (let c = 0; c < 128; c++) CCLASS[c] = CC_NONE;
for (let c = 48; c <= 57; c++) CCLASS[c] = CC_DIGIT;
for (let c = 65; c <= 90; c++) CCLASS[c] = CC_ALPHA;
for (let c = 97; c <= 122; c++) CCLASS[c] = CC_ALPHA;
CCLASS[39] = CC_JOIN;
CCLASS[0x2019] = CC_JOIN;
for (let c = 0xd800; c <= 0xdfff; c++) CCLASS[c] = CC_SURROGATE;

function classify(c: number): number {
  const ch = String.fromCharCode(c);
  const k = /[\p{L}\p{N}]/u.test(ch) ? CC_WORD : /\p{M}/u.test(ch) ? CC_MARK : CC_NONE;
  CCLASS[c] = k;
  return k;
}

let scratch = new Uint32Array(1 << 16);

function ensureScratch(n: number): void {
  scratch = atLeast(scratch, n);
}

/** `a` if it holds `need` elements, else a copy of it in an array doubled in size until it does */
function atLeast<T extends Uint16Array | Uint32Array>(a: T, need: number): T {
  if (need <= a.length) return a;
  let size = Math.max(1, a.length);
  while (size < need) size *= 2;
  const grown = new (a.constructor as new (n: number) => T)(size);
  grown.set(a);
  return grown;
}

/** the normalised form of a word with joiners (see joinedWord) */
let wordBuf: Uint16Array = new Uint16Array(256);

/**
 * Word tokens of a reference text: start and end offsets and term ids. Words of ASCII letters and
 * digits (the bulk of English copy) are scanned, hashed and interned straight from the text with a
 * character-class table; words joined by ' ’ or by . , between digits are normalised in a buffer
 * (joinedWord); a word with any other letter, mark or digit in it (café, Zoë) goes through the full
 * regex and normalizeWord (by surface form, cached), so the result is exactly that of text.ts's
 * tokenize().
 */
export function docTokens(text: string, terms: Terms): DocTokens {
  const n = text.length;
  // (start, end, term) triples in scratch: room for one word per 6 code units to start with
  ensureScratch(3 * ((n / 6) | 0) + 3);
  let out = scratch;
  const cc = CCLASS;
  let k = 0;
  let p = 0;
  while (p < n) {
    let c = text.charCodeAt(p);
    let kind = cc[c]!;
    if (kind !== CC_ALPHA && kind !== CC_DIGIT) {
      if (kind === CC_UNKNOWN) kind = classify(c);
      if (kind === CC_WORD || kind === CC_SURROGATE) {
        const next = slowWord(text, p, terms, k);
        if (next < 0) break;
        p = next;
        k += 3;
      } else p++;
      continue;
    }
    // a run of ASCII letters and digits, lower-cased (c | 32 keeps digits) into the FNV-1a hash
    const s = p;
    let h = FNV_OFFSET;
    // packKey of the last 8 characters (the word itself if it has at most 8)
    let lo = 0;
    let hi = 0;
    let lastDigit = false;
    do {
      lastDigit = kind === CC_DIGIT;
      const lc = c | 32;
      h = Math.imul(h ^ lc, FNV_PRIME);
      hi = (hi << 7) | (lo >>> 21);
      lo = ((lo << 7) & 0xfffffff) | lc;
      if (++p >= n) break;
      c = text.charCodeAt(p);
      kind = cc[c]!;
    } while (kind === CC_ALPHA || kind === CC_DIGIT);
    if (p < n && (kind !== CC_NONE || (lastDigit && (c === 46 || c === 44)))) {
      // maybe joined (don't, 1,000, 3.5) or going on in non-ASCII: the rare path
      p = joinedWord(text, s, terms, k);
      k += 3;
      continue;
    }
    // (also the way `out` catches up when joinedWord or slowWord has grown scratch: they grow it
    // only past out.length)
    if (k + 3 > out.length) {
      ensureScratch(k + 3);
      out = scratch;
    }
    out[k] = s;
    out[k + 1] = p;
    out[k + 2] = terms.internAscii(text, s, p, h >>> 0, lo, hi & 0xfffffff);
    k += 3;
  }
  const count = k / 3;
  // one buffer for the three arrays (one allocation per document)
  const all = new Uint32Array(3 * count);
  const starts = all.subarray(0, count);
  const ends = all.subarray(count, 2 * count);
  const ids = all.subarray(2 * count, 3 * count);
  const src = scratch;
  for (let i = 0, j = 0; i < count; i++, j += 3) {
    starts[i] = src[j]!;
    ends[i] = src[j + 1]!;
    ids[i] = src[j + 2]!;
  }
  return { starts, ends, terms: ids };
}

/**
 * The word starting at `s` (an ASCII letter or digit) that may be joined by ' ’ or by . , between
 * digits, written to scratch[k..k+3): normalised in wordBuf as normalizeWord would (lower case,
 * ’ → ', a possessive 's dropped, 1,000 → 1000), or by slowWord if a non-ASCII word character is
 * in or next to it. Returns the offset after it.
 */
function joinedWord(text: string, s: number, terms: Terms, k: number): number {
  const n = text.length;
  const cc = CCLASS;
  let buf = wordBuf;
  let len = 0;
  let p = s;
  let c = text.charCodeAt(p);
  let kind = cc[c]!;
  for (;;) {
    // a run of ASCII letters and digits
    let lastDigit = false;
    do {
      if (len === buf.length) buf = growWordBuf();
      lastDigit = kind === CC_DIGIT;
      buf[len++] = c | 32;
      if (++p >= n) break;
      c = text.charCodeAt(p);
      kind = cc[c]!;
    } while (kind === CC_ALPHA || kind === CC_DIGIT);
    if (p >= n) break;
    if (kind === CC_UNKNOWN) kind = classify(c);
    // the word goes on with a non-ASCII letter, mark or digit (or maybe one): the regex
    if (kind === CC_WORD || kind === CC_MARK || kind === CC_SURROGATE) return slowWord(text, s, terms, k);
    let joinChar: number;
    if (kind === CC_JOIN) joinChar = 39;
    else if (lastDigit && (c === 46 || c === 44)) joinChar = c;
    else break;
    // a joiner continues the word only before a word character (. , only before a digit)
    if (p + 1 >= n) break;
    const d = text.charCodeAt(p + 1);
    let dk = cc[d]!;
    if (dk === CC_UNKNOWN) dk = classify(d);
    if (dk === CC_ALPHA || dk === CC_DIGIT) {
      if (joinChar !== 39 && dk !== CC_DIGIT) break;
      if (len === buf.length) buf = growWordBuf();
      buf[len++] = joinChar;
      p++;
      c = d;
      kind = dk;
      continue;
    }
    if (dk === CC_WORD || dk === CC_MARK || dk === CC_SURROGATE) return slowWord(text, s, terms, k);
    break;
  }
  // normalizeWord on ASCII: a possessive 's dropped, then 1,000 → 1000
  if (len > 2 && buf[len - 2] === 39 && buf[len - 1] === 115) len -= 2;
  if (len >= 3 && buf[0]! <= 57 && buf[len - 1]! <= 57 && buf[0]! >= 48 && buf[len - 1]! >= 48) {
    let commas = 0;
    let i = 0;
    for (; i < len; i++) {
      const x = buf[i]!;
      if (x === 44) commas++;
      else if (x < 48 || x > 57) break;
    }
    if (i === len && commas > 0) {
      let j = 0;
      for (i = 0; i < len; i++) if (buf[i] !== 44) buf[j++] = buf[i]!;
      len = j;
    }
  }
  let h = FNV_OFFSET;
  for (let i = 0; i < len; i++) h = Math.imul(h ^ buf[i]!, FNV_PRIME);
  ensureScratch(k + 3);
  scratch[k] = s;
  scratch[k + 1] = p;
  scratch[k + 2] = terms.internCodes(buf, len, h >>> 0);
  return p;
}

function growWordBuf(): Uint16Array {
  return (wordBuf = atLeast(wordBuf, wordBuf.length * 2));
}

/** surface form → term id of words that took the regex path, for one Terms */
let slowCache = new Map<string, number>();
let slowCacheTerms: Terms | undefined;

/**
 * The next word at or after `from` by the full regex, written to scratch[k..k+3). Returns the
 * offset after it, or -1 (nothing written) when there is no further word.
 */
function slowWord(text: string, from: number, terms: Terms, k: number): number {
  WORD_RE.lastIndex = from;
  const m = WORD_RE.exec(text);
  if (m === null) return -1;
  const end = m.index + m[0].length;
  if (slowCacheTerms !== terms || slowCache.size > 100_000) {
    slowCache = new Map();
    slowCacheTerms = terms;
  }
  let id = slowCache.get(m[0]);
  if (id === undefined) {
    id = terms.intern(normalizeWord(m[0]));
    slowCache.set(m[0], id);
  }
  ensureScratch(k + 3);
  scratch[k] = m.index;
  scratch[k + 1] = end;
  scratch[k + 2] = id;
  return end;
}

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

/** Line-level boilerplate: normalised lines (bylines, "Related:", credits) that recur across documents. */
export interface LineRange {
  /** token range [from, to) of a line in its document */
  from: number;
  to: number;
  hash: number;
}

/** Lines of 1..40 tokens, with a hash of their term ids. */
export function lineRanges(text: string, toks: DocTokens): LineRange[] {
  const out: LineRange[] = [];
  let t = 0;
  const n = toks.starts.length;
  const emit = (e: number) => {
    const from = t;
    while (t < n && toks.starts[t]! < e) t++;
    if (t - from >= 1 && t - from <= 40) {
      let h = 0x9e3779b9;
      for (let k = from; k < t; k++) {
        h ^= toks.terms[k]!;
        h = Math.imul(h, 0x85ebca6b);
        h ^= h >>> 13;
      }
      out.push({ from, to: t, hash: h >>> 0 });
    }
  };
  // line breaks by indexOf (native scan), \r\n counted once
  const len = text.length;
  let nl = text.indexOf('\n');
  let cr = text.indexOf('\r');
  while (nl >= 0 || cr >= 0) {
    if (cr < 0 || (nl >= 0 && nl < cr)) {
      emit(nl);
      nl = text.indexOf('\n', nl + 1);
    } else {
      emit(cr);
      if (nl === cr + 1) nl = text.indexOf('\n', nl + 1);
      cr = text.indexOf('\r', cr + 1);
    }
  }
  emit(len);
  return out;
}

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

export interface IndexedDoc extends ReferenceDoc {
  tokens: DocTokens;
  lines: LineRange[];
  deleted: boolean;
}

export interface IndexStats {
  documents: number;
  words: number;
  terms: number;
  segments: number;
}

/** When to merge segments: more than this many, or tombstoned words above this share of all stored words. */
export const MERGE_POLICY = { maxSegments: 8, maxDeletedShare: 0.25 };

const EMPTY_TOKENS: DocTokens = { starts: new Uint32Array(0), ends: new Uint32Array(0), terms: new Uint32Array(0) };

/** What a merged-away deleted document leaves at its number (a new object: holders of the old one keep it whole). */
function tombstone(d: IndexedDoc): IndexedDoc {
  return { id: d.id, path: d.path, meta: d.meta, text: '', tokens: EMPTY_TOKENS, lines: [], deleted: true };
}

/**
 * Counts by 32-bit key (boilerplate line hash → live documents containing it): open addressing over
 * typed arrays, so that index-codec.ts stores and restores it without rebuilding a Map.
 */
export class LineCounts {
  keys: Uint32Array;
  counts: Int32Array;
  /** 1 where a slot holds a key (its count may have dropped to 0) */
  used: Uint8Array;
  private filled = 0;

  constructor(size = 1024, keys?: Uint32Array, counts?: Int32Array, used?: Uint8Array, filled?: number) {
    this.keys = keys ?? new Uint32Array(size);
    this.counts = counts ?? new Int32Array(size);
    this.used = used ?? new Uint8Array(size);
    if (filled !== undefined) this.filled = filled;
    else if (used) for (let i = 0; i < used.length; i++) this.filled += used[i]!;
  }

  /** slots holding a key */
  get size(): number {
    return this.filled;
  }

  private slot(key: number): number {
    const mask = this.keys.length - 1;
    let b = Math.imul(key, 0x9e3779b1) >>> 0 & mask;
    while (this.used[b] && this.keys[b] !== key) b = (b + 1) & mask;
    return b;
  }

  get(key: number): number {
    const b = this.slot(key);
    return this.used[b] ? this.counts[b]! : 0;
  }

  add(key: number, delta: number): void {
    let b = this.slot(key);
    if (!this.used[b]) {
      if (delta <= 0) return;
      if ((this.filled + 1) * 2 > this.keys.length) {
        this.grow();
        b = this.slot(key);
      }
      this.used[b] = 1;
      this.keys[b] = key;
      this.filled++;
    }
    this.counts[b] = Math.max(0, this.counts[b]! + delta);
  }

  private grow(): void {
    const { keys, counts, used } = this;
    const size = keys.length * 2;
    this.keys = new Uint32Array(size);
    this.counts = new Int32Array(size);
    this.used = new Uint8Array(size);
    this.filled = 0;
    for (let i = 0; i < keys.length; i++) {
      if (!used[i] || counts[i]! <= 0) continue;
      const b = this.slot(keys[i]!);
      this.used[b] = 1;
      this.keys[b] = keys[i]!;
      this.counts[b] = counts[i]!;
      this.filled++;
    }
  }

  *entries(): IterableIterator<[number, number]> {
    for (let i = 0; i < this.keys.length; i++) if (this.used[i] && this.counts[i]! > 0) yield [this.keys[i]!, this.counts[i]!];
  }
}

export class ReferenceIndex {
  readonly terms: Terms;
  /**
   * Analyses persisted with the index (index-codec.ts), decoded on first use: name → a reader given
   * the current signature of what the analysis depends on, returning undefined when the stored one no
   * longer applies (then the caller computes it). A damaged page throws CodecError like a postings page.
   */
  readonly analyses = new Map<string, (signature: string) => unknown>();
  readonly docs: IndexedDoc[] = [];
  readonly segments: Segment[] = [];
  /** how many live documents contain each boilerplate line hash */
  private lineDocs = new LineCounts();
  private liveDocs = 0;
  private totalWords = 0;
  /** words of deleted documents still in segments' postings */
  private deletedWords = 0;
  /** per-term stamp of the last document counted, for df updates */
  private stamp = new Int32Array(0);
  /**
   * For lookup(), beside `docs`: each document's term ids (empty once merged away) and a deleted
   * flag, so that verifying a posting does not touch the document objects (whose shapes vary).
   */
  private docTerms: Uint32Array[] = [];
  private dead = new Uint8Array(64);
  /** each document's boilerplate lines, once asked for (linesOf) */
  private docLines: (LineRange[] | undefined)[] = [];
  private stampGen = 0;
  /**
   * A lazily restored index (index-codec.ts): `pending[num]` is 1 while document num's term ids are
   * not loaded yet (lookupLimited then compares an n-gram's ids in the stored array, loading only
   * their page through `lazy.at`); `lazy.all` loads everything (materialize()).
   */
  private lazy: LazyTerms | undefined;
  private pending: Uint8Array | undefined;

  constructor(terms: Terms = new Terms()) {
    this.terms = terms;
  }

  static build(docs: ReferenceDoc[]): ReferenceIndex {
    const idx = new ReferenceIndex();
    idx.add(docs);
    return idx;
  }

  /**
   * An index from stored parts (index-codec.ts). `docs` keep their document numbers (deleted ones
   * included); `lineDocs` and term df are taken as stored.
   */
  static restore(parts: {
    terms: Terms;
    docs: IndexedDoc[];
    segments: Segment[];
    lineDocs: LineCounts;
    deletedWords: number;
    /**
     * lazily restored documents: each document's term-id array (a view whose data may not be
     * loaded yet) and word count, so that `tokens` is not touched here; `doc(num)` loads document
     * num's term ids, `all()` loads everything
     */
    lazy?: LazyTerms;
  }): ReferenceIndex {
    const idx = new ReferenceIndex(parts.terms);
    idx.deletedWords = parts.deletedWords;
    const lazy = parts.lazy;
    parts.docs.forEach((d, num) => {
      idx.pushDoc(d, lazy ? EMPTY_TOKENS.terms : d.tokens.terms);
      if (d.deleted) return;
      idx.liveDocs++;
      idx.totalWords += lazy ? lazy.counts[num]! : d.tokens.terms.length;
    });
    if (lazy) {
      idx.lazy = lazy;
      idx.pending = new Uint8Array(idx.dead.length);
      for (let num = 0; num < parts.docs.length; num++) idx.pending[num] = lazy.counts[num]! > 0 ? 1 : 0;
    }
    for (const s of parts.segments) {
      idx.segments.push(s);
      s.tombstones = 0;
      for (const id of s.docIds) if (idx.docs[id]?.deleted) s.tombstones++;
    }
    idx.lineDocs = parts.lineDocs;
    return idx;
  }

  /** Index more documents (one new segment). A document whose id is already live replaces it. */
  add(docs: ReferenceDoc[]): void {
    if (docs.length === 0) return;
    const live = new Set<string>();
    for (const d of this.docs) if (!d.deleted) live.add(d.id);
    const replaced = docs.filter((d) => live.has(d.id)).map((d) => d.id);
    if (replaced.length) this.removeNow(replaced);
    const ids: number[] = [];
    const toks: DocTokens[] = [];
    for (const d of docs) {
      const view = d.matchText !== undefined && d.matchText.length === d.text.length ? d.matchText : d.text;
      const tokens = docTokens(view, this.terms);
      const lines = lineRanges(view, tokens);
      const num = this.docs.length;
      this.pushDoc({ ...d, tokens, lines, deleted: false });
      ids.push(num);
      toks.push(tokens);
      this.countLines(lines, +1);
      this.countTerms(tokens, +1);
      this.liveDocs++;
      this.totalWords += tokens.terms.length;
    }
    this.segments.push(Segment.build(ids, toks));
    this.maybeMerge();
  }

  /** Append a document (and its lookup entries). */
  private pushDoc(d: IndexedDoc, terms: Uint32Array = d.tokens.terms): void {
    const num = this.docs.length;
    this.docs.push(d);
    this.docTerms.push(terms);
    this.docLines.push(undefined);
    if (num >= this.dead.length) {
      const grown = new Uint8Array(this.dead.length * 2);
      grown.set(this.dead);
      this.dead = grown;
      if (this.pending) {
        const p = new Uint8Array(grown.length);
        p.set(this.pending);
        this.pending = p;
      }
    }
    this.dead[num] = d.deleted ? 1 : 0;
  }

  /**
   * Load everything a lazily restored index has not loaded yet (and verify it): before persisting
   * it again, or to stop reading the file. A no-op for a built index.
   */
  materialize(): void {
    if (!this.lazy) return;
    this.lazy.all();
    const pending = this.pending!;
    for (let num = 0; num < this.docs.length; num++) if (pending[num] === 1) this.docTerms[num] = this.lazy.doc(num);
    this.lazy = undefined;
    this.pending = undefined;
  }

  /** Replace a deleted document by its tombstone (merged away). */
  private bury(num: number): void {
    const t = tombstone(this.docs[num]!);
    this.docs[num] = t;
    this.docTerms[num] = t.tokens.terms;
    this.docLines[num] = undefined;
    this.dead[num] = 1;
    if (this.pending) this.pending[num] = 0;
  }

  remove(ids: string[]): void {
    this.removeNow(ids);
    this.maybeMerge();
  }

  /** The segment holding document `num` (segments are few: a scan of their sorted docIds). */
  private segmentOf(num: number): Segment | undefined {
    for (const s of this.segments) if (sortedHas(s.docIds, num)) return s;
    return undefined;
  }

  private removeNow(ids: string[]): void {
    const set = new Set(ids);
    for (let num = 0; num < this.docs.length; num++) {
      const d = this.docs[num]!;
      if (!d.deleted && set.has(d.id)) {
        d.deleted = true;
        this.dead[num] = 1;
        const seg = this.segmentOf(num);
        if (seg) seg.tombstones++;
        this.countLines(d.lines, -1);
        this.countTerms(d.tokens, -1);
        this.liveDocs--;
        this.totalWords -= d.tokens.terms.length;
        this.deletedWords += d.tokens.terms.length;
      }
    }
  }

  /** Number of stored words of deleted documents (tombstones not yet merged away). */
  get tombstonedWords(): number {
    return this.deletedWords;
  }

  private maybeMerge(): void {
    const stored = this.totalWords + this.deletedWords;
    if (this.deletedWords > 0 && this.deletedWords > MERGE_POLICY.maxDeletedShare * stored) this.compact();
    else if (this.segments.length > MERGE_POLICY.maxSegments) this.mergeSmallest();
  }

  /**
   * Merge every segment into one, dropping deleted documents' postings, token arrays and text.
   * Document numbers stay as they are (deleted ones remain as empty tombstones).
   */
  compact(): void {
    const ids: number[] = [];
    for (const s of this.segments) for (const id of s.docIds) if (!this.docs[id]!.deleted) ids.push(id);
    this.docs.forEach((d, id) => {
      if (d.deleted) this.bury(id);
    });
    ids.sort((a, b) => a - b);
    this.segments.length = 0;
    if (ids.length) this.segments.push(Segment.build(ids, ids.map((id) => this.docs[id]!.tokens)));
    this.deletedWords = 0;
  }

  /** Tiered merge: merge the smaller half of the segments into one (live documents only). */
  private mergeSmallest(): void {
    const bySize = [...this.segments].sort((a, b) => a.postDoc.length - b.postDoc.length);
    const merging = new Set(bySize.slice(0, Math.ceil(bySize.length / 2)));
    const ids: number[] = [];
    for (const s of merging) for (const id of s.docIds) if (!this.docs[id]!.deleted) ids.push(id);
    for (const s of merging) {
      for (const id of s.docIds) {
        const d = this.docs[id]!;
        if (d.deleted) {
          this.deletedWords -= d.tokens.terms.length;
          this.bury(id);
        }
      }
    }
    ids.sort((a, b) => a - b);
    const kept = this.segments.filter((s) => !merging.has(s));
    this.segments.length = 0;
    this.segments.push(...kept);
    if (ids.length) this.segments.push(Segment.build(ids, ids.map((id) => this.docs[id]!.tokens)));
  }

  private countLines(lines: LineRange[], delta: number): void {
    const seen = new Set<number>();
    for (const l of lines) {
      if (seen.has(l.hash)) continue;
      seen.add(l.hash);
      this.lineDocs.add(l.hash, delta);
    }
  }

  private countTerms(tokens: DocTokens, delta: number): void {
    const n = this.terms.size;
    if (this.stamp.length < n) {
      const grown = new Int32Array(Math.max(n, this.stamp.length * 2, 1024));
      grown.set(this.stamp);
      this.stamp = grown;
    }
    const gen = ++this.stampGen;
    const stamp = this.stamp;
    const df = this.terms.df;
    const terms = tokens.terms;
    for (let i = 0; i < terms.length; i++) {
      const t = terms[i]!;
      if (stamp[t] === gen) continue;
      stamp[t] = gen;
      df[t]! += delta;
    }
  }

  /** Inverse document frequency of a term id (unknown terms: the maximum). */
  idf(term: number): number {
    const df = term >= 0 ? this.terms.df[term] ?? 0 : 0;
    return Math.log((this.liveDocs + 1) / (df + 0.5));
  }

  /** `docs[num].lines`, kept in an array (no document object on the aligner's seeding path). */
  linesOf(num: number): LineRange[] {
    let l = this.docLines[num];
    if (l === undefined) this.docLines[num] = l = this.docs[num]!.lines;
    return l;
  }

  /** Number of live documents that contain this line (by normalised-token hash). */
  lineDocFreq(hash: number): number {
    return this.lineDocs.get(hash);
  }

  /** (line hash, live documents containing it) for every line hash in use. */
  lineDocEntries(): IterableIterator<[number, number]> {
    return this.lineDocs.entries();
  }

  /** The boilerplate-line table itself, for persisting. */
  lineTable(): LineCounts {
    return this.lineDocs;
  }

  get documentCount(): number {
    return this.liveDocs;
  }

  get wordCount(): number {
    return this.totalWords;
  }

  stats(): IndexStats {
    return { documents: this.liveDocs, words: this.totalWords, terms: this.terms.words.length, segments: this.segments.length };
  }

  liveDocuments(): IndexedDoc[] {
    return this.docs.filter((d) => !d.deleted);
  }

  /** The live document with this id, if any. */
  byId(id: string): IndexedDoc | undefined {
    for (let i = this.docs.length - 1; i >= 0; i--) {
      const d = this.docs[i]!;
      if (d.id === id && !d.deleted) return d;
    }
    return undefined;
  }

  /**
   * Lazily restored index: read ahead what lookupLimited(terms, i, maxHits, maxDocs, …) will read
   * for each n-gram i in [from, to) whose terms are all known (>= 0): the table entries and postings
   * of their buckets, then the page of term ids each posting points at, each in file order with
   * nearby pages read together (a few hundred sorted reads instead of thousands in look-up order).
   * Only what is read, and when, changes; a no-op for a built or fully loaded index.
   */
  prefetchNgrams(terms: ArrayLike<number>, from: number, to: number, maxHits: number, maxDocs: number): void {
    const lazy = this.lazy;
    if (lazy === undefined) return;
    const hashes: number[] = [];
    for (let i = from; i + SEED_N <= to; i++) {
      let known = true;
      for (let k = 0; k < SEED_N; k++) if (terms[i + k]! < 0) known = false;
      if (!known) continue;
      const h = ngramHash(terms, i);
      if (!this.isStopNgram(h)) hashes.push(h);
    }
    if (hashes.length === 0) return;
    const pending = this.pending!;
    const dead = this.dead;
    const want: number[] = [];
    for (const seg of this.segments) {
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
          if (pending[doc] === 1) want.push(doc, postPos[p]!);
        }
      }
    }
    if (want.length) lazy.many(want);
  }

  /** is the n-gram of hash h a stop n-gram (over HEAVY_NGRAM occurrences) in a segment with no tombstones */
  private isStopNgram(h: number): boolean {
    for (const seg of this.segments) if (seg.tombstones === 0 && seg.heavy.length && seg.isHeavy(h)) return true;
    return false;
  }

  /**
   * lookup() into `out` as (doc, pos) pairs, giving up as soon as the hits exceed `maxHits` or the
   * documents (counted as changes of document number along the hits, as the aligner counts them)
   * exceed `maxDocs`: returns false then (`out` holds a partial list). The aligner drops such n-grams,
   * so it need not scan the rest of their postings.
   */
  lookupLimited(terms: ArrayLike<number>, at: number, maxHits: number, maxDocs: number, out: number[]): boolean {
    out.length = 0;
    const h = ngramHash(terms, at);
    const t0 = terms[at]!;
    const t1 = terms[at + 1]!;
    const t2 = terms[at + 2]!;
    if (this.isStopNgram(h)) return true;
    const dead = this.dead;
    const docTerms = this.docTerms;
    const pending = this.pending;
    const lazy = this.lazy;
    let hits = 0;
    let docs = 0;
    let last = -1;
    for (const seg of this.segments) {
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
          if (++hits > maxHits) return false;
          if (doc !== last) {
            if (++docs > maxDocs) return false;
            last = doc;
          }
          out.push(doc, pos);
        }
      }
    }
    return true;
  }

  /**
   * All occurrences (document number, token position) of the n-gram of `terms` starting at `at`,
   * in live documents. Hash collisions are removed by comparing the term ids. A stop n-gram (more
   * than HEAVY_NGRAM occurrences in a segment) visits nothing. (lookupLimited without limits.)
   */
  lookup(terms: ArrayLike<number>, at: number, visit: (doc: number, pos: number) => void): void {
    const hits: number[] = [];
    this.lookupLimited(terms, at, Infinity, Infinity, hits);
    for (let h = 0; h < hits.length; h += 2) visit(hits[h]!, hits[h + 1]!);
  }
}
