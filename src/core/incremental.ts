/**
 * Incremental alignment for an editor: after an edit, only the changed paragraphs are seeded again.
 *
 * Seeding (index look-ups of every word 3-gram, `ngramSeeds`) is the expensive part of align(). The
 * seeds of the n-grams that start in a paragraph depend only on that paragraph's words, the first
 * SEED_N − 1 words after it (an n-gram may run into the next paragraph), the index and the options.
 * So they are cached per paragraph under a key made of exactly those words, with the paragraph's
 * first token then; on the next call they are shifted to where the paragraph now stands, if it moved. Clustering, sentence-level seeding and grading then run on the merged seeds
 * as in a fresh align() (through its `seeds` hook), so the result is the same as align()'s.
 *
 * The cache is dropped when the index changes (documents added or removed) or the options change.
 * Entries not used by the last few calls are evicted.
 */
import type { Aligner, TokenMemo } from './rule';
import { align, DEFAULT_ALIGN, ngramSeeds, PassageMemo, SentencePairMemo, type AlignOptions, type Passage, type Seed } from './align';
import type { ReferenceIndex } from './reference-index';
import { SentenceAlignMemo } from './sentence-align';
import { SEED_N } from './segment';
import type { TextModel } from './text';

interface Entry {
  /**
   * seeds per reference document, placed where the paragraph last stood (first token `from`): a
   * paragraph that has not moved gives the same Seed objects again (nothing writes to a seed); one
   * that moved gets copies shifted by how far it moved
   */
  byDoc: Map<number, Seed[]>;
  from: number;
  used: number;
}

export interface IncrementalStats {
  /** paragraphs in the last call, how many were reused from the cache, and how many seeded */
  paragraphs: number;
  reused: number;
  seeded: number;
  /** cache entries held */
  entries: number;
}

/** The values of one paragraph's tokens (see Aligner.tokenMemo), in the order of its tokens. */
interface MemoEntry {
  values: unknown[];
  used: number;
}

/** One kind's entries by paragraph key, dropped when the index changes. */
interface MemoKind {
  entries: Map<string, MemoEntry>;
  generation: number;
  indexSig: string;
}

/** A TokenMemo over paragraph entries: token k's value lives in its paragraph's entry. */
class ParagraphMemo<T> implements TokenMemo<T> {
  constructor(
    private readonly entries: MemoEntry[],
    /** per token: its paragraph's entry (index into `entries`) and the paragraph's first token */
    private readonly entryOf: Int32Array,
    private readonly firstOf: Int32Array,
  ) {}
  get(k: number): T | undefined {
    return this.entries[this.entryOf[k]!]!.values[k - this.firstOf[k]!] as T | undefined;
  }
  set(k: number, value: T): void {
    this.entries[this.entryOf[k]!]!.values[k - this.firstOf[k]!] = value;
  }
}

export class IncrementalAligner implements Aligner {
  private readonly cache = new Map<string, Entry>();
  private generation = 0;
  private indexSig = '';
  private optionsSig = '';
  /** per-token values of each kind (tokenMemo), by paragraph, keyed as the seeds are */
  private readonly memos = new Map<string, MemoKind>();
  private last: IncrementalStats = { paragraphs: 0, reused: 0, seeded: 0, entries: 0 };
  /** the sentence-level stage's last result per reference (sentence-align.ts) */
  readonly sentenceMemo = new SentenceAlignMemo();
  /** the paraphrase stage's sentence pairs per reference and article sentence (align.ts) */
  readonly pairMemo = new SentencePairMemo();
  /** the n-gram stage's graded clusters (align.ts) */
  readonly passageMemo = new PassageMemo();

  constructor(
    readonly index: ReferenceIndex,
    private readonly options: Partial<AlignOptions> = {},
    /** how many calls an unused entry survives */
    private readonly keepGenerations = 3,
  ) {}

  get stats(): IncrementalStats {
    return { ...this.last };
  }

  /** align(doc, index, options), reusing the seeds of unchanged paragraphs. */
  align(doc: TextModel, options: Partial<AlignOptions> = {}): Passage[] {
    const merged = { ...this.options, ...options };
    return align(doc, this.index, merged, (terms, o) => this.seeds(doc, terms, o), { sentences: this.sentenceMemo, pairs: this.pairMemo, passages: this.passageMemo });
  }

