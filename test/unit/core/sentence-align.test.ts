import { strict as assert } from 'node:assert';
import { alignSentences, clusterPairs, unitCuts, type SentenceSide } from '../../../src/core/sentence-align';
import { analyse } from '../../../src/core/text';

/** A text's sentences as the stage sees them: stems of words longer than two characters, stop words kept. */
function side(text: string): SentenceSide {
  const m = analyse(text);
  const ids = new Map<string, number>();
  const id = (s: string) => ids.get(s) ?? (ids.set(s, ids.size), ids.size - 1);
  return {
    stems: m.sentences.map((s) => m.tokens.slice(s.tokenStart, s.tokenEnd).filter((t) => t.norm.length > 2).map((t) => id(t.stem))),
    chars: m.sentences.map((s) => [s.start, s.end]),
    toks: m.sentences.map((s) => [s.tokenStart, s.tokenEnd]),
  };
}

/** Both sides share one stem numbering. */
function pair(a: string, b: string): [SentenceSide, SentenceSide] {
  const joint = side(a + '\n\n' + b);
  const na = analyse(a).sentences.length;
  const shift = a.length + 2;
  const ta = analyse(a).tokens.length;
  return [
    { stems: joint.stems.slice(0, na), chars: joint.chars.slice(0, na), toks: joint.toks.slice(0, na) },
    {
      stems: joint.stems.slice(na),
      chars: joint.chars.slice(na).map((c) => [c[0]! - shift, c[1]! - shift]),
      toks: joint.toks.slice(na).map((t) => [t[0]! - ta, t[1]! - ta]),
    },
  ];
}

const SOURCE = [
  'The ferry operator Tidewell Lines cancelled every crossing to Orsay Island on Friday after a gearbox failed on its only vessel.',
  'Islanders who rely on the boat for hospital visits were told to expect a replacement service by the middle of next week.',
  'A spokesman for the company said engineers had flown in a spare part from a yard in Rotterdam overnight.',
  'The harbour master at Brannock Quay said the fault was found during a routine inspection before the first sailing.',
  'Local shopkeepers warned that fresh food deliveries would run out within three days if no cargo boat arrived.',
  'The island council asked the regional government to charter a second vessel for the rest of the winter timetable.',
  'Tidewell Lines said passengers holding tickets would be refunded in full or could rebook without charge.',
  'The company has operated the route since the state ferry service was sold to private owners nine years ago.',
].join(' ');

