import { strict as assert } from 'node:assert';
import type { TextSpan } from '../../../src/core/attribution/types';
import { mayReach, mayReachTerms, quoteTermIds, quoteWords } from '../../../src/core/attribution/compare';
import { decodeIndex, encodeIndex } from '../../../src/core/index-codec';
import { proseView } from '../../../src/core/prose';
import { modelHasIndexTokens, referenceTextModel } from '../../../src/core/reference-analyses';
import { ReferenceIndex } from '../../../src/core/reference-index';
import { analyse, type TextModel } from '../../../src/core/text';
import type { ReferenceDoc } from '../../../src/core/types';
import { rng } from '../../../scripts/lib/rng';

// invented words: stop words, content words with case and apostrophe variants, British/American pairs
const WORDS = "the a of to and we will not build bridge river council colour color plan now never today ferry harbour tolls rise fall Harbour Council's dockers' isn't".split(' ');

function words(r: () => number, n: number, extra: string[] = []): string {
  const pool = WORDS.concat(extra);
  const out: string[] = [];
  for (let i = 0; i < n; i++) out.push(pool[Math.floor(r() * pool.length)]!);
  return out.join(' ');
}

function refs(r: () => number): ReferenceDoc[] {
  const out: ReferenceDoc[] = [];
  for (let d = 0; d < 12; d++) {
    const text = Array.from({ length: 6 }, () => `"${words(r, 4 + Math.floor(r() * 10))}," the ${words(r, 1)} said. ${words(r, 8)}.`).join('\n\n');
    out.push({ id: `r${d}.txt`, path: `r${d}.txt`, text, meta: {} });
  }
  // a marked-up reference: the index tokenises its prose view, so its model is not the index's tokens
  const md = `# Ferry tolls\n\n"${words(r, 8)}," she said. See [the notice](https://port.example/n) today.`;
  out.push({ id: 'n.md', path: 'n.md', text: md, matchText: proseView(md, 'markdown'), meta: {} });
  return out;
}

/** Spans of the reference text: token runs, and runs cut inside words or starting in spaces. */
function spans(r: () => number, m: TextModel, n: number): TextSpan[] {
  const out: TextSpan[] = [];
  const toks = m.tokens;
  for (let i = 0; i < n; i++) {
    const a = Math.floor(r() * toks.length);
    const b = Math.min(toks.length - 1, a + Math.floor(r() * 14));
    let start = toks[a]!.start;
    let end = toks[b]!.end;
    if (r() < 0.2) start = Math.max(0, start - 1);
    if (r() < 0.2) start = Math.min(end, start + 1);
    if (r() < 0.2) end = Math.max(start, end - 1);
    out.push({ start, end, text: m.text.slice(start, end) });
  }
  return out;
}

describe('compare: mayReachTerms, mayReach from the index token arrays', () => {
  const r = rng(11);
  const docs = refs(r);
  const built = ReferenceIndex.build(docs);
  const loaded = decodeIndex(encodeIndex(built)).index;

  it('holds for the documents whose model tokens are the index tokens, and not for a prose view', () => {
    for (const index of [built, loaded]) {
      index.docs.forEach((d, num) => {
        const direct = modelHasIndexTokens(index, num);
        assert.equal(direct, d.matchText === undefined, d.id);
        if (!direct) return;
        const m = referenceTextModel(index, num);
        const t = d.tokens;
        assert.equal(m.tokens.length, t.terms.length);
        m.tokens.forEach((tok, k) => {
          assert.equal(tok.start, t.starts[k]);
          assert.equal(tok.end, t.ends[k]);
          assert.equal(tok.norm, index.terms.words[t.terms[k]!]);
          assert.equal(tok.stop, index.terms.stop[t.terms[k]!]);
        });
      });
    }
  });

  it('answers as mayReach does on the model (random quotes, words the dictionary lacks, spans cut in words)', () => {
    let yes = 0;
    let no = 0;
    for (const index of [built, loaded]) {
      for (let i = 0; i < 300; i++) {
        const aq = words(r, 1 + Math.floor(r() * 12), ['zorvantic', 'Plimsoll', 'quayside']);
        const at = `He said "${aq}" on Monday.`;
        const am = analyse(at);
        const a = { start: at.indexOf('"') + 1, end: at.lastIndexOf('"'), text: aq };
        const aw = quoteWords(am, a);
        const ids = quoteTermIds(aw, (w) => index.terms.lookup(w));
        for (let num = 0; num < index.docs.length; num++) {
          if (!modelHasIndexTokens(index, num)) continue;
          const m = referenceTextModel(index, num);
          for (const b of spans(r, m, 3)) {
            const want = mayReach(aw, m, b);
            assert.equal(mayReachTerms(aw, ids, index.docs[num]!.tokens, index.terms.stop, b), want, `${aq} | ${m.text.slice(b.start, b.end)}`);
            if (want) yes++;
            else no++;
          }
        }
      }
    }
    assert.ok(yes > 500 && no > 500, `${yes} reached, ${no} not`);
  });

  it('lets through a quote at the thresholds: 3 of 5 words, and half the content words', () => {
    const text = 'Officials said "council will rise today" in a statement on ferry plans.';
    const index = ReferenceIndex.build([{ id: 'x.txt', path: 'x.txt', text, meta: {} }]);
    const m = referenceTextModel(index, 0);
    const b = { start: text.indexOf('"') + 1, end: text.lastIndexOf('"'), text: 'council will rise today' };
    const check = (aq: string): [boolean, boolean] => {
      const at = `"${aq}"`;
      const am = analyse(at);
      const aw = quoteWords(am, { start: 1, end: at.length - 1, text: aq });
      return [mayReach(aw, m, b), mayReachTerms(aw, quoteTermIds(aw, (w) => index.terms.lookup(w)), index.docs[0]!.tokens, index.terms.stop, b)];
    };
    // 3 of 5 words in the reference quote (0.6 ≥ 0.59)
    assert.deepEqual(check('council will rise sharply tomorrow'), [true, true]);
    // 2 of 5: below both bounds
    assert.deepEqual(check('council will drop sharply tomorrow'), [false, false]);
    // 1 of 4 words, but 1 of 2 content words (0.5 ≥ 0.49)
    assert.deepEqual(check('the tolls of today'), [true, true]);
  });
});
