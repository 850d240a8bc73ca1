import { strict as assert } from 'node:assert';
import { archive, doc, names, show } from './helpers';

// Invented people, places and stories. A slip that makes another word (Teal for Teale) is found when it
// stands where the story's references write the name: beside the same first name, surname or title.
// Without that company, or in an archive of other stories, the word is left alone.

describe('names/real-word slips in the name\'s own company', function () {
  // the first check loads the word lists
  this.timeout(20000);
  const story = [
    doc('w1', 'The harbour master, Norma Teale, said the quay would stay shut until the storm passed.'),
    doc('w2', 'Norma Teale told fishermen the quay would reopen on Friday. Ms Teale said repairs were under way.'),
  ];

  it('an ordinary word beside the references\' first name for the name is a slip of it', () => {
    const fs = names('The harbour master Norma Teal said the quay would reopen on Friday after repairs.', story);
    const spelling = fs.filter((f) => f.rule === 'name-spelling');
    assert.equal(spelling.length, 1, show(fs));
    assert.equal(spelling[0]!.text, 'Teal');
    assert.deepEqual(spelling[0]!.suggestions, ['Teale']);
  });

  it('the same word beside another first name is left alone', () => {
    assert.deepEqual(names('The harbour master said Rosa Teal, a trawler skipper, would lead the repairs.', story), []);
  });

  it('a courtesy title beside both says nothing of whose name it is', () => {
    assert.deepEqual(names('The harbour master said Ms Teal, a trawler skipper, would lead the repairs.', story), []);
  });

  it('a word the references also write as a name is not corrected', () => {
    const refs = [...story, doc('w3', 'The skipper Norma Teal, a cousin of the harbour master, brought her boat in early.')];
    assert.deepEqual(names('The harbour master Norma Teal said the quay would reopen on Friday.', refs), []);
  });

  it('in an archive of other stories the same company is not enough', () => {
    const refs = archive(...story);
    assert.deepEqual(names('At the yacht club dinner Norma Teal gave a toast to the volunteers of the lifeboat crew.', refs), []);
  });

  it('an archive document that follows the article\'s story is the story\'s', () => {
    const fs = names('The harbour master Norma Teal said the quay would reopen on Friday after repairs.', archive(...story));
    assert.deepEqual(fs.filter((f) => f.rule === 'name-spelling').map((f) => f.suggestions?.[0]), ['Teale'], show(fs));
  });

  it('a title the references write before the name is company too', () => {
    const refs = [
      doc('p1', 'Inspector Teale said officers had searched the harbour overnight.'),
      doc('p2', 'Officers led by Inspector Teale searched the boats moored at the quay.'),
    ];
    const fs = names('The search of the harbour was led by Inspector Teal, who spoke to reporters at the quay.', refs);
    assert.deepEqual(fs.filter((f) => f.rule === 'name-spelling').map((f) => f.suggestions?.[0]), ['Teale'], show(fs));
  });

  const senate = [
    doc('s1', 'Senator Marian Okonjo opened the hearing on the river dam and questioned the engineers.'),
    doc('s2', 'The committee heard from engineers about the dam. The chair thanked the witnesses.'),
  ];

  // a known first name against a spelling one reference writes once is a tie (references-agree.test.ts)
  it('a known first name with no shared company is another person', () => {
    assert.deepEqual(names('At the hearing Marion Fairley asked the engineers about the cost of the dam.', senate), []);
  });
});

