/**
 * Capitalisation evidence for one word token, from the raw text around it: is it capitalised, all
 * capitals, and is its capital explained by its position (sentence start, after an opening quote or
 * a colon, at the start of a line that follows a blank line)?
 */

export type CaseClass = 'lower' | 'mid' | 'initial' | 'caps' | 'other';

const UPPER_RE = /^\p{Lu}/u;
const LOWER_RE = /^\p{Ll}/u;
const HAS_LOWER_RE = /\p{Ll}/u;
const POSSESSIVE_RE = /['’ʼ]s?$/u;

/** Length of the token without a possessive 's / trailing apostrophe. */
export function nameLength(token: string): number {
  const m = POSSESSIVE_RE.exec(token);
  if (!m) return token.length;
  // an inner apostrophe (O'Brien) keeps its letters; only a final 's or ' goes
  return token.length - m[0].length;
}

/** The token's spelling key: lower case, possessive dropped, diacritics kept. */
export function nameKey(token: string): string {
  return token.slice(0, nameLength(token)).toLowerCase().replace(/[’ʼ]/g, "'");
}

/** True when the character before `start` (skipping spaces, quotes and brackets) ends a sentence or clause. */
export function positionExplained(text: string, start: number): boolean {
  let j = start - 1;
  let newlines = 0;
  while (j >= 0) {
    const c = text[j]!;
    if (c === '\n') newlines++;
    else if (c === '\r') {
      if (text[j + 1] !== '\n') newlines++;
    } else if (!/[\s"'“”‘’«»(\[{*•#_>]/.test(c)) break;
    j--;
  }
  if (j < 0) return true;
  if (newlines >= 2) return true;
  const c = text[j]!;
  if (/[.!?…:;<|—–\-]/.test(c)) return true;
  // a line that ends without punctuation and a capital after it: a headline or list line
  if (newlines === 1 && !/[\p{Ll},&]/u.test(c)) return true;
  return false;
}

/** Case class of a token [start, end) of text. */
export function caseClass(text: string, start: number, end: number): CaseClass {
  const first = text[start]!;
  if (LOWER_RE.test(first)) return 'lower';
  if (!UPPER_RE.test(first)) return 'other';
  const len = nameLength(text.slice(start, end));
  if (len >= 2 && !HAS_LOWER_RE.test(text.slice(start, start + len))) return 'caps';
  return positionExplained(text, start) ? 'initial' : 'mid';
}

/** Text between two tokens is a plain space (or a hyphen joining a double-barrelled name). */
export function adjacent(text: string, prevEnd: number, nextStart: number): boolean {
  if (nextStart - prevEnd > 2 || nextStart <= prevEnd) return false;
  const between = text.slice(prevEnd, nextStart);
  return between === ' ' || between === '-' || between === '\u00a0';
}
