/**
 * Every rule's findings carry `data` of the shape finding-data.ts declares for the rule: the keys
 * below are checked against the declared interfaces by the compiler (each table must list every key
 * of its shape, marked as the shape marks it), and against real findings here.
 */
import { strict as assert } from 'node:assert';
import { check } from '../../../src/core/engine';
import {
  dataOf,
  isHouseCorrection,
  isUnquoted,
  type CopiedPassageData,
  type FactMismatchData,
  type HouseCorrectionData,
  type NameInconsistencyData,
  type NameMissData,
  type QuoteComparisonData,
  type RuleDataMap,
  type UnattributedClaimData,
  type UnattributedQuoteData,
  type UnquotedQuoteData,
  type WeaselAttributionData,
} from '../../../src/core/finding-data';
import { ReferenceIndex } from '../../../src/core/reference-index';
import type { Settings } from '../../../src/core/settings';
import { RULE_IDS, type Finding, type ReferenceDoc, type RuleId } from '../../../src/core/types';
import { doc, index, names, WIRE } from './helpers';

/** Each key of T, marked as T declares it. */
type Keys<T> = { [K in keyof T]-?: undefined extends T[K] ? 'optional' : 'required' };

const COPIED: Keys<CopiedPassageData> = { words: 'required', quotedWords: 'required', sourceMeta: 'required', alsoIn: 'required' };
const QUOTE: Keys<QuoteComparisonData> = {
  sourceQuote: 'required', speaker: 'required', articleSpeaker: 'required', referenceSentence: 'required', reference: 'required',
  sourceMeta: 'required', diff: 'required', similarity: 'required', contextSimilarity: 'required', changedSpeaker: 'optional',
};
const UNQUOTED: Keys<UnquotedQuoteData> = { unquoted: 'required', speaker: 'required', reference: 'required', sourceQuote: 'required', sourceMeta: 'required' };
const UQUOTE: Keys<UnattributedQuoteData> = { speaker: 'required', referenceSentence: 'required', sourceMeta: 'required' };
const CLAIM: Keys<UnattributedClaimData> = { sourceName: 'required', cue: 'required', attribution: 'required', overlap: 'required', sourceMeta: 'required' };
const WEASEL: Keys<WeaselAttributionData> = { pattern: 'required' };
const HOUSE: Keys<HouseCorrectionData> = { house: 'required', correction: 'required', references: 'required' };
const MISS: Keys<NameMissData> = { house: 'required', kind: 'required', similarity: 'optional', context: 'required', evidence: 'optional', references: 'required', places: 'required' };
const INCONSISTENT: Keys<NameInconsistencyData> = { kind: 'required', similarity: 'required', article: 'required', references: 'required', places: 'required' };
const FACT: Keys<FactMismatchData> = {
  kind: 'required', sourceValue: 'required', articleValue: 'required', rounding: 'optional', sourcesDiffer: 'optional', reference: 'required',
  articleSentence: 'required', articleSlot: 'required', sourceSentence: 'required', sourceSlot: 'required', sourceMeta: 'required',
};

/** The shapes a rule's data may take (several for a rule whose data is a union). */
const SHAPES: { [R in RuleId]: Record<string, 'required' | 'optional'>[] } = {
  'copied-passage': [COPIED],
  'unattributed-quote': [UQUOTE],
  'unattributed-claim': [CLAIM],
  'weasel-attribution': [WEASEL],
  misquote: [QUOTE, UNQUOTED],
  'name-spelling': [HOUSE, MISS],
  'name-inconsistency': [INCONSISTENT],
  'fact-mismatch': [FACT],
};

// every rule has an entry in RuleDataMap and nothing else does (a compile error otherwise)
const SAME_RULES: [Exclude<keyof RuleDataMap, RuleId>, Exclude<RuleId, keyof RuleDataMap>] extends [never, never] ? true : false = true;

/** The shape (by index in SHAPES[rule]) the finding's data has exactly, or -1. */
function shapeOf(f: Finding): number {
  const keys = Object.keys(f.data ?? {});
  return SHAPES[f.rule].findIndex(
    (shape) => keys.every((k) => k in shape) && Object.entries(shape).every(([k, m]) => m === 'optional' || keys.includes(k)),
  );
}

const ATTRIBUTION_ONLY: Partial<Settings> = { rules: { 'copied-passage': 'off', 'name-spelling': 'off', 'name-inconsistency': 'off' } };

