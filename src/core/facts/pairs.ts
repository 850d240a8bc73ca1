/**
 * Statement pairs for the fact check: each article sentence with, per reference document, the one
 * reference sentence that makes the same statement. Candidate documents are those the aligner
 * found a passage in over the sentence (verbatim, near-verbatim, paraphrase), and for sentences no
 * passage covers, the references sharing its rarer word 3-grams (pairs too short to be a copied
 * passage); either only among the documents of the article's own story (a good share of its
 * passage words, or many shared 3-grams with the whole article). A pair is the same statement when their content stems overlap strongly (Dice ≥ 0.5)
 * and their words, in order, mostly agree (≥ 0.5), so the differences left are slots, not rewording.
 */
import { alignment, referenceModel } from '../align';
import { candidateDocs, candidateDocScores } from '../attribution/analysis';
import { DocCache } from '../doc-cache';
import type { IndexedDoc, ReferenceIndex } from '../reference-index';
import type { Analysis, RuleContext } from '../rule';
import { modelHasIndexTokens } from '../reference-analyses';
import type { Sentence, TextModel } from '../text';
import { termHash, type Terms } from '../terms';

import { compareSentences, factTokens, slotValue, TITLES, wirePound, type FactToken, type SentenceComparison, type SlotDiff } from './compare';
import { COURTESY_TITLES, wordTest } from '../titles';

export interface StatementPair {
  /** article sentence index */
  sentence: number;
  doc: number;
  /** the reference sentence */
  ref: { start: number; end: number };
  articleTokens: FactToken[];
  refTokens: FactToken[];
  /** content-stem Dice of the two sentences */
  dice: number;
  comparison: SentenceComparison;
  /**
   * The document follows the article's story as a whole, not only in this sentence: at least 40
   * of the article's words, or a fifth of them, are copied from it, or it shares 20 of the
   * article's rarer word 3-grams, or 0.12 per article word. An archive's other stories of the same shape (another month's figures, another
   * match's team sheet) pair sentence by sentence but have none of this.
   */
  story: boolean;
}

export const PAIR_MIN_DICE = 0.45;
export const PAIR_MIN_SIMILARITY = 0.5;
/** at most this many reference documents are compared per article sentence */
const MAX_DOCS = 6;
/** a document is of the article's story when it holds this share of the passage words the best one holds, … */
const STORY_SHARE = 0.25;
/** … or shares this many word 3-grams with the article and that share of the best document's count */
const STORY_MIN_SHARED = 8;
/** story evidence for a pair's document: this many copied words, … */
export const STORY_MIN_WORDS = 40;
/** … or this share of the article's words copied from it, … */
export const STORY_MIN_SHARE = 0.2;
/** … or this many word 3-grams shared with the whole article (those in at most 30 documents), … */
export const STORY_MIN_GRAMS = 20;
/** … or that many per article word (a short article: a news in brief) */
export const STORY_MIN_GRAM_SHARE = 0.12;

/** Words that fill slots (figures, days, months) do not decide whether two sentences make the same statement. */
const SLOT_WORD = /^(?:\d[\d.,]*\w*|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred|thousand|million|billion|half|monday|tuesday|wednesday|thursday|friday|saturday|sunday|january|february|april|june|july|august|september|october|november|december)$/;

/** Courtesy titles: the capitalised word after one is a person's name, a slot the pair may differ in. */
const HONORIFIC = wordTest(COURTESY_TITLES);

interface Stems {
  stems: Set<string>;
  /** stems of the names after a courtesy title ("Mr Reyle") */
  names: Set<string>;
  /** stems of the title words, courtesy titles aside ("judge", "secretary") */
  titles?: Set<string>;
}

/** Content stems of tokens [from, to) of a model: words that are not stop words nor slot words. */
function stemsOf(model: TextModel, from: number, to: number): Stems {
  const stems = new Set<string>();
  const names = new Set<string>();
  const titles = new Set<string>();
  for (let k = from; k < to; k++) {
    const t = model.tokens[k]!;
    if (t.stop || SLOT_WORD.test(t.norm)) continue;
    stems.add(t.stem);
    if (k > from && HONORIFIC.test(model.tokens[k - 1]!.norm) && /^\p{Lu}/u.test(model.text.slice(t.start, t.end))) names.add(t.stem);
    if (TITLES.has(t.norm) && !HONORIFIC.test(t.norm)) titles.add(t.stem);
  }
  return { stems, names, titles };
}

