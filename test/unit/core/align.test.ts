import { strict as assert } from 'node:assert';
import { align, DEFAULT_ALIGN, joinPieces, levelOf, pairEvidenceFilter, resolveAcross, restatedPairs, restatedSentences, type AlignOptions, type Passage } from '../../../src/core/align';
import { ReferenceIndex } from '../../../src/core/reference-index';
import { analyse } from '../../../src/core/text';
import type { ReferenceDoc } from '../../../src/core/types';
import { doc, OTHER, WIRE } from '../rules/helpers';

function passages(article: string, refs: ReferenceDoc[], minWords = 8) {
  const index = ReferenceIndex.build(refs);
  const model = analyse(article);
  return { index, model, ps: align(model, index, { minWords }) };
}

/** One statement told twice in other words: the article's sentence and the wire's. */
const PARAPHRASE = {
  article:
    'About 400 Harbour Workers Union members joined the Marrowby port strike, the union said, ' +
    'after pay talks over night shifts broke down on Monday.',
  ref:
    'The Harbour Workers Union said about 400 of its members joined the strike at Marrowby port on Monday ' +
    'after talks over night shift pay broke down.',
};

describe('align', () => {
  it('finds a verbatim clause and locates it in both texts', () => {
    const article =
      'Marrowby was quiet at dawn. Dockworkers at the port of Marrowby walked out on Monday after talks over ' +
      'night-shift pay collapsed, and the cranes stood still all day.';
    const { index, ps } = passages(article, [doc('wire.txt', WIRE), doc('council.txt', OTHER)]);
    assert.equal(ps.length, 1);
    const p = ps[0]!;
    assert.equal(index.docs[p.doc]!.id, 'wire.txt');
    assert.equal(p.level, 'verbatim');
    assert.equal(p.similarity, 1);
    const a = article.slice(p.a.start, p.a.end);
    const b = WIRE.slice(p.b.start, p.b.end);
    assert.equal(a, 'Dockworkers at the port of Marrowby walked out on Monday after talks over night-shift pay collapsed');
    assert.equal(b, a);
  });

  it('grades a passage with a few changed words as near-verbatim', () => {
    const article =
      'Port director Elsa Varga said the authority had offered a five percent rise over three years and would ' +
      'return to the table on Thursday.';
    const { ps } = passages(article, [doc('wire.txt', WIRE)]);
    assert.equal(ps.length, 1);
    assert.equal(ps[0]!.level, 'near-verbatim');
    assert.ok(ps[0]!.similarity >= 0.8 && ps[0]!.similarity < 1, String(ps[0]!.similarity));
    assert.equal(ps[0]!.a.start, 0);
  });

  it('finds reordered sentences as passages of the same source', () => {
    const article =
      'Fishing crews, who share the inner quay, were allowed to land their catch. ' +
      'The Harbour Workers Union said about 400 members joined the strike.';
    const { ps } = passages(article, [doc('wire.txt', WIRE)]);
    const covered = ps.reduce((n, p) => n + p.words, 0);
    assert.ok(covered >= 20, `covered ${covered} words`);
    for (const p of ps) assert.equal(p.doc, 0);
  });

  it('catches a close paraphrase at sentence level', () => {
    const { article, ref } = PARAPHRASE;
    const { ps } = passages(article, [doc('wire.txt', ref)]);
    assert.equal(ps.length, 1);
    assert.notEqual(ps[0]!.level, 'verbatim');
  });

  it('covers reordered, reworded copying as one passage when reorderTolerant is on', () => {
    const ref =
      'After the strike began, the harbour board closed the northern gate to all lorries and diverted traffic through the old fish market. ' +
      'Drivers waiting at the gate said they had been given no warning and some had queued since four in the morning with perishable loads. ' +
      'The board said the closure would last until the union agreed to staff the weighbridge on the night shift. ' +
      'Union officials called the move a lockout in all but name and promised to picket the fish market from Tuesday.';
    const article =
      'Union officials promised to picket the fish market from Tuesday and called the move a lockout in all but name. ' +
      'The board closed the northern gate to all lorries after the strike began and diverted traffic through the old fish market, the harbour said. ' +
      'Some drivers had queued since four in the morning with perishable loads, and they said they had been given no warning at the gate. ' +
      'The closure would last until the union agreed to staff the weighbridge on the night shift, the board said.';
    const index = ReferenceIndex.build([doc('wire.txt', ref)]);
    const model = analyse(article);
    const covered = (o: object) => align(model, index, o).reduce((n, p) => n + p.words, 0);
    // the n-gram path alone (the sentence stage covers reordered sentences by itself: see sentence-align tests)
    const off = covered({ reorderTolerant: false, sentenceAlign: false });
    const on = covered({ reorderTolerant: true, sentenceAlign: false });
    assert.ok(off < 70, `without: ${off} of ${model.tokens.length} words`);
    assert.ok(on >= 80, `with: ${on} of ${model.tokens.length} words`);
    const ps = align(model, index, { reorderTolerant: true });
    assert.equal(ps.length, 1);
    assert.equal(ps[0]!.level, 'paraphrase');
  });

  it('drops paraphrase-level passages shorter than minParaphraseWords', () => {
    const { article, ref } = PARAPHRASE;
    const index = ReferenceIndex.build([doc('wire.txt', ref)]);
    const model = analyse(article);
    const ps = align(model, index, { minParaphraseWords: 0 });
    assert.equal(ps.length, 1);
    assert.equal(ps[0]!.level, 'paraphrase');
    assert.equal(align(model, index, { minParaphraseWords: ps[0]!.words }).length, 1);
    assert.equal(align(model, index, { minParaphraseWords: ps[0]!.words + 1 }).length, 0);
  });

  it('reports nothing for unrelated text or short common phrases', () => {
    const article =
      'The council said on Monday that it would meet again on Thursday. Shopkeepers on the high street ' +
      'were not convinced, and a petition has been started by local residents.';
    const { ps } = passages(article, [doc('wire.txt', WIRE), doc('council.txt', OTHER)]);
    assert.deepEqual(ps, []);
  });

  it('does not match boilerplate lines that recur across the reference set', () => {
    const byline = 'Follow our live coverage of the harbour dispute on the Marrowby Courier app today';
    const refs = [
      doc('a.txt', `${byline}\nThe mayor opened the new library on Friday.`),
      doc('b.txt', `${byline}\nA storm closed the coast road for six hours.`),
      doc('c.txt', `${byline}\nThe football club signed a goalkeeper from Norway.`),
    ];
    const article = `${byline}\nWe report on the harbour dispute every day.`;
    const { ps } = passages(article, refs);
    assert.deepEqual(ps, []);
    // with the line in fewer documents it is ordinary content and matches
    const { ps: ps2 } = passages(article, refs.slice(0, 2));
    assert.equal(ps2.length, 2);
  });

  it('does not start a passage on the tail of the previous sentence', () => {
    const ref = 'The board met at noon, the chair said. A man was arrested after a scuffle near the north gate shortly before noon.';
    const article = 'Pickets sang, he said. A man was arrested after a scuffle near the north gate shortly before noon.';
    const { ps } = passages(article, [doc('wire.txt', ref)]);
    assert.equal(ps.length, 1);
    assert.equal(article.slice(ps[0]!.a.start, ps[0]!.a.end), 'A man was arrested after a scuffle near the north gate shortly before noon');
    assert.equal(ref.slice(ps[0]!.b.start, ps[0]!.b.end), 'A man was arrested after a scuffle near the north gate shortly before noon');
  });

  it('respects minWords', () => {
    const article = 'Walkout: talks over night-shift pay collapsed, leaving three container ships stranded.';
    assert.equal(passages(article, [doc('wire.txt', WIRE)], 8).ps.length, 1);
    assert.equal(passages(article, [doc('wire.txt', WIRE)], 20).ps.length, 0);
  });
  it('does not start a passage on a place name shared by a headline and a dateline', () => {
    const wire =
      'KESTREL BAY, March 14 (CPA) - More than four hundred dock workers at Kestrel Bay walked off the job on Friday ' +
      'morning, halting cargo operations at the container terminal for the first time in nineteen years.';
    const article =
      '# Dockers strike at Kestrel Bay over crane plan\n\n' +
      'Hundreds of dock workers walked off the job on Friday morning, halting cargo operations at the container terminal for the first time in nineteen years.';
    const { ps } = passages(article, [doc('wire.txt', wire)]);
    assert.equal(ps.length, 1);
    assert.equal(article.slice(ps[0]!.a.start, ps[0]!.a.end), 'dock workers walked off the job on Friday morning, halting cargo operations at the container terminal for the first time in nineteen years');
  });

  it('in a long article drops a short loose paraphrase but keeps a close one (longArticleWords)', () => {
    const { article, ref } = PARAPHRASE;
    const index = ReferenceIndex.build([doc('wire.txt', ref)]);
    const model = analyse(article);
    const short = align(model, index, { longArticleWords: Infinity });
    assert.equal(short.length, 1);
    const p = short[0]!;
    assert.equal(p.level, 'paraphrase');
    assert.ok(p.words < DEFAULT_ALIGN.longMinParaphraseWords, String(p.words));
    assert.ok(p.similarity < DEFAULT_ALIGN.longKeepSimilarity, String(p.similarity));
    // spans on both sides, trimmed to shared words
    assert.equal(article.slice(p.a.start, p.a.end), 'Harbour Workers Union members joined the Marrowby port strike, the union said, after pay talks over night shifts broke down');
    assert.equal(ref.slice(p.b.start, p.b.end), 'Harbour Workers Union said about 400 of its members joined the strike at Marrowby port on Monday after talks over night shift pay broke down');
    // the same passage in an article counted as long: dropped, unless it is close enough
    assert.deepEqual(align(model, index, { longArticleWords: model.tokens.length }), []);
    const kept = align(model, index, { longArticleWords: model.tokens.length, longKeepSimilarity: p.similarity });
    assert.deepEqual(kept.map((x) => [x.a, x.b]), [[p.a, p.b]]);
    assert.deepEqual(align(model, index, { longArticleWords: model.tokens.length, longMinParaphraseWords: p.words }).map((x) => [x.a, x.b]), [[p.a, p.b]]);
  });
  it('in a long article keeps a short paraphrase only with enough of its words in the source (shortParaphraseContainment)', () => {
    const { article, ref } = PARAPHRASE;
    const index = ReferenceIndex.build([doc('wire.txt', ref)]);
    const model = analyse(article);
    // counted as long, with the long-article minimum out of the way
    const long = { longArticleWords: model.tokens.length, longMinParaphraseWords: 0 };
    const kept = align(model, index, long);
    assert.equal(kept.length, 1);
    const p = kept[0]!;
    assert.equal(p.level, 'paraphrase');
    assert.ok(p.words < DEFAULT_ALIGN.shortParaphraseWords, String(p.words));
    assert.equal(article.slice(p.a.start, p.a.end), 'Harbour Workers Union members joined the Marrowby port strike, the union said, after pay talks over night shifts broke down');
    assert.equal(ref.slice(p.b.start, p.b.end), 'Harbour Workers Union said about 400 of its members joined the strike at Marrowby port on Monday after talks over night shift pay broke down');
    // "shifts" is not in the source ("shift" is): fewer than 99 % of its content words are
    assert.deepEqual(align(model, index, { ...long, shortParaphraseContainment: 0.99 }), []);
    assert.deepEqual(align(model, index, { ...long, shortParaphraseContainment: 0.99, shortParaphraseWords: p.words }).map((x) => [x.a, x.b]), [[p.a, p.b]]);
    // in a short article the test does not apply
    assert.deepEqual(align(model, index, { longArticleWords: Infinity, shortParaphraseContainment: 0.99 }).map((x) => [x.a, x.b]), [[p.a, p.b]]);
  });
});

