import * as assert from 'node:assert/strict';
import { cueForm, lightVerbNoun, phraseCue, stanceAdjective, stanceAgent, type CueContext, type CueForm } from '../../../src/core/attribution/cue-forms';
import { analyse } from '../../../src/core/text';

/** The first sentence of `text` as a cue context, and the form found at the word `at` (its first occurrence). */
function at(text: string, word: string, kind: (c: CueContext, k: number) => CueForm | null): string | null {
  const m = analyse(text);
  const s = m.sentences[0]!;
  const ctx: CueContext = { tokens: m.tokens, start: s.tokenStart, end: s.tokenEnd, gap: (a, b) => text.slice(m.tokens[a]!.end, m.tokens[b]!.start) };
  const k = m.tokens.findIndex((t) => t.norm === word);
  assert.ok(k >= 0, `no token ${word}`);
  const form = kind(ctx, k);
  if (!form) return null;
  const words = m.tokens.slice(k, form.to).map((t) => t.text).join(' ');
  return `${words}${form.sourceAfter ? ' [source after]' : ''}${form.stance ? ' [stance]' : ''}`;
}

describe('attribution: cue forms, one per kind', () => {
  it('phraseCue: a listed phrase, with where its source stands', () => {
    assert.equal(at('According to the harbour board, the pier will close.', 'according', phraseCue), 'According to [source after]');
    assert.equal(at('Ana Lund pointed out that the ferry was late.', 'pointed', phraseCue), 'pointed out');
    assert.equal(at('Ana Lund pointed at the ferry.', 'pointed', phraseCue), null);
  });
  it('stanceAdjective: after a form of "be", intensifiers between; not after "it"', () => {
    assert.equal(at('The union has been deeply critical of the plan.', 'critical', stanceAdjective), 'critical of [stance]');
    assert.equal(at('Fishers are confident that the quota will rise.', 'confident', stanceAdjective), 'confident that [stance]');
    assert.equal(at('It is clear that the quota will rise.', 'clear', stanceAdjective), null);
    assert.equal(at('A critical of the plan was missed.', 'critical', stanceAdjective), null);
    assert.equal(at('The union has been critical about the plan.', 'critical', stanceAdjective), null);
  });
  it('lightVerbNoun: a light verb and a noun of view within two words; "have" only with doubt-like nouns', () => {
    assert.equal(at('The mayor expressed deep concern about the closure.', 'expressed', lightVerbNoun), 'expressed deep concern [stance]');
    assert.equal(at('The mayor has no illusions about the closure.', 'has', lightVerbNoun), 'has no illusions [stance]');
    assert.equal(at('The mayor has support from the board.', 'has', lightVerbNoun), null);
    assert.equal(at('The mayor expressed the Harbour Concern Fund.', 'expressed', lightVerbNoun), null);
  });
  it('stanceAgent: a copula, an agent noun of stance and "of"', () => {
    assert.equal(at('Kell is a staunch opponent of the toll.', 'is', stanceAgent), 'is a staunch opponent of [stance]');
    assert.equal(at('Kell is a staunch opponent in the race.', 'is', stanceAgent), null);
  });
  it('cueForm tries the kinds in order and is null for a single-word cue', () => {
    assert.equal(at('According to Kell, the toll will rise.', 'according', cueForm), 'According to [source after]');
    assert.equal(at('Kell is a vocal critic of the toll.', 'is', cueForm), 'is a vocal critic of [stance]');
    assert.equal(at('Kell said the toll will rise.', 'said', cueForm), null);
  });
});
