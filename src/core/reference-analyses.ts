/**
 * What the rules read from a reference document, computed once when the index is written and
 * persisted with it (index-codec.ts), so that a check reads it instead of analysing the reference
 * again: the document's paragraphs and sentences, its attributions (extractAttributions) and its
 * quotes with their speakers (extractQuotes), both with the fast lexical tagger references use.
 *
 * A reference's text model (tokens, sentences, paragraphs) is assembled from the index's own token
 * arrays (offsets and term ids: norm, stem and stop word come from the term dictionary) whenever the
 * index tokenised the document's text itself (no separate matchText), which is what tokenize() gives
 * (reference-index.ts docTokens); the sentences come from the stored record when there is one.
 *
 * Stored form, per document, a run of unsigned LEB128 varints (offsets zig-zag delta-coded):
 *   flags (bit 0: the index's tokens are the text's), paragraphs, sentences, attributions, quotes.
 * The directory records VERSION and a probe (a checksum of the record this code makes for a fixed
 * invented text): stored records are used only while both match, so a change in the attribution
 * code makes old files recompute instead of serving stale analyses. A damaged page throws
 * CodecError where it is first read (the caller rebuilds the file, as for a postings page).
 */
import { extractBoth } from './attribution/extract';
import { useFastTagger } from './attribution/tagger';
import type { Attribution, AttributionKind, SourceSpan, TextSpan } from './attribution/types';
import { DocCache } from './doc-cache';
import { ReferenceIndex, type IndexedDoc } from './reference-index';
import { modelOf, tokenizeRange, type Sentence, type Span, type TextModel, type Token } from './text';

export const REFERENCE_ANALYSES_VERSION = 1;

/** One reference document's stored analysis. */
export interface ReferenceAnalysis {
  /** the index's tokens of the document are those of its text (its model can be assembled from them) */
  indexTokens: boolean;
  /** the model's paragraphs and sentences (stored only with indexTokens: empty when read back without) */
  paragraphs: Span[];
  sentences: Sentence[];
  attributions: Attribution[];
  quotes: Attribution[];
}

/** What index-codec.ts attaches to an opened index: the stored record of a document, or undefined. */
export interface StoredAnalyses {
  read(num: number): ReferenceAnalysis | undefined;
  /** decodeSentences of document num's record, without decoding the rest of it */
  sentences?(num: number): StoredSentences | undefined;
}

const STORED = 'references';

/** The stored analyses of an opened index (undefined for a built one, or one whose file holds none that apply). */
function stored(index: ReferenceIndex): StoredAnalyses | undefined {
  return index.analyses.get(STORED)?.('') as StoredAnalyses | undefined;
}

const recent = new WeakMap<ReferenceIndex, Map<number, { doc: IndexedDoc; rec: ReferenceAnalysis | undefined }>>();
const RECENT = 64;

/**
 * The stored record of document `num`, if the file the index was opened from holds one that applies
 * (the last few decoded are kept: a check reads a document's model, attributions and quotes in turn).
 */
export function storedRecord(index: ReferenceIndex, num: number): ReferenceAnalysis | undefined {
  const s = stored(index);
  if (!s) return undefined;
  let m = recent.get(index);
  if (!m) recent.set(index, (m = new Map()));
  const doc = index.docs[num]!;
  const hit = m.get(num);
  if (hit && hit.doc === doc) return hit.rec;
  const rec = s.read(num);
  m.delete(num);
  m.set(num, { doc, rec });
  if (m.size > RECENT) m.delete(m.keys().next().value!);
  return rec;
}

/** A stored record's paragraphs, flat [start, end, …], and sentences, flat [tokenStart, tokenEnd, paragraph, …]. */
export interface StoredSentences {
  paragraphs: Int32Array;
  sentences: Int32Array;
}

/**
 * The paragraphs and sentences (token ranges) of document `num`'s stored record, when it holds the index's
 * tokens (sentence-pairs.ts refSentenceRanges); else undefined. Read from a recently decoded record, or
 * from the record's bytes up to its sentences.
 */