describe('align: long sentences cut into units (unitWords)', () => {
  // meeting notes written as one run-on sentence: to the sentence stage, without cuts, one long unit
  const notes = [
    'Notes from the Kestrel Valley growers meeting held in the chapel hall',
    'the orchard committee reported that frost had blackened most of the early pear blossom along the lower terraces, leaving the cooperative short of fruit for the autumn market',
    'members voted to borrow two cold stores from the Halvern dairy until the new building is finished',
    'the treasurer warned that the grant from the county fund would arrive late because the paperwork had been sent to the wrong office',
    'volunteers agreed to repaint the packing shed before the cider festival and to mend the fence beside the river path',
    'the secretary read a letter from the school asking whether pupils could visit the hives in spring',
    'the meeting closed with thanks to the bakers who supplied the cakes',
  ].join('; ') + '.';
  const retold =
    'Frost has blackened almost all of the early pear blossom on the lower terraces, the orchard committee reported, so the cooperative will be short of fruit at the autumn market. ' +
    'Members also voted to borrow two cold stores from the dairy at Halvern until their new building has been finished';
  const article = 'Our village paper covers the growers every month. ' + retold + '. The rest of this issue is about the football team and the new bus timetable, which starts next week.';

  it('pairs the article sentences that retell two clauses of a run-on source sentence', () => {
    const index = ReferenceIndex.build([doc('notes.txt', notes)]);
    const model = analyse(article);
    const run = (unitWords: number) => align(model, index, { sentence: { ...DEFAULT_ALIGN.sentence, unitWords } });
    const cut = run(20);
    assert.equal(cut.length, 1);
    assert.equal(article.slice(cut[0]!.a.start, cut[0]!.a.end), retold);
    const b = notes.slice(cut[0]!.b.start, cut[0]!.b.end);
    assert.ok(b.includes('members voted to borrow two cold stores from the Halvern dairy until the new building is finished'), b);
    // one unit of ~130 words pairs with no article sentence: only the n-gram passage, mid-sentence
    const whole = run(0);
    assert.equal(whole.length, 1);
    assert.ok(!article.slice(whole[0]!.a.start, whole[0]!.a.end).startsWith('Frost'));
  });
});

describe('align: findings do not bridge the article\'s own sentences', () => {
  const spans = (article: string, ref: string, ps: Passage[]) =>
    ps.map((p) => [p.level, article.slice(p.a.start, p.a.end), ref.slice(p.b.start, p.b.end)]);

  it('never joins copied pieces across sentences the article wrote itself (newSentenceWords)', () => {
    const ref =
      'The lighthouse keepers at Gannet Point handed in their keys on Tuesday after the trust cut their overnight allowance. ' +
      'Volunteers from the rowing club have agreed to keep the lamp lit until the trust appoints new keepers for the winter.';
    const article =
      'The lighthouse keepers at Gannet Point handed in their keys on Tuesday after the trust cut their overnight allowance. ' +
      'Walkers on the coast path were surprised to find the gallery door locked. ' +
      'Nobody at the visitor centre could say when guided tours would resume. ' +
      'Volunteers from the rowing club have agreed to keep the lamp lit until the trust appoints new keepers for the winter.';
    const index = ReferenceIndex.build([doc('wire.txt', ref)]);
    const model = analyse(article);
    const first = 'The lighthouse keepers at Gannet Point handed in their keys on Tuesday after the trust cut their overnight allowance';
    const second = 'Volunteers from the rowing club have agreed to keep the lamp lit until the trust appoints new keepers for the winter';
    assert.deepEqual(spans(article, ref, align(model, index)), [
      ['verbatim', first, first],
      ['verbatim', second, second],
    ]);
    // without the test the two pieces are joined over the two new sentences
    const joined = align(model, index, { newSentenceWords: 0 });
    assert.equal(joined.length, 1);
    assert.equal(article.slice(joined[0]!.a.start, joined[0]!.a.end), article.slice(0, -1));
  });

  it('keeps a dense case from standing for pieces across a new sentence', () => {
    const ref =
      'The ferry operator cancelled the morning crossings to Puffin Island on Saturday because a storm damaged the landing stage overnight. ' +
      'Engineers from the county spent the afternoon inspecting the timber piles beneath the damaged stage at the island harbour. ' +
      'The operator expects to resume sailings on Wednesday once divers have checked the mooring chains for wear. ' +
      'Holidaymakers stranded on the island were offered free rooms at the youth hostel by the island trust until then.';
    const own = 'My grandmother used to bake bread for the lighthouse crew every Friday when I was small, and she always sent me down the lane with a basket. ';
    const article =
      'Morning crossings to Puffin Island were cancelled by the ferry operator on Saturday after a storm damaged the landing stage overnight. ' +
      'The county sent engineers who spent the afternoon inspecting the timber piles beneath the damaged stage at the island harbour. ' +
      own +
      'Sailings should resume on Wednesday, the operator expects, once divers have checked the mooring chains for wear. ' +
      'The island trust offered holidaymakers stranded on the island free rooms at the youth hostel until then.';
    const index = ReferenceIndex.build([doc('wire.txt', ref)]);
    const model = analyse(article);
    // the long-piece rule is lifted so that only the new sentence keeps the pieces apart
    const o = { densePieceWords: Infinity };
    const ps = align(model, index, o);
    assert.deepEqual(spans(article, ref, ps), [
      [
        'near-verbatim',
        'Morning crossings to Puffin Island were cancelled by the ferry operator on Saturday after a storm damaged the landing stage overnight. ' +
          'The county sent engineers who spent the afternoon inspecting the timber piles beneath the damaged stage at the island harbour',
        'morning crossings to Puffin Island on Saturday because a storm damaged the landing stage overnight. ' +
          'Engineers from the county spent the afternoon inspecting the timber piles beneath the damaged stage at the island harbour',
      ],
      [
        'paraphrase',
        'the operator expects, once divers have checked the mooring chains for wear. ' +
          'The island trust offered holidaymakers stranded on the island free rooms at the youth hostel until then',
        'The operator expects to resume sailings on Wednesday once divers have checked the mooring chains for wear. ' +
          'Holidaymakers stranded on the island were offered free rooms at the youth hostel by the island trust until then',
      ],
    ]);
    for (const p of ps) assert.ok(!article.slice(p.a.start, p.a.end).includes('grandmother'));
    // without the test the dense case (four of its five sentences paired) bridges the new one
    const bridged = align(model, index, { ...o, newSentenceWords: 0 });
    assert.equal(bridged.length, 1);
    assert.ok(article.slice(bridged[0]!.a.start, bridged[0]!.a.end).includes(own.trim()));
    assert.equal(ref.slice(bridged[0]!.b.start, bridged[0]!.b.end), ref.slice(0, -1));
  });

  it('keeps a long exact passage as its own finding inside a dense case (densePieceWords)', () => {
    const ref =
      'SALTMERE, June 3 (Shore News) - More than two hundred fishermen at Saltmere tied up their boats on Monday morning, leaving the quay empty for the first time since the great storm of the eighties. ' +
      'The protest was organised by the inshore fishing association after the county announced plans to halve the mackerel quota and to close the harbour fuel pump on Sundays. ' +
      'Skippers said they would stay ashore until the county put its promise to review the quota in writing, and members of the association voted by 140 to 12 to extend the protest into a second week. ' +
      'County leader Wilfred Ambrose said the cuts were needed to keep the fishery open for younger crews in the years ahead. ' +
      'A van was damaged when it reversed into a bollard beside the harbour office in the afternoon.';
    const article =
      'Scores of fishermen tied up their boats on Monday morning, leaving the quay empty for the first time since the great storm of the eighties. ' +
      'The protest was organised by the fishing association after the county announced plans to halve the mackerel quota and to close the harbour fuel pump on Sundays. ' +
      'Wilfred Ambrose, who leads the county, insisted the cuts were essential if younger crews were to have a fishery to work in the years ahead. ' +
      'A van was damaged when it reversed into a bollard beside the harbour office in the afternoon.';
    const index = ReferenceIndex.build([doc('wire.txt', ref)]);
    const model = analyse(article);
    const ps = align(model, index);
    const exact = spans(article, ref, ps)[0]!;
    assert.deepEqual(exact, [
      'near-verbatim',
      'tied up their boats on Monday morning, leaving the quay empty for the first time since the great storm of the eighties. ' +
        'The protest was organised by the fishing association after the county announced plans to halve the mackerel quota and to close the harbour fuel pump on Sundays',
      'tied up their boats on Monday morning, leaving the quay empty for the first time since the great storm of the eighties. ' +
        'The protest was organised by the inshore fishing association after the county announced plans to halve the mackerel quota and to close the harbour fuel pump on Sundays',
    ]);
    assert.ok(ps[0]!.words >= DEFAULT_ALIGN.densePieceWords, String(ps[0]!.words));
    assert.ok(ps.every((p) => !ref.slice(p.b.start, p.b.end).startsWith('SALTMERE')));
    // a dense case allowed to swallow it: one looser passage, starting at the article's sentence
    const swallowed = align(model, index, { densePieceWords: Infinity });
    assert.equal(swallowed.length, 1);
    assert.equal(swallowed[0]!.level, 'paraphrase');
    assert.ok(article.slice(swallowed[0]!.a.start).startsWith('Scores of fishermen'));
  });
});

