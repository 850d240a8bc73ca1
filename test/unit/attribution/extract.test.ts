import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import * as path from 'node:path';
import { CUE_VERBS, STANCE_VERBS, WORDNET_VERBS } from '../../../src/core/attribution/cues';
import { extractAttributions } from '../../../src/core/attribution/extract';
import { findQuotes } from '../../../src/core/attribution/quotes';
import type { Attribution } from '../../../src/core/attribution/types';
import { analyse } from '../../../src/core/text';

const ex = (t: string) => extractAttributions(analyse(t));
const brief = (a: Attribution) => ({ kind: a.kind, cue: a.cue?.text ?? null, source: a.source?.text ?? null, content: a.content.text });

describe('attribution: quote shapes', () => {
  it('finds curly and straight double quotes', () => {
    const qs = findQuotes(analyse('He said “yes” and then "no" twice.'));
    assert.deepEqual(qs.map((q) => 'He said “yes” and then "no" twice.'.slice(q.start, q.end)), ['yes', 'no']);
  });
  it('keeps apostrophes out of single quotes and finds nested single quotes', () => {
    const t = '“Don’t call it a ‘crisis’ yet,” Ilse Marren said.';
    const qs = findQuotes(analyse(t));
    assert.deepEqual(qs.map((q) => [t.slice(q.start, q.end), q.level]), [["Don’t call it a ‘crisis’ yet,", 1], ['crisis', 2]]);
  });
  it('continues a quote into the next paragraph that opens with a quote mark', () => {
    const t = '“The ferry runs at dawn.\n\n“It returns at dusk,” the captain said.';
    const [a] = ex(t);
    assert.equal(a!.source!.text, 'the captain');
    assert.ok(a!.content.text.includes('dawn') && a!.content.text.includes('dusk'));
  });
  it('continues a single-mark quote into the next paragraph that opens with a single mark', () => {
    const t = "The warden wrote that the pier was 'past saving and a danger to every boat moored beside it.\n\n'Nobody should fish from it again,' she added.";
    const qs = findQuotes(analyse(t));
    assert.equal(qs.length, 1);
    assert.ok(t.slice(qs[0]!.start, qs[0]!.end).startsWith('past saving') && t.slice(qs[0]!.start, qs[0]!.end).endsWith('again,'));
    // an apostrophe-like mark left open before a paragraph that does not open with a single mark stays no quote
    assert.equal(findQuotes(analyse("They played rock 'n roll all night.\n\nThe hall emptied at two.")).length, 0);
    // a year elided at the paragraph's start continues nothing
    assert.equal(findQuotes(analyse("The warden called it 'past saving.\n\n'98 was the last good season.")).length, 0);
  });
  it('closes an unclosed quote at the paragraph end when the next paragraph does not continue it', () => {
    const qs = findQuotes(analyse('“The harbour is closed, the notice read.\n\nBoats stayed in.'));
    assert.equal(qs.length, 1);
    assert.equal(qs[0]!.unclosed, true);
  });
  it('marks one or two quoted words with no cue as a scare quote', () => {
    const [a] = ex('The council called the plan “ambitious” last year. The so-called “green corridor” is empty.').filter((x) => x.content.text === 'green corridor');
    assert.equal(a!.scare, true);
    assert.equal(a!.source, null);
  });
  it('treats a short quote with a describing cue as attributed', () => {
    const [a] = ex('Ana Ruiz described the offer as “insulting”.');
    assert.equal(a!.source!.text, 'Ana Ruiz');
    assert.equal(a!.scare, false);
  });
  it('nests three levels deep at most: further opening marks are stray characters', () => {
    const t = 'She wrote “a ‘b “c ‘d ‘e’ f” g’ h” and left.';
    const qs = findQuotes(analyse(t));
    assert.deepEqual(qs.map((q) => q.level), [1, 2, 3]);
    assert.equal(t.slice(qs[0]!.start, qs[0]!.end), 'a ‘b “c ‘d ‘e’ f” g’ h');
    assert.equal(findQuotes(analyse('“'.repeat(5000) + 'x')).length, 3);
  });
  it('paragraphs of one quote run together: a straight mark after a quoted sentence\'s end opens the next sentence', () => {
    const t = 'Coach Brann Ilvey said: "We pressed them early. "The second half was ours." Ilvey left for the airport that night.';
    const got = findQuotes(analyse(t)).map((q) => t.slice(q.start, q.end));
    assert.deepEqual(got, ['We pressed them early.', 'The second half was ours.']);
    // an ordinary pair after a sentence is still a pair
    const u = 'It rained. She called it "a wash" and "no loss at all" for the club.';
    assert.deepEqual(findQuotes(analyse(u)).map((q) => u.slice(q.start, q.end)), ['a wash', 'no loss at all']);
  });
  it('a straight closing mark with nothing open opens no quote', () => {
    const t = 'The night porter kept the keys." He locked the gate and "went home" early.';
    assert.deepEqual(findQuotes(analyse(t)).map((q) => t.slice(q.start, q.end)), ['went home']);
    // but it closes a quote opened with a single mark
    const u = "The pilot said: 'The fog came down in minutes and we turned back.\" The ferry stayed in port.";
    assert.deepEqual(findQuotes(analyse(u)).map((q) => u.slice(q.start, q.end)), ['The fog came down in minutes and we turned back.']);
  });
  it('doubled apostrophes work as double quotes', () => {
    const [a] = ex("''The pier will reopen,'' said Mr. Okafor.");
    assert.deepEqual(brief(a!), { kind: 'direct', cue: 'said', source: 'Mr. Okafor', content: 'The pier will reopen' });
  });
});

