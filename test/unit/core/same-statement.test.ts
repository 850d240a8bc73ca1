import { strict as assert } from 'node:assert';
import { compareSentences, factTokens, type SlotDiff } from '../../../src/core/facts/compare';
import { directionDiffers, incrementDiffers, nameList, sameQuotation, otherFiguresDiffer, ownDatesRepeated, ownFiguresRepeated, onlySwap, quoteCreditDiffers, sameNamed, sameStatement, sameWordsContracted, strayFiguresDiffer, timeAnchorReworded, timeOfDayDiffers, titleMoved, valueElsewhere } from '../../../src/core/facts/same-statement';

// Invented sentences about a made-up harbour town.

/** The pair's one slot difference, and whether the pair counts as the same statement for it. */
function judge(src: string, art: string): { kind: string; same: boolean } {
  const s = factTokens(src);
  const a = factTokens(art);
  const diffs: SlotDiff[] = compareSentences(s, a).diffs;
  assert.equal(diffs.length, 1, `one slot difference expected, got ${diffs.map((d) => d.kind).join(', ') || 'none'}`);
  const d = diffs[0]!;
  const sv = src.slice(s[d.src[0]]?.start ?? 0, s[d.src[1] - 1]?.end ?? 0);
  const av = art.slice(a[d.art[0]]?.start ?? 0, a[d.art[1] - 1]?.end ?? 0);
  return { kind: d.kind, same: sameStatement(s, src, a, art, d, sv, av) };
}