describe('joinPieces', () => {
  const ref =
    'The harbour board closed the northern gate to all lorries on Tuesday and sent traffic through the old fish market instead. ' +
    'Drivers said they had queued since four in the morning with perishable loads and no word from anyone at the gate.';
  const article =
    'The harbour board closed the northern gate to all lorries on Tuesday and moved the queue to the fish market. ' +
    'Drivers said they had queued since four in the morning with perishable loads and no word from anyone at the gate.';
  const index = ReferenceIndex.build([doc('wire.txt', ref)]);
  const model = analyse(article);
  const d = index.docs[0]!;
  const aWord = (w: string, from = 0) => model.tokens.findIndex((t, k) => k >= from && t.norm === w);
  const bWord = (w: string, from = 0) => {
    for (let k = from; k < d.tokens.terms.length; k++) if (index.terms.words[d.tokens.terms[k]!] === w) return k;
    return -1;
  };
  const piece = (aTok: [number, number], bTok: [number, number]): Passage => ({
    doc: 0,
    a: { start: model.tokens[aTok[0]]!.start, end: model.tokens[aTok[1] - 1]!.end },
    b: { start: d.tokens.starts[bTok[0]]!, end: d.tokens.ends[bTok[1] - 1]! },
    aTok,
    bTok,
    similarity: 1,
    level: 'verbatim',
    words: aTok[1] - aTok[0],
  });
  // the first clause and the second sentence, copied word for word, around a reworded clause
  const first = piece([0, aWord('and') ], [0, bWord('and')]);
  const second = piece([aWord('drivers'), aWord('gate', aWord('drivers')) + 1], [bWord('drivers'), bWord('gate', bWord('drivers')) + 1]);
  const o = { ...DEFAULT_ALIGN, joinGap: 20 };

  it('joins pieces of one source across gaps of like length in both texts', () => {
    const out = joinPieces([second, first], model, index, o);
    assert.equal(out.length, 1);
    const j = out[0]!;
    assert.equal(article.slice(j.a.start, j.a.end), article.slice(0, -1));
    assert.equal(ref.slice(j.b.start, j.b.end), ref.slice(0, -1));
    assert.deepEqual([j.aTok, j.bTok], [[first.aTok[0], second.aTok[1]], [first.bTok[0], second.bTok[1]]]);
    assert.equal(j.level, 'near-verbatim');
    assert.ok(j.similarity < 1 && j.similarity >= 0.8, String(j.similarity));
  });

  it('does not join across a gap wider than joinGap, or one that is new text on one side only', () => {
    assert.equal(joinPieces([first, second], model, index, { ...o, joinGap: 3 }).length, 2);
    // the same reference piece after a longer stretch of the article's own: the gaps differ too much
    const tight = piece([second.aTok[0], second.aTok[1]], [first.bTok[1], first.bTok[1] + (second.bTok[1] - second.bTok[0])]);
    assert.equal(joinPieces([first, tight], model, index, { ...o, joinSkew: 0 }).length, 2);
  });

  it('never joins across an attributed quotation in the article', () => {
    const quoted = new Uint8Array(model.tokens.length);
    quoted[aWord('queue')] = 1;
    const out = joinPieces([first, second], model, index, { ...o, quoted });
    assert.deepEqual(out.map((p) => [p.a, p.b]), [[first.a, first.b], [second.a, second.b]]);
  });
});

describe('joinPieces: one stretch copied with its sentences moved about (joinReordered)', () => {
  const S1 = 'The ferry company cancelled every crossing to the northern islands after the storm tore a loading ramp from the pier';
  const S2 = 'Islanders waiting for medicine were told the next boat might not sail before the end of the month';
  const FILLER =
    'The council later published a long list of roads closed by fallen trees, from the coast road past the lighthouse to the lanes ' +
    'behind the old brickworks, and asked drivers to keep away from the quay until engineers had inspected every mooring.';
  // the article tells the source's two sentences in the other order
  const article = `${S2}, a spokesman said. ${S1}. The harbour master expects repairs to take weeks.`;
  const model = analyse(article);
  const pieces = (ref: string) => {
    const index = ReferenceIndex.build([doc('wire.txt', ref)]);
    const d = index.docs[0]!;
    const span = (text: string, s: string) => {
      const from = text.indexOf(s);
      return [from, from + s.length] as const;
    };
    const toks = (starts: ArrayLike<number>, ends: ArrayLike<number>, n: number, [from, to]: readonly [number, number]): [number, number] => {
      let i = 0;
      while (ends[i]! <= from) i++;
      let j = i;
      while (j < n && starts[j]! < to) j++;
      return [i, j];
    };
    const piece = (s: string, level: Passage['level']): Passage => {
      const aTok = toks(model.tokens.map((t) => t.start), model.tokens.map((t) => t.end), model.tokens.length, span(article, s));
      const bTok = toks(d.tokens.starts, d.tokens.ends, d.tokens.terms.length, span(ref, s));
      return {
        doc: 0,
        a: { start: model.tokens[aTok[0]]!.start, end: model.tokens[aTok[1] - 1]!.end },
        b: { start: d.tokens.starts[bTok[0]]!, end: d.tokens.ends[bTok[1] - 1]! },
        aTok,
        bTok,
        similarity: level === 'verbatim' ? 1 : level === 'near-verbatim' ? 0.9 : 0.6,
        level,
        words: aTok[1] - aTok[0],
      };
    };
    return {
      index,
      first: piece(S2, 'paraphrase'),
      second: piece(S1, 'paraphrase'),
      exact: [piece(S2, 'verbatim'), piece(S1, 'verbatim')] as const,
      near: [piece(S2, 'near-verbatim'), piece(S1, 'verbatim')] as const,
    };
  };

  it('joins two close pieces of one source whose order the article swapped, spans on both sides', () => {
    const ref = `${S1}. ${S2}.`;
    const { index, first, second } = pieces(ref);
    const out = joinPieces([first, second], model, index, DEFAULT_ALIGN);
    assert.equal(out.length, 1);
    assert.equal(article.slice(out[0]!.a.start, out[0]!.a.end), `${S2}, a spokesman said. ${S1}`);
    assert.equal(ref.slice(out[0]!.b.start, out[0]!.b.end), `${S1}. ${S2}`);
    assert.equal(joinPieces([first, second], model, index, { ...DEFAULT_ALIGN, joinReordered: 0 }).length, 2);
    // verbatim and near-verbatim pieces keep their exact edges: two findings, not one vaguer paraphrase
    assert.equal(joinPieces([...pieces(ref).exact], model, index, DEFAULT_ALIGN).length, 2);
    assert.equal(joinPieces([...pieces(ref).near], model, index, DEFAULT_ALIGN).length, 2);
    // two stretches of the source far apart, told in the other order, stay two
    const far = `${S1}. ${FILLER} ${FILLER} ${S2}.`;
    const apart = pieces(far);
    assert.equal(joinPieces([apart.first, apart.second], model, apart.index, DEFAULT_ALIGN).length, 2);
  });
});

describe('levelOf', () => {
  it('grades identical words verbatim, then by the near-verbatim threshold', () => {
    const o = { nearVerbatim: 0.8 };
    assert.equal(levelOf(1, true, o), 'verbatim');
    assert.equal(levelOf(1, false, o), 'near-verbatim'); // same share of words, not the same sequence
    assert.equal(levelOf(0.8, false, o), 'near-verbatim');
    assert.equal(levelOf(0.79, false, o), 'paraphrase');
    assert.equal(levelOf(0.5, false, { nearVerbatim: 0.5 }), 'near-verbatim');
  });
});