describe('attribution: cues and sources', () => {
  const cases: [string, ReturnType<typeof brief>][] = [
    ['“We will rebuild the harbour by spring,” Mayor Elena Voss said on Tuesday.', { kind: 'direct', cue: 'said', source: 'Mayor Elena Voss', content: 'We will rebuild the harbour by spring' }],
    ['“It is over,” said the former minister of finance.', { kind: 'direct', cue: 'said', source: 'the former minister of finance', content: 'It is over' }],
    ['Port spokesman Jonas Feld told reporters that the cranes would stay idle.', { kind: 'indirect', cue: 'told', source: 'Port spokesman Jonas Feld', content: 'the cranes would stay idle' }],
    ['The ferry service will resume next week, according to the port authority.', { kind: 'indirect', cue: 'according to', source: 'the port authority', content: 'The ferry service will resume next week' }],
    ['According to the dockers’ union, the strike will last a month.', { kind: 'indirect', cue: 'According to', source: 'the dockers’ union', content: 'the strike will last a month' }],
    ['Voss, the city’s first female mayor, warned that the budget was fragile.', { kind: 'indirect', cue: 'warned', source: 'Voss, the city’s first female mayor', content: 'the budget was fragile' }],
    ['The tugboats are unsafe, the inspector noted.', { kind: 'indirect', cue: 'noted', source: 'the inspector', content: 'The tugboats are unsafe' }],
    ['Councillor Pia Sand stated that repairs were overdue.', { kind: 'indirect', cue: 'stated', source: 'Councillor Pia Sand', content: 'repairs were overdue' }],
    ['The harbour board claimed the losses were exaggerated.', { kind: 'indirect', cue: 'claimed', source: 'The harbour board', content: 'the losses were exaggerated' }],
    ['Ruiz was blunt: “The council lied to us.”', { kind: 'direct', cue: ':', source: 'Ruiz', content: 'The council lied to us.' }],
    ['Councillor Dev Anand (Greens) said the vote was rushed.', { kind: 'indirect', cue: 'said', source: 'Councillor Dev Anand', content: 'the vote was rushed' }],
  ];
  for (const [t, want] of cases) {
    it(`${want.cue}: ${t.slice(0, 50)}`, () => {
      const got = ex(t).map(brief);
      assert.deepEqual(got[0], want, JSON.stringify(got));
    });
  }
  it('a mixed quote: quoted words inside reported speech', () => {
    const [a] = ex('Ilse Marren said the plan had been “rushed through without a vote”.');
    assert.equal(a!.kind, 'mixed');
    assert.equal(a!.source!.text, 'Ilse Marren');
    assert.equal(a!.quotes[0]!.text, 'rushed through without a vote');
    assert.ok(a!.content.text.startsWith('the plan had been'));
  });
  it('"adding:" takes the subject of the main clause', () => {
    const all = ex('The harbour master said the channel was clear, adding: “Ships can sail tonight.”');
    const q = all.find((a) => a.content.text === 'Ships can sail tonight.');
    assert.equal(q!.cue!.text, 'adding');
    assert.equal(q!.source!.text, 'The harbour master');
  });
  it('a name and any verb right after a quote ending in a comma or question mark', () => {
    const [a] = ex('“Are we still arguing about the buoys?” Mr. Lund fumed on the quay.');
    assert.deepEqual(brief(a!), { kind: 'direct', cue: 'fumed', source: 'Mr. Lund', content: 'Are we still arguing about the buoys?' });
    // a full stop ends the quote's sentence: the next words are no attribution
    const [b] = ex('“The buoys are gone.” Boats waited outside.');
    assert.equal(b!.source, null);
  });
  it('a dash credit after a quote', () => {
    const [a] = ex('“Nobody warned the island.” — Greta Olsen');
    assert.equal(a!.source!.text, 'Greta Olsen');
    assert.equal(a!.cue!.text, '—');
  });
  it('a quote after "so-called" is a scare quote', () => {
    const [a] = ex('The so-called “blue harbour plan for everyone” failed.');
    assert.equal(a!.scare, true);
  });
  it('agentless passives have no source', () => {
    assert.deepEqual(ex('It is believed that the talks failed.'), []);
  });
  it('a noun "report" is not a cue', () => {
    assert.deepEqual(ex('The report on the harbour was long.'), []);
  });
});