function contentStems(model: TextModel, s: Sentence): Stems {
  return stemsOf(model, s.tokenStart, s.tokenEnd);
}

/**
 * Dice of two stem sets. A person named after a courtesy title on each side, found on neither
 * other side, counts as one shared word, and so does a title word on each side found on neither
 * other side: the name or the title is the slot being compared ("Mr Reyle said" / "Mr Lund said",
 * "the coroner said" / "the judge said"), and a short sentence must not lose its pair
 * for the very change it should show.
 */
export function stemDice(a: Stems, b: Stems): number {
  if (!a.stems.size || !b.stems.size) return 0;
  let n = 0;
  for (const x of a.stems) if (b.stems.has(x)) n++;
  const lone = (x: Set<string> | undefined, y: Stems) => !!x && [...x].some((v) => !y.stems.has(v));
  if (lone(a.names, b) && lone(b.names, a)) n++;
  if (lone(a.titles, b) && lone(b.titles, a)) n++;
  return (2 * n) / (a.stems.size + b.stems.size);
}

interface Piece extends Stems {
  start: number;
  end: number;
  /** statesFact: a question or a line of wire furniture is not paired */
  statement: boolean;
  /** asksQuestion: a reported question, compared only with another */
  asks: boolean;
  /** the piece's fact tokens, read when it is first paired (kept with the piece across checks) */
  tokens?: FactToken[];
}

/**
 * Does the stretch state a fact to check? A statement has a sentence end in it — a full stop or an exclamation
 * mark before white space, a wire line-end marker or the stretch's end (closing quotation marks and brackets
 * aside; the splitter may keep agency copy's sign-off, "mf" or "end", with the last sentence) — and is not a
 * question (it asserts nothing: a barrister's question against the report of the answer; a question reported
 * with a full stop: asksQuestion). Not one either: a line
 * without sentence punctuation — a headline, and agency copy's furniture: the slug line with its filing time, page
 * and take label, the byline, which differ from take to take of one story.
 */
