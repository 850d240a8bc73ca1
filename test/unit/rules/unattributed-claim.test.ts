import { strict as assert } from 'node:assert';
import { applyEdits } from '../../../src/core/attribution/fixes';
import { check } from '../../../src/core/engine';
import { ReferenceIndex } from '../../../src/core/reference-index';
import { assertSpans, fixed, index, only } from './helpers';

describe('rule unattributed-claim', () => {
  it('flags a claim the reference attributes and appends the attribution', () => {
    const t = 'Dockers stayed home again on Tuesday. The harbour lost four million euros in the first week of the strike. Talks resume on Friday.';
    const [f] = only('unattributed-claim', t);
    assert.ok(f, 'flagged');
    assert.match(f.message, /port authority/);
    assert.equal(
      fixed(t, f),
      'Dockers stayed home again on Tuesday. The harbour lost four million euros in the first week of the strike, according to the port authority. Talks resume on Friday.',
    );
    const other = f.fixes!.find((x) => !x.preferred)!;
    assert.equal(
      applyEdits(t, other.edits),
      'Dockers stayed home again on Tuesday. The harbour lost four million euros in the first week of the strike, the port authority said. Talks resume on Friday.',
    );
  });
  it('leaves a bare direct quotation to unattributed-quote (one finding, with the speaker)', () => {
    const t = 'The strike went into its second week.\n\n“Nobody will unload a ship until the contracts are signed.”\n\nShips queued outside.';
    const fs = check(t, index, { rules: { 'copied-passage': 'off', 'name-spelling': 'off', 'name-inconsistency': 'off' } }).findings;
    assert.deepEqual(fs.filter((f) => f.rule === 'unattributed-claim'), []);
    assert.equal(fs.filter((f) => f.rule === 'unattributed-quote').length, 1);
  });
  it('flags a reworded claim too short for a copied passage', () => {
    const idx = ReferenceIndex.build([{ id: 'r.md', path: 'r.md', text: 'Storm warning for the coast.\n\nThe ferry will not sail before Thursday, the harbour master said.', meta: {} }]);
    const t = 'Islanders are stocking up. The ferry is not expected to sail before Thursday. Shops are closed.';
    const [f] = only('unattributed-claim', t, idx);
    assert.ok(f, 'flagged');
    assert.equal(fixed(t, f), 'Islanders are stocking up. The ferry is not expected to sail before Thursday, according to the harbour master. Shops are closed.');
  });
  it('does not flag the claim when the article attributes it', () => {
    assert.deepEqual(only('unattributed-claim', 'The harbour lost four million euros in the first week of the strike, officials at the port authority said.'), []);
  });
  it('a pronoun credit must be someone the reference names as a speaker; a crosshead is no claim', () => {
    // "He also said" follows a place, not a speaker: the reader's antecedent is no credit
    const placeRef = ReferenceIndex.build([{ id: 'p.md', path: 'p.md', text: 'The trainee pharmacist lived on Mill Road, Eastbury, Upper Fenland.\n\nHe also said that the trainee could not have known the strength of the mixture and there was nothing on the label to warn him.', meta: {} }]);
    assert.deepEqual(only('unattributed-claim', 'The inquiry sat for a day. The trainee could not have known the strength of the mixture and there was nothing on the label to warn him. The hearing ended.', placeRef), []);
    // the same words after a named speaker are credited to him
    const speakerRef = ReferenceIndex.build([{ id: 's.md', path: 's.md', text: 'Mr Tomas Reyle said the trainee had been badly supervised.\n\nHe also said that the trainee could not have known the strength of the mixture and there was nothing on the label to warn him.', meta: {} }]);
    const [f] = only('unattributed-claim', 'The inquiry sat for a day. The trainee could not have known the strength of the mixture and there was nothing on the label to warn him. The hearing ended.', speakerRef);
    assert.ok(f, 'flagged');
    assert.match(f.message, /Reyle/);
    const chaseRef = ReferenceIndex.build([{ id: 'c.md', path: 'c.md', text: 'Mr Reyle said the driver was chased for a mile by a witness to the crash.', meta: {} }]);
    assert.deepEqual(only('unattributed-claim', 'The driver fled the scene on foot.\n\nChased\n\nHe hid in a field until the helicopter came.', chaseRef), []);
  });
  it('does not flag with no references', () => {
    assert.deepEqual(only('unattributed-claim', 'The harbour lost four million euros in the first week of the strike.', ReferenceIndex.build([])), []);
  });
  it('spans the whole claim sentence', () => {
    const t = 'Dockers stayed home again on Tuesday. The harbour lost four million euros in the first week of the strike. Talks resume on Friday.';
    const [f] = only('unattributed-claim', t);
    assert.ok(f, 'flagged');
    assertSpans(t, f, 'The harbour lost four million euros in the first week of the strike.');
  });
});
