import { strict as assert } from 'node:assert';
import { compareSentences, factTokens } from '../../../src/core/facts/compare';
import { statementPairs, stemDice, storyEvidence } from '../../../src/core/facts/pairs';
import { candidateDocScores } from '../../../src/core/attribution/analysis';
import { makeContext } from '../../../src/core/engine';
import { ReferenceIndex } from '../../../src/core/reference-index';
import { resolveSettings } from '../../../src/core/settings';
import { isRounding, numberInWords, quantities } from '../../../src/core/facts/quantity';

describe('facts/quantity', () => {
  const q = (s: string) => quantities(factTokens(s).map((t) => t.low));
  it('normalises digits, words, separators, multipliers and per cent', () => {
    assert.equal(q('forty')[0]!.value, 40);
    assert.equal(q('forty-five')[0]!.value, 45);
    assert.equal(q('two hundred and ten')[0]!.value, 210);
    assert.equal(q('12,500')[0]!.value, 12500);
    assert.equal(q('£1.2m')[0]!.value, 1.2e6);
    assert.equal(q('£1.2 million')[0]!.value, 1.2e6);
    assert.equal(q('£1.2m')[0]!.kind, 'money');
    assert.equal(q('40 per cent')[0]!.value, 0.4);
    assert.equal(q('40%')[0]!.value, 0.4);
    assert.equal(q('40 percent')[0]!.kind, 'percent');
    assert.equal(q('half')[0]!.value, 0.5);
    assert.equal(q('1998')[0]!.kind, 'year');
    assert.equal(q('10.30pm')[0]!.kind, 'time');
    assert.equal(q('10.30pm')[0]!.value, 22 * 60 + 30);
  });
  it('a country before "dollars" names the currency', () => {
    assert.equal(q('5,000 US dollars')[0]!.currency, 'USD');
    assert.equal(q('5,000 US dollars')[0]!.kind, 'money');
    assert.equal(q('2m Hong Kong dollars')[0]!.currency, 'HK-USD');
    assert.equal(q('5,000 US')[0]!.currency, undefined, 'a country alone is no currency');
  });
  it('rounding that keeps the meaning', () => {
    const [a] = q('39.6');
    const [b] = q('40');
    const [c] = q('30');
    assert.ok(isRounding(a!, b!, false));
    assert.ok(!isRounding(a!, c!, false));
    assert.ok(!isRounding(q('12')[0]!, q('10')[0]!, false), '12 → 10 changes the figure');
    assert.ok(isRounding(q('£1.23m')[0]!, q('£1.2m')[0]!, false));
  });
  it('numbers in words', () => {
    assert.equal(numberInWords(40), 'forty');
    assert.equal(numberInWords(45), 'forty-five');
    assert.equal(numberInWords(1200), null);
  });
});

