import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { englishWords, inWordList } from '../../../src/core/names/words';

describe('names/words: the ordinary-word lookup', () => {
  const list = englishWords();
  const set = new Set(list);

  it('finds every word of the list, and the first and last', () => {
    for (const w of list) if (!inWordList(w)) assert.fail(`${w} not found`);
    assert.ok(inWordList(list[0]!));
    assert.ok(inWordList(list[list.length - 1]!));
  });

  it('answers as a Set of the list does, for random strings and near-words', () => {
    let found = 0;
    let missing = 0;
    const nearWord = fc.tuple(fc.nat(list.length - 1), fc.string({ maxLength: 2 }), fc.boolean()).map(([i, s, pre]) => (pre ? s + list[i]! : list[i]! + s));
    fc.assert(
      fc.property(fc.oneof(nearWord, fc.string({ maxLength: 12 }), fc.constantFrom('', 'a', 'zzzzzz', 'é', 'Harbour')), (w) => {
        const want = set.has(w);
        assert.equal(inWordList(w), want, w);
        if (want) found++;
        else missing++;
      }),
      { numRuns: 20000, seed: 13 },
    );
    assert.ok(found > 500 && missing > 500, `found ${found}, missing ${missing}`);
  });
});
