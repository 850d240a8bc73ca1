import { strict as assert } from 'node:assert';
import { applyEdits } from '../../../src/core/attribution/fixes';
import { derivedForms, macMcOnly } from '../../../src/core/names/analysis';
import { runTogether } from '../../../src/core/names/article';
import { demonymOf } from '../../../src/core/names/words';
import { archive, doc, names, show } from './helpers';

// Invented people, places and stories. In an archive (far more references than one story's), the other
// articles are other stories: a near miss there is often another person's name, and one article's
// spelling is no better than this one's.

describe('names/archive: another person\'s name needs the article\'s company', () => {
  const refs = archive(
    doc('r1', 'The lighthouse keeper Ewan Carrodine retired after forty years on the rock.'),
    doc('r2', 'A plaque for Ewan Carrodine was unveiled at the quay. Mr Carrodine thanked the crowd.'),
    doc('r3', 'Ewan Carrodine wrote a memoir of the lamp room.'),
  );

  it('a first name the target never has: another person, no suggestion', () => {
    const text = 'The harbour engineer, Tilda Carrodane, said the breakwater would be rebuilt by spring.';
    assert.deepEqual(names(text, refs), []);
  });

  it('a courtesy title beside both is no shared company', () => {
    const text = 'The harbour engineer, Tilda Carrodane, said the breakwater would hold. Mr Carrodane is her husband.';
    assert.deepEqual(names(text, refs), []);
  });

  it('the same first name is shared company: the slip is flagged', () => {
    const fs = names('The retired keeper Ewan Carrodane opened the museum on Saturday.', refs);
    assert.equal(fs.length, 1, show(fs));
    assert.equal(fs[0]!.rule, 'name-spelling');
    assert.deepEqual(fs[0]!.suggestions, ['Carrodine']);
  });

  it('a name with many companions in the archive is another person when the article\'s company is not among them', () => {
    const many = archive(
      ...['Alder', 'Birch', 'Cedar', 'Damson', 'Elder', 'Fennel', 'Gorse', 'Hazel', 'Ivy', 'Juniper', 'Kale', 'Laurel', 'Myrtle'].map((s, k) =>
        doc(`m${k}`, `The rower Oskarine ${s} won the regatta, and Oskarine ${s} thanked the club.`),
      ),
    );
    assert.deepEqual(names('The engineer Oksarine Whitlow designed the new boathouse.', many), []);
  });

  it('an initial the references give stands for the article\'s first name', () => {
    const refs2 = archive(
      doc('s1', 'The try was scored by T Tormead after ten minutes.'),
      doc('s2', 'Coach Dunmore praised T Tormead for his tackling.'),
      doc('s3', 'T Tormead returns to the side this weekend.'),
    );
    const fs = names('The side will be captained by Thomas Tormeed against the visitors on Saturday.', refs2);
    assert.equal(fs.length, 1, show(fs));
    assert.deepEqual(fs[0]!.suggestions, ['Tormead']);
  });
});

describe('names/archive: the article\'s spelling has support of its own', () => {
  it('the references write the article\'s spelling beside its company: a spelling of that name, not a slip', () => {
    const own = [
      doc('h1', 'The chess champion Rasmus Holvik won in twelve moves.'),
      doc('h2', 'Rasmus Holvik drew his second game.'),
      doc('h3', 'A film about Rasmus Holvik opens in March.'),
      doc('h4', 'The exiled player Rasmus Holvick gave a simultaneous display.'),
    ];
    const text = 'The grandmaster Rasmus Holvick arrived in the city for the tournament on Friday.';
    assert.deepEqual(names(text, archive(...own)), []);
    // in a story's own references the majority still decides
    const fs = names(text, own);
    assert.equal(fs.length, 1, show(fs));
    assert.deepEqual(fs[0]!.suggestions, ['Holvik']);
  });

  it('the article\'s own repeated uses count with the references\' for its spelling', () => {
    const refs = archive(
      doc('w1', 'The potter Frieda Weskin opened a studio. Weskin sells bowls.'),
      doc('w2', 'Frieda Weskin fired the kiln. Weskin was pleased.'),
      doc('w3', 'A lecture on glazes was given by Weskit.'),
    );
    const text = 'The potter Frieda Weskit opened her studio to visitors. Weskit said the kiln was new.';
    assert.deepEqual(names(text, refs), []);
  });

  it('a name in its own right needs the target beside its company more than once', () => {
    const hills = ['b1', 'b2', 'b3'].map((id) => doc(id, 'The mansion in Beverly Hills was sold to a film studio.'));
    const once = archive(...hills, doc('q1', 'The minister Beverly Quennell resigned on Tuesday.'));
    const text = 'The former minister Beverley Quennell gave evidence to the committee.';
    assert.deepEqual(names(text, once), []);
    const twice = archive(...hills, doc('q1', 'The minister Beverly Quennell resigned on Tuesday.'), doc('q2', 'Beverly Quennell was replaced by her deputy.'));
    const fs = names(text, twice);
    assert.equal(fs.length, 1, show(fs));
    assert.deepEqual(fs[0]!.suggestions, ['Beverly']);
  });
});

