/**
 * The payload of a persisted index read page by page: the ByteSource it is read through (src/node
 * supplies one over a file) and `Paged`, which makes byte ranges present and verified on first use.
 */
import { CodecError, HEADER_BYTES, PAGE_BYTES, pageChecksum } from './index-format';

/**
 * Positioned reads of a persisted index: src/node supplies one over a file descriptor
 * (core does no I/O itself).
 */
export interface ByteSource {
  /** total size in bytes */
  readonly size: number;
  /** fill `into` with the bytes at [offset, offset + into.length), or throw */
  read(offset: number, into: Uint8Array): void;
  /** called once every page has been loaded: the source is not read again */
  close?(): void;
}

/** A ByteSource over bytes in memory. */
export function bytesSource(bytes: Uint8Array): ByteSource {
  return { size: bytes.length, read: (offset, into) => into.set(bytes.subarray(offset, offset + into.length)) };
}

/** after this many documents' term ids (or lines) read one by one, the rest of that array is read in one go */
export const BULK_AFTER = 256;

/** ensureMany: missing pages this close (or closer) are read in one run with those between */
export const GAP_PAGES = 1;

/** pages read in one go at most (8 MiB) */
export const MAX_RUN_PAGES = 2048;

/**
 * The payload, page by page: `ensure(from, to)` makes bytes [from, to) present and verified (reading
 * missing pages from the source, contiguous ones in one read). Without a source the bytes are
 * present already and only verified.
 */
export class Paged {
  readonly length: number;
  private readonly words: Uint32Array;
  private readonly loaded: Uint8Array;
  private missing: number;

  constructor(
    readonly bytes: Uint8Array,
    private readonly sums: Uint32Array,
    private src: ByteSource | undefined,
    private readonly onCorrupt: ((message: string) => void) | undefined,
  ) {
    this.length = bytes.length;
    this.words = new Uint32Array(bytes.buffer, bytes.byteOffset, bytes.length / 4);
    this.loaded = new Uint8Array(sums.length);
    this.missing = sums.length;
  }

  get complete(): boolean {
    return this.missing === 0;
  }

  ensure(from: number, to: number): void {
    if (to <= from) return;
    if (from < 0 || to > this.length) throw new CodecError('corrupt index (a range past the payload)');
    let k = Math.floor(from / PAGE_BYTES);
    const last = Math.floor((to - 1) / PAGE_BYTES);
    const loaded = this.loaded;
    while (k <= last && loaded[k] === 1) k++;
    if (k <= last) this.load(k, last);
  }

  /**
   * ensure() for many ranges at once (`ranges`: [from, to) pairs in ascending `from` order): pages
   * missing within GAP_PAGES of each other are read as one run (a few unneeded pages read and
   * verified instead of a read call per range).
   */
  ensureMany(ranges: ArrayLike<number>): void {
    const loaded = this.loaded;
    let spanFirst = -1;
    let spanLast = -1;
    for (let r = 0; r + 1 < ranges.length; r += 2) {
      const from = ranges[r]!;
      const to = ranges[r + 1]!;
      if (to <= from) continue;
      if (from < 0 || to > this.length) throw new CodecError('corrupt index (a range past the payload)');
      let k = Math.floor(from / PAGE_BYTES);
      const last = Math.floor((to - 1) / PAGE_BYTES);
      while (k <= last && loaded[k] === 1) k++;
      if (k > last) continue;
      if (spanFirst >= 0 && k <= spanLast + 1 + GAP_PAGES) {
        if (last > spanLast) spanLast = last;
        continue;
      }
      if (spanFirst >= 0) this.load(spanFirst, spanLast);
      spanFirst = k;
      spanLast = last;
    }
    if (spanFirst >= 0) this.load(spanFirst, spanLast);
  }

  ensureAll(): void {
    if (this.missing > 0) this.load(0, this.sums.length - 1);
  }

  private fail(message: string): never {
    this.onCorrupt?.(message);
    throw new CodecError(message);
  }

  private load(first: number, last: number): void {
    const loaded = this.loaded;
    for (let k = first; k <= last; ) {
      if (loaded[k] === 1) {
        k++;
        continue;
      }
      let end = k;
      while (end < last && loaded[end + 1] === 0 && end - k + 1 < MAX_RUN_PAGES) end++;
      const from = k * PAGE_BYTES;
      const to = Math.min((end + 1) * PAGE_BYTES, this.length);
      if (this.src) {
        try {
          this.src.read(HEADER_BYTES + from, this.bytes.subarray(from, to));
        } catch (e) {
          this.fail(`index file unreadable at ${HEADER_BYTES + from}: ${(e as Error).message}`);
        }
      }
      for (let p = k; p <= end; p++) {
        if (pageChecksum(this.words, p) !== this.sums[p]) this.fail(`corrupt index file (page ${p} of ${this.sums.length}: checksum mismatch)`);
        loaded[p] = 1;
        this.missing--;
      }
      k = end + 1;
    }
    if (this.missing === 0 && this.src) {
      const src = this.src;
      this.src = undefined;
      src.close?.();
    }
  }
}

