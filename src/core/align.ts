/**
 * Passage alignment of an article against the reference index, in the manner of the best PAN
 * text-alignment systems (Sanchez-Perez et al. 2014): seeding, extension by clustering seeds in
 * both texts, and filtering.
 *
 * - Seeds: (1) hashed word 3-grams with stop words kept, looked up in the index; n-grams that occur
 *   in many reference documents, or lie on boilerplate lines that recur across the set, are not seeds.
 *   (2) sentence pairs whose content-word stems are similar (tf-idf cosine and Dice), computed only
 *   against the documents that the n-gram seeds or shared rare words make candidates.
 * - Extension: seeds are clustered alternately by gaps in the article and in the reference until
 *   stable; each cluster is a passage pair.
 * - Filtering: passages shorter than minWords or with too little evidence are dropped; overlapping
 *   passages of one document are merged; paraphrase-level passages shorter than
 *   minParaphraseWords are dropped (weak evidence: same-topic text shares such sentences).
 * - Reordered copying (reorder.ts): non-verbatim passages are widened to the seed runs the in-order
 *   trim cut off, and long ones are kept by their order-free word overlap.
 * Each passage is then graded by a word-level comparison: verbatim, near-verbatim or paraphrase.
 */
import { FreshTokenMemo, type Aligner, type Analysis, type TokenMemo } from './rule';
import { DocCache } from './doc-cache';
import { quotedTokens } from './quoting';
import { findQuotes, type QuoteSpan } from './attribution/quotes';
import type { LineRange } from './line-counts';
import type { IndexedDoc, ReferenceIndex } from './reference-index';
import { SEED_N } from './segment';
import { referenceTextModel, storedSentences } from './reference-analyses';
import { lowerBoundOf, spanAt } from './search';
import { bagDice, widenToSeeds } from './reorder';
import { articleStems, dicePairs, refSentenceRanges, termFact, termFacts, type ArticleStems } from './sentence-pairs';
import { alignSentences, DEFAULT_SENTENCE_ALIGN, prepareSide, unitCuts, type PreparedSide, type SentenceAlignMemo, type SentenceAlignOptions, type SentenceCase, type SentenceSide } from './sentence-align';
import type { Span, TextModel } from './text';
import { ADDED, commonWords, diffIdsMemo, REMOVED } from './word-diff';
import type { MatchLevel } from './types';

export interface AlignOptions {
  /** shortest passage kept, in article words */
  minWords: number;
  /**
   * largest gap (words) between seeds of one passage, in either text. 40 scores better on PAN13
   * train (granularity) but merges copied paragraphs across new ones in news copy; 20 keeps an
   * editor's findings to what was copied.
   */
  maxGap: number;
  /** an n-gram found in more reference documents than this is not a seed */
  maxSeedDocs: number;
  /** an n-gram with more occurrences than this across the set (repetitive text) is not a seed */
  maxSeedHits: number;
  /**
   * stock phrases: an n-gram found in at least this many documents (and this share of them) is
   * common; a passage built only from n-gram seeds needs `minRareSeeds` seeds that are not common
   */
  commonSeedDocs: number;
  commonSeedShare: number;
  minRareSeeds: number;
  /** boilerplate: a line of at most this many words found in at least `boilerplateDocs` documents */
  boilerplateWords: number;
  boilerplateDocs: number;
  /** sentence-level (paraphrase) seeding */
  paraphrase: boolean;
  /** sentence pair thresholds: tf-idf cosine and Dice over content stems */
  sentenceCosine: number;
  sentenceDice: number;
  /** at most this many candidate documents get sentence-level comparison */
  maxCandidates: number;
  /** keep paraphrase-level passages only if their word similarity reaches this */
  minParaphraseSimilarity: number;
  /** near-verbatim: word similarity at least this */
  nearVerbatim: number;
  /**
   * summaries: passages of one document at most this many article words apart, whose reference
   * side together is at least `summaryRatio` times longer, are one summarised passage (0: off)
   */
  summaryGap: number;
  summaryRatio: number;
  /**
   * article tokens inside attributed quotations (1 = quoted): quoting, not copying, so a passage
   * neither starts nor ends on them and they do not count towards its similarity
   */
  quoted?: Uint8Array;
  /**
   * reordered copying (reorder.ts): a passage that is not verbatim is widened to the n-gram seed
   * runs its in-order trim cut off, when that adds at least `minWords` words to either side, and
   * a passage of at least `reorderKeepWords` article words is kept if its order-free word overlap
   * reaches `minParaphraseSimilarity` when its in-order similarity does not
   */
  reorderTolerant: boolean;
  reorderKeepWords: number;
  /**
   * a paraphrase-level passage (after summary merging) shorter than this many article words is
   * dropped: on PAN13 train such passages were mostly same-topic text outside the planted cases
   */
  minParaphraseWords: number;
  /** document numbers not to align against (ignored sources, the article itself) */
  skipDocs?: ReadonlySet<number>;
  /**
   * the sentence-level stage of sentence-align.ts (the anchor's seeding, extension and filtering)
   * against the candidate documents; its cases replace the n-gram passages they overlap unless
   * verbatim or near-verbatim passages cover more than `sentenceKeepVerbatim` of the case's article
   * words. 0 (any exact passage inside keeps the n-gram passages): a case bridges up to four new
   * sentences between copied ones, which an editor should not see as one finding (the e2e story);
   * 0.5 scores PAN13 train 0.836 against 0.823 for 0
   */
  sentenceAlign: boolean;
  sentence: SentenceAlignOptions;
  sentenceKeepVerbatim: number;
  /**
   * a dense case (at least this share of its article sentences pair with a source sentence on their
   * own) replaces the n-gram passages it overlaps even when they are exact: every sentence of it is
   * copied, and its exact pieces alone would cut one copied stretch into several findings. A case
   * with sentences between its pairs (new text bridged) keeps the rule above. Above 1: off
   */
  sentenceDense: number;
  /**
   * new text: an article sentence of at least this many words (attributed quotation left out) fewer
   * than half of whose content words occur in the reference text beside it is the writer's own. A
   * dense case stands for exact pieces only when none of its unpaired sentences is new, and pieces
   * are never joined across a new sentence: an editor's finding does not bridge what the article
   * wrote itself. 0: off
   */
  newSentenceWords: number;
  /**
   * an exact (verbatim or near-verbatim) passage of at least this many article words keeps its
   * edges: a dense case does not swallow it (it is a finding of its own, graded on its own words)
   */
  densePieceWords: number;
  /**
   * passages of one document at most this many words apart in the article and in the reference, in
   * the same order, are one passage (pieces of one copied stretch whose obfuscated joins the seeds
   * missed); never across an attributed quotation of the article. 0: off
   */
  joinGap: number;
  /**
   * in an article of at least `longArticleWords` words a paraphrase-level passage needs
   * `longMinParaphraseWords` article words unless its word similarity reaches `longKeepSimilarity`:
   * a long article shares many short loose sentences with same-topic sources (PAN13 train)
   */
  longArticleWords: number;
  longMinParaphraseWords: number;
  longKeepSimilarity: number;
  /**
   * In a long article (`longArticleWords`), a paraphrase-level passage under `shortParaphraseWords`
   * article words needs at least `shortParaphraseContainment` of its article content words in its
   * source span, one for one (0: no such test): same-topic text pairs loose sentences that share
   * their frame, not their words.
   */
  shortParaphraseWords: number;
  shortParaphraseContainment: number;
  /**
   * Stock passages, by the reference set's own statistics: in a set of at least `stockMinDocs`
   * documents, a passage sharing at most `leanWords` words with its source span that are not stop
   * words, numbers or names (matched one for one) is kept only if the word n-grams (SEED_N words) it
   * shares with that span add up, each counted 1/k when k references hold it, to `leanDistinctGrams`.
   * A definition, a mission statement or a list of terms, told on every page about the subject, is
   * phrasing many references share (or words in other order), not copying from this one; a copy
   * shares phrases only its source holds, or more words. 0: off.
   */
  leanWords: number;
  leanDistinctGrams: number;
  /**
   * With `leanDistinctGrams`: the stock test only for a passage without pair-level evidence — no
   * other passage of the article from its source or from a version of it (a reference holding half
   * of the source span's n-grams: an update of the same story), and a source holding less than
   * `leanVocabulary` of the article's particular vocabulary (see `vocabularyHeld`); judged after
   * `resolveAcross`, so a lean passage still takes part in settling overlapping cases. A rewritten
   * wire story is one of several passages from the story's versions, or the story's own words; a
   * definition every page on a subject gives stands alone. Also, with `leanPairEvidence`: only a
   * source holding at least `leanVocabularyMin` of the article's vocabulary (the article's subject:
   * a passage of another subject inside an article is no stock phrasing of it) and sharing at least
   * `leanSharedGrams` n-grams within the look-up's limits with the passage (stock phrasing is shared
   * phrasing; a passage sharing none is left to the other tests). Off: with leanDistinctGrams 1 and
   * the two at 0 METER's tuning half is unchanged but PAN13 train folders 03–05 lose 0.0003–0.0006;
   * with 0.12 and 1 no folder loses, fitted on a handful of detections (docs/EVALUATION.md, round 18).
   * And with `leanPairEvidence`: in an article holding at least `leanOthers` passages of other
   * sources (after `resolveAcross`) no passage is tested: an article pieced together from several
   * references is where one more short passage is one more copied piece, while stock phrasing is
   * what an article otherwise its own shares with one reference (0: no such condition). With 4 and
   * `leanVocabularyMin` 0.12 no PAN13 train folder but 01 changes; the floor rests on one detection
   * and fails a split of train, so all is off (docs/EVALUATION.md, round 19).
   */
  leanPairEvidence: boolean;
  leanVocabulary: number;
  leanVocabularyMin: number;
  leanSharedGrams: number;
  leanOthers: number;
  /** joined gaps may differ in length by at most this many words, or by half the longer one if more */
  joinSkew: number;
  /**
   * reordered pieces: a passage of the same document at most `joinGap` words after the chain in the
   * article whose reference span lies before the chain's, or inside it, joins it when the joined
   * reference span is at most this many times the joined article span, plus `joinSkew` words (one
   * copied stretch whose sentences or clauses the copy moved about, not two stretches of the source
   * far apart). Not two verbatim or near-verbatim pieces: their edges are exact, each is shown as it is. 0: off
   */
  joinReordered: number;
  /**
   * a document with a verbatim passage of at least this many article words is copied verbatim (the
   * anchor's verbatim setting): its n-gram passages stand and sentence-level cases are not added
   */
  verbatimPairWords: number;
  /** the sentence-level stage runs against the best this many candidate documents */
  sentenceCandidates: number;
  /**
   * verbatim pairs (see `verbatimPairWords`) take no place among the `sentenceCandidates`: the
   * stage would not change their passages, and suspicious documents with many verbatim sources
   * left no place for the obfuscated ones
   */
  sentenceSkipVerbatim: boolean;
  /** candidate ranking: seeds count fully only with another seed this near in both texts (0: all count; see rankCandidates) */
  candidateNear: number;
  /**
   * beyond the first `maxCandidates` / `sentenceCandidates`, documents whose rank score reaches
   * `candidateMinScore` are candidates too, up to `candidateCap` in all: a document copied from many
   * sources (PAN13 03 and 04 have up to 19) needs more places than one copied from a few, and a long
   * one shares stray 3-grams with many more documents than it copies (a source copied with random
   * obfuscation keeps few 3-grams and may rank 40th to 60th behind them)
   */
  candidateMinScore: number;
  candidateCap: number;
  /**
   * substance: a passage needs at least this many shared words that are not names (capitalised
   * inside a sentence), numbers, stop words or, in a set of at least `stockMinDocs` documents,
   * words found in more than `stockShare` of them (the set's own stock vocabulary)
   */
  minSubstanceWords: number;
  /** a sentence-level case (other than a summary) is kept only if its word similarity reaches this:
   * below it, long cases of unrelated prose sharing function words and names pass the anchor's
   * thresholds in small reference sets */
  sentenceMinSimilarity: number;
  /** a summary case is kept only if this share of its article content words occur in its source span */
  summaryContainment: number;
  stockShare: number;
  stockMinDocs: number;
  /**
   * quoted by both: a shared word inside quotation marks in the article whose counterpart in the
   * reference is inside quotation marks too carries no substance (both quote the same speaker:
   * quoting, not copying the reference), whether or not the article's quote is attributed
   */
  substanceQuotedByBoth: boolean;
  /**
   * document-level evidence (the copied-passage rule's, `pairEvidenceFilter`; `align` does not
   * apply it): a passage shorter than `pairStandWords` article words is kept only
   * when all the passages of its document together share at least `pairMinWords` words of
   * substance (as `minSubstanceWords` counts them) outside quotations both texts have: a short
   * passage is copying when the pair shows reuse beyond it, and a stock lede or the same facts of
   * one story told twice when it does not. Long passages stand on their own, and so does a passage
   * of at least `pairStandShare` of the article's words (a short article copied whole). 0: off
   */
  pairMinWords: number;
  pairStandWords: number;
  pairStandShare: number;
  /**
   * a passage at least this share of whose words (outside attributed quotation) are quoted by both
   * texts is a shared quotation (both heard the same speaker), not copied writing: it is kept only
   * when it stands on its length and the pair shares `pairMinWords` words of substance outside it. 0: off
   */
  pairQuotedShare: number;
  /** a passage that stands on its length needs this many words of substance of its own (a list of names does not stand) */
  pairStandSubstance: number;
  /**
   * for `pairEvidenceFilter`: no word of an article sentence of 4+ words, at least this share of
   * which begin with a capital letter, carries substance: a list of names (a line-up of one club, a
   * cast) is shared by every report that prints it, and its first word is a name too. 0: off
   */
  pairNameListShare: number;
  /**
   * stock phrasing by the reference set's own statistics, for `pairEvidenceFilter`: a shared word
   * whose every n-gram (SEED_N words) shared with the source span is found in at least this many
   * reference documents carries no substance (a formula of the trade, "was remanded in custody",
   * "report their findings in the journal", written by everyone); a word in a shared n-gram found in
   * fewer documents, or in none (reworded), counts as before. 0: off
   */
  pairStockGramDocs: number;
  /**
   * for `pairEvidenceFilter`: a document none of whose passages stands on its length must share a
   * name with the article (a word capitalised inside an article sentence, found anywhere in the
   * document, that is not the set's stock vocabulary by `stockShare`): a few short runs of words
   * shared with a story about other people and places are the trade's phrasing, not copying from it
   */
  pairSharedName: boolean;
  /**
   * for `pairEvidenceFilter`, in a set of at least `stockMinDocs` documents: a source whose shared
   * n-grams (SEED_N words) are mostly held by unrelated references too must have them add up, each
   * counted 1/k when k references hold it, to this much. The source's versions count as the source:
   * references holding half the passage's n-grams (an update of the same story; not merely a passage
   * over the same article words, which other stories on the subject have too).
   * A phrase many otherwise unrelated references hold is the subject's vocabulary (the name of a law,
   * an inquiry, a product, written in every story about it), so a source sharing only such phrases
   * with the article is another story on the same subject, not the one copied. A reworded passage,
   * sharing few n-grams, is left to the other tests; in a smaller set there is too little to tell a
   * subject from a story. 0: off
   */
  pairDistinctGrams: number;
  /**
   * for `pairEvidenceFilter`, in a set of at least `stockMinDocs` documents: a source none of whose
   * passages shares a run of `pairLooseRun` words with the article must share n-grams adding up, each
   * counted 1/k as for `pairDistinctGrams`, to `pairLooseGrams`. An archive holds other stories of the
   * same kind (another week's chart, another firm's rumour) told in the same words here and there; a
   * copy shares a long run or many phrases. A source is kept when it holds `pairLooseVocabulary` of
   * the article's vocabulary (`vocabularyHeld`: the article retells its story). 0: off
   */
  pairLooseRun: number;
  pairLooseGrams: number;
  pairLooseVocabulary: number;
  /**
   * restated sentences (the copied-passage rule's, `restatedSentences`; `align` does not apply
   * them): beside the passages of a source the rule reports, an article sentence of at least
   * `restateMinContent` content words (not stop words, numbers or words between quotation marks),
   * at least `restateShare` of whose content stems stand in `restateWindow` consecutive sentences of
   * that source, is that source's sentences rewritten. 0: off
   */
  restateWindow: number;
  restateShare: number;
  restateMinContent: number;
  /** a restated sentence needs a kept passage of its source within this many words, in the article and in the source (0: any distance) */
  restateNear: number;
  /** a restated sentence's word similarity to its source sentences, at least */
  restateMinSimilarity: number;
  /** the information (sum of ln(N / df) over the reference set) of the content words a restated sentence shares, at least */
  restateMinInformation: number;
  /**
   * a restated sentence's tf-idf cosine (as the sentence stage weighs stems) with its best single
   * source sentence, at least (0: not asked)
   */
  restatePairCosine: number;
  /**
   * a restated sentence must lie between two kept passages of its source, in the article, whose
   * source spans lie before and after its best source sentence: rewriting follows the source's order
   */
  restateBracket: boolean;
}

