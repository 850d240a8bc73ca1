import { strict as assert } from 'node:assert';
import { touchesCharacterReference } from '../../../src/core/names/evidence';
import { nameLexicon } from '../../../src/core/names/lexicon';
import { ReferenceIndex } from '../../../src/core/reference-index';
import { archive, doc, names, show } from './helpers';

// Invented people, places and stories. What the references write beside a name (its company) says
// whose name it is; these tests hold the cases where that company is read too generously.

describe('names/company: an initial beside the target', () => {
  it('beside a target that is a first name, an initial is its middle initial, not the article\'s first name', () => {
    const refs = archive(
      doc('b1', 'Bernard H Tolliver chaired the water board for a decade.'),
      doc('b2', 'The board thanked Bernard Tolliver and his deputy.'),
      doc('b3', 'Bernard Tolliver opened the reservoir footpath.'),
    );
    assert.deepEqual(names('The economist Hester Bernardt said the water price would rise.', refs), []);
  });

  it('an initial the references also give in full as another first name is that name\'s', () => {
    const refs = archive(
      doc('p1', 'The winger J Pellowe was booked in the first half.'),
      doc('p2', 'Jason Pellowe scored twice for the visitors.'),
      doc('p3', 'Jason Pellowe signed a new contract with the club.'),
    );
    assert.deepEqual(names('The film producer Jeff Pellwoe said the sequel would open in May.', refs), []);
  });

  it('an initial with no other first name of that letter still stands for the article\'s first name', () => {
    const refs = archive(
      doc('p1', 'The winger J Pellowe was booked in the first half.'),
      doc('p2', 'Coach Dunmore praised J Pellowe for his pace.'),
      doc('p3', 'J Pellowe returns to the side this weekend.'),
    );
    const fs = names('The winger Jeff Pellwoe will start on Saturday.', refs);
    assert.equal(fs.length, 1, show(fs));
    assert.equal(fs[0]!.rule, 'name-spelling');
    assert.deepEqual(fs[0]!.suggestions, ['Pellowe']);
    assert.equal(fs[0]!.start, 'The winger Jeff '.length);
    assert.equal(fs[0]!.end, 'The winger Jeff Pellwoe'.length);
  });
});

describe('names: a word written with an HTML character reference', () => {
  it('touchesCharacterReference: a reference right after or before the token, or the token its name', () => {
    const t = 'the Daurign&eacute; theorem, Andr&#233; Vell and &Eacute;mile Sorg; Daurigne';
    const at = (w: string, from = 0) => [t.indexOf(w, from), t.indexOf(w, from) + w.length] as const;
    assert.equal(touchesCharacterReference(t, ...at('Daurign')), true);
    assert.equal(touchesCharacterReference(t, ...at('eacute')), true);
    assert.equal(touchesCharacterReference(t, ...at('Andr')), true);
    assert.equal(touchesCharacterReference(t, ...at('mile')), true);
    assert.equal(touchesCharacterReference(t, ...at('Vell')), false);
    assert.equal(touchesCharacterReference(t, ...at('Sorg')), false);
    assert.equal(touchesCharacterReference(t, ...at('Daurigne', 60)), false);
  });

  it('the letters before the reference are not a second spelling of the name', () => {
    const text = 'The Daurign&eacute; theorem was posed by Lucien Daurigne in 1911. Daurigne taught at a school in Lyon.';
    assert.deepEqual(names(text, [doc('r1', 'The council met to discuss the bus timetable.')]), []);
  });

  it('a real second spelling beside it is still found', () => {
    const text = 'The Daurign&eacute; theorem was posed by Lucien Daurigne in 1911. Daurigne taught in Lyon, and Dauringe retired there.';
    const fs = names(text, [doc('r1', 'The council met to discuss the bus timetable.')]);
    assert.equal(fs.length, 1, show(fs));
    assert.equal(fs[0]!.rule, 'name-inconsistency');
    assert.equal(fs[0]!.text, 'Dauringe');
    assert.deepEqual(fs[0]!.suggestions, ['Daurigne']);
  });

  it('the references\' letters before a reference are no lexicon spelling', () => {
    const index = ReferenceIndex.build([doc('r1', 'The Daurign&eacute; prize went to Mira Tollan. Mira Tollan thanked the jury.')]);
    const lex = nameLexicon(index);
    assert.equal(lex.get('daurign'), undefined);
    assert.equal(lex.get('tollan')?.count, 2);
  });
});

describe('names/name-inconsistency: an ordinary word opening a sentence', () => {
  const refs = [doc('r1', 'The council met to discuss the bus timetable.')];

  it('a capitalised word the article also writes in lower case is no second spelling of a name', () => {
    const text = 'Saltmarshes are vanishing, a study says.\nSince 2003 the monitoring programme SaltmarshNet has tracked 40 sites. Most saltmarshes lie beside farms.';
    assert.deepEqual(names(text, refs), []);
  });

  it('nor one the references write in lower case', () => {
    const text = 'Saltmarshes are vanishing, a study says.\nSince 2003 the monitoring programme SaltmarshNet has tracked 40 sites.';
    assert.deepEqual(names(text, [doc('r2', 'Wide saltmarshes shelter the birds in winter.')]), []);
  });

  it('without a lower-case use the two spellings are still compared', () => {
    const text = 'Saltmarshes are vanishing, a study says.\nSince 2003 the monitoring programme SaltmarshNet has tracked 40 sites.';
    const fs = names(text, refs);
    assert.equal(fs.length, 1, show(fs));
    assert.equal(fs[0]!.rule, 'name-inconsistency');
  });
});

describe('names/archive: another romanisation of the name', () => {
  it('one document of other stories writing another romanisation does not settle it', () => {
    const refs = archive(doc('z1', 'The former mayor Bohdan Zarevich opened the grain terminal at the port.'));
    assert.deepEqual(names('Opposition leader Bohdan Zarevych lost the vote on Sunday.', refs), []);
  });

  it('two documents writing it, or a slip that is no romanisation, still do', () => {
    const two = archive(
      doc('z1', 'The former mayor Bohdan Zarevich opened the grain terminal at the port.'),
      doc('z2', 'Bohdan Zarevich was re-elected to the regional council.'),
    );
    const fs = names('Opposition leader Bohdan Zarevych lost the vote on Sunday.', two);
    assert.equal(fs.length, 1, show(fs));
    assert.deepEqual(fs[0]!.suggestions, ['Zarevich']);
    const one = archive(doc('z1', 'The former mayor Bohdan Zarevich opened the grain terminal at the port.'));
    const gs = names('Opposition leader Bohdan Zarevitch lost the vote on Sunday.', one);
    assert.equal(gs.length, 0, show(gs));
    const hs = names('Opposition leader Bohdan Zaervich lost the vote on Sunday.', two);
    assert.equal(hs.length, 1, show(hs));
    assert.deepEqual(hs[0]!.suggestions, ['Zarevich']);
  });

  it('in a story\'s own references one document is enough', () => {
    const fs = names('Opposition leader Bohdan Zarevych lost the vote on Sunday.', [
      doc('z1', 'The opposition leader Bohdan Zarevich lost the vote on Sunday, officials said.'),
    ]);
    assert.equal(fs.length, 1, show(fs));
    assert.deepEqual(fs[0]!.suggestions, ['Zarevich']);
  });
});