describe('attribution: pronouns and continuing quotes', () => {
  it('resolves she to the nearest preceding named speaker', () => {
    const all = ex('Dock worker Marta Kosk described the shift as “brutal”. She added: “Nobody asked us.”');
    const q = all.find((a) => a.content.text === 'Nobody asked us.');
    assert.equal(q!.source!.text, 'She');
    assert.equal(q!.source!.resolved!.text.endsWith('Marta Kosk'), true);
  });
  it('resolves he past an intervening sentence', () => {
    const all = ex('Tomas Brenner runs the oyster farm. Sales fell sharply in May. He said the water was too warm.');
    const a = all.find((x) => x.cue?.text === 'said');
    assert.ok(a!.source!.resolved!.text.includes('Brenner'));
  });
  it('a quote that continues the speaker in the next sentence inherits the speaker', () => {
    const all = ex('“We are not going anywhere,” Ana Ruiz said. “This is our town.”');
    const q = all.find((a) => a.content.text === 'This is our town.');
    assert.equal(q!.inherited, true);
    assert.equal(q!.source!.text, 'Ana Ruiz');
  });
  it('flags headline quotes', () => {
    const all = ex('“We were betrayed”: fishermen turn on council\n\nThe fishermen met on Monday.');
    assert.equal(all[0]!.headline, true);
  });
});

