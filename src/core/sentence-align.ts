/**
 * Sentence-level alignment of one document pair, after Sanchez-Perez, Gelbukh & Sidorov, "Adaptive
 * algorithm for plagiarism detection: the best-performing approach at PAN 2014 text alignment"
 * (CLEF 2014 notebook; CLEF 2015), whose published parameters are the defaults below:
 *
 * - Units: sentences; a sentence of fewer than `minSentWords` counted words is annexed to the next
 *   (the last one to the previous). Counted words: longer than two characters, stop words kept.
 *   Not the anchor's: the sides are built with sentences of 2·`unitWords` counted words or more
 *   already cut into units at clause marks (unitCuts; the cutting is align.ts's, which has the text).
 * - Weights: tf-isf of stems (term frequency × log(sentences of both documents / sentences
 *   containing the stem)), so a stem found in most sentences of the pair weighs little.
 * - Seeding: every sentence pair with cosine > `cos` and Dice (over distinct stems) > `dice`.
 * - Extension: seeds clustered by sentence distance in the article, then in the reference, then in
 *   the article … until no group splits (two seeds are adjacent when at most `gap` sentences lie
 *   between them). A cluster whose joined fragments have cosine ≤ `validate` is clustered again
 *   with a gap one smaller, down to 0.
 * - Not the anchor's: an article unit seeded with more than `hubSeeds` reference units keeps only the
 *   seeds its neighbours' seeds support (hubTrim) before extension, in both settings; in the ordinary
 *   setting a case's reference side keeps to its longest chain of seeds in order (chainTrim).
 * - Filtering: of cases overlapping in the article, the one whose sentences are more similar to its
 *   reference fragment is kept; cases shorter than `minChars` characters on either side are dropped.
 * - Summary setting: the extension is also run with `summaryGap`; when the reference side of its
 *   cases is at least `summaryRatio` times the article side (the article condenses the source),
 *   those cases are taken instead.
 *
 * The module works on stem-id sequences, so it knows nothing of the index; align.ts feeds it.
 */
import { IntSlots } from './int-slots';

export interface SentenceAlignOptions {
  cos: number;
  dice: number;
  validate: number;
  gap: number;
  summaryGap: number;
  summaryRatio: number;
  minChars: number;
  minSentWords: number;
  /**
   * Edge growth: a case takes the unit pair just before (after) it in both texts while their cosine
   * reaches `edgeCos` (0: off), at most `edgeSteps` pairs at each end.
   */
  edgeCos: number;
  edgeSteps: number;
  /** only a case of at least this many seed pairs grows */
  edgeMinSeeds: number;
  /**
   * The summary setting is taken only when it finds what the ordinary setting does not: fewer cases
   * (pieces joined), an article side at least `summaryWiden` times the ordinary cases' own, or
   * ordinary cases whose reference side is already `summaryOwnRatio` times their article side.
   * Otherwise the wide gap has only stretched the reference side of the cases the ordinary setting
   * found (0: no such test).
   */
  summaryWiden: number;
  summaryOwnRatio: number;
  /**
   * A sentence of at least twice this many counted words is cut into floor(n / this) units of like
   * length (about this many to twice as many words), each cut moved up to a quarter of a unit to the
   * strongest clause mark near it (0: off). Text with few sentence ends (lists, headings, run-on copy)
   * otherwise makes a few long units whose tf-isf vectors a copied stretch inside them cannot reach.
   */
  unitWords: number;
  /**
   * Hub units: an article unit seeded with more than `hubSeeds` reference units (a list line, a
   * generic sentence, a source that repeats itself) keeps only its seeds lying within `gap` units,
   * in both texts, of a seed of another article unit that is not a hub itself (see hubTrim). Its
   * other seeds would stretch the case's reference side over sentences it was never copied from.
   * `summaryHubSeeds` is the summary setting's bound (a summary sentence may condense two or three
   * source sentences). 0: off.
   */
  hubSeeds: number;
  summaryHubSeeds: number;
  /**
   * Order: in the ordinary setting a case keeps the extent of its longest chain of seeds in order in
   * both texts (a seed may lie up to `chainSlack` reference units before the one before it), and the
   * seeds off the chain that lie outside that extent are let go. Copying that keeps its sentences in
   * their order pairs consecutive article units with consecutive reference units; a seed off that
   * diagonal (an article sentence like another sentence a few units away) only stretches the case
   * over text it was not copied from. Negative: off.
   */
  chainSlack: number;
}

export const DEFAULT_SENTENCE_ALIGN: SentenceAlignOptions = {
  cos: 0.33,
  dice: 0.33,
  validate: 0.34,
  gap: 4,
  summaryGap: 24,
  summaryRatio: 3,
  minChars: 150,
  minSentWords: 3,
  edgeCos: 0.2,
  edgeSteps: 2,
  edgeMinSeeds: 3,
  summaryWiden: 1.1,
  summaryOwnRatio: 2,
  unitWords: 20,
  hubSeeds: 2,
  summaryHubSeeds: 3,
  chainSlack: 3,
};

/** One side of a pair: per sentence, its counted stems (ids; any integers) and its extent. */
export interface SentenceSide {
  /** counted stem ids of each sentence, in text order */
  stems: ArrayLike<number>[];
  /** character span of each sentence [start, end) */
  chars: ArrayLike<number>[];
  /** token range of each sentence [from, to) */
  toks: ArrayLike<number>[];
}

/** A case: sentence ranges (inclusive) of the merged units, with character and token extents. */
export interface SentenceCase {
  a: { start: number; end: number; tokFrom: number; tokTo: number };
  b: { start: number; end: number; tokFrom: number; tokTo: number };
  /** cosine of the joined fragments */
  similarity: number;
  /** found in the summary setting */
  summary: boolean;
  /** share of the case's article units that are seeds (pair with a reference unit on their own) */
  density: number;
  /** token ranges [from, to) of the case's article units that are not seeds (sentences it bridges) */
  unpaired: [number, number][];
}

interface Unit {
  /** distinct counted stems and their counts */
  keys: Int32Array;
  tf: Float64Array;
  /** per stem of `keys`: the number of units of this side holding it */
  sf: Int32Array;
  /** per stem of `keys`: its slot in the side's `stems` */
  slots: Int32Array;
  start: number;
  end: number;
  tokFrom: number;
  tokTo: number;
}

/**
 * One side made ready for pairing: its units, their sentence frequencies and an inverted list. The
 * side's distinct stems are numbered (`stems`, in order of first appearance); per-stem values are
 * arrays indexed by that number.
 */
