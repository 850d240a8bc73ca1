import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { check, makeContext } from '../../../src/core/engine';
import { pairMemoOf, statementPairs } from '../../../src/core/facts/pairs';
import { IncrementalAligner } from '../../../src/core/incremental';
import { ReferenceIndex } from '../../../src/core/reference-index';
import { clearCheckCaches, EditorSession } from '../../../src/core/session';
import { resolveSettings } from '../../../src/core/settings';
import type { ReferenceDoc } from '../../../src/core/types';
import { applyEdit, type BasicEditKind, type EditVocabulary, type WordEdit } from '../edits';

// Invented reports of a harbour town's ferry dispute: sentences with figures, days, titles and names.
const SENTENCES = [
  'The union said that 40 per cent of its members had voted to strike over the winter timetable.',
  'Fourteen crew members were sent home on the first night of the dispute, the operator said.',
  'The crews walked out on Thursday after the council voted to cut the winter subsidy by £2,000.',
  'The deputy harbour master, Ilse Varga, refused to meet the crews on the quay.',
  'Repairs to the pier will cost £1.2 million over the next two winters, the council said.',
  'Mr Reyle told the meeting that the ferry had carried 12,000 passengers in March.',
  'The subsidy was introduced in March 1998 to keep the winter crossing open.',
  'Talks between the operator and the crews broke down late on Monday without a new date.',
  'The operator has promised a written offer to 300 crew members before the end of the season.',
  'Councillor Anja Holm said the vote would be held again within three weeks.',
];

function refs(): ReferenceDoc[] {
  const out: ReferenceDoc[] = [];
  for (let i = 0; i < 6; i++) {
    const ps: string[] = [];
    for (let p = 0; p < 3; p++) ps.push([0, 1, 2].map((k) => SENTENCES[(i * 3 + p * 2 + k) % SENTENCES.length]!).join(' '));
    out.push({ id: `wire/${i}.txt`, path: `wire/${i}.txt`, text: `Kestrel Bay ferry dispute\n\n${ps.join('\n\n')}`, meta: { outlet: `Wire ${i}` } });
  }
  return out;
}

type Edit = WordEdit<BasicEditKind>;
/** figures, days and names that change a slot, and a wire-style `#` amount that changes how pounds read */
const WORDS = ['14', 'forty', 'Friday', 'Lund', 'deputy', '£3,000', '#2,000', '1996', 'seven', 'ferry', 'the', 'said'];
const VOCAB: EditVocabulary<Edit['kind']> = { words: WORDS, short: (text, word) => text + ' ' + WORDS[word % WORDS.length] };
const EDITS = fc.array(
  fc.record({ kind: fc.constantFrom<Edit['kind']>('replace', 'replace', 'replace', 'insert', 'delete', 'split', 'join'), at: fc.nat(), word: fc.nat() }),
  { minLength: 300, maxLength: 300 },
);

describe('facts: statement pairs kept between edits', function () {
  this.timeout(600000);
  const docs = refs();
  const index = ReferenceIndex.build(docs);
  const settings = resolveSettings({});
  const article = () =>
    [SENTENCES.slice(0, 4), SENTENCES.slice(4, 7), SENTENCES.slice(7)].map((ss) => ss.join(' ').replace('40 per cent', '14 per cent').replace('Thursday', 'Friday')).join('\n\n');

  it('after 300 random edits, the pairs equal a fresh check (compared after every edit)', () => {
    fc.assert(
      fc.property(EDITS, (edits) => {
        const aligner = new IncrementalAligner(index);
        let text = article();
        let pairs = 0;
        edits.forEach((e, k) => {
          text = applyEdit(text, e, VOCAB);
          const kept = makeContext(text, index, settings, { aligner }).use(statementPairs);
          const fresh = makeContext(text, index, settings).use(statementPairs);
          // deepEqual reads every pair's comparison, its slot differences included
          assert.deepEqual(kept, fresh, `after edit ${k + 1}`);
          for (const ps of fresh.values()) pairs += ps.length;
        });
        const memo = pairMemoOf(aligner);
        assert.ok(pairs > 1000, `pairs: ${pairs}`);
        assert.ok(memo.hits > 4 * memo.misses, `memo hits ${memo.hits}, misses ${memo.misses}`);
      }),
      { numRuns: 1, seed: 29, endOnFailure: true },
    );
  });

  it('an EditorSession gives the findings of a fresh check after edits, and after the index changes', () => {
    const idx = ReferenceIndex.build(docs.slice(0, 4));
    const session = new EditorSession(idx);
    let text = article();
    session.check(text);
    const r = fc.sample(EDITS, { numRuns: 1, seed: 7 })[0]!.slice(0, 60);
    r.forEach((e, k) => {
      text = applyEdit(text, e, VOCAB);
      if (k === 30) idx.add([docs[4]!]);
      const kept = session.check(text);
      if (k % 10 === 9 || k === 30) {
        clearCheckCaches();
        assert.deepEqual(kept, check(text, idx), `after edit ${k + 1}`);
      }
    });
  });

  it('a sentence whose fact tokens read `#` as pounds only in some checks is not served from the other reading', () => {
    const aligner = new IncrementalAligner(index);
    // amounts written the wire's way (`#2,000`): pounds while no other currency sign is in the text
    const wire = article().replace(/£/g, '#');
    for (const text of [wire, wire + ' The fare is £5.', wire, wire + ' The fare is £5.']) {
      const kept = makeContext(text, index, settings, { aligner }).use(statementPairs);
      const fresh = makeContext(text, index, settings).use(statementPairs);
      assert.deepEqual(kept, fresh);
    }
  });
});
