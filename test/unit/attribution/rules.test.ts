import { strict as assert } from 'node:assert';
import { applyEdits, midSentence } from '../../../src/core/attribution/fixes';
import { check } from '../../../src/core/engine';
import { ReferenceIndex } from '../../../src/core/reference-index';
import type { Finding, RuleId } from '../../../src/core/types';

const REF = `Harbour talks stall as dockers walk out

Port spokesman Jonas Feld said the cranes would stay idle until Friday. “We have not received a single serious offer,” Feld said. He added that the union was “willing to talk at any hour”.

Union leader Marta Kosk said: “Nobody will unload a ship until the contracts are signed.”

The harbour lost four million euros in the first week of the strike, according to the port authority.

Mayor Elena Voss said the colour of the new cranes had been chosen by residents.`;

const index = ReferenceIndex.build([{ id: 'wire.md', path: 'wire.md', text: REF, meta: { outlet: 'Coast Wire' } }]);
const only = (rule: RuleId, text: string, idx = index): Finding[] =>
  check(text, idx, { rules: { 'copied-passage': 'off', 'name-spelling': 'off', 'name-inconsistency': 'off' } }).findings.filter((f) => f.rule === rule);
const fixed = (text: string, f: Finding) => applyEdits(text, (f.fixes!.find((x) => x.preferred) ?? f.fixes![0]!).edits);

describe('rule unattributed-quote', () => {
  it('flags a quote with no speaker and inserts the reference speaker', () => {
    const t = 'The strike went into its second week.\n\n“Nobody will unload a ship until the contracts are signed.”\n\nShips queued outside.';
    const [f] = only('unattributed-quote', t);
    assert.ok(f, 'flagged');
    assert.equal(f.severity, 'info'); // info until judged ≥ 80 % right on real copy
    assert.equal(
      fixed(t, f),
      'The strike went into its second week.\n\n“Nobody will unload a ship until the contracts are signed,” union leader Marta Kosk said.\n\nShips queued outside.',
    );
  });
  it('flags without a fix when no reference has the quote', () => {
    const t = 'Rain fell all day.\n\n“We will sail when the wind drops and the pilots return.”';
    const [f] = only('unattributed-quote', t);
    assert.ok(f);
    assert.equal(f.fixes, undefined);
  });
  it('a quote no reference quotes but one holds as its own text: attributed to that source\'s outlet', () => {
    const t = 'The strike went into its second week.\n\n“The harbour lost four million euros in the first week of the strike.”\n\nShips queued outside.';
    const [f] = only('unattributed-quote', t);
    assert.ok(f, 'flagged');
    assert.match(f.message, /the words are from Coast Wire/);
    assert.equal(f.source!.text, 'The harbour lost four million euros in the first week of the strike');
    assert.equal(
      fixed(t, f),
      'The strike went into its second week.\n\n“The harbour lost four million euros in the first week of the strike,” Coast Wire said.\n\nShips queued outside.',
    );
  });
  it('does not flag a quote attributed in the previous sentence or paragraph', () => {
    assert.deepEqual(only('unattributed-quote', 'Ana Ruiz spoke first. “We waited ten years,” she said. “Ten years of promises and nothing else.”'), []);
    assert.deepEqual(only('unattributed-quote', 'Ana Ruiz said the cooperative was angry.\n\n“Ten years of promises and nothing else.”'), []);
  });
  it('a stance in the paragraph before credits no speaker', () => {
    const t = 'Fishermen oppose the new quota, and recent surveys show rising anger in the port.\n\n“Ten years of promises and nothing else.”';
    const [f] = only('unattributed-quote', t);
    assert.ok(f, 'flagged');
    assert.equal(f.text, 'Ten years of promises and nothing else.');
  });
  it('does not flag headline quotes or scare quotes', () => {
    assert.deepEqual(only('unattributed-quote', '“Ten years of broken promises”: fishermen turn on council\n\nThe so-called “blue plan” failed.'), []);
  });
});