export const DEFAULT_ALIGN: AlignOptions = {
  minWords: 8,
  maxGap: 20,
  maxSeedDocs: 50,
  maxSeedHits: 200,
  commonSeedDocs: 5,
  commonSeedShare: 0.005,
  minRareSeeds: 2,
  boilerplateWords: 15,
  boilerplateDocs: 3,
  paraphrase: true,
  sentenceCosine: 0.5,
  sentenceDice: 0.45,
  maxCandidates: 10,
  minParaphraseSimilarity: 0.4,
  nearVerbatim: 0.8,
  summaryGap: 40,
  summaryRatio: 3,
  reorderTolerant: true,
  reorderKeepWords: 30,
  minParaphraseWords: 15,
  sentenceAlign: true,
  sentence: DEFAULT_SENTENCE_ALIGN,
  sentenceKeepVerbatim: 0,
  sentenceDense: 0.4,
  newSentenceWords: 6,
  densePieceWords: 40,
  joinGap: 60,
  joinSkew: 25,
  joinReordered: 1.5,
  longArticleWords: 1000,
  longMinParaphraseWords: 25,
  longKeepSimilarity: 0.7,
  shortParaphraseWords: 50,
  shortParaphraseContainment: 0.4,
  leanWords: 7,
  // off: on PAN13 train it takes folder 01 from 9 detections to 5 and raises every folder's plagdet,
  // but costs METER's tuning half document and word F1 (docs/EVALUATION.md, "Issue 12, round 17"); 3 when on
  leanDistinctGrams: 0,
  leanPairEvidence: false,
  leanVocabulary: 0.35,
  leanVocabularyMin: 0,
  leanSharedGrams: 0,
  leanOthers: 0,
  verbatimPairWords: 40,
  sentenceCandidates: 10,
  sentenceSkipVerbatim: true,
  candidateNear: 100,
  candidateMinScore: 3,
  candidateCap: 60,
  minSubstanceWords: 2,
  sentenceMinSimilarity: 0.25,
  summaryContainment: 0.5,
  stockShare: 0.1,
  stockMinDocs: 20,
  substanceQuotedByBoth: false,
  pairMinWords: 4,
  pairStandWords: 40,
  pairStandShare: 0.3,
  pairQuotedShare: 0.5,
  pairStandSubstance: 2,
  pairNameListShare: 0.75,
  pairStockGramDocs: 24,
  pairSharedName: true,
  pairDistinctGrams: 4,
  // off: it drops METER rewrites that share few phrases with their wire story (docs/EVALUATION.md,
  // "Copied passages, round 13"); 10 when on
  pairLooseRun: 0,
  pairLooseGrams: 8,
  pairLooseVocabulary: 0.4,
  // off until its findings are judged on real copy (docs/EVALUATION.md, "Issue 12, round 7"); 3 when on
  restateWindow: 0,
  restateShare: 0.5,
  restateMinContent: 4,
  restateNear: 60,
  restateMinSimilarity: 0.2,
  restateMinInformation: 20,
  // off: with the stage on, a cosine of 0.6 (and restateMinSimilarity 0.3) still left 11 of 26 judged
  // restated sentences on BBC and PolNeAR wrong, and the order test did not separate them
  // (docs/EVALUATION.md, "Issue 12, round 15 METER")
  restatePairCosine: 0,
  restateBracket: false,
};

export interface Passage {
  /** document number in the index (index.docs[doc]) */
  doc: number;
  /** character spans in the article and in the reference */
  a: Span;
  b: Span;
  /** token ranges [from, to) in the article model and the reference's token arrays */
  aTok: [number, number];
  bTok: [number, number];
  /** word-level similarity, 0..1 (Dice over the longest common word subsequence) */
  similarity: number;
  level: MatchLevel;
  /** article words in the passage */
  words: number;
}

export interface Seed {
  i: number; // article token
  j: number; // reference token
  li: number; // length in article tokens
  lj: number; // length in reference tokens
  /** 0: a rare n-gram, 1: a common (stock) n-gram, 2: a sentence pair */
  kind: 0 | 1 | 2;
}

/** articleTerms' answer per text model (a check asks for it from align() and from the pair filter) */
const termsOf = new WeakMap<TextModel, { index: ReferenceIndex; size: number; terms: Int32Array }>();

/**
 * Term ids of the article's tokens in the index's dictionary (-1: not in any reference). One array
 * per model and dictionary size, shared by the callers: read it only.
 */
export function articleTerms(doc: TextModel, index: ReferenceIndex): Int32Array {
  const hit = termsOf.get(doc);
  if (hit && hit.index === index && hit.size === index.terms.size) return hit.terms;
  const out = new Int32Array(doc.tokens.length);
  doc.tokens.forEach((t, k) => (out[k] = index.terms.lookup(t.norm)));
  termsOf.set(doc, { index, size: index.terms.size, terms: out });
  return out;
}

/** Is reference token `pos` on one of `lines` (a document's lines) that is boilerplate? */
function onBoilerplate(index: ReferenceIndex, lines: LineRange[], pos: number, o: AlignOptions): boolean {
  const k = spanAt(lines, pos, 'from', 'to');
  if (k < 0) return false;
  const l = lines[k]!;
  return l.to - l.from <= o.boilerplateWords && index.lineDocFreq(l.hash) >= o.boilerplateDocs;
}

/** n-gram seeds per reference document. */
export function ngramSeeds(
  terms: Int32Array,
  index: ReferenceIndex,
  o: AlignOptions,
  from = 0,
  to = terms.length,
): Map<number, Seed[]> {
  const byDoc = new Map<number, Seed[]>();
  const hits: number[] = [];
  const commonDocs = Math.max(o.commonSeedDocs, Math.ceil(o.commonSeedShare * index.documentCount));
  // a lazily opened index file: read what the look-ups below need in a few sorted reads
  index.prefetchNgrams(terms, from, to, o.maxSeedHits, o.maxSeedDocs);
  for (let i = from; i + SEED_N <= to; i++) {
    let known = true;
    for (let k = 0; k < SEED_N; k++) if (terms[i + k]! < 0) known = false;
    if (!known) continue;
    // an n-gram over maxSeedHits hits or maxSeedDocs documents is dropped below: stop scanning it there
    const nh = index.lookupHits(terms, i, o.maxSeedHits, o.maxSeedDocs, hits);
    if (nh <= 0) continue;
    // document frequency of this n-gram
    let docs = 0;
    let last = -1;
    for (let h = 0; h < nh; h += 2) {
      if (hits[h] !== last) {
        docs++;
        last = hits[h]!;
      }
    }
    if (docs > o.maxSeedDocs || nh / 2 > o.maxSeedHits) continue;
    const kind = docs >= commonDocs ? 1 : 0;
    for (let h = 0; h < nh; h += 2) {
      const doc = hits[h]!;
      const pos = hits[h + 1]!;
      if (o.skipDocs?.has(doc)) continue;
      const lines = index.linesOf(doc);
      if (lines.length > 0 && onBoilerplate(index, lines, pos, o)) continue;
      let list = byDoc.get(doc);
      if (!list) byDoc.set(doc, (list = []));
      list.push({ i, j: pos, li: SEED_N, lj: SEED_N, kind });
    }
  }
  return byDoc;
}

/** Whether some cluster of `seeds` may pass passageOf's first test (a sentence pair, or minRareSeeds rare seeds). */
function mayHavePassage(seeds: readonly Seed[], o: AlignOptions): boolean {
  if (!(o.minRareSeeds > 0)) return true;
  let rare = 0;
  for (const s of seeds) {
    if (s.kind === 2) return true;
    if (s.kind === 0 && ++rare >= o.minRareSeeds) return true;
  }
  return false;
}

/**
 * Split seeds into groups where consecutive seeds (sorted by their start in the article, or with
 * `byJ` in the reference; a stable sort) are more than `gap` apart. Seeds already in that order (as
 * ngramSeeds gives them) are not copied to be sorted, and a list that does not split comes back as
 * the same array.
 */
function splitBy(seeds: Seed[], byJ: boolean, gap: number): Seed[][] {
  let sorted = true;
  for (let k = 1; k < seeds.length && sorted; k++) sorted = (byJ ? seeds[k]!.j - seeds[k - 1]!.j : seeds[k]!.i - seeds[k - 1]!.i) >= 0;
  const list = sorted ? seeds : [...seeds].sort(byJ ? (x, y) => x.j - y.j : (x, y) => x.i - y.i);
  const out: Seed[][] = [];
  let from = 0;
  let end = -Infinity;
  for (let k = 0; k < list.length; k++) {
    const s = list[k]!;
    const start = byJ ? s.j : s.i;
    if (k > from && start - end > gap) {
      out.push(list.slice(from, k));
      from = k;
      end = -Infinity;
    }
    end = Math.max(end, start + (byJ ? s.lj : s.li));
  }
  if (list.length > from) out.push(from === 0 ? list : list.slice(from));
  return out;
}

/** Split seeds (in article order) where the reference side jumps back: reordered text. */
function monotoneRuns(seeds: Seed[]): Seed[][] {
  const sorted = [...seeds].sort((x, y) => x.i - y.i || x.j - y.j);
  const out: Seed[][] = [];
  let cur: Seed[] = [];
  let maxJ = -Infinity;
  for (const s of sorted) {
    if (cur.length && s.j + s.lj < maxJ - 2 * SEED_N) {
      out.push(cur);
      cur = [];
      maxJ = -Infinity;
    }
    cur.push(s);
    maxJ = Math.max(maxJ, s.j + s.lj);
  }
  if (cur.length) out.push(cur);
  return out;
}

/** Alternate splitting by article and reference gaps until no group splits further. */
export function clusterSeeds(seeds: Seed[], gap: number): Seed[][] {
  let groups = [seeds];
  for (let round = 0; round < 8; round++) {
    const next: Seed[][] = [];
    let changed = false;
    for (const g of groups) {
      const byA = splitBy(g, false, gap);
      for (const ga of byA) {
        const byB = splitBy(ga, true, gap);
        if (byA.length > 1 || byB.length > 1) changed = true;
        next.push(...byB);
      }
    }
    groups = next;
    if (!changed) break;
  }
  return groups;
}

// ---- sentence level ----------------------------------------------------------------------

interface SentVec {
  tokFrom: number;
  tokTo: number;
  weights: Map<number, number>; // stem id → tf-idf weight
  norm: number;
  stems: Set<number>;
}

function sentenceVectors(
  termsOf: (k: number) => number,
  sentences: { tokenStart: number; tokenEnd: number }[],
  index: ReferenceIndex,
): SentVec[] {
  const out: SentVec[] = [];
  for (const s of sentences) {
    const weights = new Map<number, number>();
    for (let k = s.tokenStart; k < s.tokenEnd; k++) {
      const t = termsOf(k);
      if (t < 0) continue; // unknown to every reference: cannot match
      if (index.terms.stop[t]) continue;
      const stem = index.terms.stemId(t);
      weights.set(stem, (weights.get(stem) ?? 0) + index.idf(t));
    }
    let norm = 0;
    for (const w of weights.values()) norm += w * w;
    out.push({ tokFrom: s.tokenStart, tokTo: s.tokenEnd, weights, norm: Math.sqrt(norm), stems: new Set(weights.keys()) });
  }
  return out;
}

function cosine(x: SentVec, y: SentVec): number {
  if (x.norm === 0 || y.norm === 0) return 0;
  const [small, big] = x.weights.size < y.weights.size ? [x, y] : [y, x];
  let dot = 0;
  for (const [k, w] of small.weights) {
    const v = big.weights.get(k);
    if (v !== undefined) dot += w * v;
  }
  return dot / (x.norm * y.norm);
}

function dice(x: Pick<SentVec, 'stems'>, y: Pick<SentVec, 'stems'>): number {
  if (x.stems.size === 0 || y.stems.size === 0) return 0;
  let shared = 0;
  for (const s of x.stems) if (y.stems.has(s)) shared++;
  return (2 * shared) / (x.stems.size + y.stems.size);
}

/**
 * The text model of a reference document (analyse(text)), cached per index (LRU of 256 documents):
 * assembled from the index's tokens and stored sentences where it can (reference-analyses.ts).
 */
const refModels = new DocCache<TextModel>(256);
export function referenceModel(index: ReferenceIndex, doc: number): TextModel {
  return refModels.get(index, doc, () => referenceTextModel(index, doc));
}

/**
 * Candidate documents for sentence-level comparison, best first, ranked by their n-gram seeds: a
 * rare seed counts 1, a common (stock) one 0.1. With `candidateNear` > 0, a seed counts fully only
 * when another seed of the document lies within that many words of it in both texts, else 0.1 of
 * its weight: the few 3-grams an obfuscated copy keeps lie together, while a long unrelated document
 * collects scattered ones.
 */
export function rankCandidates(seeded: Map<number, Seed[]>, near: number, min: number, kept?: PassageMemo): CandidateRanking {
  const head: [number, number][] = [];
  const rest: [number, number][] = [];
  for (const [doc, seeds] of seeded) {
    const score = kept ? kept.score(doc, seeds, near) : candidateScore(seeds, near);
    (score >= min ? head : rest).push([doc, score]);
  }
  return new CandidateRanking(min, head, rest);
}

const byCandidateRank = (a: [number, number], b: [number, number]) => b[1] - a[1] || a[0] - b[0];

/**
 * Documents with their candidate scores, best first (ties: the lower document number first): those
 * scoring at least the ranking's `min` (`head`) sorted at once, the others (thousands in a long
 * article, read only while fewer than a floor of candidates are taken) when first read.
 */
export class CandidateRanking {
  private restSorted = false;
  constructor(
    readonly min: number,
    /** the documents scoring at least `min`, sorted */
    readonly head: [number, number][],
    private readonly others: [number, number][],
  ) {
    head.sort(byCandidateRank);
  }

  /** the documents scoring under `min`, sorted (they follow `head`) */
  rest(): [number, number][] {
    if (!this.restSorted) {
      this.others.sort(byCandidateRank);
      this.restSorted = true;
    }
    return this.others;
  }
}

/** A document's candidate score from its n-gram seeds (rankCandidates). */
function candidateScore(seeds: Seed[], near: number): number {
  {
    let s = 0;
    if (near <= 0) for (const x of seeds) s += x.kind === 0 ? 1 : 0.1;
    else {
      const xs = seeds.length > 1 && seeds.some((x, k) => k > 0 && x.i < seeds[k - 1]!.i) ? [...seeds].sort((a, b) => a.i - b.i) : seeds;
      for (let k = 0; k < xs.length; k++) {
        const x = xs[k]!;
        let paired = false;
        for (let m = k - 1; !paired && m >= 0 && x.i - xs[m]!.i <= near; m--) paired = xs[m]!.i !== x.i && Math.abs(xs[m]!.j - x.j) <= near;
        for (let m = k + 1; !paired && m < xs.length && xs[m]!.i - x.i <= near; m++) paired = xs[m]!.i !== x.i && Math.abs(xs[m]!.j - x.j) <= near;
        s += (x.kind === 0 ? 1 : 0.1) * (paired ? 1 : 0.1);
      }
    }
    return s;
  }
}

/** Two seed lists with the same seeds in the same order. */
function sameSeeds(x: readonly Seed[], y: readonly Seed[]): boolean {
  if (x === y) return true;
  if (x.length !== y.length) return false;
  for (let k = 0; k < x.length; k++) {
    const a = x[k]!;
    const b = y[k]!;
    if (a !== b && (a.i !== b.i || a.j !== b.j || a.li !== b.li || a.lj !== b.lj || a.kind !== b.kind)) return false;
  }
  return true;
}

/** The first `floor` of the ranked candidates, then those scoring at least the ranking's `min`, at most `cap` in all. */
export function takeCandidates(ranked: CandidateRanking | null, floor: number, cap: number, skip: (d: number) => boolean): number[] {
  const out: number[] = [];
  if (!ranked) return out;
  const min = ranked.min;
  const take = (d: number, score: number): boolean => {
    if (out.length >= Math.max(floor, cap)) return false;
    if (out.length >= floor && !(score >= min)) return false;
    if (!skip(d)) out.push(d);
    return true;
  };
  for (const [d, score] of ranked.head) if (!take(d, score)) return out;
  // the rest score under `min`: read (and sorted) only to fill the floor
  if (out.length >= floor) return out;
  for (const [d, score] of ranked.rest()) if (!take(d, score)) break;
  return out;
}

/** A verbatim pair (the anchor's verbatim setting): a verbatim passage of at least `verbatimPairWords` words. */
function verbatimPair(ps: Passage[], o: AlignOptions): boolean {
  return ps.some((p) => p.level === 'verbatim' && p.words >= o.verbatimPairWords);
}

/**
 * Sentence-pair seeds between the article and one reference document: pairs reaching the Dice
 * threshold are found through shared stems (sentence-pairs.ts), then checked by tf-idf cosine.
 * Same seeds, in the same order, as comparing every pair.
 */
