import { strict as assert } from 'node:assert';
import { applyEdits } from '../../../src/core/attribution/fixes';
import { check } from '../../../src/core/engine';
import { compareSentences, factTokens } from '../../../src/core/facts/compare';
import { quotedSpeaker } from '../../../src/core/facts/speaker';
import { dataOf } from '../../../src/core/finding-data';
import { ReferenceIndex } from '../../../src/core/reference-index';
import type { Finding, ReferenceDoc } from '../../../src/core/types';

// Invented story: a ferry dispute in a made-up harbour town.
const OPENING = 'Kestrel Bay ferry dispute\n\n';
const FILLER =
  ' Talks between the operator and the crews broke down late in the evening without a new date.' +
  ' The operator has promised a written offer to every crew member before the end of the season.';

function refDoc(id: string, sentence: string, outlet = 'Coastline Wire'): ReferenceDoc {
  return { id, path: id, text: OPENING + sentence + FILLER, meta: { outlet } };
}

function facts(article: string, refs: ReferenceDoc[]): Finding[] {
  const idx = ReferenceIndex.build(refs);
  return check(OPENING + article + FILLER, idx, {}).findings.filter((f) => f.rule === 'fact-mismatch');
}

/** One reference, one article sentence; the fact-mismatch findings. */
function pair(source: string, article: string): Finding[] {
  return facts(article, [refDoc('wire.txt', source)]);
}

/** Apply the preferred fix and check again: the finding must be gone and the text well formed. */
function fixClears(source: string, article: string): string {
  const refs = [refDoc('wire.txt', source)];
  const idx = ReferenceIndex.build(refs);
  const text = OPENING + article + FILLER;
  const fs = check(text, idx, {}).findings.filter((f) => f.rule === 'fact-mismatch');
  assert.equal(fs.length, 1, `one finding expected: ${fs.map((f) => f.message).join(' | ')}`);
  const fix = fs[0]!.fixes?.find((x) => x.preferred);
  assert.ok(fix, 'a preferred fix');
  const fixed = applyEdits(text, fix.edits);
  assert.doesNotMatch(fixed, / {2}|\s[,.]/, 'no doubled spaces or space before punctuation');
  const again = check(fixed, idx, {}).findings.filter((f) => f.rule === 'fact-mismatch');
  assert.deepEqual(again.map((f) => f.message), [], 'the fix clears the finding');
  return fixed.slice(OPENING.length, fixed.length - FILLER.length);
}

