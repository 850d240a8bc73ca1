import { strict as assert } from 'node:assert';
import type { Edit } from '../../../src/core/types';
import { doc, names, show } from './helpers';

// Invented stories and people. What the name rules may propose when the references are thin or
// disagree: the wire's own one-off typo is not imposed, the references' majority is followed, two
// people are not merged, accents are kept, and a capital I keyed as l is caught beside its surname.

function apply(text: string, edits: Edit[]): string {
  let out = text;
  for (const e of [...edits].sort((a, b) => b.start - a.start)) out = out.slice(0, e.start) + e.newText + out.slice(e.end);
  return out;
}

describe('names/one-off reference spellings', () => {
  it('a known first name is not corrected to a spelling one reference uses once', () => {
    // the wire wrote "Carley" once; the article's Carly is a name in its own right
    const refs = [doc('wire', 'The skipper, Carley Drummore, brought the trawler home. Drummore said the nets were lost.')];
    assert.deepEqual(names('Skipper Carly Drummore said the storm came from the north.', refs), []);
  });

  it('the same spelling used twice by the references is suggested', () => {
    const refs = [
      doc('wire', 'The skipper, Carley Drummore, brought the trawler home. Drummore said the nets were lost.'),
      doc('wire2', 'Carley Drummore, 41, has fished the bay for twenty years.'),
    ];
    const fs = names('Skipper Carly Drummore said the storm came from the north.', refs);
    assert.equal(fs.length, 1, show(fs));
    assert.equal(fs[0]!.text, 'Carly');
    assert.deepEqual(fs[0]!.suggestions, ['Carley']);
  });

  it('a non-word slip is still corrected to a spelling one reference uses once', () => {
    const refs = [doc('wire', 'The skipper, Carley Drummore, brought the trawler home. Drummore said the nets were lost.')];
    const fs = names('Skipper Carley Drumore said the storm came from the north.', refs);
    assert.equal(fs.length, 1, show(fs));
    assert.deepEqual(fs[0]!.suggestions, ['Drummore']);
  });

  it('accents are kept: an accented name is not corrected to the references\' unaccented spelling', () => {
    const refs = [
      doc('a', 'The cellist Segolene Varvicq opened the festival. Varvicq played Bach.'),
      doc('b', 'Segolene Varvicq, the cellist, was born in Lyon. Segolene Varvicq later taught in Ghent.'),
    ];
    assert.deepEqual(names('A recital by Ségolène Varvicq closed the evening.', refs), []);
    // the other way round, the accents are restored
    const fs = names('A recital by Segolène Varvicq closed the evening.', [doc('c', 'The cellist Ségolène Varvicq opened the festival.')]);
    assert.deepEqual(fs.map((f) => f.suggestions), [['Ségolène']]);
  });

  it('a title run into the name keeps its title in the fix ("MrQuennell" → "Mr Quennell")', () => {
    const refs = [doc('a', 'Mr Quennell told the inquiry he had not read the letter. Quennell resigned in May.')];
    const text = 'Counsel asked whether MrQuennell had read it.';
    const fs = names(text, refs);
    assert.equal(fs.length, 1, show(fs));
    assert.deepEqual(fs[0]!.suggestions, ['Mr Quennell']);
    assert.equal(apply(text, fs[0]!.fixes![0]!.edits), 'Counsel asked whether Mr Quennell had read it.');
  });
});

describe('names/majority and two people in name-inconsistency', () => {
  // an archive: far more references than one story's, all about another Dalgarno
  const archive = Array.from({ length: 120 }, (_, k) =>
    doc(`a${k}`, `Harriet Dalgarno opened exhibition number ${k} at the gallery on the quay, the museum said.`),
  );

  it('follows the references\' majority spelling, not the article\'s', () => {
    const text = 'Councillor Dalgarmo voted against the ferry budget. Dalgarmo said fares would rise. Dalgarno later abstained.';
    const fs = names(text, archive);
    assert.equal(fs.length, 1, show(fs));
    const f = fs[0]!;
    assert.equal(f.rule, 'name-inconsistency');
    assert.equal(f.text, 'Dalgarmo');
    assert.deepEqual(f.suggestions, ['Dalgarno']);
    assert.match(f.message, /the references use only "Dalgarno"/);
    assert.equal(apply(text, f.fixes![0]!.edits).includes('Dalgarmo'), false);
  });

  it('with the references silent, the article\'s majority stands', () => {
    const text = 'Councillor Dalgarmo voted against the ferry budget. Dalgarmo said fares would rise. Dalgarmeo later abstained.';
    const fs = names(text, archive);
    assert.equal(fs.length, 1, show(fs));
    assert.equal(fs[0]!.text, 'Dalgarmeo');
    assert.deepEqual(fs[0]!.suggestions, ['Dalgarmo']);
  });

  it('two surnames the references both use, each in its own company, are two people', () => {
    const refs = [
      doc('a', 'Fergal Mulvanny scored twice for the visitors.'),
      doc('b', 'Fergal Mulvanny was named man of the match.'),
      doc('c', 'The home side brought on Tadhg Mulvenny at half time.'),
      doc('d', 'Tadhg Mulvenny, 19, signed last week.'),
    ];
    const text = 'The visitors fielded Mulvanny and Keane up front, with Mulvenny on the bench. Mulvanny opened the scoring.';
    assert.deepEqual(names(text, refs), []);
  });

  it('the same two spellings beside one first name in the references are one person spelt two ways', () => {
    const refs = [
      doc('a', 'Fergal Mulvanny scored twice for the visitors.'),
      doc('b', 'Fergal Mulvanny was named man of the match.'),
      doc('c', 'Fergal Mulvenny came off injured.'),
      doc('d', 'A late goal from Fergal Mulvenny.'),
    ];
    const text = 'Fergal Mulvanny scored first. Fergal Mulvanny then hit the post, and Mulvenny scored again.';
    const fs = names(text, refs);
    assert.equal(fs.length, 1, show(fs));
    assert.equal(fs[0]!.rule, 'name-inconsistency');
    assert.equal(fs[0]!.text, 'Mulvenny');
  });

  it('two first names with different surnames are two people, even after the same list verb', () => {
    const text =
      '4. Detaining Daniel Orbegoso without charge in March.\n\n5. Detaining Daniela Quispeluz in April.\n\n' +
      '6. Detaining Daniela Quispeluz again in May.';
    assert.deepEqual(names(text, [doc('x', 'An unrelated report about harbour dues.')]), []);
  });
});

describe('names/a capital I keyed as l', () => {
  const refs = [
    doc('a', 'The driver, Iain Brackenbury, was cut free. Brackenbury was taken to hospital.'),
    doc('b', 'Iain Brackenbury, 52, is a lorry driver from Carlisle.'),
  ];

  it('"lain Brackenbury" is flagged with the suggestion Iain', () => {
    const text = 'Firefighters freed lain Brackenbury after an hour.';
    const fs = names(text, refs);
    assert.equal(fs.length, 1, show(fs));
    const f = fs[0]!;
    assert.equal(f.rule, 'name-spelling');
    assert.equal(f.text, 'lain');
    assert.deepEqual(f.suggestions, ['Iain']);
    assert.equal(apply(text, f.fixes![0]!.edits), 'Firefighters freed Iain Brackenbury after an hour.');
  });

  it('the ordinary word lain, not beside the name\'s company, is not flagged', () => {
    assert.deepEqual(names('The lorry had lain on its side for an hour before Brackenbury was freed.', refs), []);
    assert.deepEqual(names('Snow had lain Thursday night across the pass.', refs), []);
  });
});