describe('facts/same-statement: is the pair clearly the same statement', () => {
  it('a stock sentence with two content words is not; the same with more shared words is', () => {
    assert.equal(judge('He was jailed for five years.', 'Dunmore was jailed for seven years.').same, false);
    assert.equal(judge('The trawler skipper was jailed for five years at Harbour Crown Court.', 'The trawler skipper was jailed for seven years at Harbour Crown Court.').same, true);
  });
  it('a slot held by no shared word beside it in its clause is not ("in" alone holds nothing)', () => {
    assert.equal(judge('The crews said the operator had bought the slipway in April 1997.', 'The crews said the operator had bought the slipway from the council, which had built it in 1995.').same, false);
    assert.equal(judge('The crews said the operator had bought the slipway in April 1997 for the ferries.', 'The crews said the operator had bought the slipway in April 1995 for the ferries.').same, true);
  });
  it('a day of the week ending both sentences after the same word is held by the end; a month there is not', () => {
    assert.equal(judge('The new ferry sails from Brisk harbour tomorrow and along the whole coast and the islands on Friday.', 'The new ferry sails from Brisk harbour tomorrow and along the whole coast on Saturday.').same, true);
    // the same with a month: another month's sailing as often as a changed one
    assert.equal(judge('The new ferry sails from Brisk harbour tomorrow and along the whole coast and the islands in March.', 'The new ferry sails from Brisk harbour tomorrow and along the whole coast in June.').same, false);
    // the day ends one sentence only: the end holds nothing
    assert.equal(judge('The new ferry sails from Brisk harbour tomorrow and along the whole coast and the islands on Friday.', 'The new ferry sails from Brisk harbour tomorrow and along the whole coast on Saturday, weather permitting.').same, false);
  });
  it('a name across a clause break is not held by the words after the break', () => {
    assert.equal(judge('Mr Reyle: "Did you not tell the crews that the ferry was unsafe?"', 'The skipper asked of Captain Lund: "Did you not tell the crews that the ferry was unsafe?"').same, false);
    assert.equal(judge('Mr Reyle told the inquiry that the ferry had been unsafe for months.', 'Mr Lund told the inquiry that the ferry had been unsafe for months.').same, true);
  });
  it('a claim is not a ruling', () => {
    assert.equal(judge('The skipper claimed the harbour master had been negligent when the ferry left the quay.', 'The magistrates ruled the harbour master had not been negligent when the ferry left the quay.').same, false);
    assert.equal(judge('The skipper claimed the harbour master had been negligent when the ferry left the quay.', 'The skipper claimed the harbour master had not been negligent when the ferry left the quay.').same, true);
  });
  it('another occasion: the previous survey is not the latest', () => {
    assert.equal(judge('In the latest harbour survey, carried out in May, the crews backed the strike.', 'In the previous harbour survey, carried out in March, the crews backed the strike.').same, false);
    assert.equal(judge('In the latest harbour survey, carried out in May, the crews backed the strike.', 'In the latest harbour survey, carried out in March, the crews backed the strike.').same, true);
  });
  it("the source's figure stated elsewhere in the article sentence: another figure of the statement", () => {
    assert.equal(judge('The two skippers were jailed at the harbour court in 1997 for smuggling diesel.', 'The two skippers were jailed at the harbour court in 1996 for smuggling diesel they had bought in 1997.').same, false);
    assert.equal(judge('The two skippers were jailed at the harbour court in 1997 for smuggling diesel.', 'The two skippers were jailed at the harbour court in 1996 for smuggling diesel.').same, true);
  });
  it('one of two equal figures changed still differs', () => {
    assert.equal(judge('Three crew members were jailed for three years for the smuggling run.', 'Three crew members were jailed for six years for the smuggling run.').same, true);
  });
  it('a range in words against the same range in figures is the same value', () => {
    assert.equal(judge('The skipper valued the fleet at two to three million pounds, the harbour court heard.', 'The skipper valued the fleet at between £2 million and £3 million, the harbour court heard.').same, false);
  });
  it('a sum of the source\'s parts is not a changed count', () => {
    assert.equal(judge('The skipper, who denied 15 counts of smuggling diesel and four of forging papers, was remanded in custody.', 'The skipper, who denied 19 counts of smuggling diesel, was remanded in custody.').same, false);
    assert.equal(judge('The skipper, who denied 15 counts of smuggling diesel and four of forging papers, was remanded in custody.', 'The skipper, who denied 17 counts of smuggling diesel and four of forging papers, was remanded in custody.').same, true);
  });
  it('an age is not another detail of the person; an age against an age is compared', () => {
    assert.equal(judge('Mrs Dunmore, a mother of four, was given the harbour award in 1998 for rescuing the crew.', 'Mrs Dunmore, 61, was given the harbour award in 1998 for rescuing the crew.').same, false);
    assert.equal(judge('Mrs Dunmore, 59, was given the harbour award in 1998 for rescuing the crew.', 'Mrs Dunmore, 61, was given the harbour award in 1998 for rescuing the crew.').same, true);
  });
  it('a county and its abbreviation are one place, Games and Olympics one event; two counties are not', () => {
    assert.equal(sameNamed('Lincs', 'Lincolnshire'), true);
    assert.equal(sameNamed('Oxon.', 'Oxfordshire'), true);
    assert.equal(sameNamed('Games', 'Olympics'), true);
    assert.equal(sameNamed('Norfolk', 'Lincolnshire'), false);
    assert.equal(sameNamed('Lincs', 'Hampshire'), false);
  });
  it('a name inside a list of names (a team sheet) is another member; the same names in a statement are compared', () => {
    const sheet = 'A Reyle; Tomas Lund, W Okafor, A Brandt, L Sarre; M Dunmore, D Kettle (capt), P Marsh, Jonas Vell, S Harbin.';
    const changed = 'A Reyle; Tomas Lund, W Okafor, A Brandt, L Sarre; M Dunmore, D Kettle (capt), P Marsh, Greta Coll, S Harbin.';
    assert.equal(judge(sheet, changed).same, false);
    assert.equal(judge('Tomas Reyle told the harbour inquiry that the ferry had been unsafe for months.', 'Petra Lund told the harbour inquiry that the ferry had been unsafe for months.').same, true);
    assert.equal(nameList('Subs not used: Reyle, Lund, Okafor, Brandt.', factTokens('Subs not used: Reyle, Lund, Okafor, Brandt.')), true);
    const prose = 'Mr Reyle, Mr Lund and the crews of the Harbour Star met in May, in June and in July.';
    assert.equal(nameList(prose, factTokens(prose)), false);
  });
  it('a title word that stands elsewhere in the source sentence moved to another person; another title is a change', () => {
    const src = 'The skipper appealed to the judge at the harbour inquiry to stop the barrister asking him about the fire.';
    const moved = judge(src, 'The skipper appealed to the barrister at the harbour inquiry to stop asking him about the fire.');
    assert.deepEqual(moved, { kind: 'title', same: false });
    const other = judge('The skipper appealed to the judge at the harbour inquiry to stop asking him about the fire.', 'The skipper appealed to the coroner at the harbour inquiry to stop asking him about the fire.');
    assert.deepEqual(other, { kind: 'title', same: true });
    const s = factTokens(src);
    const a = factTokens('The skipper appealed to the coroner at the harbour inquiry to stop the barrister asking him about the fire.');
    const d = compareSentences(s, a).diffs[0]!;
    assert.equal(titleMoved(s, a, d), false);
  });
  it('a title word both sentences have outside the slot stayed where it was: the slot changed', () => {
    const src = 'The Recorder of Brisk, Judge Tomas Reyle, told the skipper he had put the crews in danger.';
    const art = 'The Judge of Brisk, Judge Tomas Reyle, told the skipper he had put the crews in danger.';
    const s = factTokens(src);
    const a = factTokens(art);
    const d = compareSentences(s, a).diffs[0]!;
    assert.equal(d.kind, 'title');
    assert.equal(titleMoved(s, a, d), false);
    // the article drops the second "Judge": the word may have moved
    const a2 = factTokens('The Judge of Brisk, Tomas Reyle, told the skipper he had put the crews in danger.');
    const d2 = compareSentences(s, a2).diffs.find((x) => x.kind === 'title')!;
    assert.equal(titleMoved(s, a2, d2), true);
  });
});