describe('names/three-letter slips of a four-letter name in its company', function () {
  this.timeout(20000);
  const story = [
    doc('q1', 'The skipper Daro Quist said the crew had sailed through the night to reach the island.'),
    doc('q2', 'Daro Quist, who has skippered the boat for a decade, thanked the coastguard. Daro Quist said the crew were safe.'),
  ];

  it('a letter dropped from a first name the references write twice beside the surname is found', () => {
    const fs = names('The crew were safe, the skipper Dro Quist told reporters at the harbour on Monday.', story);
    const spelling = fs.filter((f) => f.rule === 'name-spelling');
    assert.equal(spelling.length, 1, show(fs));
    assert.equal(spelling[0]!.text, 'Dro');
    assert.deepEqual(spelling[0]!.suggestions, ['Daro']);
  });

  it('company the references give the name once is not enough for so short a word', () => {
    const once = [doc('q1', 'The skipper Daro Quist said the crew had sailed through the night to reach the island.')];
    assert.deepEqual(names('The crew were safe, the skipper Dro Quist told reporters at the harbour on Monday.', once), []);
  });

  it('a word the references write too is not corrected', () => {
    const refs = [...story, doc('q3', 'His brother Dro Quist met the boat at the quay.')];
    assert.deepEqual(
      names('The crew were safe, the skipper Dro Quist told reporters at the harbour on Monday.', refs).filter((f) => f.rule === 'name-spelling'),
      [],
    );
  });

  it('an inflection of the name (a plural) is another word', () => {
    const refs = [
      doc('d1', 'Senate Dems met on Tuesday to plan the vote on the budget.'),
      doc('d2', 'Senate Dems said they had the numbers to pass the budget.'),
    ];
    assert.deepEqual(names('Every Senate Dem voted for the budget on Thursday.', refs), []);
  });

  it('in an archive of other stories the company is not enough', () => {
    assert.deepEqual(names('At the yacht club dinner Dro Quist gave a toast to the volunteers.', archive(...story)), []);
  });
});

describe('names/a take and its substitute are one writer', function () {
  this.timeout(20000);
  const own = doc('r3', 'Two officers of the Kelvasc gave evidence on Monday.');
  const lead = doc('r1', 'The inquiry heard from former officers of the border police, the Kelvask, about the crossing. The Kelvask files were lost.');

  it('two documents carrying one sentence do not outvote the article\'s spelling', () => {
    const sub = doc('r2', 'The inquiry heard from former officers of the border police, the Kelvask, about the night crossing. Its Kelvask files were lost.');
    assert.deepEqual(names('Former Kelvasc officers were called as witnesses at the inquiry.', [lead, sub, own]), []);
  });

  it('two writers in their own words still do', () => {
    const other = doc('r2', 'A retired Kelvask officer told the hearing how the Kelvask kept its records.');
    const fs = names('Former Kelvasc officers were called as witnesses at the inquiry.', [lead, other, own]);
    assert.deepEqual(fs.filter((f) => f.rule === 'name-spelling').map((f) => f.suggestions?.[0]), ['Kelvask'], show(fs));
  });
});

describe('names/name-inconsistency: two spellings quoted side by side', function () {
  this.timeout(20000);
  const refs = [doc('c1', 'The parish council met to discuss the bus timetable.')];

  it('a correction notice quoting the wrong and the right spelling is no inconsistency', () => {
    const text = 'In the earlier story on the mill fire, read "near Brackwell, Dorset" in the second paragraph, ' +
      'substituting "Brackwell" for "Brackwel".';
    assert.deepEqual(names(text, refs).filter((f) => f.rule === 'name-inconsistency'), []);
  });

  it('the same with a wire\'s `` and \'\' quotation marks', () => {
    const text = 'In the earlier story on the mill fire, read ``near Brackwell, Dorset\'\' in the second paragraph, ' +
      'substituting ``Brackwell\'\' for ``Brackwel\'\'.';
    assert.deepEqual(names(text, refs).filter((f) => f.rule === 'name-inconsistency'), []);
  });

  it('one spelling quoted and one not is still flagged', () => {
    const text = 'The fire at the mill near Brackwell was put out by noon. Villagers called it "the Brackwel blaze" ' +
      'for years afterwards, and Brackwell farmers helped.';
    const fs = names(text, refs).filter((f) => f.rule === 'name-inconsistency');
    assert.equal(fs.length, 1, show(fs));
  });
});