describe('align: independent reporting is not copying (substance)', () => {
  // An invented court story from the wire, and twenty-four other short court reports that make
  // "appeared", "court", "remanded", "custody" and the like the reference set's stock vocabulary.
  const COURT_WIRE =
    'Tobias Wrenfield, 47, of Quillmoor Lane, Harrowgate, appeared before magistrates on Tuesday and was remanded in custody. ' +
    'He is accused of selling stolen tractor parts to a scrap dealer from a lay-by near the bypass over six months. ' +
    'Detectives said the parts were traced through serial numbers stamped on the gearboxes. ' +
    'Wrenfield told officers in a statement: "I never touched those tractors and I have no idea who cut the fence at the yard behind the chapel." ' +
    'The case was adjourned until next month.';
  const filler = Array.from({ length: 24 }, (_, k) =>
    doc(
      `court${k}.txt`,
      `A defendant numbered ${k} appeared before magistrates on Tuesday and was remanded in custody. ` +
        `The case concerned ${['a burglary', 'an assault', 'a fraud', 'a theft'][k % 4]} in district ${k} and was adjourned until next month.`,
    ),
  );
  const refs = [doc('wire.txt', COURT_WIRE), ...filler];

  it('finds no copied passage in a same-story report sharing only names, numbers and stock court phrases', () => {
    const article =
      'Tobias Wrenfield, 47, of Quillmoor Lane, Harrowgate, appeared before magistrates on Tuesday and was remanded in custody. ' +
      'Neighbours in the village described a quiet man who kept pigeons and mended bicycles for local children.';
    const index = ReferenceIndex.build(refs);
    const model = analyse(article);
    // without the substance test the shared opening is a passage: the test below can fail
    const loose = align(model, index, { minSubstanceWords: 0 });
    assert.equal(loose.length, 1);
    assert.equal(article.slice(loose[0]!.a.start, loose[0]!.a.end).startsWith('Tobias Wrenfield, 47, of Quillmoor Lane'), true);
    assert.deepEqual(align(model, index), []);
  });

  it('still finds a real copy that shares the same names, with its spans on both sides', () => {
    const copied = 'He is accused of selling stolen tractor parts to a scrap dealer from a lay-by near the bypass over six months';
    const article =
      'Tobias Wrenfield, 47, of Quillmoor Lane, Harrowgate, appeared before magistrates on Tuesday and was remanded in custody. ' +
      copied +
      '. Neighbours in the village described a quiet man who kept pigeons and mended bicycles for local children.';
    const index = ReferenceIndex.build(refs);
    const ps = align(analyse(article), index);
    assert.equal(ps.length, 1);
    const p = ps[0]!;
    assert.equal(index.docs[p.doc]!.id, 'wire.txt');
    const a = article.slice(p.a.start, p.a.end);
    const b = COURT_WIRE.slice(p.b.start, p.b.end);
    assert.ok(a.includes(copied), a);
    assert.ok(b.includes(copied), b);
    assert.equal(p.a.end, article.indexOf(copied) + copied.length);
    assert.equal(p.b.end, COURT_WIRE.indexOf(copied) + copied.length);
  });

  it('with substanceQuotedByBoth, a statement both texts quote is not a copied passage', () => {
    const statement = 'I never touched those tractors and I have no idea who cut the fence at the yard behind the chapel.';
    const article =
      'Wrenfield gave police a written statement after his arrest in the spring. ' +
      `"${statement}" ` +
      'Neighbours in the village described a quiet man who kept pigeons and mended bicycles for local children.';
    const index = ReferenceIndex.build(refs);
    const model = analyse(article);
    const off = align(model, index, { substanceQuotedByBoth: false });
    assert.equal(off.length, 1);
    assert.equal(article.slice(off[0]!.a.start, off[0]!.a.end), statement.slice(0, -1));
    assert.equal(COURT_WIRE.slice(off[0]!.b.start, off[0]!.b.end), statement.slice(0, -1));
    assert.deepEqual(align(model, index, { substanceQuotedByBoth: true }), []);
  });

  it('with substanceQuotedByBoth, the wire\'s narration put inside quotation marks is still copied', () => {
    const narration = 'He is accused of selling stolen tractor parts to a scrap dealer from a lay-by near the bypass over six months';
    const article = `Police gave few details. The charge sheet was read out. "${narration}," the clerk read.`;
    const index = ReferenceIndex.build(refs);
    const ps = align(analyse(article), index, { substanceQuotedByBoth: true });
    assert.equal(ps.length, 1);
    assert.equal(article.slice(ps[0]!.a.start, ps[0]!.a.end), narration);
    assert.equal(COURT_WIRE.slice(ps[0]!.b.start, ps[0]!.b.end), narration);
  });
});

describe('pairEvidenceFilter: document-level evidence for short passages', () => {
  // An invented wire story about a village fete, and twenty other short notices that make
  // "council", "announced", "village" and the like the reference set's stock vocabulary.
  const FETE_WIRE =
    'Organisers of the Brindlecombe summer fete cancelled the duck race on Saturday after heavy rain flooded the mill stream. ' +
    'Parish chairman Osric Pellingham said: "We will hold the race again when the water goes down and the ducks are dry." ' +
    'The tombola raised money for a new roof on the scout hut, and the marrow contest was won by a retired postman. ' +
    'Stallholders said takings from the cake stall were the highest for a decade despite the grey skies overhead.';
  const filler = Array.from({ length: 20 }, (_, k) =>
    doc(`notice${k}.txt`, `The village council announced on Saturday that notice ${k} about ${['parking', 'bins', 'lamps', 'hedges'][k % 4]} was approved by members.`),
  );
  const refs = [doc('fete.txt', FETE_WIRE), ...filler];

  it('drops a short passage of an independent report sharing names and a quote both texts have', () => {
    const article =
      'Rain spoiled the Brindlecombe fete. Parish chairman Osric Pellingham said: "We will hold the race again when the water goes down and the ducks are dry." ' +
      'Our reporter found children sheltering under the bandstand, eating toffee apples and trading conkers with the vicar. ' +
      'A farmer from the next valley brought a goat that ate half a straw hat before anyone noticed, and the crowd cheered. ' +
      'By teatime the field was a bog, the bunting hung limp and the brass band had packed away its music stands.';
    const index = ReferenceIndex.build(refs);
    const model = analyse(article);
    const ps = align(model, index);
    // the aligner itself finds the shared quote: the filter below can fail
    assert.equal(ps.length, 1);
    assert.ok(article.slice(ps[0]!.a.start, ps[0]!.a.end).includes('hold the race again'));
    assert.deepEqual(pairEvidenceFilter(ps, model, index), []);
    assert.equal(pairEvidenceFilter(ps, model, index, { pairMinWords: 0 }).length, 1);
  });

  it('keeps the short passages of a rewritten wire story, spans on both sides', () => {
    const one = 'cancelled the duck race on Saturday after heavy rain flooded the mill stream';
    const two = 'The tombola raised money for a new roof on the scout hut';
    const article =
      `Fete organisers in Brindlecombe ${one}. Children ate toffee apples under the bandstand while a brass band played on. ` +
      `${two}, while the vicar judged the pets. Nobody could remember a wetter day in the valley.`;
    const index = ReferenceIndex.build(refs);
    const model = analyse(article);
    const ps = align(model, index);
    assert.ok(ps.length >= 1 && ps.every((p) => p.words < 40));
    const kept = pairEvidenceFilter(ps, model, index);
    assert.equal(kept.length, ps.length);
    for (const piece of [one, two]) {
      const p = kept.find((q) => article.slice(q.a.start, q.a.end).includes(piece));
      assert.ok(p, piece);
      assert.ok(FETE_WIRE.slice(p.b.start, p.b.end).includes(piece));
    }
  });

  it('keeps a short passage that is most of a short article', () => {
    const article = 'Fete organisers cancelled the duck race on Saturday after heavy rain flooded the mill stream.';
    const index = ReferenceIndex.build(refs);
    const model = analyse(article);
    const ps = align(model, index);
    assert.equal(ps.length, 1);
    assert.deepEqual(pairEvidenceFilter(ps, model, index), ps);
    // the same passage in a long article needs evidence beyond it
    assert.ok(pairEvidenceFilter(ps, model, index, { pairStandShare: 1, pairMinWords: 99 }).length === 0);
  });
});

describe('pairEvidenceFilter: shared quotations, names and stock phrasing', () => {
  const SPEECH =
    'I have walked these moors for forty winters and I have never seen the heather burn like it did this week, ' +
    'and I tell you plainly that the estate knew the fire breaks were overgrown long before the first spark came over the ridge';
  const WIRE_FIRE =
    'Fire crews spent a third night on Corrowdale moor as flames crept towards the reservoir. ' +
    `Shepherd Aldous Marrick said: "${SPEECH}." ` +
    'The water company said supplies to the valley towns were not at risk.';
  const filler = Array.from({ length: 20 }, (_, k) =>
    doc(`notice${k}.txt`, `The parish council said on Monday that grant ${k} for ${['paths', 'stiles', 'gates', 'benches'][k % 4]} had been approved.`),
  );
  const refs = [doc('fire.txt', WIRE_FIRE), ...filler];

  it('drops a passage that is a quotation both texts have, however long, unless the pair shares reporting too', () => {
    const article =
      'Smoke hung over the valley all day and the light never rose above a brown dusk. ' +
      `"${SPEECH}." ` +
      'Our photographer watched three hares run from the smoke towards the old lead mines.';
    const index = ReferenceIndex.build(refs);
    const model = analyse(article);
    const ps = align(model, index);
    // the aligner finds the shared quotation as one long passage: the filter below can fail
    assert.equal(ps.length, 1);
    assert.ok(ps[0]!.words >= 40);
    assert.equal(pairEvidenceFilter(ps, model, index, { pairQuotedShare: 0, pairStandSubstance: 0 }).length, 1);
    assert.deepEqual(pairEvidenceFilter(ps, model, index, { pairQuotedShare: 0.5, pairStandSubstance: 0 }), []);
  });

  it('keeps the same quotation when the article copies the reporting around it too', () => {
    const article =
      'Fire crews spent a third night on Corrowdale moor as flames crept towards the reservoir. ' +
      `"${SPEECH}." ` +
      'The water company said supplies to the valley towns were not at risk.';
    const index = ReferenceIndex.build(refs);
    const model = analyse(article);
    const kept = pairEvidenceFilter(align(model, index), model, index, { pairQuotedShare: 0.5 });
    assert.ok(kept.some((p) => article.slice(p.a.start, p.a.end).includes('spent a third night on Corrowdale moor')));
  });

  it('a long passage made of names has no substance of its own to stand on', () => {
    const squad =
      'Corin Abbet, Lysander Mote, Piran Oakhurst, Tamsin Rook, Ewan Filby, Dorian Stagg, Hollis Crane, Jory Penhale, ' +
      'Merrick Dunn, Sorrel Vane, Tobin Ashby, Wystan Reeve, Cadoc Illing, Bastian Holt, Ferris Kemble, Gawain Trask, ' +
      'Ansel Brock, Caspian Lowe, Digory Hale, Emrys Tallis, Fitzroy Gale, Garnet Shaw, Hadrian Cole, Inigo Marsh.';
    const wire = `The Highcombe squad for Saturday: ${squad} Kick-off is at three.`;
    const article = `Highcombe named their side late on Friday. ${squad} The coach was unavailable for comment.`;
    const index = ReferenceIndex.build([doc('squad.txt', wire), ...filler]);
    const model = analyse(article);
    const ps = align(model, index, { minSubstanceWords: 0 });
    assert.equal(ps.length, 1);
    assert.ok(ps[0]!.words >= 40, String(ps[0]!.words));
    assert.equal(pairEvidenceFilter(ps, model, index, { pairStandSubstance: 0 }).length, 1);
    assert.deepEqual(pairEvidenceFilter(ps, model, index, { pairStandSubstance: 2 }), []);
  });
});

