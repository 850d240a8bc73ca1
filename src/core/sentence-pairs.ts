/**
 * Fast paths for the aligner's sentence level (paraphrase seeding), with results identical to the
 * straightforward version (every article sentence against every reference sentence, sentences
 * from a full analyse() of the reference text):
 *
 * - Reference sentences as token ranges, computed from the index's stored token offsets and the
 *   same paragraph/sentence splitter as analyse(), without re-tokenising, normalising or stemming
 *   the reference text; cached per document.
 * - Candidate sentence pairs through an inverted list from content stem to article sentences: only
 *   pairs sharing enough stems to reach the Dice threshold are returned, found by counting shared
 *   stems instead of intersecting every pair's sets.
 */
import { DocCache } from './doc-cache';
import { IntSlots } from './int-slots';
import type { ReferenceIndex } from './reference-index';
import type { Terms } from './terms';
import { storedSentences } from './reference-analyses';
import { MAX_SENTENCE_WORDS, paragraphs, sentenceSpans } from './text';

/**
 * Sentence token ranges of a reference document, as pairs [tokenStart, tokenEnd): the sentences of
 * `sentenceSpans` over the index's tokens. These are analyse(d.text)'s sentences except where analyse()
 * cuts a sentence of over MAX_SENTENCE_WORDS (150) words into pieces (673 of 15,924 documents of the
 * 10 M-word bench set); the sentence level reads these ranges, so its findings depend on them as they are.
 */
export function sentenceRanges(text: string, starts: ArrayLike<number>, ends: ArrayLike<number>): Int32Array {
  const n = starts.length;
  const out: number[] = [];
  let t = 0;
  for (const p of paragraphs(text)) {
    for (const sp of sentenceSpans(text, p.start, p.end)) {
      while (t < n && ends[t]! <= sp.start) t++;
      const tokenStart = t;
      while (t < n && starts[t]! < sp.end) t++;
      out.push(tokenStart, t);
    }
  }
  return Int32Array.from(out);
}

/**
 * Per term id of a dictionary, what the sentence level reads of it in one 32-bit word: its stem id × 4,
 * + 2 for a stop word, + 1 for a word of at most two characters (not counted by sentence-align's
 * units); -1 until first asked for. Reading a reference's tokens through it touches one small array
 * instead of the word strings, the stop flags and the stem ids.
 */
const factsOf = new WeakMap<Terms, Int32Array>();

export function termFacts(terms: Terms): Int32Array {
  let f = factsOf.get(terms);
  if (!f || f.length < terms.size) {
    const grown = new Int32Array(Math.max(terms.size, 1024)).fill(-1);
    if (f) grown.set(f);
    factsOf.set(terms, (f = grown));
  }
  return f;
}

/** termFacts' entry of term `t`, computed now (call when the array holds -1). */
export function termFact(terms: Terms, facts: Int32Array, t: number): number {
  const v = terms.stemId(t) * 4 + (terms.stop[t] ? 2 : 0) + (terms.words[t]!.length <= 2 ? 1 : 0);
  facts[t] = v;
  return v;
}

const rangeCache = new DocCache<Int32Array>(4096);

/**
 * sentenceRanges of document `num`, cached per index (LRU of 4,096 documents). A stored record whose
 * model has the index's tokens holds analyse()'s paragraphs and sentences, which are these ranges except
 * where analyse() cut an over-long sentence into pieces; a cut leaves a piece of exactly
 * MAX_SENTENCE_WORDS words, so only a paragraph with a sentence that long is split again here.
 */
export function refSentenceRanges(index: ReferenceIndex, num: number): Int32Array {
  return rangeCache.get(index, num, () => {
    const st = storedSentences(index, num);
    const d = index.docs[num]!;
    if (!st) return sentenceRanges(d.text, d.tokens.starts, d.tokens.ends);
    const { paragraphs: ps, sentences: ss } = st;
    const m = ss.length / 3;
    let cut = false;
    for (let k = 0; k < m && !cut; k++) cut = ss[3 * k + 1]! - ss[3 * k]! >= MAX_SENTENCE_WORDS;
    if (!cut) {
      const out = new Int32Array(2 * m);
      for (let k = 0; k < m; k++) {
        out[2 * k] = ss[3 * k]!;
        out[2 * k + 1] = ss[3 * k + 1]!;
      }
      return out;
    }
    // paragraph by paragraph, as sentenceRanges goes (t: its token position between paragraphs)
    const text = d.text;
    const { starts, ends } = d.tokens;
    const n = starts.length;
    const out: number[] = [];
    let t = 0;
    let k = 0;
    for (let p = 0; 2 * p < ps.length; p++) {
      let j = k;
      let long = false;
      for (; j < m && ss[3 * j + 2] === p; j++) long ||= ss[3 * j + 1]! - ss[3 * j]! >= MAX_SENTENCE_WORDS;
      if (!long) {
        for (let x = k; x < j; x++) out.push(ss[3 * x]!, ss[3 * x + 1]!);
        if (j > k) t = ss[3 * (j - 1) + 1]!;
      } else {
        for (const sp of sentenceSpans(text, ps[2 * p]!, ps[2 * p + 1]!)) {
          while (t < n && ends[t]! <= sp.start) t++;
          const tokenStart = t;
          while (t < n && starts[t]! < sp.end) t++;
          out.push(tokenStart, t);
        }
      }
      k = j;
    }
    return Int32Array.from(out);
  });
}

