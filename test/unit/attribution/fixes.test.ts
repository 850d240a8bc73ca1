import { strict as assert } from 'node:assert';
import { midSentence } from '../../../src/core/attribution/fixes';

describe('midSentence (attribution inserted after a quote)', () => {
  it('lowercases articles and a common noun that only opened the reference sentence; keeps names', () => {
    assert.equal(midSentence('The port authority'), 'the port authority');
    assert.equal(midSentence('The New York Times'), 'The New York Times');
    const ref = 'Union leader Marta Kosk spoke first. Members of the union voted on Friday.';
    assert.equal(midSentence('Union leader Marta Kosk', [ref]), 'union leader Marta Kosk');
    // capitalised mid-sentence somewhere: a name (a party, an institution), kept
    const politics = 'Labour leader Ivo Brandt spoke first. Voters backed Labour in the harbour wards, and labour costs rose.';
    assert.equal(midSentence('Labour leader Ivo Brandt', [politics]), 'Labour leader Ivo Brandt');
    // no evidence either way: kept as the reference wrote it
    assert.equal(midSentence('Kremlin spokesman Dmitry Peskov', ['Kremlin spokesman Dmitry Peskov said so.']), 'Kremlin spokesman Dmitry Peskov');
  });
});
