import { strict as assert } from 'node:assert';
import { doublingQuestion, plausibleDoubling } from '../../../src/core/names/analysis';
import { doc, names, show } from './helpers';

// Invented stories and people. A spelling the references support thinly — one reference writing it once,
// or a spelling no name list knows against a name that is one — is not imposed on the article.

describe('names/doubled letters against one reference', () => {
  const once = [doc('wire', 'The ferry operator, run by Fiona Tarenby, cut two sailings this winter.')];

  it('one reference writing the name once does not settle a doubled letter', () => {
    assert.deepEqual(names('The harbour master, Fiona Tarrenby, said the pier would reopen in May.', once), []);
  });

  it('two references that agree do', () => {
    const refs = [...once, doc('wire2', 'Fiona Tarenby has run the ferry company since the spring.')];
    const fs = names('The harbour master, Fiona Tarrenby, said the pier would reopen in May.', refs);
    assert.equal(fs.length, 1, show(fs));
    assert.deepEqual(fs[0]!.suggestions, ['Tarenby']);
  });

  it('so does one reference that writes it several times', () => {
    const refs = [doc('wire', 'The ferry operator, run by Fiona Tarenby, cut two sailings. Tarenby blamed fuel costs.')];
    const fs = names('The harbour master, Fiona Tarrenby, said the pier would reopen in May.', refs);
    assert.equal(fs.length, 1, show(fs));
    assert.deepEqual(fs[0]!.suggestions, ['Tarenby']);
  });

  it('an article that writes the name both ways is still told the reference\'s spelling', () => {
    const fs = names('Fiona Tarrenby said the pier would reopen. Tarenby added that fares would not rise.', once);
    assert.equal(fs.length, 1, show(fs));
    assert.equal(fs[0]!.text, 'Tarrenby');
    assert.deepEqual(fs[0]!.suggestions, ['Tarenby']);
  });

  it('a doubling names never have is a slip whatever the support (Taarenby)', () => {
    const fs = names('The harbour master, Fiona Taarenby, said the pier would reopen in May.', once);
    assert.equal(fs.length, 1, show(fs));
    assert.deepEqual(fs[0]!.suggestions, ['Tarenby']);
  });

  it('a doubled letter beside another slip is not corrected to the one-off spelling either', () => {
    const refs = [doc('wire', 'The distillery stands outside Glenfaragh, near the loch.')];
    assert.deepEqual(names('Tourists come to the distillery near Glenfarragb every summer.', refs), []);
  });

  it('a doubling that moved to the next letter is a keying slip and is flagged', () => {
    const refs = [doc('wire', 'The fete was held at Bollaby Hall on Saturday.')];
    const fs = names('Crowds filled the lawns of Boolaby Hall for the fete.', refs);
    assert.equal(fs.length, 1, show(fs));
    assert.deepEqual(fs[0]!.suggestions, ['Bollaby']);
  });

  it('doublingQuestion and plausibleDoubling', () => {
    assert.equal(doublingQuestion('tarrenby', 'tarenby'), true);
    assert.equal(doublingQuestion('tarenby', 'tarrenby'), true);
    assert.equal(doublingQuestion('glenfarragb', 'glenfaragh'), true);
    assert.equal(doublingQuestion('boolaby', 'bollaby'), false);
    assert.equal(doublingQuestion('tarenbi', 'tarenby'), false);
    assert.equal(plausibleDoubling('tarrenby'), true);
    assert.equal(plausibleDoubling('taarenby'), false);
    assert.equal(plausibleDoubling('tarennnby'), false);
    assert.equal(plausibleDoubling('tarnnenby'), false);
  });
});

describe('names/a known name against a spelling no name list knows', () => {
  const refsN = (n: number) =>
    Array.from({ length: n }, (_, k) => doc(`w${k}`, `Stephem Quarrie, the lock keeper, reported the leak on day ${k}.`));

  it('is not corrected when fewer than three references use that spelling', () => {
    assert.deepEqual(names('The lock keeper Stephen Quarrie found the leak at dawn.', refsN(2)), []);
  });

  it('is corrected when three references agree', () => {
    const fs = names('The lock keeper Stephen Quarrie found the leak at dawn.', refsN(3));
    assert.equal(fs.length, 1, show(fs));
    assert.deepEqual(fs[0]!.suggestions, ['Stephem']);
  });
});

describe('names/a known name the references use too', () => {
  const majority = Array.from({ length: 3 }, (_, k) => doc(`m${k}`, `The chemist Mohammed Varzi tested sample ${k} in the laboratory.`));

  it('is a spelling of its own, not a slip', () => {
    const refs = [...majority, doc('own', 'Mohammad Varzi presented the results in Leeds.')];
    assert.deepEqual(names('The results of Mohammad Varzi were checked twice.', refs), []);
  });

  it('without the references using it, the majority spelling is suggested in the same company', () => {
    const fs = names('The results of Mohammad Varzi were checked twice.', majority);
    assert.equal(fs.length, 1, show(fs));
    assert.deepEqual(fs[0]!.suggestions, ['Mohammed']);
  });
});