describe('pairEvidenceFilter: the reference set\'s stock phrasing (n-gram document frequency) and initials', () => {
  // An invented science desk archive: 300 short notices on unrelated subjects, 25 of which close on
  // the desk's formula naming other researchers. Each word of the formula is in fewer than a tenth of
  // the references (not stock vocabulary by single-word frequency); its 3-grams are in 26 (stock phrasing).
  const SUBJECTS = ['otters', 'glaciers', 'mosses', 'lighthouses', 'weevils', 'tides', 'orchards', 'quarries', 'beacons', 'ferns', 'canals', 'kestrels'];
  const formula = (who: string) => `${who} and colleagues report their findings in this week's edition of the Tollbridge Review of Natural History.`;
  const notices = Array.from({ length: 300 }, (_, k) => {
    const about = `Volunteers counted ${SUBJECTS[k % SUBJECTS.length]} along stretch ${k} of the county survey route and sent tallies to the museum.`;
    return doc(`notice${k}.txt`, k % 12 === 0 ? `${about} ${formula(`Dr Ysolde Brannock${k}`)}` : about);
  });
  const MOTH =
    'A pale moth thought lost from the Fennick marshes for ninety years has been caught again in a light trap behind a chapel. ' +
    'The moth feeds only on bog myrtle, and its caterpillars spin silk tents between the stems in late summer. ' +
    formula('Dr Perpetua Lowick of the Saltcote field station');
  const refs = [doc('moth.txt', MOTH), ...notices];
  const index = ReferenceIndex.build(refs);
  // stock n-grams are not seeds by default; this lets the aligner find the formula so that the filter can fail
  const seedAll = { commonSeedDocs: 10000, commonSeedShare: 1, minSubstanceWords: 0 };

  it('drops a passage that is only the archive\'s formula naming other people', () => {
    const withFormula = refs.filter((d) => d.text.includes('colleagues')).length;
    assert.ok(withFormula >= DEFAULT_ALIGN.pairStockGramDocs && withFormula <= 0.1 * refs.length, String(withFormula));
    const article =
      'A lichen that glows faintly under ultraviolet light has been found on gravestones in three Hollin Vale churchyards. ' +
      formula('Professor Caius Merriday of the Wenlow herbarium') +
      ' Churchwardens have been asked not to scrub the stones until the survey is finished.';
    const model = analyse(article);
    const ps = align(model, index, seedAll).filter((p) => index.docs[p.doc]!.id === 'moth.txt');
    assert.equal(ps.length, 1);
    assert.ok(article.slice(ps[0]!.a.start, ps[0]!.a.end).includes('report their findings in this week'));
    assert.ok(MOTH.slice(ps[0]!.b.start, ps[0]!.b.end).includes('report their findings in this week'));
    // (the formula is also in 26 unrelated notices: pairDistinctGrams would drop it too)
    assert.equal(pairEvidenceFilter(ps, model, index, { pairStockGramDocs: 0, pairDistinctGrams: 0 }).length, 1);
    assert.deepEqual(pairEvidenceFilter(ps, model, index, { pairDistinctGrams: 0 }), []);
  });

  it('keeps a real rewrite beside the same formula, spans on both sides', () => {
    const copied = 'The moth feeds only on bog myrtle, and its caterpillars spin silk tents between the stems in late summer';
    const article =
      'Moth hunters in the Fennick marshes are celebrating a rare find in a chapel garden. ' +
      `${copied}. ` +
      formula('Dr Perpetua Lowick of the Saltcote field station') +
      ' The trap will be set again next month.';
    const model = analyse(article);
    const ps = align(model, index).filter((p) => index.docs[p.doc]!.id === 'moth.txt');
    const kept = pairEvidenceFilter(ps, model, index);
    const p = kept.find((q) => article.slice(q.a.start, q.a.end).includes(copied));
    assert.ok(p, JSON.stringify(kept.map((q) => article.slice(q.a.start, q.a.end))));
    assert.ok(MOTH.slice(p.b.start, p.b.end).includes(copied));
    // the formula words count as no evidence, but the copied sentence does
    assert.deepEqual(kept, pairEvidenceFilter(ps, model, index, { pairStockGramDocs: 0 }));
  });

  it('a team sheet of initials and surnames has no substance to stand on', () => {
    const sheet =
      'R Abbet; L Mote, P Oakhurst, T Rook, E Filby; D Stagg, H Crane; J Penhale, M Dunn, S Vane; T Ashby, W Reeve; ' +
      'C Illing, B Holt, F Kemble.\n\nG Trask, A Brock, C Lowe, D Hale, E Tallis, F Gale, G Shaw.';
    const wire = `Highcombe named their side for the derby on Friday evening.\n\n${sheet}\n\nThe referee will be appointed on Monday.`;
    const article = `Rain is forecast for the derby at Highcombe.\n\n${sheet}\n\nTickets are still on sale at the club shop.`;
    const filler = Array.from({ length: 20 }, (_, k) =>
      doc(`notice${k}.txt`, `The parish council said on Monday that grant ${k} for ${['paths', 'stiles', 'gates', 'benches'][k % 4]} had been approved.`),
    );
    const idx = ReferenceIndex.build([doc('sheet.txt', wire), ...filler]);
    const model = analyse(article);
    const ps = align(model, idx, { minSubstanceWords: 0 });
    assert.equal(ps.length, 1);
    assert.ok(ps[0]!.words >= 40, String(ps[0]!.words));
    assert.ok(article.slice(ps[0]!.a.start, ps[0]!.a.end).includes('P Oakhurst, T Rook'));
    assert.equal(pairEvidenceFilter(ps, model, idx, { pairStandSubstance: 0 }).length, 1);
    assert.deepEqual(pairEvidenceFilter(ps, model, idx), []);
  });

  it('a line-up of full names and clubs has no substance to stand on, its first name and its markers included', () => {
    // one club's line-up printed in the reports of two matches: every word a name but the captain's
    // mark, and the first name of each list at the start of its sentence
    const side =
      'Corin Abbet (Highcombe), Lysander Mote (Wenlow), Piran Oakhurst (Saltcote), Tamsin Rook (Highcombe), Ewan Filby (Fennick), ' +
      'Dorian Stagg (Wenlow), Hollis Crane (Highcombe, capt), Jory Penhale (Tollbridge), Merrick Dunn (Saltcote), Sorrel Vane (Wenlow), ' +
      'Tobin Ashby (Fennick), Wystan Reeve (Highcombe), Cadoc Illing (Tollbridge), Bastian Holt (Saltcote), Ferris Kemble (Wenlow)';
    const bench = 'Replacements: Gawain Trask (Highcombe), Ansel Brock (Fennick), Caspian Lowe (Wenlow), Digory Hale (Saltcote)';
    const first = `Marrowby coach Idris Penwarden has kept faith with the side that lost in Wenlow last month.\n\n${side}\n\n${bench}\n\nThe referee for the match will be appointed on Monday.`;
    const second = `Marrowby will be without two forwards for the visit of Saltcote, but the rest of the squad is fit.\n\n${side}\n\n${bench}\n\nKick-off is at three in the afternoon.`;
    const filler = Array.from({ length: 20 }, (_, k) =>
      doc(`notice${k}.txt`, `The parish council said on Monday that grant ${k} for ${['paths', 'stiles', 'gates', 'benches'][k % 4]} had been approved.`),
    );
    const idx = ReferenceIndex.build([doc('first.txt', first), ...filler]);
    const model = analyse(second);
    const ps = align(model, idx, { minSubstanceWords: 0 });
    assert.equal(ps.length, 1);
    assert.ok(ps[0]!.words >= 40, String(ps[0]!.words));
    assert.ok(second.slice(ps[0]!.a.start, ps[0]!.a.end).includes('Piran Oakhurst (Saltcote), Tamsin Rook'));
    assert.ok(first.slice(ps[0]!.b.start, ps[0]!.b.end).includes('Piran Oakhurst (Saltcote), Tamsin Rook'));
    // the captain's mark and the sentence-initial first names count as substance unless the list is read as one
    assert.equal(pairEvidenceFilter(ps, model, idx, { pairNameListShare: 0 }).length, 1);
    assert.deepEqual(pairEvidenceFilter(ps, model, idx), []);
  });

  it('prose copied beside a line-up is still copied, spans on both sides', () => {
    const side = 'Corin Abbet, Lysander Mote, Piran Oakhurst, Tamsin Rook, Ewan Filby, Dorian Stagg, Hollis Crane, Jory Penhale';
    const prose = 'The coach said the heavy pitch at the old ground would suit a side that likes to keep the ball among its forwards';
    const wire = `Highcombe named their side on Friday.\n\n${side}\n\n${prose}, and he expects a big crowd.`;
    const article = `Rain is forecast for Saturday.\n\n${side}\n\n${prose}. Tickets are still on sale.`;
    const filler = Array.from({ length: 20 }, (_, k) =>
      doc(`notice${k}.txt`, `The parish council said on Monday that grant ${k} for ${['paths', 'stiles', 'gates', 'benches'][k % 4]} had been approved.`),
    );
    const idx = ReferenceIndex.build([doc('wire.txt', wire), ...filler]);
    const model = analyse(article);
    const kept = pairEvidenceFilter(align(model, idx), model, idx);
    const p = kept.find((q) => article.slice(q.a.start, q.a.end).includes(prose));
    assert.ok(p, JSON.stringify(kept.map((q) => article.slice(q.a.start, q.a.end))));
    assert.ok(wire.slice(p.b.start, p.b.end).includes(prose));
  });
});

