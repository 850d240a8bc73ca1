import { strict as assert } from 'node:assert';
import { align, type AlignOptions, type Passage } from '../../../src/core/align';
import { ReferenceIndex } from '../../../src/core/reference-index';
import { analyse } from '../../../src/core/text';
import { doc } from '../rules/helpers';

// Stock passages judged by the reference set's own statistics (`leanDistinctGrams` and the
// `leanPairEvidence` conditions). An invented set of 250 short documents: a village page (the
// source), twenty guides whose own line "The mill by the river is now a museum." makes that
// phrasing the set's (a line in three or more documents is boilerplate: it gives no seeds, but its
// n-grams count in the documents holding them), three shop pages whose line "A museum of lace."
// does the same for the last words, three diaries an article may copy from, and filler.
describe('align: stock passages by the reference set\'s statistics (lean options)', () => {
  const STOCK = 'the mill by the river is now a museum of lace';
  const OWN = 'Sheep farming remains the main trade, and the annual show draws breeders from across the county every August';
  const SOURCE =
    'Brackenholt is a village of some six hundred people in the upper dale. ' +
    `Its chapel dates from the twelfth century, and ${STOCK} since 1962. ` +
    `${OWN}. The school closed in 1974.`;
  const topics = ['cheese fairs', 'canal boats', 'bell foundries', 'apple orchards', 'slate quarries', 'lace makers', 'rope walks', 'tin mines'];
  const guides = Array.from({ length: 20 }, (_, k) =>
    doc(`guide${k}.txt`, `Guide number ${k} lists ${topics[k % 8]} and a green where fairs were once held.\nThe mill by the river is now a museum.\nWalkers pass through on the ridge path toward the coast.`),
  );
  const shops = Array.from({ length: 3 }, (_, k) => doc(`shop${k}.txt`, `Shop number ${k} sells ${topics[k % 8]} to day visitors.\nA museum of lace.\nOpen daily.`));
  const DIARIES = [
    'Grandfather Ambrose kept a ledger of every lamb sold at the autumn auction between the wars.',
    'The flood of that winter carried away the wooden footbridge and two hay barns below the weir.',
    'A travelling photographer set up his glass plates in the schoolroom and charged a penny a portrait.',
  ];
  const diaries = DIARIES.map((s, k) => doc(`diary${k}.txt`, `Diary ${k} opens in a cold spring. ${s} It closes with the harvest.`));
  const filler = Array.from({ length: 223 }, (_, k) =>
    doc(`f${k}.txt`, `Report ${k} covers ${topics[k % 8]} in district ${k} and names no village at all, telling of prices, weather and roads.`),
  );
  const index = ReferenceIndex.build([doc('source.txt', SOURCE), ...guides, ...shops, ...diaries, ...filler]);
  const OPENING = 'Visitors to Holmside find a quiet place with narrow lanes and stone walls. ';
  const MIDDLE =
    'The pub serves food until nine, and buses run twice a day to the market town. ' +
    'Most cottages are let to walkers in the summer months, and the post office opens on Tuesday mornings only. ';
  // words of the set that the source lacks: the source holds about a sixth of the article's vocabulary
  const CLOSING = 'A footbridge crosses the beck below the churchyard. Fairs, walkers, coast, ridge and green appear on each postcard the shops there sell daily.';
  /** The article's only passage of the source: stock phrasing, nine n-grams each in 4 or 21 documents. */
  const LONE = `${OPENING}Since then ${STOCK}, and it still opens on summer weekends. ${MIDDLE}${CLOSING}`;
  const PAIRED = `${OPENING}Since then ${STOCK}, and it still opens on summer weekends. ${MIDDLE}${OWN}.`;
  const PIECED = `${OPENING}Since then ${STOCK}, and it still opens on summer weekends. ${MIDDLE}${DIARIES.join(' Then the talk turned to other years. ')} ${CLOSING}`;
  const LEAN: Partial<AlignOptions> = { leanDistinctGrams: 1 };
  const PAIR: Partial<AlignOptions> = { leanDistinctGrams: 1, leanPairEvidence: true };
  const run = (article: string, o: Partial<AlignOptions> = {}) => align(analyse(article), index, o);
  const id = (p: Passage) => index.docs[p.doc]!.id;
  const spans = (article: string, ps: Passage[]) =>
    ps.map((p) => [id(p), article.slice(p.a.start, p.a.end), index.docs[p.doc]!.text.slice(p.b.start, p.b.end)]);
  const stockAt = (article: string, p: Passage) => {
    assert.equal(id(p), 'source.txt');
    assert.equal(p.a.start, article.indexOf(STOCK));
    assert.equal(p.a.end, article.indexOf(STOCK) + STOCK.length);
    assert.equal(p.b.start, SOURCE.indexOf(STOCK));
    assert.equal(p.b.end, SOURCE.indexOf(STOCK) + STOCK.length);
  };

  it('off, the stock passage is a finding, spans on both sides; leanDistinctGrams 1 drops it and keeps a real copy', () => {
    const off = run(LONE);
    assert.equal(off.length, 1, JSON.stringify(spans(LONE, off)));
    stockAt(LONE, off[0]!);
    assert.deepEqual(spans(LONE, run(LONE, LEAN)), []);
    assert.deepEqual(spans(PAIRED, run(PAIRED, LEAN)), [['source.txt', OWN, OWN]]);
  });

  it('leanPairEvidence: beside another passage of its source the stock passage is kept', () => {
    // leanVocabulary 1: the source holding most of this article's vocabulary would keep it too
    const ps = run(PAIRED, { ...PAIR, leanVocabulary: 1 });
    assert.equal(ps.length, 2, JSON.stringify(spans(PAIRED, ps)));
    stockAt(PAIRED, ps[0]!);
    assert.deepEqual(spans(PAIRED, ps.slice(1)), [['source.txt', OWN, OWN]]);
  });

  it('leanPairEvidence: alone, from a source holding less than leanVocabulary of the article\'s vocabulary, it is still dropped', () => {
    // the source holds about a sixth of the article's vocabulary (between 0.15 and 0.18)
    assert.deepEqual(spans(LONE, run(LONE, PAIR)), []);
    const ps = run(LONE, { ...PAIR, leanVocabulary: 0.15 });
    assert.equal(ps.length, 1);
    stockAt(LONE, ps[0]!);
  });

  it('leanVocabularyMin: a source holding less of the article\'s vocabulary is not tested', () => {
    assert.deepEqual(spans(LONE, run(LONE, { ...PAIR, leanVocabularyMin: 0.12 })), []);
    const ps = run(LONE, { ...PAIR, leanVocabularyMin: 0.3 });
    assert.equal(ps.length, 1);
    stockAt(LONE, ps[0]!);
  });

  it('leanSharedGrams: a passage sharing fewer n-grams than that is not tested', () => {
    // the passage shares nine n-grams with its source span
    assert.deepEqual(spans(LONE, run(LONE, { ...PAIR, leanSharedGrams: 9 })), []);
    const ps = run(LONE, { ...PAIR, leanSharedGrams: 10 });
    assert.equal(ps.length, 1);
    stockAt(LONE, ps[0]!);
  });

  it('leanOthers: in an article pieced together from other references the stock passage is kept', () => {
    const without = run(PIECED, PAIR);
    assert.deepEqual(spans(PIECED, without), DIARIES.map((s, k) => [`diary${k}.txt`, s.slice(0, -1), s.slice(0, -1)]));
    assert.deepEqual(spans(PIECED, run(PIECED, { ...PAIR, leanOthers: 4 })), spans(PIECED, without));
    const ps = run(PIECED, { ...PAIR, leanOthers: 3 });
    assert.equal(ps.length, 4, JSON.stringify(spans(PIECED, ps)));
    stockAt(PIECED, ps[0]!);
    assert.deepEqual(spans(PIECED, ps.slice(1)), spans(PIECED, without));
  });
});
