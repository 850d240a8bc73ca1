/**
 * Persisting a ReferenceIndex: encodeIndex(index) → bytes, decodeIndex(bytes) → an index that behaves
 * exactly like the one encoded (same documents and document numbers, term ids, postings, df,
 * boilerplate-line counts). Pure: no I/O; src/node/cache.ts stores the bytes.
 *
 * Layout (little-endian), format 2:
 *   header, 40 bytes: magic "CPDKIDX\0", format version u32, engine signature u32 (tokeniser,
 *   normaliser, stemmer, stop words, n-gram size: a change in any of them invalidates old files),
 *   payload length u32 ×2 (lo, hi), page-table checksum u32, header checksum u32 (of bytes 0..28),
 *   page size u32, reserved u32;
 *   payload: u32 directory offset and length, every typed array at an 8-aligned offset, then the JSON
 *   directory (documents' metadata, segment list, array table, and the caller's `extra` value);
 *   page table: a checksum of every PAGE_BYTES page of the payload (u32 each).
 * Decoding checks magic, version, signature, lengths and the page table's checksum before trusting
 * anything, and every page's checksum before using its bytes; it throws CodecError otherwise.
 * decodeIndex(bytes) verifies every page at once. openIndexSource(source) reads through positioned
 * reads and loads only what is used: the header, page table, directory, term dictionary and
 * boilerplate-line table at once; each document's tokens, lines and text, and each posting-table
 * bucket, on first use (page by page, verified as read); the aligner's seed look-ups read ahead
 * (ReferenceIndex.prefetchNgrams: every bucket, then the term-id page of every posting, in file order with
 * nearby pages read together). Arrays are views into one payload buffer
 * (no copy); document texts are decoded from UTF-8 on first use.
 * Reference analyses computed here are stored too and read on first use: the name lexicon
 * (names/persist.ts) and each document's record of sentences, attributions and quotes
 * (reference-analyses.ts; arrays `refAnalyses` and `refAnalysisAt`, one record per document).
 */
import { decodeNames, encodeNames, lexiconProbe } from './names/persist';
import { analysesProbe, attachStoredAnalyses, decodeReferenceAnalysis, decodeSentences, encodeReferenceAnalyses, REFERENCE_ANALYSES_VERSION, storedRecord } from './reference-analyses';
import { LineCounts, ReferenceIndex, SEED_N, Segment, Terms, type DocTokens, type IndexedDoc, type LazyTerms, type LineRange } from './reference-index';
import type { ReferenceMeta } from './types';
import { align8, checkedHeader, checksum32, CodecError, engineSignature, HEADER_BYTES, INDEX_FORMAT_VERSION, INDEX_MAGIC, PAGE_BYTES, pageChecksum, pageCount, pageTable } from './index-format';
import { BULK_AFTER, Paged, type ByteSource } from './index-pages';

export { checksum32, CodecError, engineSignature, INDEX_FORMAT_VERSION, INDEX_MAGIC, PAGE_BYTES, readHeader, type IndexHeader } from './index-format';
export { bytesSource, type ByteSource } from './index-pages';

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
  /** UTF-8 byte length of the document's matchText (ReferenceDoc.matchText), when it has one */
  matchBytes?: number;
  /** any other fields of the reference document (JSON-serialisable), kept as they were */
  rest?: Record<string, unknown>;
}

interface Directory {
  format: number;
  /** documents: their numbers in `docNums`, strings in `docStrings`, metadata in `docMeta` (see encodeDocs) */
  docCount: number;
  segments: number[];
  terms: number;
  stems: number;
  deletedWords: number;
  /** slots in use in the boilerplate-line table */
  lineSlots?: number;
  arrays: ArrayEntry[];
  extra?: unknown;
  /** the persisted name lexicon (arrays `names`, `namesText`, `namesStrAt`, `namesSources`, `namesNeighbours`, `namesLower`): what it was computed from (names/persist.ts) */
  names?: { signature: string; probe: number };
  /** the persisted reference analyses (arrays `refAnalyses`, `refAnalysisAt`): format and code probe (reference-analyses.ts) */
  references?: { version: number; probe: number };
}

const utf8 = new TextEncoder();
const KNOWN_DOC_FIELDS = new Set(['id', 'path', 'meta', 'text', 'matchText', 'tokens', 'lines', 'deleted']);

/**
 * The bytes of an index. `extra` (any JSON value) is stored alongside, in the directory (parsed at
 * every open), and `attachments` (named bytes) as arrays of their own, read (and their pages verified)
 * only when DecodedIndex.attachment asks for them: src/node/cache.ts keeps the head of its file
 * manifest in `extra` and the per-file table, needed only to check the files' freshness, attached.
 */
