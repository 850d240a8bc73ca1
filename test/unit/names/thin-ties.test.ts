import { strict as assert } from 'node:assert';
import { morePlausibleSpelling } from '../../../src/core/names/words';
import { doc, names, show } from './helpers';

// Invented people, places and stories. Where the references are no better evidence than the article
// itself (one writer against one, or fewer uses than the article's own consistent ones), the
// reference spelling is not imposed; where an article spells a name two ways with nothing else to go
// on, the spelling whose letters read as written is taken as the name.

describe('names/the article\'s own consistent use', function () {
  // the first check loads the word lists
  this.timeout(20000);
  const story = (name: string) => [doc('w1', `The hearing was told the report ${name} wrote was late.`)];
  const three = 'Brian Falkner, the security chief, told the court he had resigned. Mr Falkner said the cash was ' +
    'kept in a safe. Mr Falkner, 62, denied taking any of it.';

  it('a spelling the references write fewer times than the article\'s three consistent places is not imposed', () => {
    const refs = [
      doc('w1', 'The hearing was told the report Falkener wrote was late.'),
      doc('w2', 'Falkener was not called to give evidence.'),
    ];
    assert.deepEqual(names(three, refs), []);
  });

  it('one place of the same spelling is still corrected to the story\'s', () => {
    const fs = names('Brian Falkner, the security chief, told the court he had resigned.', story('Falkener'));
    assert.equal(fs.length, 1, show(fs));
    assert.deepEqual(fs[0]!.suggestions, ['Falkener']);
  });

  it('an accent the references write is still suggested however often the article leaves it out', () => {
    const text = 'Ramon Ibarren spoke first. Mr Ibarren said the vote was fair. Mr Ibarren left at noon.';
    const refs = [doc('w1', 'The former minister Ramon Ibarrén called for calm.')];
    const fs = names(text, refs).filter((f) => f.rule === 'name-spelling');
    assert.equal(fs.length, 1, show(fs));
    assert.deepEqual(fs[0]!.suggestions, ['Ibarrén']);
  });
});

describe('names/one take against the article', () => {
  it('a reference spelling that is the article\'s with a letter left out is not imposed on one writer\'s word', () => {
    const refs = [doc('w1', 'The driver told Hinkworth magistrates he could not remember the crash.')];
    assert.deepEqual(names('Jagger, 46, told Hinckworth magistrates that the crash was a nightmare.', refs), []);
  });

  it('the other way round, the letter the article left out is suggested', () => {
    const refs = [doc('w1', 'The driver told Hinckworth magistrates he could not remember the crash.')];
    const fs = names('Jagger, 46, told Hinkworth magistrates that the crash was a nightmare.', refs);
    assert.equal(fs.length, 1, show(fs));
    assert.deepEqual(fs[0]!.suggestions, ['Hinckworth']);
  });

  it('an article\'s spelling that is an English word is not corrected to one reference\'s non-word', () => {
    const refs = [doc('w1', 'He had lived at the Saddlebeck Centre near the town for a year.')];
    assert.deepEqual(names('Morrison, formerly of the Saddleback Centre, stood in the dock.', refs), []);
  });

  it('two references writing the non-word still settle it', () => {
    const refs = [
      doc('w1', 'He had lived at the Saddlebeck Centre near the town for a year.'),
      doc('w2', 'Staff at the Saddlebeck Centre said he kept to himself.'),
    ];
    const fs = names('Morrison, formerly of the Saddleback Centre, stood in the dock.', refs);
    assert.equal(fs.length, 1, show(fs));
    assert.deepEqual(fs[0]!.suggestions, ['Saddlebeck']);
  });
});

describe('names/name-inconsistency: a tie with nothing to go on', () => {
  const refs = [doc('r1', 'The parish council met to discuss the bus timetable.')];

  it('the spelling whose letters read as written is the name, whichever comes first', () => {
    const text = 'He was found at his home in Rufton, near Brinswroth, on Monday. A constable told the Brinsworth hearing ' +
      'that a neighbour had raised the alarm.';
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
