import assert from 'node:assert/strict';
import { partialMinWords } from '../../../src/server/pull';

describe('partial first report threshold (COPYDESK_PARTIAL_MIN_WORDS)', () => {
  it('reads a number of words; unset, empty or not a number is the default 1 M, never 0 (partial reports everywhere)', () => {
    assert.equal(partialMinWords('0'), 0);
    assert.equal(partialMinWords('250000'), 250_000);
    assert.equal(partialMinWords('-3'), 0);
    assert.equal(partialMinWords(undefined), 1_000_000);
    assert.equal(partialMinWords(''), 1_000_000);
    assert.equal(partialMinWords('1e6x'), 1_000_000);
  });
});