describe('restatedSentences', () => {
  const WIRE_BRIDGE =
    'Engineers closed the Saltmarsh swing bridge on Wednesday after divers found a crack in one of its iron piers. ' +
    'Barge traffic on the canal will be diverted through the old lock at Pennock while repairs are made. ' +
    'The county surveyor estimated the work would cost nearly two million pounds and take until the spring.';
  const filler = Array.from({ length: 20 }, (_, k) =>
    doc(`notice${k}.txt`, `The parish council said on Monday that grant ${k} for ${['paths', 'stiles', 'gates', 'benches'][k % 4]} had been approved.`),
  );
  const refs = [doc('bridge.txt', WIRE_BRIDGE), ...filler];

  it('adds the article sentences that restate a source it copies from, and nothing without a kept passage', () => {
    const copied = 'Engineers closed the Saltmarsh swing bridge on Wednesday after divers found a crack in one of its iron piers';
    const restated = 'The work, which the county surveyor put at nearly two million pounds, is expected to last until spring.';
    const article =
      `${copied}. Anglers on the towpath said they had never seen the water so low in living memory. ` +
      'A heron stood on the broken railing for most of the morning, ignoring the crowd of children below. ' +
      'Teashop owners along the quay fear a quiet summer without the boat trips that bring in visitors from the coast. ' +
      `${restated} ` +
      'Nobody in the village can remember the bridge ever being shut for more than a week.';
    const index = ReferenceIndex.build(refs);
    const model = analyse(article);
    const kept = pairEvidenceFilter(align(model, index), model, index);
    assert.equal(kept.length, 1);
    assert.ok(!kept.some((p) => p.a.end > article.indexOf(restated)));
    assert.deepEqual(restatedSentences(kept, model, index), kept, 'off by default');
    const out = restatedSentences(kept, model, index, { restateWindow: 3 });
    assert.equal(out.length, 2);
    const r = out.find((p) => p.a.start === article.indexOf(restated))!;
    assert.ok(r, JSON.stringify(out.map((p) => article.slice(p.a.start, p.a.end))));
    assert.equal(article.slice(r.a.start, r.a.end), restated.slice(0, -1));
    assert.equal(WIRE_BRIDGE.slice(r.b.start, r.b.end), 'The county surveyor estimated the work would cost nearly two million pounds and take until the spring');
    assert.equal(r.level, 'paraphrase');
    // the anglers' sentence is the article's own
    assert.ok(out.every((p) => !article.slice(p.a.start, p.a.end).includes('Anglers')));
    assert.deepEqual(restatedSentences(kept, model, index, { restateWindow: 0 }), kept);
    assert.deepEqual(restatedSentences([], model, index, { restateWindow: 3 }), []);
  });

  it('a restatement far from the copied passage, or too unlike its source sentence, is the same facts told again', () => {
    const copied = 'Engineers closed the Saltmarsh swing bridge on Wednesday after divers found a crack in one of its iron piers';
    const restated = 'The work, which the county surveyor put at nearly two million pounds, is expected to last until spring.';
    const own =
      'Anglers on the towpath said they had never seen the water so low in living memory. ' +
      'A heron stood on the broken railing for most of the morning, ignoring the crowd of children below. ' +
      'Teashop owners along the quay fear a quiet summer without the boat trips that bring in visitors from the coast. ' +
      'At the chapel hall a jumble sale raised enough for new hymn books, the organist told the parish newsletter. ' +
      'Two schoolboys built a raft from pallets and oil drums and were sent home by the lock keeper before lunch. ';
    const article = `${copied}. ${own}${restated} Nobody in the village can remember the bridge ever being shut for more than a week.`;
    const index = ReferenceIndex.build(refs);
    const model = analyse(article);
    const kept = pairEvidenceFilter(align(model, index), model, index);
    assert.equal(kept.length, 1);
    assert.ok(article.indexOf(restated) - kept[0]!.a.end > 300);
    // more than restateNear words after the copied passage in the article: not reported
    assert.deepEqual(restatedSentences(kept, model, index, { restateWindow: 3 }), kept);
    const anyDistance = restatedSentences(kept, model, index, { restateWindow: 3, restateNear: 0 });
    assert.equal(anyDistance.length, 2);
    const r = anyDistance.find((p) => p.a.start === article.indexOf(restated))!;
    assert.equal(article.slice(r.a.start, r.a.end), restated.slice(0, -1));
    assert.equal(WIRE_BRIDGE.slice(r.b.start, r.b.end), 'The county surveyor estimated the work would cost nearly two million pounds and take until the spring');
    // word similarity below restateMinSimilarity, or too little information shared: not reported
    assert.ok(r.similarity < 0.9);
    assert.deepEqual(restatedSentences(kept, model, index, { restateWindow: 3, restateNear: 0, restateMinSimilarity: 0.9 }), kept);
    assert.deepEqual(restatedSentences(kept, model, index, { restateWindow: 3, restateNear: 0, restateMinInformation: 1000 }), kept);
  });

  describe('as one sentence pair, in the source\'s order', () => {
    // an invented harbour strike: the wire's five sentences; the article copies the first and the last
    const S1 = 'Harbour pilots at Gullhaven walked out on Thursday morning after the port authority cut their night allowance by a third without consulting the union';
    const S2 = 'Four cargo ships bound for the grain terminal were left riding at anchor in the bay while tugs stayed tied up at the quay.';
    const S3 = "The authority's chief executive, Morwenna Trask, said the allowance had been reviewed because night sailings had fallen sharply since the ferry service ended.";
    const S4 = 'Union organiser Piran Colley said members would not return until the old rate was restored and back pay settled.';
    const S5 = 'A meeting between both sides has been arranged at the harbour office on Monday with a conciliation officer from the regional council in the chair';
    const WIRE = `${S1}. ${S2} ${S3} ${S4} ${S5}.`;
    const OWN1 = 'Fishermen mending nets on the slipway watched the empty pilot boats and said they could not recall a stoppage like it in forty years of working the harbour.';
    const OWN2 = 'Children from the primary school waved at the stranded crews from the sea wall, and a cafe owner carried out flasks of tea to the men on the pier.';
    // S3 told again (its stems are found in S1 to S3, the window reported)
    const WINDOW = `${S1}. ${S2} ${S3}`.slice(0, -1);
    const RESTATED = 'Morwenna Trask, who runs the authority, told reporters the night allowance was reviewed because far fewer night sailings had run since the ferry service ended.';
    // words of S2, S3 and S4 together, restating none of them
    const SPREAD = 'Tugs and cargo ships stayed idle while the chief executive and the union organiser argued over back pay.';
    const index = ReferenceIndex.build([doc('harbour.txt', WIRE), ...filler]);
    const run = (article: string, o: Partial<AlignOptions>) => {
      const model = analyse(article);
      // the two copied sentences are the passages kept (the sentence stage may find RESTATED on its own)
      const kept = pairEvidenceFilter(align(model, index), model, index).filter((p) => p.level === 'verbatim');
      assert.deepEqual(
        kept.map((p) => WIRE.slice(p.b.start, p.b.end)),
        [S1, S5].sort((x, y) => article.indexOf(x) - article.indexOf(y)),
      );
      return restatedPairs(kept, model, index, { restateWindow: 3, ...o });
    };

    it('a restatement between two copied passages, in the source\'s order, passes the pair and order tests; spans on both sides', () => {
      const article = `${S1}. ${OWN1} ${RESTATED} ${OWN2} ${S5}.`;
      const out = run(article, { restatePairCosine: 0.6, restateBracket: true });
      assert.equal(out.length, 1);
      assert.equal(article.slice(out[0]!.a.start, out[0]!.a.end), RESTATED.slice(0, -1));
      assert.equal(WIRE.slice(out[0]!.b.start, out[0]!.b.end), WINDOW);
    });

    it('the same restatement after both copied passages is out of the source\'s order', () => {
      const article = `${S1}. ${OWN1} ${S5}. ${OWN2} ${RESTATED}`;
      const loose = run(article, {});
      assert.equal(loose.length, 1);
      assert.equal(article.slice(loose[0]!.a.start, loose[0]!.a.end), RESTATED.slice(0, -1));
      assert.equal(WIRE.slice(loose[0]!.b.start, loose[0]!.b.end), WINDOW);
      assert.equal(run(article, { restatePairCosine: 0.6 }).length, 1);
      assert.deepEqual(run(article, { restateBracket: true }), []);
    });

    it('a sentence gathered from three source sentences is no one sentence restated', () => {
      const article = `${S1}. ${OWN1} ${SPREAD} ${OWN2} ${S5}.`;
      const loose = run(article, {});
      assert.equal(loose.length, 1, 'found by the stems of three consecutive sentences');
      assert.equal(article.slice(loose[0]!.a.start, loose[0]!.a.end), SPREAD.slice(0, -1));
      assert.equal(WIRE.slice(loose[0]!.b.start, loose[0]!.b.end), `${S2} ${S3} ${S4}`.slice(0, -1));
      assert.equal(run(article, { restateBracket: true }).length, 1, 'in the source\'s order');
      assert.deepEqual(run(article, { restatePairCosine: 0.6 }), []);
    });
  });
});