export class PreparedSide {
  /** per stem slot: the number of units containing it */
  readonly sf: Int32Array;
  /** where each unit's keys would start if all units' keys were laid end to end (units + 1 entries) */
  readonly keyStart: Int32Array;
  private postStart: Int32Array | null = null;
  private postData: Int32Array | null = null;

  constructor(
    readonly units: Unit[],
    readonly stems: IntSlots,
    sf: Int32Array,
  ) {
    this.sf = sf;
    this.keyStart = new Int32Array(units.length + 1);
    for (let i = 0; i < units.length; i++) this.keyStart[i + 1] = this.keyStart[i]! + units[i]!.keys.length;
  }

  /** The number of units holding stem `key` (undefined: none). */
  sfOf(key: number): number | undefined {
    const s = this.stems.slot(key);
    return s < 0 ? undefined : this.sf[s];
  }

  /**
   * The inverted list of stem slot `s`: flat pairs (unit, position of the stem in that unit's keys),
   * ascending by unit, at `data[start[s] .. start[s + 1])`. Built on first use (a reference side is
   * searched through it only when an edited article's memo asks).
   */
  post(): { start: Int32Array; data: Int32Array } {
    if (!this.postStart) {
      const n = this.stems.size;
      const start = new Int32Array(n + 1);
      for (let s = 0; s < n; s++) start[s + 1] = start[s]! + 2 * this.sf[s]!;
      const at = start.slice(0, n);
      const data = new Int32Array(start[n]!);
      this.units.forEach((u, i) => {
        for (let x = 0; x < u.slots.length; x++) {
          const w = at[u.slots[x]!]!;
          data[w] = i;
          data[w + 1] = x;
          at[u.slots[x]!] = w + 2;
        }
      });
      this.postStart = start;
      this.postData = data;
    }
    return { start: this.postStart, data: this.postData! };
  }
}

/**
 * Where a sentence of `n` counted words is cut into units of about `min` to 2·`min` words: the
 * counted-word indexes at which units after the first start. A sentence under 2·`min` words stays
 * whole (ordinary sentences are the anchor's units); a longer one is cut into floor(n / min) pieces
 * of like length, each cut moved, within a quarter of a piece, to the counted word with the
 * strongest break before it (`strength`: 0 none, higher stronger), the nearest to the even cut
 * among equals.
 */
export function unitCuts(n: number, min: number, strength: (k: number) => number): number[] {
  const pieces = min > 0 ? Math.floor(n / min) : 0;
  if (pieces <= 1) return [];
  const size = n / pieces;
  const slack = Math.floor(size / 4);
  const out: number[] = [];
  let prev = 0;
  for (let p = 1; p < pieces; p++) {
    const even = Math.round(p * size);
    let best = even;
    let bestStrength = strength(even);
    for (let d = 1; d <= slack; d++) {
      for (const k of [even - d, even + d]) {
        if (k <= prev || k >= n) continue;
        const st = strength(k);
        if (st > bestStrength) {
          best = k;
          bestStrength = st;
        }
      }
    }
    out.push(best);
    prev = best;
  }
  return out;
}

/** Sentences → units, annexing sentences of fewer than `min` counted words to the next one. */
export function prepareSide(side: SentenceSide, min: number): PreparedSide {
  // units as sentence ranges [from, to): a unit closes once it holds `min` counted words; sentences
  // left over at the end join the last unit (or make one) when they hold any
  const groups: number[] = [];
  let from = -1;
  let n = 0;
  let total = 0;
  const count = side.stems.length;
  for (let k = 0; k < count; k++) {
    if (from < 0) from = k;
    const len = side.stems[k]!.length;
    n += len;
    total += len;
    if (n < min) continue;
    groups.push(from, k + 1);
    from = -1;
    n = 0;
  }
  if (from >= 0 && n > 0) {
    if (groups.length) groups[groups.length - 1] = count;
    else groups.push(from, count);
  }
  const stems = new IntSlots(Math.max(8, total >> 1));
  // per stem slot: the unit (number + 1) that last met it, and its position in the buffers below
  const seen = new Int32Array(total);
  const posOf = new Int32Array(total);
  const sf = new Int32Array(total);
  // the units' keys, term frequencies, sentence frequencies and slots, unit after unit: each unit's
  // arrays are views of its stretch (one allocation a side, not four a unit)
  const keysBuf = new Int32Array(total);
  const slotsBuf = new Int32Array(total);
  const tfBuf = new Float64Array(total);
  const sfBuf = new Int32Array(total);
  const units: Unit[] = [];
  let base = 0;
  for (let g = 0; g < groups.length; g += 2) {
    const g0 = groups[g]!;
    const g1 = groups[g + 1]!;
    const mark = units.length + 1;
    let nk = base;
    for (let k = g0; k < g1; k++) {
      const st = side.stems[k]!;
      for (let x = 0; x < st.length; x++) {
        const key = st[x]!;
        const slot = stems.add(key);
        if (seen[slot] === mark) {
          tfBuf[posOf[slot]!]!++;
          continue;
        }
        seen[slot] = mark;
        posOf[slot] = nk;
        keysBuf[nk] = key;
        slotsBuf[nk] = slot;
        tfBuf[nk] = 1;
        nk++;
        sf[slot]!++;
      }
    }
    units.push({
      keys: keysBuf.subarray(base, nk),
      tf: tfBuf.subarray(base, nk),
      sf: sfBuf.subarray(base, nk),
      slots: slotsBuf.subarray(base, nk),
      start: side.chars[g0]![0]!,
      end: side.chars[g1 - 1]![1]!,
      tokFrom: side.toks[g0]![0]!,
      tokTo: side.toks[g1 - 1]![1]!,
    });
    base = nk;
  }
  for (const u of units) for (let x = 0; x < u.slots.length; x++) u.sf[x] = sf[u.slots[x]!]!;
  return new PreparedSide(units, stems, sf);
}

/**
 * tf-isf weights of one side's units, given the sentence frequencies of both sides, each unit's
 * computed when first asked for (`at`): the seed search reads only the reference units that may
 * pair, and extension and filtering only those around the seeds.
 */
class UnitWeights {
  private readonly w: (Float64Array | undefined)[];
  /** the norm of each unit's weights, once `at` computed them */
  readonly norm: Float64Array;
  // log(n / c) for each sentence frequency c (1..n) met, computed once (0 also marks "not yet": log(n / n))
  private readonly logs: Float64Array;

  constructor(
    private readonly p: PreparedSide,
    private readonly other: PreparedSide,
    private readonly n: number,
  ) {
    this.w = new Array(p.units.length);
    this.norm = new Float64Array(p.units.length);
    this.logs = new Float64Array(n + 1);
  }

