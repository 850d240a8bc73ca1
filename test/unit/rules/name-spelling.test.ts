import { strict as assert } from 'node:assert';
import { applyEdits } from '../../../src/core/attribution/fixes';
import { dataOf, isHouseCorrection, type NameMissData } from '../../../src/core/finding-data';
import type { Finding, ReferenceDoc } from '../../../src/core/types';
import { names, REFS } from './helpers';

/** The data of a name-spelling finding that is a near-miss (not a house-list correction). */
function missData(f: Finding): NameMissData {
  const d = dataOf(f, 'name-spelling');
  assert.ok(d && !isHouseCorrection(d), 'a near-miss finding');
  return d;
}

describe('names/name-spelling', () => {
  it('flags a transliteration slip with support counts, suggestion and hover data', () => {
    const text = 'The minister, Oleksandr Kravshenko, toured the town.';
    const fs = names(text);
    assert.equal(fs.length, 1);
    const f = fs[0]!;
    assert.equal(f.rule, 'name-spelling');
    assert.equal(f.severity, 'warning');
    assert.equal(f.text, 'Kravshenko');
    assert.equal(text.slice(f.start, f.end), 'Kravshenko');
    assert.deepEqual(f.suggestions, ['Kravchenko']);
    assert.equal(f.message, '"Kravshenko" — references spell it "Kravchenko" (3 sources, 4 times)');
    const refs = dataOf(f, 'name-spelling')!.references;
    assert.equal(refs[0]!.spelling, 'Kravchenko');
    assert.equal(refs[0]!.sources, 3);
    assert.equal(refs[0]!.occurrences, 4);
    assert.equal(missData(f).context, true); // "Oleksandr" stands before it in the references too
  });

  const slips: Array<[string, string, string]> = [
    ['keyboard slip', 'Pettigtew', 'Pettigrew'],
    ['transposition', 'Kettlewcik', 'Kettlewick'],
    ['dropped letter', 'Petigrew', 'Pettigrew'],
    ['doubled letter', 'Kettlewwick', 'Kettlewick'],
    ['y/i', 'Zoryvka', 'Zorivka'],
    ['diacritics stripped', 'Olafsdottir', 'Ólafsdóttir'],
    ['w/v', 'Kravchenkow', 'Kravchenko'],
  ];
  for (const [what, wrong, right] of slips) {
    it(`flags a ${what}: ${wrong} → ${right}`, () => {
      const fs = names(`Officials in the area said ${wrong} would need weeks to recover, and more help was promised.`);
      assert.equal(fs.length, 1, JSON.stringify(fs.map((f) => f.message)));
      assert.equal(fs[0]!.text, wrong);
      assert.equal(fs[0]!.suggestions![0], right);
    });
  }

  it('does not flag names spelt as in the references, inflections or demonyms', () => {
    const text =
      'Kettlewick is drying out. Ukrainian engineers and a Russian team helped; Ukraine\'s minister Oleksandr Kravchenko ' +
      'praised Kyiv\'s response, and Kyivan volunteers joined Mayor Tamsin Pettigrew in Zorivka.';
    assert.deepEqual(names(text), []);
  });

  it('does not flag names the references never mention, nor distinct real names', () => {
    const text =
      'A retired teacher, Bartholomew Quince, said he had never seen such a flood. Jonathan Marsh, a farmer, agreed. ' +
      'Hydrologists from Iran also offered help.';
    const refs: ReferenceDoc[] = [
      ...REFS,
      { id: 'x.txt', path: 'x.txt', meta: {}, text: 'A delegation from Iraq arrived. Michael Johnson of the charity said so. Iraq sent tents.' },
    ];
    assert.deepEqual(names(text, {}, refs), []);
  });

  it('in a multi-word name only the misspelt part is flagged', () => {
    const text = 'The town is led by Mayor Tamsin Pettigrw, who said the shelters were full.';
    const fs = names(text);
    assert.equal(fs.length, 1);
    assert.equal(fs[0]!.text, 'Pettigrw');
    assert.equal(text.slice(fs[0]!.start, fs[0]!.end), 'Pettigrw');
  });

  it('a possessive stays outside the flagged span and the fix', () => {
    const text = 'It was Pettigrw’s decision to open the shelters.';
    const fs = names(text);
    assert.equal(fs.length, 1);
    assert.equal(fs[0]!.text, 'Pettigrw');
    const fixed = applyEdits(text, fs[0]!.fixes![0]!.edits);
    assert.equal(fixed, 'It was Pettigrew’s decision to open the shelters.');
  });

  it('all-caps headlines are checked and the replacement keeps the capitals', () => {
    const text = 'KRAVSHENKO VISITS FLOODED TOWN\n\nThe minister arrived on Monday.';
    const fs = names(text);
    assert.equal(fs.length, 1);
    assert.equal(fs[0]!.text, 'KRAVSHENKO');
    assert.deepEqual(fs[0]!.suggestions, ['KRAVCHENKO']);
    assert.equal(applyEdits(text, fs[0]!.fixes![0]!.edits).split('\n')[0], 'KRAVCHENKO VISITS FLOODED TOWN');
  });

  it('names at the start of a sentence are checked; ordinary words there are not names', () => {
    const text = 'Meanwhile the river rose. Kettlewcik was cut off. Shelters filled up.';
    const fs = names(text);
    assert.equal(fs.length, 1);
    assert.equal(fs[0]!.text, 'Kettlewcik');
  });

  it('one finding per distinct name, listing all its places; replace-all (preferred) and replace-this fixes', () => {
    const text = 'Pettigrw opened a shelter. Later Pettigrw said more were needed.';
    const fs = names(text);
    assert.equal(fs.length, 1);
    assert.match(fs[0]!.message, /2 places in this article/);
    assert.deepEqual(missData(fs[0]!).places, [{ start: 0, end: 8 }, { start: 33, end: 41 }]);
    const [all, one] = fs[0]!.fixes!;
    assert.equal(all!.preferred, true);
    assert.equal(all!.edits.length, 2);
    assert.equal(applyEdits(text, all!.edits), 'Pettigrew opened a shelter. Later Pettigrew said more were needed.');
    assert.equal(one!.edits.length, 1);
    assert.equal(applyEdits(text, one!.edits), 'Pettigrew opened a shelter. Later Pettigrw said more were needed.');
    assert.ok(!one!.preferred);
  });

  it('in an archive (more than a story\'s references) another real name is not suggested without shared company or story', () => {
    // 120 unrelated references mention a different person, Dalgarno; the article's Dalgarmo has no company in common
    const archive: ReferenceDoc[] = Array.from({ length: 120 }, (_, k) => ({
      id: `a${k}.txt`,
      path: `a${k}.txt`,
      meta: {},
      text: `Harriet Dalgarno opened exhibition number ${k} at the gallery on the quay, the museum said.`,
    }));
    assert.deepEqual(names('Councillor Dalgarmo voted against the ferry budget on Tuesday.', {}, archive), []);
    // the same first name is shared company: the suggestion stands
    const fs = names('Harriet Dalgarmo voted against the ferry budget on Tuesday.', {}, archive);
    assert.equal(fs.length, 1);
    assert.deepEqual(fs[0]!.suggestions, ['Dalgarno']);
  });

  it('house list: accepted spellings are never flagged', () => {
    const text = 'The minister, Oleksandr Kravshenko, toured the town.';
    assert.equal(names(text).length, 1);
    assert.deepEqual(names(text, { houseNames: { accepted: ['Oleksandr Kravshenko'], corrections: {} } }), []);
  });

  it('house list: accepted spellings are names that near-misses are checked against', () => {
    const text = 'The Ravensworht bridge was closed, officials said.';
    assert.deepEqual(names(text), []);
    const fs = names(text, { houseNames: { accepted: ['Ravensworth'], corrections: {} } });
    assert.equal(fs.length, 1);
    assert.deepEqual(fs[0]!.suggestions, ['Ravensworth']);
    assert.equal(dataOf(fs[0]!, 'name-spelling')?.house, true);
  });

  it('house list: corrections always flag the wrong form and suggest the right one', () => {
    const text = 'Water covered Kettle Wick and the road to Zorivka.';
    const fs = names(text, { houseNames: { accepted: [], corrections: { 'Kettle Wick': 'Kettlewick', Zorivka: 'Zorivka-on-Dale' } } });
    assert.equal(fs.length, 2);
    assert.equal(fs[0]!.text, 'Kettle Wick');
    assert.deepEqual(fs[0]!.suggestions, ['Kettlewick']);
    assert.equal(fs[0]!.message, '"Kettle Wick" — the house list spells it "Kettlewick"');
    assert.equal(fs[1]!.text, 'Zorivka');
    assert.equal(applyEdits(text, fs[1]!.fixes![0]!.edits), 'Water covered Kettle Wick and the road to Zorivka-on-Dale.');
  });

  it('a spelling the references use too is flagged only when a clear majority spells it otherwise', () => {
    const split: ReferenceDoc[] = [
      { id: 'a', path: 'a', meta: {}, text: 'Shelling hit the town of Dorvansk overnight. Dorvansk was evacuated.' },
      { id: 'b', path: 'b', meta: {}, text: 'Residents fled Dorvansk on foot.' },
      { id: 'c', path: 'c', meta: {}, text: 'The road to Dorvanks was cut.' },
    ];
    // 2 sources / 3 times against 1 source / 1 time: settled
    const f1 = names('Troops left Dorvanks on Friday.', {}, split);
    assert.equal(f1.length, 1);
    assert.match(f1[0]!.message, /references spell it "Dorvansk" \(2 sources, 3 times\); "Dorvanks" appears in 1 source/);
    // 1:1 is not settled
    const even = [split[1]!, split[2]!];
    assert.deepEqual(names('Troops left Dorvanks on Friday.', {}, even), []);
  });
});

