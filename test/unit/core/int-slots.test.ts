import { strict as assert } from 'node:assert';
import { IntSlots } from '../../../src/core/int-slots';
import { rng } from '../../../scripts/lib/rng';

describe('IntSlots (dense numbers for integer keys)', () => {
  it('numbers keys in order of first addition, like a Map of key → size at insertion', () => {
    for (let seed = 1; seed <= 20; seed++) {
      const rand = rng(seed);
      const slots = new IntSlots(seed % 3 === 0 ? 1 : 64);
      const ref = new Map<number, number>();
      const spread = [4, 100, 1e5, 2 ** 31][seed % 4]!;
      for (let k = 0; k < 3000; k++) {
        // negative keys too (the article's own stem ids are below 0), and the extremes of int32
        let key = Math.floor(rand() * spread) - Math.floor(spread / 2);
        if (rand() < 0.01) key = rand() < 0.5 ? -(2 ** 31) : 2 ** 31 - 1;
        if (rand() < 0.5) {
          assert.equal(slots.slot(key), ref.get(key) ?? -1);
          continue;
        }
        if (!ref.has(key)) ref.set(key, ref.size);
        assert.equal(slots.add(key), ref.get(key));
      }
      assert.equal(slots.size, ref.size);
      for (const [key, id] of ref) {
        assert.equal(slots.slot(key), id);
        assert.equal(slots.keys[id], key);
      }
    }
  });

  it('answers -1 for keys never added, empty or full', () => {
    const s = new IntSlots();
    assert.equal(s.slot(0), -1);
    for (let k = 0; k < 1000; k++) s.add(k * 7919);
    assert.equal(s.slot(1), -1);
    assert.equal(s.slot(999 * 7919), 999);
  });
});