describe('attribution: stance, belief and evidence cues', () => {
  const first = (t: string) => ex(t).filter((a) => a.cue).map(brief)[0] ?? null;
  const cases: [string, string, string][] = [
    // [sentence, cue, source]
    ['The harbour master opposes the new dredging contract.', 'opposes', 'The harbour master'],
    ['Councillor Pia Sand rejected the ferry timetable on Monday.', 'rejected', 'Councillor Pia Sand'],
    ['Mayor Elena Voss vowed to reopen the pier by June.', 'vowed', 'Mayor Elena Voss'],
    ['The fishermen fear the quota will be cut again.', 'fear', 'The fishermen'],
    ['Jonas Feld insisted the cranes were safe.', 'insisted', 'Jonas Feld'],
    ['The port authority denied any wrongdoing in the tender.', 'denied', 'The port authority'],
    ['She acknowledged the delays had cost the town dearly.', 'acknowledged', 'She'],
    ['Ana Ruiz predicted a long winter for the dockers.', 'predicted', 'Ana Ruiz'],
    ['The union hopes the talks will resume next week.', 'hopes', 'The union'],
    ['Senator Okafor has been critical of the harbour board for years.', 'critical of', 'Senator Okafor'],
    ['The ferry operators are confident that passengers will return.', 'confident that', 'The ferry operators'],
    ['Residents have expressed deep concern about the night shifts.', 'expressed deep concern', 'Residents'],
    ['Ruiz has no illusions about the cost of the repairs.', 'has no illusions', 'Ruiz'],
    ['Dev Anand is a vocal critic of the tunnel project.', 'is a vocal critic of', 'Dev Anand'],
    ['The councillors railed against the ferry subsidy cuts.', 'railed against', 'The councillors'],
    ['Voss is calling for an inquiry into the collapse of the crane.', 'calling for', 'Voss'],
    ['A survey of local traders found that most expect a poor season.', 'found', 'A survey of local traders'],
    ['Recent polls show the mayor trailing her rival.', 'show', 'Recent polls'],
    ['Mayor Elena Voss met the crews. Voss called the tender process a shambles.', 'called', 'Voss'],
    ['The harbour board did not immediately respond to requests for comment.', 'respond', 'The harbour board'],
  ];
  for (const [t, cue, source] of cases) {
    it(`${cue}: ${t.slice(0, 50)}`, () => {
      const a = first(t);
      assert.ok(a, `no attribution in: ${t}`);
      assert.equal(a.cue, cue);
      assert.equal(a.source, source);
    });
  }
  it('a headline in Title Case: "Mayor Says …"', () => {
    const a = ex('Harbour Strike Will End Soon, Mayor Voss Says\n\nThe dockers met on Monday.\n\nTalks went on.\n\nNo deal yet.').find((x) => x.cue);
    assert.equal(a?.source?.text, 'Mayor Voss');
    assert.equal(a?.cue?.text, 'Says');
  });
  it('"who" is a source and resolves to the person named before it', () => {
    const a = ex('The crew hired Tomas Brandt, who said the hull was sound.').find((x) => x.cue?.text === 'said');
    assert.equal(a?.source?.text, 'who');
    assert.equal(a?.source?.resolved?.text, 'Tomas Brandt');
  });
  it('a possessive and a noun of view: "her claim that …" resolves her', () => {
    const a = ex('Mayor Elena Voss toured the pier. Despite her claim that the pier was safe, it was closed.').find((x) => x.cue?.text === 'claim');
    assert.equal(a?.source?.text, 'her');
    assert.equal(a?.source?.resolved?.text, 'Elena Voss');
    assert.equal(a?.content.text, 'the pier was safe, it was closed');
  });
  it('"her claim to" a thing (no verb after "to") is no cue', () => {
    assert.deepEqual(ex('Her claim to the old boathouse was upheld.').filter((x) => x.cue).map(brief), []);
  });
  it('transcript labels inside quotation marks are sources', () => {
    const as = ex('The exchange went as follows:\n\n"HOST: Will the ferry run tomorrow?\n\n"MAYOR: It will, weather permitting.').filter((a) => a.cue?.text === ':');
    assert.deepEqual(as.map((a) => [a.source?.text, a.content.text]), [['HOST', 'Will the ferry run tomorrow?'], ['MAYOR', 'It will, weather permitting']]);
  });
  it('stance verbs need a subject that can hold a view', () => {
    for (const t of [
      'The new contract requires longer shifts at the docks.',
      'The storm threatened the old pier all night.',
      'Heavy rain favoured the late boats.',
      'The tides reflect the pull of the moon.',
    ]) assert.deepEqual(ex(t).filter((a) => a.cue).map(brief), [], t);
  });
  it('a capitalised stance word inside a Title Case headline is no cue', () => {
    const as = ex('Dockers Worried About Night Shifts\n\nThe union met on Monday.\n\nTalks went on.\n\nNo deal yet.');
    assert.equal(as.filter((a) => a.cue && a.paragraph === 0).length, 0);
  });
});