function sentenceSeeds(
  article: SentVec[],
  articleIdx: ArticleStems,
  doc: number,
  index: ReferenceIndex,
  o: AlignOptions,
): Seed[] {
  const d = index.docs[doc]!;
  const out: Seed[] = [];
  if (!(o.sentenceDice > 0)) {
    // every pair can pass the Dice test: compare all of them
    const ranges = refSentenceRanges(index, doc);
    const sents: { tokenStart: number; tokenEnd: number }[] = [];
    for (let k = 0; k < ranges.length; k += 2) sents.push({ tokenStart: ranges[k]!, tokenEnd: ranges[k + 1]! });
    const refSents = sentenceVectors((k) => d.tokens.terms[k]!, sents, index);
    for (const x of article) {
      if (x.stems.size < 3) continue;
      for (const y of refSents) {
        if (y.stems.size < 3) continue;
        if (dice(x, y) < o.sentenceDice) continue;
        if (cosine(x, y) < o.sentenceCosine) continue;
        out.push({ i: x.tokFrom, j: y.tokFrom, li: x.tokTo - x.tokFrom, lj: y.tokTo - y.tokFrom, kind: 2 });
      }
    }
    return out;
  }
  const pairs = cosinePassingPairs(article, articleIdx, doc, index, o);
  for (let k = 0; k < pairs.length; k += 3) {
    const x = article[pairs[k]!]!;
    out.push({ i: x.tokFrom, j: pairs[k + 1]!, li: x.tokTo - x.tokFrom, lj: pairs[k + 2]! - pairs[k + 1]!, kind: 2 });
  }
  return out;
}

/** The vector of reference document `doc`'s sentence over tokens [from, to). */
function refSentenceVector(index: ReferenceIndex, doc: number, from: number, to: number): SentVec {
  const terms = index.docs[doc]!.tokens.terms;
  return sentenceVectors((t) => terms[t]!, [{ tokenStart: from, tokenEnd: to }], index)[0]!;
}

/**
 * The sentence pairs of `article` (indexed as `articleIdx`) and reference `doc` reaching the Dice
 * threshold (found through shared stems, dicePairs) and the cosine threshold, in dicePairs' order:
 * flat triples (article sentence, reference token from, to).
 */
function cosinePassingPairs(article: SentVec[], articleIdx: ArticleStems, doc: number, index: ReferenceIndex, o: AlignOptions): number[] {
  const found = dicePairs(articleIdx, index, doc, 3, o.sentenceDice);
  const out: number[] = [];
  for (let k = 0; k < found.length; k += 4) {
    if (cosine(article[found[k]!]!, refSentenceVector(index, doc, found[k + 1]!, found[k + 2]!)) >= o.sentenceCosine) out.push(found[k]!, found[k + 1]!, found[k + 2]!);
  }
  return out;
}

/** A reference sentence as the paraphrase stage compares it: its distinct content stems, its vector once needed. */
interface RefSentence {
  from: number;
  to: number;
  stems: Set<number>;
  vec?: SentVec;
}

/**
 * The paraphrase stage's sentence pairs (sentenceSeeds) kept between checks of one edited document.
 * Whether an article sentence pairs with a reference sentence reads only the two sentences' vectors
 * (Dice over their content stems, then the cosine), and an article sentence's vector is fixed by its
 * weights in order. So the reference sentences each article sentence pairs with are kept per reference
 * document under those weights, and only sentences not met before are compared (a few one by one
 * against the reference's sentences, many in one dicePairs pass as sentenceSeeds does); the seeds come
 * out in sentenceSeeds' order (article sentence, then reference sentence). Entries unused for a few checks
 * are dropped, and all of them when the index or the thresholds change.
 */
export class SentencePairMemo {
  private docs = new Map<number, { refs: RefSentence[] | null; bySentence: Map<number, { pairs: number[]; used: number }>; used: number }>();
  /**
   * each sentence key met (its weights in order) as a small number, so that the per-document look-ups
   * compare numbers, not long strings; dropped with every entry when it grows past `maxKeys`
   */
  private keyIds = new Map<string, number>();
  private generation = 0;
  private sig = '';
  private index: ReferenceIndex | null = null;
  /** article sentences compared with a reference, and the pairs returned */
  readonly stats = { compared: 0, pairs: 0 };
  /** up to this many sentences not met before are compared one by one against a reference's sentences */
  static readonly fewSentences = 4;

  constructor(
    private readonly keepGenerations = 3,
    private readonly maxKeys = 20_000,
  ) {}

  /** each article sentence's key (the number of its weights in order, keyIds) in this check */
  private keys: number[] = [];

  /** Starts a check of `article`: entries of another index or other thresholds are dropped, unused ones aged. */
  next(index: ReferenceIndex, o: AlignOptions, article: SentVec[]): void {
    if (this.keyIds.size > this.maxKeys) {
      this.keyIds.clear();
      this.docs.clear();
    }
    this.keys = article.map((x) => {
      let key = '';
      for (const [k, w] of x.weights) key += `${k}:${w},`;
      let id = this.keyIds.get(key);
      if (id === undefined) this.keyIds.set(key, (id = this.keyIds.size));
      return id;
    });
    const sig = `${index.docs.length}:${index.documentCount}:${index.wordCount}:${o.sentenceDice}:${o.sentenceCosine}`;
    if (index !== this.index || sig !== this.sig) {
      this.docs.clear();
      this.index = index;
      this.sig = sig;
    }
    const gen = ++this.generation;
    for (const [num, d] of this.docs) {
      if (gen - d.used >= this.keepGenerations) this.docs.delete(num);
      else for (const [k, e] of d.bySentence) if (gen - e.used >= this.keepGenerations) d.bySentence.delete(k);
    }
  }

  clear(): void {
    this.docs.clear();
    this.index = null;
  }

  /**
   * What sentenceSeeds(article, articleIdx, doc, index, o) returns (o.sentenceDice > 0), `article` the
   * sentences given to next() and `articleIdx` their articleStems(…, 3).
   */
  seeds(article: SentVec[], articleIdx: ArticleStems, doc: number, index: ReferenceIndex, o: AlignOptions): Seed[] {
    const gen = this.generation;
    let entry = this.docs.get(doc);
    if (!entry) this.docs.set(doc, (entry = { refs: null, bySentence: new Map(), used: gen }));
    entry.used = gen;
    // dicePairs takes article sentences of 3 or more distinct content stems
    const missing: number[] = [];
    let eligible = 0;
    for (let n = 0; n < article.length; n++) {
      if (article[n]!.stems.size < 3) continue;
      eligible++;
      if (!entry.bySentence.has(this.keys[n]!)) missing.push(n);
    }
    this.stats.compared += missing.length;
    if (missing.length === eligible && missing.length > 0) {
      // none met (an article opened, a new candidate): sentenceSeeds' pass, over the article's one stem index
      const found = cosinePassingPairs(article, articleIdx, doc, index, o);
      const lists = new Map<number, number[]>();
      for (const n of missing) lists.set(n, []);
      for (let k = 0; k < found.length; k += 3) lists.get(found[k]!)!.push(found[k + 1]!, found[k + 2]!);
      // sentences of one key share its pairs (the last one's: the same, by the same vector)
      for (const [n, pairs] of lists) entry.bySentence.set(this.keys[n]!, { pairs, used: gen });
    } else if (missing.length > SentencePairMemo.fewSentences) {
      // many sentences not met (an article opened, a new candidate): one dicePairs pass over the reference
      const sents = missing.map((n) => article[n]!);
      const found = cosinePassingPairs(sents, articleStems(sents.map((x) => x.stems), 3), doc, index, o);
      const lists = missing.map(() => [] as number[]);
      for (let k = 0; k < found.length; k += 3) lists[found[k]!]!.push(found[k + 1]!, found[k + 2]!);
      missing.forEach((n, m) => entry.bySentence.set(this.keys[n]!, { pairs: lists[m]!, used: gen }));
    } else if (missing.length) {
      // a few (an edit): each against the reference's sentences, kept with their stems
      const refs = (entry.refs ??= refSentences(index, doc));
      for (const n of missing) {
        const x = article[n]!;
        const pairs: number[] = [];
        for (const y of refs) {
          if (dice(x, y) < o.sentenceDice) continue;
          y.vec ??= refSentenceVector(index, doc, y.from, y.to);
          if (cosine(x, y.vec) < o.sentenceCosine) continue;
          pairs.push(y.from, y.to);
        }
        entry.bySentence.set(this.keys[n]!, { pairs, used: gen });
      }
    }
    const out: Seed[] = [];
    for (let n = 0; n < article.length; n++) {
      const x = article[n]!;
      if (x.stems.size < 3) continue;
      const e = entry.bySentence.get(this.keys[n]!)!;
      e.used = gen;
      this.stats.pairs += e.pairs.length / 2;
      for (let k = 0; k < e.pairs.length; k += 2) out.push({ i: x.tokFrom, j: e.pairs[k]!, li: x.tokTo - x.tokFrom, lj: e.pairs[k + 1]! - e.pairs[k]!, kind: 2 });
    }
    return out;
  }
}

/** The reference sentences dicePairs compares (3 or more tokens and distinct content stems), in order. */
function refSentences(index: ReferenceIndex, num: number): RefSentence[] {
  const d = index.docs[num]!;
  const ranges = refSentenceRanges(index, num);
  const out: RefSentence[] = [];
  for (let y = 0; y < ranges.length; y += 2) {
    const from = ranges[y]!;
    const to = ranges[y + 1]!;
    if (to - from < 3) continue;
    const stems = new Set<number>();
    for (let k = from; k < to; k++) {
      const t = d.tokens.terms[k]!;
      if (!index.terms.stop[t]) stems.add(index.terms.stemId(t));
    }
    if (stems.size >= 3) out.push({ from, to, stems });
  }
  return out;
}

// ---- grading -----------------------------------------------------------------------------

/**
 * Dice similarity of two word sequences over their longest common subsequence, and equality. Words as
 * ids (articleIds, refIds): equal ids for equal words.
 */
export function wordSimilarity(a: Int32Array, b: Int32Array): { similarity: number; identical: boolean } {
  if (a.length === 0 && b.length === 0) return { similarity: 1, identical: true };
  let same = a.length === b.length;
  if (same) for (let k = 0; k < a.length; k++) if (a[k] !== b[k]) same = false;
  if (same) return { similarity: 1, identical: true };
  // very long passages: bag-of-words overlap instead of an LCS
  if (a.length * b.length > 4_000_000) return { similarity: bagDice(a, b), identical: false };
  return { similarity: (2 * commonWords(a, b)) / (a.length + b.length), identical: false };
}

let bagCounts = new Int32Array(1024);

/** How many words `a` and `b` (ids; below 0 in `a`: a word `b` lacks) share, one for one, in any order. */
function sharedWords(a: Int32Array, b: Int32Array): number {
  let max = 0;
  for (let k = 0; k < b.length; k++) if (b[k]! > max) max = b[k]!;
  if (max >= bagCounts.length) bagCounts = new Int32Array(Math.max(max + 1, bagCounts.length * 2));
  const counts = bagCounts;
  for (let k = 0; k < b.length; k++) counts[b[k]!]!++;
  let shared = 0;
  for (let k = 0; k < a.length; k++) {
    const w = a[k]!;
    if (w >= 0 && w <= max && counts[w]! > 0) {
      counts[w]!--;
      shared++;
    }
  }
  for (let k = 0; k < b.length; k++) counts[b[k]!] = 0;
  return shared;
}

/** Two word sequences as ids (equal ids for equal words), for wordSimilarity. */
function wordIds(a: readonly string[], b: readonly string[]): [Int32Array, Int32Array] {
  const ids = new Map<string, number>();
  const of = (ws: readonly string[]) => Int32Array.from(ws, (w) => {
    let id = ids.get(w);
    if (id === undefined) ids.set(w, (id = ids.size));
    return id;
  });
  return [of(a), of(b)];
}

/** The level of a passage from its word similarity: identical words are verbatim, then by `nearVerbatim`. */
export function levelOf(similarity: number, identical: boolean, o: Pick<AlignOptions, 'nearVerbatim'>): MatchLevel {
  return identical ? 'verbatim' : similarity >= o.nearVerbatim ? 'near-verbatim' : 'paraphrase';
}

/**
 * Compare a passage's words in both texts: trim both ends to the first and last run of at least
 * two shared words (seeds from whole sentences overshoot), then grade the trimmed passage.
 */
function gradeAndTrim(
  doc: TextModel,
  index: ReferenceIndex,
  docNum: number,
  aTok: [number, number],
  bTok: [number, number],
  o: AlignOptions,
): { similarity: number; level: MatchLevel; aTok: [number, number]; bTok: [number, number] } {
  const shared = sharedRuns(doc, index, docNum, aTok, bTok, o);
  if (shared) {
    const { runs, pieces } = shared;
    // nothing shared outside the quotations: not a copied passage
    if (runs.length && !pieces.length) return { similarity: 0, level: 'paraphrase', aTok, bTok };
    const graded = trimRuns(doc, aTok, bTok, runs, pieces, o);
    if (graded) return graded;
  }
  const { similarity, identical } = wordSimilarity(articleIds(doc, index, aTok[0], aTok[1]), refIds(index, docNum, bTok[0], bTok[1]));
  return { similarity: Math.round(similarity * 1000) / 1000, level: levelOf(similarity, identical, o), aTok, bTok };
}

/** A run of shared words: [article offset, reference offset, length], offsets from the ranges' starts. */
type Run = [number, number, number];

/**
 * The words the article range shares with the reference range, in order (a diff of their word ids), as `runs`;
 * `pieces` are the runs with the article's quoted words (`o.quoted`) cut out: quoting is not copying, so those
 * match nothing. Null when the ranges are too long to diff.
 */
function sharedRuns(doc: TextModel, index: ReferenceIndex, docNum: number, aTok: [number, number], bTok: [number, number], o: AlignOptions): { runs: Run[]; pieces: Run[] } | null {
  const a = articleIds(doc, index, aTok[0], aTok[1]);
  const b = refIds(index, docNum, bTok[0], bTok[1]);
  if (a.length * b.length > 4_000_000) return null;
  const runs: Run[] = [];
  let ai = 0;
  let bi = 0;
  const d = diffIdsMemo(a, b);
  for (let k = 0; k < d.kinds.length; k++) {
    const n = d.counts[k]!;
    const kind = d.kinds[k]!;
    if (kind === ADDED) bi += n;
    else if (kind === REMOVED) ai += n;
    else {
      runs.push([ai, bi, n]);
      ai += n;
      bi += n;
    }
  }
  const q = o.quoted;
  if (!q) return { runs, pieces: runs };
  const pieces: Run[] = [];
  for (const [ai, bi, n] of runs) {
    let from = -1;
    for (let k = 0; k <= n; k++) {
      const inQuote = k < n && q[aTok[0] + ai + k] === 1;
      if (k < n && !inQuote) {
        if (from < 0) from = k;
      } else if (from >= 0) {
        pieces.push([ai + from, bi + from, k - from]);
        from = -1;
      }
    }
  }
  return { runs, pieces };
}

/**
 * The passage spanned by shared-word `pieces` (sharedRuns'), graded: it starts at the first and ends at the last
 * piece of two words or more, less an edge piece of one or two words cut off from the rest by a gap in another
 * article sentence (the place name of a headline and of a wire dateline is a chance match, not the start or end
 * of the copying); similarity is Dice over the words shared, the article's quoted words left out. Null when no
 * piece is left.
 */
function trimRuns(
  doc: TextModel,
  aTok: [number, number],
  bTok: [number, number],
  runs: readonly Run[],
  pieces: readonly Run[],
  o: AlignOptions,
): { similarity: number; level: MatchLevel; aTok: [number, number]; bTok: [number, number] } | null {
  const q = o.quoted;
  const use = pieces.filter((r) => r[2] >= 2);
  if (!use.length) use.push(...pieces);
  const sentenceOf = (r: Run, end: boolean) => doc.tokens[aTok[0] + r[0] + (end ? r[2] - 1 : 0)]!.sentence;
  const apart = (x: Run, y: Run) => Math.max(y[0] - x[0] - x[2], y[1] - x[1] - x[2]) >= EDGE_GAP && sentenceOf(x, true) !== sentenceOf(y, false);
  while (use.length > 1 && use[0]![2] <= 2 && apart(use[0]!, use[1]!)) use.shift();
  while (use.length > 1 && use[use.length - 1]![2] <= 2 && apart(use[use.length - 2]!, use[use.length - 1]!)) use.pop();
  if (!use.length) return null;
  const first = use[0]!;
  const last = use[use.length - 1]!;
  const na: [number, number] = [aTok[0] + first[0], aTok[0] + last[0] + last[2]];
  const nb: [number, number] = [bTok[0] + first[1], bTok[0] + last[1] + last[2]];
  let common = 0;
  for (const r of pieces) if (r[0] >= first[0] && r[0] + r[2] <= last[0] + last[2]) common += r[2];
  let quotedWords = 0;
  let quotedMatched = 0; // reference words matched by quoted article words
  if (q) {
    for (let k = na[0]; k < na[1]; k++) quotedWords += q[k]!;
    for (const [ai, , n] of runs) for (let k = Math.max(ai, first[0]); k < Math.min(ai + n, last[0] + last[2]); k++) quotedMatched += q[aTok[0] + k]!;
  }
  const la = na[1] - na[0] - quotedWords;
  const lb = nb[1] - nb[0] - quotedMatched;
  const identical = common === la && la === lb;
  const similarity = la + lb > 0 ? (2 * common) / (la + lb) : 0;
  return { similarity: Math.round(similarity * 1000) / 1000, level: levelOf(similarity, identical, o), aTok: na, bTok: nb };
}

