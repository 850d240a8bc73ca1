/**
 * The indexing tokeniser: a reference text's word tokens as typed arrays of offsets and term ids,
 * with the same token definition as text.ts's tokenize() but without building Token objects. Its
 * buffers (scratch triples, the joined-word buffer, the surface-form cache) live at module level
 * and are reused from one document to the next.
 */
import { FNV_OFFSET, FNV_PRIME, type Terms } from './terms';
import { MAX_NUMBER, normalizeWord, WORD_PATTERN } from './text';
import { atLeast } from './typed-arrays';

/** A word token of a reference document, as stored. */
export interface DocTokens {
  starts: Uint32Array;
  ends: Uint32Array;
  terms: Uint32Array;
}

const WORD_RE = new RegExp(WORD_PATTERN, 'gu');

/**
 * Class of each UTF-16 code unit for the scanner, filled on first sight (CC_UNKNOWN until then):
 * ASCII letter, ASCII digit, other word character (\p{L} \p{M} \p{N} outside ASCII: the word goes
 * through the regex), surrogate (likewise), joining apostrophe (' ’: a word may continue after
 * it), or none of these.
 */
const CC_NONE = 0;
const CC_ALPHA = 1;
const CC_DIGIT = 2;
const CC_WORD = 3;
const CC_JOIN = 4;
const CC_SURROGATE = 5;
const CC_UNKNOWN = 255;
/** non-ASCII \p{M} (may continue a word but not start one) */
const CC_MARK = 6;
const CCLASS = new Uint8Array(65536).fill(CC_UNKNOWN);
for (let c = 0; c < 128; c++) CCLASS[c] = CC_NONE;
for (let c = 48; c <= 57; c++) CCLASS[c] = CC_DIGIT;
for (let c = 65; c <= 90; c++) CCLASS[c] = CC_ALPHA;
for (let c = 97; c <= 122; c++) CCLASS[c] = CC_ALPHA;
CCLASS[39] = CC_JOIN;
CCLASS[0x2019] = CC_JOIN;
for (let c = 0xd800; c <= 0xdfff; c++) CCLASS[c] = CC_SURROGATE;

function classify(c: number): number {
  const ch = String.fromCharCode(c);
  const k = /[\p{L}\p{N}]/u.test(ch) ? CC_WORD : /\p{M}/u.test(ch) ? CC_MARK : CC_NONE;
  CCLASS[c] = k;
  return k;
}

let scratch = new Uint32Array(1 << 16);

function ensureScratch(n: number): void {
  scratch = atLeast(scratch, n);
}

/** the normalised form of a word with joiners (see joinedWord) */
let wordBuf: Uint16Array = new Uint16Array(256);

/**
 * Word tokens of a reference text: start and end offsets and term ids. Words of ASCII letters and
 * digits (the bulk of English copy) are scanned, hashed and interned straight from the text with a
 * character-class table; words joined by ' ’ or by . , between digits are normalised in a buffer
 * (joinedWord); a word with any other letter, mark or digit in it (café, Zoë) goes through the full
 * regex and normalizeWord (by surface form, cached), so the result is exactly that of text.ts's
 * tokenize().
 */
export function docTokens(text: string, terms: Terms): DocTokens {
  const n = text.length;
  // (start, end, term) triples in scratch: room for one word per 6 code units to start with
  ensureScratch(3 * ((n / 6) | 0) + 3);
  let out = scratch;
  const cc = CCLASS;
  let k = 0;
  let p = 0;
  while (p < n) {
    let c = text.charCodeAt(p);
    let kind = cc[c]!;
    if (kind !== CC_ALPHA && kind !== CC_DIGIT) {
      if (kind === CC_UNKNOWN) kind = classify(c);
      if (kind === CC_WORD || kind === CC_SURROGATE) {
        const next = slowWord(text, p, terms, k);
        if (next < 0) break;
        p = next;
        k += 3;
      } else p++;
      continue;
    }
    // a run of ASCII letters and digits, lower-cased (c | 32 keeps digits) into the FNV-1a hash
    const s = p;
    let h = FNV_OFFSET;
    // packKey of the last 8 characters (the word itself if it has at most 8)
    let lo = 0;
    let hi = 0;
    let lastDigit = false;
    do {
      lastDigit = kind === CC_DIGIT;
      const lc = c | 32;
      h = Math.imul(h ^ lc, FNV_PRIME);
      hi = (hi << 7) | (lo >>> 21);
      lo = ((lo << 7) & 0xfffffff) | lc;
      if (++p >= n) break;
      c = text.charCodeAt(p);
      kind = cc[c]!;
    } while (kind === CC_ALPHA || kind === CC_DIGIT);
    if (p < n && (kind !== CC_NONE || (lastDigit && (c === 46 || c === 44)))) {
      // maybe joined (don't, 1,000, 3.5) or going on in non-ASCII: the rare path
      p = joinedWord(text, s, terms, k);
      k += 3;
      continue;
    }
    // (also the way `out` catches up when joinedWord or slowWord has grown scratch: they grow it
    // only past out.length)
    if (k + 3 > out.length) {
      ensureScratch(k + 3);
      out = scratch;
    }
    out[k] = s;
    out[k + 1] = p;
    out[k + 2] = terms.internAscii(text, s, p, h >>> 0, lo, hi & 0xfffffff);
    k += 3;
  }
  const count = k / 3;
  // one buffer for the three arrays (one allocation per document)
  const all = new Uint32Array(3 * count);
  const starts = all.subarray(0, count);
  const ends = all.subarray(count, 2 * count);
  const ids = all.subarray(2 * count, 3 * count);
  const src = scratch;
  for (let i = 0, j = 0; i < count; i++, j += 3) {
    starts[i] = src[j]!;
    ends[i] = src[j + 1]!;
    ids[i] = src[j + 2]!;
  }
  return { starts, ends, terms: ids };
}