export function storedSentences(index: ReferenceIndex, num: number): StoredSentences | undefined {
  const s = stored(index);
  if (!s) return undefined;
  const hit = recent.get(index)?.get(num);
  if (s.sentences && !(hit && hit.doc === index.docs[num])) return s.sentences(num);
  const rec = storedRecord(index, num);
  if (!rec?.indexTokens) return undefined;
  const paragraphs = new Int32Array(2 * rec.paragraphs.length);
  rec.paragraphs.forEach((p, k) => {
    paragraphs[2 * k] = p.start;
    paragraphs[2 * k + 1] = p.end;
  });
  const sentences = new Int32Array(3 * rec.sentences.length);
  rec.sentences.forEach((x, k) => {
    sentences[3 * k] = x.tokenStart;
    sentences[3 * k + 1] = x.tokenEnd;
    sentences[3 * k + 2] = x.paragraph;
  });
  return { paragraphs, sentences };
}

/** Register a reader of stored records on an opened index (index-codec.ts). */
export function attachStoredAnalyses(index: ReferenceIndex, reader: () => StoredAnalyses | undefined): void {
  let r: StoredAnalyses | undefined | null = null;
  index.analyses.set(STORED, () => (r === null ? (r = reader()) : r));
}

/** Does the index hold document d's tokens for its text (not for a separate matchText)? */
function tokensOfText(d: IndexedDoc): boolean {
  const m = d.matchText;
  return m === undefined || m.length !== d.text.length || m === d.text;
}

/** Tokens of document `num` from the index's arrays (exactly tokenize(text) when tokensOfText holds). */
function indexTokens(index: ReferenceIndex, num: number, text: string): Token[] {
  const { starts, ends, terms: ids } = index.docs[num]!.tokens;
  const terms = index.terms;
  const words = terms.words;
  const stop = terms.stop;
  let stems = terms.stems;
  const out: Token[] = new Array(ids.length);
  for (let k = 0; k < ids.length; k++) {
    const id = ids[k]!;
    const start = starts[k]!;
    const end = ends[k]!;
    let sid = terms.stemOf[id]!;
    if (sid < 0) {
      sid = terms.stemId(id);
      stems = terms.stems;
    }
    out[k] = { start, end, text: text.slice(start, end), norm: words[id]!, stem: stems[sid]!, stop: stop[id]!, sentence: 0 };
  }
  return out;
}

const isWhite = (c: number) => c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09 || c === 0x0c || c === 0x0b || c === 0xa0;

/**
 * Tokens of document `num`'s text when the index tokenised its matchText instead (the same length,
 * markup blanked: tokensOfText false), equal to tokenize(text): the index's tokens where the two
 * texts agree, and the text tokenised again only around each run where they differ, from the white
 * space before it to the white space after it (both texts' own, so no word of either crosses it).
 */
function textTokens(index: ReferenceIndex, num: number, text: string, match: string): Token[] {
  const own = indexTokens(index, num, text);
  const n = text.length;
  const out: Token[] = [];
  const agreeWhite = (i: number) => isWhite(text.charCodeAt(i)) && text.charCodeAt(i) === match.charCodeAt(i);
  let k = 0;
  let i = 0;
  for (;;) {
    let a = i;
    while (a < n && text.charCodeAt(a) === match.charCodeAt(a)) a++;
    if (a >= n) break;
    let lo = a;
    while (lo > i && !agreeWhite(lo - 1)) lo--;
    let hi = a;
    while (hi < n && !agreeWhite(hi)) hi++;
    while (k < own.length && own[k]!.start < lo) out.push(own[k++]!);
    while (k < own.length && own[k]!.start < hi) k++;
    tokenizeRange(text, lo, hi, out);
    i = hi;
  }
  while (k < own.length) out.push(own[k++]!);
  return out;
}

/**
 * The text model of reference document `num` (what analyse(doc.text) gives): from the index's tokens
 * and the stored sentences when it can, else analysed now.
 */
export function referenceTextModel(index: ReferenceIndex, num: number): TextModel {
  const d = index.docs[num]!;
  const text = d.text;
  const rec = storedRecord(index, num);
  if (rec) {
    if (!rec.indexTokens) return modelOf(text, ownTokens(index, num));
    const tokens = indexTokens(index, num, text);
    for (let s = 0; s < rec.sentences.length; s++) {
      const sent = rec.sentences[s]!;
      for (let k = sent.tokenStart; k < sent.tokenEnd; k++) tokens[k]!.sentence = s;
    }
    return { text, tokens, sentences: rec.sentences, paragraphs: rec.paragraphs };
  }
  return modelOf(text, ownTokens(index, num));
}

