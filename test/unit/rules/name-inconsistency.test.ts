import { strict as assert } from 'node:assert';
import { applyEdits } from '../../../src/core/attribution/fixes';
import type { ReferenceDoc } from '../../../src/core/types';
import { assertSpans, names } from './helpers';

describe('names/name-inconsistency', () => {
  it('flags the minority spelling when the article spells one name two ways and the references are silent', () => {
    const text =
      'Farmer Edwina Quillfeather lost her barn. Quillfeather said the water came fast. ' +
      'Neighbours helped Edwina Quilfeather move her sheep, and Quillfeather thanked them.';
    const fs = names(text);
    assert.equal(fs.length, 1);
    const f = fs[0]!;
    assert.equal(f.rule, 'name-inconsistency');
    assert.equal(f.severity, 'info');
    assert.equal(f.text, 'Quilfeather');
    assert.deepEqual(f.suggestions, ['Quillfeather']);
    assert.match(f.message, /this article also spells it "Quillfeather" \(3 times\)/);
    assert.equal(applyEdits(text, f.fixes![0]!.edits).includes('Quilfeather'), false);
  });

  it('two people with different given names are not an inconsistency', () => {
    const text = 'Anna Kowalska runs the bakery. Her cousin Piotr Kowalski runs the mill.';
    assert.deepEqual(names(text), []);
  });
});

describe('names/name-inconsistency: references settle an even split', () => {
  it('an even split in the article is settled towards the spelling the references use more', () => {
    const refs: ReferenceDoc[] = [
      { id: 'a', path: 'a', meta: {}, text: 'The ferry left Brackenmoor at dawn. Brackenmoor harbour was busy, and Brackenmoor pier too. Later Brakcenmoor was quiet.' },
      { id: 'b', path: 'b', meta: {}, text: 'Crowds gathered in Brakcenmoor.' },
    ];
    const fs = names('Brakcenmoor was calm in the morning. By noon Brackenmoor was crowded.', {}, refs);
    assert.equal(fs.length, 1);
    assert.equal(fs[0]!.rule, 'name-inconsistency');
    assert.equal(fs[0]!.text, 'Brakcenmoor');
    assert.deepEqual(fs[0]!.suggestions, ['Brackenmoor']);
  });
  it('spans the minority spelling only, and the fix changes that place alone', () => {
    const text =
      'Farmer Edwina Quillfeather lost her barn. Quillfeather said the water came fast. ' +
      'Neighbours helped Edwina Quilfeather move her sheep, and Quillfeather thanked them.';
    const [f] = names(text);
    assert.ok(f, 'flagged');
    assertSpans(text, f, 'Quilfeather');
    assert.equal(applyEdits(text, f.fixes![0]!.edits), text.replace('Edwina Quilfeather', 'Edwina Quillfeather'));
  });

  it('one spelling throughout is not an inconsistency', () => {
    const text = 'Farmer Edwina Quillfeather lost her barn. Quillfeather said the water came fast, and Quillfeather thanked the neighbours.';
    assert.deepEqual(names(text), []);
  });
});
