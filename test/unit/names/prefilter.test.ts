import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { mayBeNearMiss, nameShape, nearMiss } from '../../../src/core/names/match';
import { nearMissMemo } from '../../../src/core/names/memo';

// letters that exercise the skeleton's folds (ch, sh, kh, ph, ck, ou, w, y, j, doubled letters) and diacritics
const LETTERS = ['a', 'e', 'i', 'o', 'u', 'y', 'j', 'w', 'v', 'c', 'h', 's', 'k', 'p', 't', 'n', 'r', 'l', 'm', 'é', 'ü', 'ß', 'ø'];
const base = fc.array(fc.constantFrom(...LETTERS), { minLength: 2, maxLength: 11 }).map((cs) => cs.join(''));

type Edit = { op: number; at: number; ch: string };
const edit = fc.record({ op: fc.integer({ min: 0, max: 5 }), at: fc.nat(), ch: fc.constantFrom(...LETTERS) });

/** A spelling a few edits away from `s`: substitution, insertion, deletion, transposition, a doubled or a new first letter. */
function mutate(s: string, edits: Edit[]): string {
  for (const { op, at, ch } of edits) {
    const i = s.length ? at % s.length : 0;
    if (op === 0) s = s.slice(0, i) + ch + s.slice(i + 1);
    else if (op === 1) s = s.slice(0, i) + ch + s.slice(i);
    else if (op === 2 && s.length > 1) s = s.slice(0, i) + s.slice(i + 1);
    else if (op === 3 && i + 1 < s.length) s = s.slice(0, i) + s[i + 1] + s[i] + s.slice(i + 2);
    else if (op === 4) s = s.slice(0, i) + s[i] + s.slice(i);
    else s = ch + s.slice(1);
  }
  return s;
}

const cap = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

describe('names/mayBeNearMiss', () => {
  it('rules out only pairs nearMiss rejects (random spellings a few edits apart, and unrelated ones)', () => {
    let near = 0;
    let ruledOut = 0;
    fc.assert(
      fc.property(base, fc.array(edit, { maxLength: 4 }), base, fc.boolean(), (a, edits, other, related) => {
        const b = related ? mutate(a, edits) : other;
        for (const [x, y] of [[cap(a), cap(b)], [a, b], [cap(b), a]] as const) {
          const miss = nearMiss(x, y);
          const may = mayBeNearMiss(nameShape(x), nameShape(y));
          assert.equal(may, mayBeNearMiss(nameShape(y), nameShape(x)), 'symmetric');
          if (miss) {
            near++;
            assert.ok(may, `${x} / ${y}: a near-miss the filter ruled out`);
          }
          if (!may) ruledOut++;
          // the memoised form answers the same either way
          assert.deepEqual(nearMissMemo(x, y), miss);
        }
      }),
      { numRuns: 20000, seed: 13 },
    );
    // not vacuous: both outcomes occur many times
    assert.ok(near > 1000, `near-misses seen: ${near}`);
    assert.ok(ruledOut > 1000, `pairs ruled out: ${ruledOut}`);
  });

  it('lets through the near misses at the length and first-letter limits, and rules out the pairs just past them', () => {
    // invented spellings: one edit at 4 letters, an extra first letter at 5, a first-letter slip at 6, two edits at 7,
    // skeletons one apart at 6
    for (const [x, y] of [['Rubo', 'Rubio'], ['Wrubio', 'Rubio'], ['Cardon', 'Gardon'], ['Korvama', 'Kowrama'], ['Tobaro', 'Tobarko'], ['Ilse', 'Ilsa']] as const) {
      assert.ok(nearMiss(x, y), `${x} / ${y} is a near miss`);
      assert.ok(mayBeNearMiss(nameShape(x), nameShape(y)), `${x} / ${y} let through`);
    }
    // three letters; a first-letter slip at 5; two edits at 5 (Lain / Iain: a first-letter slip at 4 letters)
    for (const [x, y] of [['Abe', 'Abo'], ['Cardo', 'Gardo'], ['Vanek', 'Vanot'], ['Lain', 'Iain']] as const) {
      assert.equal(nearMiss(x, y), undefined, `${x} / ${y} is no near miss`);
      assert.equal(mayBeNearMiss(nameShape(x), nameShape(y)), false, `${x} / ${y} ruled out`);
    }
  });
});