describe('sentence-align', () => {
  it('reports the article sentences a case bridges without pairing them (unpaired, density)', () => {
    const src = SOURCE.split(/(?<=\.) /);
    const own = 'My uncle kept pigeons in a loft above the bakery and raced them every summer along the cliffs.';
    const article = [src[0], src[1], own, src[2], src[3]].join(' ');
    const [a, b] = pair(article, SOURCE);
    const cases = alignSentences(a, b);
    assert.equal(cases.length, 1);
    const c = cases[0]!;
    const m = analyse(article);
    assert.deepEqual(c.unpaired.map(([f, t]) => article.slice(m.tokens[f]!.start, m.tokens[t - 1]!.end)), [own.slice(0, -1)]);
    assert.equal(c.density, 4 / 5);
  });

  it('aligns reordered sentences as one case spanning them in both texts', () => {
    const s = SOURCE.split(/(?<=\.) /);
    const article = [s[2], s[0], s[1], s[3]].join(' ');
    const [a, b] = pair(article, SOURCE);
    const cases = alignSentences(a, b);
    assert.equal(cases.length, 1);
    assert.deepEqual([cases[0]!.a.start, cases[0]!.a.end], [0, article.length]);
    assert.deepEqual([cases[0]!.b.start, cases[0]!.b.end], [0, SOURCE.indexOf(s[3]!) + s[3]!.length]);
    assert.equal(cases[0]!.summary, false);
  });

  it('aligns sentences with words swapped for synonyms and reinflected', () => {
    const article =
      'Tidewell Lines called off every sailing to Orsay Island on Friday when a gearbox broke on its only ship. ' +
      'Islanders relying on the ferry for hospital trips were told to expect a replacement service by the middle of next week. ' +
      'A company spokeswoman said engineers had flown a spare part in overnight from a shipyard in Rotterdam.';
    const [a, b] = pair(article, SOURCE);
    const cases = alignSentences(a, b);
    assert.equal(cases.length, 1);
    assert.deepEqual([cases[0]!.a.start, cases[0]!.a.end], [0, article.length]);
    const third = SOURCE.indexOf('A spokesman');
    assert.deepEqual([cases[0]!.b.start, cases[0]!.b.end], [0, SOURCE.indexOf('.', third) + 1]);
  });

  it('takes the summary setting when a short article condenses a long source', () => {
    const article =
      'Tidewell Lines cancelled every crossing to Orsay Island after a gearbox failed, and engineers flew in a spare part from Rotterdam. ' +
      'The company has run the route since the state ferry service was sold to private owners.';
    const [a, b] = pair(article, SOURCE);
    const cases = alignSentences(a, b, { minChars: 100 });
    assert.equal(cases.length, 1);
    assert.equal(cases[0]!.summary, true);
    assert.deepEqual([cases[0]!.a.start, cases[0]!.a.end], [0, article.length]);
    assert.deepEqual([cases[0]!.b.start, cases[0]!.b.end], [0, SOURCE.length]);
    // without the summary setting the pieces are too far apart in the source to join
    assert.ok(alignSentences(a, b, { minChars: 100, summaryGap: 0 }).every((c) => c.b.end - c.b.start < SOURCE.length / 2));
  });

  it('grows a case by the reworded sentence pair just outside its seeds (edgeCos)', () => {
    const s = SOURCE.split(/(?<=\.) /);
    // the first sentence retells the source's first one in other words: it pairs with no sentence on
    // its own, but is still closer to it than to anything else
    const first = 'On Friday no crossing went out, since the only vessel had suffered a broken gearbox, and Tidewell told travellers to stay home.';
    const article = [first, s[1], s[2], s[3], s[4]].join(' ');
    const [a, b] = pair(article, SOURCE);
    const end = SOURCE.indexOf(s[4]!) + s[4]!.length;
    const grown = alignSentences(a, b);
    assert.equal(grown.length, 1);
    assert.deepEqual([grown[0]!.a.start, grown[0]!.a.end], [0, article.length]);
    assert.deepEqual([grown[0]!.b.start, grown[0]!.b.end], [0, end]);
    assert.equal(grown[0]!.density, 1);
    // without growth the case starts at the second sentence in both texts
    const plain = alignSentences(a, b, { edgeCos: 0 });
    assert.equal(plain.length, 1);
    assert.equal(article.slice(plain[0]!.a.start, plain[0]!.a.end), [s[1], s[2], s[3], s[4]].join(' '));
    assert.equal(SOURCE.slice(plain[0]!.b.start, plain[0]!.b.end), [s[1], s[2], s[3], s[4]].join(' '));
    // a case of fewer seed pairs than edgeMinSeeds does not grow
    const few = alignSentences(a, b, { edgeMinSeeds: 5 });
    assert.deepEqual([few[0]!.a.start, few[0]!.b.start], [plain[0]!.a.start, plain[0]!.b.start]);
  });

  it('keeps the ordinary setting when the wide gap only stretches the source side (summaryWiden)', () => {
    const s = SOURCE.split(/(?<=\.) /);
    // the source repeats its third sentence's news at its end: with the summary gap the article's
    // third sentence reaches it, and the source side runs to the end
    const source = [
      SOURCE,
      'Ticket sales on the route rose by a fifth last year as holiday cottages on the island filled up.',
      'The council leader said a second ferry had been promised by three successive transport ministers.',
      'Engineers flew the spare part for the gearbox in overnight from a Rotterdam yard, the company spokesman said again on Saturday.',
    ].join(' ');
    const article = [s[0], s[1], s[2]].join(' ');
    const [a, b] = pair(article, source);
    const cases = alignSentences(a, b);
    assert.equal(cases.length, 1);
    assert.equal(cases[0]!.summary, false);
    assert.deepEqual([cases[0]!.a.start, cases[0]!.a.end], [0, article.length]);
    assert.equal(source.slice(cases[0]!.b.start, cases[0]!.b.end), article);
    // without the test the summary setting is taken and its source side runs to the repeated news
    const wide = alignSentences(a, b, { summaryWiden: 0 });
    assert.equal(wide.length, 1);
    assert.equal(wide[0]!.summary, true);
    assert.deepEqual([wide[0]!.a.start, wide[0]!.a.end], [0, article.length]);
    assert.deepEqual([wide[0]!.b.start, wide[0]!.b.end], [0, source.length]);
  });

  it('keeps a hub sentence to the seed its neighbours support (hubSeeds)', () => {
    const s = SOURCE.split(/(?<=\.) /);
    // the source repeats a notice three times; the article copies its first three sentences and the
    // notice, which pairs with every repetition, and the far ones would stretch the source side
    const notice = 'Passengers should check the Tidewell Lines website for sailing updates before travelling to the harbour.';
    const other = [
      'Winter storms closed the quay twice in January, and the harbour wall needed repairs costing a small fortune.',
      'A school trip from the mainland was postponed until the spring term because of the uncertain weather.',
    ];
    const source = [notice, s[6], s[7], ...other, s[0], s[1], s[2], notice, s[3], s[4], s[5], notice].join(' ');
    const article = [s[0], s[1], s[2], notice].join(' ');
    const [a, b] = pair(article, source);
    const second = source.indexOf(notice, 1);
    const cases = alignSentences(a, b);
    assert.equal(cases.length, 1);
    assert.deepEqual([cases[0]!.a.start, cases[0]!.a.end], [0, article.length]);
    assert.deepEqual([cases[0]!.b.start, cases[0]!.b.end], [source.indexOf(s[0]!), second + notice.length]);
    // without the trim every repetition is a seed, and the source side runs from the first to the last
    const all = alignSentences(a, b, { hubSeeds: 0, summaryHubSeeds: 0, chainSlack: -1 });
    assert.equal(all.length, 1);
    assert.deepEqual([all[0]!.a.start, all[0]!.a.end], [0, article.length]);
    assert.deepEqual([all[0]!.b.start, all[0]!.b.end], [0, source.length]);
  });

  it('keeps a case to its seeds in order, letting a like sentence further back go (chainSlack)', () => {
    const s = SOURCE.split(/(?<=\.) /);
    // four sentences before the copied run, the source tells the first copied sentence's story once
    // already: the article's first sentence pairs with both, and the early one would stretch the case
    const earlier = 'The ferry operator Tidewell Lines cancelled every crossing to Orsay Island last winter after a gearbox failed on its old vessel.';
    const other = [
      'Winter storms closed the quay twice in January, and the harbour wall needed repairs costing a small fortune.',
      'A school trip from the mainland was postponed until the spring term because of the uncertain weather.',
      'The lifeboat crew held an open day in August and raised money for a new engine for their launch.',
    ];
    const source = [earlier, ...other, s[0], s[1], s[2], s[5]].join(' ');
    const article = [s[0], s[1], s[2]].join(' ');
    const [a, b] = pair(article, source);
    const cases = alignSentences(a, b);
    assert.equal(cases.length, 1);
    assert.deepEqual([cases[0]!.a.start, cases[0]!.a.end], [0, article.length]);
    assert.deepEqual([cases[0]!.b.start, cases[0]!.b.end], [source.indexOf(s[0]!), source.indexOf(s[2]!) + s[2]!.length]);
    // without the order test the case's source side starts at the earlier telling
    const loose = alignSentences(a, b, { chainSlack: -1 });
    assert.equal(loose.length, 1);
    assert.deepEqual([loose[0]!.a.start, loose[0]!.a.end], [0, article.length]);
    assert.deepEqual([loose[0]!.b.start, loose[0]!.b.end], [0, source.indexOf(s[2]!) + s[2]!.length]);
  });

  it('finds nothing between an unrelated article on the same topic that shares names', () => {
    const article =
      'Tidewell Lines reported record profits on Orsay Island routes this summer, its chief executive told shareholders in Brannock. ' +
      'The firm plans to order two electric ships from a builder in Rotterdam and expects delivery within four years. ' +
      'Analysts said the company could face competition if the regional government reopens the tender for island services.';
    const [a, b] = pair(article, SOURCE);
    assert.deepEqual(alignSentences(a, b), []);
  });

  it('drops cases shorter than minChars on either side', () => {
    const s = SOURCE.split(/(?<=\.) /);
    const article = s[1]!;
    const [a, b] = pair(article, SOURCE);
    assert.equal(alignSentences(a, b, { minChars: article.length + 1 }).length, 0);
    const kept = alignSentences(a, b, { minChars: 50 });
    assert.equal(kept.length, 1);
    assert.equal(SOURCE.slice(kept[0]!.b.start, kept[0]!.b.end), s[1]);
    assert.equal(article.slice(kept[0]!.a.start, kept[0]!.a.end), s[1]);
  });

  it('clusters seeds by gaps in either text, splitting until stable', () => {
    // article sentences 0,1,2 map to reference 0,1,20: the third is too far in the reference
    assert.deepEqual(clusterPairs([[0, 0], [1, 1], [2, 20]], 4), [[[0, 0], [1, 1]], [[2, 20]]]);
    // within the gap on both sides: one cluster
    assert.deepEqual(clusterPairs([[0, 3], [5, 0]], 4), [[[5, 0], [0, 3]]]);
    assert.deepEqual(clusterPairs([[0, 3], [6, 0]], 4), [[[0, 3]], [[6, 0]]]);
  });

  it('cuts a long sentence into units of like length at the strongest break near each cut (unitCuts)', () => {
    // no breaks: 100 words in units of 20 to 39 → 5 pieces of 20
    assert.deepEqual(unitCuts(100, 20, () => 0), [20, 40, 60, 80]);
    // 2 pieces of 50, cut moved up to 12 words: a line break before word 38 beats a comma before word 45
    assert.deepEqual(unitCuts(100, 40, (k) => (k === 38 ? 3 : k === 45 ? 1 : 0)), [38]);
    assert.deepEqual(unitCuts(100, 40, (k) => (k === 45 ? 1 : 0)), [45]);
    // under twice the unit, or the option off, a sentence is not cut
    assert.deepEqual(unitCuts(79, 40, () => 0), []);
    assert.deepEqual(unitCuts(100, 0, () => 0), []);
  });
});
