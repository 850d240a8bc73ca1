import { strict as assert } from 'node:assert';
import { isGivenNameWithS } from '../../../src/core/names/words';
import { archive, doc, names, show } from './helpers';

// Invented people, places and stories. An archive's other stories are other writers and often other
// people: these tests hold the cases where their spelling of a near name is not the article's slip,
// and where an article's two spellings are settled by the commoner slip.

describe('names/archive: the references know the article\'s spelling as a name', () => {
  const many = [
    doc('m1', 'Mr Maskall said the harbour levy would rise.'),
    doc('m2', 'Gregor Maskall chaired the ferry board for a decade.'),
    doc('m3', 'The board thanked Gregor Maskall and Mr Maskall spoke briefly.'),
    doc('m4', 'Mr Maskall opened the new slipway on Friday.'),
    doc('m5', 'The ferry timetable was signed off by Mr Maskall.'),
    doc('m6', 'Mr Maskall will step down in the spring.'),
  ];
  const text = 'The director Gregor Maskell shot the film on the island in 1967.';

  it('one document writing the article\'s spelling as a name speaks for it against many writing the other', () => {
    const refs = archive(...many, doc('o1', 'The actress Ines Maskell won the award for the role.'));
    assert.deepEqual(names(text, refs), []);
  });

  it('without that document the archive\'s spelling beside the same first name is still suggested', () => {
    const fs = names(text, archive(...many));
    assert.equal(fs.length, 1, show(fs));
    assert.equal(fs[0]!.rule, 'name-spelling');
    assert.deepEqual(fs[0]!.suggestions, ['Maskall']);
    assert.equal(fs[0]!.start, 'The director Gregor '.length);
    assert.equal(fs[0]!.end, 'The director Gregor Maskell'.length);
  });
});

describe('names/archive: two edits from another story\'s name', () => {
  const refs = [
    doc('t1', 'Orrin Tawyer runs the feedlot south of the river.'),
    doc('t2', 'The grain buyer Della Tawyer says prices will hold.'),
    doc('t3', 'Mr Tawyer said the drought had cut the herd by a third.'),
  ];
  const text = 'Petition leader Orrin Tawell says the inquiry into the grain board is too narrow.';

  it('in an archive, a weak two-edit match beside the same first name is another name', () => {
    assert.deepEqual(names(text, archive(...refs)), []);
  });

  it('in a set chosen for the story the same match is still suggested', () => {
    const fs = names(text, refs);
    assert.equal(fs.length, 1, show(fs));
    assert.equal(fs[0]!.rule, 'name-spelling');
    assert.equal(fs[0]!.text, 'Tawell');
    assert.deepEqual(fs[0]!.suggestions, ['Tawyer']);
  });

  it('a one-edit slip beside the same first name is still suggested in an archive', () => {
    const fs = names('Petition leader Orrin Tawyre says the inquiry is too narrow.', archive(...refs));
    assert.equal(fs.length, 1, show(fs));
    assert.equal(fs[0]!.text, 'Tawyre');
    assert.deepEqual(fs[0]!.suggestions, ['Tawyer']);
  });
});

describe('names: a given name with s added is a name of its own', () => {
  it('isGivenNameWithS: a given name compromise knows plus s, not ss', () => {
    assert.equal(isGivenNameWithS('lorens'), true);
    assert.equal(isGivenNameWithS('orlens'), false);
    assert.equal(isGivenNameWithS('lorenss'), false);
    assert.equal(isGivenNameWithS('ans'), false);
  });

  it('St Lorens is not corrected to the St Lorena one reference writes once', () => {
    const refs = archive(doc('l1', 'The supply ship called at St Lorena on its way south.'));
    assert.deepEqual(names('The ash cloud from Mount St Lorens drifted east over the valley.', refs), []);
  });

  it('a spelling that is no given name with s is still corrected beside the same company', () => {
    const refs = archive(
      doc('l1', 'The supply ship called at St Orlena on its way south.'),
      doc('l2', 'The cable to St Orlena was repaired in the spring.'),
    );
    const fs = names('The ash cloud from Mount St Orlens drifted east over the valley.', refs);
    assert.equal(fs.length, 1, show(fs));
    assert.equal(fs[0]!.text, 'Orlens');
    assert.deepEqual(fs[0]!.suggestions, ['Orlena']);
  });
});

