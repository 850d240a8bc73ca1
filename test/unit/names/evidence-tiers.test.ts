import { strict as assert } from 'node:assert';
import { ocrMisreading } from '../../../src/core/names/analysis';
import type { NameMissData } from '../../../src/core/finding-data';
import { archive, doc, names, show } from './helpers';

// Invented people, places and stories. A name-spelling warning needs evidence an editor can act on:
// the article's own story's references, or several documents of other stories; thinner evidence is
// an info. Reading slips of a scan in a reference are no evidence at all.

const evidenceOf = (f: { data?: unknown }) => (f.data as NameMissData).evidence;

describe('names: evidence tiers', () => {
  const text = 'Grain grower Marit Feldhogen says the new silo will open in March.';
  const otherStory = (id: string, s: string) => doc(id, s);

  it('two documents of other stories make an info', () => {
    const refs = archive(
      otherStory('h1', 'The shire thanked Marit Feldhagen for ten years on the water board.'),
      otherStory('h2', 'Marit Feldhagen won the district cattle prize.'),
    );
    const fs = names(text, refs);
    assert.equal(fs.length, 1, show(fs));
    assert.deepEqual(fs[0]!.suggestions, ['Feldhagen']);
    assert.equal(fs[0]!.severity, 'info');
    assert.equal(evidenceOf(fs[0]!), 'thin');
  });

  it('three documents of other stories make a warning', () => {
    const refs = archive(
      otherStory('h1', 'The shire thanked Marit Feldhagen for ten years on the water board.'),
      otherStory('h2', 'Marit Feldhagen won the district cattle prize.'),
      otherStory('h3', 'The field day was opened by Marit Feldhagen of the growers\' group.'),
    );
    const fs = names(text, refs);
    assert.equal(fs.length, 1, show(fs));
    assert.equal(fs[0]!.severity, 'warning');
    assert.equal(evidenceOf(fs[0]!), 'documents');
  });

  it('one document of the article\'s own story makes a warning', () => {
    const fs = names(text, [doc('s1', 'Grain grower Marit Feldhagen says the silo opens in March.')]);
    assert.equal(fs.length, 1, show(fs));
    assert.equal(fs[0]!.severity, 'warning');
    assert.equal(evidenceOf(fs[0]!), 'story');
  });

  it('references that write the article\'s spelling too make an info, however clear their majority', () => {
    const refs = [
      doc('s1', 'Marit Feldhagen said the silo would open in March. Feldhagen has farmed the district for years.'),
      doc('s2', 'Marit Feldhagen opened the silo. Feldhagen thanked the shire and Feldhagen\'s neighbours.'),
      doc('s3', 'Grain grower Marit Feldhagen and the shire agreed the date. Feldhagen said it was a relief.'),
      doc('s4', 'Marit Feldhogen told the meeting the silo would open in March.'),
    ];
    const fs = names(text, refs);
    assert.equal(fs.length, 1, show(fs));
    assert.deepEqual(fs[0]!.suggestions, ['Feldhagen']);
    assert.equal(fs[0]!.severity, 'info');
    assert.equal(evidenceOf(fs[0]!), 'thin');
  });
});

describe('names/archive: a doubling both spellings share', () => {
  it('does not break the tie of one document against one', () => {
    const refs = archive(doc('h1', 'The shire thanked Joost Vaanderson for ten years on the water board.'));
    assert.deepEqual(names('Dairy farmer Joost Vaandersen says the new shed will open in March.', refs), []);
  });

  it('a doubling only the article\'s spelling has still does', () => {
    const refs = archive(doc('h1', 'The shire thanked Joost Vanderson for ten years on the water board.'));
    const fs = names('Dairy farmer Joost Vaanderson says the new shed will open in March.', refs);
    assert.equal(fs.length, 1, show(fs));
    assert.deepEqual(fs[0]!.suggestions, ['Vanderson']);
  });
});

describe('names: a scan\'s misreading in the references', () => {
  it('a capital I for l inside the word is no evidence against the article\'s spelling', () => {
    const refs = [
      doc('s1', 'The singer IIvana Marsk opened the festival on Friday night.'),
      doc('s2', 'IIvana Marsk said the crowd had been the biggest of her tour.'),
    ];
    assert.deepEqual(names('The singer Ilvana Marsk opened the festival on Friday.', refs), []);
  });

  it('the article\'s own misreading is still corrected', () => {
    const refs = [
      doc('s1', 'The singer Ilvana Marsk opened the festival on Friday night.'),
      doc('s2', 'Ilvana Marsk said the crowd had been the biggest of her tour.'),
    ];
    const fs = names('The singer IIvana Marsk opened the festival on Friday.', refs);
    assert.equal(fs.length, 1, show(fs));
    assert.deepEqual(fs[0]!.suggestions, ['Ilvana']);
  });

  it('reads which spellings are misreadings', () => {
    assert.equal(ocrMisreading('Ilvana', 'IIvana'), true);
    assert.equal(ocrMisreading('Wilsen', 'WiIsen'), true);
    assert.equal(ocrMisreading('Jonsk', 'J0nsk'), true);
    // the capital after Mc is how the name is written, the article's l the slip
    assert.equal(ocrMisreading('Mclntyre', 'McIntyre'), false);
    assert.equal(ocrMisreading('Fitzlvor', 'FitzIvor'), false);
    // an ordinary name's first two letters are no such prefix: the I after them is a misread l
    assert.equal(ocrMisreading('Delvia', 'DeIvia'), true);
    assert.equal(ocrMisreading('Dillane', 'DiIlane'), true);
    assert.equal(ocrMisreading('Ilvana', 'Ilvena'), false);
    assert.equal(ocrMisreading('Ilvana', 'Ilvana'), false);
  });
});
