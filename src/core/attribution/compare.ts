/**
 * Word-level comparison of an article quote with a reference quote: identity, similarity,
 * containment (a correct partial quote), spelling-only differences (British/American),
 * ellipsis checks, and the word diff shown to the user.
 */
import { ADDED, COMMON, diffWords, REMOVED } from '../word-diff';
import type { DocTokens } from '../doc-tokens';
import { lowerBound, lowerBoundOf } from '../search';
import type { TextModel, Token } from '../text';
import type { TextSpan } from './types';

export interface DiffPart {
  op: '=' | '-' | '+';
  /** words as written (source words for '-', article words for '+' and '=') */
  words: string[];
}

export interface QuoteComparison {
  identical: boolean;
  /** Dice over the longest common word subsequence */
  similarity: number;
  /** share of the article quote's words found, in order, in the reference quote */
  containment: number;
  /** the article quote is a contiguous run of the reference quote (a correct partial quote) */
  fragment: boolean;
  /** words in common, and content (non-stop) words in common */
  shared: number;
  sharedContent: number;
  /** the quotes differ only in British/American spelling of the same words */
  spellingOnly: boolean;
  /** the article quote has an ellipsis */
  ellipsis: boolean;
  /** every part around the ellipsis is in the reference quote, in order */
  ellipsisFaithful: boolean;
  /** words the ellipsis hides that change meaning (negation, contrast, condition) */
  hiddenWords: string[];
  diff: DiffPart[];
  /** the part of the reference quote that the article quotes (offsets into the reference), and its diff */
  refRegion: { start: number; end: number };
  /** reference words spanned by the quoted region, and the article quote's word count */
  regionWords: number;
  words: number;
  /** share of the article quote's content words found in the reference quote */
  contentContainment: number;
  /** article/source word pairs that differ only in spelling */
  spellings: string[];
  regionDiff: DiffPart[];
}

const ELLIPSIS_RE = /…|\.\s?\.\s?\./g;
const MEANING = new Set(['not', 'no', 'never', 'nothing', 'nobody', 'none', 'neither', 'nor', 'without', 'but', 'unless', 'except', 'however', 'although', 'if', 'only', "don't", "doesn't", "didn't", "won't", "can't", "cannot", "isn't", "aren't", "wasn't", "weren't", "shouldn't", "wouldn't", "couldn't", "haven't", "hasn't", "hadn't"]);

const spellingKeys = new Map<string, string>();

/** A spelling-neutral key: British and American forms of a word share it (remembered per word: eleven rewrites). */
export function spellingKey(w: string): string {
  let k = spellingKeys.get(w);
  if (k === undefined) {
    k = spellingKeyOf(w);
    if (spellingKeys.size >= 100000) spellingKeys.clear();
    spellingKeys.set(w, k);
  }
  return k;
}

function spellingKeyOf(w: string): string {
  return w
    .replace(/isation(s?)$/, 'ization$1')
    .replace(/is(e|es|ed|ing|er|ers)$/, 'iz$1')
    .replace(/ys(e|es|ed|ing)$/, 'yz$1')
    .replace(/our(s|ed|ing|ful|ite|ites|able|ably)?$/, 'or$1')
    .replace(/tre(s)?$/, 'ter$1')
    .replace(/ll(ed|ing|er|ers)$/, 'l$1')
    .replace(/ogue(s)?$/, 'og$1')
    .replace(/ence(s)?$/, 'ense$1')
    .replace(/ae/g, 'e')
    .replace(/oe/g, 'e')
    .replace(/mme$/, 'm');
}

function tokensIn(model: TextModel, span: { start: number; end: number }): Token[] {
  const out: Token[] = [];
  const toks = model.tokens;
  const first = lowerBound(toks.length, (i) => toks[i]!.end <= span.start);
  for (let k = first; k < toks.length && toks[k]!.start < span.end; k++) out.push(toks[k]!);
  return out;
}

function lcs(a: string[], b: string[]): number {
  let n = 0;
  const d = diffWords(a, b);
  for (let k = 0; k < d.kinds.length; k++) if (d.kinds[k] === COMMON) n += d.counts[k]!;
  return n;
}

/** Is `part` a contiguous run of `b` starting at or after `from`? Returns the index after it, or -1. */
function findRun(b: string[], part: string[], from: number): number {
  if (part.length === 0) return from;
  outer: for (let i = from; i + part.length <= b.length; i++) {
    for (let k = 0; k < part.length; k++) if (b[i + k] !== part[k]) continue outer;
    return i + part.length;
  }
  return -1;
}

