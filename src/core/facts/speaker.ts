/**
 * The speaker of a quotation both sentences of a pair give: "Mr Reyle replied: 'Well, the tide is
 * late again.'" / "Mr Lund: 'Well, the tide is late again.'". The word diff may hold the article's
 * speaker in common with the same person named elsewhere in the source sentence (as the one spoken to,
 * or in an aside), or open a long reworded region with the name, so no slot reading sees one speaker
 * put for another; this reading compares the two speakers directly.
 */
import { jaroWinkler } from '../names/similarity';
import { REPORTING } from '../attribution/evidence';
import { NAME_PARTICLES, nameToken, TITLES, type FactToken, type Hunk, type SlotDiff } from './compare';
import { MIN_SHARED_QUOTED, quoteOpening, quotedWordsAfterSlot } from './same-statement';

/** share of the article's quoted words the source's quotation must give in common runs */
export const SPEAKER_QUOTE_SHARE = 0.8;

interface Speaker {
  /** the name's tokens [from, to), a title before it aside */
  name: [number, number];
  titled: boolean;
}

/**
 * The person a sentence credits with its first quotation, written just before it: a name (one or two
 * words, a title before it allowed) and a reporting verb, then a colon or a comma and the opening mark
 * ("Mr Reyle replied: '", "Petra Lund said, '"), or the name and a colon alone, as a transcript writes
 * it ("Reyle: '"). The name opens the sentence or follows a comma ("Watched by the crew, Mr Reyle
 * replied: '"): it is the subject of its own clause.
 */
export function quotedSpeaker(toks: readonly FactToken[], text: string): Speaker | null {
  if (toks.length < 2) return null;
  const q = quoteOpening(toks, text, 1);
  if (q < 0) return null;
  let k = -1;
  while (k + 1 < toks.length && toks[k + 1]!.end <= q) k++;
  if (k < 0) return null;
  const between = text.slice(toks[k]!.end, q);
  if (!/^\s*[:,]\s*(?:``|["“‘'`])$/.test(between)) return null;
  let end = k + 1;
  if (!nameToken(toks[k]!)) {
    if (!REPORTING.test(toks[k]!.low)) return null;
    end = k;
  } else if (!between.includes(':')) return null;
  let from = end;
  while (from > 0 && end - from < 2 && (nameToken(toks[from - 1]!) || (from < end && NAME_PARTICLES.has(toks[from - 1]!.low) && /^\p{Lu}/u.test(toks[from - 1]!.text)))) from--;
  if (from === end || !nameToken(toks[end - 1]!)) return null;
  const titled = from > 0 && TITLES.has(toks[from - 1]!.low.replace(/\.$/, ''));
  const head = titled ? from - 1 : from;
  if (head > 0 && !/,/.test(text.slice(toks[head - 1]!.end, toks[head]!.start))) return null;
  return { name: [from, end], titled };
}

/**
 * One speaker put for another: each sentence credits its quotation to a named person, the names
 * differ (not one person written fuller or shorter, nor a spelling), and the article's quotation is
 * the source's: `MIN_SHARED_QUOTED` words at least, and `SPEAKER_QUOTE_SHARE` of its words, in
 * common runs inside both quotations. A side whose name has no title here is left `unproven` (the
 * rule looks for one elsewhere in its text); with none on either side, no slot.
 */
export function speakerSwap(src: readonly FactToken[], srcText: string, art: readonly FactToken[], artText: string, regions: readonly Hunk[]): SlotDiff | null {
  const s = quotedSpeaker(src, srcText);
  const a = quotedSpeaker(art, artText);
  if (!s || !a || (!s.titled && !a.titled)) return null;
  const sn = src.slice(s.name[0], s.name[1]).map((t) => t.low.replace(/'s$/, ''));
  const an = art.slice(a.name[0], a.name[1]).map((t) => t.low.replace(/'s$/, ''));
  if (sn.some((w) => an.includes(w)) || jaroWinkler(sn[sn.length - 1]!, an[an.length - 1]!) >= 0.8) return null;
  const d: SlotDiff = { kind: 'name', src: s.name, art: a.name, quoted: true, ...(s.titled && a.titled ? {} : { unproven: s.titled ? 'art' : 'src' }) };
  const qa = quoteOpening(art, artText, a.name[1]);
  let words = 0;
  for (const t of art) if (t.start >= qa && /[\p{L}\d]/u.test(t.low)) words++;
  const shared = quotedWordsAfterSlot(src, srcText, art, artText, d, regions, true);
  return shared >= MIN_SHARED_QUOTED && shared >= SPEAKER_QUOTE_SHARE * words ? d : null;
}
