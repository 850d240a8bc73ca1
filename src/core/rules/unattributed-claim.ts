/**
 * unattributed-claim: an article sentence aligned to a reference passage where the reference
 * attributes the claim (cue + source, or "according to X") and the article states it bare.
 * The fix appends the reference's attribution (", according to X" or ", X said").
 */
import { alignment, referenceModel } from '../align';
import { attributions, candidateDocs, referenceAttributions } from '../attribution/analysis';
import { appendAttribution, applyEdits, midSentence } from '../attribution/fixes';
import { extractAttributions } from '../attribution/extract';
import { analyse } from '../text';
import { PRONOUNS } from '../attribution/cues';
import { COURT_HEARD, quoteLed, REPORTING, speakerLike, strictCue } from '../attribution/evidence';
import { findQuotes } from '../attribution/quotes';
import { lastNames } from '../attribution/analysis';
import type { Attribution } from '../attribution/types';
import { finding, ruleInfo } from './catalogue';
import type { ReferenceIndex } from '../reference-index';
import { markTokensWithin, sentencesTouching, tokenAtOrAfter } from '../span-index';
import { lowerBound } from '../search';
import type { Rule } from '../rule';
import type { Sentence, TextModel } from '../text';
import type { Edit, Finding, Fix } from '../types';
import { sourceLabel } from '../source-label';
import { COURTESY_TITLES, HONOUR_TITLES, RANK_TITLES, wordTest } from '../titles';

/**
 * Does the sentence, with the attribution added, read as attributed to `who`? A fix that the
 * attribution reader would not take as a credit ("her arms said") would leave the finding in place.
 * A credit naming someone (a capitalised word: "Marta Kosk", "union leader Marta Kosk") is read as
 * one; only common-noun credits ("police", "her arms") are tried, since reading costs a parse.
 */
function credits(text: string, start: number, end: number, edits: Edit[], who: string): boolean {
  if (/\p{Lu}/u.test(who)) return true;
  const to = Math.max(end, ...edits.map((e) => e.end));
  const fixed = applyEdits(text.slice(start, to), edits.map((e) => ({ ...e, start: e.start - start, end: e.end - start })));
  const last = who.toLowerCase().split(/\s+/).pop()!;
  return extractAttributions(analyse(fixed)).some((a) => !!a.source && a.source.text.toLowerCase().includes(last));
}

function stems(model: TextModel, start: number, end: number): Set<string> {
  const out = new Set<string>();
  const toks = model.tokens;
  // (from the first token at or after `start`: a reference's content may stand deep in a long document)
  for (let k = lowerBound(toks.length, (i) => toks[i]!.start < start); k < toks.length; k++) {
    const t = toks[k]!;
    if (t.start >= end) break;
    if (!t.stop) out.add(t.stem);
  }
  return out;
}

/**
 * Stems of the words that make the claim, not its subject: content words that are neither names (capitalised)
 * nor numbers. "Jo Roe is looking for a new chair of the board" and "Jo Roe chairs the board" share their
 * names but not their claim. Read from the sentence's own tokens, between `start` and `end` inside it.
 */
function claimStems(model: TextModel, sentence: Sentence, start = sentence.start, end = sentence.end): Set<string> {
  const out = new Set<string>();
  for (let k = sentence.tokenStart; k < sentence.tokenEnd; k++) {
    const t = model.tokens[k]!;
    if (t.start >= end) break;
    if (t.start < start || t.stop) continue;
    const w = model.text.slice(t.start, t.end);
    if (/^\p{Lu}/u.test(w) || /\p{N}/u.test(w)) continue;
    out.add(t.stem);
  }
  return out;
}

/** The numbers written in digits ("2,383" → 2383, "90%" → 90). */
function numbers(text: string): number[] {
  return (text.match(/\d[\d,.]*/g) ?? []).map((n) => Number(n.replace(/[,.]+$/, '').replace(/,/g, ''))).filter((n) => Number.isFinite(n));
}

/**
 * The claim words and numbers of a reference attribution's content, sentence by sentence: a content that runs
 * over several sentences (a quote of many paragraphs) makes one claim per sentence.
 */
