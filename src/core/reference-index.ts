/**
 * The reference index: every reference document's word tokens as typed arrays, a term dictionary,
 * and a postings table of hashed word n-grams (stop words kept) for seeding passage alignment.
 * No all-pairs comparison: an article's n-grams are looked up, and only documents that share
 * them are aligned.
 *
 * The index is made of immutable segments (as in Lucene): a build makes one segment; adding
 * documents makes a new segment, removing one marks it deleted. Lookups visit every live segment.
 * Memory per reference word: 3 × 4 bytes of token arrays + 4 bytes of postings + ~4 bytes of
 * table, plus the text itself.
 */
import { isStopWord } from './stopwords';
import { normalizeWord, stemWord } from './text';
import type { ReferenceDoc } from './types';

/** Words per seed n-gram. */
export const SEED_N = 3;

/** A word token of a reference document, as stored. */
export interface DocTokens {
  starts: Uint32Array;
  ends: Uint32Array;
  terms: Uint32Array;
}

/** Shared term dictionary: normalised word ↔ id, with stem ids and stop-word flags. */
export class Terms {
  readonly ids = new Map<string, number>();
  readonly words: string[] = [];
  readonly stemOf: number[] = [];
  readonly stemIds = new Map<string, number>();
  readonly stems: string[] = [];
  readonly stop: boolean[] = [];
  /** number of live documents containing each term */
  readonly df: number[] = [];

  intern(norm: string): number {
    let id = this.ids.get(norm);
    if (id === undefined) {
      id = this.words.length;
      this.ids.set(norm, id);
      this.words.push(norm);
      const s = stemWord(norm);
      let sid = this.stemIds.get(s);
      if (sid === undefined) {
        sid = this.stems.length;
        this.stemIds.set(s, sid);
        this.stems.push(s);
      }
      this.stemOf.push(sid);
      this.stop.push(isStopWord(norm));
      this.df.push(0);
    }
    return id;
  }

  lookup(norm: string): number {
    return this.ids.get(norm) ?? -1;
  }
}

