/**
 * Offset-preserving text model: word tokens, sentences and paragraphs, all as UTF-16 offsets
 * into the original string. Nothing here copies or rewrites the text; normalised forms are
 * stored beside the offsets.
 */
import stem from 'wink-porter2-stemmer';
import { isStopWord } from './stopwords';

export interface Token {
  start: number;
  end: number;
  /** the token as it stands in the text */
  text: string;
  /** normalised for matching: lower case, diacritics and apostrophe variants folded, possessive 's dropped */
  norm: string;
  /** stem of norm (Porter2), for paraphrase-level comparison */
  stem: string;
  /** a function word (the, of, said …) */
  stop: boolean;
  /** index of the sentence this token belongs to */
  sentence: number;
}

export interface Span {
  start: number;
  end: number;
}

export interface Sentence extends Span {
  /** index of first token, and one past the last */
  tokenStart: number;
  tokenEnd: number;
  paragraph: number;
}

export interface TextModel {
  text: string;
  tokens: Token[];
  sentences: Sentence[];
  paragraphs: Span[];
}

/**
 * A word: letters, marks and digits, joined by an inner apostrophe (don't, O’Brien) or by an inner
 * . or , between digits (3.5, 1,000). Hyphens and slashes separate words. Also the index build's
 * definition (reference-index.ts) for the words its fast scanner does not take.
 */
