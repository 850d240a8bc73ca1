import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { CueMemo } from '../../../src/core/attribution/cue-memo';
import { extractAttributions } from '../../../src/core/attribution/extract';
import { analyse } from '../../../src/core/text';
import { applyEdit, type BasicEditKind, type EditVocabulary, type WordEdit } from '../edits';

// invented paragraphs full of cues: reporting verbs, inverted and parenthetical sources, stance words,
// quotes opening and closing in different sentences, a headline, names capitalised mid-sentence or not
const PARAS = [
  'Harbour Workers Vote To Strike',
  'Dock workers at the northern harbour voted on Tuesday to strike, union leader Marta Kovalenko said.',
  '"We will not be moved," Kovalenko told reporters. "The offer is an insult to every crane driver."',
  'According to the port authority, the walkout could halt shipping for a week.',
  'The council, which owns the quays, said it opposed the strike and called for talks.',
  'Idris Baptiste (the harbour master) warned that "nothing will sail" while the dispute lasts.',
  'Critics say the plan is reckless. Others believe it is overdue, analysts noted.',
  'Solberg, adding that the vote was close, insisted: "We counted every ballot twice."',
  'He said the union would meet again on Friday.',
  'Kovalenko: Workers Are Tired',
  // a capitalised subject at a sentence start holds a view only if the text capitalises it elsewhere too
  'Stevedores oppose the new rota. Pilots backed the union, the Stevedores said.',
  'Mariners criticised the deal.',
  // a quote left open at a paragraph end runs on into the next paragraph, which opens with a mark
  '"The crews will hold the line, the council knows it, she said, and the pilots agree\n\n"Nobody sails until the offer improves," the union added.',
  // what the extraction reads across a paragraph break: a dash credit opening the next paragraph, a
  // "so-called" closing the one before, a quote continuing the last speaker of the paragraph before,
  // and a transcript label
  '"The berths stay empty until the vote is counted."\n\n— Hanne Solberg, union secretary',
  'Officials praised what they call the so-called\n\n"harbour recovery plan for the north" on Monday.',
  '"We have waited long enough," Ngozi Eze said.\n\n"The pay offer has not moved in a year, and the cranes are older than the drivers."',
  'KOVALENKO: We will vote again on Friday.\n\n"BAPTISTE: The quays stay closed until then."',
];
const WORDS = ['Stevedores', 'Mariners', 'said', 'told', 'Kovalenko', 'kovalenko', 'Solberg', 'argued', '"', 'the', 'Council', 'warned', 'according', 'to', 'he', 'she', 'believes', 'that', ',', ':', '—', 'so-called', '"Never,"'];

type Edit = WordEdit<BasicEditKind | 'para' | 'drop'>;

const VOCAB: EditVocabulary<Edit['kind']> = {
  words: WORDS,
  short: (text, word) => text + '\n\n' + PARAS[word % PARAS.length],
  more: {
    para: (text, _s, end, word) => text.slice(0, end) + '\n\n' + PARAS[word % PARAS.length] + text.slice(end),
    // a whole paragraph removed (the paragraph count crosses the headline rule's "more than three")
    drop: (text, s) => {
      const a = text.lastIndexOf('\n\n', s);
      const b = text.indexOf('\n\n', s);
      return (a < 0 ? '' : text.slice(0, a)) + (b < 0 ? '' : (a < 0 ? text.slice(b + 2) : text.slice(b)));
    },
  },
};

const EDITS = fc.array(
  fc.record({
    kind: fc.constantFrom<Edit['kind']>('replace', 'replace', 'insert', 'delete', 'para', 'split', 'join', 'drop'),
    at: fc.nat(),
    word: fc.nat(),
  }),
  { minLength: 400, maxLength: 400 },
);

describe('CueMemo: the cues and attributions of unchanged paragraphs kept between edits', function () {
  this.timeout(600000);

  it('reads across paragraph breaks as a fresh extraction does, and keeps the blocks an edit did not touch', () => {
    const text = [PARAS[0], ...PARAS.slice(-4), PARAS[8]].join('\n\n');
    const memo = new CueMemo();
    const first = extractAttributions(analyse(text), memo);
    assert.deepEqual(first, extractAttributions(analyse(text)));
    const brief = first.map((a) => `${a.paragraph} ${a.source?.text ?? '-'}${a.source?.resolved ? '>' + a.source.resolved.text : ''} ${a.inherited ? 'inherited' : ''}${a.scare ? 'scare' : ''}`);
    // the dash credit opens the paragraph after the quote; the quote after "so-called" (the paragraph
    // before) is a scare quote; the quote opening a paragraph continues the speaker of the one before
    assert.ok(brief.includes('1 Hanne Solberg '), brief.join('; '));
    assert.ok(brief.includes('4 - scare'), brief.join('; '));
    assert.ok(brief.includes('6 Ngozi Eze inherited'), brief.join('; '));
    assert.ok(brief.includes('9 He>BAPTISTE '), brief.join('; '));
    const misses = memo.blockMisses;
    const edited = text.replace('Officials praised', 'Officials welcomed');
    assert.deepEqual(extractAttributions(analyse(edited), memo), extractAttributions(analyse(edited)));
    // the dash credit's paragraphs are one block, and so are the so-called paragraphs, which were read again
    assert.equal(memo.blockMisses - misses, 1);
    assert.ok(memo.blockHits >= 6, `block hits ${memo.blockHits}`);
  });

  it('after 400 random edits, the attributions through the memo equal a fresh extraction (checked after every edit)', () => {
    fc.assert(
      fc.property(EDITS, (edits) => {
        const memo = new CueMemo();
        let text = PARAS.join('\n\n');
        let sourced = 0;
        let inherited = 0;
        edits.forEach((e, k) => {
          text = applyEdit(text, e, VOCAB);
          const kept = extractAttributions(analyse(text), memo);
          const fresh = extractAttributions(analyse(text));
          assert.deepEqual(kept, fresh, `after edit ${k + 1}`);
          sourced += fresh.filter((a) => a.source).length;
          inherited += fresh.filter((a) => a.inherited).length;
        });
        // not vacuous: attributions with sources and continuing quotes were found, and most paragraph
        // blocks were served from the memo
        assert.ok(sourced > 1000, `attributions with a source: ${sourced}`);
        assert.ok(inherited > 100, `continuing quotes: ${inherited}`);
        assert.ok(memo.blockHits > 4 * memo.blockMisses, `block hits ${memo.blockHits}, misses ${memo.blockMisses}`);
      }),
      { numRuns: 5, seed: 13, endOnFailure: true },
    );
  });
});
