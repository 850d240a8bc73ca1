/**
 * Quoting is not copying. The article's attributions, the spans of its attributed direct quotes, and
 * the per-token mask of words inside them: the aligner neither starts nor ends a passage on them,
 * and copied-passage and originality do not count them.
 *
 * Kept apart from attribution/analysis.ts (which uses the alignment) so that the alignment can use
 * these without an import cycle.
 */
import { extractAttributions } from './attribution/extract';
import type { Attribution } from './attribution/types';
import type { Analysis } from './rule';
import type { Span } from './text';

/** Every attribution of the checked article. */
export const attributions: Analysis<Attribution[]> = (ctx) => extractAttributions(ctx.doc, ctx.cueMemo);

/** Article spans (the words between the marks) of direct and mixed quotes that have a speaker. */
export const attributedQuoteSpans: Analysis<Span[]> = (ctx) => {
  const out: Span[] = [];
  for (const a of ctx.use(attributions)) {
    if (!a.source || a.kind === 'indirect') continue;
    for (const q of a.quotes) out.push({ start: q.start, end: q.end });
  }
  return out.sort((x, y) => x.start - y.start);
};

/** 1 for each article token inside a direct quotation that the article attributes to a speaker. */
export const quotedTokens: Analysis<Uint8Array> = (ctx) => {
  const tokens = ctx.doc.tokens;
  const out = new Uint8Array(tokens.length);
  let k = 0;
  for (const q of ctx.use(attributedQuoteSpans)) {
    while (k < tokens.length && tokens[k]!.end <= q.start) k++;
    for (let i = k; i < tokens.length && tokens[i]!.start < q.end; i++) if (tokens[i]!.start >= q.start) out[i] = 1;
  }
  return out;
};