  at(i: number): Float64Array {
    const have = this.w[i];
    if (have) return have;
    const v = new Float64Array(this.p.units[i]!.keys.length);
    this.norm[i] = Math.sqrt(this.into(i, v, 0));
    this.w[i] = v;
    return v;
  }

  /**
   * Unit `i`'s weights written to `out` from `at` on, kept nowhere (the seed search reads each once);
   * returns their sum of squares. The same numbers `at` gives.
   */
  into(i: number, out: Float64Array, at: number): number {
    const u = this.p.units[i]!;
    const keys = u.keys;
    const tf = u.tf;
    const sf = u.sf;
    const other = this.other;
    const logs = this.logs;
    let nn = 0;
    for (let x = 0; x < keys.length; x++) {
      const os = other.stems.slot(keys[x]!);
      const c = sf[x]! + (os >= 0 ? other.sf[os]! : 0);
      let lg = logs[c]!;
      if (lg === 0) lg = logs[c] = Math.log(this.n / c);
      const x2 = tf[x]! * lg;
      out[at + x] = x2;
      nn += x2 * x2;
    }
    return nn;
  }
}

/** Weighted units as maps, for the joined-fragment comparisons of extension and filtering. */
type Vec = Map<number, number>;

function cosine(x: Vec, y: Vec): number {
  let nx = 0;
  let ny = 0;
  for (const w of x.values()) nx += w * w;
  for (const w of y.values()) ny += w * w;
  if (nx === 0 || ny === 0) return 0;
  const [s, b] = x.size < y.size ? [x, y] : [y, x];
  let dot = 0;
  for (const [k, w] of s) {
    const v = b.get(k);
    if (v !== undefined) dot += w * v;
  }
  return dot / Math.sqrt(nx * ny);
}

/**
 * A sum of a side's unit weights by stem slot (Weighted.sumInto): `vals[slot]` is valid where
 * `stamp[slot]` is the sum's stamp; `order` lists the slots in the order of first addition (a Map's
 * insertion order). Two of them, reused: one per side of a comparison.
 */
class SlotSum {
  vals = new Float64Array(0);
  stamp = new Int32Array(0);
  order = new Int32Array(0);
  n = 0;
  current = 0;

  reset(size: number): void {
    if (this.vals.length < size) {
      const len = Math.max(size, 2 * this.vals.length);
      this.vals = new Float64Array(len);
      this.stamp = new Int32Array(len);
      this.order = new Int32Array(len);
      this.current = 0;
    }
    this.n = 0;
    if (++this.current > 0x3fffffff) {
      this.stamp.fill(0);
      this.current = 1;
    }
  }
}

const sumA = new SlotSum();
const sumB = new SlotSum();

/**
 * cosine(av.sum(a0, a1), bv.sum(b0, b1)) without making the maps: each side's weights summed by stem
 * slot into a reused array. Every value, sum and product is the one the maps give, added in the same
 * order (each map's insertion order; the dot product over the smaller, the second side's when of equal
 * size), so the result is the same number.
 */
function rangeCosine(av: Weighted, a0: number, a1: number, bv: Weighted, b0: number, b1: number): number {
  const x = av.sumInto(a0, a1, sumA);
  const y = bv.sumInto(b0, b1, sumB);
  let nx = 0;
  let ny = 0;
  for (let k = 0; k < x.n; k++) {
    const w = x.vals[x.order[k]!]!;
    nx += w * w;
  }
  for (let k = 0; k < y.n; k++) {
    const w = y.vals[y.order[k]!]!;
    ny += w * w;
  }
  if (nx === 0 || ny === 0) return 0;
  const [s, sSide, b, bSide] = x.n < y.n ? [x, av.side, y, bv.side] : [y, bv.side, x, av.side];
  let dot = 0;
  for (let k = 0; k < s.n; k++) {
    const slot = s.order[k]!;
    const other = bSide.stems.slot(sSide.stems.keys[slot]!);
    if (other >= 0 && b.stamp[other] === b.current) dot += s.vals[slot]! * b.vals[other]!;
  }
  return dot / Math.sqrt(nx * ny);
}

/** rangeCosine between two prepared sides, their weights made as alignSentences makes them (for tests). */
export function rangeCosineOf(pa: PreparedSide, pb: PreparedSide, a0: number, a1: number, b0: number, b1: number): number {
  const n = pa.units.length + pb.units.length;
  return rangeCosine(new Weighted(pa, new UnitWeights(pa, pb, n)), a0, a1, new Weighted(pb, new UnitWeights(pb, pa, n)), b0, b1);
}

/** The same cosine through maps of the summed weights by stem (rangeCosine's reference, for tests). */
export function mapCosineOf(pa: PreparedSide, pb: PreparedSide, a0: number, a1: number, b0: number, b1: number): number {
  const n = pa.units.length + pb.units.length;
  return cosine(new Weighted(pa, new UnitWeights(pa, pb, n)).sum(a0, a1), new Weighted(pb, new UnitWeights(pb, pa, n)).sum(b0, b1));
}

class Weighted {
  private maps: (Vec | undefined)[] = [];
  private readonly units: Unit[];
  constructor(
    readonly side: PreparedSide,
    private w: UnitWeights,
  ) {
    this.units = side.units;
  }

  /** units from..to's weights summed into `out` by stem slot (as sum() adds them) */
  sumInto(from: number, to: number, out: SlotSum): SlotSum {
    out.reset(this.side.stems.size);
    const { vals, stamp, order } = out;
    const cur = out.current;
    for (let k = from; k <= to; k++) {
      const slots = this.units[k]!.slots;
      const w = this.w.at(k);
      for (let x = 0; x < slots.length; x++) {
        const slot = slots[x]!;
        if (stamp[slot] === cur) vals[slot] += w[x]!;
        else {
          stamp[slot] = cur;
          vals[slot] = 0 + w[x]!;
          order[out.n++] = slot;
        }
      }
    }
    return out;
  }
  vec(i: number): Vec {
    let m = this.maps[i];
    if (!m) {
      m = new Map();
      const u = this.units[i]!;
      const w = this.w.at(i);
      for (let x = 0; x < u.keys.length; x++) m.set(u.keys[x]!, w[x]!);
      this.maps[i] = m;
    }
    return m;
  }
  sum(from: number, to: number): Vec {
    if (from === to) return this.vec(from);
    const out: Vec = new Map();
    for (let k = from; k <= to; k++) {
      const u = this.units[k]!;
      const w = this.w.at(k);
      for (let x = 0; x < u.keys.length; x++) out.set(u.keys[x]!, (out.get(u.keys[x]!) ?? 0) + w[x]!);
    }
    return out;
  }
}

/** A seed: article unit, reference unit. */
type Pair = [number, number];

