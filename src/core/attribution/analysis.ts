/**
 * Shared attribution analyses for the rules of one check: the article's attributions, the spans of
 * its attributed quotes (excluded from copied-passage: quoting is not copying), reference-document
 * attributions (cached per index and document), and the matching of article quotes to reference
 * quotes through the index. A reference's attributions and quotes are read from the index file
 * when it holds them (reference-analyses.ts), else extracted on first use.
 */
import { alignment, articleTerms, referenceModel } from '../align';
import { DocCache } from '../doc-cache';
import type { IndexedDoc, ReferenceIndex } from '../reference-index';
import { lowerBound } from '../search';
import { FreshTokenMemo, type Analysis, type RuleContext, type TokenMemo } from '../rule';
import type { Span, TextModel } from '../text';
import { extractAttributions, extractQuotes } from './extract';
import { attributions } from '../quoting';
import { useFastTagger } from './tagger';
import { finishComparison, mayReach, mayReachTerms, quoteOverlap, quoteTermIds, quoteWords, type QuoteComparison, type QuoteOverlap, type QuoteTermIds } from './compare';
import { speakerName, type Attribution, type TextSpan } from './types';
import { modelHasIndexTokens, storedAttributions, storedQuotes } from '../reference-analyses';

export { attributions, attributedQuoteSpans } from '../quoting';

const refCache = new DocCache<Attribution[]>(1024);
const refQuoteCache = new DocCache<Attribution[]>(1024);

/** All attributions of reference document `doc` (index.docs[doc]), cached per index (LRU of 1024 documents). */
export function referenceAttributions(index: ReferenceIndex, doc: number): Attribution[] {
  // read from the index file when it holds them (computed when the index was written, reference-analyses.ts)
  return refCache.get(index, doc, () => storedAttributions(index, doc) ?? extractAttributions(fastModel(index, doc)));
}

/** The quotes (with speakers) of reference document `doc`: a cheaper pass than referenceAttributions. */
export function referenceQuotes(index: ReferenceIndex, doc: number): Attribution[] {
  return refCache.peek(index, doc) ?? refQuoteCache.get(index, doc, () => storedQuotes(index, doc) ?? extractQuotes(fastModel(index, doc)));
}

/** Reference documents are tagged with the fast lexical tagger (compromise is ~5–30 ms a sentence). */
function fastModel(index: ReferenceIndex, doc: number): TextModel {
  const m = referenceModel(index, doc);
  useFastTagger(m);
  return m;
}

/** Content-word stems of a text range of a model. */
function stemsIn(model: TextModel, start: number, end: number): Set<string> {
  const out = new Set<string>();
  const toks = model.tokens;
  for (let k = lowerBound(toks.length, (i) => toks[i]!.start < start); k < toks.length && toks[k]!.start < end; k++) {
    if (!toks[k]!.stop) out.add(toks[k]!.stem);
  }
  return out;
}

function dice(a: Set<string>, b: Set<string>): number {
  if (a.size === 0 || b.size === 0) return 0;
  let n = 0;
  for (const x of a) if (b.has(x)) n++;
  return (2 * n) / (a.size + b.size);
}

/** Reference documents that share word 3-grams with the ranges, best first. */
export function candidateDocs(ctx: RuleContext, ranges: Span[], max = 8): number[] {
  return candidateDocScores(ctx, ranges, max).map((e) => e[0]);
}

/**
 * Per article token k, the reference documents holding the article's word 3-gram at k (null: more than
 * 30, a set phrase), filled as candidateDocScores first asks: the whole article, each sentence and
 * each quote are asked about in one check, and their 3-grams are looked up once.
 */
const gramDocs: Analysis<TokenMemo<readonly number[] | null>> = (ctx) =>
  ctx.aligner?.tokenMemo?.<readonly number[] | null>('docs30', ctx.doc, articleTermIds(ctx)) ?? new FreshTokenMemo(ctx.doc.tokens.length);

/** Reference documents that share word 3-grams with the ranges, best first, with the number of shared 3-grams. */
export function candidateDocScores(ctx: RuleContext, ranges: Span[], max = 8): [number, number][] {
  const { doc } = ctx;
  // the whole article is asked about by several rules in one check (names, facts): scored once
  if (ranges.length === 1 && ranges[0]!.start <= 0 && ranges[0]!.end >= doc.text.length && max <= WHOLE_MAX) {
    return ctx.use(wholeArticleScores).slice(0, max);
  }
  return scoreDocs(ctx, ranges, max);
}

/** The most documents a whole-article ask keeps (wholeArticleScores). */
const WHOLE_MAX = 30;