describe('attribution: clause boundaries', () => {
  it('a cue in a fronted clause does not swallow the main clause: "When he wrote …, Kell said …"', () => {
    const as = ex('When he wrote his memoir, Arno Kell said that debt was a last resort.');
    const said = as.find((a) => a.cue?.text === 'said');
    assert.ok(said, JSON.stringify(as.map(brief)));
    assert.equal(said.source!.text, 'Arno Kell');
    assert.equal(said.content.text, 'debt was a last resort');
  });
  it('", but she noted" opens a second attribution and ends the first one\'s content', () => {
    const as = ex('Ilse Marren said the ferry was late, but she noted that the crew had warned the passengers.').map(brief);
    assert.deepEqual(as, [
      { kind: 'indirect', cue: 'said', source: 'Ilse Marren', content: 'the ferry was late' },
      { kind: 'indirect', cue: 'noted', source: 'she', content: 'the crew had warned the passengers' },
    ]);
  });
});

describe('attribution: subjects with long modifiers', () => {
  const cases: [string, string, string][] = [
    ['A harbour authority report released last spring found that the cranes were unsafe.', 'found', 'A harbour authority report released'],
    ['Footage of the collision shows the tug turning too late.', 'shows', 'Footage of the collision'],
    ['Fishermen in Lantern Bay and along the coast say the quota is too low.', 'say', 'Fishermen in Lantern Bay and along the coast'],
    ['Most of the fishermen surveyed said they would vote no.', 'said', 'Most of the fishermen surveyed'],
    ['PORTSMOUTH -- Mayor Elena Voss, opening the new terminal on Friday, said it would serve the whole region.', 'said', 'Mayor Elena Voss, opening the new terminal on Friday'],
    ['Arno Kell -- author of a book on harbour law -- said the ruling was flawed.', 'said', 'Arno Kell -- author of a book on harbour law'],
    ['The harbour council met on Friday and pledged to rebuild the pier.', 'pledged', 'The harbour council'],
  ];
  for (const [t, cue, source] of cases) {
    it(`${cue}: ${t.slice(0, 50)}`, () => {
      const a = ex(t).find((x) => x.cue?.text === cue);
      assert.ok(a, JSON.stringify(ex(t).map(brief)));
      assert.equal(a.source?.text, source);
    });
  }
  it('a clause before the cue is no subject ("… failed as predicted", "… the storm came and …")', () => {
    assert.deepEqual(ex('The old ferry company failed as predicted.').filter((a) => a.source).map(brief), []);
    assert.deepEqual(ex('The storm came in the night and pledged nothing.').filter((a) => a.source).map(brief), []);
  });
});

describe('attribution: WordNet verbs of communication and cognition', () => {
  it('the generated lemma file is what scripts/gen-wordnet-cues.js makes from WordNet', () => {
    const r = spawnSync(process.execPath, [path.join(__dirname, '..', '..', '..', 'scripts', 'gen-wordnet-cues.js'), '--check'], { encoding: 'utf8' });
    assert.equal(r.status, 0, r.stdout + r.stderr);
  });
  it('a WordNet verb missing from the hand lists is a cue with a subject that can hold a view', () => {
    assert.ok(WORDNET_VERBS.has('debated') && !CUE_VERBS.has('debated'));
    const [a] = ex('Historians have long debated whether the harbour was ever profitable.');
    assert.deepEqual(brief(a!), { kind: 'indirect', cue: 'debated', source: 'Historians', content: 'whether the harbour was ever profitable' });
  });
  it('…and not with a subject that cannot ("The tides debated …" is no attribution)', () => {
    assert.deepEqual(ex('The old maps debated nothing about the harbour.').filter((a) => a.cue).map(brief), []);
  });
  it('stop-listed WordNet verbs (actions, sounds) are no cues', () => {
    for (const w of ['greet', 'greeted', 'photographed', 'nodded']) assert.ok(!STANCE_VERBS.has(w) && !CUE_VERBS.has(w), w);
  });
});

