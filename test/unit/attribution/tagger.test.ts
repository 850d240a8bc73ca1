import { strict as assert } from 'node:assert';
import { sentenceTags, setSentenceTagger, type TokenTag } from '../../../src/core/attribution/tagger';
import { analyse } from '../../../src/core/text';

describe('attribution tagger: another sentence tagger in place of compromise', () => {
  afterEach(() => setSentenceTagger(undefined));

  it('tags article sentences with the tagger set, and with compromise again once it is unset', () => {
    const text = 'The mayor said the harbour would reopen on Monday.';
    const byCompromise = sentenceTags(analyse(text), 0).map((t) => t.pos);
    assert.equal(byCompromise[1], 'NOUN');
    const calls: number[] = [];
    setSentenceTagger((model, s) => {
      calls.push(s);
      const sent = model.sentences[s]!;
      return Array.from({ length: sent.tokenEnd - sent.tokenStart }, (): TokenTag => ({ pos: 'X', person: false, org: false, past: false, gerund: false }));
    });
    // same sentence text: the tags kept by sentence text were dropped when the tagger changed
    assert.deepEqual(sentenceTags(analyse(text), 0).map((t) => t.pos), byCompromise.map(() => 'X'));
    assert.deepEqual(calls, [0]);
    setSentenceTagger(undefined);
    assert.deepEqual(sentenceTags(analyse(text), 0).map((t) => t.pos), byCompromise);
  });
});