describe('facts/same-statement: another occasion read in the pair', () => {
  const read = (s: string, a: string) => {
    const src = factTokens(s);
    const art = factTokens(a);
    const c = compareSentences(src, art);
    return { src, art, c, d: c.diffs[0]! };
  };
  it('otherFiguresDiffer: a second region with one other figure a side; not a date nor a sum', () => {
    const x = read('Marla Oduya has 312 votes and Petra Lund trails with 96 after the count.', 'Marla Oduya has 27 votes and Petra Lund trails with 9 after the count.');
    assert.equal(x.d.kind, 'number');
    assert.equal(otherFiguresDiffer(x.src, x.art, x.c.regions, x.d), true);
    const y = read('Ivo Brandt, 41, was held in the harbour cells to appear again on October 3.', 'Ivo Brandt, 44, was held in the harbour cells on three theft charges.');
    assert.equal(otherFiguresDiffer(y.src, y.art, y.c.regions, y.d), false);
  });
  it('a list of names with ages: other ages changed too do not make another occasion', () => {
    const s = 'The crew named were Tomas Reyle, 41, Petra Lund, 37, Marla Oduya, 52, Ivo Brandt, 29, Ada Quill, 61, and Nell Okafor, 33.';
    const a = 'The crew named were Tomas Reyle, 41, Petra Lund, 39, Marla Oduya, 52, Ivo Brandt, 28, Ada Quill, 61, and Nell Okafor, 33.';
    const x = read(s, a);
    assert.equal(otherFiguresDiffer(x.src, x.art, x.c.regions, x.d), true);
    assert.equal(sameStatement(x.src, s, x.art, a, x.d, '37', '39', x.c.regions), true);
  });
  it('timeOfDayDiffers and timeAnchorReworded', () => {
    const x = read('Shares were up 6% by noon on Monday after the offer.', 'Shares closed up 4% on Monday after the offer.');
    assert.equal(timeOfDayDiffers(x.src, x.art, x.d), true);
    const y = read('Shares were up 6% by noon on Monday after the offer.', 'Shares were up 4% by noon on Monday after the offer.');
    assert.equal(timeOfDayDiffers(y.src, y.art, y.d), false);
    const z = read("Going into Thursday's ballot, the union held a 40-seat lead.", 'Going into Grand Thursday, the union held a 12-seat lead.');
    assert.equal(timeAnchorReworded(z.src, z.art, z.c.regions, z.d), true);
    const w = read('The raid on September 22 left the union with a 40-seat lead.', 'The raid last Wednesday left the union with a 12-seat lead.');
    assert.equal(timeAnchorReworded(w.src, w.art, w.c.regions, w.d), false);
  });
});

