import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { check } from '../../../src/core/engine';
import { ReferenceIndex } from '../../../src/core/reference-index';
import type { ReferenceDoc } from '../../../src/core/types';

const WORDS = ['Kettlewick', 'Kettlewcik', 'KETTLEWICK', 'Pettigrew', 'Pettigrw’s', 'Ólafsdóttir', 'Olafsdottir', 'the',
  'said', 'I’ll', 'Mr', 'Dr.', 'O’Brien', 'al-Sayed', 'Zorivka', 'Zoryvka', 'US', '2024', '—', '"', '.', ',', '\n', '\n\n',
  'é', '\u0301', '🙂', 'Straße', 'İstanbul'];

const textArb = fc.array(fc.oneof(fc.constantFrom(...WORDS), fc.string({ maxLength: 6 })), { maxLength: 60 }).map((ws) => ws.join(' '));

describe('names/robustness', () => {
  it('never throws; spans, suggestions and edits are consistent with the text', () => {
    fc.assert(
      fc.property(textArb, fc.array(textArb, { minLength: 0, maxLength: 3 }), (article, refTexts) => {
        const refs: ReferenceDoc[] = refTexts.map((t, i) => ({ id: `r${i}`, path: `r${i}`, text: t, meta: {} }));
        const res = check(article, ReferenceIndex.build(refs), {
          rules: { 'copied-passage': 'off' },
          houseNames: { accepted: ['Pettigrew'], corrections: { 'Kettle wick': 'Kettlewick', '(': ')' } },
        });
        for (const f of res.findings) {
          if (f.rule !== 'name-spelling' && f.rule !== 'name-inconsistency') continue;
          assert.ok(f.start >= 0 && f.end <= article.length && f.start < f.end);
          assert.equal(article.slice(f.start, f.end), f.text);
          assert.ok(f.suggestions && f.suggestions.length > 0);
          for (const fix of f.fixes ?? []) {
            for (const e of fix.edits) assert.ok(e.start >= 0 && e.end <= article.length && e.start <= e.end);
          }
          JSON.stringify(f.data);
        }
      }),
      { numRuns: 150 },
    );
  });

  it('an empty article or an empty reference set gives no name findings', () => {
    assert.deepEqual(check('', ReferenceIndex.build([])).findings, []);
    const none = check('Kettlewcik flooded.', ReferenceIndex.build([]), { rules: { 'copied-passage': 'off' } });
    assert.deepEqual(none.findings.filter((f) => f.rule.startsWith('name')), []);
  });
});
