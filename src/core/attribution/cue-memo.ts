/**
 * The cues of an article's sentences kept between checks of one document (the editor's session), so
 * that an edit reads again only the sentences of the paragraphs it touched. `CueReader.cues(s)` reads
 * of the article: the text of the sentence's paragraph (and the character and the word just after
 * it), the sentence's place in the paragraph, which offsets there are inside a top-level quote,
 * whether the paragraph opens an article of more than three paragraphs (a headline), the tagger, and
 * — through `holdsView` — whether words are capitalised mid-sentence anywhere in the text. An entry
 * is keyed by all of these except the last; the capitalisation answers it was computed with are
 * kept with it and checked on every use. A hit is the cached cues moved to the sentence's current
 * token indices and offsets: what `cues(s)` returns for the same input.
 *
 * It also keeps whole blocks of paragraphs as the extractor read them (`Extractor.readBlock`): the
 * records of a block whose key (`Extractor.blockKey`: everything the reading reads of the text but
 * mid-sentence capitals, relative to the block) is unchanged are moved to where the block stands in the text checked,
 * so an edit reads again only the block it touched.
 */
import type { TextModel } from '../text';
import type { Cue } from './cue-reader';
import type { QuoteSpan } from './quotes';
import { currentSentenceTagger, isFast } from './tagger';
import type { Attribution, SourceSpan, TextSpan } from './types';

interface Entry {
  cues: Cue[];
  /** the sentence, its first token and its paragraph's start when computed */
  sentence: number;
  token: number;
  offset: number;
  /** mid-sentence capitalisation answers the cues depend on */
  caps: [string, boolean][];
  used: number;
}

/** A block of whole paragraphs: paragraphs [p0, p1), sentences [s0, s1), tokens [t0, t1), top-level quotes [q0, q1), offsets [start, end). */
export interface Block {
  p0: number;
  p1: number;
  s0: number;
  s1: number;
  t0: number;
  t1: number;
  q0: number;
  q1: number;
  start: number;
  end: number;
}

/** A quote's record in a block's reading. */
export interface QuoteEntry {
  a: Attribution;
  /** the quote has a speaker of its own: a later quote may continue it */
  sourced: boolean;
  /** the record survives the nested-speech filter */
  kept: boolean;
  /** no speaker, opens its sentence, no scare quote, no headline: it takes the speaker of the quote it continues, if any */
  continues?: boolean;
}

/** One block's attributions before they are combined: quote records, reported speech, "Name: …" paragraphs. */
export interface BlockReading {
  quotes: QuoteEntry[];
  indirect: Attribution[];
  labels: Attribution[];
}

interface BlockEntry {
  /** the reading with offsets, sentences and paragraphs relative to the block's start */
  reading: BlockReading;
  caps: [string, boolean][];
  used: number;
}

export class CueMemo {
  private entries = new Map<string, Entry>();
  private blockEntries = new Map<string, BlockEntry>();
  /** blocks served from the memo and blocks read, over the memo's life */
  blockHits = 0;
  blockMisses = 0;
  private tagger: unknown = currentSentenceTagger();
  private generation = 0;
  hits = 0;
  misses = 0;

  /** A new extraction begins: entries unused by the last three are dropped, all of them if the tagger changed. */
  begin(): void {
    const t = currentSentenceTagger();
    if (t !== this.tagger) {
      this.entries.clear();
      this.blockEntries.clear();
      this.tagger = t;
    }
    this.generation++;
    if (this.generation % 4 === 0) {
      for (const [k, e] of this.entries) if (e.used < this.generation - 3) this.entries.delete(k);
      for (const [k, e] of this.blockEntries) if (e.used < this.generation - 3) this.blockEntries.delete(k);
    }
  }

  /** The reading kept under `key`, moved to block b, if kept and read with the same capitalisation answers. */
  getBlock(key: string, b: Block, midCapital: (norm: string) => boolean): BlockReading | undefined {
    const e = this.blockEntries.get(key);
    if (!e || !e.caps.every(([n, v]) => midCapital(n) === v)) {
      this.blockMisses++;
      return undefined;
    }
    this.blockHits++;
    e.used = this.generation;
    return movedReading(e.reading, b.start, b.s0, b.p0);
  }