/** candidateDocScores of the whole article, the best WHOLE_MAX: a prefix of it is the answer for any smaller max (ties are broken by document). */
const wholeArticleScores: Analysis<[number, number][]> = (ctx) => scoreDocs(ctx, [{ start: 0, end: ctx.doc.text.length }], WHOLE_MAX);

function scoreDocs(ctx: RuleContext, ranges: Span[], max: number): [number, number][] {
  const { doc, index } = ctx;
  const terms = articleTermIds(ctx);
  const grams = ctx.use(gramDocs);
  const tokens = doc.tokens;
  // per document its count of shared 3-grams (`counts`, zero again before returning) and the documents in
  // the order first met (`met`): one scratch pair for every call, not a Map per call
  const n = index.docs.length;
  if (counts.length < n) counts = new Int32Array(Math.max(n, 2 * counts.length));
  const met = metBuf;
  let nm = 0;
  try {
    for (const r of ranges) {
      const k0 = lowerBound(tokens.length, (i) => tokens[i]!.end <= r.start);
      for (let k = k0; k + 3 <= tokens.length && tokens[k + 2]!.end <= r.end; k++) {
        if (terms[k]! < 0 || terms[k + 1]! < 0 || terms[k + 2]! < 0) continue;
        let docs = grams.get(k);
        if (docs === undefined) {
          // more than 30 documents: a set phrase ("said in a"), no evidence
          docs = index.lookupDocs(terms, k, 30);
          grams.set(k, docs);
        }
        if (docs === null) continue;
        for (const d of docs) if (counts[d]!++ === 0) met[nm++] = d;
      }
    }
    return best(counts, met, nm, max);
  } finally {
    // (also when a look-up throws: a damaged index file)
    for (let k = 0; k < nm; k++) counts[met[k]!] = 0;
  }
}
let counts = new Int32Array(1024);
const metBuf: number[] = [];

/**
 * The `max` documents of `met[0 .. nm)` with the most 3-grams (`counts[d]`), ties by document, with their
 * counts: the sort's prefix. Many documents (a whole article's thousands) are first cut to those with at
 * least the count the max-th best has, read off a histogram of the counts.
 */
function best(counts: Int32Array, met: readonly number[], nm: number, max: number): [number, number][] {
  let c = 0;
  if (nm > 4 * max && max > 0) {
    let top = 0;
    for (let k = 0; k < nm; k++) if (counts[met[k]!]! > top) top = counts[met[k]!]!;
    const hist = new Uint32Array(top + 1);
    for (let k = 0; k < nm; k++) hist[counts[met[k]!]!]++;
    c = top;
    for (let n = hist[c]!; n < max && c > 1; ) n += hist[--c]!;
  }
  const entries: [number, number][] = [];
  for (let k = 0; k < nm; k++) {
    const d = met[k]!;
    if (counts[d]! >= c) entries.push([d, counts[d]!]);
  }
  return entries.sort((a, b) => b[1] - a[1] || a[0] - b[0]).slice(0, max);
}

/**
 * The reference document whose own text (quoted or not) holds the words of this article quote:
 * nearly every word 3-gram of the quote (at least 80 %, at least two) is in the document. A quote
 * taken from a statement or release is found here although no reference *quotes* it. Null if none.
 */
export function referenceHoldingText(ctx: RuleContext, q: Span): number | null {
  let words = 0;
  for (const t of ctx.doc.tokens) if (t.start >= q.start && t.end <= q.end) words++;
  if (words < 4) return null;
  const need = Math.max(2, Math.ceil(0.8 * (words - 2)));
  const best = candidateDocScores(ctx, [q], 1)[0];
  return best && best[1] >= need ? best[0] : null;
}

/** The index's term id of each article token: align()'s array for the same model, made once a check. */
const termIds: Analysis<Int32Array> = (ctx) => articleTerms(ctx.doc, ctx.index);

function articleTermIds(ctx: RuleContext): Int32Array {
  return ctx.use(termIds);
}

/** A reference quote matched to an article quote. */
export interface QuoteMatch {
  /** the article attribution and the quote (its words) within it */
  attribution: Attribution;
  quote: TextSpan;
  /** the best reference quote, or null when no reference holds a similar quote */
  ref: {
    doc: number;
    attribution: Attribution;
    quote: TextSpan;
    /** the reference sentence(s) around the quote */
    context: TextSpan;
    comparison: QuoteComparison;
    /** similarity of the surrounding sentences (content-stem Dice) */
    contextSimilarity: number;
    speakerMatch: boolean;
    score: number;
  } | null;
}

