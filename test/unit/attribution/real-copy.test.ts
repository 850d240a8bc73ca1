// Real copy's conventions (issue 17), on invented stories: agency copy with `` '' quote marks and "<"
// line ends, quotes carried through paragraphs, court reporting, names of one person, dropped quote marks.
import { strict as assert } from 'node:assert';
import { applyEdits, plainText } from '../../../src/core/attribution/fixes';
import { speakerLike } from '../../../src/core/attribution/evidence';
import { check } from '../../../src/core/engine';
import { dataOf, isUnquoted } from '../../../src/core/finding-data';
import { ReferenceIndex } from '../../../src/core/reference-index';
import { analyse, paragraphs } from '../../../src/core/text';
import { compareQuotes } from '../../../src/core/attribution/compare';
import { addsWholeSentence, bracketsPaired, continuesSource, innerClosed, mispaired, nameLike, phraseStart, quotedSentences, skipsSentences, withoutOuterWords } from '../../../src/core/rules/misquote';
import type { Finding, RuleId } from '../../../src/core/types';
import { anotherOccasion, claimContent, leftOpen, namesSource, sameClaim, wholeSentence } from '../../../src/core/rules/unattributed-claim';
import { afterRule, personSubject, personViews, signature, speakerLabel, titleCase } from '../../../src/core/rules/unattributed-quote';
import { findQuotes } from '../../../src/core/attribution/quotes';

/** A misquote finding's data when it is of words repeated without their quotation marks. */
function unquotedData(f: Finding) {
  const d = dataOf(f, 'misquote');
  return d && isUnquoted(d) ? d : undefined;
}

// agency copy: header line, "<" at paragraph ends, a control character opening each paragraph, wrapped lines
const WIRE =
  '  11:02 03/03/26: Page 1 (HHH) COURTS Quarry\r\n\r\n' +
  'QUARRY OWNER FINED OVER BLAST<\r\n' +
  '\x19By Tess Ambler, Wire News<\r\n' +
  '\x19A quarry owner was fined today after a blast shook homes in Fellbrook.<\r\n' +
  '\x19Magistrate Orla Quist told Dunmere Magistrates Court: ``The blast was\r\ncareless and it frightened every family in the valley.\'\'<\r\n' +
  '\x19Prosecutor Ivo Lant said the company had ignored three warnings from the\r\ncouncil about the size of its charges.<\r\n' +
  '\x19Ms Quist said the firm ``must never again put a village at risk for a\r\nquicker day of digging.\'\'<\r\n';

const index = ReferenceIndex.build([{ id: 'quarry1.txt', path: 'quarry1.txt', text: WIRE, meta: { outlet: 'Wire News' } }]);
const run = (rule: RuleId, text: string): Finding[] =>
  check(text, index, { rules: { 'copied-passage': 'off', 'name-spelling': 'off', 'name-inconsistency': 'off', misquote: 'warning' } }).findings.filter((f) => f.rule === rule);

describe('real copy: agency conventions', () => {
  it('reads "<" line ends as paragraph ends and leaves the marker and control characters out of paragraphs', () => {
    const ps = paragraphs(WIRE).map((p) => WIRE.slice(p.start, p.end));
    assert.ok(ps.includes('QUARRY OWNER FINED OVER BLAST'), JSON.stringify(ps));
    assert.ok(ps.some((p) => p.startsWith('Magistrate Orla Quist told')));
    assert.ok(ps.every((p) => !p.endsWith('<') && !/^\x19/.test(p)));
  });

  it('a CRLF is one line break: wrapped lines of a CRLF text with blank lines stay one paragraph', () => {
    const t = 'First line of one\r\nparagraph here.\r\n\r\nSecond paragraph.';
    assert.deepEqual(paragraphs(t).map((p) => t.slice(p.start, p.end)), ['First line of one\r\nparagraph here.', 'Second paragraph.']);
  });

  it('plainText strips line-end markers and control characters and reads `` and \'\' as quote marks', () => {
    assert.equal(plainText("``The blast was\r\ncareless.''<\r\n\x19Next"), '“The blast was careless.” Next');
  });

  it("plainText reads the wire's 7-bit stand-ins: backtick quote, underscore dash, # for £", () => {
    assert.equal(plainText("I thought `Oh no'. It was 20 _ maybe 30 _ of them."), "I thought 'Oh no'. It was 20 - maybe 30 - of them.");
    assert.equal(plainText('He spent getting on for #750,000, then #2m, on the case.'), 'He spent getting on for £750,000, then £2m, on the case.');
    assert.equal(plainText('It was the #1 single and file_name stays.'), 'It was the #1 single and file_name stays.');
  });

  it('a misquote of wire copy: the suggestion and the fix carry no markup, control character or line break', () => {
    const t = 'A quarry owner was fined.\n\nMagistrate Orla Quist said: "The blast was reckless and it frightened every family in the valley."';
    const [f] = run('misquote', t);
    assert.ok(f, 'flagged');
    assert.equal(f.severity, 'warning');
    const s = f.suggestions![0]!;
    assert.equal(s, 'The blast was careless and it frightened every family in the valley.');
    const out = applyEdits(t, f.fixes![0]!.edits);
    assert.ok(!/[<`\x00-\x08\x0b-\x1f]/.test(out.replace(/\n/g, '')), out);
    assert.ok(!/Source: “[^”]*[<`]/.test(f.message), f.message);
  });

  it('"the magistrate" and her name are one speaker: no changed-speaker finding', () => {
    const t = 'A quarry owner was fined.\n\nThe magistrate said: "The blast was careless and it frightened every family in the valley."';
    assert.deepEqual(run('misquote', t).map((f) => f.message), []);
  });
});

