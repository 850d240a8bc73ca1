import assert from 'node:assert/strict';
import { markTokensWithin, sentencesTouching, tokenAtOrAfter, tokensWithin } from '../../../src/core/span-index';
import { analyse } from '../../../src/core/text';

describe('span-index: tokens and sentences of a span by binary search', () => {
  const doc = analyse('The pier reopened on Monday. "It is safe," said the harbour master. Crowds returned by noon.');

  it('agrees with a scan of every token and sentence, for every span', () => {
    const n = doc.text.length;
    for (let start = 0; start <= n; start += 3) {
      for (let end = start; end <= n; end += 5) {
        const inside = doc.tokens.map((t, k) => [t, k] as const).filter(([t]) => t.start >= start && t.end <= end).map(([, k]) => k);
        const [f, t] = tokensWithin(doc.tokens, start, end);
        assert.deepEqual(Array.from({ length: t - f }, (_, i) => f + i), inside, `tokens in [${start}, ${end}]`);
        const touching = doc.sentences.map((s, k) => [s, k] as const).filter(([s]) => s.end > start && s.start < end).map(([, k]) => k);
        const [s0, s1] = sentencesTouching(doc.sentences, start, end);
        assert.deepEqual(Array.from({ length: s1 - s0 }, (_, i) => s0 + i), touching, `sentences touching [${start}, ${end})`);
      }
      const first = doc.tokens.findIndex((t) => t.start >= start);
      assert.equal(tokenAtOrAfter(doc.tokens, start), first === -1 ? doc.tokens.length : first);
    }
  });

  it('marks the tokens inside any of several (overlapping) spans', () => {
    const spans = [{ start: 29, end: 42 }, { start: 35, end: 50 }, { start: 80, end: 81 }];
    const want = doc.tokens.map((t) => (spans.some((s) => t.start >= s.start && t.end <= s.end) ? 1 : 0));
    assert.deepEqual([...markTokensWithin(doc.tokens, spans)], want);
    assert.ok(want.some((x) => x === 1));
  });
});