describe('pairEvidenceFilter: a short run shared with a story about other people', () => {
  // An invented magistrates' court item and twenty council notices; the item's phrase about a
  // sale of a share in a cider press is shared word for word by a story about someone else entirely.
  const RUN = 'sold his share of the cider press after a quarrel with his brother over the family smallholding';
  const BENCH =
    'The bench heard that the hives stood between the yew trees and the lychgate, that the bees had stung two bellringers ' +
    'and a visiting bishop, and that the parish had asked him twice in writing to move them before the summer fete';
  const COURT =
    `Retired signalman Bartholomew Quennell, 71, told magistrates in Harrowgate that he had ${RUN}. ` +
    `Quennell was fined for keeping bees without a licence in the churchyard of St Ebba, where he is a sidesman. ${BENCH}.`;
  const filler = Array.from({ length: 20 }, (_, k) =>
    doc(`notice${k}.txt`, `The parish council said on Monday that grant ${k} for ${['paths', 'stiles', 'gates', 'benches'][k % 4]} had been approved.`),
  );
  const index = ReferenceIndex.build([doc('court.txt', COURT), ...filler]);
  const tail =
    'He now plays the washboard with a folk band that tours the harbour towns of the far west every summer, ' +
    'and says the money bought a better washboard than the old one ever was. The band releases its third album in the spring.';

  it('drops the run when the article names nobody the source names', () => {
    const article = `Drummer Lucan Ferrity ${RUN}, his agent said on Tuesday. ${tail}`;
    const model = analyse(article);
    const ps = align(model, index);
    // the aligner finds the shared run and the pair has the substance to keep it: the name test decides
    assert.equal(ps.length, 1);
    assert.equal(article.slice(ps[0]!.a.start, ps[0]!.a.end), RUN);
    assert.equal(COURT.slice(ps[0]!.b.start, ps[0]!.b.end), RUN);
    assert.equal(pairEvidenceFilter(ps, model, index, { pairSharedName: false }).length, 1);
    assert.deepEqual(pairEvidenceFilter(ps, model, index), []);
  });

  it('keeps the same run when the article is about the source\'s own man, spans on both sides', () => {
    const article = `The former signalman Bartholomew Quennell ${RUN}, a neighbour said on Tuesday. ${tail}`;
    const model = analyse(article);
    const kept = pairEvidenceFilter(align(model, index), model, index);
    const p = kept.find((q) => article.slice(q.a.start, q.a.end).includes(RUN));
    assert.ok(p, JSON.stringify(kept.map((q) => article.slice(q.a.start, q.a.end))));
    assert.ok(p.words < 40);
    assert.ok(COURT.slice(p.b.start, p.b.end).includes(RUN));
  });

  it('a passage that stands on its length needs no shared name', () => {
    const article = `Drummer Lucan Ferrity had his own brush with the bench last year. ${BENCH}. ${tail}`;
    const model = analyse(article);
    const ps = align(model, index);
    assert.equal(ps.length, 1);
    assert.equal(article.slice(ps[0]!.a.start, ps[0]!.a.end), BENCH);
    assert.ok(ps[0]!.words >= DEFAULT_ALIGN.pairStandWords, String(ps[0]!.words));
    assert.deepEqual(pairEvidenceFilter(ps, model, index), ps);
  });
});

describe('pairEvidenceFilter: phrases of the subject that several references hold', () => {
  // An invented regional archive: 300 short notices, and stories about one public inquiry. Four name the
  // inquiry, four the estuary's sluice gates, four the oyster beds, each in the same words and each
  // about something else. Those phrases are the subject's vocabulary: a story that strings them
  // together shares them with the article without being the one it was written from.
  const SUBJECTS = ['otters', 'glaciers', 'mosses', 'lighthouses', 'weevils', 'tides', 'orchards', 'quarries', 'beacons', 'ferns', 'canals', 'kestrels'];
  const notices = Array.from({ length: 300 }, (_, k) =>
    doc(`notice${k}.txt`, `Volunteers counted ${SUBJECTS[k % SUBJECTS.length]} along stretch ${k} of the county survey route and sent tallies to the museum.`),
  );
  const PEOPLE = ['Ismay Tregunna', 'Jory Nancarrow', 'Wenna Polglase', 'Demelza Hocking'];
  const subject = PEOPLE.flatMap((who, k) => [
    doc(`inquiry${k}.txt`, `${who} gave evidence to the Saltcote tidal barrage inquiry about ${SUBJECTS[k]} on day ${k + 2}.`),
    doc(`gates${k}.txt`, `Anglers blame the sluice gates on the estuary for the loss of ${SUBJECTS[k + 4]}, ${who} said.`),
    doc(`oysters${k}.txt`, `Dredging could silt up the oyster beds within a decade, ${who} warned the ${SUBJECTS[k + 8]} society.`),
  ]);
  const CLAIM = 'and the channel would need deepening by the harbour board every spring';
  const FERRYMAN =
    'The ferryman Osric Pellow told the Saltcote tidal barrage inquiry that the sluice gates on the estuary could silt up the oyster beds ' +
    `within a decade ${CLAIM}. He has worked the crossing for forty years.`;
  const index = ReferenceIndex.build([doc('ferryman.txt', FERRYMAN), ...subject, ...notices]);
  // the same three phrases strung together by other words
  const lede =
    'The harbourmaster Talwyn Jago urged the Saltcote tidal barrage inquiry to ask whether the sluice gates on the estuary might silt up ' +
    'the oyster beds within a decade';
  const tail = ' Her office overlooks the slipway, where the lifeboat crew were washing down their tractor in the rain.';

  it('drops a passage made of the phrases every story on the subject shares', () => {
    const article = `${lede}, but that the boatyards would adapt.${tail}`;
    const model = analyse(article);
    const ps = align(model, index).filter((p) => index.docs[p.doc]!.id === 'ferryman.txt');
    // the aligner finds the shared phrases, and the other tests pass them: only the subject's frequency decides
    assert.equal(ps.length, 1);
    assert.ok(article.slice(ps[0]!.a.start, ps[0]!.a.end).includes('tidal barrage inquiry to ask whether the sluice gates'));
    assert.deepEqual(pairEvidenceFilter(ps, model, index, { pairDistinctGrams: 0 }), ps);
    assert.deepEqual(pairEvidenceFilter(ps, model, index), []);
  });

  it('other stories on the subject that share a longer run with the article are no versions of the source', () => {
    // the stories naming the inquiry now share a longer run with the lede, so each aligns over its words
    const longer = PEOPLE.map((who, k) => doc(`inquiry${k}.txt`, `${who} urged the Saltcote tidal barrage inquiry to ask about ${SUBJECTS[k]} on day ${k + 2}.`));
    const idx = ReferenceIndex.build([doc('ferryman.txt', FERRYMAN), ...longer, ...subject.filter((d) => !d.id.startsWith('inquiry')), ...notices]);
    const article = `${lede}, but that the boatyards would adapt.${tail}`;
    const model = analyse(article);
    const ps = align(model, idx);
    const ferry = ps.filter((p) => idx.docs[p.doc]!.id === 'ferryman.txt');
    assert.equal(ferry.length, 1);
    assert.ok(ps.filter((p) => idx.docs[p.doc]!.id !== 'ferryman.txt').some((p) => Math.min(p.aTok[1], ferry[0]!.aTok[1]) > Math.max(p.aTok[0], ferry[0]!.aTok[0])));
    assert.ok(pairEvidenceFilter(ps, model, idx, { pairDistinctGrams: 0 }).some((p) => idx.docs[p.doc]!.id === 'ferryman.txt'));
    assert.ok(!pairEvidenceFilter(ps, model, idx).some((p) => idx.docs[p.doc]!.id === 'ferryman.txt'));
  });

  it('keeps a copy of what one source alone says beside the same phrases, spans on both sides', () => {
    const article = `${lede} ${CLAIM}.${tail}`;
    const model = analyse(article);
    const kept = pairEvidenceFilter(align(model, index), model, index);
    const p = kept.find((q) => index.docs[q.doc]!.id === 'ferryman.txt');
    assert.ok(p, JSON.stringify(kept.map((q) => article.slice(q.a.start, q.a.end))));
    assert.ok(article.slice(p.a.start, p.a.end).includes(CLAIM));
    assert.ok(FERRYMAN.slice(p.b.start, p.b.end).includes(CLAIM));
  });

  it('in a set too small to tell the subject from the story, the phrases are left to the other tests', () => {
    const small = ReferenceIndex.build([doc('ferryman.txt', FERRYMAN), ...subject]);
    assert.ok(small.documentCount < DEFAULT_ALIGN.stockMinDocs);
    const article = `${lede}, but that the boatyards would adapt.${tail}`;
    const model = analyse(article);
    // n-grams in 5 of 13 documents are not seeds by default; seeded here so that the filter can fail
    const ps = align(model, small, { commonSeedDocs: 100 });
    const kept = pairEvidenceFilter(ps, model, small);
    assert.ok(kept.some((p) => small.docs[p.doc]!.id === 'ferryman.txt'));
    assert.deepEqual(kept, pairEvidenceFilter(ps, model, small, { pairDistinctGrams: 0 }));
  });
});