  setBlock(key: string, b: Block, reading: BlockReading, caps: [string, boolean][]): void {
    this.blockEntries.set(key, { reading: movedReading(reading, -b.start, -b.s0, -b.p0), caps, used: this.generation });
  }

  /** What cues(s) reads of the model, but for mid-sentence capitals. */
  key(model: TextModel, top: readonly QuoteSpan[], s: number): string {
    const sent = model.sentences[s]!;
    const p = sent.paragraph;
    const para = model.paragraphs[p]!;
    const { text, tokens } = model;
    let k = sent.tokenEnd;
    while (k < tokens.length && tokens[k]!.start < para.end) k++;
    const nextNorm = tokens[k]?.norm ?? '';
    const quotes: number[] = [];
    for (const q of top) {
      if (q.close < para.start - 1 || q.open > para.end + 1) continue;
      quotes.push(Math.max(q.open - para.start, -1), Math.min(q.close - para.start, para.end - para.start + 2));
    }
    const head = p === 0 && model.paragraphs.length > 3 ? 1 : 0;
    return `${isFast(model) ? 1 : 0}${head}|${sent.start - para.start}|${sent.end - para.start}|${quotes.join(',')}|${nextNorm}|${text.slice(para.start, para.end + 1)}`;
  }

  /** The cues under `key` for sentence s, if kept and computed with the same capitalisation answers. */
  get(key: string, model: TextModel, s: number, midCapital: (norm: string) => boolean): Cue[] | undefined {
    const e = this.entries.get(key);
    if (!e || !e.caps.every(([n, v]) => midCapital(n) === v)) {
      this.misses++;
      return undefined;
    }
    this.hits++;
    e.used = this.generation;
    const sent = model.sentences[s]!;
    const dt = sent.tokenStart - e.token;
    const doff = model.paragraphs[sent.paragraph]!.start - e.offset;
    const ds = s - e.sentence;
    return e.cues.map((c) => moved(c, ds, dt, doff));
  }

  set(key: string, model: TextModel, s: number, cues: Cue[], caps: [string, boolean][]): void {
    const sent = model.sentences[s]!;
    this.entries.set(key, {
      cues: cues.map((c) => moved(c, 0, 0, 0)),
      sentence: s,
      token: sent.tokenStart,
      offset: model.paragraphs[sent.paragraph]!.start,
      caps,
      used: this.generation,
    });
  }
}

function span<T extends TextSpan>(x: T, d: number): T {
  return { ...x, start: x.start + d, end: x.end + d };
}

/** A copy of cue c, its sentence, token indices and offsets moved by ds, dt and doff. */
function moved(c: Cue, ds: number, dt: number, doff: number): Cue {
  const out: Cue = {
    ...c,
    sentence: c.sentence + ds,
    from: c.from + dt,
    to: c.to + dt,
    span: span(c.span, doff),
    source: c.source ? (span(c.source, doff) as SourceSpan) : null,
    srcFrom: c.srcFrom >= 0 ? c.srcFrom + dt : c.srcFrom,
    srcTo: c.srcTo >= 0 ? c.srcTo + dt : c.srcTo,
    used: false,
  };
  if (c.source?.resolved) out.source!.resolved = span(c.source.resolved, doff);
  return out;
}

/** A copy of attribution a, its offsets moved by doff, its sentence by ds and its paragraph by dp. */
function movedAttribution(a: Attribution, doff: number, ds: number, dp: number): Attribution {
  const out: Attribution = {
    ...a,
    cue: a.cue ? span(a.cue, doff) : null,
    source: a.source ? (span(a.source, doff) as SourceSpan) : null,
    content: span(a.content, doff),
    quotes: a.quotes.map((q) => span(q, doff)),
    sentence: a.sentence + ds,
    paragraph: a.paragraph + dp,
  };
  if (a.source?.resolved) out.source!.resolved = span(a.source.resolved, doff);
  return out;
}

function movedReading(r: BlockReading, doff: number, ds: number, dp: number): BlockReading {
  const m = (a: Attribution) => movedAttribution(a, doff, ds, dp);
  return { quotes: r.quotes.map((e) => ({ ...e, a: m(e.a) })), indirect: r.indirect.map(m), labels: r.labels.map(m) };
}
