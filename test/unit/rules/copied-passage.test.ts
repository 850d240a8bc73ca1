import { strict as assert } from 'node:assert';
import { check } from '../../../src/core/engine';
import { dataOf } from '../../../src/core/finding-data';
import { ReferenceIndex } from '../../../src/core/reference-index';
import { doc, fixed, OTHER, WIRE } from './helpers';

describe('copied-passage rule and originality', () => {
  it('reports one finding per passage with source spans, and originality per article and source', () => {
    const article =
      'Dockworkers at the port of Marrowby walked out on Monday after talks over night-shift pay collapsed. ' +
      'Residents watched from the sea wall as the ships waited.';
    const refs = [doc('wire.txt', WIRE, { outlet: 'Coast Press Agency', title: 'Port strike' }), doc('council.txt', OTHER)];
    const r = check(article, ReferenceIndex.build(refs));
    const copied = r.findings.filter((f) => f.rule === 'copied-passage');
    assert.equal(copied.length, 1);
    const f = copied[0]!;
    assert.equal(f.text, article.slice(f.start, f.end));
    assert.equal(f.source!.text, WIRE.slice(f.source!.start, f.source!.end));
    assert.equal(f.match, 'verbatim');
    assert.match(f.message, /Coast Press Agency/);
    assert.equal(r.words, 27);
    assert.equal(r.originality, Math.round(((27 - 17) / 27) * 1e4) / 1e4);
    assert.deepEqual(r.sources.map((s) => [s.id, s.matchedWords]), [['wire.txt', 17]]);
    // the quote-and-credit fix wraps the passage and credits the outlet
    const fix = f.fixes![0]!;
    let out = article;
    for (const e of [...fix.edits].sort((x, y) => y.start - x.start)) out = out.slice(0, e.start) + e.newText + out.slice(e.end);
    assert.ok(out.startsWith('“Dockworkers at the port'), out);
    assert.ok(out.includes('pay collapsed,” according to Coast Press Agency. Residents'), out);
  });

  it('keeps the strongest source for overlapping passages and lists the others', () => {
    const article = 'Port director Elsa Varga said the authority had offered a four percent rise over two years.';
    const refs = [doc('wire.txt', WIRE), doc('copy.txt', 'Elsa Varga said the authority had offered a four percent rise.')];
    const r = check(article, ReferenceIndex.build(refs));
    const copied = r.findings.filter((f) => f.rule === 'copied-passage');
    assert.equal(copied.length, 1);
    assert.equal(copied[0]!.source!.id, 'wire.txt');
    assert.deepEqual(dataOf(copied[0]!, 'copied-passage')!.alsoIn.map((x) => x.id), ['copy.txt']);
  });

  it('does not count an attributed quotation as copying, but does count an unattributed one', () => {
    const wire =
      'Talks broke down at noon. “We will stay out until the night-shift rate is restored in full,” union ' +
      'secretary Nadia Brook told reporters outside the gates.';
    const index = ReferenceIndex.build([doc('wire.txt', wire)]);
    const attributed =
      'Pickets gathered early. “We will stay out until the night-shift rate is restored in full,” Brook said.';
    const r1 = check(attributed, index);
    assert.deepEqual(r1.findings.filter((f) => f.rule === 'copied-passage'), []);
    assert.equal(r1.originality, 1);
    const bare = 'Pickets gathered early. They will stay out until the night-shift rate is restored in full, and more.';
    const r2 = check(bare, index);
    assert.equal(r2.findings.filter((f) => f.rule === 'copied-passage').length, 1);
    assert.ok(r2.originality < 0.7, String(r2.originality));
  });

  it('a passage does not start or end inside an attributed quotation', () => {
    const wire =
      '“We will not let the crossings close for a single winter,” said Councillor Maren Oduya. ' +
      'According to the port authority, forty per cent of sailings were cancelled in March because of staff shortages.';
    const article =
      'Councillor Maren Oduya said: “We will not let the crossings close for a single winter.”\n\n' +
      'Forty per cent of sailings were cancelled in March because of staff shortages.';
    const r = check(article, ReferenceIndex.build([doc('wire.txt', wire)]));
    const copied = r.findings.filter((f) => f.rule === 'copied-passage');
    assert.deepEqual(copied.map((f) => f.text), ['Forty per cent of sailings were cancelled in March because of staff shortages']);
    assert.equal(copied[0]!.source!.text, 'forty per cent of sailings were cancelled in March because of staff shortages');
    assert.equal(copied[0]!.match, 'verbatim');
  });

  it('a reworded passage is not widened into the attributed quotation that follows it', () => {
    const wire =
      'Harbour Board chair Desmond Achterberg said the changes were needed to keep the port competitive with larger terminals along the coast. ' +
      '"No one will lose their job. We are asking people to work differently, not to leave," he said.';
    const article =
      'Board chair Desmond Achterberg insisted the changes were necessary if the port was to compete with bigger terminals elsewhere on the coast. ' +
      '"No one will lose their job. We are asking people to work smarter, not to leave," he said.';
    const r = check(article, ReferenceIndex.build([doc('wire.txt', wire)]));
    const copied = r.findings.filter((f) => f.rule === 'copied-passage');
    assert.equal(copied.length, 1);
    assert.ok(!copied[0]!.text.includes('No one will lose'), copied[0]!.text);
    assert.ok(copied[0]!.text.startsWith('Board chair Desmond Achterberg'), copied[0]!.text);
  });

  it('honours rule off and ignored sources', () => {
    const article = 'Dockworkers at the port of Marrowby walked out on Monday after talks over night-shift pay collapsed.';
    const index = ReferenceIndex.build([doc('wire.txt', WIRE)]);
    assert.equal(check(article, index, { rules: { 'copied-passage': 'off' } }).findings.length, 0);
    assert.equal(check(article, index, { ignore: { findings: [], sources: ['wire.txt'] } }).findings.length, 0);
    assert.equal(check(article, index, { rules: { 'copied-passage': 'error' } }).findings[0]!.severity, 'error');
  });
});