/** The article quote's side of `mayReach`, computed once for all the reference quotes it is compared with. */
export interface QuoteWords {
  norms: string[];
  content: Set<string>;
}

export function quoteWords(am: TextModel, a: TextSpan): QuoteWords {
  const at = tokensIn(am, a);
  const content = new Set<string>();
  for (const t of at) if (!t.stop) content.add(t.norm);
  return { norms: at.map((t) => t.norm), content };
}

/**
 * Can `compareQuotes(am, a, bm, b)` give `identical`, `containment` ≥ 0.6 or `contentContainment` ≥ 0.5?
 * False only when it cannot: the words in common (their longest common run) are at most the article
 * words whose form occurs in the reference quote, and the content words in common are counted as
 * compareQuotes counts them; the margins cover its rounding to three decimals. A reference quote that
 * fails reaches none of `bestReferenceQuote`'s acceptance tests, so it is not compared word by word.
 */
export function mayReach(aw: QuoteWords, bm: TextModel, b: TextSpan): boolean {
  const n = aw.norms.length;
  if (n === 0) return true;
  const toks = bm.tokens;
  const bNorms = new Set<string>();
  let sharedContent = 0;
  const counted = new Set<string>();
  for (let k = lowerBound(toks.length, (i) => toks[i]!.end <= b.start); k < toks.length && toks[k]!.start < b.end; k++) {
    const t = toks[k]!;
    bNorms.add(t.norm);
    if (!t.stop && aw.content.has(t.norm) && !counted.has(t.norm)) {
      counted.add(t.norm);
      sharedContent++;
    }
  }
  let inB = 0;
  for (let i = 0; i < n; i++) if (bNorms.has(aw.norms[i]!)) inB++;
  return inB / n >= 0.59 || (aw.content.size > 0 && sharedContent / aw.content.size >= 0.49);
}

/** The article quote's words as term ids of an index's dictionary (-1: a word no document holds), for `mayReachTerms`. */
export interface QuoteTermIds {
  ids: Int32Array;
  /** the ids of `QuoteWords.content` that the dictionary holds */
  content: Set<number>;
}

export function quoteTermIds(aw: QuoteWords, lookup: (norm: string) => number): QuoteTermIds {
  const ids = Int32Array.from(aw.norms, lookup);
  const content = new Set<number>();
  for (const w of aw.content) {
    const id = lookup(w);
    if (id >= 0) content.add(id);
  }
  return { ids, content };
}

/** per term id, the last `mayReachTerms` call that met it in its reference quote */
let metAt = new Int32Array(0);
let call = 0;

/**
 * `mayReach(aw, bm, b)` read from the reference document's token arrays (`doc`, with the dictionary's
 * stop flags) instead of its text model: the same answer whenever the model's tokens are the index's
 * (reference-analyses.ts `modelHasIndexTokens`), since a token's norm is its term's word and its stop
 * flag the term's. No model need be assembled for a document none of whose quotes can match.
 */
export function mayReachTerms(aw: QuoteWords, at: QuoteTermIds, doc: DocTokens, stop: ArrayLike<boolean>, b: { start: number; end: number }): boolean {
  const n = aw.norms.length;
  if (n === 0) return true;
  if (call === 0x7fffffff) {
    metAt.fill(0);
    call = 0;
  }
  const c = ++call;
  const { starts, ends, terms } = doc;
  let sharedContent = 0;
  for (let k = lowerBoundOf(ends, b.start + 1); k < terms.length && starts[k]! < b.end; k++) {
    const id = terms[k]!;
    if (id >= metAt.length) {
      const grown = new Int32Array(Math.max(2 * metAt.length, id + 1, 1024));
      grown.set(metAt);
      metAt = grown;
    }
    if (metAt[id] === c) continue;
    metAt[id] = c;
    // each distinct content word of the reference quote once, as mayReach counts them
    if (!stop[id] && at.content.has(id)) sharedContent++;
  }
  let inB = 0;
  for (let i = 0; i < n; i++) {
    const id = at.ids[i]!;
    if (id >= 0 && id < metAt.length && metAt[id] === c) inB++;
  }
  return inB / n >= 0.59 || (aw.content.size > 0 && sharedContent / aw.content.size >= 0.49);
}

/**
 * The counts of `compareQuotes` that its callers' acceptance tests read — identity, the words in common
 * (the longest common subsequence of norms), containment and content containment as compareQuotes rounds them — with
 * the quotes' tokens, so that `finishComparison` completes the comparison without reading them again.
 */