describe('names/other words and family spellings', () => {
  it('derivedForms: one word with other endings, not a slip added to a word', () => {
    assert.equal(derivedForms('olympian', 'olympics'), true);
    assert.equal(derivedForms('mercedese', 'mercedes'), false);
    assert.equal(derivedForms('sandes', 'sanders'), false);
    assert.equal(derivedForms('tarenby', 'tarrenby'), false);
  });

  it('a word with another ending is not suggested (Olympian against the references\' Olympics)', () => {
    const refs = [doc('o1', 'She skied at the Olympics in Vorsk. The Olympics drew record crowds, and the Olympics closed on Sunday.')];
    assert.deepEqual(names('Dahlgren, the most decorated Winter Olympian of the decade, retired on Monday.', refs), []);
  });

  it('macMcOnly: Mac against Mc and nothing else', () => {
    assert.equal(macMcOnly('macallan', 'mcallan'), true);
    assert.equal(macMcOnly('mcallan', 'macallan'), true);
    assert.equal(macMcOnly('macallan', 'mcallen'), false);
  });

  it('Mac against Mc is not settled by one reference writing it once, but is by one writing it often', () => {
    const text = 'The trial heard that Morag MacAllan had left the house before midnight.';
    assert.deepEqual(names(text, [doc('p1', 'Morag McAllan, 19, told the court she left before midnight.')]), []);
    const often = [doc('p1', 'Morag McAllan, 19, told the court she left before midnight. McAllan wept. Later McAllan left with her mother.')];
    const fs = names(text, often);
    assert.equal(fs.length, 1, show(fs));
    assert.deepEqual(fs[0]!.suggestions, ['McAllan']);
  });
});

describe('names/name-inconsistency: spellings that are not the article\'s slips', () => {
  it('runTogether: two or more joins of a lower-case letter and a capital', () => {
    assert.equal(runTogether('TarskFlagShareReplyMira'), true);
    assert.equal(runTogether('DaimlerChrysler'), false);
    assert.equal(runTogether('MrMandelson'), false);
    assert.equal(runTogether('McDonald'), false);
  });

  it('page debris run into names (a comment widget) is not a name', () => {
    const text = 'Ivo TarskFlagShareLikeReplyMira posted at noon. Rena TarskFlagShareLikeReplyNina replied at one.';
    assert.deepEqual(names(text, []), []);
  });

  it('a spelling marked [sic] is the quoted writer\'s', () => {
    const text = 'Odette Brannigan filed the claim. The letter attacked "Brannagan\'s [sic] campaign" and Brannigan replied.';
    assert.deepEqual(names(text, []), []);
  });

  it('a spelling inside an embedded post is the poster\'s', () => {
    const text = 'Police named the suspect as Corwin Hallett. <tweet id="1" author="@scanner">HALLEK named as suspect</tweet>. Hallett was arrested at dawn.';
    assert.deepEqual(names(text, []), []);
  });

  it('two parts of one name that look alike are not one name spelt two ways', () => {
    const text = 'The forecast was too gloomy, said Marek Ansel Marel, an economist at the bank.';
    assert.deepEqual(names(text, []), []);
  });

  it('two names of one place given on purpose are not an inconsistency', () => {
    const text = 'At the border post, known as Vorkesh to the north and Vorkash to the south, trucks wait for days. Vorkesh is busy.';
    assert.deepEqual(names(text, []), []);
  });

  it('a name run into the next word keeps the word in the fix', () => {
    const text = 'Quillfeather founded the mill. Quillfeather sold it later. Her partner Ansel formed Ansel Quillfeatherin 1995.';
    const fs = names(text, []);
    assert.equal(fs.length, 1, show(fs));
    const f = fs[0]!;
    assert.equal(f.rule, 'name-inconsistency');
    assert.equal(f.text, 'Quillfeatherin');
    assert.deepEqual(f.suggestions, ['Quillfeather in']);
    assert.match(f.message, /run into the next word/);
    assert.equal(applyEdits(text, f.fixes![0]!.edits), text.replace('Quillfeatherin', 'Quillfeather in'));
  });
});