describe('copied-passage: independent reporting and rewritten copy', () => {
  // An invented wire story, and twenty short notices that make "council", "road", "said" and the
  // like the reference set's stock vocabulary.
  const LORRY_WIRE =
    'A lorry carrying eleven tonnes of frozen haddock overturned on the Kelderwick ring road early on Thursday, closing both carriageways for nine hours. ' +
    'The driver, Fenwick Ashdale, 52, from Tarnholme, was cut free by firefighters and taken to the county infirmary with a broken wrist. ' +
    'Highways officers said the trailer had clipped a kerb on the roundabout before toppling onto its side and spilling its load across the verge. ' +
    'Council gritting crews spread sand over the fish oil to stop passing cars from skidding. ' +
    'Inspector Rowena Tillgate said: "It is a miracle nobody else was hurt, and we are grateful to drivers for their patience this morning." ' +
    'The road reopened shortly after four in the afternoon.';
  const filler = Array.from({ length: 20 }, (_, k) =>
    doc(`notice${k}.txt`, `The council said on Thursday that the ${['bypass', 'bridge', 'high street', 'car park'][k % 4]} road works in ward ${k} would finish next week.`),
  );
  const index = ReferenceIndex.build([doc('wire.txt', LORRY_WIRE, { outlet: 'County Wire' }), ...filler]);
  const copiedOf = (text: string) => check(text, index).findings.filter((f) => f.rule === 'copied-passage');

  it('makes no finding on an independent report of the same event sharing names and a quotation', () => {
    const article =
      'Fish lay scattered across the Kelderwick ring road on Thursday when a haddock lorry tipped over. ' +
      'Motorists sat in queues for most of the day while the smell drifted over the allotments. ' +
      'Inspector Rowena Tillgate was at the scene. "It is a miracle nobody else was hurt, and we are grateful to drivers for their patience this morning." ' +
      'One commuter, a nurse heading for the early shift, abandoned her car and walked the last two miles to work. ' +
      'Fenwick Ashdale, the driver, was treated in hospital.';
    assert.deepEqual(copiedOf(article), []);
  });

  it("finds a rewritten wire story's copied sentence, not the reporter's own", () => {
    const verbatim =
      'A lorry carrying eleven tonnes of frozen haddock overturned on the Kelderwick ring road early on Thursday, closing both carriageways for nine hours';
    const restated = 'Firefighters freed the driver, Fenwick Ashdale, who was taken with a broken wrist to the county infirmary.';
    const article =
      `${verbatim}. ${restated} ` +
      'A reader sent us a photograph of seagulls circling above the wreck while the tailbacks stretched to the next village.';
    const found = copiedOf(article);
    assert.ok(found.length >= 1);
    assert.ok(found.every((f) => f.source!.id === 'wire.txt'));
    const covers = (s: string) => found.some((f) => f.start <= article.indexOf(s) && f.end >= article.indexOf(s) + s.length - 1);
    assert.ok(covers(verbatim), 'the verbatim sentence');
    const own = article.indexOf('A reader sent');
    assert.ok(found.every((x) => x.end <= own), JSON.stringify(found.map((x) => x.text)));
  });
});