describe('attribution: shares of people as sources', () => {
  const cases: [string, string, string][] = [
    ['A majority support the new quota.', 'support', 'A majority'],
    ['Nearly two-thirds of residents oppose the plan, and 61% say the ferry should stay.', 'say', '61%'],
    ['Some 40 per cent of members say the pier is unsafe.', 'say', 'Some 40 per cent of members'],
    ['Only 52 percent of members agreed that the pier is safe, while 73 percent said the same of the bridge.', 'said', '73 percent'],
  ];
  for (const [t, cue, source] of cases) {
    it(`${cue}: ${t.slice(0, 50)}`, () => {
      const a = ex(t).find((x) => x.cue?.text === cue);
      assert.ok(a, JSON.stringify(ex(t).map(brief)));
      assert.equal(a.source?.text, source);
    });
  }
  it('a share of a thing is no view holder with a stance verb', () => {
    assert.deepEqual(ex('Forty percent of the budget supported the harbour repairs.').filter((a) => a.source).map(brief), []);
  });
});

describe('attribution: appositions, parentheses and relative pronouns as subjects', () => {
  const cases: [string, string, string][] = [
    ['His former partner, Arno Kell, said the deal was done.', 'said', 'His former partner, Arno Kell'],
    ['Councillor Pia Sand (Greens), the mayor’s rival, said the old ferries were unsafe.', 'said', 'Councillor Pia Sand (Greens), the mayor’s rival'],
    ['He’s sought to protect the harbour fund.', 'sought', 'He’s'],
    ['The study, which notes that the port lost money, was published on Monday.', 'notes', 'The study, which'],
    ['Families of the crew, many of whom say the ferry was unsafe, met the mayor.', 'say', 'Families of the crew, many of whom'],
    ['The dockers here, who have taken to the streets and called for a new contract, met the mayor.', 'called for', 'who'],
  ];
  for (const [t, cue, source] of cases) {
    it(`${cue}: ${t.slice(0, 50)}`, () => {
      const a = ex(t).find((x) => x.cue?.text === cue);
      assert.ok(a, JSON.stringify(ex(t).map(brief)));
      assert.equal(a.source?.text, source);
    });
  }
  it('"which" is no source for a stance cue (it holds no view)', () => {
    assert.deepEqual(ex('The new quota, which supports the small boats, starts in May.').filter((a) => a.source).map(brief), []);
  });
  it('a cue coordinated with another keeps its own attribution and ends the first one\'s content', () => {
    const as = ex('Mayor Ilse Marren opposed the plan and called for a vote.').map(brief);
    assert.deepEqual(as, [
      { kind: 'indirect', cue: 'opposed', source: 'Mayor Ilse Marren', content: 'the plan' },
      { kind: 'indirect', cue: 'called for', source: 'Mayor Ilse Marren', content: 'a vote' },
    ]);
  });
});

describe('attribution: participle clauses take the main clause subject', () => {
  it('"On Thursday, however, Mayor Voss spoke …, promising …"', () => {
    const a = ex('On Thursday, however, Mayor Voss spoke to a group of dock workers, promising to lift the quota.').find((x) => x.cue?.text === 'promising');
    assert.equal(a?.source?.text, 'Mayor Voss');
  });
  it('"A group of doctors in 2015 sent a letter …, calling for …"', () => {
    const a = ex('A group of doctors in 2015 sent a letter to the board, calling for his dismissal.').find((x) => x.cue?.text === 'calling for');
    assert.equal(a?.source?.text, 'A group of doctors');
  });
  it('not when the main subject cannot hold a view', () => {
    assert.deepEqual(ex('On Monday, the water climbed over the pier, threatening the road.').filter((a) => a.source).map(brief), []);
  });
});