/** The capitalised words of a speaker's name, lower-cased, possessive dropped ("Karoline Leavitt's" → karoline, leavitt). */
export function lastNames(name: string | null): Set<string> {
  const out = new Set<string>();
  if (!name) return out;
  for (const w of name.split(/[^\p{L}'’-]+/u)) if (/^\p{Lu}/u.test(w) && w.length > 1) out.add(w.toLowerCase().replace(/['’]s$/, ''));
  return out;
}

function sameSpeaker(a: Attribution, b: Attribution): boolean {
  const x = lastNames(speakerName(a));
  const y = lastNames(speakerName(b));
  for (const w of x) if (y.has(w)) return true;
  return false;
}

export function sentenceRange(model: TextModel, start: number, end: number): Span {
  let s = start;
  let e = end;
  for (const sent of model.sentences) {
    if (sent.end > start && sent.start <= start) s = Math.min(s, sent.start);
    if (sent.start < end && sent.end >= end) e = Math.max(e, sent.end);
  }
  return { start: s, end: e };
}

/**
 * Every direct or mixed quote of the article (scare quotes without a speaker left out), each with
 * its best-matching reference quote. Candidate documents come from the index (3-grams of the quote
 * and of its sentence) and from the alignment of the article against the references.
 */
export const quoteMatches: Analysis<QuoteMatch[]> = (ctx) => {
  const out: QuoteMatch[] = [];
  if (ctx.index.documentCount === 0) return out;
  const memo = ctx.quoteMemo;
  memo?.begin(ctx.index);
  const model = ctx.doc;
  const passages = ctx.use(alignment);
  const done = new Set<number>();
  const attrs = [...ctx.use(attributions)].sort((x, y) => (y.source ? 1 : 0) - (x.source ? 1 : 0));
  for (const a of attrs) {
    if (a.kind === 'indirect') continue;
    if (a.scare && !a.source) continue;
    for (const q of a.quotes) {
      if (done.has(q.start)) continue;
      if (!/\p{L}{2}/u.test(q.text)) continue; // numbers, dates, markup values
      done.add(q.start);
      const sentR = sentenceRange(model, q.start, q.end);
      const docs = new Set(candidateDocs(ctx, [q], 5));
      if (docs.size === 0 || q.text.split(/\s+/).length < 4) for (const d of candidateDocs(ctx, [sentR], 3)) docs.add(d);
      for (const p of passages) if (p.a.start < sentR.end && p.a.end > sentR.start) docs.add(p.doc);
      const aStems = stemsIn(model, sentR.start, sentR.end);
      const best = memo ? memo.get(ctx.index, quoteKey(model, a, q, aStems, docs), docs, () => bestReferenceQuote(ctx, a, q, aStems, docs)) : bestReferenceQuote(ctx, a, q, aStems, docs);
      out.push({ attribution: a, quote: q, ref: best });
    }
  }
  memo?.end();
  return out;
};

/**
 * The best reference quote for article quote `q` of attribution `a` among documents `docs` (in this
 * order: ties keep the first). Reads of the article only the words of `q` (compareQuotes), the stems
 * of its sentence (`aStems`) and the speaker of `a` — the inputs `quoteKey` is made of.
 */
function bestReferenceQuote(ctx: RuleContext, a: Attribution, q: TextSpan, aStems: Set<string>, docs: Set<number>): QuoteMatch['ref'] {
  const model = ctx.doc;
  let best: QuoteMatch['ref'] = null;
  const qw = quoteWords(model, q);
  let qIds: QuoteTermIds | undefined;
  const terms = ctx.index.terms;
  for (const d of docs) {
    // (assembled only for a document with a quote that can match: most candidates' quotes cannot, and
    // with the model's tokens the index's own, mayReach reads the index's token arrays instead)
    let refModel: TextModel | undefined;
    let direct: boolean | undefined;
    for (const ra of referenceQuotes(ctx.index, d)) {
      if (ra.kind === 'indirect') continue;
      for (const rq of ra.quotes) {
        direct ??= modelHasIndexTokens(ctx.index, d);
        if (direct) {
          if (!mayReachTerms(qw, (qIds ??= quoteTermIds(qw, (w) => terms.lookup(w))), ctx.index.docs[d]!.tokens, terms.stop, rq)) continue;
          refModel ??= referenceModel(ctx.index, d);
        } else {
          refModel ??= referenceModel(ctx.index, d);
          if (!mayReach(qw, refModel, rq)) continue;
        }
        const overlap = quoteOverlap(model, q, refModel, rq);
        if (overlap.common === 0) continue;
        const rr = sentenceRange(refModel, rq.start, rq.end);
        const cs = dice(aStems, stemsIn(refModel, rr.start, rr.end));
        const sp = sameSpeaker(a, ra);
        // a named speaker in both that differs: another person's words, unless the words are the same
        const bothNamed = speakerName(a) !== null && speakerName(ra) !== null && !a.inherited;
        if (bothNamed && !sp && !(overlap.containment >= 0.9 && overlap.an.length >= 4)) continue;
        // the acceptance test reads only the overlap's counts: the rest of the comparison (the spelling-key
        // diff and the quoted region) is made only for a quote that passes it
        if (!accepts(overlap, sp, cs)) continue;
        const cmp = finishComparison(overlap);
        const score = Math.max(cmp.similarity, cmp.containment * 0.9) + 0.4 * cs + (sp ? 0.2 : 0);
        // the quoted region of the reference must not sprawl (scattered common words are no match)
        if (!cmp.identical && cmp.regionWords > 2 * cmp.words + 4) continue;
        if (!best || score > best.score) {
          best = { doc: d, attribution: ra, quote: rq, context: { start: rr.start, end: rr.end, text: refModel.text.slice(rr.start, rr.end) }, comparison: cmp, contextSimilarity: Math.round(cs * 1000) / 1000, speakerMatch: sp, score };
        }
      }
    }
  }
  return best;
}

