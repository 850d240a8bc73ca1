/**
 * Building well-formed attribution insertions: "…,” Karoline Leavitt said." and
 * "…, according to Reuters." placed before a sentence's final punctuation, without doubling
 * punctuation and with the source's capitalisation adapted to the middle of a sentence.
 */
import type { Edit } from '../types';

const CLOSERS = `"'”’»)]`;

/**
 * The source's name as it reads mid-sentence: "The port authority" → "the port authority"; "The New York
 * Times" and names stay. A first word capitalised only because it opened the reference's sentence ("Union
 * leader Marta Kosk") is lowercased when `texts` (the reference, the article) write it in lower case mid-sentence
 * and never capitalised there ("Labour leader" stays when "Labour" is capitalised mid-sentence).
 */
export function midSentence(name: string, texts: string[] = []): string {
  const m = /^(The|A|An)\s+(\S+)/.exec(name);
  if (m && /^\p{Ll}/u.test(m[2]!)) return name[0]!.toLowerCase() + name.slice(1);
  const w = /^(\p{Lu}\p{Ll}+)\s+\p{Ll}/u.exec(name);
  if (w && texts.length) {
    const word = w[1]!;
    const lower = word.toLowerCase();
    const re = new RegExp(`(?<=[\\p{Ll}\\p{N},;] +)(${word}|${lower})(?![\\p{L}\\p{N}])`, 'gu');
    let lowerSeen = false;
    let upperSeen = false;
    for (const t of texts) for (const x of t.matchAll(re)) x[1] === lower ? (lowerSeen = true) : (upperSeen = true);
    if (lowerSeen && !upperSeen) return lower + name.slice(word.length);
  }
  return name;
}

/**
 * Edits that append an attribution clause to the sentence ending at `sentEnd` (exclusive).
 * `clause` is e.g. "according to Reuters" or "Karoline Leavitt said". Returns null when the
 * sentence has no final punctuation to anchor on (a headline).
 */
export function appendAttribution(text: string, sentStart: number, sentEnd: number, clause: string): Edit[] | null {
  let e = sentEnd;
  while (e > sentStart && /\s/.test(text[e - 1]!)) e--;
  let c = e;
  while (c > sentStart && CLOSERS.includes(text[c - 1]!)) c--;
  const punct = text[c - 1];
  if (!punct || !/[.!?…]/.test(punct)) return null;
  const closers = text.slice(c, e);
  const quoteEnd = /[”"’'»]/.test(closers);
  if (!quoteEnd) {
    // "… next week." → "… next week, according to X."
    if (punct !== '.') return null; // a question or exclamation: no clean place for the clause
    return [{ start: c - 1, end: c - 1, newText: `, ${clause}` }];
  }
  // a sentence ending in a quote: “… end.” → “… end,” X said.
  if (punct === '.') {
    return [
      { start: c - 1, end: c, newText: ',' },
      { start: e, end: e, newText: ` ${clause}.` },
    ];
  }
  return [{ start: e, end: e, newText: ` ${clause}.` }];
}

/** Apply non-overlapping edits to a text (for tests and previews). */
export function applyEdits(text: string, edits: Edit[]): string {
  const sorted = [...edits].sort((a, b) => b.start - a.start || b.end - a.end);
  let out = text;
  for (const ed of sorted) out = out.slice(0, ed.start) + ed.newText + out.slice(ed.end);
  return out;
}

/**
 * Reference words as they may be shown or pasted into an article: agency copy's line-end markers
 * ("<" before a line break), control characters and wrapped lines removed, its `` and '' quote marks
 * read as “ and ”, runs of white space made one space.
 */
export function plainText(s: string): string {
  return s
    .replace(/<[ \t]*(?:\r\n|\n|\r)/g, ' ')
    .replace(/<\s*$/, '')
    .replace(/[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]/g, '')
    .replace(/``/g, '“')
    .replace(/''/g, '”')
    // the wire's 7-bit stand-ins: a lone backtick opens a single quote, " _ " is a dash, and "#" before an
    // amount is the pound sign ("#750,000", "#2m"; "#1" is left alone)
    .replace(/`/g, "'")
    .replace(/(^|\s)_(?=\s|$)/g, '$1-')
    .replace(/#(?=\d{3}|\d{1,3},\d{3}|\d+(?:\.\d+)?(?:m|bn|million|billion)\b)/g, '£')
    .replace(/\s+/g, ' ')
    .trim();
}