/** gradeAndTrim: an edge run of at most two words this far (words, either text) from the next is dropped */
const EDGE_GAP = 4;

/**
 * A passage that starts on the last word or two of a sentence ("…he said. A man was arrested…")
 * starts at the next sentence instead; likewise at its end. The edges are shared-word runs, so the
 * reference side moves by the same number of words.
 */
function snapToSentences(doc: TextModel, aTok: [number, number], bTok: [number, number]): [[number, number], [number, number]] {
  const a: [number, number] = [aTok[0], aTok[1]];
  const b: [number, number] = [bTok[0], bTok[1]];
  const first = doc.sentences[doc.tokens[a[0]]!.sentence];
  if (first && a[0] > first.tokenStart && first.tokenEnd - a[0] <= 2 && a[1] > first.tokenEnd) {
    const shift = first.tokenEnd - a[0];
    if (b[1] - b[0] > shift) {
      a[0] += shift;
      b[0] += shift;
    }
  }
  const last = doc.sentences[doc.tokens[a[1] - 1]!.sentence];
  if (last && a[1] < last.tokenEnd && a[1] - last.tokenStart <= 2 && a[0] < last.tokenStart) {
    const shift = a[1] - last.tokenStart;
    if (b[1] - b[0] > shift) {
      a[1] -= shift;
      b[1] -= shift;
    }
  }
  return [a, b];
}

/**
 * Reordered copying: widen the graded spans `g` (changed in place) to the seed runs the in-order
 * trim cut off, and measure the order-free overlap (reorder.ts). Null when nothing changes.
 */
function reorderedSpan(
  doc: TextModel,
  index: ReferenceIndex,
  docNum: number,
  seeds: Seed[],
  g: { similarity: number; level: MatchLevel; aTok: [number, number]; bTok: [number, number] },
  o: AlignOptions,
): { similarity: number; level: MatchLevel; keepSim: number } | null {
  if (g.level === 'verbatim') return null; // in order: the trim is right
  const d = index.docs[docNum]!;
  // seeds on the article's attributed quotations do not widen a passage (quoting is not copying)
  const q = o.quoted;
  const usable = q ? seeds.filter((s) => { for (let k = s.i; k < s.i + s.li; k++) if (q[k]) return false; return true; }) : seeds;
  const w = widenToSeeds(usable, g.aTok, g.bTok);
  const i0 = w.aTok[0];
  const i1 = Math.min(w.aTok[1], doc.tokens.length);
  const j0 = w.bTok[0];
  const j1 = Math.min(w.bTok[1], d.tokens.terms.length);
  // a widening by less than minWords words on both sides (a clause moved next to the passage) is not taken
  const widened = i1 - i0 - (g.aTok[1] - g.aTok[0]) >= o.minWords || j1 - j0 - (g.bTok[1] - g.bTok[0]) >= o.minWords;
  if (!widened) {
    if (g.similarity >= o.minParaphraseSimilarity || g.aTok[1] - g.aTok[0] < o.reorderKeepWords) return null;
    const a = articleIds(doc, index, g.aTok[0], g.aTok[1]);
    const b = refIds(index, docNum, g.bTok[0], g.bTok[1]);
    return { similarity: g.similarity, level: g.level, keepSim: Math.max(g.similarity, bagDice(a, b)) };
  }
  const a = articleIds(doc, index, i0, i1);
  const b = refIds(index, docNum, j0, j1);
  const ws = wordSimilarity(a, b);
  const similarity = Math.round(ws.similarity * 1000) / 1000;
  g.aTok = [i0, i1];
  g.bTok = [j0, j1];
  return {
    similarity,
    level: levelOf(ws.similarity, ws.identical, o),
    keepSim: i1 - i0 >= o.reorderKeepWords ? Math.max(similarity, bagDice(a, b)) : similarity,
  };
}

/** Trim a passage's token ranges so that both start and end on shared words. */
function passageOf(doc: TextModel, index: ReferenceIndex, docNum: number, seeds: Seed[], o: AlignOptions): Passage | null {
  let i0 = Infinity;
  let i1 = -Infinity;
  let j0 = Infinity;
  let j1 = -Infinity;
  for (const s of seeds) {
    i0 = Math.min(i0, s.i);
    i1 = Math.max(i1, s.i + s.li);
    j0 = Math.min(j0, s.j);
    j1 = Math.max(j1, s.j + s.lj);
  }
  let rare = 0;
  let sentencePairs = 0;
  for (const s of seeds) {
    if (s.kind === 0) rare++;
    else if (s.kind === 2) sentencePairs++;
  }
  if (sentencePairs === 0 && rare < o.minRareSeeds) return null;
  const d = index.docs[docNum]!;
  const g = gradeAndTrim(doc, index, docNum, [i0, Math.min(i1, doc.tokens.length)], [j0, Math.min(j1, d.tokens.terms.length)], o);
  let { similarity, level } = g;
  let keepSim = similarity;
  if (o.reorderTolerant) {
    const r = reorderedSpan(doc, index, docNum, seeds, g, o);
    if (r) ({ similarity, level, keepSim } = r);
  }
  const [aTok, bTok] = snapToSentences(doc, g.aTok, g.bTok);
  const words = aTok[1] - aTok[0];
  if (words < o.minWords || bTok[1] - bTok[0] < Math.ceil(o.minWords / 2)) return null;
  if (level === 'paraphrase' && keepSim < o.minParaphraseSimilarity) return null;
  return {
    doc: docNum,
    a: { start: doc.tokens[aTok[0]]!.start, end: doc.tokens[aTok[1] - 1]!.end },
    b: { start: d.tokens.starts[bTok[0]]!, end: d.tokens.ends[bTok[1] - 1]! },
    aTok,
    bTok,
    similarity,
    level,
    words,
  };
}

/** What PassageMemo keeps of a document's seed list between align() calls. */
interface DocSeedsKept {
  scored?: { seeds: Seed[]; near: number; score: number };
  clustered?: { seeds: Seed[]; gap: number; clusters: Seed[][] };
  may?: { seeds: Seed[]; min: number; value: boolean };
}

/** What passageOf made of one cluster, or sentencePassages of one case, article positions relative to the signature's first token. */
interface KeptPassage {
  sig: Int32Array;
  doc: IndexedDoc;
  /** the stems of the span's words the index does not hold, in order (cases only) */
  extra: string;
  /** null: no passage */
  p: { aTok: [number, number]; bTok: [number, number]; similarity: number; level: MatchLevel; words: number } | null;
  /** a case's passage is dense (sentencePassages) */
  dense: boolean;
}

/**
 * The graded passages of the n-gram stage's clusters (passageOf) and of the sentence-level stage's
 * cases (sentencePassages), kept between checks of one edited document (IncrementalAligner holds it;
 * an edit leaves most clusters and cases as they were, only moved). Each is found by a signature of
 * everything its grading reads, relative to its span's first article token: the seeds (a cluster) or
 * the case's ranges, bridged units and density test (a case), the reference document, and of the
 * article only the tokens inside the span — term ids (all words the index does not hold as one:
 * such a word equals no reference word), the quoted mask, where sentences start (and whether one
 * starts right after the span: the sentence snaps, the quoted-edge trim and gradeAndTrim's edge test
 * read no further), and for cases the stop-word flags and the stems of words the index does not hold
 * (the containment and new-sentence tests read them). A match is placed where the span stands now.
 * Entries not used for three to six align() calls are dropped, and all of them when the index or the
 * options change (IncrementalAligner clears it).
 */
export class PassageMemo {
  private current = new Map<number, KeptPassage[]>();
  private previous = new Map<number, KeptPassage[]>();
  /** clusters and cases served from an earlier check, and graded */
  readonly stats = { kept: 0, graded: 0, casesKept: 0, casesGraded: 0, clustersKept: 0 };
  /** per article token: 1 when a sentence starts there (and at the end), for this check */
  private starts: Uint8Array = new Uint8Array(0);
  private calls = 0;

  /**
   * Starts an align() call on `doc`. Every third call the entries not used since the rotation before
   * are dropped (a check aligns more than once, with and without the quoted mask).
   */
  next(doc: TextModel): void {
    this.byDoc = this.byDocNext;
    this.byDocNext = new Map();
    if (++this.calls % 3 === 0) {
      this.previous = this.current;
      this.current = new Map();
    }
    const n = doc.tokens.length;
    const starts = new Uint8Array(n + 1);
    for (let k = 0; k < n; k++) starts[k] = k === 0 || doc.tokens[k]!.sentence !== doc.tokens[k - 1]!.sentence ? 1 : 0;
    starts[n] = 1;
    this.starts = starts;
  }

  clear(): void {
    this.current.clear();
    this.previous.clear();
    this.byDoc.clear();
    this.byDocNext.clear();
  }

  /**
   * Per document, its seed lists of the last align() call with their candidate score and clusters:
   * both read only the seeds' values, so a list equal to the last one (an edit elsewhere) gives them
   * again. Documents not met in a call are dropped at the next. The lists are kept as given, not
   * copied (align() writes to none; IncrementalAligner gives an unchanged document the same array
   * again, which is then recognised without comparing its seeds).
   */
  /** lists shorter than this are scored and clustered again (cheaper than keeping them) */
  static readonly fewSeeds = 3;
  private byDoc = new Map<number, DocSeedsKept>();
  private byDocNext = new Map<number, DocSeedsKept>();
  /** a long cluster's span and seed counts (passage()), by the cluster's array: kept clusters come back as the same arrays */
  private spans = new WeakMap<readonly Seed[], { i0: number; i1: number; rare: number; sentencePairs: number }>();

  private docEntry(docNum: number) {
    let e = this.byDocNext.get(docNum);
    if (!e) this.byDocNext.set(docNum, (e = {}));
    return e;
  }

  /** mayHavePassage(seeds, o), kept from the last call when the document's seeds are the same array. */
  mayHavePassage(docNum: number, seeds: Seed[], o: AlignOptions): boolean {
    if (seeds.length < PassageMemo.longSeeds) return mayHavePassage(seeds, o);
    const last = this.byDoc.get(docNum)?.may;
    const value = last && last.seeds === seeds && last.min === o.minRareSeeds ? last.value : mayHavePassage(seeds, o);
    this.docEntry(docNum).may = { seeds, min: o.minRareSeeds, value };
    return value;
  }

  /** lists at least this long have their summaries kept by identity (mayHavePassage, passage) */
  static readonly longSeeds = 16;

  /** candidateScore(seeds, near), kept from the last call when the document's seeds are the same. */
  score(docNum: number, seeds: Seed[], near: number): number {
    if (seeds.length < PassageMemo.fewSeeds) return candidateScore(seeds, near);
    const last = this.byDoc.get(docNum)?.scored;
    const score = last && last.near === near && sameSeeds(last.seeds, seeds) ? last.score : candidateScore(seeds, near);
    this.docEntry(docNum).scored = { seeds, near, score };
    return score;
  }

  /** clusterSeeds(seeds, gap), kept from the last call when the document's seeds are the same (read the clusters only). */
  clusters(docNum: number, seeds: Seed[], gap: number): Seed[][] {
    if (seeds.length < PassageMemo.fewSeeds) return clusterSeeds(seeds, gap);
    const last = this.byDoc.get(docNum)?.clustered;
    const kept = last && last.gap === gap && sameSeeds(last.seeds, seeds);
    const clusters = kept ? last.clusters : clusterSeeds(seeds, gap);
    if (kept) this.stats.clustersKept++;
    this.docEntry(docNum).clustered = { seeds, gap, clusters };
    return clusters;
  }

  /**
   * The signature being made, reused between look-ups (a typed array of a span's length allocated per
   * cluster and edit cost more than the comparison); an entry stores its own copy.
   */
  private scratch = new Int32Array(256);

  private sigBuffer(length: number): Int32Array {
    if (this.scratch.length < length) this.scratch = new Int32Array(Math.max(length, 2 * this.scratch.length));
    return this.scratch;
  }

  private static hash(sig: Int32Array, length: number): number {
    let h = 0x811c9dc5;
    for (let k = 0; k < length; k++) h = Math.imul(h ^ sig[k]!, 0x01000193);
    return h;
  }

  /** the kept entry whose signature is the first `length` values of `sig` */
  private find(sig: Int32Array, length: number, h: number, refDoc: IndexedDoc, extra: string): KeptPassage | undefined {
    const same = (e: KeptPassage) => {
      if (e.doc !== refDoc || e.extra !== extra || e.sig.length !== length) return false;
      for (let k = 0; k < length; k++) if (e.sig[k] !== sig[k]) return false;
      return true;
    };
    let hit = this.current.get(h)?.find(same);
    if (!hit) {
      hit = this.previous.get(h)?.find(same);
      if (hit) this.put(h, hit);
    }
    return hit;
  }

  private put(h: number, e: KeptPassage): void {
    const list = this.current.get(h);
    if (list) list.push(e);
    else this.current.set(h, [e]);
  }

  private static placed(k: NonNullable<KeptPassage['p']>, i0: number, doc: TextModel, docNum: number, refDoc: IndexedDoc): Passage {
    const aTok: [number, number] = [k.aTok[0] + i0, k.aTok[1] + i0];
    const bTok: [number, number] = [k.bTok[0], k.bTok[1]];
    return {
      doc: docNum,
      a: { start: doc.tokens[aTok[0]]!.start, end: doc.tokens[aTok[1] - 1]!.end },
      b: { start: refDoc.tokens.starts[bTok[0]]!, end: refDoc.tokens.ends[bTok[1] - 1]! },
      aTok,
      bTok,
      similarity: k.similarity,
      level: k.level,
      words: k.words,
    };
  }

  private static relative(p: Passage | null, i0: number): KeptPassage['p'] {
    return p && { aTok: [p.aTok[0] - i0, p.aTok[1] - i0], bTok: [p.bTok[0], p.bTok[1]], similarity: p.similarity, level: p.level, words: p.words };
  }

  /** passageOf(doc, index, docNum, seeds, o), from an earlier check when its signature matches. */
  passage(doc: TextModel, terms: Int32Array, index: ReferenceIndex, docNum: number, seeds: Seed[], o: AlignOptions): Passage | null {
    const n = doc.tokens.length;
    const long = seeds.length >= PassageMemo.longSeeds;
    const known = long ? this.spans.get(seeds) : undefined;
    let i0 = Infinity;
    let i1 = -Infinity;
    let rare = 0;
    let sentencePairs = 0;
    if (known) ({ i0, i1, rare, sentencePairs } = known);
    else {
      for (const s of seeds) {
        if (s.i < i0) i0 = s.i;
        if (s.i + s.li > i1) i1 = s.i + s.li;
        if (s.kind === 0) rare++;
        else if (s.kind === 2) sentencePairs++;
      }
      if (long) this.spans.set(seeds, { i0, i1, rare, sentencePairs });
    }
    // passageOf's first test (most clusters: a few stray seeds), cheaper than a signature
    if (sentencePairs === 0 && rare < o.minRareSeeds) return null;
    if (!(i0 >= 0 && i0 < n)) return passageOf(doc, index, docNum, seeds, o);
    const end = Math.min(i1, n);
    const q = o.quoted;
    const length = 6 + 5 * seeds.length + (end - i0) + 1;
    const sig = this.sigBuffer(length);
    let w = 0;
    sig[w++] = 0; // a cluster
    sig[w++] = docNum;
    sig[w++] = i1 - i0;
    sig[w++] = end - i0;
    sig[w++] = q ? 1 : 0;
    sig[w++] = seeds.length;
    for (const s of seeds) {
      sig[w++] = s.i - i0;
      sig[w++] = s.j;
      sig[w++] = s.li;
      sig[w++] = s.lj;
      sig[w++] = s.kind;
    }
    const starts = this.starts;
    for (let k = i0; k < end; k++) {
      const t = terms[k]!;
      sig[w++] = (t < 0 ? -1 : t) * 4 + (q?.[k] ? 2 : 0) + starts[k]!;
    }
    sig[w++] = starts[end]!;
    const h = PassageMemo.hash(sig, length);
    const refDoc = index.docs[docNum]!;
    const hit = this.find(sig, length, h, refDoc, '');
    if (hit) {
      this.stats.kept++;
      return hit.p && PassageMemo.placed(hit.p, i0, doc, docNum, refDoc);
    }
    this.stats.graded++;
    const kept = sig.slice(0, length);
    const p = passageOf(doc, index, docNum, seeds, o);
    this.put(h, { sig: kept, doc: refDoc, extra: '', p: PassageMemo.relative(p, i0), dense: false });
    return p;
  }