describe('real copy: quotes carried by their context', () => {
  const REF2 = 'Union organiser Tomas Reyle said: "Nobody asked the crews what a winter timetable would look like."';
  const idx2 = ReferenceIndex.build([{ id: 'r.txt', path: 'r.txt', text: REF2, meta: {} }]);
  const quotes = (t: string) =>
    check(t, idx2, { rules: { 'copied-passage': 'off', 'name-spelling': 'off', 'name-inconsistency': 'off', misquote: 'warning' } }).findings.filter((f) => f.rule === 'unattributed-quote');

  it('a bare quote paragraph is still flagged (info) with the reference speaker', () => {
    const t = 'The ferry timetable is late.\n\n"Nobody asked the crews what a winter timetable would look like."';
    const [f] = quotes(t);
    assert.ok(f);
    assert.equal(f.severity, 'info');
    assert.match(f.message, /Tomas Reyle/);
  });

  it('consecutive quoted paragraphs after a named speaker are not flagged', () => {
    const t =
      'Crews met on the quay.\n\nUnion organiser Tomas Reyle told the meeting the cuts were unfair.\n\n"We were promised a say."\n\n"Nobody asked the crews what a winter timetable would look like."';
    assert.deepEqual(quotes(t), []);
  });

  it('a colon introduction in the paragraph above credits the quote', () => {
    const t = 'Crews met on the quay. Reyle continued:\n\n"Nobody asked the crews what a winter timetable would look like."';
    assert.deepEqual(quotes(t), []);
  });

  it('a lede quote followed by "a court heard" is credited', () => {
    const t = 'A ferry captain told crew "nobody asked the crews what a winter timetable would look like", a court heard yesterday.\n\nThe trial continues.';
    assert.deepEqual(quotes(t), []);
  });

  it('a quote after a sentence about a person is theirs; a phrase of three words or fewer is no quotation', () => {
    const t1 = 'Crews met.\n\nThe union organiser backed the crews. "Nobody asked the crews what a winter timetable would look like."';
    assert.deepEqual(quotes(t1), []);
    const t2 = 'Crews met.\n\nThe cuts were called a "winter of chaos" in the town.';
    assert.deepEqual(quotes(t2), []);
  });

  const Q = '"Nobody asked the crews what a winter timetable would look like."';
  it('a collection of one person\'s quotes under a heading "… in quotes" is credited to that person', () => {
    const body = `\n\nFerries have sailed from the quay since 1890.\n\n${Q}\n\n"We will sail when the crews are paid and not a day before."`;
    assert.deepEqual(quotes(`Tomas Reyle in quotes${body}`), []);
    assert.equal(quotes(`Ferry news${body}`).length, 2);
  });
  it('a crosshead inside a run of quoted paragraphs does not end the run', () => {
    assert.deepEqual(quotes(`Reyle spoke at the quay.\n\nHe said: "The cuts came overnight."\n\nAnger\n\n${Q}`), []);
    assert.equal(quotes(`The ferry timetable is late.\n\nAnger\n\n${Q}`).length, 1);
  });
  it('a single-quoted quote left open at a paragraph end runs on past a paragraph that lost its marks', () => {
    const q = "'Nobody asked the crews what a winter timetable would look like.'";
    assert.deepEqual(quotes(`Organiser Tomas Reyle told the meeting: 'The cuts came overnight. \n\nThe crews were not consulted.\n\n${q}`), []);
    assert.equal(quotes(`Organiser Tomas Reyle told the meeting: 'The cuts came overnight.'\n\nThe crews were not consulted.\n\n${q}`).length, 1);
  });
  it('a closing mark read as an opening one makes no quotation of the reporter\'s sentence', () => {
    const t = 'Crews met on the quay. "We were angry. "We are still angry." Nobody asked the crews what a winter timetable would look like.';
    assert.deepEqual(quotes(t), []);
  });
  it('a sentence about a person cut by a stray paragraph break still credits the quote after it', () => {
    const t = `Crews met.\n\nThe organiser also defended the crews, who were\n\nangry at the late notice, and their strike.\n\n${Q}`;
    assert.deepEqual(quotes(t), []);
    assert.equal(quotes(`Crews met.\n\nThe timetable was printed late.\n\n${Q}`).length, 1);
  });
  it('a quotation inside the reporter\'s sentence, in a passage of reported speech, is credited', () => {
    const t = 'Ferries stopped.\n\nThe plan failed because "nobody asked the crews what a winter timetable would look like", and the crews walked out.';
    assert.equal(quotes(t).length, 1);
    assert.deepEqual(quotes(`${t}\n\nThe timetable was "unfair to every crew", said the union organisers.`), []);
  });
  it('a passive "by" credit after the quote: branded “…” by the organiser', () => {
    const q = '"nobody asked the crews what a winter timetable would look like"';
    assert.deepEqual(quotes(`Ferries stopped.\n\nThe plan was branded ${q} by the union organiser.`), []);
    assert.equal(quotes(`Ferries stopped.\n\nThe plan was branded ${q} by Friday.`).length, 1);
  });
  it('a speaker named after the quote past an abbreviation and a nickname in quotes', () => {
    const t = 'Crews met.\n\n"Nobody asked the crews what a winter timetable would look like!" County Del. Ann "Annie" Roe (D-Fairhaven), shouted to the crowd.';
    assert.deepEqual(quotes(t), []);
  });

  it('a quote whose speaker follows in the same sentence is credited ("…," X, of Y, said Tuesday)', () => {
    const t = 'Crews met.\n\n"Nobody asked the crews what a winter timetable would look like," organiser Tomas Reyle, of the union, said Tuesday.';
    assert.deepEqual(quotes(t), []);
  });
});

describe('real copy: strict attribution evidence', () => {
  it('a credit must be able to speak', () => {
    assert.ok(speakerLike('the prosecution'));
    assert.ok(speakerLike('Foreign Secretary Jack Straw'));
    assert.ok(speakerLike('a spokesman for the rock star'));
    assert.ok(!speakerLike('alongside his wife Debbie, as the QC'));
    assert.ok(!speakerLike('court'));
    assert.ok(!speakerLike('It'));
    assert.ok(!speakerLike('QC'));
    assert.ok(!speakerLike('London', 'Court of Appeal in '));
  });

  it('a claim carried by the speaker of the sentence before is not flagged', () => {
    const t = 'Prosecutor Ivo Lant went on. The company had ignored three warnings from the council about the size of its charges.';
    assert.deepEqual(run('unattributed-claim', t), []);
  });

  it('a bare claim the wire attributes to a speaker is flagged (info), credited to that speaker', () => {
    const t = 'Homes shook in Fellbrook.\n\nThe company had ignored three warnings from the council about the size of its charges.';
    const [f] = run('unattributed-claim', t);
    assert.ok(f, 'flagged');
    assert.equal(f.severity, 'info');
    assert.match(f.message, /Ivo Lant/);
  });
});

describe('real copy: edited and partial quotes', () => {
  it('an editor\'s [bracketed] insertion is not a misquote', () => {
    const t = 'A quarry owner was fined.\n\nMs Quist said the firm "must never again put a village [Fellbrook] at risk for a quicker day of digging."';
    assert.deepEqual(run('misquote', t).filter((f) => f.severity === 'warning').map((f) => f.message), []);
  });

  it('quoting only the end of the source\'s words is not a misquote', () => {
    const t = 'A quarry owner was fined.\n\nMagistrate Orla Quist said the blast "frightened every family in the valley."';
    assert.deepEqual(run('misquote', t).filter((f) => f.severity === 'warning').map((f) => f.message), []);
  });

  it('a claim whose sentence names the credited source is not flagged', () => {
    const t = 'Homes shook in Fellbrook.\n\nThe company had ignored three warnings from the council about the size of its charges, as Ivo Lant put it.';
    assert.deepEqual(run('unattributed-claim', t), []);
  });
});

