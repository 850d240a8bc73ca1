/**
 * Boilerplate lines of reference documents: each document's lines as token ranges with a hash of
 * their term ids, and the count of live documents containing each line hash.
 */
import type { DocTokens } from './doc-tokens';

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
