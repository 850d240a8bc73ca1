// Tests of src/core/house-names.ts (pure).
import * as assert from 'node:assert/strict';
import { addHouseName, parseHouseNames, serializeHouseNames } from '../../../src/core/house-names';

describe('house names', () => {
  it('parses accepted names, corrections, comments and blank lines', () => {
    const r = parseHouseNames('\ufeff# house list\n\nSiobhán Ní Bhriain\n  Harbour   Board  \nMcallister => McAllister\nKestrel Bay # the town\r\n#Commented Out\n');
    assert.deepEqual(r.accepted, ['Siobhán Ní Bhriain', 'Harbour Board', 'McAllister', 'Kestrel Bay']);
    assert.deepEqual(r.corrections, { Mcallister: 'McAllister' });
    assert.deepEqual(r.problems, []);
  });

  it('reports malformed correction lines by line number and keeps the rest', () => {
    const r = parseHouseNames('Good Name\n=> Nothing\nA => B => C\n');
    assert.deepEqual(r.accepted, ['Good Name']);
    assert.deepEqual(r.problems.map((p) => p.line), [1, 2]);
  });

  it('serialises in a stable order and round-trips', () => {
    const names = { accepted: ['zeta Port', 'Alder', 'McAllister', 'alder'], corrections: { Mcallister: 'McAllister', Achterburg: 'Achterberg' } };
    const text = serializeHouseNames(names, ['house names']);
    assert.equal(text, '# house names\nAlder\nalder\nzeta Port\n\nAchterburg => Achterberg\nMcallister => McAllister\n');
    const back = parseHouseNames(text);
    assert.deepEqual(new Set(back.accepted), new Set([...names.accepted, 'Achterberg']));
    assert.deepEqual(back.corrections, names.corrections);
    // the same list in another order serialises to the same text
    assert.equal(serializeHouseNames({ accepted: [...names.accepted].reverse(), corrections: { Achterburg: 'Achterberg', Mcallister: 'McAllister' } }, ['house names']), text);
  });

  it('addHouseName adds once', () => {
    const a = addHouseName({ accepted: ['A'], corrections: {} }, '  Tamsin   Ravelstoke ');
    assert.deepEqual(a.accepted, ['A', 'Tamsin Ravelstoke']);
    assert.equal(addHouseName(a, 'A'), a);
  });
});