describe('facts/compare', () => {
  const cmp = (s: string, a: string) => compareSentences(factTokens(s), factTokens(a)).diffs;
  it('equivalent forms are no difference', () => {
    assert.deepEqual(cmp('Fares rose by 40 per cent last year.', 'Fares rose by 40% last year.'), []);
    assert.deepEqual(cmp('Fares rose by 40 per cent last year.', 'Fares rose by forty per cent last year.'), []);
    assert.deepEqual(cmp('The repairs cost £1.2 million in all.', 'The repairs cost £1.2m in all.'), []);
    assert.deepEqual(cmp('Half of the crews voted to strike.', '50 per cent of the crews voted to strike.'), []);
    assert.deepEqual(cmp('The fund holds 12,500 pounds now.', 'The fund holds 12500 pounds now.'), []);
    assert.deepEqual(cmp('Between 10 and 12 boats were idle.', 'Between 10 and 12 boats were idle.'), []);
  });
  it('reads each slot kind', () => {
    assert.equal(cmp('Fares rose by 40 per cent.', 'Fares rose by 14 per cent.')[0]?.kind, 'number');
    assert.equal(cmp('The crews met on Thursday.', 'The crews met on Friday.')[0]?.kind, 'date');
    assert.equal(cmp('The crews met in June 1998.', 'The crews met in June 1999.')[0]?.kind, 'date');
    assert.equal(cmp('The crews met in June.', 'The crews met in July.')[0]?.kind, 'date');
    assert.equal(cmp('The ferry left at 10pm.', 'The ferry left at 9pm.')[0]?.kind, 'time');
    assert.equal(cmp('Mr Reyle told the meeting.', 'Mr Lund told the meeting.')[0]?.kind, 'name');
    assert.equal(cmp('The deputy minister spoke.', 'The minister spoke.')[0]?.kind, 'title');
    assert.equal(cmp('The former minister spoke.', 'The minister spoke.')[0]?.kind, 'title');
    assert.equal(cmp('The crews did not accept the offer.', 'The crews did accept the offer.')[0]?.kind, 'polarity');
    assert.equal(cmp('The crews rejected the offer.', 'The crews accepted the offer.')[0]?.kind, 'polarity');
    assert.equal(cmp('Most crews backed the strike.', 'Some crews backed the strike.')[0]?.kind, 'quantifier');
  });
  it('a misspelt name is not another person; a fuller name is the same person', () => {
    assert.deepEqual(cmp('Mr Reyle told the meeting.', 'Mr Reyles told the meeting.'), []);
    assert.deepEqual(cmp('Reyle told the meeting.', 'Tomas Reyle told the meeting.'), []);
  });
  it('names are compared only when both are people, in the same clause', () => {
    const names = (x: string, y: string) => cmp(x, y).filter((d) => d.kind === 'name');
    // bare capitalised words may be places, papers or first names
    assert.deepEqual(names('The vote was called by Reyle after the meeting.', 'The vote was called by Lund after the meeting.'), []);
    assert.deepEqual(names('The crews told the Harbour Gazette they would strike.', 'The crews told the Coastline Herald they would strike.'), []);
    // a title on both sides, at the end of both sentences
    assert.equal(names('The offer was rejected, said Mr Reyle.', 'The offer was rejected, said Mr Lund.')[0]?.kind, 'name');
    // the same first name: a different surname is someone else; between first name and surname, a middle name
    assert.equal(names('Organiser Tomas Reyle spoke first.', 'Organiser Tomas Lund spoke first.').length, 1);
    assert.deepEqual(names('Organiser Tomas Bashir Reyle spoke first.', 'Organiser Tomas Vasquez Reyle spoke first.'), []);
    // one name reported, the other quoted: different clauses
    assert.deepEqual(names('He said Mr Reyle made it clear the offer was final.', 'Mr Lund said he made it clear the offer was final.'), []);
    // an aside after the name leaves it the subject
    assert.equal(names('The judge ruled that Mr Reyle, when in office, was bound by the policy.', 'The judge ruled that Mr Lund was bound by the policy.').length, 1);
    // the same frame with other speech verbs is the same clause
    assert.equal(names('Mr Reyle said: the offer is final and will not change.', 'Mr Lund told reporters: the offer is final and will not change.').length, 1);
  });
  it('a reporting aside after a name at the edge of a rewording is no clause of its own', () => {
    const names = (x: string, y: string) => cmp(x, y).filter((d) => d.kind === 'name');
    assert.equal(names('Ms Reyle, who also won her costs, hoped to sail again next spring.', 'Ms Lund, he added, hoped to sail again next spring.').length, 1);
    // a reporting verb before the pronoun: the name is the one reported on, another clause
    assert.deepEqual(names('Ms Reyle, who also won her costs, hoped to sail again next spring.', 'Ms Lund said he hoped to sail again next spring.'), []);
  });
  it('one office for another inside a rewording is a title slot; the same office in other words, or a moved one, is not', () => {
    const titles = (x: string, y: string) => {
      const s = factTokens(x);
      const a = factTokens(y);
      return compareSentences(s, a).diffs.filter((d) => d.kind === 'title').map((d) => `${s.slice(d.src[0], d.src[1]).map((t) => t.text).join(' ')} / ${a.slice(d.art[0], d.art[1]).map((t) => t.text).join(' ')}`);
    };
    assert.deepEqual(titles('Coroner Tomas Reyle, opening the harbour inquest, said the skipper had drowned off the point.', 'The judge said the skipper had drowned off the point.'), ['Coroner / judge']);
    assert.deepEqual(titles('The board agreed to pay the costs and Harbour Secretary Petra Lund should meet the crews.', 'The board agreed to pay the costs and the Minister for the Harbour, Petra Lund, should meet the crews.'), ['Secretary / Minister']);
    assert.deepEqual(titles('The skipper was described by the judge as a danger to the whole fleet.', 'The skipper was described by a magistrate at Brisk Crown Court as a danger to the whole fleet.'), ['judge / magistrate']);
    assert.deepEqual(titles('Reading the verdict, Brisk coroner Dr Petra Lund said the crew had done all they could.', 'Reading the verdict, Petra Lund, the Brisk magistrate, said the crew had done all they could.'), ['coroner / magistrate']);
    // a spokesman speaks for anyone: no office of its own
    assert.deepEqual(titles('Petra Lund, director of the Brisk harbour trust, said the trust believed the quay was safe.', 'A spokesman for the Brisk harbour trust said the trust believed the quay was safe.'), []);
    // the source's anonymous spokesman made an officer the source does not name: a title slot; named, the
    // spokesman may hold any office
    assert.deepEqual(titles('A spokesman for the Harbour Trust said the trust believed the quay was safe.', 'The Harbour Trust chairman said the trust believed the quay was safe.'), ['spokesman / chairman']);
    assert.deepEqual(titles('A spokesman, Petra Lund, for the Harbour Trust said the trust believed the quay was safe.', 'The Harbour Trust chairman said the trust believed the quay was safe.'), []);
    // a High Court judge is "Mr Justice …": the same office
    assert.deepEqual(titles('Mr Justice Reyle, sitting at Brisk, said the skipper had drowned off the point.', 'The judge said the skipper had drowned off the point.'), []);
    // the article's office stands elsewhere in the source sentence: the words moved between people
    assert.deepEqual(titles('Coroner Tomas Reyle, opening the inquest, told the judge the skipper had drowned off the point.', 'The judge said the skipper had drowned off the point.'), []);
  });
  it('a name at the edge of a rewording is read whole', () => {
    const src = 'Mr Al Reyle replied: the offer is final and will not change.';
    const art = 'Mr Lund responded: the offer is final and will not change.';
    const d = cmp(src, art).find((x) => x.kind === 'name');
    assert.ok(d, 'a name slot');
    assert.equal(factTokens(src).slice(d.src[0], d.src[1]).map((t) => t.text).join(' '), 'Al Reyle');
  });
  it('"denied he was" says "was not"', () => {
    assert.deepEqual(cmp('The skipper said he was not drunk at the wheel that night.', 'The skipper denied he was drunk at the wheel that night.').filter((d) => d.kind === 'polarity'), []);
    assert.equal(cmp('The skipper said he was not drunk at the wheel that night.', 'The skipper said he was drunk at the wheel that night.')[0]?.kind, 'polarity');
  });
  it('a negation in place of an adverb of time on the other side is the statement denied', () => {
    const src = factTokens('The harbour pilot was today suspended over the grounding of the ferry.');
    const art = factTokens('The harbour pilot was not suspended over the grounding of the ferry.');
    const d = compareSentences(src, art).diffs;
    assert.equal(d.length, 1);
    assert.equal(d[0]!.kind, 'polarity');
    assert.deepEqual(art.slice(d[0]!.art[0], d[0]!.art[1]).map((t) => t.text), ['was', 'not']);
    assert.deepEqual(src.slice(d[0]!.src[0], d[0]!.src[1]).map((t) => t.text), ['was', 'today']);
    assert.equal(cmp('The harbour pilot was still suspended over the grounding of the ferry.', 'The harbour pilot was not suspended over the grounding of the ferry.')[0]?.kind, 'polarity');
    // an adverb of manner is a rewording beside the negation, not the statement denied
    assert.deepEqual(cmp('The harbour pilot was quietly suspended over the grounding of the ferry.', 'The harbour pilot was not suspended over the grounding of the ferry.').filter((d) => d.kind === 'polarity'), []);
  });
  it('pair similarity counts a changed fill word as unchanged, a reworded region as changed', () => {
    const c = compareSentences(factTokens('Ferry operator Brisk Lines cut 40 jobs at the depot.'), factTokens('Ferry operator Brisk Lines cut 90 jobs at the depot.'));
    assert.ok(c.similarity < 1);
    assert.equal(c.pairSimilarity, 1);
    const n = compareSentences(factTokens('Ferry operator Brisk Lines did not cut jobs at the depot.'), factTokens('Ferry operator Brisk Lines did cut jobs at the depot.'));
    assert.equal(n.pairSimilarity, 1);
    // in a reworded region, the figure counts as unchanged and the reworded word as changed
    const r = compareSentences(factTokens('Ferry operator Brisk Lines cut 40 jobs at the depot.'), factTokens('Ferry operator Brisk Lines cut 90 posts at the depot.'));
    assert.ok(r.pairSimilarity > r.similarity && r.pairSimilarity < 1);
    assert.equal(r.pairSimilarity, (2 * 9) / 20);
    // several changed values: one template, another occasion
    const t = compareSentences(factTokens('In the harbour vote Reyle leads Lund 46 per cent to 41 per cent.'), factTokens('In the harbour vote Reyle leads Lund 43 per cent to 38 per cent.'));
    assert.ok(t.similarity < 1);
    assert.equal(t.pairSimilarity, t.similarity);
  });
  it('pair similarity: a name for a name after the same courtesy title, values written otherwise, one fill word in a reworded region', () => {
    const n = compareSentences(factTokens('Mr Reyle told the harbour board the berths were full.'), factTokens('Mr Lund told the harbour board the berths were full.'));
    assert.equal(n.pairSimilarity, 1);
    // no courtesy title: a capitalised word is no slot of its own
    const b = compareSentences(factTokens('Reyle told the harbour board the berths were full.'), factTokens('Lund told the harbour board the berths were full.'));
    assert.equal(b.pairSimilarity, b.similarity);
    // "ten" / "10" is no second value beside the changed one
    const e = compareSentences(factTokens('The board sold ten berths and cut 40 jobs at the depot.'), factTokens('The board sold 10 berths and cut 90 jobs at the depot.'));
    assert.equal(e.pairSimilarity, 1);
    // one figure changed inside a reworded region: counted once, however many regions hold figures
    const x = factTokens('Lund said 40 crews were idle and 12 boats stayed in port at Brisk.');
    const y = factTokens('Lund said that 90 crew members sat idle while 30 ships stayed in port at Brisk.');
    const one = compareSentences(x, y);
    const len = x.length + y.length;
    assert.ok(Math.abs(one.pairSimilarity - (one.similarity * len + 2) / len) < 1e-9);
  });
  it('a negation inside what both sentences report as denied is the denial said again', () => {
    assert.deepEqual(cmp('The ferry firms denied the charges, saying that they never broke the harbour rules on fuel.', 'The ferry firms denied that they broke the harbour rules on fuel.').filter((d) => d.kind === 'polarity'), []);
    // the denial far from the slot, another clause: a dropped negation still differs
    assert.equal(cmp('The ferry firms denied the charges and said that the crews had not broken the harbour rules on fuel.', 'The ferry firms denied the charges and said that the crews had broken the harbour rules on fuel.')[0]?.kind, 'polarity');
  });
  it('a negation after the same denial in both sentences flips what is denied', () => {
    const pol = (x: string, y: string) => cmp(x, y).filter((d) => d.kind === 'polarity');
    assert.equal(pol('The skipper denied he was drunk at the wheel that night.', 'The skipper denied he was not drunk at the wheel that night.').length, 1);
    assert.equal(pol('Denying she was aware of the storm warning, the skipper said she sailed on.', 'Denying she was not aware of the storm warning, the skipper said she sailed on.').length, 1);
    // the denial in other words on one side: the negation says the denial again
    assert.deepEqual(pol('The skipper said he was not drunk at the wheel that night.', 'The skipper denied he was drunk at the wheel that night.'), []);
  });
  it('"but" or "no" after the slot in both sentences is no rewording of the negation', () => {
    const pol = (x: string, y: string) => cmp(x, y).filter((d) => d.kind === 'polarity');
    assert.equal(pol('The harbour board had checked the berth plan but had kept its advice on fees.', 'The harbour board had not checked the berth plan but had kept its advice on fees.').length, 1);
    assert.equal(pol('The report found the pilot has recovered and poses no risk to the fleet.', 'The report found the pilot has not recovered and poses no risk to the fleet.').length, 1);
    // "but" or "no" on one side only: a correction or the negation written otherwise
    assert.deepEqual(pol('The dispute was about the harbour fees charged to the crews.', 'The dispute was not about the harbour fees but about the berths.'), []);
    assert.deepEqual(pol('The company had issued no instructions to the crews that week.', 'The company had not issued any instructions to the crews that week.'), []);
  });
  it('an opposite whose word stays elsewhere in the sentence is a move, not a flip', () => {
    assert.deepEqual(cmp('The skipper who won damages from the operator lost them on appeal.', 'The skipper lost the damages he won from the operator on appeal.').filter((d) => d.kind === 'polarity'), []);
  });
  it('amounts in another currency are a conversion; the same currency is compared', () => {
    assert.deepEqual(cmp('The crews were paid 5,000 US dollars a week on tour.', 'The crews were paid £3,750 a week on tour.'), []);
    assert.equal(cmp('The crews were paid 5,000 US dollars a week on tour.', 'The crews were paid 6,000 US dollars a week on tour.')[0]?.kind, 'number');
  });
  it('titles: plural ranks and unambiguous modifiers', () => {
    assert.equal(cmp('Senior officers would meet the crews on the quay.', 'Officers would meet the crews on the quay.')[0]?.kind, 'title');
    assert.equal(cmp('He said he could have served in the shadow cabinet.', 'He said he could have served in the cabinet.')[0]?.kind, 'title');
    assert.deepEqual(cmp('The crews were acting on advice from the union.', 'The crews were on advice from the union.'), []);
    // a rank modifier in a reworded run before a title
    assert.equal(cmp('He was described by the judge as dangerous to the crews.', 'He was described by a former judge as dangerous to the crews.')[0]?.kind, 'title');
    assert.equal(cmp('The film will be made with acclaimed director Ilse Varga next year.', 'The film will be made with former director Ilse Varga next year.')[0]?.kind, 'title');
    assert.deepEqual(cmp('The film will be made with acclaimed director Ilse Varga next year.', 'The film will be made with noted director Ilse Varga next year.'), []);
  });
  it('pair similarity: a name for a name after the same courtesy title, opening a reworded region', () => {
    const x = factTokens('Mr Reyle: "Did you tell the crews that the ferry was unsafe in the storm?"');
    const y = factTokens('Mr Lund accused him of telling the crews that the ferry was unsafe in the storm.');
    const c = compareSentences(x, y);
    const len = x.length + y.length;
    assert.ok(Math.abs(c.pairSimilarity - (c.similarity * len + 2) / len) < 1e-9, `similarity ${c.similarity}, pair ${c.pairSimilarity}`);
    // a bare name on one side, or the same name, is credited nothing
    const d = compareSentences(x, factTokens('Lund accused him of telling the crews that the ferry was unsafe in the storm.'));
    assert.equal(d.pairSimilarity, d.similarity);
    const e = compareSentences(x, factTokens('Mr Reyle accused him of telling the crews that the ferry was unsafe in the storm.'));
    assert.equal(e.pairSimilarity, e.similarity);
  });
  it('a figure at the edge of a longer rewording, held by the shared word beside it', () => {
    assert.equal(cmp('Ilse Varga, 35, took the bags from outside the offices at night.', 'Ilse Varga, 83, disguised as a cleaner, took the bags from outside the offices at night.')[0]?.kind, 'number');
    assert.equal(cmp('He said: you have three possible conclusions to reach.', 'The coroner gave the jury six possible conclusions to reach.')[0]?.kind, 'number');
    // a sum in other words, and a share for a count, are not a changed figure
    assert.deepEqual(cmp('He was alleged to have assaulted two boys and two girls at the school.', 'He was alleged to have assaulted four children at the school.'), []);
    assert.deepEqual(cmp('More than 50% of voters said the ferry should keep its old livery.', 'More than 4,000 callers rang to say the ferry should keep its old livery.'), []);
  });
  it('a figure opening both sentences is held by the sentence start', () => {
    assert.equal(cmp('Two teenage sweethearts who could not bear to be apart died.', 'Eight teenagers who could not bear to be apart died.')[0]?.kind, 'number');
  });
  it('a rank the article adds is its own knowledge; a rank it drops is a change', () => {
    assert.deepEqual(cmp('The minister spoke.', 'The former minister spoke.'), []);
    assert.deepEqual(cmp('Varga was jailed for six years for the thefts.', 'Deputy principal Varga was jailed for six years for the thefts.'), []);
    assert.deepEqual(cmp('He met the office of his brother-in-law, Tomas Reyle.', 'He met the office of his former brother-in-law, Tomas Reyle.'), []);
    assert.equal(cmp('The former harbour master spoke to the crews.', 'The harbour master spoke to the crews.')[0]?.kind, 'title');
  });
  it('a negation said another way is no change of polarity', () => {
    // "no" after the verb negates it as "not" before it does
    assert.deepEqual(cmp('The council has so far not issued any guidance to the crews.', 'The council has so far issued no guidance to the crews.').filter((d) => d.kind === 'polarity'), []);
    // "not X but Y" corrects X
    assert.deepEqual(cmp('He said the dispute was about pay and nothing else.', 'He said the dispute was not about hours but about pay and nothing else.').filter((d) => d.kind === 'polarity'), []);
    assert.equal(cmp('The council has issued guidance to the crews.', 'The council has not issued guidance to the crews.')[0]?.kind, 'polarity');
  });
  it('a bound the source figure keeps is no change; "one time" is not a count', () => {
    assert.deepEqual(cmp('Mr Reyle, a ferryman for 33 years, spoke first.', 'Mr Reyle, a ferryman for more than 30 years, spoke first.'), []);
    assert.deepEqual(cmp('The ferry carried 59 passengers that night.', 'The ferry carried nearly 60 passengers that night.'), []);
    assert.equal(cmp('Mr Reyle, a ferryman for 28 years, spoke first.', 'Mr Reyle, a ferryman for more than 30 years, spoke first.')[0]?.kind, 'number');
    assert.deepEqual(cmp('Varga and Reyle, 43, hired a boat.', 'Varga and Reyle, one time partners, hired a boat.').filter((d) => d.kind === 'number'), []);
    // the source bounds its figure the same way: two bounds compared, a rounding at most
    assert.equal(cmp('The wreck was found nearly six weeks after the ferry sank.', 'The wreck was found nearly seven weeks after the ferry sank.')[0]?.kind, 'number');
    assert.equal(cmp('The skipper was more than five times over the limit.', 'The skipper was more than two times over the limit.')[0]?.kind, 'number');
    assert.equal(cmp('Mr Reyle, a ferryman for more than 33 years, spoke first.', 'Mr Reyle, a ferryman for more than 30 years, spoke first.')[0]?.rounding, true);
  });
  it('"today" in the wire is "yesterday" in print: not a date change', () => {
    assert.deepEqual(cmp('The crews walked out today.', 'The crews walked out yesterday.'), []);
  });
  it('a rank dropped at the end of a rewording, before the title both keep, is a change; kept, it is none', () => {
    const src = 'At the quay the Deputy Chief Pilot of Kestrel Bay, Tomas Reyle, told the crews to stay ashore.';
    const d = cmp(src, "Kestrel Bay's chief pilot, Tomas Reyle, told the crews to stay ashore.").filter((x) => x.kind === 'title');
    assert.equal(d.length, 1);
    assert.deepEqual([d[0]!.src, d[0]!.art], [[4, 6], [2, 3]], 'the rank with its title, against the title alone');
    assert.deepEqual(cmp(src, "Kestrel Bay's deputy chief pilot, Tomas Reyle, told the crews to stay ashore.").filter((x) => x.kind === 'title'), []);
  });
  it('a rank dropped with the title word it qualifies is a change; a title word alone dropped is none', () => {
    assert.equal(cmp('The Deputy Chief Harbour Master Tomas Reyle told the inquiry the ferry had been overloaded.', 'The Harbour Master Tomas Reyle told the inquiry the ferry had been overloaded.')[0]?.kind, 'title');
    assert.deepEqual(cmp('The Chief Harbour Master Tomas Reyle told the inquiry the ferry had been overloaded.', 'The Harbour Master Tomas Reyle told the inquiry the ferry had been overloaded.'), []);
    // a rank and a title word dropped before a firm's name, no title ahead: no rank of a person
    assert.deepEqual(cmp('The ferry line has bought out its former partner Kestrel Shipping for £2m.', 'The ferry line has bought out Kestrel Shipping for £2m.'), []);
  });
  it('a date at the edge of a longer rewording: year for year, else month for month', () => {
    const slot = (s: string, a: string) => {
      const S = factTokens(s);
      const A = factTokens(a);
      return compareSentences(S, A).diffs.map((d) => `${d.kind}: ${S.slice(d.src[0], d.src[1]).map((t) => t.text).join(' ')} / ${A.slice(d.art[0], d.art[1]).map((t) => t.text).join(' ')}`);
    };
    assert.deepEqual(slot('Lund, who lives in Brisk, first joined the harbour police in March 1985.', 'Lund, from Brisk, joined the harbour police in March 1983 as a cadet of nineteen.'), ['date: 1985 / 1983']);
    assert.deepEqual(slot('Ilse Reyle denies scuttling the ferry Kestrel at the quay at Brisk on February 19, last year.', 'Reyle, 28, denies scuttling the Kestrel in July last year.'), ['date: February / July']);
    assert.deepEqual(slot('The ferrymen were detained at a picket by the slipway on July 26 1999.', 'The 28 ferrymen were detained at a picket by the slipway on 26 July 1996, and dispute every count.'), ['date: 1999 / 1996']);
    // the same date in another order or form is no change
    assert.deepEqual(slot('The ferrymen were detained at a picket by the slipway on July 26 1999.', 'The 28 ferrymen were detained at a picket by the slipway on 26 July 1999, and dispute every count.'), []);
    assert.deepEqual(slot('The crews worked the harbour at Brisk in 1995, before the old ferry sank off the point.', 'The crews worked the harbour at Brisk in 1993 and again for a month until the storms.'), ['date: 1995 / 1993']);
    assert.deepEqual(slot('The operator admitted the breach before Brisk justices on January 14 this year, though the bench passed it upward.', 'Kestrel Lines admitted the breach before Brisk justices on Jan 24 though the bench passed it upward.'), ['date: 14 / 24']);
    assert.deepEqual(slot('The operator admitted the breach before Brisk justices on January 14 this year, though the bench passed it upward.', 'Kestrel Lines admitted the breach before Brisk justices on Jan 14 though the bench passed it upward.'), []);
    // two years in the region on one side: which one the other side's year is, the pair cannot tell
    assert.deepEqual(slot('The crews worked the harbour at Brisk in 1995, before the old ferry sank off the point.', 'The crews worked the harbour at Brisk in 1993 and again from 1996 until the storms.'), []);
  });
  it('a day of the month on either side of the same month: another day is a date slot, the same day in the other order none', () => {
    const slot = (s: string, a: string) => {
      const S = factTokens(s);
      const A = factTokens(a);
      return compareSentences(S, A).diffs.map((d) => `${d.kind}: ${S.slice(d.src[0], d.src[1]).map((t) => t.text).join(' ')} / ${A.slice(d.art[0], d.art[1]).map((t) => t.text).join(' ')}`);
    };
    assert.deepEqual(slot('The skipper, who handed in her notice on May 28, claimed the board had belittled her.', 'Mrs Lund, who handed in her notice on 9 May, said the board had belittled her.'), ['date: 28 / 9']);
    assert.deepEqual(slot('Reyle denies sinking the ferry at the quay in Brisk on 24 March this year.', 'Mr Reyle denies sinking the ferry at the quay in Brisk on March 16 this year.'), ['date: 24 / 16']);
    assert.deepEqual(slot('The skipper, who handed in her notice on May 28, claimed the board had belittled her.', 'Mrs Lund, who handed in her notice on 28 May, said the board had belittled her.'), []);
    assert.deepEqual(slot('Reyle denies sinking the ferry at the quay in Brisk on 24th March this year.', 'Mr Reyle denies sinking the ferry at the quay in Brisk on March 24 this year.'), []);
  });
  it('a titled name is compared at the pair similarity the name swap itself does not lower', () => {
    const src = 'Mr Reyle said: "We will sell the old ferry to the museum, and the money will go to the crews who lost their pay over the long winter months of the strike."';
    const quote = 'Mr Lund said: "We will sell the old ferry, and the money will go to the crews."';
    const art = `Speaking at the hall late that night after the vote on the quay and the council, ${quote}`;
    const c = compareSentences(factTokens(src), factTokens(art));
    assert.ok(c.similarity < 0.5 && c.pairSimilarity >= 0.5, `similarity ${c.similarity}, pair ${c.pairSimilarity}`);
    assert.equal(c.diffs[0]?.kind, 'name');
    // reworded further, the pair falls below even with the name credited
    const far = compareSentences(factTokens(src), factTokens(`Speaking at the hall late that night after the vote on the quay and the council of the port trust, ${quote}`));
    assert.ok(far.pairSimilarity < 0.5);
    assert.deepEqual(far.diffs, []);
  });
});

