/**
 * Quote and attribution extraction: direct quotes, mixed quotes and reported (indirect) speech,
 * each with its cue and source. Pattern-based on the offset-preserving text model, with
 * compromise part-of-speech tags (per sentence, only where a cue or pronoun needs them) to
 * delimit source noun phrases.
 */
import { lowerBound } from '../search';
import type { TextModel } from '../text';
import { AUXILIARIES, EVIDENCE_NOUNS, PERSON_PRONOUNS, POSSESSIVES, PRONOUNS, ROLE_NOUNS } from './cues';
import { mayBeCueWord } from './cue-forms';
import type { CueMemo } from './cue-memo';
import { countTokens, CueReader, isHeadline, type Cue } from './cue-reader';
import { span } from './phrases';
import type { QuoteSpan } from './quotes';
import { sentenceTags } from './tagger';
import type { Attribution, AttributionKind, TextSpan } from './types';

/** The sentence index of a character offset (binary search). */
function sentenceAt(model: TextModel, offset: number): number {
  const ss = model.sentences;
  return Math.max(0, lowerBound(ss.length, (i) => ss[i]!.start <= offset) - 1);
}

export class Extractor extends CueReader {
  /** the cues of sentences read in earlier checks of this document (the editor's session), if any */
  constructor(model: TextModel, private readonly memo?: CueMemo) {
    super(model);
  }

  /** cues(s), through the memo when there is one. */
  private memoCues(s: number): Cue[] {
    const memo = this.memo;
    if (!memo) return this.cues(s);
    const key = memo.key(this.model, this.top, s);
    const hit = memo.get(key, this.model, s, (n) => this.isMidCapital(n));
    if (hit) return hit;
    this.capsLog = [];
    try {
      const cues = this.cues(s);
      memo.set(key, this.model, s, cues, this.capsLog);
      return cues;
    } finally {
      this.capsLog = null;
    }
  }

  /**
   * Whether another top-level quote lies between quote q and cue c (the cue then belongs to that
   * one). Only quotes opening in the gap can, found by binary search on the quotes' opening
   * offsets (scanning every quote for every quote and cue was quadratic in the quotes).
   */
  private quoteBetween(q: QuoteSpan, c: Cue): boolean {
    const lo = Math.min(q.close, c.span.end) - 1;
    const hi = Math.max(q.open, c.span.start) + 1;
    const top = this.top;
    if (!this.topSorted) return top.some((o) => o !== q && o.open > lo && o.close <= hi && o.level === 1 && between(o, q, c));
    for (let k = lowerBound(top.length, (i) => top[i]!.open <= lo); k < top.length && top[k]!.open < hi; k++) {
      const o = top[k]!;
      if (o !== q && o.close <= hi && o.level === 1 && between(o, q, c)) return true;
    }
    return false;
  }

  /** The words of a quote, without a trailing comma or semicolon inside the marks. */
  qspan(q: QuoteSpan): TextSpan {
    let e = q.end;
    while (e > q.start && /[\s,;]/.test(this.text[e - 1]!)) e--;
    return span(this.text, q.start, e);
  }

  /**
   * The cues of each sentence read so far, kept for the extractor's life: cues(s) depends only on
   * the model, so a second extract() (the quotes-only list after the full one, extractBoth) reads
   * each sentence's cues once. extract() marks the cues a quote takes (`used`) and clears the marks
   * first, so each call sees fresh cues.
   */
  private readonly cueCache = new Map<number, Cue[]>();
  /** the sentences that hold a cue word outside a quote (computed on the first extract()) */
  private cueWordSentences: Set<number> | null = null;