interface ClaimPiece {
  stems: Set<string>;
  numbers: number[];
}
const claimPieceCache = new WeakMap<Attribution, ClaimPiece[]>();
function referenceClaims(index: ReferenceIndex, d: number, ra: Attribution): ClaimPiece[] {
  let out = claimPieceCache.get(ra);
  if (!out) {
    const rm = referenceModel(index, d);
    const { start, end } = ra.content;
    out = [];
    // (sentences are in text order: from the first that ends after the content's start, to the first that starts at or after its end)
    const ss = rm.sentences;
    for (let k = lowerBound(ss.length, (i) => ss[i]!.end <= start); k < ss.length; k++) {
      const sent = ss[k]!;
      if (sent.start >= end) break;
      if (sent.end <= start) continue;
      const a = Math.max(sent.start, start);
      const b = Math.min(sent.end, end);
      out.push({ stems: claimStems(rm, sent, a, b), numbers: numbers(rm.text.slice(a, b)) });
    }
    claimPieceCache.set(ra, out);
  }
  return out;
}

/**
 * Is the article sentence the same claim as the reference's content, not another statement on its subject?
 * Their claim words (not names or numbers: `claimStems`) meet: three shared (all of them when the content has
 * only two), half the content's and a third of the sentence's; and where both write numbers, one of the
 * sentence's is within 15 % of one of the content's (a rounded or derived figure is the same claim; another
 * night's count is another claim).
 */
export function sameClaim(sentenceClaim: Set<string>, refClaim: Set<string>, sentenceNumbers: number[], refNumbers: number[]): boolean {
  if (refClaim.size < 2 || sentenceClaim.size === 0) return false;
  let shared = 0;
  for (const w of refClaim) if (sentenceClaim.has(w)) shared++;
  if (shared < Math.min(3, refClaim.size) || shared < 0.5 * refClaim.size || shared < sentenceClaim.size / 3) return false;
  if (sentenceNumbers.length && refNumbers.length && !sentenceNumbers.some((n) => refNumbers.some((r) => Math.abs(n - r) <= 0.15 * Math.max(Math.abs(r), Math.abs(n))))) return false;
  // the content's closing claim words (what its subject does or is to whom: "… a key role in wave astronomy")
  // all missing from the sentence: the sentence says something else of the same subject
  const ref = [...refClaim];
  if (ref.length >= 5 && ref.slice(-3).every((w) => !sentenceClaim.has(w))) return false;
  return true;
}

/** Counts that mark a later find than an earlier one: "six more farms", "uncovered more smut", "found a further case". */
const INCREMENT =
  /\b(?:\d[\d,.]*|one|two|three|four|five|six|seven|eight|nine|ten|dozens|hundreds|several|many|some|least \S+)\s+more\b(?!\s+than\b)|\b(?:found|uncovered|discovered|detected|confirmed|identified|recorded|reported|diagnosed)\s+(?:\S+\s+)?(?:more|further|additional|another)\b(?!\s+than\b)/i;

/** The singular of a plural noun, as written ("farms" → "farm", "properties" → "property", "boxes" → "box"). */
function singular(w: string): string {
  if (/ies$/.test(w)) return `${w.slice(0, -3)}y`;
  if (/(?:ch|sh|x|ss)es$/.test(w)) return w.slice(0, -2);
  return w.replace(/s$/, '');
}

/**
 * Does the article sentence report another occasion than the reference's content: a later count or find ("has
 * been found on six more farms", "uncovered more smut") where the content tells of no more than one, or a count of
 * several of a thing ("on 30 farms") where the content has one ("at a farm")?
 */
export function anotherOccasion(sentence: string, content: string): boolean {
  if (INCREMENT.test(sentence) && !/\b(?:more|further|additional|another)\b/i.test(content)) return true;
  // the one or two words after "a", "one" (a noun, or a modifier and its noun)
  const ones = new Set<string>();
  for (const m of content.matchAll(/\b(?:a|an|one|single)\s+(\p{Ll}{3,})(?:\s+(\p{Ll}{3,}))?/gu)) for (const w of [m[1], m[2]]) if (w) ones.add(w);
  if (ones.size === 0) return false;
  for (const m of sentence.matchAll(/\b(?:\d[\d,]*|two|three|four|five|six|seven|eight|nine|ten|dozens of|hundreds of)\s+(\p{Ll}{3,})(?:\s+(\p{Ll}{3,}))?/gu)) {
    if ([m[1], m[2]].some((w) => w && /s$/.test(w) && ones.has(singular(w)))) return true;
  }
  return false;
}

