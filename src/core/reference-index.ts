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
 * The parts live beside it: terms.ts (the dictionary), doc-tokens.ts (the tokeniser), segment.ts
 * (postings), line-counts.ts (boilerplate lines), ngram-lookup.ts (look-ups).
 * Everything here is plain typed arrays and strings so that index-codec.ts can persist an index
 * and restore one that behaves exactly like a fresh build.
 */
import { docTokens, type DocTokens } from './doc-tokens';
import { LineCounts, lineRanges, type LineRange } from './line-counts';
import { lookupDocs, lookupLimited, prefetchNgrams, type LazyTerms } from './ngram-lookup';
import { sortedHas } from './search';
import { Segment } from './segment';
import { Terms } from './terms';
import type { ReferenceDoc } from './types';

// index-codec.ts reads and writes these parts of an index through this module
export { HEAVY_NGRAM, SEED_N, Segment } from './segment';
export { LineCounts, type LineRange } from './line-counts';
export { Terms } from './terms';
export type { DocTokens } from './doc-tokens';
export type { LazyTerms } from './ngram-lookup';

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

  /** see ngram-lookup.ts */
  prefetchNgrams(terms: ArrayLike<number>, from: number, to: number, maxHits: number, maxDocs: number): void {
    prefetchNgrams(this.segments, this.dead, this.pending, this.lazy, terms, from, to, maxHits, maxDocs);
  }

  /**
   * lookup() into `out` as (doc, pos) pairs, giving up as soon as the hits exceed `maxHits` or the
   * documents (counted as changes of document number along the hits, as the aligner counts them)
   * exceed `maxDocs`: returns false then (`out` holds a partial list). The aligner drops such n-grams,
   * so it need not scan the rest of their postings.
   */
  lookupLimited(terms: ArrayLike<number>, at: number, maxHits: number, maxDocs: number, out: number[]): boolean {
    const n = this.lookupHits(terms, at, maxHits, maxDocs, out);
    out.length = n < 0 ? ~n : n;
    return n >= 0;
  }

  /**
   * lookupLimited() into `out[0 .. n)`, returning n (~n when over the limits), with `out` written by index
   * and not shortened: for a caller that reuses one array for many n-grams (see ngram-lookup.ts).
   */
  lookupHits(terms: ArrayLike<number>, at: number, maxHits: number, maxDocs: number, out: number[]): number {
    return lookupLimited(this.segments, this.dead, this.docTerms, this.pending, this.lazy, terms, at, maxHits, maxDocs, out);
  }

  /**
   * The distinct documents holding the n-gram of `terms` at `at`, in the order of their first occurrence
   * (as lookup() visits them), or null when there are more than `maxDocs`.
   */
  lookupDocs(terms: ArrayLike<number>, at: number, maxDocs: number): number[] | null {
    return lookupDocs(this.segments, this.dead, this.docTerms, this.pending, this.lazy, terms, at, maxDocs);
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
