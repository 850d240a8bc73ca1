import { strict as assert } from 'node:assert';
import { alignSentences, prepareSide, SentenceAlignMemo, type SentenceSide } from '../../../src/core/sentence-align';
import { rng } from '../cache/helpers';

/**
 * A side from sentences of stem ids: each stem 3 characters and one token, sentence k `pad[k]`
 * characters longer (words that are not counted) and followed by 1 + `gap[k]` characters.
 */
function sideOf(sentences: number[][], pad: number[] = [], gap: number[] = []): SentenceSide {
  const side: SentenceSide = { stems: [], chars: [], toks: [] };
  let c = 0;
  let t = 0;
  sentences.forEach((s, k) => {
    const len = 3 * s.length + (pad[k] ?? 0);
    side.stems.push(s);
    side.chars.push([c, c + len]);
    side.toks.push([t, t + s.length]);
    c += len + 1 + (gap[k] ?? 0);
    t += s.length;
  });
  return side;
}

/** A stem: stop-word-like ids 0–9 often, the rest of the vocabulary evenly. */
function stem(r: () => number, vocab: number): number {
  return r() < 0.35 ? Math.floor(r() * 10) : 10 + Math.floor(r() * (vocab - 10));
}

function sentence(r: () => number, vocab: number): number[] {
  const n = 3 + Math.floor(r() * 14);
  return Array.from({ length: n }, () => stem(r, vocab));
}

/** One edit: uncounted words in or after a sentence, or a stem replaced, added or removed in one, or a sentence added or removed. */
function edit(a: number[][], pad: number[], gap: number[], r: () => number, vocab: number): number[][] {
  const out = a.map((s) => [...s]);
  const k = Math.floor(r() * out.length);
  const s = out[k]!;
  const x = r();
  if (x < 0.1) pad[k] = Math.floor(r() * 200);
  else if (x < 0.2) gap[k] = Math.floor(r() * 200);
  else if (x < 0.55) s[Math.floor(r() * s.length)] = stem(r, vocab);
  else if (x < 0.75) s.splice(Math.floor(r() * (s.length + 1)), 0, stem(r, vocab));
  else if (x < 0.9 && s.length > 1) s.splice(Math.floor(r() * s.length), 1);
  else if (x < 0.95) out.splice(k, 0, sentence(r, vocab));
  else if (out.length > 2) out.splice(k, 1);
  return out;
}

describe('sentence-align memo (results kept between edits of the article)', function () {
  this.timeout(60_000);

  it('equals a fresh alignment after random edits, against several references', () => {
    const r = rng(17);
    const vocab = 200;
    const refs = Array.from({ length: 4 }, () => Array.from({ length: 30 }, () => sentence(r, vocab)));
    const prepared = refs.map((b) => prepareSide(sideOf(b), 3));
    // the article copies stretches of the references, lightly changed, between sentences of its own
    let article: number[][] = [];
    for (const b of refs) {
      const from = Math.floor(r() * 20);
      article.push(sentence(r, vocab), ...b.slice(from, from + 6).map((s) => s.map((w) => (r() < 0.15 ? stem(r, vocab) : w))));
    }
    const pad: number[] = [];
    const gap: number[] = [];
    const memo = new SentenceAlignMemo();
    let found = 0;
    for (let step = 0; step < 400; step++) {
      const pa = prepareSide(sideOf(article, pad, gap), 3);
      for (let d = 0; d < refs.length; d++) {
        // a reference is left out now and then (the candidates change between checks)
        if (step % 7 === d) continue;
        const got = alignSentences(pa, prepared[d]!, {}, memo);
        const want = alignSentences(sideOf(article, pad, gap), sideOf(refs[d]!));
        assert.deepEqual(got, want, `step ${step}, reference ${d}`);
        found += want.length;
      }
      article = edit(article, pad, gap, r, vocab);
    }
    assert.ok(found > 400, `cases found: ${found}`);
    assert.ok(memo.stats.reused > 50 && memo.stats.partial > 500, JSON.stringify(memo.stats));
  });

  it('reads the cases again when only the characters between two of their units changed', () => {
    const words = (from: number) => Array.from({ length: 8 }, (_, k) => from + k);
    const ref = [0, 1, 2, 3, 4, 5].map((k) => words(100 + 10 * k));
    const b = prepareSide(sideOf(ref, ref.map(() => 80)), 3);
    const article = [words(500), ref[2]!, ref[3]!, words(600)];
    const pad = [40, 40, 40, 40];
    const memo = new SentenceAlignMemo();
    // the two copied units span 129 characters, under the 150 a case needs; 30 more between them reach it
    assert.deepEqual(alignSentences(prepareSide(sideOf(article, pad), 3), b, {}, memo), []);
    const wider = sideOf(article, pad, [0, 30]);
    const got = alignSentences(prepareSide(wider, 3), b, {}, memo);
    assert.equal(got.length, 1);
    assert.deepEqual(got, alignSentences(wider, b));
  });

  it('starts afresh when the options change', () => {
    const r = rng(3);
    const b = prepareSide(sideOf(Array.from({ length: 20 }, () => sentence(r, 40))), 3);
    const a = prepareSide(sideOf(Array.from({ length: 10 }, () => sentence(r, 40))), 3);
    const memo = new SentenceAlignMemo();
    alignSentences(a, b, {}, memo);
    const got = alignSentences(a, b, { cos: 0.1, dice: 0.1 }, memo);
    assert.deepEqual(got, alignSentences(a, b, { cos: 0.1, dice: 0.1 }));
    assert.deepEqual(memo.stats, { fresh: 2, partial: 0, reused: 0 });
  });
});