describe('facts/pairs', () => {
  it('a document follows the story with 40 copied words, a fifth of a short article, 20 rarer 3-grams or 0.12 a word', () => {
    assert.equal(storyEvidence(40, 600, 0), true);
    assert.equal(storyEvidence(39, 600, 19), false);
    assert.equal(storyEvidence(30, 120, 0), true);
    assert.equal(storyEvidence(30, 400, 0), false);
    assert.equal(storyEvidence(0, 600, 20), true);
    assert.equal(storyEvidence(0, 100, 13), true);
    assert.equal(storyEvidence(0, 400, 13), false);
  });
  it('a differing titled name counts as shared when pairing', () => {
    const a = { stems: new Set(['reyle', 'talk', 'fail', 'vote']), names: new Set(['reyle']) };
    const b = { stems: new Set(['lund', 'talk', 'collaps', 'ballot']), names: new Set(['lund']) };
    assert.equal(stemDice(a, b), 0.5);
    // no titled name on one side: nothing forgiven
    assert.equal(stemDice(a, { ...b, names: new Set() }), 0.25);
    // the name is found on the other side: not a differing name
    assert.equal(stemDice(a, { stems: new Set(['reyle', 'talk', 'collaps', 'lund']), names: new Set(['lund']) }), 0.5);
  });
  it('a differing title word counts as shared when pairing', () => {
    const none = new Set<string>();
    const a = { stems: new Set(['coron', 'adjourn', 'inquest', 'harbour']), names: none, titles: new Set(['coron']) };
    const b = { stems: new Set(['judg', 'adjourn', 'hear', 'harbour']), names: none, titles: new Set(['judg']) };
    assert.equal(stemDice(a, b), 0.75);
    // a title on one side only: nothing forgiven
    assert.equal(stemDice(a, { ...b, titles: none }), 0.5);
    // the title is found on the other side: not a differing title
    assert.equal(stemDice(a, { stems: new Set(['judg', 'adjourn', 'coron', 'harbour']), names: none, titles: new Set(['judg']) }), 0.75);
  });
});

