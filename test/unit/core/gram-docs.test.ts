import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { alignment, pairEvidenceFilter } from '../../../src/core/align';
import { candidateDocScores } from '../../../src/core/attribution/analysis';
import { makeContext } from '../../../src/core/engine';
import { IncrementalAligner } from '../../../src/core/incremental';
import { ReferenceIndex } from '../../../src/core/reference-index';
import { resolveSettings } from '../../../src/core/settings';
import { quotedTokens } from '../../../src/core/quoting';
import { analyse } from '../../../src/core/text';
import { articleFrom, referenceSet } from '../cache/helpers';
import { applyEdit, type BasicEditKind, type EditVocabulary, type WordEdit } from '../edits';

const WORDS = ['harbour', 'strike', 'council', 'the', 'said', 'vote', 'Tuesday', 'dockers'];
const VOCAB: EditVocabulary<BasicEditKind> = { words: WORDS, short: (text, word) => text + ' ' + WORDS[word % WORDS.length] };
const EDITS = fc.array(
  fc.record({ kind: fc.constantFrom<BasicEditKind>('replace', 'replace', 'insert', 'delete', 'split', 'join'), at: fc.nat(), word: fc.nat() }),
  { minLength: 150, maxLength: 150 },
);

describe('IncrementalAligner.tokenMemo: 3-gram documents kept per paragraph', function () {
  this.timeout(600000);
  const refs = referenceSet(17, 40);
  const index = ReferenceIndex.build(refs);
  const settings = resolveSettings({});

  it('after each of 150 random edits, candidate documents and passage evidence equal a fresh check’s, and unchanged paragraphs are not looked up again', () => {
    fc.assert(
      fc.property(EDITS, (edits: WordEdit<BasicEditKind>[]) => {
        const aligner = new IncrementalAligner(index);
        let text = articleFrom(refs, 3);
        let kept = 0;
        let words = 0; // 3-grams of known words
        let passages = 0;
        const asked = (t: string) => {
          const ctx = makeContext(t, index, settings, { aligner });
          const fresh = makeContext(t, index, settings);
          // before any look-up of this check: values from the earlier checks' paragraphs
          const terms = Int32Array.from(ctx.doc.tokens, (tok) => index.terms.lookup(tok.norm));
          const view = aligner.tokenMemo<readonly number[] | null>('docs30', analyse(t), terms);
          for (let k = 0; k + 3 <= ctx.doc.tokens.length; k++) {
            // a 3-gram with a word no reference has is never looked up
            if (terms[k]! < 0 || terms[k + 1]! < 0 || terms[k + 2]! < 0) continue;
            words++;
            if (view.get(k) !== undefined) kept++;
          }
          const whole = [{ start: 0, end: t.length }];
          assert.deepEqual(candidateDocScores(ctx, whole, 30), candidateDocScores(fresh, whole, 30));
          // the copied-passage rule's stock-phrase look-ups, kept per paragraph too
          const ps = ctx.use(alignment);
          passages += ps.length;
          const quoted = ctx.use(quotedTokens);
          assert.deepEqual(pairEvidenceFilter(ps, ctx.doc, index, { quoted }, aligner), pairEvidenceFilter(ps, ctx.doc, index, { quoted }));
          for (const s of ctx.doc.sentences) {
            const r = [{ start: s.start, end: s.end }];
            assert.deepEqual(candidateDocScores(ctx, r, 8), candidateDocScores(fresh, r, 8), `sentence at ${s.start}`);
          }
        };
        asked(text);
        for (const e of edits) {
          text = applyEdit(text, e, VOCAB);
          asked(text);
        }
        // not vacuous: many 3-grams were answered from earlier checks (joins make long paragraphs, and an
        // edit in one asks again about all of it)
        assert.ok(kept > 0.4 * words, `kept ${kept} of ${words}`);
        assert.ok(passages > 150, `passages ${passages}`);
      }),
      { numRuns: 2, seed: 5, endOnFailure: true },
    );
  });

  it('drops what it kept when the index changes', () => {
    const local = ReferenceIndex.build(refs.slice(0, 30));
    const aligner = new IncrementalAligner(local);
    const text = articleFrom(refs, 3);
    const doc = analyse(text);
    const terms = () => Int32Array.from(doc.tokens, (tok) => local.terms.lookup(tok.norm));
    const first = aligner.tokenMemo<readonly number[] | null>('docs30', doc, terms());
    first.set(0, [12345]);
    assert.deepEqual(aligner.tokenMemo<readonly number[] | null>('docs30', doc, terms()).get(0), [12345]);
    local.add([refs[35]!]);
    assert.equal(aligner.tokenMemo<readonly number[] | null>('docs30', doc, terms()).get(0), undefined);
  });
});