export function encodeIndex(index: ReferenceIndex, extra?: unknown, attachments?: Record<string, Uint8Array>): Uint8Array {
  index.materialize();
  const arrays: { name: string; data: Uint8Array | Uint32Array }[] = [];
  const put = (name: string, data: Uint8Array | Uint32Array) => arrays.push({ name, data });

  const terms = index.terms;
  terms.stemAll();
  put('termWords', utf8.encode(terms.words.join('\n')));
  put('stems', utf8.encode(terms.stems.join('\n')));
  put('stemOf', Uint32Array.from(terms.stemOf));
  put('stop', Uint8Array.from(terms.stop, (b) => (b ? 1 : 0)));
  put('df', Uint32Array.from(terms.df, (x) => Math.max(0, x)));
  // the word → id hash table as it is, so that opening does not rebuild it
  const wordTable = terms.table();
  put('termHashes', Uint32Array.from(wordTable.hashes));
  put('termSlots', new Uint32Array(wordTable.slots.buffer, wordTable.slots.byteOffset, wordTable.slots.length));

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
  const matchTexts: Uint8Array[] = [];
  let matchBytes = 0;
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
      // a full copy of the text in most marked-up documents: stored beside the texts, not in the directory
      if (typeof d.matchText === 'string') {
        const m = utf8.encode(d.matchText);
        matchTexts.push(m);
        matchBytes += m.length;
        entry.matchBytes = m.length;
      }
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
  const allMatch = new Uint8Array(matchBytes);
  tb = 0;
  for (const b of matchTexts) {
    allMatch.set(b, tb);
    tb += b.length;
  }
  put('matchTexts', allMatch);

  // reference analyses computed once, here, and read on first use: the name lexicon
  const names = encodeNames(index);
  put('namesText', names.text);
  put('namesStrAt', names.strAt);
  put('names', names.rows);
  put('namesSources', names.sources);
  put('namesNeighbours', names.neighbours);
  put('namesLower', names.lower);
  // and each document's analysis (sentences, attributions, quotes): read from the file this index was
  // opened from where it holds them, else computed now
  const refs = encodeReferenceAnalyses(index, (num) => storedRecord(index, num));
  put('refAnalyses', refs.bytes);
  put('refAnalysisAt', refs.at);

  const segDocs: number[] = [];
  index.segments.forEach((s, k) => {
    segDocs.push(s.docIds.length);
    put(`seg${k}.docIds`, Uint32Array.from(s.docIds));
    put(`seg${k}.offsets`, s.offsets);
    put(`seg${k}.postDoc`, s.postDoc);
    put(`seg${k}.postPos`, s.postPos);
    put(`seg${k}.heavy`, s.heavy);
  });

  for (const [name, bytes] of Object.entries(attachments ?? {})) put(`${ATTACHMENT}${name}`, bytes);

  const lt = index.lineTable();
  put('lineKeys', lt.keys);
  put('lineCounts', new Uint32Array(lt.counts.buffer, lt.counts.byteOffset, lt.counts.length));
  put('lineUsed', lt.used);

  // payload: [u32 directory offset, u32 directory length] [arrays, 8-aligned] [JSON directory]
  const table: ArrayEntry[] = [];
  encodeDocs(docs, put);
  let off = 8;
  for (const a of arrays) {
    table.push({ name: a.name, kind: a.data instanceof Uint32Array ? 'u32' : 'u8', offset: off, length: a.data.length });
    off = align8(off + a.data.byteLength);
  }
  const dir: Directory = {
    format: INDEX_FORMAT_VERSION,
    docCount: docs.length,
    segments: segDocs,
    terms: terms.words.length,
    stems: terms.stems.length,
    deletedWords: index.tombstonedWords,
    lineSlots: index.lineTable().size,
    arrays: table,
    extra,
    names: { signature: names.signature, probe: names.probe },
    references: { version: refs.version, probe: refs.probe },
  };
  const json = utf8.encode(JSON.stringify(dir));
  const dirOffset = off;
  const payloadLength = align8(dirOffset + json.length);
  const out = new Uint8Array(HEADER_BYTES + payloadLength + pageCount(payloadLength) * 4);
  const view = new DataView(out.buffer);
  const payload = out.subarray(HEADER_BYTES);
  view.setUint32(HEADER_BYTES, dirOffset, true);
  view.setUint32(HEADER_BYTES + 4, json.length, true);
  arrays.forEach((a, i) => payload.set(new Uint8Array(a.data.buffer, a.data.byteOffset, a.data.byteLength), table[i]!.offset));
  payload.set(json, dirOffset);
  const pages = pageCount(payloadLength);
  const words = new Uint32Array(out.buffer, HEADER_BYTES, payloadLength / 4);
  const sums = new Uint32Array(out.buffer, HEADER_BYTES + payloadLength, pages);
  for (let k = 0; k < pages; k++) sums[k] = pageChecksum(words, k);
  for (let i = 0; i < 8; i++) out[i] = INDEX_MAGIC.charCodeAt(i);
  view.setUint32(8, INDEX_FORMAT_VERSION, true);
  view.setUint32(12, engineSignature(), true);
  view.setUint32(16, payloadLength >>> 0, true);
  view.setUint32(20, Math.floor(payloadLength / 2 ** 32), true);
  view.setUint32(24, checksum32(sums), true);
  view.setUint32(28, checksum32(new Uint32Array(out.buffer, 0, 7)), true);
  view.setUint32(32, PAGE_BYTES, true);
  return out;
}