function groupBy(ps: Pair[], side: 0 | 1, gap: number): Pair[][] {
  const sorted = [...ps].sort((x, y) => x[side] - y[side] || x[1 - side]! - y[1 - side]!);
  const out: Pair[][] = [];
  let cur: Pair[] = [];
  for (const p of sorted) {
    if (cur.length && p[side] - cur[cur.length - 1]![side] - 1 > gap) {
      out.push(cur);
      cur = [];
    }
    cur.push(p);
  }
  if (cur.length) out.push(cur);
  return out;
}

/** Alternate splitting by article and reference sentence gaps until no group splits. */
export function clusterPairs(ps: Pair[], gap: number, side: 0 | 1 = 0, first = true): Pair[][] {
  const sets = groupBy(ps, side, gap);
  if (sets.length <= 1 && !first) return sets;
  const out: Pair[][] = [];
  for (const s of sets) out.push(...clusterPairs(s, gap, side === 0 ? 1 : 0, false));
  return out;
}

interface Case {
  a: [number, number]; // unit range, inclusive
  b: [number, number];
  seeds: Pair[];
  sim: number;
}

function extentOf(seeds: Pair[]): { a: [number, number]; b: [number, number] } {
  let a0 = Infinity, a1 = -Infinity, b0 = Infinity, b1 = -Infinity;
  for (const [i, j] of seeds) {
    a0 = Math.min(a0, i);
    a1 = Math.max(a1, i);
    b0 = Math.min(b0, j);
    b1 = Math.max(b1, j);
  }
  return { a: [a0, a1], b: [b0, b1] };
}

/**
 * Cases of the seed clusters whose joined fragments pass `validate`, a failing cluster clustered again
 * with a smaller gap. `sims` keeps the cosine of each pair of unit ranges computed (a cluster that does
 * not split at the next gap has the same extents).
 */
function extend(seeds: Pair[], av: Weighted, bv: Weighted, gap: number, validate: number, sims: Map<string, number>): Case[] {
  const out: Case[] = [];
  for (const c of clusterPairs(seeds, gap)) {
    const e = extentOf(c);
    const key = `${e.a[0]},${e.a[1]},${e.b[0]},${e.b[1]}`;
    let sim = sims.get(key);
    if (sim === undefined) sims.set(key, (sim = rangeCosine(av, e.a[0], e.a[1], bv, e.b[0], e.b[1])));
    if (sim > validate) out.push({ ...e, seeds: c, sim });
    else if (gap > 0) out.push(...extend(c, av, bv, gap - 1, validate, sims));
  }
  return out;
}

/**
 * Each case's reference side cut to its longest chain of seeds in order in both texts (article unit
 * ascending, reference unit at least the previous one's less `slack`; a second seed of one article
 * unit chains only with the next reference unit), widened by `slack` units: the seeds beyond are let
 * go. Among chains of equal length the one with the shorter steps in the reference is taken, and the
 * first in (article, reference) order. The article side stays. Negative `slack`: the cases as they are.
 */
function chainTrim(cases: Case[], slack: number): Case[] {
  if (!(slack >= 0)) return cases;
  return cases.map((c) => {
    if (c.seeds.length < 2) return c;
    const s = [...c.seeds].sort((x, y) => x[0] - y[0] || x[1] - y[1]);
    const best = new Int32Array(s.length);
    const prev = new Int32Array(s.length).fill(-1);
    let top = 0;
    for (let k = 0; k < s.length; k++) {
      best[k] = 1;
      const [i, j] = s[k]!;
      for (let p = 0; p < k; p++) {
        const [ip, jp] = s[p]!;
        // one article unit chains only to the next reference unit (a sentence split in two)
        if (jp > j + slack || (ip === i && (jp >= j || j - jp > 1))) continue;
        // the longest chain; among equals, the step shortest in the reference
        if (best[p]! + 1 > best[k]! || (best[p]! + 1 === best[k]! && prev[k]! >= 0 && Math.abs(j - jp) < Math.abs(j - s[prev[k]!]![1]))) {
          best[k] = best[p]! + 1;
          prev[k] = p;
        }
      }
      if (best[k]! > best[top]!) top = k;
    }
    const chain: Pair[] = [];
    for (let k = top; k >= 0; k = prev[k]!) chain.push(s[k]!);
    const e = extentOf(chain);
    // seeds within `slack` units of the chain's reference extent stay (sentences split or joined)
    const seeds = c.seeds.filter(([, j]) => j >= e.b[0] - slack && j <= e.b[1] + slack);
    if (seeds.length === c.seeds.length) return c;
    return { ...c, b: extentOf(seeds).b, seeds };
  });
}

/** The characters the cases span in the article and in the reference, each summed over the cases. */
function extents(cases: readonly Case[], ua: readonly Unit[], ub: readonly Unit[]): [number, number] {
  let a = 0;
  let b = 0;
  for (const c of cases) {
    a += ua[c.a[1]]!.end - ua[c.a[0]]!.start;
    b += ub[c.b[1]]!.end - ub[c.b[0]]!.start;
  }
  return [a, b];
}

/**
 * Obfuscation spares no sentence evenly: the first or last sentence pair of a copied stretch may fall
 * under the seed thresholds although its neighbours pass. A case takes the unit pair just outside it
 * in both texts while the two units' cosine reaches `edgeCos`; the pair joins its seeds. Only cases
 * that stand on their own (past the filter) grow, and never into another case's article units.
 */
function grow(cases: Case[], av: Weighted, bv: Weighted, na: number, nb: number, o: SentenceAlignOptions): Case[] {
  if (!(o.edgeCos > 0)) return cases;
  // cases come from filter: apart in the article, in article order; each grows up to its neighbours
  for (let n = 0; n < cases.length; n++) {
    const c = cases[n]!;
    const lo = n > 0 ? cases[n - 1]!.a[1] : -1;
    const hi = n + 1 < cases.length ? cases[n + 1]!.a[0] : na;
    if (c.seeds.length < o.edgeMinSeeds) continue;
    // the start first, then the end: end e of the case moves by step
    for (const [e, step] of [[0, -1], [1, 1]] as const) {
      for (let k = 0; k < o.edgeSteps; k++) {
        const i = c.a[e] + step;
        const j = c.b[e] + step;
        const inside = step < 0 ? i > lo && j >= 0 : i < hi && j < nb;
        if (!inside || cosine(av.vec(i), bv.vec(j)) < o.edgeCos) break;
        c.a[e] = i;
        c.b[e] = j;
        c.seeds.push([i, j]);
      }
    }
  }
  return cases;
}

/**
 * How well case `c`'s article units match its reference fragment: the mean best cosine of the units
 * it shares with `other`, raised by the mean over its own other units (the anchor's overlap rule).
 */