/**
 * bestReferenceQuote's acceptance test: (nearly) all of the quote's words in the reference quote, or the
 * same speaker (`sp`) and surroundings (`cs`, the context similarity) with most content words shared
 * ("significantly refined" ~ "been very much refined"). The overlap's counts are compareQuotes' own.
 */
export function accepts(o: QuoteOverlap, sp: boolean, cs: number): boolean {
  return (
    o.identical ||
    (o.containment >= 0.8 && o.common >= 3) ||
    (o.containment >= 0.6 && o.common >= 4 && sp) ||
    (o.contentContainment >= 0.5 && o.sharedContent >= 1 && cs >= 0.3 && (sp || cs >= 0.5))
  );
}

/**
 * Every input of `bestReferenceQuote` on the article's side, relative to the quote: its text, its
 * words as compareQuotes reads them (offsets from the quote's start, text, norm, stop flag), the
 * stems of its sentence, the speaker's name and whether it is inherited, and the candidate
 * documents in their order. Equal keys give equal results wherever the quote stands.
 */
function quoteKey(model: TextModel, a: Attribution, q: TextSpan, aStems: Set<string>, docs: Set<number>): string {
  const toks = model.tokens;
  let key = `${q.text}\u0001`;
  for (let k = lowerBound(toks.length, (i) => toks[i]!.end <= q.start); k < toks.length && toks[k]!.start < q.end; k++) {
    const t = toks[k]!;
    key += `${t.start - q.start},${t.end - q.start},${t.stop ? 1 : 0},${t.text},${t.norm}\u0002`;
  }
  key += `\u0001${[...aStems].sort().join(' ')}\u0001${speakerName(a) ?? '\u0000'}\u0001${a.inherited ? 1 : 0}\u0001${[...docs].join(',')}`;
  return key;
}

/**
 * The best reference quote of each article quote, kept between the checks of one document (an
 * editor's session, `CheckEnv.quoteMemo`): after an edit, only the quotes whose words, sentence,
 * speaker or candidate documents changed are compared with the reference quotes again. An entry
 * is served only for the same index and the same reference document objects (a replaced document
 * is compared again); entries unused by the last few checks are dropped.
 */
export class QuoteMatchMemo {
  private readonly entries = new Map<string, { docs: IndexedDoc[]; best: QuoteMatch['ref']; used: number }>();
  private index: ReferenceIndex | null = null;
  private generation = 0;
  /** quotes served from the memo and quotes compared, over the memo's life */
  hits = 0;
  misses = 0;

  constructor(private readonly keepGenerations = 3) {}

  /** How many entries are held. */
  get size(): number {
    return this.entries.size;
  }

  begin(index: ReferenceIndex): void {
    if (index !== this.index) {
      this.entries.clear();
      this.index = index;
    }
    this.generation++;
  }

  get(index: ReferenceIndex, key: string, docs: Set<number>, make: () => QuoteMatch['ref']): QuoteMatch['ref'] {
    const nums = [...docs];
    const hit = this.entries.get(key);
    if (hit && hit.docs.length === nums.length && hit.docs.every((d, k) => d === index.docs[nums[k]!])) {
      hit.used = this.generation;
      this.hits++;
      return hit.best;
    }
    this.misses++;
    const best = make();
    this.entries.set(key, { docs: nums.map((d) => index.docs[d]!), best, used: this.generation });
    return best;
  }

  end(): void {
    for (const [k, e] of this.entries) if (this.generation - e.used >= this.keepGenerations) this.entries.delete(k);
  }
}