  /** gradeCase(doc, index, num, c, o), from an earlier check when its signature matches. */
  casePassage(doc: TextModel, terms: Int32Array, index: ReferenceIndex, num: number, c: SentenceCase, o: AlignOptions): { p: Passage; dense: boolean } | null {
    const i0 = c.a.tokFrom;
    const end = c.a.tokTo;
    const n = doc.tokens.length;
    if (!(i0 >= 0 && end <= n && end > i0)) return gradeCase(doc, index, num, c, o);
    const q = o.quoted;
    const length = 9 + 2 * c.unpaired.length + (end - i0) + 1;
    const sig = this.sigBuffer(length);
    let w = 0;
    sig[w++] = 1; // a case
    sig[w++] = num;
    sig[w++] = end - i0;
    sig[w++] = q ? 1 : 0;
    sig[w++] = c.b.tokFrom;
    sig[w++] = c.b.tokTo;
    sig[w++] = c.summary ? 1 : 0;
    sig[w++] = c.density >= o.sentenceDense ? 1 : 0;
    sig[w++] = c.unpaired.length;
    for (const [f, t] of c.unpaired) {
      sig[w++] = f - i0;
      sig[w++] = t - i0;
    }
    let extra = '';
    const starts = this.starts;
    for (let k = i0; k < end; k++) {
      const t = terms[k]!;
      const tok = doc.tokens[k]!;
      if (t < 0) extra += `${tok.stem}\u0001`;
      sig[w++] = (t < 0 ? -1 : t) * 8 + (tok.stop ? 4 : 0) + (q?.[k] ? 2 : 0) + starts[k]!;
    }
    sig[w++] = starts[end]!;
    const h = PassageMemo.hash(sig, length);
    const refDoc = index.docs[num]!;
    const hit = this.find(sig, length, h, refDoc, extra);
    if (hit) {
      this.stats.casesKept++;
      return hit.p && { p: PassageMemo.placed(hit.p, i0, doc, num, refDoc), dense: hit.dense };
    }
    this.stats.casesGraded++;
    const kept = sig.slice(0, length);
    const g = gradeCase(doc, index, num, c, o);
    this.put(h, { sig: kept, doc: refDoc, extra, p: PassageMemo.relative(g?.p ?? null, i0), dense: g?.dense ?? false });
    return g;
  }
}

/**
 * All passages of the article found in reference documents, per document (passages of different
 * documents may overlap in the article). Sorted by article position.
 */
/**
 * `seeds` (optional) replaces the n-gram seeding: it must return what ngramSeeds(terms, index, o)
 * would (incremental.ts reuses per-paragraph seeds through it). `memos` (optional) keep the
 * sentence-level stage's results and the paraphrase stage's sentence pairs between calls for one
 * edited document (the results are the same).
 */
export function align(
  doc: TextModel,
  index: ReferenceIndex,
  options: Partial<AlignOptions> = {},
  seeds?: (terms: Int32Array, o: AlignOptions) => Map<number, Seed[]>,
  memos: { sentences?: SentenceAlignMemo; pairs?: SentencePairMemo; passages?: PassageMemo } = {},
): Passage[] {
  const o: AlignOptions = { ...DEFAULT_ALIGN, ...options };
  if (doc.tokens.length === 0 || index.documentCount === 0) return [];
  const terms = articleTerms(doc, index);
  const seeded = seeds ? seeds(terms, o) : ngramSeeds(terms, index, o);
  const bySeedDoc = new Map<number, Seed[]>();
  for (const [docNum, seeds] of seeded) if (seeds.length >= 2) bySeedDoc.set(docNum, seeds);

  const graded = memos.passages;
  graded?.next(doc);
  const ranked = o.paraphrase || o.sentenceAlign ? rankCandidates(seeded, o.candidateNear, o.candidateMinScore, graded) : null;
  if (o.paraphrase) {
    const articleVecs = sentenceVectors((k) => terms[k]!, doc.sentences, index);
    const articleIdx = articleStems(articleVecs.map((v) => v.stems), 3);
    memos.pairs?.next(index, o, articleVecs);
    for (const docNum of takeCandidates(ranked, o.maxCandidates, o.candidateCap, () => false)) {
      const extra = memos.pairs && o.sentenceDice > 0 ? memos.pairs.seeds(articleVecs, articleIdx, docNum, index, o) : sentenceSeeds(articleVecs, articleIdx, docNum, index, o);
      if (extra.length === 0) continue;
      // a new array: the seeder's lists may be shared between calls (mergeSeeds)
      const list = bySeedDoc.get(docNum);
      bySeedDoc.set(docNum, list ? list.concat(extra) : extra.slice());
    }
  }

  // n-gram passages of every seeded document
  const ngram = new Map<number, Passage[]>();
  const passageOfCluster = (docNum: number, c: Seed[]) => (graded ? graded.passage(doc, terms, index, docNum, c, o) : passageOf(doc, index, docNum, c, o));
  for (const [docNum, seeds] of bySeedDoc) {
    // passageOf takes no cluster (nor run) of n-gram seeds only with fewer than minRareSeeds rare
    // ones: a document without that many in all has no n-gram passage, however its seeds cluster
    if (!(graded ? graded.mayHavePassage(docNum, seeds, o) : mayHavePassage(seeds, o))) {
      ngram.set(docNum, []);
      continue;
    }
    const clusters = graded ? graded.clusters(docNum, seeds, o.maxGap) : clusterSeeds(seeds, o.maxGap);
    const passages: Passage[] = [];
    for (const c of clusters) {
      const p = passageOfCluster(docNum, c);
      if (p) passages.push(p);
      // a cluster that fails as a whole may be reordered text: try its in-order runs
      else for (const run of monotoneRuns(c)) if (run.length < c.length) {
        const q = passageOfCluster(docNum, run);
        if (q) passages.push(q);
      }
    }
    const kept: Passage[] = [];
    for (const p of mergeSummaries(mergeOverlapping(passages, doc, index, o), doc, index, o))
      if (p.level !== 'paraphrase' || p.words >= o.minParaphraseWords) kept.push(p);
    ngram.set(docNum, kept);
  }

  // the sentence-level stage goes to the best candidates that are not verbatim pairs: a verbatim
  // pair keeps its n-gram passages whatever the stage finds (combine), so it would only take the
  // place of a source copied with obfuscation, which the n-gram seeds rank lower
  const sentenceDocs = o.sentenceAlign
    ? takeCandidates(ranked, o.sentenceCandidates, o.candidateCap, (d) => !!o.skipDocs?.has(d) || (o.sentenceSkipVerbatim && verbatimPair(ngram.get(d) ?? [], o)))
    : [];
  const side = sentenceDocs.length ? prepareSide(articleSide(doc, terms, index, o.sentence.unitWords), o.sentence.minSentWords) : null;
  const inStage = new Set(sentenceDocs);
  const out: Passage[] = [];
  const fromCases = new Set<Passage>();
  const order = [...ngram.keys()];
  for (const d of sentenceDocs) if (!ngram.has(d)) order.push(d);
  for (const docNum of order) {
    const kept = ngram.get(docNum) ?? [];
    const ps = side && inStage.has(docNum) ? combine(kept, sentencePassages(doc, side, index, docNum, o, memos.sentences, memos.passages, terms), o, fromCases) : kept;
    out.push(...joinPieces(ps, doc, index, o, fromCases));
  }
  if (doc.tokens.length >= o.longArticleWords) {
    const keep = out.filter((p) => p.level !== 'paraphrase' || p.words >= o.longMinParaphraseWords || p.similarity >= o.longKeepSimilarity);
    if (keep.length < out.length) {
      out.length = 0;
      out.push(...keep);
    }
  }
  if (o.shortParaphraseContainment > 0 && doc.tokens.length >= o.longArticleWords) {
    const keep = out.filter((p) => p.level !== 'paraphrase' || p.words >= o.shortParaphraseWords || containment(doc, index, p.aTok, refIds(index, p.doc, p.bTok[0], p.bTok[1])) >= o.shortParaphraseContainment);
    if (keep.length < out.length) {
      out.length = 0;
      out.push(...keep);
    }
  }
  if (o.minSubstanceWords > 0) {
    const inQuotes = o.substanceQuotedByBoth && out.length ? quoteMask(doc.tokens.length, (k) => doc.tokens[k]!.start, findQuotes(doc)) : undefined;
    const keep = out.filter((p) => substanceWords(doc, index, p, o, inQuotes) >= o.minSubstanceWords);
    if (keep.length < out.length) {
      out.length = 0;
      out.push(...keep);
    }
  }
  if (!o.leanPairEvidence) {
    const keep = leanKept(out, doc, index, o, terms);
    if (fromCases.size) return resolveAcross(keep, fromCases);
    keep.sort((x, y) => x.a.start - y.a.start || y.words - x.words);
    return keep;
  }
  const resolved = fromCases.size ? resolveAcross(out, fromCases) : [...out].sort((x, y) => x.a.start - y.a.start || y.words - x.words);
  return leanKept(resolved, doc, index, o, terms);
}

/**
 * The passages of `ps` kept by the stock-passage test (`leanWords`, `leanDistinctGrams`; with
 * `leanPairEvidence`, only passages without pair-level evidence are tested). Returns `ps` itself
 * when the test is off or keeps all.
 */
function leanKept(ps: Passage[], doc: TextModel, index: ReferenceIndex, o: AlignOptions, terms: Int32Array): Passage[] {
  if (!(o.leanDistinctGrams > 0) || index.documentCount < o.stockMinDocs || ps.length === 0) return ps;
  // words of substance here: stop words, numbers and names left out, the set's stock vocabulary kept
  const lean = { ...o, minSubstanceWords: o.leanWords + 1, stockMinDocs: Infinity };
  const looked = new FreshTokenMemo<number[] | null>(doc.tokens.length);
  const alone = (p: Passage) => {
    if (!o.leanPairEvidence) return true;
    const others = ps.filter((q) => q !== p);
    if (others.some((q) => q.doc === p.doc)) return false;
    if (o.leanOthers > 0 && others.length >= o.leanOthers) return false;
    if (others.length) {
      const versions = versionsOf(index, p);
      if (others.some((q) => versions.has(q.doc))) return false;
    }
    const held = vocabularyHeld(doc, index, p.doc, o);
    return held < o.leanVocabulary && held >= o.leanVocabularyMin;
  };
  const keep = ps.filter((p) => {
    if (!alone(p) || substanceWords(doc, index, p, lean) > o.leanWords) return true;
    const count = { n: 0 };
    const distinct = distinctGrams(index, p, o, terms, looked, count);
    return distinct >= o.leanDistinctGrams || count.n < o.leanSharedGrams;
  });
  return keep.length < ps.length ? keep : ps;
}

/** Reference documents other than `p.doc` holding at least half of the n-grams (SEED_N words) of `p`'s source span. */
function versionsOf(index: ReferenceIndex, p: Passage): Set<number> {
  const t = index.docs[p.doc]!.tokens.terms;
  const cnt = new Map<number, number>();
  let n = 0;
  const hits: number[] = [];
  for (let j = p.bTok[0]; j + SEED_N <= p.bTok[1]; j++) {
    const nh = index.lookupHits(t, j, 5000, 1000, hits);
    if (nh < 0) continue;
    n++;
    let last = -1;
    for (let h = 0; h < nh; h += 2) if (hits[h] !== p.doc && hits[h] !== last) { last = hits[h]!; cnt.set(last, (cnt.get(last) ?? 0) + 1); }
  }
  return new Set([...cnt].filter(([, c]) => c >= 0.5 * n).map(([d]) => d));
}

/**
 * The article's n-gram (SEED_N words) at token `i` in the references: [document, position] pairs within the
 * look-up's limits, null over them, undefined when a word of it is in no reference. `looked` keeps each answer
 * (one memo per pair of limits).
 */
function gramHits(index: ReferenceIndex, terms: Int32Array, i: number, maxHits: number, maxDocs: number, looked: TokenMemo<number[] | null>): number[] | null | undefined {
  for (let k = 0; k < SEED_N; k++) if (terms[i + k]! < 0) return undefined;
  let hits = looked.get(i);
  if (hits === undefined) {
    const found: number[] = [];
    hits = index.lookupLimited(terms, i, maxHits, maxDocs, found) ? found : null;
    looked.set(i, hits);
  }
  return hits;
}

/**
 * The word n-grams (SEED_N words) of passage `p`'s article side found in its source span, each
 * counted 1/k when k reference documents hold it (an n-gram over the look-up's limits, in more than
 * `maxSeedDocs` documents, counts 0). `terms`: `articleTerms`; `looked` keeps each n-gram's look-up.
 */
function distinctGrams(index: ReferenceIndex, p: Passage, o: AlignOptions, terms: Int32Array, looked: TokenMemo<number[] | null>, count?: { n: number }): number {
  let sum = 0;
  for (let i = p.aTok[0]; i + SEED_N <= p.aTok[1]; i++) {
    const hits = gramHits(index, terms, i, o.maxSeedHits, o.maxSeedDocs, looked);
    if (!hits) continue;
    let docs = 0;
    let inSource = false;
    for (let h = 0; h < hits.length; h += 2) {
      if (h === 0 || hits[h] !== hits[h - 2]) docs++;
      if (hits[h] === p.doc && hits[h + 1]! >= p.bTok[0] && hits[h + 1]! < p.bTok[1]) inSource = true;
    }
    if (inSource) {
      sum += 1 / docs;
      if (count) count.n++;
    }
  }
  return sum;
}


// ---- sentence-level stage (sentence-align.ts) ----------------------------------------------

/** Counted stems of a sentence: words longer than two characters, stop words kept (the anchor's). */
function articleSide(doc: TextModel, terms: Int32Array, index: ReferenceIndex, unitWords: number): SentenceSide {
  const local = new Map<string, number>(); // words no reference has: ids of their own, below 0
  const side: SentenceSide = { stems: [], chars: [], toks: [] };
  const start = (k: number) => doc.tokens[k]!.start;
  const end = (k: number) => doc.tokens[k]!.end;
  for (const s of doc.sentences) {
    const ids: number[] = [];
    const at: number[] = [];
    for (let k = s.tokenStart; k < s.tokenEnd; k++) {
      const t = doc.tokens[k]!;
      if (t.norm.length <= 2) continue;
      const term = terms[k]!;
      let id: number | undefined;
      if (term >= 0) id = index.terms.stemId(term);
      else if ((id = local.get(t.stem)) === undefined) local.set(t.stem, (id = -1 - local.size));
      ids.push(id);
      at.push(k);
    }
    pushSentence(side, ids, ids.length, at, s.start, s.end, s.tokenStart, s.tokenEnd, doc.text, start, end, unitWords);
  }
  return side;
}

/** How strong a break the characters between two words make: a line break, then ; : ( ) and dashes, then a comma. */
function breakStrength(gap: string): number {
  if (/[\n\r]/.test(gap)) return 3;
  if (/[;:()\u2013\u2014]/.test(gap)) return 2;
  return gap.includes(',') ? 1 : 0;
}

/** the cuts of a sentence that is one unit (never written to) */
const NO_CUTS: number[] = [];

/**
 * Appends one sentence (tokens [tokStart, tokEnd), characters [spanStart, spanEnd)) to a side: its counted stems `ids`, found at
 * the tokens `at`, as one unit, or as several when there are 2·`unit` or more (unitCuts). A unit after
 * a cut starts at the token after the strongest break between the two counted words around the cut.
 */
function pushSentence(
  side: SentenceSide,
  ids: number[],
  n: number,
  at: number[],
  spanStart: number,
  spanEnd: number,
  tokStart: number,
  tokEnd: number,
  text: string,
  start: (k: number) => number,
  end: (k: number) => number,
  unit: number,
): void {
  // (most sentences are one unit: no cut arrays then)
  const cutTok: number[] = unit > 0 && n >= 2 * unit ? [] : NO_CUTS;
  const cuts = cutTok !== NO_CUTS ? unitCuts(n, unit, (k) => {
    let best = 0;
    cutTok[k] = at[k]!;
    for (let t = at[k]!; t > at[k - 1]!; t--) {
      const st = breakStrength(text.slice(end(t - 1), start(t)));
      if (st > best) {
        best = st;
        cutTok[k] = t;
      }
    }
    return best;
  }) : NO_CUTS;
  let from = 0;
  let fromTok = tokStart;
  let fromChar = spanStart;
  for (let c = 0; c <= cuts.length; c++) {
    const k = c < cuts.length ? cuts[c]! : n;
    const toTok = k < n ? cutTok[k]! : tokEnd;
    side.stems.push(ids.slice(from, k));
    side.chars.push([fromChar, k < n ? end(toTok - 1) : spanEnd]);
    side.toks.push([fromTok, toTok]);
    from = k;
    fromTok = toTok;
    if (k < n) fromChar = start(toTok);
  }
}

const refSides = new DocCache<{ key: string; side: PreparedSide }>(256);
function referenceSide(index: ReferenceIndex, num: number, o: SentenceAlignOptions): PreparedSide {
  const key = `${o.minSentWords}/${o.unitWords}`;
  const make = () => prepareSide(referenceSideOf(index, num, o.unitWords), o.minSentWords);
  const hit = refSides.get(index, num, () => ({ key, side: make() }));
  return hit.key === key ? hit.side : make();
}

// referenceSideOf's counted stems of one sentence and their tokens (pushSentence copies what it keeps);
// refilled by index, never emptied with `length = 0`, which would drop their backing stores
const sideIds: number[] = [];
const sideAt: number[] = [];

function referenceSideOf(index: ReferenceIndex, num: number, unitWords: number): SentenceSide {
  const d = index.docs[num]!;
  const ranges = refSentenceRanges(index, num);
  const side: SentenceSide = { stems: [], chars: [], toks: [] };
  const dict = index.terms;
  const facts = termFacts(dict);
  const start = (k: number) => d.tokens.starts[k]!;
  const end = (k: number) => d.tokens.ends[k]!;
  for (let r = 0; r < ranges.length; r += 2) {
    const from = ranges[r]!;
    const to = ranges[r + 1]!;
    if (to <= from) continue;
    const ids = sideIds;
    const at = sideAt;
    let n = 0;
    for (let k = from; k < to; k++) {
      const t = d.tokens.terms[k]!;
      let f = facts[t]!;
      if (f < 0) f = termFact(dict, facts, t);
      if (f & 1) continue;
      ids[n] = f >> 2;
      at[n++] = k;
    }
    pushSentence(side, ids, n, at, start(from), end(to - 1), from, to, d.text, start, end, unitWords);
  }
  return side;
}

