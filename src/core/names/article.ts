/**
 * Name candidates in the article: capitalised word tokens not explained by position, and — at a
 * sentence start, after a quote, in an all-caps or title-case headline — capitalised tokens that
 * are no ordinary English word.
 */
import type { TextModel } from '../text';
import { adjacent, caseClass, nameKey, nameLength, touchesCharacterReference, type CaseClass } from './evidence';
import { isCalendarWord, isFirstName, isOrdinaryWord, TITLES } from './words';
import { isStopWord } from '../stopwords';
import { foldDiacritics } from './similarity';
import { isContextWord } from './lexicon';

export interface NameOccurrence {
  /** token index in the article */
  token: number;
  /** offsets of the name without any possessive ending */
  start: number;
  end: number;
  /** as written (without possessive) */
  text: string;
  cls: CaseClass;
  /** capitalised neighbour words and title (lower-case keys) */
  neighbours: string[];
}

export interface ArticleName {
  key: string;
  occurrences: NameOccurrence[];
  /** some occurrence stands capitalised mid-sentence */
  mid: boolean;
  /** ordinary English word or stop word (in lower case) */
  ordinary: boolean;
}

/** Sentences written in title case or capitals (headlines): every capital there is explained by position. */
function headlineSentences(doc: TextModel): Set<number> {
  const out = new Set<number>();
  doc.sentences.forEach((s, si) => {
    const n = s.tokenEnd - s.tokenStart;
    if (n < 2 || n > 25) return;
    let content = 0;
    let capped = 0;
    for (let t = s.tokenStart; t < s.tokenEnd; t++) {
      const tok = doc.tokens[t]!;
      if (tok.stop || /^\p{N}/u.test(tok.text)) continue;
      content++;
      if (/^\p{Lu}/u.test(tok.text)) capped++;
    }
    if (content >= 2 && capped === content) out.add(si);
  });
  return out;
}

/**
 * Words run together with no space from scraped page debris ("BobicFlagShareLikeReply"): a lower-case
 * letter followed by a capital twice or more inside one token. One such join is a name's own
 * (DaimlerChrysler, McDonald, MacPherson) or a title that lost its space (MrMandelson).
 */
export function runTogether(token: string): boolean {
  const m = token.match(/\p{Ll}\p{Lu}/gu);
  return m !== null && m.length >= 2;
}

export function articleNames(doc: TextModel): Map<string, ArticleName> {
  const out = new Map<string, ArticleName>();
  const headlines = headlineSentences(doc);
  const { tokens, text } = doc;
  const classes: CaseClass[] = tokens.map((t) => caseClass(text, t.start, t.end));
  for (let i = 0; i < tokens.length; i++) {
    const tok = tokens[i]!;
    let cls = classes[i]!;
    if (cls === 'lower' || cls === 'other') continue;
    const sent = doc.sentences[tok.sentence];
    if (sent && sent.tokenStart === i && cls === 'mid') cls = 'initial';
    if (cls === 'mid' && headlines.has(tok.sentence)) cls = 'initial';
    const key = nameKey(tok.text);
    const folded = foldDiacritics(key);
    if (key.length < 2 || /\d/.test(key) || isStopWord(folded) || isCalendarWord(folded) || TITLES.has(folded)) continue;
    // contractions (I'll, You've) and short all-caps acronyms (CCTV, NATO) are not names to spell-check
    if (/^[\p{L}]+'(ll|ve|re|d|m|t|s)$/u.test(folded) && isOrdinaryWord(folded.split("'")[0]!)) continue;
    if (/n't$/.test(folded)) continue;
    if (cls === 'caps' && key.length <= 4) continue;
    if (runTogether(tok.text)) continue;
    // part of a word written with a character reference (Poincar&eacute;): not the whole spelling
    if (touchesCharacterReference(text, tok.start, tok.end)) continue;
    const ordinary = isOrdinaryWord(folded);
    if (cls !== 'mid' && ordinary) continue;
    const len = nameLength(tok.text);
    const neighbours: string[] = [];
    const prev = tokens[i - 1];
    if (prev && classes[i - 1] !== 'lower' && /^\p{Lu}/u.test(prev.text) && adjacent(text, prev.end, tok.start)) {
      const k = nameKey(prev.text);
      // an ordinary word capitalised only by its place (a list item's "Torturing Andrea …") is no company
      const byPosition = sent?.tokenStart === i - 1 || classes[i - 1] === 'initial';
      // (a given name there, Mike or Will, is still a first name)
      const f = foldDiacritics(k);
      if (isContextWord(k) && !(byPosition && isOrdinaryWord(f) && !TITLES.has(f) && !isFirstName(f))) neighbours.push(k);
    }
    const next = tokens[i + 1];
    if (next && /^\p{Lu}/u.test(next.text) && len === tok.text.length && adjacent(text, tok.end, next.start)) {
      const k = nameKey(next.text);
      if (isContextWord(k)) neighbours.push(k);
    }
    let a = out.get(key);
    if (!a) out.set(key, (a = { key, occurrences: [], mid: false, ordinary }));
    if (cls === 'mid') a.mid = true;
    a.occurrences.push({
      token: i,
      start: tok.start,
      end: tok.start + len,
      text: tok.text.slice(0, len),
      cls,
      neighbours,
    });
  }
  return out;
}
