/**
 * The reference index's term dictionary: normalised word ↔ id, with stem ids, stop-word flags and
 * document frequencies, over typed arrays that index-codec.ts stores and restores as they are.
 */
import { isStopWord } from './stopwords';
import { stemWord } from './text';
import { atLeast } from './typed-arrays';

export const FNV_OFFSET = 0x811c9dc5;
export const FNV_PRIME = 0x01000193;

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

  private setSlot(b: number, id: number, h: number, word: string, slots = this.slots): void {
    const o = 4 * b;
    slots[o] = id + 1;
    slots[o + 1] = h;
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
    slots[o + 2] = lo;
    slots[o + 3] = hi;
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

  /** termHash of term `id`'s word (kept with the table, so no rehash) */
  hashOf(id: number): number {
    return this.hashes[id]!;
  }

  /**
   * The word → id table as stored by index-codec.ts: each term's hash, and the open-addressing slots (term
   * id + 1, 0: empty) of a table of this one's size with the ids put in order — the table restore() makes
   * from the hashes, whatever order this one's was filled and grown in (so that an index re-encoded
   * after a decode gives the same bytes).
   */
  table(): { hashes: Uint32Array; slots: Int32Array } {
    const slots = new Int32Array(this.slots.length);
    const mask = this.mask;
    for (let id = 0; id < this.words.length; id++) {
      const h = this.hashes[id]!;
      let b = h & mask;
      while (slots[4 * b] !== 0) b = (b + 1) & mask;
      this.setSlot(b, id, h, this.words[id]!, slots);
    }
    return { hashes: this.hashes.subarray(0, this.words.length), slots };
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
    /** with `hashes` and no `slots`: the table's number of slots, made from the hashes */
    tableSize?: number;
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
    if (parts.hashes && !parts.slots && parts.hashes.length === n) t.hashes.set(parts.hashes);
    else for (let id = 0; id < n; id++) t.hashes[id] = termHash(parts.words[id]!);
    let size = 2048;
    while (size < n * 2 + 2) size *= 2;
    // the stored table's size when it can hold the terms: the same room to grow as before
    const stored = parts.tableSize;
    if (stored !== undefined && stored >= size && (stored & (stored - 1)) === 0) size = stored;
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
