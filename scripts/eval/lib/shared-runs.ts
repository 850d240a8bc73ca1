/**
 * The longest stretch of words two texts share verbatim, or nearly, outside quotation marks.
 *
 * Used by `eval meter-ceiling` to measure what a verbatim-copy detector cannot avoid flagging on
 * METER's non-derived articles: a newspaper article that repeats a wire story's words for 20 words
 * outside any quotation is, to a detector that must flag verbatim reuse, copying.
 *
 * - Words are the engine's tokens compared by their normalised form (`Token.norm`), so punctuation,
 *   case and line breaks never count.
 * - Exact run: consecutive article words equal to consecutive reference words, none of the article
 *   words between quotation marks (`findQuotes`: any marks, attributed or not); with `bothOutside`,
 *   none of the reference words either.
 * - Near run: exact runs of at least `nearMinRun` words chained in the order of both texts, each gap
 *   between two runs at most `nearMaxGap` words on either side (a word or two changed, added or
 *   dropped). Its length is the article words from the first run's start to the last run's end,
 *   gaps included; a quoted article word ends it as in the exact run.
 */
import { findQuotes } from '../../../src/core/attribution/quotes';
import type { TextModel } from '../../../src/core/text';

export interface SharedRun {
  /** article words from the first shared word to the last (gaps included for a near run) */
  words: number;
  /** words matched one for one */
  matched: number;
  /** token ranges [start, end) in the article and the reference */
  aTok: [number, number];
  bTok: [number, number];
  /** character offsets [start, end) in each text */
  a: { start: number; end: number };
  b: { start: number; end: number };
}

export interface SharedRunOptions {
  /** reference words between quotation marks break a run too (default false: only the article's) */
  bothOutside?: boolean;
  /** shortest exact run a near run is chained from (default 3) */
  nearMinRun?: number;
  /** most words skipped on either side between two chained runs (default 2) */
  nearMaxGap?: number;
}

/** 1 for each token of `model` between quotation marks. */
export function quotedMask(model: TextModel): Uint8Array {
  const out = new Uint8Array(model.tokens.length);
  const quotes = findQuotes(model).sort((x, y) => x.start - y.start);
  let k = 0;
  for (const q of quotes) {
    while (k < model.tokens.length && model.tokens[k]!.start < q.start) k++;
    for (let i = k; i < model.tokens.length && model.tokens[i]!.start < q.end; i++) out[i] = 1;
  }
  return out;
}

function toRun(a: TextModel, b: TextModel, aTok: [number, number], bTok: [number, number], matched: number): SharedRun {
  return {
    words: aTok[1] - aTok[0],
    matched,
    aTok,
    bTok,
    a: { start: a.tokens[aTok[0]]!.start, end: a.tokens[aTok[1] - 1]!.end },
    b: { start: b.tokens[bTok[0]]!.start, end: b.tokens[bTok[1] - 1]!.end },
  };
}

/**
 * The longest exact and near runs `a` (the article) shares with `b` (a reference) outside quotation
 * marks; `aQuoted` / `bQuoted` are the texts' `quotedMask`s. Null when nothing is shared.
 */
export function longestSharedRuns(
  a: TextModel,
  aQuoted: Uint8Array,
  b: TextModel,
  bQuoted: Uint8Array,
  o: SharedRunOptions = {},
): { exact: SharedRun | null; near: SharedRun | null } {
  const minRun = o.nearMinRun ?? 3;
  const maxGap = o.nearMaxGap ?? 2;
  const n = a.tokens.length;
  const m = b.tokens.length;
  const usable = (i: number, j: number) =>
    aQuoted[i] === 0 && (!o.bothOutside || bQuoted[j] === 0) && a.tokens[i]!.norm === b.tokens[j]!.norm;
  // run lengths along each diagonal, one row at a time; a maximal run ends where the next cell breaks it
  let prev = new Int32Array(m + 1);
  let cur = new Int32Array(m + 1);
  const runs: { i: number; j: number; len: number }[] = []; // start tokens and length of maximal runs
  let exact: { i: number; j: number; len: number } | null = null;
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < m; j++) cur[j + 1] = usable(i, j) ? prev[j]! + 1 : 0;
    for (let j = 0; j < m; j++) {
      const len = cur[j + 1]!;
      if (len === 0) continue;
      const ends = i + 1 === n || j + 1 === m || !usable(i + 1, j + 1);
      if (!ends) continue;
      const run = { i: i - len + 1, j: j - len + 1, len };
      if (!exact || len > exact.len) exact = run;
      if (len >= minRun) runs.push(run);
    }
    [prev, cur] = [cur, prev];
  }
  // near runs: chain maximal runs in both texts' order with short gaps, keeping for each run the
  // chain that starts earliest in the article
  runs.sort((x, y) => x.i - y.i || x.j - y.j);
  const first = runs.map((_, k) => k);
  const matchedTo = runs.map((r) => r.len);
  let near: { from: number; to: number } | null = null;
  for (let k = 0; k < runs.length; k++) {
    const r = runs[k]!;
    for (let q = k - 1; q >= 0; q--) {
      const p = runs[q]!;
      if (r.i - (p.i + p.len) > maxGap) continue;
      const ga = r.i - (p.i + p.len);
      const gb = r.j - (p.j + p.len);
      if (ga < 0 || gb < 0 || gb > maxGap) continue;
      let quotedGap = false;
      for (let t = p.i + p.len; t < r.i; t++) if (aQuoted[t]) quotedGap = true;
      if (quotedGap) continue;
      const f = first[q]!;
      if (runs[f]!.i < runs[first[k]!]!.i || (runs[f]!.i === runs[first[k]!]!.i && matchedTo[q]! + r.len > matchedTo[k]!)) {
        first[k] = f;
        matchedTo[k] = matchedTo[q]! + r.len;
      }
    }
    const span = r.i + r.len - runs[first[k]!]!.i;
    if (!near || span > runs[near.to]!.i + runs[near.to]!.len - runs[near.from]!.i) near = { from: first[k]!, to: k };
  }
  const exactRun = exact ? toRun(a, b, [exact.i, exact.i + exact.len], [exact.j, exact.j + exact.len], exact.len) : null;
  let nearRun: SharedRun | null = null;
  if (near) {
    const f = runs[near.from]!;
    const t = runs[near.to]!;
    nearRun = toRun(a, b, [f.i, t.i + t.len], [f.j, t.j + t.len], matchedTo[near.to]!);
  }
  // an exact run shorter than `nearMinRun` is no near run, but the longest exact run always is one
  if (exactRun && (!nearRun || exactRun.words > nearRun.words)) nearRun = exactRun;
  return { exact: exactRun, near: nearRun };
}
