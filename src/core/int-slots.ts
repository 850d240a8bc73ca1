/**
 * Dense numbers for a set of 32-bit integer keys: each key added gets the next slot number
 * (0, 1, 2, … in order of first addition), found again by `slot`. Open addressing over typed arrays,
 * so that per-key values can live in plain typed arrays indexed by slot (the sentence-level aligner
 * keeps a side's stem frequencies and inverted lists this way instead of in Maps of arrays).
 */
export class IntSlots {
  /** key of each slot number, in order of addition */
  keys: Int32Array;
  /** per hash bucket: slot number + 1, 0 when empty */
  private table: Int32Array;
  private mask: number;
  /** 32 − log2(table size): a key's bucket is the top bits of its Fibonacci hash */
  private shift: number;
  private n = 0;

  constructor(expected = 8) {
    let size = 16;
    let shift = 28;
    while (size < expected * 2) {
      size *= 2;
      shift--;
    }
    this.table = new Int32Array(size);
    this.mask = size - 1;
    this.shift = shift;
    this.keys = new Int32Array(Math.max(8, expected));
  }

  /** number of keys added */
  get size(): number {
    return this.n;
  }

  /** The slot number of `key`, or -1 when it was never added. */
  slot(key: number): number {
    const table = this.table;
    const keys = this.keys;
    const mask = this.mask;
    let b = Math.imul(key, 0x9e3779b1) >>> this.shift;
    for (;;) {
      const s = table[b]!;
      if (s === 0) return -1;
      if (keys[s - 1] === key) return s - 1;
      b = (b + 1) & mask;
    }
  }

  /** The slot number of `key`, adding it (the next number) when new. */
  add(key: number): number {
    const table = this.table;
    const keys = this.keys;
    const mask = this.mask;
    let b = Math.imul(key, 0x9e3779b1) >>> this.shift;
    for (;;) {
      const s = table[b]!;
      if (s === 0) break;
      if (keys[s - 1] === key) return s - 1;
      b = (b + 1) & mask;
    }
    const id = this.n++;
    if (id === keys.length) {
      const grown = new Int32Array(keys.length * 2);
      grown.set(keys);
      this.keys = grown;
    }
    this.keys[id] = key;
    table[b] = id + 1;
    if (this.n * 2 > table.length) this.rehash(table.length * 2);
    return id;
  }

  private rehash(size: number): void {
    const table = new Int32Array(size);
    const mask = size - 1;
    const shift = this.shift - 1;
    for (let id = 0; id < this.n; id++) {
      let b = Math.imul(this.keys[id]!, 0x9e3779b1) >>> shift;
      while (table[b] !== 0) b = (b + 1) & mask;
      table[b] = id + 1;
    }
    this.table = table;
    this.mask = mask;
    this.shift = shift;
  }
}