/** prefix of the array names of encodeIndex's attachments */
const ATTACHMENT = 'attach.';

/** fields of docNums, per document */
const DOC_FIELDS = 6;
const DOC_DELETED = 1;
const DOC_OWN_PATH = 2;
const DOC_MATCH_TEXT = 4;
const DOC_META = 8;

/**
 * The document table as arrays, not one JSON object per document (parsing 16 k of them was most of
 * the directory's cost at open): `docNums` (tokens, lines, text bytes, text length, matchText bytes,
 * flags per document), `docStrings` (a JSON array: each document's id, then its path when it
 * differs), `docMeta` (a JSON array: [meta, rest] of each document whose meta is not empty or that
 * has other fields).
 */
function encodeDocs(docs: DocEntry[], put: (name: string, data: Uint8Array | Uint32Array) => void): void {
  const nums = new Uint32Array(docs.length * DOC_FIELDS);
  const strings: string[] = [];
  const metas: unknown[] = [];
  docs.forEach((e, i) => {
    let flags = e.deleted ? DOC_DELETED : 0;
    strings.push(e.id);
    if (e.path !== e.id) {
      flags |= DOC_OWN_PATH;
      strings.push(e.path);
    }
    if (e.matchBytes !== undefined) flags |= DOC_MATCH_TEXT;
    const meta = e.meta ?? {};
    if (Object.keys(meta).length || e.rest) {
      flags |= DOC_META;
      metas.push(e.rest ? [meta, e.rest] : [meta]);
    }
    nums.set([e.tokens, e.lines, e.textBytes, e.textLength, e.matchBytes ?? 0, flags], i * DOC_FIELDS);
  });
  put('docNums', nums);
  put('docStrings', utf8.encode(JSON.stringify(strings)));
  put('docMeta', utf8.encode(JSON.stringify(metas)));
}

/** The document table back (see encodeDocs). */
function decodeDocs(n: number, nums: Uint32Array, stringBytes: Uint8Array, metaBytes: Uint8Array): DocEntry[] {
  let strings: unknown;
  let metas: unknown;
  try {
    const decoder = new TextDecoder('utf-8', { fatal: true });
    strings = JSON.parse(decoder.decode(stringBytes));
    metas = JSON.parse(decoder.decode(metaBytes));
  } catch (e) {
    throw new CodecError(`corrupt document table: ${(e as Error).message}`);
  }
  if (nums.length !== n * DOC_FIELDS || !Array.isArray(strings) || !Array.isArray(metas)) throw new CodecError('corrupt document table');
  const out: DocEntry[] = new Array(n);
  let si = 0;
  let mi = 0;
  for (let i = 0, k = 0; i < n; i++, k += DOC_FIELDS) {
    const flags = nums[k + 5]!;
    const id = strings[si++];
    const path = flags & DOC_OWN_PATH ? strings[si++] : id;
    const m = flags & DOC_META ? metas[mi++] : undefined;
    if (typeof id !== 'string' || typeof path !== 'string' || (m !== undefined && !Array.isArray(m))) throw new CodecError('corrupt document table');
    const e: DocEntry = {
      id,
      path,
      meta: (m?.[0] as ReferenceMeta | undefined) ?? {},
      deleted: (flags & DOC_DELETED) !== 0,
      tokens: nums[k]!,
      lines: nums[k + 1]!,
      textBytes: nums[k + 2]!,
      textLength: nums[k + 3]!,
    };
    if (flags & DOC_MATCH_TEXT) e.matchBytes = nums[k + 4]!;
    if (m?.[1] !== undefined) e.rest = m[1] as Record<string, unknown>;
    out[i] = e;
  }
  if (si !== strings.length || mi !== metas.length) throw new CodecError('corrupt document table');
  return out;
}

