import { strict as assert } from 'node:assert';
import { vowelForVowel } from '../../../src/core/names/analysis';
import { archive, doc, names, show } from './helpers';

// Invented people, places and stories. When the only evidence for a spelling is one other writer,
// the article's writer is as likely to be right: these tests hold the ties the references cannot
// break, and the asymmetries that still break them.

describe('names/archive: one document against one', () => {
  const text = 'Grain grower Marit Feldhogen says the new silo will open in March.';

  it('a spelling a single document of other stories writes is not imposed on the article\'s', () => {
    const refs = archive(doc('h1', 'The shire thanked Marit Feldhagen for ten years on the water board.'));
    assert.deepEqual(names(text, refs), []);
  });

  it('two documents writing it still settle it', () => {
    const refs = archive(
      doc('h1', 'The shire thanked Marit Feldhagen for ten years on the water board.'),
      doc('h2', 'Marit Feldhagen won the district cattle prize.'),
    );
    const fs = names(text, refs);
    assert.equal(fs.length, 1, show(fs));
    assert.equal(fs[0]!.text, 'Feldhogen');
    assert.deepEqual(fs[0]!.suggestions, ['Feldhagen']);
  });

  it('a doubling names never have breaks the tie', () => {
    const refs = archive(doc('h1', 'The shire thanked Marit Feldhagen for ten years on the water board.'));
    const fs = names('Grain grower Marit Feldhhagen says the new silo will open in March.', refs);
    assert.equal(fs.length, 1, show(fs));
    assert.deepEqual(fs[0]!.suggestions, ['Feldhagen']);
  });

  it('a name list that knows the target and not the article\'s spelling breaks the tie', () => {
    const refs = archive(doc('g1', 'The coach Luis Gonzalez named an unchanged side for the final.'));
    const fs = names('Coach Luis Gonzaelz kept faith with the team that won the semi-final.', refs);
    assert.equal(fs.length, 1, show(fs));
    assert.deepEqual(fs[0]!.suggestions, ['Gonzalez']);
  });

  it('in a story\'s own references one document is enough', () => {
    const fs = names(text, [doc('h1', 'Grain grower Marit Feldhagen says the silo opens in March.')]);
    assert.equal(fs.length, 1, show(fs));
    assert.deepEqual(fs[0]!.suggestions, ['Feldhagen']);
  });
});

describe('names/archive: Mac against Mc in other stories', () => {
  const refs = [
    doc('c1', 'Andrew McCallister runs the ferry between the two islands.'),
    doc('c2', 'The ferry owner Andrew McCallister bought a second boat.'),
  ];
  const text = 'Boat builder Andrew MacCallister launched the new hull on Tuesday.';

  it('two documents of other stories writing Mc do not correct the article\'s Mac', () => {
    assert.deepEqual(names(text, archive(...refs)), []);
  });

  it('a story\'s own references writing Mc twice still do', () => {
    const fs = names(text, refs);
    assert.equal(fs.length, 1, show(fs));
    assert.deepEqual(fs[0]!.suggestions, ['McCallister']);
  });
});

describe('names/archive: a whole name romanised another way', () => {
  const refs = archive(
    doc('p1', 'The film by Pavel Lewandovsky opened the festival.'),
    doc('p2', 'Pavel Lewandovsky was given the jury prize for the script.'),
  );

  it('both words of the name in another romanisation are another system, not a slip', () => {
    assert.deepEqual(names('The director Pawel Lewandowski spoke after the screening.', refs), []);
  });

  it('the same romanisation of one word beside the references\' own company is still suggested', () => {
    const fs = names('The director Pawel Lewandovsky spoke after the screening.', refs);
    assert.equal(fs.length, 1, show(fs));
    assert.equal(fs[0]!.text, 'Pawel');
    assert.deepEqual(fs[0]!.suggestions, ['Pavel']);
  });
});

describe('names: a weak match to one document of a large set', () => {
  const story = 'Petition leader Orrin Tawell says the inquiry into the grain board is too narrow and that growers ' +
    'were never asked about the levy. The board will answer the petition at its meeting in the town hall next week, ' +
    'and the minister has promised to read every submission before the levy is set for the coming harvest.';
  const copy = story.replace('Tawell', 'Tawyer');

  it('a document of an archive that follows the story does not settle a two-edit match', () => {
    assert.deepEqual(names(story, archive(doc('s1', copy))), []);
  });

  it('the same document chosen for the story does', () => {
    const fs = names(story, [doc('s1', copy)]);
    assert.equal(fs.length, 1, show(fs));
    assert.deepEqual(fs[0]!.suggestions, ['Tawyer']);
  });
});

describe('names: a word of several other names', () => {
  const refs = [
    doc('k1', 'Exports to Korvana rose for the third month.'),
    doc('k2', 'The Korvana finance ministry cut its growth forecast.'),
    doc('k3', 'Korvana and its neighbours signed the trade pact.'),
  ];

  it('a spelling standing in two different names, none the target\'s company, is not a slip of it', () => {
    assert.deepEqual(names('The stalls of Korvama Besar sell fruit; the lane leads to Lama Korvama market.', refs), []);
  });

  it('always in the same name, it still is', () => {
    const fs = names('The stalls of Korvama Besar sell fruit; the lane leads to Korvama Besar market.', refs);
    assert.equal(fs.length, 1, show(fs));
    assert.deepEqual(fs[0]!.suggestions, ['Korvana']);
  });
});

describe('names/archive: a vowel for a vowel', () => {
  it('vowelForVowel: one letter, a vowel against a vowel', () => {
    assert.equal(vowelForVowel('hansen', 'hanson'), true);
    assert.equal(vowelForVowel('hansen', 'hansan'), true);
    assert.equal(vowelForVowel('hansen', 'hanssn'), false);
    assert.equal(vowelForVowel('hansen', 'hanson2'), false);
    assert.equal(vowelForVowel('hansen', 'hansen'), false);
  });

  it('a name list knowing the target does not break the tie when the spellings differ in one vowel', () => {
    const refs = archive(doc('k1', 'The club thanked Geoff Kendall for twenty years as treasurer.'));
    assert.deepEqual(names('Treasurer Geoff Kendoll says the club has paid off its loan.', refs), []);
  });
});