describe('facts/same-statement: another round, revision or report read in the pair', () => {
  const read = (s: string, a: string) => {
    const src = factTokens(s);
    const art = factTokens(a);
    const c = compareSentences(src, art);
    return { src, art, c, d: c.diffs[0]! };
  };
  it('strayFiguresDiffer: a second figure of one unit split over two regions; not details of other kinds', () => {
    const x = read('The kelp price slipped at the quay sale this week, with the harbour index dropping off nine cents, to 612 cents a tray clean.', 'The kelp price held at the quay sale this week, with the harbour index closing at 640 cents a tray, down just three cents.');
    assert.equal(x.d.kind, 'number');
    assert.equal(strayFiguresDiffer(x.src, x.art, x.c.regions, x.d), true);
    const y = read('Ivo Brandt, 41, of Kestrel Bay, was convicted of two thefts and a burglary at the quay.', 'Ivo Brandt was jailed for 6 years after being convicted of five thefts and a burglary at the quay.');
    assert.equal(y.d.kind, 'number');
    assert.equal(strayFiguresDiffer(y.src, y.art, y.c.regions, y.d), false);
  });
  it('strayFiguresDiffer: several stray figures on a side, one of them of the other side\'s unit; not of other units', () => {
    const src = "The town's jobless rate is 3 per cent, below the coastal average of 4.2 per cent.";
    // the slot read over the coastal average (4.2 / 4); the other figures are strays of one unit
    const slot = (art: string) => {
      const x = read(src, art);
      const d = x.c.diffs.find((v) => x.src.slice(v.src[0], v.src[1]).some((t) => t.low === '4.2'))!;
      assert.equal(d?.kind, 'number');
      return strayFiguresDiffer(x.src, x.art, x.c.regions, d);
    };
    assert.equal(slot("The town's jobless rate, 6 per cent this winter against 9 per cent in 1996, still sits over the coastal average of 4 per cent."), true);
    assert.equal(slot("With 30 boats laid up and 12 crews idle, the town's jobless rate remains above the coastal average of 4 per cent."), false);
  });
  it('incrementDiffers: "another" before one side\'s figure only', () => {
    const x = read('Berths at the north quay have been cut by another 30 per cent.', 'Berths at the north quay have been cut by 15 per cent.');
    assert.equal(incrementDiffers(x.src, x.art, x.d), true);
    assert.equal(incrementDiffers(x.art, x.src, { ...x.d, src: x.d.art, art: x.d.src }), true);
    const y = read('Berths at the north quay have been cut by another 30 per cent.', 'Berths at the north quay have been cut by another 15 per cent.');
    assert.equal(incrementDiffers(y.src, y.art, y.d), false);
  });
  it('directionDiffers: lowered against lifted; particles ("broke down", "breaking up") are no direction', () => {
    const x = read('The port trust has lifted its expected dues for the summer season by $5 a berth.', 'The port trust has lowered its expected dues for the summer season by $4 a berth.');
    assert.equal(directionDiffers(x.src, x.art, x.d), true);
    const y = read('A skipper was cleared of striking three crewmen while breaking up a brawl at the quay.', 'A skipper broke down as he was cleared of striking six crewmen at the quay.');
    assert.equal(directionDiffers(y.src, y.art, y.d), false);
  });
  it('ownFiguresRepeated: each text repeats its own figure; not when the article states the source\'s figure too', () => {
    const srcText = 'Harbour dues index rises 9pc\nThe Kestrel Bay harbour dues index is up nearly 9 per cent on a year earlier.\n';
    const artText = 'Harbour dues index up 3.5pc\nThe Kestrel Bay harbour dues index for May was up 3.5 per cent on a year earlier.\n';
    const src = factTokens(srcText, srcText.indexOf('The'));
    const art = factTokens(artText, artText.indexOf('The'));
    const d = compareSentences(src, art).diffs.find((x) => x.kind === 'number')!;
    assert.ok(d);
    assert.equal(ownFiguresRepeated(src, srcText, art, artText, d), true);
    const artText2 = 'Harbour dues index up 9pc\nThe Kestrel Bay harbour dues index for May was up 3.5 per cent on a year earlier.\n';
    const art2 = factTokens(artText2, artText2.indexOf('The'));
    const d2 = compareSentences(src, art2).diffs.find((x) => x.kind === 'number')!;
    assert.equal(ownFiguresRepeated(src, srcText, art2, artText2, d2), false);
  });
});