  /**
   * `quotesOnly`: only quotes and their speakers (no reported speech) — cheaper, for reference documents.
   * It is the full call's quote stage alone: a quote's cue is looked for only in the sentences the
   * quote spans, so both calls pair every quote with the same cue.
   */
  extract(quotesOnly = false): Attribution[] {
    const { model, text } = this;
    const out: Attribution[] = [];
    this.memo?.begin();
    const cueCache = this.cueCache;
    for (const cs of cueCache.values()) for (const c of cs) c.used = false;
    const cuesOf = (s: number) => {
      let c = cueCache.get(s);
      if (!c) cueCache.set(s, (c = this.memoCues(s)));
      return c;
    };
    // sentences that hold a cue word at all (cheap lexical test before tagging); the quote stage
    // only asks about the sentences a quote spans, so the quotes-only call uses the same set
    let cueSentences = this.cueWordSentences;
    if (!cueSentences) {
      cueSentences = this.cueWordSentences = new Set<number>();
      for (const tok of this.tokens) {
        if (mayBeCueWord(tok.norm) && !this.inQuote(tok.start)) cueSentences.add(tok.sentence);
      }
    }
    const headline = new Map<number, boolean>();
    const isHead = (p: number) => {
      let h = headline.get(p);
      if (h === undefined) headline.set(p, (h = isHeadline(model, p)));
      return h;
    };
    // ---- direct and mixed quotes
    const mixedByCue = new Map<Cue, Attribution>();
    let lastSourced: Attribution | null = null;
    const bySentence: Attribution[] = [];
    for (const q of this.top) {
      const s0 = sentenceAt(model, q.open);
      const s1 = sentenceAt(model, Math.max(q.open, q.close - 1));
      const para = model.sentences[s0]?.paragraph ?? 0;
      const words = countTokens(this.tokens, 0, this.tokens.length, q.end, q.start);
      // candidate cues: in the sentences the quote spans, outside the quote
      let best: Cue | null = null;
      let bestDist = Infinity;
      for (let s = s0; s <= s1 && s < model.sentences.length; s++) {
        if (!cueSentences.has(s)) continue;
        for (const c of cuesOf(s)) {
          if (!c.source && !c.weak) continue;
          if (c.weak && !c.source) continue;
          if (c.participle && c.span.start >= q.close) continue; // "…, adding: “…”" introduces what follows
          // "X called the talks “constructive”, though he noted …": a conjunction opens a new clause
          // between the quote and the cue's subject, so the quote is the earlier clause's
          if (c.source && !c.sourceAfter && q.close <= c.source.start && /^[\s,;—–-]*\b(?:but|and|though|although|while|yet|whereas)\s+$/i.test(text.slice(q.close, c.source.start))) continue;
          const dist = (c.span.start >= q.close ? c.span.start - q.close : q.open >= c.span.end ? q.open - c.span.end : 0) + (c.weak ? 1000 : 0);
          // a cue separated from this quote by another quote belongs to that one
          if (dist < bestDist && !this.quoteBetween(q, c)) {
            best = c;
            bestDist = dist;
          }
        }
      }
      const headlineQuote = isHead(para);
      if (best) {
        const kind = this.quoteKind(q, best);
        if (kind === 'mixed') {
          const existing = mixedByCue.get(best);
          if (existing) {
            existing.quotes.push(this.qspan(q));
            continue;
          }
          const content = this.clause(best, cuesOf(best.sentence)) ?? this.qspan(q);
          const a = this.record('mixed', best, content, [this.qspan(q)], s0, para, false, false, headlineQuote);
          if (content.start > q.start || content.end < q.end) {
            // the clause missed the quote (e.g. the quote precedes the cue): the quote is the content
            a.content = span(text, Math.min(content.start, q.start), Math.max(content.end, q.end));
          }
          mixedByCue.set(best, a);
          best.used = true;
          out.push(a);
          bySentence.push(a);
          lastSourced = a;
          continue;
        }
        best.used = true;
        const a = this.record('direct', best, this.qspan(q), [this.qspan(q)], s0, para, false, false, headlineQuote);
        out.push(a);
        lastSourced = a;
        continue;
      }
      // “…,” Mr. Burton fumed / “…?” she wondered: a name or pronoun and any verb right after the quote
      {
        // only where the quote ends in a comma, question or exclamation mark (not a full stop: a new sentence)
        const closing = text.slice(Math.max(q.open, q.close - 3), q.close);
        const after = /[,?!]\s*[”"’'»]+$/.test(closing) || text[q.close] === ',' ? /^[,]?[ \t]+/.exec(text.slice(q.close, q.close + 4)) : null;
        const k0 = after ? this.tokens.findIndex((t) => t.start >= q.close) : -1;
        if (after && k0 >= 0 && this.tokens[k0]!.start === q.close + after[0].length) {
          const sIdx = this.tokens[k0]!.sentence;
          const sent = model.sentences[sIdx]!;
          const np = this.npAfter(k0, sent.tokenEnd);
          const v = np ? np[1] : -1;
          // a name or pronoun, or a role or a document ("the letter reads", "the spokesman added")
          const headOk = np && (this.tag(np[0]).pos === 'PRON' || /^\p{Lu}/u.test(this.tokens[np[0]]!.text) || ROLE_NOUNS.has(this.tokens[np[1] - 1]!.norm) || EVIDENCE_NOUNS.has(this.tokens[np[1] - 1]!.norm));
          if (np && headOk && v < sent.tokenEnd && this.tag(v).pos === 'VERB' && /^\s+$/.test(this.gap(v - 1, v)) && !AUXILIARIES.has(this.tokens[v]!.norm)) {
            const a: Attribution = { kind: 'direct', cue: span(text, this.tokens[v]!.start, this.tokens[v]!.end), source: this.srcSpan(np[0], np[1]), content: this.qspan(q), quotes: [this.qspan(q)], sentence: s0, paragraph: para, scare: false, inherited: false, headline: isHead(para) };
            out.push(a);
            lastSourced = a;
            continue;
          }
        }
      }
      // a dash credit after the quote: “…” ― Sonya Herridge
      const dash = /^\s*(―|—|–|--)\s*/.exec(text.slice(q.close, q.close + 6));
      if (dash) {
        const at = q.close + dash[0].length;
        let k = this.tokens.findIndex((t) => t.start >= at);
        if (k >= 0 && this.tokens[k]!.start === at && /^\p{Lu}/u.test(this.tokens[k]!.text)) {
          const sIdx = this.tokens[k]!.sentence;
          const np = this.npAfter(k, this.model.sentences[sIdx]!.tokenEnd);
          if (np) {
            const dashAt = q.close + dash[0].indexOf(dash[1]!);
            const a: Attribution = { kind: 'direct', cue: span(text, dashAt, dashAt + dash[1]!.length), source: this.srcSpan(np[0], np[1]), content: this.qspan(q), quotes: [this.qspan(q)], sentence: s0, paragraph: para, scare: false, inherited: false, headline: isHead(para) };
            out.push(a);
            lastSourced = a;
            continue;
          }
        }
        void k;
      }
      // colon introduction: "Leavitt was blunt: “…”"
      const before = text.slice(model.sentences[s0]!.start, q.open);
      const colon = /:\s*$/.exec(before);
      if (colon && before.trim().length > 1) {
        const sent = model.sentences[s0]!;
        const np = this.npAfter(sent.tokenStart, sent.tokenEnd);
        if (np && this.tokens[np[0]]!.start < q.open && (this.tag(np[0]).pos !== 'NOUN' || ROLE_NOUNS.has(this.tokens[np[1] - 1]!.norm))) {
          const colonAt = model.sentences[s0]!.start + colon.index + colon[0].indexOf(':');
          const a: Attribution = {
            kind: 'direct',
            cue: span(text, colonAt, colonAt + 1),
            source: this.srcSpan(np[0], np[1]),
            content: this.qspan(q),
            quotes: [this.qspan(q)],
            sentence: s0,
            paragraph: para,
            scare: false,
            inherited: false,
            headline: headlineQuote,
          };
          out.push(a);
          lastSourced = a;
          continue;
        }
      }
      // a short quote with no cue is a scare quote
      const scare = words <= 2 || /so[-\s]called\s*$/i.test(text.slice(Math.max(0, q.open - 12), q.open));
      // continuing quote: the speaker of the previous quote in this paragraph or the paragraph before,
      // when this quote opens its sentence
      const opensSentence = q.open <= model.sentences[s0]!.start + 1;
      if (!scare && opensSentence && lastSourced && lastSourced.source && lastSourced.paragraph >= para - 1 && !headlineQuote) {
        out.push({
          kind: 'direct',
          cue: null,
          source: lastSourced.source,
          content: this.qspan(q),
          quotes: [this.qspan(q)],
          sentence: s0,
          paragraph: para,
          scare: false,
          inherited: true,
          headline: false,
        });
        continue;
      }
      out.push({
        kind: 'direct',
        cue: null,
        source: null,
        content: this.qspan(q),
        quotes: [this.qspan(q)],
        sentence: s0,
        paragraph: para,
        scare,
        inherited: false,
        headline: headlineQuote,
      });
    }
    void bySentence;
    // ---- indirect speech: cues not used by a quote
    for (const s of quotesOnly ? [] : [...cueSentences].sort((a, b) => a - b)) {
      const cs = cuesOf(s);
      for (const c of cs) {
        // a weak cue ("called the plan a disgrace") reports a view only with a subject that can hold one
        if (c.used || !c.source || (c.weak && (c.sourceAfter || c.srcFrom < 0 || !this.holdsView([c.srcFrom, c.srcTo])))) continue;
        const content = this.clause(c, cs);
        if (!content) continue;
        const para = model.sentences[s]!.paragraph;
        const inner = this.top.filter((q) => q.start >= content.start && q.end <= content.end).map((q) => this.qspan(q));
        out.push(this.record(inner.length ? 'mixed' : 'indirect', c, content, inner, s, para, false, false, isHead(para)));
      }
    }
    // "Pat Quill: Voters Are Worried" — a name and a colon opening a paragraph (headline style)
    for (const para of quotesOnly ? [] : model.paragraphs) {
      // a transcript in quotation marks: "WALLACE: …" (an upper-case label after the opening mark)
      const lead = /^["“]\p{Lu}{2,}[\p{Lu}\s.'’-]*:\s/u.test(text.slice(para.start, Math.min(para.end, para.start + 40))) ? 1 : 0;
      const m = /^((?:\p{Lu}[\p{L}.'’-]*\s){0,3}\p{Lu}[\p{L}.'’-]*):\s+(?=\S)/u.exec(text.slice(para.start + lead, Math.min(para.end, para.start + 80)));
      if (!m || (this.inQuote(para.start) && !lead)) continue;
      const srcEnd = para.start + lead + m[1]!.length;
      const s0 = sentenceAt(model, para.start);
      const tags = sentenceTags(model, s0);
      const pi = model.sentences[s0]!.paragraph;
      const label = /^[\p{Lu}\s.'’-]+$/u.test(m[1]!); // transcript speaker label: "WALLACE:"
      if (/^(The|A|An)\s/.test(m[1]!) || !(label || isHead(pi) || (tags[0] && (tags[0].person || tags[0].org)))) continue;
      const cStart = para.start + lead + m[0].length;
      let cEnd = para.end;
      const s = sentenceAt(model, para.start);
      if (model.sentences[s]!.end < cEnd) cEnd = model.sentences[s]!.end;
      while (cEnd > cStart && /[\s.]/.test(text[cEnd - 1]!)) cEnd--;
      if (cEnd <= cStart || (!lead && out.some((a) => a.content.start <= cStart && a.content.end >= cStart))) continue;
      out.push({ kind: 'indirect', cue: span(text, srcEnd, srcEnd + 1), source: span(text, para.start + lead, srcEnd), content: span(text, cStart, cEnd), quotes: [], sentence: s, paragraph: model.sentences[s]!.paragraph, scare: false, inherited: false, headline: isHead(model.sentences[s]!.paragraph) });
    }
    // reported speech nested in another attribution's content ("Stein said she plans to …") belongs
    // to the outer one; quotes keep their own records
    const nested = (a: Attribution) =>
      a.kind !== 'direct' && a.cue !== null && out.some((b) => b !== a && b.source && b.cue && b.kind !== 'direct' && b.content.start <= a.cue!.start && a.cue!.end <= b.content.end && !(a.content.start <= b.cue.start && b.cue.end <= a.content.end));
    const cueTaken = new Set(out.filter((a) => a.kind === 'direct' && a.cue).map((a) => a.cue!.start));
    const kept = out.filter((a) => !nested(a) && !(a.kind === 'indirect' && a.cue && cueTaken.has(a.cue.start)));
    out.length = 0;
    out.push(...kept);
    out.sort((a, b) => a.content.start - b.content.start || a.content.end - b.content.end);
    this.resolvePronouns(out);
    return out;
  }

  private record(kind: AttributionKind, c: Cue, content: TextSpan, quotes: TextSpan[], s: number, para: number, scare: boolean, inherited: boolean, headline: boolean): Attribution {
    const a: Attribution = { kind, cue: c.span, source: c.source ? { ...c.source } : null, content, quotes, sentence: s, paragraph: para, scare, inherited, headline };
    // weak cues ("called the plan a mistake") report a view when no quote is involved
    if (c.stance || (c.weak && kind === 'indirect')) a.stance = true;
    return a;
  }

  /** direct: the quote stands beside the cue clause; mixed: the quote is embedded in reported words. */
  private quoteKind(q: QuoteSpan, c: Cue): AttributionKind {
    const text = this.text;
    const sent = this.model.sentences[c.sentence]!;
    const clauseStart = Math.min(c.span.start, c.source?.start ?? Infinity);
    const clauseEnd = Math.max(c.span.end, c.source?.end ?? -Infinity);
    if (q.open >= clauseEnd) {
      const between = text.slice(clauseEnd, q.open);
      // “said: “…”", "said, “…”", "told reporters: “…”"
      if (/^[\s,:—–-]*$/.test(between)) return 'direct';
      if (/^\s*(?:that\s*)?$/i.test(between)) return q.open <= sent.start + 1 || /^[\p{Lu}]/u.test(text.slice(q.start, q.start + 1)) ? 'direct' : 'mixed';
      const words = countTokens(this.tokens, c.to, sent.tokenEnd, q.open);
      if (/:\s*$/.test(between) && words <= 6) return 'direct';
      return 'mixed';
    }
    if (q.close <= clauseStart) {
      const between = text.slice(q.close, clauseStart);
      if (/^[\s,—–-]*$/.test(between)) return q.open <= sent.start + 1 ? 'direct' : 'mixed';
      return 'mixed';
    }
    return 'direct';
  }

  /** he/she/they/it → the nearest preceding named source (or person named in the preceding sentences). */
  private resolvePronouns(all: Attribution[]): void {
    const named: TextSpan[] = [];
    for (const a of all) if (a.source && !PRONOUNS.has(a.source.text.toLowerCase()) && !POSSESSIVES.has(a.source.text.toLowerCase()) && !a.inherited) named.push(a.source);
    named.sort((x, y) => x.start - y.start);
    for (const a of all) {
      if (!a.source || a.inherited) continue;
      const p = POSSESSIVES.get(a.source.text.toLowerCase()) ?? a.source.text.toLowerCase();
      if (!PRONOUNS.has(p) || p === 'i' || p === 'we' || p === 'you') continue;
      const at = a.source.start;
      let best: TextSpan | null = null;
      for (const n of named) if (n.start < at && (!best || n.start > best.start)) best = n;
      if (PERSON_PRONOUNS.has(p)) {
        const person = this.personBefore(at, best?.start ?? -1);
        if (person) best = person;
      }
      if (best) a.source.resolved = { ...best };
    }
    // inherited sources share the resolution
    for (const a of all) if (a.inherited && a.source) {
      const orig = all.find((b) => !b.inherited && b.source && b.source.start === a.source!.start);
      if (orig?.source?.resolved) a.source = { ...a.source, resolved: orig.source.resolved };
    }
  }

  /** The last person name (compromise #Person run) before offset `at` and after `after`, within 4 sentences. */
  private personBefore(at: number, after: number): TextSpan | null {
    const s = sentenceAt(this.model, at);
    for (let i = s; i >= Math.max(0, s - 4); i--) {
      const sent = this.model.sentences[i]!;
      if (sent.end <= after) break;
      const tags = sentenceTags(this.model, i);
      let found: TextSpan | null = null;
      for (let k = sent.tokenStart; k < sent.tokenEnd; k++) {
        const tok = this.tokens[k]!;
        if (tok.start >= at) break;
        if (tok.start <= after) continue;
        if (!tags[k - sent.tokenStart]!.person || this.inQuote(tok.start)) continue;
        let e = k;
        while (e + 1 < sent.tokenEnd && tags[e + 1 - sent.tokenStart]!.person && this.joinable(this.gap(e, e + 1))) e++;
        found = span(this.text, tok.start, this.tokens[e]!.end);
        k = e;
      }
      if (found) return found;
    }
    return null;
  }
}

function between(o: QuoteSpan, q: QuoteSpan, c: Cue): boolean {
  const lo = Math.min(q.close, c.span.end);
  const hi = Math.max(q.open, c.span.start);
  return o.open >= lo && o.close <= hi;
}

/** All attributions of a text model (quotes with no speaker included, with source null). */
export function extractAttributions(model: TextModel, memo?: CueMemo): Attribution[] {
  return new Extractor(model, memo).extract();
}

/** Only the quotes of a text and their speakers (no reported speech): the cheaper pass used on references. */
export function extractQuotes(model: TextModel): Attribution[] {
  return new Extractor(model).extract(true);
}

/**
 * Both lists of a reference document at once (what extractAttributions and extractQuotes give), from
 * one extractor: the quotes and each sentence's cues are read once for both.
 */
export function extractBoth(model: TextModel): { attributions: Attribution[]; quotes: Attribution[] } {
  const x = new Extractor(model);
  const attributions = x.extract();
  const quotes = x.extract(true);
  return { attributions, quotes };
}
