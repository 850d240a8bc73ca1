import { strict as assert } from 'node:assert';
import { COURTESY_TITLES, HONOUR_TITLES, POST_NOMINALS, RANK_TITLES, wordTest } from '../../../src/core/titles';

describe('titles: the shared word lists', () => {
  it('wordTest matches whole words of its lists in any case, and nothing else', () => {
    const t = wordTest(COURTESY_TITLES, ['the']);
    for (const w of ['mr', 'Mrs', 'DR', 'the']) assert.ok(t.test(w), w);
    for (const w of ['mrsmith', 'drive', 'them', 'sir', '']) assert.ok(!t.test(w), w);
  });
  it('the lists do not overlap (each word has one place)', () => {
    const all = [...COURTESY_TITLES, ...HONOUR_TITLES, ...POST_NOMINALS, ...RANK_TITLES];
    assert.equal(new Set(all).size, all.length);
  });
});