  /**
   * Per-token values of `kind`, keeping those of unchanged paragraphs: a value that depends only on
   * the n-gram starting at its token and the index is kept under the paragraph's words and the
   * SEED_N − 1 words after it (the n-grams that run on into the next paragraph).
   */
  tokenMemo<T>(kind: string, doc: TextModel, terms: Int32Array): TokenMemo<T> {
    const isig = this.indexSignature();
    let m = this.memos.get(kind);
    if (!m) this.memos.set(kind, (m = { entries: new Map(), generation: 0, indexSig: isig }));
    if (m.indexSig !== isig) {
      m.entries.clear();
      m.indexSig = isig;
    }
    const gen = ++m.generation;
    const n = doc.tokens.length;
    const entries: MemoEntry[] = [];
    const entryOf = new Int32Array(n);
    const firstOf = new Int32Array(n);
    const { ranges, keys } = paragraphs(doc, terms);
    for (let r = 0; r < ranges.length; r++) {
      const [from, to] = ranges[r]!;
      const key = keys[r]!;
      let entry = m.entries.get(key);
      if (!entry) m.entries.set(key, (entry = { values: new Array(to - from), used: gen }));
      entry.used = gen;
      entryOf.fill(entries.length, from, to);
      firstOf.fill(from, from, to);
      entries.push(entry);
    }
    for (const [k, e] of m.entries) if (gen - e.used >= this.keepGenerations) m.entries.delete(k);
    return new ParagraphMemo<T>(entries, entryOf, firstOf);
  }

  private indexSignature(): string {
    return `${this.index.docs.length}:${this.index.documentCount}:${this.index.segments.length}:${this.index.wordCount}:${this.index.terms.size}`;
  }

  private seeds(doc: TextModel, terms: Int32Array, o: AlignOptions): Map<number, Seed[]> {
    const isig = this.indexSignature();
    // a Set does not survive JSON.stringify: the skipped documents are listed explicitly; the quoted
    // mask is applied after seeding, so it is not part of the key
    const osig = JSON.stringify({ ...DEFAULT_ALIGN, ...o, skipDocs: o.skipDocs ? [...o.skipDocs].sort((x, y) => x - y) : [], quoted: undefined });
    if (isig !== this.indexSig || osig !== this.optionsSig) {
      this.cache.clear();
      this.sentenceMemo.clear();
      this.pairMemo.clear();
      this.passageMemo.clear();
      this.lastSeq = [];
      this.lastOut = new Map();
      this.indexSig = isig;
      this.optionsSig = osig;
    }
    const gen = ++this.generation;
    const tokens = doc.tokens;
    const n = tokens.length;
    let reused = 0;
    let seeded = 0;
    const { ranges, keys } = paragraphs(doc, terms);
    const seq: Map<number, Seed[]>[] = [];
    for (let r = 0; r < ranges.length; r++) {
      const [from, to] = ranges[r]!;
      const keyEnd = Math.min(n, to + SEED_N - 1);
      const key = keys[r]!;
      let entry = this.cache.get(key);
      if (entry) reused++;
      else {
        seeded++;
        entry = { byDoc: ngramSeeds(terms, this.index, o, from, keyEnd), from, used: gen };
        this.cache.set(key, entry);
      }
      entry.used = gen;
      if (entry.from !== from) {
        const shift = from - entry.from;
        const byDoc = new Map<number, Seed[]>();
        for (const [docNum, list] of entry.byDoc) byDoc.set(docNum, list.map((s) => ({ i: s.i + shift, j: s.j, li: s.li, lj: s.lj, kind: s.kind })));
        entry.byDoc = byDoc;
        entry.from = from;
      }
      seq.push(entry.byDoc);
    }
    const out = mergeSeeds(seq, this.lastSeq, this.lastOut, this.index.docs.length);
    this.lastSeq = seq;
    this.lastOut = out;
    for (const [k, e] of this.cache) if (gen - e.used >= this.keepGenerations) this.cache.delete(k);
    this.last = { paragraphs: ranges.length, reused, seeded, entries: this.cache.size };
    return out;
  }

  /** the paragraphs' seed maps of the last seeds() call, in order, and what it returned (mergeSeeds) */
  private lastSeq: Map<number, Seed[]>[] = [];
  private lastOut = new Map<number, Seed[]>();
}

