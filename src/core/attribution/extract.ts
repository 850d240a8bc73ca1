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
import type { Block, BlockReading, CueMemo, QuoteEntry } from './cue-memo';
import { countTokens, CueReader, isHeadline, type Cue } from './cue-reader';
import { span } from './phrases';
import type { QuoteSpan } from './quotes';
import { isFast, sentenceTags } from './tagger';
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
    // the answers this sentence's cues depend on are also answers its block depends on
    const outer = this.capsLog;
    const log: [string, boolean][] = [];
    this.capsLog = log;
    try {
      const cues = this.cues(s);
      memo.set(key, this.model, s, cues, log);
      return cues;
    } finally {
      this.capsLog = outer;
      if (outer) outer.push(...log);
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
  /** the sentences that hold a cue word outside a quote, per block's token range (computed on first use) */
  private readonly cueWordSentences = new Map<string, Set<number>>();
  /** whether each paragraph is a headline (isHeadline), as asked */
  private readonly headlines = new Map<number, boolean>();

  private isHead(p: number): boolean {
    let h = this.headlines.get(p);
    if (h === undefined) this.headlines.set(p, (h = isHeadline(this.model, p)));
    return h;
  }

  /**
   * `quotesOnly`: only quotes and their speakers (no reported speech) — cheaper, for reference documents.
   * It is the full call's quote stage alone: a quote's cue is looked for only in the sentences the
   * quote spans, so both calls pair every quote with the same cue.
   *
   * The text is read in blocks of paragraphs (readBlock): without a memo the whole text is one block;
   * with one, each paragraph is a block, joined with the next where a quote runs on into it or a dash
   * credit after a quote reaches into it. A block's reading depends only on its own text and what the
   * memo's key holds, so a block whose key is unchanged since an earlier check is taken from the memo.
   * What crosses blocks is done here for all of them: a continuing quote's speaker (the last sourced
   * quote, in this paragraph or the one before), the order of the records, and pronoun resolution.
   */
  extract(quotesOnly = false): Attribution[] {
    const memo = this.memo;
    memo?.begin();
    for (const cs of this.cueCache.values()) for (const c of cs) c.used = false;
    const results: BlockReading[] = [];
    for (const b of memo ? this.blocks() : [this.wholeText()]) {
      if (!memo) {
        results.push(this.readBlock(b, quotesOnly));
        continue;
      }
      const key = this.blockKey(b, quotesOnly);
      const hit = memo.getBlock(key, b, (n) => this.isMidCapital(n));
      if (hit) {
        results.push(hit);
        continue;
      }
      this.capsLog = [];
      try {
        const r = this.readBlock(b, quotesOnly);
        memo.setBlock(key, b, r, this.capsLog);
        results.push(r);
      } finally {
        this.capsLog = null;
      }
    }
    return this.combine(results);
  }

  /** The whole text as one block. */
  private wholeText(): Block {
    const { model } = this;
    return { p0: 0, p1: model.paragraphs.length, s0: 0, s1: model.sentences.length, t0: 0, t1: this.tokens.length, q0: 0, q1: this.top.length, start: 0, end: this.text.length };
  }

  /**
   * Paragraph blocks: each paragraph, joined with the next where a top-level quote runs on into it or a
   * dash credit after a quote ("…” —" then the name) reaches into it. The whole text as one block when
   * the top-level quotes are not in order of their openings.
   */
  private blocks(): Block[] {
    const { model, text, top } = this;
    const paras = model.paragraphs;
    if (!this.topSorted || paras.length === 0) return [this.wholeText()];
    const joinNext = new Uint8Array(paras.length);
    for (const q of top) {
      const pa = model.sentences[sentenceAt(model, q.open)]?.paragraph ?? 0;
      const pb = model.sentences[sentenceAt(model, Math.max(q.open, q.close - 1))]?.paragraph ?? pa;
      for (let p = Math.min(pa, q.paraFrom); p < Math.max(pb, q.paraTo) && p < paras.length; p++) joinNext[p] = 1;
      const dash = /^\s*(―|—|–|--)\s*/.exec(text.slice(q.close, q.close + 6));
      if (dash && pb < paras.length && q.close + dash[0].length > paras[pb]!.end) joinNext[pb] = 1;
    }
    const out: Block[] = [];
    let s = 0;
    let q = 0;
    for (let p0 = 0; p0 < paras.length; ) {
      let p1 = p0 + 1;
      while (p1 < paras.length && joinNext[p1 - 1]) p1++;
      const start = paras[p0]!.start;
      const end = paras[p1 - 1]!.end;
      const s0 = s;
      while (s < model.sentences.length && model.sentences[s]!.paragraph < p1) s++;
      const q0 = q;
      while (q < top.length && top[q]!.open < end) q++;
      const t0 = s0 < model.sentences.length ? model.sentences[s0]!.tokenStart : this.tokens.length;
      const t1 = s > s0 ? model.sentences[s - 1]!.tokenEnd : t0;
      out.push({ p0, p1, s0, s1: s, t0, t1, q0, q1: q, start, end });
      p0 = p1;
    }
    // quotes opening after the last paragraph (none in practice) go with the last block
    out[out.length - 1]!.q1 = top.length;
    return out;
  }

  /**
   * Everything readBlock reads of the text, relative to the block: the tagger, whether the block opens
   * an article of more than three paragraphs (the headline rule), its paragraphs, sentences and
   * top-level quotes, the word after it, and its text with up to 12 characters before it (a
   * "so-called" before a quote) and 8 after it (what follows a closing mark). Mid-sentence
   * capitalisation, which holdsView reads anywhere in the text, is checked by the memo.
   */
  private blockKey(b: Block, quotesOnly: boolean): string {
    const { model, text, top } = this;
    const head = b.p0 === 0 && model.paragraphs.length > 3 ? 1 : 0;
    let key = `${isFast(model) ? 1 : 0}${head}${quotesOnly ? 1 : 0}|`;
    for (let p = b.p0; p < b.p1; p++) key += `${model.paragraphs[p]!.start - b.start},${model.paragraphs[p]!.end - b.start};`;
    key += '|';
    for (let s = b.s0; s < b.s1; s++) {
      const sent = model.sentences[s]!;
      key += `${sent.start - b.start},${sent.end - b.start},${sent.tokenEnd - sent.tokenStart},${sent.paragraph - b.p0};`;
    }
    key += '|';
    for (let i = b.q0; i < b.q1; i++) {
      const q = top[i]!;
      key += `${q.open - b.start},${q.close - b.start},${q.start - b.start},${q.end - b.start},${q.level},${q.unclosed ? 1 : 0},${q.paraFrom - b.p0},${q.paraTo - b.p0};`;
    }
    const lead = Math.min(12, b.start);
    return `${key}|${this.tokens[b.t1]?.norm ?? '\u0000'}|${lead}|${text.slice(b.start - lead, b.end + 8)}`;
  }

  /** The sentences of tokens [t0, t1) that hold a cue word outside a quote (a cheap lexical test before tagging). */
  private cueSentencesIn(t0: number, t1: number): Set<number> {
    const k = `${t0}:${t1}`;
    let out = this.cueWordSentences.get(k);
    if (out) return out;
    out = new Set<number>();
    for (let i = t0; i < t1; i++) {
      const tok = this.tokens[i]!;
      if (mayBeCueWord(tok.norm) && !this.inQuote(tok.start)) out.add(tok.sentence);
    }
    this.cueWordSentences.set(k, out);
    return out;
  }

  /**
   * The attributions of one block: its quotes with their cues (a quote with none waits for
   * `combine`, which may give it the speaker of the quote before), reported speech, and
   * "Name: …" paragraphs, with reported speech nested in another record's content left out.
   */
  private readBlock(b: Block, quotesOnly: boolean): BlockReading {
    const { model, text } = this;
    const cueCache = this.cueCache;
    const cuesOf = (s: number) => {
      let c = cueCache.get(s);
      if (!c) cueCache.set(s, (c = this.memoCues(s)));
      return c;
    };
    // the quote stage only asks about the sentences a quote spans, so the quotes-only call uses the same set
    const cueSentences = this.cueSentencesIn(b.t0, b.t1);
    const isHead = (p: number) => this.isHead(p);
    const out: Attribution[] = [];
    const entries: QuoteEntry[] = [];
    const sourced = (a: Attribution) => {
      out.push(a);
      entries.push({ a, sourced: true, kept: true });
    };
    // ---- direct and mixed quotes
    const mixedByCue = new Map<Cue, Attribution>();
    for (let qi = b.q0; qi < b.q1; qi++) {
      const q = this.top[qi]!;
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
          sourced(a);
          continue;
        }
        best.used = true;
        sourced(this.record('direct', best, this.qspan(q), [this.qspan(q)], s0, para, false, false, headlineQuote));
        continue;
      }
      // “…,” Mr. Burton fumed / “…?” she wondered: a name or pronoun and any verb right after the quote
      {
        // only where the quote ends in a comma, question or exclamation mark (not a full stop: a new sentence)
        const closing = text.slice(Math.max(q.open, q.close - 3), q.close);
        const after = /[,?!]\s*[”"’'»]+$/.test(closing) || text[q.close] === ',' ? /^[,]?[ \t]+/.exec(text.slice(q.close, q.close + 4)) : null;
        const k0 = after ? lowerBound(this.tokens.length, (i) => this.tokens[i]!.start < q.close) : -1;
        if (after && k0 >= 0 && k0 < this.tokens.length && this.tokens[k0]!.start === q.close + after[0].length) {
          const sIdx = this.tokens[k0]!.sentence;
          const sent = model.sentences[sIdx]!;
          const np = this.npAfter(k0, sent.tokenEnd);
          const v = np ? np[1] : -1;
          // a name or pronoun, or a role or a document ("the letter reads", "the spokesman added")
          const headOk = np && (this.tag(np[0]).pos === 'PRON' || /^\p{Lu}/u.test(this.tokens[np[0]]!.text) || ROLE_NOUNS.has(this.tokens[np[1] - 1]!.norm) || EVIDENCE_NOUNS.has(this.tokens[np[1] - 1]!.norm));
          if (np && headOk && v < sent.tokenEnd && this.tag(v).pos === 'VERB' && /^\s+$/.test(this.gap(v - 1, v)) && !AUXILIARIES.has(this.tokens[v]!.norm)) {
            sourced({ kind: 'direct', cue: span(text, this.tokens[v]!.start, this.tokens[v]!.end), source: this.srcSpan(np[0], np[1]), content: this.qspan(q), quotes: [this.qspan(q)], sentence: s0, paragraph: para, scare: false, inherited: false, headline: isHead(para) });
            continue;
          }
        }
      }
      // a dash credit after the quote: “…” ― Sonya Herridge
      const dash = /^\s*(―|—|–|--)\s*/.exec(text.slice(q.close, q.close + 6));
      if (dash) {
        const at = q.close + dash[0].length;
        const k = lowerBound(this.tokens.length, (i) => this.tokens[i]!.start < at);
        if (k < this.tokens.length && this.tokens[k]!.start === at && /^\p{Lu}/u.test(this.tokens[k]!.text)) {
          const sIdx = this.tokens[k]!.sentence;
          const np = this.npAfter(k, this.model.sentences[sIdx]!.tokenEnd);
          if (np) {
            const dashAt = q.close + dash[0].indexOf(dash[1]!);
            sourced({ kind: 'direct', cue: span(text, dashAt, dashAt + dash[1]!.length), source: this.srcSpan(np[0], np[1]), content: this.qspan(q), quotes: [this.qspan(q)], sentence: s0, paragraph: para, scare: false, inherited: false, headline: isHead(para) });
            continue;
          }
        }
      }
      // colon introduction: "Leavitt was blunt: “…”"
      const before = text.slice(model.sentences[s0]!.start, q.open);
      const colon = /:\s*$/.exec(before);
      if (colon && before.trim().length > 1) {
        const sent = model.sentences[s0]!;
        const np = this.npAfter(sent.tokenStart, sent.tokenEnd);
        if (np && this.tokens[np[0]]!.start < q.open && (this.tag(np[0]).pos !== 'NOUN' || ROLE_NOUNS.has(this.tokens[np[1] - 1]!.norm))) {
          const colonAt = model.sentences[s0]!.start + colon.index + colon[0].indexOf(':');
          sourced({
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
          });
          continue;
        }
      }
      // a short quote with no cue is a scare quote
      const scare = words <= 2 || /so[-\s]called\s*$/i.test(text.slice(Math.max(0, q.open - 12), q.open));
      // a quote with no speaker: a continuing quote when it opens its sentence (combine decides)
      const opensSentence = q.open <= model.sentences[s0]!.start + 1;
      const a: Attribution = {
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
      };
      out.push(a);
      entries.push({ a, sourced: false, kept: true, continues: !scare && opensSentence && !headlineQuote });
    }
    const quoteStage = out.length;
    // ---- indirect speech: cues not used by a quote
    for (const s of quotesOnly ? [] : [...cueSentences].sort((x, y) => x - y)) {
      const cs = cuesOf(s);
      for (const c of cs) {
        // a weak cue ("called the plan a disgrace") reports a view only with a subject that can hold one
        if (c.used || !c.source || (c.weak && (c.sourceAfter || c.srcFrom < 0 || !this.holdsView([c.srcFrom, c.srcTo])))) continue;
        const content = this.clause(c, cs);
        if (!content) continue;
        const para = model.sentences[s]!.paragraph;
        const inner: TextSpan[] = [];
        for (let qi = b.q0; qi < b.q1; qi++) {
          const q = this.top[qi]!;
          if (q.start >= content.start && q.end <= content.end) inner.push(this.qspan(q));
        }
        out.push(this.record(inner.length ? 'mixed' : 'indirect', c, content, inner, s, para, false, false, isHead(para)));
      }
    }
    const indirectStage = out.length;
    // "Pat Quill: Voters Are Worried" — a name and a colon opening a paragraph (headline style)
    for (let pn = quotesOnly ? b.p1 : b.p0; pn < b.p1; pn++) {
      const para = model.paragraphs[pn]!;
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
    // to the outer one; quotes keep their own records. (An attribution's content lies in the sentences
    // of its cue and its quotes, so the outer record is always of the same block.)
    const nested = (a: Attribution) =>
      a.kind !== 'direct' && a.cue !== null && out.some((o) => o !== a && o.source && o.cue && o.kind !== 'direct' && o.content.start <= a.cue!.start && a.cue!.end <= o.content.end && !(a.content.start <= o.cue.start && o.cue.end <= a.content.end));
    const cueTaken = new Set(out.filter((a) => a.kind === 'direct' && a.cue).map((a) => a.cue!.start));
    const drop = (a: Attribution) => nested(a) || (a.kind === 'indirect' && a.cue !== null && cueTaken.has(a.cue.start));
    for (const e of entries) if (drop(e.a)) e.kept = false;
    return { quotes: entries, indirect: out.slice(quoteStage, indirectStage).filter((a) => !drop(a)), labels: out.slice(indirectStage).filter((a) => !drop(a)) };
  }

  /**
   * The attributions of the whole text from its blocks' readings, in a fresh extraction's order: quote
   * records, then reported speech, then "Name: …" paragraphs (each in text order), sorted by content.
   * A quote with no speaker that opens its sentence continues the last quote with a speaker of its own,
   * when that one is in the same paragraph or the one before (and neither is a headline).
   */
  private combine(results: BlockReading[]): Attribution[] {
    const out: Attribution[] = [];
    let lastSourced: Attribution | null = null;
    for (const r of results) {
      for (const e of r.quotes) {
        let a = e.a;
        if (e.continues && lastSourced && lastSourced.source && lastSourced.paragraph >= a.paragraph - 1) {
          a = { kind: 'direct', cue: null, source: lastSourced.source, content: a.content, quotes: a.quotes, sentence: a.sentence, paragraph: a.paragraph, scare: false, inherited: true, headline: false };
        }
        if (e.sourced) lastSourced = a;
        if (e.kept) out.push(a);
      }
    }
    for (const r of results) out.push(...r.indirect);
    for (const r of results) out.push(...r.labels);
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