describe('rules/fact-mismatch', () => {
  const SRC = 'The union said that 40 per cent of its members had voted to strike over the winter timetable.';
  it('flags a changed number, names the source, suggests its value', () => {
    const fs = pair(SRC, 'The union said that 14 per cent of its members had voted to strike over the winter timetable.');
    assert.equal(fs.length, 1);
    const f = fs[0]!;
    assert.equal(f.severity, 'info');
    assert.equal(f.message, 'Source says “40 per cent”; the article says “14 per cent” (figure; Coastline Wire)');
    assert.equal(f.text, '14 per cent');
    assert.deepEqual(f.suggestions, ['40 per cent']);
    assert.equal(dataOf(f, 'fact-mismatch')?.kind, 'number');
    assert.equal(dataOf(f, 'fact-mismatch')?.sourceValue, '40 per cent');
    assert.equal(dataOf(f, 'fact-mismatch')?.articleValue, '14 per cent');
    assert.ok(f.source && f.source.text.startsWith('The union said that 40 per cent'), 'points at the source sentence');
  });
  it('equivalent forms are not flagged', () => {
    assert.deepEqual(pair(SRC, 'The union said that 40% of its members had voted to strike over the winter timetable.'), []);
    assert.deepEqual(pair(SRC, 'The union said that forty per cent of its members had voted to strike over the winter timetable.'), []);
    assert.deepEqual(pair('Repairs to the pier will cost £1.2 million over the next two winters, the council said.', 'Repairs to the pier will cost £1.2m over the next two winters, the council said.'), []);
  });
  it('keeps the article style in the fix: words stay words', () => {
    assert.equal(fixClears(SRC, 'The union said that fourteen per cent of its members had voted to strike over the winter timetable.'),
      'The union said that forty per cent of its members had voted to strike over the winter timetable.');
    assert.equal(fixClears('Fourteen crew members were sent home on the first night of the dispute, the operator said.', 'Forty crew members were sent home on the first night of the dispute, the operator said.'),
      'Fourteen crew members were sent home on the first night of the dispute, the operator said.');
    assert.equal(fixClears(SRC, 'The union said that 14% of its members had voted to strike over the winter timetable.'),
      'The union said that 40% of its members had voted to strike over the winter timetable.');
  });
  it('days and dates: flagged, fixed', () => {
    assert.equal(fixClears('The crews walked out on Thursday after the council voted to cut the winter subsidy.', 'The crews walked out on Friday after the council voted to cut the winter subsidy.'),
      'The crews walked out on Thursday after the council voted to cut the winter subsidy.');
    assert.equal(fixClears('The subsidy was introduced in March 1998 to keep the winter crossing open.', 'The subsidy was introduced in March 1996 to keep the winter crossing open.'),
      'The subsidy was introduced in March 1998 to keep the winter crossing open.');
  });
  it('titles: a dropped or added modifier', () => {
    assert.equal(fixClears('The deputy harbour master, Ilse Varga, refused to meet the crews on the quay.', 'The harbour master, Ilse Varga, refused to meet the crews on the quay.'),
      'The deputy harbour master, Ilse Varga, refused to meet the crews on the quay.');
    // a rank the article adds is its writer's own knowledge
    assert.deepEqual(pair('Transport minister Ilse Varga refused to meet the crews on the quay.', 'Former transport minister Ilse Varga refused to meet the crews on the quay.'), []);
  });
  it('polarity: negation dropped or added, opposites', () => {
    assert.equal(fixClears('The operator did not respond to the offer made by the crews on the quay.', 'The operator did respond to the offer made by the crews on the quay.'),
      'The operator did not respond to the offer made by the crews on the quay.');
    assert.equal(fixClears('The crews rejected the revised offer from the operator on the quay.', 'The crews accepted the revised offer from the operator on the quay.'),
      'The crews rejected the revised offer from the operator on the quay.');
    assert.deepEqual(pair('The operator did not respond to the offer made by the crews on the quay.', "The operator didn't respond to the offer made by the crews on the quay."), []);
  });
  it('quantifiers', () => {
    assert.equal(fixClears('Most of the crews backed the walkout at the meeting on the quay.', 'Some of the crews backed the walkout at the meeting on the quay.'),
      'Most of the crews backed the walkout at the meeting on the quay.');
  });
  it('names: someone else is flagged, a misspelling is left to the names rules', () => {
    assert.equal(fixClears('The walkout was called by organiser Tomas Reyle after the vote on the quay.', 'The walkout was called by organiser Petra Lund after the vote on the quay.'),
      'The walkout was called by organiser Tomas Reyle after the vote on the quay.');
    assert.deepEqual(pair('The walkout was called by organiser Tomas Reyle after the vote on the quay.', 'The walkout was called by organiser Tomas Reyl after the vote on the quay.'), []);
  });
  it('rounding that keeps the meaning is an info', () => {
    const fs = pair('Ticket prices went up by 39.6 per cent over the last three winters, the council said.', 'Ticket prices went up by about 40 per cent over the last three winters, the council said.');
    assert.equal(fs.length, 1);
    assert.equal(fs[0]!.severity, 'hint');
  });
  it('a bound the source figure keeps is not flagged', () => {
    assert.deepEqual(pair('Ticket prices went up by 39.6 per cent over the last three winters, the council said.', 'Ticket prices went up by nearly 40 per cent over the last three winters, the council said.'), []);
  });
  it('reads wire copy\u2019s # before a figure as \u00a3 (a text with no \u00a3 sign): bounds compared, the fix writes \u00a3', () => {
    const src = (v: string) => `The treasurer of the bowls club took ${v} from its accounts over six years, magistrates heard.`;
    assert.deepEqual(pair(src('more than #55,000'), src('nearly \u00a360,000')), []);
    const fs = pair(src('#45,000'), src('\u00a360,000'));
    assert.equal(fs.length, 1, fs.map((f) => f.message).join(' | '));
    assert.match(fs[0]!.message, /Source says \u201c\u00a345,000\u201d/);
    assert.doesNotMatch(JSON.stringify(fs[0]!.fixes ?? []), /#/);
    assert.equal(fixClears(src('#45,000'), src('\u00a360,000')), src('\u00a345,000'));
  });
  it('keeps a # before a figure a number sign outside wire copy (another currency, a hashtag, no wire amount)', () => {
    const lows = (t: string) => factTokens(t).map((x) => x.low);
    assert.deepEqual(lows('The club paid #12,500 for the roller.').slice(0, 5), ['the', 'club', 'paid', '\u00a3', '12,500']);
    assert.ok(!lows('She was the #1 seed and won $40,000 at the open.').includes('\u00a3'));
    assert.ok(!lows('The #3 seed lost to a qualifier.').includes('\u00a3'));
    assert.ok(!lows('Fans of #TeamHarbour raised #12,500 for the crew.').includes('\u00a3'));
  });
  it('when the sources differ: says so, an info, no fix', () => {
    const s = 'Police said 12 people were arrested on the quay after the crews blocked the ferry ramp.';
    const fs = facts('Police said 16 people were arrested on the quay after the crews blocked the ferry ramp.', [
      refDoc('wire.txt', s),
      refDoc('gazette.txt', s.replace('12', '14'), 'Bay Gazette'),
    ]);
    assert.equal(fs.length, 1);
    assert.equal(fs[0]!.severity, 'hint');
    assert.match(fs[0]!.message, /^Sources differ: (12 in Coastline Wire, 14 in Bay Gazette|14 in Bay Gazette, 12 in Coastline Wire)/);
    assert.equal(fs[0]!.fixes, undefined);
  });
  it('an article that follows one of two disagreeing sources is not flagged', () => {
    const s = 'Police said 12 people were arrested on the quay after the crews blocked the ferry ramp.';
    assert.deepEqual(facts(s.replace('12', '14'), [refDoc('wire.txt', s), refDoc('gazette.txt', s.replace('12', '14'), 'Bay Gazette')]), []);
  });
  it('unrelated sentences are not compared', () => {
    assert.deepEqual(pair('The union said that 40 per cent of its members had voted to strike.', 'A new timetable for the 14 summer sailings will be published by the operator next month.'), []);
  });
  it('a name titled on one side only: a person if its own text titles it elsewhere', () => {
    const src = 'The walkout was called by Reyle after the vote on the quay ended.';
    const art = 'The walkout was called by Mr Lund after the vote on the quay ended.';
    const titledRef: ReferenceDoc = { id: 'wire.txt', path: 'wire.txt', text: OPENING + src + ' Mr Reyle has led the crews for a decade.' + FILLER, meta: { outlet: 'Coastline Wire' } };
    const fs = facts(art, [titledRef]);
    assert.equal(fs.length, 1);
    assert.equal(dataOf(fs[0]!, 'fact-mismatch')?.kind, 'name');
    assert.deepEqual(pair(src, art), [], 'never titled: maybe a place or a first name');
  });
  it('short sentences pair only with documents of the article\'s own story', () => {
    const story = 'The crews at Kestrel Bay walked out over the winter timetable after talks with the operator failed.' +
      ' The operator said the ferries would run a reduced service through the harbour until the dispute was settled.';
    const article = 'The skipper was jailed for seven years.\n\nFishermen along the northern coast have watched the harbour empty as the season' +
      ' turned, and several families have already moved inland to find work in the towns.\n\n' + story;
    const other: ReferenceDoc = { id: 'court.txt', path: 'court.txt', text: 'Harbour court\n\nThe skipper was jailed for five years. The judge said the smuggling had been planned for months.', meta: { outlet: 'Court Wire' } };
    const storyDoc: ReferenceDoc = { id: 'wire.txt', path: 'wire.txt', text: OPENING + story + FILLER, meta: { outlet: 'Coastline Wire' } };
    const run = (refs: ReferenceDoc[]) => check(article, ReferenceIndex.build(refs), {}).findings.filter((f) => f.rule === 'fact-mismatch');
    assert.deepEqual(run([storyDoc, other]).map((f) => f.message), [], 'another story of the same kind');
    // the same sentence in the article's own story is compared
    const own: ReferenceDoc = { ...storyDoc, text: OPENING + story + ' The skipper was jailed for five years.' + FILLER };
    assert.deepEqual(run([own, other]).map((f) => f.message), ['Source says “five”; the article says “seven” (figure; Coastline Wire)']);
  });
  it('a negation in place of an adverb of time: flagged, and the fix puts the adverb back', () => {
    const src = 'The harbour pilot was still suspended over the grounding of the night ferry, the operator said.';
    const art = 'The harbour pilot was not suspended over the grounding of the night ferry, the operator said.';
    const fs = pair(src, art);
    assert.equal(fs.length, 1);
    assert.equal(dataOf(fs[0]!, 'fact-mismatch')?.kind, 'polarity');
    assert.match(fixClears(src, art), /The harbour pilot was still suspended over the grounding/);
    assert.deepEqual(pair(src, 'The harbour pilot was quietly suspended over the grounding of the night ferry, the operator said.'), []);
  });
  it('slots inside an attributed quotation are left to misquote', () => {
    const fs = pair('"We lost 40 per cent of our sailings in March," organiser Tomas Reyle said.', '"We lost 14 per cent of our sailings in March," organiser Tomas Reyle said.');
    assert.deepEqual(fs, []);
  });
});

describe('rules/fact-mismatch: a template filled for another occasion', () => {
  // a running count written again with each update of an invented live blog
  const count = (n: number) => `Including postal ballots, Marla Oduya now has at least ${n} votes in the harbour board count.`;
  it('a recurring report with new numbers against an archive of earlier editions: no finding', () => {
    const editions = [412, 530, 610].map((n, k) => refDoc(`night${k + 1}.txt`, count(n), `Night ${k + 1}`));
    assert.deepEqual(facts(count(705), editions).map((f) => f.message), []);
  });
  it('the same sentence changed in one story, against that one source: still a finding', () => {
    const fs = facts(count(705), [refDoc('night1.txt', count(412))]);
    assert.equal(fs.length, 1);
    assert.equal(fs[0]!.severity, 'info');
    assert.equal(fs[0]!.text, '705');
  });
  it('an article that repeats the sentence with each update: its counts are not the source\'s to correct', () => {
    const article = `${count(650)} Late boxes came in from the north quay after midnight. ${count(705)}`;
    assert.deepEqual(facts(article, [refDoc('night2.txt', count(530))]).map((f) => f.message), []);
  });
  it('every figure of the sentence changed at once: another occasion, no finding; one changed: a finding', () => {
    const src = 'Of the 14 berths offered at the spring auction, the harbour board sold 9 by noon.';
    assert.deepEqual(pair(src, 'Of the 16 berths offered at the spring auction, the harbour board sold 11 by noon.').map((f) => f.message), []);
    const fs = pair(src, 'Of the 14 berths offered at the spring auction, the harbour board sold 11 by noon.');
    assert.equal(fs.length, 1);
    assert.equal(fs[0]!.text, '11');
  });
  it('a figure and its conversion changed together are one changed fact', () => {
    const fs = pair('The ferry operator lost $4.2m (£3.1m) over the winter season, its accounts show.', 'The ferry operator lost $3.4m (£2.5m) over the winter season, its accounts show.');
    assert.ok(fs.length >= 1, 'flagged');
  });
});

describe('rules/fact-mismatch: another occasion or another event in the pair itself', () => {
  it('other figures of the two sentences differ too: another tally, no finding; one changed: a finding', () => {
    const src = 'After the second count, Marla Oduya has 312 votes, Tomas Reyle has 140 and Petra Lund trails with 96.';
    assert.deepEqual(pair(src, 'After the second count, Marla Oduya has 27 votes and Petra Lund trails with 9.').map((f) => f.message), []);
    const fs = pair(src, 'After the second count, Marla Oduya has 327 votes, Tomas Reyle has 140 and Petra Lund trails with 96.');
    assert.equal(fs.length, 1);
    assert.equal(fs[0]!.text, '327');
  });
  it('a price at another time of day: no finding; the same time with another figure: a finding', () => {
    const src = 'Shares in the ferry operator were up 6% by noon on Monday after the new offer from the port trust.';
    assert.deepEqual(pair(src, 'Shares in the ferry operator closed up 4% on Monday after the new offer from the port trust.').map((f) => f.message), []);
    const fs = pair(src, 'Shares in the ferry operator were up 4% by noon on Monday after the new offer from the port trust.');
    assert.equal(fs.length, 1);
    assert.equal(fs[0]!.text, '4%');
  });
  it('the occasion named in other words around the same day: no finding; the same words: a finding', () => {
    const src = "Going into Thursday's ballot, the crews' union held a 40-seat lead on the harbour board.";
    assert.deepEqual(pair(src, 'Going into Grand Thursday, the crews\' union held a 12-seat lead on the harbour board.').map((f) => f.message), []);
    const fs = pair(src, "Going into Thursday's ballot, the crews' union held a 12-seat lead on the harbour board.");
    assert.equal(fs.length, 1);
    assert.equal(fs[0]!.text, '12');
  });
  it('another reference states the article\'s figure in the same words: the article follows it, no finding', () => {
    const s = (n: number) => `It takes ${n} votes on the harbour board to pass the ferry budget.`;
    assert.deepEqual(facts(s(31), [refDoc('a.txt', s(27)), refDoc('b.txt', s(31))]).map((f) => f.message), []);
    assert.equal(facts(s(31), [refDoc('a.txt', s(27))]).length, 1);
  });
  it('a quantifier in a sentence reworded all through: no finding; in the same words: a finding', () => {
    const src = 'Most of the ferry crews have close links to a union led by a docker named Ivo Brandt, who lives on the north quay.';
    assert.deepEqual(pair(src, 'All the ferry crews appear to have links to a union named for its founder, Ivo Brandt.').map((f) => f.message), []);
    const fs = pair(src, 'All of the ferry crews have close links to a union led by a docker named Ivo Brandt, who lives on the north quay.');
    assert.equal(fs.length, 1);
  });
});

describe('rules/fact-mismatch: another round, revision or report of a regular measure', () => {
  it('another round of cuts, either way round: no finding; the same round with another figure: a finding', () => {
    const first = 'Winter berths and moorings at the north quay have been cut by 15 per cent because of record storms.';
    const second = 'Winter berths and moorings at the north quay have been cut by another 30 per cent.';
    assert.deepEqual(pair(second, first).map((f) => f.message), []);
    assert.deepEqual(pair(first, second).map((f) => f.message), []);
    const fs = pair(first, 'Winter berths and moorings at the north quay have been cut by 25 per cent because of record storms.');
    assert.equal(fs.length, 1);
    assert.equal(fs[0]!.text, '25 per cent');
  });
  it('a revision in the other direction: no finding; the same direction: a finding', () => {
    const src = 'The port trust has lifted its expected dues for the summer season by $5 a berth for all ferries.';
    assert.deepEqual(pair(src, 'The port trust has lowered its expected dues for the summer season by $4 a berth for all ferries.').map((f) => f.message), []);
    const fs = pair(src, 'The port trust has lifted its expected dues for the summer season by $4 a berth for all ferries.');
    assert.equal(fs.length, 1);
    assert.equal(fs[0]!.text, '$4');
  });
  it('a second figure of one unit changed in another region: no finding; only the one: a finding', () => {
    const src = 'The kelp market slipped at the quay sale this week, with the harbour kelp index dropping off nine cents, to 612 cents a tray clean.';
    assert.deepEqual(pair(src, 'The kelp market held at the quay sale this week, with the harbour kelp index closing at 640 cents a tray, down just three cents.').map((f) => f.message), []);
    const fs = pair(src, 'The kelp market slipped at the quay sale this week, with the harbour kelp index dropping off nine cents, to 618 cents a tray clean.');
    assert.equal(fs.length, 1);
    assert.equal(fs[0]!.text, '618');
  });
  it('each text repeats its own figure in its headline: no finding; a headline with the source\'s figure: a finding', () => {
    const ref: ReferenceDoc = { id: 'wire.txt', path: 'wire.txt', text: 'Harbour dues index rises 9pc\nThe Kestrel Bay harbour dues index is up nearly 9 per cent on a year earlier.\nCrews say the rise will hit the smaller boats hardest.\n', meta: {} };
    const idx = ReferenceIndex.build([ref]);
    const run = (t: string) => check(t, idx, {}).findings.filter((f) => f.rule === 'fact-mismatch');
    const body = 'The Kestrel Bay harbour dues index for May was up 3.5 per cent on a year earlier.\nCrews say the rise will hit the smaller boats hardest.\n';
    assert.deepEqual(run('Harbour dues index up 3.5pc\n' + body).map((f) => f.message), []);
    const fs = run('Harbour dues index up 9pc\n' + body);
    assert.equal(fs.length, 1);
    assert.equal(fs[0]!.text, '3.5 per cent');
  });
  it('a capitalised word after "the" shared before the slot is no first name: a thing\'s name is not compared', () => {
    const src = 'The trawler fleet sails on the Northern Ridge of Storms, where two cold currents meet every winter.';
    assert.deepEqual(pair(src, 'The trawler fleet sails on the so-called Northern Rim of Storms, where two cold currents meet every winter.').map((f) => f.message), []);
    const fs = pair('The trawler fleet was led out by Captain Marla Oduya, whose boat had won the winter race.', 'The trawler fleet was led out by Captain Marla Reyle, whose boat had won the winter race.');
    assert.equal(fs.length, 1);
    assert.equal(fs[0]!.text, 'Reyle');
  });
});

describe('rules/fact-mismatch: speakers and titles', () => {
  it('another speaker of the same quotation: a finding on the name; a short stock sentence without one: none', () => {
    const fs = pair('Mr Reyle told him: "He was well over the harbour limit."', 'Mr Lund replied: "He was well over the limit."');
    assert.equal(fs.length, 1);
    assert.equal(fs[0]!.text, 'Lund');
    assert.deepEqual(pair('Mr Reyle died later in hospital.', 'Mr Lund died in hospital.').map((f) => f.message), []);
  });
  it('a title for a title counts as unchanged for pairing; another word does not', () => {
    const c = compareSentences(factTokens('The harbour judge told the skipper to pay the crews.'), factTokens('The harbour magistrate told the skipper to pay the crews.'));
    assert.equal(c.pairSimilarity, 1);
    assert.ok(c.similarity < 1);
    const d = compareSentences(factTokens('The harbour judge told the skipper to pay the crews.'), factTokens('The harbour pilot told the skipper to pay the crews.'));
    assert.equal(d.pairSimilarity, d.similarity);
  });
});

describe('rules/fact-mismatch: the same statement, not just a similar one', () => {
  const PULLED = 'On the eve of the vote, Reyle withdrew his bid for the new quay and told the harbour board in a letter to its chairman.';
  const PULLED_ART = 'On the eve of the vote, however, Mr Lund withdrew his bid for the new quay and told the harbour board in a letter to its chairman.';
  it("a name the source writes bare is a person when the article titles it elsewhere; not when neither text does", () => {
    assert.deepEqual(pair(PULLED, `Mr Reyle had met the skipper twice. ${PULLED_ART}`).map((f) => f.message), ['Source says “Reyle”; the article says “Lund” (name; Coastline Wire)']);
    assert.deepEqual(pair(PULLED, `Reyle had met the skipper twice. ${PULLED_ART}`), []);
  });
  const RULED_ART = 'The skipper said Petra Lund will miss the Kestrel Bay regatta on Sunday after hurting his wrist at the quay.';
  it("another person's full name the source writes elsewhere: the source speaks of both, each in a statement of their own", () => {
    const src = 'The skipper said Tomas Reyle will miss the Kestrel Bay regatta on Sunday after hurting his wrist at the quay.';
    assert.deepEqual(pair(`${src} Petra Lund, the captain, is unfit too.`, RULED_ART), []);
    assert.deepEqual(pair(`${src} He hopes to sail again in spring.`, RULED_ART).map((f) => f.message), ['Source says “Tomas Reyle”; the article says “Petra Lund” (name; Coastline Wire)']);
  });
  it("the source's sentence copied by another sentence of the article: the pair's sentence is another statement of its kind", () => {
    const src = 'A bidder needs 14 berths to carry the harbour board vote on the new quay.';
    const other = 'Lund holds 6 berths so far. A bidder needs 9 berths to carry the vote on the new quay.';
    assert.deepEqual(pair(src, `${src} ${other}`), []);
    assert.deepEqual(pair(src, other).map((f) => f.message), ['Source says “14”; the article says “9” (figure; Coastline Wire)']);
  });
});

describe('rules/fact-mismatch: speakers, letters after a name', () => {
  const REPORT = 'The report found that Petra Lund MP was knowingly helping the harbour board to hide the accounts from the crews.';
  it('a name with letters after it against another titled name: a finding, fixed with the surname', () => {
    assert.equal(fixClears(REPORT, 'The report found that Mr Reyle was knowingly helping the harbour board to hide the accounts from the crews.'),
      'The report found that Mr Lund was knowingly helping the harbour board to hide the accounts from the crews.');
    // at the edge of a longer rewording, the article quoting from inside the clause
    const fs = pair(REPORT, "The report found that two years ago Mr Reyle was 'knowingly helping the harbour board' to hide the accounts from the crews.");
    assert.deepEqual(fs.map((f) => f.message), ['Source says “Lund”; the article says “Reyle” (name; Coastline Wire)']);
    // the same person, with a courtesy title for the letters
    assert.deepEqual(pair(REPORT, 'The report found that Mrs Lund was knowingly helping the harbour board to hide the accounts from the crews.'), []);
  });
  it('a short speaker sentence whose quotation writes out a contraction: a finding on the name; the same speaker: none', () => {
    const src = 'Mr Reyle answered: "That\'s never what the harbour board agreed."';
    assert.equal(fixClears(src, 'Mr Lund replied: "That is never what the harbour board agreed."'), 'Mr Reyle replied: "That is never what the harbour board agreed."');
    assert.deepEqual(pair(src, 'Mr Reyle replied: "That is never what the harbour board agreed."'), []);
  });
  it('another speaker credited with the quotation the source credits: a finding; a quotation only partly shared: none', () => {
    const src = 'Watched by the crews and by Mr Lund, Mr Reyle replied: "Well, the tide will turn again by the spring."';
    assert.equal(fixClears(src, 'Mr Lund: "Well, the tide will turn again by the spring."'), 'Mr Reyle: "Well, the tide will turn again by the spring."');
    // a transcript's bare name, the article's quotation cut short: the speaker still differs
    const transcript = 'Reyle: "Just as plainly, the harbour board has broken every promise it made to the crews."';
    assert.deepEqual(pair(transcript, 'Mr Reyle was questioned for an hour. Mr Lund said: "The harbour board has broken every promise it made to the crews."').map((f) => f.message),
      ['Source says “Reyle”; the article says “Lund” (name; Coastline Wire)']);
    // most of the article's quotation is its own
    assert.deepEqual(pair(transcript, 'Mr Reyle was questioned for an hour. Mr Lund said: "The harbour board has broken every promise, and the crews will walk out on Friday unless it pays them."'), []);
  });
});

describe('facts/speaker', () => {
  const speaker = (s: string) => {
    const toks = factTokens(s);
    const sp = quotedSpeaker(toks, s);
    return sp && `${toks.slice(sp.name[0], sp.name[1]).map((t) => t.text).join(' ')}${sp.titled ? ' (titled)' : ''}`;
  };
  it('the name credited with the quotation: before a reporting verb or a colon, opening its clause', () => {
    assert.equal(speaker('Watched by the crews and by Mr Lund, Mr Reyle replied: "Well, the tide will turn."'), 'Reyle (titled)');
    assert.equal(speaker('Reyle: "Just as plainly, the board broke its word."'), 'Reyle');
    assert.equal(speaker('Petra Lund said, "The board broke its word."'), 'Petra Lund');
    // the one spoken to, a name without a reporting verb before a comma, no quotation: no speaker
    assert.equal(speaker('The skipper shouted to Mr Reyle: "Well, the tide will turn."'), null);
    assert.equal(speaker('As for Mr Reyle, "he broke his word", the skipper said.'), null);
    assert.equal(speaker('Mr Reyle replied that the tide would turn.'), null);
  });
});

describe('rules/fact-mismatch: versions of the story', () => {
  const P1a = 'The Kestrel Bay harbour board met in closed session on Tuesday night to discuss the future of the winter ferry service and the pay of its crews.';
  const P1 = `${P1a} Members were told the operator had lost money on every winter crossing for six years and would ask for a larger subsidy.`;
  const P2 =
    'Crews on the winter ferry have refused to sail since the start of the month, leaving island families without a crossing for almost three weeks, and the operator says it cannot afford the rise the union wants for the night sailings.';
  const S = 'Detective Inspector Ilse Varga, who led the inquiry into the damaged ferry, said the harbour board had been warned twice.';
  const OWN =
    ' Islanders queued at the slipway with their shopping in the rain. Some had hired fishing boats to reach the mainland clinic. ' +
    'A teacher said her class had shrunk by half since the strike began. The shop on the quay has run out of fresh milk and bread twice this week. ' +
    'Older residents say they remember a longer strike forty winters ago, when the navy ran a supply boat. Nobody on the island expects the dispute to end soon. ' +
    'The chapel has opened its hall as a warm room for families who cannot reach the mainland. A fisherman said he had never seen the harbour so quiet in winter.';
  const article = `${P2}${OWN} ${S.replace('Inspector', 'Sergeant')}`;
  it('a sentence paired only with another issue of the wire story the article follows: a finding', () => {
    const refs = [
      { id: 'wire-1.txt', path: 'wire-1.txt', text: `${P1}\n\n${P2}\n`, meta: { outlet: 'Coastline Wire' } },
      { id: 'wire-2.txt', path: 'wire-2.txt', text: `${P1}\n\n${S}\n`, meta: { outlet: 'Coastline Wire' } },
    ];
    assert.deepEqual(facts(article, refs).map((f) => f.message), ['Source says “Inspector”; the article says “Sergeant” (title; Coastline Wire)']);
  });
  it('the same sentence in a document that repeats no paragraph of the story, or one sentence of background: none', () => {
    const story = { id: 'wire-1.txt', path: 'wire-1.txt', text: `${P1}\n\n${P2}\n`, meta: { outlet: 'Coastline Wire' } };
    const other = (text: string) => ({ id: 'wire-2.txt', path: 'wire-2.txt', text, meta: { outlet: 'Coastline Wire' } });
    assert.deepEqual(facts(article, [story, other(`The regatta committee met on the pier at noon to choose a date for the summer races.\n\n${S}\n`)]).map((f) => f.message), []);
    assert.deepEqual(facts(article, [story, other(`${P1a}\n\n${S}\n`)]).map((f) => f.message), []);
  });
});

describe('rules/fact-mismatch: a person titled otherwise on each side', () => {
  it('a name in full against another titled name: a finding, fixed with the surname; the same person: none', () => {
    const src = 'The skipper told the inquiry that Tomas Reyle had cut the mooring lines before the storm reached the harbour.';
    assert.equal(fixClears(src, 'The skipper told the inquiry that Mr Lund had cut the mooring lines before the storm reached the harbour.'),
      'The skipper told the inquiry that Mr Reyle had cut the mooring lines before the storm reached the harbour.');
    assert.deepEqual(pair(src, 'The skipper told the inquiry that Mr Reyle had cut the mooring lines before the storm reached the harbour.'), []);
  });
  it('another courtesy title and name at the edge of a rewording: a finding; the same name: none', () => {
    const src = 'After the hearing Pc Reyle, a mother of two who has served on the island since 2001, said the board had let the crews down.';
    assert.deepEqual(pair(src, 'After the hearing Ms Lund, who has served on the island since 2001, said the board had let the crews down.').map((f) => f.message),
      ['Source says “Reyle”; the article says “Lund” (name; Coastline Wire)']);
    assert.deepEqual(pair(src, 'After the hearing Ms Reyle, who has served on the island since 2001, said the board had let the crews down.'), []);
  });
  it('an article sentence that ends with the name, the source going on with a clause: a finding; the same name: none', () => {
    const src = 'The appeal judge said the harbour court had weighed too finely the force used by Mr Reyle when he defended his boat from the raiders.';
    assert.deepEqual(pair(src, 'The appeal judge said the harbour court had weighed too finely the force used by Mr Lund.').map((f) => f.message),
      ['Source says “Reyle”; the article says “Lund” (name; Coastline Wire)']);
    assert.deepEqual(pair(src, 'The appeal judge said the harbour court had weighed too finely the force used by Mr Reyle.'), []);
  });
  it("the source's reporting frame before the name dropped: a finding; another clause before it: none", () => {
    const src = 'She told the jury Reyle would claim he had acted to save his crew from the fire on the quay.';
    const art = (name: string) => `Mr Reyle has sailed from the island for twenty years. ${name} would claim he had acted to save his crew from the fire on the quay.`;
    assert.deepEqual(pair(src, art('Mr Lund')).map((f) => f.message), ['Source says “Reyle”; the article says “Lund” (name; Coastline Wire)']);
    assert.deepEqual(pair(src, art('Mr Reyle')), []);
    // the source's words before the name hold a clause of their own: the name may play another part
    assert.deepEqual(pair('She paid Reyle and he would claim he had acted to save his crew from the fire on the quay.', art('Mr Lund')), []);
  });
  it('a name opening both sentences, the words after it reworded: a finding; the other person named beside it: none', () => {
    const art = (rest: string) => `Mr Reyle has sailed from the island for twenty years. ${rest}`;
    const src = 'Reyle won 65 races for the island club before retiring from the sport last year.';
    assert.deepEqual(pair(src, art('Mr Lund, from Harbourtown, won 65 races for the island club before retiring from the sport last year.')).map((f) => f.message),
      ['Source says “Reyle”; the article says “Lund” (name; Coastline Wire)']);
    assert.deepEqual(pair(src, art('Mr Lund, a crewmate of Reyle, won 65 races for the island club before retiring from the sport last year.')), []);
    // the sentence turned into the passive: the one the verb is done to, not its doer
    const fined = 'Judge Tomas Reyle fined her 65 pounds for each of the boats she had damaged on the island quay.';
    assert.deepEqual(pair(fined, art('Mrs Lund was fined 65 pounds for each of the boats she had damaged on the island quay.')), []);
  });
});

describe('rules/fact-mismatch: wire furniture and questions state no fact', () => {
  // two takes of one invented wire story: slug lines with their own filing times and take labels, bylines
  const RULE = '  ------------------------------------------------------------------------\n';
  const take = (slug: string, byline: string, body: string) =>
    `${RULE}\n${RULE}\n           ${slug}\n${RULE}FERRY CREWS WALK OUT AT KESTREL BAY<\n\x19By ${byline}, Coastline Wire<\n\x19${body}<\n` +
    `\x19Talks between the operator and the crews broke down late in the evening without a new date.<\n`;
  const BODY = 'Ferry crews at Kestrel Bay walked out on Tuesday after talks over night-shift pay collapsed for the third time this year.';
  const first = take('09:41 12/05/26: Page 1 (HHH) HARBOUR Ferry Lead', 'Tamsin Greaves', BODY);
  const checkTake = (text: string, ref: string) =>
    check(text, ReferenceIndex.build([{ id: 'take1.txt', path: 'take1.txt', text: ref, meta: { outlet: 'Coastline Wire' } }]), {}).findings.filter((f) => f.rule === 'fact-mismatch');

  it('another take’s slug line (filing time, page, take label) and byline are not compared', () => {
    const second = take('11:05 12/05/26: Page 2 (HHH) HARBOUR Ferry 2nd Lead', 'Owen Pritchard', BODY);
    assert.deepEqual(checkTake(second, first).map((f) => f.message), []);
  });

  it('a changed fact in the take’s body is still flagged', () => {
    const second = take('11:05 12/05/26: Page 2 (HHH) HARBOUR Ferry 2nd Lead', 'Owen Pritchard', BODY.replace('Tuesday', 'Wednesday'));
    assert.deepEqual(checkTake(second, first).map((f) => f.message), ['Source says “Tuesday”; the article says “Wednesday” (date; Coastline Wire)']);
  });

  it('a question states no fact: not compared with the source’s statement', () => {
    assert.deepEqual(pair('The crews walked out on Tuesday after talks over night-shift pay collapsed for the third time.', 'Did the crews walk out on Wednesday after talks over night-shift pay collapsed for the third time?'), []);
  });
});

describe('rules/fact-mismatch: a title in the possessive', () => {
  const SRC = 'Mrs Alden told the crews that the judge’s order would end any hope of new funding for the night ferry rota.';

  it('one office for another, each in the possessive, is a changed title', () => {
    const fs = pair(SRC, SRC.replace('judge’s', 'coroner’s'));
    assert.deepEqual(fs.map((f) => [dataOf(f, 'fact-mismatch')?.kind, f.text]), [['title', 'coroner’s']]);
  });

  it('capitalised, with another verb around it: still the title', () => {
    const src = 'The crews’ union welcomed the Coroner’s plea for a safer rota on the night ferries of Kestrel Bay.';
    const fs = pair(src, src.replace('Coroner’s', 'Judge’s'));
    assert.deepEqual(fs.map((f) => dataOf(f, 'fact-mismatch')?.kind), ['title']);
  });

  it('the same office in the possessive on both sides, or the owner reworded: no finding', () => {
    assert.deepEqual(pair(SRC, SRC.replace('the judge’s order', 'the judge’s decision')), []);
    assert.deepEqual(pair(SRC, SRC.replace('the judge’s order', 'the order of the judge')), []);
  });
});

describe('rules/fact-mismatch: a take’s first sentence after its slug line', () => {
  // takes of one invented wire story whose first sentence follows the slug line, with no headline or byline
  const RULE = '  ------------------------------------------------------------------------\n';
  const take = (slug: string, body: string) =>
    `${RULE}\n${RULE}\n           ${slug}\n${RULE}${body}<\n` +
    `\x19Talks between the operator and the crews broke down late in the evening without a new date.<\n`;
  const BODY = 'Former harbour master Tomas Reyle was today fined for failing to log the night crossings of the Kestrel Bay ferry.';
  const first = take('09:41 12/05/26: Page 1 (HHH) HARBOUR Ferry', BODY);
  const checkTake = (text: string) =>
    check(text, ReferenceIndex.build([{ id: 'take1.txt', path: 'take1.txt', text: first, meta: { outlet: 'Coastline Wire' } }]), {}).findings.filter((f) => f.rule === 'fact-mismatch');

  it('a rank dropped at the start of the sentence is read after the slug line', () => {
    const fs = checkTake(take('11:05 12/05/26: Page 2 (HHH) HARBOUR Ferry Lead', BODY.replace('Former harbour', 'Harbour')));
    assert.deepEqual(fs.map((f) => [dataOf(f, 'fact-mismatch')?.kind, f.text]), [['title', 'Harbour']]);
  });

  it('another take’s filing time and page are no second changed value beside a changed date', () => {
    const body = 'The relief ferry was ordered from the Brisk yard on October 9, 2024, and has not yet been delivered.';
    const a = take('09:41 12/05/26: Page 1 (HHH) HARBOUR Ferry', body);
    const b = take('17:33 12/05/26: Page 3 (HHH) HARBOUR Ferry Nightlead', body.replace('9,', '19,'));
    const fs = check(b, ReferenceIndex.build([{ id: 'take1.txt', path: 'take1.txt', text: a, meta: { outlet: 'Coastline Wire' } }]), {}).findings.filter((f) => f.rule === 'fact-mismatch');
    assert.deepEqual(fs.map((f) => f.text), ['19']);
  });

  it('the same take again under another slug line: no finding', () => {
    assert.deepEqual(checkTake(take('11:05 12/05/26: Page 2 (HHH) HARBOUR Ferry Lead', BODY)), []);
  });
});

describe('rules/fact-mismatch: an office abbreviated on one side', () => {
  it('“DI” against “Detective Inspector” in a reworded opening is the same office', () => {
    const src = 'DI Reyle said the harbour board had been warned about the faulty lights on the night ferry two weeks earlier.';
    const art = 'In court, Detective Inspector Anna Reyle said the harbour board had been warned about the faulty lights on the night ferry two weeks earlier.';
    assert.deepEqual(pair(src, art), []);
    assert.deepEqual(pair(art, src), []);
  });

  it('another office in the same place is still flagged', () => {
    const src = 'DI Reyle said the harbour board had been warned about the faulty lights on the night ferry two weeks earlier.';
    const art = 'In court, Detective Sergeant Anna Reyle said the harbour board had been warned about the faulty lights on the night ferry two weeks earlier.';
    assert.deepEqual(pair(src, art).map((f) => dataOf(f, 'fact-mismatch')?.kind), ['title']);
  });
});

describe('rules/fact-mismatch: a reported question, another moment', () => {
  it('a question reported with a full stop states nothing: not compared with the answer', () => {
    const answer = 'He said the delay to the night ferry on the Kestrel Bay crossing was not avoidable.';
    const asked = 'Counsel for the crews asked him if the delay to the night ferry on the Kestrel Bay crossing was avoidable.';
    assert.deepEqual(pair(answer, asked), []);
    assert.deepEqual(pair(asked, answer), []);
  });

  it('two reported questions are compared: the asking is the fact', () => {
    const src = 'The skipper was asked whether he would sail the night ferry to Kestrel Bay without a second mate on board.';
    assert.deepEqual(pair(src, src.replace('was asked', 'was not asked')).map((f) => dataOf(f, 'fact-mismatch')?.kind), ['polarity']);
  });

  it('a statement after a reporting verb is still compared', () => {
    const src = 'He said the delay to the night ferry on the Kestrel Bay crossing was not avoidable.';
    assert.deepEqual(pair(src, src.replace('was not avoidable', 'was avoidable')).map((f) => dataOf(f, 'fact-mismatch')?.kind), ['polarity']);
  });

  it('“before” one event against “after” another is no flip; the same event is', () => {
    const src = 'After repeatedly checking its moorings the skipper radioed the harbour office to report damage to the night ferry.';
    assert.deepEqual(pair(src, src.replace('After repeatedly checking its moorings', 'Before sailing')), []);
    assert.deepEqual(pair(src, src.replace('After repeatedly', 'Before repeatedly')).map((f) => dataOf(f, 'fact-mismatch')?.kind), ['polarity']);
  });
});

describe('rules/fact-mismatch: a rank read by its title word, a title another take states', () => {
  it('a rank dropped before the same title word, the words around both reworded: a changed title', () => {
    const src = 'Tomas Reyle could have been in the shadow cabinet but for the harbour board and its campaign of lies.';
    const fs = pair(src, 'Tomas Reyle should have reached the cabinet but for lies told by the harbour board and its campaign.');
    assert.deepEqual(fs.map((f) => [dataOf(f, 'fact-mismatch')?.kind, f.text]), [['title', 'cabinet']]);
    // the rank kept: the same title, no finding
    assert.deepEqual(pair(src, 'Tomas Reyle should have reached the shadow cabinet but for lies told by the harbour board and its campaign.'), []);
  });

  it('a negation written otherwise beside a changed title keeps the pair: "never" / "not" is one polarity', () => {
    const src = 'But Mr Lund said that the Harbour Secretary had never invited any bids from the Brisk yard and that the letter was a diatribe.';
    const art = 'Unlike the account given at the earlier hearing, the Harbour Minister had not invited any bids from the Brisk yard.';
    assert.deepEqual(pair(src, art).map((f) => [dataOf(f, 'fact-mismatch')?.kind, f.text]), [['title', 'Minister']]);
    // the same office, the negation written otherwise: no finding
    assert.deepEqual(pair(src, art.replace('Minister', 'Secretary')), []);
    // the pair is as like as with the same negation word on both sides
    const like = (a: string) => compareSentences(factTokens(src), factTokens(a)).pairSimilarity;
    assert.equal(like(art), like(art.replace('not', 'never')));
  });

  it('a rank the best-paired take leaves out, stated by another take of the story: a changed title', () => {
    const takes = [
      refDoc('take1.txt', 'Tomas Reyle, 41, of Brisk, was today convicted of stealing fuel from the harbour depot over two winters.'),
      refDoc('take2.txt', 'The jury in the case of a harbour sergeant accused of stealing fuel from the harbour depot today retired to consider its verdicts.'),
    ];
    const fs = facts('A harbour inspector was today convicted of stealing fuel from the harbour depot over two winters.', takes);
    assert.deepEqual(fs.map((f) => [dataOf(f, 'fact-mismatch')?.kind, f.text, f.source?.id]), [['title', 'inspector', 'take2.txt']]);
    // the rank the other take gives: no finding
    assert.deepEqual(facts('A harbour sergeant was today convicted of stealing fuel from the harbour depot over two winters.', takes), []);
  });
});

describe('rules/fact-mismatch: a day of the month beside the year written relative to the date', () => {
  const SRC = 'Reyle sank the relief ferry at its moorings in Brisk harbour on April 27 1999, the court heard.';

  it('another day of the same month, the year written "last year" on one side: a changed date', () => {
    const fs = pair(SRC, SRC.replace('27 1999', '12 last year'));
    assert.deepEqual(fs.map((f) => [dataOf(f, 'fact-mismatch')?.kind, f.text]), [['date', '12']]);
    // and the year left out on one side
    assert.deepEqual(pair(SRC, SRC.replace('27 1999', '12')).map((f) => [dataOf(f, 'fact-mismatch')?.kind, f.text]), [['date', '12']]);
  });

  it('the same day, the year written relative to the date or left out: no finding', () => {
    assert.deepEqual(pair(SRC, SRC.replace('27 1999', '27 last year')), []);
    assert.deepEqual(pair(SRC, SRC.replace('April 27 1999', '27 April last year')), []);
    assert.deepEqual(pair(SRC, SRC.replace('27 1999', '27')), []);
  });
});