export interface DecodedIndex {
  index: ReferenceIndex;
  extra: unknown;
  /** encodeIndex's attachment of that name, read and verified now (undefined: none such); throws CodecError for a damaged page */
  attachment(name: string): Uint8Array | undefined;
}

export interface OpenSourceOptions {
  /** load and verify every page now (as decodeIndex does), instead of on first use */
  eager?: boolean;
  /** told (before CodecError is thrown) when a page read on first use fails its checksum or cannot be read */
  onCorrupt?: (message: string) => void;
  /** told at each step of opening (COPYDESK_TRACE_START: src/node/start-trace.ts) */
  onStep?: (step: string) => void;
}

/** Decode bytes made by encodeIndex, verifying all of them now. Throws CodecError for anything not exactly such bytes. */
export function decodeIndex(input: Uint8Array): DecodedIndex {
  const header = checkedHeader(input.subarray(0, HEADER_BYTES), input.length);
  // typed-array views need 4-byte alignment
  const bytes = input.byteOffset % 8 === 0 ? input : input.slice();
  const payload = bytes.subarray(HEADER_BYTES, HEADER_BYTES + header.payloadLength);
  const table = bytes.slice(HEADER_BYTES + header.payloadLength);
  const paged = new Paged(payload, pageTable(table, header), undefined, undefined);
  return decodePayload(paged, true);
}

/**
 * Open an index through positioned reads: the header, page table, directory, term dictionary and
 * line table are read and verified now; the rest on first use (or now with `eager`). A page that
 * fails its checksum when first used throws CodecError (after telling `onCorrupt`); nothing
 * unverified is ever used.
 */
export function openIndexSource(src: ByteSource, opts: OpenSourceOptions = {}): DecodedIndex {
  const head = new Uint8Array(Math.min(HEADER_BYTES, src.size));
  src.read(0, head);
  const header = checkedHeader(head, src.size);
  const table = new Uint8Array(src.size - HEADER_BYTES - header.payloadLength);
  src.read(HEADER_BYTES + header.payloadLength, table);
  // zero-filled: the allocator maps untouched pages lazily, so unread parts cost no memory
  const paged = new Paged(new Uint8Array(header.payloadLength), pageTable(table, header), src, opts.onCorrupt);
  opts.onStep?.('index file: header and page table read');
  return decodePayload(paged, !!opts.eager, opts.onStep);
}

/**
 * Where each restored document's parts are in the payload arrays, and loading them: shared by
 * every document of one decoded index.
 */
/** one decoder for every document's text (making a TextDecoder costs several µs; decode() keeps no state between calls) */
const textDecoder = new TextDecoder();

class Store {
  /** per document number: first token, token count, first line (u32 index), line count, text byte offset and length */
  readonly tokAt: Uint32Array;
  readonly tokCount: Uint32Array;
  readonly lineAt: Uint32Array;
  readonly lineCount: Uint32Array;
  readonly textAt: Uint32Array;
  readonly textLen: Uint32Array;
  /** per document number: matchText byte offset and length (matchText: see storedDoc) */
  readonly matchAt: Uint32Array;
  readonly matchLen: Uint32Array;
  /** documents whose term ids / lines were loaded one by one so far */
  private termLoads = 0;
  private lineLoads = 0;
  /** 1 once a document's term ids are loaded and range-checked */
  readonly termsOk: Uint8Array;

  constructor(
    readonly paged: Paged,
    readonly starts: Uint32Array,
    readonly ends: Uint32Array,
    readonly ids: Uint32Array,
    readonly lines: Uint32Array,
    readonly texts: Uint8Array,
    readonly matchTexts: Uint8Array,
    readonly termCount: number,
    n: number,
  ) {
    this.tokAt = new Uint32Array(n);
    this.tokCount = new Uint32Array(n);
    this.lineAt = new Uint32Array(n);
    this.lineCount = new Uint32Array(n);
    this.textAt = new Uint32Array(n);
    this.textLen = new Uint32Array(n);
    this.matchAt = new Uint32Array(n);
    this.matchLen = new Uint32Array(n);
    this.termsOk = new Uint8Array(n);
  }

  private ensure(a: Uint8Array | Uint32Array, from: number, count: number): void {
    const base = a.byteOffset - this.paged.bytes.byteOffset;
    this.paged.ensure(base + from * a.BYTES_PER_ELEMENT, base + (from + count) * a.BYTES_PER_ELEMENT);
  }