describe('copied-passage fixes: credit the source, leave well-formed text, clear the finding', () => {
  const LINES = [
    'Inspectors found that the lighthouse at Saltmere Point had been dark for eleven nights before the storm reached the coast.',
    'The keeper, Ruth Anselm, said the "old lamp" had failed twice since the spring and that spare parts had been ordered in May.',
    'Fishermen in the harbour said they had steered by the church tower instead.',
  ];
  const SOURCE = LINES.join(' ');
  const refs = () => ReferenceIndex.build([doc('wire.txt', SOURCE, { outlet: 'Saltmere Gazette' })]);
  const copied = (text: string) => check(text, refs()).findings.filter((f) => f.rule === 'copied-passage');

  it('whole sentences become a quotation, with the double marks inside turned single', () => {
    const article = `${LINES[1]} Her brother disagreed.`;
    const [f] = copied(article);
    assert.equal(f!.fixes![0]!.title, 'Quote it and credit Saltmere Gazette');
    const out = fixed(article, f!);
    assert.equal(out, '“The keeper, Ruth Anselm, said the ‘old lamp’ had failed twice since the spring and that spare parts had been ordered in May,” according to Saltmere Gazette. Her brother disagreed.');
    assert.deepEqual(copied(out), [], 'the quoted and credited passage is no longer a finding');
  });

  it('a passage starting inside a sentence keeps its words: its sentence is credited', () => {
    const article = 'By the time the gale came, the lighthouse at Saltmere Point had been dark for eleven nights before the storm reached the coast. Nobody has explained why.';
    const [f] = copied(article);
    assert.equal(f!.fixes![0]!.title, 'Credit Saltmere Gazette');
    const out = fixed(article, f!);
    assert.equal(out, 'By the time the gale came, the lighthouse at Saltmere Point had been dark for eleven nights before the storm reached the coast, according to Saltmere Gazette. Nobody has explained why.');
    assert.deepEqual(copied(out), []);
  });

  it('no fix for a passage over two paragraphs, or whose sentence ends in a quotation', () => {
    const two = `${LINES[0]}\n\n${LINES[1]}`;
    const [f] = copied(two);
    assert.ok(f && f.end - f.start > LINES[0]!.length, 'one passage over both paragraphs');
    assert.equal(f!.fixes, undefined);
    const quoting = `Officials said ${LINES[0]!.slice(0, 1).toLowerCase()}${LINES[0]!.slice(1, -1)}, “and nobody noticed.”`;
    const [g] = copied(quoting);
    assert.ok(g, 'the passage is still reported');
    assert.equal(g!.fixes, undefined);
  });

  it('a passage running on from a credited paragraph into an uncredited one is cut to the uncredited one, on both sides', () => {
    const first = `${LINES[0]!.slice(0, -1)}, according to Saltmere Gazette.`;
    const article = `${first}\n\n${LINES[1]}`;
    const found = copied(article);
    assert.equal(found.length, 1);
    const [f] = found;
    assert.equal(f!.start, first.length + 2, 'the finding starts at the uncredited paragraph');
    assert.equal(f!.end, article.length - 1);
    assert.equal(f!.source!.start, SOURCE.indexOf(LINES[1]!), 'the source side starts where that paragraph’s words do');
    assert.equal(f!.source!.end, SOURCE.indexOf(LINES[1]!) + LINES[1]!.length - 1);
    assert.equal(f!.fixes![0]!.title, 'Quote it and credit Saltmere Gazette');
    assert.deepEqual(copied(fixed(article, f!)), [], 'crediting the second paragraph too leaves nothing to report');
  });

  it('a passage over a credited paragraph between two uncredited ones is reported as the two stretches around it', () => {
    const middle = `${LINES[1]!.slice(0, -1)}, according to Saltmere Gazette.`;
    const article = `${LINES[0]}\n\n${middle}\n\n${LINES[2]}`;
    const found = copied(article);
    const spans = found.map((f) => article.slice(f.start, f.end));
    assert.deepEqual(spans, [LINES[0]!.slice(0, -1), LINES[2]!.slice(0, -1)]);
    assert.deepEqual(found.map((f) => f.source!.text), spans, 'each source side is its own stretch of the source');
  });

  it('a credit in the article that names the source clears the passage; one naming another outlet does not', () => {
    const base = 'By the time the gale came, the lighthouse at Saltmere Point had been dark for eleven nights before the storm reached the coast';
    assert.deepEqual(copied(`${base}, according to Saltmere Gazette.`), []);
    assert.equal(copied(`${base}, according to the Harbour Times.`).length, 1);
  });
});

