/**
 * unattributed-quote: a direct quote (not a scare quote, not in a headline) with no speaker in its
 * sentence, its paragraph or the paragraph before. When a reference has the same quote with a
 * speaker, the fix inserts the speaker: “…,” Karoline Leavitt said.
 */
import { attributions, quoteMatches, referenceHoldingText, type QuoteMatch } from '../attribution/analysis';
import { ROLE_NOUNS } from '../attribution/cues';
import { COURT_HEARD, quoteLed, REPORTING, speakerLike } from '../attribution/evidence';
import { appendAttribution, midSentence, plainText } from '../attribution/fixes';
import { speakerName, type Attribution, type TextSpan } from '../attribution/types';
import { finding, ruleInfo } from './catalogue';
import type { Rule, RuleContext } from '../rule';
import type { Span } from '../text';
import type { Finding, Fix } from '../types';
import { sourceLabel } from '../source-label';

export const unattributedQuote: Rule = {
  ...ruleInfo('unattributed-quote'),
  run(ctx) {
    const all = ctx.use(attributions);
    const sourcedParas = new Set<number>();
    // a speaker credited nearby: speech, not a stance ("Republicans oppose the plan" names no one who said the quote)
    for (const a of all) if (a.source && !a.stance) sourcedParas.add(a.paragraph);
    const out: Finding[] = [];
    const quoteSpans = all.flatMap((a) => a.quotes);
    // a collection of one person's quotes ("Jo Bloggs in quotes"): every quote under that heading is theirs
    const collection = collectionHeading(ctx);
    const candidates = all.filter(
      (a) =>
        a.kind === 'direct' &&
        !a.source &&
        !a.scare &&
        !a.headline &&
        !(collection >= 0 && a.paragraph > collection) &&
        !sourcedParas.has(a.paragraph) &&
        !sourcedParas.has(a.paragraph - 1) &&
        !credited(ctx, a, quoteSpans, sourcedParas),
    );
    if (candidates.length === 0) return out;
    const matches = ctx.use(quoteMatches);
    for (const a of candidates) {
      const q = a.quotes[0] ?? a.content;
      const c = creditFor(ctx, matches.find((x) => x.attribution === a)?.ref, q);
      // a quoted fragment inside the reporter's own sentence (a phrase, a title) is flagged only when a
      // reference credits those words to a speaker: otherwise the sentence's subject is the speaker or no one is
      if (fragment(ctx, q) && !(c && c.quoted)) continue;
      const f = finding('unattributed-quote', {
        message: !c
          ? 'Quote with no speaker: say who said it'
          : c.quoted
            ? `Quote with no speaker; ${sourceLabel(ctx.index, c.doc)} attributes it to ${c.speaker}`
            : `Quote with no speaker; the words are from ${sourceLabel(ctx.index, c.doc)}`,
        start: q.start,
        end: q.end,
        text: q.text,
      });
      if (c) {
        const { speaker } = c;
        const d = ctx.index.docs[c.doc]!;
        f.source = { id: d.id, path: d.path, start: c.start, end: c.end, text: c.text };
        f.data = { speaker, referenceSentence: c.context, sourceMeta: d.meta };
        const sent = ctx.doc.sentences.find((x) => x.start <= q.end - 1 && q.end <= x.end) ?? ctx.doc.sentences[a.sentence]!;
        // only when the quote closes its sentence: “…,” Name said.
        const rest = ctx.doc.text.slice(q.end, sent.end);
        if (/^[.,!?…]?[”"’'»]?[.]?\s*$/.test(rest)) {
          const edits = appendAttribution(ctx.doc.text, sent.start, sent.end, `${midSentence(speaker, [d.text, ctx.doc.text])} said`);
          if (edits) {
            const fix: Fix = { title: `Attribute to ${speaker}`, edits, preferred: true };
            f.fixes = [fix];
          }
        }
      }
      out.push(f);
    }
    return out;
  },
};

/** Whom the fix credits, and the reference passage that shows it. */
interface Credit {
  speaker: string;
  doc: number;
  start: number;
  end: number;
  text: string;
  /** the reference sentence around it */
  context: string;
  /** true: a reference quote with a speaker; false: words a reference holds as its own text */
  quoted: boolean;
}

/**
 * The speaker of a reference quote with (nearly) these words; else, when a reference holds the words
 * as its own text (a statement, a release), that document's outlet or author. Null when neither.
 */
function creditFor(ctx: RuleContext, r: QuoteMatch['ref'] | undefined, q: Span): Credit | null {
  const named = r && (r.comparison.identical || r.comparison.fragment || r.comparison.containment >= 0.8) ? speakerName(r.attribution) : null;
  // only a credit that can speak (a person, body, role or document), never a misread noun phrase
  const speaker = named && r && speakerLike(named, ctx.index.docs[r.doc]!.text.slice(Math.max(0, (r.attribution.source?.start ?? 0) - 12), r.attribution.source?.start ?? 0)) ? named : null;
  if (speaker && r) return { speaker, doc: r.doc, start: r.quote.start, end: r.quote.end, text: r.quote.text, context: plainText(r.context.text), quoted: true };
  const d = referenceHoldingText(ctx, q);
  if (d === null) return null;
  const meta = ctx.index.docs[d]!.meta;
  const who = meta.outlet ?? meta.author;
  const words = who ? holdingSpan(ctx, d, q) : null;
  return who && words ? { speaker: who, doc: d, ...words, context: words.text, quoted: false } : null;
}

/**
 * Where the quote's words stand in reference document `doc`: from the first to the last word 3-gram of
 * the quote found there (in order), as offsets into the reference text.
 */
function holdingSpan(ctx: RuleContext, doc: number, q: Span): { start: number; end: number; text: string } | null {
  const d = ctx.index.docs[doc]!;
  const ids: number[] = [];
  for (const t of ctx.doc.tokens) if (t.start >= q.start && t.end <= q.end) ids.push(ctx.index.terms.lookup(t.norm));
  const terms = d.tokens.terms;
  const at = (k: number, from: number): number => {
    for (let j = from; j + 2 < terms.length; j++) if (terms[j] === ids[k] && terms[j + 1] === ids[k + 1] && terms[j + 2] === ids[k + 2]) return j;
    return -1;
  };
  for (let k = 0; k + 2 < ids.length; k++) {
    const j0 = at(k, 0);
    if (j0 < 0) continue;
    for (let m = ids.length - 3; m >= k; m--) {
      const j1 = at(m, j0);
      if (j1 < 0) continue;
      const start = d.tokens.starts[j0]!;
      const end = d.tokens.ends[j1 + 2]!;
      return { start, end, text: d.text.slice(start, end) };
    }
  }
  return null;
}

/** The sentence indices (of the model) that the span touches. */
function sentencesOf(ctx: RuleContext, q: Span): number[] {
  const out: number[] = [];
  ctx.doc.sentences.forEach((s, k) => {
    if (s.start < q.end && s.end > q.start) out.push(k);
  });
  return out;
}

/** A sentence's text with every quotation (marks included) blanked out: the reporter's own words. */
function outside(ctx: RuleContext, k: number, quotes: TextSpan[]): string {
  const s = ctx.doc.sentences[k];
  if (!s) return '';
  let t = ctx.doc.text.slice(s.start, s.end);
  for (const q of quotes) {
    const a = Math.max(q.start - 2, s.start);
    const b = Math.min(q.end + 2, s.end);
    if (b > a) t = t.slice(0, a - s.start) + ' '.repeat(b - a) + t.slice(b - s.start);
  }
  return t;
}

/**
 * Does the article credit this quote after all, in ways the extractor does not record as a speaker?
 * A reporting verb in the reporter's words of the quote's sentence, or the sentence just before or
 * after it in the paragraph ("…,” Senate Majority Leader Mitch McConnell, R-Ky., said Tuesday; a lede
 * quote followed by "…, a court heard"); a colon introduction ("He said:", "Caddell continued:"); a
 * quoted paragraph continuing the quotes of a speaker named above it (consecutive quoted paragraphs);
 * an opening mark glued to a word (an inch mark, a mispaired quote); "…, he said. '…" inside the marks.
 */
function credited(ctx: RuleContext, a: Attribution, quotes: TextSpan[], sourcedParas: Set<number>): boolean {
  const { text, sentences, paragraphs } = ctx.doc;
  const q = a.quotes[0] ?? a.content;
  let m = q.start - 1;
  while (m > 0 && /\s/.test(text[m]!)) m--;
  const markAt = text[m] === '`' || (text[m] === "'" && text[m - 1] === "'") ? m - 1 : m;
  const before = text[markAt - 1];
  if (before !== undefined && /[\p{L}\p{N}]/u.test(before)) return true;
  // a closing mark read as an opening one (“… belief." Mr Jones said …): the mark follows a sentence's end
  // and white space follows the mark, so the "quote" is the reporter's own sentence
  if (m < q.start - 1 && before !== undefined && /[.!?,;]/.test(before)) return true;
  let c = markAt - 1;
  while (c >= 0 && /[ \t]/.test(text[c]!)) c--;
  if (text[c] === ':' || text[c] === ',') return true;
  if (/[,.]['’"”]?\s+(?:he|she|they|[A-Z][\w'’-]+)\s+(?:said|added|says|asked)\b/.test(q.text)) return true;
  // a passive credit right after the quote: branded “…” by his former bodyguard
  if (/^[”"’'`]*[,.]?\s+by\s+(?:(?:his|her|their|its|the|a|an|one|two|three)\s+|(?!(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January|February|March|April|May|June|July|August|September|October|November|December)\b)\p{Lu})/u.test(text.slice(q.end, q.end + 60))) return true;
  // the speaker named after the quote, past abbreviations and nicknames in quotes ("…!" his niece, state Del.
  // Ann "Annie" Roe, shouted): the reporter's words up to the next quotation of its own or the paragraph end
  if (REPORTING.test(after(ctx, q, quotes)) || COURT_HEARD.test(after(ctx, q, quotes))) return true;
  // a quoted label that is the subject of its sentence (“Taking the long view” is this year's theme): a
  // title or slogan, not a quotation; its words end without sentence punctuation
  if (!/[.!?,;:…]\s*$/.test(q.text) && /^[”"’'`]*\s+(?:is|was|are|were|has been|had been|will be|remains|became|has become)\b/.test(text.slice(q.end, q.end + 40))) return true;
  // three words or fewer: a phrase, a name or a label ("cash for questions", "Stairway to Heaven"), not a quotation
  if (q.text.split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w)).length <= 3) return true;
  const ks = sentencesOf(ctx, q);
  if (ks.length === 0) return false;
  const first = ks[0]!;
  const last = ks[ks.length - 1]!;
  const para = sentences[first]!.paragraph;
  for (let k = first - 1; k <= last + 1; k++) {
    const s = sentences[k];
    if (!s || s.paragraph !== para) continue;
    const own = outside(ctx, k, quotes);
    if (REPORTING.test(own) || COURT_HEARD.test(own)) return true;
  }
  // a quotation set inside the reporter's sentence (“…, the decision was “…” and …) in a passage of reported
  // speech: the paragraph before or after reports someone's words ("…, said the three judges")
  if (embedded(ctx, q)) {
    for (const p of [para - 1, para + 1]) {
      if (p < 0 || p >= paragraphs.length) continue;
      const own = reporterWords(ctx, paragraphs[p]!.start, paragraphs[p]!.end, quotes);
      if (REPORTING.test(own) || COURT_HEARD.test(own)) return true;
    }
  }
  // a colon ends the paragraph above; or the quote's paragraph opens with a quote mark and continues a
  // run of quoted paragraphs that goes back to a paragraph naming a speaker or using a reporting verb
  const above = paragraphs[para - 1];
  if (above && /:\s*$/.test(text.slice(above.start, above.end))) return true;
  // the sentence just before the quote (in its paragraph, or ending the paragraph above a quoted paragraph)
  // is about a person: the quote is theirs ("The judge backed the widow's criticism. “I find it …”")
  // a crosshead between them is skipped; a sentence cut in two by a stray paragraph break (it opens in
  // lower case) is read from where it starts
  let pk = first - 1;
  while (pk >= 0 && crosshead(ctx, sentences[pk]!.paragraph)) pk--;
  while (pk > 0 && /^\p{Ll}/u.test(text.slice(sentences[pk]!.start, sentences[pk]!.end).trimStart()) && sentences[pk - 1]!.paragraph >= sentences[pk]!.paragraph - 1) pk--;
  const prev = pk >= 0 ? sentences[pk] : undefined;
  if (prev && (prev.paragraph === para || quoteLed(ctx.doc, para)) && personSubject(text.slice(prev.start, prev.end))) return true;
  if (!quoteLed(ctx.doc, para)) return false;
  for (let p = para - 1, n = 0; p >= 0 && n < 12; p--, n++) {
    // a crosshead ("Trouble") inside a run of quoted paragraphs does not end the run
    if (crosshead(ctx, p)) continue;
    const pt = text.slice(paragraphs[p]!.start, paragraphs[p]!.end);
    if (sourcedParas.has(p) || REPORTING.test(pt.replace(/["“][^"“”]*["”]|'[^']*'(?!\w)/g, ' '))) return true;
    // a list of quotations introduced by a colon ("Among his remarks:")
    if (/:\s*$/.test(pt)) return true;
    // a paragraph inside a quote left open above it (its marks were lost) continues the run
    const prior = paragraphs[p - 1];
    const open = prior ? leftOpen(text.slice(prior.start, prior.end)) : false;
    if (!quoteLed(ctx.doc, p) && !open) return false;
  }
  return false;
}

/**
 * Does this paragraph leave a quotation open at its end (a quote running on into the next paragraph)? An
 * odd number of double marks; or a quotation introduced by a colon ("…told the jury: 'This is …") with no
 * closing mark at the paragraph's end, as a quote that runs over paragraphs is written.
 */
export function leftOpen(para: string): boolean {
  if ((para.match(/["“”]/g)?.length ?? 0) % 2 === 1) return true;
  const t = para.trimEnd();
  return /:\s*(?:['‘`]|["“])\p{L}/u.test(t) && !/['’"”]$/.test(t);
}

/** A crosshead: a paragraph of one to four words with no sentence punctuation and no quotation marks ("Trouble", "Court battle"). */
function crosshead(ctx: RuleContext, p: number): boolean {
  const para = ctx.doc.paragraphs[p];
  if (!para) return false;
  const t = ctx.doc.text.slice(para.start, para.end).trim();
  if (!/^\p{Lu}/u.test(t) || /[.!?:;,"“”'‘’]/.test(t)) return false;
  const n = t.split(/\s+/).length;
  return n >= 1 && n <= 4;
}

/**
 * The paragraph (by index) that heads a collection of one person's quotations: a short heading with no
 * sentence punctuation that says so ("Jo Bloggs in quotes", "In her own words", "Quotes of the week"). -1: none.
 */
function collectionHeading(ctx: RuleContext): number {
  const { text, paragraphs } = ctx.doc;
  for (let p = 0; p < paragraphs.length; p++) {
    const t = text.slice(paragraphs[p]!.start, paragraphs[p]!.end).trim();
    if (t.split(/\s+/).length > 10 || /[.!?]$/.test(t)) continue;
    if (/\bin (?:quotes|(?:his|her|their) (?:own )?words)\s*:?$|^(?:quotes|quotations|sayings) of\b|\b(?:key|best|memorable|notable) (?:quotes|quotations)\s*:?$/i.test(t)) return p;
  }
  return -1;
}

/** The reporter's words in [start, end): quotations of four words or more blanked, shorter ones (nicknames, labels) kept. */
function reporterWords(ctx: RuleContext, start: number, end: number, quotes: TextSpan[]): string {
  let t = ctx.doc.text.slice(start, end);
  for (const q of quotes) {
    if (q.end <= start || q.start >= end || q.text.split(/\s+/).length < 4) continue;
    const a = Math.max(q.start - 2, start);
    const b = Math.min(q.end + 2, end);
    t = t.slice(0, a - start) + ' '.repeat(b - a) + t.slice(b - start);
  }
  return t;
}

/** The reporter's words after the quote in its paragraph, up to the next quotation of four words or more (at most 250 characters). */
function after(ctx: RuleContext, q: Span, quotes: TextSpan[]): string {
  const para = ctx.doc.paragraphs.find((p) => p.start <= q.end && q.end <= p.end);
  if (!para) return '';
  let end = Math.min(para.end, q.end + 250);
  for (const o of quotes) if (o.start > q.end + 1 && o.start < end && o.text.split(/\s+/).length >= 4) end = Math.max(q.end, o.start - 1);
  return ctx.doc.text.slice(q.end + 1, end).replace(/["“][^"“”]{0,40}["”]/g, ' ');
}

/** A quotation that starts inside the reporter's sentence, after two words or more of it. */
function embedded(ctx: RuleContext, q: Span): boolean {
  const s = ctx.doc.sentences.find((x) => x.start <= q.start && q.start < x.end);
  if (!s) return false;
  return ctx.doc.text.slice(s.start, q.start).split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w)).length >= 2;
}

/** A short quotation set inside the reporter's own sentence, or a title: not a quotation of its own. */
function fragment(ctx: RuleContext, q: Span): boolean {
  const s = ctx.doc.sentences.find((x) => x.start <= q.start && q.start < x.end);
  if (!s) return false;
  const lead = ctx.doc.text.slice(s.start, q.start);
  if (/(?:heading|headline|headlined|titled|entitled|called|named|known as|dubbed|slogan|described as|programme|show)\W*$/i.test(lead)) return true;
  const leadWords = lead.split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w)).length;
  const words = ctx.doc.text.slice(q.start, q.end).split(/\s+/).filter(Boolean).length;
  return leadWords >= 2 && words <= 12;
}

const PERSON_TITLE = /\b(?:Mr|Mrs|Ms|Miss|Dr|Judge|Det|Supt|Sgt|Insp|Pc|Lord|Lady|Sir|Dame|Prof|Justice|Mayor|Councillor|QC)\b|^(?:He|She|They)\b|\b(?:[Tt]he|[Hh]is|[Hh]er|[Tt]heir) (?:judge|detective|coroner|magistrate|officer|minister|spokesman|spokeswoman|prosecutor|chef|star|singer|actor|actress|player|manager|boss|mother|father|widow|wife|husband|daughter|son|sister|brother|friend|partner)\b/;

/** A sentence whose subject (in its first eight words) is a person: a title, a pronoun, a role or a two-word name. */
function personSubject(sentence: string): boolean {
  const words = sentence.split(/\s+/);
  const head = words.slice(0, 8).join(' ');
  if (words.slice(0, 4).some((w) => ROLE_NOUNS.has(w.toLowerCase().replace(/[^\p{L}]/gu, '')) || /^organis(?:er|ers)$/i.test(w))) return true;
  return PERSON_TITLE.test(head) || /^(?:\S+\s+){0,3}\p{Lu}\p{Ll}+\s+(?:\p{Lu}\.\s+)?\p{Lu}\p{Ll}+/u.test(head);
}