  /** load document num's term ids, checking that each is a known term */
  terms(num: number): void {
    if (this.termsOk[num] === 1) return;
    const at = this.tokAt[num]!;
    const n = this.tokCount[num]!;
    // verifying seeds touches thousands of documents' term ids for one 1,000-word article at 10 M
    // words: past a few hundred, one sequential read of the rest is cheaper than a read per document
    if (++this.termLoads === BULK_AFTER) this.ensure(this.ids, 0, this.ids.length);
    else this.ensure(this.ids, at, n);
    this.checkTerms(num);
  }

  private checkTerms(num: number): void {
    const at = this.tokAt[num]!;
    const n = this.tokCount[num]!;
    const ids = this.ids;
    const max = this.termCount;
    for (let i = at; i < at + n; i++) if (ids[i]! >= max) throw new CodecError('corrupt token array (term id out of range)');
    this.termsOk[num] = 1;
  }

  /**
   * Make the ids of tokens pos..pos+SEED_N-1 of document num present (not range-checked: they are
   * only compared with known ids); their index in `ids`, or -1 past the document's end.
   */
  idsAt(num: number, pos: number): number {
    const at = this.tokAt[num]! + pos;
    if (pos + SEED_N > this.tokCount[num]!) return -1;
    if (this.termsOk[num] !== 1) this.ensure(this.ids, at, SEED_N);
    return at;
  }

  /** idsAt for (num, pos) pairs, read in file order (nearby pages together) */
  idsAtMany(pairs: ArrayLike<number>): void {
    const at: number[] = [];
    for (let i = 0; i + 1 < pairs.length; i += 2) {
      const num = pairs[i]!;
      const pos = pairs[i + 1]!;
      if (this.termsOk[num] !== 1 && pos + SEED_N <= this.tokCount[num]!) at.push(this.tokAt[num]! + pos);
    }
    at.sort((x, y) => x - y);
    const base = this.ids.byteOffset - this.paged.bytes.byteOffset;
    const ranges = new Array<number>(at.length * 2);
    for (let i = 0; i < at.length; i++) {
      ranges[2 * i] = base + at[i]! * 4;
      ranges[2 * i + 1] = base + (at[i]! + SEED_N) * 4;
    }
    this.paged.ensureMany(ranges);
  }

  tokens(num: number): DocTokens {
    this.terms(num);
    const at = this.tokAt[num]!;
    const n = this.tokCount[num]!;
    this.ensure(this.starts, at, n);
    this.ensure(this.ends, at, n);
    return { starts: this.starts.subarray(at, at + n), ends: this.ends.subarray(at, at + n), terms: this.ids.subarray(at, at + n) };
  }

  packedLines(num: number): Uint32Array {
    const at = this.lineAt[num]!;
    const n = this.lineCount[num]! * 3;
    if (++this.lineLoads === BULK_AFTER) this.ensure(this.lines, 0, this.lines.length);
    else this.ensure(this.lines, at, n);
    return this.lines.subarray(at, at + n);
  }

  text(num: number): string {
    return this.decode(this.texts, this.textAt[num]!, this.textLen[num]!);
  }

  matchText(num: number): string {
    return this.decode(this.matchTexts, this.matchAt[num]!, this.matchLen[num]!);
  }

  private decode(a: Uint8Array, at: number, n: number): string {
    if (n === 0) return '';
    this.ensure(a, at, n);
    return textDecoder.decode(a.subarray(at, at + n));
  }

  /** everything loaded; every term id checked */
  all(): void {
    this.paged.ensureAll();
    for (let num = 0; num < this.termsOk.length; num++) this.terms(num);
  }
}

