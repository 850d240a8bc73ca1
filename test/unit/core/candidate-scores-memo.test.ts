import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { candidateDocScores } from '../../../src/core/attribution/analysis';
import { check, makeContext } from '../../../src/core/engine';
import { IncrementalAligner } from '../../../src/core/incremental';
import { ReferenceIndex } from '../../../src/core/reference-index';
import { clearCheckCaches, EditorSession } from '../../../src/core/session';
import { resolveSettings } from '../../../src/core/settings';
import type { ReferenceDoc } from '../../../src/core/types';
import { applyEdit, type BasicEditKind, type EditVocabulary, type WordEdit } from '../edits';

// Invented reports of an orchard town's cider fair: quotes with speakers, names and figures.
const SENTENCES = [
  '"We pressed more apples this autumn than in any year before," said Odile Brannock, the fair\'s organiser.',
  'The fair drew 3,400 visitors to the old mill on Saturday, the parish council said.',
  'Brannock said the wet spring had cost the smaller growers half of their blossom.',
  '"The judges tasted forty ciders before noon," the head steward, Pell Ashgrove, told the crowd.',
  'A perry from the Wrenfield farm won the cup for the third year running.',
  'The council has promised a covered hall for the fair before next October.',
  'Growers from nine villages brought their presses to the green on Friday evening.',
  '"Nobody expected the perry to beat the dry ciders again," Ashgrove said.',
  'Tickets rose to six pounds this year to pay for the new stalls.',
  'The mill trust said the fair had raised £12,000 for the roof repairs.',
];

/**
 * 160 references, each holding the opening words (4 to 15) of one sentence and some the opening of a second: many
 * documents share the article's 3-grams (none in more than 30, which would make it a set phrase), in many counts.
 */
function refs(n = 160): ReferenceDoc[] {
  const out: ReferenceDoc[] = [];
  const opening = (s: number, words: number) => SENTENCES[s % SENTENCES.length]!.split(' ').slice(0, words).join(' ');
  for (let i = 0; i < n; i++) {
    const parts = [opening(i, 4 + ((i * 7) % 12))];
    if (i % 3 === 0) parts.push(opening(i + 4, 5));
    out.push({ id: `wire/${i}.txt`, path: `wire/${i}.txt`, text: `Cider fair\n\n${parts.join(' ... ')}\n\nFiled by desk ${i}.`, meta: { outlet: `Wire ${i % 7}` } });
  }
  return out;
}

type Edit = WordEdit<BasicEditKind>;
const WORDS = ['Ashgrove', 'cider', 'forty', 'Saturday', 'Quillon', 'perry', 'said', '"We', 'fair', 'the', '3,400', 'orchard'];
const VOCAB: EditVocabulary<Edit['kind']> = { words: WORDS, short: (text, word) => text + ' ' + WORDS[word % WORDS.length] };
const EDITS = fc.array(
  fc.record({ kind: fc.constantFrom<Edit['kind']>('replace', 'replace', 'replace', 'insert', 'delete', 'split', 'join'), at: fc.nat(), word: fc.nat() }),
  { minLength: 120, maxLength: 120 },
);
const article = () => [SENTENCES.slice(0, 4), SENTENCES.slice(4, 7), SENTENCES.slice(7)].map((ss) => ss.join(' ')).join('\n\n');

describe('attribution: candidate documents kept between edits', function () {
  this.timeout(600000);
  const docs = refs();
  const settings = resolveSettings({});

  it('the whole article\'s best documents are the prefix of the full ranking, ties by document', () => {
    const index = ReferenceIndex.build(docs);
    const text = article();
    const ctx = makeContext(text, index, settings);
    const whole = [{ start: 0, end: text.length }];
    // max 200: no cut, every document sorted; max 30 and 5: the histogram cut
    const all = candidateDocScores(ctx, whole, 200);
    assert.ok(all.length > 120, `documents: ${all.length}`);
    for (const max of [30, 5, 1]) assert.deepEqual(candidateDocScores(ctx, whole, max), all.slice(0, max));
    const sorted = [...all].sort((a, b) => b[1] - a[1] || a[0] - b[0]);
    assert.deepEqual(all, sorted);
  });

  it('after random edits, a session\'s scores equal a fresh check\'s, also after words join the index', () => {
    const index = ReferenceIndex.build(docs.slice(0, 120));
    fc.assert(
      fc.property(EDITS, (edits) => {
        const aligner = new IncrementalAligner(index);
        // a word no reference holds until edit 61 (Quillon)
        let text = `${article()}\n\nQuillon perry won the cup again for the orchard.`;
        let scored = 0;
        edits.forEach((e, k) => {
          text = applyEdit(text, e, VOCAB);
          // a reference with a word the article has (Quillon) and no reference had
          if (k === 60) index.add([{ id: 'late/q.txt', path: 'late/q.txt', text: 'Quillon cider fair said the judges. Quillon perry won the cup.', meta: { outlet: 'Late' } }]);
          const kept = makeContext(text, index, settings, { aligner });
          const fresh = makeContext(text, index, settings);
          const whole = [{ start: 0, end: text.length }];
          const best = candidateDocScores(fresh, whole, 30);
          scored += best.length;
          assert.deepEqual(candidateDocScores(kept, whole, 30), best, `after edit ${k + 1}`);
          for (const s of fresh.doc.sentences) assert.deepEqual(candidateDocScores(kept, [s], 3), candidateDocScores(fresh, [s], 3), `after edit ${k + 1}`);
        });
        assert.ok(scored > 120 * 20, `documents scored: ${scored}`);
      }),
      { numRuns: 1, seed: 33, endOnFailure: true },
    );
  });

  it('an EditorSession gives the findings JSON of a fresh check after random edits', () => {
    const idx = ReferenceIndex.build(docs.slice(0, 80));
    const session = new EditorSession(idx);
    let text = article();
    session.check(text);
    const r = fc.sample(EDITS, { numRuns: 1, seed: 11 })[0]!.slice(0, 60);
    r.forEach((e, k) => {
      text = applyEdit(text, e, VOCAB);
      if (k === 30) idx.add([docs[100]!, { id: 'late/q.txt', path: 'late/q.txt', text: 'Quillon cider fair said the judges.', meta: { outlet: 'Late' } }]);
      const kept = session.check(text);
      if (k % 6 === 5 || k === 30) {
        clearCheckCaches();
        assert.equal(JSON.stringify(kept), JSON.stringify(check(text, idx)), `after edit ${k + 1}`);
      }
    });
  });
});