describe('real copy: misquote pairing and fixes', () => {
  it('a quote that repeats a word of the source before its start is a partial quote, not dropped words', () => {
    const a = analyse('They hired crews "to go about wrecking the old ferries".');
    const b = analyse('He said: "They used to hire crews to go about wrecking the old ferries."');
    const span = (m: ReturnType<typeof analyse>, w: string) => ({ start: m.text.indexOf(w), end: m.text.indexOf(w) + w.length, text: w });
    const c = compareQuotes(a, span(a, 'to go about wrecking the old ferries'), b, span(b, 'They used to hire crews to go about wrecking the old ferries.'));
    assert.ok(c.fragment, JSON.stringify(c.regionDiff));
  });
  it('an added article or "to" at the edge of a partial quote is not a misquote; a changed word inside it is', () => {
    const warn = (t: string) => run('misquote', t).filter((f) => f.severity === 'warning' && !unquotedData(f));
    assert.deepEqual(warn('A quarry owner was fined.\n\nMs Quist told the firm "to never again put a village at risk for a quicker day of digging."'), []);
    assert.equal(warn('A quarry owner was fined.\n\nMs Quist told the firm "to never again put a town at risk for a quicker day of digging."').length, 1);
  });
  it('a source\'s "you" and "your" put in the third person by the reporter\'s sentence is no misquote', () => {
    const idx = ReferenceIndex.build([{ id: 'c.txt', path: 'c.txt', text: 'Judge Ana Weil told Pratt: "You took the money from the chapel fund to pay your gambling debts and you lied to the court."', meta: {} }]);
    const warn = (t: string) => check(t, idx, { rules: { 'copied-passage': 'off', 'name-spelling': 'off', 'name-inconsistency': 'off', misquote: 'warning' } }).findings.filter((f) => f.rule === 'misquote' && f.severity === 'warning');
    assert.deepEqual(warn('Judge Ana Weil said Pratt took the money from the chapel fund "to pay his gambling debts and he lied to the court".'), []);
    assert.equal(warn('Judge Ana Weil said Pratt took the money from the chapel fund "to pay his gambling bills and he lied to the court".').length, 1);
  });
  it('mispaired and nested marks: the span is not the quotation', () => {
    const t = 'He called it a windfall" that he "did not want to hand over half of" to the tax office.';
    assert.ok(mispaired(t, t.indexOf('to the tax'), 'to the tax office.'));
    const u = "'He said: 'Never walk out in front of my van like that'.'";
    assert.ok(mispaired(u, 1, "He said: 'Never walk out in front of my van like that"));
    const v = 'She said: "Never walk out in front of my van like that."';
    assert.ok(!mispaired(v, v.indexOf('Never'), 'Never walk out in front of my van like that.'));
    assert.ok(!mispaired("the 'Archers' trial'", 5, "Archers' trial"));
  });
  it('a fix restores only the sentences the article quotes, not the source sentence before them', () => {
    assert.equal(
      quotedSentences('The night crews are tired and hungry. We will close the north gate until the storm passes.', 'We will close the gate until the storm passes.'),
      'We will close the north gate until the storm passes.',
    );
    assert.equal(quotedSentences('We will close the north gate. Ships must wait.', 'We will close the gate and ships must wait.'), 'We will close the north gate. Ships must wait.');
  });
  it('a quote that adds a whole sentence to the source\'s words joins another statement: no misquote', () => {
    const warn = (t: string) => run('misquote', t).filter((f) => f.severity === 'warning' && !unquotedData(f));
    assert.deepEqual(warn('A quarry owner was fined.\n\nMs Quist said the firm "must never again put a village at risk for a quicker day of digging. It happens."'), []);
    assert.equal(warn('A quarry owner was fined.\n\nMs Quist said the firm "must never again put a village at risk for a quicker day of digging, it happens."').length, 1);
    assert.deepEqual(addsWholeSentence('We sail at dawn.. It happens, things happen.', [{ op: '=', words: ['We', 'sail', 'at', 'dawn'] }, { op: '+', words: ['It', 'happens', 'things', 'happen'] }]), { lead: false, trail: true });
    assert.deepEqual(addsWholeSentence('We sail at dawn, it happens.', [{ op: '=', words: ['We', 'sail', 'at', 'dawn'] }, { op: '+', words: ['it', 'happens'] }]), { lead: false, trail: false });
    // a change in the rest is still a misquote, with no fix (it would delete the other statement)
    const [f] = warn('A quarry owner was fined.\n\nMs Quist said the firm "must never again put a town at risk for a quicker day of digging. It happens."');
    assert.ok(f, 'flagged');
    assert.match(f.message, /“village” → “town”/);
    assert.equal(f.fixes, undefined);
  });
  it('no misquote when another reference has the article\'s words as they stand (the references disagree)', () => {
    const refs = [
      { id: 'a.txt', path: 'a.txt', text: 'Magistrate Orla Quist said the firm "must never again put a village at risk for a quicker day of digging".', meta: {} },
      { id: 'b.txt', path: 'b.txt', text: 'Ms Quist told the court the firm "must never again put a whole village at risk for a quicker day of digging".', meta: {} },
    ];
    const idx = ReferenceIndex.build(refs);
    const warn = (t: string) => check(t, idx, { rules: { 'copied-passage': 'off', 'name-spelling': 'off', 'name-inconsistency': 'off', misquote: 'warning' } }).findings.filter((f) => f.rule === 'misquote' && f.severity === 'warning');
    const onlyA = ReferenceIndex.build([refs[0]!]);
    const t = 'A quarry owner was fined.\n\nMagistrate Orla Quist said the firm "must never again put a whole village at risk for a quicker day of digging".';
    assert.equal(check(t, onlyA, { rules: { 'copied-passage': 'off', 'name-spelling': 'off', 'name-inconsistency': 'off', misquote: 'warning' } }).findings.filter((f) => f.rule === 'misquote' && f.severity === 'warning').length, 1);
    assert.deepEqual(warn(t), []);
    assert.equal(warn('A quarry owner was fined.\n\nMagistrate Orla Quist said the firm "must never again put a whole town at risk for a quicker day of digging".').length, 1);
  });
  it('a restored wording left with an unpaired bracket is offered as no fix', () => {
    assert.ok(bracketsPaired('the firm cannot (say) what happened [then]'));
    assert.ok(!bracketsPaired('the firm cannot (say.'));
    assert.ok(!bracketsPaired('the firm said) nothing'));
  });
  it('a rank alone ("Sergeant") is not a name to compare speakers by', () => {
    assert.ok(!nameLike('Sergeant'));
    assert.ok(nameLike('Sgt Workman'));
  });
});

describe('real copy: quotation marks dropped', () => {
  it('words inside a quoted paragraph whose marks are mispaired are not "dropped marks"', () => {
    const t = 'A quarry owner was fined today after a blast shook homes in Fellbrook.\n\n"We were all scared. "She said the firm must never again put a village at risk for a quicker day of digging. We agree."';
    assert.equal(run('misquote', t).filter((x) => unquotedData(x)).length, 0);
  });
  it('a transcript paragraph ("QUIST: …") is attributed by its label: no marks are due', () => {
    const t = 'A quarry owner was fined today after a blast shook homes in Fellbrook.\n\nQUIST: The firm must never again put a village at risk for a quicker day of digging.';
    assert.equal(run('misquote', t).filter((x) => unquotedData(x)).length, 0);
  });

  it('a speaker\'s quoted words stated without marks are a misquote finding whose fix restores the marks', () => {
    const t =
      'A quarry owner was fined today after a blast shook homes in Fellbrook.\n\nThe magistrate said the firm must never again put a village at risk for a quicker day of digging.';
    const f = run('misquote', t).find((x) => unquotedData(x));
    assert.ok(f, 'flagged');
    assert.equal(f.text, 'must never again put a village at risk for a quicker day of digging');
    assert.equal(
      applyEdits(t, f.fixes![0]!.edits),
      'A quarry owner was fined today after a blast shook homes in Fellbrook.\n\nThe magistrate said the firm “must never again put a village at risk for a quicker day of digging”.',
    );
  });

  it('words after an opening mark the article never closes are quoted, not "dropped marks"', () => {
    const ref = 'A quarry owner was fined today after a blast shook homes in Fellbrook.\n\nMagistrate Orla Quist said: "The firm must never again put a village at risk for a quicker day of digging."';
    const idx = ReferenceIndex.build([{ id: 'q.txt', path: 'q.txt', text: ref, meta: {} }]);
    const dropped = (t: string) => check(t, idx, { rules: { 'copied-passage': 'off', 'name-spelling': 'off', 'name-inconsistency': 'off' } }).findings.filter((x) => x.rule === 'misquote' && unquotedData(x));
    const t = "A quarry owner was fined today after a blast shook homes in Fellbrook.\n\nThe magistrate said the firm 'must never again put a village at risk for a quicker day of digging and hauling.";
    assert.deepEqual(dropped(t).map((f) => f.text), []);
    assert.equal(dropped(t.replace("'must", 'must')).length, 1);
  });
  it('the same words inside quotation marks are not flagged as dropped', () => {
    const t = 'A quarry owner was fined today after a blast shook homes in Fellbrook.\n\nMs Quist said the firm "must never again put a village at risk for a quicker day of digging."';
    assert.equal(run('misquote', t).filter((x) => unquotedData(x)).length, 0);
  });
});