function overlapScore(c: Case, other: Case, av: Weighted, bv: Weighted): number {
  let ol = 0, nol = 0, nOl = 0, nNol = 0;
  for (let s = c.a[0]; s <= c.a[1]; s++) {
    let best = 0;
    for (let k = c.b[0]; k <= c.b[1]; k++) best = Math.max(best, cosine(av.vec(s), bv.vec(k)));
    if (s >= other.a[0] && s <= other.a[1]) {
      ol += best;
      nOl++;
    } else {
      nol += best;
      nNol++;
    }
  }
  let sim = nOl ? ol / nOl : 0;
  if (nNol) sim += (1 - sim) * (nol / nNol);
  return sim;
}

function filter(cases: Case[], av: Weighted, bv: Weighted, ua: Unit[], ub: Unit[], minChars: number): Case[] {
  cases.sort((x, y) => x.a[0] - y.a[0] || y.a[1] - x.a[1]);
  const kept: Case[] = [];
  for (const c of cases) {
    const last = kept[kept.length - 1];
    if (last && c.a[0] <= last.a[1]) {
      const sl = overlapScore(last, c, av, bv);
      const sc = overlapScore(c, last, av, bv);
      if (sc > sl || (sc === sl && c.a[1] - c.a[0] > last.a[1] - last.a[0])) kept[kept.length - 1] = c;
      continue;
    }
    kept.push(c);
  }
  return kept.filter(
    (c) => ua[c.a[1]]!.end - ua[c.a[0]]!.start >= minChars && ub[c.b[1]]!.end - ub[c.b[0]]!.start >= minChars,
  );
}

let dotBuf = new Float64Array(256);
let sharedBuf = new Int32Array(256);
let hitsBuf = new Int32Array(256);

/** Grows the scratch buffers (all three are kept the same length) to hold at least `n` units. */
function scratchFor(n: number): void {
  if (dotBuf.length >= n) return;
  dotBuf = new Float64Array(n * 2);
  sharedBuf = new Int32Array(n * 2);
  hitsBuf = new Int32Array(n * 2);
}
let listBuf = new Int32Array(64);
let touchBuf = new Int32Array(64);
// the seed search's article weights (end to end) and norms, and one reference unit's weights
let aFlat = new Float64Array(256);
let aNorm = new Float64Array(64);
let bWeights = new Float64Array(64);
let orderBuf = new Int32Array(64);

/**
 * How many of a reference unit's `lb` keys may be left out of the search for article units that pair
 * with it: the largest `suf` with 2·min(suf, la) / (la + lb) ≤ dice for every la ≥ 1 (its maximum is
 * at la = suf), so an article unit sharing none of the other keys cannot pass the Dice threshold.
 */
function leaveOut(lb: number, dice: number): number {
  if (!(dice > 0)) return 0;
  let suf = Math.min(lb, Math.floor((dice * lb) / (2 - dice)));
  while (suf > 0 && (2 * suf) / (suf + lb) > dice) suf--;
  return suf;
}

/**
 * Seeds: pairs passing both thresholds, found through the article side's inverted list.
 *
 * A reference unit is first probed without its `suf` keys (leaveOut) whose article lists are longest
 * (the stop words): an article unit sharing `h` of the probed keys shares at most min(h + suf, la)
 * keys in all, and when no article unit can reach the Dice threshold that way the unit has no seed,
 * which the full pass would have found too. Units that may pair go through the full pass, whose sums
 * run in the keys' order as they always do. `dicePass` (optional) receives every pair passing the Dice
 * threshold, seed or not (Dice reads only the units' stems).
 */
function seedPairs(pa: PreparedSide, pb: PreparedSide, aWeights: UnitWeights, bw: UnitWeights, o: SentenceAlignOptions, probe = true, probed?: { skipped: number }, dicePass?: Pair[]): Pair[] {
  const na = pa.units.length;
  // every article unit's weights, laid end to end (unit i's from keyStart[i]), and their norms
  const keyStart = pa.keyStart;
  if (aFlat.length < keyStart[na]!) aFlat = new Float64Array(2 * keyStart[na]!);
  if (aNorm.length < na) aNorm = new Float64Array(2 * na);
  const aw = aFlat;
  const anorm = aNorm;
  for (let i = 0; i < na; i++) anorm[i] = Math.sqrt(aWeights.into(i, aw, keyStart[i]!));
  scratchFor(na);
  const dot = dotBuf;
  const shared = sharedBuf;
  const hits = hitsBuf;
  // the article units met for the current reference unit (scratch, `nt` of them): an array emptied with
  // `length = 0` loses its backing store, and this one is refilled for every reference unit
  if (touchBuf.length < na) touchBuf = new Int32Array(2 * na);
  const touched = touchBuf;
  let nt = 0;
  const out: Pair[] = [];
  const ua = pa.units;
  const ub = pb.units;
  const { start: postStart, data: post } = pa.post();
  const aStems = pa.stems;
  for (let j = 0; j < ub.length; j++) {
    const u = ub[j]!;
    const lb = u.keys.length;
    if (listBuf.length < lb) listBuf = new Int32Array(lb * 2);
    if (orderBuf.length < lb) orderBuf = new Int32Array(lb * 2);
    // the article list (stem slot, -1: none) of each of the unit's keys; the `suf` longest are left out of the probe
    const lists = listBuf;
    let present = 0;
    for (let x = 0; x < lb; x++) {
      const s = aStems.slot(u.keys[x]!);
      lists[x] = s;
      if (s >= 0) orderBuf[present++] = x;
    }
    const suf = probe ? Math.min(present, leaveOut(lb, o.dice)) : 0;
    if (suf > 0) {
      // partial selection sort: the suf longest lists to the front of orderBuf
      for (let a = 0; a < suf; a++) {
        let best = a;
        let bestLen = pa.sf[lists[orderBuf[a]!]!]!;
        for (let b = a + 1; b < present; b++) {
          const len = pa.sf[lists[orderBuf[b]!]!]!;
          if (len > bestLen) {
            best = b;
            bestLen = len;
          }
        }
        const t = orderBuf[a]!;
        orderBuf[a] = orderBuf[best]!;
        orderBuf[best] = t;
      }
      nt = 0;
      for (let q = suf; q < present; q++) {
        const s = lists[orderBuf[q]!]!;
        for (let p = postStart[s]!, e = postStart[s + 1]!; p < e; p += 2) {
          const i = post[p]!;
          if (hits[i] === 0) touched[nt++] = i;
          hits[i]!++;
        }
      }
      let may = false;
      for (let t = 0; t < nt; t++) {
        const i = touched[t]!;
        const la = ua[i]!.keys.length;
        const most = Math.min(hits[i]! + suf, la);
        if ((2 * most) / (la + lb) > o.dice) may = true;
        hits[i] = 0;
      }
      if (!may) {
        if (probed) probed.skipped++;
        continue;
      }
    }
    if (bWeights.length < lb) bWeights = new Float64Array(2 * lb);
    const wj = bWeights;
    const bn = Math.sqrt(bw.into(j, wj, 0));
    nt = 0;
    for (let x = 0; x < lb; x++) {
      const s = lists[x]!;
      if (s < 0) continue;
      const w = wj[x]!;
      for (let p = postStart[s]!, e = postStart[s + 1]!; p < e; p += 2) {
        const i = post[p]!;
        if (shared[i] === 0) touched[nt++] = i;
        shared[i]!++;
        dot[i]! += aw[keyStart[i]! + post[p + 1]!]! * w;
      }
    }
    for (let t = 0; t < nt; t++) {
      const i = touched[t]!;
      const d = (2 * shared[i]!) / (ua[i]!.keys.length + lb);
      const an = anorm[i]!;
      const c = an > 0 && bn > 0 ? dot[i]! / (an * bn) : 0;
      if (d > o.dice) {
        if (c > o.cos) out.push([i, j]);
        if (dicePass) dicePass.push([i, j]);
      }
      shared[i] = 0;
      dot[i] = 0;
    }
  }
  return out;
}

