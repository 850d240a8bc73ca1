import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { check } from '../../../src/core/engine';
import { ReferenceIndex } from '../../../src/core/reference-index';
import { clearCheckCaches, EditorSession } from '../../../src/core/session';
import { articleFrom, referenceSet } from '../cache/helpers';

/** One edit of an article: replace, insert or delete a word, add a quoted sentence, or join/split paragraphs. */
type Edit = { kind: 'replace' | 'insert' | 'delete' | 'quote' | 'split' | 'join'; at: number; word: number };

const WORDS = ['harbour', 'Kovalenko', 'Kovalenka', 'said', 'told', 'council', '"', 'strike', 'Baptiste', 'vote', 'the', 'Tuesday'];
const QUOTES = [' "We will not be moved," Marta Kovalenko said.', ' "The offer is final," the council told reporters.', ' Idris Baptist said the talks had failed.'];

function apply(text: string, e: Edit): string {
  const words = [...text.matchAll(/\S+/g)];
  if (words.length < 5) return text + ' ' + WORDS[e.word % WORDS.length];
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
    case 'quote':
      return text.slice(0, end) + QUOTES[e.word % QUOTES.length] + text.slice(end);
    case 'split':
      return text.slice(0, end) + '\n\n' + text.slice(end).replace(/^\s+/, '');
    case 'join': {
      const p = text.indexOf('\n\n', s);
      return p < 0 ? text : text.slice(0, p) + ' ' + text.slice(p + 2);
    }
  }
}

describe('EditorSession: checks kept between edits', function () {
  this.timeout(600000);
  const refs = referenceSet(11, 40);
  const index = ReferenceIndex.build(refs);

  it('after 500 random edits, every rule gives what a fresh check() with no kept analyses gives', () => {
    const edit = fc.record({
      kind: fc.constantFrom<Edit['kind']>('replace', 'replace', 'insert', 'delete', 'quote', 'split', 'join'),
      at: fc.nat(),
      word: fc.nat(),
    });
    fc.assert(
      fc.property(fc.array(edit, { minLength: 500, maxLength: 500 }), (edits) => {
        const session = new EditorSession(index);
        let text = articleFrom(refs, 5);
        session.check(text);
        edits.forEach((e, k) => {
          text = apply(text, e);
          const kept = session.check(text);
          if (k % 50 === 49 || k === edits.length - 1) {
            clearCheckCaches();
            assert.deepEqual(kept, check(text, index), `after edit ${k + 1}`);
          }
        });
      }),
      { numRuns: 1, seed: 13 },
    );
  });
});
