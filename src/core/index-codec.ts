/**
 * Persisting a ReferenceIndex: encodeIndex(index) → bytes, decodeIndex(bytes) → an index that behaves
 * exactly like the one encoded (same documents and document numbers, term ids, postings, df,
 * boilerplate-line counts). Pure: no I/O; src/node/cache.ts stores the bytes.
 *
 * Layout (little-endian):
 *   header, 40 bytes: magic "CPDKIDX\0", format version u32, engine signature u32 (tokeniser,
 *   normaliser, stemmer, stop words, n-gram size: a change in any of them invalidates old files),
 *   payload length u32 ×2 (lo, hi), payload checksum u32, header checksum u32 (of bytes 0..32),
 *   reserved u32 ×2;
 *   payload: u32 directory offset and length, every typed array at an 8-aligned offset, then the JSON
 *   directory (documents' metadata, segment list, array table, and the caller's `extra` value).
 * Decoding checks magic, version, signature, lengths and both checksums before trusting anything,
 * and throws CodecError otherwise. Arrays are views into the given bytes (no copy); document texts
 * are decoded from UTF-8 on first use.
 */
import { proseView } from './prose';
import { HEAVY_NGRAM, LineCounts, ReferenceIndex, SEED_N, Segment, Terms, type DocTokens, type IndexedDoc, type LineRange } from './reference-index';
import { isStopWord } from './stopwords';
import { normalizeWord, stemWord, tokenize } from './text';
import type { ReferenceMeta } from './types';

export const INDEX_MAGIC = 'CPDKIDX\0';
export const INDEX_FORMAT_VERSION = 1;
const HEADER_BYTES = 40;

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
  // references are matched through the prose view (ReferenceDoc.matchText)
  parts.push('match-view', proseView('See [the plan](https://port.example/plan) <b>now</b> <!-- x -->.', 'markdown'), proseView('At www.port.example/a today.', 'plaintext'));
  signature = checksumString(parts.join('|'));
  return signature;
}