/**
 * The seed pairs of two sides (test hook): with `probe` false every reference unit goes through the
 * full pass; `probed.skipped` counts the units the probe ruled out.
 */
export function seedPairsOf(a: SentenceSide, b: SentenceSide, options: Partial<SentenceAlignOptions> = {}, probe = true, probed?: { skipped: number }): [number, number][] {
  const o = { ...DEFAULT_SENTENCE_ALIGN, ...options };
  const pa = prepareSide(a, o.minSentWords);
  const pb = prepareSide(b, o.minSentWords);
  if (!pa.units.length || !pb.units.length) return [];
  const n = pa.units.length + pb.units.length;
  return seedPairs(pa, pb, new UnitWeights(pa, pb, n), new UnitWeights(pb, pa, n), o, probe, probed);
}

/** A case by unit indexes: what alignSentences returns, before the units' extents are read. */
interface CaseForm {
  a: [number, number];
  b: [number, number];
  sim: number;
  /** the article units paired by a seed, ascending */
  paired: number[];
}

/** The last result of one reference side against an article side. */
interface MemoEntry {
  pa: PreparedSide;
  optionsSig: string;
  seeds: Pair[];
  /** the pairs passing the Dice threshold (the seeds among them) */
  dicePass: Pair[];
  cases: CaseForm[];
  summary: boolean;
  /** unit ranges (inclusive) whose weights or extents the cases were computed from, in the article and the reference */
  ra: [number, number];
  rb: [number, number];
  used: number;
}

/** How an article side differs from an earlier one with as many units. */
interface SideDiff {
  /** article units whose stems or counts changed (ascending) */
  keys: number[];
  /** article units whose weights differ: those of `keys`, and those holding a stem of `stems` */
  a: Uint8Array;
  aList: number[];
  /** `a`, and the units whose length or distance from the unit before changed (the filter reads the character spans of unit ranges) */
  read: Uint8Array;
  /** stems whose article sentence frequency changed: every unit holding one weighs it differently */
  stems: number[];
}

export interface SentenceAlignMemoStats {
  /** pairs aligned afresh; seeds updated where weights changed and the cases computed again; seeds updated and the cases kept */
  fresh: number;
  partial: number;
  reused: number;
}

/**
 * The last result of each reference side against the article side of an edited document, so that the
 * next side (one edit later) searches for seeds only where a weight changed and takes the cases as they
 * were when neither the seeds nor any unit the cases were read from changed.
 *
 * The stage's result for a pair depends only on the two sides and the options: a unit's tf-isf weights
 * read its stems, their counts, the sentence frequency of each stem over both sides and the number of
 * units of both. With the article's unit count unchanged, an article unit weighs as before unless its
 * stems or counts changed or it holds a stem whose article sentence frequency changed (the set `D`);
 * a reference unit weighs as before unless it holds a stem of `D`. A pair's Dice reads only its two
 * units' stems and its cosine only their weights: a pair of units whose stems did not change keeps its
 * Dice, and its cosine is computed again only when either unit's weights changed (for the pairs passing
 * the Dice threshold, kept with the result); pairs with an article unit whose stems changed are searched
 * again. Extension, filtering and growth read the weights and character lengths of units inside the
 * seeds' extents widened by the growth steps; when the seeds are the same set and no unit there changed,
 * the cases are the same, re-read through the new units' extents. Otherwise (unit counts differ, other
 * options) the pair is aligned afresh. The results equal alignSentences without a memo.
 */
export class SentenceAlignMemo {
  private entries = new Map<PreparedSide, MemoEntry>();
  private current: PreparedSide | null = null;
  private diffs = new Map<PreparedSide, SideDiff | null>();
  private generation = 0;
  readonly stats: SentenceAlignMemoStats = { fresh: 0, partial: 0, reused: 0 };

  constructor(
    /** how many article sides an unused entry survives */
    private readonly keepGenerations = 3,
  ) {}

  /** The entry of `pb` and how `pa` differs from the article side it was computed for, when usable. */
  previous(pa: PreparedSide, pb: PreparedSide, optionsSig: string): { entry: MemoEntry; diff: SideDiff } | undefined {
    if (pa !== this.current) {
      this.current = pa;
      this.diffs = new Map();
      const gen = ++this.generation;
      for (const [k, e] of this.entries) if (gen - e.used >= this.keepGenerations) this.entries.delete(k);
    }
    const entry = this.entries.get(pb);
    if (!entry || entry.optionsSig !== optionsSig) return undefined;
    let diff = this.diffs.get(entry.pa);
    if (diff === undefined) this.diffs.set(entry.pa, (diff = entry.pa === pa ? sameSide(pa) : sideDiff(entry.pa, pa)));
    return diff ? { entry, diff } : undefined;
  }

  remember(pb: PreparedSide, entry: Omit<MemoEntry, 'used'>): void {
    this.entries.set(pb, { ...entry, used: this.generation });
  }

  clear(): void {
    this.entries.clear();
    this.diffs.clear();
    this.current = null;
  }
}

function sameSide(p: PreparedSide): SideDiff {
  const n = p.units.length;
  return { keys: [], a: new Uint8Array(n), aList: [], read: new Uint8Array(n), stems: [] };
}

