import { strict as assert } from 'node:assert';
import { rng, rngFromString } from '../../../scripts/lib/rng';

describe('scripts/lib/rng', () => {
  it('draws the mulberry32 sequence the eval samples were drawn with', () => {
    // pinned: a change here re-draws every seeded eval sample and benchmark edit
    assert.equal(rng(1)(), 0.6270739405881613);
    assert.equal(rng(20260522)(), 0.36446884740144014);
  });

  it('repeats for a seed, stays in [0, 1), and differs between seeds', () => {
    const a = rng(7);
    const b = rng(7);
    const xs = Array.from({ length: 1000 }, () => a());
    assert.deepEqual(Array.from({ length: 1000 }, () => b()), xs);
    assert.ok(xs.every((x) => x >= 0 && x < 1));
    assert.notEqual(rng(8)(), xs[0]);
    const s = rngFromString('dev');
    const t = rngFromString('dev');
    assert.equal(s(), t());
    assert.notEqual(rngFromString('dev')(), rngFromString('test')());
  });
});