describe('rule unattributed-claim', () => {
  it('flags a claim the reference attributes and appends the attribution', () => {
    const t = 'Dockers stayed home again on Tuesday. The harbour lost four million euros in the first week of the strike. Talks resume on Friday.';
    const [f] = only('unattributed-claim', t);
    assert.ok(f, 'flagged');
    assert.match(f.message, /port authority/);
    assert.equal(
      fixed(t, f),
      'Dockers stayed home again on Tuesday. The harbour lost four million euros in the first week of the strike, according to the port authority. Talks resume on Friday.',
    );
    const other = f.fixes!.find((x) => !x.preferred)!;
    assert.equal(
      applyEdits(t, other.edits),
      'Dockers stayed home again on Tuesday. The harbour lost four million euros in the first week of the strike, the port authority said. Talks resume on Friday.',
    );
  });
  it('leaves a bare direct quotation to unattributed-quote (one finding, with the speaker)', () => {
    const t = 'The strike went into its second week.\n\n“Nobody will unload a ship until the contracts are signed.”\n\nShips queued outside.';
    const fs = check(t, index, { rules: { 'copied-passage': 'off', 'name-spelling': 'off', 'name-inconsistency': 'off' } }).findings;
    assert.deepEqual(fs.filter((f) => f.rule === 'unattributed-claim'), []);
    assert.equal(fs.filter((f) => f.rule === 'unattributed-quote').length, 1);
  });
  it('flags a reworded claim too short for a copied passage', () => {
    const idx = ReferenceIndex.build([{ id: 'r.md', path: 'r.md', text: 'Storm warning for the coast.\n\nThe ferry will not sail before Thursday, the harbour master said.', meta: {} }]);
    const t = 'Islanders are stocking up. The ferry is not expected to sail before Thursday. Shops are closed.';
    const [f] = only('unattributed-claim', t, idx);
    assert.ok(f, 'flagged');
    assert.equal(fixed(t, f), 'Islanders are stocking up. The ferry is not expected to sail before Thursday, according to the harbour master. Shops are closed.');
  });
  it('does not flag the claim when the article attributes it', () => {
    assert.deepEqual(only('unattributed-claim', 'The harbour lost four million euros in the first week of the strike, officials at the port authority said.'), []);
  });
  it('does not flag with no references', () => {
    assert.deepEqual(only('unattributed-claim', 'The harbour lost four million euros in the first week of the strike.', ReferenceIndex.build([])), []);
  });
});

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
});

describe('rule misquote', () => {
  it('flags changed words, shows the diff and restores the source wording', () => {
    const t = '“We have not received one serious offer,” Feld said.';
    const [f] = only('misquote', t);
    assert.equal(f!.severity, 'warning');
    assert.match(f!.message, /“a single” → “one”/);
    assert.deepEqual(f!.suggestions, ['We have not received a single serious offer']);
    assert.equal(fixed(t, f!), '“We have not received a single serious offer,” Feld said.');
    assert.equal(f!.source!.id, 'wire.md');
    assert.equal(f!.data!.speaker, 'Feld');
  });
  it('flags a changed short quote matched through its speaker and sentence', () => {
    const t = 'Port spokesman Jonas Feld said the union was “ready to talk at any hour”.';
    const [f] = only('misquote', t);
    assert.ok(f);
    assert.match(f.message, /“willing” → “ready”/);
  });
  it('accepts exact and correctly shortened quotes', () => {
    assert.deepEqual(only('misquote', '“We have not received a single serious offer,” Feld said.'), []);
    assert.deepEqual(only('misquote', 'Feld said they had “not received a single serious offer”.'), []);
  });
  it('gives a faithful ellipsis at most an info, and warns when it hides a negation', () => {
    const ok = only('misquote', 'Kosk said: “Nobody will unload a ship … until the contracts are signed.”');
    assert.ok(ok.every((f) => f.severity === 'info'));
    const bad = only('misquote', 'Feld said: “We have … received a single serious offer.”');
    assert.equal(bad[0]!.severity, 'warning');
    assert.match(bad[0]!.message, /hides “not”/);
  });
  it('gives British/American spelling at most an info', () => {
    const fs = only('misquote', 'Mayor Elena Voss said the “color of the new cranes had been chosen by residents”.');
    assert.ok(fs.length === 0 || fs.every((f) => f.severity === 'info'), JSON.stringify(fs));
  });
  it('reports a quote found in no reference as info when a reference on the story names the speaker', () => {
    const [f] = only('misquote', 'Mayor Elena Voss, who said the colour of the new cranes was a local choice, added: “The lighthouse keeper has retired after forty winters.”');
    assert.equal(f!.severity, 'info');
    assert.match(f!.message, /not found in references/);
  });
  it('reports a quote found in no reference as info when the article shares passages with a reference', () => {
    const t = 'Port spokesman Jonas Feld said the cranes would stay idle until Friday, leaving ships at anchor.\n\n“The lighthouse keeper has retired after forty winters,” a pilot said.';
    const fs = check(t, index, { rules: { 'name-spelling': 'off', 'name-inconsistency': 'off' } }).findings;
    assert.ok(fs.some((f) => f.rule === 'copied-passage'), 'the copied sentence is found');
    const [f] = fs.filter((f) => f.rule === 'misquote');
    assert.equal(f!.severity, 'info');
    assert.match(f!.message, /not found in references/);
  });
  it('says nothing of a missing quote when only the speaker\'s name is shared', () => {
    assert.deepEqual(only('misquote', '“The lighthouse keeper has retired after forty winters,” Voss said.'), []);
  });
  it('a quote whose words are a reference\'s own (unquoted) text is found, not "not found"', () => {
    // REF states this in its own words, in no quotation marks
    const t = 'Port spokesman Jonas Feld said the cranes would stay idle until Friday.\n\nA docker put it plainly: “The harbour lost four million euros in the first week of the strike.”';
    assert.deepEqual(only('misquote', t).map((f) => f.message), []);
  });
  it('says nothing of a missing quote when the references are about another story', () => {
    assert.deepEqual(only('misquote', 'The orchard harvest was late this year.\n\n“Our apples have never tasted sweeter,” grower Tilde Amsel said.'), []);
  });
});

