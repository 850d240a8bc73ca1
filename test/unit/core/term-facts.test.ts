import { strict as assert } from 'node:assert';
import { ReferenceIndex } from '../../../src/core/reference-index';
import { termFact, termFacts } from '../../../src/core/sentence-pairs';

describe('termFacts (per term: stem id, stop word, short word)', () => {
  it('holds each term\'s stem id × 4 + 2 for a stop word + 1 for two characters or fewer, and grows with the dictionary', () => {
    const index = ReferenceIndex.build([
      { id: 'a', path: 'a', text: 'The harbour master of Port Velin said he is at ease with the new ferries.', meta: {} },
    ]);
    const terms = index.terms;
    let facts = termFacts(terms);
    const check = () => {
      for (let t = 0; t < terms.size; t++) {
        const f = facts[t]! < 0 ? termFact(terms, facts, t) : facts[t]!;
        assert.equal(f, terms.stemId(t) * 4 + (terms.stop[t] ? 2 : 0) + (terms.words[t]!.length <= 2 ? 1 : 0), terms.words[t]);
      }
    };
    check();
    assert.equal(facts[terms.lookup('he')]! & 3, 3);
    assert.equal(facts[terms.lookup('harbour')]! & 3, 0);
    const before = terms.size;
    index.add([{ id: 'b', path: 'b', text: 'Ferrymen of the Velin strait voted on a new rota.', meta: {} }]);
    assert.ok(terms.size > before);
    facts = termFacts(terms);
    assert.ok(facts.length >= terms.size);
    check();
  });
});