/** tokenize() of document `num`'s text, assembled from the index's tokens. */
function ownTokens(index: ReferenceIndex, num: number): Token[] {
  const d = index.docs[num]!;
  return tokensOfText(d) ? indexTokens(index, num, d.text) : textTokens(index, num, d.text, d.matchText!);
}

/**
 * Are the tokens of document `num`'s text model (referenceTextModel) the index's own token arrays, one
 * for one (a token's norm its term's word, its stop flag the term's)? Rules may then read those arrays
 * instead of assembling the model.
 */
export function modelHasIndexTokens(index: ReferenceIndex, num: number): boolean {
  // kept per document: a record's other parts need not be decoded again for it
  return indexTokensOf.get(index, num, () => {
    const rec = storedRecord(index, num);
    return rec ? rec.indexTokens : tokensOfText(index.docs[num]!);
  });
}
const indexTokensOf = new DocCache<boolean>(8192);

/** The stored attributions of document `num` (extractAttributions with the fast tagger), if the file holds them. */
export function storedAttributions(index: ReferenceIndex, num: number): Attribution[] | undefined {
  return storedRecord(index, num)?.attributions;
}

/** The stored quotes of document `num` (extractQuotes with the fast tagger), if the file holds them. */
export function storedQuotes(index: ReferenceIndex, num: number): Attribution[] | undefined {
  return storedRecord(index, num)?.quotes;
}

// ---- encoding ---------------------------------------------------------------------------------------

class Writer {
  buf = new Uint8Array(1 << 16);
  n = 0;
  u(v: number): void {
    if (this.n + 5 > this.buf.length) {
      const b = new Uint8Array(this.buf.length * 2);
      b.set(this.buf);
      this.buf = b;
    }
    while (v >= 0x80) {
      this.buf[this.n++] = (v & 0x7f) | 0x80;
      v = Math.floor(v / 128);
    }
    this.buf[this.n++] = v;
  }
  /** a signed value, zig-zag coded */
  z(v: number): void {
    this.u(v < 0 ? -2 * v - 1 : 2 * v);
  }
}

class Reader {
  constructor(
    private readonly b: Uint8Array,
    public at: number,
    private readonly end: number,
  ) {}
  u(): number {
    let v = 0;
    let mul = 1;
    for (;;) {
      if (this.at >= this.end || mul > 2 ** 35) throw new Error('truncated record');
      const c = this.b[this.at++]!;
      v += (c & 0x7f) * mul;
      if (c < 0x80) return v;
      mul *= 128;
    }
  }
  z(): number {
    const v = this.u();
    return v % 2 === 1 ? -(v + 1) / 2 : v / 2;
  }
}

const KINDS: AttributionKind[] = ['direct', 'indirect', 'mixed'];
const HAS_CUE = 1 << 2;
const HAS_SOURCE = 1 << 3;
const HAS_RESOLVED = 1 << 4;
const SCARE = 1 << 5;
const INHERITED = 1 << 6;
const HEADLINE = 1 << 7;
const HAS_STANCE = 1 << 8;
const STANCE = 1 << 9;
/** fields of an attribution the record holds (any other makes the encoder fail loudly, not drop it) */
const FIELDS = new Set(['kind', 'cue', 'source', 'content', 'quotes', 'sentence', 'paragraph', 'scare', 'inherited', 'headline', 'stance']);

function putAttributions(w: Writer, list: Attribution[], text: string): void {
  w.u(list.length);
  let pos = 0;
  const sp = (s: TextSpan) => {
    if (s.text !== text.slice(s.start, s.end)) throw new Error('a span whose text is not the document text');
    w.z(s.start - pos);
    w.u(s.end - s.start);
    pos = s.start;
  };
  for (const a of list) {
    for (const k of Object.keys(a)) if (!FIELDS.has(k)) throw new Error(`attribution field ${k} not stored`);
    if (a.source) for (const k of Object.keys(a.source)) if (k !== 'start' && k !== 'end' && k !== 'text' && k !== 'resolved') throw new Error(`source field ${k} not stored`);
    let flags = KINDS.indexOf(a.kind);
    if (a.cue) flags |= HAS_CUE;
    if (a.source) flags |= HAS_SOURCE;
    if (a.source && 'resolved' in a.source) flags |= HAS_RESOLVED;
    if (a.scare) flags |= SCARE;
    if (a.inherited) flags |= INHERITED;
    if (a.headline) flags |= HEADLINE;
    if ('stance' in a) flags |= HAS_STANCE | (a.stance ? STANCE : 0);
    w.u(flags);
    w.u(a.sentence);
    w.u(a.paragraph);
    sp(a.content);
    if (a.cue) sp(a.cue);
    if (a.source) {
      sp(a.source);
      if (a.source.resolved) sp(a.source.resolved);
    }
    w.u(a.quotes.length);
    for (const q of a.quotes) sp(q);
  }
}