/**
 * Content-word stems of a reference attribution's content, kept beside the attribution (itself cached
 * per index and document), so a check does not re-analyse the reference text to get them again.
 */
const contentStems = new WeakMap<Attribution, Set<string>>();
function referenceContentStems(index: ReferenceIndex, d: number, ra: Attribution): Set<string> {
  let out = contentStems.get(ra);
  if (!out) contentStems.set(ra, (out = stems(referenceModel(index, d), ra.content.start, ra.content.end)));
  return out;
}

function overlapShare(a: Set<string>, b: Set<string>): number {
  if (a.size === 0) return 0;
  let n = 0;
  for (const x of a) if (b.has(x)) n++;
  return n / a.size;
}

/** The name to credit: the source as written, or what a pronoun refers to; null for a bare pronoun. */
function creditName(a: Attribution): string | null {
  if (!a.source) return null;
  const s = a.source.resolved ?? a.source;
  if (PRONOUNS.has(s.text.toLowerCase())) return null;
  return s.text;
}

/**
 * Strict evidence that the reference attributes the claim: a reporting verb ("said", "told", "according
 * to", not "described", "ordered", "accused") with a credit that can speak, read from the reference
 * text (a place after a preposition, "court" in "appeared in court accused", is not a speaker).
 */
function attributes(refText: string, a: Attribution, speakers: Set<string>): boolean {
  if (!a.cue || !strictCue(a.cue.text)) return false;
  // a denial credits the opposite of its content ("Jo Roe denied the board was divided"): no claim to carry over
  if (/^(?:denied|denies|deny|denying)\b/i.test(a.cue.text.trim())) return false;
  if (!claimContent(a.content.text)) return false;
  const name = creditName(a);
  // a pronoun's antecedent ("He also said", read as "Greater Manchester" or "Park Lane") is a credit only
  // when the reference names it as a speaker elsewhere
  if (a.source?.resolved && PRONOUNS.has(a.source.text.toLowerCase()) && ![...surnames(name)].some((w) => speakers.has(w))) return false;
  const at = (a.source?.resolved ?? a.source)?.start ?? 0;
  // "according to X": the preposition is the cue's own
  return speakerLike(name, /^according/i.test(a.cue.text) ? '' : refText.slice(Math.max(0, at - 12), at));
}

/**
 * Does a reference attribution's content state a claim? Not a request or an order ("asked the Lords to
 * overturn …": an infinitive), nor the place or time of the statement read as its content ("…, the
 * company said at the motor show": a short prepositional phrase).
 */
