/**
 * misquote: words in quotation marks that match a reference quote approximately but not exactly
 * (changed, dropped or added words; a changed speaker; an ellipsis hiding a change of meaning).
 * Spelling variants (colour/color) and faithful ellipses are at most info; a quote found in no
 * reference is info.
 */
import { describeDiff } from '../attribution/compare';
import { alignment } from '../align';
import { candidateDocs, candidateDocScores, lastNames, quoteMatches, referenceHoldingText, sentenceRange, type QuoteMatch } from '../attribution/analysis';
import { speakerName } from '../attribution/types';
import type { Analysis, Rule, RuleContext } from '../rule';
import { ruleInfo } from './catalogue';
import type { Finding, Fix, Severity } from '../types';
import { sourceLabel } from '../source-label';

/** Reference words with the article quote's trailing sentence punctuation kept. */
function restored(articleQuote: string, refQuote: string): string {
  const trail = /[.!?…]+$/.exec(articleQuote)?.[0] ?? '';
  return refQuote.replace(/[.!?…,;]+$/, '') + trail;
}

const WORD = /[\p{L}\p{N}]+(?:['’][\p{L}\p{N}]+)*/gu;
const fold = (w: string) => w.toLowerCase().replace(/’/g, "'");

/**
 * The restored wording without the reference words the article already has just outside the
 * quotation marks: the source's “been very much refined” quoted as has been “significantly refined”
 * restores to has been “very much refined”, not has been “been very much refined”.
 */
export function withoutOuterWords(text: string, start: number, end: number, replacement: string): string {
  const words = [...replacement.matchAll(WORD)];
  if (words.length < 2) return replacement;
  const before = [...text.slice(Math.max(0, start - 200), start).matchAll(WORD)].map((x) => fold(x[0]));
  const after = [...text.slice(end, end + 200).matchAll(WORD)].map((x) => fold(x[0]));
  // words that run on into the quotation (none after a sentence end or a colon)
  const tailBefore = /[.!?…:]$/.test(text.slice(Math.max(0, start - 200), start).replace(/[“"‘'«\s]+$/, '')) ? [] : before;
  // k words the same, or (k ≥ 3) all but one inner word ("the framework has been" before a quote
  // that follows "the framework had been")
  const same = (a: string[], b: string[]) => {
    let diff = 0;
    for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) diff++;
    return diff === 0 || (a.length >= 3 && diff === 1 && a[0] === b[0] && a[a.length - 1] === b[b.length - 1]);
  };
  let lead = 0;
  for (let k = Math.min(words.length - 1, tailBefore.length); k > 0; k--) {
    if (same(words.slice(0, k).map((w) => fold(w[0])), tailBefore.slice(tailBefore.length - k))) {
      lead = k;
      break;
    }
  }
  let trail = 0;
  for (let k = Math.min(words.length - 1 - lead, after.length); k > 0; k--) {
    if (same(words.slice(words.length - k).map((w) => fold(w[0])), after.slice(0, k))) {
      trail = k;
      break;
    }
  }
  if (!lead && !trail) return replacement;
  const from = lead ? words[lead]!.index! : 0;
  const to = trail ? words[words.length - trail - 1]!.index! + words[words.length - trail - 1]![0].length : replacement.length;
  // keep the sentence punctuation that closed the replacement (restored() put the article's there)
  const closing = trail ? (/[.!?…]+$/.exec(replacement)?.[0] ?? '') : '';
  return replacement.slice(from, to) + closing;
}

function finding(ctx: RuleContext, m: QuoteMatch, severity: Severity, message: string, withFix: boolean): Finding {
  const q = m.quote;
  const r = m.ref;
  const f: Finding = { rule: 'misquote', severity, message, start: q.start, end: q.end, text: q.text };
  if (r) {
    const d = ctx.index.docs[r.doc]!;
    const region = d.text.slice(r.comparison.refRegion.start, r.comparison.refRegion.end);
    const replacement = withoutOuterWords(ctx.doc.text, q.start, q.end, restored(q.text, region));
    f.source = { id: d.id, path: d.path, start: r.quote.start, end: r.quote.end, text: r.quote.text };
    f.suggestions = [replacement];
    // a region holding markup or control characters (a wire's line-end "<", a stray control code)
    // cannot be pasted into the article
    if (withFix && replacement !== q.text && !/[\u0000-\u0008\u000b-\u001f\u007f<>]|\n\s*\n/.test(replacement)) {
      const fix: Fix = { title: `Restore the source wording: “${replacement}”`, edits: [{ start: q.start, end: q.end, newText: replacement }], preferred: true };
      f.fixes = [fix];
    }
    f.data = {
      sourceQuote: r.quote.text,
      speaker: speakerName(r.attribution),
      articleSpeaker: speakerName(m.attribution),
      referenceSentence: r.context.text,
      reference: sourceLabel(ctx.index, r.doc),
      sourceMeta: d.meta,
      diff: r.comparison.regionDiff,
      similarity: r.comparison.similarity,
      contextSimilarity: r.contextSimilarity,
    };
  }
  return f;
}

/**
 * References that share the article's story: those with an aligned (copied or reworded) passage that
 * is not boilerplate. A passage whose every word 3-gram is a set phrase of the reference set (in more
 * than 30 references: an editor's note, a standard footer) says nothing about the story.
 */
const coveringDocs: Analysis<Set<number>> = (ctx) => {
  const out = new Set<number>();
  const passages = ctx.use(alignment);
  for (const p of passages) {
    if (out.has(p.doc)) continue;
    // the same article words aligned with three or more references: a standard text, not this story
    const docs = new Set(passages.filter((o) => o.a.start < p.a.end && o.a.end > p.a.start).map((o) => o.doc));
    if (docs.size >= 3) continue;
    if (candidateDocs(ctx, [p.a], 8).includes(p.doc)) out.add(p.doc);
  }
  return out;
};

function names(text: string, words: Set<string>): boolean {
  for (const n of words) {
    if (n.length < 3) continue;
    const re = new RegExp(`(?<![\\p{L}])${n.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![\\p{L}])`, 'iu');
    if (re.test(text)) return true;
  }
  return false;
}

/**
 * Does the reference set plausibly cover the story this quote belongs to? Only then is a quote that
 * no reference holds worth an info. A quote with a speaker: a reference that shares the story (aligned
 * passages) or phrases of the quote's sentence names the speaker. A quote with no speaker: the article
 * shares the story with some reference. A reference set about other stories says nothing about a quote
 * it does not hold.
 */
function storyCovered(ctx: RuleContext, m: QuoteMatch): boolean {
  const cover = ctx.use(coveringDocs);
  const who = lastNames(speakerName(m.attribution));
  if (who.size === 0) return cover.size > 0;
  const docs = new Set(cover);
  // a reference sharing several phrases (not set phrases) with the quote's sentence
  for (const [d, n] of candidateDocScores(ctx, [sentenceRange(ctx.doc, m.quote.start, m.quote.end)], 3)) if (n >= 3) docs.add(d);
  for (const d of docs) if (names(ctx.index.docs[d]!.text, who)) return true;
  return false;
}

export const misquote: Rule = {
  ...ruleInfo('misquote'),
  run(ctx) {
    const out: Finding[] = [];
    for (const m of ctx.use(quoteMatches)) {
      const words = m.quote.text.split(/\s+/).filter(Boolean).length;
      const r = m.ref;
      if (!r) {
        // the words are in a reference's own text (a statement, a release): found, just not quoted there
        if (words >= 4 && !m.attribution.headline && storyCovered(ctx, m) && referenceHoldingText(ctx, m.quote) === null) {
          out.push(finding(ctx, m, 'info', `Quote not found in references: “${m.quote.text}”`, false));
        }
        continue;
      }
      const c = r.comparison;
      const refSpeaker = speakerName(r.attribution);
      const artSpeaker = speakerName(m.attribution);
      const where = sourceLabel(ctx.index, r.doc);
      const who = refSpeaker ? `${refSpeaker}, ` : '';
      if (c.identical || c.fragment) {
        if (artSpeaker && refSpeaker && !r.speakerMatch && !m.attribution.inherited) {
          const f = finding(ctx, m, 'warning', `Changed speaker: this quote is attributed to ${artSpeaker} here but to ${refSpeaker} in ${where}`, false);
          f.data = { ...f.data, changedSpeaker: true };
          out.push(f);
        }
        continue;
      }
      if (c.spellingOnly) {
        out.push(finding(ctx, m, 'info', `Quote differs from the source only in spelling (${c.spellings.join(', ')}); source: “${r.quote.text}” (${who}${where})`, true));
        continue;
      }
      if (c.ellipsis && c.ellipsisFaithful) {
        if (c.hiddenWords.length) {
          out.push(finding(ctx, m, 'warning', `Misquote: the ellipsis hides “${c.hiddenWords.join(' ')}”, which changes the meaning; source: “${r.quote.text}” (${who}${where})`, true));
        } else {
          out.push(finding(ctx, m, 'info', `Quote shortened with an ellipsis; the remaining words match the source (${who}${where})`, false));
        }
        continue;
      }
      const sev: Severity = m.attribution.headline ? 'info' : 'warning';
      out.push(finding(ctx, m, sev, `Misquote: ${describeDiff(c.regionDiff)}. Source: “${r.quote.text}” (${who}${where})`, true));
    }
    return out;
  },
};
