import { strict as assert } from 'node:assert';
import { lowerBound, lowerBoundOf, sortedHas, spanAt } from '../../../src/core/search';

/** The reference answers, by linear scan. */
const firstFalse = (n: number, p: (i: number) => boolean, lo = 0) => {
  for (let i = lo; i < n; i++) if (!p(i)) return i;
  return n;
};

describe('core/search', () => {
  it('lowerBound finds the first index where the predicate turns false, for every split', () => {
    for (let n = 0; n <= 9; n++) {
      for (let split = 0; split <= n; split++) {
        const p = (i: number) => i < split;
        assert.equal(lowerBound(n, p), split, `n=${n} split=${split}`);
        for (let lo = 0; lo <= n; lo++) assert.equal(lowerBound(n, p, lo), firstFalse(n, p, lo), `n=${n} split=${split} lo=${lo}`);
      }
    }
  });

  it('lowerBoundOf / sortedHas agree with a linear scan, duplicates included', () => {
    const arrays = [[], [5], [1, 3, 3, 3, 7, 9], [0, 0, 0], [2, 4, 6, 8, 10, 12, 14]];
    for (const a of arrays) {
      for (let v = -1; v <= 15; v++) {
        assert.equal(lowerBoundOf(a, v), firstFalse(a.length, (i) => a[i]! < v), `lower ${JSON.stringify(a)} ${v}`);
        assert.equal(sortedHas(a, v), a.includes(v));
        assert.equal(sortedHas(Uint32Array.from(a), v), a.includes(v));
      }
    }
  });

  it('spanAt finds the span holding an offset, -1 in gaps and past the ends', () => {
    const spans = [
      { start: 2, end: 5 },
      { start: 5, end: 6 },
      { start: 9, end: 12 },
    ];
    const at = (x: number) => spanAt(spans, x, 'start', 'end');
    const linear = (x: number) => spans.findIndex((s) => s.start <= x && x < s.end);
    for (let x = -1; x <= 14; x++) assert.equal(at(x), linear(x), `at ${x}`);
    assert.equal(spanAt([] as { start: number; end: number }[], 3, 'start', 'end'), -1);
  });
});