describe('names/name-inconsistency: two spellings used once each, neither in the references', () => {
  const refs = [doc('r1', 'The council met to discuss the bus timetable.')];

  it('a letter left out is the slip: the longer spelling is kept, whichever comes first', () => {
    const text = 'The survey was led by Dr Hanne Velkerman of the marine institute. The reef had shrunk by half, Velkermann said.';
    const fs = names(text, refs);
    assert.equal(fs.length, 1, show(fs));
    assert.equal(fs[0]!.rule, 'name-inconsistency');
    assert.equal(fs[0]!.text, 'Velkerman');
    assert.equal(fs[0]!.start, text.indexOf('Velkerman'));
    assert.deepEqual(fs[0]!.suggestions, ['Velkermann']);
  });

  it('two spellings of one length: the earlier is kept', () => {
    const text = 'The survey was led by Dr Hanne Velkermann of the marine institute. The reef had shrunk by half, Velkremann said.';
    const fs = names(text, refs);
    assert.equal(fs.length, 1, show(fs));
    assert.equal(fs[0]!.text, 'Velkremann');
    assert.deepEqual(fs[0]!.suggestions, ['Velkermann']);
  });
});

describe('names/name-inconsistency: team sheets', () => {
  const refs = [doc('r1', 'Harbourside Rovers beat Millbrook 3-1 at the quay ground.')];
  const report = 'Harbourside Rovers beat Millbrook 3-1. Tallantyre scored twice after the break and Tallantyre set up the third.\n\n';

  it('two spellings that both stand in line-ups are two players', () => {
    const text = report +
      'Okafor, Brindle, Sauvage, Pettifer, Quarles (Dunmore 61), Tallantyne, Harrow.\n\n' +
      'Lusk, Ferrand, Mottram, Keel (Tallantyre 70), Abberley, Voss.\n';
    assert.deepEqual(names(text, refs), []);
  });

  it('a slip inside a line-up against the report alone is still found', () => {
    const text = report + 'Lusk, Ferrand, Mottram, Keel, Tallantrye, Abberley, Voss.\n';
    const fs = names(text, refs);
    assert.equal(fs.length, 1, show(fs));
    assert.equal(fs[0]!.rule, 'name-inconsistency');
    assert.equal(fs[0]!.text, 'Tallantrye');
    assert.deepEqual(fs[0]!.suggestions, ['Tallantyre']);
  });
});

describe('names: one reference writing a spelling once, the article another twice', () => {
  it('a word beside both (Dam) says what is named, not whose spelling is right', () => {
    const refs = [doc('d1', 'Work on the Vellodri Dam stopped after the flood, and the dam is still half built.')];
    const text = 'The Vellodru Dam will be finished next year. Engineers at Vellodru say the spillway is ready.';
    assert.deepEqual(names(text, refs), []);
  });

  it('a surname the references write as a name beside both makes it one person\'s name, though it is a word', () => {
    const refs = [doc('q1', 'The builder Oswald Plover won the contract. Mr Plover said work starts in June.')];
    const text = 'Oswlad Plover won the harbour contract. Oswlad Plover said the work would start in June.';
    const fs = names(text, refs);
    assert.equal(fs.length, 1, show(fs));
    assert.equal(fs[0]!.text, 'Oswlad');
    assert.equal(fs[0]!.start, 0);
    assert.deepEqual(fs[0]!.suggestions, ['Oswald']);
  });

  it('a first name beside both still makes it one person\'s name', () => {
    const refs = [doc('d1', 'Senator Corliss Vandermay opened the fish market.')];
    const text = 'Corliss Vandermey opened the market. Corliss Vandermey said the pier would be rebuilt.';
    const fs = names(text, refs);
    assert.equal(fs.length, 1, show(fs));
    assert.equal(fs[0]!.rule, 'name-spelling');
    assert.equal(fs[0]!.text, 'Vandermey');
    assert.equal(fs[0]!.start, 'Corliss '.length);
    assert.deepEqual(fs[0]!.suggestions, ['Vandermay']);
  });
});