export function statesFact(text: string, start: number, end: number): boolean {
  const body = text.slice(start, end);
  return STATEMENT_END.test(body) && !QUESTION_END.test(body);
}
const STATEMENT_END = /[.!]["'’”)\]»]*(?=[<\s]|$)/;
const QUESTION_END = /\?["'’”)\]»<\s]*$/;
/**
 * Does the stretch report a question with a full stop: a verb of asking, at most four words (whom it asks), then
 * "if" or "whether" ("Counsel asked him if the ferry was late.")? What follows is asked, not stated: the answer,
 * reported elsewhere, may say the opposite. A reported question and a statement are not compared (the reference's
 * question is still the piece the article's statement pairs with best: its words are the statement's, and no other
 * piece is taken for it); two reported questions are ("was asked if" / "was not asked if").
 */
export function asksQuestion(text: string, start: number, end: number): boolean {
  return INDIRECT_QUESTION.test(text.slice(start, end));
}
const INDIRECT_QUESTION = /\b(?:ask|asks|asked|asking|wondered|wondering|inquired|enquired|queried)\b(?:\s+[\p{L}'’.-]+){0,4}?\s+(?:if|whether)\b/iu;

/**
 * A sentence's fact tokens, read after the agency furniture the sentence splitter may keep before a take's first
 * sentence: rule lines and the slug line with its filing time, date, page and take label ("14:32 08/12/99: Page 2
 * (HHH) COURTS Ferry Substitute"). They differ from take to take (another filing time, page and label), and the
 * sentence's first words are its opening, not the middle of a line of furniture ("Former" dropped before the
 * story's first words is a rank dropped at the sentence start, and the other take's times and page numbers are
 * no changed values beside the changed fact).
 */
export function statementTokens(text: string, start: number, end: number): FactToken[] {
  const head = WIRE_HEAD.exec(text.slice(start, end));
  return factTokens(text, head && /\d:\d\d/.test(head[0]) ? start + head[0].length : start, end);
}
/** rule lines, blank lines and slug lines (a filing time and date, then the rest of the line) at a sentence's start */
const WIRE_HEAD = /^(?:[ \t]*-{8,}[ \t]*\r?\n|[ \t]*\d{1,2}:\d{2}[ \t]+\d{1,2}\/\d{1,2}\/\d{2,4}:[^\n]*\r?\n|[ \t]*\r?\n)+[ \t]*/;

/**
 * A reference sentence ends where the sentence splitter says, and also at a line break after
 * sentence punctuation and closing quotes (wire copy often closes a quotation with '' or a
 * line-end marker the splitter reads as part of the sentence).
 */
const PIECE_END = /[.!?]['"’”)<]*[ \t]*\r?\n/g;

/**
 * Per-document pieces (sentences, split as above) with their content stems, cached per index and
 * document (LRU of 1024: a 5,000-word article pairs with ~800 documents, more than the 256 text models
 * referenceModel keeps, and rebuilding a model for its pieces was most of this analysis).
 */
const refPieces = new DocCache<Piece[]>(1024);
function docPieces(index: ReferenceIndex, d: number): Piece[] {
  return refPieces.get(index, d, () => sentencePieces(referenceModel(index, d)));
}

function sentencePieces(model: TextModel): Piece[] {
  const v: Piece[] = [];
  for (const s of model.sentences) {
    const body = model.text.slice(s.start, s.end);
    let from = s.start;
    const cuts: number[] = [];
    PIECE_END.lastIndex = 0;
    for (let m = PIECE_END.exec(body); m; m = PIECE_END.exec(body)) cuts.push(s.start + m.index + m[0].length);
    cuts.push(s.end);
    let k = s.tokenStart;
    for (const to of cuts) {
      let first = -1;
      let last = -1;
      const k0 = k;
      while (k < s.tokenEnd && model.tokens[k]!.start < to) {
        const t = model.tokens[k]!;
        if (first < 0) first = t.start;
        last = t.end;
        k++;
      }
      if (first >= 0) {
        const start = from === s.start ? s.start : first;
        const end = to === s.end ? s.end : last + (/[.!?]/.test(model.text[last] ?? '') ? 1 : 0);
        v.push({ start, end, statement: statesFact(model.text, start, end), asks: asksQuestion(model.text, start, end), ...stemsOf(model, k0, k) });
      }
      from = to;
    }
  }
  return v;
}

/**
 * Does a reference document follow the article's story (see StatementPair.story)? `copied`: the
 * article's words in passages from it; `words`: the article's words; `grams`: word 3-grams, each in
 * at most 30 documents, that it shares with the whole article.
 */
export function storyEvidence(copied: number, words: number, grams: number): boolean {
  if (copied >= STORY_MIN_WORDS || grams >= STORY_MIN_GRAMS) return true;
  return words > 0 && (copied >= STORY_MIN_SHARE * words || grams >= STORY_MIN_GRAM_SHARE * words);
}

/** words in a row two documents must share for one to be a version of the other */
export const VERSION_RUN = 12;
/**
 * … covering at least this many words of the document: as many as a copied source gives the article
 * (a paragraph of background that related stories repeat is no version)
 */
export const VERSION_WORDS = STORY_MIN_WORDS;

/**
 * A reference document's words as VERSION_RUN compares them: each token's normalised word (read from the
 * index's term ids when the text model's tokens are the index's own, else from the model) and its
 * termHash, and the hash of the run of VERSION_RUN words starting at each token.
 */
interface DocWords {
  /** term id of each token (tokens are the index's own), else null and `norms` */
  ids: ArrayLike<number> | null;
  norms: string[] | null;
  dict: Terms;
  /** runHash of the run starting at token k, for k + VERSION_RUN <= token count */
  runs: Uint32Array;
}

const RUN_MUL = 0x9e3779b1 | 0;
/** RUN_MUL^(VERSION_RUN - 1) mod 2^32: a word's weight as it leaves the rolling window */
const RUN_TOP = (() => {
  let m = 1;
  for (let i = 1; i < VERSION_RUN; i++) m = Math.imul(m, RUN_MUL);
  return m;
})();

/**
 * The runs' hashes of a sequence of word hashes: sum of wordHash[k + i] · RUN_MUL^(VERSION_RUN − 1 − i)
 * mod 2^32 over the run, rolled along the sequence. Equal runs of words have equal hashes; a shared
 * hash is verified word by word (sameRun).
 */
function rollRuns(n: number, wordHash: (k: number) => number): Uint32Array {
  const out = new Uint32Array(Math.max(0, n - VERSION_RUN + 1));
  if (n < VERSION_RUN) return out;
  let h = 0;
  for (let k = 0; k < VERSION_RUN; k++) h = (Math.imul(h, RUN_MUL) + wordHash(k)) | 0;
  out[0] = h;
  for (let k = 1; k + VERSION_RUN <= n; k++) {
    h = (Math.imul((h - Math.imul(wordHash(k - 1), RUN_TOP)) | 0, RUN_MUL) + wordHash(k + VERSION_RUN - 1)) | 0;
    out[k] = h;
  }
  return out;
}

function docWords(index: ReferenceIndex, d: number): DocWords {
  const dict = index.terms;
  if (modelHasIndexTokens(index, d)) {
    const ids = index.docs[d]!.tokens.terms;
    return { ids, norms: null, dict, runs: rollRuns(ids.length, (k) => dict.hashOf(ids[k]!)) };
  }
  const norms = referenceModel(index, d).tokens.map((t) => t.norm);
  const hashes = Uint32Array.from(norms, termHash);
  return { ids: null, norms, dict, runs: rollRuns(norms.length, (k) => hashes[k]!) };
}

/** Are the VERSION_RUN words from token i of `a` those from token j of `b`? */
function sameRun(a: DocWords, i: number, b: DocWords, j: number): boolean {
  if (a.ids && b.ids && a.dict === b.dict) {
    for (let x = 0; x < VERSION_RUN; x++) if (a.ids[i + x] !== b.ids[j + x]) return false;
    return true;
  }
  const word = (w: DocWords, k: number) => (w.ids ? w.dict.words[w.ids[k]!]! : w.norms![k]!);
  for (let x = 0; x < VERSION_RUN; x++) if (word(a, i + x) !== word(b, j + x)) return false;
  return true;
}

/** A document's runs of VERSION_RUN words, by hash: an open-addressing table of token positions. */
interface RunTable {
  words: DocWords;
  /** slot → token position + 1 (0: empty) */
  pos: Int32Array;
  mask: number;
}

/** slot of a run hash (its bits mixed: the rolled hash's low bits depend on the words' low bits only) */
function runSlot(h: number, mask: number): number {
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) & mask;
}

/** The word runs of VERSION_RUN words of a reference document. */
const docRuns = new DocCache<RunTable>(256);
function runsOf(index: ReferenceIndex, d: number): RunTable {
  return docRuns.get(index, d, () => {
    const words = docWords(index, d);
    const runs = words.runs;
    let size = 16;
    while (size < 2 * runs.length) size *= 2;
    const pos = new Int32Array(size);
    const mask = size - 1;
    for (let k = 0; k < runs.length; k++) {
      let b = runSlot(runs[k]!, mask);
      while (pos[b] !== 0) b = (b + 1) & mask;
      pos[b] = k + 1;
    }
    return { words, pos, mask };
  });
}

/** Does table `t` hold the run of VERSION_RUN words starting at token k of `w`? */
function hasRun(t: RunTable, w: DocWords, k: number): boolean {
  const h = w.runs[k]!;
  const runs = t.words.runs;
  for (let b = runSlot(h, t.mask); t.pos[b] !== 0; b = (b + 1) & t.mask) {
    const j = t.pos[b]! - 1;
    if (runs[j] === h && sameRun(t.words, j, w, k)) return true;
  }
  return false;
}

/**
 * How many words of the document with words `words` lie in runs of VERSION_RUN words that document
 * `e` holds too, counted up to the first count of at least VERSION_WORDS.
 */
function versionCover(index: ReferenceIndex, words: DocWords, e: number): number {
  const runs = runsOf(index, e);
  let covered = 0;
  let upTo = 0;
  for (let k = 0; k < words.runs.length && covered < VERSION_WORDS; k++) {
    if (!hasRun(runs, words, k)) continue;
    covered += k + VERSION_RUN - Math.max(k, upTo);
    upTo = k + VERSION_RUN;
  }
  return covered;
}

/** versionCover of reference document `d` by document `e` (for tests). */
export function versionWords(index: ReferenceIndex, d: number, e: number): number {
  return versionCover(index, docWords(index, d), e);
}

/**
 * Is a reference document a version of one the article follows (StatementPair.story): another issue of
 * the same wire story, repeating its paragraphs word for word (runs of `VERSION_RUN` words covering
 * `VERSION_WORDS` of its words)? The aligner credits each copied passage to one document, so a version the
 * article takes a few sentences from shows few copied words of its own; an archive's story of the
 * same shape shares phrases, broken by its own names and figures, not paragraphs.
 */
export const storyVersion: Analysis<(d: number) => boolean> = (ctx) => {
  const doc = ctx.doc;
  const words = new Map<number, number>();
  for (const p of ctx.use(alignment)) words.set(p.doc, (words.get(p.doc) ?? 0) + p.words);
  const shared = candidateDocScores(ctx, [{ start: 0, end: doc.text.length }], 30);
  const grams = new Map(shared);
  const story = [...new Set([...words.keys(), ...grams.keys()])].filter((e) => storyEvidence(words.get(e) ?? 0, doc.tokens.length, grams.get(e) ?? 0));
  const known = new Map<number, boolean>();
  return (d) => {
    let v = known.get(d);
    if (v === undefined) {
      v = false;
      let words: DocWords | undefined;
      for (const e of story) {
        if (e === d) continue;
        if (versionCover(ctx.index, (words ??= docWords(ctx.index, d)), e) >= VERSION_WORDS) {
          v = true;
          break;
        }
      }
      known.set(d, v);
    }
    return v;
  };
};

/** Every statement pair of the checked article, by article sentence (best pair first). */
export const statementPairs: Analysis<Map<number, StatementPair[]>> = (ctx) => {
  const out = new Map<number, StatementPair[]>();
  const doc = ctx.doc;
  if (ctx.index.documentCount === 0) return out;
  const skip = new Set(ctx.settings.ignore.sources);
  const passages = ctx.use(alignment);
  const byPassage = new Map<number, Set<number>>();
  const sorted = [...passages].sort((x, y) => x.a.start - y.a.start);
  for (let s = 0; s < doc.sentences.length; s++) {
    const sent = doc.sentences[s]!;
    for (let k = 0; k < sorted.length; k++) {
      const p = sorted[k]!;
      if (p.a.start >= sent.end) break;
      if (p.a.end <= sent.start) continue;
      let set = byPassage.get(s);
      if (!set) byPassage.set(s, (set = new Set()));
      set.add(p.doc);
    }
  }
  // The article's own story: documents holding a good share of the article's passage words, and
  // those sharing many word 3-grams with the whole article (other versions of the same wire story).
  // Sentences are compared only with these: "He was jailed for five years" is in many stories,
  // and a short passage in another story of the same kind is no reason to compare facts with it.
  const passageWords = new Map<number, number>();
  for (const p of passages) passageWords.set(p.doc, (passageWords.get(p.doc) ?? 0) + p.words);
  const mostWords = Math.max(0, ...passageWords.values());
  const story = new Set<number>();
  for (const [d, w] of passageWords) if (w >= STORY_SHARE * mostWords) story.add(d);
  // the story's documents: those the article's passages follow, the most followed first, then those
  // sharing the most word 3-grams with the whole article (read when first needed)
  let storyDocs: number[] | null = null;
  const storyDocsOf = (): number[] => {
    if (storyDocs) return storyDocs;
    shared ??= candidateDocScores(ctx, [{ start: 0, end: doc.text.length }], 30);
    const byWords = [...passageWords.keys()].sort((x, y) => passageWords.get(y)! - passageWords.get(x)! || x - y);
    return (storyDocs = [...new Set([...byWords, ...shared.map(([d]) => d)])].filter(ofStory));
  };
  let shared: [number, number][] | null = null;
  const ofStory = (d: number): boolean => {
    if (story.has(d)) return true;
    shared ??= candidateDocScores(ctx, [{ start: 0, end: doc.text.length }], 30);
    const top = shared[0]?.[1] ?? 0;
    return shared.some(([x, n]) => x === d && n >= STORY_MIN_SHARED && n >= STORY_SHARE * top);
  };
  const articleWords = doc.tokens.length;
  const followed = new Map<number, boolean>();
  const followsStory = (d: number): boolean => {
    let v = followed.get(d);
    if (v === undefined) {
      const w = passageWords.get(d) ?? 0;
      shared ??= candidateDocScores(ctx, [{ start: 0, end: doc.text.length }], 30);
      const grams = shared.find(([x]) => x === d)?.[1] ?? 0;
      v = storyEvidence(w, articleWords, grams);
      followed.set(d, v);
    }
    return v;
  };
  const memo = ctx.aligner ? pairMemoOf(ctx.aligner) : null;
  memo?.next(ctx.index);
  const pound = wirePound(doc.text);
  for (let s = 0; s < doc.sentences.length; s++) {
    const sent = doc.sentences[s]!;
    const kept = memo?.sentence(doc, sent, pound);
    if (!statesFact(doc.text, sent.start, sent.end)) continue;
    const asks = asksQuestion(doc.text, sent.start, sent.end);
    const stems = kept ? (kept.stems ??= contentStems(doc, sent)) : contentStems(doc, sent);
    if (stems.stems.size < 3) continue;
    const docs = [...(byPassage.get(s) ?? [])].filter(ofStory);
    const pairs: StatementPair[] = [];
    let articleTokens: FactToken[] | null = null;
    const pairWith = (docs: number[], minWords = 0): void => {
      for (const d of docs.slice(0, MAX_DOCS)) {
        if (skip.size && skip.has(ctx.index.docs[d]!.id)) continue;
        const rs = docPieces(ctx.index, d);
        const refDoc = ctx.index.docs[d]!;
        let pairing = kept?.byDoc.get(d);
        if (memo) {
          if (pairing && pairing.doc === refDoc) memo.hits++;
          else memo.misses++;
        }
        if (!pairing || pairing.doc !== refDoc) {
          let best = -1;
          let bestDice = 0;
          for (let y = 0; y < rs.length; y++) {
            if (!rs[y]!.statement) continue;
            const v = stemDice(stems, rs[y]!);
            if (v > bestDice) {
              bestDice = v;
              best = y;
            }
          }
          pairing = { doc: refDoc, best, dice: bestDice, comparison: null };
          kept?.byDoc.set(d, pairing);
        }
        const { best, dice: bestDice } = pairing;
        if (best < 0 || bestDice < PAIR_MIN_DICE) continue;
        const ref = rs[best]!;
        if (ref.asks !== asks) continue;
        articleTokens ??= kept ? shiftedTokens((kept.tokens ??= statementTokens(doc.text, sent.start, sent.end).map((t) => ({ ...t, start: t.start - sent.start, end: t.end - sent.start }))), sent.start) : statementTokens(doc.text, sent.start, sent.end);
        const refTokens = (ref.tokens ??= statementTokens(refDoc.text, ref.start, ref.end));
        // a comparison reads only the tokens' words (never their offsets), so one made on the same
        // sentence text in an earlier check serves
        const comparison = (pairing.comparison ??= compareSentences(refTokens, articleTokens));
        if (comparison.pairSimilarity < PAIR_MIN_SIMILARITY || comparison.similarity < minWords) continue;
        pairs.push({ sentence: s, doc: d, ref: { start: ref.start, end: ref.end }, articleTokens, refTokens, dice: bestDice, comparison, story: followsStory(d) });
      }
    };
    const long = sent.tokenEnd - sent.tokenStart >= 5;
    const nearDocs = () => (kept ? (kept.near ??= candidateDocs(ctx, [sent], 3)) : candidateDocs(ctx, [sent], 3)).filter(ofStory);
    // no passage over the sentence: the documents sharing the sentence's own word 3-grams
    const firstDocs = docs.length === 0 && long ? nearDocs() : docs;
    pairWith(firstDocs);
    // none whose document states it (a changed word inside the sentence can move the aligner's passage
    // to another version of the story, one that leaves out the changed clause, and take the 3-grams it
    // shared with its source): those 3-gram documents, then the documents the article as a whole
    // follows, each paired only on the pair's words alone, not once its changed slot is credited (a
    // document the aligner did not put with the sentence needs the stronger likeness)
    if (pairs.length === 0 && long) {
      const tried = new Set(firstDocs.slice(0, MAX_DOCS));
      pairWith([...new Set([...nearDocs(), ...storyDocsOf()])].filter((d) => !tried.has(d)), PAIR_MIN_SIMILARITY);
    }
    if (pairs.length) out.set(s, pairs.sort((x, y) => y.comparison.similarity + y.dice - (x.comparison.similarity + x.dice) || x.doc - y.doc));
  }
  return out;
};

/** One article sentence's pairing with one reference document (statementPairs), kept across checks. */
interface DocPairing {
  /** the document it was made with (a replaced document is paired again) */
  doc: IndexedDoc;
  /** the best piece (docPieces) by content-stem Dice, −1 for none, and its Dice */
  best: number;
  dice: number;
  /** the comparison with the best piece's fact tokens, made when the Dice passes */
  comparison: SentenceComparison | null;
}

/** What statementPairs reads of one article sentence, by the sentence's text. */
interface SentenceEntry {
  stems?: Stems;
  /** fact tokens, offsets relative to the sentence's start */
  tokens?: FactToken[];
  /** candidateDocs of the sentence (its own word 3-grams) */
  near?: number[];
  byDoc: Map<number, DocPairing>;
  used: number;
}

/**
 * statementPairs' per-sentence work kept between checks of one edited document (held per aligner,
 * so per editor session): an article sentence's content stems, fact tokens, 3-gram candidates, and
 * per reference document its best piece and their comparison. All of them read only the sentence's
 * text (its tokens, and whether the article writes pounds as `#`), the reference document and the
 * index, so the entry is found by the sentence's text and that flag; a changed index (documents added
 * or removed) drops every entry, a replaced document its pairing. Which documents a sentence is
 * compared with (the article's passages and story) is decided afresh on every check.
 */
export class StatementPairMemo {
  private readonly entries = new Map<string, SentenceEntry>();
  private generation = 0;
  /** (sentence, document) pairings taken from an earlier check, and made afresh */
  hits = 0;
  misses = 0;
  private indexSig = '';

  constructor(private readonly keepGenerations = 3) {}

  /** Start a check: drop everything when the index changed, and entries unused for a few checks. */
  next(index: ReferenceIndex): void {
    const sig = `${index.docs.length}:${index.documentCount}:${index.segments.length}:${index.wordCount}:${index.terms.size}`;
    if (sig !== this.indexSig) {
      this.entries.clear();
      this.indexSig = sig;
    }
    const gen = ++this.generation;
    for (const [k, e] of this.entries) if (gen - e.used > this.keepGenerations) this.entries.delete(k);
  }

  /** The entry of an article sentence (made empty when new), marked used by this check. */
  sentence(doc: TextModel, sent: Sentence, pound: boolean): SentenceEntry {
    const first = doc.tokens[sent.tokenStart];
    const key = `${pound ? 1 : 0}|${sent.tokenEnd - sent.tokenStart}|${first ? first.start - sent.start : -1}|${doc.text.slice(sent.start, sent.end)}`;
    let e = this.entries.get(key);
    if (!e) this.entries.set(key, (e = { byDoc: new Map(), used: 0 }));
    e.used = this.generation;
    return e;
  }

  get size(): number {
    return this.entries.size;
  }
}

const pairMemos = new WeakMap<object, StatementPairMemo>();
/** The memo of an aligner that keeps state between checks (one per editor session and index). */
export function pairMemoOf(aligner: object): StatementPairMemo {
  let m = pairMemos.get(aligner);
  if (!m) pairMemos.set(aligner, (m = new StatementPairMemo()));
  return m;
}

/** Fact tokens kept relative to their sentence, placed at `start`. */
function shiftedTokens(rel: FactToken[], start: number): FactToken[] {
  return rel.map((t) => ({ start: t.start + start, end: t.end + start, text: t.text, low: t.low }));
}

/** The article's sentences other than `except` whose content stems pair with `stems` (PAIR_MIN_DICE), as fact tokens. */
function* similarArticleSentences(doc: TextModel, stems: Stems, except: number): Generator<FactToken[]> {
  for (let t = 0; t < doc.sentences.length; t++) {
    if (t === except) continue;
    const other = doc.sentences[t]!;
    if (stemDice(stems, contentStems(doc, other)) < PAIR_MIN_DICE) continue;
    yield statementTokens(doc.text, other.start, other.end);
  }
}

/** word similarity at which an article sentence is a near copy of a reference sentence */
export const NEAR_COPY = 0.8;

/**
 * Another sentence of the article copies the source sentence nearly word for word, more closely than
 * the pair's article sentence does, with the source's words in the slot ("A bidder needs 9 berths to
 * carry the harbour vote" written twice in a running report, and "A bidder needs 14 berths" about the
 * other vote): the source's statement is that sentence's, and the pair's sentence is another statement of
 * its kind. (A looser restatement elsewhere is no such evidence: the article may repeat a fact and
 * change it once.)
 */
export function sourceStatedElsewhere(ctx: RuleContext, pair: StatementPair, diff: SlotDiff): boolean {
  const piece = docPieces(ctx.index, pair.doc).find((p) => p.start === pair.ref.start);
  if (!piece) return false;
  for (const tokens of similarArticleSentences(ctx.doc, piece, pair.sentence)) {
    const c = compareSentences(pair.refTokens, tokens);
    if (c.similarity >= NEAR_COPY && c.similarity > pair.comparison.similarity && !c.regions.some((h) => h.s0 < diff.src[1] && h.s1 > diff.src[0])) return true;
  }
  return false;
}

/** documents beyond a sentence's pairs searched for other sentences of its template */
const TEMPLATE_DOCS = 12;
/** a slot stated with this many values across the article and the references is a template's, … */
export const TEMPLATE_VALUES = 4;
/** … or with this many, when one text (the article or one reference) states it twice with two of them */
export const TEMPLATE_VALUES_REPEATED = 3;

/**
 * The values the slot takes wherever the article or the reference set states the pair's statement
 * with the same words around it, by text (-1: the article): the article's and the source's, and
 * those of every other sentence that pairs with the article sentence as one statement (in the
 * source document itself, in other documents sharing the sentence's rarer word 3-grams, and among
 * the article's own sentences), read where that sentence's own comparison has a slot of the same
 * kind over the same article words.
 */
export function templateValues(ctx: RuleContext, pair: StatementPair, diff: SlotDiff): Map<number, Set<string>> {
  const doc = ctx.doc;
  const sent = doc.sentences[pair.sentence]!;
  const stems = contentStems(doc, sent);
  const art = pair.articleTokens;
  const out = new Map<number, Set<string>>([[-1, new Set([slotValue(art, diff.art[0], diff.art[1])])]]);
  const put = (d: number, v: string) => {
    let set = out.get(d);
    if (!set) out.set(d, (set = new Set()));
    set.add(v);
  };
  put(pair.doc, slotValue(pair.refTokens, diff.src[0], diff.src[1]));
  const add = (d: number, tokens: FactToken[]) => {
    const c = compareSentences(tokens, art);
    if (c.pairSimilarity < PAIR_MIN_SIMILARITY) return;
    const x = c.diffs.find((y) => y.kind === diff.kind && y.art[0] < diff.art[1] && y.art[1] > diff.art[0]);
    if (x) put(d, slotValue(tokens, x.src[0], x.src[1]));
  };
  for (const tokens of similarArticleSentences(doc, stems, pair.sentence)) add(-1, tokens);
  for (const d of new Set([pair.doc, ...candidateDocs(ctx, [sent], TEMPLATE_DOCS)])) {
    for (const piece of docPieces(ctx.index, d)) {
      if (d === pair.doc && piece.start === pair.ref.start) continue;
      if (stemDice(stems, piece) < PAIR_MIN_DICE) continue;
      add(d, (piece.tokens ??= statementTokens(ctx.index.docs[d]!.text, piece.start, piece.end)));
    }
  }
  return out;
}

/**
 * The pair's statement is a template written again and again with another value in the slot (a live
 * blog's running delegate count, each poll's margin of error, each month's lending figure): its
 * slot changes with the occasion. One story's statement has one value, two where a writer changed
 * it, three where two sources disagree and the article differs from both; a template has more, or
 * has two in one text (the article or a reference repeating the sentence with each update).
 */
export function recurringTemplate(ctx: RuleContext, pair: StatementPair, diff: SlotDiff, byText = templateValues(ctx, pair, diff)): boolean {
  const all = new Set<string>();
  for (const vs of byText.values()) for (const v of vs) all.add(v);
  if (all.size >= TEMPLATE_VALUES) return true;
  return all.size >= TEMPLATE_VALUES_REPEATED && [...byText.values()].some((vs) => vs.size >= 2);
}

/**
 * Another reference document states the pair's statement with the article's value in the slot
 * (`templateValues`' texts other than the article and the pair's source): the article follows that
 * document, and the pair is two documents that disagree, not a fact the writer changed.
 */
export function valueElsewhereInReferences(pair: StatementPair, diff: SlotDiff, byText: Map<number, Set<string>>): boolean {
  const v = slotValue(pair.articleTokens, diff.art[0], diff.art[1]);
  for (const [d, vs] of byText) if (d >= 0 && d !== pair.doc && vs.has(v)) return true;
  return false;
}