describe('facts/same-statement: a speaker sentence whose content is its quotation', () => {
  const read = (s: string, a: string) => {
    const src = factTokens(s);
    const art = factTokens(a);
    const c = compareSentences(src, art);
    return { src, art, c, d: c.diffs[0]! };
  };
  it('sameQuotation: both quote the same words after the name; not when only the frame is shared', () => {
    const s = 'Mr Reyle told him: "It was just to say he is not the only one."';
    const a = 'Mr Lund replied: "It was just to say he is not the only one."';
    const x = read(s, a);
    assert.equal(x.d.kind, 'name');
    assert.equal(sameQuotation(x.src, s, x.art, a, x.d, x.c.regions), true);
    assert.equal(sameStatement(x.src, s, x.art, a, x.d, 'Reyle', 'Lund', x.c.regions), true);
    // the other's words asked about inside a quotation of one's own: another statement
    const s3 = 'Mr Reyle: "More or less entirely, it is accurate."';
    const a3 = 'Mr Lund seized on the answer, asking: "What do you mean, more or less entirely?"';
    const z = read(s3, a3);
    assert.equal(z.d.kind, 'name');
    assert.equal(sameQuotation(z.src, s3, z.art, a3, z.d, z.c.regions), false);
    assert.equal(sameStatement(z.src, s3, z.art, a3, z.d, 'Reyle', 'Lund', z.c.regions), false);
    const a4 = 'Here Mr Lund stopped for a moment, before saying: "More or less entirely?"';
    const w = read(s3, a4);
    assert.equal(w.d.kind, 'name');
    assert.equal(sameStatement(w.src, s3, w.art, a4, w.d, 'Reyle', 'Lund', w.c.regions), true);
    const s2 = 'Mr Reyle died later in hospital.';
    const a2 = 'Mr Lund died in hospital.';
    const y = read(s2, a2);
    assert.equal(y.d.kind, 'name');
    assert.equal(sameQuotation(y.src, s2, y.art, a2, y.d, y.c.regions), false);
    assert.equal(sameStatement(y.src, s2, y.art, a2, y.d, 'Reyle', 'Lund', y.c.regions), false);
  });
  it("quoteCreditDiffers: one name is the quotation's speaker, the other is not; both speakers are compared", () => {
    const q = '"Who will pay the crews when the ferries stop running for good?"';
    const s = `At the rally the union carried a banner showing the harbour master and Mr Reyle beside the slogan ${q}`;
    const a = `Mr Lund asked: ${q}`;
    const x = read(s, a);
    assert.equal(x.d.kind, 'name');
    assert.equal(quoteCreditDiffers(x.src, s, x.art, a, x.d, x.c.regions), true);
    assert.equal(sameStatement(x.src, s, x.art, a, x.d, 'Reyle', 'Lund', x.c.regions), false);
    const s2 = `At the inquiry on Wednesday, Mr Reyle told the harbour board: ${q}`;
    const y = read(s2, a);
    assert.equal(y.d.kind, 'name');
    assert.equal(quoteCreditDiffers(y.src, s2, y.art, a, y.d, y.c.regions), false);
    assert.equal(sameStatement(y.src, s2, y.art, a, y.d, 'Reyle', 'Lund', y.c.regions), true);
    // a transcript's colon credits the quotation as a reporting verb does
    const s3 = `Mr Reyle: ${q}`;
    const z = read(s3, a);
    assert.equal(z.d.kind, 'name');
    assert.equal(quoteCreditDiffers(z.src, s3, z.art, a, z.d, z.c.regions), false);
    // a pronoun's reporting aside after the name credits the writer's speaker, not the name
    const s5 = 'Ms Reyle, who also won her costs, hoped to "sail again with a clean name from the harbour".';
    const a5 = 'Ms Lund, he added, hoped to "sail again with a clean name from the harbour".';
    const v = read(s5, a5);
    assert.equal(v.d.kind, 'name');
    assert.equal(quoteCreditDiffers(v.src, s5, v.art, a5, v.d, v.c.regions), false);
    // a reporting verb after the name credits it
    const a6 = 'Ms Lund, who also won her costs, added: "sail again with a clean name from the harbour".';
    const u = read(s5, a6);
    assert.equal(u.d.kind, 'name');
    assert.equal(quoteCreditDiffers(u.src, s5, u.art, a6, u.d, u.c.regions), true);
    // words the article quotes and the source reports unquoted are no shared quotation
    const s4 = 'The chairman urged Mr Reyle to keep his remarks to the harbour board, and Mr Reyle said: "The quay is all I have worked for."';
    const a4 = 'The chairman cut in, telling Mr Lund to "keep his remarks to the harbour board".';
    const w = read(s4, a4);
    assert.equal(w.d.kind, 'name');
    assert.equal(quoteCreditDiffers(w.src, s4, w.art, a4, w.d, w.c.regions), false);
  });
  it("valueElsewhere: the article's figure stated in the source sentence outside its slot; not when the article states it more often", () => {
    const src = 'The port trust has set a berth fee of $140 for each trawler, a rise of about $6 on last year.';
    const x = read(src, 'The port trust has set a $6 rise for each trawler on last year.');
    assert.equal(x.d.kind, 'number');
    assert.equal(valueElsewhere(x.src, x.art, x.d), true);
    const y = read(src, 'The port trust has set a berth fee of $6 for each trawler, a rise of about $6 on last year.');
    assert.equal(y.d.kind, 'number');
    assert.equal(valueElsewhere(y.src, y.art, y.d), false);
  });
});

