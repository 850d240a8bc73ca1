/**
 * Range look-ups on a text model's sorted tokens and sentences, by binary search: which tokens lie
 * inside a span, which sentences a span touches, and a per-token mark of many spans at once. Rules
 * use them instead of scanning every token or sentence for each quote or attribution, which made
 * checks quadratic in the number of quotes.
 */
import { lowerBound } from './search';
import type { Span, Token } from './text';

/** Index of the first token starting at or after `offset`. */
export function tokenAtOrAfter(tokens: readonly Token[], offset: number): number {
  return lowerBound(tokens.length, (i) => tokens[i]!.start < offset);
}

/** Token indices [from, to) of the tokens wholly inside [start, end]. */
export function tokensWithin(tokens: readonly Token[], start: number, end: number): [number, number] {
  const from = lowerBound(tokens.length, (i) => tokens[i]!.start < start);
  let to = from;
  while (to < tokens.length && tokens[to]!.end <= end) to++;
  return [from, to];
}

/** Sentence indices [from, to) of the sentences that overlap [start, end). */
export function sentencesTouching(sentences: readonly Span[], start: number, end: number): [number, number] {
  const from = lowerBound(sentences.length, (i) => sentences[i]!.end <= start);
  let to = from;
  while (to < sentences.length && sentences[to]!.start < end) to++;
  return [from, to];
}

/** 1 for every token wholly inside one of the spans ([start, end] closed, as quote marks are). */
export function markTokensWithin(tokens: readonly Token[], spans: Iterable<{ start: number; end: number }>): Uint8Array {
  const depth = new Int32Array(tokens.length + 1);
  for (const s of spans) {
    const [from, to] = tokensWithin(tokens, s.start, s.end);
    if (from >= to) continue;
    depth[from]!++;
    depth[to]!--;
  }
  const out = new Uint8Array(tokens.length);
  let d = 0;
  for (let k = 0; k < tokens.length; k++) {
    d += depth[k]!;
    if (d > 0) out[k] = 1;
  }
  return out;
}
