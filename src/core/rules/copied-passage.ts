/**
 * copied-passage: verbatim, near-verbatim and close-paraphrase reuse of a reference passage.
 * Where passages from several references cover the same article text, the strongest one is
 * reported and the others are listed in `data.alsoIn`. Words inside direct quotations that the
 * article attributes to a speaker are quoting, not copying: they neither make nor count towards a passage.
 * A passage shorter than 40 words (or than 30 % of a short article) is reported only when all the passages
 * of its source together share 4 words of substance outside quotations both texts have (a word only
 * in 3-grams that 24 or more references contain is the set's stock phrasing, and an initial or any word of
 * a list of names (a line-up: three quarters of a sentence's words capitalised) is part of a name: neither counts), and a source whose passages are all that short must name someone or something
 * the article names (a few short runs shared with a story about other people are the trade's phrasing);
 * in a set of 20 or more references, a source whose shared phrases are mostly held by unrelated references
 * too (the subject's vocabulary: an inquiry's, a law's name) must share some that few others hold;
 * a passage mostly quoted by both texts is a shared quotation, not copying.
 * With `pairLooseRun` set (off by default: it costs METER recall), in such a set a source sharing no run of
 * 10 words and few phrases with the article, and holding little of its vocabulary, is another story of the same kind.
 * With `restateWindow` set (off by default), beside the passages kept, an article sentence half of whose content stems stand in three consecutive
 * sentences of a source it copies from is reported as restating them.
 */
import { alignment, pairEvidenceFilter, restatedSentences, type Passage } from '../align';
import { quotedTokens } from '../quoting';
import { finding, ruleInfo } from './catalogue';
import { sourceLabel } from '../source-label';
import type { Rule, RuleContext } from '../rule';
import type { Finding, Fix } from '../types';

const LEVEL_WORDS = { verbatim: 'verbatim', 'near-verbatim': 'near-verbatim', paraphrase: 'close paraphrase' } as const;

function strength(p: Passage): number {
  return p.words * (0.5 + p.similarity);
}

/** Strongest passages first; a passage that mostly overlaps a stronger one (any document) is folded into it. */
export function selectPassages(passages: Passage[]): { kept: Passage; also: Passage[] }[] {
  const sorted = [...passages].sort((x, y) => strength(y) - strength(x) || x.a.start - y.a.start);
  const kept: { kept: Passage; also: Passage[] }[] = [];
  for (const p of sorted) {
    let folded = false;
    for (const k of kept) {
      const ov = Math.min(p.aTok[1], k.kept.aTok[1]) - Math.max(p.aTok[0], k.kept.aTok[0]);
      if (ov > 0.5 * (p.aTok[1] - p.aTok[0])) {
        if (p.doc !== k.kept.doc && !k.also.some((x) => x.doc === p.doc)) k.also.push(p);
        folded = true;
        break;
      }
    }
    if (!folded) kept.push({ kept: p, also: [] });
  }
  return kept.sort((x, y) => x.kept.a.start - y.kept.a.start);
}


/** Turn the passage into a quotation credited to the source: “…,” according to Outlet. */
function quoteFix(ctx: RuleContext, p: Passage): Fix | null {
  const d = ctx.index.docs[p.doc]!;
  const who = d.meta.outlet ?? d.meta.author ?? d.meta.title;
  if (!who) return null;
  const text = ctx.doc.text;
  // already inside quotation marks: a quotation to attribute (unattributed-quote), not to quote again
  if (/["“”‘’'«»]/.test(text[p.a.start - 1] ?? '') || /^[.!?,;]?["”’'»]/.test(text.slice(p.a.end, p.a.end + 2))) return null;
  const after = text.slice(p.a.end, p.a.end + 1);
  if (/[.!?]/.test(after)) {
    const closing = after === '.' ? `,” according to ${who}.` : `${after}” according to ${who}.`;
    return {
      title: `Quote it and credit ${who}`,
      edits: [
        { start: p.a.start, end: p.a.start, newText: '“' },
        { start: p.a.end, end: p.a.end + 1, newText: closing },
      ],
    };
  }
  return {
    title: `Quote it and credit ${who}`,
    edits: [
      { start: p.a.start, end: p.a.start, newText: '“' },
      { start: p.a.end, end: p.a.end, newText: `” (${who})` },
    ],
  };
}

export const copiedPassage: Rule = {
  ...ruleInfo('copied-passage'),
  run(ctx) {
    const out: Finding[] = [];
    const quoted = ctx.use(quotedTokens);
    // a short passage is reported only when its source shows reuse beyond it (pairEvidenceFilter);
    // beside them, sentences that restate a source the article copies from (restatedSentences)
    const kept = pairEvidenceFilter(ctx.use(alignment), ctx.doc, ctx.index, { quoted }, ctx.aligner);
    const passages = restatedSentences(kept, ctx.doc, ctx.index, { quoted });
    for (const { kept: p, also } of selectPassages(passages)) {
      // quoting is not copying: words inside attributed quotations do not count
      let quotedWords = 0;
      for (let k = p.aTok[0]; k < p.aTok[1]; k++) quotedWords += quoted[k]!;
      if (p.words - quotedWords < ctx.settings.minWords) continue;
      const d = ctx.index.docs[p.doc]!;
      const pct = Math.round(p.similarity * 100);
      const fix = quoteFix(ctx, p);
      out.push(finding('copied-passage', {
        message:
          `${p.words} words ${p.level === 'verbatim' ? 'copied verbatim' : `copied (${LEVEL_WORDS[p.level]}, ${pct}% same words)`}` +
          ` from ${sourceLabel(ctx.index, p.doc)}` +
          (also.length ? ` (also in ${also.length} other source${also.length > 1 ? 's' : ''})` : ''),
        start: p.a.start,
        end: p.a.end,
        text: ctx.doc.text.slice(p.a.start, p.a.end),
        match: p.level,
        similarity: p.similarity,
        source: { id: d.id, path: d.path, start: p.b.start, end: p.b.end, text: d.text.slice(p.b.start, p.b.end) },
        ...(fix ? { fixes: [fix] } : {}),
        data: {
          words: p.words,
          quotedWords,
          sourceMeta: d.meta,
          alsoIn: also.map((x) => ({ id: ctx.index.docs[x.doc]!.id, start: x.b.start, end: x.b.end, similarity: x.similarity })),
        },
      }));
    }
    return out;
  },
};