// Word tokeniser for indexing: the same token definition as text.ts, without building Token objects.
const WORD_RE = /[\p{L}\p{N}][\p{L}\p{M}\p{N}]*(?:(?:['’ʼ]|(?<=\p{N})[.,](?=\p{N}))[\p{L}\p{M}\p{N}]+)*/gu;

export function docTokens(text: string, terms: Terms): DocTokens {
  const starts: number[] = [];
  const ends: number[] = [];
  const ids: number[] = [];
  WORD_RE.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = WORD_RE.exec(text)) !== null) {
    starts.push(m.index);
    ends.push(m.index + m[0].length);
    ids.push(terms.intern(normalizeWord(m[0])));
  }
  return { starts: Uint32Array.from(starts), ends: Uint32Array.from(ends), terms: Uint32Array.from(ids) };
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

function lineRanges(text: string, toks: DocTokens): LineRange[] {
  const out: LineRange[] = [];
  let t = 0;
  const n = toks.starts.length;
  let lineStart = 0;
  const lineRe = /\r\n|\n|\r/g;
  const emit = (s: number, e: number) => {
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
    void s;
  };
  let m: RegExpExecArray | null;
  while ((m = lineRe.exec(text)) !== null) {
    emit(lineStart, m.index);
    lineStart = m.index + m[0].length;
  }
  emit(lineStart, text.length);
  return out;
}

export class Segment {
  /** postings: for table bucket b, entries offsets[b]..offsets[b+1] of `postDoc`/`postPos` */
  readonly offsets: Uint32Array;
  readonly postDoc: Uint32Array;
  readonly postPos: Uint32Array;
  readonly mask: number;

  constructor(
    /** global document numbers of this segment's documents */
    readonly docIds: number[],
    tokens: DocTokens[],
  ) {
    let total = 0;
    for (const t of tokens) total += Math.max(0, t.terms.length - SEED_N + 1);
    let size = 1024;
    while (size < total) size *= 2;
    this.mask = size - 1;
    const counts = new Uint32Array(size + 1);
    for (const t of tokens) {
      for (let i = 0; i + SEED_N <= t.terms.length; i++) counts[(ngramHash(t.terms, i) & this.mask) + 1]!++;
    }
    for (let b = 0; b < size; b++) counts[b + 1]! += counts[b]!;
    this.offsets = counts;
    this.postDoc = new Uint32Array(total);
    this.postPos = new Uint32Array(total);
    const fill = this.offsets.slice(0, size);
    tokens.forEach((t, k) => {
      const doc = docIds[k]!;
      for (let i = 0; i + SEED_N <= t.terms.length; i++) {
        const b = ngramHash(t.terms, i) & this.mask;
        const at = fill[b]!++;
        this.postDoc[at] = doc;
        this.postPos[at] = i;
      }
    });
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

export class ReferenceIndex {
  readonly terms = new Terms();
  readonly docs: IndexedDoc[] = [];
  readonly segments: Segment[] = [];
  /** how many live documents contain each boilerplate line hash */
  private readonly lineDocs = new Map<number, number>();
  private liveDocs = 0;
  private totalWords = 0;

  static build(docs: ReferenceDoc[]): ReferenceIndex {
    const idx = new ReferenceIndex();
    idx.add(docs);
    return idx;
  }

  /** Index more documents (one new segment). A document whose id is already live replaces it. */
  add(docs: ReferenceDoc[]): void {
    if (docs.length === 0) return;
    const byId = new Map(this.docs.filter((d) => !d.deleted).map((d) => [d.id, d]));
    for (const d of docs) if (byId.has(d.id)) this.remove([d.id]);
    const ids: number[] = [];
    const toks: DocTokens[] = [];
    for (const d of docs) {
      const tokens = docTokens(d.text, this.terms);
      const lines = lineRanges(d.text, tokens);
      const num = this.docs.length;
      this.docs.push({ ...d, tokens, lines, deleted: false });
      ids.push(num);
      toks.push(tokens);
      this.countLines(lines, +1);
      this.countTerms(tokens, +1);
      this.liveDocs++;
      this.totalWords += tokens.terms.length;
    }
    this.segments.push(new Segment(ids, toks));
  }

  remove(ids: string[]): void {
    const set = new Set(ids);
    for (const d of this.docs) {
      if (!d.deleted && set.has(d.id)) {
        d.deleted = true;
        this.countLines(d.lines, -1);
        this.countTerms(d.tokens, -1);
        this.liveDocs--;
        this.totalWords -= d.tokens.terms.length;
      }
    }
  }

  private countLines(lines: LineRange[], delta: number): void {
    const seen = new Set<number>();
    for (const l of lines) {
      if (seen.has(l.hash)) continue;
      seen.add(l.hash);
      const c = (this.lineDocs.get(l.hash) ?? 0) + delta;
      if (c <= 0) this.lineDocs.delete(l.hash);
      else this.lineDocs.set(l.hash, c);
    }
  }

  private countTerms(tokens: DocTokens, delta: number): void {
    const seen = new Set<number>();
    for (const t of tokens.terms) {
      if (seen.has(t)) continue;
      seen.add(t);
      this.terms.df[t]! += delta;
    }
  }

  /** Inverse document frequency of a term id (unknown terms: the maximum). */
  idf(term: number): number {
    const df = term >= 0 ? this.terms.df[term] ?? 0 : 0;
    return Math.log((this.liveDocs + 1) / (df + 0.5));
  }

  /** Number of live documents that contain this line (by normalised-token hash). */
  lineDocFreq(hash: number): number {
    return this.lineDocs.get(hash) ?? 0;
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
   * All occurrences (document number, token position) of the n-gram of `terms` starting at `at`,
   * in live documents. Hash collisions are removed by comparing the term ids.
   */
  lookup(terms: ArrayLike<number>, at: number, visit: (doc: number, pos: number) => void): void {
    const h = ngramHash(terms, at);
    for (const seg of this.segments) {
      const b = h & seg.mask;
      for (let p = seg.offsets[b]!, e = seg.offsets[b + 1]!; p < e; p++) {
        const doc = seg.postDoc[p]!;
        const d = this.docs[doc]!;
        if (d.deleted) continue;
        const pos = seg.postPos[p]!;
        const dt = d.tokens.terms;
        let same = true;
        for (let k = 0; k < SEED_N; k++) {
          if (dt[pos + k] !== terms[at + k]) {
            same = false;
            break;
          }
        }
        if (same) visit(doc, pos);
      }
    }
  }
}