describe('real copy: claims the article already credits or does not make (seed D)', () => {
  const REF = [
    'Harbour fees to rise in spring',
    'Harbour fees at Kestrel Bay will rise by a fifth in the spring, the port authority has announced.',
    'Counsel Ivo Lant QC said the owner was a careful man. He asked the judges to overturn a tribunal ruling in 2021 which upheld the council decision that the old quay must stay closed for good.',
    'Tomas Ruiz is "the worst landlord in the county", his former estate manager told the High Court today.',
  ].join('\n\n');
  const idx = ReferenceIndex.build([{ id: 'r.txt', path: 'r.txt', text: REF, meta: {} }]);
  const claims = (t: string) =>
    check(t, idx, { rules: { 'copied-passage': 'off', 'name-spelling': 'off', 'name-inconsistency': 'off', misquote: 'warning' } }).findings.filter((f) => f.rule === 'unattributed-claim');

  it('a headline (a paragraph with no final punctuation) carries no claim', () => {
    assert.deepEqual(claims('Harbour fees at Kestrel Bay will rise by a fifth\n\nThe port authority has announced that fees will go up in the spring.').map((f) => f.text), []);
  });

  it('a request in the reference ("asked the judges to overturn …") is no claim to credit', () => {
    const t = "The quay has been shut for a year.\n\nThe owner's appeal is against a tribunal ruling in 2021 that upheld the council decision that the old quay must stay closed for good.";
    assert.deepEqual(claims(t).map((f) => f.text), []);
    assert.equal(claimContent('to overturn a tribunal ruling in 2021'), false);
    assert.equal(claimContent('the old quay must stay closed for good'), true);
  });

  it('the place of the statement read as its content ("…, the company said at the boat fair") is no claim', () => {
    assert.equal(claimContent('at the Kestrel Boat Fair'), false);
    assert.equal(claimContent('at least nine boats were sold'), true);
  });

  it('a passive credit naming the source ("by his former estate manager") already attributes the sentence', () => {
    const t = 'TOMAS Ruiz was called the worst landlord in the county yesterday by his former estate manager at the court.';
    assert.deepEqual(claims(t).map((f) => f.text), []);
    assert.equal(namesSource(t, 'his former manager of the estate'), true);
    assert.equal(namesSource('The fees went up in the spring.', 'his former manager of the estate'), false);
  });

  it('a source named by its initials in the reference is credited by its full name in the article', () => {
    assert.equal(namesSource('It came amid concern within the Harbour Safety Authority about complaints.', 'the HSA report'), true);
    assert.equal(namesSource('It came amid concern within the harbour about complaints.', 'the HSA report'), false);
  });

  it('a line of a paragraph broken by hard line ends, or the tail of a quotation, is not a sentence of its own', () => {
    assert.equal(wholeSentence('and back for the owner while working for him at his'), false);
    assert.equal(wholeSentence("this port a tainted man by the owner who is the worst landlord in town.'"), false);
    assert.equal(wholeSentence('The port authority has announced that fees will go up.'), true);
    assert.equal(wholeSentence("The fee was called 'fair' by the board."), true);
  });

  it('a quoted paragraph left open runs on into the next paragraph, which lost its opening mark', () => {
    const m = analyse('Dana Holm spoke after the crossing.\n\n"I feel a bit numb. I stood about like a fool.\n\nI could not do anything. But once it was over it was the best thing ever.\n\n"It was fine," she said.');
    assert.equal(leftOpen(m, 1), true);
    assert.equal(leftOpen(m, 0), false);
    assert.equal(leftOpen(m, 3), false);
  });
});

describe('real copy: quotes credited in ways BBC copy has (seed D)', () => {
  const idx3 = ReferenceIndex.build([{ id: 'r.txt', path: 'r.txt', text: 'The harbour board met on Monday. Nothing else happened at the quay that week.', meta: {} }]);
  const quotes = (t: string) => check(t, idx3, {}).findings.filter((f) => f.rule === 'unattributed-quote').map((f) => f.text);

  it('a quoted label that is the subject of its sentence is a slogan, not a quotation', () => {
    assert.deepEqual(quotes('The summit opens today with many leaders.\n\nOne thing is plain. "Taking care of hard choices" is this year\'s official theme, hinting at many knotty problems ahead.'), []);
  });

  it('the speaker after the quote with a reporting verb in -ing ("she is heard asking")', () => {
    assert.deepEqual(quotes('The old film was found in a box.\n\nIt shows a student at the port college. "But what went wrong? How come my parents did not look ahead at all?" she is heard asking.'), []);
  });

  it('a quotation with nobody credited near it is still flagged', () => {
    assert.equal(quotes('The old film was found in a box.\n\nIt shows a student at the port college. "But what went wrong? How come my parents did not look ahead at all?" he is seen grinning.').length, 1);
  });
});

