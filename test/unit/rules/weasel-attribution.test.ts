import { strict as assert } from 'node:assert';
import { assertSpans, only } from './helpers';

describe('rule weasel-attribution', () => {
  const cases = ['Observers say the port is doomed.', 'Critics argue the deal is weak.', 'It is believed the talks failed.', 'The deal is being viewed as a defeat.', 'It was a moment many hope will last.', 'Some say the mayor should resign.', 'Experts warn of more strikes.'];
  for (const t of cases) {
    it(`flags: ${t}`, () => {
      const fs = only('weasel-attribution', t);
      assert.equal(fs.length, 1, JSON.stringify(fs));
      assert.equal(fs[0]!.severity, 'hint');
    });
  }
  it('does not flag named sources, quoted speech or "by" passives', () => {
    assert.deepEqual(only('weasel-attribution', 'Kremlin officials said the meeting would go ahead.'), []);
    assert.deepEqual(only('weasel-attribution', '“Some say we are finished,” Ana Ruiz said.'), []);
    assert.deepEqual(only('weasel-attribution', 'The deal is viewed as a defeat by Mayor Voss.'), []);
  });
  it('spans the vague words themselves and gives the reason; offers no fix', () => {
    const t = 'The ferry left the quay at dawn, and it is believed the crew was short-handed.';
    const fs = only('weasel-attribution', t);
    assert.equal(fs.length, 1, JSON.stringify(fs));
    const f = fs[0]!;
    assertSpans(t, f, 'it is believed');
    assert.match(f.message, /a passive with no one doing the saying/);
    assert.equal(f.fixes, undefined);
  });
  it('flags each vague source once, in text order', () => {
    const t = 'Critics argue the new timetable is too thin. The ferry reportedly left early, and some say the pilots refused to sail.';
    const fs = only('weasel-attribution', t);
    assert.deepEqual(fs.map((f) => t.slice(f.start, f.end)), ['Critics argue', 'reportedly', 'some say']);
  });
  const spansOf = (t: string) => only('weasel-attribution', t).map((f) => t.slice(f.start, f.end));
  it('still flags vague sources and agentless hedges with no named speaker', () => {
    assert.deepEqual(spansOf('Critics say the new ferry timetable is too thin.'), ['Critics say']);
    assert.deepEqual(spansOf('It is widely believed that the harbour master will resign.'), ['It is widely believed']);
    assert.deepEqual(spansOf('Some experts fear the plan will fail.'), ['Some experts fear']);
    assert.deepEqual(spansOf('Now many hope the crossing will reopen before winter.'), ['many hope']);
    assert.deepEqual(spansOf('The vote on the fares, which many fear will pass, is due on Friday.'), ['many fear']);
    assert.deepEqual(spansOf('The half-point cut, some believe, could keep the yard open.'), ['some believe']);
    assert.deepEqual(spansOf('Only a few say the new berth was worth the money.'), ['few say']);
  });
  it('still flags a hedge inside the reported speech of a vague credit', () => {
    assert.deepEqual(spansOf('Critics say it is widely believed the fares will double.'), ['Critics say', 'it is widely believed']);
    assert.deepEqual(spansOf('Officials said the ferry is reportedly unsafe in high winds.'), ['Officials said', 'reportedly']);
    assert.deepEqual(spansOf('Some analysts said it is expected the operator will raise prices.'), ['Some analysts said', 'it is expected']);
    // the writer's words after a dash that closes a named speaker's reported words
    assert.deepEqual(spansOf('The port authority says it is confident about the repairs\u2014a sign of what many hope will be an early reopening.'), ['many hope']);
  });
  it('does not flag a named speaker\u2019s own hedge in reported speech', () => {
    assert.deepEqual(spansOf('Grain analyst Mara Tellen says while the review is welcome, it is expected that prices will keep moving.'), []);
    assert.deepEqual(spansOf('Port manager Dev Okafor says the new berth is reportedly the largest on the coast.'), []);
    assert.deepEqual(spansOf('It is thought the outage hit thousands of users, said Mr Brandt, a spokesman for the firm.'), []);
    assert.deepEqual(spansOf('Our economics correspondent Lena Marsh says the merger, which is widely viewed as overdue, will cut costs.'), []);
    assert.deepEqual(spansOf('A spokesman for the port authority said it is understood the berth will close in May.'), []);
    assert.deepEqual(spansOf('Port engineer Sam Otero says work will begin in May and it is expected to take a year.'), []);
    assert.deepEqual(spansOf('But the board did not want the kind of sell-off which many fear in the valley, Ms Quist said.'), []);
    // a pronoun credit that resolves to a named speaker
    assert.deepEqual(spansOf('Mayor Ana Ruiz spoke at the pier on Monday. She said the new timetable is reportedly popular.'), []);
  });
  it('does not flag "some"/"most" as a determiner or superlative ("some hope", "most feared")', () => {
    assert.deepEqual(spansOf('So is there reason for growers to have some hope that the rain will come?'), []);
    assert.deepEqual(spansOf('Forecasters are offering some hope of rain for the district next week.'), []);
    assert.deepEqual(spansOf('He joined one of the city\u2019s most feared gangs as a teenager.'), []);
    assert.deepEqual(spansOf('The raid hit one of the most feared crews on the coast.'), []);
  });
  it('does not flag a reader\u2019s comment credited by its handle on the next line', () => {
    const t = 'Readers told us who won the harbour debate.\n\nThe mayor won. Outside the hall, the others are seen as a sideshow.\n\n@quayside_jo.\n\nNobody won.';
    assert.deepEqual(spansOf(t), []);
    // without the handle the same words are flagged
    assert.deepEqual(spansOf('Readers told us who won the harbour debate.\n\nThe mayor won. Outside the hall, the others are seen as a sideshow.'), ['are seen as']);
  });
  it('reads the speaker before "from"/"in" and after an inverted "said"', () => {
    assert.deepEqual(spansOf('Nell Varga from the Northern Rivers Flood Warning Service of New South Wales says the creek is reportedly the highest on record.'), []);
    assert.deepEqual(spansOf('The station\u2019s Tom Irwin in Lisbon says one reason is the new tax, which is widely viewed as the cause of the slump.'), []);
    assert.deepEqual(spansOf('Although the intruder, 19, got into the mail server, it is thought he failed to reach the payroll files which are kept on another machine, said Mr Hollis.'), []);
  });
  it('flags the writer\u2019s own clause after "and" or "but", and vague credits inside a speaker\u2019s words', () => {
    assert.deepEqual(spansOf('The ferry firm has said little about the plan, and people familiar with its thinking say it will sell.'), ['people familiar with']);
    assert.deepEqual(spansOf('The ferry firm has said it wants to be first, and some analysts predict a launch in May.'), ['some analysts predict']);
    assert.deepEqual(spansOf('Many prominent councillors have said they will stay away and others have said they will vote against.'), ['others have said']);
    assert.deepEqual(spansOf('Anger over the fares is the main reason, with many saying the rise was unfair.'), ['many saying']);
  });
  it('keeps a speaker\u2019s second speech verb after "but"/"and" in the speaker\u2019s words', () => {
    assert.deepEqual(spansOf('Harbour master Ines Tarrow conceded the point but said that experts say the channel is silting up.'), []);
    assert.deepEqual(spansOf('Ines Tarrow admitted the delay and added that it is believed the dredger will arrive in May.'), []);
    // a new subject after "and" is still the writer's clause
    assert.deepEqual(spansOf('Ines Tarrow conceded the point, and critics say the channel is silting up.'), ['critics say']);
  });
});