/** The article side: its sentences' distinct content stems, inverted. */
export interface ArticleStems {
  /** number of distinct content stems per article sentence */
  sizes: Int32Array;
  /** the stems held by article sentences with at least `minStems` stems, numbered */
  stems: IntSlots;
  /** per stem number s: the article sentences containing it, ascending, at `lists[listStart[s] .. listStart[s + 1])` */
  listStart: Int32Array;
  lists: Int32Array;
  /** per article sentence: shared-stem counter, and the sentences touched for one reference sentence */
  count: Int32Array;
  touched: number[];
}

export function articleStems(stems: readonly ReadonlySet<number>[], minStems: number): ArticleStems {
  const sizes = new Int32Array(stems.length);
  const ids = new IntSlots(64);
  let total = 0;
  stems.forEach((set, x) => {
    sizes[x] = set.size;
    if (set.size < minStems) return;
    for (const s of set) ids.add(s);
    total += set.size;
  });
  const listStart = new Int32Array(ids.size + 1);
  stems.forEach((set) => {
    if (set.size >= minStems) for (const s of set) listStart[ids.slot(s) + 1]!++;
  });
  for (let s = 0; s < ids.size; s++) listStart[s + 1]! += listStart[s]!;
  const at = listStart.slice(0, ids.size);
  const lists = new Int32Array(total);
  stems.forEach((set, x) => {
    if (set.size >= minStems) for (const s of set) lists[at[ids.slot(s)]!++] = x;
  });
  return { sizes, stems: ids, listStart, lists, count: new Int32Array(stems.length), touched: [] };
}

const distinctBuf: number[] = [];
let stemStamp = new Int32Array(1024);
let stampGen = 0;
let perSentence = new Int32Array(64);

/**
 * Sentence pairs (article sentence, reference sentence) whose content-stem Dice reaches `minDice`,
 * both sentences having at least `minStems` distinct content stems. Returned as flat quadruples
 * [articleSentence, refTokFrom, refTokTo, refSentence], ordered by article sentence, then reference
 * sentence (the order of the all-pairs loop). `minDice` must be > 0 (pairs sharing nothing never
 * reach it).
 */
export function dicePairs(article: ArticleStems, index: ReferenceIndex, num: number, minStems: number, minDice: number): number[] {
  const d = index.docs[num]!;
  const ranges = refSentenceRanges(index, num);
  const terms = d.tokens.terms;
  const dict = index.terms;
  const facts = termFacts(dict);
  const { sizes, stems, listStart, lists, count, touched } = article;
  const found: number[] = [];
  // refilled per sentence by index (`nd`, `nt` entries), never emptied with `length = 0`: that drops an
  // array's backing store, and these are refilled for every reference sentence
  const distinct = distinctBuf;
  for (let y = 0; y < ranges.length; y += 2) {
    const from = ranges[y]!;
    const to = ranges[y + 1]!;
    if (to - from < minStems) continue;
    // distinct content stems of this sentence
    if (++stampGen === 0x7fffffff) {
      stemStamp.fill(0);
      stampGen = 1;
    }
    let nd = 0;
    for (let k = from; k < to; k++) {
      const t = terms[k]!;
      let f = facts[t]!;
      if (f < 0) f = termFact(dict, facts, t);
      if (f & 2) continue;
      const s = f >> 2;
      if (s >= stemStamp.length) {
        const grown = new Int32Array(Math.max(s + 1, stemStamp.length * 2));
        grown.set(stemStamp);
        stemStamp = grown;
      }
      if (stemStamp[s] === stampGen) continue;
      stemStamp[s] = stampGen;
      distinct[nd++] = s;
    }
    const ySize = nd;
    if (ySize < minStems) continue;
    let nt = 0;
    for (let q = 0; q < nd; q++) {
      const slot = stems.slot(distinct[q]!);
      if (slot < 0) continue;
      for (let p = listStart[slot]!, e = listStart[slot + 1]!; p < e; p++) {
        const x = lists[p]!;
        if (count[x]++ === 0) touched[nt++] = x;
      }
    }
    for (let q = 0; q < nt; q++) {
      const x = touched[q]!;
      const shared = count[x]!;
      count[x] = 0;
      if ((2 * shared) / (sizes[x]! + ySize) < minDice) continue;
      found.push(x, from, to, y >> 1);
    }
  }
  // order of the all-pairs loop: article sentence, then reference sentence (found is in reference
  // sentence order already, so a counting sort by article sentence keeps that order within each)
  const n = sizes.length;
  if (perSentence.length < n + 1) perSentence = new Int32Array(2 * (n + 1));
  const at = perSentence;
  at.fill(0, 0, n + 1);
  for (let k = 0; k < found.length; k += 4) at[found[k]! + 1]!++;
  for (let x = 0; x < n; x++) at[x + 1]! += at[x]!;
  const out: number[] = new Array(found.length);
  for (let k = 0; k < found.length; k += 4) {
    const w = 4 * at[found[k]!]!++;
    out[w] = found[k]!;
    out[w + 1] = found[k + 1]!;
    out[w + 2] = found[k + 2]!;
    out[w + 3] = found[k + 3]!;
  }
  return out;
}
