/**
 * Capitalisation evidence for one word token, from the raw text around it: is it capitalised, all
 * capitals, and is its capital explained by its position (sentence start, after an opening quote or
 * a colon, at the start of a line that follows a blank line)?
 */

export type CaseClass = 'lower' | 'mid' | 'initial' | 'caps' | 'other';

const UPPER_RE = /^\p{Lu}/u;
const LOWER_RE = /^\p{Ll}/u;
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

const REF_BODY = '(?:#\\d{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31})';
const REF_AFTER_RE = new RegExp(`^&${REF_BODY};`);
const REF_BEFORE_RE = new RegExp(`&${REF_BODY};$`);

/**
 * The token [start, end) is part of a word written with an HTML character reference ("Poincar&eacute;",
 * "Andr&#233;", "&Eacute;mile"): the reference stands right after or right before it, or the token is
 * the reference's own name. Its letters are only part of the word, so they are no spelling of a name.
 */
export function touchesCharacterReference(text: string, start: number, end: number): boolean {
  const after = text.charCodeAt(end);
  const before = text.charCodeAt(start - 1);
  if (after === 38 && REF_AFTER_RE.test(text.slice(end, end + 40))) return true;
  if (before === 59 && REF_BEFORE_RE.test(text.slice(Math.max(0, start - 40), start))) return true;
  return before === 38 && after === 59;
}

// characters skipped when looking back for what precedes a token: spaces, quotes, brackets, bullets
const SKIP = new Set([...' \t\f\v\u00a0"\'“”‘’«»([{*•#_>'].map((c) => c.charCodeAt(0)));
// characters that end a sentence or clause, or open a headline/list line
const ENDERS = new Set([...'.!?…:;<|—–-'].map((c) => c.charCodeAt(0)));

function isLowerOrComma(code: number): boolean {
  if (code >= 97 && code <= 122) return true;
  if (code === 44 || code === 38) return true; // , &
  if (code < 128) return false;
  return /\p{Ll}/u.test(String.fromCharCode(code));
}

/** True when the character before `start` (skipping spaces, quotes and brackets) ends a sentence or clause. */
export function positionExplained(text: string, start: number): boolean {
  let j = start - 1;
  let newlines = 0;
  while (j >= 0) {
    const c = text.charCodeAt(j);
    if (c === 10) newlines++;
    else if (c === 13) {
      if (text.charCodeAt(j + 1) !== 10) newlines++;
    } else if (!SKIP.has(c)) break;
    j--;
  }
  if (j < 0) return true;
  if (newlines >= 2) return true;
  const c = text.charCodeAt(j);
  if (ENDERS.has(c)) return true;
  // a line that ends without punctuation and a capital after it: a headline or list line
  if (newlines === 1 && !isLowerOrComma(c)) return true;
  return false;
}

/** Case class of a token [start, end) of text. */
export function caseClass(text: string, start: number, end: number): CaseClass {
  const c0 = text.charCodeAt(start);
  let upper: boolean;
  if (c0 < 128) {
    if (c0 >= 97 && c0 <= 122) return 'lower';
    if (!(c0 >= 65 && c0 <= 90)) return 'other';
    upper = true;
  } else {
    const first = text[start]!;
    if (LOWER_RE.test(first)) return 'lower';
    upper = UPPER_RE.test(first);
    if (!upper) return 'other';
  }
  // all capitals (possessive aside)?
  let len = end - start;
  const last = text.charCodeAt(end - 1);
  if (len > 2 && (last === 115 || last === 83) && APOS.has(text.charCodeAt(end - 2))) len -= 2;
  else if (APOS.has(last)) len -= 1;
  if (len >= 2) {
    let lower = false;
    for (let i = start + 1; i < start + len; i++) {
      const c = text.charCodeAt(i);
      if ((c >= 97 && c <= 122) || (c >= 128 && /\p{Ll}/u.test(text[i]!))) {
        lower = true;
        break;
      }
    }
    if (!lower) return 'caps';
  }
  return positionExplained(text, start) ? 'initial' : 'mid';
}

const APOS = new Set([39, 0x2019, 0x2bc]);

/** Text between two tokens is a plain space (or a hyphen joining a double-barrelled name). */
export function adjacent(text: string, prevEnd: number, nextStart: number): boolean {
  if (nextStart - prevEnd > 2 || nextStart <= prevEnd) return false;
  const between = text.slice(prevEnd, nextStart);
  return between === ' ' || between === '-' || between === '\u00a0';
}
