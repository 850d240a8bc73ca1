/**
 * Invented stories and the checks the rule tests share (the lexicon and aligner tests read the
 * stories too): a harbour strike for the attribution rules, a flood for the name rules, a port
 * strike for copied passages.
 */
import { strict as assert } from 'node:assert';
import { applyEdits } from '../../../src/core/attribution/fixes';
import { check } from '../../../src/core/engine';
import { ReferenceIndex } from '../../../src/core/reference-index';
import type { Settings } from '../../../src/core/settings';
import type { Finding, ReferenceDoc, RuleId } from '../../../src/core/types';

// ---- harbour strike: attribution rules (unattributed-quote, unattributed-claim, weasel-attribution, misquote)
export const REF = `Harbour talks stall as dockers walk out

Port spokesman Jonas Feld said the cranes would stay idle until Friday. “We have not received a single serious offer,” Feld said. He added that the union was “willing to talk at any hour”.

Union leader Marta Kosk said: “Nobody will unload a ship until the contracts are signed.”

The harbour lost four million euros in the first week of the strike, according to the port authority.

Mayor Elena Voss said the colour of the new cranes had been chosen by residents.`;

export const index = ReferenceIndex.build([{ id: 'wire.md', path: 'wire.md', text: REF, meta: { outlet: 'Coast Wire' } }]);
export const only = (rule: RuleId, text: string, idx = index): Finding[] =>
  check(text, idx, { rules: { 'copied-passage': 'off', 'name-spelling': 'off', 'name-inconsistency': 'off', misquote: 'warning' } }).findings.filter((f) => f.rule === rule);
export const fixed = (text: string, f: Finding) => applyEdits(text, (f.fixes!.find((x) => x.preferred) ?? f.fixes![0]!).edits);

// ---- flood: name rules (name-spelling, name-inconsistency)
// An invented story: flooding in the river town of Kettlewick; invented people and places.
export const REFS: ReferenceDoc[] = [
  {
    id: 'wire.txt',
    path: 'wire.txt',
    meta: { outlet: 'Wire' },
    text:
      'Floodwater reached the centre of Kettlewick on Sunday, officials said.\n' +
      'Mayor Tamsin Pettigrew said the Harbourside Trust had opened two shelters. ' +
      'Emergency minister Oleksandr Kravchenko visited Kettlewick and the nearby village of Zorivka. ' +
      'Kravchenko promised money for repairs. The Ukrainian government sent pumps, and Ukraine asked Russia to keep the dam open. ' +
      'Pettigrew thanked volunteers from Zorivka.',
  },
  {
    id: 'herald.txt',
    path: 'herald.txt',
    meta: { outlet: 'Herald' },
    text:
      'Residents of Kettlewick spent a second night in shelters run by the Harbourside Trust.\n' +
      'Mayor Tamsin Pettigrew told reporters the river had peaked. Oleksandr Kravchenko, the minister, said aid from Kyiv ' +
      'would arrive by Tuesday. In Zorivka the water was still rising, according to the Ólafsdóttir Institute, ' +
      'whose hydrologist Ingrid Ólafsdóttir measured the flow. The Russian embassy offered help.',
  },
  {
    id: 'courier.txt',
    path: 'courier.txt',
    meta: { outlet: 'Courier' },
    text:
      'The Harbourside Trust said on Monday that 400 people had been moved from Kettlewick.\n' +
      'Pettigrew, the mayor, called it the worst flood in living memory. Kravchenko said engineers from Zorivka and Kyiv ' +
      'were checking the dam. Ingrid Ólafsdóttir said the river would fall by Friday.',
  },
];

const NAMES_OFF: Partial<Settings> = { rules: { 'copied-passage': 'off' } };

export function names(text: string, settings: Partial<Settings> = {}, refs = REFS): Finding[] {
  const res = check(text, ReferenceIndex.build(refs), { ...NAMES_OFF, ...settings, rules: { ...NAMES_OFF.rules, ...(settings.rules ?? {}) } });
  return res.findings.filter((f) => f.rule === 'name-spelling' || f.rule === 'name-inconsistency');
}

// ---- port strike: copied-passage
export const WIRE =
  'Dockworkers at the port of Marrowby walked out on Monday after talks over night-shift pay collapsed, ' +
  'leaving three container ships stranded in the outer harbour. The Harbour Workers Union said about 400 members ' +
  'joined the strike. Port director Elsa Varga said the authority had offered a four percent rise over two years ' +
  'and would return to the table on Thursday. Fishing crews, who share the inner quay, were allowed to land their catch.';

export const OTHER =
  'The county council approved a new cycle lane on Ferris Road on Tuesday, despite objections from shopkeepers ' +
  'who fear the loss of parking. Work is expected to begin in the spring and will cost about two million pounds.';

export function doc(id: string, text: string, meta: ReferenceDoc['meta'] = {}): ReferenceDoc {
  return { id, path: `/refs/${id}`, text, meta };
}

/** Assert that finding f spans `words` at their first place in `text`, and carries them as its text. */
export function assertSpans(text: string, f: Finding, words: string): void {
  assert.equal(text.slice(f.start, f.end), words);
  assert.equal(f.start, text.indexOf(words));
  assert.equal(f.text, words);
}