function decodePayload(paged: Paged, eager: boolean, step?: (s: string) => void): DecodedIndex {
  if (eager) paged.ensureAll();
  const payload = paged.bytes;
  paged.ensure(0, 8);
  const head = new Uint32Array(payload.buffer, payload.byteOffset, 2);
  const dirOffset = head[0]!;
  const dirLength = head[1]!;
  if (dirOffset < 8 || dirOffset + dirLength > payload.length) throw new CodecError('corrupt directory position');
  paged.ensure(dirOffset, dirOffset + dirLength);
  let dir: Directory;
  try {
    dir = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(payload.subarray(dirOffset, dirOffset + dirLength))) as Directory;
  } catch (e) {
    throw new CodecError(`corrupt directory: ${(e as Error).message}`);
  }
  if (dir.format !== INDEX_FORMAT_VERSION || typeof dir.docCount !== 'number' || !Array.isArray(dir.arrays)) throw new CodecError('corrupt directory');
  step?.(`index file: directory read (${dirLength} bytes)`);

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
  /** an array read (and verified) now */
  const need = <T extends Uint8Array | Uint32Array>(name: string, kind: ArrayKind): T => {
    const a = get<T>(name, kind);
    const at = a.byteOffset - payload.byteOffset;
    paged.ensure(at, at + a.byteLength);
    return a;
  };

  const decoder = new TextDecoder();
  const splitWords = (b: Uint8Array, n: number): string[] => {
    if (n === 0) return [];
    const out = decoder.decode(b).split('\n');
    if (out.length !== n) throw new CodecError('corrupt word list');
    return out;
  };
  const words_ = splitWords(need<Uint8Array>('termWords', 'u8'), dir.terms);
  const decodeStems = () => splitWords(need<Uint8Array>('stems', 'u8'), dir.stems);
  // only adding terms needs the stem strings: decoded then, unless everything is read now
  const stems = eager ? decodeStems() : decodeStems;
  const stemOf = need<Uint32Array>('stemOf', 'u32');
  const stop = need<Uint8Array>('stop', 'u8');
  const df = need<Uint32Array>('df', 'u32');
  if (stemOf.length !== dir.terms || stop.length !== dir.terms || df.length !== dir.terms) throw new CodecError('corrupt term arrays');
  step?.('index file: term words and arrays read');
  // the word → id table is made again from the stored hashes (a few ms), not read: at 10 M words it is
  // 8 MiB, more than a third of what opening a file reads and verifies; only its size is taken
  const terms = Terms.restore({ words: words_, stems, stemOf, stop, df, hashes: need<Uint32Array>('termHashes', 'u32'), tableSize: get<Uint32Array>('termSlots', 'u32').length / 4 });

  const starts = get<Uint32Array>('tokStarts', 'u32');
  const ends = get<Uint32Array>('tokEnds', 'u32');
  const ids = get<Uint32Array>('tokTerms', 'u32');
  const lines = get<Uint32Array>('lines', 'u32');
  const texts = get<Uint8Array>('texts', 'u8');
  const matchTexts = get<Uint8Array>('matchTexts', 'u8');
  if (starts.length !== ids.length || ends.length !== ids.length) throw new CodecError('corrupt token arrays');
  step?.('index file: word table made');
  const n = dir.docCount;
  const entries = decodeDocs(n, need<Uint32Array>('docNums', 'u32'), need<Uint8Array>('docStrings', 'u8'), need<Uint8Array>('docMeta', 'u8'));
  step?.('index file: document table read');
  const store = new Store(paged, starts, ends, ids, lines, texts, matchTexts, dir.terms, n);
  const docs: IndexedDoc[] = [];
  let tok = 0;
  let ln = 0;
  let tb = 0;
  let mb = 0;
  for (let num = 0; num < n; num++) {
    const e = entries[num]!;
    const m = e.matchBytes ?? 0;
    if (tok + e.tokens > ids.length || ln + e.lines * 3 > lines.length || tb + e.textBytes > texts.length || mb + m > matchTexts.length) throw new CodecError('corrupt document table');
    store.matchAt[num] = mb;
    store.matchLen[num] = m;
    mb += m;
    store.tokAt[num] = tok;
    store.tokCount[num] = e.tokens;
    store.lineAt[num] = ln;
    store.lineCount[num] = e.lines;
    store.textAt[num] = tb;
    store.textLen[num] = e.textBytes;
    docs.push(storedDoc(e, store, num));
    tok += e.tokens;
    ln += e.lines * 3;
    tb += e.textBytes;
  }
  if (eager) store.all();
  step?.('index file: documents made');

  const segments: Segment[] = [];
  for (let k = 0; k < dir.segments.length; k++) {
    const storedIds = need<Uint32Array>(`seg${k}.docIds`, 'u32');
    const docIds: number[] = new Array(storedIds.length);
    for (let i = 0; i < storedIds.length; i++) docIds[i] = storedIds[i]!;
    const offsets = get<Uint32Array>(`seg${k}.offsets`, 'u32');
    const postDoc = get<Uint32Array>(`seg${k}.postDoc`, 'u32');
    const postPos = get<Uint32Array>(`seg${k}.postPos`, 'u32');
    const heavy = need<Uint32Array>(`seg${k}.heavy`, 'u32');
    const size = offsets.length - 1;
    const offBase = offsets.byteOffset - payload.byteOffset;
    if (size >= 1) paged.ensure(offBase + size * 4, offBase + size * 4 + 4);
    if (size < 1 || (size & (size - 1)) !== 0 || offsets[size] !== postDoc.length || postPos.length !== postDoc.length) {
      throw new CodecError(`corrupt segment ${k}`);
    }
    for (const id of docIds) if (id >= docs.length) throw new CodecError(`corrupt segment ${k} (document number)`);
    const seg = new Segment(docIds, offsets, postDoc, postPos, heavy);
    if (!paged.complete) {
      const pdBase = postDoc.byteOffset - payload.byteOffset;
      const ppBase = postPos.byteOffset - payload.byteOffset;
      // the buckets' table entries, then their postings, in file order (see Paged.ensureMany)
      const fillMany = (buckets: ArrayLike<number>) => {
        const ranges: number[] = [];
        for (let i = 0; i < buckets.length; i++) ranges.push(offBase + buckets[i]! * 4, offBase + buckets[i]! * 4 + 8);
        paged.ensureMany(ranges);
        const pd: number[] = [];
        const pp: number[] = [];
        for (let i = 0; i < buckets.length; i++) {
          const b = buckets[i]!;
          const from = offsets[b]!;
          const to = offsets[b + 1]!;
          if (to <= from) continue;
          if (to > postDoc.length) throw new CodecError(`corrupt segment ${k} (bucket ${b})`);
          pd.push(pdBase + from * 4, pdBase + to * 4);
          pp.push(ppBase + from * 4, ppBase + to * 4);
        }
        paged.ensureMany(pd);
        paged.ensureMany(pp);
      };
      const one = [0];
      seg.fillMany = fillMany;
      seg.fill = (b: number) => {
        one[0] = b;
        fillMany(one);
      };
    }
    segments.push(seg);
  }
  step?.('index file: segments read');
  const lineKeys = need<Uint32Array>('lineKeys', 'u32');
  const lineCounts = need<Uint32Array>('lineCounts', 'u32');
  const lineUsed = need<Uint8Array>('lineUsed', 'u8');
  const ls = lineKeys.length;
  if (ls < 1 || (ls & (ls - 1)) !== 0 || lineCounts.length !== ls || lineUsed.length !== ls) throw new CodecError('corrupt line table');
  // the table is updated in place by later add/remove: copy it out of the (shared) file buffer
  const lineDocs = new LineCounts(ls, lineKeys.slice(), new Int32Array(lineCounts.buffer.slice(lineCounts.byteOffset, lineCounts.byteOffset + lineCounts.byteLength)), lineUsed.slice(), typeof dir.lineSlots === 'number' && dir.lineSlots <= ls ? dir.lineSlots : undefined);
  const lazy: LazyTerms | undefined = paged.complete
    ? undefined
    : {
        counts: store.tokCount,
        doc: (num: number) => {
          store.terms(num);
          const at = store.tokAt[num]!;
          return ids.subarray(at, at + store.tokCount[num]!);
        },
        ids,
        at: (num: number, pos: number) => store.idsAt(num, pos),
        many: (pairs: ArrayLike<number>) => store.idsAtMany(pairs),
        all: () => {
          store.all();
          for (const s of segments) {
            s.fill = undefined;
            s.fillMany = undefined;
          }
        },
      };
  step?.('index file: line table read');
  const index = ReferenceIndex.restore({ terms, docs, segments, lineDocs, deletedWords: dir.deletedWords, lazy });
  const names = dir.names;
  if (names && byName.has('names') && byName.has('namesLower')) {
    // read (and its pages verified) on first use; a stored lexicon for other documents or other name code is not used
    index.analyses.set('names', (signature) => {
      if (signature !== names.signature || names.probe !== lexiconProbe()) return undefined;
      const lower = need<Uint32Array>('namesLower', 'u32');
      if (lower.length !== terms.words.length) throw new CodecError('corrupt name lexicon (term count)');
      const enc = {
        text: need<Uint8Array>('namesText', 'u8'),
        strAt: need<Uint32Array>('namesStrAt', 'u32'),
        rows: need<Uint32Array>('names', 'u32'),
        sources: need<Uint32Array>('namesSources', 'u32'),
        neighbours: need<Uint32Array>('namesNeighbours', 'u32'),
        lower,
      };
      try {
        return decodeNames(index, enc);
      } catch (e) {
        throw new CodecError(`corrupt name lexicon: ${(e as Error).message}`);
      }
    });
  }
  const refs = dir.references;
  if (refs && byName.has('refAnalyses') && byName.has('refAnalysisAt')) {
    // each document's record read (and its pages verified) on first use; none used if another
    // version or other attribution code wrote them, or for a document replaced since
    const opened = docs;
    attachStoredAnalyses(index, () => {
      if (refs.version !== REFERENCE_ANALYSES_VERSION || refs.probe !== analysesProbe()) return undefined;
      const at = need<Uint32Array>('refAnalysisAt', 'u32');
      const bytes = get<Uint8Array>('refAnalyses', 'u8');
      if (at.length !== n + 1 || at[n]! > bytes.length) throw new CodecError('corrupt reference analyses (table)');
      const base = bytes.byteOffset - payload.byteOffset;
      /** Document `num`'s stored record, paged in and decoded by `decode`; undefined when it has none. */
      const record = <T>(num: number, decode: (from: number, to: number, d: IndexedDoc) => T): T | undefined => {
        const d = opened[num];
        if (!d || d.deleted || index.docs[num] !== d) return undefined;
        const from = at[num]!;
        const to = at[num + 1]!;
        if (from > to || to > bytes.length) throw new CodecError('corrupt reference analyses (table)');
        if (from === to) return undefined;
        paged.ensure(base + from, base + to);
        try {
          return decode(from, to, d);
        } catch (e) {
          throw new CodecError(`corrupt reference analysis of document ${num}: ${(e as Error).message}`);
        }
      };
      return {
        read: (num: number) => record(num, (from, to, d) => decodeReferenceAnalysis(bytes, from, to, d.text, store.tokCount[num]!)),
        sentences: (num: number) => record(num, (from, to, d) => decodeSentences(bytes, from, to, d.text.length, store.tokCount[num]!)),
      };
    });
  }
  const attachment = (name: string): Uint8Array | undefined => (byName.has(ATTACHMENT + name) ? need<Uint8Array>(ATTACHMENT + name, 'u8') : undefined);
  return { index, extra: dir.extra, attachment };
}