describe('pairEvidenceFilter: another story of the same kind told alike (pairLooseRun)', () => {
  // An invented entertainment archive: 300 short notices, and last week's cinema chart story. This
  // week's chart story is about another film and shares the chart's phrasing here and there, in runs
  // shorter than ten words, whose n-grams few references hold.
  const SUBJECTS = ['otters', 'glaciers', 'mosses', 'lighthouses', 'weevils', 'tides', 'orchards', 'quarries', 'beacons', 'ferns', 'canals', 'kestrels'];
  const notices = Array.from({ length: 300 }, (_, k) =>
    doc(`notice${k}.txt`, `Volunteers counted ${SUBJECTS[k % SUBJECTS.length]} along stretch ${k} of the county survey route and sent tallies to the museum.`),
  );
  const LAST_WEEK =
    'Lantern keepers holds on to Vellmark chart\n\n' +
    'The seafaring drama Lantern Keepers has stayed at the top of the Vellmark cinema chart for a second weekend, taking ' +
    'four million crowns across the provinces. Its director Oswin Tregarthen thanked the islanders who built the lighthouse set by hand. ' +
    'A cartoon about a singing walrus was second, while a courtroom thriller slipped to third.';
  // other stories of the archive hold this week's story's own words, in other phrases
  const others = [
    doc('casting.txt', 'Morwenna Kitto will star as a ghost in a comedy set in a glass works by the harbour, and filming starts at a railway station in spring.'),
    doc('posters.txt', 'Posters for the new season were signed at the station by the cast, who spent three weeks rehearsing nationwide before the reign of winter, and a runner fell on the spot.'),
  ];
  const index = ReferenceIndex.build([doc('lastweek.txt', LAST_WEEK), ...others, ...notices]);
  const on = { pairLooseRun: 10, pairLooseGrams: 8, pairLooseVocabulary: 0.4 };
  const THIS_WEEK =
    'Glass harbour ends keepers reign\n\n' +
    'The ghost comedy Glass Harbour has ended the reign of Lantern Keepers at the top of the Vellmark cinema chart, taking ' +
    'three million crowns nationwide in its first weekend. Its star Morwenna Kitto spent the weekend signing posters in a railway station. ' +
    'Lantern Keepers fell to the runner-up spot after three weeks.';

  it('drops the chart phrasing another week\'s story shares, in short runs few references hold', () => {
    const model = analyse(THIS_WEEK);
    const ps = align(model, index).filter((p) => index.docs[p.doc]!.id === 'lastweek.txt');
    assert.ok(ps.length >= 1, 'the aligner pairs the chart phrasing');
    assert.ok(ps.some((p) => THIS_WEEK.slice(p.a.start, p.a.end).includes('top of the Vellmark cinema chart')));
    // the other tests keep it: the gate alone decides
    assert.deepEqual(pairEvidenceFilter(ps, model, index), ps);
    assert.deepEqual(pairEvidenceFilter(ps, model, index, on), []);
  });

  it('keeps a copy that shares a long run, spans on both sides', () => {
    const copied = 'Its director Oswin Tregarthen thanked the islanders who built the lighthouse set by hand';
    const article = `${THIS_WEEK} ${copied}.`;
    const model = analyse(article);
    const kept = pairEvidenceFilter(align(model, index), model, index, on);
    const p = kept.find((q) => article.slice(q.a.start, q.a.end).includes(copied));
    assert.ok(p, JSON.stringify(kept.map((q) => article.slice(q.a.start, q.a.end))));
    assert.ok(LAST_WEEK.slice(p.b.start, p.b.end).includes(copied));
  });

  it('keeps a retelling of the source\'s own story, which holds most of the article\'s words', () => {
    const retold =
      'Lantern Keepers stays top\n\n' +
      "Lantern Keepers, Oswin Tregarthen's seafaring drama, is still at the top of the Vellmark cinema chart. Islanders made its lighthouse " +
      'set, and were thanked by the director; crowns, four million of them, came in from the provinces. Second: a walrus cartoon; third: the courtroom thriller.';
    const model = analyse(retold);
    const ps = align(model, index).filter((p) => index.docs[p.doc]!.id === 'lastweek.txt');
    assert.ok(ps.length >= 1);
    const kept = pairEvidenceFilter(ps, model, index, on);
    assert.deepEqual(kept, ps);
    assert.ok(kept.some((p) => retold.slice(p.a.start, p.a.end).includes('top of the Vellmark cinema chart') && LAST_WEEK.slice(p.b.start, p.b.end).includes('top of the Vellmark cinema chart')));
    // held by the source or not, the words of the article decide: read as another story, the same passages would go
    assert.deepEqual(pairEvidenceFilter(ps, model, index, { ...on, pairLooseVocabulary: 1.1 }), []);
  });
});

describe('resolveAcross', () => {
  /** A hand-made passage: article tokens [a0, a1) ↔ reference tokens [b0, b1) of document `doc` (5 characters a token). */
  const passage = (doc: number, a0: number, a1: number, b0: number, b1: number, similarity: number, level: Passage['level'] = 'paraphrase'): Passage => ({
    doc,
    a: { start: 5 * a0, end: 5 * a1 - 1 },
    b: { start: 5 * b0, end: 5 * b1 - 1 },
    aTok: [a0, a1],
    bTok: [b0, b1],
    similarity,
    level,
    words: a1 - a0,
  });
  const spans = (ps: Passage[]) => ps.map((p) => [p.doc, p.a.start, p.a.end, p.b.start, p.b.end]);

  it('a case put aside by a stronger passage drops no case of the source it overlaps', () => {
    // source 0: a loose summary case over article words 0–100 (its reference side 0–400)
    const summary = passage(0, 0, 100, 0, 400, 0.16);
    // source 1: a case over article words 30–90, more similar than the summary
    const middle = passage(1, 30, 90, 10, 70, 0.25);
    // source 2: an n-gram passage over article words 40–80, more similar still
    const strong = passage(2, 40, 80, 200, 240, 0.36);
    const kept = resolveAcross([summary, middle, strong], new Set([summary, middle]));
    assert.deepEqual(spans(kept), spans([summary, strong]));
    // with the strong passage gone, the middle case stands and takes the stretch from the summary
    assert.deepEqual(spans(resolveAcross([summary, middle], new Set([summary, middle]))), spans([middle]));
  });

  it('of two verbatim cases of different sources over the same words, the stronger stands', () => {
    const strong = passage(0, 0, 40, 0, 40, 0.9, 'verbatim');
    const weak = passage(1, 5, 40, 100, 135, 0.8, 'verbatim');
    assert.deepEqual(spans(resolveAcross([strong, weak], new Set([strong, weak]))), spans([strong]));
    assert.deepEqual(spans(resolveAcross([weak, strong], new Set([strong, weak]))), spans([strong]));
  });

  it('a verbatim passage of another source drops a case half of whose words it covers', () => {
    const c = passage(0, 0, 40, 0, 40, 0.9);
    const exact = passage(1, 10, 30, 50, 70, 1, 'verbatim');
    assert.deepEqual(spans(resolveAcross([c, exact], new Set([c]))), spans([exact]));
    // under half of the case covered: both stand
    const short = passage(1, 10, 25, 50, 65, 1, 'verbatim');
    assert.deepEqual(spans(resolveAcross([c, short], new Set([c]))), spans([c, short]));
  });
});

describe('align: stock passages by the reference set\'s n-gram frequency (leanDistinctGrams)', () => {
  // An invented archive: 80 short notices, and five pages about bell ringing that give the guild's
  // definition of chiming in the same words. The source gives it too, then something only it says.
  const SUBJECTS = ['otters', 'glaciers', 'mosses', 'lighthouses', 'weevils', 'tides', 'orchards', 'quarries', 'beacons', 'ferns', 'canals', 'kestrels'];
  const notices = Array.from({ length: 80 }, (_, k) =>
    doc(`notice${k}.txt`, `Volunteers counted ${SUBJECTS[k % SUBJECTS.length]} along stretch ${k} of the county survey route and sent tallies to the museum.`),
  );
  const DEF = 'it is called chiming when all of the bells hang dead and the clapper alone is swung against each of them';
  const pages = ['Ashcombe', 'Brindley', 'Cotterell', 'Dunmore', 'Everleigh'].map((v, k) =>
    doc(`guild${k}.txt`, `At ${v} ${DEF}, and the ringers meet on ${SUBJECTS[k]} evenings to practise the old changes for weddings in the parish.`),
  );
  const SOURCE =
    `In those old parishes ${DEF} by the ringers. The Tollbridge guild has taught it to schoolchildren since the war, ` +
    'and its oldest bell was cast from a melted cannon that washed up on the shingle after a winter storm.';
  const index = ReferenceIndex.build([doc('source.txt', SOURCE), ...pages, ...notices]);
  const fromSource = (ps: Passage[]) => ps.filter((p) => index.docs[p.doc]!.id === 'source.txt');
  const on = { leanDistinctGrams: 3 };

  it('drops a loose retelling of the definition every page on the subject gives, and keeps one of what only the source says', () => {
    const stock =
      'Chiming, as it is called at the abbey, is when all of the bells hang dead, so that the clapper alone is made to strike each of them, ' +
      'the vergers told visitors.';
    const model = analyse(stock);
    const off = fromSource(align(model, index, { leanDistinctGrams: 0 }));
    // found, as a paraphrase sharing a few words and phrases five other pages hold
    assert.equal(off.length, 1);
    assert.equal(off[0]!.level, 'paraphrase');
    assert.ok(stock.slice(off[0]!.a.start, off[0]!.a.end).includes('all of the bells hang dead'));
    assert.ok(SOURCE.slice(off[0]!.b.start, off[0]!.b.end).includes('all of the bells hang dead'));
    assert.deepEqual(fromSource(align(model, index, on)), []);
    // off by default
    assert.deepEqual(fromSource(align(model, index)), off);

    const copy =
      'Schoolchildren have been taught chiming by the Tollbridge guild ever since the war, and the oldest of its bells came from a melted ' +
      'cannon the sea washed up on the shingle in a winter storm, the guild says. The choir will sing at the harvest supper.';
    const kept = fromSource(align(analyse(copy), index, on));
    assert.equal(kept.length, 1);
    assert.equal(kept[0]!.level, 'paraphrase');
    assert.equal(copy.slice(kept[0]!.a.start, kept[0]!.a.end), copy.slice(0, copy.indexOf('. The choir')));
    assert.equal(SOURCE.slice(kept[0]!.b.start, kept[0]!.b.end), SOURCE.slice(SOURCE.indexOf('The Tollbridge'), SOURCE.length - 1));
  });
});
