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
    const candidates = all.filter(
      (a) => a.kind === 'direct' && !a.source && !a.scare && !a.headline && !sourcedParas.has(a.paragraph) && !sourcedParas.has(a.paragraph - 1) && !credited(ctx, a, quoteSpans, sourcedParas),
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
  let c = markAt - 1;
  while (c >= 0 && /[ \t]/.test(text[c]!)) c--;
  if (text[c] === ':' || text[c] === ',') return true;
  if (/[,.]['’"”]?\s+(?:he|she|they|[A-Z][\w'’-]+)\s+(?:said|added|says|asked)\b/.test(q.text)) return true;
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
  // a colon ends the paragraph above; or the quote's paragraph opens with a quote mark and continues a
  // run of quoted paragraphs that goes back to a paragraph naming a speaker or using a reporting verb
  const above = paragraphs[para - 1];
  if (above && /:\s*$/.test(text.slice(above.start, above.end))) return true;
  // the sentence just before the quote (in its paragraph, or ending the paragraph above a quoted paragraph)
  // is about a person: the quote is theirs ("The judge backed the widow's criticism. “I find it …”")
  const prev = sentences[first - 1];
  if (prev && (prev.paragraph === para || quoteLed(ctx.doc, para)) && personSubject(text.slice(prev.start, prev.end))) return true;
  if (!quoteLed(ctx.doc, para)) return false;
  for (let p = para - 1, n = 0; p >= 0 && n < 12; p--, n++) {
    const pt = text.slice(paragraphs[p]!.start, paragraphs[p]!.end);
    if (sourcedParas.has(p) || REPORTING.test(pt.replace(/["“][^"“”]*["”]|'[^']*'(?!\w)/g, ' '))) return true;
    // a paragraph inside a quote left open above it (its marks were lost) continues the run
    const prior = paragraphs[p - 1];
    const open = prior ? (text.slice(prior.start, prior.end).match(/["“”]/g)?.length ?? 0) % 2 === 1 : false;
    if (!quoteLed(ctx.doc, p) && !open) return false;
  }
  return false;
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

const PERSON_TITLE = /\b(?:Mr|Mrs|Ms|Miss|Dr|Judge|Det|Supt|Sgt|Insp|Pc|Lord|Lady|Sir|Dame|Prof|Justice|Mayor|Councillor|QC)\b|^(?:He|She|They)\b|\b(?:the|his|her|their) (?:judge|detective|coroner|magistrate|officer|minister|spokesman|spokeswoman|prosecutor|chef|star|singer|actor|actress|player|manager|boss|mother|father|widow|wife|husband|daughter|son|sister|brother|friend|partner)\b/;

/** A sentence whose subject (in its first eight words) is a person: a title, a pronoun, a role or a two-word name. */
function personSubject(sentence: string): boolean {
  const words = sentence.split(/\s+/);
  const head = words.slice(0, 8).join(' ');
  if (words.slice(0, 4).some((w) => ROLE_NOUNS.has(w.toLowerCase().replace(/[^\p{L}]/gu, '')) || /^organis(?:er|ers)$/i.test(w))) return true;
  return PERSON_TITLE.test(head) || /^(?:\S+\s+){0,3}\p{Lu}\p{Ll}+\s+(?:\p{Lu}\.\s+)?\p{Lu}\p{Ll}+/u.test(head);
}