describe('midSentence (attribution inserted after a quote)', () => {
  it('lowercases articles and a common noun that only opened the reference sentence; keeps names', () => {
    assert.equal(midSentence('The port authority'), 'the port authority');
    assert.equal(midSentence('The New York Times'), 'The New York Times');
    const ref = 'Union leader Marta Kosk spoke first. Members of the union voted on Friday.';
    assert.equal(midSentence('Union leader Marta Kosk', [ref]), 'union leader Marta Kosk');
    // capitalised mid-sentence somewhere: a name (a party, an institution), kept
    const politics = 'Labour leader Ivo Brandt spoke first. Voters backed Labour in the harbour wards, and labour costs rose.';
    assert.equal(midSentence('Labour leader Ivo Brandt', [politics]), 'Labour leader Ivo Brandt');
    // no evidence either way: kept as the reference wrote it
    assert.equal(midSentence('Kremlin spokesman Dmitry Peskov', ['Kremlin spokesman Dmitry Peskov said so.']), 'Kremlin spokesman Dmitry Peskov');
  });
});

describe('rule misquote: the restored wording', () => {
  const ref = 'Council plan revised\n\n“The timetable has been very much refined over the summer,” transport officer Ilse Brandt said on Monday.';
  const idx = ReferenceIndex.build([{ id: 'release.txt', path: 'release.txt', text: ref, meta: { outlet: 'Council release' } }]);
  it('does not repeat the words the article has just outside the quotation marks', () => {
    const t = 'Transport officer Ilse Brandt said the timetable has been “significantly refined over the summer,” adding that ferries would run later.';
    const [f] = only('misquote', t, idx);
    assert.ok(f, 'flagged');
    const out = fixed(t, f);
    assert.ok(!/\b(\w+) “\1\b/i.test(out), out);
    assert.match(out, /has been “very much refined over the summer,” adding/);
    assert.deepEqual(only('misquote', out, idx), [], `the fix clears the finding: ${out}`);
  });
  it('also when the article words before the quote differ from the source in one inner word', () => {
    const t = 'Transport officer Ilse Brandt said the timetable had been “significantly refined over the summer,” adding that ferries would run later.';
    const [f] = only('misquote', t, idx);
    assert.ok(f, 'flagged');
    assert.match(fixed(t, f), /had been “very much refined over the summer,” adding/);
  });
});

describe('rule misquote: the speaker named in full', () => {
  it('a title that opens the reference sentence stays in the name ("White House Press Secretary …")', () => {
    const refs = [
      'Talks resume in Geneva\n\nWhite House Press Secretary Dana Whitlock said on Monday that the framework “has moved a long way in a single week.”',
      'Talks resume\n\nOn Monday, White House Press Secretary Dana Whitlock said: “We are hopeful that the talks can finally produce an agreement.”',
    ];
    const idx = ReferenceIndex.build(refs.map((t, i) => ({ id: `r${i}.txt`, path: `r${i}.txt`, text: t, meta: {} })));
    const msgs = [
      'Geneva\n\nDana Whitlock said the framework “has moved a great way in a single week.”',
      'Geneva\n\nOn Monday, the press secretary said: “We are hopeful the talks can finally produce an agreement.”',
    ].flatMap((t) => only('misquote', t, idx).map((f) => f.message));
    assert.equal(msgs.length, 2, msgs.join(' | '));
    for (const m of msgs) assert.match(m, /\(White House Press Secretary Dana Whitlock, r\d\.txt\)$/, m);
  });
});