const STATE = Symbol('stored');

class StoredState {
  text: string | undefined = undefined;
  matchText: string | undefined = undefined;
  lines: LineRange[] | undefined = undefined;
  tokens: DocTokens | undefined = undefined;
  constructor(
    public store: Store,
    public num: number,
  ) {}
}

/**
 * A document restored from bytes: its tokens, boilerplate lines and text are loaded (tokens as
 * views; the text decoded from UTF-8) on first use, through accessors on the class's prototype
 * (one shared set: an object literal with accessors made 6 closures per document, and
 * Object.defineProperty per document cost ~15 µs each, 0.25 s at 16 k documents). Those three are
 * therefore not own properties: Object.keys and spreading do not see them; code that copies a
 * document names them (reference-index.ts tombstone(), cache.ts plainDoc()). A matchText, when the
 * document has one, is an own enumerable accessor.
 */
class StoredDoc {
  id: string;
  path: string;
  meta: ReferenceMeta;
  deleted: boolean;
  [STATE]: StoredState;

  constructor(e: DocEntry, state: StoredState) {
    this.id = e.id;
    this.path = e.path;
    this.meta = e.meta ?? {};
    this.deleted = e.deleted;
    this[STATE] = state;
  }

  get tokens(): DocTokens {
    const s = this[STATE];
    return (s.tokens ??= s.store.tokens(s.num));
  }

