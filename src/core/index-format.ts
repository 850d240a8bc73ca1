/**
 * The persisted index's frame (index-codec.ts has the layout): magic, format version, the engine
 * signature, the header and its checks, and the checksums of the page table and of every page.
 */
import { proseView } from './prose';
import { HEAVY_NGRAM, SEED_N } from './reference-index';
import { isStopWord } from './stopwords';
import { normalizeWord, stemWord, tokenize } from './text';

export const INDEX_MAGIC = 'CPDKIDX\0';
export const INDEX_FORMAT_VERSION = 3;
export const HEADER_BYTES = 40;
/** verification (and lazy loading) unit of the payload */
export const PAGE_BYTES = 4096;

export class CodecError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CodecError';
  }
}

/**
 * A signature of everything that decides what the index holds for a given text: the word
 * tokeniser and normaliser, the stemmer, the stop-word list and the n-gram size. Computed by running
 * them on fixed probes, so a change of behaviour anywhere invalidates persisted indexes.
 */
let signature: number | undefined;
export function engineSignature(): number {
  if (signature !== undefined) return signature;
  const probe =
    "The Prime Minister's aides didn't say; O’Brien paid £1,250.50 on 3.5% — naïve Zoë, ŁÓDŹ Straße café. " +
    'Running runners ran quickly, organisations organised; generously, happily, nationalities.';
  const parts: string[] = [String(SEED_N), String(INDEX_FORMAT_VERSION), String(HEAVY_NGRAM)];
  for (const t of tokenize(probe)) parts.push(`${t.start}:${t.end}:${t.norm}:${stemWord(t.norm)}:${isStopWord(t.norm) ? 1 : 0}`);
  for (const w of ['the', 'of', 'said', 'would', 'according', 'however', 'told', 'percent', 'mr']) parts.push(isStopWord(w) ? '1' : '0');
  parts.push(normalizeWord("ABC's"));
  parts.push(normalizeWord('1,'.repeat(40) + '1')); // a number too long to lose its separators
  // references are matched through the prose view (ReferenceDoc.matchText)
  parts.push('match-view', proseView('See [the plan](https://port.example/plan) <b>now</b> <!-- x -->.', 'markdown'), proseView('At www.port.example/a today.', 'plaintext'));
  signature = checksumString(parts.join('|'));
  return signature;
}

export function checksumString(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

/** 32-bit checksum of a Uint32Array range (two multiplicative lanes, then a final mix). */
export function checksum32(words: Uint32Array, from = 0, to = words.length): number {
  let h1 = 0x9e3779b1 ^ (to - from);
  let h2 = 0x85ebca77;
  let i = from;
  for (; i + 1 < to; i += 2) {
    h1 = Math.imul(h1 ^ words[i]!, 0xcc9e2d51);
    h1 = (h1 << 13) | (h1 >>> 19);
    h2 = Math.imul(h2 ^ words[i + 1]!, 0x1b873593);
    h2 = (h2 << 15) | (h2 >>> 17);
  }
  if (i < to) h1 = Math.imul(h1 ^ words[i]!, 0xcc9e2d51);
  return finalMix(h1 ^ Math.imul(h2, 0x27d4eb2f));
}

/** the 32-bit finaliser of both checksums (murmur3's fmix32) */
export function finalMix(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

export function pageCount(payloadLength: number): number {
  return Math.ceil(payloadLength / PAGE_BYTES);
}

/** checksum of payload page k (`words`: the whole payload as u32) */
export function pageChecksum(words: Uint32Array, k: number): number {
  const from = k * (PAGE_BYTES / 4);
  const to = Math.min(from + PAGE_BYTES / 4, words.length);
  // checksum32 with four independent lanes (twice as fast: every loaded page goes through it)
  let h1 = 0x9e3779b1 ^ (to - from);
  let h2 = 0x85ebca77;
  let h3 = 0xc2b2ae3d;
  let h4 = 0x27d4eb2f;
  let i = from;
  for (; i + 3 < to; i += 4) {
    h1 = Math.imul(h1 ^ words[i]!, 0xcc9e2d51);
    h1 = (h1 << 13) | (h1 >>> 19);
    h2 = Math.imul(h2 ^ words[i + 1]!, 0x1b873593);
    h2 = (h2 << 15) | (h2 >>> 17);
    h3 = Math.imul(h3 ^ words[i + 2]!, 0xcc9e2d51);
    h3 = (h3 << 17) | (h3 >>> 15);
    h4 = Math.imul(h4 ^ words[i + 3]!, 0x1b873593);
    h4 = (h4 << 19) | (h4 >>> 13);
  }
  for (; i < to; i++) h1 = Math.imul(h1 ^ words[i]!, 0xcc9e2d51);
  return finalMix(h1 ^ Math.imul(h2, 0x27d4eb2f) ^ Math.imul(h3, 0x165667b1) ^ Math.imul(h4, 0x85ebca6b));
}

export function align8(n: number): number {
  return (n + 7) & ~7;
}

/** What a header says, without decoding the rest (for a quick staleness check). */
export interface IndexHeader {
  version: number;
  signature: number;
  payloadLength: number;
}

export function readHeader(bytes: Uint8Array): IndexHeader {
  if (bytes.length < HEADER_BYTES) throw new CodecError(`truncated: ${bytes.length} bytes, no complete header`);
  for (let i = 0; i < 8; i++) if (bytes[i] !== INDEX_MAGIC.charCodeAt(i)) throw new CodecError('not a Copydesk index (bad magic)');
  const view = new DataView(bytes.buffer, bytes.byteOffset, HEADER_BYTES);
  const aligned = bytes.byteOffset % 4 === 0 ? bytes : bytes.slice(0, HEADER_BYTES);
  const hw = new Uint32Array(aligned.buffer, aligned.byteOffset, 7);
  if (checksum32(hw) !== view.getUint32(28, true)) throw new CodecError('corrupt header (checksum mismatch)');
  const version = view.getUint32(8, true);
  const sig = view.getUint32(12, true);
  const payloadLength = view.getUint32(16, true) + view.getUint32(20, true) * 2 ** 32;
  return { version, signature: sig, payloadLength };
}

export interface CheckedHeader extends IndexHeader {
  pages: number;
  tableChecksum: number;
}

export function checkedHeader(head: Uint8Array, size: number): CheckedHeader {
  const header = readHeader(head);
  if (header.version !== INDEX_FORMAT_VERSION) {
    throw new CodecError(`format version ${header.version}, this Copydesk reads version ${INDEX_FORMAT_VERSION}`);
  }
  if (header.signature !== engineSignature()) throw new CodecError('made by a different tokeniser/normaliser version');
  const view = new DataView(head.buffer, head.byteOffset, HEADER_BYTES);
  if (header.payloadLength % 8 !== 0 || header.payloadLength >= 2 ** 32 || view.getUint32(32, true) !== PAGE_BYTES) throw new CodecError('corrupt header (payload length or page size)');
  const pages = pageCount(header.payloadLength);
  const expected = HEADER_BYTES + header.payloadLength + pages * 4;
  if (size !== expected) throw new CodecError(`truncated or padded: ${size} bytes, header says ${expected}`);
  return { ...header, pages, tableChecksum: view.getUint32(24, true) };
}

export function pageTable(table: Uint8Array, header: CheckedHeader): Uint32Array {
  const t = table.byteOffset % 4 === 0 ? table : table.slice();
  const sums = new Uint32Array(t.buffer, t.byteOffset, header.pages);
  if (checksum32(sums) !== header.tableChecksum) throw new CodecError('corrupt page table (checksum mismatch)');
  return sums;
}