describe('attribution: dates before the cue and documents after a quote', () => {
  it('"who in 2010 said": a year after "in" stands between subject and cue', () => {
    const a = ex('Voss met Kell, now the harbour master, who in 2010 said the pier was unsafe.').find((x) => x.cue?.text === 'said');
    assert.equal(a?.source?.text, 'who');
  });
  it('“…,” the letter reads: a document after the quote is its source', () => {
    const [a] = ex('“We see ferries offering hope to the islands,” the letter reads.');
    assert.deepEqual(brief(a!), { kind: 'direct', cue: 'reads', source: 'the letter', content: 'We see ferries offering hope to the islands' });
  });
  it('…but not any lower-case noun after a quote', () => {
    const [a] = ex('“We are closed,” the shop shut early.');
    assert.equal(a!.source, null);
  });
});

describe('attribution: fewer wrong sources', () => {
  it('after a plain comma, an inverted source must end the clause ("…, Ruiz, said the videos show …")', () => {
    const a = ex('In a statement, one of the family’s lawyers, Ana Ruiz, said the videos show the crew leaving.').find((x) => x.cue?.text === 'said');
    assert.equal(a?.source?.text, 'Ana Ruiz');
    const b = ex('The pier is unsafe, said the inspector.').find((x) => x.cue?.text === 'said');
    assert.equal(b?.source?.text, 'the inspector');
  });
  it('a month is no source ("a poll released in late August found")', () => {
    const a = ex('A harbour poll released in late August found that most dockers back the strike.').find((x) => x.cue?.text === 'found');
    assert.equal(a?.source?.text, 'A harbour poll released in late August');
  });
});

describe('attribution: "it" and clause-opening "that"', () => {
  it('"it" can hold a view (an organisation or a report), "it\'s" + participle cannot', () => {
    const a = ex('The union met on Monday. Later, it rejected the offer.').find((x) => x.cue?.text === 'rejected');
    assert.equal(a?.source?.text, 'it');
    assert.deepEqual(ex('It’s supposed to curb the night shifts.').filter((x) => x.source).map(brief), []);
  });
  it('a "that" after an adjective opens a clause: "obvious that voters want" has the source "voters"', () => {
    const a = ex('By now it should be obvious that voters want a new pier.').find((x) => x.cue?.text === 'want');
    assert.equal(a?.source?.text, 'voters');
  });
});

describe('attribution: a participle after a document speaks for the document\'s issuer', () => {
  it('"The harbour council issued a statement calling …"', () => {
    const a = ex('The harbour council issued a statement calling the strike a disgrace.').find((x) => x.cue?.text === 'calling');
    assert.equal(a?.source?.text, 'The harbour council');
  });
  it('"Mayor Voss filed legal papers opposing …"', () => {
    const a = ex('Mayor Elena Voss filed legal papers opposing the sale.').find((x) => x.cue?.text === 'opposing');
    assert.equal(a?.source?.text, 'Mayor Elena Voss');
  });
  it('the document stays the source when no verb with a subject governs it', () => {
    const a = ex('A statement calling the strike a disgrace was read out.').find((x) => x.cue?.text === 'calling');
    assert.equal(a?.source?.text, 'A statement');
  });
});

describe('attribution: a closing mark typed as an opening one', () => {
  it('”He is … ” ― Ana Ruiz: a ” with nothing open and a word after it opens a quote', () => {
    const t = 'Readers wrote in.\n\n”He is a bully. He shames us.” ― Ana Ruiz\n“The pier is a disgrace.”― Arno Kell';
    assert.deepEqual(ex(t).map((a) => [a.source?.text, a.content.text]), [['Ana Ruiz', 'He is a bully. He shames us.'], ['Arno Kell', 'The pier is a disgrace.']]);
  });
  it('a ” after a word still closes nothing when nothing is open', () => {
    assert.deepEqual(findQuotes(analyse('The word” stands alone here.')), []);
  });
});