describe('names: another real name, not a misspelling', () => {
  it('the people of a place are not a misspelling of it', () => {
    const refs = [doc('r1', 'Floods in Bolivia closed the mountain road. Bolivia asked for help with the repairs.')];
    assert.deepEqual(names('Aid workers said Bolivian farmers had lost their maize to the floods.', refs), []);
    assert.ok(demonymOf('kenyans', 'kenya') && demonymOf('somali', 'somalia') && demonymOf('israelis', 'israel'));
    assert.ok(!demonymOf('malt', 'malta') && !demonymOf('bolivia', 'bolivia'));
  });

  it('a misspelt place is still flagged', () => {
    const refs = [doc('r1', 'Floods in Bolivia closed the mountain road. Bolivia asked for help with the repairs.')];
    const fs = names('Aid workers in Bolivai said farmers had lost their maize to the floods.', refs);
    assert.deepEqual(fs.map((f) => f.suggestions), [['Bolivia']]);
  });

  const bound = [
    doc('r1', 'The old mill at Old Marrick burned down. Fire crews from Old Marrick fought it for hours.'),
    doc('r2', 'An old bridge near Old Marrick was closed while the old road was resurfaced.'),
  ];

  it('a target the references write almost always beside one ordinary word is part of another name', () => {
    // the agent's surname, not the village the references always call Old Marrick
    assert.deepEqual(names('The band fired their agent. Tomas Marrack said he had not been paid since May.', bound), []);
  });

  it('the same spelling beside that word is a slip', () => {
    const fs = names('The cinema at Old Marrack will reopen in the spring, the owners said.', bound);
    assert.deepEqual(fs.map((f) => f.suggestions), [['Marrick']]);
  });

  const ministers = archive(
    ...['Hartley', 'Quorn', 'Pemble', 'Straker'].map((s, k) => doc(`o${k}`, `The novelist Olwen ${s} read from her new book, and Olwen ${s} signed copies.`)),
    doc('o9', 'Minister Olwen Dray opened the library extension on Monday.'),
  );

  it('a title shared with the target beside another surname is another person', () => {
    assert.deepEqual(names('Fisheries Minister Olwenu Vantrice said the quota would be cut by a third this year.', ministers), []);
  });

  it('a surname shared with the target is still a slip', () => {
    const fs = names('The novelist Olwenn Hartley will read at the festival, the organisers said on Monday.', ministers);
    assert.deepEqual(fs.map((f) => f.suggestions), [['Olwen']]);
  });

  it('a given name that is also a word opens a sentence as company: another person', () => {
    const refs = [doc('c1', 'Spokesman Jim Pardwell said the ferry timetable would change. Jim Pardwell apologised.')];
    const text = 'The ferry ran late all week. Mike Pardwel, a spokesman for the operator, said the engines had failed.';
    assert.deepEqual(names(text, refs), []);
    // the same sentence with the references' first name: a slip
    const fs = names(text.replace('Mike', 'Jim'), refs);
    assert.deepEqual(fs.map((f) => f.suggestions), [['Pardwell']]);
  });
});

describe('names/archive: a mid-sized set of other stories is an archive', () => {
  // the article's story, told at length so that a reference copying it is seen to follow it
  const story =
    'The ferry to the outer isles was cancelled on Monday after a storm damaged the pier at the northern harbour, ' +
    'and the operator said repairs to the pier and the ramp would take at least three weeks to complete. ' +
    'Islanders said the loss of the ferry would leave the school and the surgery without supplies for most of the month.';
  const text = `${story} The councillor Ada Pellinar said the island could not wait that long.`;
  const place = [
    doc('p1', 'The choir travelled to Pellinor for the festival, and Pellinor welcomed them.'),
    doc('p2', 'A new bridge was opened in Pellinor on Friday.'),
  ];
  const others = (n: number) => Array.from({ length: n }, (_, k) =>
    doc(`o${k}`, `The parish council met for session ${k} to discuss the bus timetable and the allotment rents.`));

  it('a set chosen for the article (30 documents or fewer): the place\'s spelling is suggested', () => {
    const fs = names(text, [...others(20), ...place]);
    assert.equal(fs.length, 1, show(fs));
    assert.deepEqual(fs[0]!.suggestions, ['Pellinor']);
    assert.equal(text.slice(fs[0]!.start, fs[0]!.end), 'Pellinar');
  });

  it('60 documents of other stories, none following the article: a named person is not corrected to the place', () => {
    assert.deepEqual(names(text, [...others(60), ...place]), []);
  });

  it('60 documents, one of them the article\'s story: the set is the story\'s and the suggestion stands', () => {
    const fs = names(text, [...others(60), ...place, doc('s1', story)]);
    assert.equal(fs.length, 1, show(fs));
    assert.deepEqual(fs[0]!.suggestions, ['Pellinor']);
  });
});
