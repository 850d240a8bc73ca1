/**
 * fact-mismatch: an article sentence that makes the same statement as a reference sentence but
 * with a different fact in one slot — a number, a date, day or time, a title, a negation or an
 * opposite, a quantifier, or someone else's name. The fix puts the source's value back, in the
 * article's style ("forty" stays a word). Meaning-keeping rounding is an info; where the
 * references themselves disagree on the slot, the finding says so and is an info. Slots inside the
 * article's attributed quotations are misquote's.
 */
import { factTokens, shownText, type FactToken, type SlotDiff, type SlotKind } from '../facts/compare';
import { PAIR_MIN_SIMILARITY, recurringTemplate, sourceStatedElsewhere, statementPairs, storyVersion, templateValues, valueElsewhereInReferences, type StatementPair } from '../facts/pairs';
import { numberInWords, quantities } from '../facts/quantity';
import { sameStatement } from '../facts/same-statement';
import { speakerSwap } from '../facts/speaker';
import { attributedQuoteSpans } from '../quoting';
import type { Rule, RuleContext } from '../rule';
import type { Finding, Fix, Severity } from '../types';
import { sourceLabel } from '../source-label';
import { escapeRegExp } from '../text';
import { COURTESY_TITLES, HONOUR_TITLES } from '../titles';
import { finding, ruleInfo } from './catalogue';

const KIND_WORDS: Record<SlotKind, string> = {
  number: 'figure',
  date: 'date',
  time: 'time',
  name: 'name',
  title: 'title',
  polarity: 'negation',
  quantifier: 'quantifier',
};

function span(toks: readonly FactToken[], r: [number, number]): { start: number; end: number } {
  return { start: toks[r[0]]!.start, end: toks[r[1] - 1]!.end };
}

function upperFirst(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}
function lowerFirst(s: string): string {
  return s.charAt(0).toLowerCase() + s.slice(1);
}

/**
 * The article's slot rewritten with the source's value, in the article's style: a number core
 * swapped in place (words stay words, digits stay digits, the article's "per cent" / "%" kept);
 * otherwise the source's words, with the article's capitalisation at the start of its sentence.
 */
export function replacement(articleText: string, srcText: string, pair: StatementPair, diff: SlotDiff): string {
  const art = pair.articleTokens;
  const src = pair.refTokens;
  const a = span(art, diff.art);
  const s = span(src, diff.src);
  const articleSlot = articleText.slice(a.start, a.end);
  let out = shownText(srcText, s.start, s.end);
  const sq = diff.srcQuantity;
  const aq = diff.artQuantity;
  if (sq && aq && sq.kind === aq.kind && sq.currency === aq.currency) {
    const srcCore = src.slice(sq.coreFrom, sq.coreTo);
    const artCore = art.slice(aq.coreFrom, aq.coreTo);
    const coreText = shownText(srcText, srcCore[0]!.start, srcCore[srcCore.length - 1]!.end);
    const coreValue = quantities(srcCore.map((t) => t.low))[0]?.value;
    const suffixless = (ts: FactToken[]) => ts.every((t) => !/\d[a-z]+$/i.test(t.text));
    const sameTail = src.slice(sq.coreTo, sq.to).map((t) => t.low).join(' ') === art.slice(aq.coreTo, aq.to).map((t) => t.low).join(' ') || sq.kind === 'percent';
    let core: string | null = null;
    if (coreValue !== undefined && sameTail && suffixless(srcCore) && suffixless(artCore)) {
      if (aq.words) core = numberInWords(coreValue);
      else if (!sq.words) core = coreText;
      else core = Number.isInteger(coreValue) ? String(coreValue) : null;
    }
    if (core !== null) {
      const cs = artCore[0]!.start;
      const ce = artCore[artCore.length - 1]!.end;
      out = articleText.slice(a.start, cs) + core + articleText.slice(ce, a.end);
    }
  }
  const atStart = diff.art[0] === 0;
  const srcAtStart = diff.src[0] === 0;
  if (atStart && /^\p{Lu}/u.test(articleSlot)) out = upperFirst(out);
  else if (!atStart && srcAtStart && diff.kind !== 'name' && !/^\p{Lu}{2}/u.test(out)) out = lowerFirst(out);
  return out;
}

/**
 * Two names of one person: written together (within three capitalised words: "Kerstin Parkin",
 * "Marco Pierre White") somewhere in the article or the reference.
 */