export function claimContent(text: string): boolean {
  const t = text.replace(/^[\s"“”'‘’`,:]+/, '');
  if (/^to\s/i.test(t)) return false;
  const words = t.split(/\s+/).filter(Boolean);
  return !(words.length <= 8 && /^(?:at|in|on|with|during|after|before|outside|inside|near|from|via|yesterday|today|tonight|last|this|earlier|later)$/i.test(words[0] ?? '') && !/\b(?:is|are|was|were|has|have|had|will|would|could|can|should|may|might)\b/i.test(t));
}

/**
 * Is the sentence a whole statement of the reporter's? Not a headline or a line of a paragraph broken by
 * hard line ends (no final punctuation, or a lower-case start), nor the tail of a quotation opened before
 * it (it ends with a closing mark that nothing in it opens).
 */
export function wholeSentence(t: string): boolean {
  const s = t.trim();
  if (!/[.!?]["”'’]*\)?$/.test(s)) return false;
  if (/^["“'‘`(]*\p{Ll}/u.test(s)) return false;
  // an item of a list (- …, • …) starting in lower case continues the sentence that introduced the list
  if (/^[-–—•*·]\s*\p{Ll}/u.test(s)) return false;
  // a headline written in title case with a final stop ("Council Backs New Harbour Plan.")
  const words = s.replace(/[.!?"”'’)]+$/, '').split(/\s+/);
  if (words.length >= 3 && words.every((w) => /^[\p{Lu}\p{N}"“'‘(]/u.test(w) || /^(?:a|an|the|and|or|of|in|on|at|to|for|by|with|from|as)$/.test(w))) return false;
  const opens = (s.match(/[“]|(?:^|[\s(\[—-])["'‘]/g) ?? []).length;
  const closes = (s.match(/[”]|["'’](?=[\s.,;:!?)]|$)/g) ?? []).length;
  return !(/["”'’]$/.test(s) && opens === 0 && closes > 0);
}

/**
 * Does the sentence name the credited source itself? Its capitalised words, its initials ("the HSA report"
 * for "the Harbour Safety Authority"), or a passive credit holding its noun ("called … by his former
 * estate manager" for "his former manager of the estate").
 */
export function namesSource(sentence: string, name: string): boolean {
  const said = sentence.toLowerCase();
  const credited = lastNames(name);
  if ((credited.size && [...credited].some((w) => said.includes(w))) || said.includes(name.toLowerCase())) return true;
  for (const ac of name.match(/\b\p{Lu}{2,6}\b/gu) ?? []) {
    const re = new RegExp(ac.split('').map((c) => `${c}\\p{L}+`).join('\\s+(?:of\\s+|for\\s+|and\\s+)?'), 'u');
    if (re.test(sentence)) return true;
  }
  const nouns = name.toLowerCase().split(/\s+/).filter((w) => w.length > 3 && !/^(?:former|their|other|some|many|several|senior|chief|head)$/.test(w));
  for (const m of sentence.matchAll(/\bby\s+((?:\S+\s+){0,4}\S+)/gi)) {
    const words = m[1]!.toLowerCase().split(/\s+/).map((w) => w.replace(/[^\p{L}]/gu, ''));
    if (nouns.some((n) => words.includes(n))) return true;
  }
  return false;
}

/**
 * Is paragraph `p` a quoted paragraph left open (led by a double quotation mark it never closes)? The quote
 * runs on into the next paragraph, even when that paragraph has lost its opening mark.
 */
export function leftOpen(model: TextModel, p: number): boolean {
  if (p < 0 || !quoteLed(model, p)) return false;
  const para = model.paragraphs[p]!;
  const t = model.text.slice(para.start, para.end);
  if (t[0] === '“') return (t.match(/“/g) ?? []).length > (t.match(/”/g) ?? []).length;
  if (t[0] === '"') return (t.match(/"/g) ?? []).length % 2 === 1;
  return false;
}

const HONORIFIC = wordTest(COURTESY_TITLES, HONOUR_TITLES, RANK_TITLES, ['qc', 'mp', 'the']);
/** The capitalised words of a name that are not titles ("Mr Simpson" → simpson). */
function surnames(name: string | null): Set<string> {
  return new Set([...lastNames(name)].filter((w) => !HONORIFIC.test(w)));
}

/**
 * The attributions of a reference (`ras`, of text `refText`) that attribute a claim (attributes()), in
 * their order. They depend only on the reference, so they are kept with its attribution list (the same
 * list object while the reference's cache holds it) for the checks that ask again.
 */
const attributingCache = new WeakMap<readonly Attribution[], { text: string; kept: Attribution[] }>();
function attributing(refText: string, ras: readonly Attribution[]): Attribution[] {
  let e = attributingCache.get(ras);
  if (!e || e.text !== refText) {
    const speakers = namedSpeakers(ras);
    attributingCache.set(ras, (e = { text: refText, kept: ras.filter((ra) => attributes(refText, ra, speakers)) }));
  }
  return e.kept;
}

/** The names a reference document credits by name (not by pronoun) anywhere: its speakers. */
const speakerCache = new WeakMap<readonly Attribution[], Set<string>>();
function namedSpeakers(ras: readonly Attribution[]): Set<string> {
  let out = speakerCache.get(ras);
  if (!out) {
    out = new Set();
    for (const ra of ras) if (ra.source && !PRONOUNS.has(ra.source.text.toLowerCase())) for (const w of surnames(ra.source.text)) out.add(w);
    speakerCache.set(ras, out);
  }
  return out;
}

/** Does paragraph `p` end without final punctuation, its last sentence unfinished (a list follows)? */
function unfinished(model: TextModel, p: number): boolean {
  const para = model.paragraphs[p];
  // the first paragraph, unpunctuated, is a headline
  if (!para || p === 0) return false;
  const t = model.text.slice(para.start, para.end).trimEnd();
  return t.split(/\s+/).length >= 4 && !/[.!?:;"”'’)\]]$/.test(t);
}

/** Facts of a court's record (a charge, plea, verdict, sentence, bail) need no source. */
const RECORD = /\b(?:(?:not )?guilty|verdicts?|nominated|jailed|convicted|sentenced|charged|remanded|bailed|bail|pleaded|acquitted|cleared|fined|imprisoned|in jail|in prison|behind bars|appeared|appears|awarded|admitted|denies|denied)\b/i;

export const unattributedClaim: Rule = {
  ...ruleInfo('unattributed-claim'),
  run(ctx) {
    const passages = ctx.use(alignment);
    if (ctx.index.documentCount === 0) return [];
    const doc = ctx.doc;
    const mine = ctx.use(attributions);
    const attributed = new Set<number>();
    for (const a of mine) {
      // a sentence that is a direct quotation with no speaker is unattributed-quote's finding (it offers the speaker)
      if (!a.source && a.kind !== 'indirect' && !a.scare) {
        for (const q of a.quotes) {
          const [s0, s1] = sentencesTouching(doc.sentences, q.start, q.end);
          for (let s = s0; s < s1; s++) {
            const sent = doc.sentences[s]!;
            let inside = 0;
            for (let k = sent.tokenStart; k < sent.tokenEnd; k++) if (doc.tokens[k]!.start >= q.start && doc.tokens[k]!.end <= q.end) inside++;
            if (inside >= 0.7 * (sent.tokenEnd - sent.tokenStart)) attributed.add(s);
          }
        }
      }
      if (!a.source && !a.cue) continue;
      if (a.cue) {
        const s = doc.tokens[tokenAtOrAfter(doc.tokens, a.cue.start)]?.sentence;
        if (s !== undefined) attributed.add(s);
      }
      const [s0, s1] = sentencesTouching(doc.sentences, a.content.start, a.content.end);
      for (let s = s0; s < s1; s++) attributed.add(s);
    }
    // the reporter already credits the claim: a reporting verb or "the court heard" in the sentence, a
    // speaker named in its paragraph (reported speech carries on: "…, Mr Morris went on. She had a tumour
    // removed…"), or a fact of the court's record
    // sentences mostly inside quotation marks are a speaker's words, not the reporter's claims
    const quoted = markTokensWithin(doc.tokens, findQuotes(doc).map((q) => ({ start: q.open, end: q.close })));
    for (let s = 0; s < doc.sentences.length; s++) {
      const sent = doc.sentences[s]!;
      let inside = 0;
      for (let k = sent.tokenStart; k < sent.tokenEnd; k++) inside += quoted[k]!;
      if (inside >= 0.5 * (sent.tokenEnd - sent.tokenStart) || quoteLed(doc, sent.paragraph) || leftOpen(doc, sent.paragraph - 1)) attributed.add(s);
    }
    const spoken = new Set<number>();
    for (const a of mine) if (a.source && !a.stance && a.cue) spoken.add(a.paragraph);
    // a sentence with a reporting verb credits itself and the rest of its paragraph
    let reportedAbove = false;
    for (let s = 0; s < doc.sentences.length; s++) {
      const sent = doc.sentences[s]!;
      // a paragraph left unfinished (no final punctuation: "The council told the hearing that the firm" before a list)
      // carries its credit into the paragraph that finishes it
      if (s > 0 && doc.sentences[s - 1]!.paragraph !== sent.paragraph && !unfinished(doc, doc.sentences[s - 1]!.paragraph)) reportedAbove = false;
      const t = doc.text.slice(sent.start, sent.end);
      const reports = REPORTING.test(t) || COURT_HEARD.test(t);
      if (reports || reportedAbove || RECORD.test(t) || spoken.has(sent.paragraph)) attributed.add(s);
      reportedAbove ||= reports;
    }
    const best = new Map<number, { a: Attribution; doc: number; share: number }>();
    const sentenceStems = new Map<number, Set<string>>();
    const sentenceClaims = new Map<number, ClaimPiece>();
    const consider = (s: number, d: number, ra: Attribution, minShare: number) => {
      // a crosshead ("Chased", "Shock") or a fragment of a few words carries no claim
      const sn = doc.sentences[s]!;
      if (sn.tokenEnd - sn.tokenStart < 4 || !wholeSentence(doc.text.slice(sn.start, sn.end))) return;
      // the first paragraph of a story, one short sentence, is its headline
      if (sn.paragraph === 0 && doc.paragraphs.length > 1 && sn.tokenEnd - sn.tokenStart <= 12 && doc.sentences[s + 1]?.paragraph !== 0) return;
      const rs = referenceContentStems(ctx.index, d, ra);
      if (rs.size < 3) return;
      let mine = sentenceClaims.get(s);
      if (!mine) sentenceClaims.set(s, (mine = { stems: claimStems(doc, sn), numbers: numbers(doc.text.slice(sn.start, sn.end)) }));
      const m = mine;
      if (!referenceClaims(ctx.index, d, ra).some((c) => sameClaim(m.stems, c.stems, m.numbers, c.numbers))) return;
      if (anotherOccasion(doc.text.slice(sn.start, sn.end), ra.content.text)) return;
      let as = sentenceStems.get(s);
      if (!as) sentenceStems.set(s, (as = stems(doc, doc.sentences[s]!.start, doc.sentences[s]!.end)));
      const share = Math.min(overlapShare(as, rs), 1) * 0.5 + overlapShare(rs, as) * 0.5;
      if (share < minShare) return;
      const cur = best.get(s);
      if (!cur || share > cur.share) best.set(s, { a: ra, doc: d, share });
    };
    // (1) passages of the alignment: reference attributions whose content lies mostly in the passage
    for (const p of passages) {
      for (const ra of attributing(ctx.index.docs[p.doc]!.text, referenceAttributions(ctx.index, p.doc))) {
        const ov = Math.min(ra.content.end, p.b.end) - Math.max(ra.content.start, p.b.start);
        if (ov < 0.5 * (ra.content.end - ra.content.start)) continue;
        for (let s = 0; s < doc.sentences.length; s++) {
          const sent = doc.sentences[s]!;
          if (sent.end <= p.a.start || sent.start >= p.a.end || attributed.has(s)) continue;
          consider(s, p.doc, ra, 0.5);
        }
      }
    }
    // (2) a reworded claim too short for a passage: unattributed sentences against the attributed
    // contents of the references that share its rarer 3-grams (stricter overlap)
    for (let s = 0; s < doc.sentences.length; s++) {
      if (attributed.has(s) || best.has(s)) continue;
      const sent = doc.sentences[s]!;
      if (sent.tokenEnd - sent.tokenStart < 6) continue;
      for (const d of candidateDocs(ctx, [sent], 3)) {
        for (const ra of attributing(ctx.index.docs[d]!.text, referenceAttributions(ctx.index, d))) consider(s, d, ra, 0.65);
      }
    }
    const out: Finding[] = [];
    for (const [s, { a, doc: refDoc, share }] of [...best].sort((x, y) => x[0] - y[0])) {
      const sent = doc.sentences[s]!;
      const name = creditName(a)!;
      // the sentence names the credited source itself ("… called a crook by his former manager of the estate")
      if (namesSource(doc.text.slice(sent.start, sent.end), name)) continue;
      const d = ctx.index.docs[refDoc]!;
      const isAccording = /^according/i.test(a.cue!.text);
      const phrase = isAccording ? `according to ${a.source!.text}` : `${name} ${a.cue!.text}`;
      const fixes: Fix[] = [];
      const who = midSentence(name, [d.text, doc.text]);
      const e1 = appendAttribution(doc.text, sent.start, sent.end, `according to ${who}`);
      if (e1 && credits(doc.text, sent.start, sent.end, e1, who)) fixes.push({ title: `Add “according to ${who}”`, edits: e1, preferred: true });
      const e2 = appendAttribution(doc.text, sent.start, sent.end, `${who} said`);
      if (e2 && credits(doc.text, sent.start, sent.end, e2, who)) fixes.push({ title: `Add “${who} said”`, edits: e2 });
      if (fixes.length === 1) fixes[0]!.preferred = true;
      out.push(finding('unattributed-claim', {
        message: `Unattributed claim: ${sourceLabel(ctx.index, refDoc)} attributes this to ${name} (“${phrase}”)`,
        start: sent.start,
        end: sent.end,
        text: doc.text.slice(sent.start, sent.end),
        source: { id: d.id, path: d.path, start: a.content.start, end: a.content.end, text: a.content.text },
        ...(fixes.length ? { fixes } : {}),
        data: { sourceName: name, cue: a.cue!.text, attribution: phrase, overlap: Math.round(share * 1000) / 1000, sourceMeta: d.meta },
      }));
    }
    return out;
  },
};
