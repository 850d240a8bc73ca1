import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { CueMemo } from '../../../src/core/attribution/cue-memo';
import { extractAttributions } from '../../../src/core/attribution/extract';
import { analyse } from '../../../src/core/text';

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
];
const WORDS = ['Stevedores', 'Mariners', 'said', 'told', 'Kovalenko', 'kovalenko', 'Solberg', 'argued', '"', 'the', 'Council', 'warned', 'according', 'to', 'he', 'she', 'believes', 'that', ',', ':'];

type Edit = { kind: 'replace' | 'insert' | 'delete' | 'para' | 'split' | 'join' | 'drop'; at: number; word: number };

function apply(text: string, e: Edit): string {
  const words = [...text.matchAll(/\S+/g)];
  if (words.length < 5) return text + '\n\n' + PARAS[e.word % PARAS.length];
  const w = words[e.at % words.length]!;
  const s = w.index!;
  const end = s + w[0].length;
  switch (e.kind) {
    case 'replace':
      return text.slice(0, s) + WORDS[e.word % WORDS.length] + text.slice(end);
    case 'insert':
      return text.slice(0, s) + WORDS[e.word % WORDS.length] + ' ' + text.slice(s);
    case 'delete':
      return text.slice(0, s) + text.slice(Math.min(text.length, end + 1));
    case 'para':
      return text.slice(0, end) + '\n\n' + PARAS[e.word % PARAS.length] + text.slice(end);
    case 'split':
      return text.slice(0, end) + '\n\n' + text.slice(end).replace(/^\s+/, '');
    case 'join': {
      const p = text.indexOf('\n\n', s);
      return p < 0 ? text : text.slice(0, p) + ' ' + text.slice(p + 2);
    }
    case 'drop': {
      // a whole paragraph removed (the paragraph count crosses the headline rule's "more than three")
      const a = text.lastIndexOf('\n\n', s);
      const b = text.indexOf('\n\n', s);
      return (a < 0 ? '' : text.slice(0, a)) + (b < 0 ? '' : (a < 0 ? text.slice(b + 2) : text.slice(b)));
    }
  }
}

const EDITS = fc.array(
  fc.record({
    kind: fc.constantFrom<Edit['kind']>('replace', 'replace', 'insert', 'delete', 'para', 'split', 'join', 'drop'),
    at: fc.nat(),
    word: fc.nat(),
  }),
  { minLength: 400, maxLength: 400 },
);

describe('CueMemo: the cues of unchanged paragraphs kept between edits', function () {
  this.timeout(600000);

  it('after 400 random edits, the attributions through the memo equal a fresh extraction (checked after every edit)', () => {
    fc.assert(
      fc.property(EDITS, (edits) => {
        const memo = new CueMemo();
        let text = PARAS.join('\n\n');
        let sourced = 0;
        edits.forEach((e, k) => {
          text = apply(text, e);
          const kept = extractAttributions(analyse(text), memo);
          const fresh = extractAttributions(analyse(text));
          assert.deepEqual(kept, fresh, `after edit ${k + 1}`);
          sourced += fresh.filter((a) => a.source).length;
        });
        // not vacuous: attributions with sources were found, and most sentences were served from the memo
        assert.ok(sourced > 1000, `attributions with a source: ${sourced}`);
        assert.ok(memo.hits > 2 * memo.misses, `memo hits ${memo.hits}, misses ${memo.misses}`);
      }),
      { numRuns: 5, seed: 13, endOnFailure: true },
    );
  });
});