function oneEntity(a: string, b: string, texts: string[]): boolean {
  const x = escapeRegExp(a.replace(/['’]s$/, ''));
  const y = escapeRegExp(b.replace(/['’]s$/, ''));
  const between = "(?:\\s+\\p{Lu}[\\p{L}'’.-]*){0,2}\\s+";
  const re = new RegExp(`\\b(?:${x}${between}${y}|${y}${between}${x})\\b`, 'u');
  return texts.some((t) => re.test(t));
}

/** Courtesy and honour titles as written before a name, capitalised ("Mr", "Dame"). */
const TITLE_BEFORE_NAME = [...COURTESY_TITLES, ...HONOUR_TITLES].map((t) => t[0]!.toUpperCase() + t.slice(1)).join('|');

/** The text names this person with a courtesy title somewhere ("Mr Reyle", "Dr. Lund"). */
function titledSomewhere(name: string, text: string): boolean {
  const n = escapeRegExp(name.replace(/['’]s$/, ''));
  return new RegExp(`\\b(?:${TITLE_BEFORE_NAME})\\.?\\s+${n}\\b`, 'u').test(text);
}

/**
 * The article's name, written in full (two words or more), stands in the source outside the pair's
 * sentence: the source speaks of both people, each in a statement of their own ("Petra Lund will miss
 * the regatta" / "Tomas Reyle will miss the regatta …; Petra Lund is unfit too"), and the pair cannot
 * tell a changed name from the other person's statement.
 */
function fullNameElsewhere(name: string, srcText: string, ref: { start: number; end: number }): boolean {
  const n = name.replace(/['’]s$/, '').trim();
  if (!/\s/.test(n)) return false;
  const re = new RegExp(`(?<![\\p{L}])${escapeRegExp(n).replace(/\s+/g, '\\s+')}(?![\\p{L}])`, 'gu');
  for (const m of srcText.matchAll(re)) if (m.index! + m[0].length <= ref.start || m.index! >= ref.end) return true;
  return false;
}

function inQuote(quotes: { start: number; end: number }[], start: number, end: number): boolean {
  return quotes.some((q) => start >= q.start && end <= q.end);
}

/** True when the article range is held in common with the pair's source (the source agrees with the article). */
function agrees(pair: StatementPair, r: [number, number]): boolean {
  return pair.comparison.common.some(([f, t]) => f <= r[0] && t >= r[1]);
}

/**
 * The pair's slot differences, and one speaker put for another where the pair credits a quotation it
 * shares to two people: in place of the diff's name slot over the article's speaker (the shared
 * quotation holds it, where the words around a name opening a reworded sentence may not), or beside
 * the slots when none covers the speaker.
 */
function withSpeaker(pair: StatementPair, text: string, srcText: string): readonly SlotDiff[] {
  const diffs = pair.comparison.diffs;
  const sp = speakerSwap(pair.refTokens, srcText, pair.articleTokens, text, pair.comparison.regions);
  if (!sp) return diffs;
  const over = diffs.filter((x) => x.art[0] < sp.art[1] && x.art[1] > sp.art[0]);
  if (over.some((x) => x.kind !== 'name')) return diffs;
  return [...diffs.filter((x) => !over.includes(x)), sp];
}

export function factFindings(ctx: RuleContext): Finding[] {
  const out: Finding[] = [];
  const pairsBySentence = ctx.use(statementPairs);
  if (pairsBySentence.size === 0) return out;
  const quotes = ctx.use(attributedQuoteSpans);
  const text = ctx.doc.text;
  for (const [, pairs] of [...pairsBySentence].sort((x, y) => x[0] - y[0])) {
    // the best pair with a document that follows the article's story: a like sentence in another
    // story of an archive (another month's figures, another match's team sheet) is no source
    // (or, failing one, the best with a version of such a document: another issue of the same wire story)
    const version = ctx.use(storyVersion);
    const first = pairs.find((p) => p.story) ?? pairs.find((p) => version(p.doc));
    if (!first) continue;
    // the best pair first; then the story's other pairs, for what the best one's source sentence does
    // not state in a slot of its own (a take's sentence gives the name, another take's the rank: "Reyle
    // was convicted" / "a police sergeant was convicted" for the article's "a police inspector was
    // convicted"); a slot of the best pair is the best pair's to judge
    const readable = [first, ...pairs.filter((p) => p !== first && (p.story || version(p.doc)))];
    // (the best pair's slots, and each slot flagged from a later pair: one finding per slot)
    const firstSlots = first.comparison.diffs.map((d) => d.art);
    for (const base of readable) {
      // a pair that agrees word for word only with its one changed value set aside shows that one
      // value; more changed slots there are another statement of the same template (another poll's
      // "leads by 43 percent to 38 percent")
      if (base.comparison.similarity < PAIR_MIN_SIMILARITY && base.comparison.diffs.length > 1) {
        if (base === first) break;
        continue;
      }
      for (const diff of withSpeaker(base, text, ctx.index.docs[base.doc]!.text)) {
        if (base !== first && firstSlots.some((r) => r[0] < diff.art[1] && r[1] > diff.art[0])) continue;
        const a = span(base.articleTokens, diff.art);
        if (inQuote(quotes, a.start, a.end)) continue;
        const value = diff.kind === 'number' || diff.kind === 'date' || diff.kind === 'time';
        // values changed in two places of one sentence ("Of the 16 berths offered, the board sold
        // 11" / "Of the 14 berths offered, the board sold 9"): the same template filled for another
        // occasion; an error changes one fact, not every figure of the sentence
        if (value && base.comparison.valueRegions > 1) continue;
        // another reference that says what the article says: the article follows that one
        if (pairs.some((p) => p !== base && agrees(p, diff.art))) continue;
        const refDoc = ctx.index.docs[base.doc]!;
        const s = span(base.refTokens, diff.src);
        const sourceValue = shownText(refDoc.text, s.start, s.end);
        const articleValue = text.slice(a.start, a.end);
        if (diff.kind === 'name' && (oneEntity(sourceValue, articleValue, [text, refDoc.text]) || fullNameElsewhere(articleValue, refDoc.text, base.ref))) continue;
        // the pair shares words but is not clearly the same statement: another person, event or occasion
        if (!sameStatement(base.refTokens, refDoc.text, base.articleTokens, text, diff, sourceValue, articleValue, base.comparison.regions)) continue;
        // the source's statement made by another sentence of the article: this one is another statement
        if (sourceStatedElsewhere(ctx, base, diff)) continue;
        // a name with no title beside it in the pair: a person only if the article or the source gives
        // it one elsewhere (the wire's bare "Reyle", the paper's "Mr Reyle")
        if (diff.unproven) {
          const name = diff.unproven === 'src' ? sourceValue : articleValue;
          if (!titledSomewhere(name, text) && !titledSomewhere(name, refDoc.text)) continue;
        }
        // the statement written again elsewhere with yet another value: a template whose slot changes
        // with the occasion (each night's delegate count, each poll's margin of error)
        // (or written elsewhere in the references with the article's value: the article follows them)
        if (value) {
          const byText = templateValues(ctx, base, diff);
          if (recurringTemplate(ctx, base, diff, byText) || valueElsewhereInReferences(base, diff, byText)) continue;
        }
        // other references' values for the same slot
        const others: { doc: number; value: string }[] = [];
        for (const p of pairs) {
          if (p === base) continue;
          const od = p.comparison.diffs.find((x) => x.kind === diff.kind && x.art[0] < diff.art[1] && x.art[1] > diff.art[0]);
          if (!od) continue;
          const os = span(p.refTokens, od.src);
          const v = shownText(ctx.index.docs[p.doc]!.text, os.start, os.end);
          if (v.toLowerCase() !== sourceValue.toLowerCase()) others.push({ doc: p.doc, value: v });
        }
        const label = sourceLabel(ctx.index, base.doc);
        // the rule's own severity; references that differ among themselves, or a rounding, one step below it
        let severity: Severity = factMismatch.defaultSeverity;
        let message = `Source says “${sourceValue}”; the article says “${articleValue}” (${KIND_WORDS[diff.kind]}; ${label})`;
        if (others.length) {
          severity = 'hint';
          const list = [{ doc: base.doc, value: sourceValue }, ...others].map((o) => `${o.value} in ${sourceLabel(ctx.index, o.doc)}`);
          message = `Sources differ: ${list.join(', ')}; the article says “${articleValue}” (${KIND_WORDS[diff.kind]})`;
        } else if (diff.rounding) {
          severity = 'hint';
          message = `Source says “${sourceValue}”; the article rounds it to “${articleValue}” (${label})`;
        }
        const newText = replacement(text, refDoc.text, base, diff);
        const fixes: Fix[] = [];
        if (newText !== articleValue && !others.length) {
          fixes.push({ title: `Use the source's value: “${newText}”`, edits: [{ start: a.start, end: a.end, newText }], preferred: true });
        }
        const sent = ctx.doc.sentences[base.sentence]!;
        if (base !== first) firstSlots.push(diff.art);
        out.push(finding('fact-mismatch', {
          severity,
          message,
          start: a.start,
          end: a.end,
          text: articleValue,
          source: { id: refDoc.id, path: refDoc.path, start: base.ref.start, end: base.ref.end, text: refDoc.text.slice(base.ref.start, base.ref.end) },
          suggestions: [newText],
          ...(fixes.length ? { fixes } : {}),
          data: {
            kind: diff.kind,
            sourceValue,
            articleValue,
            ...(diff.rounding ? { rounding: true } : {}),
            ...(others.length ? { sourcesDiffer: [{ source: label, value: sourceValue }, ...others.map((o) => ({ source: sourceLabel(ctx.index, o.doc), value: o.value }))] } : {}),
            reference: label,
            articleSentence: text.slice(sent.start, sent.end),
            articleSlot: [a.start - sent.start, a.end - sent.start],
            sourceSentence: refDoc.text.slice(base.ref.start, base.ref.end),
            sourceSlot: [s.start - base.ref.start, s.end - base.ref.start],
            sourceMeta: refDoc.meta,
          },
        }));
      }
    }
  }
  return out;
}

export const factMismatch: Rule = {
  ...ruleInfo('fact-mismatch'),
  run(ctx) {
    return factFindings(ctx);
  },
};

// re-exported for tests and the eval
export { factTokens };
