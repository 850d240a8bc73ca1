import { strict as assert } from 'node:assert';
import { compareQuotes, mayReach, quoteWords } from '../../../src/core/attribution/compare';
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
