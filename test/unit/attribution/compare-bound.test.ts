import { strict as assert } from 'node:assert';
import { accepts } from '../../../src/core/attribution/analysis';
import { compareQuotes, finishComparison, mayReach, quoteOverlap, quoteWords } from '../../../src/core/attribution/compare';
import { analyse } from '../../../src/core/text';
import { rng } from '../../../scripts/lib/rng';

const WORDS = 'the a of to and we will not build bridge river council colour color plan now never today ferry harbour tolls rise fall'.split(' ');

/** n random words from WORDS. */
function quote(r: () => number, n: number): string {
  const ws: string[] = [];
  for (let i = 0; i < n; i++) ws.push(WORDS[Math.floor(r() * WORDS.length)]!);
  return ws.join(' ');
}

describe('compare: mayReach, the cheap bound before compareQuotes', () => {
  it('is false only when compareQuotes reaches none of the acceptance thresholds (random quotes)', () => {
    const r = rng(7);
    let refused = 0;
    let allowed = 0;
    for (let i = 0; i < 3000; i++) {
      const aq = quote(r, 1 + Math.floor(r() * 12));
      const bq = r() < 0.2 ? aq : quote(r, 1 + Math.floor(r() * 16));
      const at = `She said "${aq}" yesterday.`;
      const bt = `Reporters heard "${bq}" then.`;
      const am = analyse(at);
      const bm = analyse(bt);
      const a = { start: at.indexOf('"') + 1, end: at.lastIndexOf('"'), text: aq };
      const b = { start: bt.indexOf('"') + 1, end: bt.lastIndexOf('"'), text: bq };
      const cmp = compareQuotes(am, a, bm, b);
      const reachable = cmp.identical || cmp.containment >= 0.6 || cmp.contentContainment >= 0.5;
      const may = mayReach(quoteWords(am, a), bm, b);
      if (reachable) assert.ok(may, `${aq} | ${bq}`);
      if (may) allowed++;
      else refused++;
    }
    // both outcomes occur, so the test exercises the bound
    assert.ok(refused > 100 && allowed > 100, `${refused} refused, ${allowed} allowed`);
  });
});

describe('compare: the overlap counts before the rest of the comparison', () => {
  it('accept a reference quote exactly when the whole comparison\'s counts do (random quotes, speakers and contexts)', () => {
    const r = rng(11);
    const STOP = 'the a of to and we will not'.split(' ');
    let refused = 0;
    let allowed = 0;
    for (let i = 0; i < 4000; i++) {
      const aq = quote(r, 1 + Math.floor(r() * 12));
      // the same words, the same words changed here and there (a word kept, dropped, swapped for a stop word,
      // or a word added), or other words
      const pick = r();
      const bq =
        pick < 0.15
          ? aq
          : pick < 0.7
            ? aq
                .split(' ')
                .map((w) => {
                  const x = r();
                  return x < 0.65 ? w : x < 0.75 ? '' : x < 0.9 ? STOP[Math.floor(r() * STOP.length)]! : `${w} ${quote(r, 1)}`;
                })
                .filter(Boolean)
                .join(' ') || 'river'
            : quote(r, 1 + Math.floor(r() * 16));
      const at = `She said "${aq}" yesterday.`;
      const bt = `Reporters heard "${bq}" then.`;
      const am = analyse(at);
      const bm = analyse(bt);
      const a = { start: at.indexOf('"') + 1, end: at.lastIndexOf('"'), text: aq };
      const b = { start: bt.indexOf('"') + 1, end: bt.lastIndexOf('"'), text: bq };
      const overlap = quoteOverlap(am, a, bm, b);
      const cmp = finishComparison(overlap);
      assert.deepEqual(cmp, compareQuotes(am, a, bm, b));
      // bestReferenceQuote's acceptance test, written out on the whole comparison
      const sp = r() < 0.5;
      const cs = Math.floor(r() * 11) / 10;
      const ok =
        cmp.identical ||
        (cmp.containment >= 0.8 && cmp.shared >= 3) ||
        (cmp.containment >= 0.6 && cmp.shared >= 4 && sp) ||
        (cmp.contentContainment >= 0.5 && cmp.sharedContent >= 1 && cs >= 0.3 && (sp || cs >= 0.5));
      assert.equal(accepts(overlap, sp, cs), ok, `${aq} | ${bq} | ${sp} ${cs}`);
      assert.equal(overlap.an.length, cmp.words);
      assert.equal(overlap.common, cmp.shared);
      if (ok) allowed++;
      else refused++;
    }
    assert.ok(refused > 100 && allowed > 100, `${refused} refused, ${allowed} allowed`);
  });
});