function sameUnit(x: Unit, y: Unit): boolean {
  if (x.keys.length !== y.keys.length) return false;
  for (let k = 0; k < x.keys.length; k++) if (x.keys[k] !== y.keys[k] || x.tf[k] !== y.tf[k]) return false;
  return true;
}

/** How `now` differs from `before` (null: the unit counts differ, so every weight may). */
function sideDiff(before: PreparedSide, now: PreparedSide): SideDiff | null {
  const n = now.units.length;
  if (before.units.length !== n) return null;
  const a = new Uint8Array(n);
  const read = new Uint8Array(n);
  const stems = new Set<number>();
  const keys: number[] = [];
  for (let i = 0; i < n; i++) {
    const x = before.units[i]!;
    const y = now.units[i]!;
    // a range's character span is its last unit's length plus the steps from each unit's start to the next's
    if (x.end - x.start !== y.end - y.start || (i > 0 && x.start - before.units[i - 1]!.start !== y.start - now.units[i - 1]!.start)) read[i] = 1;
    if (sameUnit(x, y)) continue;
    a[i] = 1;
    keys.push(i);
    for (const u of [x, y]) for (const k of u.keys) if (before.sfOf(k) !== now.sfOf(k)) stems.add(k);
  }
  markHolders(now, stems, a);
  const aList: number[] = [];
  for (let i = 0; i < n; i++) if (a[i]) {
    aList.push(i);
    read[i] = 1;
  }
  return { keys, a, aList, read, stems: [...stems] };
}

/** Marks in `marks` the units of `side` holding any of `stems`; whether any does. */
function markHolders(side: PreparedSide, stems: Iterable<number>, marks: Uint8Array): boolean {
  let any = false;
  let post: ReturnType<PreparedSide['post']> | undefined;
  for (const k of stems) {
    const s = side.stems.slot(k);
    if (s < 0) continue;
    any = true;
    post ??= side.post();
    for (let p = post.start[s]!, e = post.start[s + 1]!; p < e; p += 2) marks[post.data[p]!] = 1;
  }
  return any;
}

function anyIn(marks: Uint8Array, r: [number, number]): boolean {
  for (let i = Math.max(0, r[0]); i <= Math.min(marks.length - 1, r[1]); i++) if (marks[i]) return true;
  return false;
}

function sameSeeds(x: Pair[], y: Pair[], nb: number): boolean {
  if (x.length !== y.length) return false;
  const keys = new Set<number>();
  for (const [i, j] of y) keys.add(i * nb + j);
  for (const [i, j] of x) if (!keys.has(i * nb + j)) return false;
  return true;
}

/** The unit ranges (inclusive) that extension, filtering and growth may read for these seeds. */
function readRanges(seeds: Pair[], steps: number): { ra: [number, number]; rb: [number, number] } {
  if (!seeds.length) return { ra: [0, -1], rb: [0, -1] };
  const e = extentOf(seeds);
  const w = Math.max(0, steps);
  return { ra: [e.a[0] - w, e.a[1] + w], rb: [e.b[0] - w, e.b[1] + w] };
}

/** The cosine of article unit `a` (number `i`) and reference unit `b` as seedPairs computes it: the dot product summed in `b`'s key order. */
function pairCosine(a: Unit, wa: Float64Array, na: number, b: Unit, wb: Float64Array, nb: number, i: number, posOf: Map<number, Map<number, number>>): number {
  let pos = posOf.get(i);
  if (!pos) {
    pos = new Map();
    for (let x = 0; x < a.keys.length; x++) pos.set(a.keys[x]!, x);
    posOf.set(i, pos);
  }
  let dot = 0;
  for (let x = 0; x < b.keys.length; x++) {
    const at = pos.get(b.keys[x]!);
    if (at !== undefined) dot += wa[at]! * wb[x]!;
  }
  return na > 0 && nb > 0 ? dot / (na * nb) : 0;
}

/**
 * The pairs of article unit `i` with every reference unit, found through the reference side's inverted
 * list: those passing Dice go to `dicePass`, the seeds among them to `seeds` (their cosine computed as
 * seedPairs computes it).
 */
function searchUnit(i: number, pa: PreparedSide, pb: PreparedSide, aw: UnitWeights, bw: UnitWeights, o: SentenceAlignOptions, posOf: Map<number, Map<number, number>>, seeds: Pair[], dicePass: Pair[]): void {
  const u = pa.units[i]!;
  const ub = pb.units;
  scratchFor(ub.length);
  const shared = sharedBuf;
  const touched: number[] = [];
  const { start, data } = pb.post();
  for (let x = 0; x < u.keys.length; x++) {
    const s = pb.stems.slot(u.keys[x]!);
    if (s < 0) continue;
    for (let p = start[s]!, e = start[s + 1]!; p < e; p += 2) {
      const j = data[p]!;
      if (shared[j] === 0) touched.push(j);
      shared[j]!++;
    }
  }
  touched.sort((x, y) => x - y);
  const la = u.keys.length;
  for (const j of touched) {
    const d = (2 * shared[j]!) / (la + ub[j]!.keys.length);
    shared[j] = 0;
    if (!(d > o.dice)) continue;
    const p: Pair = [i, j];
    dicePass.push(p);
    if (pairCosine(u, aw.at(i), aw.norm[i]!, ub[j]!, bw.at(j), bw.norm[j]!, i, posOf) > o.cos) seeds.push(p);
  }
}

function toCase(c: CaseForm, ua: Unit[], ub: Unit[], summary: boolean): SentenceCase {
  const paired = new Set(c.paired);
  const unpaired: [number, number][] = [];
  for (let i = c.a[0]; i <= c.a[1]; i++) if (!paired.has(i)) unpaired.push([ua[i]!.tokFrom, ua[i]!.tokTo]);
  return {
    density: paired.size / (c.a[1] - c.a[0] + 1),
    unpaired,
    a: { start: ua[c.a[0]]!.start, end: ua[c.a[1]]!.end, tokFrom: ua[c.a[0]]!.tokFrom, tokTo: ua[c.a[1]]!.tokTo },
    b: { start: ub[c.b[0]]!.start, end: ub[c.b[1]]!.end, tokFrom: ub[c.b[0]]!.tokFrom, tokTo: ub[c.b[1]]!.tokTo },
    similarity: Math.round(c.sim * 1000) / 1000,
    summary,
  };
}

/**
 * The cases of one document pair (article side `a`, reference side `b`; either given as sentences
 * or prepared once with prepareSide and the same `minSentWords`).
 */
