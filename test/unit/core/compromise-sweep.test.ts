import { strict as assert } from 'node:assert';
import { bulkMatch, withOriginalBulkMatch } from '../../../src/core/compromise-sweep';
import { compromise } from '../../../src/core/lazy-nlp';
import { rng } from '../../../scripts/lib/rng';

type Methods = Parameters<typeof withOriginalBulkMatch>[0];

/** compromise's whole output for a text, without the terms' ids (a running counter). */
function tagsOf(text: string): string {
  return JSON.stringify(compromise()(text).json({ offset: true }), (k, v) => (k === 'id' ? undefined : v));
}

const SENTENCES = [
  'Mr Tobin Arkwright said on Tuesday that the bridge would be reopened by the council in March.',
  '"We were told nothing," said Ms Pell, a spokeswoman for the Velmar Water Company Ltd.',
  'The plan, which was approved by the board, may still march ahead despite the well-made objections.',
  'Shut the door and tell him the meeting of the Harbour Trust has been moved to Sat 5 June at 2 pm.',
  'According to police, the man, 43, was being questioned after the so-called raid on Wednesday night.',
  'Dr. Ilse Varga of the University of Lowmoor warned that hard-working families could be hit hardest.',
  'Officials had been told the fund was "in good shape", the report claims, citing internal emails.',
  'She added: "It is not like we did not try, but even better offers were turned down."',
  'Still, the Velmar Rovers FC chairman insists that the club is not for sale and never was.',
  'Asked whether he would resign, he said he was considering it.',
  'The ferry timetable was dropped by the council last week.',
];

/** Sentences with contractions (compromise splits them into implicit terms) and phrasal endings. */
const CONTRACTED = [
  "We've said the harbour works didn't start, and they'd been told it's the council's call.",
  "Ms Pell said she'd rather the ferry crews weren't left out.",
  'Port Velmar harbour master Ada Quill said the old crane was taken down.',
  "It's what we have: the board of the trust gave up.",
  "We've really tried, and they've truly been patient.",
  'They agreed.',
  'Then the council said no, and a pair of big new cranes stood idle.',
  'The big old red ferry was taken over by the council, and police said the rest of the crew had gone out.',
  'Harbour Trust chairman said nothing.',
];

const WORDS = (
  'the a an he she they it was were is are been being had has have will would may march said says told that which who ' +
  'like still so even back up out in on of to by for and or but not never Smith Tobin Velmar Company Ltd Inc FC council ' +
  'police officials report plan bridge reopened delayed approved warned claimed according asked Tuesday June Sat 5 2 pm ' +
  '43 first very hard-working well-made so-called , . " : ; we\'ve didn\'t it\'s they\'d can\'t up out down master crane gave'
).split(' ');