/** The sentence-level cases against document `num`, as passages graded by their words. */
function sentencePassages(doc: TextModel, side: PreparedSide, index: ReferenceIndex, num: number, o: AlignOptions, memo?: SentenceAlignMemo, kept?: PassageMemo, terms?: Int32Array): StageCases {
  const out: Passage[] = [];
  const dense = new Set<Passage>();
  let summary = false;
  for (const c of alignSentences(side, referenceSide(index, num, o.sentence), o.sentence, memo)) {
    summary ||= c.summary;
    const g = kept && terms ? kept.casePassage(doc, terms, index, num, c, o) : gradeCase(doc, index, num, c, o);
    if (!g) continue;
    if (g.dense) dense.add(g.p);
    out.push(g.p);
  }
  return { ps: out, summary, dense };
}

/** One sentence-level case as a passage graded by its words, and whether it is dense; null: not a passage. */
function gradeCase(doc: TextModel, index: ReferenceIndex, num: number, c: SentenceCase, o: AlignOptions): { p: Passage; dense: boolean } | null {
  const aTok: [number, number] = [c.a.tokFrom, c.a.tokTo];
  const bTok: [number, number] = [c.b.tokFrom, c.b.tokTo];
  // quoting is not copying: article sentences at the case's edges that are mostly attributed
  // quotation are left out of it, and a case made mostly of quotation is not a copied passage
  if (o.quoted) {
    const q = o.quoted;
    const quotedShare = (from: number, to: number) => {
      let n = 0;
      for (let k = from; k < to; k++) n += q[k]!;
      return n / Math.max(1, to - from);
    };
    for (;;) {
      const s = doc.sentences[doc.tokens[aTok[0]]!.sentence]!;
      if (s.tokenEnd >= aTok[1] || quotedShare(aTok[0], s.tokenEnd) < 0.5) break;
      aTok[0] = s.tokenEnd;
    }
    for (;;) {
      const s = doc.sentences[doc.tokens[aTok[1] - 1]!.sentence]!;
      if (s.tokenStart <= aTok[0] || quotedShare(s.tokenStart, aTok[1]) < 0.5) break;
      aTok[1] = s.tokenStart;
    }
    if (quotedShare(aTok[0], aTok[1]) >= 0.5) return null;
    // sentences cut off the article side: the reference side is found again by the shared words
    if (!c.summary && (aTok[0] !== c.a.tokFrom || aTok[1] !== c.a.tokTo)) {
      const g = gradeAndTrim(doc, index, num, [aTok[0], aTok[1]], [bTok[0], bTok[1]], o);
      if (g.aTok[1] <= g.aTok[0] || g.bTok[1] <= g.bTok[0]) return null;
      [aTok[0], aTok[1], bTok[0], bTok[1]] = [g.aTok[0], g.aTok[1], g.bTok[0], g.bTok[1]];
    }
  }
  const a = articleIds(doc, index, aTok[0], aTok[1]);
  const b = refIds(index, num, bTok[0], bTok[1]);
  // the words shared in order are at most those shared in any order: a case whose bag of words falls
  // short of the threshold needs no diff
  if (!c.summary && (2 * sharedWords(a, b)) / (a.length + b.length) < o.sentenceMinSimilarity) return null;
  const ws = wordSimilarity(a, b);
  if (!c.summary && ws.similarity < o.sentenceMinSimilarity) return null;
  // a summary is judged by how much of its content the source holds (its word order and length differ)
  if (c.summary && containment(doc, index, aTok, b) < o.summaryContainment) return null;
  const p = tokenPassage(doc, index, num, aTok, bTok, ws, o);
  const dense = c.density >= o.sentenceDense && !c.unpaired.some(([f, t]) => newSentence(doc, Math.max(f, aTok[0]), Math.min(t, aTok[1]), refBag(index, num, bTok[0], bTok[1]), o));
  return { p, dense };
}

/** The sentence-level cases of one document: passages, whether the summary setting was taken, and the dense ones. */
interface StageCases {
  ps: Passage[];
  summary: boolean;
  dense: Set<Passage>;
}

/**
 * The word ids of reference document `num`'s tokens [from, to): its term ids (a view when they are
 * stored as 32-bit words, as docTokens makes them).
 */
function refIds(index: ReferenceIndex, num: number, from: number, to: number): Int32Array {
  const terms = index.docs[num]!.tokens.terms;
  if (terms instanceof Uint32Array) return new Int32Array(terms.buffer, terms.byteOffset + 4 * from, Math.max(0, to - from));
  return Int32Array.from({ length: Math.max(0, to - from) }, (_, k) => terms[from + k]!);
}

/**
 * The word ids of the article's tokens [from, to): articleTerms, whose ids equal the reference's for
 * the same word, and -1 (equal to no reference word) for a word no reference holds.
 */
function articleIds(doc: TextModel, index: ReferenceIndex, from: number, to: number): Int32Array {
  return articleTerms(doc, index).subarray(from, to);
}

/** Share of the article's content words (not stop words) in `aTok` found in the words `b` (ids, one for one). */
function containment(doc: TextModel, index: ReferenceIndex, aTok: [number, number], b: Int32Array): number {
  const terms = articleTerms(doc, index);
  const bag = new Map<number, number>();
  for (let k = 0; k < b.length; k++) bag.set(b[k]!, (bag.get(b[k]!) ?? 0) + 1);
  let n = 0;
  let found = 0;
  for (let k = aTok[0]; k < aTok[1]; k++) {
    if (doc.tokens[k]!.stop) continue;
    n++;
    const t = terms[k]!;
    const c = bag.get(t);
    if (c) {
      found++;
      bag.set(t, c - 1);
    }
  }
  return n ? found / n : 0;
}

/**
 * Combine the n-gram passages of one document with its sentence-level cases: a case replaces the
 * passages it overlaps in the article, unless verbatim or near-verbatim passages cover more than
 * `sentenceKeepVerbatim` of its article words (copying with exact edges: the n-gram passages are
 * the better boundaries) and the case is not dense (`sentenceDense`).
 */
function combine(ngram: Passage[], { ps: cases, summary, dense }: StageCases, o: AlignOptions, fromCases: Set<Passage>): Passage[] {
  if (!cases.length) return ngram;
  if (verbatimPair(ngram, o)) return ngram;
  // a summary condenses the source: its cases stand for the pieces the n-gram seeds found in it
  for (const c of cases) fromCases.add(c);
  if (summary) return [...cases, ...ngram.filter((p) => !cases.some((c) => p.aTok[0] < c.aTok[1] && c.aTok[0] < p.aTok[1]))];
  const out: Passage[] = [];
  const replaced = new Set<Passage>();
  for (const c of cases) {
    const over = ngram.filter((p) => p.aTok[0] < c.aTok[1] && c.aTok[0] < p.aTok[1]);
    let exact = 0;
    let longest = 0;
    for (const p of over) {
      if (p.level === 'paraphrase') continue;
      exact += Math.min(p.aTok[1], c.aTok[1]) - Math.max(p.aTok[0], c.aTok[0]);
      longest = Math.max(longest, p.aTok[1] - p.aTok[0]);
    }
    const len = c.aTok[1] - c.aTok[0];
    // a dense case stands for exact pieces only when they are pieces: several, or a small part of
    // it, and none long enough to be a finding of its own
    const pieces = dense.has(c) && (over.length >= 2 || exact < 0.5 * len) && longest < o.densePieceWords;
    if (exact > 0 && exact >= o.sentenceKeepVerbatim * len && !pieces) continue;
    for (const p of over) replaced.add(p);
    out.push(c);
  }
  for (const p of ngram) if (!replaced.has(p)) out.push(p);
  return out;
}

/**
 * Pieces of one copied stretch: passages of one document (`ps`) whose gaps in the article and in the
 * reference are both at most `joinGap` words, in the same order, become one passage graded on its
 * words. Never across an attributed quotation of the article: quoting is not copying, and the
 * passages on either side of a quotation are two findings. A join with a sentence-level case is one
 * too (`fromCases`).
 */
export function joinPieces(ps: Passage[], doc: TextModel, index: ReferenceIndex, o: AlignOptions, fromCases?: Set<Passage>): Passage[] {
  if (!(o.joinGap > 0) || ps.length < 2) return ps;
  const sorted = [...ps].sort((x, y) => x.aTok[0] - y.aTok[0] || y.aTok[1] - x.aTok[1]);
  const chains: Passage[][] = [];
  for (const p of sorted) {
    const chain = chains[chains.length - 1];
    if (chain && joinable(chain, p, doc, index, o)) chain.push(p);
    else chains.push([p]);
  }
  if (chains.length === ps.length) return ps;
  return chains.map((c) => {
    if (c.length === 1) return c[0]!;
    const j = joined(c, doc, index, o);
    if (fromCases && c.some((p) => fromCases.has(p))) fromCases.add(j);
    return j;
  });
}

/**
 * `q` (starting at or after the chain in the article) continues the chain in both texts, with no
 * attributed quotation between them. The two gaps must be of like length (replaced text, not text
 * added on one side only: a paragraph of the article's own between two copied ones keeps them apart).
 */
function joinable(chain: Passage[], q: Passage, doc: TextModel, index: ReferenceIndex, o: AlignOptions): boolean {
  let a1 = 0;
  let b0 = Infinity;
  let b1 = 0;
  for (const p of chain) {
    a1 = Math.max(a1, p.aTok[1]);
    b0 = Math.min(b0, p.bTok[0]);
    b1 = Math.max(b1, p.bTok[1]);
  }
  if (q.aTok[1] <= a1) return false;
  const ga = q.aTok[0] - a1;
  let gb = q.bTok[0] - b1;
  if (q.bTok[1] <= b1 || q.bTok[0] < b0) {
    // out of order in the reference: one stretch reordered, when the joined spans are of like length
    // (verbatim and near-verbatim pieces have their exact edges: an editor is shown each as it is, not one
    // vaguer paraphrase over both and the article's words between)
    if (!(o.joinReordered > 0) || ga > o.joinGap || ga < -o.joinGap || (q.level !== 'paraphrase' && chain[chain.length - 1]!.level !== 'paraphrase')) return false;
    const lb = Math.max(b1, q.bTok[1]) - Math.min(b0, q.bTok[0]);
    const la = q.aTok[1] - chain[0]!.aTok[0];
    if (lb > o.joinReordered * la + o.joinSkew || la > o.joinReordered * lb + o.joinSkew) return false;
    gb = 0;
  } else {
    if (ga > o.joinGap || gb > o.joinGap || ga < -o.joinGap || gb < -o.joinGap) return false;
    if (Math.abs(Math.max(ga, 0) - Math.max(gb, 0)) > Math.max(o.joinSkew, Math.max(ga, gb) / 2)) return false;
  }
  const quoted = o.quoted;
  if (quoted) for (let k = Math.min(a1, q.aTok[0]); k < Math.max(a1, q.aTok[0]); k++) if (quoted[k]) return false;
  // never across a sentence of the article's own: every sentence wholly inside the article gap must
  // find most of its content words in the reference gap
  if (ga > 0 && o.newSentenceWords > 0) {
    // (reordered: the whole joined reference span)
    const bag = gb === 0 && (q.bTok[1] <= b1 || q.bTok[0] < b0) ? refBag(index, q.doc, Math.min(b0, q.bTok[0]), Math.max(b1, q.bTok[1])) : refBag(index, q.doc, Math.min(b1, q.bTok[0]), Math.max(b1, q.bTok[0]));
    let s = doc.tokens[a1]!.sentence;
    for (; s < doc.sentences.length; s++) {
      const st = doc.sentences[s]!;
      if (st.tokenStart >= q.aTok[0]) break;
      if (st.tokenStart >= a1 && st.tokenEnd <= q.aTok[0] && newSentence(doc, st.tokenStart, st.tokenEnd, bag, o)) return false;
    }
  }
  return true;
}

/** The word stems of reference document `num` in tokens [from, to). */
function refBag(index: ReferenceIndex, num: number, from: number, to: number): Set<string> {
  const d = index.docs[num]!;
  const stems = index.terms.stems;
  const bag = new Set<string>();
  for (let k = from; k < to; k++) bag.add(stems[index.terms.stemId(d.tokens.terms[k]!)]!);
  return bag;
}

/**
 * Whether article tokens [from, to) are the writer's own sentence beside reference words `bag`: at
 * least `newSentenceWords` words outside attributed quotation, fewer than half of their content
 * words (not stop words) found, by stem, in the bag.
 */
function newSentence(doc: TextModel, from: number, to: number, bag: Set<string>, o: AlignOptions): boolean {
  if (!(o.newSentenceWords > 0)) return false;
  let words = 0;
  let content = 0;
  let found = 0;
  for (let k = from; k < to; k++) {
    if (o.quoted?.[k]) continue;
    words++;
    const t = doc.tokens[k]!;
    if (t.stop) continue;
    content++;
    if (bag.has(t.stem)) found++;
  }
  return words >= o.newSentenceWords && found < 0.5 * content;
}

/** One passage spanning the chain, graded on its words (the article's attributed quotations left out, as in gradeAndTrim). */
function joined(chain: Passage[], doc: TextModel, index: ReferenceIndex, o: AlignOptions): Passage {
  const p = chain[0]!;
  const aTok: [number, number] = [p.aTok[0], Math.max(...chain.map((c) => c.aTok[1]))];
  const bTok: [number, number] = [Math.min(...chain.map((c) => c.bTok[0])), Math.max(...chain.map((c) => c.bTok[1]))];
  const terms = articleTerms(doc, index);
  const ids: number[] = [];
  for (let k = aTok[0]; k < aTok[1]; k++) if (!o.quoted?.[k]) ids.push(terms[k]!);
  const a = Int32Array.from(ids);
  const b = refIds(index, p.doc, bTok[0], bTok[1]);
  return tokenPassage(doc, index, p.doc, aTok, bTok, wordSimilarity(a, b), o);
}

/** The passage over article tokens `aTok` and reference `num`'s tokens `bTok`, graded by their word similarity `ws`. */
function tokenPassage(
  doc: TextModel,
  index: ReferenceIndex,
  num: number,
  aTok: [number, number],
  bTok: [number, number],
  ws: { similarity: number; identical: boolean },
  o: AlignOptions,
): Passage {
  const d = index.docs[num]!;
  return {
    doc: num,
    a: { start: doc.tokens[aTok[0]]!.start, end: doc.tokens[aTok[1] - 1]!.end },
    b: { start: d.tokens.starts[bTok[0]]!, end: d.tokens.ends[bTok[1] - 1]! },
    aTok,
    bTok,
    similarity: Math.round(ws.similarity * 1000) / 1000,
    level: levelOf(ws.similarity, ws.identical, o),
    words: aTok[1] - aTok[0],
  };
}

/** 1 for each of `n` tokens (token `k` starts at `startOf(k)`) between the marks of a quotation. */
function quoteMask(n: number, startOf: (k: number) => number, quotes: QuoteSpan[]): Uint8Array {
  const out = new Uint8Array(n);
  let k = 0;
  for (const q of [...quotes].sort((x, y) => x.start - y.start)) {
    while (k < n && startOf(k) < q.start) k++;
    for (let i = k; i < n && startOf(i) < q.end; i++) out[i] = 1;
  }
  return out;
}

/** Per reference document: 1 for each of its index tokens between quotation marks. */
const refQuoteMasks = new DocCache<Uint8Array>(256);
function referenceQuoteMask(index: ReferenceIndex, num: number): Uint8Array {
  return refQuoteMasks.get(index, num, () => {
    const t = index.docs[num]!.tokens;
    return quoteMask(t.terms.length, (k) => t.starts[k]!, findQuotes(referenceQuoteView(index, num)));
  });
}

/**
 * What findQuotes reads of reference document `num` — its text and paragraphs — without assembling its
 * text model when the index file's record holds the paragraphs (a passage's document often needs its
 * quotation marks and nothing else of the model): the model if already made, else the stored paragraphs,
 * else the model.
 */
export function referenceQuoteView(index: ReferenceIndex, num: number): Pick<TextModel, 'text' | 'paragraphs'> {
  const made = refModels.peek(index, num);
  if (made) return made;
  const stored = storedSentences(index, num);
  if (!stored) return referenceModel(index, num);
  const flat = stored.paragraphs;
  const paragraphs: { start: number; end: number }[] = new Array(flat.length / 2);
  for (let k = 0; k < paragraphs.length; k++) paragraphs[k] = { start: flat[2 * k]!, end: flat[2 * k + 1]! };
  return { text: index.docs[num]!.text, paragraphs };
}