export function alignSentences(
  a: SentenceSide | PreparedSide,
  b: SentenceSide | PreparedSide,
  options: Partial<SentenceAlignOptions> = {},
  memo?: SentenceAlignMemo,
): SentenceCase[] {
  const o = { ...DEFAULT_SENTENCE_ALIGN, ...options };
  const pa = 'units' in a ? a : prepareSide(a, o.minSentWords);
  const pb = 'units' in b ? b : prepareSide(b, o.minSentWords);
  const ua = pa.units;
  const ub = pb.units;
  if (!ua.length || !ub.length) return [];
  const n = ua.length + ub.length;
  const aw = new UnitWeights(pa, pb, n);
  const bw = new UnitWeights(pb, pa, n);
  const optionsSig = memo ? JSON.stringify(o) : '';
  const prev = memo?.previous(pa, pb, optionsSig);
  let seeds: Pair[];
  const dicePass: Pair[] = [];
  if (prev) {
    const { entry, diff } = prev;
    // reference units whose weights changed: those holding a stem whose article sentence frequency did
    const bm = new Uint8Array(ub.length);
    const anyB = markHolders(pb, diff.stems, bm);
    if (!diff.aList.length && !anyB) {
      seeds = entry.seeds;
      for (const x of entry.dicePass) dicePass.push(x);
    } else {
      // pairs of units whose stems did not change keep their Dice, and their cosine is read again where
      // either unit's weights changed; pairs with an article unit whose stems changed are searched again
      const changed = new Uint8Array(ua.length);
      for (const i of diff.keys) changed[i] = 1;
      seeds = entry.seeds.filter(([i, j]) => !diff.a[i] && !bm[j]);
      const posOf = new Map<number, Map<number, number>>();
      for (const p of entry.dicePass) {
        const [i, j] = p;
        if (changed[i]) continue;
        dicePass.push(p);
        if ((diff.a[i] || bm[j]) && pairCosine(ua[i]!, aw.at(i), aw.norm[i]!, ub[j]!, bw.at(j), bw.norm[j]!, i, posOf) > o.cos) seeds.push(p);
      }
      for (const i of diff.keys) searchUnit(i, pa, pb, aw, bw, o, posOf, seeds, dicePass);
    }
    if (sameSeeds(seeds, entry.seeds, ub.length) && !anyIn(diff.read, entry.ra) && !anyIn(bm, entry.rb)) {
      memo!.stats.reused++;
      memo!.remember(pb, { ...entry, pa, seeds, dicePass });
      return entry.cases.map((c) => toCase(c, ua, ub, entry.summary));
    }
    memo!.stats.partial++;
  } else {
    seeds = seedPairs(pa, pb, aw, bw, o, true, undefined, memo ? dicePass : undefined);
    if (memo) memo.stats.fresh++;
  }
  const { cases, summary } = casesOf(seeds, pa, pb, aw, bw, o);
  if (memo) memo.remember(pb, { pa, optionsSig, seeds, dicePass, cases, summary, ...readRanges(seeds, o.edgeCos > 0 ? o.edgeSteps : 0) });
  return cases.map((c) => toCase(c, ua, ub, summary));
}

/**
 * The seeds without the stray ones of hub units: an article unit with more than `hub` seeds keeps
 * those within `near` units (in both texts) of a seed of another article unit that has at most `hub`
 * seeds; with none such, those within `near` of any other article unit's seed (a passage the source
 * repeats makes a run of hubs that support each other); with none such either, its seed of highest
 * cosine (the first among equals). 0: every seed.
 */
function hubTrim(seeds: Pair[], av: { vec(i: number): Vec }, bv: { vec(j: number): Vec }, hub: number, near: number): Pair[] {
  if (!(hub > 0)) return seeds;
  const by = new Map<number, Pair[]>();
  for (const p of seeds) {
    const l = by.get(p[0]);
    if (l) l.push(p);
    else by.set(p[0], [p]);
  }
  let any = false;
  for (const l of by.values()) if (l.length > hub) any = true;
  if (!any) return seeds;
  // supported by a seed of another article unit close by in both texts (by a hub's only when `hubs`)
  const supported = (q: Pair, hubs: boolean) => {
    for (let i = q[0] - near; i <= q[0] + near; i++) {
      const l = i === q[0] ? undefined : by.get(i);
      if (!l || (!hubs && l.length > hub)) continue;
      for (const x of l) if (Math.abs(x[1] - q[1]) <= near) return true;
    }
    return false;
  };
  const keep = new Set<Pair>();
  for (const l of by.values()) {
    if (l.length <= hub) {
      for (const p of l) keep.add(p);
      continue;
    }
    let close = l.filter((q) => supported(q, false));
    // a run of hubs (a passage the source repeats): the seeds its units support in each other
    if (!close.length) close = l.filter((q) => supported(q, true));
    if (close.length) for (const p of close) keep.add(p);
    else {
      let best = l[0]!;
      let bs = -1;
      for (const q of l) {
        const c = cosine(av.vec(q[0]), bv.vec(q[1]));
        if (c > bs) {
          bs = c;
          best = q;
        }
      }
      keep.add(best);
    }
  }
  return seeds.filter((p) => keep.has(p));
}

/** Extension, filtering, growth and the summary setting over the seeds, as cases by unit indexes. */
function casesOf(seeds: Pair[], pa: PreparedSide, pb: PreparedSide, aw: UnitWeights, bw: UnitWeights, o: SentenceAlignOptions): { cases: CaseForm[]; summary: boolean } {
  if (!seeds.length) return { cases: [], summary: false };
  const ua = pa.units;
  const ub = pb.units;
  const av = new Weighted(pa, aw);
  const bv = new Weighted(pb, bw);
  const sims = new Map<string, number>();
  let cases = grow(filter(chainTrim(extend(hubTrim(seeds, av, bv, o.hubSeeds, o.gap), av, bv, o.gap, o.validate, sims), o.chainSlack), av, bv, ua, ub, o.minChars), av, bv, ua.length, ub.length, o);
  let summary = false;
  if (o.summaryGap > o.gap) {
    const wide = filter(extend(hubTrim(seeds, av, bv, o.summaryHubSeeds, o.gap), av, bv, o.summaryGap, o.validate, sims), av, bv, ua, ub, o.minChars);
    const [sa, sb] = extents(wide, ua, ub);
    const [na, nb] = extents(cases, ua, ub);
    const finds = !(o.summaryWiden > 0) || na === 0 || wide.length < cases.length || sa >= o.summaryWiden * na || nb >= o.summaryOwnRatio * na;
    if (sb > 0 && sb >= o.summaryRatio * sa && finds) {
      cases = wide;
      summary = true;
    }
  }
  return {
    cases: cases.map((c) => ({ a: [c.a[0], c.a[1]], b: [c.b[0], c.b[1]], sim: c.sim, paired: [...new Set(c.seeds.map((p) => p[0]))].sort((x, y) => x - y) })),
    summary,
  };
}