describe('real copy: misquote fix text and fair partial quotes', () => {
  const warn = (refs: { id: string; text: string }[], t: string) =>
    check(t, ReferenceIndex.build(refs.map((r) => ({ ...r, path: r.id, meta: {} }))), { rules: { 'copied-passage': 'off', 'name-spelling': 'off', 'name-inconsistency': 'off', misquote: 'warning' } }).findings.filter(
      (f) => f.rule === 'misquote' && f.severity === 'warning' && !unquotedData(f),
    );
  it('quoting a little more than the source, the source\'s own words next to its marks, is no misquote', () => {
    const ref = { id: 'r.txt', text: 'The new mayor of Tollmere, Odile Frack, says she wants to "mend the roads" of the whole valley before winter.' };
    assert.deepEqual(warn([ref], 'Tollmere mayor Odile Frack said she wanted to "mend the roads of the valley" this year.').map((f) => f.message), []);
    assert.ok(continuesSource(ref.text, { start: ref.text.indexOf('mend'), end: ref.text.indexOf('roads') + 5 }, ['of', 'the', 'valley'], 'trail'));
    assert.ok(!continuesSource(ref.text, { start: ref.text.indexOf('mend'), end: ref.text.indexOf('roads') + 5 }, ['and', 'bridges'], 'trail'));
  });
  it('the restored wording never repeats words the article quoted just before', () => {
    const t = "'I will not sign it,' the skipper said. 'I have never taken a bribe.'";
    const at = t.indexOf('I have');
    assert.equal(withoutOuterWords(t, at, t.length - 1, "I will not sign it, I had never taken a bribe."), 'I had never taken a bribe.');
  });
  it('the restored wording closes an inner quote it opens', () => {
    assert.equal(innerClosed("Then I heard a man shouting 'get back."), "Then I heard a man shouting 'get back'.");
    assert.equal(innerClosed('He said ‘wait here'), 'He said ‘wait here’');
    assert.equal(innerClosed("She said 'no' twice."), "She said 'no' twice.");
  });
  it('a fix never starts in the middle of a phrase: a preposition before the compared words is taken in', () => {
    const r = 'The coroner said: "On the findings we have read, nothing ties the fall to the medicine."';
    assert.equal(phraseStart(r, r.indexOf('On'), r.indexOf('the findings')), r.indexOf('On'));
    assert.equal(phraseStart(r, r.indexOf('On'), r.indexOf('nothing')), r.indexOf('nothing'));
  });
  it('no fix when the source\'s words between the two parts the article quotes are sentences it never quoted', () => {
    assert.ok(skipsSentences("Keep off my boat. I told him: 'The tide is turning'. He said: 'Never touch my nets again.", 'Keep off my boat. Never touch my nets again.'));
    assert.ok(!skipsSentences('Keep off my boat. Never touch my nets again.', 'Keep off my boat, never touch my nets.'));
  });
});

describe('real copy: quotes credited in newsletters and quote collections (seed F)', () => {
  const idx = ReferenceIndex.build([
    { id: 'r.txt', path: 'r.txt', text: 'The harbour board met on Monday.\n\nHarbour master Jo Bloggs said the charge was a "last boat out of port" levy.', meta: {} },
  ]);
  const quotes = (t: string) => check(t, idx, {}).findings.filter((f) => f.rule === 'unattributed-quote').map((f) => f.text);

  it('a series of quotes after a colon introduction carries its speaker past the first', () => {
    const series = '"Is the winter timetable fixed yet?" . . . "Who asked the crews about the cuts?" . . . "Will the ferries run at all in January?"';
    assert.deepEqual(quotes(`Crews met.\n\nThe board has struggled to explain its plan. At the meeting on Monday, the first three callers ranged from polite to hostile: ${series}`), []);
    assert.equal(quotes(`Crews met.\n\nRain fell on the quay. ${series}`).length, 3);
  });

  it('a quote ending on a comma goes on into its credit, a name with no verb; the next quote carries it', () => {
    const t = 'Crews met.\n\n"The ferries are full every morning, and nobody counts the cars," Reyle from the quay. "The board must look again at the winter timetable."';
    assert.deepEqual(quotes(t), []);
  });

  it('a sentence opening with a name the article credits elsewhere is about that speaker', () => {
    const q = '"The crews can win this dispute, and nobody else stands a better chance of settling it."';
    const mid = 'Reyle is hopeful about the talks because he trusts the new manager.';
    assert.deepEqual(quotes(`"The crews are tired of waiting for the board," says organiser Tomas Reyle.\n\n${mid}\n\n${q}`), []);
    assert.equal(quotes(`Crews met.\n\n${mid}\n\n${q}`).length, 1);
    // credited by surname alone: a speaker when the article names the person in full somewhere
    const short = `"The crews are tired of waiting for the board," Reyle notes.\n\n${mid}\n\n${q}`;
    assert.deepEqual(quotes(`The union is led by Tomas Reyle.\n\n${short}`), []);
    assert.equal(quotes(`Crews met.\n\n${short}`).length, 1);
  });

  it('quoted lines after "X spoke …" are theirs', () => {
    const lines = '"The timetable must change before the winter comes."\n"The board has ignored the crews for far too long."';
    assert.deepEqual(quotes(`Crews met.\n\nReyle spoke briefly to reporters on the quay.\n\n${lines}`), []);
    assert.equal(quotes(`Crews met.\n\nThe interview was short.\n\n${lines}`).length, 2);
  });

  it('a short interlude ("Silence.") inside a run of quoted paragraphs does not end the run', () => {
    const tail = '"Right, I understand that completely."\n\nSilence.\n\n"Then we will see you at the meeting on Friday, and bring a friend."';
    assert.deepEqual(quotes(`Crews met.\n\n"Good evening, this is the ferry union on the line," Dana Holm said into the phone.\n\nShe waits.\n\n${tail}`), []);
    assert.equal(quotes('The phone rang.\n\nSilence.\n\n"Then we will see you at the meeting on Friday, and bring a friend."').length, 1);
  });

  it('a document that reads credits the quote ("the leaflet read", "reads an editorial in …", "read the board\'s letter")', () => {
    assert.deepEqual(quotes('Crews met.\n\n"The board owes the crews an apology and a fair timetable," the leaflet read.'), []);
    assert.deepEqual(quotes('Crews met.\n\n"The board has run out of excuses and out of time," reads an editorial in Friday\'s Coast Courier.'), []);
    assert.deepEqual(quotes('Crews met.\n\n"The timetable was drawn up with care," read the board\'s letter, which all nine members signed. "It will serve the crews well all winter."'), []);
    assert.equal(quotes('Crews met.\n\n"The board owes the crews an apology and a fair timetable." The rain kept falling.').length, 1);
  });

  it('a credit in brackets closing the quote\'s line, in a digest, credits it', () => {
    const lead = 'Good morning.\n\nTHE MORNING LIST.\n\n';
    const q = 'FERRY CREWS VOTE TO STRIKE “The vote was the largest in the union’s history and the result was never in doubt.”';
    assert.deepEqual(quotes(`${lead}${q} [Coast Courier.]\nHARBOUR SEALS RETURN Counts are up. [Harbour Post]`), []);
    assert.deepEqual(quotes(`${lead}${q} [Jo Bloggs, The Coast Courier]`), []);
    assert.deepEqual(quotes(`${lead}${q} It comes after a week of talks. [Courier | Subscribers]`), []);
    assert.equal(quotes(`${lead}${q}\nHARBOUR SEALS RETURN Counts are up. [Harbour Post]`).length, 1);
  });

  it('a dash credit after the quote, or a signature on the line after it, credits it', () => {
    assert.deepEqual(quotes('Crews met.\n\n“The crews deserve better than a winter of cuts.” — Tomas Reyle'), []);
    assert.deepEqual(quotes('Crews met.\n\n"A fine speech from a tireless organiser, and the board needs her now."\n\n-Jo Bloggs, writing online on Monday night.'), []);
    assert.deepEqual(quotes('Crews met.\n\n"The crews deserve a vote on the timetable before the winter.\nTomas Reyle, Ferry Union."'), []);
    assert.equal(quotes('Crews met.\n\n"A fine speech from a tireless organiser, and the board needs her now."\n\nThe meeting ended at noon.').length, 1);
    assert.ok(signature('-Odile Frack, Fairhaven.'));
    assert.ok(signature('Tomas Reyle, Ferry Union.'));
    assert.ok(!signature('Dana Holm met the board on Monday.'));
    assert.ok(!signature('Silence.'));
  });

  it('a headline credited "by" its writer in a digest is no unattributed quote', () => {
    const t = 'QUICK LINKS:\n\n—"Ferry timetable to change in the spring," by the Courier\'s Jo Bloggs: http://example.com/a.\n\n—"Harbour seals return to the quay in numbers," by Coastline\'s Dana Holm http://example.com/b.';
    assert.deepEqual(quotes(t), []);
  });

  it('a reporting verb after a mispaired closing mark inside the span credits it', () => {
    assert.deepEqual(quotes('Crews met.\n\n"“Nobody wins a strike by counting the days,” Reyle responded, then left the quay with the crews."'), []);
    assert.deepEqual(quotes('Crews met.\n\n“The board has one week left to settle this with the crews,“ said Tomas Reyle, the union organiser.'), []);
  });

  it('a sentence after a quoted paragraph that points back at it and names the speaker credits it', () => {
    const q = '"Are you ready for a long winter? Will you stand with the crews on the quay?"';
    assert.deepEqual(quotes(`Crews rally\n\n${q}\n\nThose are the questions Tomas Reyle put to the crews at the meeting.`), []);
    assert.equal(quotes(`Crews rally\n\n${q}\n\nThe crews met again on Monday.`).length, 1);
  });

  it('a quotation inside the reporter\'s sentence credited by it: a document as subject, a remark, a statement issued by someone', () => {
    const q = '“timetable written for the owners and paid for by the crews on every winter crossing.”';
    assert.deepEqual(quotes(`Rain fell.\n\nThe leaflet attacks a ${q}`), []);
    assert.deepEqual(quotes('Rain fell.\n\nThe former mayor drew criticism for his claim that “owners who never pay their crews should lose their berths at the quay.”'), []);
    assert.deepEqual(quotes('Rain fell.\n\nIn a letter issued by the board on Monday, the manager “met every crew on the quay before the timetable was printed and heard them out.”'), []);
    assert.equal(quotes(`Rain fell.\n\nThe crews were angry about a ${q}`).length, 1);
  });

  it('a title in title case is no quotation; nor a quoted phrase used as a modifier', () => {
    assert.deepEqual(quotes("Rain fell.\n\n''Tides of the Quay,'' the drama set on the old harbour, returns next week."), []);
    assert.deepEqual(quotes('Rain fell.\n\n“Orange is the New Harbour” actor Dana Holm joined the crews on the quay.'), []);
    assert.ok(titleCase('Orange is the New Harbour'));
    assert.ok(titleCase('Tides From the Quay,'));
    assert.ok(!titleCase('The board must be tougher'));
    assert.ok(!titleCase('Go. Now.'));
    assert.deepEqual(quotes("Rain fell.\n\nOwners stayed away over the ''last boat out of port'' levy on Friday."), []);
  });

  it("an elided decade ('70s) opens no quotation", () => {
    const m = analyse("The band plays '70s songs about the coast, among them ``Sail Away,'' and ``Rowin''' on the bay.");
    const qs = findQuotes(m).map((q) => m.text.slice(q.start, q.end));
    assert.ok(qs.includes('Sail Away,'));
    assert.ok(!qs.some((q) => q.startsWith('70s')), qs.join(' | '));
  });
});