function getAttributions(r: Reader, text: string): Attribution[] {
  const n = r.u();
  const out: Attribution[] = [];
  let pos = 0;
  const sp = (): TextSpan => {
    const start = pos + r.z();
    const end = start + r.u();
    if (start < 0 || end > text.length) throw new Error('span out of range');
    pos = start;
    return { start, end, text: text.slice(start, end) };
  };
  for (let i = 0; i < n; i++) {
    const flags = r.u();
    const kind = KINDS[flags & 3];
    if (!kind) throw new Error('unknown attribution kind');
    const sentence = r.u();
    const paragraph = r.u();
    const content = sp();
    const cue = flags & HAS_CUE ? sp() : null;
    let source: SourceSpan | null = null;
    if (flags & HAS_SOURCE) {
      source = sp();
      if (flags & HAS_RESOLVED) source.resolved = sp();
    }
    const quotes: TextSpan[] = [];
    for (let q = r.u(); q > 0; q--) quotes.push(sp());
    const a: Attribution = { kind, cue, source, content, quotes, sentence, paragraph, scare: (flags & SCARE) !== 0, inherited: (flags & INHERITED) !== 0, headline: (flags & HEADLINE) !== 0 };
    if (flags & HAS_STANCE) a.stance = (flags & STANCE) !== 0;
    out.push(a);
  }
  return out;
}

/** The analysis of reference document `num` of a built (or fully read) index, computed now. */
export function analyseReference(index: ReferenceIndex, num: number): ReferenceAnalysis {
  const d = index.docs[num]!;
  const own = tokensOfText(d);
  const model = modelOf(d.text, ownTokens(index, num));
  useFastTagger(model);
  // one extractor for both lists: the quotes-only list reuses the full pass's quotes and cues
  const { attributions, quotes } = extractBoth(model);
  return { indexTokens: own, paragraphs: model.paragraphs, sentences: model.sentences, attributions, quotes };
}

function putRecord(w: Writer, a: ReferenceAnalysis, text: string): void {
  w.u(a.indexTokens ? 1 : 0);
  // without the index's tokens the model is analysed from the text anyway: no sentences stored
  const paras = a.indexTokens ? a.paragraphs : [];
  const sents = a.indexTokens ? a.sentences : [];
  w.u(paras.length);
  let pos = 0;
  for (const p of paras) {
    w.z(p.start - pos);
    w.u(p.end - p.start);
    pos = p.end;
  }
  w.u(sents.length);
  pos = 0;
  let tok = 0;
  let para = 0;
  for (const s of sents) {
    w.z(s.start - pos);
    w.u(s.end - s.start);
    w.z(s.tokenStart - tok);
    w.u(s.tokenEnd - s.tokenStart);
    w.z(s.paragraph - para);
    pos = s.end;
    tok = s.tokenEnd;
    para = s.paragraph;
  }
  putAttributions(w, a.attributions, text);
  putAttributions(w, a.quotes, text);
}

function getRecord(r: Reader, text: string, tokenCount: number): ReferenceAnalysis {
  const indexTokens = r.u() === 1;
  const paragraphs: Span[] = [];
  let pos = 0;
  for (let n = r.u(); n > 0; n--) {
    const start = pos + r.z();
    const end = start + r.u();
    if (start < 0 || end > text.length) throw new Error('paragraph out of range');
    paragraphs.push({ start, end });
    pos = end;
  }
  const sentences: Sentence[] = [];
  pos = 0;
  let tok = 0;
  let para = 0;
  for (let n = r.u(); n > 0; n--) {
    const start = pos + r.z();
    const end = start + r.u();
    const tokenStart = tok + r.z();
    const tokenEnd = tokenStart + r.u();
    const paragraph = para + r.z();
    if (start < 0 || end > text.length || tokenStart < 0 || tokenEnd > tokenCount || paragraph < 0 || paragraph >= paragraphs.length) throw new Error('sentence out of range');
    sentences.push({ start, end, tokenStart, tokenEnd, paragraph });
    pos = end;
    tok = tokenEnd;
    para = paragraph;
  }
  const attributions = getAttributions(r, text);
  const quotes = getAttributions(r, text);
  return { indexTokens, paragraphs, sentences, attributions, quotes };
}