describe('facts/compare: slots read on demand', () => {
  it('a comparison gives the same slots every time they are read, and none for equal sentences', () => {
    const c = compareSentences(factTokens('The ferry carried 40 passengers on Friday.'), factTokens('The ferry carried 14 passengers on Friday.'));
    assert.equal(c.similarity, 12 / 14);
    const first = c.diffs;
    assert.equal(first.length, 1);
    assert.equal(first[0]!.kind, 'number');
    assert.equal(c.diffs, first, 'read once, kept');
    const same = compareSentences(factTokens('The ferry left at dawn.'), factTokens('The ferry left at dawn.'));
    assert.deepEqual(same.diffs, []);
    assert.deepEqual(same.common, [[0, 5]]);
  });
  it('a changed region with no slot word is a rewording; a unit or a rank word alone still makes a slot', () => {
    const cmp = (s: string, a: string) => compareSentences(factTokens(s), factTokens(a)).diffs;
    assert.deepEqual(cmp('The ferry left the quay at dawn.', 'The ferry quietly departed the quay at dawn.'), []);
    const scale = cmp('The port lost £1.2 million last year.', 'The port lost £1.2 billion last year.');
    assert.equal(scale.length, 1);
    assert.equal(scale[0]!.kind, 'number');
    const rank = cmp('The deputy harbour master said so.', 'The harbour master said so.');
    assert.equal(rank[0]?.kind, 'title');
    const never = cmp('The crew had never sailed at night.', 'The crew had sailed at night.');
    assert.equal(never[0]?.kind, 'polarity');
  });
});