export interface QuoteOverlap {
  readonly a: TextSpan;
  readonly b: TextSpan;
  readonly at: Token[];
  readonly bt: Token[];
  readonly an: string[];
  readonly bn: string[];
  readonly identical: boolean;
  readonly common: number;
  readonly similarity: number;
  /** rounded to three decimals, as compareQuotes gives it */
  readonly containment: number;
  readonly sharedContent: number;
  /** rounded to three decimals, as compareQuotes gives it */
  readonly contentContainment: number;
}

export function quoteOverlap(am: TextModel, a: TextSpan, bm: TextModel, b: TextSpan): QuoteOverlap {
  const at = tokensIn(am, a);
  const bt = tokensIn(bm, b);
  const an = at.map((t) => t.norm);
  const bn = bt.map((t) => t.norm);
  const identical = an.length === bn.length && an.every((w, i) => w === bn[i]);
  const common = identical ? an.length : lcs(an, bn);
  const similarity = an.length + bn.length === 0 ? 1 : (2 * common) / (an.length + bn.length);
  const containment = an.length === 0 ? 0 : common / an.length;
  const bset = new Set(bt.filter((t) => !t.stop).map((t) => t.norm));
  let sharedContent = 0;
  for (const t of new Set(at.filter((t) => !t.stop).map((t) => t.norm))) if (bset.has(t)) sharedContent++;
  const aContent = new Set(at.filter((t) => !t.stop).map((t) => t.norm));
  return {
    a,
    b,
    at,
    bt,
    an,
    bn,
    identical,
    common,
    similarity: Math.round(similarity * 1000) / 1000,
    containment: Math.round(containment * 1000) / 1000,
    sharedContent,
    contentContainment: aContent.size ? Math.round((sharedContent / aContent.size) * 1000) / 1000 : 0,
  };
}

export function compareQuotes(am: TextModel, a: TextSpan, bm: TextModel, b: TextSpan): QuoteComparison {
  return finishComparison(quoteOverlap(am, a, bm, b));
}

/** compareQuotes from its overlap counts: the spelling-key diff, the quoted region, ellipses. */
export function finishComparison(o: QuoteOverlap): QuoteComparison {
  const { a, b, at, bt, an, bn, identical, common, sharedContent } = o;
  const ak = an.map(spellingKey);
  void findRun;
  const bk = bn.map(spellingKey);
  // ellipsis: split the article quote's words at each ellipsis
  const ellipses: number[] = [];
  ELLIPSIS_RE.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = ELLIPSIS_RE.exec(a.text)) !== null) ellipses.push(a.start + m.index);
  let ellipsisFaithful = false;
  const hiddenWords: string[] = [];
  if (ellipses.length) {
    const parts: string[][] = [];
    let cur: string[] = [];
    let e = 0;
    for (const t of at) {
      while (e < ellipses.length && ellipses[e]! < t.start) {
        parts.push(cur);
        cur = [];
        e++;
      }
      cur.push(t.norm);
    }
    parts.push(cur);
    let pos = 0;
    let prevEnd = -1;
    ellipsisFaithful = true;
    for (const p of parts) {
      if (p.length === 0) continue;
      const end = findRun(bn, p, pos);
      if (end < 0) {
        ellipsisFaithful = false;
        break;
      }
      const start = end - p.length;
      if (prevEnd >= 0) for (let k = prevEnd; k < start; k++) if (MEANING.has(bn[k]!)) hiddenWords.push(bt[k]!.text);
      prevEnd = end;
      pos = end;
    }
  }
  // word diff in original spelling, over spelling keys (so colour/color is not a change)
  const diff: DiffPart[] = [];
  let ai = 0;
  let bi = 0;
  const wd = slide(diffWords(bk, ak), bk, ak);
  for (let k = 0; k < wd.kinds.length; k++) {
    const n = wd.counts[k]!;
    if (wd.kinds[k] === REMOVED) {
      diff.push({ op: '-', words: bt.slice(bi, bi + n).map((t) => t.text) });
      bi += n;
    } else if (wd.kinds[k] === ADDED) {
      diff.push({ op: '+', words: at.slice(ai, ai + n).map((t) => t.text) });
      ai += n;
    } else {
      diff.push({ op: '=', words: at.slice(ai, ai + n).map((t) => t.text) });
      ai += n;
      bi += n;
    }
  }
  // the region of the reference the article quotes: drop reference words before and after it
  let lo = 0;
  let hi = diff.length;
  let skipped = 0;
  // (a leading or trailing run of dropped words next to added ones is a substitution: kept)
  while (lo < hi && diff[lo]!.op === '-' && diff[lo + 1]?.op !== '+') skipped += diff[lo++]!.words.length;
  while (hi > lo && diff[hi - 1]!.op === '-' && diff[hi - 2]?.op !== '+') hi--;
  const region = diff.slice(lo, hi);
  let regionLen = 0;
  for (const p of region) if (p.op !== '+') regionLen += p.words.length;
  const refRegion = regionLen > 0 ? { start: bt[skipped]!.start, end: bt[skipped + regionLen - 1]!.end } : { start: b.start, end: b.end };
  const clean = region.every((p) => p.op === '=');
  let sameNorms = clean;
  if (clean) for (let k = 0; k < an.length; k++) if (an[k] !== bn[skipped + k]) sameNorms = false;
  const spellings: string[] = [];
  if (clean && !sameNorms) for (let k = 0; k < an.length; k++) if (an[k] !== bn[skipped + k]) spellings.push(`${at[k]!.text}/${bt[skipped + k]!.text}`);
  return {
    identical,
    regionWords: regionLen,
    words: an.length,
    contentContainment: o.contentContainment,
    spellings,
    refRegion,
    regionDiff: region,
    similarity: o.similarity,
    containment: o.containment,
    fragment: !identical && an.length > 0 && clean && sameNorms,
    shared: common,
    sharedContent,
    spellingOnly: !identical && clean && !sameNorms,
    ellipsis: ellipses.length > 0,
    ellipsisFaithful,
    hiddenWords,
    diff,
  };
}

