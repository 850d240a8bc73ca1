import { strict as assert } from 'node:assert';
import { morePlausibleSpelling } from '../../../src/core/names/words';
import { plausibleDoubling } from '../../../src/core/names/analysis';
import { archive, doc, names, show } from './helpers';

// Invented people, places and stories. A near miss of another person the story names is not imposed
// on a name the article gives its own company; one writer against one is a tie whatever prefix the
// name has; where an article spells a name two ways with nothing else to go on, the spelling whose
// letters read as written is taken as the name.

describe('names/another person of the story', function () {
  // the first check loads the word lists
  this.timeout(20000);
  const refs = [
    doc('w1', 'Kodi was the owner\'s son, and Kodi grew up on the estate.'),
    doc('w2', 'The owner said his son Kodi had loved the orchard as a boy.'),
  ];

  it('a name the article gives a first name of its own, three times the same, is not the story\'s other man', () => {
    const text = 'Brian Kodd, a retired gardener, looked after the estate for a decade. Mr Kodd planted the orchard ' +
      'himself. Mr Kodd now lives by the sea.';
    assert.deepEqual(names(text, refs), []);
  });

  it('the same slip in one place is still suggested', () => {
    const fs = names('The gardeners said Kodd had loved the orchard as a boy.', refs);
    assert.equal(fs.length, 1, show(fs));
    assert.deepEqual(fs[0]!.suggestions, ['Kodi']);
  });
});

describe('names/Mc before a C is no doubling', () => {
  it('one document of other stories against one: McCarrick is not corrected to McFarrick', () => {
    const refs = archive(doc('h1', 'The envoy Donal McFarrick met the trade delegation in the capital.'));
    assert.deepEqual(names('Congressman Donal McCarrick said he would table the bill this week.', refs), []);
  });

  it('plausibleDoubling reads the c after Mc as the name\'s first letter', () => {
    assert.equal(plausibleDoubling('mccarrick'), true);
    assert.equal(plausibleDoubling('mccarrrick'), false);
    assert.equal(plausibleDoubling('brickk'), false);
  });
});

describe('names/name-inconsistency: a tie with nothing to go on', () => {
  const refs = [doc('r1', 'The parish council met to discuss the bus timetable.')];

  it('the spelling whose letters read as written is the name, whichever comes first', () => {
    const text = 'The new library in Brinswroth opens its doors in May. Volunteers from the Brinsworth book club ' +
      'will run the reading room.';
    const fs = names(text, refs).filter((f) => f.rule === 'name-inconsistency');
    assert.equal(fs.length, 1, show(fs));
    assert.equal(fs[0]!.text, 'Brinswroth');
    assert.deepEqual(fs[0]!.suggestions, ['Brinsworth']);
  });

  it('with no letters to choose by, the earlier spelling is still the one kept', () => {
    const text = 'The deal was signed by Mr Korvel on Monday. Later Mr Korval said the firm would grow.';
    const fs = names(text, refs).filter((f) => f.rule === 'name-inconsistency');
    assert.equal(fs.length, 1, show(fs));
    assert.equal(fs[0]!.text, 'Korval');
  });

  it('morePlausibleSpelling settles only a clear difference of one length', () => {
    assert.equal(morePlausibleSpelling('brinsworth', 'brinswroth'), 1);
    assert.equal(morePlausibleSpelling('brinswroth', 'brinsworth'), -1);
    assert.equal(morePlausibleSpelling('korvel', 'korval'), 0);
    assert.equal(morePlausibleSpelling('fujinaga', 'fuinaga'), 0);
  });
});