describe('facts/pairs: work kept between checks', () => {
  const wire = 'Ferry crews at Tollmouth voted to strike on Friday. The ferry operator said 40 sailings would be cancelled over the weekend.';
  const idx = ReferenceIndex.build([{ id: 'w', path: 'w', text: wire, meta: {} }]);
  const article = 'Ferry crews at Tollmouth voted to strike on Friday. The ferry operator said 14 sailings would be cancelled over the weekend.';
  it("a reference sentence's fact tokens are read once and reused by the next check", () => {
    const a = makeContext(article, idx, resolveSettings({})).use(statementPairs);
    const b = makeContext(article, idx, resolveSettings({})).use(statementPairs);
    const pa = a.get(1)![0]!;
    const pb = b.get(1)![0]!;
    assert.equal(pb.refTokens, pa.refTokens, 'the same token list');
    assert.notEqual(pb.articleTokens, pa.articleTokens, 'the article is read afresh');
    assert.equal(pa.comparison.diffs[0]!.kind, 'number');
    assert.equal(wire.slice(pa.refTokens[pa.comparison.diffs[0]!.src[0]]!.start, pa.refTokens[pa.comparison.diffs[0]!.src[1] - 1]!.end), '40');
  });
  it('3-gram scores are the same whichever ranges were looked up before', () => {
    const ctx = makeContext(article, idx, resolveSettings({}));
    const s2 = { start: article.indexOf('The ferry'), end: article.length };
    const before = candidateDocScores(ctx, [s2]);
    const whole = candidateDocScores(ctx, [{ start: 0, end: article.length }]);
    const fresh = candidateDocScores(makeContext(article, idx, resolveSettings({})), [{ start: 0, end: article.length }]);
    assert.deepEqual(whole, fresh);
    assert.deepEqual(before, candidateDocScores(makeContext(article, idx, resolveSettings({})), [s2]));
    assert.equal(whole[0]![0], 0);
    assert.ok(before[0]![1] < whole[0]![1]);
    assert.deepEqual(candidateDocScores(ctx, [{ start: 0, end: 4 }]), [], 'a range shorter than a 3-gram');
  });
});

describe('facts/compare: value regions', () => {
  const regions = (s: string, a: string) => compareSentences(factTokens(s), factTokens(a)).valueRegions;
  it('counts each changed region whose values differ', () => {
    assert.equal(regions('Of the 14 berths offered, the harbour board sold 9 by noon.', 'Of the 16 berths offered, the harbour board sold 11 by noon.'), 2);
    assert.equal(regions('Of the 14 berths offered, the harbour board sold 9 by noon.', 'Of the 14 berths offered, the harbour board sold 11 by noon.'), 1);
  });
  it('one value with its conversion or its range is one region', () => {
    assert.equal(regions('The ferry operator lost $4.2m (£3.1m) over the winter.', 'The ferry operator lost $3.4m (£2.5m) over the winter.'), 1);
    assert.equal(regions('The survey was carried out Sept. 14 to 18 among harbour users.', 'The survey was carried out June 3 to 7 among harbour users.'), 1);
  });
  it('the same value written otherwise is no change', () => {
    assert.equal(regions('The ferry sailed on Dec 7, 1998, with 40 passengers.', 'The ferry sailed on December 7, 1998, with forty passengers.'), 0);
  });
});