describe('attribution: passive agents', () => {
  it('a reduced passive with "by": "When pressed by reporters about …"', () => {
    const a = ex('When pressed by reporters about the ferry, Voss said nothing new.').find((x) => x.cue?.text === 'pressed');
    assert.equal(a?.source?.text, 'reporters');
  });
  it('…only with an agent that can hold a view ("When pressed by the tide" is no attribution)', () => {
    assert.deepEqual(ex('When pressed by the tide, the boats drifted.').filter((a) => a.source).map(brief), []);
  });
});

describe('attribution: progressive cues and retweets', () => {
  it('"is promising": a cue\'s -ing form after "is" is a verb', () => {
    const a = ex('Mayor Voss is promising lower fares.').find((x) => x.cue?.text === 'promising');
    assert.equal(a?.source?.text, 'Mayor Voss');
  });
  it('"retweeted" is a cue like "tweeted"', () => {
    const a = ex('Councillor Pia Sand retweeted that the ferry was late.').find((x) => x.cue?.text === 'retweeted');
    assert.equal(a?.source?.text, 'Councillor Pia Sand');
  });
});

describe('attribution: time phrases between subject and cue', () => {
  it('"just this month announced", "last week said"', () => {
    assert.equal(ex('The harbour bank just this month announced it would cut fees.').find((x) => x.cue?.text === 'announced')?.source?.text, 'The harbour bank');
    assert.equal(ex('Mayor Voss last week said the pier was safe.').find((x) => x.cue?.text === 'said')?.source?.text, 'Mayor Voss');
  });
});

describe('attribution: noun forms and quotes in an earlier clause', () => {
  it('"the harbour talks" is no cue (a WordNet lemma that is a noun too keeps no -s form)', () => {
    const t = 'Mayor Ilse Marren described the harbour talks as “useful,” while admitting that “hard issues remain”.';
    const as = ex(t);
    assert.ok(!as.some((a) => a.cue?.text === 'talks'), JSON.stringify(as.map(brief)));
    assert.equal(as.find((a) => a.cue?.text === 'admitting')?.source?.text, 'Mayor Ilse Marren');
    assert.ok(WORDNET_VERBS.has('talked') && !WORDNET_VERBS.has('talks'));
  });
  it('a quote before ", though he noted" belongs to the earlier clause', () => {
    const t = 'Mayor Ilse Marren called the talks “useful”, though she noted there are “hard issues that remain”.';
    const as = ex(t);
    const noted = as.find((a) => a.cue?.text === 'noted');
    assert.deepEqual(noted?.quotes.map((q) => q.text), ['hard issues that remain']);
    assert.deepEqual(as.find((a) => a.cue?.text === 'called')?.quotes.map((q) => q.text), ['useful']);
  });
});

describe('attribution: what is no attribution', () => {
  it('"it" before a stance adjective is no source ("It was very optimistic about …", "It is clear that …")', () => {
    assert.deepEqual(ex('It was very optimistic about reaching a deal on the pier.').filter((a) => a.cue).map(brief), []);
    assert.deepEqual(ex('It is clear that the pier is unsafe.').filter((a) => a.cue).map(brief), []);
  });
  it('an inspection verb reports no claim ("He had reviewed a draft plan")', () => {
    assert.deepEqual(ex('Mayor Voss had reviewed a draft plan from the port.').filter((a) => a.cue).map(brief), []);
  });
});

describe('attribution: progressive cues need a subject that holds a view', () => {
  it('"the priorities were maintaining …" inside reported speech is no second attribution', () => {
    const as = ex('Mayor Voss stated that the port’s priorities in the talks were maintaining the ferry and raising wages.');
    assert.deepEqual(as.map((a) => a.cue?.text), ['stated']);
    assert.equal(as[0]!.content.text, 'the port’s priorities in the talks were maintaining the ferry and raising wages');
  });
});