describe('real copy: quotes run into one paragraph after a speaker label or a view (seed G)', () => {
  const idx = ReferenceIndex.build([{ id: 'r.txt', path: 'r.txt', text: 'The harbour board met on Monday.', meta: {} }]);
  const quotes = (t: string) => check(t, idx, {}).findings.filter((f) => f.rule === 'unattributed-quote').map((f) => f.text);
  const run = '"The board has let the crews down again this winter, and everyone on the quay knows it. "We will vote on Friday and the result will not surprise anyone who works here."';

  it('a speaker label opening the line credits the quotes run on after it', () => {
    assert.deepEqual(quotes(`Crews met.\n\n- Union boss Tomas Reyle ${run}`), []);
    assert.deepEqual(quotes(`Crews met.\n\nFerry union organiser Tomas Reyle ${run}`), []);
    assert.equal(quotes(`Crews met.\n\n- Rain fell on the quay ${run}`).length, 2);
    assert.ok(speakerLabel('- Harbour boss Jo Bloggs "'));
    assert.ok(!speakerLabel('Crews met Jo Bloggs '));
    assert.ok(!speakerLabel('The crews met. Jo Bloggs '));
  });

  it('a sentence before in which a person the article names in full hopes, thinks or praises credits the quotes after it', () => {
    const lead = 'Crews met.\n\nDana Holm has worked the ferries for thirty years.\n\n';
    assert.deepEqual(quotes(`${lead}The strike is the first step towards what Dana hopes will be a fair winter. ${run}`), []);
    assert.deepEqual(quotes(`${lead}Holm praised the crews for their patience.\n\n${run}`), []);
    // no view, or nobody the article names in full: the quotes stay uncredited
    assert.equal(quotes(`${lead}The strike is the first step towards a fair winter for the crews. ${run}`).length, 2);
    assert.equal(quotes(`Crews met.\n\nThe strike is the first step towards what Dana hopes will be a fair winter. ${run}`).length, 2);
    assert.ok(personViews('She thinks the board will give way.', new Set()));
    assert.ok(!personViews('Holm met the board.', new Set(['holm'])));
  });
});

describe('real copy: the same claim, not another statement on its subject (seed F)', () => {
  const REF = [
    'Harbour fees rise',
    'Harbour master Jo Bloggs has denied that the board was divided on closing the old quay for the winter.',
    'The Ferry Union said it wants a younger candidate to succeed Dana Holm at the head of the Harbour Board.',
    'With the postal ballots counted, the mayor has 4,120 votes, according to a tally by the Coast Courier.',
    'At the hearing the council said the owners ignored three warnings about the size of their charges and hid the blast records from the inspectors.',
    'Harbour fees at Kestrel Bay will rise by a fifth in the spring, the port authority has announced.',
  ].join('\n\n');
  const idx = ReferenceIndex.build([{ id: 'r.txt', path: 'r.txt', text: REF, meta: {} }]);
  const claims = (t: string) =>
    check(t, idx, { rules: { 'copied-passage': 'off', 'name-spelling': 'off', 'name-inconsistency': 'off', misquote: 'warning' } }).findings.filter((f) => f.rule === 'unattributed-claim').map((f) => f.text);

  it('a denial credits no claim: the article stating the denied words bare is not an unattributed claim', () => {
    assert.deepEqual(claims('Rain fell.\n\nThe board was divided on closing the old quay for the winter.'), []);
  });

  it('a sentence sharing the reference content\'s names but not its claim is another statement', () => {
    assert.deepEqual(claims('Rain fell.\n\nDana Holm is at the head of the Harbour Board.'), []);
    assert.ok(!sameClaim(new Set(['head']), new Set(['want', 'younger', 'candid', 'succeed', 'head']), [], []));
    assert.ok(sameClaim(new Set(['fee', 'rise', 'fifth']), new Set(['fee', 'rise', 'fifth', 'spring']), [], []));
    // most of the content's claim words, but few of a long sentence's: another statement on the subject
    assert.ok(!sameClaim(new Set(['earlier', 'month', 'work', 'halt', 'power', 'station', 'unit', 'sister', 'dam', 'worri']), new Set(['builder', 'continu', 'work', 'sister', 'dam']), [], []));
  });

  it('a count with other numbers is another occasion\'s claim; a rounded figure is the same claim', () => {
    const w = new Set(['attempt', 'made', 'access', 'concert']);
    assert.ok(sameClaim(w, w, [47], [50]));
    assert.ok(!sameClaim(w, w, [501, 69], [723]));
    assert.deepEqual(claims('Rain fell.\n\nWith the postal ballots counted, the mayor has 3,050 votes.'), []);
    assert.equal(claims('Rain fell.\n\nWith the postal ballots counted, the mayor has 4,100 votes.').length, 1);
  });

  it('a story\'s first paragraph of one short sentence is its headline: no claim', () => {
    assert.deepEqual(claims('Harbour fees at Kestrel Bay will rise by a fifth.\n\nThe quay was busy on Monday.'), []);
    assert.equal(claims('The quay was busy on Monday.\n\nHarbour fees at Kestrel Bay will rise by a fifth.').length, 1);
  });

  it('a list that finishes a sentence with a reporting verb left unfinished above it is attributed', () => {
    const t = 'The owners appealed.\n\nThe council told the hearing that the owners\n\n - ignored three warnings about the size of their charges\n - hid the blast records from the inspectors.\n\nThe appeal was heard on Monday.';
    assert.deepEqual(claims(t), []);
    assert.equal(wholeSentence('- ignored three warnings about the size of their charges.'), false);
    assert.equal(wholeSentence('Council Backs New Harbour Plan.'), false);
  });

  it('a prepositional phrase is no claim ("…, she said in an interview with “Coast News Sunday.”")', () => {
    assert.equal(claimContent('with “Coast News Sunday.”'), false);
  });
});

