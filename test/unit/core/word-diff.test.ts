import { strict as assert } from 'node:assert';
import { diffArrays } from 'diff';
import { ADDED, clearWordDiffMemo, COMMON, commonWords, diffIdsMemo, diffWords, REMOVED } from '../../../src/core/word-diff';

/** diffArrays's components as [kind, count] */
function reference<T>(a: T[], b: T[]): [number, number][] {
  return diffArrays(a, b).map((p) => [p.added ? ADDED : p.removed ? REMOVED : COMMON, p.count ?? p.value.length]);
}

function ours<T>(a: T[], b: T[]): [number, number][] {
  const d = diffWords(a, b);
  return d.kinds.map((k, i) => [k, d.counts[i]!]);
}

/** xorshift: a fixed sequence of pseudo-random numbers */
function rng(seed: number): () => number {
  let s = seed >>> 0 || 1;
  return () => {
    s ^= s << 13;
    s >>>= 0;
    s ^= s >>> 17;
    s ^= s << 5;
    s >>>= 0;
    return s / 2 ** 32;
  };
}

describe('word diff (port of diffArrays)', () => {
  it('gives the same components as diffArrays on edge cases', () => {
    const cases: [string[], string[]][] = [
      [[], []],
      [['a'], []],
      [[], ['a']],
      [['a', 'b', 'c'], ['a', 'b', 'c']],
      [['a', 'b', 'c'], ['c', 'b', 'a']],
      [['the', 'port', 'said'], ['the', 'harbour', 'port', 'officials', 'said']],
      ['x y z x y z'.split(' '), 'z y x z'.split(' ')],
    ];
    for (const [a, b] of cases) assert.deepEqual(ours(a, b), reference(a, b), `${a.join(' ')} | ${b.join(' ')}`);
  });

  it('gives the same components as diffArrays on 3,000 random word sequences', () => {
    const r = rng(12345);
    for (let n = 0; n < 3000; n++) {
      const alphabet = 2 + Math.floor(r() * 12);
      const la = Math.floor(r() * 40);
      const a = Array.from({ length: la }, () => `w${Math.floor(r() * alphabet)}`);
      // b: an edited copy of a (substitutions, insertions, deletions) or unrelated
      const b: string[] = [];
      if (r() < 0.2) for (let k = Math.floor(r() * 40); k > 0; k--) b.push(`w${Math.floor(r() * alphabet)}`);
      else
        for (const w of a) {
          const x = r();
          if (x < 0.1) continue;
          if (x < 0.2) b.push(`w${Math.floor(r() * alphabet)}`);
          else b.push(w);
          if (r() < 0.1) b.push(`w${Math.floor(r() * alphabet)}`);
        }
      assert.deepEqual(ours(a, b), reference(a, b), `${a.join(' ')} | ${b.join(' ')}`);
    }
  });

  it('remembered diffs give what diffWords gives, for ids met again and for new ones', () => {
    clearWordDiffMemo();
    const r = rng(777);
    const pairs: [Int32Array, Int32Array][] = [];
    for (let n = 0; n < 400; n++) {
      const a = Int32Array.from({ length: Math.floor(r() * 30) }, () => Math.floor(r() * 7) - 1);
      const b = Int32Array.from({ length: Math.floor(r() * 30) }, () => Math.floor(r() * 6));
      pairs.push([a, b]);
    }
    // the same ids split at another place between the sides are another pair
    pairs.push([Int32Array.of(1, 2), Int32Array.of(3)], [Int32Array.of(1), Int32Array.of(2, 3)]);
    let hits = 0;
    for (let round = 0; round < 3; round++) {
      for (const [a, b] of pairs) {
        const kept = diffIdsMemo(a, b);
        const fresh = diffWords(a, b);
        if (round > 0 && kept === diffIdsMemo(Int32Array.from(a), Int32Array.from(b))) hits++;
        assert.deepEqual({ kinds: kept.kinds, counts: kept.counts }, { kinds: fresh.kinds, counts: fresh.counts }, `${a.join(' ')} | ${b.join(' ')}`);
      }
    }
    assert.ok(hits >= 2 * pairs.length, `hits ${hits}`);
  });

  it('ids give the diff of the words they stand for: equal ids for equal words, and -1 for words of the first side the second lacks', () => {
    const r = rng(4242);
    for (let n = 0; n < 500; n++) {
      const words = (len: number, extra: string) => Array.from({ length: len }, () => (r() < 0.15 ? `${extra}${Math.floor(r() * 5)}` : `w${Math.floor(r() * 6)}`));
      const a = words(Math.floor(r() * 40), 'only-a');
      const b = words(Math.floor(r() * 40), 'only-b');
      const dict = new Map<string, number>();
      for (const w of b) if (!dict.has(w)) dict.set(w, dict.size);
      const ia = Int32Array.from(a, (w) => dict.get(w) ?? -1);
      const ib = Int32Array.from(b, (w) => dict.get(w)!);
      const byIds = diffIdsMemo(ia, ib);
      const byWords = diffWords(a, b);
      assert.deepEqual({ kinds: byIds.kinds, counts: byIds.counts }, { kinds: byWords.kinds, counts: byWords.counts }, `${a.join(' ')} | ${b.join(' ')}`);
    }
  });

  it('commonWords counts the common words of diffWords (a longest common subsequence), across 32-bit words', () => {
    const r = rng(9090);
    for (let n = 0; n < 3000; n++) {
      const alphabet = 1 + Math.floor(r() * 10);
      const long = n % 5 === 0;
      const a = Int32Array.from({ length: Math.floor(r() * (long ? 150 : 40)) }, () => Math.floor(r() * alphabet) - 1);
      const b = Int32Array.from({ length: Math.floor(r() * (long ? 150 : 40)) }, () => Math.floor(r() * alphabet));
      const d = diffWords(a, b);
      let common = 0;
      for (let k = 0; k < d.kinds.length; k++) if (d.kinds[k] === COMMON) common += d.counts[k]!;
      assert.equal(commonWords(a, b), common, `${a.join(',')} | ${b.join(',')}`);
      assert.equal(commonWords(b, a), common);
    }
    assert.equal(commonWords(new Int32Array(0), Int32Array.of(1, 2)), 0);
    assert.equal(commonWords(Int32Array.from({ length: 64 }, (_, k) => k), Int32Array.from({ length: 64 }, (_, k) => k)), 64);
  });
});
