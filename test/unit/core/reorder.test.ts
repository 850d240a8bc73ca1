import { strict as assert } from 'node:assert';
import type { Seed } from '../../../src/core/align';
import { bagDice, widenToSeeds } from '../../../src/core/reorder';

const seed = (i: number, j: number, kind: Seed['kind'] = 0): Seed => ({ i, j, li: 3, lj: 3, kind });

describe('reorder', () => {
  it('bagDice ignores word order and counts repeats once each', () => {
    assert.equal(bagDice(['a', 'b', 'c'], ['c', 'b', 'a']), 1);
    assert.equal(bagDice(['a', 'a', 'b'], ['a', 'b', 'b']), 2 * 2 / 6);
    assert.equal(bagDice(['x'], ['y']), 0);
    assert.equal(bagDice([], []), 1);
  });

  it('widens to runs of seeds on one diagonal, not to lone seeds', () => {
    // trimmed passage [40, 80) ↔ [100, 140); a run of two seeds before it, a lone seed after it
    const seeds = [seed(30, 10), seed(31, 11), seed(90, 300), seed(50, 110), seed(60, 120, 2)];
    const w = widenToSeeds(seeds, [40, 80], [100, 140]);
    assert.deepEqual(w, { aTok: [30, 80], bTok: [10, 140] });
  });

  it('ignores sentence seeds, uses common n-gram seeds', () => {
    const run = [seed(30, 10, 2), seed(31, 11, 2)];
    assert.deepEqual(widenToSeeds(run, [40, 80], [100, 140]), { aTok: [40, 80], bTok: [100, 140] });
    const common = [seed(30, 10, 1), seed(31, 11, 1)];
    assert.deepEqual(widenToSeeds(common, [40, 80], [100, 140]), { aTok: [30, 80], bTok: [10, 140] });
  });
});