describe('names/edge cases', () => {
  it('an acronym the references only write in capitals is suggested in capitals', () => {
    const refs: ReferenceDoc[] = [
      { id: 'a', path: 'a', meta: {}, text: 'Inspectors from the KWVTA seized the boat. The KWVTA said more raids would follow.' },
      { id: 'b', path: 'b', meta: {}, text: 'A KWVTA spokesman confirmed the seizure.' },
    ];
    const fs = names('A spokesman for the KWTVA declined to comment.', {}, refs);
    assert.equal(fs.length, 1);
    assert.deepEqual(fs[0]!.suggestions, ['KWVTA']);
  });
});

describe('names/house corrections of capitals only', () => {
  it('Mcallister => McAllister flags only the wrong capitals', () => {
    const text = 'Mcallister met McAllister at the quay.';
    const fs = names(text, { houseNames: { accepted: ['McAllister'], corrections: { Mcallister: 'McAllister' } } });
    assert.equal(fs.length, 1);
    assert.equal(fs[0]!.start, 0);
    assert.equal(fs[0]!.text, 'Mcallister');
    assert.deepEqual(fs[0]!.suggestions, ['McAllister']);
  });
});

describe('names/two people', () => {
  const refs: ReferenceDoc[] = [
    { id: 'a', path: 'a', meta: {}, text: 'The harbour master, Wendell Pracht, closed the quay. Pracht said it would reopen.' },
    { id: 'b', path: 'b', meta: {}, text: 'Boats stayed in port on the orders of Wendell Pracht.' },
  ];
  it('a near-identical surname beside a different name is another person', () => {
    assert.deepEqual(names('The painter Ossian Prachte opened a show in the old sail loft.', {}, refs), []);
  });
  it('the same surname slip beside the same first name is flagged', () => {
    const fs = names('The harbour master Wendell Prachte closed the quay.', {}, refs);
    assert.equal(fs.length, 1);
    assert.deepEqual(fs[0]!.suggestions, ['Pracht']);
    assert.equal(missData(fs[0]!).context, true);
  });
});
