import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { check } from '../../../src/core/engine';
import { ReferenceIndex } from '../../../src/core/reference-index';
import { clearCheckCaches, EditorSession } from '../../../src/core/session';
import { quoteMatches, QuoteMatchMemo } from '../../../src/core/attribution/analysis';
import { makeContext } from '../../../src/core/engine';
import { IncrementalAligner } from '../../../src/core/incremental';
import { resolveSettings } from '../../../src/core/settings';
import type { ReferenceDoc } from '../../../src/core/types';
import { articleFrom, referenceSet, rng, sentence } from '../cache/helpers';
import { applyEdit, type BasicEditKind, type EditVocabulary, type WordEdit } from '../edits';

/** One edit of an article: replace, insert or delete a word, add a quoted sentence, or join/split paragraphs. */
type Edit = WordEdit<BasicEditKind | 'quote'>;

const WORDS = ['harbour', 'Kovalenko', 'Kovalenka', 'said', 'told', 'council', '"', 'strike', 'Baptiste', 'vote', 'the', 'Tuesday'];
const QUOTES = [' "We will not be moved," Marta Kovalenko said.', ' "The offer is final," the council told reporters.', ' Idris Baptist said the talks had failed.'];

const VOCAB: EditVocabulary<Edit['kind']> = {
  words: WORDS,
  short: (text, word) => text + ' ' + WORDS[word % WORDS.length],
  more: { quote: (text, _s, end, word) => text.slice(0, end) + QUOTES[word % QUOTES.length] + text.slice(end) },
};

/** 500 random edits of every kind (replace twice as likely). */
const EDITS = fc.array(
  fc.record({
    kind: fc.constantFrom<Edit['kind']>('replace', 'replace', 'insert', 'delete', 'quote', 'split', 'join'),
    at: fc.nat(),
    word: fc.nat(),
  }),
  { minLength: 500, maxLength: 500 },
);

describe('EditorSession: checks kept between edits', function () {
  this.timeout(600000);
  const refs = referenceSet(11, 40);
  const index = ReferenceIndex.build(refs);

  it('after 500 random edits, every rule gives what a fresh check() with no kept analyses gives', () => {
    fc.assert(
      fc.property(EDITS, (edits) => {
        const session = new EditorSession(index);
        let text = articleFrom(refs, 5);
        session.check(text);
        edits.forEach((e, k) => {
          text = applyEdit(text, e, VOCAB);
          const kept = session.check(text);
          if (k % 50 === 49 || k === edits.length - 1) {
            clearCheckCaches();
            assert.deepEqual(kept, check(text, index), `after edit ${k + 1}`);
          }
        });
        // not vacuous: most paragraph blocks' attributions were kept
        assert.ok(session.cues.blockHits > 4 * session.cues.blockMisses, `block hits ${session.cues.blockHits}, misses ${session.cues.blockMisses}`);
      }),
      { numRuns: 1, seed: 13 },
    );
  });
});

describe('EditorSession: best reference quotes kept between edits', function () {
  this.timeout(600000);
  // references that quote their speakers, and an article that quotes them (some words then edited)
  const r = rng(29);
  const NAMES = ['Marta Kovalenko', 'Idris Baptiste', 'Hanne Solberg', 'Ngozi Eze'];
  const quoted = () => {
    const ps: string[] = [];
    for (let p = 0; p < 4; p++) {
      const name = NAMES[Math.floor(r() * NAMES.length)]!;
      const q = sentence(r, 8 + Math.floor(r() * 8)).replace(/, [^,]+ said\.$/, '');
      ps.push(p % 2 ? `"${q}," ${name} said. ${sentence(r, 10)}` : `${name} said: "${q}." "${sentence(r, 6).replace(/, [^,]+ said\.$/, '')}," she added.`);
    }
    return ps.join('\n\n');
  };
  const refs: ReferenceDoc[] = [];
  for (let i = 0; i < 24; i++) refs.push({ id: `q/${i}.md`, path: `refs/q/${i}.md`, text: quoted(), meta: {} });
  const index = ReferenceIndex.build(refs);
  const settings = resolveSettings({});

  it('after 500 random edits, the quote matches equal a fresh comparison (checked after every edit)', () => {
    fc.assert(
      fc.property(EDITS, (edits) => {
        const memo = new QuoteMatchMemo();
        const aligner = new IncrementalAligner(index);
        let text = [0, 3, 7, 11].map((i) => refs[i]!.text.split('\n\n').slice(0, 3).join('\n\n')).join('\n\n');
        let matched = 0;
        edits.forEach((e, k) => {
          text = applyEdit(text, e, VOCAB);
          const kept = makeContext(text, index, settings, { aligner, quoteMemo: memo }).use(quoteMatches);
          const fresh = makeContext(text, index, settings).use(quoteMatches);
          assert.deepEqual(kept, fresh, `after edit ${k + 1}`);
          matched += fresh.filter((m) => m.ref).length;
        });
        // the comparison is not vacuous: quotes were matched, and most were served from the memo
        assert.ok(matched > 500, `quotes matched: ${matched}`);
        assert.ok(memo.hits > 4 * memo.misses, `memo hits ${memo.hits}, misses ${memo.misses}`);
      }),
      // no shrinking of a failure: 500-edit runs shrink for longer than a test run lasts
      { numRuns: 1, seed: 13, endOnFailure: true },
    );
  });
});