describe('real copy: a speaker carried over the reporter\'s paragraphs, labels and self-introductions (seed H)', () => {
  const idx = ReferenceIndex.build([{ id: 'r.txt', path: 'r.txt', text: 'The harbour board met on Monday.', meta: {} }]);
  const spans = (t: string) => check(t, idx, {}).findings.filter((f) => f.rule === 'unattributed-quote').map((f) => [f.start, f.end, f.text]);
  const QUOTE = '"We have asked the printer to pull every copy from the shops."';
  const at = (t: string) => {
    const start = t.lastIndexOf(QUOTE) + 1;
    return [[start, start + QUOTE.length - 2, QUOTE.slice(1, -1)]];
  };
  const SAYS = '"The tables were printed with last year\'s moon," says harbour master Dana Holm of the Kestrel Bay Port Authority.';

  it('a quoted paragraph takes the speaker of a paragraph one or two above when the reporter\'s paragraphs between name nobody', () => {
    assert.deepEqual(spans(`Tide tables fail the ferries\n${SAYS}\nThe error put three crossings out of step with the tide last week.\n${QUOTE}\n`), []);
    const he = 'Tide tables fail the ferries\nDana Holm runs the port.\nHe says the tables were printed with last year\'s moon.\nThe error put three crossings out of step.\nThe answer is a new print run.\n';
    assert.deepEqual(spans(`${he}${QUOTE}\n`), []);
  });

  it('a paragraph naming someone else between them stops the carry: the quote is flagged at its words', () => {
    const t = `Tide tables fail the ferries\n${SAYS}\nThe survey was paid for by the trust and checked by Tomas Reyle of the coastguard.\n${QUOTE}\n`;
    assert.deepEqual(spans(t), at(t));
    // someone unnamed acts in the paragraph between: the quote may be theirs
    const actor = `Tide tables fail the ferries\n${SAYS}\nA man was arrested on the quay after the last crossing.\n${QUOTE}\n`;
    assert.deepEqual(spans(actor), at(actor));
    // a vague source above carries no one's words
    const vague = `Tide tables fail the ferries\nExperts say the tables were printed with last year's moon.\nThe error put three crossings out of step.\n${QUOTE}\n`;
    assert.deepEqual(spans(vague), at(vague));
    // nobody credited with speech anywhere
    const none = `Tide tables fail the ferries\nThe error put three crossings out of step with the tide last week.\n${QUOTE}\n`;
    assert.deepEqual(spans(none), at(none));
    // the speaker's paragraph beyond three of the reporter's
    const far = `Tide tables fail the ferries\n${SAYS}\nThe error put three crossings out of step.\nThe ferries sailed late.\nThe shops sold out.\n${QUOTE}\n`;
    assert.deepEqual(spans(far), at(far));
  });

  it('a paragraph naming only a person the article credits with speech carries that speaker ("Kell ringed …")', () => {
    const head = 'Chicks move to the far bank\n"The river has changed its course twice this spring," says Ana Kell.\nThe team counted the nests along the river.\n';
    const tail = '\nWhat she found surprised her.\n"Every week the heaviest chicks had moved to the far bank of the river."\n';
    assert.deepEqual(spans(`${head}Kell ringed forty chicks and weighed them each week.${tail}`), []);
    const other = `${head}Tomas Reyle ringed forty chicks and weighed them each week.${tail}`;
    const q = 'Every week the heaviest chicks had moved to the far bank of the river.';
    assert.deepEqual(spans(other), [[other.indexOf(q), other.indexOf(q) + q.length, q]]);
  });

  it('a quotation set in a sentence that opens its paragraph, after a sentence about a person ending the paragraph above', () => {
    const q = 'wait at the stern for the scraps the crews throw over at dusk every night';
    const tail = `\nThey have an ability to "${q}".\n`;
    assert.deepEqual(spans(`Gulls and ferries\nHarbour researcher Dr Ana Kell of Eastport College shows that gulls follow the ferries.${tail}`), []);
    const bare = `Gulls and ferries\nGulls follow the ferries across the bay in winter.${tail}`;
    assert.deepEqual(spans(bare), [[bare.indexOf(q), bare.indexOf(q) + q.length, q]]);
  });

  it('a quoted name between a determiner and a noun is a label; a vox pop naming its speaker is credited', () => {
    assert.deepEqual(spans('Crews back the port\nThe "every crew needs a harbour" campaign starts in Eastport today.\n'), []);
    assert.deepEqual(spans('Skippers at the fair\nThe quotas are too tight for most of the fleet.\n"I\'m Jo Bloggs, I skipper a trawler out of Eastport and the quotas have halved my catch."\n'), []);
    assert.deepEqual(spans('Skippers at the fair\nThe quotas are too tight for most of the fleet.\n"Jo Bloggs from the Eastport Trawler Club, we have lost half our boats in ten years."\n'), []);
    const q = 'Jo Bloggs was the best skipper this port ever had, and we will miss him.';
    const t = `Skippers at the fair\nThe quotas are too tight for most of the fleet.\n"${q}"\n`;
    assert.deepEqual(spans(t), [[t.indexOf(q), t.indexOf(q) + q.length, q]]);
  });
});