export interface EncodedAnalyses {
  /** the records, one after another */
  bytes: Uint8Array;
  /** record k is bytes[at[k], at[k + 1]) (empty for a deleted document) */
  at: Uint32Array;
  version: number;
  probe: number;
}

/** Every live document's analysis, encoded for the index file (computed now, unless `have` gives it). */
export function encodeReferenceAnalyses(index: ReferenceIndex, have?: (num: number) => ReferenceAnalysis | undefined): EncodedAnalyses {
  const w = new Writer();
  const at = new Uint32Array(index.docs.length + 1);
  index.docs.forEach((d, num) => {
    at[num] = w.n;
    if (d.deleted) return;
    putRecord(w, have?.(num) ?? analyseReference(index, num), d.text);
  });
  at[index.docs.length] = w.n;
  return { bytes: w.buf.slice(0, w.n), at, version: REFERENCE_ANALYSES_VERSION, probe: analysesProbe() };
}

/**
 * Record `num` back from the stored bytes (`bytes` holds it at [from, to)); throws on a malformed
 * one (the caller reports a damaged file).
 */
export function decodeReferenceAnalysis(bytes: Uint8Array, from: number, to: number, text: string, tokenCount: number): ReferenceAnalysis {
  const r = new Reader(bytes, from, to);
  const rec = getRecord(r, text, tokenCount);
  if (r.at !== to) throw new Error('record length');
  return rec;
}

/**
 * The paragraphs and sentences of the record at bytes [from, to) as storedSentences gives them, if it
 * holds the index's tokens (else undefined), read as getRecord reads them and left there; throws on a
 * malformed one.
 */
export function decodeSentences(bytes: Uint8Array, from: number, to: number, textLength: number, tokenCount: number): StoredSentences | undefined {
  const r = new Reader(bytes, from, to);
  if (r.u() !== 1) return undefined;
  const np = r.u();
  const paragraphs = new Int32Array(2 * np);
  let pos = 0;
  for (let k = 0; k < np; k++) {
    const start = pos + r.z();
    const end = start + r.u();
    if (start < 0 || end > textLength) throw new Error('paragraph out of range');
    paragraphs[2 * k] = start;
    paragraphs[2 * k + 1] = end;
    pos = end;
  }
  const m = r.u();
  const sentences = new Int32Array(3 * m);
  let tok = 0;
  let para = 0;
  for (let k = 0; k < m; k++) {
    r.z();
    r.u();
    const tokenStart = tok + r.z();
    const tokenEnd = tokenStart + r.u();
    const paragraph = para + r.z();
    if (tokenStart < 0 || tokenEnd > tokenCount || paragraph < 0 || paragraph >= np) throw new Error('sentence out of range');
    sentences[3 * k] = tokenStart;
    sentences[3 * k + 1] = tokenEnd;
    sentences[3 * k + 2] = paragraph;
    tok = tokenEnd;
    para = paragraph;
  }
  return { paragraphs, sentences };
}

let probe: number | undefined;

/**
 * A checksum of the record this code makes for a fixed invented text (quotes, reported speech,
 * pronouns, a headline): stored records are used only while it matches (see the module comment).
 */
export function analysesProbe(): number {
  if (probe !== undefined) return probe;
  const text =
    'HARBOUR BOARD CHAIR RESIGNS\n\n' +
    'Mayor Ilse Varnholt said on Monday that the ferry plan would go ahead. "We will not wait for the board," she told ' +
    'reporters. "The vote is this week."\n\nAccording to the council, the strike cost £1.2m. Tomasz Wierzbicki, the union ' +
    'leader, called the offer "insulting" and warned of a longer walkout. Dr Oyelaran-Smith disagreed: "It is a fair offer."\n\n' +
    "Varnholt's deputy opposes the plan. Officials believe it will pass, a spokesperson added.";
  const index = ReferenceIndex.build([{ id: 'probe', path: 'probe', text, meta: {} }]);
  const w = new Writer();
  putRecord(w, analyseReference(index, 0), text);
  let h = 0x811c9dc5 ^ REFERENCE_ANALYSES_VERSION;
  for (let i = 0; i < w.n; i++) h = Math.imul(h ^ w.buf[i]!, 0x01000193);
  probe = h >>> 0;
  return probe;
}
