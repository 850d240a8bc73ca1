import { strict as assert } from 'node:assert';
import { check } from '../../../src/core/engine';
import { dataOf } from '../../../src/core/finding-data';
import { ReferenceIndex } from '../../../src/core/reference-index';
import { holdsWord, KIND_DEFAULT, openingCase } from '../../../src/core/rules/misquote';
import { rng } from '../../../scripts/lib/rng';
import { assertSpans, fixed, index, only, REF } from './helpers';

describe('rule misquote', () => {
  it('flags changed words, shows the diff and restores the source wording', () => {
    const t = '“We have not received one serious offer,” Feld said.';
    const [f] = only('misquote', t);
    assert.equal(f!.severity, 'warning');
    assert.match(f!.message, /“a single” → “one”/);
    assert.deepEqual(f!.suggestions, ['We have not received a single serious offer']);
    assert.equal(fixed(t, f!), '“We have not received a single serious offer,” Feld said.');
    assert.equal(f!.source!.id, 'wire.md');
    assert.equal(dataOf(f!, 'misquote')?.speaker, 'Feld');
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
  it('reads whether a reference names the speaker from the document checked, not from an earlier one of the same id', () => {
    const t = 'Mayor Elena Voss, who said the colour of the new cranes was a local choice, added: “The lighthouse keeper has retired after forty winters.”';
    // the same reference again (remembered per document), then one that no longer names the speaker,
    // then the first again: the speaker decides each time
    const renamed = ReferenceIndex.build([{ id: 'wire.md', path: 'wire.md', text: REF.replace('Mayor Elena Voss', 'Councillor Ilse Vann'), meta: { outlet: 'Coast Wire' } }]);
    const notFound = (idx: ReferenceIndex) => only('misquote', t, idx).filter((f) => /not found in references/.test(f.message)).length;
    assert.equal(notFound(index), 1);
    assert.equal(notFound(index), 1);
    assert.equal(notFound(renamed), 0);
    assert.equal(notFound(index), 1);
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

describe('rule misquote: default severity by kind', () => {
  const defaults = (t: string) => check(t, index, { rules: { 'copied-passage': 'off', 'name-spelling': 'off', 'name-inconsistency': 'off' } }).findings.filter((f) => f.rule === 'misquote');
  it('changed words, a hiding ellipsis and dropped marks are info by default (under 80 % right on real copy)', () => {
    assert.deepEqual(defaults('“We have not received one serious offer,” Feld said.').map((f) => f.severity), ['info']);
    assert.deepEqual(defaults('Feld said: “We have … received a single serious offer.”').map((f) => f.severity), ['info']);
    assert.deepEqual(KIND_DEFAULT, { changedWords: 'info', changedSpeaker: 'info', ellipsisHides: 'info', marksDropped: 'info' });
  });
  it('a severity set for the rule still applies to them, and spelling-only findings stay info', () => {
    const set = (t: string, level: 'warning' | 'error') =>
      check(t, index, { rules: { 'copied-passage': 'off', 'name-spelling': 'off', 'name-inconsistency': 'off', misquote: level } }).findings.filter((f) => f.rule === 'misquote');
    assert.deepEqual(set('“We have not received one serious offer,” Feld said.', 'error').map((f) => f.severity), ['error']);
    assert.ok(set('Mayor Elena Voss said the “color of the new cranes had been chosen by residents”.', 'warning').every((f) => f.severity === 'info'));
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

describe('rule misquote: the restored wording opens like the article sentence', () => {
  const ref = 'Harbour vote\n\nSpeaking after the ballot, pilot Odile Marchetti said: “The vote was close and for the council to call it a mandate is frankly absurd,” before leaving.';
  const idx = ReferenceIndex.build([{ id: 'wire.txt', path: 'wire.txt', text: ref, meta: { outlet: 'Harbour Wire' } }]);
  it('a quote that opens a sentence keeps its capital when the source words start mid-sentence', () => {
    const t = 'Pilot Odile Marchetti was scathing. “For the council to call it a clear mandate is absurd,” she said.';
    const [f] = only('misquote', t, idx);
    assert.ok(f, 'flagged');
    const out = fixed(t, f);
    assert.match(out, /scathing\. “For the council/, out);
    assert.ok(!/“for the/.test(out), out);
    assert.deepEqual(only('misquote', out, idx), [], `the fix clears the finding: ${out}`);
  });
  it('capitalises only a sentence opening, never a partial quote inside a sentence', () => {
    const text = 'She called it “Absurd and wrong” on Monday. Then: “Martin was there.”';
    const a = text.indexOf('Absurd');
    assert.equal(openingCase('absurd and wrong', text, a, a + 'Absurd and wrong'.length), 'Absurd and wrong', 'same first word');
    const m = text.indexOf('Martin');
    assert.equal(openingCase('he was there.', text, m, m + 'Martin was there.'.length), 'He was there.', 'after a colon: a sentence opening');
    const mid = 'They said “Martin was wrong” about it.';
    const k = mid.indexOf('Martin');
    assert.equal(openingCase('him wrong', mid, k, k + 'Martin was wrong'.length), 'him wrong', 'a name inside a sentence');
    assert.equal(openingCase('for them', 'He said “for them” twice.', 9, 17), 'for them', 'the article quote is lower case');
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
  it('spans the quoted words inside the marks, and the fix changes only them', () => {
    const t = 'On Friday, “We have not received one serious offer,” Feld said.';
    const [f] = only('misquote', t);
    assert.ok(f, 'flagged');
    assertSpans(t, f, 'We have not received one serious offer');
    assert.equal(fixed(t, f), 'On Friday, “We have not received a single serious offer,” Feld said.');
  });
});

describe('rule misquote: holdsWord, the whole-word test of a speaker name in a reference', () => {
  const pattern = (n: string) => new RegExp(`(?<![\\p{L}])${n.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![\\p{L}])`, 'iu');
  const holds = (text: string, n: string) => holdsWord(text, text.toLowerCase(), n);
  it('finds the word in any case, and a Kelvin sign or a long s standing for its letters', () => {
    assert.ok(holds('Mayor Elena VOSS said so.', 'voss'));
    assert.ok(holds('said Vo\u017Fs, the mayor', 'voss'));
    assert.ok(holds('\u212Aovalenko told reporters', 'kovalenko'));
    assert.ok(holds('Ms Müller-Voss said', 'müller'));
    assert.ok(!holds('The Vossberg quay', 'voss'));
    assert.ok(!holds('Nobody named here', 'voss'));
  });
  it('answers as the pattern does on random text (letters, case, marks, ſ and K)', () => {
    const r = rng(17);
    const CH = ["o", "s", "k", "S", "O", "K", "\u017F", "\u212A", " ", " ", " ", "-", "'", "é", "İ", "ß"];
    let yes = 0;
    for (let i = 0; i < 20000; i++) {
      const text = Array.from({ length: 3 + Math.floor(r() * 8) }, () => CH[Math.floor(r() * CH.length)]!).join('');
      const n = ['so', 'ok', 'os', 'ko', 'kos', "o's", 'ßo'][Math.floor(r() * 7)]!;
      const want = pattern(n).test(text);
      assert.equal(holds(text, n), want, JSON.stringify([text, n]));
      if (want) yes++;
    }
    assert.ok(yes > 150, `${yes} found`);
  });
});