describe('facts/same-statement: a short sentence copied whole around a title or a name', () => {
  const read = (s: string, a: string) => {
    const src = factTokens(s);
    const art = factTokens(a);
    const c = compareSentences(src, art);
    assert.equal(c.diffs.length, 1, `one slot difference expected, got ${c.diffs.map((d) => d.kind).join(', ') || 'none'}`);
    const d = c.diffs[0]!;
    const value = (text: string, toks: typeof src, r: [number, number]) => text.slice(toks[r[0]]!.start, toks[r[1] - 1]!.end);
    return { kind: d.kind, swap: onlySwap(c.regions, d), same: sameStatement(src, s, art, a, d, value(s, src, d.src), value(a, art, d.art), c.regions) };
  };
  it('a title or a name swapped word for word, the rest copied or one word for one word: two shared content words are enough', () => {
    assert.deepEqual(read('The night magistrate has not been named.', 'The night judge has not been named.'), { kind: 'title', swap: true, same: true });
    assert.deepEqual(read('He was quietly teaching Mr Reyle a lesson.', 'He was firmly teaching Mr Lund a lesson.'), { kind: 'name', swap: true, same: true });
  });
  it('not with a word dropped or added beside it, nor for a figure', () => {
    assert.deepEqual(read('The night magistrate has still not been named.', 'The night judge has not been named.'), { kind: 'title', swap: false, same: false });
    assert.deepEqual(read('He was jailed for five years.', 'He was jailed for seven years.'), { kind: 'number', swap: false, same: false });
  });
});

describe('facts/same-statement: a title in a rewording is held by the words beside the rewording', () => {
  it('a title at the edge of a region naming the person: the shared word after the region holds it', () => {
    const q = ' "The crews knew the harbour rules well."';
    const x = judge(`The judge broke in:${q}`, `The magistrate, Mr Tomas Reyle, broke in:${q}`);
    assert.deepEqual(x, { kind: 'title', same: true });
    // other words after the region on each side: nothing holds it
    const y = judge(`The judge broke in:${q}`, `The magistrate, Mr Tomas Reyle, then added:${q}`);
    assert.equal(y.same, false);
  });
  it('a region before the title, its name moved, is read on its own: the title is held beside its own region', () => {
    assert.deepEqual(judge("Brisk Harbour's First Minister Tomas Reyle is to be called to give evidence at the inquiry.", "Tomas Reyle, Brisk Harbour's First Secretary, is to give evidence at the inquiry."), { kind: 'title', same: true });
  });
});

