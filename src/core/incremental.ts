/**
 * Incremental alignment for an editor: after an edit, only the changed paragraphs are seeded again.
 *
 * Seeding (index look-ups of every word 3-gram, `ngramSeeds`) is the expensive part of align(). The
 * seeds of the n-grams that start in a paragraph depend only on that paragraph's words, the first
 * SEED_N − 1 words after it (an n-gram may run into the next paragraph), the index and the options.
 * So they are cached per paragraph under a key made of exactly those words, with article positions
 * stored relative to the paragraph's first token; on the next call they are shifted to where the
 * paragraph now stands. Clustering, sentence-level seeding and grading then run on the merged seeds
 * as in a fresh align() (through its `seeds` hook), so the result is the same as align()'s.
 *
 * The cache is dropped when the index changes (documents added or removed) or the options change.
 * Entries not used by the last few calls are evicted.
 */
import type { Aligner, GramDocs } from './rule';
import { align, DEFAULT_ALIGN, ngramSeeds, type AlignOptions, type Passage, type Seed } from './align';
import type { ReferenceIndex } from './reference-index';
import { SEED_N } from './segment';
import type { TextModel } from './text';

interface Entry {
  /** seeds per reference document, article positions relative to the paragraph's first token */
  byDoc: Map<number, Seed[]>;
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

/** The 3-gram documents of one paragraph's tokens (see GramDocs), in the order of its tokens. */
interface GramEntry {
  docs: (readonly number[] | null | undefined)[];
  used: number;
}

/** GramDocs over paragraph entries: token k's value lives in its paragraph's entry. */
class ParagraphGramDocs implements GramDocs {
  constructor(
    private readonly entries: GramEntry[],
    /** per token: its paragraph's entry (index into `entries`) and the paragraph's first token */
    private readonly entryOf: Int32Array,
    private readonly firstOf: Int32Array,
  ) {}
  get(k: number): readonly number[] | null | undefined {
    return this.entries[this.entryOf[k]!]!.docs[k - this.firstOf[k]!];
  }
  set(k: number, docs: readonly number[] | null): void {
    this.entries[this.entryOf[k]!]!.docs[k - this.firstOf[k]!] = docs;
  }
}

export class IncrementalAligner implements Aligner {
  private readonly cache = new Map<string, Entry>();
  private generation = 0;
  private indexSig = '';
  private optionsSig = '';
  /** 3-gram documents per paragraph, keyed as the seeds are; dropped when the index changes */
  private readonly grams = new Map<string, GramEntry>();
  private gramGeneration = 0;
  private gramIndexSig = '';
  private last: IncrementalStats = { paragraphs: 0, reused: 0, seeded: 0, entries: 0 };

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
    return align(doc, this.index, merged, (terms, o) => this.seeds(doc, terms, o));
  }

  /**
   * The 3-gram documents of `doc`'s tokens, keeping those of unchanged paragraphs: a 3-gram's
   * documents depend only on its three words and the index, so a paragraph's values are kept under
   * its words and the SEED_N − 1 words after it (the 3-grams that run on into the next paragraph).
   */
  gramDocs(doc: TextModel, terms: Int32Array): GramDocs {
    const isig = this.indexSignature();
    if (isig !== this.gramIndexSig) {
      this.grams.clear();
      this.gramIndexSig = isig;
    }
    const gen = ++this.gramGeneration;
    const n = doc.tokens.length;
    const entries: GramEntry[] = [];
    const entryOf = new Int32Array(n);
    const firstOf = new Int32Array(n);
    for (const [from, to] of paragraphRanges(doc)) {
      const key = paragraphKey(terms, from, to);
      let entry = this.grams.get(key);
      if (!entry) this.grams.set(key, (entry = { docs: new Array(to - from), used: gen }));
      entry.used = gen;
      entryOf.fill(entries.length, from, to);
      firstOf.fill(from, from, to);
      entries.push(entry);
    }
    for (const [k, e] of this.grams) if (gen - e.used >= this.keepGenerations) this.grams.delete(k);
    return new ParagraphGramDocs(entries, entryOf, firstOf);
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
      this.indexSig = isig;
      this.optionsSig = osig;
    }
    const gen = ++this.generation;
    const tokens = doc.tokens;
    const n = tokens.length;
    const out = new Map<number, Seed[]>();
    let reused = 0;
    let seeded = 0;
    const ranges = paragraphRanges(doc);
    for (const [from, to] of ranges) {
      const keyEnd = Math.min(n, to + SEED_N - 1);
      const key = paragraphKey(terms, from, to);
      let entry = this.cache.get(key);
      if (entry) reused++;
      else {
        seeded++;
        const byDoc = ngramSeeds(terms, this.index, o, from, keyEnd);
        for (const list of byDoc.values()) for (const s of list) s.i -= from;
        entry = { byDoc, used: gen };
        this.cache.set(key, entry);
      }
      entry.used = gen;
      for (const [docNum, list] of entry.byDoc) {
        let target = out.get(docNum);
        if (!target) out.set(docNum, (target = []));
        for (const s of list) target.push({ ...s, i: s.i + from });
      }
    }
    for (const [k, e] of this.cache) if (gen - e.used >= this.keepGenerations) this.cache.delete(k);
    this.last = { paragraphs: ranges.length, reused, seeded, entries: this.cache.size };
    return out;
  }
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