/**
 * The same word diff with each dropped or added run moved as far towards the start as it can go: a run
 * between two kept runs whose last word is the kept word before it ("to" kept, "organise … hecklers to"
 * dropped, "go about" kept) is the same diff as "to organise … hecklers" dropped before "to go about" kept.
 * Leading and trailing dropped words then mark a partial quote, and the shown change is the real one.
 */
function slide(wd: { kinds: ArrayLike<number>; counts: ArrayLike<number> }, b: string[], a: string[]): { kinds: number[]; counts: number[] } {
  const kinds = Array.from(wd.kinds);
  const counts = Array.from(wd.counts);
  for (let changed = true; changed; ) {
    changed = false;
    let ai = 0;
    let bi = 0;
    for (let k = 0; k < kinds.length; k++) {
      const n = counts[k]!;
      const kind = kinds[k]!;
      if (kind !== REMOVED && kind !== ADDED) {
        ai += n;
        bi += n;
        continue;
      }
      const prevKept = k > 0 && kinds[k - 1] !== REMOVED && kinds[k - 1] !== ADDED;
      const nextKept = k + 1 < kinds.length && kinds[k + 1] !== REMOVED && kinds[k + 1] !== ADDED;
      if (prevKept && nextKept && counts[k - 1]! > 0) {
        const side = kind === REMOVED ? b : a;
        const at = kind === REMOVED ? bi : ai;
        if (side[at - 1] === side[at + n - 1]) {
          counts[k - 1]!--;
          counts[k + 1]!++;
          if (counts[k - 1] === 0) {
            kinds.splice(k - 1, 1);
            counts.splice(k - 1, 1);
            // two runs of the same kind now side by side: one run
            if (k - 2 >= 0 && kinds[k - 2] === kinds[k - 1]) {
              counts[k - 2]! += counts[k - 1]!;
              kinds.splice(k - 1, 1);
              counts.splice(k - 1, 1);
            }
          }
          changed = true;
          break;
        }
      }
      if (kind === REMOVED) bi += n;
      else ai += n;
    }
  }
  return { kinds, counts };
}

/** The diff as a short phrase: “been very much” → “significantly”; dropped “still”; added “now”. */
export function describeDiff(diff: DiffPart[]): string {
  const out: string[] = [];
  for (let i = 0; i < diff.length; i++) {
    const p = diff[i]!;
    if (p.op === '=') continue;
    const next = diff[i + 1];
    if (p.op === '-' && next?.op === '+') {
      out.push(`“${p.words.join(' ')}” → “${next.words.join(' ')}”`);
      i++;
    } else if (p.op === '+' && next?.op === '-') {
      out.push(`“${next.words.join(' ')}” → “${p.words.join(' ')}”`);
      i++;
    } else if (p.op === '-') out.push(`dropped “${p.words.join(' ')}”`);
    else out.push(`added “${p.words.join(' ')}”`);
  }
  return out.join('; ');
}