function checksumString(s: string): number {
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
  let h = h1 ^ Math.imul(h2, 0x27d4eb2f);
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

type ArrayKind = 'u8' | 'u32';
interface ArrayEntry {
  name: string;
  kind: ArrayKind;
  /** byte offset from the start of the payload */
  offset: number;
  length: number;
}

interface DocEntry {
  id: string;
  path: string;
  meta: ReferenceMeta;
  deleted: boolean;
  /** token count, line count, UTF-8 byte length of the text, and the text's UTF-16 length */
  tokens: number;
  lines: number;
  textBytes: number;
  textLength: number;
  /** any other fields of the reference document (JSON-serialisable), kept as they were */
  rest?: Record<string, unknown>;
}

interface Directory {
  format: number;
  docs: DocEntry[];
  segments: number[];
  terms: number;
  stems: number;
  deletedWords: number;
  /** slots in use in the boilerplate-line table */
  lineSlots?: number;
  arrays: ArrayEntry[];
  extra?: unknown;
}

const utf8 = new TextEncoder();
const KNOWN_DOC_FIELDS = new Set(['id', 'path', 'meta', 'text', 'tokens', 'lines', 'deleted']);

/**
 * The bytes of an index. `extra` (any JSON value) is stored alongside: src/node/cache.ts keeps its
 * file manifest there.
 */
export function encodeIndex(index: ReferenceIndex, extra?: unknown): Uint8Array {
  const arrays: { name: string; data: Uint8Array | Uint32Array }[] = [];
  const put = (name: string, data: Uint8Array | Uint32Array) => arrays.push({ name, data });

  const terms = index.terms;
  terms.stemAll();
  put('termWords', utf8.encode(terms.words.join('\n')));
  put('stems', utf8.encode(terms.stems.join('\n')));
  put('stemOf', Uint32Array.from(terms.stemOf));
  put('stop', Uint8Array.from(terms.stop, (b) => (b ? 1 : 0)));
  put('df', Uint32Array.from(terms.df, (x) => Math.max(0, x)));

  const docs: DocEntry[] = [];
  let tokenTotal = 0;
  let lineTotal = 0;
  for (const d of index.docs) {
    if (!d.deleted) {
      tokenTotal += d.tokens.terms.length;
      lineTotal += d.lines.length;
    }
  }
  const starts = new Uint32Array(tokenTotal);
  const ends = new Uint32Array(tokenTotal);
  const ids = new Uint32Array(tokenTotal);
  const lines = new Uint32Array(lineTotal * 3);
  const texts: Uint8Array[] = [];
  let tok = 0;
  let ln = 0;
  let textBytes = 0;
  for (const d of index.docs) {
    const rest: Record<string, unknown> = {};
    for (const k of Object.keys(d)) if (!KNOWN_DOC_FIELDS.has(k)) rest[k] = (d as unknown as Record<string, unknown>)[k];
    const entry: DocEntry = { id: d.id, path: d.path, meta: d.meta, deleted: d.deleted, tokens: 0, lines: 0, textBytes: 0, textLength: 0 };
    if (Object.keys(rest).length) entry.rest = rest;
    if (!d.deleted) {
      const t = d.tokens;
      starts.set(t.starts, tok);
      ends.set(t.ends, tok);
      ids.set(t.terms, tok);
      tok += t.terms.length;
      for (const l of d.lines) {
        lines[ln++] = l.from;
        lines[ln++] = l.to;
        lines[ln++] = l.hash;
      }
      const bytes = utf8.encode(d.text);
      texts.push(bytes);
      textBytes += bytes.length;
      entry.tokens = t.terms.length;
      entry.lines = d.lines.length;
      entry.textBytes = bytes.length;
      entry.textLength = d.text.length;
    }
    docs.push(entry);
  }
  put('tokStarts', starts);
  put('tokEnds', ends);
  put('tokTerms', ids);
  put('lines', lines);
  const allText = new Uint8Array(textBytes);
  let tb = 0;
  for (const b of texts) {
    allText.set(b, tb);
    tb += b.length;
  }
  put('texts', allText);

  const segDocs: number[] = [];
  index.segments.forEach((s, k) => {
    segDocs.push(s.docIds.length);
    put(`seg${k}.docIds`, Uint32Array.from(s.docIds));
    put(`seg${k}.offsets`, s.offsets);
    put(`seg${k}.postDoc`, s.postDoc);
    put(`seg${k}.postPos`, s.postPos);
    put(`seg${k}.heavy`, s.heavy);
  });

  const lt = index.lineTable();
  put('lineKeys', lt.keys);
  put('lineCounts', new Uint32Array(lt.counts.buffer, lt.counts.byteOffset, lt.counts.length));
  put('lineUsed', lt.used);

  // payload: [u32 directory offset, u32 directory length] [arrays, 8-aligned] [JSON directory]
  const table: ArrayEntry[] = [];
  let off = 8;
  for (const a of arrays) {
    table.push({ name: a.name, kind: a.data instanceof Uint32Array ? 'u32' : 'u8', offset: off, length: a.data.length });
    off = align8(off + a.data.byteLength);
  }
  const dir: Directory = {
    format: INDEX_FORMAT_VERSION,
    docs,
    segments: segDocs,
    terms: terms.words.length,
    stems: terms.stems.length,
    deletedWords: index.tombstonedWords,
    lineSlots: index.lineTable().size,
    arrays: table,
    extra,
  };
  const json = utf8.encode(JSON.stringify(dir));
  const dirOffset = off;
  const payloadLength = align8(dirOffset + json.length);
  const out = new Uint8Array(HEADER_BYTES + payloadLength);
  const view = new DataView(out.buffer);
  const payload = out.subarray(HEADER_BYTES);
  view.setUint32(HEADER_BYTES, dirOffset, true);
  view.setUint32(HEADER_BYTES + 4, json.length, true);
  arrays.forEach((a, i) => payload.set(new Uint8Array(a.data.buffer, a.data.byteOffset, a.data.byteLength), table[i]!.offset));
  payload.set(json, dirOffset);
  for (let i = 0; i < 8; i++) out[i] = INDEX_MAGIC.charCodeAt(i);
  view.setUint32(8, INDEX_FORMAT_VERSION, true);
  view.setUint32(12, engineSignature(), true);
  view.setUint32(16, payloadLength >>> 0, true);
  view.setUint32(20, Math.floor(payloadLength / 2 ** 32), true);
  view.setUint32(24, checksum32(new Uint32Array(out.buffer, HEADER_BYTES, payloadLength / 4)), true);
  view.setUint32(28, checksum32(new Uint32Array(out.buffer, 0, 7)), true);
  return out;
}

function align8(n: number): number {
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

export interface DecodedIndex {
  index: ReferenceIndex;
  extra: unknown;
}

/** Decode bytes made by encodeIndex. Throws CodecError for anything not exactly such bytes. */
export function decodeIndex(input: Uint8Array): DecodedIndex {
  const header = readHeader(input);
  if (header.version !== INDEX_FORMAT_VERSION) {
    throw new CodecError(`format version ${header.version}, this Copydesk reads version ${INDEX_FORMAT_VERSION}`);
  }
  if (header.signature !== engineSignature()) throw new CodecError('made by a different tokeniser/normaliser version');
  if (header.payloadLength % 8 !== 0) throw new CodecError('corrupt header (payload length)');
  if (input.length !== HEADER_BYTES + header.payloadLength) {
    throw new CodecError(`truncated or padded: ${input.length} bytes, header says ${HEADER_BYTES + header.payloadLength}`);
  }
  // typed-array views need 4-byte alignment
  const bytes = input.byteOffset % 8 === 0 ? input : input.slice();
  const words = new Uint32Array(bytes.buffer, bytes.byteOffset + HEADER_BYTES, header.payloadLength / 4);
  const stored = new DataView(bytes.buffer, bytes.byteOffset).getUint32(24, true);
  if (checksum32(words) !== stored) throw new CodecError('corrupt payload (checksum mismatch)');

  const payload = bytes.subarray(HEADER_BYTES);
  const dirOffset = words[0]!;
  const dirLength = words[1]!;
  if (dirOffset < 8 || dirOffset + dirLength > payload.length) throw new CodecError('corrupt directory position');
  let dir: Directory;
  try {
    dir = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(payload.subarray(dirOffset, dirOffset + dirLength))) as Directory;
  } catch (e) {
    throw new CodecError(`corrupt directory: ${(e as Error).message}`);
  }
  if (dir.format !== INDEX_FORMAT_VERSION || !Array.isArray(dir.docs) || !Array.isArray(dir.arrays)) throw new CodecError('corrupt directory');

  const byName = new Map<string, Uint8Array | Uint32Array>();
  for (const a of dir.arrays) {
    const size = a.kind === 'u32' ? 4 : 1;
    if (a.offset % 8 !== 0 || a.offset < 8 || a.offset + a.length * size > dirOffset) {
      throw new CodecError(`corrupt array table (${a.name})`);
    }
    byName.set(
      a.name,
      a.kind === 'u32'
        ? new Uint32Array(payload.buffer, payload.byteOffset + a.offset, a.length)
        : new Uint8Array(payload.buffer, payload.byteOffset + a.offset, a.length),
    );
  }
  const get = <T extends Uint8Array | Uint32Array>(name: string, kind: ArrayKind): T => {
    const a = byName.get(name);
    if (!a || (kind === 'u32') !== a instanceof Uint32Array) throw new CodecError(`missing array ${name}`);
    return a as T;
  };

  const decoder = new TextDecoder();
  const splitWords = (b: Uint8Array, n: number): string[] => {
    if (n === 0) return [];
    const out = decoder.decode(b).split('\n');
    if (out.length !== n) throw new CodecError('corrupt word list');
    return out;
  };
  const words_ = splitWords(get<Uint8Array>('termWords', 'u8'), dir.terms);
  const stems = splitWords(get<Uint8Array>('stems', 'u8'), dir.stems);
  const stemOf = get<Uint32Array>('stemOf', 'u32');
  const stop = get<Uint8Array>('stop', 'u8');
  const df = get<Uint32Array>('df', 'u32');
  if (stemOf.length !== dir.terms || stop.length !== dir.terms || df.length !== dir.terms) throw new CodecError('corrupt term arrays');
  const terms = Terms.restore({ words: words_, stems, stemOf, stop, df });

  const starts = get<Uint32Array>('tokStarts', 'u32');
  const ends = get<Uint32Array>('tokEnds', 'u32');
  const ids = get<Uint32Array>('tokTerms', 'u32');
  const lines = get<Uint32Array>('lines', 'u32');
  const texts = get<Uint8Array>('texts', 'u8');
  const termCount: number = dir.terms;
  for (let i = 0; i < ids.length; i++) if (ids[i]! >= termCount) throw new CodecError('corrupt token array (term id out of range)');
  const docs: IndexedDoc[] = [];
  let tok = 0;
  let ln = 0;
  let tb = 0;
  for (const e of dir.docs) {
    if (tok + e.tokens > ids.length || ln + e.lines * 3 > lines.length || tb + e.textBytes > texts.length) throw new CodecError('corrupt document table');
    const tokens: DocTokens = {
      starts: starts.subarray(tok, tok + e.tokens),
      ends: ends.subarray(tok, tok + e.tokens),
      terms: ids.subarray(tok, tok + e.tokens),
    };
    tok += e.tokens;
    docs.push(storedDoc(e, tokens, lines.subarray(ln, ln + e.lines * 3), texts.subarray(tb, tb + e.textBytes)));
    ln += e.lines * 3;
    tb += e.textBytes;
  }

  const segments: Segment[] = [];
  for (let k = 0; k < dir.segments.length; k++) {
    const docIds = Array.from(get<Uint32Array>(`seg${k}.docIds`, 'u32'));
    const offsets = get<Uint32Array>(`seg${k}.offsets`, 'u32');
    const postDoc = get<Uint32Array>(`seg${k}.postDoc`, 'u32');
    const postPos = get<Uint32Array>(`seg${k}.postPos`, 'u32');
    const heavy = get<Uint32Array>(`seg${k}.heavy`, 'u32');
    const size = offsets.length - 1;
    if (size < 1 || (size & (size - 1)) !== 0 || offsets[size] !== postDoc.length || postPos.length !== postDoc.length) {
      throw new CodecError(`corrupt segment ${k}`);
    }
    for (const id of docIds) if (id >= docs.length) throw new CodecError(`corrupt segment ${k} (document number)`);
    segments.push(new Segment(docIds, offsets, postDoc, postPos, heavy));
  }
  const lineKeys = get<Uint32Array>('lineKeys', 'u32');
  const lineCounts = get<Uint32Array>('lineCounts', 'u32');
  const lineUsed = get<Uint8Array>('lineUsed', 'u8');
  const ls = lineKeys.length;
  if (ls < 1 || (ls & (ls - 1)) !== 0 || lineCounts.length !== ls || lineUsed.length !== ls) throw new CodecError('corrupt line table');
  // the table is updated in place by later add/remove: copy it out of the (shared) file buffer
  const lineDocs = new LineCounts(ls, lineKeys.slice(), new Int32Array(lineCounts.buffer.slice(lineCounts.byteOffset, lineCounts.byteOffset + lineCounts.byteLength)), lineUsed.slice(), typeof dir.lineSlots === 'number' && dir.lineSlots <= ls ? dir.lineSlots : undefined);
  const index = ReferenceIndex.restore({ terms, docs, segments, lineDocs, deletedWords: dir.deletedWords });
  return { index, extra: dir.extra };
}

/**
 * A document restored from bytes: token arrays are views; the text is decoded from UTF-8 and the
 * boilerplate lines materialised on first use. `text` and `lines` are own enumerable accessors, so
 * spreading or serialising the document sees them like plain fields.
 */
function storedDoc(e: DocEntry, tokens: DocTokens, packedLines: Uint32Array, textBytes: Uint8Array): IndexedDoc {
  const base = { id: e.id, path: e.path, meta: e.meta ?? {}, deleted: e.deleted, tokens };
  const d = (e.rest ? { ...e.rest, ...base } : base) as IndexedDoc;
  // one shared pair of accessors for every document (no closures per document, shared shapes)
  Object.defineProperty(d, STATE, { enumerable: false, writable: true, value: new StoredState(e.textBytes === 0 ? '' : undefined, textBytes, packedLines) });
  Object.defineProperty(d, 'text', TEXT_ACCESSOR);
  Object.defineProperty(d, 'lines', LINES_ACCESSOR);
  return d;
}

const STATE = Symbol('stored');

class StoredState {
  constructor(
    public text: string | undefined,
    public bytes: Uint8Array | undefined,
    public packed: Uint32Array | undefined,
    public lines: LineRange[] | undefined = undefined,
  ) {}
}

type WithState = { [STATE]: StoredState };

const TEXT_ACCESSOR: PropertyDescriptor = {
  enumerable: true,
  configurable: true,
  get(this: WithState): string {
    const s = this[STATE];
    if (s.text === undefined) {
      s.text = new TextDecoder().decode(s.bytes);
      s.bytes = undefined;
    }
    return s.text;
  },
  set(this: WithState, v: string) {
    const s = this[STATE];
    s.text = v;
    s.bytes = undefined;
  },
};

const LINES_ACCESSOR: PropertyDescriptor = {
  enumerable: true,
  configurable: true,
  get(this: WithState): LineRange[] {
    const s = this[STATE];
    if (s.lines === undefined) {
      const p = s.packed!;
      const out: LineRange[] = [];
      for (let i = 0; i + 2 < p.length; i += 3) out.push({ from: p[i]!, to: p[i + 1]!, hash: p[i + 2]! });
      s.lines = out;
      s.packed = undefined;
    }
    return s.lines;
  },
  set(this: WithState, v: LineRange[]) {
    const s = this[STATE];
    s.lines = v;
    s.packed = undefined;
  },
};
