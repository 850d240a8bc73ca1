/**
 * unattributed-quote: a direct quote (not a scare quote, not in a headline) with no speaker in its
 * sentence, its paragraph or the paragraph before. When a reference has the same quote with a
 * speaker, the fix inserts the speaker: “…,” Karoline Leavitt said.
 */
import { attributions, quoteMatches, referenceHoldingText, type QuoteMatch } from '../attribution/analysis';
import { appendAttribution, midSentence } from '../attribution/fixes';
import { speakerName } from '../attribution/types';
import { ruleInfo } from './catalogue';
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
    const candidates = all.filter((a) => a.kind === 'direct' && !a.source && !a.scare && !a.headline && !sourcedParas.has(a.paragraph) && !sourcedParas.has(a.paragraph - 1));
    if (candidates.length === 0) return out;
    const matches = ctx.use(quoteMatches);
    for (const a of candidates) {
      const q = a.quotes[0] ?? a.content;
      const c = creditFor(ctx, matches.find((x) => x.attribution === a)?.ref, q);
      const f: Finding = {
        rule: 'unattributed-quote',
        severity: 'warning',
        message: !c
          ? 'Quote with no speaker: say who said it'
          : c.quoted
            ? `Quote with no speaker; ${sourceLabel(ctx.index, c.doc)} attributes it to ${c.speaker}`
            : `Quote with no speaker; the words are from ${sourceLabel(ctx.index, c.doc)}`,
        start: q.start,
        end: q.end,
        text: q.text,
      };
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
  const speaker = r && (r.comparison.identical || r.comparison.fragment || r.comparison.containment >= 0.8) ? speakerName(r.attribution) : null;
  if (speaker && r) return { speaker, doc: r.doc, start: r.quote.start, end: r.quote.end, text: r.quote.text, context: r.context.text, quoted: true };
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
