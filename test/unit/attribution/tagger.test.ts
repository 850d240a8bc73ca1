import { strict as assert } from 'node:assert';
import { clearSentenceTags, sentenceTags, setSentenceTagger, type TokenTag } from '../../../src/core/attribution/tagger';
import { compromise } from '../../../src/core/lazy-nlp';
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

describe('attribution tagger: compromise terms read in place', () => {
  // invented sentences: quotes, contractions, possessives, hyphens, numbers, initials, diacritics, several sentences in one string
  const SENTENCES = [
    'The harbour master, Ilse Varnholt, said: “We won’t reopen the quay until Monday.”',
    "Dockers' leaders can't agree — the union's 3.5% offer was rejected by 61 per cent of members.",
    'Dr. T. J. Okonkwo-Reyes told reporters in São Tomé that the ferry’s engines had failed twice.',
    'Asked about the vote, he said it was "constructive but slow". She added: no comment.',
    '  Leading spaces, trailing ones…   and “nested ‘quotes’ inside” the text.  ',
  ];

  it('gives the offsets and tags json({ offset: true }) gives, term by term', () => {
    const nlp = compromise();
    for (const s of SENTENCES) {
      const viaJson = (nlp(s).json({ offset: true }) as { terms: { offset: { start: number; length: number }; tags: string[] }[] }[]).flatMap((js) =>
        js.terms.map((t) => [t.offset.start, t.offset.length, [...t.tags].sort().join(',')]),
      );
      const view = nlp(s) as unknown as { compute(m: string): unknown; docs: { offset: { start: number; length: number }; tags: Set<string> }[][] };
      view.compute('offset');
      const inPlace = view.docs.flatMap((terms) => terms.map((t) => [t.offset.start, t.offset.length, [...t.tags].sort().join(',')]));
      assert.ok(viaJson.length > 5);
      assert.deepEqual(inPlace, viaJson, s);
    }
  });

  it('tags a sentence as before: names, verbs, dates and past forms', () => {
    clearSentenceTags();
    const m = analyse('On Monday the harbour master Ilse Varnholt warned that the quay had closed.');
    const tags = sentenceTags(m, 0);
    const at = (w: string) => tags[m.tokens.findIndex((t) => t.text === w)]!;
    assert.equal(at('Monday').pos, 'DATE');
    assert.equal(at('Varnholt').pos, 'PROPN');
    assert.equal(at('warned').pos, 'VERB');
    assert.ok(at('closed').past);
    assert.equal(at('harbour').pos, 'NOUN');
  });
});