  set tokens(v: DocTokens) {
    this[STATE].tokens = v;
  }

  get text(): string {
    const s = this[STATE];
    return (s.text ??= s.store.text(s.num));
  }

  set text(v: string) {
    this[STATE].text = v;
  }

  get lines(): LineRange[] {
    const s = this[STATE];
    return (s.lines ??= unpackLines(s.store.packedLines(s.num)));
  }

  set lines(v: LineRange[]) {
    this[STATE].lines = v;
  }
}

function storedDoc(e: DocEntry, store: Store, num: number): IndexedDoc {
  const d = new StoredDoc(e, new StoredState(store, num));
  if (typeof e.matchBytes === 'number') Object.defineProperty(d, 'matchText', MATCH_TEXT_ACCESSOR);
  if (e.rest) {
    const r = d as unknown as Record<string, unknown>;
    for (const k of Object.keys(e.rest)) if (!(k in r)) r[k] = e.rest[k];
  }
  return d as unknown as IndexedDoc;
}

function unpackLines(p: Uint32Array): LineRange[] {
  const out: LineRange[] = [];
  for (let i = 0; i + 2 < p.length; i += 3) out.push({ from: p[i]!, to: p[i + 1]!, hash: p[i + 2]! });
  return out;
}

const MATCH_TEXT_ACCESSOR: PropertyDescriptor = {
  enumerable: true,
  configurable: true,
  get(this: { [STATE]: StoredState }): string {
    const s = this[STATE];
    return (s.matchText ??= s.store.matchText(s.num));
  },
  set(this: { [STATE]: StoredState }, v: string) {
    this[STATE].matchText = v;
  },
};
