import { strict as assert } from 'node:assert';
import { prepareSide, type SentenceSide } from '../../../src/core/sentence-align';
import { rng } from '../../../scripts/lib/rng';

/** What prepareSide computes, written plainly with Maps: units of sentences annexed up to `min` counted words. */
function plain(side: SentenceSide, min: number) {
  type Raw = { tf: Map<number, number>; n: number; start: number; end: number; tokFrom: number; tokTo: number };
  const raw: Raw[] = [];
  let pending: Raw | null = null;
  for (let k = 0; k < side.stems.length; k++) {
    const s = side.stems[k]!;
    const u: Raw = pending ?? { tf: new Map(), n: 0, start: side.chars[k]![0]!, end: 0, tokFrom: side.toks[k]![0]!, tokTo: 0 };
    for (let x = 0; x < s.length; x++) u.tf.set(s[x]!, (u.tf.get(s[x]!) ?? 0) + 1);
    u.n += s.length;
    u.end = side.chars[k]![1]!;
    u.tokTo = side.toks[k]![1]!;
    if (u.n < min) {
      pending = u;
      continue;
    }
    pending = null;
    raw.push(u);
  }
  if (pending && pending.n > 0) {
    const last = raw[raw.length - 1];
    if (last) {
      for (const [k, c] of pending.tf) last.tf.set(k, (last.tf.get(k) ?? 0) + c);
      last.end = pending.end;
      last.tokTo = pending.tokTo;
    } else raw.push(pending);
  }
  const sf = new Map<number, number>();
  const post = new Map<number, number[]>();
  raw.forEach((r, i) => {
    [...r.tf.keys()].forEach((k, pos) => {
      sf.set(k, (sf.get(k) ?? 0) + 1);
      if (!post.has(k)) post.set(k, []);
      post.get(k)!.push(i, pos);
    });
  });
  return { raw, sf, post };
}

describe('prepareSide (typed arrays) against a plain Map build', () => {
  it('same units, keys in first-seen order, counts, frequencies and inverted lists', () => {
    for (let seed = 1; seed <= 200; seed++) {
      const rand = rng(seed);
      const n = Math.floor(rand() * 12);
      const side: SentenceSide = { stems: [], chars: [], toks: [] };
      let c = 0;
      let t = 0;
      for (let k = 0; k < n; k++) {
        const len = Math.floor(rand() * 8);
        side.stems.push(Array.from({ length: len }, () => Math.floor(rand() * 15) - 3));
        const w = len + Math.floor(rand() * 3);
        side.chars.push([c, c + 5 * w]);
        side.toks.push([t, t + w]);
        c += 5 * w + 1;
        t += w;
      }
      const min = 1 + Math.floor(rand() * 5);
      const got = prepareSide(side, min);
      const want = plain(side, min);
      assert.equal(got.units.length, want.raw.length, `seed ${seed}`);
      got.units.forEach((u, i) => {
        const r = want.raw[i]!;
        assert.deepEqual([...u.keys], [...r.tf.keys()]);
        assert.deepEqual([...u.tf], [...r.tf.values()]);
        assert.deepEqual([...u.sf], [...u.keys].map((k) => want.sf.get(k)));
        assert.deepEqual([u.start, u.end, u.tokFrom, u.tokTo], [r.start, r.end, r.tokFrom, r.tokTo]);
      });
      const { start, data } = got.post();
      for (const [k, list] of want.post) {
        const s = got.stems.slot(k);
        assert.deepEqual([...data.subarray(start[s]!, start[s + 1]!)], list);
        assert.equal(got.sfOf(k), want.sf.get(k));
      }
      assert.equal(got.sfOf(99), undefined);
    }
  });
});