// invented stories: the harbour strike and the flood of the rule tests' helpers, a ferry fare for figures,
// a quarry for a quotation without its marks
function examples(): Finding[] {
  const out: Finding[] = [];
  const strike = (text: string) => out.push(...check(text, index, ATTRIBUTION_ONLY).findings);
  strike('The strike went into its second week.\n\n“Nobody will unload a ship until the contracts are signed.”\n\nShips queued outside.');
  strike('Dockers stayed home again on Tuesday. The harbour lost four million euros in the first week of the strike. Talks resume on Friday.');
  strike('Observers say the strike could last for weeks.');
  strike('“We have not received one serious offer,” Feld said.');
  strike('“We have not received a single serious offer,” Marta Kosk said.');
  out.push(...names('The minister, Oleksandr Kravshenko, toured the town.'));
  out.push(...names('Water covered Kettle Wick and the road to Zorivka.', { houseNames: { accepted: [], corrections: { 'Kettle Wick': 'Kettlewick' } } }));
  out.push(...names('Farmer Edwina Quillfeather lost her barn. Quillfeather said the water came fast. Neighbours helped Edwina Quilfeather move her sheep, and Quillfeather thanked them.'));
  out.push(...check(WIRE, ReferenceIndex.build([doc('wire.txt', WIRE)])).findings);
  const ferry = (article: string, refs: ReferenceDoc[]) => out.push(...check(article, ReferenceIndex.build(refs)).findings);
  const filler = ' Talks between the operator and the crews broke down late in the evening without a new date.';
  ferry('The union said that 14 per cent of its members had voted to strike over the winter timetable.' + filler, [
    doc('wire.txt', 'The union said that 40 per cent of its members had voted to strike over the winter timetable.' + filler),
  ]);
  const s = 'Police said 12 people were arrested on the quay after the crews blocked the ferry ramp.';
  ferry('Police said 16 people were arrested on the quay after the crews blocked the ferry ramp.' + filler, [
    doc('wire.txt', s + filler),
    doc('gazette.txt', s.replace('12', '14') + filler),
  ]);
  const quarry = 'A quarry owner was fined today after a blast shook homes in Fellbrook. Magistrate Orla Quist said: “The firm must never again put a village at risk for a quicker day of digging.”';
  out.push(...check('A quarry owner was fined today after a blast shook homes in Fellbrook.\n\nThe magistrate said the firm must never again put a village at risk for a quicker day of digging.', ReferenceIndex.build([doc('quarry.txt', quarry)]), ATTRIBUTION_ONLY).findings);
  return out;
}

describe('finding data: one declared shape per rule', () => {
  const found = examples();

  it('the rules and the data shapes are the same list', () => {
    assert.equal(SAME_RULES, true);
    assert.deepEqual(Object.keys(SHAPES).sort(), [...RULE_IDS].sort());
  });

  it("every rule's findings on the invented stories carry data of exactly its declared keys", () => {
    for (const rule of RULE_IDS) {
      const withData = found.filter((f) => f.rule === rule && f.data);
      assert.ok(withData.length, `${rule}: an example finding with data`);
      for (const f of withData) assert.ok(shapeOf(f) >= 0, `${rule}: ${JSON.stringify(Object.keys(f.data!))} (${f.message})`);
    }
  });

  it('the unions are told apart by their own marks, and the examples reach each member', () => {
    const spelling = found.map((f) => dataOf(f, 'name-spelling')).filter((d) => d !== undefined);
    assert.ok(spelling.some((d) => isHouseCorrection(d)) && spelling.some((d) => !isHouseCorrection(d)));
    for (const d of spelling) assert.equal(isHouseCorrection(d), 'correction' in d && d.house === true);
    const quotes = found.map((f) => dataOf(f, 'misquote')).filter((d) => d !== undefined);
    assert.ok(quotes.some((d) => !isUnquoted(d)), 'a quote compared with the reference');
    assert.ok(quotes.some((d) => isUnquoted(d)), 'words repeated without their quotation marks');
    const facts = found.map((f) => dataOf(f, 'fact-mismatch')).filter((d) => d !== undefined);
    assert.ok(facts.some((d) => d.sourcesDiffer?.length === 2), 'sources that differ');
    for (const d of facts) {
      assert.equal(d.articleSentence.slice(...d.articleSlot), d.articleValue);
      assert.equal(d.sourceSentence.slice(...d.sourceSlot), d.sourceValue);
    }
  });

  it("dataOf gives a finding's data for its own rule and undefined for any other", () => {
    for (const f of found.filter((x) => x.data)) {
      assert.equal(dataOf(f, f.rule), f.data);
      for (const other of RULE_IDS.filter((r) => r !== f.rule)) assert.equal(dataOf(f, other), undefined, `${f.rule} read as ${other}`);
    }
  });
});
