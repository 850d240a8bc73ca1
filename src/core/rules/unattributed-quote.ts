/**
 * unattributed-quote: a direct quote (not a scare quote, not in a headline) with no speaker in its
 * sentence, its paragraph or the paragraph before. When a reference has the same quote with a
 * speaker, the fix inserts the speaker: “…,” Karoline Leavitt said.
 */
import { attributions, quoteMatches } from '../attribution/analysis';
import { appendAttribution, midSentence } from '../attribution/fixes';
import { speakerName } from '../attribution/types';
import type { Rule } from '../rule';
import type { Finding, Fix } from '../types';
import { sourceLabel } from './copied-passage';

export const unattributedQuote: Rule = {
  id: 'unattributed-quote',
  defaultSeverity: 'warning',
  description: 'A direct quote with no speaker in its sentence, paragraph or the paragraph before.',
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
      const m = matches.find((x) => x.attribution === a);
      const r = m?.ref;
      const speaker = r && (r.comparison.identical || r.comparison.fragment || r.comparison.containment >= 0.8) ? speakerName(r.attribution) : null;
      const f: Finding = {
        rule: 'unattributed-quote',
        severity: 'warning',
        message: speaker
          ? `Quote with no speaker; ${sourceLabel(ctx.index, r!.doc)} attributes it to ${speaker}`
          : 'Quote with no speaker: say who said it',
        start: q.start,
        end: q.end,
        text: q.text,
      };
      if (speaker && r) {
        const d = ctx.index.docs[r.doc]!;
        f.source = { id: d.id, path: d.path, start: r.quote.start, end: r.quote.end, text: r.quote.text };
        f.data = { speaker, referenceSentence: r.context.text, sourceMeta: d.meta };
        const sent = ctx.doc.sentences.find((x) => x.start <= q.end - 1 && q.end <= x.end) ?? ctx.doc.sentences[a.sentence]!;
        // only when the quote closes its sentence: “…,” Name said.
        const rest = ctx.doc.text.slice(q.end, sent.end);
        if (/^[.,!?…]?[”"’'»]?[.]?\s*$/.test(rest)) {
          const edits = appendAttribution(ctx.doc.text, sent.start, sent.end, `${midSentence(speaker)} said`);
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