/**
 * Shared words of a passage that carry substance: matched one for one between the two spans, not a
 * stop word, not a number, not capitalised inside its sentence (a name), not stock vocabulary
 * of the reference set (found in more than `stockShare` of its documents, judged only in a set of
 * at least `stockMinDocs`), not inside an attributed quotation of the article, and (with
 * `inQuotes`, the article's tokens between quotation marks) not quoted by both texts: an article
 * word inside quotation marks is matched first to a reference word inside them, and such a match is
 * the same speaker quoted twice. Counting stops at `minSubstanceWords`.
 */
function substanceWords(doc: TextModel, index: ReferenceIndex, p: Passage, o: AlignOptions, inQuotes?: Uint8Array, stock?: Uint8Array): number {
  const d = index.docs[p.doc]!;
  const refQuoted = inQuotes ? referenceQuoteMask(index, p.doc) : undefined;
  // reference words of the span, counted apart inside (quoted) and outside quotation marks
  const plain = new Map<number, number>();
  const quoted = new Map<number, number>();
  for (let k = p.bTok[0]; k < p.bTok[1]; k++) {
    const t = d.tokens.terms[k]!;
    const bag = refQuoted?.[k] ? quoted : plain;
    bag.set(t, (bag.get(t) ?? 0) + 1);
  }
  const take = (bag: Map<number, number>, term: number): boolean => {
    const c = bag.get(term);
    if (!c) return false;
    bag.set(term, c - 1);
    return true;
  };
  const stockDf = stockDocFrequency(index, o);
  const terms = articleTerms(doc, index);
  let sub = 0;
  for (let k = p.aTok[0]; k < p.aTok[1] && sub < o.minSubstanceWords; k++) {
    const t = doc.tokens[k]!;
    if (o.quoted?.[k]) continue;
    const term = terms[k]!;
    if (term < 0) continue;
    if (inQuotes?.[k]) {
      if (take(quoted, term)) continue; // quoted by both
      if (!take(plain, term)) continue;
    } else if (!take(plain, term) && !take(quoted, term)) continue;
    if (t.stop || /\d/.test(t.text)) continue;
    if (k > doc.sentences[t.sentence]!.tokenStart && /^\p{Lu}/u.test(t.text)) continue;
    if (index.terms.df[term]! > stockDf) continue;
    if (stock?.[k - p.aTok[0]]) continue;
    sub++;
  }
  return sub;
}

/**
 * The document frequency above which a term is the set's stock vocabulary (`stockShare` of the
 * references); none is stock in a set smaller than `stockMinDocs`.
 */
function stockDocFrequency(index: ReferenceIndex, o: AlignOptions): number {
  const n = index.documentCount;
  return n >= o.stockMinDocs ? o.stockShare * n : Infinity;
}

/**
 * Per article token of passage `p` (offset from `p.aTok[0]`): 1 when the token lies in n-grams
 * (SEED_N words) found in the source span and every such n-gram is in at least `pairStockGramDocs`
 * reference documents: stock phrasing of the set, not of this source. `terms`: `articleTerms`.
 * Also, for `pairDistinctGrams` (counted only with `tally`, else 0): `grams`, the n-grams found in
 * the source span; `distinct`, those within the look-up's limits each counted 1/k when k reference
 * documents hold it, the source and its versions counted as one (a document holding half of the
 * passage's shared n-grams: an update of the same story, or text the outlet recycles); `common`,
 * those held by other documents than the source and its versions, or over the limits.
 */
function stockGrams(index: ReferenceIndex, p: Passage, o: AlignOptions, terms: Int32Array, looked: TokenMemo<number[] | null>, tally: boolean): { stock: Uint8Array; distinct: number; grams: number; common: number; run: number } {
  const n = p.aTok[1] - p.aTok[0];
  // the longest chain of consecutive article n-grams found in the source span, in words
  let run = 0;
  let chain = 0;
  let last = -2;
  const common = new Uint8Array(n);
  const rare = new Uint8Array(n);
  // the documents of each shared n-gram within the look-up's limits, how many of them each document
  // holds, and how many n-grams the passage shares in all (those over the limits too)
  const shared: number[][] = [];
  const held = new Map<number, number>();
  let sharedAll = 0;
  for (let i = p.aTok[0]; i + SEED_N <= p.aTok[1]; i++) {
    // over the look-up's limits (null): in more documents than any threshold here, so common
    const hits = gramHits(index, terms, i, o.maxSeedHits, Math.max(o.maxSeedDocs, o.pairStockGramDocs), looked);
    if (hits === undefined) continue;
    const within = hits !== null;
    let inSource = !within;
    const docs: number[] = [];
    for (let h = 0; hits !== null && h < hits.length; h += 2) {
      if (hits[h] !== docs[docs.length - 1]) docs.push(hits[h]!);
      if (hits[h] === p.doc && hits[h + 1]! >= p.bTok[0] && hits[h + 1]! < p.bTok[1]) inSource = true;
    }
    if (!inSource) continue;
    chain = last === i - 1 ? chain + 1 : 1;
    last = i;
    run = Math.max(run, chain + SEED_N - 1);
    if (tally) {
      sharedAll++;
      if (within) {
        shared.push(docs);
        for (const d of docs) held.set(d, (held.get(d) ?? 0) + 1);
      }
    }
    const mark = o.pairStockGramDocs > 0 && (!within || docs.length >= o.pairStockGramDocs) ? common : rare;
    mark.fill(1, i - p.aTok[0], i - p.aTok[0] + SEED_N);
  }
  for (let k = 0; k < n; k++) common[k] = common[k]! & (rare[k]! ^ 1);
  let distinct = 0;
  let held1 = 0;
  for (const docs of shared) {
    let k = 1;
    for (const d of docs) if (d !== p.doc && held.get(d)! < 0.5 * sharedAll) k++;
    distinct += 1 / k;
    if (k === 1) held1++;
  }
  return { stock: common, distinct, grams: sharedAll, common: sharedAll - held1, run };
}

/**
 * Words of a passage that both texts quote: article tokens (outside attributed quotation) between
 * quotation marks whose word is found between quotation marks in the reference span, matched one
 * for one; and the passage's words outside attributed quotation.
 */
function quotedBothWords(doc: TextModel, index: ReferenceIndex, p: Passage, o: AlignOptions, inQuotes: Uint8Array): { both: number; words: number } {
  const d = index.docs[p.doc]!;
  const refQuoted = referenceQuoteMask(index, p.doc);
  const bag = new Map<number, number>();
  for (let k = p.bTok[0]; k < p.bTok[1]; k++) {
    if (!refQuoted[k]) continue;
    const t = d.tokens.terms[k]!;
    bag.set(t, (bag.get(t) ?? 0) + 1);
  }
  let both = 0;
  let words = 0;
  for (let k = p.aTok[0]; k < p.aTok[1]; k++) {
    if (o.quoted?.[k]) continue;
    words++;
    if (!inQuotes[k]) continue;
    const term = articleTerms(doc, index)[k]!;
    const c = bag.get(term);
    if (!c) continue;
    bag.set(term, c - 1);
    both++;
  }
  return { both, words };
}

/**
 * Documents of `ps` none of whose passages stands on its length (`stand` words) that share no name
 * with the article (see `pairSharedName`). A name is an article word capitalised inside its sentence
 * (not a stop word, a number or an initial) whose term is in at most `stockShare` of the reference
 * documents (any, in a set smaller than `stockMinDocs`); the document shares it when its tokens hold
 * that term, in any case.
 */
function documentsWithoutSharedName(ps: Passage[], doc: TextModel, index: ReferenceIndex, o: AlignOptions, stand: number): Set<number> {
  const out = new Set<number>();
  const standing = new Set<number>();
  for (const p of ps) if (p.words >= stand) standing.add(p.doc);
  const short = [...new Set(ps.map((p) => p.doc))].filter((d) => !standing.has(d));
  if (short.length === 0) return out;
  const stockDf = stockDocFrequency(index, o);
  const names = new Set<number>();
  const articleIds = articleTerms(doc, index);
  doc.tokens.forEach((t, k) => {
    if (t.stop || t.norm.length < 2 || /\d/.test(t.text) || !/^\p{Lu}/u.test(t.text)) return;
    if (k === doc.sentences[t.sentence]!.tokenStart) return;
    const term = articleIds[k]!;
    if (term >= 0 && index.terms.df[term]! <= stockDf) names.add(term);
  });
  for (const num of short) {
    const terms = index.docs[num]!.tokens.terms;
    let shared = false;
    for (let k = 0; k < terms.length && !shared; k++) shared = names.has(terms[k]!);
    if (!shared) out.add(num);
  }
  return out;
}

/**
 * Per article token: 1 in a sentence of at least 4 words of which `share` or more begin with a
 * capital letter (a list of names: a team sheet, a cast list, a title-case heading). 0: none.
 */
export function nameLists(doc: TextModel, share: number): Uint8Array {
  const out = new Uint8Array(doc.tokens.length);
  if (!(share > 0)) return out;
  for (const s of doc.sentences) {
    const n = s.tokenEnd - s.tokenStart;
    if (n < 4) continue;
    let caps = 0;
    for (let k = s.tokenStart; k < s.tokenEnd; k++) if (/^\p{Lu}/u.test(doc.tokens[k]!.text)) caps++;
    if (caps >= share * n) out.fill(1, s.tokenStart, s.tokenEnd);
  }
  return out;
}

/**
 * The share of the article's vocabulary that reference `num` holds: the article's distinct words
 * that are not stop words, numbers or the set's stock vocabulary (`stockShare`), each weighed by its
 * information in the set (ln(N / df)), found anywhere in the reference. A story retold from its
 * source keeps most of the source's particular words; another story of the same kind has its own.
 */
function vocabularyHeld(doc: TextModel, index: ReferenceIndex, num: number, o: AlignOptions): number {
  const n = index.documentCount;
  const stockDf = stockDocFrequency(index, o);
  const held = new Set<number>(index.docs[num]!.tokens.terms);
  const seen = new Set<number>();
  let all = 0;
  let inRef = 0;
  const articleIds = articleTerms(doc, index);
  for (let k = 0; k < doc.tokens.length; k++) {
    const t = doc.tokens[k]!;
    if (t.stop || /\d/.test(t.text)) continue;
    const term = articleIds[k]!;
    if (term < 0 || seen.has(term)) continue;
    seen.add(term);
    const df = index.terms.df[term]!;
    if (df === 0 || df > stockDf) continue;
    const w = Math.log(n / df);
    all += w;
    if (held.has(term)) inRef += w;
  }
  return all > 0 ? inRef / all : 0;
}

/**
 * Document-level evidence (see `pairMinWords`), applied by the copied-passage rule to the shared
 * alignment (the other rules read every passage): the substance words of all the passages of each
 * document, words both texts quote left out, decide whether its short passages are kept. A passage mostly quoted by
 * both texts (`pairQuotedShare`) counts as a shared quotation, and a passage that stands on its
 * length needs substance of its own (`pairStandSubstance`). Words of the set's stock phrasing
 * (`pairStockGramDocs`) and initials (one letter) carry no substance here, a document with only
 * short passages needs a name in common with the article (`pairSharedName`), and in a large set a
 * document must share phrases few other references hold (`pairDistinctGrams`).
 */
export function pairEvidenceFilter(ps: Passage[], doc: TextModel, index: ReferenceIndex, options: Partial<AlignOptions> = {}, aligner?: Aligner): Passage[] {
  const o: AlignOptions = { ...DEFAULT_ALIGN, ...options };
  const stand = Math.min(o.pairStandWords, o.pairStandShare * doc.tokens.length);
  if (o.pairMinWords <= 0 || ps.length === 0) return ps;
  // the subject's vocabulary is told apart only in a set large enough to hold other stories
  const distinctOn = o.pairDistinctGrams > 0 && index.documentCount >= o.stockMinDocs;
  if (!ps.some((p) => p.words < stand) && !(o.pairQuotedShare > 0) && !(o.pairStandSubstance > 0) && !distinctOn) return ps;
  const inQuotes = quoteMask(doc.tokens.length, (k) => doc.tokens[k]!.start, findQuotes(doc));
  const all = { ...o, minSubstanceWords: Infinity };
  const terms = o.pairStockGramDocs > 0 || distinctOn ? articleTerms(doc, index) : undefined;
  // each article n-gram's look-up, shared by the passages over it (several sources' passages overlap)
  // and, through an editor's aligner, kept for the paragraphs an edit leaves alone
  const limits = `stock ${o.maxSeedHits} ${Math.max(o.maxSeedDocs, o.pairStockGramDocs)}`;
  const looked: TokenMemo<number[] | null> =
    (terms && aligner?.index === index ? aligner.tokenMemo?.<number[] | null>(limits, doc, terms) : undefined) ?? new FreshTokenMemo(doc.tokens.length);
  const lists = nameLists(doc, o.pairNameListShare);
  const info = ps.map((p) => {
    const q = o.pairQuotedShare > 0 ? quotedBothWords(doc, index, p, o, inQuotes) : { both: 0, words: p.words };
    const { stock, distinct, grams, common, run } = terms ? stockGrams(index, p, o, terms, looked, distinctOn) : { stock: new Uint8Array(p.aTok[1] - p.aTok[0]), distinct: 0, grams: 0, common: 0, run: 0 };
    // an initial (one letter: a team sheet's "J Smith") is part of a name, not substance; nor is a
    // word of a list of names (a line-up, a cast list), capitalised at its sentence's start or not
    for (let k = p.aTok[0]; k < p.aTok[1]; k++) if (doc.tokens[k]!.norm.length === 1 || lists[k]) stock[k - p.aTok[0]] = 1;
    return {
      substance: substanceWords(doc, index, p, all, inQuotes, stock),
      quotation: o.pairQuotedShare > 0 && q.both >= o.pairQuotedShare * q.words,
      distinct,
      grams,
      common,
      run,
    };
  });
  // per document: the substance of all its passages (words both texts quote left out)
  const evidence = new Map<number, number>();
  ps.forEach((p, k) => evidence.set(p.doc, (evidence.get(p.doc) ?? 0) + info[k]!.substance));
  // per document: its shared n-grams, each weighed by how few references hold it (pairDistinctGrams)
  // and the longest run of words it shares with the article
  const distinct = new Map<number, [number, number, number, number]>();
  ps.forEach((p, k) => {
    const x = distinct.get(p.doc) ?? [0, 0, 0, 0];
    distinct.set(p.doc, [x[0] + info[k]!.distinct, x[1] + info[k]!.grams, x[2] + info[k]!.common, Math.max(x[3], info[k]!.run)]);
  });
  // a source sharing no long run and few phrases with the article, whose words are not the article's (pairLooseRun)
  const loose = (d: number) => {
    const [e, , , run] = distinct.get(d)!;
    return o.pairLooseRun > 0 && run < o.pairLooseRun && e < o.pairLooseGrams && vocabularyHeld(doc, index, d, o) < o.pairLooseVocabulary;
  };
  // a source whose shared n-grams are mostly held by unrelated references too, and add up to little;
  // or a loose one: the same kind of story told alike
  const subjectOnly = (d: number) => {
    const [e, n, c] = distinct.get(d)!;
    if (n > 0 && loose(d)) return true;
    return e < o.pairDistinctGrams && n > 0 && c >= 0.5 * n;
  };
  const unnamed = o.pairSharedName ? documentsWithoutSharedName(ps, doc, index, o, stand) : undefined;
  // decided once per document (a source's passages share its verdict)
  const subjectDocs = distinctOn ? new Set([...distinct.keys()].filter(subjectOnly)) : undefined;
  return ps.filter((p, k) => {
    const x = info[k]!;
    if (unnamed?.has(p.doc)) return false;
    if (subjectDocs?.has(p.doc)) return false;
    const reporting = evidence.get(p.doc)! >= o.pairMinWords;
    // a shared quotation stands only on its length and the reporting copied with it
    if (x.quotation) return p.words >= stand && reporting;
    if (p.words >= stand) return x.substance >= o.pairStandSubstance;
    return reporting;
  });
}

/**
 * Sentences of the article that restate a source it copies from (see `restateWindow`), applied by
 * the copied-passage rule after `pairEvidenceFilter` to its kept passages `kept`: a rewritten wire
 * story keeps the wire's facts sentence by sentence in other words, which the n-gram and sentence
 * seeds miss once the wording changes. Only sources with a kept passage are read, and a sentence
 * half inside a kept passage is left to it. Returns the kept passages with the new ones, a new one
 * joined to the passage of its source it follows (`joinRestated`).
 */
export function restatedSentences(kept: Passage[], doc: TextModel, index: ReferenceIndex, options: Partial<AlignOptions> = {}): Passage[] {
  const o: AlignOptions = { ...DEFAULT_ALIGN, ...options };
  const out = restatedPairs(kept, doc, index, o);
  return out.length ? joinRestated(kept, out, o) : kept;
}