export const WORD_PATTERN = /[\p{L}\p{N}][\p{L}\p{M}\p{N}]*(?:(?:['’ʼ]|(?<=\p{N})[.,](?=\p{N}))[\p{L}\p{M}\p{N}]+)*/u.source;
const WORD_RE = new RegExp(WORD_PATTERN, 'gu');
const APOSTROPHES_RE = /[’ʼ‘`´]/g;
const MARKS_RE = /\p{M}+/gu;
const EXTRA_FOLDS: Record<string, string> = { ß: 'ss', æ: 'ae', œ: 'oe', ø: 'o', đ: 'd', ł: 'l', ı: 'i', þ: 'th' };
const EXTRA_FOLDS_RE = /[ßæœøđłıþ]/g;

/** `s` with every character that has a meaning in a regular expression escaped. */
export function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Longest word read as a number with thousands separators (1,000,000,000,000 is 17 characters). */
export const MAX_NUMBER = 64;

/** Fold case, diacritics, apostrophe variants; drop a possessive 's / trailing apostrophe; join number groups. */
export function normalizeWord(word: string): string {
  let w = word.toLowerCase().replace(APOSTROPHES_RE, "'");
  if (/[^\x00-\x7f]/.test(w)) {
    w = w.normalize('NFD').replace(MARKS_RE, '').replace(EXTRA_FOLDS_RE, (c) => EXTRA_FOLDS[c] ?? c);
  }
  if (w.endsWith("'s")) w = w.slice(0, -2);
  else if (w.endsWith("'")) w = w.slice(0, -1);
  // no real number has more than a few groups; a megabyte of "1,1,1,…" (one word by WORD_PATTERN)
  // would spend most of a check building the comma-free copy
  if (w.length <= MAX_NUMBER && /^\d[\d,]*\d$/.test(w)) w = w.replace(/,/g, '');
  return w;
}

/**
 * Longer words are left unstemmed: the stemmer's time grows faster than linearly with a word's
 * length (one 20,000-letter "word", a base64 data URI, took 11 s), and no real word is this long.
 */
const MAX_STEMMED = 64;

const stemCache = new Map<string, string>();
export function stemWord(norm: string): string {
  let s = stemCache.get(norm);
  if (s === undefined) {
    s = /^[a-z']+$/.test(norm) && norm.length > 3 && norm.length <= MAX_STEMMED ? stem(norm) : norm;
    if (stemCache.size > 200_000) stemCache.clear();
    stemCache.set(norm, s);
  }
  return s;
}

/** Word tokens of `text` with offsets. `sentence` is left 0; see analyse(). */
export function tokenize(text: string): Token[] {
  return tokenizeRange(text, 0, text.length, []);
}

/**
 * The word tokens of `text` that start in [from, to), appended to `out` (which is returned), scanning
 * from `from`: those tokenize(text) gives there when `from` is 0 or follows white space (no word
 * crosses white space, and a word starts at its first letter or digit).
 */
export function tokenizeRange(text: string, from: number, to: number, out: Token[]): Token[] {
  WORD_RE.lastIndex = from;
  let m: RegExpExecArray | null;
  while ((m = WORD_RE.exec(text)) !== null && m.index < to) {
    const norm = normalizeWord(m[0]);
    out.push({
      start: m.index,
      end: m.index + m[0].length,
      text: m[0],
      norm,
      stem: stemWord(norm),
      stop: isStopWord(norm),
      sentence: 0,
    });
  }
  return out;
}

/**
 * Paragraphs: blocks separated by blank lines. A text with no blank line at all but several
 * lines (wire copy, one paragraph per line) has one paragraph per non-empty line.
 * Spans are trimmed of surrounding white space; empty paragraphs are dropped.
 */
export function paragraphs(text: string): Span[] {
  const hasBlank = /\r?\n[ \t\f\v\u00a0]*\r?\n|\r[ \t]*\r/.test(text);
  const n = text.length;
  const isBreak = (c: number) => c === 0x0a || c === 0x0d;
  const isPad = (c: number) => c === 0x20 || c === 0x09 || c === 0x0c || c === 0x0b || c === 0xa0;
  const isSpaceOrTab = (c: number) => c === 0x20 || c === 0x09;
  /** offset after the line break at i: \r\n, \n or a lone \r (a CRLF is one break, never two) */
  const after = (i: number) => (text.charCodeAt(i) === 0x0d && text.charCodeAt(i + 1) === 0x0a ? i + 2 : i + 1);
  /** offset of the line break that "<" at i ends (spaces and tabs between), or -1 */
  const wireEnd = (i: number) => {
    let k = i + 1;
    while (k < n && isSpaceOrTab(text.charCodeAt(k))) k++;
    return k < n && isBreak(text.charCodeAt(k)) ? k : -1;
  };
  // agency copy (Press Association style) ends each paragraph with "<" at a line end and wraps the
  // lines in between: there "<" + line break is a paragraph end, and the "<" belongs to no paragraph
  let wireMarks = 0;
  for (let i = text.indexOf('<'); i !== -1 && wireMarks < 3; i = text.indexOf('<', i + 1)) if (wireEnd(i) >= 0) wireMarks++;
  const wire = wireMarks >= 3;
  const out: Span[] = [];
  // white space and control characters (agency copy starts paragraphs with one) are not paragraph text
  const pad = /[\s\x00-\x1f\x7f]/;
  const push = (s: number, e: number) => {
    while (s < e && pad.test(text[s]!)) s++;
    while (e > s && pad.test(text[e - 1]!)) e--;
    if (wire && e > s && text[e - 1] === '<') e--;
    while (e > s && pad.test(text[e - 1]!)) e--;
    if (e > s) out.push({ start: s, end: e });
  };
  let last = 0;
  if (!hasBlank && !wire) {
    for (let i = 0; i < n; i++) {
      const c = text.charCodeAt(i);
      if (isBreak(c) || c === 0x2028 || c === 0x2029) {
        push(last, i);
        last = c === 0x0d ? after(i) : i + 1;
        i = last - 1;
      }
    }
  } else {
    // a separator is a line break followed by one or more blank lines (only spaces and tabs), or,
    // in agency copy, "<" at a line end. Scanned by hand: the equivalent regex,
    // (?:\n)[ \t]*(?:\n[ \t]*)+, overflowed V8's backtracking stack on a long run of blank lines.
    for (let i = 0; i < n; ) {
      const c = text.charCodeAt(i);
      if (wire && c === 0x3c) {
        const k = wireEnd(i);
        if (k >= 0) {
          push(last, i);
          last = after(k);
          i = last;
        } else i++;
        continue;
      }
      if (!isBreak(c)) {
        i++;
        continue;
      }
      let end = after(i);
      let breaks = 1;
      for (;;) {
        let k = end;
        while (k < n && isPad(text.charCodeAt(k))) k++;
        if (k >= n || !isBreak(text.charCodeAt(k))) break;
        breaks++;
        end = after(k);
      }
      if (breaks >= 2) {
        push(last, i);
        last = end;
      }
      i = end;
    }
  }
  push(last, n);
  return out;
}

const ABBREVIATIONS = new Set([
  'mr', 'mrs', 'ms', 'dr', 'prof', 'sr', 'jr', 'st', 'rev', 'gen', 'col', 'lt', 'sgt', 'capt', 'cmdr', 'gov', 'sen',
  'rep', 'pres', 'supt', 'insp', 'det', 'maj', 'adm', 'hon', 'no', 'nos', 'vs', 'etc', 'inc', 'ltd', 'co', 'corp',
  'jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'oct', 'nov', 'dec', 'mt', 'ft', 'approx', 'fig',
  'e.g', 'i.e', 'u.s', 'u.k', 'u.n', 'a.m', 'p.m', 'd.c', 'ave', 'blvd', 'dept', 'univ', 'est', 'al',
]);

/** Closing punctuation that may follow a sentence-final mark and still belong to the sentence. */
const CLOSERS = `"'”’»)]}`;

/**
 * Sentence spans within one paragraph [start, end). A boundary is . ! ? (or …) followed by optional
 * closing quotes/brackets, then white space and an opening that can start a sentence. Abbreviations
 * (Mr., U.S., Jan.) and single initials (J. K. Rowling) do not end sentences.
 */
export function sentenceSpans(text: string, start: number, end: number): Span[] {
  const out: Span[] = [];
  let s = start;
  // sentence-final marks, found by scanning [start, end) only: a regex search ran on to the next
  // mark after the paragraph, so many paragraphs without one cost n² steps
  const isMark = (c: string | undefined) => c === '.' || c === '!' || c === '?' || c === '…';
  for (let i = start; i < end; ) {
    if (!isMark(text[i])) {
      i++;
      continue;
    }
    let j = i;
    while (j < text.length && isMark(text[j])) j++;
    const m = { index: i, 0: text.slice(i, j) };
    i = j;
    let e = m.index + m[0].length;
    while (e < end && CLOSERS.includes(text[e]!)) e++;
    // must be followed by white space (or the end)
    if (e < end && !/\s/.test(text[e]!)) continue;
    let n = e;
    while (n < end && /\s/.test(text[n]!)) n++;
    if (n >= end) break;
    const next = text[n]!;
    if (!/[\p{Lu}\p{N}"'“‘«(\[—–-]/u.test(next)) continue;
    if (m[0] === '.') {
      // the word before the full stop
      const before = /([\p{L}.]+)$/u.exec(text.slice(Math.max(start, m.index - 12), m.index));
      const w = before ? before[1]!.toLowerCase() : '';
      if (ABBREVIATIONS.has(w) || ABBREVIATIONS.has(w.replace(/\.$/, ''))) continue;
      if (/^\p{L}$/u.test(w) && /\p{Lu}/u.test(before![1]!)) continue; // initial: "J. Smith"
      if (/^(\p{L}\.)+\p{L}$/u.test(w)) continue; // "U.S" before the final dot
    }
    out.push({ start: s, end: e });
    s = n;
  }
  if (s < end) {
    let e = end;
    while (e > s && /\s/.test(text[e - 1]!)) e--;
    if (e > s) out.push({ start: s, end: e });
  }
  return out;
}

/**
 * Longest sentence, in words. A longer run with no sentence boundary (a list with no full stops,
 * or hostile input such as "said Ab said Ab …") is cut into pieces of this many words: the
 * attribution analysis is quadratic in a sentence's cues and quotes, and a 16 KB one-sentence
 * document took 21 s. Real sentences are far shorter (news style keeps them under 40 words).
 */
export const MAX_SENTENCE_WORDS = 150;

/** Tokens, sentences and paragraphs of a text, linked by index. */
export function analyse(text: string): TextModel {
  return modelOf(text);
}

/**
 * The model of `text` from its tokens (tokenize(text), or the same tokens from elsewhere: a
 * reference's index arrays, reference-analyses.ts); sets each token's `sentence`.
 */
export function modelOf(text: string, tokens: Token[] = tokenize(text)): TextModel {
  const paras = paragraphs(text);
  const sentences: Sentence[] = [];
  let t = 0;
  paras.forEach((p, pi) => {
    for (const sp of sentenceSpans(text, p.start, p.end)) {
      while (t < tokens.length && tokens[t]!.end <= sp.start) t++;
      const tokenStart = t;
      while (t < tokens.length && tokens[t]!.start < sp.end) {
        tokens[t]!.sentence = sentences.length;
        t++;
      }
      // over-long: pieces of MAX_SENTENCE_WORDS words, each from its first word to its last
      let from = tokenStart;
      let pieceStart = sp.start;
      while (t - from > MAX_SENTENCE_WORDS) {
        const cut = from + MAX_SENTENCE_WORDS;
        for (let k = from; k < cut; k++) tokens[k]!.sentence = sentences.length;
        sentences.push({ start: pieceStart, end: tokens[cut - 1]!.end, tokenStart: from, tokenEnd: cut, paragraph: pi });
        from = cut;
        pieceStart = tokens[cut]!.start;
      }
      for (let k = from; k < t; k++) tokens[k]!.sentence = sentences.length;
      sentences.push({ start: pieceStart, end: sp.end, tokenStart: from, tokenEnd: t, paragraph: pi });
    }
  });
  return { text, tokens, sentences, paragraphs: paras };
}

/** Number of word tokens, the unit of `words` and `originality`. */
export function countWords(text: string): number {
  WORD_RE.lastIndex = 0;
  let n = 0;
  while (WORD_RE.exec(text) !== null) n++;
  return n;
}
