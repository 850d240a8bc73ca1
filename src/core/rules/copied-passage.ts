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
import { alignment, pairEvidenceFilter, restatedSentences, splitMasked, type Passage } from '../align';
import { quotedTokens } from '../quoting';
import { finding, ruleInfo } from './catalogue';
import { sourceLabel } from '../source-label';
import type { Rule, RuleContext } from '../rule';
import type { Finding, Fix } from '../types';
import { escapeRegExp, type TextModel } from '../text';

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


/**
 * A paragraph break: a blank line, a line indented as agency copy indents paragraphs, or a line break after a
 * sentence's end before a capital (one story per line). A hard-wrapped Markdown paragraph breaks only where a
 * wrapped line happens to end a sentence: a fix is then not offered, never made wrong.
 */
const PARAGRAPH_BREAK = /\n[^\S\n]*\n|\n(?=[\t ]+\S)|(?<=[.!?"”’'])[^\S\n]*\n(?=["“‘']?[A-Z0-9])/g;

/** The paragraph around [start, end): from the end of the break before it to the start of the break after it; undefined when a break lies inside. */
function paragraphOf(text: string, start: number, end: number): { from: number; to: number } | undefined {
  let from = 0;
  let to = text.length;
  for (const m of text.matchAll(PARAGRAPH_BREAK)) {
    const k = m.index!;
    if (k + m[0].length <= start) from = k + m[0].length;
    else if (k >= end) {
      to = k;
      break;
    } else if (k < end && k + m[0].length > start) return undefined;
  }
  return { from, to };
}

/**
 * Where the sentence holding offset `at` ends inside its paragraph: the offset of its closing `.`, `!` or `?`,
 * and whether a closing quotation mark stands at it (`.”` or `”.`); undefined when the paragraph ends first.
 */
function sentenceEnd(text: string, at: number, to: number): { at: number; quoted: boolean } | undefined {
  const m = /[.!?](?=["”’']?(?:\s|$))/.exec(text.slice(at, to));
  if (!m) return undefined;
  const k = at + m.index;
  return { at: k, quoted: /["”’']/.test(text[k - 1] ?? '') || /["”’']/.test(text[k + 1] ?? '') };
}

/** Does a sentence start at `start` (after its paragraph's start or a closing `.`, `!`, `?`, and any opening mark)? */
function startsSentence(text: string, start: number, from: number): boolean {
  const before = text.slice(from, start).replace(/["“‘'(\s]+$/, '');
  return before === '' || /[.!?]["”’')]?$/.test(before);
}

/** The source's credit as fixes write it and as the rule reads it: its outlet, author or title. */
function creditOf(ctx: RuleContext, p: Passage): string | undefined {
  const m = ctx.index.docs[p.doc]!.meta;
  return m.outlet ?? m.author ?? m.title;
}

/**
 * The passage's words in paragraphs that credit its source (1 per token of the article; undefined when none): a
 * sentence of the paragraph ends "according to <credit>." (as the fixes below leave it). Like attributed
 * quotations, they are not unattributed copying; a credit covers its paragraph, not the ones around it.
 */
function creditedMask(doc: TextModel, p: Passage, who: string | undefined): Uint8Array | undefined {
  const text = doc.text;
  if (!who || !text.includes(`according to ${who}`)) return undefined;
  const credit = new RegExp(`\\baccording to ${escapeRegExp(who)}["”’']?[.!?]`);
  let mask: Uint8Array | undefined;
  let k = p.aTok[0];
  while (k < p.aTok[1]) {
    const { from, to } = paragraphOf(text, doc.tokens[k]!.start, doc.tokens[k]!.end)!; // a word holds no break
    let next = k;
    while (next < p.aTok[1] && doc.tokens[next]!.start < to) next++;
    if (credit.test(text.slice(from, to))) {
      mask ??= new Uint8Array(doc.tokens.length);
      mask.fill(1, k, next);
    }
    k = Math.max(next, k + 1);
  }
  return mask;
}

/**
 * A paragraph crediting the source is not unattributed copying: the passage cut at such paragraphs into the
 * stretches before and after them, each re-graded on both sides with the credited and quoted words matching
 * nothing (so a copy that runs on into an uncredited paragraph is still reported, there).
 */
function uncreditedPieces(ctx: RuleContext, p: Passage, quoted: Uint8Array): Passage[] {
  const credited = creditedMask(ctx.doc, p, creditOf(ctx, p));
  if (!credited) return [p];
  return splitMasked(ctx.doc, ctx.index, p, credited, Uint8Array.from(quoted, (q, k) => q | credited[k]!));
}

/**
 * The passage's fix, credited to the source. Whole sentences of one paragraph become a quotation —
 * “…,” according to Outlet. — with double marks inside turned single; a passage that starts or ends inside a
 * sentence keeps its words and its sentence gets the credit: “…, according to Outlet.” None when the passage
 * runs over paragraphs, sits inside quotation marks already, or its sentence ends in a quotation or a question.
 */
function creditFix(ctx: RuleContext, p: Passage): Fix | null {
  const who = creditOf(ctx, p);
  if (!who) return null;
  const text = ctx.doc.text;
  const para = paragraphOf(text, p.a.start, p.a.end);
  if (!para) return null;
  const { from, to } = para;
  // already inside quotation marks: a quotation to attribute (unattributed-quote), not to quote again
  if (/["“”‘’'«»]/.test(text[p.a.start - 1] ?? '') || /^[.!?,;]?["”’'»]/.test(text.slice(p.a.end, p.a.end + 2))) return null;
  const end = sentenceEnd(text, p.a.end, to);
  if (!end || end.quoted || text[end.at] !== '.' || /\baccording to\b/i.test(text.slice(p.a.end, end.at))) return null;
  const inner = text.slice(p.a.start, p.a.end);
  if (startsSentence(text, p.a.start, from) && end.at === p.a.end && !/[«»]/.test(inner)) {
    const edits = [{ start: p.a.start, end: p.a.start, newText: '“' }];
    // a quotation inside the quotation takes single marks
    for (const m of inner.matchAll(/["“”]/g)) {
      const k = p.a.start + m.index!;
      const opens = m[0] === '“' || (m[0] === '"' && (k === 0 || /[\s(\[—–-]/.test(text[k - 1]!)));
      edits.push({ start: k, end: k + 1, newText: opens ? '‘' : '’' });
    }
    edits.push({ start: p.a.end, end: p.a.end + 1, newText: `,” according to ${who}.` });
    return { title: `Quote it and credit ${who}`, edits };
  }
  return { title: `Credit ${who}`, edits: [{ start: end.at, end: end.at + 1, newText: `, according to ${who}.` }] };
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
    for (const { kept, also } of selectPassages(passages)) {
      for (const p of uncreditedPieces(ctx, kept, quoted)) {
        // quoting is not copying: words inside attributed quotations do not count
        let quotedWords = 0;
        for (let k = p.aTok[0]; k < p.aTok[1]; k++) quotedWords += quoted[k]!;
        if (p.words - quotedWords < ctx.settings.minWords) continue;
        const d = ctx.index.docs[p.doc]!;
        const pct = Math.round(p.similarity * 100);
        const fix = creditFix(ctx, p);
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
    }
    return out;
  },
};