/**
 * The word starting at `s` (an ASCII letter or digit) that may be joined by ' ’ or by . , between
 * digits, written to scratch[k..k+3): normalised in wordBuf as normalizeWord would (lower case,
 * ’ → ', a possessive 's dropped, 1,000 → 1000), or by slowWord if a non-ASCII word character is
 * in or next to it. Returns the offset after it.
 */
function joinedWord(text: string, s: number, terms: Terms, k: number): number {
  const n = text.length;
  const cc = CCLASS;
  let buf = wordBuf;
  let len = 0;
  let p = s;
  let c = text.charCodeAt(p);
  let kind = cc[c]!;
  for (;;) {
    // a run of ASCII letters and digits
    let lastDigit = false;
    do {
      if (len === buf.length) buf = growWordBuf();
      lastDigit = kind === CC_DIGIT;
      buf[len++] = c | 32;
      if (++p >= n) break;
      c = text.charCodeAt(p);
      kind = cc[c]!;
    } while (kind === CC_ALPHA || kind === CC_DIGIT);
    if (p >= n) break;
    if (kind === CC_UNKNOWN) kind = classify(c);
    // the word goes on with a non-ASCII letter, mark or digit (or maybe one): the regex
    if (kind === CC_WORD || kind === CC_MARK || kind === CC_SURROGATE) return slowWord(text, s, terms, k);
    let joinChar: number;
    if (kind === CC_JOIN) joinChar = 39;
    else if (lastDigit && (c === 46 || c === 44)) joinChar = c;
    else break;
    // a joiner continues the word only before a word character (. , only before a digit)
    if (p + 1 >= n) break;
    const d = text.charCodeAt(p + 1);
    let dk = cc[d]!;
    if (dk === CC_UNKNOWN) dk = classify(d);
    if (dk === CC_ALPHA || dk === CC_DIGIT) {
      if (joinChar !== 39 && dk !== CC_DIGIT) break;
      if (len === buf.length) buf = growWordBuf();
      buf[len++] = joinChar;
      p++;
      c = d;
      kind = dk;
      continue;
    }
    if (dk === CC_WORD || dk === CC_MARK || dk === CC_SURROGATE) return slowWord(text, s, terms, k);
    break;
  }
  // normalizeWord on ASCII: a possessive 's dropped, then 1,000 → 1000 (up to MAX_NUMBER characters)
  if (len > 2 && buf[len - 2] === 39 && buf[len - 1] === 115) len -= 2;
  if (len >= 3 && len <= MAX_NUMBER && buf[0]! <= 57 && buf[len - 1]! <= 57 && buf[0]! >= 48 && buf[len - 1]! >= 48) {
    let commas = 0;
    let i = 0;
    for (; i < len; i++) {
      const x = buf[i]!;
      if (x === 44) commas++;
      else if (x < 48 || x > 57) break;
    }
    if (i === len && commas > 0) {
      let j = 0;
      for (i = 0; i < len; i++) if (buf[i] !== 44) buf[j++] = buf[i]!;
      len = j;
    }
  }
  let h = FNV_OFFSET;
  for (let i = 0; i < len; i++) h = Math.imul(h ^ buf[i]!, FNV_PRIME);
  ensureScratch(k + 3);
  scratch[k] = s;
  scratch[k + 1] = p;
  scratch[k + 2] = terms.internCodes(buf, len, h >>> 0);
  return p;
}

function growWordBuf(): Uint16Array {
  return (wordBuf = atLeast(wordBuf, wordBuf.length * 2));
}

/** surface form → term id of words that took the regex path, for one Terms */
let slowCache = new Map<string, number>();
let slowCacheTerms: Terms | undefined;

/**
 * The next word at or after `from` by the full regex, written to scratch[k..k+3). Returns the
 * offset after it, or -1 (nothing written) when there is no further word.
 */
function slowWord(text: string, from: number, terms: Terms, k: number): number {
  WORD_RE.lastIndex = from;
  const m = WORD_RE.exec(text);
  if (m === null) return -1;
  const end = m.index + m[0].length;
  if (slowCacheTerms !== terms || slowCache.size > 100_000) {
    slowCache = new Map();
    slowCacheTerms = terms;
  }
  let id = slowCache.get(m[0]);
  if (id === undefined) {
    id = terms.intern(normalizeWord(m[0]));
    slowCache.set(m[0], id);
  }
  ensureScratch(k + 3);
  scratch[k] = m.index;
  scratch[k + 1] = end;
  scratch[k + 2] = id;
  return end;
}