/**
 * The paragraphs' seeds (`seq`: one map per paragraph, in order) merged per reference document: each
 * document's seeds in paragraph order, the documents in the order first met. A document none of whose
 * paragraphs changed since the last call (`lastSeq`, whose answer was `lastOut`) gets the same array
 * again: only the paragraphs between the longest common prefix and suffix of the two sequences (the
 * same map objects: a paragraph that moved has new ones) can have changed, so only their documents'
 * lists are built anew. The arrays are shared between calls: no one may write to them (align() does
 * not), and callers may recognise an unchanged document by its array (PassageMemo). Document numbers
 * are below `docs`.
 */
export function mergeSeeds(seq: readonly Map<number, Seed[]>[], lastSeq: readonly Map<number, Seed[]>[], lastOut: ReadonlyMap<number, Seed[]>, docs: number): Map<number, Seed[]> {
  let head = 0;
  const most = Math.min(seq.length, lastSeq.length);
  while (head < most && seq[head] === lastSeq[head]) head++;
  let tail = 0;
  while (tail < most - head && seq[seq.length - 1 - tail] === lastSeq[lastSeq.length - 1 - tail]) tail++;
  // per document number: DIRTY when its list is built anew, SEEN once it is in `out`
  const marks = new Uint8Array(docs);
  const DIRTY = 1;
  const SEEN = 2;
  for (let r = head; r < seq.length - tail; r++) for (const d of seq[r]!.keys()) marks[d] = DIRTY;
  for (let r = head; r < lastSeq.length - tail; r++) for (const d of lastSeq[r]!.keys()) if (d < marks.length) marks[d] = DIRTY;
  const out = new Map<number, Seed[]>();
  for (const m of seq) {
    for (const [docNum, list] of m) {
      const mark = marks[docNum]!;
      if (!(mark & DIRTY)) {
        if (!mark) {
          out.set(docNum, lastOut.get(docNum)!);
          marks[docNum] = SEEN;
        }
        continue;
      }
      let target: Seed[];
      if (mark & SEEN) target = out.get(docNum)!;
      else {
        out.set(docNum, (target = []));
        marks[docNum] = DIRTY | SEEN;
      }
      for (const s of list) target.push(s);
    }
  }
  return out;
}

/** paragraphs() per text model: the seeds and each token-memo kind ask for the same ranges and keys */
const paragraphsOf = new WeakMap<TextModel, { terms: Int32Array; ranges: [number, number][]; keys: string[] }>();

/** The paragraphs' token ranges and keys (paragraphKey) of a model whose term ids are `terms`. */
function paragraphs(doc: TextModel, terms: Int32Array): { ranges: [number, number][]; keys: string[] } {
  const hit = paragraphsOf.get(doc);
  if (hit && sameTerms(hit.terms, terms)) return hit;
  const ranges = paragraphRanges(doc);
  const made = { terms, ranges, keys: ranges.map(([from, to]) => paragraphKey(terms, from, to)) };
  paragraphsOf.set(doc, made);
  return made;
}

function sameTerms(x: Int32Array, y: Int32Array): boolean {
  if (x === y) return true;
  if (x.length !== y.length) return false;
  for (let k = 0; k < x.length; k++) if (x[k] !== y[k]) return false;
  return true;
}

/** Token ranges of the paragraphs; tokens outside every paragraph (none in practice) join the next. */
function paragraphRanges(doc: TextModel): [number, number][] {
  const tokens = doc.tokens;
  const n = tokens.length;
  const ranges: [number, number][] = [];
  let t = 0;
  for (const p of doc.paragraphs) {
    let e = t;
    while (e < n && tokens[e]!.start < p.end) e++;
    if (e > t) ranges.push([t, e]);
    t = e;
  }
  if (t < n) ranges.push([t, n]);
  return ranges;
}

/** A paragraph's key: its normalised words (term ids) and the SEED_N − 1 words after it. */
function paragraphKey(terms: Int32Array, from: number, to: number): string {
  const keyEnd = Math.min(terms.length, to + SEED_N - 1);
  let key = `${to - from}|`;
  for (let k = from; k < keyEnd; k++) key += `${terms[k]!},`;
  return key;
}