describe('real copy: another occasion or statement, not the reference\'s claim (seed H)', () => {
  const REF = [
    'Blight found at Fenmoor farm',
    'Chief inspector Dana Holm has confirmed the discovery of the potato blight fungus at a farm near Eastport, in the north of the county.',
    'Gulls play a key role in coastal seed spreading, the port authority has said.',
  ].join('\n\n');
  const idx = ReferenceIndex.build([{ id: 'r.txt', path: 'r.txt', text: REF, meta: {} }]);
  const claims = (t: string) =>
    check(t, idx, { rules: { 'copied-passage': 'off', 'name-spelling': 'off', 'name-inconsistency': 'off', misquote: 'warning' } }).findings.filter((f) => f.rule === 'unattributed-claim').map((f) => f.text);

  it('a later count or find is another occasion; the first find stated bare is the reference\'s claim', () => {
    const same = 'The potato blight fungus has been discovered at a farm near Eastport, in the north of the county.';
    assert.deepEqual(claims(`Rain fell.\n\n${same}`), [same]);
    assert.deepEqual(claims('Rain fell.\n\nThe potato blight fungus has now been discovered on 30 farms near Eastport, in the north of the county.'), []);
    assert.deepEqual(claims('Rain fell.\n\nThe potato blight fungus has been discovered on six more farms near Eastport, in the north of the county.'), []);
    assert.ok(anotherOccasion('Inspections have uncovered more blight in the north.', 'the discovery of blight at a farm'));
    assert.ok(!anotherOccasion('Blight was found at one farm in the north.', 'the discovery of blight at a farm'));
    assert.ok(!anotherOccasion('The fungus spreads more than the old strain.', 'the spread of the fungus'));
  });

  it('a sentence without the content\'s closing claim words says something else of the same subject', () => {
    const same = 'Gulls play a key role in coastal seed spreading.';
    assert.deepEqual(claims(`Rain fell.\n\n${same}`), [same]);
    assert.deepEqual(claims('Rain fell.\n\nBut the gulls that nest on the quay play a key role in the harbour economy.'), []);
    assert.ok(!sameClaim(new Set(['gull', 'nest', 'quay', 'play', 'key', 'role', 'harbour', 'economi']), new Set(['gull', 'play', 'key', 'role', 'coastal', 'seed', 'spread']), [], []));
  });
});

describe('real copy: a speaker named before the quote without a speech verb (seed L)', () => {
  const idx = ReferenceIndex.build([{ id: 'r.txt', path: 'r.txt', text: 'The harbour board met on Monday.', meta: {} }]);
  const quotes = (t: string) => check(t, idx, {}).findings.filter((f) => f.rule === 'unattributed-quote').map((f) => f.text);
  const Q = 'It is madness to close the harbour before the herring season has even started.';

  it('a noun phrase with a named person in apposition before the quote is its speaker', () => {
    assert.deepEqual(quotes(`Quay plan splits the town\nOne of the club's oldest members, retired skipper Jo Bloggs, saw the plan quite otherwise.\n"${Q}"\n`), []);
    assert.deepEqual(quotes(`Quay plan splits the town\nThe plan got a cool reception in the old town.\n"${Q}"\n`), [Q]);
    assert.ok(personSubject('One of the club\'s founders, Jo Bloggs, had other ideas.'));
    assert.ok(!personSubject('In the spring, the harbour flooded twice.'));
  });

  it('a sentence led by the surname of someone the article names in full is about them', () => {
    const head = 'Quay plan splits the town\nHarbour master Dana Holm opened the new quay on Monday.\nThe ferries will use it from June.\n';
    assert.deepEqual(quotes(`${head}Holm, who also drew the plans, was delighted with the work.\n"${Q}"\n`), []);
    // a surname no one in the article bears is no one's
    assert.deepEqual(quotes(`${head}Marsh, the old quay, was closed in the spring.\n"${Q}"\n`), [Q]);
  });

  it('agency copy: the sentence before is read after the slug and rule lines joined to it', () => {
    const wire =
      '  ------------------------------------------------------------\r\n\r\n' +
      '   11:43 03/03/26: Page 6 (HHH) COURTS Quay Substitute\r\n' +
      '  ------------------------------------------------------------\r\n' +
      "Jo Bloggs, the tenants' solicitor, praised the decision as ``a win for every\r\ntenant on the quay''.<\r\n" +
      '\x19``The decision means a landlord must mend the sea wall before the rent can\r\nrise by a single penny.<\r\n' +
      "\x19``It is a lesson for every landlord on the coast this winter.''<\r\n" +
      '\x19end<\r\n';
    assert.deepEqual(quotes(wire), []);
    assert.equal(afterRule('11:43 03/03/26: Page 6 (HHH) COURTS Quay\n  ----------\nJo Bloggs, the solicitor, spoke.'), 'Jo Bloggs, the solicitor, spoke.');
    assert.equal(afterRule('Jo Bloggs spoke - and left.'), 'Jo Bloggs spoke - and left.');
  });

  it('a quotation inside a numbered point is the speaker\'s who heads the list', () => {
    const q = 'could only have shown the cracks in the wall long before the storm arrived in the bay.';
    const points = `Firstly, the harbour board had ignored two letters about the sea wall.\nSecondly, a careful survey "${q}"\nThirdly, the board sold the survey boat.\n`;
    assert.deepEqual(quotes(`Sea wall case goes to a jury\nThe coroner listed her three grounds for sending the matter to a jury.\n${points}`), []);
    assert.deepEqual(quotes(`Sea wall case goes to a jury\nThere were three problems with the old wall.\n${points}`), [q]);
  });

  it('a paragraph led by "This" goes on with the reported speech above it; the one told is no other speaker', () => {
    const q = 'To my mind you are no danger to anyone in this town, and you may go home today.';
    const told = 'Quay quarrel ends in court\nThe magistrate told Jo Bloggs that the storm had frightened every family on the quay.\n';
    assert.deepEqual(quotes(`${told}This was the start of the quarrel with Tom Reyle and the letters to the council.\n"${q}"\n`), []);
    assert.deepEqual(quotes(`${told}The letters that followed went to the council and Tom Reyle.\n"${q}"\n`), [q]);
  });
});

describe('real copy: claims credited by their own sentence\'s subject (seed L)', () => {
  const REF = [
    'Sea wall trial',
    'Miss Ana Roe said that on the eve of the storm the harbour master was very uneasy about the cracks in the sea wall.',
    'Harbour boards can pass the cost of mending old sea walls on to the town council, the judgment said.',
    'The judges overturned an earlier ruling.',
  ].join('\n\n');
  const idx = ReferenceIndex.build([{ id: 'r.txt', path: 'r.txt', text: REF, meta: {} }]);
  const claims = (t: string) =>
    check(t, idx, { rules: { 'copied-passage': 'off', 'name-spelling': 'off', 'name-inconsistency': 'off', misquote: 'warning' } }).findings.filter((f) => f.rule === 'unattributed-claim').map((f) => f.text);

  it('"she reminded the jury that …" credits the claim', () => {
    const bare = 'On the eve of the storm the harbour master was very uneasy about the cracks in the sea wall.';
    assert.deepEqual(claims(`Rain fell.\n\n${bare}`), [bare]);
    assert.deepEqual(claims('Rain fell.\n\nShe reminded the jury that on the eve of the storm the harbour master was very uneasy about the cracks in the sea wall.'), []);
  });

  it('"the judges upheld …" credits the claim to the court', () => {
    const bare = 'Harbour boards can pass the cost of mending old sea walls on to the town council.';
    assert.deepEqual(claims(`Rain fell.\n\n${bare}`), [bare]);
    assert.deepEqual(claims('Rain fell.\n\nThe three judges upheld the council\'s case that harbour boards can pass the cost of mending old sea walls on to the town council.'), []);
  });
});