describe('compromise post-tagger sweep (compromise-sweep.ts)', () => {
  const methods = compromise().methods() as unknown as Methods;

  it('is installed in place of compromise’s own bulkMatch', () => {
    assert.equal((methods as unknown as { one: { bulkMatch: unknown } }).one.bulkMatch, bulkMatch);
  });

  it('tags invented news sentences exactly as compromise’s own sweep does', () => {
    for (const s of [...SENTENCES, ...CONTRACTED]) assert.equal(tagsOf(s), withOriginalBulkMatch(methods, () => tagsOf(s)), s);
    // the sweep does something here: a post-tagger tag (Passive comes only from post-tagger patterns)
    assert.match(tagsOf(SENTENCES[SENTENCES.length - 1]!), /"Passive"/);
  });

  it('tags random word sequences (and whole multi-sentence texts) exactly as compromise’s own sweep does', () => {
    const r = rng(13);
    for (let i = 0; i < 300; i++) {
      const n = 1 + Math.floor(r() * 30);
      const ws: string[] = [];
      for (let k = 0; k < n; k++) ws.push(WORDS[Math.floor(r() * WORDS.length)]!);
      const text = ws.join(' ').replace(/ ([,.:;])/g, '$1');
      assert.equal(tagsOf(text), withOriginalBulkMatch(methods, () => tagsOf(text)), text);
    }
    const all = SENTENCES.join(' ');
    assert.equal(tagsOf(all), withOriginalBulkMatch(methods, () => tagsOf(all)));
  });

  it('finds the same matches as compromise’s own, with and without matchOne', () => {
    const nlp = compromise() as unknown as {
      (t: string): { docs: unknown[][]; compute(x: string): unknown };
      buildNet(m: { match: string; tag?: string; group?: number; notIf?: string }[]): unknown;
    };
    const net = nlp.buildNet([
      { match: '#Person (said|says)', tag: 'Cue' },
      { match: 'the [#Noun]', tag: 'Thing' },
      { match: '#Date', tag: 'When' },
      { match: '. .' },
      { match: '(march|may) #Value', tag: 'Month' },
      // tried only from the terms where the first reg matches (compromise-sweep.ts `Cut`): groups,
      // greedy and optional regs, overlapping starts; '$' and notIf are left to compromise's loop
      { match: '#Adjective+ [#Noun]', group: 0, tag: 'Head' },
      { match: '[the] #Noun of', group: 0, tag: 'Det' },
      { match: 'the #Adjective? #Noun', tag: 'Np' },
      { match: '#Noun #Noun', tag: 'Compound' },
      { match: 'said [.]', group: 0, tag: 'AfterSaid' },
      { match: '{say} that', tag: 'SayThat' },
      { match: '#Noun$', tag: 'Last' },
      { match: '#Verb #Adverb?$', tag: 'LastOptional' },
      { match: 'the #Noun', notIf: 'council', tag: 'NotCouncil' },
      { match: '(would|could|may) be #Verb+', tag: 'Modal' },
      // the second reg rules out tries too (`Second`): after a greedy first reg, with '$', past contractions
      { match: '[#Noun+] #PastTense', group: 0, tag: 'Doer' },
      { match: '#ProperNoun+ (said|says)', tag: 'Speaker' },
      { match: '#Verb (up|out|down)$', tag: 'Phrasal' },
      { match: '#Determiner [#Noun]$', group: 0, tag: 'LastNoun' },
      { match: 'we have', tag: 'WeHave' },
      { match: 'we #Adverb', tag: 'WeSo' },
      { match: "we've #Adverb", tag: 'ContractedSo' },
      { match: '#Pronoun #Adverb', tag: 'PronounSo' },
      { match: '#Pronoun #Verb #Noun', tag: 'Clause' },
      { match: 'did not #Verb', tag: 'Negated' },
      { match: '#Noun+ of the #Noun', tag: 'OfThe' },
      // regs on fixed terms after the first (`Next`): or-blocks, '.', a greedy reg that ends the run
      { match: '(got|was|were) (#PastTense|#Participle)', tag: 'Passive2' },
      { match: '#Determiner #Noun of [#Verb]', group: 0, tag: 'OfVerb' },
      { match: 'the . of the', tag: 'AnyOf' },
      { match: '(had|have|#PastTense) #Adjective [#Noun]', group: 0, tag: 'MixedFirst' },
      { match: '(the council|police) (said|says)', tag: 'MultiChoice' },
      { match: 'the #Adjective+ #Noun', tag: 'Described' },
      { match: '#Determiner (#Adjective #Adjective|pair) of', tag: 'TwoWords' },
      { match: '#Adjective (#Noun|#Verb) (up|out|down)$', tag: 'EndsOut' },
      // anchored at the start: tried from the first term only, ruled out by its first two regs
      { match: '^[#Infinitive] the', group: 0, tag: 'Imperative' },
      { match: '^#ProperNoun+ #Adjective? said', tag: 'LeadSpeaker' },
      { match: "^we've #Adverb", tag: 'LeadContracted' },
      { match: '^#Pronoun #Verb$', tag: 'Short' },
      { match: '^(still|asked) #Noun?', tag: 'Opener' },
      { match: '^still? #Determiner', tag: 'MaybeStill' },
    ]) as Parameters<typeof bulkMatch>[1];
    const doc = nlp([...SENTENCES, ...CONTRACTED].join(' '));
    const strip = (xs: unknown[]) => JSON.stringify(xs);
    for (const opts of [{}, { matchOne: true }]) {
      const ours = bulkMatch(doc.docs, net, methods, opts);
      const theirs = withOriginalBulkMatch(methods, () => methods.one.bulkMatch(doc.docs, net, methods, opts));
      assert.ok(ours.length > 0);
      assert.equal(strip(ours), strip(theirs));
    }
  });
});
