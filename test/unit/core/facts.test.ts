import { strict as assert } from 'node:assert';
import { compareSentences, factTokens } from '../../../src/core/facts/compare';
import { isRounding, numberInWords, quantities } from '../../../src/core/facts/quantity';

describe('facts/quantity', () => {
  const q = (s: string) => quantities(factTokens(s).map((t) => t.low));
  it('normalises digits, words, separators, multipliers and per cent', () => {
    assert.equal(q('forty')[0]!.value, 40);
    assert.equal(q('forty-five')[0]!.value, 45);
    assert.equal(q('two hundred and ten')[0]!.value, 210);
    assert.equal(q('12,500')[0]!.value, 12500);
    assert.equal(q('£1.2m')[0]!.value, 1.2e6);
    assert.equal(q('£1.2 million')[0]!.value, 1.2e6);
    assert.equal(q('£1.2m')[0]!.kind, 'money');
    assert.equal(q('40 per cent')[0]!.value, 0.4);
    assert.equal(q('40%')[0]!.value, 0.4);
    assert.equal(q('40 percent')[0]!.kind, 'percent');
    assert.equal(q('half')[0]!.value, 0.5);
    assert.equal(q('1998')[0]!.kind, 'year');
    assert.equal(q('10.30pm')[0]!.kind, 'time');
    assert.equal(q('10.30pm')[0]!.value, 22 * 60 + 30);
  });
  it('rounding that keeps the meaning', () => {
    const [a] = q('39.6');
    const [b] = q('40');
    const [c] = q('30');
    assert.ok(isRounding(a!, b!, false));
    assert.ok(!isRounding(a!, c!, false));
    assert.ok(!isRounding(q('12')[0]!, q('10')[0]!, false), '12 → 10 changes the figure');
    assert.ok(isRounding(q('£1.23m')[0]!, q('£1.2m')[0]!, false));
  });
  it('numbers in words', () => {
    assert.equal(numberInWords(40), 'forty');
    assert.equal(numberInWords(45), 'forty-five');
    assert.equal(numberInWords(1200), null);
  });
});

describe('facts/compare', () => {
  const cmp = (s: string, a: string) => compareSentences(factTokens(s), factTokens(a)).diffs;
  it('equivalent forms are no difference', () => {
    assert.deepEqual(cmp('Fares rose by 40 per cent last year.', 'Fares rose by 40% last year.'), []);
    assert.deepEqual(cmp('Fares rose by 40 per cent last year.', 'Fares rose by forty per cent last year.'), []);
    assert.deepEqual(cmp('The repairs cost £1.2 million in all.', 'The repairs cost £1.2m in all.'), []);
    assert.deepEqual(cmp('Half of the crews voted to strike.', '50 per cent of the crews voted to strike.'), []);
    assert.deepEqual(cmp('The fund holds 12,500 pounds now.', 'The fund holds 12500 pounds now.'), []);
    assert.deepEqual(cmp('Between 10 and 12 boats were idle.', 'Between 10 and 12 boats were idle.'), []);
  });
  it('reads each slot kind', () => {
    assert.equal(cmp('Fares rose by 40 per cent.', 'Fares rose by 14 per cent.')[0]?.kind, 'number');
    assert.equal(cmp('The crews met on Thursday.', 'The crews met on Friday.')[0]?.kind, 'date');
    assert.equal(cmp('The crews met in June 1998.', 'The crews met in June 1999.')[0]?.kind, 'date');
    assert.equal(cmp('The crews met in June.', 'The crews met in July.')[0]?.kind, 'date');
    assert.equal(cmp('The ferry left at 10pm.', 'The ferry left at 9pm.')[0]?.kind, 'time');
    assert.equal(cmp('Mr Reyle told the meeting.', 'Mr Lund told the meeting.')[0]?.kind, 'name');
    assert.equal(cmp('The deputy minister spoke.', 'The minister spoke.')[0]?.kind, 'title');
    assert.equal(cmp('The minister spoke.', 'The former minister spoke.')[0]?.kind, 'title');
    assert.equal(cmp('The crews did not accept the offer.', 'The crews did accept the offer.')[0]?.kind, 'polarity');
    assert.equal(cmp('The crews rejected the offer.', 'The crews accepted the offer.')[0]?.kind, 'polarity');
    assert.equal(cmp('Most crews backed the strike.', 'Some crews backed the strike.')[0]?.kind, 'quantifier');
  });
  it('a misspelt name is not another person; a fuller name is the same person', () => {
    assert.deepEqual(cmp('Mr Reyle told the meeting.', 'Mr Reyles told the meeting.'), []);
    assert.deepEqual(cmp('Reyle told the meeting.', 'Tomas Reyle told the meeting.'), []);
  });
  it('"today" in the wire is "yesterday" in print: not a date change', () => {
    assert.deepEqual(cmp('The crews walked out today.', 'The crews walked out yesterday.'), []);
  });
});
