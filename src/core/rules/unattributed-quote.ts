/**
 * unattributed-quote: a direct quote (not a scare quote, not in a headline) with no speaker in its
 * sentence, its paragraph or the paragraph before. When a reference has the same quote with a
 * speaker, the fix inserts the speaker: “…,” Karoline Leavitt said.
 */
import { attributions, quoteMatches, referenceHoldingText, type QuoteMatch } from '../attribution/analysis';
import { PRONOUNS, ROLE_NOUNS } from '../attribution/cues';
import { COURT_HEARD, quoteLed, REPORTING, speakerLike } from '../attribution/evidence';
import { appendAttribution, midSentence, plainText } from '../attribution/fixes';
import { speakerName, type Attribution, type TextSpan } from '../attribution/types';
import { lastNames } from '../attribution/analysis';
import { isKnownName, isOrdinaryWord } from '../names/words';
import { COURTESY_TITLES, HONOUR_TITLES } from '../titles';
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
    const sources = new Map<number, Attribution[]>();
    for (const a of all) {
      if (!a.source || a.stance) continue;
      sourcedParas.add(a.paragraph);
      sources.set(a.paragraph, [...(sources.get(a.paragraph) ?? []), a]);
    }
    // the surnames of people the article credits with speech anywhere (the last word of a source, in letters
    // only, named by two capitalised words or more there or elsewhere in the article: "BBC1 controller Peter
    // Salmon" gives "salmon", "Kell notes" gives "kell" when the article names "Ana Kell", "BBC1" alone nothing):
    // a sentence opening with one is about that speaker
    const speakers = new Set<string>();
    let fullNames: Set<string> | null = null;
    const namedInFull = (w: string): boolean => {
      fullNames ??= new Set(
        [...ctx.doc.text.matchAll(/(\p{Lu}\p{Ll}+)\s+(\p{Lu}\p{Ll}[\p{L}'’-]*)/gu)].filter((m) => !NOT_A_NAME.test(m[1]!.toLowerCase())).map((m) => m[2]!.toLowerCase()),
      );
      return fullNames.has(w);
    };
    for (const a of all) {
      if (!a.source || a.stance || PRONOUNS.has(a.source.text.toLowerCase())) continue;
      const names = [...lastNames(speakerName(a))];
      const last = names[names.length - 1];
      if (!last || !/^\p{L}[\p{L}'’-]+$/u.test(last)) continue;
      if (names.length >= 2 || namedInFull(last)) speakers.add(last);
    }
    const out: Finding[] = [];
    const quoteSpans = all.flatMap((a) => a.quotes);
    // a collection of one person's quotes ("Jo Bloggs in quotes"): every quote under that heading is theirs
    const collection = collectionHeading(ctx);
    // read in order: a quote the article credits (a colon introduction, a speaker after it, a credit in brackets)
    // carries its speaker to the quotes after it in its paragraph and to the quoted paragraph that follows, as a
    // quote with a speaker does; a quote that is no quotation (a title, a mispaired mark) carries nothing
    const unsourced = all
      .filter((a) => a.kind === 'direct' && !a.source && !a.scare && !a.headline && !(collection >= 0 && a.paragraph > collection))
      .sort((x, y) => (x.quotes[0] ?? x.content).start - (y.quotes[0] ?? y.content).start);
    const candidates: Attribution[] = [];
    for (const a of unsourced) {
      if (sourcedParas.has(a.paragraph) || sourcedParas.has(a.paragraph - 1)) continue;
      const why = credited(ctx, a, quoteSpans, sourcedParas, speakers, sources);
      if (why === 'speaker') sourcedParas.add(a.paragraph);
      if (!why) candidates.push(a);
    }
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
 * Why the article needs no speaker for this quote, if it does not: `speaker` when it credits the quote in ways
 * the extractor does not record as a speaker — a reporting verb in the reporter's words of the quote's sentence,
 * or the sentence just before or after it in the paragraph ("…,” Harbour Board chair Mina Osei, of Eastport,
 * said Tuesday; a lede quote followed by "…, a court heard"); a colon introduction ("He said:", "Osei
 * continued:"); a quoted paragraph continuing the quotes of a speaker named above it; a credit in brackets or
 * after a dash ("… .” [Coast Courier]", "— Jo Bloggs"), or a signature on the line after it; a headline credited
 * "by" its writer. `other` when the marks hold no quotation: an opening mark glued to a word (an inch mark, a
 * mispaired quote), a title, a label or a phrase of three words or fewer. Null: nobody is credited.
 */
function credited(ctx: RuleContext, a: Attribution, quotes: TextSpan[], sourcedParas: Set<number>, speakers: Set<string>, sources: Map<number, Attribution[]>): 'speaker' | 'other' | null {
  const { text, sentences, paragraphs } = ctx.doc;
  const q = a.quotes[0] ?? a.content;
  let m = q.start - 1;
  while (m > 0 && /\s/.test(text[m]!)) m--;
  const markAt = text[m] === '`' || (text[m] === "'" && text[m - 1] === "'") ? m - 1 : m;
  const before = text[markAt - 1];
  if (before !== undefined && /[\p{L}\p{N}]/u.test(before)) return 'other';
  // a closing mark read as an opening one (“… belief." Mr Jones said …): the mark follows a sentence's end
  // and white space follows the mark, so the "quote" is the reporter's own sentence
  if (m < q.start - 1 && before !== undefined && /[.!?,;]/.test(before)) return 'other';
  // three words or fewer: a phrase, a name or a label ("cash for questions", "Stairway to Heaven"), not a quotation
  if (q.text.split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w)).length <= 3) return 'other';
  // a title in title case ("Tides of the Quay", "Orange is the New Harbour"), or a quoted label that is the
  // subject of its sentence (“Taking the long view” is this year's theme): their words end without sentence punctuation
  if (titleCase(q.text)) return 'other';
  // a quoted name between a determiner and a noun (the “Every Crew Needs a Harbour” campaign): a label, not a quotation
  const sent0 = sentences.find((x) => x.start <= q.start && q.start < x.end);
  const leadIn = sent0 ? text.slice(sent0.start, markAt) : '';
  if (/(?:^|\s)(?:the|a|an|its|their|his|her|our|this|that)\s*$/i.test(leadIn) && !/[.!?,;:…]\s*$/.test(q.text) && q.text.split(/\s+/).length <= 8 && /^[”"’'`]+\s+\p{Ll}+/u.test(text.slice(q.end, q.end + 40))) return 'other';
  // a speaker who names himself as the quote opens (a vox pop: “I'm Jo Bloggs, I farm at …”, “Jo Bloggs from the
  // Harbour Board, …”)
  if (/^(?:I'm|I’m|I am|[Mm]y name is|[Mm]y name's|[Mm]y name’s)\s+\p{Lu}\p{Ll}+(?:\s+\p{Lu}\p{Ll}[\p{L}'’-]*)+/u.test(q.text) || /^\p{Lu}\p{Ll}+\s+\p{Lu}\p{Ll}[\p{L}'’-]*,?\s+(?:from|of|with)\s+(?:the\s+)?\p{Lu}[^.!?]{0,60},/u.test(q.text)) return 'speaker';
  const tail = text.slice(q.end, q.end + 80);
  if (!/[.!?,;:…]\s*$/.test(q.text) && /^[”"’'`]*\s+(?:is|was|are|were|has been|had been|will be|remains|became|has become)\b/.test(tail)) return 'other';
  let c = markAt - 1;
  while (c >= 0 && /[ \t]/.test(text[c]!)) c--;
  if (text[c] === ':' || text[c] === ',') return 'speaker';
  // a speaker label opening the quote's line, a name with no verb (a match report's "- Harbour boss Jo Bloggs “…”")
  const lineStart = text.lastIndexOf('\n', markAt - 1) + 1;
  if (speakerLabel(text.slice(lineStart, markAt))) return 'speaker';
  // the reporter's words inside the marks when they are mispaired (“… today,“ said Jo Roe; "“…,” Roe replied …"):
  // a reporting verb a few words after a closing mark within the span
  for (const x of q.text.matchAll(/[,.!?…-]\s*[”"’“'‘`]+\s+/gu)) {
    const next = q.text.slice(x.index! + x[0].length).split(/\s+/).slice(0, 4).join(' ');
    if (REPORTING.test(next)) return 'speaker';
  }
  if (/[,.]['’"”]?\s+(?:he|she|they|[A-Z][\w'’-]+)\s+(?:said|added|says|asked)\b/.test(q.text)) return 'speaker';
  // a passive credit right after the quote: branded “…” by his former bodyguard; a headline and its writer
  // in a digest ("“…,” by the Courier's Jo Bloggs")
  if (/^[,.]?[”"’'`]*[,.]?\s+by\s+(?:(?:his|her|their|its|the|a|an|one|two|three)\s+|(?!(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January|February|March|April|May|June|July|August|September|October|November|December)\b)\p{Lu})/u.test(tail)) return 'speaker';
  // “…,” Jo Bloggs from the quay: a quote ending on a comma goes on into its credit, a name
  if ((/,\s*$/.test(q.text) && /^[”"’'`]+\s+\p{Lu}\p{Ll}/u.test(tail)) || /^,[”"’'`]+\s+\p{Lu}\p{Ll}/u.test(tail)) return 'speaker';
  // a credit in brackets or after a dash closing the quote's line: “…” — Jo Bloggs; a digest's “…” [Coast Courier]
  const para = paragraphs.find((p) => p.start <= q.start && q.start < p.end);
  const paraEnd = para ? para.end : q.end;
  const nl = text.indexOf('\n', q.end);
  const lineEnd = nl >= 0 && nl < paraEnd ? nl : paraEnd;
  const rest = text.slice(q.end, lineEnd);
  if (/^[,.]?[”"’'`]*[,.]?\s*(?:[—–―]|-(?=\s))\s*\p{Lu}[^.!?]{0,80}[.!?]?\s*$/u.test(rest)) return 'speaker';
  if (/[\[(]\s*\p{Lu}[^\[\]()"“”\n]{0,80}[\])]\s*[.]?\s*$/u.test(text.slice(q.start, lineEnd))) return 'speaker';
  // a signature on a line of its own after the quote's words, inside its marks (“…\nJo Bloggs, Friends of the
  // Earth.”) or on the next line
  const inner = q.text.split('\n');
  if (inner.length > 1 && signature(inner[inner.length - 1]!)) return 'speaker';
  if (/^[\s"”'’.,!?…]*$/.test(rest) && lineEnd < paraEnd) {
    const nl2 = text.indexOf('\n', lineEnd + 1);
    if (signature(text.slice(lineEnd + 1, nl2 >= 0 && nl2 < paraEnd ? nl2 : paraEnd))) return 'speaker';
  }
  // a quoted phrase used as a modifier inside the reporter's sentence (the “last boat out of port” levy): a label
  if (embedded(ctx, q) && !/[.!?,;:…]\s*$/.test(q.text) && q.text.split(/\s+/).length <= 5 && /^[”"’'`]+\s+\p{Ll}/u.test(tail)) return 'other';
  // the speaker named after the quote, past abbreviations and nicknames in quotes ("…!" his niece, state Del.
  // Ann "Annie" Roe, shouted): the reporter's words up to the next quotation of its own or the paragraph end
  if (REPORTING.test(after(ctx, q, quotes)) || COURT_HEARD.test(after(ctx, q, quotes))) return 'speaker';
  const ks = sentencesOf(ctx, q);
  if (ks.length === 0) return null;
  const first = ks[0]!;
  const last = ks[ks.length - 1]!;
  const pi = sentences[first]!.paragraph;
  for (let k = first - 1; k <= last + 1; k++) {
    const s = sentences[k];
    if (!s || s.paragraph !== pi) continue;
    const own = outside(ctx, k, quotes);
    if (REPORTING.test(own) || COURT_HEARD.test(own)) return 'speaker';
  }
  // a quotation set inside the reporter's sentence whose subject or lead credits it: a document ("The leaflet attacks
  // a “…”", "a letter issued by the council …"), someone's words ("for his claim that “…”")
  if (embedded(ctx, q) && creditInLead(ctx, q)) return 'speaker';
  // a quotation set inside the reporter's sentence (“…, the decision was “…” and …) in a passage of reported
  // speech: the paragraph before or after reports someone's words ("…, said the three judges")
  if (embedded(ctx, q)) {
    for (const p of [pi - 1, pi + 1]) {
      if (p < 0 || p >= paragraphs.length) continue;
      const own = reporterWords(ctx, paragraphs[p]!.start, paragraphs[p]!.end, quotes);
      if (REPORTING.test(own) || COURT_HEARD.test(own)) return 'speaker';
    }
  }
  // a quotation inside one of a list of numbered points ("Secondly, the survey “…”") whose head, the paragraph
  // before the list, is about a person ("The coroner listed her three grounds …") or reports speech: the points are theirs
  if (embedded(ctx, q) && ORDINAL_POINT.test(text.slice(sentences[first]!.start, q.start))) {
    let p = pi;
    while (p > 0 && ORDINAL_POINT.test(afterRule(text.slice(paragraphs[p]!.start, paragraphs[p]!.end)))) p--;
    const head = afterRule(text.slice(paragraphs[p]!.start, paragraphs[p]!.end));
    if (p < pi && !ORDINAL_POINT.test(head) && (personSubject(head, speakers, surnamesInFull(ctx)) || REPORTING.test(head) || COURT_HEARD.test(head))) return 'speaker';
  }
  // a quoted paragraph followed by a signature line ("-Jo Bloggs, Fairhaven.") or by a sentence that names its
  // speaker and points back at it ("Those are the questions Jo Bloggs put to the crews")
  const nextPara = paragraphs[pi + 1];
  if (nextPara && quoteLed(ctx.doc, pi) && /^[\s"”'’.,!?…]*$/.test(text.slice(q.end, paragraphs[pi]!.end))) {
    const nt = text.slice(nextPara.start, nextPara.end);
    if (/^[-—–―~]\s*\p{Lu}/u.test(nt) && signature(nt)) return 'speaker';
    const ns = sentences.find((s) => s.start === nextPara.start);
    const firstSentence = ns ? text.slice(ns.start, ns.end) : nt;
    if (/^(?:These|Those|This|That|Such)\s+(?:are|were|is|was|will be)\s+(?:the\s+)?(?:\S+\s+){0,2}?(?:words?|questions?|message|remarks?|advice|warning|verdict|thoughts|view|plea|promise|challenge|answer|reply|response|boast|cry|call)\b/.test(firstSentence) && (REPORTING.test(firstSentence) || /\p{Lu}\p{Ll}+\s+\p{Lu}\p{Ll}+/u.test(firstSentence.slice(5)))) return 'speaker';
  }
  // a colon ends the paragraph above; or the quote's paragraph opens with a quote mark and continues a
  // run of quoted paragraphs that goes back to a paragraph naming a speaker or using a reporting verb
  const above = paragraphs[pi - 1];
  if (above && /:\s*$/.test(text.slice(above.start, above.end))) return 'speaker';
  // the sentence just before the quote (in its paragraph, or ending the paragraph above a quoted paragraph)
  // is about a person: the quote is theirs ("The judge backed the widow's criticism. “I find it …”")
  // a crosshead between them is skipped; a sentence cut in two by a stray paragraph break (it opens in
  // lower case) is read from where it starts
  let pk = first - 1;
  while (pk >= 0 && crosshead(ctx, sentences[pk]!.paragraph)) pk--;
  while (pk > 0 && /^\p{Ll}/u.test(text.slice(sentences[pk]!.start, sentences[pk]!.end).trimStart()) && sentences[pk - 1]!.paragraph >= sentences[pk]!.paragraph - 1) pk--;
  const prev = pk >= 0 ? sentences[pk] : undefined;
  // the sentence before may end the paragraph above when the quote's sentence opens its paragraph (copy written one
  // sentence a line: "Dr Jo Roe of the institute shows that … \n They have an ability to “…”")
  const opensPara = sentences[first - 1]?.paragraph !== pi;
  const near = (s: { paragraph: number }) => s.paragraph === pi || quoteLed(ctx.doc, pi) || (opensPara && s.paragraph === pi - 1);
  if (prev && near(prev) && personSubject(afterRule(text.slice(prev.start, prev.end)), speakers, surnamesInFull(ctx))) return 'speaker';
  // the sentence before, in the reporter's words, has a person the article names in full think, hope or judge
  // something ("… what Costin hopes will be a return", "Valastro praised the mayor's record"): the quote gives their view
  if (prev && near(prev) && personViews(outside(ctx, pk, quotes), nameParts(ctx))) return 'speaker';
  if (!quoteLed(ctx.doc, pi)) return null;
  // a quoted paragraph after a speaker's paragraph and up to two of the reporter's that name nobody else
  if (text.slice(paragraphs[pi]!.start, q.start).length <= 2 && carried(ctx, pi, sources, sourcedParas, speakers, quotes)) return 'speaker';
  for (let p = pi - 1, n = 0; p >= 0 && n < 12; p--, n++) {
    // a crosshead ("Trouble") or an interlude of a few words ("Silence.") inside a run of quoted paragraphs does not end the run
    if (crosshead(ctx, p) || interlude(ctx, p)) continue;
    const pt = text.slice(paragraphs[p]!.start, paragraphs[p]!.end);
    if (sourcedParas.has(p) || REPORTING.test(pt.replace(/["“][^"“”]*["”]|'[^']*'(?!\w)/g, ' '))) return 'speaker';
    // a list of quotations introduced by a colon ("Among his remarks:")
    if (/:\s*$/.test(pt)) return 'speaker';
    // a paragraph inside a quote left open above it (its marks were lost) continues the run
    const prior = paragraphs[p - 1];
    const open = prior ? leftOpen(text.slice(prior.start, prior.end)) : false;
    if (!quoteLed(ctx.doc, p) && !open) return null;
  }
  return null;
}

/** Titles that make the next capitalised word a person's name ("Dr Roe", "Professor Holm"). */
const NAME_TITLE = new RegExp(
  `\\b(?:${[...COURTESY_TITLES, 'prof', 'professor', ...HONOUR_TITLES, 'judge', 'mayor', 'senator', 'councillor'].map((w) => w[0]!.toUpperCase() + w.slice(1)).join('|')})\\.?\\s+(\\p{Lu}\\p{Ll}[\\p{L}'’-]*)`,
  'gu',
);

/**
 * The people a passage of the reporter's words names, by surname (lower case): the last word of a run of two
 * capitalised words or more that is a name rather than an ordinary word, or that a known first name opens ("Dana
 * Holm" gives "holm", "Bunya Mountains" and "Deakin University" nothing), a capitalised word after a title ("Dr Roe"), and any word the article
 * credits with speech elsewhere (`speakers`: "Roe labelled the samples" gives "roe").
 */
export function namedPeople(words: string, speakers: Set<string>): Set<string> {
  const out = new Set<string>();
  for (const m of words.matchAll(/(?<![\p{L}'’-])\p{Lu}\p{Ll}[\p{L}'’-]*(?:\s+(?:\p{Lu}\.\s+)?\p{Lu}\p{Ll}[\p{L}'’-]*)+/gu)) {
    const ws = m[0].split(/\s+/).filter((w) => !/^\p{Lu}\.$/u.test(w) && !NOT_A_NAME.test(w.toLowerCase()));
    const last = ws[ws.length - 1]?.toLowerCase().replace(/['’]s$/, '');
    if (ws.length >= 2 && last && (!isOrdinaryWord(last) || isKnownName(last) || isKnownName(ws[0]!.toLowerCase()))) out.add(last);
  }
  for (const m of words.matchAll(NAME_TITLE)) out.add(m[1]!.toLowerCase().replace(/['’]s$/, ''));
  for (const m of words.matchAll(/(?<![\p{L}'’-])\p{Lu}\p{Ll}[\p{L}'’-]*/gu)) {
    const w = m[0].toLowerCase().replace(/['’]s$/, '');
    if (speakers.has(w)) out.add(w);
  }
  return out;
}

/**
 * Does the speaker of a paragraph above carry to the quoted paragraph `pi`? Read back over at most three
 * paragraphs (crossheads skipped): a paragraph crediting someone with speech ends the search, and carries its
 * speaker when that speaker is named (not "Experts say") and the people it names are that speaker's (one person,
 * when the credit is a reporting verb after a quote); a paragraph of the reporter's words that names people
 * carries when it names one person only, someone the article credits with speech ("Roe labelled the samples");
 * a paragraph that names nobody ("The answer is to cut it in wedges.", "What she found was …") is passed over.
 * A paragraph naming anyone else, or with someone unnamed acting in it ("A man was arrested …"), or none of these
 * within reach, carries nothing.
 */
function carried(ctx: RuleContext, pi: number, sources: Map<number, Attribution[]>, sourcedParas: Set<number>, speakers: Set<string>, quotes: TextSpan[]): boolean {
  const { paragraphs } = ctx.doc;
  for (let p = pi - 1, n = 0; p >= 0 && n < 3; p--) {
    if (crosshead(ctx, p)) continue;
    n++;
    const here = sources.get(p);
    // a paragraph of the reporter's words led by "This" or "That" ("This was the start of …") goes on with the
    // reported speech above it: the people it names are the speaker's subject, not another speaker
    if (!here && !sourcedParas.has(p) && /^\s*(?:This|That|These|Those)\s+(?!\p{Lu})/u.test(afterRule(ctx.doc.text.slice(paragraphs[p]!.start, paragraphs[p]!.end)))) continue;
    // the one told ("the judge told Jo Bloggs that …") is spoken to, not a speaker
    const names = namedPeople(reporterWords(ctx, paragraphs[p]!.start, paragraphs[p]!.end, quotes).replace(TOLD_WHOM, (m) => ' '.repeat(m.length)), speakers);
    if (here) {
      const credited = new Set<string>();
      for (const a of here) for (const w of lastNames(speakerName(a))) credited.add(w);
      // two speakers in one paragraph: whose words follow is not known
      const who = new Set(here.map((a) => [...lastNames(speakerName(a))].pop() ?? (a.source?.text.toLowerCase() ?? '')));
      // a vague or unnamed source ("Experts say", "officials said") carries no one's words; one person by a
      // role ("the judge", "the coroner") does
      const named = here.some((a) => {
        const n = speakerName(a) ?? '';
        return namedPeople(n, speakers).size > 0 || [...lastNames(n)].some((w) => speakers.has(w)) || ONE_ROLE.test(a.source?.text ?? '');
      });
      return named && who.size === 1 && [...names].every((w) => credited.has(w));
    }
    // a paragraph whose quote this rule credited (a reporting verb after it): its speaker is the one person it names
    if (sourcedParas.has(p)) return names.size === 1;
    if (names.size > 0) return names.size === 1 && speakers.has([...names][0]!);
    // someone unnamed acts in it ("A man was arrested …", "Police closed the road"): the quote may be theirs
    if (ctx.doc.sentences.some((x) => x.paragraph === p && actorLed(ctx.doc.text.slice(x.start, x.end)))) return false;
  }
  return false;
}

/** "told" and the name of the one told: "told Jo Bloggs", "told Mr Roe". */
const TOLD_WHOM = /\btold\s+(?:(?:Mr|Mrs|Ms|Miss|Dr)\.?\s+)?\p{Lu}[\p{L}'’-]*(?:\s+\p{Lu}[\p{L}'’-]*){0,2}/gu;

/** One person named by a role with "the" ("the judge", "The coroner"): a speaker, where "officials" is not. */
const ONE_ROLE = /^[Tt]he\s+(?:judge|coroner|magistrate|recorder|prosecutor|chairman|chairwoman|chair|witness|defendant|minister|mayor|spokesman|spokeswoman|officer|inspector|detective|doctor|surgeon|pathologist|barrister|solicitor|president|governor|senator|manager|captain|coach)$/;

/** People named by a common noun: a quote after a sentence about one of them may be theirs. */
const PERSON_NOUNS = /^(?:man|men|woman|women|boy|boys|girl|girls|person|child|children|couple|crew|crews|staff|employees|members|sailors|fishermen|miners|nurses|doctors|teachers|players|driver|drivers|resident|residents|neighbour|neighbours|neighbor|neighbors|passenger|passengers|pedestrian|customer|customers|fan|fans|pupil|pupils|student|students|parent|parents|mother|father|son|daughter|wife|husband|crowd|protesters|pickets|farmer|farmers|worker|voter|voters|victim|victims|suspect)$/;

/** Does the sentence have a person named by a role or common noun among its first four words ("A man was …", "Police said …")? */
function actorLed(sentence: string): boolean {
  return sentence
    .split(/\s+/)
    .slice(0, 4)
    .some((w) => {
      const x = w.toLowerCase().replace(/[^\p{L}]/gu, '');
      return ROLE_NOUNS.has(x) || PERSON_NOUNS.test(x);
    });
}

/** Words a title holds in lower case: articles, short prepositions and conjunctions, forms of "be". */
const TITLE_SMALL = /^(?:a|an|the|and|or|but|nor|of|in|on|at|to|for|by|with|from|as|is|are|be|vs|via|into|onto|over|up|out|off|per|than)$/;

/**
 * A title or name in title case (“Tides of the Quay”, “Orange is the New Harbour”): two to eight words, the
 * first and last capitalised and every other one capitalised or a small word, no sentence punctuation inside.
 */
export function titleCase(words: string): boolean {
  const t = words.replace(/[,]\s*$/, '').trim();
  if (/[.!?;:…]/.test(t)) return false;
  const ws = t.split(/\s+/).filter(Boolean);
  if (ws.length < 2 || ws.length > 8) return false;
  const cap = (w: string) => /^[\p{Lu}\p{N}]/u.test(w.replace(/^[‘'"“(]+/, ''));
  if (!cap(ws[0]!) || !cap(ws[ws.length - 1]!)) return false;
  return ws.every((w) => cap(w) || TITLE_SMALL.test(w.toLowerCase()));
}

/** A signature line: a name of two or three capitalised words, then a comma or the line's end ("-Jo Bloggs, Fairhaven."). */
export function signature(line: string): boolean {
  const l = line.trim().replace(/^[-—–―~]\s*/, '');
  if (!l || l.split(/\s+/).length > 12) return false;
  return /^(?:(?:Mr|Mrs|Ms|Dr|Sen|Rep|Gov|President|Senator|Governor|Mayor|Professor|Prof|Sir|Dame|Lord|Lady)\.?\s+)?\p{Lu}[\p{L}'’.-]*(?:\s+\p{Lu}\.)?(?:\s+\p{Lu}[\p{L}'’-]+){1,2}\s*(?:,|[.]?\s*$)/u.test(l);
}

/** Speech nouns a possessive credits ("his claim that", "the senator's warning:"). */
const REMARK = /(?:\b(?:his|her|their|its)|\p{Lu}[\p{L}.-]*['’]s?)\s+(?:\S+\s+)?(?:remarks?|comments?|claims?|statements?|words|assertions?|quips?|warnings?|promises?|pledges?|vows?|boasts?|declarations?|insistence|description|questions?|tweets?|posts?|message|slogan|mantra|refrain|catchphrase)\s*(?:that|:|,)?\s*$/u;
/** A document as the sentence's subject ("The leaflet attacks …", "His letter asks …"). */
const DOCUMENT_SUBJECT = /^(?:The|This|That|Its|His|Her|Their|A|An|One)\s+(?:\S+\s+){0,2}(?:ad|advert|advertisement|commercial|statement|letter|report|editorial|release|memo|e-?mail|tweet|post|video|flyer|leaflet|mailer|petition|sign|banner|speech|message|note|manifesto|platform|resolution|ruling|lawsuit|complaint|filing|indictment)s?\b/;
/** A document credited inside the sentence ("a letter issued by the council", "a petition signed by 40 MPs"). */
const DOCUMENT_CREDIT = /\b(?:statement|release|letter|report|memo|e-?mail|post|tweet|editorial|ad|advert|video|petition|message|note)s?\s+(?:\S+\s+)?(?:released|issued|put out|published|posted|sent|signed|written|read out)\s+by\s+\S/i;

/** Does the reporter's sentence around an embedded quote credit it: a document as subject, a possessive remark, a document issued by someone? */
function creditInLead(ctx: RuleContext, q: Span): boolean {
  const s = ctx.doc.sentences.find((x) => x.start <= q.start && q.start < x.end);
  if (!s) return false;
  const lead = ctx.doc.text.slice(s.start, q.start).replace(/[“"‘'`]+\s*$/, '').trimEnd();
  return REMARK.test(lead) || DOCUMENT_SUBJECT.test(lead) || DOCUMENT_CREDIT.test(lead);
}

/** A short paragraph of one to three words ending a sentence ("Silence.", "She laughs."): an interlude in a run of quotes. */
function interlude(ctx: RuleContext, p: number): boolean {
  const para = ctx.doc.paragraphs[p];
  if (!para) return false;
  const t = ctx.doc.text.slice(para.start, para.end).trim();
  return /^\p{Lu}[^"“”‘’]*[.!]$/u.test(t) && t.split(/\s+/).length <= 3;
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

/** Capitalised words that open sentences and credits without naming anyone. */
const NOT_A_NAME = /^(?:the|a|an|this|that|these|those|his|her|their|its|our|my|your|mr|mrs|ms|miss|dr|sen|rep|gov|president|it|he|she|they|we|i|you|who|in|on|at|but|and|so|as|after|when|while)$/;

/** A paragraph or sentence opening with the number of a point in a list: "Firstly,", "Secondly,", "Finally,". */
const ORDINAL_POINT = /^\s*(?:Firstly|Secondly|Thirdly|Fourthly|Fifthly|Sixthly|Lastly|Finally|First|Second|Third|Fourth|Fifth)\s*,/;

/**
 * The text after a wire story's slug and rule lines (a line of dashes or equals signs), which the paragraphing
 * joins to the first paragraph of agency copy: "11:43 16/07/99: Page 6 … \n -----\nJo Bloggs, …" gives "Jo Bloggs, …".
 */
export function afterRule(t: string): string {
  const m = /^[\s\S]*\n[ \t]*[-=_*]{5,}[ \t]*\r?\n/.exec(t);
  return m ? t.slice(m[0].length) : t;
}

/**
 * A sentence whose subject (in its first eight words) is a person: a title, a pronoun, a role or a two-word name;
 * a surname of someone the article names in full (`surnames`) opening it ("Holm, who …, was pleased"); or a
 * noun phrase with a named person in apposition ("One of the club's founders, Jo Bloggs, had other ideas").
 */
export function personSubject(sentence: string, speakers: Set<string> = new Set(), surnames: Set<string> = new Set()): boolean {
  const words = sentence.split(/\s+/);
  // a name the article credits elsewhere ("Kell is upbeat about …" after "Kell notes")
  const lead = words[0]?.replace(/['’]s$|[^\p{L}'’-]/gu, '').toLowerCase();
  if (lead && /^\p{Lu}/u.test(words[0]!) && !NOT_A_NAME.test(lead) && speakers.has(lead)) return true;
  // a surname of someone named in full, as the subject: the name then a comma or a verb in the past or present
  if (lead && /^\p{Lu}\p{Ll}/u.test(words[0]!) && !NOT_A_NAME.test(lead) && surnames.has(lead) && /^\S+(?:,|\s+(?:was|is|has|had|\p{Ll}+ed|\p{Ll}+s)\b)/u.test(sentence)) return true;
  // apposition: a noun phrase, a comma, then words of role ending on a name of two capitalised words and a comma
  if (/^[^,.;:!?“”"]{3,60},\s+[^,.;:!?“”"]{0,60}?(?<![\p{L}'’-])\p{Lu}\p{Ll}+\s+(?:\p{Lu}\.\s+)?\p{Lu}\p{Ll}[\p{L}'’-]*\s*,/u.test(sentence)) return true;
  const head = words.slice(0, 8).join(' ');
  if (words.slice(0, 4).some((w) => ROLE_NOUNS.has(w.toLowerCase().replace(/[^\p{L}]/gu, '')) || /^organis(?:er|ers)$/i.test(w))) return true;
  return PERSON_TITLE.test(head) || /^(?:\S+\s+){0,3}\p{Lu}\p{Ll}+\s+(?:\p{Lu}\.\s+)?\p{Lu}\p{Ll}+/u.test(head);
}

/** Verbs of a person's view or feeling, in the present or past: the quote after a sentence with one is that person's. */
const VIEW_VERB = /^(?:hopes|hoped|believes|believed|thinks|thought|feels|felt|fears|feared|wants|wanted|expects|expected|knows|knew|wishes|wished|accepts|accepted|praises|praised|criticises|criticised|criticizes|criticized|blames|blamed|credits|credited|welcomes|welcomed|regrets|regretted|doubts|doubted|reckons|reckoned)$/;

/**
 * Does the sentence (the reporter's words) have a person think, feel or judge something: a first name or surname of
 * someone the article names in full ("Jo Bloggs"), or "he"/"she", followed by a verb of view or feeling?
 */
export function personViews(sentence: string, parts: Set<string>): boolean {
  for (const m of sentence.matchAll(/(?<![\p{L}'’-])(\p{Lu}\p{Ll}[\p{L}'’-]*|[Hh]e|[Ss]he)\s+(\p{Ll}+)\b/gu)) {
    const w = m[1]!.toLowerCase();
    if (!VIEW_VERB.test(m[2]!)) continue;
    if (w === 'he' || w === 'she' || (!NOT_A_NAME.test(w) && parts.has(w))) return true;
  }
  return false;
}

/** The first names and surnames of the people the article names in full (two capitalised words: "Jo Bloggs" gives "jo", "bloggs"). */
const NAME_PARTS = new WeakMap<object, Set<string>>();
function nameParts(ctx: RuleContext): Set<string> {
  const known = NAME_PARTS.get(ctx.doc);
  if (known) return known;
  const out = new Set<string>();
  NAME_PARTS.set(ctx.doc, out);
  for (const m of ctx.doc.text.matchAll(/(?<![\p{L}'’-])(\p{Lu}\p{Ll}+)\s+(\p{Lu}\p{Ll}[\p{L}'’-]*)/gu)) {
    const a = m[1]!.toLowerCase();
    if (NOT_A_NAME.test(a)) continue;
    out.add(a);
    out.add(m[2]!.toLowerCase());
  }
  return out;
}

/** The surnames of the people the article names in full (the second of two capitalised words: "Dana Holm" gives "holm"). */
const SURNAMES = new WeakMap<object, Set<string>>();
function surnamesInFull(ctx: RuleContext): Set<string> {
  let out = SURNAMES.get(ctx.doc);
  if (out) return out;
  out = new Set();
  SURNAMES.set(ctx.doc, out);
  for (const m of ctx.doc.text.matchAll(/(?<![\p{L}'’-])(\p{Lu}\p{Ll}+)\s+(\p{Lu}\p{Ll}[\p{L}'’-]*)/gu)) if (!NOT_A_NAME.test(m[1]!.toLowerCase())) out.add(m[2]!.toLowerCase());
  return out;
}

/**
 * A speaker label: the words opening a line before a quotation, with no verb and no sentence punctuation, ending on
 * a name of two capitalised words or more ("- Harbour boss Jo Bloggs", "Ferry union organiser Tomas Reyle"), after
 * a dash or bullet or at most four words of role.
 */
export function speakerLabel(lead: string): boolean {
  const t = lead.replace(/[“"‘'`]+\s*$/, '').trim();
  if (!t || /[.!?;:,()\[\]"“”]/.test(t)) return false;
  const m = /^(?:[-–—•*~]\s*)?((?:[\p{L}'’-]+\s+){0,4}?)(\p{Lu}\p{Ll}[\p{L}'’-]*(?:\s+\p{Lu}\.)?(?:\s+\p{Lu}\p{Ll}[\p{L}'’-]*){1,2})$/u.exec(t);
  if (!m) return false;
  // the role words are nouns and modifiers, not a verb of the reporter's sentence ("Crews met Jo Bloggs")
  const role = m[1]!.trim().split(/\s+/).filter(Boolean);
  return role.every((w) => /^\p{Lu}/u.test(w) || ROLE_NOUNS.has(w.toLowerCase()) || /^(?:boss|manager|coach|captain|skipper|chairman|organiser|organizer|head|the|of|club|team|former|assistant|interim|caretaker)$/i.test(w));
}