describe('facts/same-statement: each text keeps to its own month', () => {
  const read = (srcText: string, artText: string, first: string) => {
    const line = (text: string) => factTokens(text, text.indexOf(first), text.indexOf('\n', text.indexOf(first)));
    const src = line(srcText);
    const art = line(artText);
    const d = compareSentences(src, art).diffs.find((x) => x.kind === 'date')!;
    assert.ok(d, 'a date slot');
    return ownDatesRepeated(src, srcText, art, artText, d);
  };
  it('ownDatesRepeated: each text names its own month again; not when the article names the source\'s month as often', () => {
    const srcText = 'Berth fees cut for November\nBerth fees were cut for November, the port trust said on its notice board.\nThey had stood at 101 in October.\n';
    const artText = 'Quiet winter at the quay\nBerth fees were cut for December, the port trust said on its notice board.\nOver the year to December fees rose, against a smaller rise to November.\nDecember is the quietest month.\n';
    assert.equal(read(srcText, artText, 'Berth fees were'), true);
    // a month changed in error: the rest of the article keeps the source's month
    const artText2 = 'Berth fees cut for November\nBerth fees were cut for December, the port trust said on its notice board.\nThey had stood at 101 in October.\n';
    assert.equal(read(srcText, artText2, 'Berth fees were'), false);
  });
});

describe('facts/same-statement: dates held by the words beside them', () => {
  it('"May" capitalised before a year is the month, a word that holds the year; "in" alone holds nothing', () => {
    assert.deepEqual(judge('There was then a long gap before the next raid, at the Brisk quay car park in May 1993.', 'There was a long gap before the next raid on the quay in May 1996.'), { kind: 'date', same: true });
    assert.deepEqual(judge('There was then a long gap before the next raid, at the Brisk quay car park in June 1993.', 'There was a long gap before the next raid on the quay in June 1996.'), { kind: 'date', same: true });
    // "in" alone before the year holds nothing
    assert.equal(judge('There was then a long gap before the next raid, at the Brisk quay car park in 1993.', 'There was a long gap before the next raid on the quay in 1996.').same, false);
  });
  it('a date at the edge of a rewording is held by the words beside the whole date', () => {
    assert.deepEqual(judge('The ferrymen were all detained at a picket by the new slipway at Brisk harbour on July 26 1999.', 'The 28 ferrymen were detained at a picket by the new slipway on 26 July 1996, and dispute every count.'), { kind: 'date', same: true });
    assert.deepEqual(judge('Ilse Reyle denies scuttling the ferry Kestrel at the quay at Brisk on February 19, last year.', 'Reyle, 28, denies scuttling the Kestrel in July last year.'), { kind: 'date', same: true });
  });
  it('a day of the month moved to the other side of the month is held by the words beside the whole date', () => {
    assert.deepEqual(judge('Reyle denies sinking the ferry at the quay in Brisk on 24 March this year.', 'Mr Reyle denies sinking the ferry at the quay in Brisk on March 16 this year.'), { kind: 'date', same: true });
  });
});

describe('facts/same-statement: contractions', () => {
  it('a contraction written out is the same words; another word is not', () => {
    assert.ok(sameWordsContracted(["that's", 'simply'], ['that', 'is', 'simply']));
    assert.ok(sameWordsContracted(["didn't"], ['did', 'not']));
    assert.ok(sameWordsContracted(["won't"], ['will', 'not']));
    assert.ok(sameWordsContracted(["we'll", 'go'], ['we', 'will', 'go']));
    assert.ok(!sameWordsContracted(["that's"], ['that', 'was']));
    assert.ok(!sameWordsContracted(["didn't"], ['did']));
  });
});
