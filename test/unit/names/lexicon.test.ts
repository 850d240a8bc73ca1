import { strict as assert } from 'node:assert';
import { nameLexicon } from '../../../src/core/names/lexicon';
import { ReferenceIndex } from '../../../src/core/reference-index';
import { REFS } from '../rules/helpers';

describe('names/lexicon', () => {
  it('learns names with sources and occurrences, not ordinary words', () => {
    const lex = nameLexicon(ReferenceIndex.build(REFS));
    const k = lex.get('kravchenko')!;
    assert.equal(k.name, true);
    assert.equal(k.docs, 3);
    assert.equal(k.count, 4);
    assert.equal(lex.get('ólafsdóttir')!.form, 'Ólafsdóttir');
    assert.ok(!lex.get('floodwater')?.name, 'a capital at the start of a sentence is not a name');
    assert.ok(!lex.get('the')?.name);
  });

  it('is cached per index and rebuilt when documents change', () => {
    const index = ReferenceIndex.build(REFS.slice(0, 2));
    const a = nameLexicon(index);
    assert.equal(nameLexicon(index), a);
    index.add([REFS[2]!]);
    const b = nameLexicon(index);
    assert.notEqual(b, a);
    assert.equal(b.get('kravchenko')!.docs, 3);
    index.remove(['wire.txt']);
    assert.equal(nameLexicon(index).get('kravchenko')!.docs, 2);
  });
});
