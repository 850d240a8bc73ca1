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
});
