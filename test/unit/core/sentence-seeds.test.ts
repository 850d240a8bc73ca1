import { strict as assert } from 'node:assert';
import { mapCosineOf, prepareSide, rangeCosineOf, seedPairsOf, type SentenceSide } from '../../../src/core/sentence-align';

/** A small deterministic generator (mulberry32). */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Sentences of random stems, a few very common (stop-word-like) and a long rare tail. */
function randomSide(r: () => number, sentences: number, vocab: number): SentenceSide {
  const stems: number[][] = [];
  const chars: [number, number][] = [];
  const toks: [number, number][] = [];
  let c = 0;
  let t = 0;
  for (let s = 0; s < sentences; s++) {
    const len = 1 + Math.floor(r() * 30);
    const ids: number[] = [];
    for (let k = 0; k < len; k++) ids.push(r() < 0.4 ? Math.floor(r() * 6) : Math.floor(Math.pow(r(), 2) * vocab));
    stems.push(ids);
    chars.push([c, c + 40 * len]);
    toks.push([t, t + len]);
    c += 40 * len + 1;
    t += len;
  }
  return { stems, chars, toks };
}

describe('sentence-align seeds: the probe that skips reference units', () => {
  it('finds the same seed pairs as the full pass, and skips units', () => {
    const r = rng(8);
    let skipped = 0;
    let pairs = 0;
    for (let round = 0; round < 300; round++) {
      const vocab = 20 + Math.floor(r() * 400);
      const a = randomSide(r, 1 + Math.floor(r() * 40), vocab);
      // the reference: some sentences copied from the article with a few stems changed
      const b = randomSide(r, 1 + Math.floor(r() * 80), vocab);
      for (let s = 0; s < b.stems.length; s++) {
        if (r() < 0.3) {
          const from = Array.from(a.stems[Math.floor(r() * a.stems.length)]!);
          b.stems[s] = from.map((x) => (r() < 0.25 ? Math.floor(r() * vocab) : x));
        }
      }
      const opts = { dice: [0.33, 0.2, 0.5, 0.1, 0][round % 5]!, cos: [0.33, 0.1, 0.5][round % 3]!, minSentWords: 1 + (round % 4) };
      const probed = { skipped: 0 };
      const fast = seedPairsOf(a, b, opts, true, probed);
      const full = seedPairsOf(a, b, opts, false);
      const key = (ps: [number, number][]) => ps.map(([i, j]) => `${i},${j}`).sort();
      assert.deepEqual(key(fast), key(full), `round ${round}`);
      skipped += probed.skipped;
      pairs += full.length;
    }
    assert.ok(pairs > 500, `pairs ${pairs}`);
    assert.ok(skipped > 300, `skipped ${skipped}`);
  });
});

describe('sentence-level extension: the cosine of joined units', () => {
  it('summed by stem slot in reused arrays is the very number the maps of summed weights give', () => {
    const r = rng(31);
    let compared = 0;
    for (let trial = 0; trial < 60; trial++) {
      const pa = prepareSide(randomSide(r, 5 + Math.floor(r() * 40), 50 + Math.floor(r() * 400)), 1 + Math.floor(r() * 12));
      const pb = prepareSide(randomSide(r, 5 + Math.floor(r() * 40), 50 + Math.floor(r() * 400)), 1 + Math.floor(r() * 12));
      if (!pa.units.length || !pb.units.length) continue;
      for (let q = 0; q < 40; q++) {
        const a0 = Math.floor(r() * pa.units.length);
        const a1 = Math.min(pa.units.length - 1, a0 + Math.floor(r() * 12));
        const b0 = Math.floor(r() * pb.units.length);
        const b1 = Math.min(pb.units.length - 1, b0 + Math.floor(r() * 12));
        assert.equal(rangeCosineOf(pa, pb, a0, a1, b0, b1), mapCosineOf(pa, pb, a0, a1, b0, b1), `trial ${trial}: units ${a0}-${a1} and ${b0}-${b1}`);
        compared++;
      }
    }
    assert.ok(compared > 1000);
  });
});