/** The restated sentences of `restatedSentences`, one passage per article sentence, not joined to the kept passages. */
export function restatedPairs(kept: Passage[], doc: TextModel, index: ReferenceIndex, options: Partial<AlignOptions> = {}): Passage[] {
  const o: AlignOptions = { ...DEFAULT_ALIGN, ...options };
  if (!(o.restateWindow > 0) || kept.length === 0) return [];
  const covered = new Uint8Array(doc.tokens.length);
  for (const p of kept) covered.fill(1, p.aTok[0], p.aTok[1]);
  const inQuotes = quoteMask(doc.tokens.length, (k) => doc.tokens[k]!.start, findQuotes(doc));
  const content = (t: { stop: boolean; text: string }) => !t.stop && !/\d/.test(t.text);
  const out: Passage[] = [];
  for (const num of [...new Set(kept.map((p) => p.doc))]) {
    const d = index.docs[num]!;
    const ref = referenceModel(index, num);
    const refStems = ref.sentences.map((s) => {
      const bag = new Map<string, number>();
      for (let k = s.tokenStart; k < s.tokenEnd; k++) if (content(ref.tokens[k]!)) bag.set(ref.tokens[k]!.stem, (bag.get(ref.tokens[k]!.stem) ?? 0) + 1);
      return bag;
    });
    for (const s of doc.sentences) {
      let first = -1;
      let last = -1;
      let inside = 0;
      const stems = new Map<string, number>();
      let n = 0;
      for (let k = s.tokenStart; k < s.tokenEnd; k++) {
        if (o.quoted?.[k]) continue;
        if (first < 0) first = k;
        last = k;
        inside += covered[k]!;
        const t = doc.tokens[k]!;
        if (inQuotes[k] || !content(t)) continue;
        stems.set(t.stem, (stems.get(t.stem) ?? 0) + 1);
        n++;
      }
      if (first < 0 || n < o.restateMinContent || inside > 0.5 * (last - first + 1)) continue;
      // the smallest window of consecutive source sentences holding most of the sentence's content stems
      let best = 0;
      let from = -1;
      let to = -1;
      for (let w = 1; w <= o.restateWindow; w++) {
        for (let j = 0; j + w <= refStems.length; j++) {
          let shared = 0;
          for (const [stem, c] of stems) {
            let have = 0;
            for (let x = j; x < j + w; x++) have += refStems[x]!.get(stem) ?? 0;
            shared += Math.min(c, have);
          }
          if (shared > best) [best, from, to] = [shared, j, j + w];
        }
      }
      if (from < 0 || best < o.restateShare * n) continue;
      const aTok: [number, number] = [first, last + 1];
      // the reference model's tokens and the index's share offsets: the span's index tokens by offset
      const bSpan = { start: ref.tokens[ref.sentences[from]!.tokenStart]!.start, end: ref.tokens[ref.sentences[to - 1]!.tokenEnd - 1]!.end };
      const starts = d.tokens.starts;
      const bTok: [number, number] = [lowerBoundOf(starts, bSpan.start), lowerBoundOf(starts, bSpan.end)];
      const a: string[] = [];
      for (let k = aTok[0]; k < aTok[1]; k++) if (!o.quoted?.[k]) a.push(doc.tokens[k]!.norm);
      const b: string[] = [];
      for (let k = ref.sentences[from]!.tokenStart; k < ref.sentences[to - 1]!.tokenEnd; k++) b.push(ref.tokens[k]!.norm);
      const ws = wordSimilarity(...wordIds(a, b));
      if (!restateEvidence(kept, num, aTok, bTok, ws.similarity, doc, index, stems, refStems, from, to, o)) continue;
      if ((o.restatePairCosine > 0 || o.restateBracket) && !restatePairOrder(kept, num, aTok, doc, index, ref, from, to, inQuotes, o)) continue;
      out.push({
        doc: num,
        a: { start: doc.tokens[aTok[0]]!.start, end: doc.tokens[aTok[1] - 1]!.end },
        b: bSpan,
        aTok,
        bTok,
        similarity: Math.round(ws.similarity * 1000) / 1000,
        level: levelOf(ws.similarity, ws.identical, o),
        words: aTok[1] - aTok[0],
      });
      covered.fill(1, aTok[0], aTok[1]);
    }
  }
  return out;
}

/**
 * Evidence that a restated sentence is the source's sentences rewritten rather than the same facts
 * told twice (two reports of one story share most content words): the sentence lies within
 * `restateNear` words of a kept passage of that source in the article and its source sentences within
 * `restateNear` words of that passage in the source (rewriting follows the source's order), its word
 * similarity to them is at least `restateMinSimilarity`, and the content words they share carry at
 * least `restateMinInformation` of the reference set's information (the sum of ln(N / df) over the
 * shared words): a shared name or stock word is in many references and carries little.
 */
function restateEvidence(
  kept: Passage[],
  num: number,
  aTok: [number, number],
  bTok: [number, number],
  similarity: number,
  doc: TextModel,
  index: ReferenceIndex,
  stems: Map<string, number>,
  refStems: Map<string, number>[],
  from: number,
  to: number,
  o: AlignOptions,
): boolean {
  if (similarity < o.restateMinSimilarity) return false;
  if (o.restateNear > 0) {
    const near = kept.some(
      (q) =>
        q.doc === num &&
        Math.max(q.aTok[0] - aTok[1], aTok[0] - q.aTok[1]) <= o.restateNear &&
        Math.max(q.bTok[0] - bTok[1], bTok[0] - q.bTok[1]) <= o.restateNear,
    );
    if (!near) return false;
  }
  if (o.restateMinInformation > 0) {
    const have = new Map<string, number>();
    for (let x = from; x < to; x++) for (const [stem, c] of refStems[x]!) have.set(stem, (have.get(stem) ?? 0) + c);
    const n = index.documentCount;
    let info = 0;
    const seen = new Map<string, number>();
    for (let k = aTok[0]; k < aTok[1]; k++) {
      const t = doc.tokens[k]!;
      if (!stems.has(t.stem) || o.quoted?.[k]) continue;
      const used = seen.get(t.stem) ?? 0;
      if (used >= Math.min(stems.get(t.stem)!, have.get(t.stem) ?? 0)) continue;
      seen.set(t.stem, used + 1);
      const term = index.terms.lookup(t.norm);
      info += Math.log(n / Math.max(1, term < 0 ? 1 : index.terms.df[term]!));
    }
    if (info < o.restateMinInformation) return false;
  }
  return true;
}

/**
 * The restated sentence `aTok` (of source `num`, window of reference-model sentences [from, to)) as
 * one sentence pair: its best single source sentence by the tf-idf cosine the sentence stage uses
 * (stems weighed by the reference set's idf, stop words and words in quotation marks left out) must
 * reach `restatePairCosine`, and with `restateBracket` a kept passage of the source must come before
 * it in the article with its source span before that sentence, and another after it with its source
 * span after: a rewritten stretch of the wire between two copied ones, in the wire's order. Two
 * reports of one story share the facts; one written from the other also keeps their order.
 */
function restatePairOrder(
  kept: Passage[],
  num: number,
  aTok: [number, number],
  doc: TextModel,
  index: ReferenceIndex,
  ref: TextModel,
  from: number,
  to: number,
  inQuotes: Uint8Array,
  o: AlignOptions,
): boolean {
  const vec = sentenceVectors(
    (k) => (o.quoted?.[k] || inQuotes[k] ? -1 : index.terms.lookup(doc.tokens[k]!.norm)),
    [{ tokenStart: aTok[0], tokenEnd: aTok[1] }],
    index,
  )[0]!;
  const starts = index.docs[num]!.tokens.starts;
  let best = -1;
  let sb: [number, number] = [0, 0];
  for (let x = from; x < to; x++) {
    const rs = ref.sentences[x]!;
    const t0 = lowerBoundOf(starts, ref.tokens[rs.tokenStart]!.start);
    const t1 = lowerBoundOf(starts, ref.tokens[rs.tokenEnd - 1]!.end);
    const c = cosine(vec, refSentenceVector(index, num, t0, t1));
    if (c > best) [best, sb] = [c, [t0, t1]];
  }
  if (best < o.restatePairCosine) return false;
  if (!o.restateBracket) return true;
  const before = kept.some((q) => q.doc === num && q.aTok[1] <= aTok[0] && q.bTok[0] <= sb[0] && q.bTok[1] <= sb[1]);
  const after = kept.some((q) => q.doc === num && q.aTok[0] >= aTok[1] && q.bTok[0] >= sb[0] && q.bTok[1] >= sb[1]);
  return before && after;
}

/**
 * Restated sentences `added` joined to the passage of the same source that ends where they start
 * in the article (nothing between them but attributed quotation) and lies within `joinGap` words of
 * them in the source: one finding for one stretch of rewritten copy.
 */
function joinRestated(kept: Passage[], added: Passage[], o: AlignOptions): Passage[] {
  const fresh = new Set(added);
  const all = [...kept, ...added].sort((x, y) => x.aTok[0] - y.aTok[0] || y.words - x.words);
  const out: Passage[] = [];
  const lastOf = new Map<number, number>(); // document → position in out of its last passage
  for (const p of all) {
    const k = lastOf.get(p.doc);
    const prev = k === undefined ? undefined : out[k]!;
    let adjacent = prev !== undefined && (fresh.has(p) || fresh.has(prev)) && p.aTok[0] >= prev.aTok[1];
    if (adjacent) for (let t = prev!.aTok[1]; t < p.aTok[0] && adjacent; t++) if (!o.quoted?.[t]) adjacent = false;
    adjacent &&= Math.max(p.bTok[0] - prev!.bTok[1], prev!.bTok[0] - p.bTok[1]) <= o.joinGap;
    if (adjacent) {
      const words = p.aTok[1] - prev!.aTok[0];
      const similarity = Math.round(((prev!.similarity * prev!.words + p.similarity * p.words) / (prev!.words + p.words)) * 1000) / 1000;
      const both: Passage = {
        doc: p.doc,
        a: { start: prev!.a.start, end: p.a.end },
        b: { start: Math.min(prev!.b.start, p.b.start), end: Math.max(prev!.b.end, p.b.end) },
        aTok: [prev!.aTok[0], p.aTok[1]],
        bTok: [Math.min(prev!.bTok[0], p.bTok[0]), Math.max(prev!.bTok[1], p.bTok[1])],
        similarity,
        level: levelOf(similarity, false, o),
        words,
      };
      fresh.add(both);
      out[k!] = both;
      continue;
    }
    lastOf.set(p.doc, out.length);
    out.push(p);
  }
  return out;
}

/**
 * A stretch of the article is copied from one source: a sentence-level case half of whose article
 * words lie in a passage of another document that is more similar (or verbatim) is dropped. Cases
 * are judged strongest first (verbatim, then by similarity), and a case already dropped drops no
 * other: a weak case of a third source over part of the stretch must not take it from its source
 * when a stronger passage has already put that case aside.
 */
export function resolveAcross(ps: Passage[], fromCases: Set<Passage>): Passage[] {
  const strength = (p: Passage) => (p.level === 'verbatim' ? 2 : 0) + p.similarity;
  const dropped = new Set<Passage>();
  for (const c of ps.filter((p) => fromCases.has(p)).sort((x, y) => strength(y) - strength(x))) {
    const len = c.aTok[1] - c.aTok[0];
    const over = ps.some(
      (p) =>
        p !== c &&
        !dropped.has(p) &&
        p.doc !== c.doc &&
        (p.level === 'verbatim' || p.similarity > c.similarity) &&
        // (another case drops this one only when it is the stronger: a weaker case still to be judged
        // would otherwise outlive the case it dropped)
        (!fromCases.has(p) || strength(p) > strength(c)) &&
        Math.min(p.aTok[1], c.aTok[1]) - Math.max(p.aTok[0], c.aTok[0]) >= 0.5 * len,
    );
    if (over) dropped.add(c);
  }
  return ps.filter((p) => !dropped.has(p)).sort((x, y) => x.a.start - y.a.start || y.words - x.words);
}

/** Merge passages of one document whose article spans overlap. */
function mergeOverlapping(ps: Passage[], doc: TextModel, index: ReferenceIndex, o: AlignOptions): Passage[] {
  ps.sort((x, y) => x.aTok[0] - y.aTok[0]);
  const out: Passage[] = [];
  for (const p of ps) {
    const last = out[out.length - 1];
    if (last && p.aTok[0] < last.aTok[1] && p.bTok[0] < last.bTok[1] + o.maxGap && last.bTok[0] < p.bTok[1] + o.maxGap) {
      const merged = passageOf(
        doc,
        index,
        p.doc,
        [
          { i: last.aTok[0], j: last.bTok[0], li: last.aTok[1] - last.aTok[0], lj: last.bTok[1] - last.bTok[0], kind: 2 },
          { i: p.aTok[0], j: p.bTok[0], li: p.aTok[1] - p.aTok[0], lj: p.bTok[1] - p.bTok[0], kind: 2 },
        ],
        o,
      );
      if (merged) {
        out[out.length - 1] = merged;
        continue;
      }
    }
    if (last && p.aTok[0] < last.aTok[1] && p.aTok[1] <= last.aTok[1]) continue; // contained
    out.push(p);
  }
  return out;
}

/**
 * A summary condenses a long stretch of the reference into a short stretch of the article: its
 * sentence-level pieces are found one by one, far apart in the reference but close in the article.
 * Merge such runs of paraphrase-level passages of one document into one passage.
 */
function mergeSummaries(ps: Passage[], doc: TextModel, index: ReferenceIndex, o: AlignOptions): Passage[] {
  if (o.summaryGap <= 0 || ps.length < 2) return ps;
  const out: Passage[] = [];
  let run: Passage[] = [];
  const flush = () => {
    if (run.length === 0) return;
    const aTok: [number, number] = [run[0]!.aTok[0], Math.max(...run.map((p) => p.aTok[1]))];
    const bTok: [number, number] = [Math.min(...run.map((p) => p.bTok[0])), Math.max(...run.map((p) => p.bTok[1]))];
    const ratio = (bTok[1] - bTok[0]) / (aTok[1] - aTok[0]);
    // a summary condenses, but not a whole long document into a few lines
    if (run.length > 1 && ratio >= o.summaryRatio && ratio <= 4 * o.summaryRatio) {
      const d = index.docs[run[0]!.doc]!;
      const words = aTok[1] - aTok[0];
      let sim = 0;
      for (const p of run) sim += p.similarity * p.words;
      out.push({
        doc: run[0]!.doc,
        a: { start: doc.tokens[aTok[0]]!.start, end: doc.tokens[aTok[1] - 1]!.end },
        b: { start: d.tokens.starts[bTok[0]]!, end: d.tokens.ends[bTok[1] - 1]! },
        aTok,
        bTok,
        similarity: Math.round((sim / run.reduce((n, p) => n + p.words, 0)) * 1000) / 1000,
        level: 'paraphrase',
        words,
      });
    } else {
      out.push(...run);
    }
    run = [];
  };
  for (const p of ps) {
    const last = run[run.length - 1];
    if (last && (p.level !== 'paraphrase' || last.level !== 'paraphrase' || p.aTok[0] - last.aTok[1] > o.summaryGap)) flush();
    if (p.level === 'paraphrase') run.push(p);
    else {
      flush();
      out.push(p);
    }
  }
  flush();
  return out;
}

/** The alignment of the checked article, shared by the rules of one check. Ignored sources are not aligned, so the next-best source of a passage shows instead. */
export const alignment: Analysis<Passage[]> = (ctx) => {
  const skip = new Set<number>();
  const ignored = new Set(ctx.settings.ignore.sources);
  if (ignored.size) ctx.index.docs.forEach((d, k) => ignored.has(d.id) && skip.add(k));
  const options = { minWords: ctx.settings.minWords, skipDocs: skip, quoted: ctx.use(quotedTokens) };
  return ctx.aligner ? ctx.aligner.align(ctx.doc, options) : align(ctx.doc, ctx.index, options);
};

/**
 * `p` cut at the article tokens where `cut` is 1 (paragraphs that credit the source) into the stretches between
 * them, each graded as the aligner grades a case, with the tokens of `mask` (cut ones and attributed quotations)
 * matching nothing: a stretch neither starts nor ends on them, they do not count towards its similarity, and its
 * reference side is the part of `p`'s that its own shared words span. One diff of the whole passage, so each
 * stretch keeps the pairing of words the passage had. Stretches sharing nothing outside the mask are left out.
 */
export function splitMasked(doc: TextModel, index: ReferenceIndex, p: Passage, cut: Uint8Array, mask: Uint8Array, options: Partial<AlignOptions> = {}): Passage[] {
  const o: AlignOptions = { ...DEFAULT_ALIGN, ...options, quoted: mask };
  const shared = sharedRuns(doc, index, p.doc, p.aTok, p.bTok, o);
  if (!shared) return [];
  const d = index.docs[p.doc]!;
  const out: Passage[] = [];
  const [a0, a1] = p.aTok;
  for (let k = a0; k < a1; ) {
    if (cut[k]) {
      k++;
      continue;
    }
    let e = k;
    while (e < a1 && !cut[e]) e++;
    const inside = (r: Run) => a0 + r[0] >= k && a0 + r[0] + r[2] <= e;
    const g = trimRuns(doc, p.aTok, p.bTok, shared.runs.filter(inside), shared.pieces.filter(inside), o);
    if (g && g.similarity > 0) {
      out.push({
        doc: p.doc,
        a: { start: doc.tokens[g.aTok[0]]!.start, end: doc.tokens[g.aTok[1] - 1]!.end },
        b: { start: d.tokens.starts[g.bTok[0]]!, end: d.tokens.ends[g.bTok[1] - 1]! },
        aTok: g.aTok,
        bTok: g.bTok,
        similarity: g.similarity,
        level: g.level,
        words: g.aTok[1] - g.aTok[0],
      });
    }
    k = e;
  }
  return out;
}
